"""Find page files and load each into a `Page`; unreadable files become problems."""

from __future__ import annotations

from pathlib import Path

from generator.load.decode import BinaryContent, decode_bytes
from generator.load.html import html_page
from generator.load.markdown import markdown_page
from generator.load.specs import parse_spec_text
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".mdx", ".json")
_MARKDOWN = (".md", ".markdown", ".mdx")
_SPEC_FILES = (".json", ".yaml", ".yml")


def collect_pages(paths: list[Path]) -> list[Path]:
    """Expand folders to their page files (sorted, recursive); files are kept as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            pages = (p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
            found.extend(sorted(p for p in pages if p.is_file()))
        else:
            found.append(path)
    return found


def load_page(path: Path, problems: Problems, *, label: str | None = None) -> Page | None:
    """Read and decode one file into a `Page`, or report why not and return None."""
    name = label or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(name, 0, f"cannot read page: {exc.strerror or exc}")
        return None
    try:
        text = decode_bytes(data)
    except BinaryContent as exc:
        problems.error(name, 0, f"not a text page: {exc}")
        return None
    text = text.replace("\x00", "")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in _MARKDOWN and _looks_html(text)):
        return html_page(name, text, problems)
    if suffix in _MARKDOWN:
        return markdown_page(name, text, problems)
    spec = parse_spec_text(text) if suffix in _SPEC_FILES or _looks_spec(text) else None
    if spec is not None:
        return Page(name, "text", split_lines(text), (EmbeddedSpec(spec, 1),))
    if suffix in _SPEC_FILES:
        problems.warn(name, 1, "no OpenAPI or Swagger document with paths in this file")
        return None
    return Page(path=name, kind="text", lines=split_lines(text))


def split_lines(text: str) -> tuple[Line, ...]:
    """Number the lines of a text (line breaks: \\n, \\r\\n, \\r, and Unicode separators)."""
    return tuple(Line(i, line.rstrip()) for i, line in enumerate(text.splitlines(), start=1))


def _looks_spec(text: str) -> bool:
    """A whole-file spec (an export saved as text): JSON or YAML starting with its version."""
    head = text[:300].lstrip().lstrip("{").lstrip()
    return head.startswith(("openapi:", "swagger:", '"openapi"', '"swagger"'))


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))
