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
import re
import unicodedata

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
_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins)) | _PYDANTIC
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+[a-z]*")


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
    if name in _RESERVED or name.startswith("model_"):
        name += "_"
    assert name.isidentifier() and not keyword.iskeyword(name)
    return PythonIdentifier(name)


def method_name(text: str) -> PythonIdentifier:
    """A method name: like `identifier`, but builtins are fine (`client.assistants.list()`)."""
    name = "_".join(word.lower() for word in _ascii_words(text)) or "call"
    if name[0].isdigit():
        name = "n" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name.startswith("_"):
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
    if keyword.iskeyword(name) or name in ("BaseModel", "Field", "Any", "Literal"):
        name += "_"
    assert name.isidentifier()
    return ClassName(name)


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


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def docstring(text: object, *, indent: str = "") -> str:
    """Docstring body safe inside `\"\"\"...\"\"\"`: no closing quotes, no escapes, no NUL."""
    cleaned = _clean(str(text)).replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if cleaned.endswith('"'):
        cleaned = cleaned[:-1] + '\\"'
    lines = [line.rstrip() for line in cleaned.split("\n")]
    return "\n".join(lines[:1] + [indent + line if line else "" for line in lines[1:]])


def docstring_block(text: object, *, indent: str, width: int = 100) -> str:
    """A whole docstring literal laid out as black lays it out (one line when it fits)."""
    body = docstring(text, indent=indent)
    if "\n" not in body and len(indent) + len(body) + 6 <= width:
        return f'"""{body}"""'
    return f'"""{body}\n{indent}"""'


def comment(text: object) -> str:
    """One comment line: no line breaks, so nothing after `#` can become code."""
    return " ".join(_clean(str(text)).split())
