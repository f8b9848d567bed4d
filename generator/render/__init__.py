"""Render stage: an OpenAPI document to the files of a typed Python SDK (in memory).

`generate(document, package=...)` returns `{relative path: text}`; writing files is the
caller's job (STYLE.md point 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.render.build_view import build_view
from generator.render.environment import environment
from generator.render.formatting import format_python
from generator.render.models import class_names, models_source
from generator.render.spec import prepare
from generator.render.view import Resource, SdkView

RUNTIME = ("_types.py", "_exceptions.py", "_models.py", "_base_client.py", "pagination.py")


def generate(
    document: dict[str, Any], *, package: str, templates: Path | None = None
) -> dict[Path, str]:
    doc = prepare(document)
    source = models_source(doc, package=package)
    classes = class_names(source)
    view = build_view(doc, package=package, models=set(classes))
    files = _render(view, classes, templates)
    files[Path(view.package) / "types" / "_models.py"] = source
    return format_python(files)


def _render(view: SdkView, classes: list[str], templates: Path | None) -> dict[Path, str]:
    env = environment(templates)
    pkg = Path(view.package)
    files: dict[Path, str] = {}

    def render(template: str, target: Path, **context: Any) -> None:
        files[target] = env.get_template(template).render(view=view, **context)

    for name in RUNTIME:
        render(
            f"sdk/runtime/{name}.jinja",
            pkg / name,
            package=view.package,
            title=view.title,
            error_base="APIError",
        )
    render("sdk/package/__init__.py.jinja", pkg / "__init__.py")
    render("sdk/package/_client.py.jinja", pkg / "_client.py")
    render("sdk/package/types__init__.py.jinja", pkg / "types" / "__init__.py", classes=classes)
    names = [n for r in view.resources for n in (r.class_name, f"Async{r.class_name}")]
    render(
        "sdk/package/resources/__init__.py.jinja",
        pkg / "resources" / "__init__.py",
        resource_names=names,
    )
    for resource in view.all_resources:
        render(
            "sdk/package/resources/resource.py.jinja",
            pkg / "resources" / f"{resource.module}.py",
            resource=resource,
            models=_models_of(resource),
            uses_pages=_uses_pages(resource),
            imports=_imports(resource),
        )
    files[pkg / "py.typed"] = ""
    render("sdk/package/pyproject.toml.jinja", Path("pyproject.toml"))
    render("sdk/package/README.md.jinja", Path("README.md"))
    render("sdk/package/api.md.jinja", Path("api.md"))
    return files


def _models_of(resource: Resource) -> list[str]:
    return sorted({name for method in resource.methods for name in method.models})


@dataclass(frozen=True)
class _Imports:
    abc: list[str]
    literal: bool
    types: list[str]


def _imports(resource: Resource) -> _Imports:
    """What a resource module imports, so that it imports nothing unused."""
    text = " ".join(p.annotation for m in resource.methods for p in m.params)
    abc = [name for name in ("Mapping", "Sequence") if f"{name}[" in text]
    types = ["Body", "Headers", "NotGiven", "Query", "Timeout"]
    if resource.methods:
        types.insert(0, "NOT_GIVEN")
    if not any(not m.page_item for m in resource.methods):
        types.remove("Body")
    if not resource.methods:
        types = []
    return _Imports(abc, "Literal[" in text, types)


def _uses_pages(resource: Resource) -> bool:
    return any(method.page_item for method in resource.methods)
