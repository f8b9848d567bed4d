"""Reading specs fast (PyYAML's C loader, JSON first) and writing them stably (ruamel.yaml's
text, mostly by `yaml_emit`), so that YAML 1.1 readers too read back the same values."""

from __future__ import annotations

import functools
import gc
import io
import json
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import Node

from generator.limits import MAX_SPEC_DEPTH, MAX_SPEC_NODES, no_surrogates, too_deep, too_large
from generator.openapi.yaml_events import Unsupported, load_plain


class SpecError(ValueError):
    """A spec file that cannot be parsed (the message says where)."""


def dump_yaml(document: dict[str, Any]) -> str:
    """YAML in the document's own key order; long strings unfolded; byte-stable across runs;
    read back as the same values by YAML 1.2 and YAML 1.1 readers (PyYAML, `load_spec_text`).

    The text is ruamel.yaml's (settings in `dump_ruamel`); `yaml_emit` writes the same bytes
    some 30 times faster for the documents it handles, ruamel.yaml the others.
    """
    from generator.openapi.yaml_emit import dump_fast

    try:
        return dump_fast(document)
    except Unsupported:
        return dump_ruamel(document)


def dump_ruamel(document: dict[str, Any]) -> str:
    """`document` as ruamel.yaml writes it with docs2sdk's settings: block style, width 4096,
    mappings indented by 2, sequences by 4 (dash at 2), `null` for None, and the YAML 1.1
    safety of `_representer` (the reference `yaml_emit` reproduces, and its fallback)."""
    from ruamel.yaml import YAML

    writer = YAML(typ="rt")
    writer.Representer = _representer()
    writer.width = 4096
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.default_flow_style = False
    stream = io.StringIO()
    writer.dump(document, stream)
    return stream.getvalue()


@functools.cache
def _representer() -> type[Any]:
    """ruamel's round-trip representer, writing what YAML 1.1 would misread another way.

    ruamel quotes a string only when its YAML 1.2 resolvers read the plain text as another
    type; a 1.1 reader (PyYAML here, SnakeYAML...) also reads `off`, `y`, `1:30` or `017` as
    booleans or numbers, folds a raw U+0085 as a line break, and reads `1e-05` as a string.
    So: such strings get single quotes (ruamel's choice for what needs quoting; it still
    double-quotes a text that needs it), strings with U+0085 double quotes, floats a dot
    before the exponent (PyYAML's float style). A subclass, not `add_representer` on
    ruamel's class, which would change every ruamel dumper in the process.
    """
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.resolver import implicit_resolvers

    yaml_1_1: dict[str, list[Any]] = {}
    for versions, _, regexp, firsts in implicit_resolvers:
        if (1, 1) in versions:
            for first in firsts:
                yaml_1_1.setdefault(first, []).append(regexp)

    class SpecRepresenter(RoundTripRepresenter):
        def represent_none(self, data: Any) -> ScalarNode:
            return self.represent_scalar("tag:yaml.org,2002:null", "null")

        def represent_str(self, data: Any) -> ScalarNode:
            if "\x85" in data:
                style: str | None = '"'
            elif "\n" not in data and any(r.match(data) for r in yaml_1_1.get(data[:1], ())):
                style = "'"  # ("\n": `$` matches before a final line feed; never plain anyway)
            else:
                style = None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

        def represent_float(self, data: Any) -> ScalarNode:
            node = super().represent_float(data)
            if "e" in node.value and "." not in node.value:
                node.value = node.value.replace("e", ".0e", 1)
            return node

    SpecRepresenter.add_representer(type(None), SpecRepresenter.represent_none)
    SpecRepresenter.add_representer(str, SpecRepresenter.represent_str)
    SpecRepresenter.add_representer(float, SpecRepresenter.represent_float)
    return SpecRepresenter


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
