"""Bullet field lists, nested by indentation (Bump.sh-style, Markdown lists).

    • data array[object] Required            - **chunking_strategy** (object)
      Represents an assistant ...                One of:
      Hide data attributes Show data attri...    - **Auto Chunking Strategy** (object)
      • id string Required                         - **type** (string, required)

A Markdown bullet is a field when its parenthesis holds a type (`(string, required)`); a
bullet title with spaces is a titled alternative, and the alternatives under "One of:"
become the parent's `oneOf`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.fields import Field
from generator.scrape.types import parse_type

BULLET = lazyre.compile(r"^(\s*)[•·▪●◦]\s*(\S.*)$")
_FLAGS = lazyre.compile(r"\s+(Required|Optional|Deprecated|Additional properties|Nullable)\b", re.I)
_MD_FIELD = lazyre.compile(
    r"^(\s*)[-*+]\s+(?P<name>[^\s()][^()]*?)\s*\((?P<meta>(?:[^()]|\([^()]*\))*)\)"
    r"\s*(?:[:–—-]\s*(?P<desc>.*))?$"
)
_META_SPLIT = lazyre.compile(r",\s*(?![^<\[(]*[>\])])")
_META_FLAGS = {"required", "optional", "deprecated", "nullable", "read-only", "write-only"}
_DASH = lazyre.compile(
    r"^(\s*)[-*+]\s+(?P<name>[A-Za-z_$@][\w.\-\[\]$@]*)\s+(?P<type>[a-z][\w<>\[\]]*)(?P<tail>.*)$",
    re.ASCII,
)
_DASH_FLAG = lazyre.compile(r"^\s*(required|optional)\b", re.I | re.ASCII)
_LOWER_HEAD = lazyre.compile(r"^[a-z]+(?=[A-Z])")
_GLUED_DASH = lazyre.compile(r"\s(?=[-*+]\s)")
_UNIONS = {"one of": "oneOf", "any of": "anyOf", "all of": "allOf"}
_MARKER = lazyre.compile(r"^Hide .+? attributes? Show .+? attributes?(?:\s+(?P<type>.+))?$", re.I)


def parse_bullet(text: str, line: int) -> Field:
    """`name type [Required] [Deprecated]` (type may have spaces: `string | null`)."""
    flags = {m.group(1).lower() for m in _FLAGS.finditer(text)}
    core = _FLAGS.sub("", text).strip()
    name, _, rest = core.partition(" ")
    glued = _glued_head(name, rest)
    if glued is not None:  # `weightintegerRequired`: name, type and flag with nothing between
        name, rest = glued[0], " ".join(glued[1:2] + glued[3:] + [rest]).strip()
        flags.update(flag.lower() for flag in glued[2:3])
    item = Field(name=name.strip("`"), line=line)
    rest = rest.strip()
    if rest and parse_type(rest) is not None:
        item.type_text = rest
    elif rest:
        first = rest.split()[0]
        if parse_type(first) is not None:
            item.type_text = first
            item.description.append(rest[len(first) :].strip())
        else:
            item.description.append(rest)
    item.required = True if "required" in flags else None
    item.deprecated = "deprecated" in flags
    item.additional = name == "*" or "additional properties" in flags
    return item


def _glued_head(name: str, rest: str) -> list[str] | None:
    """A bullet's first word as name, type (and flag, and text) glued together, when no type
    follows it: `weightintegerRequired` -> weight / integer / Required."""
    if rest and parse_type(rest.split(maxsplit=1)[0]) is not None:
        return None
    from generator.scrape.unglue import split_glued  # noqa: PLC0415 - imports blocks

    return split_glued(name)


def parse_md_field(text: str, line: int) -> tuple[int, Field] | None:
    """`- **name** (type, required): text` (Markdown list) as (indent, field); None if the
    parenthesis holds no type."""
    match = _MD_FIELD.match(text)
    if match is None:
        return None
    meta = [part.strip() for part in _META_SPLIT.split(match.group("meta"))]
    flags = {part.lower() for part in meta if part.lower() in _META_FLAGS}
    type_text = _meta_type(part for part in meta if part.lower() not in _META_FLAGS)
    if parse_type(type_text) is None:
        return None
    name = match.group("name").strip("`* ")
    item = Field(name=name, type_text=type_text, line=line, titled=" " in name)
    item.required = True if "required" in flags else None
    item.deprecated = "deprecated" in flags
    item.additional = name == "*"
    if match.group("desc"):
        item.description.append(match.group("desc"))
    return len(match.group(1).expandtabs(4)), item


@lru_cache(maxsize=8192)
def parse_dash_field(text: str) -> tuple[int, Field] | None:
    """`- id string required订单号`, `- amount doubleAmount to pay`: a list item's name, a
    type word, a flag, and its text glued on (no space, or after the flag). A type followed
    by a space and more words is prose (`- Use string ids`), and so is a capitalized word
    for a name (`- Returns object`)."""
    match = _DASH.match(text)
    if match is None or not _identifier_like(match.group("name")):
        return None
    type_text, tail = match.group("type"), match.group("tail")
    if parse_type(type_text) is None:
        head = _LOWER_HEAD.match(type_text)
        if head is None or parse_type(head.group(0)) is None:
            return None
        type_text, tail = head.group(0), type_text[head.end() :] + tail
    flag = _DASH_FLAG.match(tail)
    rest = tail[flag.end() :].strip() if flag else tail
    if (flag is None and rest[:1].isspace()) or rest[:1] in (",", ";", "."):
        return None
    item = Field(name=match.group("name"), type_text=type_text, line=0)
    item.required = True if flag and flag.group(1).lower() == "required" else None
    if rest.strip():
        item.description.append(rest.strip())
    return len(match.group(1).expandtabs(4)), item


def _identifier_like(name: str) -> bool:
    """`id`, `cancel_reason`, `Content-Type`, `userId`: not a capitalized word (`Returns`)."""
    return name[:1].islower() or any(c in name for c in "_-.$@") or sum(map(str.isupper, name)) > 1


def _dash_parts(lines: Sequence[Line]) -> list[Line]:
    """Lines of a list whose items are glued after the text of the one before them
    (`100 - currency string币种`): each item starts a line of its own."""
    if not any(map(parse_dash_field, map(line_text, lines))):
        return list(lines)
    return [Line(line.number, part) for line in lines for part in _split_dashes(line.text)]


@lru_cache(maxsize=8192)
def _split_dashes(text: str) -> tuple[str, ...]:
    if " - " not in text and " * " not in text and " + " not in text:
        return (text,)
    parts: list[str] = []
    start = 0
    for match in _GLUED_DASH.finditer(text):
        if match.start() > start and parse_dash_field(text[match.end() :]) is not None:
            parts.append(text[start : match.start()])
            start = match.end()
    return (*parts, text[start:])


def _meta_type(parts: Iterable[str]) -> str:
    """The type a parenthesis states; types listed with commas (`string,null`) are a union."""
    listed = list(parts)
    if len(listed) > 1 and all(parse_type(part) is not None for part in listed):
        return " | ".join(listed)
    return ", ".join(listed)


@lru_cache(maxsize=8192)
def is_bullet_field(text: str) -> bool:
    """A `• name type` bullet or a Markdown `- name (type)` field line."""
    return bool(BULLET.match(text)) or _listed_field(text) is not None


def parse_bullets(lines: Sequence[Line]) -> list[Field]:
    """Bullets in `lines` as a tree; other lines describe the bullet above them."""
    roots: list[Field] = []
    stack: list[tuple[int, Field]] = []
    unions: dict[int, str] = {}
    for line in _dash_parts(lines):
        form = _bullet_form(line.text)
        if form is None:
            if stack:
                _describe(stack[-1][1], line.text.strip(), unions)
            continue
        indent, item = form[0], _fresh(form[1], line.number)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if stack:
            item.name = _own_name(item.name, stack[-1][1].name)
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((indent, item))
    _mark_unions(roots, unions)
    return roots


@lru_cache(maxsize=8192)
def _bullet_form(text: str) -> tuple[int, Field] | None:
    """A bullet line's indent and field, as read from its text alone (None: not a bullet).
    Cached: a site's pages repeat their lines; the cached field is a template that is never
    handed out (see `_fresh`)."""
    match = BULLET.match(text)
    if match is not None:
        indent, body = len(match.group(1).expandtabs(4)), match.group(2)
        described = parse_md_field(f"- {body}", 0) if "(" in body else None
        return indent, described[1] if described is not None else parse_bullet(body, 0)
    return _listed_field(text)


def _listed_field(text: str) -> tuple[int, Field] | None:
    """A Markdown list item that is a field: `- name (type)` or `- name type` (glued text)."""
    return parse_md_field(text, 0) or parse_dash_field(text)


def _own_name(name: str, parent: str) -> str:
    """A child bullet named by its path (`options.enabled` under `options`): its own name."""
    for prefix in (f"{parent}.", f"{parent}[]."):
        if parent and name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def _fresh(form: Field, line: int) -> Field:
    """A new field like a `_bullet_form` template (which sets only these attributes)."""
    return Field(
        name=form.name,
        type_text=form.type_text,
        required=form.required,
        description=list(form.description),
        line=line,
        deprecated=form.deprecated,
        additional=form.additional,
        titled=form.titled,
    )


def _describe(item: Field, text: str, unions: dict[int, str]) -> None:
    union, skipped = _description_role(text)
    if not item.description and text.lower() in ("required", "optional"):
        item.required = item.required or text.lower() == "required" or None  # its flag line
    elif union is not None:
        item.one_of = True
        unions[id(item)] = union
    elif not skipped:
        item.description.append(text)


@lru_cache(maxsize=8192)
def _description_role(text: str) -> tuple[str | None, bool]:
    """The union a "One of:" line names, and whether a line adds no description (blank, or
    a Hide/Show marker). Cached: the same lines recur across a site's pages."""
    if not text:
        return None, True
    union = _UNIONS.get(text.rstrip(":").strip().lower())
    if union is not None:
        return union, True
    return None, _MARKER.match(text) is not None


def _mark_unions(fields: list[Field], unions: dict[int, str]) -> None:
    """A "One of:" field whose children are titled alternatives is a union of them."""
    for item in fields:
        _mark_unions(item.children, unions)
        union = unions.get(id(item))
        if union and item.children and all(child.titled for child in item.children):
            item.type_text = f"{item.type_text} | {union}" if item.type_text else union


def is_marker(text: str) -> bool:
    return bool(_MARKER.match(text))


def root_type(lines: Sequence[Line]) -> str | None:
    """The type a "Hide response attributes Show response attributes array[object]" states."""
    for line in lines:
        match = _MARKER.match(line.text.strip())
        if match and match.group("type"):
            return match.group("type").strip()
    return None
