"""The adversarial corpus: hostile text, hostile names, and pages of every family shape.

Everything is data plus small generators; nothing large is committed. `page_cases()` lists
every page case (a file name and its bytes, or a generator for the huge ones) with what a
correct run must give. Hostile strings carry `PAYLOAD`, a statement that would stop the
interpreter if doc text ever ran as code, and `MARKER`, so that a test can find where
each piece of doc text ended up in generated source.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Literal

import yaml

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


@dataclass(frozen=True)
class Field:
    name: str
    description: str
    type: str = "string"
    required: bool = False


def fields(names: list[str], texts: list[str] | None = None) -> list[Field]:
    """One field per name; descriptions cycle through `texts` (default: every hostile text)."""
    pool = texts if texts is not None else list(TEXTS.values())
    kinds = ["string", "integer", "boolean", "number"]
    return [
        Field(name, pool[i % len(pool)], kinds[i % len(kinds)], required=i % 3 == 0)
        for i, name in enumerate(names)
    ]


def _one_line(text: str) -> str:
    """Page text cannot carry line breaks inside a table cell or a bullet."""
    return " ".join(text.replace("|", "/").split())


# --- pages in each family's shape ------------------------------------------------------


def markdown_table_page(
    items: list[Field], *, path: str = "/things", title: str = "Create thing"
) -> str:
    rows = "\n".join(
        f"| `{f.name}` | {f.type} | {'Yes' if f.required else 'No'} | {_one_line(f.description)} |"
        for f in items
    )
    return f"""# {_one_line(title)}

`POST https://api.example.test/v1{path}`

{_one_line(TEXTS["triple_double"])}

All requests must send your API key in an `Authorization: Bearer <API_KEY>` header.

## Request body

| Name | Type | Required | Description |
| --- | --- | --- | --- |
{rows}

## Returns

The created thing.
"""


def bump_page(items: list[Field], *, path: str = "/things", title: str = "Create a thing") -> str:
    body = "\n\n".join(
        f"  • {f.name} {f.type}{' Required' * f.required}\n\n    {_one_line(f.description)}"
        for f in items
    )
    props = "\n".join(f"    • {f.name} {f.type}" for f in items[:8])
    return f"""{_one_line(title)}

POST {path}

{_one_line(TEXTS["jinja"])}

Body Required

{body}

Responses

  • 200 application/json

    OK

    Hide response attributes Show response attributes object
{props}
POST {path}
curl \\
 --request POST 'https://api.example.test/v1{path}' \\
 --header "Authorization: Bearer $ACCESS_TOKEN"
"""


def apifox_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    params = "\n".join(
        f"{f.name}\n{f.type}\n{'required' if f.required else 'optional'}\n"
        f"{_one_line(f.description)}"
        for f in items
    )
    return f"""{_one_line(title)}
POST
https://api.example.test/v1{path}
Request
Authorization
Provide your bearer token in the
Authorization
header when making requests to protected resources.Example:
Authorization: Bearer ********************
Header Params
Content-Type
string
required
Example:
application/json
Body Params application/json
{params}
Responses
🟢200Success
application/json
Body
id
string
required
"""


def mintlify_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    params = "\n\n".join(
        f"{f.name}\n{f.type}\n{'required' if f.required else ''}\n\n{_one_line(f.description)}"
        for f in items
    )
    return f"""Things
{_one_line(title)}
POST
/
{path.strip("/").replace("/", chr(10) + "/" + chr(10))}
curl --request POST \\
  --url https://api.example.test/v1{path} \\
  --header 'Authorization: Bearer <token>' \\
  --header 'Content-Type: application/json'
Authorizations

Authorization
string
header
required

Bearer authentication header of the form Bearer <token>, where <token> is your auth token.

Body

application/json
{params}

Response

200 - application/json
OK
id
string
required
"""


def html_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    """An HTML page (ReadMe-like markup) with every name and text HTML-escaped, as a site does."""
    rows = "".join(
        f'<div class="Param"><div class="Param-header"><span class="Param-name">{escape(f.name)}'
        f'</span><span class="Param-type">{f.type}</span>'
        + ('<span class="Param-required">required</span>' if f.required else "")
        + f'</div><div class="Param-description markdown-body"><p>{escape(f.description)}</p>'
        "</div></div>\n"
        for f in items
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)}</title></head><body>
<main class="rm-Article rm-Api"><header class="rm-Article-header"><div class="APIHeader">
<h1 class="APIHeader-title">{escape(title)}</h1><div class="APIHeader-url-parameter-wrapper">
<span class="rm-APIMethod APIMethod APIMethod_post">post</span><span class="APIHeader-url">
<span class="APIHeader-url-server">https://api.example.test/v1</span>
<span class="APIHeader-url-path">{path}</span></span></div></div>
<div class="markdown-body excerpt"><p>{escape(TEXTS["html"])}</p></div></header>
<form class="rm-ParamContainer"><section class="APISectionHeader">
<h2 class="APISectionHeader-heading">Body Params</h2></section>
<div class="ParamContainer-list">
{rows}</div></form>
<script>{escape(TEXTS["fstring"])}</script>
</main></body></html>
"""


def embedded_page(spec: dict[str, Any], *, fence: str = "json") -> str:
    """A Markdown export with the whole spec in a code block (the embedded family)."""
    text = json.dumps(spec, indent=2, ensure_ascii=False)
    return f"# {MARKER} exported spec\n\n```{fence}\n{text}\n```\n"


# --- a spec that carries every hostile name and text -----------------------------------


def _properties(names: list[str], texts: list[str]) -> dict[str, Any]:
    kinds = ["string", "integer", "boolean", "number"]
    return {
        name: {"type": kinds[i % len(kinds)], "description": texts[i % len(texts)]}
        for i, name in enumerate(names)
    }


def hostile_spec(*, title: str = TEXTS["triple_double"]) -> dict[str, Any]:
    """An OpenAPI 3.1 document with hostile text and names in every slot that reaches code."""
    texts = list(TEXTS.values())
    names = NAMES + WIRE_ONLY_NAMES
    body = {"type": "object", "required": names[:6], "properties": _properties(names, texts)}
    schemas: dict[str, Any] = {
        name: {
            "type": "object",
            "title": texts[i % len(texts)],
            "description": texts[(i + 1) % len(texts)],
            "properties": {
                "value": {"type": "string", "default": texts[i % len(texts)]},
                "self_ref": {"$ref": "#/components/schemas/" + _pointer(name)},
                "kind": {"type": "string", "enum": [*texts[:6], *names[:6]]},
            },
        }
        for i, name in enumerate(SCHEMA_NAMES)
    }
    paths: dict[str, Any] = {}
    for i, segment in enumerate(PATH_SEGMENTS):
        param = NAMES[i % len(NAMES)].replace("{", "").replace("}", "").replace("/", "")
        path = f"/{segment}/{{{param}}}" if param.strip() else f"/{segment}"
        paths[path] = {
            "get": {
                "operationId": NAMES[(i + 3) % len(NAMES)],
                "summary": texts[i % len(texts)],
                "description": texts[(i + 1) % len(texts)],
                "tags": [NAMES[(i + 5) % len(NAMES)]],
                "parameters": [
                    {
                        "name": name,
                        "in": "query" if j % 2 else "header",
                        "description": texts[(i + j) % len(texts)],
                        "schema": {
                            "anyOf": [
                                {"type": "string", "enum": [f"{texts[j]} | x", "a | None | b"]},
                                {"type": "string", "enum": [f"{texts[j]} | y", "object"]},
                                {"type": "null"},
                            ]
                        },
                    }
                    for j, name in enumerate(NAMES[i : i + 6])
                ],
                "responses": {
                    "200": {
                        "description": texts[(i + 2) % len(texts)],
                        "content": {
                            "application/json": {
                                "schema": {
                                    "$ref": "#/components/schemas/"
                                    + _pointer(SCHEMA_NAMES[i % len(SCHEMA_NAMES)])
                                }
                            }
                        },
                    }
                },
            }
        }
    paths["/things"] = {
        "post": {
            "operationId": "class",
            "summary": TEXTS["carriage_return"],
            "description": TEXTS["line_separators"],
            "requestBody": {
                "content": {"application/json": {"schema": body, "example": {"class": "x"}}}
            },
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": body}}}
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": TEXTS["dollar"], "description": TEXTS["jinja"]},
        "servers": [{"url": "https://api.example.test/v1?" + TEXTS["triple_single"]}],
        "x-default-headers": {TEXTS["nul"][:20]: TEXTS["backslashes"]},
        "security": [{header: []} for header in AUTH_HEADERS[:1]],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                header: {"type": "apiKey", "in": "header", "name": header}
                for header in AUTH_HEADERS
            }
            | {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _pointer(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def escape_spec(name: str) -> dict[str, Any]:
    """A small valid spec whose title, tag and operationId try to escape the output folder."""
    return {
        "openapi": "3.1.0",
        "info": {"title": name, "version": "1"},
        "paths": {
            f"/{name}/{{id}}": {
                "get": {
                    "operationId": name,
                    "tags": [name],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"204": {"description": name}},
                }
            }
        },
    }


# --- file-level cases ----------------------------------------------------------------------

Expect = Literal["operations", "problem", "either"]
"""What `scrape` must end with: operations found (exit 0), a problem (exit 1), or either."""


@dataclass(frozen=True)
class PageCase:
    id: str
    filename: str
    data: bytes | Callable[[Path], None]
    """The bytes of the page, or a generator that writes it (huge pages)."""
    expect: Expect
    names: tuple[str, ...] = ()
    """Field names the OpenAPI result must carry (checked only when given)."""
    texts: tuple[str, ...] = field(default=())
    """Hostile texts written into the page (tracked into the generated code)."""

    def write(self, folder: Path) -> Path:
        path = folder / self.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(self.data):
            self.data(path)
        else:
            path.write_bytes(self.data)
        return path


def nested_json(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def nested_schema(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        node = {"type": "object", "properties": {"child": node}}
    return node


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def huge_page(size: int) -> Callable[[Path], None]:
    """A Markdown table page padded with prose to `size` bytes, written in chunks."""

    def write(path: Path) -> None:
        head = _utf8(markdown_table_page(fields(["id", "class"], ["plain"])))
        line = b"Filler prose | with a bar | and `code` and a curl -X GET mention.\n"
        with path.open("wb") as out:
            out.write(head)
            remaining = size - len(head)
            chunk = line * (1 << 14)
            while remaining > 0:
                out.write(chunk[:remaining])
                remaining -= len(chunk)

    return write


def _family_cases() -> list[PageCase]:
    groups = {
        "keywords": KEYWORDS + SOFT_KEYWORDS,
        "builtins": BUILTINS + PYDANTIC,
        "dunders": DUNDERS + TYPING_NAMES + SIGNATURE_NAMES,
        "odd": ODD + CASE_TWINS + INJECTION_NAMES,
    }
    texts = tuple(TEXTS.values())
    makers: list[tuple[str, str, Callable[[list[Field]], str], bool]] = [
        ("markdown", "md", markdown_table_page, True),
        ("bump", "txt", bump_page, False),
        ("apifox", "txt", apifox_page, False),
        ("mintlify", "txt", mintlify_page, False),
        ("html", "html", html_page, False),
    ]
    cases = []
    for family, suffix, make, exact in makers:
        for group, names in groups.items():
            text = make(fields(names), path=f"/{family}/{group}")
            cases.append(
                PageCase(
                    f"{family}-{group}",
                    f"{family}/{group}.{suffix}",
                    _utf8(text),
                    "operations",
                    names=tuple(n for n in names if " " not in n) if exact else (),
                    texts=texts,
                )
            )
    for fence in ("json", "yaml"):
        spec = hostile_spec()
        text = embedded_page(spec, fence=fence)
        if fence == "yaml":
            clean = json.loads(
                json.dumps(spec).replace("\\ud800", "")
            )  # YAML has no lone surrogates
            dumped = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False)
            text = f"# {MARKER} exported spec\n\n```yaml\n{dumped}```\n"
        cases.append(
            PageCase(
                f"embedded-{fence}",
                f"embedded/spec_{fence}.md",
                _utf8(text),
                "operations",
                names=tuple(n for n in NAMES if n),
                texts=texts,
            )
        )
    return cases


def _encoding_cases() -> list[PageCase]:
    def page(case: str, *, euro: bool = True) -> str:
        items = fields(["class", "caf\u00e9", "id"], ["Prix en \u20ac, d\u00e9j\u00e0 vu"])
        text = markdown_table_page(items, path=f"/enc/{case}")
        return text if euro else text.replace("\u20ac", "EUR")

    wanted = ("class", "caf\u00e9")
    encoded: dict[str, bytes] = {
        "utf16-le-bom": codecs.BOM_UTF16_LE + page("a").encode("utf-16-le"),
        "utf16-be-bom": codecs.BOM_UTF16_BE + page("b").encode("utf-16-be"),
        "utf16-le": page("c").encode("utf-16-le"),
        "utf16-be": page("d").encode("utf-16-be"),
        "utf32-bom": codecs.BOM_UTF32_LE + page("e").encode("utf-32-le"),
        "latin1": page("f", euro=False).encode("latin-1"),
        "utf8-bom": codecs.BOM_UTF8 + page("g").encode(),
        "mixed-utf8-latin1": page("h").encode()
        + "\nUne ligne en Latin-1 : caf\u00e9 cr\u00e8me\n".encode("latin-1"),
        "cp1252-quotes": page("i", euro=False).replace("Prix", "\u201cPrix\u201d").encode("cp1252"),
    }
    return [
        PageCase(case, f"enc/{case}.md", data, "operations", wanted)
        for case, data in encoded.items()
    ]


def _broken_cases() -> list[PageCase]:
    table = markdown_table_page(fields(["id"], ["x"]), path="/broken")
    deep = nested_json(500)
    return [
        PageCase("empty-txt", "broken/empty.txt", b"", "problem"),
        PageCase("empty-md", "broken/empty.md", b"", "problem"),
        PageCase("empty-html", "broken/empty.html", b"", "problem"),
        PageCase("empty-json", "broken/empty.json", b"", "problem"),
        PageCase("whitespace", "broken/blank.txt", b" \n\t\n\r\n\x0c\n", "problem"),
        PageCase("bom-only", "broken/bom.txt", codecs.BOM_UTF8, "problem"),
        PageCase(
            "binary-png",
            "broken/image.txt",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
            "problem",
        ),
        PageCase(
            "binary-random",
            "broken/random.md",
            bytes((i * 7919 + 13) % 256 for i in range(65536)),
            "problem",
        ),
        PageCase("binary-html", "broken/blob.html", b"\x00\x01\x02\xff" * 4096, "problem"),
        PageCase(
            "unknown-pdf",
            "broken/doc.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            "problem",
        ),
        PageCase(
            "unknown-xml",
            "broken/doc.xml",
            b"<?xml version='1.0'?><api><op method='GET'/></api>",
            "either",
        ),
        PageCase("unknown-noext", "broken/README", _utf8(table), "either"),
        PageCase(
            "nested-json-500",
            "broken/nested.md",
            _utf8(table + f"\n## Example response\n\n```json\n{deep}\n```\n"),
            "operations",
        ),
        PageCase(
            "nested-json-5000",
            "broken/nested_deeper.md",
            _utf8(table + f"\n```json\n{nested_json(5000)}\n```\n"),
            "operations",
        ),
        PageCase(
            "nested-spec-file",
            "broken/nested_spec.json",
            _utf8(
                json.dumps(
                    {
                        "openapi": "3.1.0",
                        "info": {"title": "t", "version": "1"},
                        "paths": {
                            "/x": {
                                "post": {
                                    "requestBody": {
                                        "content": {
                                            "application/json": {
                                                "schema": nested_schema(60),
                                                "example": json.loads(nested_json(500)),
                                            }
                                        }
                                    },
                                    "responses": {"200": {"description": "ok"}},
                                }
                            }
                        },
                    }
                )
            ),
            "operations",
        ),
        PageCase(
            "deep-spec-json",
            "broken/deep_spec.json",
            _utf8('{"openapi": "3.1.0", "paths": {"/x": ' + nested_json(5000) + "}}"),
            "problem",
        ),
        PageCase(
            "invalid-json-example",
            "broken/invalid.md",
            _utf8(
                table
                + '\n```json\n{"a": 1,, "b": [1, 2\n```\n\n```json\n{"big": 1'
                + "0" * 5000
                + ', "nan": NaN, "inf": 1e999999}\n```\n'
            ),
            "operations",
        ),
        PageCase(
            "invalid-spec-json",
            "broken/invalid_spec.json",
            b'{"openapi": "3.1.0", "paths": {"/x": {"get": ',
            "problem",
        ),
        PageCase(
            "invalid-spec-yaml",
            "broken/invalid_spec.md",
            b"```yaml\nopenapi: 3.1.0\npaths:\n  /x: [unclosed\n  - : :\n```\n",
            "problem",
        ),
        PageCase("yaml-bomb", "broken/bomb.md", _utf8(_yaml_bomb()), "either"),
        PageCase(
            "unclosed-fence",
            "broken/fence.md",
            _utf8(table + '\n```json\n{"a": 1}\n'),
            "operations",
        ),
        PageCase("huge-line", "broken/one_line.txt", b"GET /x " + b"a" * 2_000_000, "either"),
        PageCase(
            "control-chars",
            "broken/controls.md",
            _utf8(table.replace("| x |", "| x\x01\x02\x1b[31m\x7f |")),
            "operations",
        ),
        PageCase(
            "crlf-and-cr",
            "broken/crlf.md",
            _utf8(table.replace("\n", "\r\n")[: len(table)] + table.replace("\n", "\r")),
            "operations",
        ),
        PageCase("huge-50mb", "huge/page.md", huge_page(50 * 1024 * 1024), "problem"),
    ]


def _yaml_bomb() -> str:
    lines = ["openapi: 3.1.0", "info: {title: bomb, version: '1'}", 'a0: &a0 ["lol", "lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 16)]
    lines += ["paths:", "  /x:", "    get:", "      description: bomb", "      x-bomb: *a15"]
    lines += ["      responses: {'200': {description: ok}}"]
    return "```yaml\n" + "\n".join(lines) + "\n```\n"


def page_cases() -> list[PageCase]:
    return [*_family_cases(), *_encoding_cases(), *_broken_cases()]
