"""Markdown exports, whatever the file is called: `.md` sources and exports saved as text.

A text page shaped like Markdown (`generator.load.markdown.looks_markdown`: headings, fences,
tables, code-named list items; or one line holding a whole flattened document) is read as
Markdown: its breaks restored (`mdflat`), its markup removed and its fenced specs taken, as
for a `.md` file. The Markdown page then goes to the family that claims it (a fenced spec:
`embedded`); one no family claims is read here, with the general field reader plus the
exports' nesting conventions (`nesting`: dotted names `totals.discount.currency`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator import lazyre
from generator.load.markdown import looks_markdown, markdown_lines
from generator.model import MISSING, Body, Line, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.assemble import body_from, parameters_from
from generator.scrape.examples import split_content
from generator.scrape.fields import Field
from generator.scrape.infer import INFERRED
from generator.scrape.mdflat import is_flattened, unflatten
from generator.scrape.nesting import nest_dotted
from generator.scrape.sections import Kind, Section, split_sections
from generator.scrape.tables import is_table_row
from generator.scrape.vertical import nonblank, scrape_vertical

NAME = "markdown"
TEXT_SCORE = 1.5
"""A text page in Markdown's shape: read as Markdown before any family looks at it."""
MARKDOWN_SCORE = 0.51
"""A Markdown page with the exports' marks: here when no family's marks claim it (any score
above wins); a text page read as Markdown that no family claims is read here too."""


_EXPORT_MARKS = lazyre.compile(
    r"^\|\s*»|^\s*[-*] \w+\.\w[\w.]* ?\(|^(?:Request fields|Response \w+ fields)\b",
    re.M,
)
"""What the exports' own conventions look like once the markup is gone (`»` rows, dotted
names, Redocly's field headings): a Markdown page showing none is the general reader's."""


def score(page: Page) -> float:
    if page.kind == "markdown":
        return MARKDOWN_SCORE if _EXPORT_MARKS.search(page.text) else 0.0
    if page.kind == "text" and (looks_markdown(page.text) or is_flattened(page.lines, page.text)):
        return TEXT_SCORE
    return 0.0


def as_markdown(page: Page, problems: Problems) -> Page:
    """A text page read as the Markdown it is (line numbers and the page's hint kept)."""
    read = markdown_lines(page.path, unflatten(page.lines), problems)
    return replace(read, hint=page.hint) if page.hint is not None else read


def scrape(page: Page, problems: Problems) -> PageResult:
    if page.kind == "text":
        from generator.scrape import detect  # noqa: PLC0415 - the registry imports this module

        page = as_markdown(page, problems)
        family = detect(page)
        if family.NAME not in (NAME, "generic"):
            claimed: PageResult = family.scrape(page, problems)
            return claimed
    return _scrape_markdown(labelled_methods(page), problems)


_LABELLED_METHOD = lazyre.compile(
    r"^\s*([A-Z][\w ]{0,30}:)\s+((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?:https?://|/)\S*)\s*$",
    re.M,
)
"""`Endpoint: PUT /things/{id}` on a line of its own (an export kept with its line breaks,
as `mdflat` restores a flattened one): the label, then the method line."""


def labelled_methods(page: Page) -> Page:
    """`page` with each `Label: METHOD /path` line split into the label and the method line."""
    if ": " not in page.text or _LABELLED_METHOD.search(page.text) is None:
        return page
    lines: list[Line] = []
    for line in page.lines:
        match = _LABELLED_METHOD.match(line.text) if ": " in line.text else None
        if match is None:
            lines.append(line)
        else:
            lines += [Line(line.number, match.group(1)), Line(line.number, match.group(2))]
    return replace(page, lines=tuple(lines))


def parse_fields(lines: Sequence[Line]) -> list[Field]:
    from generator.scrape.generic import parse_any  # noqa: PLC0415 - generic imports families

    return nest_dotted(parse_any(lines))


def _scrape_markdown(page: Page, problems: Problems) -> PageResult:
    result = scrape_vertical(
        page, Problems(), family=NAME, counted=True, hook=_parameters, parser=parse_fields
    )
    if result.operations:
        return result
    from generator.scrape import generic  # noqa: PLC0415

    found: PageResult = generic.scrape(page, problems)
    if len(found.operations) == 1:  # read from the curl sample and the whole page's sections
        _parameters(found.operations[0], split_sections(nonblank(page.lines)))
    return found


_BODYLESS = ("GET", "HEAD", "DELETE", "OPTIONS")
_RETURNS_SENTENCE = lazyre.compile(r"^Returns (?:an? |the )?[\w ]{1,60}\.$")


def _parameters(op: Operation, sections: list[Section]) -> None:
    """What the Parameters sections hold, which the shared reader leaves to the families."""
    for k, section in enumerate(sections):
        if section.kind is Kind.END:
            break
        if section.kind is Kind.PARAMS:
            unlabelled = _input_table(section, sections[k + 1 :])
            _read_parameters(op, _displaced(op, section, sections[k + 1 :]), unlabelled)


_INPUTS = (Kind.PATH, Kind.QUERY, Kind.HEADER, Kind.BODY, Kind.PARAMS, Kind.URI)


def _input_table(section: Section, after: list[Section]) -> bool:
    """A table before any heading, on a page whose only labelled part is its response
    (`返回参数:` and no request heading at all): the table is the operation's input."""
    if section.heading is not None or not any(s.kind is Kind.RESPONSES for s in after):
        return False
    return not any(s.kind in _INPUTS for s in after)


def _displaced(op: Operation, section: Section, after: list[Section]) -> Section:
    """A Parameters heading whose list comes after the next section, a Returns paragraph
    (`## Parameters` prose `## Returns` "Returns a X object." then the list): the fields
    read as the response's are the parameters. Otherwise `section` itself."""
    if section.heading is None or parse_fields(section.lines) or not after:
        return section
    returns = after[0]
    if returns.kind is not Kind.RESPONSES or returns.status is not None:
        return section
    fields = parse_fields(returns.lines)
    lead = returns.lines[0].text.strip() if returns.lines else ""
    if not fields or parse_fields(returns.lines[:1]) or not _RETURNS_SENTENCE.match(lead):
        return section
    moved = {item.name for item in fields}
    for response in op.responses:  # "Returns a X object.": the response is named, not listed
        if response.body is not None and _listed_keys(response.body) <= moved:
            response.body = None
    return Section(Kind.PARAMS, section.heading, [*section.lines, *returns.lines])


def _read_parameters(op: Operation, section: Section, unlabelled: bool = False) -> None:
    """Rows that say where they go (an In / 位置 column) go there, `body` rows into the
    JSON body; under a Parameters heading, the others are the query's for a method without
    a body and the body's for the others. The lines before any heading give only placed
    rows of a table, unless they are the `unlabelled` input table (`_input_table`)."""
    content = split_content(section.lines)
    if section.heading is None and not any(is_table_row(ln.text) for ln in content.lines):
        return
    labelled = section.heading is not None or unlabelled
    unplaced = _default_place(op.method) if labelled else None
    params: list[Field] = []
    body: list[Field] = []
    for item in parse_fields(content.lines):
        where = item.location or unplaced
        if where == "body":
            body.append(item)
        elif where in ("path", "query", "header", "cookie"):
            item.location = where
            params.append(item)
    known = {(p.name, p.location) for p in op.parameters}
    op.parameters.extend(
        p for p in parameters_from(params, "query") if (p.name, p.location) not in known
    )
    if body and (op.request is None or _only_sampled(op.request)):
        sampled = op.request
        op.request = body_from(body, content.examples, None)
        op.request.required = True
        if sampled is not None and op.request.example is MISSING:  # the curl sample's data
            op.request.example = sampled.example


def _listed_keys(body: Body) -> set[str]:
    properties = (body.schema or {}).get("properties")
    return set(properties) if isinstance(properties, dict) else set()


def _only_sampled(body: Body) -> bool:
    """A body known only from a sample (the curl's data): the rows that state it win."""
    return body.schema is None or bool(body.schema.get(INFERRED))


def _default_place(method: str) -> str:
    return "query" if method in _BODYLESS else "body"
