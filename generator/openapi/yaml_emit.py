"""A fast YAML writer for spec documents: ruamel.yaml's exact bytes, for JSON-like trees.

`yaml_io.dump_yaml` writes as ruamel.yaml's round-trip dumper does with docs2sdk's settings
(block style, width 4096, mappings indented by 2, sequences by 4 with the dash at offset 2,
`null` for None). That emitter is pure Python, driven by one event object per node, and
costs seconds on a large spec. For the trees docs2sdk writes (dicts with scalar keys, in
their own order; lists; str, int, float, bool, None, date and datetime) this module writes
the same text directly, line by line:

- a mapping's keys sit at its indent, its nested mappings 2 further; a sequence's dashes at
  its indent + 2 and its items' contents at + 4; a sequence under a key keeps the key's
  indent; a collection inside a sequence item starts on the dash's line; empty collections
  are `{}` and `[]`;
- a collection present twice (or within itself) gets an anchor `&idNNN` where ruamel puts
  one, numbered in the same order, and an alias `*idNNN` where it comes again;
- scalars are rendered by `yaml_scalar` (memoized: keys and values repeat a lot).

Anything else raises `Unsupported` (other types and subclasses, keys ruamel writes as
explicit `? ` keys: over 122 characters or on several lines), for the caller to fall back
on ruamel.yaml, which stays the reference.
"""

from __future__ import annotations

import datetime
from typing import Any

from generator import lazyre
from generator.openapi.unsupported import Unsupported
from generator.openapi.yaml_fold import long_scalar
from generator.openapi.yaml_scalar import WIDTH, render, render_other, resolved_tag

__all__ = ["Unsupported", "dump_fast"]

_MAX_KEY = 128
"""ruamel writes a key this long or longer (with its tag) as an explicit `? ` key."""
_MAX_INDENT = 2048
"""Deeper than this, a plain key could reach the width (ruamel would move its words)."""
_BREAK = lazyre.compile("[\n\x85\u2028\u2029]")
"""A line break: ruamel writes a key with one as an explicit `? ` key. (A regex: a
generator over the four characters took a third of the time spent on keys.)"""
_ANCHORED_SCALARS = (datetime.date, datetime.datetime)
_NODES = (dict, list, *_ANCHORED_SCALARS)
"""The objects ruamel anchors when they come twice in a document (by identity)."""
_MEMOIZED = frozenset({type(None), bool, int, float, *_ANCHORED_SCALARS})
"""Scalar types `render_other` writes: all hashable."""


class _Shared(Exception):
    """A collection comes twice: write again, with anchors."""


def dump_fast(document: dict[str, Any]) -> str:
    """`document` as ruamel.yaml writes it in `yaml_io.dump_yaml`, byte for byte.

    Raises:
        Unsupported: a value this writer does not handle; write with ruamel.yaml instead.
    """
    if type(document) is not dict:
        raise Unsupported(f"a {type(document).__name__} document")
    if not document:
        return "{}\n"
    try:
        try:
            return _Emitter(None).document(document)
        except _Shared:
            return _Emitter(_anchors(document)).document(document)
    except RecursionError as exc:
        raise Unsupported("nested too deeply") from exc


def _anchors(document: dict[str, Any]) -> dict[int, str]:
    """The anchor of each node (by id) met twice, as ruamel's serializer names them:
    numbered in the order of the second meetings in a depth-first walk."""
    seen: set[int] = set()
    names: dict[int, str] = {}
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            names.setdefault(id(node), f"id{len(names) + 1:03d}")
            continue
        seen.add(id(node))
        children = node.values() if type(node) is dict else node if type(node) is list else ()
        stack.extend(child for child in reversed(list(children)) if type(child) in _NODES)
    if id(document) in names:
        raise Unsupported("a document inside itself")
    return names


class _Emitter:
    """Writes lines to `out`; memoizes the rendering of keys and scalar values."""

    __slots__ = ("anchors", "keys", "others", "out", "seen", "values")

    def __init__(self, anchors: dict[int, str] | None) -> None:
        self.out: list[str] = []
        self.keys: dict[str, str] = {}
        self.values: dict[str, str] = {}
        self.others: dict[tuple[type, object], str] = {}
        self.seen: set[int] = set()
        """Collections written so far (by id)."""
        self.anchors = anchors
        """None: no collection comes twice, as far as known (`_Shared` when one does)."""

    def document(self, document: dict[str, Any]) -> str:
        self.seen.add(id(document))
        self.mapping(document, 0, "")
        return "".join(self.out)

    def mapping(self, node: dict[Any, Any], indent: int, lead: str) -> None:
        """A non-empty mapping whose keys are at column `indent`; `lead`: the first key's line
        so far (spaces, or the dashes of the sequence items it opens).

        The hot loop of the writer (one turn per line): string values and collections
        without anchors are handled inline, without a method call."""
        if indent > _MAX_INDENT:
            raise Unsupported("indented too deeply")
        append, keys, values, seen = self.out.append, self.keys, self.values, self.seen
        pad = " " * indent
        for key, value in node.items():
            head = lead + ((keys.get(key) if type(key) is str else None) or self.key(key))
            lead = pad
            kind = type(value)
            if kind is str:
                text = values.get(value) or self.string(value)
                source = value
            elif kind is dict or kind is list:
                if self.anchors is not None or id(value) in seen or not value:
                    self.under_key(head, value, indent)
                    continue
                seen.add(id(value))
                append(head + "\n")
                if kind is dict:
                    self.mapping(value, indent + 2, " " * (indent + 2))
                else:
                    self.sequence(value, indent, " " * (indent + 2))
                continue
            else:
                text = source = self.other(value)
            if text and len(head) + len(text) < WIDTH:
                append(f"{head} {text}\n")
            else:
                append(head + long_scalar(text, source, len(head), indent + 2, False) + "\n")

    def under_key(self, head: str, value: dict[Any, Any] | list[Any], indent: int) -> None:
        """A collection as the value of a key at column `indent` (`head`: `key:`'s line)."""
        mark = self.mark(value)
        if mark.startswith("*"):
            self.out.append(f"{head} {mark}\n")
            return
        if mark:
            head += " " + mark
        if not value:
            self.out.append(head + (" {}\n" if type(value) is dict else " []\n"))
            return
        self.out.append(head + "\n")
        if isinstance(value, dict):
            self.mapping(value, indent + 2, " " * (indent + 2))
        else:
            self.sequence(value, indent, " " * (indent + 2))

    def sequence(self, node: list[Any], indent: int, lead: str) -> None:
        """A non-empty sequence whose dashes are at column `indent` + 2; `lead`: the first
        item's line before its dash."""
        append, values = self.out.append, self.values
        pad = " " * (indent + 2)
        column = indent + 4
        for item in node:
            head = lead + "- "
            lead = pad
            kind = type(item)
            if kind is str:
                text = values.get(item) or self.string(item)
                source = item
            elif kind is dict or kind is list:
                self.in_sequence(head, item, column)
                continue
            else:
                text = source = self.other(item)
            if not text or column + len(text) > WIDTH:
                text = long_scalar(text, source, column, column, True)
            append(f"{head}{text}\n")

    def in_sequence(self, head: str, item: dict[Any, Any] | list[Any], column: int) -> None:
        """A collection as a sequence item whose content is at `column` (`head`: up to `- `)."""
        mark = self.mark(item)
        if mark.startswith("*"):
            self.out.append(f"{head}{mark}\n")
            return
        if not item:
            empty = "{}" if type(item) is dict else "[]"
            self.out.append(f"{head}{mark} {empty}\n" if mark else f"{head}{empty}\n")
        elif mark:  # the anchor ends the dash's line
            self.out.append(head + mark + "\n")
            if isinstance(item, dict):
                self.mapping(item, column, " " * column)
            else:
                self.sequence(item, column, " " * (column + 2))
        elif isinstance(item, dict):
            self.mapping(item, column, head)
        else:
            self.sequence(item, column, head + "  ")

    def mark(self, node: object) -> str:
        """`&name` before a collection's first writing, `*name` after it, or nothing."""
        if self.anchors is None:
            if id(node) in self.seen:
                raise _Shared
            self.seen.add(id(node))
            return ""
        name = self.anchors.get(id(node))
        if name is None:
            return ""
        if id(node) in self.seen:
            return "*" + name
        self.seen.add(id(node))
        return "&" + name

    def string(self, value: str) -> str:
        """A string value's text when `values` has none yet (the loops look there first; the
        rare empty answer, `LONG_SINGLE`, is rendered again each time)."""
        text = self.values[value] = render(value)
        return text

    def other(self, value: object) -> str:
        """A scalar other than a string (memoized); a date or time can be anchored (ruamel
        aliases any object but None, str, bytes, bool, int and float)."""
        kind = type(value)
        if kind not in _MEMOIZED:
            return render_other(value)  # raises Unsupported
        memo_key = (kind, value)  # (with the type: 1, 1.0 and True are equal keys)
        text = self.others.get(memo_key)
        if text is None:
            text = self.others[memo_key] = render_other(value)
        if kind in _ANCHORED_SCALARS:
            mark = self.mark(value)
            if mark:
                return mark if mark.startswith("*") else f"{mark} {text}"
        return text

    def key(self, key: object) -> str:
        """A mapping key and its colon as ruamel writes them (a simple key), memoized when
        the key is a string.

        ruamel counts the key's tag (`!!str`...) in the length of a simple key even when it
        does not write it."""
        if type(key) is str:
            if len(key) + len("!!str") >= _MAX_KEY or _BREAK.search(key):
                raise Unsupported("an explicit key")
            text = self.keys[key] = render(key) + ":"
            return text
        if type(key) in _ANCHORED_SCALARS:
            raise Unsupported("a date key")
        text = render_other(key)
        if len(text) + len(f"!!{resolved_tag(text)}") >= _MAX_KEY:
            raise Unsupported("an explicit key")
        return text + ":"
