"""The little of a page's own CSS that changes its copied text: hidden and upper-cased classes.

A browser's copy leaves out `display: none` elements and applies `text-transform` (ReadMe
writes "Path Params" and shows "PATH PARAMS"). Only rules in the page's `<style>` elements
(and `style` attributes) are known; a rule counts when its selector is a plain class
(`.APISectionHeader-heading`), alone or in a selector list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import Tag

from generator import lazyre

_RULE = lazyre.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = lazyre.compile(r"/\*.*?\*/", re.S)
_CLASS = lazyre.compile(r"^\.(-?[_a-zA-Z][\w-]*)$")
_HIDDEN = lazyre.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_UPPER = lazyre.compile(r"text-transform\s*:\s*uppercase", re.I)


@dataclass
class PageStyle:
    hidden: set[str] = field(default_factory=set)
    upper: set[str] = field(default_factory=set)

    def is_hidden(self, tag: Tag) -> bool:
        if tag.has_attr("hidden") or _HIDDEN.search(str(tag.get("style") or "")):
            return True
        return bool(self.hidden) and not self.hidden.isdisjoint(_classes(tag))

    def is_upper(self, tag: Tag) -> bool:
        if _UPPER.search(str(tag.get("style") or "")):
            return True
        return bool(self.upper) and not self.upper.isdisjoint(_classes(tag))


def page_style(root: Tag) -> PageStyle:
    style = PageStyle()
    for element in root.find_all("style"):
        css = _COMMENT.sub("", element.get_text())
        for selectors, body in _RULE.findall(css):
            names = [m.group(1) for s in selectors.split(",") if (m := _CLASS.match(s.strip()))]
            if _HIDDEN.search(body):
                style.hidden.update(names)
            if _UPPER.search(body):
                style.upper.update(names)
    return style


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class") or []
    return [str(name) for name in value] if isinstance(value, list) else str(value).split()
