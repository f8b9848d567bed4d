"""The render stage: golden output, static checks of generated packages, hostile names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import black
import pytest
from black.mode import TargetVersion
from hypothesis import given
from hypothesis import strategies as st

import generator.render
from generator.openapi.yaml_io import load_spec_file
from generator.render import generate, model_parts
from generator.render.formatting import format_python, needs_black
from generator.render.layout import import_from, names_list, parameter
from generator.render.models import generated_source, sorted_imports
from generator.render.names import pystr
from tests.conftest import ROOT
from tests.fuzz import examples

BLACK = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)

APIS = {
    "openai-assistants-v1": "openai_assistants_v1",
    "openai-assistants-v2": "openai_assistants_v2",
    "portkey": "portkey",
}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def test_generated_is_up_to_date() -> None:
    done = run(sys.executable, "-m", "generator", "check")
    assert done.returncode == 0, done.stderr


def test_check_fails_on_an_edited_file(tmp_path: Path) -> None:
    for name in ("input", "generated"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "generated" / "portkey" / "api.md"
    target.write_text(target.read_text() + "\nedited by hand\n")
    done = run(sys.executable, "-m", "generator", "check", "--root", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert "~ portkey/api.md" in done.stderr
    assert target.read_text().endswith("edited by hand\n")


@pytest.mark.parametrize(("api", "package"), sorted(APIS.items()))
def test_generated_package_passes_static_checks(api: str, package: str, tmp_path: Path) -> None:
    folder = ROOT / "generated" / api
    mypy = run(
        sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), package, cwd=folder
    )
    assert mypy.returncode == 0, mypy.stdout
    black = run(sys.executable, "-m", "black", "--check", "-q", "-l", "100", ".", cwd=folder)
    assert black.returncode == 0, black.stderr
    ruff = run(sys.executable, "-m", "ruff", "check", "--no-cache", ".", cwd=folder)
    assert ruff.returncode == 0, ruff.stdout


identifiers = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,44}", fullmatch=True)
literals = st.lists(
    st.text("abcdefgh-_./0123456789 ", min_size=1, max_size=28).map(pystr),
    min_size=1,
    max_size=12,
    unique=True,
).map(lambda values: f"Literal[{', '.join(values)}]")
members = st.one_of(
    st.sampled_from(["str", "int", "None", "object", "Mapping[str, object]", "Sequence[str]"]),
    literals,
    literals.map(lambda literal: f"Sequence[{literal}]"),
)
declarations = st.tuples(
    identifiers, st.lists(members, min_size=1, max_size=4, unique=True), st.booleans()
).map(
    lambda d: f"{d[0]}: {' | '.join(d[1] + (['NotGiven'] if d[2] else []))}"
    + (" = NOT_GIVEN," if d[2] else ",")
)


@examples(60)
@given(st.lists(identifiers, min_size=1, max_size=6), identifiers, identifiers)
def test_long_imports_and_lists_are_laid_out_as_black_does(
    names: list[str], module: str, target: str
) -> None:
    text = "\n".join(
        [
            import_from(f".{module}", names),
            import_from(f"..{module}", [f"{name} as {name}" for name in names]),
            "",
            names_list(target, names),
            "",
        ]
    )
    assert black.format_str(text, mode=BLACK) == text


@examples(60)
@given(st.lists(declarations, min_size=1, max_size=4), st.sampled_from([1, 2]))
def test_long_parameters_are_laid_out_as_black_does(declarations: list[str], depth: int) -> None:
    indent = "    " * depth
    outer = "    " * (depth - 1)
    params = "".join(f"{indent}{parameter(d, indent=indent)}\n" for d in declarations)
    define = f"{outer}async def call(\n{indent}self,\n{indent}*,\n{params}{outer}) -> None:\n"
    text = ("class Resource:\n" if depth == 2 else "") + define + f"{indent}return None\n"
    assert black.format_str(text, mode=BLACK) == text
    assert not needs_black(text)


def test_models_obey_no_keyword_of_the_generator_in_the_spec() -> None:
    hostile = {"type": "string", "x-python-type": "Popen[str]", "x-python-import": "subprocess"}
    schemas = {
        "A": {
            "type": "object",
            "customBasePath": "subprocess.Popen",
            "x-is-classvar": True,
            "properties": {
                "x-tag": {"type": "string", "example": {"x-k": 1}},
                "b": hostile,
                "c": {"type": "string", "customTypePath": "subprocess.Popen"},
            },
        }
    }
    source = generated_source(schemas, package="pkg").source
    assert "subprocess" not in source and "Popen" not in source and "ClassVar" not in source
    assert "x_tag: str | None = Field(None, alias='x-tag', examples=[{'x-k': 1}])" in source
    assert "b: str | None = None" in source and "c: str | None = None" in source


def _group(prefix: str) -> dict[str, Any]:
    """Schemas that reference each other (a recursive one, a nested object, a union, one
    that names a later one), and none of another prefix."""

    def ref(name: str) -> dict[str, str]:
        return {"$ref": f"#/components/schemas/{prefix}{name}"}

    return {
        f"{prefix}Early": {"type": "object", "properties": {"late": ref("Late")}},
        f"{prefix}Node": {
            "type": "object",
            "properties": {"child": ref("Node"), "kind": {"type": "string", "enum": ["a", "b"]}},
        },
        f"{prefix}Item": {
            "type": "object",
            "description": "An item.",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "meta": {"type": "object", "properties": {"x": {"type": "integer"}}},
                "node": ref("Node"),
            },
        },
        f"{prefix}List": {"type": "object", "properties": {"data": {"items": ref("Item")}}},
        f"{prefix}Late": {"type": "object", "properties": {"n": {"type": "integer"}}},
        f"{prefix}Union": {"oneOf": [ref("Item"), ref("List")]},
    }


def _models(source: str) -> str:
    path = Path("pkg/types/_models.py")
    return format_python({path: sorted_imports(source, "pkg")}, bulk=frozenset({path}))[path]


def test_model_parts_never_reference_each_other(monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = {**_group("A"), **_group("B"), **_group("C")}
    refs = model_parts.references(schemas)
    assert model_parts.partition(schemas, refs) == [list(schemas)]  # small: one part
    monkeypatch.setattr(model_parts, "MIN_SCHEMAS", 2)
    parts = model_parts.partition(schemas, refs)
    assert len(parts) == model_parts.PARTS
    assert sorted(name for part in parts for name in part) == sorted(schemas)
    for part in parts:
        assert all(refs[name] <= set(part) for name in part)
        assert part == [name for name in schemas if name in part]  # document order
    inner = {"A": {"properties": {"x": {}}}, "B": {"$ref": "#/components/schemas/A/properties/x"}}
    assert model_parts.references(inner) == {"A": set(), "B": {"A"}}
    mapping = {"a": "#/components/schemas/A", "b": "B", "c": "x}"}
    mapped = {"A": {}, "B": {}, "C": {"discriminator": {"propertyName": "t", "mapping": mapping}}}
    assert model_parts.references(mapped)["C"] == {"A", "B"}


def test_model_parts_join_as_one_run_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_parts, "MIN_SCHEMAS", 2)
    schemas = {**_group("A"), **_group("B"), **_group("C")}
    parts = model_parts.partition(schemas, model_parts.references(schemas))
    sources = [
        generated_source({n: schemas[n] for n in part}, package="pkg").source for part in parts
    ]
    joined = model_parts.merge(sources, list(schemas))
    assert joined is not None
    assert _models(joined) == _models(generated_source(schemas, package="pkg").source)


def test_model_parts_that_clash_are_made_in_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    clash = {"AItemMeta": {"type": "object", "properties": {"y": {"type": "string"}}}}
    schemas = {**_group("A"), **clash}  # `AItemMeta` is also the name of AItem's `meta`
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    document["components"] = {"schemas": schemas}
    monkeypatch.setattr(model_parts, "MIN_SCHEMAS", 2)
    monkeypatch.setattr(generator.render, "PARALLEL_MIN_SCHEMAS", 2)
    parts = model_parts.partition(schemas, model_parts.references(schemas))
    assert len(parts) == 2
    sources = [
        generated_source({n: schemas[n] for n in part}, package="pkg").source for part in parts
    ]
    assert model_parts.merge(sources, list(schemas)) is None
    files = generate(document, package="pkg")
    assert files[Path("pkg/types/_models.py")] == _models(
        generated_source(schemas, package="pkg").source
    )


HOSTILE = {
    "openapi": "3.1.0",
    "info": {"title": 'x"""; import os #', "version": "1"},
    "servers": [{"url": "https://example.test/v1"}],
    "paths": {
        "/things/{class}": {
            "post": {
                "operationId": "import",
                "summary": 'Quote """ and \\ and {{ jinja }} and {% raw %}',
                "parameters": [
                    {"name": "class", "in": "path", "required": True, "schema": {"type": "string"}},
                    {
                        "name": "from",
                        "in": "query",
                        "schema": {"type": "string", "description": "'''\\x00\u2028"},
                    },
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["model_config"],
                                "properties": {
                                    "model_config": {"type": "string"},
                                    "json": {"type": "integer"},
                                    "2fa code": {"type": "boolean"},
                                    "Json": {"type": "string"},
                                    "self": {"type": "string", "enum": ['a"b', "c'd"]},
                                },
                            }
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "description": '"""\n__import__("os")',
                                        },
                                        "__init__": {"type": "string"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


def test_hostile_names_and_text_give_safe_code(tmp_path: Path) -> None:
    files = generate(HOSTILE, package="hostile")
    for path, text in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        if path.suffix == ".py":
            compile(text, str(path), "exec")
    mypy = run(sys.executable, "-m", "mypy", "--strict", "hostile", cwd=tmp_path)
    assert mypy.returncode == 0, mypy.stdout
    probe = run(
        sys.executable,
        "-c",
        "import hostile; c = hostile.Client(); "
        "print(sorted(n for n in dir(c.things) if not n.startswith('_')))",
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    assert "update" in probe.stdout


@pytest.mark.slow
def test_full_official_spec_generates_imports_and_type_checks(shared: Path, tmp_path: Path) -> None:
    files = generate(
        load_spec_file(shared / "reference" / "openai-openapi.latest.yaml"), package="openai_full"
    )
    for path, text in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    bulk = ("_models.py", "_params.py")  # machine-made, formatted by ruff as a whole
    rendered = [p for p in files if p.suffix == ".py" and p.name not in bulk]
    assert not [p for p in rendered if needs_black(files[p])], "templates left long lines"
    methods = run(
        sys.executable,
        "-c",
        "import openai_full as o; c = o.Client(api_key='k'); "
        "print(c.assistants.list, c.chat.completions.create)",
        cwd=tmp_path,
    )
    assert methods.returncode == 0, methods.stderr
    mypy = run(sys.executable, "-m", "mypy", "--strict", "openai_full", cwd=tmp_path)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    black = run(sys.executable, "-m", "black", "--check", "-q", "-l", "100", ".", cwd=tmp_path)
    assert black.returncode == 0, black.stderr[-3000:]
