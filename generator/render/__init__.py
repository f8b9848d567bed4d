"""Render stage: an OpenAPI document to the files of a typed Python SDK (in memory).

`generate(document, package=...)` returns `{relative path: text}`; writing files is the
caller's job (STYLE.md point 3).
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator import lazyre
from generator.cache import Cache
from generator.problems import Problems
from generator.render.build_view import build_view
from generator.render.environment import environment
from generator.render.formatting import format_python
from generator.render.layout import lay_out_parameters
from generator.render.model_parts import PARTS, merge, partition, references
from generator.render.models import (
    Models,
    class_names,
    generated_source,
    models_source,
    sorted_imports,
    warm_up,
)
from generator.render.names import package_name
from generator.render.spec import prepare
from generator.render.view import Resource, SdkView

RUNTIME = (
    "_types.py",
    "_exceptions.py",
    "_models.py",
    "_files.py",
    "_request.py",
    "_base_client.py",
    "pagination.py",
    "_timing.py",
    "_streaming.py",
    "_response.py",
)


PARALLEL_MIN_SCHEMAS = 50
"""Below this many schemas a worker process costs more than it saves."""


def generate(
    document: dict[str, Any],
    *,
    package: str,
    templates: Path | None = None,
    cache: Cache | None = None,
    problems: Problems | None = None,
    source: str = "openapi.yaml",
) -> dict[Path, str]:
    """Every file of the SDK for `document`, formatted, keyed by path relative to the output.

    The models (datamodel-code-generator, the slow part) are made in worker processes, in
    independent parts for a large spec (`model_parts`), while the rest renders, on the class
    names the components predict; if the models turn out to name classes otherwise, the
    rest is rendered again with the real names.

    What the model generator warns of goes to `problems` as warnings, at the page a
    component schema came from (its `x-source`), else at `source` (the spec's file name).
    """
    work = _Work(package_name(package), templates, cache)
    with ProcessPoolExecutor(max_workers=PARTS, mp_context=_context()) as pool:
        if cache is None and _schema_count(document) >= PARALLEL_MIN_SCHEMAS:
            for _ in range(PARTS):  # no cache: the models will be made; import the generator
                pool.submit(warm_up)  # in the workers (~0.5 s) while this process prepares
        doc = prepare(document)
        schemas = (doc.get("components") or {}).get("schemas") or {}
        key = _models_key(schemas, work)
        cached = cache.load("models", key) if cache is not None else None
        if isinstance(cached, Models):
            files = _assemble(doc, cached.source, _render_rest(doc, set(schemas), work), work)
            _report(cached.notes, doc, source, problems)
            return files
        made, rest = _models_and_rest(doc, schemas, work, pool)
    models = made._replace(source=_formatted_models(made.source, work.package))
    if cache is not None:
        cache.store("models", key, models)
    _report(models.notes, doc, source, problems)
    return _assemble(doc, models.source, rest, work)


def _models_and_rest(
    doc: dict[str, Any], schemas: dict[str, Any], work: _Work, pool: ProcessPoolExecutor
) -> tuple[Models, _Rest]:
    """The models module (unformatted) and the other files, the models made in `pool`."""
    if len(schemas) < PARALLEL_MIN_SCHEMAS:
        return models_source(doc, package=work.package), _render_rest(doc, set(schemas), work)
    parts = partition(schemas, references(schemas))
    futures = [
        pool.submit(generated_source, {n: schemas[n] for n in part}, package=work.package)
        for part in parts
    ]
    rest = _render_rest(doc, set(schemas), work)
    made = [future.result() for future in futures]
    joined = made[0].source if len(parts) == 1 else merge([m.source for m in made], list(schemas))
    if joined is None:
        whole = generated_source(schemas, package=work.package)
    else:
        whole = Models(joined, tuple(dict.fromkeys(n for m in made for n in m.notes)))
    return whole._replace(source=sorted_imports(whole.source, work.package)), rest


def _report(
    notes: tuple[str, ...], document: dict[str, Any], source: str, problems: Problems | None
) -> None:
    """The model generator's notes as warnings, each at the page its schema came from."""
    if problems is None:
        return
    for note in notes:
        file, line = _schema_source(document, note) or (source, 0)
        problems.warn(file, line, f"models: {note}")


_POINTER = lazyre.compile(r"#/components/schemas/([^/\s]+)")


def _schema_source(document: dict[str, Any], note: str) -> tuple[str, int] | None:
    """(file, first line) of the `x-source` of the component schema `note` names."""
    found = _POINTER.search(note)
    schemas = (document.get("components") or {}).get("schemas")
    schema = schemas.get(found.group(1)) if found and isinstance(schemas, dict) else None
    origin = schema.get("x-source") if isinstance(schema, dict) else None
    if not isinstance(origin, str) or ":" not in origin:
        return None
    file, _, lines = origin.rpartition(":")
    first = lines.split("-")[0]
    return file, int(first) if first.isdigit() else 0


def _schema_count(document: dict[str, Any]) -> int:
    components = document.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    return len(schemas) if isinstance(schemas, dict) else 0


@dataclass(frozen=True)
class _Work:
    package: str
    templates: Path | None
    cache: Cache | None


def _models_key(schemas: dict[str, Any], work: _Work) -> str:
    if work.cache is None:
        return ""
    return work.cache.key(work.package, json.dumps(schemas, sort_keys=True, default=str))


def _formatted_models(source: str, package: str) -> str:
    path = Path(package) / "types" / "_models.py"
    return format_python({path: source}, bulk=frozenset({path}))[path]


class _Rest(NamedTuple):
    """The files besides the models, and the view they were rendered from."""

    files: dict[Path, str]
    view: SdkView


def _render_rest(
    doc: dict[str, Any], models: set[str], work: _Work, *, taken: frozenset[str] = frozenset()
) -> _Rest:
    view = build_view(doc, package=work.package, models=models, reserved=taken)
    params = Path(view.package) / "types" / "_params.py"
    files = _render(view, work.templates)
    return _Rest(format_python(files, bulk=frozenset({params}), cache=work.cache), view)


def _assemble(doc: dict[str, Any], source: str, rest: _Rest, work: _Work) -> dict[Path, str]:
    classes = class_names(source)
    predicted = set((doc.get("components") or {}).get("schemas") or {})
    files, view = rest
    if not predicted <= set(classes) or _params_clash(files, work.package, set(classes)):
        files, view = _render_rest(doc, predicted & set(classes), work, taken=frozenset(classes))
    pkg = Path(view.package)
    env = environment(work.templates)
    types_init = env.get_template("sdk/package/types__init__.py.jinja")
    init = {pkg / "types" / "__init__.py": types_init.render(view=view, classes=classes)}
    files.update(format_python(init, cache=work.cache))
    files[pkg / "types" / "_models.py"] = source
    return files


def _params_clash(files: dict[Path, str], package: str, classes: set[str]) -> bool:
    """Whether a TypedDict of `types/_params.py` has the name of a model class (the model
    generator made classes the components did not predict)."""
    text = files.get(Path(package) / "types" / "_params.py", "")
    defined = re.findall(r"^(?:class )?(\w+)(?:\(TypedDict| = TypedDict)", text, flags=re.M)
    return any(name in classes for name in defined)


def _context() -> multiprocessing.context.BaseContext | None:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork") if "fork" in methods else None


def _render(view: SdkView, templates: Path | None) -> dict[Path, str]:
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
    render(
        "sdk/package/_client.py.jinja", pkg / "_client.py", credentials_doc=_credentials_doc(view)
    )
    names = [n for r in view.resources for n in (r.class_name, f"Async{r.class_name}")]
    declarations = (
        p.keyword_declaration for r in view.all_resources for m in r.methods for p in m.params
    )
    lay_out_parameters(declarations, indent="        ")  # as resource.py.jinja indents them
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
    render(
        "sdk/package/types_params.py.jinja",
        pkg / "types" / "_params.py",
        imports=_params_imports(view),
    )
    files[pkg / "py.typed"] = ""
    render("sdk/package/pyproject.toml.jinja", Path("pyproject.toml"))
    render("sdk/package/README.md.jinja", Path("README.md"))
    render("sdk/package/api.md.jinja", Path("api.md"))
    return files


def _credentials_doc(view: SdkView) -> str:
    if not view.auth:
        return ""
    lines = [f"``{a.param}`` from ``{a.env_var}``." for a in view.auth]
    return "\n\nCredentials not passed are read from the environment:\n" + "\n".join(lines)


def _models_of(resource: Resource) -> list[str]:
    """Models and request TypedDicts the module's signatures name."""
    names = {name for method in resource.methods for name in method.models}
    names |= {name for method in resource.methods for name in method.param_types}
    return sorted(names)


def _params_imports(view: SdkView) -> _Imports:
    """What `types/_params.py` imports."""
    text = " ".join(f.declared for td in view.params for f in td.fields)
    typing = ["TypedDict"] + [name for name in ("Literal", "Required") if f"{name}[" in text]
    return _Imports(_abc(text), sorted(typing), [])


def _abc(text: str) -> list[str]:
    return [name for name in ("Iterable", "Mapping", "Sequence") if f"{name}[" in text]


@dataclass(frozen=True)
class _Imports:
    abc: list[str]
    typing: list[str]
    types: list[str]
    response: list[str] = field(default_factory=list)
    streaming: list[str] = field(default_factory=list)
    files: bool = False


def _imports(resource: Resource) -> _Imports:
    """What a resource module imports, so that it imports nothing unused."""
    text = " ".join(p.annotation for m in resource.methods for p in m.params)
    abc = _abc(text)
    files = any(m.uploads for m in resource.methods)
    types = ["Body", *(["FileTypes"] if files else []), "Headers", "NotGiven", "Query", "Timeout"]
    if resource.methods:
        types.insert(0, "NOT_GIVEN")
    if not any(not m.page_item for m in resource.methods):
        types.remove("Body")
    if not resource.methods:
        types = []
    overloads = any(m.stream_overloads for m in resource.methods)
    typing = ["Literal"] if "Literal[" in text or overloads else []
    response, streaming = _runtime(resource)
    typing += ["overload"] if overloads else []
    return _Imports(abc, typing, types, response, streaming, files)


def _runtime(resource: Resource) -> tuple[list[str], list[str]]:
    """What a resource module imports from `_response` and `_streaming`."""
    returns = " ".join(
        f"{m.sync_returns} {m.async_returns}" for m in resource.methods if not m.page_item
    )
    words = set(re.findall(r"\w+", returns))
    response = [n for n in ("AsyncBinaryResponse", "BinaryResponse") if n in words]
    if resource.methods:
        response += ["async_to_raw_response_wrapper", "to_raw_response_wrapper"]
    streaming = [n for n in ("AsyncStream", "ServerSentEvent", "Stream") if n in words]
    return response, streaming


def _uses_pages(resource: Resource) -> bool:
    return any(method.page_item for method in resource.methods)
