"""A fast YAML reader for specs: PyYAML's C parser events straight to dicts and lists.

`yaml.load(..., CSafeLoader)` parses in C but composes a node graph and constructs values in
Python; on the 3 MB OpenAI spec that costs twice the parse. Spec files use plain YAML:
mappings, sequences, scalars, anchors and aliases. This reader builds the same values as the
safe loader for exactly that subset (scalars resolved with PyYAML's own implicit resolvers
and constructors) and raises `Unsupported` for anything else (other tags, merge keys,
complex keys, several documents), for the caller to fall back on the full loader.

An anchor defined twice simply names its latest node, as YAML 1.2 says (PyYAML's composer
refuses it, and the official assistants-v1 spec has such anchors).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml import events
from yaml.nodes import ScalarNode

from generator.openapi.unsupported import Unsupported

_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BASE = "tag:yaml.org,2002:"
_BUILT = {_BASE + "int", _BASE + "float", _BASE + "timestamp"}
_COLLECTION_TAGS = {None, "!", _BASE + "map", _BASE + "seq"}
_NO_KEY: Any = object()
__all__ = ["Unsupported", "load_plain"]


def load_plain(text: str) -> Any:
    """The value of a single-document YAML `text` (same result as the safe loader)."""
    parser: Any = yaml.CSafeLoader(text)
    get = parser.get_event
    build = _Builder()
    documents = 0
    while True:
        event = get()
        kind = type(event)
        if kind is events.ScalarEvent:
            build.add(build.scalar(event), event.anchor)
        elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise Unsupported(f"tag {event.tag}")
            build.add({} if kind is events.MappingStartEvent else [], event.anchor, opens=True)
        elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            build.container, build.key = build.stack.pop()
        elif kind is events.AliasEvent:
            if event.anchor not in build.anchors:
                raise Unsupported("alias to an unknown anchor")
            build.add(build.anchors[event.anchor], None)
        elif kind is events.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unsupported("more than one document")
        elif kind is events.StreamEndEvent:
            return build.root


class _Builder:
    """Where the next value goes: the open collection, and the key waiting for its value."""

    __slots__ = ("anchors", "container", "key", "plain", "root", "stack")

    def __init__(self) -> None:
        self.anchors: dict[str, Any] = {}
        self.stack: list[tuple[Any, Any]] = []
        self.container: Any = None
        self.key: Any = _NO_KEY
        self.root: Any = None
        self.plain: dict[str, Any] = {}
        """Plain scalars already resolved (keys and type names repeat a lot in a spec)."""

    def scalar(self, event: Any) -> Any:
        if event.tag is not None or not event.implicit[0]:
            return _scalar(event)
        value = self.plain.get(event.value, _NO_KEY)
        if value is _NO_KEY:
            value = self.plain[event.value] = _scalar(event)
        return value

    def add(self, value: Any, anchor: str | None, *, opens: bool = False) -> None:
        """Put `value` in the open collection; `opens`: it is a new collection, now open."""
        if anchor is not None:
            self.anchors[anchor] = value
        container = self.container
        if container is None:
            self.root = value
        elif type(container) is list:
            container.append(value)
        elif self.key is _NO_KEY:
            if value == "<<" or isinstance(value, dict | list):
                raise Unsupported("merge key or complex key")
            self.key = value
            return
        else:
            container[self.key] = value
            self.key = _NO_KEY
        if opens:
            self.stack.append((container, self.key))
            self.container, self.key = value, _NO_KEY


def _scalar(event: Any) -> Any:
    value: str = event.value
    tag = event.tag
    if tag is not None and tag != "!":
        if tag == _BASE + "str":
            return value
    elif not event.implicit[0]:
        return value  # quoted or block scalars are strings
    else:
        tag = next((t for t, pattern in _RESOLVERS.get(value[:1], ()) if pattern.match(value)), "")
        if not tag:
            return value
    if tag == _BASE + "null":
        return None
    if tag == _BASE + "bool":
        return _CONSTRUCTOR.bool_values[value.lower()]
    if tag in _BUILT:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, value))
    raise Unsupported(f"tag {tag}")
