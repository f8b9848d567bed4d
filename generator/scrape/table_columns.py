"""The column words of field tables, in the languages doc pages use, and header rows.

A header row names its columns (`Name | Type | Required | Description`, `参数名 是否必须 类型
说明`, `KeyDatatypeRequiredDescription` glued into one word); each column gets a key: `name`,
`type`, `required`, `optional` (a Required column read the other way round), `description`,
`default`, `in` (where the parameter goes), `sub` (the child name of a two-level table whose
name column holds the parent), `example`, or `other` (a known column the fields do not use:
constraints, valid values, schema).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_WORDS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "names",
        "parameter",
        "parameters",
        "parameter name",
        "param",
        "params",
        "param name",
        "field",
        "fields",
        "field name",
        "key",
        "property",
        "property name",
        "attribute",
        "argument",
        "arg",
        "element",
        "path element",
        "path parameter",
        "query parameter",
        "variable",
        "参数名",
        "参数",
        "参数名称",
        "参数名字",
        "名称",
        "名字",
        "字段",
        "字段名",
        "字段名称",
        "属性",
        "属性名",
        "參數名",
        "參數",
        "參數名稱",
        "パラメータ",
        "パラメータ名",
        "名前",
        "이름",
        "파라미터",
        "매개변수",
    ),
    "type": (
        "type",
        "types",
        "data type",
        "datatype",
        "value type",
        "类型",
        "参数类型",
        "数据类型",
        "字段类型",
        "類型",
        "參數類型",
        "數據類型",
        "型",
        "データ型",
        "タイプ",
        "타입",
        "유형",
    ),
    "required": (
        "required",
        "required?",
        "is required",
        "mandatory",
        "必需",
        "必填",
        "必须",
        "必須",
        "必选",
        "必選",
        "必传",
        "是否必须",
        "是否必填",
        "是否必需",
        "是否必选",
        "是否必传",
        "是否必传字段",
        "是否必須",
        "必要",
        "필수",
        "필수여부",
    ),
    "optional": ("optional", "可选", "是否可选"),
    "description": (
        "description",
        "descriptions",
        "desc",
        "details",
        "notes",
        "remarks",
        "remark",
        "comment",
        "comments",
        "explanation",
        "value",
        "说明",
        "描述",
        "参数说明",
        "参数描述",
        "字段说明",
        "字段描述",
        "备注",
        "含义",
        "說明",
        "參數說明",
        "描述信息",
        "説明",
        "설명",
    ),
    "default": (
        "default",
        "defaults",
        "default value",
        "默认值",
        "默认",
        "缺省值",
        "デフォルト",
        "기본값",
    ),
    "in": (
        "in",
        "location",
        "located in",
        "position",
        "parameter type",
        "param type",
        "paramtype",
        "位置",
        "参数位置",
        "请求类型",
    ),
    "sub": ("二级参数名", "二级参数", "子参数名", "子参数"),
    "example": (
        "example",
        "examples",
        "example value",
        "example values",
        "sample",
        "示例",
        "示例值",
        "例子",
        "样例",
        "例",
        "サンプル",
        "예시",
    ),
    "other": (
        "schema",
        "restrictions",
        "约束",
        "constraint",
        "constraints",
        "valid values",
        "allowed values",
        "可选值",
        "取值范围",
        "枚举值",
        "length",
        "长度",
        "最大长度",
    ),
}
_KEYS = {word: key for key, words in _WORDS.items() for word in words}
_LONGEST = max(len(word) for word in _KEYS)
_STRIP = "`*_:：#?？ "


def _by_first_character(words: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for word in sorted(words):
        found[word[0]] = (*found.get(word[0], ()), word)
    return found


_NAME_STARTS = _by_first_character(
    {word.split()[0] for word, key in _KEYS.items() if key == "name"}
)
"""The first words of the name column's words, by their first character."""


def may_open_header(text: str) -> bool:
    """Whether a header row may start this text: every header's first column is a name
    column (`column_key`, `spaced_header` and `glued_header` all ask it), so most lines are
    turned down on their first word, before any of them cuts or looks up words."""
    low = text.strip().lower()
    if low[:1] in _STRIP:
        low = low.lstrip(_STRIP)
    starts = _NAME_STARTS.get(low[:1])
    return starts is not None and low.startswith(starts)


@lru_cache(maxsize=8192)
def column_key(cell: str) -> str | None:
    """The key a header cell names (None: not a column word)."""
    return _KEYS.get(_norm(cell))


def _norm(cell: str) -> str:
    return re.sub(r"\s+", " ", cell.strip().strip(_STRIP).lower())


def header_keys(cells: list[str]) -> list[str | None] | None:
    """The column keys of a header row, or None when the row is not a field-table header: it
    names a name column and one more column, and every cell it names is a column word (an
    empty header cell is a column of no known meaning). A header cell that is one list of
    column words (`Name, Type, Description`) stands for those columns."""
    if len(cells) == 1 and "," in cells[0]:
        cells = [part for part in cells[0].split(",") if part.strip()]
    keys = [column_key(cell) if cell.strip() else None for cell in cells]
    named = [key for key in keys if key is not None]
    if any(key is None and cell.strip() for key, cell in zip(keys, cells, strict=True)):
        return None
    if not named or named[0] != "name" or named.count("name") > 1 or len(cells) < 2:
        return None
    if "description" not in keys and None in keys:  # `Parameter | |`: the text column
        keys[keys.index(None)] = "description"
    if "type" not in keys:  # `Name | Located in | Description | Required | Schema`
        schema = [k for k, cell in enumerate(cells) if _norm(cell) == "schema"]
        if len(schema) == 1:
            keys[schema[0]] = "type"
    return keys


@lru_cache(maxsize=4096)
def glued_header(text: str) -> tuple[str, ...] | None:
    """The column keys of a header glued into one word (`参数名必选类型说明`,
    `KeyDatatypeRequiredDescription`): column words covering the whole text, the first a
    name column, three or more in all (two are too easily a word of prose)."""
    text = text.strip()
    if not text or " " in text or "|" in text or len(text) > 80:
        return None
    for words in _segments(text.lower(), 0):
        keys = tuple(_KEYS[word] for word in words)
        if len(keys) >= 3 and keys[0] == "name" and keys.count("name") == 1:
            return keys
    return None


def _segments(text: str, depth: int) -> Iterator[list[str]]:
    """The ways to cut `text` into column words, the longest word first at each place."""
    if not text:
        yield []
        return
    if depth > 12:
        return
    for size in range(min(_LONGEST, len(text)), 0, -1):
        word = text[:size]
        if word in _KEYS and " " not in word:
            for rest in _segments(text[size:], depth + 1):
                yield [word, *rest]


@lru_cache(maxsize=4096)
def spaced_header(text: str) -> tuple[str, ...] | None:
    """The column keys of a header whose column words are separated by spaces only
    (`参数名 是否必须 类型 说明`, `Name Description Default Valid Values Example Values`):
    every word belongs to a column word (the longest first), three or more columns, the first
    a name column and one of them a type, required, description or location column."""
    words = text.split()
    if len(words) < 3 or len(words) > 12 or "|" in text:
        return None
    keys: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            key = (
                _KEYS.get(" ".join(words[i : i + size]).lower()) if i + size <= len(words) else None
            )
            if key is not None:
                keys.append(key)
                i += size
                break
        else:
            return None
    if len(keys) < 3 or keys[0] != "name" or keys.count("name") > 1:
        return None
    return tuple(keys) if {"type", "required", "description", "in"} & set(keys) else None
