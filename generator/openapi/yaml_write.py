"""Writing specs stably: ruamel.yaml's text, mostly by `yaml_emit`, so that YAML 1.1
readers too read back the same values. Kept apart from reading (`yaml_io`) so that writing
does not import PyYAML."""

from __future__ import annotations

import functools
import io
from typing import Any

from generator.openapi.unsupported import Unsupported
from generator.openapi.yaml_emit import dump_fast


def dump_yaml(document: dict[str, Any]) -> str:
    """YAML in the document's own key order; long strings unfolded; byte-stable across runs;
    read back as the same values by YAML 1.2 and YAML 1.1 readers (PyYAML, `load_spec_text`).

    The text is ruamel.yaml's (settings in `dump_ruamel`); `yaml_emit` writes the same bytes
    some 30 times faster for the documents it handles, ruamel.yaml the others.
    """
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
