"""Fact-by-fact accuracy of a scraped OpenAPI document against an expected one.

A document is flattened into *facts* (see ``/work/shared/gold/seeds/README.md``):

- an operation is found at (method, path template);
- each query/path parameter: presence, type, required;
- each request-body and response-body field, flattened into a path such as
  ``POST /assistants request.tools[].type`` or ``GET /assistants response.200.data[].id``:
  presence, type, required, and nullability where the expected side states it.
  The element schema of an array (``tools[]``) gives a type fact only.

Header and cookie parameters are not compared. ``$ref`` (local ``#/...``) is resolved on
both sides with a cycle guard, ``allOf`` is merged, and a field's type is the set of JSON
types it can take (``type`` as a string or a list, or the members of ``oneOf``/``anyOf``),
with ``"null"`` split off as nullability (OpenAPI 3.0 ``nullable: true`` also counts).

Rules taken from the expected side:

- ``type: "null"`` alone means "nullable, type unknown": the type fact is not counted on
  either side, only nullability is.
- Inside a schema marked ``x-inferred`` (any truthy value), or beneath one, ``required`` is
  not compared and ``integer`` agrees with ``number``.
- A schema with no ``type`` (``schema: {}``) gives no expected type fact; a type the scraped
  side states there is a fact it produced that matches nothing.

And one from the scraped side: a schema it marks ``x-inferred`` (built from an example) states
no ``required`` and no non-nullability (an example cannot show them), and there too integer
agrees with number (an example's ``1`` may be either).

A fact is a (subject, kind, value) triple; a wrong value is a miss both ways (the expected
fact is missing, the produced one is extra). Ratios whose denominator is 0 are 0.0.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.openapi.yaml_io import load_spec_file
from tests.accuracy.schema_nodes import Node, Resolver, Walker, Where

__all__ = [
    "Fact",
    "Score",
    "combine",
    "load_spec",
    "reference_agreement",
    "score",
]

DocLike = Mapping[str, Any] | str | os.PathLike[str]
OpKey = tuple[str, str]  # (METHOD, normalized path template)

_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
_COMPARED_PARAMS = ("query", "path")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, order=True)
class Fact:
    """One comparable statement, e.g. ``GET /assistants query.limit`` ``type`` ``integer``."""

    subject: str
    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.subject} {self.kind}={self.value}"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(frozen=True)
class Score:
    """Counts of one comparison; ``missing``/``extra`` list the unmatched facts."""

    matched: int = 0
    produced: int = 0
    expected: int = 0
    missing: tuple[Fact, ...] = field(default=(), repr=False)
    extra: tuple[Fact, ...] = field(default=(), repr=False)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.produced)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.expected)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.matched + other.matched,
            self.produced + other.produced,
            self.expected + other.expected,
            self.missing + other.missing,
            self.extra + other.extra,
        )


def combine(scores: Iterable[Score]) -> Score:
    """Micro-average: sum the counts (and the fact lists) of several scores."""
    total = Score()
    for item in scores:
        total = total + item
    return total


# --------------------------------------------------------------------------- loading


@functools.lru_cache(maxsize=16)
def _load_cached(path: str) -> Mapping[str, Any]:
    data = load_spec_file(Path(path))
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: not an OpenAPI document (top level is not a mapping)")
    return data


def load_spec(path: str | os.PathLike[str]) -> Mapping[str, Any]:
    """Load a YAML/JSON OpenAPI file, cached per resolved path. Do not mutate the result."""
    return _load_cached(str(Path(path).resolve()))


def _as_doc(doc: DocLike) -> Mapping[str, Any]:
    return doc if isinstance(doc, Mapping) else load_spec(doc)


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str  # as written in the document
    full_path: str  # with the server's base path in front
    nodes: Mapping[Where, Node]

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"


def _norm_path(path: str) -> str:
    parts = [part for part in path.split("/") if part]
    return "/" + "/".join(
        "{}" if part.startswith("{") and part.endswith("}") else part for part in parts
    )


def _base_path(doc: Mapping[str, Any]) -> str:
    servers = doc.get("servers") or []
    first = servers[0] if servers and isinstance(servers[0], Mapping) else {}
    url = str(first.get("url") or "")
    return urlsplit(url).path.rstrip("/") if "://" in url else url.rstrip("/")


def _json_schema(res: Resolver, holder: Any) -> Any:
    """The schema of the JSON media type of a request body or response (else the first one)."""
    target, _refs = res.deref(holder)
    content = target.get("content") if isinstance(target, Mapping) else None
    if not isinstance(content, Mapping):
        return None
    ordered = sorted(content.items(), key=lambda kv: "json" not in str(kv[0]))
    for _media, body in ordered:
        if isinstance(body, Mapping) and "schema" in body:
            return body["schema"]
    return None


def _parameters(
    res: Resolver, path_item: Mapping[str, Any], op: Mapping[str, Any]
) -> list[Mapping[str, Any]]:
    by_key: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*(path_item.get("parameters") or []), *(op.get("parameters") or [])]:
        param, _refs = res.deref(raw)
        if isinstance(param, Mapping) and param.get("in") in _COMPARED_PARAMS:
            by_key[(str(param["in"]), str(param.get("name")))] = param
    return list(by_key.values())


def _param_node(res: Resolver, param: Mapping[str, Any]) -> Node:
    schema = param.get("schema")
    merged, _refs = res.merged(_json_schema(res, param) if schema is None else schema)
    inferred = bool(param.get("x-inferred")) or bool(merged.get("x-inferred"))
    return Node("param", res.type_info(merged), param.get("required") is True, inferred)


def _operation_nodes(
    res: Resolver, path_item: Mapping[str, Any], op: Mapping[str, Any]
) -> dict[Where, Node]:
    walker = Walker(res)
    for param in _parameters(res, path_item, op):
        walker.nodes[(str(param["in"]), (str(param.get("name")),))] = _param_node(res, param)
    request = _json_schema(res, op.get("requestBody"))
    if request is not None:
        walker.walk(request, ("request", ()), kind="root", required=False, inferred=False)
    for code, response in (op.get("responses") or {}).items():
        schema = _json_schema(res, response)
        if schema is not None:
            where = (f"response.{code}", ())
            walker.walk(schema, where, kind="root", required=False, inferred=False)
    return walker.nodes


def _operations(doc: Mapping[str, Any]) -> dict[OpKey, _Operation]:
    res = Resolver(doc)
    base = _base_path(doc)
    found: dict[OpKey, _Operation] = {}
    for path, raw_item in (doc.get("paths") or {}).items():
        path_item, _refs = res.deref(raw_item)
        if not isinstance(path_item, Mapping):
            continue
        for method in _METHODS:
            op = path_item.get(method)
            if isinstance(op, Mapping):
                key = (method.upper(), _norm_path(str(path)))
                nodes = _operation_nodes(res, path_item, op)
                found.setdefault(
                    key, _Operation(method.upper(), str(path), base + str(path), nodes)
                )
    return found


def _strip_prefix(path: str, prefix: str) -> str:
    return path[len(prefix) :] if prefix and path.startswith(prefix + "/") else path


def _match_operations(
    scraped: Mapping[OpKey, _Operation], expected: Mapping[OpKey, _Operation], expected_base: str
) -> dict[OpKey, OpKey]:
    """Scraped operation key -> expected operation key, by full URL path, then by path alone
    (also with the expected server's base path taken off the scraped path)."""
    index: dict[OpKey, OpKey] = {}
    for key, op in expected.items():
        index.setdefault((op.method, _norm_path(op.full_path)), key)
    for key in expected:
        index.setdefault(key, key)
    mapping: dict[OpKey, OpKey] = {}
    for key, op in scraped.items():
        candidates = (op.full_path, op.path, _strip_prefix(op.path, expected_base))
        for candidate in candidates:
            hit = index.get((op.method, _norm_path(candidate)))
            if hit is not None:
                mapping[key] = hit
                break
    return mapping


# --------------------------------------------------------------------------- facts

_NodeMap = Mapping[Where, Node]


@dataclass(frozen=True)
class _Context:
    """How one subject is compared, from what both sides say about it."""

    expected_inferred: bool = False  # no required facts on either side
    lenient_numbers: bool = False  # integer agrees with number
    skip_type: bool = False  # expected type is "null" alone
    nullable: bool = False  # the expected side states nullability


def _inferred_at(nodes: _NodeMap | None, where: Where) -> bool:
    """Whether ``where`` lies in or beneath an ``x-inferred`` schema of that side."""
    if nodes is None:
        return False
    loc, path = where
    for cut in range(len(path), -1, -1):
        node = nodes.get((loc, path[:cut]))
        if node is not None:
            return node.inferred
    return False


def _context(expected: _NodeMap | None, scraped: _NodeMap | None, where: Where) -> _Context:
    node = expected.get(where) if expected is not None else None
    expected_inferred = _inferred_at(expected, where)
    return _Context(
        expected_inferred=expected_inferred,
        lenient_numbers=expected_inferred or _inferred_at(scraped, where),
        skip_type=node is not None and node.info.types == frozenset(),
        nullable=node is not None and node.info.null_stated,
    )


def _type_value(types: frozenset[str], lenient: bool) -> str:
    if lenient:
        types = frozenset("number" if t == "integer" else t for t in types)
    return "|".join(sorted(types))


def _subject(op_name: str, where: Where) -> str:
    loc, path = where
    return op_name + " " + loc + "".join(part if part == "[]" else "." + part for part in path)


def _node_facts(subject: str, node: Node, ctx: _Context) -> list[Fact]:
    """Facts one side states about one subject. Inside its own ``x-inferred`` schemas a side
    states no ``required`` and no non-nullability (an example cannot show them)."""
    if node.kind == "root":
        return []
    facts: list[Fact] = []
    if node.kind != "items":
        facts.append(Fact(subject, "present", "yes"))
    if node.info.types and not ctx.skip_type:
        facts.append(Fact(subject, "type", _type_value(node.info.types, ctx.lenient_numbers)))
    if node.kind != "items" and not (ctx.expected_inferred or node.inferred):
        facts.append(Fact(subject, "required", str(node.required).lower()))
    if ctx.nullable and node.kind != "param" and (node.info.nullable or not node.inferred):
        facts.append(Fact(subject, "nullable", str(node.info.nullable).lower()))
    return facts


def _operation_facts(
    name: str, own: _Operation, expected: _Operation | None, scraped: _Operation | None
) -> set[Fact]:
    """Facts of ``own`` (one side of the pair ``expected``/``scraped``), named after ``name``."""
    facts = {Fact(name, "operation", "present")}
    exp_nodes = expected.nodes if expected is not None else None
    scr_nodes = scraped.nodes if scraped is not None else None
    for where, node in own.nodes.items():
        ctx = _context(exp_nodes, scr_nodes, where)
        facts.update(_node_facts(_subject(name, where), node, ctx))
    return facts


def _compare(
    scraped_doc: Mapping[str, Any], expected_doc: Mapping[str, Any], *, overlap_only: bool
) -> Score:
    scraped, expected = _operations(scraped_doc), _operations(expected_doc)
    mapping = _match_operations(scraped, expected, _base_path(expected_doc))
    partner: dict[OpKey, _Operation] = {}
    for scraped_key, expected_key in mapping.items():
        partner.setdefault(expected_key, scraped[scraped_key])
    want: set[Fact] = set()
    for key, op in expected.items():
        if not overlap_only or key in partner:
            want |= _operation_facts(op.name, op, op, partner.get(key))
    got: set[Fact] = set()
    for key, op in scraped.items():
        target = expected.get(mapping[key]) if key in mapping else None
        if target is not None or not overlap_only:
            name = target.name if target is not None else op.name
            got |= _operation_facts(name, op, target, op)
    common = want & got
    missing, extra = tuple(sorted(want - got)), tuple(sorted(got - want))
    return Score(len(common), len(got), len(want), missing, extra)


def score(scraped: DocLike, expected: DocLike) -> Score:
    """Compare every fact of ``scraped`` with ``expected`` (a gold file): all operations count."""
    return _compare(_as_doc(scraped), _as_doc(expected), overlap_only=False)


def reference_agreement(scraped: DocLike, reference: DocLike) -> Score:
    """Compare ``scraped`` with an official spec, on the operations both have.

    Operations match on method and path template, also when one side puts the server's base
    path (``/v1``) in its paths and the other in ``servers``. The reference is the expected side.
    """
    return _compare(_as_doc(scraped), _as_doc(reference), overlap_only=True)
