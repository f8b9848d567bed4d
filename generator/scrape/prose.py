"""Facts stated in prose: defaults, enums, bounds, lengths, item counts, patterns.

Each pattern is one sentence shape seen on real doc platforms ("Default value is 20.",
"Values are asc or desc.", "Minimum value is 0, maximum value is 2.", "Maximum length is
256.", "Not more than 128 elements.", "Available options: a, b", "Required range: 0 <= x <=
2", "between 1 and 100"). `prose_facts(text, json_type)` returns schema keywords.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from typing import Any

from generator import lazyre
from generator.model import Schema
from generator.scrape.jsonish import parse_jsonish
from generator.scrape.literals import KeywordFilter, keyword_filter

_NUM = r"(-?\d[\d,]*(?:\.\d+)?)"
_DEFAULT = lazyre.compile(
    r"(?:Default value is|Defaults? to|default:|默认值[:：]?)\s*"
    r"(\[\]|\"[^\"]*\"|`[^`]*`|[^\s.,;]+)",
    re.IGNORECASE,
)
_VALUES = lazyre.compile(
    r"(?:Values are|Possible values(?: are)?[:：]?|Allowed values(?: are)?[:：]?|"
    r"Available options[:：]|Enum(?:eration)?(?: values)?[:：]|枚举值[:：]?|可选值[:：]?|"
    r"(?:Must be )?one of[:：])\s*(.+?)(?:\.\s|\.$|$)",
    re.IGNORECASE,
)
_ONE_OF = lazyre.compile(r"\bOne of\s+(\S.+?)(?:\.\s|\.$|$)")
_SINGLE_VALUE = lazyre.compile(r"(?<![\w])Value is (\S+?)\.?(?=\s*$|\s+[A-Z])")
_DEFAULT_PROSE = lazyre.compile(
    r"\bthe default(?: value)? is ([^\s.,;]+)"
    r"|(?:^|[.:]\s+)`?([\w-]+)`? is the default(?: value)?\b",
    re.IGNORECASE,
)
_KEYS_BY_TYPE = {
    "string": {"minLength", "maxLength", "pattern"},
    "integer": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"},
    "number": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"},
    "array": {"minItems", "maxItems"},
}
_TYPED_KEYS = set().union(*_KEYS_BY_TYPE.values())
_MIN_MAX = {
    "minimum": lazyre.compile(r"Minimum value is " + _NUM, re.IGNORECASE),
    "maximum": lazyre.compile(r"[Mm]aximum value is " + _NUM),
    "minLength": lazyre.compile(r"Minimum length(?: is|:)\s*" + _NUM, re.IGNORECASE),
    "maxLength": lazyre.compile(
        r"Maximum length(?: is|:| of)\s*" + _NUM + r"|maximum length is " + _NUM, re.IGNORECASE
    ),
    "maxItems": lazyre.compile(
        r"Not more than " + _NUM + r" elements?|maximum of " + _NUM + r" items", re.IGNORECASE
    ),
    "minItems": lazyre.compile(
        r"At least " + _NUM + r"(?: elements?| but not more than [\d,]+ elements?)", re.IGNORECASE
    ),
    "pattern": lazyre.compile(r"Format should match the following pattern:\s*(\S+)"),
}
_RANGE = lazyre.compile(r"(?:Required range|\bRange):\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_BETWEEN = lazyre.compile(
    r"\bbetween " + _NUM + r" and " + _NUM + r"(\s+characters|\s+elements|\s+items)?", re.IGNORECASE
)
_LENGTH_RANGE = lazyre.compile(
    r"Required string length:\s*" + _NUM + r"\s*-\s*" + _NUM, re.IGNORECASE
)
_ARRAY_RANGE = lazyre.compile(
    r"Required array length:\s*" + _NUM + r"\s*-\s*" + _NUM, re.IGNORECASE
)


_FACT_PATTERNS = [
    _DEFAULT,
    _VALUES,
    _ONE_OF,
    _SINGLE_VALUE,
    _DEFAULT_PROSE,
    *_MIN_MAX.values(),
    _RANGE,
    _BETWEEN,
    _LENGTH_RANGE,
    _ARRAY_RANGE,
]


@cache
def _any_fact() -> KeywordFilter | None:
    """Finds a word of some fact pattern: nine descriptions in ten have none and state
    nothing. Made at first use (reading the patterns' literals costs some 5 ms)."""
    return keyword_filter(_FACT_PATTERNS)


def prose_facts(text: str, json_type: str | None) -> Schema:
    """Schema keywords the prose states for a value of JSON type `json_type`."""
    if not _may_state_facts(text):
        return {}
    return {key: _copied(value) for key, value in _stated_facts(text, json_type).items()}


@lru_cache(maxsize=8192)
def _stated_facts(text: str, json_type: str | None) -> Schema:
    """`_facts`, cached: a site's pages describe the same fields again (a bump site: one
    text in three is new). Callers change the facts they get, so they get a copy."""
    return _facts(text, json_type)


def _copied(value: Any) -> Any:
    """A copy of a fact's value (JSON: lists and objects copied, scalars shared)."""
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value


@lru_cache(maxsize=8192)
def _may_state_facts(text: str) -> bool:
    """`_any_fact()`'s answer, cached: a site's pages describe the same fields again."""
    gate = _any_fact()
    return gate is None or gate(text)


def _facts(text: str, json_type: str | None) -> Schema:
    facts: Schema = {}
    for key, pattern in _MIN_MAX.items():
        match = pattern.search(text)
        if match:
            raw = next(g for g in match.groups() if g is not None)
            facts[key] = raw if key == "pattern" else _number(raw)
    facts.update(_ranges(text, json_type))
    if json_type is not None:
        allowed = _KEYS_BY_TYPE.get(json_type, set())
        facts = {k: v for k, v in facts.items() if k in allowed or k not in _TYPED_KEYS}
    enum = enum_values(text)
    if enum:
        facts["enum"] = [coerce(v, json_type) for v in enum]
    default = _DEFAULT.search(text) or _DEFAULT_PROSE.search(text)
    if default:
        raw = next(g for g in default.groups() if g is not None)
        facts["default"] = _default_value(raw, json_type)
    return facts


def enum_values(text: str) -> list[str]:
    match = _VALUES.search(text)
    if match:
        values = split_values(match.group(1))
        if values and all(_is_token(v) for v in values):
            return values
    listed = _ONE_OF.search(text)
    if listed:
        values = split_values(listed.group(1))
        if len(values) >= 2 and all(_is_token(v) for v in values):
            return values
    single = _SINGLE_VALUE.search(text)
    return [single.group(1).strip("`\"'")] if single else []


def _is_token(value: str) -> bool:
    """An enum value is a token (`asc`, `gpt-4o`, `thread.run`), not a phrase."""
    return 0 < len(value) <= 64 and " " not in value


def split_values(text: str) -> list[str]:
    text = re.sub(r"\s*\(.*?\)", "", text)
    parts = re.split(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*[|/、，]\s*", text)
    return [p.strip().strip("`\"'") for p in parts if p.strip().strip("`\"'")]


def _ranges(text: str, json_type: str | None) -> Schema:
    facts: Schema = {}
    for pattern, low, high in (
        (_LENGTH_RANGE, "minLength", "maxLength"),
        (_ARRAY_RANGE, "minItems", "maxItems"),
    ):
        match = pattern.search(text)
        if match:
            facts[low], facts[high] = _number(match.group(1)), _number(match.group(2))
    range_match = _RANGE.search(text)
    if range_match:
        facts.update(_inequality(range_match.group(1)))
    between = _BETWEEN.search(text)
    if between and not facts:
        unit = (between.group(3) or "").strip().lower()
        bottom, top = _number(between.group(1)), _number(between.group(2))
        if unit == "characters" or (not unit and json_type == "string"):
            facts.setdefault("minLength", bottom)
            facts.setdefault("maxLength", top)
        elif unit in ("elements", "items") or json_type == "array":
            facts.setdefault("minItems", bottom)
            facts.setdefault("maxItems", top)
        elif json_type in ("integer", "number"):
            facts.setdefault("minimum", bottom)
            facts.setdefault("maximum", top)
    return facts


def _inequality(text: str) -> Schema:
    facts: Schema = {}
    for op, num in re.findall(r"(<=|>=|<|>)\s*" + _NUM, text):
        value = _number(num)
        key = {">=": "minimum", ">": "exclusiveMinimum", "<=": "maximum", "<": "exclusiveMaximum"}
        facts[key[op]] = value
    lead = re.match(_NUM + r"\s*(<=|<)\s*[A-Za-z_]\w*", text.strip())
    if lead:
        facts["minimum" if lead.group(2) == "<=" else "exclusiveMinimum"] = _number(lead.group(1))
    return facts


def _number(raw: str) -> int | float:
    raw = raw.replace(",", "")
    value = float(raw)
    return int(value) if value.is_integer() and "." not in raw else value


def _default_value(raw: str, json_type: str | None) -> Any:
    raw = raw.strip("`")
    if raw == "[]":
        return []
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return raw[1:-1]
    return coerce(raw, json_type)


def coerce(raw: str, json_type: str | None) -> Any:
    """A literal from a page as a value of `json_type` (left a string when it does not fit)."""
    if json_type in ("integer", "number"):
        try:
            return _number(raw)
        except ValueError:
            return raw
    if json_type == "boolean" and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    if json_type in ("object", "array"):
        try:
            return parse_jsonish(raw)
        except ValueError:
            return raw
    if json_type is None and raw in ("true", "false", "null"):
        return json.loads(raw)
    return raw
