"""The one place where doc text becomes Python source (STYLE.md point 6).

SECURITY: everything a doc page says is untrusted. It reaches generated code only as
- identifiers made by `identifier()` / `class_name()` (validated `str` subclasses), or
- string literals made by `pystr()` (Python's own `repr`, which escapes everything), or
- docstring/comment bodies made by `docstring()` / `comment()`, which cannot close the
  string or the comment they sit in.
Templates use only these (as Jinja filters); nothing else interpolates page text.
"""

from __future__ import annotations

import builtins
import json
import keyword
import sys
import unicodedata

from generator import lazyre

_PYDANTIC = {
    "model_config",
    "model_fields",
    "model_computed_fields",
    "model_extra",
    "model_fields_set",
    "model_construct",
    "model_copy",
    "model_dump",
    "model_dump_json",
    "model_json_schema",
    "model_parametrized_name",
    "model_post_init",
    "model_rebuild",
    "model_validate",
    "model_validate_json",
    "model_validate_strings",
    "dict",
    "json",
    "copy",
    "parse_obj",
    "parse_raw",
    "parse_file",
    "from_orm",
    "construct",
    "schema",
    "schema_json",
    "validate",
    "update_forward_refs",
    "fields",
    "self",
    "cls",
}
CLIENT_ATTRIBUTES = frozenset(
    {
        "annotations",
        "auth_headers",
        "base_url",
        "build_options",
        "cached_property",
        "close",
        "default_headers",
        "http_client",
        "httpx",
        "is_closed",
        "max_retries",
        "os",
        "request",
        "send",
        "sleep",
        "timeout",
        "with_raw_response",
    }
)
"""Names the generated `Client`/`AsyncClient` already use (attributes and methods of the
runtime clients, arguments of `__init__`, names `_client.py` imports; a resource named
`cached_property` would rebind the decorator for the rest of the class body): credentials
and resources named after the docs must not take them."""
RUNTIME_CLASSES = frozenset(
    {
        "APIConnectionError",
        "APIError",
        "APIResponse",
        "APIResponseValidationError",
        "APIStatusError",
        "APITimeoutError",
        "Any",
        "AsyncAPIClient",
        "AsyncAPIResponse",
        "AsyncBinaryResponse",
        "AsyncClient",
        "AsyncCursorPage",
        "AsyncPaginator",
        "AsyncStream",
        "AuthenticationError",
        "BadRequestError",
        "BaseModel",
        "BinaryResponse",
        "Body",
        "Client",
        "ClientConfigError",
        "ConflictError",
        "Field",
        "Headers",
        "InternalServerError",
        "Literal",
        "Mapping",
        "NotFoundError",
        "NotGiven",
        "Omit",
        "PermissionDeniedError",
        "Query",
        "RateLimitError",
        "Sequence",
        "ServerSentEvent",
        "Stream",
        "SyncAPIClient",
        "SyncCursorPage",
        "Timeout",
        "UnprocessableEntityError",
    }
)
"""Class-like names the generated modules import from the runtime, typing and pydantic: a
model or resource class named after the docs must not shadow them."""
_DEPENDENCIES = {"httpx", "pydantic", "pydantic_core", "typing_extensions", "anyio", "h11"}
_DEPENDENCIES |= {"httpcore", "certifi", "idna", "sniffio", "annotated_types", "setuptools"}
_AMBIGUOUS = {"l", "I", "O"}
"""Names too easily read as 1 or 0 (pycodestyle E741-E743, in the generated ruff config)."""
_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins)) | _PYDANTIC
_WORDS = lazyre.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+[a-z]*")


class PythonIdentifier(str):
    """A snake_case name that is a valid, non-reserved Python identifier."""

    __slots__ = ()


class ClassName(str):
    """A PascalCase name that is a valid Python class name."""

    __slots__ = ()


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _WORDS.findall(folded)


def identifier(text: str, *, fallback: str = "value") -> PythonIdentifier:
    """`thread_id` stays; `Content-Type` -> content_type; `class` -> class_; `2fa` -> n2fa."""
    name = "_".join(word.lower() for word in _ascii_words(text)) or fallback
    if name[0].isdigit():
        name = "n" + name
    if name in _RESERVED or name in _AMBIGUOUS or name.startswith("model_"):
        name += "_"
    assert name.isidentifier() and not keyword.iskeyword(name)
    return PythonIdentifier(name)


def argument_name(text: str) -> PythonIdentifier:
    """A method's argument: like `identifier`, but builtins the generated method bodies do
    not use are fine (`input`, `format`, `id`, as openai-python names them)."""
    name = identifier(text)
    bare = name[:-1]
    if name.endswith("_") and bare in _BUILTINS and bare not in _UNSHADOWED:
        return PythonIdentifier(bare)
    return name


_BUILTINS = set(dir(builtins)) - set(keyword.kwlist) - set(keyword.softkwlist) - _PYDANTIC
_UNSHADOWED = {"isinstance", "object", "str", "type", "bool", "int", "float", "bytes", "list"}
"""Builtins a generated method body or its local annotations name (`isinstance(value,
NotGiven)`, `cast_to: type[...]`): an argument must not hide them."""


def method_name(text: str) -> PythonIdentifier:
    """A method name: like `identifier`, but builtins are fine (`client.assistants.list()`)."""
    name = "_".join(word.lower() for word in _ascii_words(text)) or "call"
    if name[0].isdigit():
        name = "n" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _AMBIGUOUS:
        name += "_"
    if name in _PYDANTIC or name in ("with_raw_response", "close"):
        name += "_"
    return PythonIdentifier(name)


def class_name(text: str, *, fallback: str = "Model") -> ClassName:
    """`thread.message` -> ThreadMessage; `list-assistants response` -> ListAssistantsResponse."""
    words = _ascii_words(text)
    name = "".join(w[:1].upper() + w[1:] for w in words) or fallback
    if name[0].isdigit():
        name = fallback + name
    if keyword.iskeyword(name) or name in RUNTIME_CLASSES or name in _AMBIGUOUS:
        name += "_"
    assert name.isidentifier()
    return ClassName(name)


def package_name(text: str) -> PythonIdentifier:
    """The import name of a generated package: an `identifier` that does not shadow a
    standard library module or a dependency (`encodings` -> `encodings_sdk`)."""
    name = identifier(text, fallback="sdk")
    if name.rstrip("_") in sys.stdlib_module_names or name.rstrip("_") in _DEPENDENCIES:
        name = PythonIdentifier(name.rstrip("_") + "_sdk")
    return name


def client_member(text: str, taken: set[str], *, fallback: str = "value") -> PythonIdentifier:
    """An attribute or `__init__` argument of the client named after `text` (a credential, a
    resource): an `identifier`, clear of `CLIENT_ATTRIBUTES` and of `taken` (updated)."""
    name = identifier(text, fallback=fallback)
    if name in CLIENT_ATTRIBUTES:
        name = PythonIdentifier(name + "_")
    return PythonIdentifier(unique(name, taken))


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3` ... when taken (case-insensitively); records the result."""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate, n = f"{name}_{n}" if name[-1:] != "_" else f"{name}{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def pystr(text: object) -> str:
    """A Python string literal for any text (quotes, backslashes, NUL, newlines escaped).

    Python's `repr` does the escaping; the quotes are then chosen as black chooses them
    (double, unless that needs more escapes), so that output is black-stable as written.
    """
    value = str(text)
    literal = repr(value)
    if literal.startswith("'") and value.count('"') <= value.count("'"):
        body = literal[1:-1].replace("\\'", "'").replace('"', '\\"')
        return f'"{body}"'
    return literal


def tomlstr(text: object) -> str:
    """A TOML basic string for any text (JSON's escaping is valid TOML)."""
    return json.dumps(str(text), ensure_ascii=True)


def clean_text(text: str) -> str:
    """Doc text as generated code keeps it: line breaks as `\\n` (`\\r\\n`, `\\r`, U+2028/9),
    and no control, format, surrogate or private-use characters except tab and line feed."""
    return _clean(text)


_ASCII_CONTROLS = lazyre.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""ASCII's characters of category C, but tab and line feed (ASCII has no other C)."""


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return _ASCII_CONTROLS.sub("", text)  # the same result as below, 50 times faster
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def docstring(text: object, *, indent: str = "") -> str:
    """Docstring body safe inside `\"\"\"...\"\"\"`: no closing quotes, no escapes, no NUL.

    Laid out as black keeps a docstring (PEP 257 trimming: outer blank lines and trailing
    spaces dropped, later lines dedented by their common margin, leading tabs as 4 spaces),
    so that the text evaluates back to `clean_text(text)` so trimmed. A quote at either end
    is escaped (black would pad it with a space).
    """
    lines = _pep257(_clean(str(text)))
    body = "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.startswith('"'):
        body = "\\" + body
    if body.endswith('"') and (len(body) - len(body[:-1].rstrip("\\"))) % 2 == 1:
        body = body[:-1] + '\\"'  # an even run of backslashes before it: a bare quote
    lines = body.split("\n")
    return "\n".join(lines[:1] + [indent + line if line else "" for line in lines[1:]])


def _pep257(text: str) -> list[str]:
    """`text` as black trims a docstring (`black.strings.fix_multiline_docstring`)."""
    lines = text.strip().split("\n")
    rest = [_expand_leading_tabs(line) for line in lines[1:]]
    margins = [len(line) - len(line.lstrip()) for line in rest if line.strip()]
    margin = min(margins, default=0)
    return [lines[0].strip(), *(line[margin:].rstrip() for line in rest)]


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def docstring_block(text: object, *, indent: str) -> str:
    """A whole docstring literal laid out as black lays it out: one line when the text is
    one line (black joins the closing quotes to it whatever its length), else the closing
    quotes on a line of their own."""
    body = docstring(text, indent=indent)
    pad = " " if body.endswith('"') else ""  # black pads a quote before the closing ones
    if "\n" not in body:
        return f'"""{body}{pad}"""'
    return f'"""{body}\n{indent}"""'


def comment(text: object) -> str:
    """One comment line: no line breaks, so nothing after `#` can become code."""
    return " ".join(_clean(str(text)).split())
