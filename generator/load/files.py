"""Find page files and load each into a `Page`; unreadable files become problems."""

from __future__ import annotations

from pathlib import Path

from generator.load.decode import BinaryContent, decode_bytes
from generator.load.html import html_page
from generator.load.markdown import markdown_page
from generator.model import Line, Page
from generator.problems import Problems

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".mdx")


def collect_pages(paths: list[Path]) -> list[Path]:
    """Expand folders to their page files (sorted, recursive); files are kept as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            )
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
    if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown", ".mdx") and _looks_html(text)):
        return html_page(name, text, problems)
    if suffix in (".md", ".markdown", ".mdx"):
        return markdown_page(name, text, problems)
    return Page(path=name, kind="text", lines=split_lines(text))


def split_lines(text: str) -> tuple[Line, ...]:
    """Number the lines of a text (line breaks: \\n, \\r\\n, \\r, and Unicode separators)."""
    return tuple(Line(i, line.rstrip()) for i, line in enumerate(text.splitlines(), start=1))


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))
