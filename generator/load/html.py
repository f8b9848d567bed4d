"""HTML pages: block-structured text lines (with source line numbers) and embedded specs.

Navigation, scripts, styles and buttons are dropped; block elements break lines, inline
elements are joined, `<pre>` keeps its lines, table rows become `| a | b |` lines. Scripts are
searched for an embedded spec first (Redoc's `__redoc_state`, JSON script data).
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, ProcessingInstruction

from generator.load.specs import find_spec, parse_spec_text
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

_DROP = {"script", "style", "nav", "noscript", "svg", "button", "template", "head", "iframe", "aside"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "li", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "blockquote", "br",
    "hr", "form", "details", "summary", "figure", "body", "html", "label",
}  # fmt: skip
_REDOC = re.compile(r"__redoc_state\s*=\s*")


def html_page(name: str, text: str, problems: Problems) -> Page:
    soup = BeautifulSoup(text, "html.parser")
    embedded = tuple(_embedded_specs(soup, name, problems))
    builder = _LineBuilder()
    builder.walk(soup)
    return Page(path=name, kind="html", lines=tuple(builder.finish()), embedded=embedded)


def _embedded_specs(soup: BeautifulSoup, name: str, problems: Problems) -> list[EmbeddedSpec]:
    specs: list[EmbeddedSpec] = []
    for script in soup.find_all("script"):
        body = script.string or ""
        line = script.sourceline or 0
        spec = _spec_from_script(body)
        if spec is not None:
            specs.append(EmbeddedSpec(spec, line))
        elif "__redoc_state" in body:
            problems.warn(name, line, "found __redoc_state but could not parse it as a spec")
    for code in soup.find_all(["pre", "code"]):
        spec = parse_spec_text(code.get_text())
        if spec is not None:
            specs.append(EmbeddedSpec(spec, code.sourceline or 0))
    return _unique(specs)


def _spec_from_script(body: str) -> dict[str, Any] | None:
    match = _REDOC.search(body)
    payload = body[match.end() :] if match else body.strip()
    if not payload.startswith(("{", "[")):
        return parse_spec_text(payload)
    try:
        value, _ = json.JSONDecoder().raw_decode(payload)
    except ValueError:
        return None
    return find_spec(value)


def _unique(specs: list[EmbeddedSpec]) -> list[EmbeddedSpec]:
    seen: set[str] = set()
    unique: list[EmbeddedSpec] = []
    for spec in specs:
        key = json.dumps(spec.document, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            unique.append(spec)
    return unique


class _LineBuilder:
    """Accumulates inline text into lines, breaking at block elements."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.line_no = 0

    def flush(self) -> None:
        text = re.sub(r"[ \t\u00a0]+", " ", "".join(self.parts)).strip()
        if text:
            self.lines.append(Line(self.line_no, text))
        self.parts = []

    def add(self, text: str, line_no: int) -> None:
        if not self.parts:
            self.line_no = line_no
        self.parts.append(text)

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                self.add(str(child).replace("\n", " "), self.line_no or 1)
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name.lower()
        line_no = tag.sourceline or self.line_no
        if name in _DROP:
            return
        if name == "pre":
            self.flush()
            for offset, text in enumerate(tag.get_text().splitlines()):
                self.lines.append(Line(line_no + offset, text.rstrip()))
            return
        if name == "tr":
            self.flush()
            cells = [c.get_text(" ", strip=True) for c in tag.find_all(["td", "th"])]
            self.lines.append(Line(line_no, "| " + " | ".join(cells) + " |"))
            return
        if name in _BLOCK:
            self.flush()
            self.line_no = line_no
            self.walk(tag)
            self.flush()
            return
        self.add("", line_no)
        self.walk(tag)

    def finish(self) -> list[Line]:
        self.flush()
        return self.lines
