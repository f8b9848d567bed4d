"""The typed objects that pass between pipeline stages.

`Page` (load) -> `Operation` list in a `PageResult` (scrape) -> `ApiModel` (normalize).
Schemas stay JSON Schema dicts (the OpenAPI 3.1 dialect) since that is what they become;
everything around them is typed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any, Literal, NamedTuple

from generator.hints import OperationHint

Json = Any
Schema = dict[str, Any]
Location = Literal["path", "query", "header", "cookie"]


class _Missing(enum.Enum):
    MISSING = "MISSING"


MISSING = _Missing.MISSING
"""Marks an absent example (JSON `null` is a real example value)."""

Example = Json | _Missing


class Line(NamedTuple):
    """One line of page text with its 1-based line number in the source file.

    A named tuple, not a frozen dataclass: a page makes hundreds of them and a tuple is made
    three times faster (the loader's largest cost)."""

    number: int
    text: str


line_text = itemgetter(1)
"""A `Line`'s text, as a C function: `map(f, map(line_text, lines))` tests every line of a
section without a Python loop."""


@dataclass(frozen=True)
class Span:
    """Where a fact came from: a file and an inclusive 1-based line range."""

    file: str
    start: int
    end: int

    def as_extension(self) -> str:
        return f"{self.file}:{self.start}-{self.end}"


@dataclass(frozen=True)
class EmbeddedSpec:
    """An OpenAPI (or Swagger) document found inside a page, already parsed."""

    document: dict[str, Any]
    line: int


@dataclass(frozen=True)
class Page:
    """A loaded doc page: its text lines, plus any spec it embeds."""

    path: str
    kind: Literal["text", "html", "markdown"]
    lines: tuple[Line, ...]
    embedded: tuple[EmbeddedSpec, ...] = ()
    hint: OperationHint | None = None
    """The operation the user names for this page (`pages.toml`, `--operation`)."""

    def span(self, start: int, end: int) -> Span:
        return Span(self.path, start, end)

    @cached_property
    def text(self) -> str:
        """All lines joined (for fast searches such as family detection)."""
        return "\n".join(map(line_text, self.lines))


@dataclass
class Parameter:
    name: str
    location: Location
    required: bool
    schema: Schema
    description: str | None = None
    example: Example = MISSING
    deprecated: bool = False


@dataclass
class Body:
    """A request body or a response's content: schema (stated or inferred) and example."""

    media_type: str = "application/json"
    schema: Schema | None = None
    example: Example = MISSING
    required: bool = False
    description: str | None = None
    span: Span | None = None


@dataclass
class Response:
    status: str
    description: str = ""
    body: Body | None = None


@dataclass(frozen=True)
class AuthFact:
    """An auth requirement the page states: bearer/basic, or a named API key header/query."""

    kind: Literal["bearer", "basic", "apiKey"]
    name: str = "Authorization"
    location: Literal["header", "query", "cookie"] = "header"
    description: str | None = None
    scheme: str | None = None
    """The security scheme's own name when the page gives one (an embedded spec does)."""


@dataclass
class Operation:
    """One HTTP operation as a page states it, before normalization."""

    method: str
    path: str
    span: Span
    url: str | None = None
    summary: str | None = None
    description: str | None = None
    operation_id: str | None = None
    parameters: list[Parameter] = field(default_factory=list)
    request: Body | None = None
    responses: list[Response] = field(default_factory=list)
    auth: list[AuthFact] = field(default_factory=list)
    deprecated: bool = False
    tags: list[str] = field(default_factory=list)
    curl_headers: dict[str, str] = field(default_factory=dict)
    """Headers the page's curl sample sends (auth, beta headers ...), sorted out later."""
    family: str = "generic"


@dataclass
class PageResult:
    """What one scraper made of one page."""

    page: Page
    """The page; once scraping is over, only its path and kind (see `drop_text`)."""
    family: str
    operations: list[Operation] = field(default_factory=list)
    title: str | None = None
    version: str | None = None
    servers: list[str] = field(default_factory=list)
    components: dict[str, Schema] = field(default_factory=dict)
    """Named schemas given by an embedded spec (kept under their own names)."""
    component_lines: dict[str, int] = field(default_factory=dict)
    """The page line where each of `components` is written."""

    def drop_text(self) -> PageResult:
        """This result, its page replaced by one of no lines and no embedded specs (in place,
        and returned): what is kept (and sent back from workers, and cached) once scraping is
        over. Normalizing reads only the page's path (for provenance), so the text would be
        pickled for nothing."""
        self.page = Page(self.page.path, self.page.kind, ())
        return self


@dataclass
class ApiModel:
    """One normalized API: everything the OpenAPI document is written from."""

    title: str
    version: str
    servers: list[str]
    operations: list[Operation]
    schemas: dict[str, Schema]
    security_schemes: dict[str, Schema]
    default_headers: dict[str, str]
    schema_sources: dict[str, Span] = field(default_factory=dict)
