"""The scraper on pages made by real documentation tools from the official specs.

For a sample of operations spread over the specs in ``shared/reference/`` (OpenAI latest,
Assistants v1, Portkey), each operation is cut out of its spec with every schema it refers to
(a one-operation spec), rendered by each installed doc tool, and the tool's output is cut at
the end of the operation (the schema appendix the tools add after the operations is dropped:
a page holds one operation). Each page is scraped alone and scored against its one-operation
spec (``tests/accuracy/scoring.py``, every fact counts), so recall is against the spec, and a
tool that does not show a fact (an enum, a nested field) lowers recall, never precision.

Tools (``npm install`` them into ``--tools``, default ``/tmp/realtools/tools``)::

    npm install @redocly/cli redoc-cli widdershins openapi-to-md openapi-markdown

- ``redoc``: ``redocly build-docs`` (Redoc, server-side rendered HTML, which carries the spec);
- ``redoc2-dom``: ``redoc-cli build`` (Redoc 2, which renders every operation server-side;
  Redoc 3 renders them in the browser), without its scripts, so without the spec: the scraper
  reads only what the page shows;
- ``widdershins``: Slate/Shins Markdown with ``--expandBody``, cut before ``# Schemas``;
- ``openapi-to-md``: Markdown with TypeScript-like bodies, cut before ``## References``;
- ``openapi-markdown``: Markdown tables, cut before ``### Models``.

Pages go to ``--out`` (default ``/tmp/realtools/pages``; they derive from third-party specs,
keep them out of the repository) and are rendered again only when missing.

    python benchmarks/tool_pages.py [-v] [--tool NAME] [--ops N]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

REPO: Final = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.accuracy import shared_dir  # noqa: E402
from tests.accuracy.scoring import Score, combine, load_spec, score  # noqa: E402

SPECS: Final = (
    ("oai", "openai-openapi.latest.yaml", 18),
    ("v1", "openai-openapi.assistants-v1.yaml", 10),
    ("pk", "portkey-openapi.latest.yaml", 12),
)
METHODS: Final = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Tool:
    name: str
    suffix: str
    command: Callable[[Path, Path, Path], list[str]]  # bin folder, spec, output
    cut: str | None  # a regex: the page ends where it first matches a line
    strip: str | None = None  # a regex: what is taken out of the page (the embedded spec)


def _redoc(bin_: Path, spec: Path, out: Path) -> list[str]:
    return [str(bin_ / "redocly"), "build-docs", str(spec), "-o", str(out)]


def _redoc2(bin_: Path, spec: Path, out: Path) -> list[str]:
    return [str(bin_ / "redoc-cli"), "build", str(spec), "-o", str(out)]


def _widdershins(bin_: Path, spec: Path, out: Path) -> list[str]:
    return [str(bin_ / "widdershins"), "--expandBody", "--omitHeader", str(spec), "-o", str(out)]


def _openapi_to_md(bin_: Path, spec: Path, out: Path) -> list[str]:
    return [str(bin_ / "openapi-to-md"), str(spec), str(out)]


def _openapi_markdown(bin_: Path, spec: Path, out: Path) -> list[str]:
    return [str(bin_ / "openapi-markdown"), "-i", str(spec), "-o", str(out)]


TOOLS: Final = (
    Tool("redoc", ".html", _redoc, None),
    Tool("redoc2-dom", ".html", _redoc2, None, r"(?s)<script\b.*?</script>"),
    Tool("widdershins", ".md", _widdershins, r'^(# Schemas|<h1 id="[^"]*schemas">)'),
    Tool("openapi-to-md", ".md", _openapi_to_md, r"^## References"),
    Tool("openapi-markdown", ".md", _openapi_markdown, r"^### Models"),
)


# --------------------------------------------------------------------------- slicing


def _refs(node: Any, out: set[str]) -> None:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            out.add(ref)
        for value in node.values():
            _refs(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs(value, out)


def _target(doc: Mapping[str, Any], ref: str) -> Any:
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def slice_operation(doc: Mapping[str, Any], path: str, method: str) -> dict[str, Any]:
    """A spec holding one operation and every component it reaches."""
    item = doc["paths"][path]
    op = {k: v for k, v in item[method].items() if not str(k).startswith("x-")}
    sub: dict[str, Any] = {method: op}
    if "parameters" in item:
        sub["parameters"] = item["parameters"]
    seen: set[str] = set()
    todo: set[str] = set()
    _refs(sub, todo)
    while todo:
        ref = todo.pop()
        if ref not in seen:
            seen.add(ref)
            _refs(_target(doc, ref), todo)
    components: dict[str, dict[str, Any]] = {}
    for ref in sorted(seen):
        parts = ref[2:].split("/")
        if parts[0] == "components" and len(parts) >= 3:
            key = "#/" + "/".join(parts[:3])
            components.setdefault(parts[1], {})[parts[2]] = _target(doc, key)
    schemes = (doc.get("components") or {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = dict(schemes)
    out: dict[str, Any] = {"openapi": doc.get("openapi"), "info": doc.get("info")}
    out.update({k: doc[k] for k in ("servers", "security") if k in doc})
    out["paths"] = {path: sub}
    if components:
        out["components"] = components
    return out


def sample(doc: Mapping[str, Any], count: int) -> list[tuple[str, str]]:
    """``count`` operations spread evenly over the spec, in document order."""
    every = [
        (path, method)
        for path, item in (doc.get("paths") or {}).items()
        for method in METHODS
        if isinstance(item, Mapping) and method in item
    ]
    step = max(1, len(every) // count)
    return every[::step][:count]


def _stem(prefix: str, path: str, method: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_")
    return f"{prefix}_{method}_{words}"[:90]


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class Case:
    stem: str
    spec: Path  # the one-operation spec: the gold
    operation: str


def write_specs(shared: Path, folder: Path, limit: int | None) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    found: list[Case] = []
    for prefix, name, count in SPECS:
        doc = load_spec(shared / "reference" / name)
        for path, method in sample(doc, limit or count):
            stem = _stem(prefix, path, method)
            target = folder / f"{stem}.json"
            if not target.is_file():
                sliced = slice_operation(doc, path, method)
                target.write_text(json.dumps(sliced, default=str, indent=1), encoding="utf-8")
            found.append(Case(stem, target, f"{method.upper()} {path}"))
    return found


def render(tool: Tool, case: Case, bin_: Path, out: Path) -> Path | None:
    """The tool's page for one case, cut at the end of its operation; None when it fails."""
    page = out / tool.name / (case.stem + tool.suffix)
    if page.is_file():
        return page
    page.parent.mkdir(parents=True, exist_ok=True)
    raw = page.with_suffix(".raw" + tool.suffix)
    try:
        subprocess.run(
            tool.command(bin_, case.spec, raw), capture_output=True, timeout=300, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    text = raw.read_text(encoding="utf-8")
    if tool.cut is not None:
        match = re.search(tool.cut, text, re.M)
        text = text[: match.start()] if match else text
    if tool.strip is not None:
        text = re.sub(tool.strip, "", text)
    page.write_text(text, encoding="utf-8")
    raw.unlink()
    return page


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Result:
    case: Case
    score: Score
    found: bool
    error: str | None = None


def scrape_one(page: Path, case: Case) -> Result:
    from generator.api import scrape  # noqa: PLC0415

    try:
        document = scrape([page], base=page.parent).document
    except Exception as exc:  # an internal error is a finding: reported
        return Result(case, Score(), False, f"{type(exc).__name__}: {exc}")
    result = score(document, case.spec)
    found = not any(fact.kind == "operation" for fact in result.missing)
    return Result(case, result, found)


def _figures(result: Score) -> str:
    return f"{result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f}"


def run_tool(tool: Tool, cases: Sequence[Case], bin_: Path, out: Path) -> Iterator[Result]:
    for case in cases:
        page = render(tool, case, bin_, out)
        if page is not None:
            yield scrape_one(page, case)


def report(tool: str, results: Sequence[Result], verbose: bool) -> None:
    for result in results:
        if verbose or not result.found or result.error:
            mark = "yes" if result.found else "NO"
            print(f"  {result.case.stem[:60]:<60} {mark:>4} {_figures(result.score)}")
            if result.error:
                print(f"    internal error: {result.error}")
        if verbose:
            for fact in result.score.extra:
                print(f"    extra: {fact}")
            for fact in result.score.missing[:40]:
                print(f"    missing: {fact}")
    total = combine(r.score for r in results)
    found = sum(r.found for r in results)
    errors = sum(r.error is not None for r in results)
    print(
        f"{tool:<18} {len(results):>5} {found:>5} {errors:>6} {_figures(total)}",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every page's misses")
    parser.add_argument("--tool", choices=[t.name for t in TOOLS], action="append")
    parser.add_argument("--ops", type=int, help="operations per spec (default: 18/10/12)")
    parser.add_argument("--tools", type=Path, default=Path("/tmp/realtools/tools"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/realtools/pages"))
    args = parser.parse_args(argv)
    shared = shared_dir()
    if not (shared / "reference").is_dir():
        print(f"tool_pages: no specs under {shared}/reference", file=sys.stderr)
        return 2
    cases = write_specs(shared, args.out / "specs", args.ops)
    bin_ = args.tools / "node_modules" / ".bin"
    everything: list[Result] = []
    print(f"{'tool':<18} {'pages':>5} {'found':>5} {'errors':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for tool in TOOLS:
        if args.tool and tool.name not in args.tool:
            continue
        if not Path(tool.command(bin_, Path(), Path())[0]).exists():
            print(f"{tool.name:<18} not installed under {args.tools}")
            continue
        results = list(run_tool(tool, cases, bin_, args.out))
        everything.extend(results)
        report(tool.name, results, args.verbose)
    print(
        f"{'overall':<18} {len(everything):>5} {sum(r.found for r in everything):>5} "
        f"{sum(r.error is not None for r in everything):>6} "
        f"{_figures(combine(r.score for r in everything))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
