"""The scans that find where a JSON example or a curl command ends, against their former
character-by-character readings (hypothesis, deterministic)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Line
from generator.scrape.samples import _closing_line, _open_quote, _scan_quotes
from tests.fuzz import examples

_SETTINGS = examples(600)
_LINE = st.text(alphabet=st.sampled_from(list("{}[]\"\\' a,:")), max_size=16)


def _closing_line_by_chars(lines: list[Line], index: int) -> int | None:
    depth = 0
    for j in range(index, len(lines)):
        in_string = escaped = False
        for ch in lines[j].text:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
            elif ch in "{[":
                depth += 1
            elif ch in "}]":
                depth -= 1
        if depth <= 0:
            return j
    return None


@_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_closing_line(texts: list[str]) -> None:
    lines = [Line(n, text) for n, text in enumerate(texts, start=1)]
    assert _closing_line(lines, 0) == _closing_line_by_chars(lines, 0)


@_SETTINGS
@given(_LINE, st.sampled_from([None, "'", '"']))
def test_open_quote(line: str, quote: str | None) -> None:
    assert _open_quote(line, quote) == _scan_quotes(line, quote)
