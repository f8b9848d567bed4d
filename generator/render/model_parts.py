"""The models module of a large spec made in independent parts, one process each.

datamodel-code-generator is the slowest stage and runs on one core. The component schemas
fall into groups that never `$ref` each other (connected components of the reference
graph); `partition` deals those groups out to `PARTS` parts of about equal size, each part
is generated on its own (in parallel) and `merge` joins the parts into one module:

- imports: the union of the parts' `from x import a, b` lines;
- classes: each part's classes in the order the generator wrote them (so every base class
  and root type still comes before its use), the parts interleaved in the document's
  order of the schemas (a nested model travels with the schema class written after it);
- `X.model_rebuild()` calls: at the end, in class order, as the generator writes them.

A part's classes only name classes of the same part, so the merged module is what one run
would write up to the interleaving. What one run decides across groups (a class name that
another group also uses, a class named like an import) cannot be seen in parts: `merge`
then returns None and the caller generates the models in one piece.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator import lazyre

PARTS = 2
MIN_SCHEMAS = 300
"""Below this many schemas one run is fast enough (and the output keeps one run's order)."""

_POINTER = lazyre.compile(r'"#/components/schemas/([^"/]+)')
_MAPPING = lazyre.compile(r'"mapping": (?=\{)')
_JSON = json.JSONDecoder()
_IMPORT = lazyre.compile(r"from ([\w.]+) import ([\w, ]+)")
_CLASS = lazyre.compile(r"class ([A-Za-z_]\w*)\b")
_REBUILD = lazyre.compile(r"([A-Za-z_]\w*)\.model_rebuild\(\)")


def partition(schemas: dict[str, Any], refs: dict[str, set[str]]) -> list[list[str]]:
    """Schema names in parts that never reference each other (`refs`: the schema names each
    schema references), in document order; one part when the spec is small or one group."""
    names = list(schemas)
    groups = _groups(names, refs)
    if len(names) < MIN_SCHEMAS or len(groups) < 2:
        return [names]
    parts: list[list[str]] = [[] for _ in range(PARTS)]
    for group in sorted(groups, key=lambda g: -len(g)):  # stable: ties keep document order
        min(parts, key=len).extend(group)
    position = {name: index for index, name in enumerate(names)}
    ordered = [sorted(part, key=position.__getitem__) for part in parts if part]
    return sorted(ordered, key=lambda part: position[part[0]])


def references(schemas: dict[str, Any]) -> dict[str, set[str]]:
    """The component schemas each schema names: `$ref`s (also into a schema), discriminator
    mappings (pointers or bare names). Read from the JSON text: faster than a walk, and
    schema names are class names, which JSON writes as they are."""
    found = {}
    for name, schema in schemas.items():
        text = json.dumps(schema, ensure_ascii=False, default=str)
        named = set(_POINTER.findall(text))
        for at in _MAPPING.finditer(text):
            mapping, _ = _JSON.raw_decode(text, at.end())
            named.update(value for value in mapping.values() if isinstance(value, str))
        found[name] = named & schemas.keys()
    return found


def _groups(names: list[str], refs: dict[str, set[str]]) -> list[list[str]]:
    """Connected components of the reference graph, each in document order, ordered by
    their first schema."""
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    position = {name: index for index, name in enumerate(names)}
    for name in names:
        for target in refs.get(name, ()):
            a, b = sorted((root(name), root(target)), key=position.__getitem__)
            parent[b] = a
    members: dict[str, list[str]] = {}
    for name in names:
        members.setdefault(root(name), []).append(name)
    return list(members.values())


@dataclass
class _Part:
    head: list[str] = field(default_factory=list)
    imports: dict[str, set[str]] = field(default_factory=dict)
    classes: list[tuple[str, list[str]]] = field(default_factory=list)
    rebuilds: list[str] = field(default_factory=list)


def merge(sources: list[str], order: list[str]) -> str | None:
    """One module from the parts' sources (unformatted generator output); `order`: the
    schema names in document order. None when the parts cannot be joined safely."""
    parts = [part for part in map(_parse, sources) if part is not None]
    names = [name for part in parts for name, _ in part.classes]
    imported = {item for part in parts for items in part.imports.values() for item in items}
    heads = {tuple(part.head) for part in parts}
    if len(parts) != len(sources) or len(heads) != 1 or len(set(names)) != len(names):
        return None
    if imported & set(names):
        return None  # one run would rename the class or alias the import
    imports: dict[str, set[str]] = {}
    for part in parts:
        for module, items in part.imports.items():
            imports.setdefault(module, set()).update(items)
    lines = parts[0].head + [f"from {m} import {', '.join(sorted(i))}" for m, i in imports.items()]
    classes = list(_interleave(parts, {name: i for i, name in enumerate(order)}))
    position = {name: index for index, (name, _) in enumerate(classes)}
    rebuilds = sorted((n for part in parts for n in part.rebuilds), key=position.__getitem__)
    body = "\n\n\n".join("\n".join(block).rstrip("\n") for _, block in classes)
    tail = "".join(f"{name}.model_rebuild()\n" for name in rebuilds)
    return "\n".join(lines) + "\n\n\n" + body + "\n" + ("\n\n" + tail if tail else "")


def _interleave(parts: list[_Part], position: dict[str, int]) -> Iterator[tuple[str, list[str]]]:
    """The parts' classes, each part in its own order, interleaved as one run orders them:
    the generator writes the models it can in document order, then again the ones it had
    to put off, and so on (a pass ends where the document position goes back); the parts'
    passes are merged pass by pass, by the document position of each run's schema class
    (a nested model travels with the schema class written after it)."""
    passes: list[list[list[Run]]] = []
    for index, part in enumerate(parts):
        for number, runs in enumerate(_passes(part.classes, position, index)):
            if number == len(passes):
                passes.append([])
            passes[number].append(runs)
    for runs_of_parts in passes:
        for run in heapq.merge(*runs_of_parts, key=lambda run: (run.position, run.part)):
            yield from run.classes


@dataclass
class Run:
    position: int
    part: int
    classes: list[tuple[str, list[str]]]


def _passes(
    classes: list[tuple[str, list[str]]], position: dict[str, int], part: int
) -> list[list[Run]]:
    passes: list[list[Run]] = [[]]
    pending: list[tuple[str, list[str]]] = []
    for name, block in classes:
        pending.append((name, block))
        if name in position:
            if passes[-1] and position[name] < passes[-1][-1].position:
                passes.append([])
            passes[-1].append(Run(position[name], part, pending))
            pending = []
    if pending:
        passes[-1].append(Run(len(position), part, pending))
    return passes


def _parse(source: str) -> _Part | None:
    """A part's header lines, imports, class blocks and rebuild calls; None for any other
    top-level statement (the parts would not join as one run's output)."""
    part = _Part()
    block: list[str] | None = None
    for line in source.rstrip("\n").split("\n"):
        if block is not None and (not line or line[0] in " \t"):
            block.append(line)
            continue
        block = None
        if (found := _CLASS.match(line)) is not None:
            block = [line]
            part.classes.append((found[1], block))
        elif not part.imports and not part.classes and _head(line):
            part.head.append(line)
        elif not line:
            continue
        elif (imported := _IMPORT.fullmatch(line)) is not None and not part.classes:
            items = {item.strip() for item in imported[2].split(",")}
            if any(" " in item for item in items):
                return None  # an alias: one run chooses aliases across all the models
            part.imports.setdefault(imported[1], set()).update(items)
        elif (rebuild := _REBUILD.fullmatch(line)) is not None:
            part.rebuilds.append(rebuild[1])
        else:
            return None
    return part


def _head(line: str) -> bool:
    return line.startswith("#") or line in ("", "from __future__ import annotations")
