"""An HTML document as the text lines a browser's "select all, copy" gives, numbered by source line.

Block elements (`div`, `p`, `li`, headings ...) and `<br>` break lines, inline elements join;
`<pre>` (and a `<code>` holding several lines) keeps its lines, without line-number gutters;
scripts, styles, navigation and hidden elements are dropped; a table row becomes `| a | b |`.
A list item starts with `• ` (`1. ` in an ordered list), indented two spaces a nesting level,
its further lines two spaces more, as text renders of doc pages show nested field lists.

Doc platforms lay out field heads as a row of elements (`<span>limit</span><span>integer
</span><span>required</span>`) that CSS shows as separate items; a browser copy gives them
one a line (flex items are blocks). Without CSS the loader uses the markup: an element whose
children are two or more elements with no text between them is such a row, and each child
becomes a line, except that a label ending in `:` keeps a single value (`default:` `20` ->
`default:20`) and a URL keeps the path after it (`https://api.x.com/v1` `/threads`). Prose
(`<p>`, headings, links, emphasis) and code are never split. What the page's own `<style>`
says about hidden and upper-cased classes is applied (see `html_style`).
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from generator import lazyre
from generator.load.html_style import PageStyle, page_style
from generator.model import Line

_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "svg",
        "template",
        "head",
        "iframe",
        "nav",
        "select",
        "input",
        "textarea",
        "object",
        "canvas",
        "audio",
        "video",
        "map",
        "datalist",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "blockquote",
        "hr",
        "form",
        "fieldset",
        "legend",
        "details",
        "summary",
        "figure",
        "figcaption",
        "body",
        "html",
        "label",
        "address",
        "hgroup",
        "menu",
        "dialog",
        "center",
    }
)
_PROSE = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "small",
        "sup",
        "sub",
        "mark",
        "abbr",
        "q",
        "cite",
        "del",
        "ins",
        "td",
        "th",
        "caption",
        "figcaption",
    }
)
_CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
_GUTTER = lazyre.compile(r"(?:^|[-_])(?:line-?numbers?|linenos?|gutters?)(?:$|[-_])", re.I)
_URL = lazyre.compile(r"^https?://\S+$")
_SPACES = lazyre.compile(r"[ \t\n\u00a0\u200b]+")


def code_text(tag: Tag) -> str:
    """The text of a code block as `html_lines` reads it (no gutters, `<br>` as line breaks)."""
    out: list[str] = []
    _code_text(tag, out, PageStyle())
    return "".join(out)


def html_lines(root: Tag) -> list[Line]:
    """The text lines of `root` (a parsed document or element)."""
    renderer = _Renderer(page_style(root))
    renderer.children(root, standalone=True)
    return renderer.finish()


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def _is_gutter(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return any(_GUTTER.search(str(name)) for name in classes)


def _row_items(tag: Tag, style: PageStyle) -> list[Tag]:
    """The items of a row: two or more elements side by side, no text between them."""
    if tag.name.lower() in _PROSE or tag.name.lower() in _CODE:
        return []
    items: list[Tag] = []
    for child in tag.children:
        if isinstance(child, Tag) and (child.name == "br" or child.get_text().strip()):
            if child.name.lower() not in _DROP and not style.is_hidden(child):
                items.append(child)
        elif _is_text(child) and str(child) and (str(child).strip() or "\n" not in str(child)):
            return []
    return items if len(items) >= 2 else []


def _joins(pending: str, following: Tag, *, last: bool) -> bool:
    """Row items that stay on one line: a label and its one value, a URL and its path."""
    if last and pending.endswith((":", "：")):
        return True
    return bool(_URL.match(pending)) and following.get_text().strip().startswith("/")


class _Renderer:
    """Accumulates inline text into lines; `cursor` tracks the source line being read."""

    def __init__(self, style: PageStyle, cursor: int = 1) -> None:
        self.style = style
        self.upper = 0
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.first = 0
        self.cursor = cursor
        self.depth = 0
        self.bullet: str | None = None

    def finish(self) -> list[Line]:
        self.flush()
        return self.lines

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.parts)).strip()
        if text and self.bullet is not None:
            text, self.bullet = "  " * self.depth + self.bullet + text, None
        elif text and self.depth:
            text = "  " * (self.depth + 1) + text
        if text:
            self.lines.append(Line(self.first, text))
        self.parts = []

    def pending(self) -> str:
        return "".join(self.parts).strip()

    def text(self, raw: str) -> None:
        lead = raw[: len(raw) - len(raw.lstrip())]
        if raw.strip() and not self.pending():
            self.first = self.cursor + lead.count("\n")
        self.cursor += raw.count("\n")
        self.parts.append(raw.upper() if self.upper else raw)

    def children(self, tag: Tag, *, standalone: bool) -> None:
        items = _row_items(tag, self.style) if standalone else []
        if items:
            self.row(items)
            return
        kids = [c for c in tag.children if isinstance(c, Tag) or _is_text(c)]
        only = standalone and sum(isinstance(c, Tag) or bool(str(c).strip()) for c in kids) == 1
        for child in kids:
            if isinstance(child, Tag):
                self.element(child, standalone=only)
            else:
                self.text(str(child))

    def row(self, items: list[Tag]) -> None:
        self.flush()
        for k, item in enumerate(items):
            self.element(item, standalone=True)
            following = items[k + 1] if k + 1 < len(items) else None
            if following is None or not _joins(self.pending(), following, last=k + 2 == len(items)):
                self.flush()

    def element(self, tag: Tag, *, standalone: bool) -> None:
        upper = self.style.is_upper(tag)
        self.upper += upper
        self.render(tag, standalone=standalone)
        self.upper -= upper

    def render(self, tag: Tag, *, standalone: bool) -> None:
        self.cursor = tag.sourceline or self.cursor
        name = tag.name.lower()
        if name in _DROP or self.style.is_hidden(tag):
            self.cursor += sum(str(s).count("\n") for s in tag.strings)
        elif name in ("br", "hr"):
            self.flush()
        elif name == "pre" or (name in _CODE and _multiline(tag)):
            self.code(tag)
        elif name == "tr":
            self.table_row(tag)
        elif name == "li":
            self.list_item(tag)
        elif name in _BLOCK:
            self.flush()
            self.children(tag, standalone=True)
            self.flush()
        else:
            self.children(tag, standalone=standalone)

    def list_item(self, tag: Tag) -> None:
        self.flush()
        self.depth += 1
        self.bullet = _marker(tag)
        self.children(tag, standalone=True)
        self.flush()
        self.depth -= 1
        self.bullet = None

    def code(self, tag: Tag) -> None:
        self.flush()
        out: list[str] = []
        _code_text(tag, out, self.style)
        text = "".join(out)
        start = tag.sourceline or self.cursor
        for offset, raw in enumerate(text.split("\n")):
            if raw.strip():
                self.lines.append(Line(start + offset, raw.rstrip()))
        self.cursor = start + text.count("\n")

    def table_row(self, tag: Tag) -> None:
        self.flush()
        cells: list[str] = []
        for cell in tag.find_all(["td", "th"], recursive=False):
            sub = _Renderer(self.style, cell.sourceline or self.cursor)
            sub.upper = self.upper
            sub.children(cell, standalone=True)
            cells.append(" ".join(line.text for line in sub.finish()))
            self.cursor = sub.cursor
        if any(cells):
            self.lines.append(Line(tag.sourceline or self.cursor, "| " + " | ".join(cells) + " |"))


def _marker(item: Tag) -> str:
    parent = item.parent
    if parent is None or parent.name != "ol":
        return "• "
    start = str(parent.get("start") or "1")
    first = int(start) if start.isdigit() else 1
    return f"{first + len(item.find_previous_siblings('li'))}. "


def _multiline(tag: Tag) -> bool:
    """A `<code>` used as a block: several non-empty lines of text."""
    return sum(1 for part in tag.get_text().split("\n") if part.strip()) >= 2


def _left_out_of_code(tag: Tag, style: PageStyle) -> bool:
    return tag.name in _DROP or tag.name == "button" or style.is_hidden(tag) or _is_gutter(tag)


def _code_text(tag: Tag, out: list[str], style: PageStyle) -> None:
    """Code text: `<br>` and block children break lines; gutters and buttons are left out."""
    for child in tag.children:
        if _is_text(child):
            out.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name == "br":
            out.append("\n")
        elif _left_out_of_code(child, style):
            continue
        elif child.name in _BLOCK:
            if out and not out[-1].endswith("\n"):
                out.append("\n")
            _code_text(child, out, style)
            if out and not out[-1].endswith("\n"):
                out.append("\n")
        else:
            _code_text(child, out, style)
