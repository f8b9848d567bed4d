"""One table row: which of its cells is which column, and what a cell says.

A row with a cell for every column is read as it stands. A row that lacks cells (an empty
Required column, a shifted row), a row of words separated by spaces, and a row of glued cells
are placed by content: a type column takes a type (`string`, `int`, `Integer/String`,
`[object]`, `MessageEntity[]`), a required column a yes/no word (`是`, `否`, `true`,
`Required`), a location column a location (`path`, `body`); the description takes the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator import lazyre
from generator.scrape.table_rows import RawRow
from generator.scrape.types import parse_type

_YES = frozenset(
    {
        "yes",
        "y",
        "true",
        "required",
        "mandatory",
        "是",
        "必需",
        "必填",
        "必须",
        "必須",
        "必选",
        "必選",
        "必传",
        "필수",
        "✓",
        "✔",
        "√",
        "m",
    }
)
_NO = frozenset(
    {
        "no",
        "n",
        "false",
        "optional",
        "否",
        "可选",
        "可選",
        "选填",
        "非必填",
        "非必须",
        "非必需",
        "任意",
        "✗",
        "×",
        "o",
    }
)
_LOCATIONS = {
    "path": "path",
    "query": "query",
    "header": "header",
    "cookie": "cookie",
    "body": "body",
    "formdata": "body",
    "form": "body",
}
_TYPED = ("type", "required", "optional", "in", "sub")
_NAMED_TYPE = lazyre.compile(r"^(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]\w*(?=\[\]))(\[\])?$")
_BRACKETED = lazyre.compile(r"^\[\s*(\[\s*\w+\s*\]|\w+)\s*\]$")
_SCALAR_CLASSES = {
    **dict.fromkeys(("BigDecimal", "Double", "Float", "Decimal", "Number"), "number"),
    **dict.fromkeys(
        ("Long", "Integer", "Short", "Byte", "BigInteger", "Int32", "Int64"), "integer"
    ),
    **dict.fromkeys(("Boolean", "Bool"), "boolean"),
    **dict.fromkeys(
        ("String", "LocalDateTime", "LocalDate", "LocalTime", "DateTime", "Date", "Instant"),
        "string",
    ),
    **dict.fromkeys(("OffsetDateTime", "ZonedDateTime", "Timestamp", "UUID", "Guid"), "string"),
    **dict.fromkeys(("MultipartFile", "File", "ObjectId", "Char", "Character"), "string"),
}
"""Java and C# classes of scalar values (Knife4j, Swagger renders): named, but no object."""


def required_value(cell: str) -> bool | None:
    """What a Required cell says (None: nothing, or not a yes/no word)."""
    word = cell.strip().strip("`*.").lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def location_value(cell: str) -> str | None:
    return _LOCATIONS.get(cell.strip().strip("`").lower())


@lru_cache(maxsize=8192)
def type_text(cell: str) -> str | None:
    """A type cell as a type expression `parse_type` reads (None: not a type): `[object]` is an
    array of objects, `Integer/String` a union, a CamelCase name (`MessageEntity`) a named
    object type."""
    text = cell.strip().strip("`").rstrip(".")
    if not text or text in ("-", "--", "—"):
        return None
    if parse_type(text) is not None:
        return text
    bracketed = _BRACKETED.match(text)
    inner = type_text(bracketed.group(1)) if bracketed else None
    if inner is not None and "|" not in inner:  # `[object]`, `[Pet]`, `[[string]]`: arrays
        return f"{inner}[]"
    if "/" in text and len(text) <= 60:
        parts = [type_text(part) for part in text.split("/")]
        if all(parts):
            return " | ".join(p for p in parts if p)
    scalar = _SCALAR_CLASSES.get(text.removesuffix("[]"))
    if scalar is not None:
        return scalar + ("[]" if text.endswith("[]") else "")
    named = _NAMED_TYPE.match(text)
    if named:
        return "object" + (named.group(1) or "")
    return None


def is_type_cell(cell: str) -> bool:
    return type_text(cell) is not None


def _fits(key: str | None, cell: str) -> bool:
    if key == "type":
        return is_type_cell(cell)
    if key in ("required", "optional"):
        return required_value(cell) is not None
    if key == "in":
        return location_value(cell) is not None
    if key == "sub":
        return cell in ("-", "") or bool(re.fullmatch(r"[A-Za-z_$@][\w.$@\[\]\-]*", cell))
    return True


def align(keys: list[str | None], row: RawRow) -> dict[str, str]:
    """The row's cells by column key."""
    if row.aligned:
        return _by_key(keys, list(range(len(keys))), row.cells)
    if row.tokens:
        return _align_tokens(keys, row.cells)
    return _align_cells(keys, row.cells)


def _by_key(keys: list[str | None], columns: list[int], cells: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        key = keys[column]
        if key is not None and cell and key not in found:
            found[key] = cell
    return found


def _align_cells(keys: list[str | None], cells: list[str]) -> dict[str, str]:
    """Fewer cells than columns: each cell to the column it fits, in order (the best fit)."""
    if not cells or len(cells) > len(keys):
        return {}
    best = _best(tuple(keys), tuple(cells), 1, 1)
    return _by_key(keys, [0, *best[1]], cells)


@lru_cache(maxsize=4096)
def _best(
    keys: tuple[str | None, ...], cells: tuple[str, ...], ci: int, ui: int
) -> tuple[float, tuple[int, ...]]:
    """The best placement of cells[ui:] in columns keys[ci:] (score, column of each cell)."""
    if ui == len(cells):
        return 0.0, ()
    if len(keys) - ci < len(cells) - ui:
        return -1e9, ()
    options: list[tuple[float, tuple[int, ...]]] = []
    key = keys[ci]
    if _fits(key, cells[ui]):
        typed = key in _TYPED
        loose = not typed and (is_type_cell(cells[ui]) or required_value(cells[ui]) is not None)
        gain = 3.0 if typed else (0.0 if loose else 1.0)
        rest = _best(keys, cells, ci + 1, ui + 1)
        options.append((gain + rest[0], (ci, *rest[1])))
    skip = _best(keys, cells, ci + 1, ui)
    options.append(skip)
    return max(options, key=lambda option: option[0])


def _align_tokens(keys: list[str | None], words: list[str]) -> dict[str, str]:
    """A row of words: the name first, then the typed columns that fit the next words, the
    description the rest; free columns before the description get a word each when the row
    has words to spare, else none."""
    found: dict[str, str] = {"name": words[0]} if keys and keys[0] == "name" else {}
    ci, wi = 1, 1
    while ci < len(keys) and wi < len(words):
        key = keys[ci]
        if key in _TYPED:
            if _fits(key, words[wi]) and key not in found:
                found[str(key)] = words[wi]
                wi += 1
            ci += 1
            continue
        break
    free = [k for k in keys[ci:] if k not in _TYPED]
    tail = _trailing_typed(keys[ci:], words[wi:], found)
    rest = words[wi : len(words) - tail]
    if "description" in free and rest:
        before = free.index("description")
        rest = rest[min(before, len(rest) - 1) :]
        found["description"] = " ".join(rest)
    return found


def _trailing_typed(keys: list[str | None], words: list[str], found: dict[str, str]) -> int:
    """Typed columns after the description (`Name Description Type`): from the row's end."""
    taken = 0
    for key in reversed(keys):
        if key not in _TYPED or taken >= len(words) - 1:
            break
        word = words[len(words) - 1 - taken]
        if _fits(key, word) and key not in found:
            found[str(key)] = word
            taken += 1
    return taken


_TYPE_WORD = (
    r"(?:integer|int64|int32|int|long|number|float|double|decimal|string|boolean|bool|object"
    r"|array|list|map|enum|date-time|datetime|date|timestamp|file|binary|uuid|any|null)"
    r"(?:\([\w ]+\)|<[^<>]*>|\[\w+\])?(?:\[\])?"
)
_TYPE_GROUP = rf"(?:(?i:{_TYPE_WORD}|\[{_TYPE_WORD}\])|[A-Z][A-Za-z]+\[\])"
_NOT_A_TYPE_NEXT = rf"(?!(?i:{_TYPE_WORD}))"
_PARTS = {
    "name": r"(?P<name>[A-Za-z_$@][\w.$@\[\]\-]*?)",
    "type": rf"(?P<type>{_TYPE_GROUP}(?:[/|,]{_TYPE_GROUP})*)",
    "required": (
        r"(?P<required>(?i:是|否|true|false|yes|no|required|optional|必填|必须|可选|选填))?"
    ),
    "optional": r"(?P<optional>(?i:是|否|true|false|yes|no))?",
    "in": r"(?P<in>(?i:path|query|header|body|cookie|formdata))?",
}


@lru_cache(maxsize=256)
def _glued_pattern(keys: tuple[str | None, ...]) -> re.Pattern[str] | None:
    if not keys or keys[0] != "name":
        return None
    parts = [_PARTS["name"]]
    seen: set[str] = {"name"}
    free = [i for i, key in enumerate(keys) if key not in _TYPED and i > 0]
    for i, key in enumerate(keys[1:], start=1):
        group = key if key is not None and key not in seen else f"skip{i}"
        seen.add(group)
        if key in _PARTS:
            parts.append(_PARTS[str(key)].replace(f"(?P<{key}>", f"(?P<{group}>", 1))
            following = keys[i + 1] if i + 1 < len(keys) else None
            if key == "type" and following != "other":
                parts.append(_NOT_A_TYPE_NEXT)  # `pointstring...` is point + string
            continue
        body = ".*" if free and i == free[-1] else ".*?"
        if i == 1:
            body = r"(?:[^\x00-\x7f]" + body + ")?"  # text glued to a name starts a new script
        parts.append(f"(?P<{group}>{body})")
    return re.compile("".join(parts) + "$", re.S)


def glued_cells(keys: list[str | None], text: str) -> dict[str, str] | None:
    """The cells of a row glued into one text (`wId是string登录实例标识`), or None."""
    pattern = _glued_pattern(tuple(keys))
    if pattern is None:
        return None
    match = pattern.match(text.strip())
    if match is None:
        bare = re.fullmatch(r"[A-Za-z_$@][\w.$@\[\]\-]*", text.strip())
        return {"name": text.strip()} if bare else None
    return {k: v for k, v in match.groupdict().items() if v and not k.startswith("skip")}
