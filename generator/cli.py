"""The `docs2sdk` command line: argument parsing and exit codes only; work is in `api`.

Exit codes: 0 success (warnings allowed), 1 nothing usable or `--strict` with problems, or
the output could not be written, 2 usage errors (missing file, unreadable input), 70 a bug
in docs2sdk (one line on stderr; `DOCS2SDK_DEBUG=1` shows the traceback), 130 interrupted.
An interrupted or failed run leaves the previous output as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.hints import OperationHint
from typing import NoReturn

CACHE_FOLDER = ".docs2sdk-cache"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docs2sdk", description="API documentation pages to OpenAPI 3.1 and a typed SDK."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    scrape = commands.add_parser("scrape", help="pages or folders to one OpenAPI 3.1 YAML")
    scrape.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    scrape.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    scrape.add_argument("--title", help="API title (default: the folder name)")
    scrape.add_argument("--strict", action="store_true", help="exit 1 on any problem")
    scrape.add_argument(
        "--operation",
        metavar='"METHOD /path"',
        help="the operation of a page that shows none (one page; a folder: pages.toml)",
    )
    generate = commands.add_parser("generate", help="an SDK, models and docs from a spec")
    generate.add_argument("spec", type=Path, metavar="SPEC")
    generate.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    generate.add_argument("--package", help="import name (default: from the spec title)")
    _diff_parser(commands)
    _fetch_parser(commands)
    for name, text in (
        ("build", "every API in [tool.docs2sdk] to generated/"),
        ("check", "exit 1 when generated/ is not what build would write"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--root", type=Path, default=Path("."), help="project folder")
        command.add_argument(
            "--no-cache", action="store_true", help=f"ignore the {CACHE_FOLDER}/ folder"
        )
    return parser


EXIT_BUG = 70
EXIT_INTERRUPTED = 130


def entry() -> NoReturn:
    """The `docs2sdk` command: `main`, then exit without tearing the interpreter down.

    Once the output is written and flushed nothing is left to clean up (pools and staging
    folders are closed by then), and the teardown of the modules and objects of a run costs
    ~30 ms, a tenth of a small `scrape`.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the output did not all arrive
        code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; no exception escapes (the exit code and stderr say what went wrong)."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("docs2sdk: interrupted; output left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"docs2sdk: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("DOCS2SDK_DEBUG"):
            raise
        print(
            f"docs2sdk: internal error: {type(exc).__name__}: {str(exc)[:300]!r} - a bug in "
            "docs2sdk, not in your pages; DOCS2SDK_DEBUG=1 shows the traceback",
            file=sys.stderr,
        )
        return EXIT_BUG


def _run(args: argparse.Namespace) -> int:
    if args.command == "scrape":
        return _scrape(args)
    if args.command == "generate":
        return _generate(args)
    if args.command in ("build", "check"):
        return _build(args)
    if args.command == "diff":
        return _diff(args)
    if args.command == "fetch":
        from generator.fetch.command import run_fetch

        return run_fetch(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


def _scrape(args: argparse.Namespace) -> int:
    from generator.api import scrape
    from generator.openapi.yaml_write import dump_yaml
    from generator.output import write_file

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"docs2sdk: error: no such file or folder: {path}", file=sys.stderr)
        return 2
    try:
        operation = _operation(args)
    except ValueError as exc:
        print(f"docs2sdk: error: --operation: {exc}", file=sys.stderr)
        return 2
    result = scrape(args.paths, title=args.title, operation=operation)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.operation_count:
        print("docs2sdk: error: no operation found in the given pages", file=sys.stderr)
        return 1
    text = dump_yaml(result.document)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_file(args.output, text)
    return 1 if args.strict and result.problems else 0


def _operation(args: argparse.Namespace) -> OperationHint | None:
    """The `--operation` hint; ValueError when it is malformed or not for one page."""
    from generator.hints import parse_operation

    if args.operation is None:
        return None
    if len(args.paths) != 1 or args.paths[0].is_dir():
        raise ValueError("names the operation of one page; for a folder, use its pages.toml")
    return parse_operation(args.operation)


def _generate(args: argparse.Namespace) -> int:
    from generator.openapi.wellformed import wellformed_document
    from generator.openapi.yaml_io import SpecError, load_spec_file
    from generator.output import UnsafeTarget, write_tree
    from generator.problems import Problems
    from generator.render import generate
    from generator.render.names import identifier

    try:
        document = load_spec_file(args.spec)
    except OSError as exc:
        print(f"docs2sdk: error: cannot read {args.spec}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except SpecError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        print(f"{args.spec}:1: error: not an OpenAPI document (no paths)", file=sys.stderr)
        return 2
    dropped: list[str] = []
    document = wellformed_document(document, dropped)
    if dropped:
        print(
            f"{args.spec}:0: warning: {len(dropped)} malformed part(s) of the spec left out, "
            f"first {dropped[0]}",
            file=sys.stderr,
        )
    info = document.get("info")
    title = str((info.get("title") if isinstance(info, dict) else None) or args.spec.stem)
    problems = Problems()
    files = generate(
        document,
        package=identifier(args.package or title),
        problems=problems,
        source=str(args.spec),
    )
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
    try:
        write_tree(files, args.output)
    except UnsafeTarget as exc:
        print(f"docs2sdk: error: {exc}", file=sys.stderr)
        return 2
    print(f"docs2sdk: wrote {len(files)} files to {args.output}", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import project_cache, render_project
    from generator.config import ConfigError, load_project
    from generator.output import UnsafeTarget, stale_files, write_tree

    try:
        project = load_project(args.root)
    except ConfigError as exc:
        print(f"docs2sdk: error: {exc}", file=sys.stderr)
        return 2
    cache = None if args.no_cache else project_cache(project, readonly=args.command == "check")
    result = render_project(project, cache=cache)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.failed:
        print(
            f"docs2sdk: error: no operation found for {', '.join(result.failed)}; "
            "generated/ left unchanged",
            file=sys.stderr,
        )
        return 1
    if args.command == "check":
        return _report_stale(stale_files(result.files, project.output_dir), project.root)
    try:
        write_tree(result.files, project.output_dir)
    except UnsafeTarget as exc:
        print(f"docs2sdk: error: {exc}", file=sys.stderr)
        return 2
    if cache is not None:
        cache.prune()  # what this build did not use (see generator.cache)
    print(f"docs2sdk: built {len(project.apis)} APIs into {project.output_dir}", file=sys.stderr)
    return 0


def _diff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff",
        help="what changed between two API versions, and what of it breaks callers",
        description="OLD and NEW are OpenAPI/Swagger files or folders of doc pages. Exit 0, "
        "1 when --fail-on is met, 2 on bad input.",
    )
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.add_argument(
        "--fail-on", choices=("breaking", "any"), help="exit 1 on a breaking change, or on any"
    )
    diff.add_argument(
        "--paths",
        action="append",
        default=[],
        metavar="PREFIX",
        help="only operations under this path prefix (repeatable)",
    )


def _fetch_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fetch = commands.add_parser(
        "fetch",
        help="crawl a doc site into input/<NAME>/ (conditional re-fetch, linked specs)",
        description="Without URLs, every API under [tool.docs2sdk.fetch] is fetched. Exit 0, "
        "1 when --fail-on-change and anything changed (or nothing could be fetched), 2 on "
        "bad arguments. Credentials: --header, or DOCS2SDK_FETCH_AUTH (an Authorization "
        "value); sent to the prefix's host only.",
    )
    fetch.add_argument("urls", nargs="*", metavar="URL")
    fetch.add_argument("--api", metavar="NAME", help="the folder under input/ (with URLs)")
    fetch.add_argument("--prefix", metavar="URL", help="crawl only under this URL")
    fetch.add_argument("--max-pages", type=int, default=500, metavar="N")
    fetch.add_argument("--delay", type=float, default=0.0, metavar="S", help="between requests")
    fetch.add_argument("--timeout", type=float, default=20.0, metavar="S")
    fetch.add_argument("--fail-on-change", action="store_true", help="exit 1 on any change")
    fetch.add_argument(
        "--header", action="append", default=[], metavar="'NAME: VALUE'", help="repeatable"
    )
    fetch.add_argument(
        "--allow-host", action="append", default=[], metavar="HOST", help="redirects may go here"
    )
    fetch.add_argument("--root", type=Path, default=Path("."), help="project folder")


def _diff(args: argparse.Namespace) -> int:
    from generator.diff import DiffInputError, diff_documents, load_input, render

    try:
        old, new = load_input(args.old), load_input(args.new)
    except DiffInputError as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in [*old.problems, *new.problems]:
        print(problem, file=sys.stderr)
    report = diff_documents(
        old.document, new.document, old_label=old.label, new_label=new.label, paths=args.paths
    )
    sys.stdout.write(render(report, args.format))
    return 1 if report.fails(args.fail_on) else 0


def _report_stale(changes: list[str], root: Path) -> int:
    from generator.toolchain import LOCK, drift

    if not changes:
        print("docs2sdk: generated/ is up to date", file=sys.stderr)
        return 0
    print(
        f"docs2sdk: generated/ is stale ({len(changes)} files differ); run docs2sdk build",
        file=sys.stderr,
    )
    for line in changes[:50]:
        print(f"  {line}", file=sys.stderr)
    for line in drift(root / LOCK):
        print(
            f"docs2sdk: note: {line}: the generated code may differ because of it", file=sys.stderr
        )
    return 1


if __name__ == "__main__":  # pragma: no cover
    entry()
