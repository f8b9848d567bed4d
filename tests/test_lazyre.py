"""`lazyre.compile` against `re.compile`, on written cases and on every module pattern."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import generator
from generator import lazyre
from generator.lazyre import LazyPattern

_REPO = Path(__file__).resolve().parents[1]

_CASES = [
    (r"^(?P<name>\w+)\s*:\s*(?P<type>[a-z]+)$", 0),
    (r"必[填需]|(?i:required)", 0),
    (r"[A-Z\u4e00-\u9fff]+", re.IGNORECASE),
    (r"^\s*[-*] `", re.MULTILINE),
    (r"[\w.]+", re.ASCII),
]
_TEXTS = ["email: string", "必填 REQUIRED", "K\u212a ok 参数", "a\n - `x`\n* `y`", "é.b_c d"]


def _modules() -> list[object]:
    names = [m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")]
    return [importlib.import_module(name) for name in names if not name.endswith("__main__")]


def _held(value: object, depth: int = 3) -> list[LazyPattern]:
    """The stand-ins `value` is or holds (in tuples, lists and dicts, as the readers keep them)."""
    if isinstance(value, LazyPattern):
        return [value]
    if depth == 0 or isinstance(value, str):
        return []
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, tuple | list | frozenset | set):
        return [found for item in value for found in _held(item, depth - 1)]
    return []


MODULE_PATTERNS = [
    (module.__name__, name, lazy)  # type: ignore[attr-defined]
    for module in _modules()
    for name, value in vars(module).items()
    for lazy in _held(value)
]


@pytest.mark.parametrize(("source", "flags"), _CASES)
def test_answers_as_the_compiled_pattern(source: str, flags: int) -> None:
    lazy, compiled = lazyre.compile(source, flags), re.compile(source, flags)
    assert (lazy.pattern, lazy.flags) == (compiled.pattern, compiled.flags)
    for text in _TEXTS:
        assert repr(lazy.match(text)) == repr(compiled.match(text))
        assert repr(lazy.search(text)) == repr(compiled.search(text))
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.sub("<\\g<0>>", text) == compiled.sub("<\\g<0>>", text)
        assert lazy.split(text) == compiled.split(text)
        assert [m.span() for m in lazy.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
    assert (lazy.groups, lazy.groupindex) == (compiled.groups, compiled.groupindex)


def test_compiles_at_first_use_only() -> None:
    lazy = lazyre.compile(r"^a+$")
    assert "match" not in vars(lazy) and lazy.pattern == "^a+$"
    assert lazy.match("aa") is not None
    assert vars(lazy)["match"].__self__.pattern == "^a+$"  # the compiled pattern's own method


def test_a_bad_pattern_fails_at_first_use() -> None:
    lazy = lazyre.compile(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_is_pattern() -> None:
    assert lazyre.is_pattern(lazyre.compile("a")) and lazyre.is_pattern(re.compile("a"))
    assert not lazyre.is_pattern("a")


def test_module_patterns_are_lazy_and_valid() -> None:
    """Every module-level pattern is one (328 when written); each compiles as `re` would
    have at import (a syntax error no longer shows at import, so it must show here)."""
    assert len(MODULE_PATTERNS) >= 300
    for module, name, lazy in MODULE_PATTERNS:
        compiled = re.compile(lazy.pattern, lazy._flags)
        assert lazy.flags == compiled.flags, (module, name)


def test_importing_compiles_few_patterns() -> None:
    """The point of the stand-ins: importing every module of the package compiles only the
    few patterns used at import."""
    probe = (
        "from tests.test_lazyre import MODULE_PATTERNS as found\n"
        "print(sum('match' in vars(v) for _, _, v in found), len(found))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=_REPO
    )
    compiled, total = map(int, done.stdout.split())
    assert total >= 250 and compiled <= 5, (compiled, total)
