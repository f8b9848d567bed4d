"""Dump the public surface of an installed SDK as JSON (a child of `openai_parity.py`).

    python sdk_introspect.py PACKAGE CLIENT_CLASS [--models]

Runs inside the benchmark's own venv, with nothing but the standard library and the SDK
itself: walks the resource tree from a client instance (attributes that are properties or
cached properties returning a `PACKAGE.resources...` object), and for every public method
of every sync resource class reads its source with `ast`: the HTTP method and path it calls
(`self._post("/x")`, `path_template("/x/{id}", id=id)`, `f"/x/{id}"`,
`self._client.request("post", "/x", path_params={...})`, `Page.fetch(client, "/x")`),
its parameters with their annotation text and what the annotation resolves to (a TypedDict,
a mapping), and the return annotations of the implementation and its `@overload`s.
"""

from __future__ import annotations

import ast
import builtins
import collections.abc
import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
import typing
from types import ModuleType

VERBS = {"_get": "get", "_post": "post", "_put": "put", "_patch": "patch", "_delete": "delete"}
LIST_CALLS = {"_get_api_list", "fetch", "get_api_list"}
HTTP = {"get", "post", "put", "patch", "delete", "head", "options"}
SKIP_ATTRS = {"with_raw_response", "with_streaming_response", "with_options"}
MAPPINGS = (dict, collections.abc.Mapping, collections.abc.MutableMapping, object)
FILES = (typing.IO, typing.BinaryIO, os.PathLike)


def is_typeddict(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, dict) and hasattr(obj, "__required_keys__")


def classify(obj: object, seen: set[int], depth: int = 0) -> tuple[bool, bool, bool]:
    """(reaches a TypedDict, a bare mapping / dict / object, a file) through typing forms.

    A mapping inside a tuple (the headers of a `(name, content, type, headers)` file tuple)
    does not make the parameter a mapping.
    """
    if depth > 8 or id(obj) in seen:
        return False, False, False
    seen.add(id(obj))
    origin = typing.get_origin(obj)
    if is_typeddict(obj):
        return True, False, False
    if obj in FILES or origin in FILES:
        return False, False, True
    if obj in MAPPINGS or origin in (dict, collections.abc.Mapping):
        return False, True, False
    inner = list(typing.get_args(obj))
    if hasattr(obj, "__value__"):  # a `type X = ...` alias
        inner.append(obj.__value__)
    flags = [False, False, False]
    for arg in inner:
        flags = [old or new for old, new in zip(flags, classify(arg, seen, depth + 1), strict=True)]
    if origin is tuple:
        flags[1] = False
    return flags[0], flags[1], flags[2]


def resolve(expr: ast.expr, scope: dict[str, object]) -> object:
    if isinstance(expr, ast.Name):
        return scope.get(expr.id, getattr(builtins, expr.id, None))
    if isinstance(expr, ast.Attribute):
        base = resolve(expr.value, scope)
        return getattr(base, expr.attr, None) if base is not None else None
    return None


def annotation_kind(text: str, scope: dict[str, object]) -> dict[str, bool]:
    """Classify an annotation's source text in its module's namespace."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        tree = ast.parse("None", mode="eval")
    flags = [False, False, "FileTypes" in text]
    seen: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute)):
            found = classify(resolve(node, scope), seen)
            flags = [old or new for old, new in zip(flags, found, strict=True)]
    if re.search(r"\b(Mapping|Dict|dict)\[", text) and "FileTypes" not in text:
        flags[1] = True
    return {"typeddict": flags[0], "mapping": flags[1], "file": flags[2]}


def path_of(expr: ast.expr) -> tuple[str, list[str]] | None:
    """The path template of a path argument, and the placeholder names it fills."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value, []
    if isinstance(expr, ast.JoinedStr):
        text, names = "", list[str]()
        for part in expr.values:
            if isinstance(part, ast.FormattedValue):
                name = ast.unparse(part.value)
                text, names = text + "{" + name + "}", [*names, name]
            elif isinstance(part, ast.Constant):
                text += str(part.value)
        return text, names
    if isinstance(expr, ast.Call) and expr.args and isinstance(expr.args[0], ast.Constant):
        return str(expr.args[0].value), [k.arg for k in expr.keywords if k.arg]
    return None


def http_call(func: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, object] | None:
    """The first HTTP call of a method body: verb, path, the names that fill the path."""
    for node in ast.walk(func):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attr, args = node.func.attr, list(node.args)
        verb = VERBS.get(attr) or ("get" if attr in LIST_CALLS else None)
        if attr in ("request", "_request") and args:
            first = args[0]
            if isinstance(first, ast.Constant) and str(first.value).lower() in HTTP:
                verb, args = str(first.value).lower(), args[1:]
        if verb is None:
            continue
        found = next((p for p in map(path_of, args) if p and p[0].startswith("/")), None)
        if found is None:
            continue
        filled = list(found[1])
        for keyword in node.keywords:
            if keyword.arg == "method" and isinstance(keyword.value, ast.Constant):
                verb = str(keyword.value.value).lower()
            if keyword.arg == "path_params" and isinstance(keyword.value, ast.Dict):
                filled += [ast.literal_eval(k) for k in keyword.value.keys if k is not None]
        return {"http": verb, "path": found[0], "filled": filled}
    return None


def is_overload(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(ast.unparse(d).endswith("overload") for d in func.decorator_list)


def own_classes(cls: type, prefix: str) -> list[type]:
    """The classes of `cls`'s MRO defined in modules under `prefix`, base classes first."""
    return [base for base in reversed(cls.__mro__) if base.__module__.startswith(prefix)]


def method_defs(cls: type) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    """The `def`s of each method name in the class body (overloads first, as written)."""
    tree = ast.parse(inspect.getsource(sys.modules[cls.__module__]))
    found: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.setdefault(item.name, []).append(item)
    return found


def all_method_defs(
    cls: type, package: str
) -> dict[str, tuple[type, list[ast.FunctionDef | ast.AsyncFunctionDef]]]:
    """`method_defs` over the SDK's classes of the MRO: a subclass's `def`s replace its base's."""
    found = {}
    for base in own_classes(cls, package + "."):
        found.update({name: (base, defs) for name, defs in method_defs(base).items()})
    return found


def describe_method(
    defs: list[ast.FunctionDef | ast.AsyncFunctionDef], scope: dict[str, object]
) -> dict[str, object] | None:
    impl = next((d for d in reversed(defs) if not is_overload(d)), None)
    if impl is None or (call := http_call(impl)) is None:
        return None
    params = []
    arguments = impl.args
    for arg in [*arguments.posonlyargs, *arguments.args[1:], *arguments.kwonlyargs]:
        text = ast.unparse(arg.annotation) if arg.annotation else ""
        params.append({"name": arg.arg, "annotation": text, **annotation_kind(text, scope)})
    overloads = [ast.unparse(d.returns) for d in defs if is_overload(d) and d.returns]
    returns = ast.unparse(impl.returns) if impl.returns else ""
    return {**call, "params": params, "returns": returns, "overload_returns": overloads}


def resource_children(obj: object, package: str) -> dict[str, object]:
    children = {}
    for name, attr in inspect.getmembers(type(obj)):
        if name.startswith("_") or name in SKIP_ATTRS:
            continue
        if not isinstance(attr, (property, functools.cached_property)):
            continue
        try:
            value = getattr(obj, name)
        except Exception:  # a client property that needs settings we lack
            continue
        if own_classes(type(value), package + ".resources"):
            children[name] = value
    return children


def walk(client: object, package: str) -> tuple[list[dict[str, object]], list[str]]:
    methods: list[dict[str, object]] = []
    classes: list[str] = []
    todo = [(name, value) for name, value in resource_children(client, package).items()]
    while todo:
        dotted, obj = todo.pop(0)
        cls = type(obj)
        classes.append(cls.__name__)
        raw = hasattr(cls, "with_raw_response")
        for name, (base, defs) in sorted(all_method_defs(cls, package).items()):
            scope = vars(sys.modules[base.__module__])
            info = None if name.startswith("_") else describe_method(defs, scope)
            if info is not None:
                methods.append(
                    {
                        "resource": dotted,
                        "class": cls.__name__,
                        "name": name,
                        "raw_response": raw,
                        **info,
                    }
                )
        todo += [(f"{dotted}.{n}", v) for n, v in resource_children(obj, package).items()]
    return methods, classes


def model_names(package: str) -> list[str]:
    """Every class defined in `PACKAGE.types` (and its submodules)."""
    root = importlib.import_module(package + ".types")
    modules: list[ModuleType] = [root]
    for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
        modules.append(importlib.import_module(info.name))
    names = set()
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__:
                names.add(name)
    return sorted(names)


def make_client(package: str, class_name: str) -> object:
    cls = getattr(importlib.import_module(package), class_name)
    keys = [p for p in inspect.signature(cls).parameters if "api_key" in p]
    return cls(**{key: "sk-bench" for key in keys})


def main() -> None:
    package, class_name = sys.argv[1], sys.argv[2]
    methods, classes = walk(make_client(package, class_name), package)
    models = model_names(package) if "--models" in sys.argv else []
    json.dump({"methods": methods, "classes": classes, "models": models}, sys.stdout)


if __name__ == "__main__":
    main()
