"""The pure helpers of benchmarks/openai_parity.py: path extraction and the figures."""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any, TypedDict

from tests.conftest import ROOT


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


introspect = _load("sdk_introspect")
parity = _load("parity_figures")


def _call(source: str) -> dict[str, object] | None:
    func = ast.parse(source).body[0]
    assert isinstance(func, ast.FunctionDef)
    result: dict[str, object] | None = introspect.http_call(func)
    return result


def test_http_call_reads_each_call_shape() -> None:
    assert _call('def f(self, a):\n    return self._get(path_template("/x/{a}", a=a))') == {
        "http": "get",
        "path": "/x/{a}",
        "filled": ["a"],
    }
    assert _call('def f(self, a):\n    return self._delete(f"/x/{a}/y")') == {
        "http": "delete",
        "path": "/x/{a}/y",
        "filled": ["a"],
    }
    ours = (
        'def f(self, a):\n    return self._client.request("post", "/x/{a}", path_params={"b": a})'
    )
    assert _call(ours) == {"http": "post", "path": "/x/{a}", "filled": ["b"]}
    listed = 'def f(self):\n    return self._get_api_list("/x", page=P, method="post")'
    assert _call(listed) == {"http": "post", "path": "/x", "filled": []}
    fetched = 'def f(self):\n    return SyncCursorPage.fetch(self._client, "/x", item=X)'
    assert _call(fetched) == {"http": "get", "path": "/x", "filled": []}
    assert _call("def f(self):\n    return self.create()") is None


def test_annotation_kind_sees_typeddicts_through_aliases() -> None:
    class Part(TypedDict):
        text: str

    scope: dict[str, object] = {"Part": Part, "Parts": str | Iterable[Part]}
    scope["Mapping"] = Mapping
    assert introspect.annotation_kind("Parts | None", scope)["typeddict"] is True
    kind = introspect.annotation_kind("Mapping[str, object]", scope)
    assert kind["mapping"] is True and kind["typeddict"] is False
    assert introspect.annotation_kind("str", scope) == {
        "typeddict": False,
        "mapping": False,
        "file": False,
    }


def _method(resource: str, name: str, http: str, path: str, **extra: Any) -> dict[str, Any]:
    params = [
        {
            "name": n,
            "annotation": a,
            "typeddict": "TD" in a,
            "mapping": "Mapping" in a,
            "file": "FileTypes" in a,
        }
        for n, a in extra.pop("params", {}).items()
    ]
    return {
        "resource": resource,
        "name": name,
        "http": http,
        "path": path,
        "params": params,
        "returns": "X",
        "overload_returns": [],
        "raw_response": True,
        "filled": extra.pop("filled", []),
        **extra,
    }


def test_figures_count_matches_and_misses() -> None:
    theirs = {
        "methods": [
            _method(
                "files",
                "retrieve",
                "get",
                "/files/{file_id}",
                filled=["file_id"],
                params={"file_id": "str"},
            ),
            _method(
                "files",
                "create",
                "post",
                "/files",
                params={"file": "FileTypes", "opts": "TD", "n": "int"},
            ),
            _method(
                "chat",
                "create",
                "post",
                "/chat",
                params={"model": "str"},
                overload_returns=["Stream[Chunk]"],
            ),
            _method("chat", "parse", "post", "/chat", params={"other": "str"}),
        ],
        "classes": ["Files", "Chat"],
    }
    ours = {
        "methods": [
            _method("files", "retrieve_2", "get", "/files/{id}", params={"file_id": "str"}),
            _method(
                "files",
                "create",
                "post",
                "/files",
                params={"file": "str", "opts": "Mapping[str, object]", "n": "Mapping[str, object]"},
            ),
            _method("chat", "create", "post", "/chat", params={"body": "object"}),
        ],
        "classes": ["Files_2", "Chat"],
        "models": ["Error", "Error2"],
    }
    rows = {row.name: row for row in parity.figures(theirs, ours)}
    assert (rows["operations matched"].ours, rows["operations matched"].total) == (3, 3)
    assert rows["parameter-name recall"].misses == ["chat.create: model"]
    assert (rows["TypedDict params typed"].ours, rows["TypedDict params typed"].total) == (0, 1)
    assert rows["scalar params as mappings"].misses == ["files.create: n: Mapping[str, object]"]
    assert rows["streaming handled"].misses == ["POST /chat (chat.create)"]
    assert rows["uploads handled"].ours == 0 and rows["uploads handled"].total == 1
    assert rows["`body` on object bodies"].ours == 1
    assert rows["numbered resource classes"].misses == ["Files_2"]
    assert rows["numbered methods"].misses == ["files.retrieve_2"]
    assert rows["numbered models"].misses == ["Error2"]
    assert rows["unfilled placeholders"].misses == ["files.retrieve_2 /files/{id}: id"]
    assert rows["with_raw_response"].met is True
    assert "| operations matched | 3/3 (100.0 %) |" in parity.table(
        list(rows.values()), verbose=False
    )
