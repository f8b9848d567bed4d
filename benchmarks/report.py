"""The rows of the benchmark table and how they print."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    figure: str
    ours: str
    anchor: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def table(rows: list[Row]) -> str:
    header = Row("figure", "ours", "anchor", "ratio", "target", "")
    cells = [[r.figure, r.ours, r.anchor, r.ratio, r.target, r.verdict] for r in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)
