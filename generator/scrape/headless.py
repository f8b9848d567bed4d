"""Operations whose parts have no headings (`records`): the fields before the first body are
parameters, and each body opened by a bare `object` line is the request body or a response.

A body method's first body, with no title line before it, is the request body; the others
are responses in page order, the first the success response ("200") and the next one the
error envelope ("default"): the page states no status code, and a third is not guessed at.
A parameter named like a path placeholder goes in the path, the others in the query.
"""

from __future__ import annotations

from generator import lazyre
from generator.model import Line, Operation
from generator.scrape.assemble import Reader, body_from, parameters_from, responses_from
from generator.scrape.examples import split_content
from generator.scrape.sections import Section

_BODY_METHODS = {"POST", "PUT", "PATCH"}
_PLACEHOLDER = lazyre.compile(r"\{([^{}]+)\}")
_CODES = ("200", "default")


def apply_preamble(op: Operation, section: Section, reader: Reader) -> None:
    """The fields before the first body, as parameters."""
    fields = reader.parse(split_content(section.lines).lines)
    placeholders = {name.strip() for name in _PLACEHOLDER.findall(op.path)}
    for param in parameters_from(fields, "query"):
        if param.name in placeholders:
            param.location, param.required = "path", True
        op.parameters.append(param)


def apply_schema(op: Operation, section: Section, reader: Reader, *, titled: bool) -> None:
    """One headless body: the request body, else the next response not yet given."""
    content = split_content(section.lines)
    first = op.request is None and not op.responses and not titled
    if first and op.method.upper() in _BODY_METHODS:
        body = body_from(reader.parse(content.lines), content.examples, content.media_type)
        if body.schema is not None:
            body.required = True
            op.request = body
        return
    code = next((c for c in _CODES if all(r.status != c for r in op.responses)), None)
    if code is None or section.heading is None:
        return
    lines = section.lines
    status = Line(section.heading.number, code)
    if titled:  # the title describes the response, even when it reads like a status
        status = Line(lines[0].number, f"{code} {lines[0].text.strip()}")
        lines = lines[1:]
    op.responses.extend(responses_from([status, *lines], reader))
