"""The render stage: golden output, static checks of generated packages, hostile names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.openapi.yaml_io import load_spec_file
from generator.render import generate
from tests.conftest import ROOT

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
