"""Split tokens that text renders glue together back into block lines.

    thread_idstringRequired -> thread_id / string / Required
    modelrequired string    -> model / string / required
    thread_id string required (one line) -> thread_id / string / required
    headerrequired          -> header / required
    requiredThe ID of ...   -> required / The ID of ...

A line is only split when it is not already a name followed by a type line, so pages that
are not glued pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator import lazyre
from generator.model import Line
from generator.scrape.blocks import echoes_name, is_name, is_type
from generator.scrape.types import parse_type

_TYPE_START = lazyre.compile(r"(?=string|integer|number|boolean|object|array|null|file|enum|map<)")
"""Where a type may start (zero-width: `temperaturenumber` holds `enum` and `number`)."""
_LIST_START = lazyre.compile(r"(?=list of |list<|list\[)")
"""`datalist of objects` (Fern): `list` starts a type only where `of`/a bracket follows."""
_FLAGGED_START = lazyre.compile(r"(?=datetime|date-time|date|double|uuid)")
"""Type words that end common names (`update`, `mandate`): a type only before a glued flag
(`opened_afterdatetimeOptional`)."""
_REQ = r"(?:required|optional|Required|Optional)"
_NAME_PART = lazyre.compile(r"[A-Za-z_$@][\w.\-\[\]$@]*", re.ASCII)
_MARKED_NAME = lazyre.compile(r"([A-Za-z_$@][\w.\-\[\]$@]*)([*?])", re.ASCII)
"""A name glued to a required (`*`) or optional (`?`, TypeScript-style) mark (Fumadocs)."""
_MARKS = {"*": "required", "?": "optional"}
_STARRED = lazyre.compile(r"^([A-Za-z_$@][\w.\-\[\]$@]*)\s+\*$", re.ASCII)
_PAREN_LOCATION = lazyre.compile(r"^\((path|query|header|cookie)\)$", re.I)
"""A parameter's location in parentheses on its own line (Swagger UI: `(query)`)."""
_TRAILING_REQ = lazyre.compile(rf"{_REQ}$")
_REQ_FIRST = lazyre.compile(rf"^([A-Za-z_$@][\w.\-\[\]$@]*?)({_REQ})\s+(.+)$", re.ASCII)
_SPACED = lazyre.compile(rf"^([a-z_$][\w.\-\[\]]*|[A-Z][\w]*[-_][\w-]+)\s+(.+?)(?:\s+({_REQ}))?$")
_MODS = lazyre.compile(rf"^(header|query|path|cookie)({_REQ})$", re.I)
_REQ_PREFIX = lazyre.compile(rf"^({_REQ})(?=[A-Z])(.+)$")
_FLAG_THEN_TEXT = lazyre.compile(rf"({_REQ})(?=[A-Z])")
_BOUND_MOD = lazyre.compile(r"^(?:min|max)\s*:\s*-?\d+(?:\.\d+)?$")
_FORMAT_MOD = lazyre.compile(r"^[a-z][\w-]*$")
_NOT_FORMATS = {"enum", "read-only", "write-only", "readonly", "writeonly"}


def unglue(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    starred = False
    for i, line in enumerate(lines):
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        text = line.text.strip()
        if _stainless_union(lines, i, text, following):
            out.extend(Line(line.number, part) for part in _union_name(text, following))
            continue
        star = _STARRED.match(text)
        if star and is_type(following):  # `petId *` then `integer($int64)` (Swagger UI)
            out.append(Line(line.number, star.group(1)))
            starred = True
            continue
        location = _PAREN_LOCATION.match(text)
        parts = [location.group(1).lower()] if location else _split(text, following)
        out.extend(Line(line.number, part) for part in parts)
        if starred:  # the mark's flag after the type line
            out.append(Line(line.number, "required"))
            starred = False
    return out


_UNION_MEMBER = lazyre.compile(r"^UnionMember\d+\s*(?:=\s*)?[a-z]")
_VARIANTS = lazyre.compile(r"^One of the following \d+ (?:\w+ )?variants:?$", re.I)
_SHOW_HIDE = lazyre.compile(r"^(?:Hide|Show) \w+\s*(?:Hide|Show) \w+$", re.I)


def _stainless_union(lines: Sequence[Line], i: int, text: str, following: str) -> bool:
    """Stainless unions, nesting lost: `imageunion` then `string OR number`, its members
    (`UnionMember0string`), and the title of the first of "One of the following 2 object
    variants:" (`SingleCreateobject`) — none of them a field."""
    if text.endswith("union") or text.startswith("UnionMember"):
        return True
    j = i - 1
    while j >= 0 and _is_show_hide(lines[j].text):
        j -= 1
    return j >= 0 and "variants" in lines[j].text and bool(_VARIANTS.match(lines[j].text.strip()))


@lru_cache(maxsize=8192)
def _is_show_hide(text: str) -> bool:
    return ("Hide" in text or "Show" in text) and bool(_SHOW_HIDE.match(text.strip()))


def _union_name(text: str, following: str) -> list[str]:
    """What a `_stainless_union` line keeps: a union's name when its types follow (`image` /
    `string OR number`); a member or a variant's title as text, not split."""
    if _UNION_MEMBER.match(text):
        return []
    name = text.removesuffix("union")
    if text.endswith("union") and _NAME_PART.fullmatch(name) and is_type(following):
        return [name]
    return [text]


def _split(text: str, following: str) -> list[str]:
    if not text or (is_name(text) and is_type(following)) or is_type(text):
        return [text]
    echoed = split_echo(text)
    if echoed is not None:
        return echoed
    if " · " in text:
        dotted = split_dotted(text)
        if dotted is not None:
            return dotted
    mods = _MODS.match(text)
    if mods:
        return [mods.group(1), mods.group(2)]
    prefix = _REQ_PREFIX.match(text)
    if prefix:
        return [prefix.group(1), prefix.group(2)]
    glued = split_glued(text)
    if glued is not None:
        return glued
    match = _REQ_FIRST.match(text)
    if match:
        return _required_first(match.groups())
    spaced = _SPACED.match(text)
    if spaced is None or len(text.split()) > 6:
        return [text]
    name, type_text, flag = spaced.groups()
    if type_text.endswith(" nullable"):  # `metadata object nullable required` (Docusaurus)
        type_text = f"{type_text.removesuffix(' nullable').rstrip()} | null"
    if _spaced_type(type_text):
        return [p for p in (name, type_text, flag) if p]
    return [text]


def _spaced_type(text: str) -> bool:
    """The type of a `name type` line; never a bare `null`: `to null` ends a wrapped sentence
    ("... can be cleared by setting metadata" / "to null"), no field is only ever null."""
    return text != "null" and parse_type(text) is not None


_UPPER = lazyre.compile(r"(?<=[a-z0-9_])[A-Z]")


@lru_cache(maxsize=8192)
def split_echo(text: str) -> list[str] | None:
    """`opened_afterOpened After` -> opened_after / Opened After: a name glued to its
    title, the name's words capitalized (FastAPI titles, where the type is not shown)."""
    if not text[:1].islower():
        return None
    for match in _UPPER.finditer(text):
        name, title = text[: match.start()], text[match.start() :]
        if " " in name:
            return None
        if echoes_name(name, title):
            return [name, title]
    return None


def split_glued(text: str) -> list[str] | None:
    """`filtersobject | object` -> [name, type], `idstringRequired` -> [name, type, flag].

    The type is the longest tail that starts with a basic type word and parses whole; the
    name before it must be one token.
    """
    for start in _type_starts(text):
        name, rest = text[:start], text[start:]
        marked = _MARKED_NAME.fullmatch(name)
        if marked and parse_type(rest) is not None:  # `name*string`, `name?integer`
            return [marked.group(1), rest.strip(), _MARKS[marked.group(2)]]
        if not name or not _NAME_PART.fullmatch(name) or name[-1] in "-.":
            continue  # `page-number` is a name, not `page-` glued to `number`
        flag = _TRAILING_REQ.search(rest)
        if flag is None and start in _flagged_starts(text):
            continue
        core = rest[: flag.start()] if flag else rest
        if parse_type(core) is not None:
            return [name, core.strip()] + ([flag.group(0)] if flag else [])
        then = _FLAG_THEN_TEXT.search(rest)
        if then is not None and parse_type(rest[: then.start()]) is not None:
            return [name, rest[: then.start()].strip(), then.group(1), rest[then.end() :]]
    return None


def _type_starts(text: str) -> list[int]:
    starts = {m.start() for m in _TYPE_START.finditer(text)}
    starts.update(m.start() for m in _LIST_START.finditer(text))
    return sorted(starts | _flagged_starts(text))


def _flagged_starts(text: str) -> set[int]:
    return {m.start() for m in _FLAGGED_START.finditer(text)}


def split_dotted(text: str) -> list[str] | None:
    """`sizeinteger · int32 · min: 1 · max: 50` -> size / integer(int32) / min: 1 / max: 50,
    `accountNamestring · required` -> accountName / string / required: a glued name and type,
    then `·`-separated modifiers (a flag, `nullable`, bounds, a format word; others dropped)."""
    flag = _TRAILING_REQ.search(text)
    core = text[: flag.start()] if flag else text
    first, *mods = [part.strip() for part in core.split("·")]
    glued = split_glued(first)
    if glued is None or len(glued) != 2:
        return None
    name, type_text = glued
    flags = [flag.group(0)] if flag else []
    bounds: list[str] = []
    nullable = False
    for mod in mods:
        lowered = mod.lower()
        if lowered in ("required", "optional"):
            flags = [lowered]
        elif lowered == "nullable":
            nullable = True
        elif lowered == "deprecated":
            bounds.append(lowered)
        elif lowered in _NOT_FORMATS:
            continue
        elif _BOUND_MOD.match(lowered):
            bounds.append(lowered)
        elif _FORMAT_MOD.match(lowered) and parse_type(f"{type_text}({lowered})") is not None:
            type_text = f"{type_text}({lowered})"
    return [name, f"{type_text} | null" if nullable else type_text, *flags, *bounds]


def _required_first(groups: tuple[str | None, ...]) -> list[str]:
    """`modelrequired string` -> model / string / required (kept whole if no type follows)."""
    name, flag, rest = groups
    if rest is None or parse_type(rest) is None:
        return [f"{name}{flag}" + (f" {rest}" if rest else "")]
    return [name or "", rest, flag or ""]
