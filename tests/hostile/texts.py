"""Hostile text and names: doc text that would break generated code if it ever reached it
unescaped. Strings carry `PAYLOAD`, a statement that would stop the interpreter if doc text
ran as code, and `MARKER`, so that a test can find where each piece ended up."""

from __future__ import annotations

PAYLOAD = 'raise SystemExit("PWNED")'
"""Code that must never run: if doc text became code, importing a module would exit."""
MARKER = "zqx"
"""A token in every hostile text, to find where doc text went in generated source."""

TEXTS: dict[str, str] = {
    "triple_double": f'zqx1 Ends """ here; {PAYLOAD} #',
    "triple_single": f"zqx2 Ends ''' here; {PAYLOAD} #",
    "backslashes": "zqx3 C:\\new\\table \\x41 \\u0042 \\N{BULLET} \\'\\\" trailing \\",
    "nul": f"zqx4 before\x00after {PAYLOAD}",
    "jinja": "zqx5 {{ 7*7 }} {% if true %}{{ config }}{% endif %} {# note #} {%- raw -%}",
    "dollar": "zqx6 ${HOME} $(whoami) `id` ${{ secrets.TOKEN }} %s %(x)s {0!r}",
    "carriage_return": f'zqx7 first\rsecond """\r{PAYLOAD}\r\n# third',
    "line_separators": f'zqx8 a\u2028b\u2029c\x85d\x0be\x0cf"""{PAYLOAD}',
    "comment_breakout": f"zqx9 # comment\n{PAYLOAD}\n-->*/",
    "fstring": f'zqx10 f"{{{PAYLOAD}}}" {{__import__("os").system("id")}}',
    "bidi": "zqx11 safe\u202e)(lave\u2066 \u200b\u200d zero width \ufeff",
    "trailing_quote": 'zqx12 ends with a quote"',
    "trailing_backslash": "zqx13 ends with a backslash\\",
    "quotes": "zqx14 \"double\" 'single' `back` \u201ccurly\u201d \u2018curly\u2019 \"\"\"\" ''''",
    "emoji": "zqx15 \U0001f680 launch \U0001f600 \u540d\u5b57 \u03a9 \ufb01 na\u00efve",
    "html": "zqx16 <script>alert(1)</script> &lt;b&gt; <!-- x --> ]]>",
    "yaml": "zqx17 key: value\n- item\n&anchor *alias !!python/object/apply:os.system ['id']",
    "surrogate": "zqx18 lone \ud800 surrogate",
    "long": "zqx19 " + "word " * 400,
}
"""Descriptions (and summaries, titles, defaults, enum values) that try to break out."""

KEYWORDS = ["class", "from", "async", "await", "def", "import", "None", "True", "lambda"]
SOFT_KEYWORDS = ["match", "case", "type", "_"]
BUILTINS = ["id", "list", "str", "print", "object", "dict", "int", "bool", "len", "format"]
PYDANTIC = ["model_config", "json", "copy", "schema", "fields", "model_dump", "validate"]
DUNDERS = ["__init__", "__class__", "__dict__", "__import__", "__slots__", "__builtins__"]
ODD = [
    "first name",
    "x-request-id",
    "a.b.c",
    "2fa",
    "123",
    "\U0001f680",
    "\U0001f680launch",
    "\u540d\u5b57",
    "na\u00efve",
    "a-b",
    "a_b",
]
CASE_TWINS = ["Name", "name", "NAME"]
INJECTION_NAMES = ['x"); import os; ("', "{{x}}", "$x", "a\\b"]
SIGNATURE_NAMES = ["self", "cls", "timeout", "extra_headers", "extra_body", "body", "client"]
TYPING_NAMES = ["NOT_GIVEN", "NotGiven", "BaseModel", "Field", "Literal", "Any", "annotations"]

NAMES: list[str] = [
    *KEYWORDS,
    *SOFT_KEYWORDS,
    *BUILTINS,
    *PYDANTIC,
    *DUNDERS,
    *ODD,
    *CASE_TWINS,
    *INJECTION_NAMES,
    *SIGNATURE_NAMES,
    *TYPING_NAMES,
]
"""Field and parameter names that are not plain identifiers, or are taken in Python."""

WIRE_ONLY_NAMES = ["", " ", "__", "a\nb", "a\rb", "a\x00b", "a\tb", "\ud800"]
"""Names only a spec can carry (a page line cannot hold them)."""

SCHEMA_NAMES = [
    "../../x",
    "/abs/path",
    "a\x00b",
    "class",
    "BaseModel",
    "Client",
    "AsyncClient",
    "model_config",
    "Field",
    "Literal",
    "Any",
    "Optional",
    "Union",
    "annotations",
    "",
    "Foo",
    "foo",
    "\U0001f680",
    "2fa",
    "__init__",
    "NotGiven",
    "Timeout",
    "Headers",
    "Body",
    "SyncCursorPage",
    "Mapping",
    "APIError",
]
"""Component schema names: class names, and names that look like paths."""

PATH_SEGMENTS = [
    "class",
    "from",
    "match",
    "type",
    "__init__",
    "2fa",
    "a.b",
    "x-y",
    "Things",
    "things",
    "request",
    "close",
    "send",
    "with_raw_response",
    "\U0001f680",
    "..",
    "%2e%2e",
    "timeout",
    "headers",
    "client",
    "base_url",
    "sync_cursor_page",
]
"""Literal path segments (they name resources, modules and client attributes)."""

ESCAPES = [
    "../../x",
    "..",
    "/etc/passwd",
    "/tmp/escape",
    "a/../../b",
    "..\\..\\x",
    "a\x00b",
    "~/x",
    "C:\\x",
]
"""API names, package names and titles that try to leave the output folder."""

AUTH_HEADERS = ["X-Timeout", "X-Base-Url", "X-Request", "X-Close", "X-Api-Key", "x-api-key"]
"""API key header names whose Python names would clash with the client's own."""
