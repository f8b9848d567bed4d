"""The `docs2sdk` command line: argument parsing and exit codes only; work is in `api`.

Exit codes: 0 success (warnings allowed), 1 nothing usable or `--strict` with problems,
2 usage errors (missing file, unreadable input).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

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
    generate = commands.add_parser("generate", help="an SDK, models and docs from a spec")
    generate.add_argument("spec", type=Path, metavar="SPEC")
    generate.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    generate.add_argument("--package", help="import name (default: from the spec title)")
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "scrape":
        return _scrape(args)
    if args.command == "generate":
        return _generate(args)
    if args.command in ("build", "check"):
        return _build(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


def _scrape(args: argparse.Namespace) -> int:
    from generator.api import scrape
    from generator.openapi.yaml_io import dump_yaml

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"docs2sdk: error: no such file or folder: {path}", file=sys.stderr)
        return 2
    result = scrape(args.paths, title=args.title)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.operation_count:
        print("docs2sdk: error: no operation found in the given pages", file=sys.stderr)
        return 1
    text = dump_yaml(result.document)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 1 if args.strict and result.problems else 0


def _generate(args: argparse.Namespace) -> int:
    from generator.build import write_tree
    from generator.openapi.yaml_io import SpecError, load_spec_file
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
    title = str((document.get("info") or {}).get("title") or args.spec.stem)
    files = generate(document, package=identifier(args.package or title))
    write_tree(files, args.output)
    print(f"docs2sdk: wrote {len(files)} files to {args.output}", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import project_cache, render_project, stale_files, write_tree
    from generator.config import ConfigError, load_project

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
        return _report_stale(stale_files(result.files, project.output_dir))
    write_tree(result.files, project.output_dir)
    print(f"docs2sdk: built {len(project.apis)} APIs into {project.output_dir}", file=sys.stderr)
    return 0


def _report_stale(changes: list[str]) -> int:
    if not changes:
        print("docs2sdk: generated/ is up to date", file=sys.stderr)
        return 0
    print(
        f"docs2sdk: generated/ is stale ({len(changes)} files differ); run docs2sdk build",
        file=sys.stderr,
    )
    for line in changes[:50]:
        print(f"  {line}", file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
