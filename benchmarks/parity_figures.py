"""The openai-python parity figures, computed from two `sdk_introspect.py` dumps.

Pure functions over plain JSON data (no imports of either SDK), so they can be tested on
small hand-written dumps. An operation is `(HTTP method, path)` with the placeholder names
blanked (`/files/{}`); where several methods of one SDK call the same operation (openai's
`create` and `parse`, `chat` and `beta.chat`), the primary one is kept (`primary_ops`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Method = dict[str, Any]
Ops = dict[tuple[str, str], Method]

EXTRAS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
HELPERS = frozenset({"parse", "stream"})  # openai's hand-written helpers over `create`
NUMBERED = re.compile(r"_\d+$")
NUMBERED_MODEL = re.compile(r"[A-Za-z]\d+$")
PLACEHOLDER = re.compile(r"\{([^}]*)\}")


@dataclass
class Figure:
    """One line of the table: `ours` of `total`, openai-python's own figure, the target."""

    name: str
    ours: int
    total: int | None
    openai: str
    target: str
    met: bool | None
    misses: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        if self.total is None:
            return str(self.ours)
        share = f" ({100 * self.ours / self.total:.1f} %)" if self.total else ""
        return f"{self.ours}/{self.total}{share}"


def op_key(method: Method) -> tuple[str, str]:
    return str(method["http"]), PLACEHOLDER.sub("{}", str(method["path"]))


def label(method: Method) -> str:
    return f"{method['resource']}.{method['name']}"


def primary_ops(methods: list[Method]) -> Ops:
    """One method per operation: not a helper, then the shallowest resource, then by name."""
    ops: Ops = {}
    rank = sorted(
        methods,
        key=lambda m: (m["name"] in HELPERS, m["resource"].count("."), label(m)),
    )
    for method in rank:
        ops.setdefault(op_key(method), method)
    return ops


def params(method: Method) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in method["params"] if p["name"] not in EXTRAS}


def share(ours: int, total: int, minimum: float) -> bool:
    return total == 0 or ours / total >= minimum


def matched_figure(theirs: Ops, ours: Ops) -> Figure:
    misses = [f"{k[0].upper()} {k[1]} ({label(m)})" for k, m in theirs.items() if k not in ours]
    found = len(theirs) - len(misses)
    total = len(theirs)
    return Figure("operations matched", found, total, str(total), "all", found == total, misses)


def recall_figure(pairs: list[tuple[Method, Method]]) -> Figure:
    total, misses = 0, []
    for theirs, ours in pairs:
        names = params(ours)
        for name in params(theirs):
            total += 1
            if name not in names:
                misses.append(f"{label(theirs)}: {name}")
    found = total - len(misses)
    return Figure(
        "parameter-name recall", found, total, "-", ">= 97 %", share(found, total, 0.97), misses
    )


def typeddict_figures(pairs: list[tuple[Method, Method]]) -> list[Figure]:
    """TypedDict parameters typed, and scalar parameters that we type as mappings."""
    typed_total, typed_misses, scalar_total, scalar_misses = 0, [], 0, []
    for theirs, ours in pairs:
        names = params(ours)
        for name, param in params(theirs).items():
            mine = names.get(name)
            shown = f"{label(theirs)}: {name}: {mine['annotation'] if mine else '(missing)'}"
            if param["typeddict"]:
                typed_total += 1
                if not (mine and mine["typeddict"]):
                    typed_misses.append(shown)
            elif not param["mapping"]:
                scalar_total += 1
                if mine and mine["mapping"] and not mine["typeddict"]:
                    scalar_misses.append(shown)
    typed = typed_total - len(typed_misses)
    return [
        Figure(
            "TypedDict params typed",
            typed,
            typed_total,
            "-",
            ">= 95 %",
            share(typed, typed_total, 0.95),
            typed_misses,
        ),
        Figure(
            "scalar params as mappings",
            len(scalar_misses),
            scalar_total,
            "0",
            "0",
            not scalar_misses,
            scalar_misses,
        ),
    ]


def streams(method: Method) -> bool:
    return any("Stream[" in text for text in [method["returns"], *method["overload_returns"]])


def uploads(method: Method) -> list[str]:
    return [name for name, p in params(method).items() if p["file"]]


def binary(method: Method) -> bool:
    return "BinaryResponse" in str(method["returns"])


def feature_figures(theirs: Ops, ours: Ops) -> list[Figure]:
    """Streaming, uploads and binary downloads: openai's operations that have the feature."""
    found: dict[str, list[str]] = {"streaming": [], "uploads": [], "binary": []}
    totals = dict.fromkeys(found, 0)
    for key, method in theirs.items():
        mine = ours.get(key)
        checks = {
            "streaming": (streams(method), bool(mine and streams(mine))),
            "uploads": (
                bool(uploads(method)),
                mine is not None and set(uploads(method)) <= set(uploads(mine)),
            ),
            "binary": (binary(method), bool(mine and binary(mine))),
        }
        for name, (has, handled) in checks.items():
            totals[name] += has
            if has and not handled:
                found[name].append(f"{key[0].upper()} {key[1]} ({label(method)})")
    targets = {"streaming": "12/12", "uploads": "14/14", "binary": "7/7"}
    return [
        Figure(
            f"{name} handled",
            totals[name] - len(misses),
            totals[name],
            str(totals[name]),
            targets[name],
            not misses,
            misses,
        )
        for name, misses in found.items()
    ]


def body_figure(pairs: list[tuple[Method, Method]]) -> Figure:
    """Our single `body` argument where openai-python has named keyword parameters."""
    misses = []
    for theirs, ours in pairs:
        named = [n for n in params(theirs) if n not in placeholders(theirs)]
        if "body" in params(ours) and "body" not in params(theirs) and named:
            misses.append(f"{label(ours)} (openai: {len(named)} named)")
    return Figure("`body` on object bodies", len(misses), None, "0", "0", not misses, misses)


def placeholders(method: Method) -> set[str]:
    return set(PLACEHOLDER.findall(str(method["path"])))


def unfilled_figure(methods: list[Method]) -> Figure:
    misses = []
    for method in methods:
        left = placeholders(method) - set(method["filled"])
        if left:
            misses.append(f"{label(method)} {method['path']}: {', '.join(sorted(left))}")
    return Figure("unfilled placeholders", len(misses), None, "0", "0", not misses, misses)


def numbered_figures(theirs: dict[str, Any], ours: dict[str, Any]) -> list[Figure]:
    def count(names: list[str], pattern: re.Pattern[str] = NUMBERED) -> list[str]:
        return sorted({name for name in names if pattern.search(name)})

    classes = count(ours["classes"])
    methods = count([label(m) for m in ours["methods"]])
    models = count(ours["models"], NUMBERED_MODEL)
    their_classes = len(count(theirs["classes"]))
    their_methods = len(count([label(m) for m in theirs["methods"]]))
    return [
        Figure(
            "numbered resource classes",
            len(classes),
            None,
            str(their_classes),
            "0",
            not classes,
            classes,
        ),
        Figure(
            "numbered methods", len(methods), None, str(their_methods), "0", not methods, methods
        ),
        Figure(
            "numbered models",
            len(models),
            len(ours["models"]),
            "-",
            "true clashes only",
            None,
            models,
        ),
    ]


def raw_figure(pairs: list[tuple[Method, Method]]) -> Figure:
    misses = [
        label(ours) for theirs, ours in pairs if theirs["raw_response"] and not ours["raw_response"]
    ]
    total = sum(1 for theirs, _ in pairs if theirs["raw_response"])
    return Figure(
        "with_raw_response",
        total - len(misses),
        total,
        str(total),
        "all",
        not misses,
        sorted(misses),
    )


def figures(theirs: dict[str, Any], ours: dict[str, Any]) -> list[Figure]:
    """Every figure of the table, from openai-python's dump and ours."""
    their_ops, our_ops = primary_ops(theirs["methods"]), primary_ops(ours["methods"])
    pairs = [(m, our_ops[k]) for k, m in their_ops.items() if k in our_ops]
    return [
        matched_figure(their_ops, our_ops),
        recall_figure(pairs),
        *typeddict_figures(pairs),
        *feature_figures(their_ops, our_ops),
        body_figure(pairs),
        *numbered_figures(theirs, ours),
        unfilled_figure(ours["methods"]),
        raw_figure(pairs),
    ]


def table(rows: list[Figure], *, verbose: bool) -> str:
    """The figures as a Markdown table; with `verbose`, each figure's misses below it."""
    lines = ["| figure | ours | openai-python | target | met |", "|---|---|---|---|---|"]
    marks = {True: "yes", False: "NO", None: "-"}
    for row in rows:
        lines.append(
            f"| {row.name} | {row.value} | {row.openai} | {row.target} | {marks[row.met]} |"
        )
    if verbose:
        for row in rows:
            if row.misses:
                lines += ["", f"{row.name}: {len(row.misses)}"]
                lines += [f"  {miss}" for miss in row.misses]
    return "\n".join(lines)
