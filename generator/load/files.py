"""Load a page file into a `Page`; unreadable files become problems (`walk` finds them)."""

from __future__ import annotations

import re
import stat
from itertools import count, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import lazyre
from generator.limits import MAX_PAGE_BYTES
from generator.load.decode import BinaryContent, decode_bytes
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

if TYPE_CHECKING:
    from generator.load.specs import SpecTextProblem

PAGE_SUFFIXES = (
    *(".txt", ".text", ".html", ".htm", ".md", ".markdown", ".mdx"),
    *(".json", ".yaml", ".yml"),  # specs (`docs2sdk fetch` saves those a site links as fetched)
)
_MARKDOWN = (".md", ".markdown", ".mdx")
_SPEC_FILES = (".json", ".yaml", ".yml")


def load_page(path: Path, problems: Problems, *, label: str | None = None) -> Page | None:
    """Read and decode one file into a `Page`, or report why not and return None."""
    name = label or str(path)
    try:
        data = _read_bounded(path)
    except OSError as exc:
        problems.error(name, 0, f"cannot read page: {exc.strerror or exc}")
        return None
    if data is None:
        problems.error(name, 0, "not a regular file (a device, a pipe or a folder); skipped")
        return None
    if len(data) > MAX_PAGE_BYTES:
        size = path.stat().st_size / 1024 / 1024
        limit = MAX_PAGE_BYTES // 1024 // 1024
        problems.error(name, 0, f"page is {size:.1f} MB, over the {limit} MB limit; skipped")
        return None
    try:
        text = decode_bytes(data)
    except BinaryContent as exc:
        problems.error(name, 0, f"not a text page: {exc}")
        return None
    text = unglossed(text.replace("\x00", ""))
    # bs4 and yaml take ~0.15 s to import: only the pages that need them import them
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in _MARKDOWN and _looks_html(text)):
        from generator.load.html import html_page  # noqa: PLC0415

        return html_page(name, text, problems)
    if suffix in _MARKDOWN:
        from generator.load.markdown import markdown_page  # noqa: PLC0415

        return markdown_page(name, text, problems)
    spec, problem = _read_spec(text) if suffix in _SPEC_FILES or _looks_spec(text) else (None, None)
    if problem is not None:
        problems.warn(name, problem.line, problem.message)
    if spec is not None:
        return Page(name, "text", split_lines(text), (EmbeddedSpec(spec, 1),))
    if suffix in _SPEC_FILES:
        if problem is None:
            problems.warn(name, 1, "no OpenAPI or Swagger document with paths in this file")
        return None
    return Page(path=name, kind="text", lines=split_lines(text))


def _read_bounded(path: Path) -> bytes | None:
    """The file's bytes, at most one byte over the limit; None for what is not a file
    (opening a pipe would wait for a writer, reading a device might never end)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return None
    limit = MAX_PAGE_BYTES + 1
    # read(n) sets n bytes aside first: asking for the size the file has is 4x faster
    expected = min(info.st_size + 1, limit)
    with path.open("rb") as handle:
        data = handle.read(expected)
        if len(data) == expected < limit:  # the file grew since `stat`
            data += handle.read(limit - expected)
    return data


def split_lines(text: str) -> tuple[Line, ...]:
    """Number the lines of a text (line breaks: \\n, \\r\\n, \\r, and Unicode separators)."""
    texts = text.splitlines()
    numbered = zip(count(1), map(str.rstrip, texts))
    return tuple(map(_new_tuple, repeat(Line), numbered))


_new_tuple = tuple.__new__
"""`Line(n, text)` without the named tuple's Python-level `__new__`: the same object, made
in C; a page makes hundreds of lines."""


_TONE = r"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = lazyre.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü]*[{_TONE}])[a-zü{_TONE}]{{1,7}}\)")
"""A pinyin reading in parentheses after a Chinese character: `請(qǐng)求`."""


def unglossed(text: str) -> str:
    """Text without the pinyin readings a broken script conversion wrote after characters
    (`請(qǐng)求參數(shù)` -> `請求參數`), so that its labels read as written. Third-tone
    marks (ǎ ǐ ǒ ǔ) are in no other script's words: a page with none is left as it is (the
    test costs nothing on a page with no character beyond Latin-1)."""
    if not any(map(text.__contains__, "ǎǐǒǔ")):
        return text
    return _GLOSS.sub("", text)


def _looks_spec(text: str) -> bool:
    """A whole-file spec (an export saved as text): JSON or YAML starting with its version."""
    head = text[:300].lstrip().lstrip("{").lstrip()
    return head.startswith(("openapi:", "swagger:", '"openapi"', '"swagger"'))


_BLOCK_TAG = lazyre.compile(
    r"<(?:p|li|ul|ol|table|tr|td|th|h[1-6]|div|pre|code|thead|tbody)\b[^>]*>", re.I
)


def _looks_html(text: str) -> bool:
    """A whole HTML document, or a fragment of one saved as text (most of its lines are
    block tags: a copy of a page's source rather than of what the browser shows)."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if text.count("<", 0, 20000) < 8 or _BLOCK_TAG.search(text, 0, 20000) is None:
        return False  # most text pages: no block tags to count (`<string>` is none)
    lines = [line for line in text[:20000].splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _BLOCK_TAG.match(line.lstrip()))
    return tagged >= 8 and tagged * 3 >= len(lines)


def _read_spec(text: str) -> tuple[dict[str, Any] | None, SpecTextProblem | None]:
    from generator.load.specs import read_spec_text  # noqa: PLC0415 - PyYAML: spec files only

    return read_spec_text(text)
