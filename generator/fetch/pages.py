"""What a fetched body is (an HTML page, a Markdown page, a spec, or something docs2sdk
does not save), and whether a page holds an operation, decided by the project's own
loader and scrapers (the same `scrape_one` that `docs2sdk scrape` runs on each page)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.load.decode import BinaryContent, decode_bytes
from generator.load.specs import read_spec_text

HTML, MARKDOWN, SPEC = ".html", ".md", "spec"
_TEXT_TYPES = ("text/", "application/xhtml", "application/json", "application/xml")
_MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")


class NotAPage(ValueError):
    """A body docs2sdk will not save as a page (binary, or of a type it does not read)."""


def page_kind(url: str, content_type: str, body: bytes) -> str:
    """`.html` or `.md` for a page body, else NotAPage (with the reason)."""
    if content_type and not content_type.startswith(_TEXT_TYPES) and "yaml" not in content_type:
        raise NotAPage(f"served as {content_type}, not a text page; not saved")
    if b"\x00" in body[:8192]:
        raise NotAPage("binary content (NUL bytes); not saved")
    try:
        decode_bytes(body)
    except BinaryContent as exc:
        raise NotAPage(f"not a text page: {exc}; not saved") from exc
    path = url.split("?", 1)[0].lower()
    if content_type in _MARKDOWN_TYPES or path.endswith((".md", ".mdx", ".markdown")):
        return MARKDOWN
    return HTML


def text_of(body: bytes) -> str:
    try:
        return decode_bytes(body)
    except BinaryContent:
        return ""


def spec_suffix(body: bytes) -> str | None:
    """`.json` or `.yaml` for a body that is an OpenAPI/Swagger document with paths."""
    text = text_of(body)
    spec, _ = read_spec_text(text)
    if spec is None:
        return None
    return ".json" if text.lstrip().startswith("{") else ".yaml"


def holds_operation(body: bytes, suffix: str) -> bool:
    """Whether the page, saved with `suffix`, gives `docs2sdk scrape` an operation."""
    from generator.batch import scrape_one  # noqa: PLC0415 - the scrapers are heavy

    with tempfile.TemporaryDirectory(prefix="docs2sdk-fetch-") as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(body)
        result, _ = scrape_one(path, path.name)
    return result is not None and bool(result.operations)
