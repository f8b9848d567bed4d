"""Stainless API references, text render: one line a field, `name: [optional] type`.

    Path ParametersExpand Collapse             body: Cat { name, lives, 2 more } or Dog { name }
    kennel_id: string                          Cat = object { name, lives, 2 more }
    ID of the kennel.                          collar: optional object { color, tag } The collar.
    "x-beta": optional array of BetaFlag       color: optional "red" or "blue"

The type is Stainless's: `string`, `number`, `array of X`, `object { a, b }`, a named type
with its keys in braces (`Cat { name, lives, 2 more }`), quoted literals joined by `or`
(an enum, unless "N more" hides some of its values), or alternatives joined by `or`. The
braces name an object's keys, so they are its children until the page lists them in full:
a field line that follows belongs to the innermost object whose braces name it, else to
the innermost one whose braces say "N more" (keys not named), else to the top level. A line
`Cat = object { ... }` opens that alternative of the union before it. A root `body:` field
is the body itself (its alternatives a `oneOf`). "optional" is the only flag Stainless
writes; its absence is not read as required.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator import lazyre
from generator.model import Line
from generator.scrape.fields import Field

_FIELD = lazyre.compile(
    r'^(?:"(?P<quoted>[^"\s]+)"|(?P<name>[A-Za-z_$][\w.$-]*)): (?P<optional>optional )?'
    r"(?P<type>.+)$"
)
_DEFINITION = lazyre.compile(r"^(?P<name>[A-Z]\w*) = (?P<type>.+)$")
_KEYWORDS = frozenset({"string", "number", "integer", "boolean", "object", "unknown", "null"})
_ALTERNATIVE = lazyre.compile(
    r'(?P<array>(?:array of )*)(?:(?P<word>[A-Za-z_]\w*)|"(?P<literal>[^"]*)"|(?P<num>-?\d+))'
    r"(?: \{ (?P<keys>[^{}]*) \})?"
)
_YAML_KEY = lazyre.compile(r"^\s*[\w-]+:$")
_LABEL = lazyre.compile(r"^[A-Z][a-z]+$")
_MORE = lazyre.compile(r"^\d+ more$")
_HIDDEN = lazyre.compile(r"\d+ more\b")
"""The last alternative of a list that names only some (`"a" or "b" or 3 more`)."""


@dataclass
class _Type:
    type_text: str
    keys: list[str] = field(default_factory=list)
    more: bool = False
    alternatives: list[tuple[str, list[str], bool]] = field(default_factory=list)
    enum: list[str] = field(default_factory=list)
    rest: str = ""


@lru_cache(maxsize=8192)
def _parse_type(text: str) -> _Type | None:
    """A Stainless type expression at the start of `text` (and the text after it)."""
    pos, parts = 0, []
    while True:
        match = _ALTERNATIVE.match(text, pos)
        if match is None:
            return None
        parts.append(match)
        pos = match.end()
        if not text.startswith(" or ", pos):
            break
        pos += 4
        more = _HIDDEN.match(text, pos)
        if more:
            pos = more.end()
            parts.append(more)
            break
    rest = text[pos:].strip()
    if rest and text[pos - 1 : pos] != "}":
        return None  # text right after a bare type word: prose, not a field line
    return _typed(parts, rest)


def _typed(parts: list[re.Match[str]], rest: str) -> _Type | None:
    hidden = not parts[-1].groupdict()
    shown = parts[:-1] if hidden else parts
    if all(p.group("literal") is not None for p in shown):
        return _Type(
            "string", enum=[] if hidden else [p.group("literal") for p in shown], rest=rest
        )
    alternatives: list[tuple[str, list[str], bool]] = []
    json_types: list[str] = []
    for part in shown:
        word, keys, array = part.group("word"), part.group("keys"), part.group("array")
        if word is None or (word not in _KEYWORDS and not word[0].isupper()):
            return None
        if word[0].isupper() and keys is None and not array:
            return None  # `Bearer token`: a capitalized word alone is no type
        names = [k.strip() for k in keys.split(",")] if keys else []
        listed = [n for n in names if n and not _MORE.match(n)]
        alternatives.append((array + word, listed, len(listed) < len(names)))
        json_types.append(_json_word(array, word, keys is not None))
    if len(alternatives) == 1 and not hidden:
        _title, keys, more = alternatives[0]
        return _Type(json_types[0], keys, more, rest=rest)
    if all(not alt[0].startswith("array of ") and alt[0][0].isupper() for alt in alternatives):
        return _Type("oneOf", alternatives=alternatives, rest=rest)
    if "" in json_types:
        return _Type("", rest=rest)
    return _Type(" or ".join(dict.fromkeys(json_types)), rest=rest)


def _json_word(array: str, word: str, keyed: bool) -> str:
    """The type as `parse_type` reads it: `array of Cat { a }` -> `array of object`; a named
    type without its keys (`Beta`, perhaps a string enum) or `unknown` -> no item type."""
    kind = ("object" if keyed else "") if word[0].isupper() else word
    kind = "" if kind == "unknown" else kind
    if not array:
        return kind
    return (array + kind).strip().removesuffix(" of")


@lru_cache(maxsize=8192)
def field_line(text: str) -> tuple[str, bool, _Type] | None:
    """(name, optional, type) of a Stainless field line, else None (cached)."""
    if ": " not in text:
        return None
    match = _FIELD.match(text.strip())
    if match is None:
        return None
    name = match.group("quoted") or match.group("name")
    if _LABEL.match(name):
        return None  # `Type: string`, `Default: object`: a label of another layout
    kind = _parse_type(match.group("type"))
    if kind is None:
        return None
    return name, bool(match.group("optional")), kind


def is_stainless(lines: Sequence[Line]) -> bool:
    """Whether a section is written this way: a field line whose type is a plain word, and
    no YAML key opening a mapping (`properties:`: a schema quoted as YAML, `type: string`)
    nor a line opening a brace block (`{`, `interface Pet {`: TypeScript-like members,
    which the sketch reader reads with their `?` optionality)."""
    for line in lines:
        found = field_line(line.text)
        if found is not None and found[2].type_text.split(" ")[-1] in _KEYWORDS:
            return not any(
                _YAML_KEY.match(other.text) or _opens_block(other.text) for other in lines
            )
    return False


def _opens_block(text: str) -> bool:
    return text.rstrip().endswith("{")


@dataclass
class _Open:
    item: Field
    keys: set[str]
    more: bool


def parse_stainless(lines: Sequence[Line]) -> list[Field]:
    """The field tree of a section's Stainless lines (see the module's docstring)."""
    root = Field(name="")
    stack: list[_Open] = []
    current: Field | None = None
    for line in lines:
        text = line.text.strip()
        found = field_line(text)
        if found is None:
            definition = _DEFINITION.match(text)
            if definition is not None:
                current = None
                _open_alternative(
                    stack, definition.group("name"), _parse_type(definition.group("type"))
                )
            elif current is not None and text and not text.startswith(('"', "Accepts one of")):
                current.description.append(text)
            continue
        name, optional, kind = found
        parent = _parent(stack, name)
        current = _field(name, optional, kind, line.number)
        if parent is None and name == "body" and kind.alternatives and not root.children:
            current.name = ""
        _place((parent.item if parent else root).children, current)
        stack[:] = stack[: stack.index(parent) + 1] if parent else []
        if kind.keys or kind.more or kind.alternatives:
            stack.append(_Open(current, set(kind.keys), kind.more))
    return root.children


def _place(siblings: list[Field], item: Field) -> None:
    """Add a listed field, in place of the key its parent's braces named."""
    for index, sibling in enumerate(siblings):
        if sibling.name == item.name and not sibling.type_text and not sibling.titled:
            siblings[index] = item
            return
    siblings.append(item)


def _parent(stack: list[_Open], name: str) -> _Open | None:
    for entry in reversed(stack):
        if name in entry.keys:
            return entry
    for entry in reversed(stack):
        if entry.more:
            return entry
    return None


def _field(name: str, optional: bool, kind: _Type, number: int) -> Field:
    item = Field(name=name, type_text=kind.type_text, line=number, enum=list(kind.enum))
    item.required = False if optional else None
    if kind.rest:
        item.description.append(kind.rest)
    item.children = [Field(name=key, line=number) for key in kind.keys]
    for title, keys, _more in kind.alternatives:
        alternative = Field(name=title, type_text="object", titled=True, line=number)
        alternative.children = [Field(name=key, line=number) for key in keys]
        item.children.append(alternative)
    return item


def _open_alternative(stack: list[_Open], title: str, kind: _Type | None) -> None:
    """`Cat = object { name, lives }`: the alternative of the union on the stack it names
    becomes the innermost open object (its braces as they are written there)."""
    for depth in range(len(stack) - 1, -1, -1):
        for child in stack[depth].item.children:
            if child.titled and child.name == title:
                keys = set(kind.keys) if kind else {c.name for c in child.children}
                del stack[depth + 1 :]
                stack.append(_Open(child, keys, kind.more if kind else False))
                return
