"""Field tables as fields: pipe tables (`| Name | Type | Required | Description |`) and the
other shapes text renders give tables (see `table_rows`), read by `table_cells` and nested by
`table_fields`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.model import Line
from generator.scrape.fields import Field
from generator.scrape.table_fields import table_fields
from generator.scrape.table_rows import find_tables, may_hold_table, table_start
from generator.scrape.table_values import apply_values, is_value_table


def cells(text: str) -> list[str]:
    return [c.strip().strip("`*") for c in text.strip().strip("|").split("|")]


def is_table_row(text: str) -> bool:
    """Whether a table may start or go on at this line: a pipe, or a header of a table
    without pipes (column words separated by spaces, glued, or one a line)."""
    return table_start(text) != 0


def parse_tables(lines: Sequence[Line]) -> list[Field]:
    """The fields of every field table in `lines` (a header row names the columns)."""
    fields: list[Field] = []
    for table in find_tables(lines):
        if is_value_table(lines, table):
            apply_values(fields, table)
        else:
            fields.extend(table_fields(table))
    return fields


def tables_first(
    parse: Callable[[Sequence[Line]], list[Field]],
) -> Callable[[Sequence[Line]], list[Field]]:
    """A family's field reader that reads a section's field tables, when it has any, as
    tables (a table means the same on every platform)."""

    def read(lines: Sequence[Line]) -> list[Field]:
        if may_hold_table(lines):
            fields = parse_tables(lines)
            if fields:
                return fields
        return parse(lines)

    return read
