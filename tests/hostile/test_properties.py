"""Property-based tests (hypothesis): scrapers on mutated and random pages, and the name and
escaping layer on any string.

Deterministic: `derandomize=True` and no example database, so CI runs the same examples
every time; example counts (`COUNTS`) keep this module near 15 s. `DOCS2SDK_FUZZ=N` explores.
- Scrapers: every family's `score` and `scrape` (called directly, not through the
  per-page safety net of `scrape_page`, so that a crash fails the test) on the test pages
  mutated line by line, and on pages made of structural and random lines; then the
  normalize and OpenAPI stages and the YAML writer on what the detected family found.
- Names: `identifier`, `method_name`, `class_name`, `package_name` and `client_member` give
  valid, non-reserved Python names for any text.
- Text: `pystr` round-trips exactly; `docstring` and `comment` round-trip modulo the
  documented normalization (`names.clean_text`: line breaks as `\\n`, control, format,
  surrogate and private-use characters dropped; docstrings strip outer whitespace and
  trailing spaces of lines; comments fold all whitespace).
- Whole SDKs: any string as a name or a description in a spec yields code that compiles,
  imports, and keeps the text (descriptions in docstrings, names as string constants).
"""

from __future__ import annotations

import ast
import builtins
import importlib
import io
import keyword
import sys
import tempfile
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import black
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.limits import no_surrogates
from generator.load import load_page
from generator.normalize import build_model
from generator.openapi.emit import to_document
from generator.openapi.yaml_io import dump_yaml
from generator.problems import Problems
from generator.render import generate
from generator.render.names import (
    CLIENT_ATTRIBUTES,
    RUNTIME_CLASSES,
    class_name,
    clean_text,
    client_member,
    comment,
    docstring,
    docstring_block,
    identifier,
    method_name,
    package_name,
    pystr,
)
from generator.render.pytypes import union_members
from generator.scrape import FAMILIES, detect, generic
from tests.fuzz import ANY_TEXT, examples
from tests.hostile.specs import tiny_spec
from tests.hostile.texts import NAMES, TEXTS

BLACK = black.Mode(line_length=100)
PAGES = sorted(
    p
    for p in (Path(__file__).resolve().parents[1] / "pages").rglob("*")
    if p.is_file() and not p.name.endswith(".expected.yaml")
)
SCRAPERS = (*FAMILIES, generic)
COUNTS = {
    "mutated_pages": 100,
    "random_pages": 150,
    "names": 1000,
    "unions": 300,
    "texts": 1000,
    "docstrings": 500,
    "sdk": 20,
}
"""Examples per property (reported in the closing note of issue 5)."""


# --- scrapers ----------------------------------------------------------------------------

hostile_line = st.sampled_from([*TEXTS.values(), *NAMES])
any_line = st.one_of(st.text(st.characters(exclude_categories=()), max_size=80), hostile_line)
mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("duplicate"), st.integers(0, 10_000)),
    st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), any_line),
    st.tuples(st.just("replace"), st.integers(0, 10_000), any_line),
    st.tuples(st.just("truncate"), st.integers(0, 10_000), st.integers(0, 200)),
)


def mutate(lines: list[str], steps: list[tuple[Any, ...]]) -> list[str]:
    lines = list(lines)
    for step in steps:
        if not lines:
            lines = [""]
        kind, at = step[0], step[1] % len(lines)
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = step[2] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            lines.insert(at, step[2])
        elif kind == "replace":
            lines[at] = step[2]
        else:  # truncate the page here, mid-line
            lines = [*lines[:at], lines[at][: step[2]]]
    return lines


def scrape_everything(name: str, data: bytes) -> None:
    """Every scraper on the page, then the later stages on the detected family's result."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        page = load_page(path, Problems())
    if page is None:
        return
    for family in SCRAPERS:
        family.score(page)
        family.scrape(page, Problems())
    problems = Problems()
    result = detect(page).scrape(page, problems)
    model = build_model([result], problems, title="fuzz")
    dump_yaml(to_document(model))
    for problem in problems.items:
        assert "\n" not in str(problem)


@examples(COUNTS["mutated_pages"])
@given(page=st.sampled_from(PAGES), steps=st.lists(mutation, min_size=1, max_size=8))
def test_mutated_pages_never_crash_a_scraper(page: Path, steps: list[tuple[Any, ...]]) -> None:
    lines = page.read_text(encoding="utf-8").split("\n")
    text = "\n".join(mutate(lines, steps))
    scrape_everything(page.name, text.encode("utf-8", errors="surrogatepass"))


STRUCTURE = [
    "# Create thing",
    "## Request body",
    "POST /things/{thing_id}",
    "GET https://api.example.test/v1/things",
    "`DELETE /things/{id}`",
    "| Name | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    "| `name` | string | Yes | The name. |",
    "  • name string Required",
    "- **name** (string, required)",
    "Body Params application/json",
    "Path Parameters",
    "Responses",
    "200 - application/json",
    "🟢200Success",
    "string",
    "required",
    "optional",
    "object",
    "array [object {4}]",
    "Available options:",
    "Example:",
    "```json",
    "```yaml",
    "```",
    "{",
    "}",
    '"a": [1, 2, {"b": null}],',
    "[",
    "]",
    "curl --request POST \\",
    "  --url https://api.example.test/v1/things \\",
    "  --header 'Authorization: Bearer <token>' \\",
    "  --data '{\"a\": 1}'",
    "openapi: 3.1.0",
    "paths:",
    "  /x:",
    "    get:",
    "<table><tr><td>name</td><td>string</td></tr></table>",
    "<script>window.__redoc_state = {",
    "Maximum length is 256.",
    "Values are asc or desc.",
    "Defaults to 20.",
]


@examples(COUNTS["random_pages"])
@given(
    lines=st.lists(st.one_of(st.sampled_from(STRUCTURE), any_line), min_size=5, max_size=80),
    suffix=st.sampled_from([".txt", ".md", ".html", ".json"]),
)
def test_random_pages_never_crash_a_scraper(lines: list[str], suffix: str) -> None:
    text = "\n".join(lines)
    if suffix == ".html":
        text = f"<!DOCTYPE html><html><body><pre>{text}</pre></body></html>"
    scrape_everything("page" + suffix, text.encode("utf-8", errors="surrogatepass"))


# --- names and text ----------------------------------------------------------------------


@examples(COUNTS["names"])
@given(text=ANY_TEXT)
def test_any_text_gives_valid_names(text: str) -> None:
    for make in (identifier, method_name, package_name):
        name = make(text)
        assert name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
        assert not keyword.issoftkeyword(name) and name not in ("l", "I", "O")
        assert make(text) == name, "deterministic"
    assert identifier(text) not in dir(builtins)
    assert package_name(text) not in sys.stdlib_module_names
    cls = class_name(text)
    assert cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls)
    assert cls[0].isupper() and cls not in RUNTIME_CLASSES and cls not in ("I", "O")
    taken: set[str] = set()
    first, second = client_member(text, taken), client_member(text, taken)
    assert first != second and not {first, second} & CLIENT_ATTRIBUTES


@examples(COUNTS["unions"])
@given(values=st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_union_members_never_split_a_literal(values: list[str]) -> None:
    """Annotations are split into union members by structure, not by `" | "` in the text."""
    members = [f"Literal[{pystr(v)}]" for v in values] + ["None"]
    assert union_members(" | ".join(members)) == members
    assert union_members(f"Literal[{', '.join(pystr(v) for v in values)}]") == [
        f"Literal[{', '.join(pystr(v) for v in values)}]"
    ]


def _evaluate(source: str) -> Any:
    return ast.literal_eval(source)


@examples(COUNTS["texts"])
@given(text=ANY_TEXT)
def test_string_literals_round_trip_exactly(text: str) -> None:
    literal = pystr(text)
    assert _evaluate(literal) == text
    assert "\n" not in literal and "\r" not in literal


def docstring_value(text: str) -> str:
    """What `docstring` keeps of `text`, as documented: `clean_text`, then PEP 257 trimming
    (outer blank lines and trailing spaces dropped, later lines dedented by their common
    margin, leading tabs counted as 4 spaces)."""
    lines = clean_text(text).strip().split("\n")
    rest = []
    for line in lines[1:]:
        body = line.lstrip()
        rest.append(line[: len(line) - len(body)].expandtabs(4) + body if body else line)
    margin = min((len(r) - len(r.lstrip()) for r in rest if r.strip()), default=0)
    return "\n".join([lines[0].strip(), *(r[margin:].rstrip() for r in rest)])


@examples(COUNTS["docstrings"])
@given(text=ANY_TEXT)
def test_docstrings_and_comments_round_trip_modulo_normalization(text: str) -> None:
    for module in (
        f'def f() -> None:\n    """{docstring(text, indent="    ")}\n    """\n',
        f"def f() -> None:\n    {docstring_block(text, indent='    ')}\n",
    ):
        found = ast.get_docstring(ast.parse(module).body[0], clean=False)  # type: ignore[arg-type]
        assert found is not None
        kept = "\n".join(line.removeprefix("    ") for line in found.split("\n")).rstrip(" \n")
        assert kept == docstring_value(text).rstrip(" \n")
    assert black.format_str(module, mode=BLACK) == module, "black-stable as the templates write it"
    line = f"x = 1  # {comment(text)}\n"
    tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
    comments = [t.string for t in tokens if t.type == tokenize.COMMENT]
    assert [c.rstrip() for c in comments] == [f"# {comment(text)}".rstrip()]
    assert comment(text) == " ".join(clean_text(text).split())


# --- whole SDKs ------------------------------------------------------------------------------


def constants(files: dict[Path, str]) -> Iterator[str]:
    for path, source in files.items():
        if path.suffix == ".py":
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    yield node.value


_counter = iter(range(10**9))


@examples(COUNTS["sdk"])
@given(name=st.text(st.characters(exclude_categories=()), max_size=30), text=ANY_TEXT)
def test_any_name_or_description_gives_importable_code_that_keeps_the_text(
    name: str, text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    package = f"fuzz_sdk_{next(_counter)}"
    files = generate(tiny_spec(name, text), package=package)
    folder = tmp_path_factory.mktemp("sdk")
    for path, source in files.items():
        if path.suffix == ".py":
            compile(source, str(path), "exec")
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module(package)
        importlib.import_module(package + ".types")
        assert module.Client is not None
    finally:
        sys.path.remove(str(folder))
        for loaded in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[loaded]
    kept = set(constants(files))
    wire = no_surrogates(name)  # what every input goes through first (`generator.limits`)
    normalized = docstring_value(no_surrogates(text))
    if normalized:
        assert any(
            normalized in value or " ".join(normalized.split()) in " ".join(value.split())
            for value in kept
        )
    if wire and clean_text(wire) == wire:
        assert wire in kept, "a wire name is kept as a string constant"
