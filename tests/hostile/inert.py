"""Proof that doc text in generated code is inert data, from the code's tokens and AST.

`findings(source)` lists everything wrong with one generated module:
- a corpus marker (`texts.MARKER`) outside a plain string literal or a comment, or inside
  an f-string (where text would be evaluated);
- a payload word (`SystemExit`, `PWNED` ...) as a name, attribute, definition or argument;
- a call that runs at import time and is not one the templates themselves make
  (`IMPORT_TIME_CALLS`), or a dangerous call anywhere (`eval`, `exec`, `os.system` ...);
- an import of a module the templates do not use.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator

from tests.hostile.texts import MARKER

PAYLOAD_WORDS = {"SystemExit", "PWNED", "whoami", "secrets", "alert", "system"}
"""Words of the hostile texts that would only be code if a text escaped its string."""

IMPORT_TIME_CALLS = {
    "ConfigDict",
    "Field",
    "NotGiven",
    "ParamSpec",
    "TypeVar",
    "dataclass",
    "field",
    "frozenset",
    "httpx.Timeout",
    "logging.getLogger",
    "re.compile",
    "type",
}
"""Calls the templates and datamodel-code-generator make while a module is imported (plus
`<Model>.model_rebuild()` for models defined in the same module)."""

DANGEROUS_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "breakpoint",
    "input",
    "open",
    "globals",
    "locals",
    "vars",
    "setattr",
    "delattr",
    "exit",
    "quit",
}
DANGEROUS_ATTRIBUTES = {
    "system",
    "popen",
    "spawnv",
    "execv",
    "execve",
    "fork",
    "remove",
    "rmtree",
    "eval",
    "exec",
    "__import__",
    "import_module",
}

ALLOWED_IMPORTS = {
    "__future__",
    "anyio",
    "asyncio",
    "builtins",
    "codecs",
    "collections.abc",
    "dataclasses",
    "datetime",
    "email.utils",
    "enum",
    "functools",
    "httpx",
    "io",
    "json",
    "logging",
    "os",
    "pathlib",  # `_files`: an upload given as a path is read (the caller's path, not doc text)
    "pydantic",
    "pydantic_core",
    "random",
    "re",
    "time",
    "types",
    "typing",
    "urllib.parse",
}
"""Modules generated code may import, besides its own package (relative or absolute)."""


def findings(source: str, *, package: str) -> list[str]:
    tree = ast.parse(source)
    return [
        *_marker_outside_strings(source),
        *_payload_identifiers(tree),
        *_import_time_calls(tree),
        *_dangerous_calls(tree),
        *_imports(tree, package),
    ]


def _marker_outside_strings(source: str) -> Iterator[str]:
    inert: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            inert.append((token.start, token.end))
        elif token.type == tokenize.STRING:
            prefix = token.string[: len(token.string) - len(token.string.lstrip("rRbBuUfF"))]
            if "f" in prefix.lower() and MARKER in token.string:
                yield f"line {token.start[0]}: doc text inside an f-string"
            inert.append((token.start, token.end))
    for number, line in enumerate(source.split("\n"), start=1):  # tokenize's line breaks
        column = line.find(MARKER)
        while column >= 0:
            if not any(start <= (number, column) < end for start, end in inert):
                yield f"line {number}: doc text outside a string or comment: {line.strip()!r}"
            column = line.find(MARKER, column + 1)


def _identifiers(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Name):
            yield line, node.id
        elif isinstance(node, ast.Attribute):
            yield line, node.attr
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield line, node.name
        elif isinstance(node, ast.arg) or (isinstance(node, ast.keyword) and node.arg is not None):
            yield line, node.arg
        elif isinstance(node, ast.alias):
            yield line, node.asname or node.name


def _payload_identifiers(tree: ast.AST) -> Iterator[str]:
    for line, name in _identifiers(tree):
        if MARKER in name or name in PAYLOAD_WORDS - {"system", "secrets"}:
            yield f"line {line}: doc text as code: {name}"


def _callee(node: ast.Call) -> str:
    try:
        return ast.unparse(node.func)
    except ValueError:  # pragma: no cover - unparse handles every expression
        return "?"


def _import_time_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """Every node evaluated when the module is imported (function bodies are not)."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node  # its decorators run now, its body later
            stack.extend(node.decorator_list)
            stack.extend(d for d in node.args.defaults)
            stack.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.Lambda):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _import_aliases(tree: ast.Module) -> dict[str, str]:
    """`Field_aliased` -> `Field` for `from pydantic import Field as Field_aliased`."""
    aliases: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            aliases.update({a.asname: a.name for a in node.names if a.asname})
    return aliases


DECORATORS = {"cached_property", "classmethod", "dataclass", "final", "property", "staticmethod"}
"""Bare decorators the templates use (a decorator is a call made at import time)."""


def _import_time_calls(tree: ast.Module) -> Iterator[str]:
    models = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    aliases = _import_aliases(tree)
    for node in _import_time_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:
                name = ast.unparse(decorator)
                if not isinstance(decorator, ast.Call) and name not in DECORATORS:
                    yield f"line {node.lineno}: decorator at import time: @{name}"
        if not isinstance(node, ast.Call):
            continue
        head, dot, rest = _callee(node).partition(".")
        callee = aliases.get(head, head) + dot + rest
        owner, _, method = callee.rpartition(".")
        if callee in IMPORT_TIME_CALLS or (method == "model_rebuild" and owner in models):
            continue
        yield f"line {node.lineno}: call at import time: {callee}(...)"


FILE_WRITERS = {"write_to_file"}
"""Runtime methods that open a file: the path the caller passes, to save a download."""


def _dangerous_calls(tree: ast.AST) -> Iterator[str]:
    writers = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in FILE_WRITERS
    ]
    allowed = {id(call) for writer in writers for call in ast.walk(writer)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open" and id(node) in allowed:
            continue
        if isinstance(func, ast.Name) and func.id in DANGEROUS_CALLS:
            yield f"line {node.lineno}: dangerous call {func.id}(...)"
        elif isinstance(func, ast.Attribute) and func.attr in DANGEROUS_ATTRIBUTES:
            yield f"line {node.lineno}: dangerous call .{func.attr}(...)"


def _imports(tree: ast.AST, package: str) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                continue
            modules = [node.module or ""]
        else:
            continue
        for module in modules:
            if module not in ALLOWED_IMPORTS and module.split(".")[0] != package:
                yield f"line {node.lineno}: unexpected import {module}"
