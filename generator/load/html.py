"""HTML pages: text lines as a browser copy gives them (see `html_text`), and embedded specs.

Specs are looked for in scripts (Redoc's `__redoc_state`, Next.js `__NEXT_DATA__` and
`self.__next_f` chunks, JSON or YAML script data, a spec literal inside other script code)
and in `<pre>`/`<code>` blocks. A script that names an OpenAPI version but cannot be read is
reported, with its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup

from generator import lazyre
from generator.load.html_text import code_text, html_lines
from generator.load.specs import find_spec, parse_spec_text, read_spec_text, usable_spec
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

_REDOC = lazyre.compile(r"__redoc_state\s*=\s*")
_FLIGHT = lazyre.compile(r"__next_f(?:\s*\|\|\s*\[\])?\)?\.push\(")
_SPEC_START = lazyre.compile(r"\{\s*\"(?:openapi|swagger)\"\s*:")
_MENTION = lazyre.compile(r"[\"']?\b(?:openapi|swagger)[\"']?\s*:\s*[\"']?[23]\.\d")
_RSC_ROW = lazyre.compile(r"^[0-9a-f]+:(?=[\[{])", re.M)


def html_page(name: str, text: str, problems: Problems) -> Page:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    soup = BeautifulSoup(text, "html.parser")
    embedded = tuple(_embedded_specs(soup, name, problems))
    try:
        lines = html_lines(soup)
    except RecursionError:
        problems.warn(name, 0, "HTML nested too deeply to lay out; read as plain text")
        lines = [Line(0, part.strip()) for part in soup.get_text("\n").split("\n") if part.strip()]
    return Page(path=name, kind="html", lines=tuple(lines), embedded=embedded)


def _embedded_specs(soup: BeautifulSoup, name: str, problems: Problems) -> list[EmbeddedSpec]:
    specs: list[EmbeddedSpec] = []
    flight: list[tuple[str, int]] = []
    for script in soup.find_all("script"):
        body, line = script.get_text(), script.sourceline or 0
        chunk = _flight_chunk(body)
        if chunk is not None:
            flight.append((chunk, line))
            continue
        spec = _spec_from_script(body)
        if spec is not None:
            specs.append(EmbeddedSpec(spec, line))
        elif "__redoc_state" in body or _MENTION.search(body):
            problems.warn(name, line, "script data names an OpenAPI spec that could not be read")
    specs.extend(_flight_specs(flight))
    for code in soup.find_all(["pre", "code"]):
        spec, problem = read_spec_text(code_text(code))
        if spec is not None:
            specs.append(EmbeddedSpec(spec, code.sourceline or 0))
        if problem is not None:
            problems.warn(name, (code.sourceline or 1) + problem.line - 1, problem.message)
    return _unique(specs)


def _spec_from_script(body: str) -> dict[str, Any] | None:
    match = _REDOC.search(body)
    if match:
        return find_spec(_decode_at(body, match.end()))
    payload = body.strip()
    if payload.startswith(("{", "[")):
        found = find_spec(_decode_at(payload, 0))
        if found is not None:
            return found
    elif payload:
        found = parse_spec_text(payload)
        if found is not None:
            return found
    return next(_literal_specs(body), None)


def _literal_specs(text: str) -> Iterator[dict[str, Any]]:
    """Spec objects written as JSON inside other code (`SwaggerUIBundle({spec: {...}})`)."""
    for match in _SPEC_START.finditer(text):
        spec = usable_spec(_decode_at(text, match.start()))[0]
        if spec is not None:
            yield spec


def _decode_at(text: str, start: int) -> Any:
    try:
        value, _ = json.JSONDecoder().raw_decode(text, start)
    except (ValueError, RecursionError):
        return None
    return value


def _flight_chunk(body: str) -> str | None:
    """The text a Next.js `self.__next_f.push([1, "..."])` script adds to the page data."""
    match = _FLIGHT.search(body)
    if match is None:
        return None
    value = _decode_at(body, match.end())
    if isinstance(value, list) and len(value) > 1 and isinstance(value[1], str):
        return value[1]
    return ""


def _flight_specs(chunks: list[tuple[str, int]]) -> list[EmbeddedSpec]:
    """Specs in the joined Next.js flight data: JSON literals, or rows whose data holds one."""
    if not chunks:
        return []
    text = "".join(chunk for chunk, _ in chunks)
    line = chunks[0][1]
    specs = [EmbeddedSpec(spec, line) for spec in _literal_specs(text)]
    if specs:
        return specs
    for match in _RSC_ROW.finditer(text):
        spec = find_spec(_decode_at(text, match.end()))
        if spec is not None:
            specs.append(EmbeddedSpec(spec, line))
    return specs


def _unique(specs: list[EmbeddedSpec]) -> list[EmbeddedSpec]:
    seen: set[str] = set()
    unique: list[EmbeddedSpec] = []
    for spec in specs:
        key = json.dumps(spec.document, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            unique.append(spec)
    return unique
