"""Malformed specs: any part of a small spec replaced by any JSON value still renders to
code that compiles, and what the model generator warns of is a problem of the spec."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from generator.problems import Problems
from generator.render import generate
from tests.fuzz import ANY_TEXT, examples
from tests.hostile.specs import tiny_spec

EXAMPLES = 25


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)


def _places(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if at:
        yield at
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node) if isinstance(node, list) else ()
    )
    for key, child in children:
        yield from _places(child, (*at, key))


@st.composite
def malformed_specs(draw: st.DrawFn) -> dict[str, Any]:
    """`tiny_spec` with one to four of its parts replaced by any JSON value."""
    spec = tiny_spec("name", "text")
    places = list(_places(spec))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.sampled_from(places))
        node = spec
        try:
            for key in at[:-1]:
                node = node[key]
            node[at[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return spec


def _with_empty_enum() -> dict[str, Any]:
    """A schema that admits no value (`enum: []`): datamodel-code-generator warns of it."""
    spec = tiny_spec("name", "text")
    spec["components"]["schemas"]["name"]["properties"]["name"]["enum"] = []
    return spec


@examples(EXAMPLES)
@example(spec=_with_empty_enum())
@given(spec=malformed_specs())
def test_malformed_specs_give_code_that_compiles(spec: dict[str, Any]) -> None:
    """Any part of a spec replaced by any JSON value: `generate` leaves out what has the wrong
    shape (`openapi.wellformed_document`) and renders the rest; what the model generator
    warns of is a problem of the spec (a warning escaping as a Python warning fails here)."""
    problems = Problems()
    for path, source in generate(spec, package="malformed_sdk", problems=problems).items():
        if path.suffix == ".py":
            compile(source, str(path), "exec")
    assert all(p.message.startswith("models: ") for p in problems.items)


def test_a_schema_that_admits_no_value_is_reported_at_its_place() -> None:
    """Both component schemas share the property with `enum: []`: one problem each, at the
    page a schema came from (`x-source`), else at the spec."""
    spec = _with_empty_enum()
    schemas = spec["components"]["schemas"]
    schemas["S"] = {**schemas["S"], "x-source": "input/api/page.txt:12-30"}
    problems = Problems()
    generate(spec, package="malformed_sdk", problems=problems, source="spec.yaml")
    found = sorted((p.file, p.line, p.level.value, p.message) for p in problems.items)
    assert [place[:3] for place in found] == [
        ("input/api/page.txt", 12, "warning"),
        ("spec.yaml", 0, "warning"),
    ]
    assert "#/components/schemas/S/properties/name" in found[0][3]
    assert "#/components/schemas/Name/properties/name" in found[1][3]
    assert all("enum is empty" in place[3] for place in found)
