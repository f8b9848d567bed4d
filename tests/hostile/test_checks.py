"""The checks themselves: the inertness check finds code made of doc text, and the reserved
name sets of `names` cover what the generated client and modules really define."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.render import generate
from generator.render.names import CLIENT_ATTRIBUTES, RUNTIME_CLASSES
from tests.hostile.inert import findings

BAD = {
    "marker as a name": "zqx_name = 1\n",
    "marker as an attribute": "import os\nos.zqx\n",
    "marker in an f-string": 'x = f"{1} zqx"\n',
    "marker after a closed docstring": '"""doc"""\nzqx = 1\n',
    "payload as code": 'raise SystemExit("PWNED")\n',
    "call at import time": 'print("zqx")\n',
    "call in a class body": 'class A:\n    x = open("zqx")\n',
    "call in a default": 'def f(x=print("zqx")):\n    pass\n',
    "call in a decorator": "@print\ndef f():\n    pass\n",
    "eval in a function": 'def f():\n    eval("1")\n',
    "os.system in a function": 'import os\ndef f():\n    os.system("id")\n',
    "builtins.exec": 'import builtins\ndef f():\n    builtins.exec("1")\n',
    "unexpected import": "import subprocess\n",
}
GOOD = {
    "docstring": '"""zqx \\"\\"\\" raise SystemExit("PWNED")"""\n',
    "string literal": "x = \"zqx raise SystemExit('PWNED')\"\n",
    "comment": "x = 1  # zqx import os\n",
    "model rebuild": "class A:\n    pass\n\n\nA.model_rebuild()\n",
    "aliased Field": "from pydantic import Field as Field_aliased\nx = Field_aliased(None)\n",
}


@pytest.mark.parametrize("source", BAD.values(), ids=list(BAD))
def test_the_inertness_check_finds_code_made_of_doc_text(source: str) -> None:
    assert findings(source, package="pkg")


@pytest.mark.parametrize("source", GOOD.values(), ids=list(GOOD))
def test_the_inertness_check_lets_data_be(source: str) -> None:
    assert findings(source, package="pkg") == []


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "probe", "version": "1"},
    "paths": {
        "/things/{thing_id}": {
            "get": {
                "parameters": [{"name": "thing_id", "in": "path", "required": True}],
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {"securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "X-K"}}},
}


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("probe")
    for path, text in generate(SPEC, package="names_probe").items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))
    for name in [m for m in sys.modules if m.split(".")[0] == "names_probe"]:
        del sys.modules[name]


def test_client_attributes_cover_what_the_client_defines(probe: Path) -> None:
    """A credential or resource named like any of these would shadow or clash."""
    client = importlib.import_module("names_probe._client")
    own = {"things", "k"}  # this spec's resource and credential
    defined = {n for cls in (client.Client, client.AsyncClient) for n in dir(cls)}
    defined |= set(inspect.signature(client.Client.__init__).parameters)
    defined |= {n for n in vars(client) if n.islower()}
    public = {n for n in defined if not n.startswith("_") and n.islower()} - own - {"self"}
    assert public <= CLIENT_ATTRIBUTES, public - CLIENT_ATTRIBUTES


def test_runtime_classes_cover_what_generated_modules_import(probe: Path) -> None:
    """A model or resource class named like any of these would shadow an import."""
    imported: set[str] = set()
    package = probe / "names_probe"
    for path in [package / "__init__.py", package / "_client.py", *package.glob("resources/*")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "types":
                imported |= {a.asname or a.name for a in node.names}
    classes = {n for n in imported if n[:1].isupper() and not n.isupper()}
    own = {"Things", "AsyncThings", "AsyncClient", "Client", "ClientConfigError"}
    assert classes - own <= RUNTIME_CLASSES, classes - own - RUNTIME_CLASSES
