"""Reading specs fast (PyYAML's C loader, JSON first) and writing them stably (ruamel.yaml)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import yaml


class SpecError(ValueError):
    """A spec file that cannot be parsed (the message says where)."""


def dump_yaml(document: dict[str, Any]) -> str:
    """YAML in the document's own key order; long strings unfolded; byte-stable across runs."""
    from ruamel.yaml import YAML

    writer = YAML(typ="rt")
    writer.width = 4096
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.default_flow_style = False
    writer.representer.add_representer(type(None), _represent_null)
    stream = io.StringIO()
    writer.dump(document, stream)
    return stream.getvalue()


def _represent_null(representer: Any, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def load_spec_text(text: str, name: str = "<spec>") -> Any:
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise SpecError(f"{name}:{line}: error: not valid YAML or JSON ({_problem(exc)})") from exc


def load_spec_file(path: Path) -> Any:
    return load_spec_text(path.read_text(encoding="utf-8", errors="replace"), str(path))


def _problem(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).splitlines()[0]
