"""Reading specs fast (PyYAML's C loader, JSON first); writing them is `yaml_write`'s job
(re-exported here)."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import Node

from generator.limits import MAX_SPEC_DEPTH, MAX_SPEC_NODES, no_surrogates, too_deep, too_large
from generator.openapi.yaml_events import Unsupported, load_plain
from generator.openapi.yaml_write import dump_ruamel, dump_yaml

__all__ = ["SpecError", "dump_ruamel", "dump_yaml", "load_spec_file", "load_spec_text"]


class SpecError(ValueError):
    """A spec file that cannot be parsed (the message says where)."""


def load_spec_text(text: str, name: str = "<spec>") -> Any:
    """The value of a JSON or YAML spec, within the input bounds (`generator.limits`).

    Raises:
        SpecError: not JSON or YAML, nested too deeply, or an alias bomb.
    """
    try:
        value = _parse(text, name)
    except RecursionError as exc:
        raise SpecError(f"{name}:1: error: nested too deeply to read") from exc
    if too_large(value, MAX_SPEC_NODES):
        raise SpecError(f"{name}:1: error: expands to more than {MAX_SPEC_NODES} values")
    if too_deep(value, MAX_SPEC_DEPTH):
        raise SpecError(f"{name}:1: error: nested deeper than {MAX_SPEC_DEPTH} levels")
    return no_surrogates(value)


def _parse(text: str, name: str) -> Any:
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    paused = gc.isenabled()
    gc.disable()  # a spec is a large acyclic tree: collecting while building it halves speed
    try:
        try:
            return load_plain(text)  # twice as fast; same values
        except Unsupported:
            pass
        try:
            return yaml.load(text, Loader=loader)
        except yaml.composer.ComposerError as exc:
            if "duplicate anchor" not in str(exc):
                raise
            return yaml.load(text, Loader=_TolerantLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise SpecError(f"{name}:{line}: error: not valid YAML or JSON ({_problem(exc)})") from exc
    finally:
        if paused:
            gc.enable()


class _TolerantLoader(Composer, yaml.CSafeLoader):
    """A loader that lets an anchor be defined again, the latest one winning (YAML 1.2).

    PyYAML stops at a second `&name` ("found duplicate anchor"); the official
    assistants-v1 spec has such anchors. Only used after the fast loader refused.
    """

    def __init__(self, stream: Any) -> None:
        yaml.CSafeLoader.__init__(self, stream)
        Composer.__init__(self)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if not self.check_event(AliasEvent):
            anchor = getattr(self.peek_event(), "anchor", None)
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


def load_spec_file(path: Path) -> Any:
    return load_spec_text(path.read_text(encoding="utf-8", errors="replace"), str(path))


def _problem(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).splitlines()[0]
