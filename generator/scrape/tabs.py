"""Responses shown as tabs: the status codes listed first, then the bodies one after another.

    - 200                 (the tab list: status lines with nothing between them)
    - 400
    OK                    (a body: its description, then its media type)
    - application/json
    ...fields...
    Bad Request
    - application/problem+json
    ...fields...

A text render of tabbed responses (Docusaurus OpenAPI, and other themes that keep every tab's
panel in the page) lists the codes, then the panels in the same order. `untab` rewrites such
lines so that each body follows its own status line; other lines are returned as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator import lazyre
from generator.model import Line
from generator.scrape.sections import status_line

_MEDIA = lazyre.compile(r"^[-•*]?\s*[\w.+-]+/[\w.+-]+(?:;.*)?$")


def untab(lines: Sequence[Line]) -> list[Line]:
    """`lines` with a leading tab list of status codes spread over the bodies after it (in
    order); unchanged when there is no such list or more bodies than codes."""
    codes = _tab_list(lines)
    if len(codes) < 2:
        return list(lines)
    rest = lines[len(codes) :]
    starts = [j for j in range(len(rest) - 1) if _starts_body(rest, j)]
    if not starts and rest:  # one panel, no media lines to cut at: the open (first) tab's
        return [codes[0], *rest, *codes[1:]]
    if not starts or len(starts) > len(codes):
        return list(lines)
    out: list[Line] = []
    bounds = [0, *starts[1:], len(rest)]
    for k, (code, begin) in enumerate(zip(codes, bounds[:-1], strict=False)):
        out.append(code)
        out.extend(rest[begin : bounds[k + 1]])
    out.extend(codes[len(starts) :])
    return out


def _tab_list(lines: Sequence[Line]) -> list[Line]:
    """The status lines that open `lines`, each a bare code (`- 200`, `201`)."""
    codes: list[Line] = []
    for line in lines:
        status = status_line(line.text)
        if status is None or status.description or status.media_type:
            break
        codes.append(Line(line.number, status.code))
    return codes


def _starts_body(lines: Sequence[Line], j: int) -> bool:
    """A body's description line: not a status or media line itself, and a media line next."""
    text = lines[j].text.strip()
    if not text or _MEDIA.match(text) or status_line(text) is not None:
        return False
    return bool(_MEDIA.match(lines[j + 1].text.strip()))
