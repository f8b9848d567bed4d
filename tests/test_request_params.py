"""Request bodies as keyword arguments and nested parameters as TypedDicts.

The SDK of `request_spec.SPEC` is generated, its signatures read, and a caller's script
type-checked with `mypy --strict` (right calls pass, each wrong nested call fails).
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.request_spec import SPEC
from tests.sdk_package import imported, write_sdk


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sdk(SPEC, "bodies", tmp_path_factory.mktemp("bodies"))


@pytest.fixture(scope="module")
def sdk(built: Path) -> Iterator[ModuleType]:
    with imported(built, "bodies") as package:
        yield package


def _signature(method: Any) -> dict[str, str]:
    params = inspect.signature(method).parameters.values()
    skipped = {"self", "extra_headers", "extra_query", "extra_body", "timeout"}
    return {p.name: str(p.annotation) for p in params if p.name not in skipped}


def test_an_allof_body_through_ref_chains_is_named_keyword_arguments(sdk: ModuleType) -> None:
    chat = sdk.Client().chat.create
    assert _signature(chat) == {
        "model": "str",  # required in Base, reached through Middle's allOf
        "messages": "Iterable[MessageParam]",
        "temperature": "float | NotGiven | None",
        "response_format": "CreateChatResponseFormatParam | NotGiven",
        "tool": "CreateChatToolFunctionParam | str | NotGiven",
        "labels": "Mapping[str, int] | NotGiven",
    }


def test_a_oneof_body_takes_every_variants_fields_required_where_all_require_them(
    sdk: ModuleType,
) -> None:
    assert _signature(sdk.Client().pets.create) == {
        "name": "str",
        "meows": "bool | NotGiven",
        "barks": "bool | NotGiven",
    }


def test_arguments_keep_builtin_names_the_method_body_does_not_use(sdk: ModuleType) -> None:
    """`input` stays `input`, as openai-python names it; `type` would hide the builtin a
    streaming method's body names, so it is `type_`; `items` without a `type` is an array."""
    assert _signature(sdk.Client().search.create) == {
        "input": "str | NotGiven",
        "type_": "str | NotGiven",
        "modes": "Sequence[Literal['fast', 'deep']] | NotGiven",
    }


def test_only_a_body_that_is_not_an_object_stays_one_argument(sdk: ModuleType) -> None:
    assert "body" in _signature(sdk.Client().batch.create)
    assert "body" not in _signature(sdk.Client().chat.create)


def test_nested_objects_are_typeddicts_with_required_keys_literals_and_a_cycle(
    sdk: ModuleType,
) -> None:
    message = sdk.types.MessageParam
    hints = typing.get_type_hints(message, include_extras=True)
    required = {key for key, hint in hints.items() if typing.get_origin(hint) is typing.Required}
    assert required == {"role", "content"} and message.__total__ is False
    assert typing.get_args(hints["role"]) == (typing.Literal["user", "assistant"],)  # enum $ref
    assert hints["author"] is str  # a $ref to a string component: not a mapping
    assert typing.get_args(hints["replies"]) == (message,)  # the cycle, resolved lazily
    fmt = sdk.types.CreateChatResponseFormatParam
    assert typing.get_type_hints(fmt)["type"] == typing.Literal["text", "json"]
    assert not hasattr(sdk.types, "BaseParam")  # flattened into arguments, not a dict


CALLER = """\
from bodies import Client

client = Client()
client.chat.create(
    model="m",
    messages=[
        {"role": "user", "content": "hi", "replies": [{"role": "assistant", "content": "yo"}]}
    ],
    response_format={"type": "json"},
    tool={"type": "function", "name": "f"},
    labels={"a": 1},
)
client.pets.create(name="Rex", barks=True)
client.uploads.create(file=b"data", purpose="batch", extra=[("a.txt", b"a")])
"""

WRONG = {
    "a nested key that does not exist": 'messages=[{"role": "user", "content": "x", "colour": 1}]',
    "a nested value of the wrong type": 'messages=[{"role": "user", "content": 3}]',
    "a Literal value not in the enum": 'messages=[{"role": "robot", "content": "x"}]',
    "a missing required nested key": 'messages=[{"content": "x"}]',
    "a deeper nested wrong type": (
        'messages=[{"role": "user", "content": "x", "replies": [{"content": 1, "role": "user"}]}]'
    ),
}


def _mypy(built: Path, script: str) -> subprocess.CompletedProcess[str]:
    (built / "caller.py").write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "caller.py"],
        cwd=built,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_mypy_checks_a_callers_nested_arguments(built: Path) -> None:
    good = _mypy(built, CALLER)
    assert good.returncode == 0, good.stdout
    bad_calls = "".join(
        f'client.chat.create(model="m", {args})  # {what}\n' for what, args in WRONG.items()
    )
    bad = _mypy(built, "from bodies import Client\n\nclient = Client()\n" + bad_calls)
    lines = {int(line.split(":")[1]) for line in bad.stdout.splitlines() if ": error:" in line}
    assert lines == set(range(4, 4 + len(WRONG))), bad.stdout  # each wrong call, once
