"""`docs2sdk fetch` arguments to `fetch_api` calls, and the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from generator.config import ConfigError, FetchSource, load_project
from generator.fetch.http import Politeness
from generator.fetch.run import FetchOptions, fetch_api, user_agent
from generator.fetch.state import StateError

AUTH_VARIABLE = "DOCS2SDK_FETCH_AUTH"
_API_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def run_fetch(args: argparse.Namespace) -> int:
    try:
        sources, input_dir = _sources(args)
        rules = _politeness(args)
    except (ConfigError, ValueError) as exc:
        print(f"docs2sdk: error: {exc}", file=sys.stderr)
        return 2
    changed = failed = False
    for source in sources:
        options = FetchOptions(
            api=source.api,
            urls=list(source.urls),
            folder=input_dir / source.api,
            politeness=replace(rules),
            prefix=source.prefix,
            max_pages=args.max_pages,
        )
        try:
            report = fetch_api(options)
        except StateError as exc:
            print(f"docs2sdk: error: {exc}", file=sys.stderr)
            return 2
        for line in report.problems:
            print(line, file=sys.stderr)
        sys.stdout.write(report.summary())
        changed = changed or report.any_change
        failed = failed or not (report.new or report.changed or report.unchanged or report.gone)
    if failed:
        print("docs2sdk: error: nothing with an operation was fetched", file=sys.stderr)
        return 1
    return 1 if args.fail_on_change and changed else 0


def _sources(args: argparse.Namespace) -> tuple[list[FetchSource], Path]:
    root: Path = args.root
    if args.urls:
        if not args.api or not set(args.api) <= _API_NAME_CHARS or args.api in (".", ".."):
            raise ValueError("fetch URL... needs --api NAME (a plain folder name)")
        try:
            input_dir = load_project(root).input_dir
        except ConfigError:
            input_dir = root / "input"
        return [FetchSource(args.api, tuple(args.urls), args.prefix)], input_dir
    project = load_project(root)
    sources = [s for s in project.fetch if args.api in (None, s.api)]
    if not sources:
        raise ValueError("no URL given and no [tool.docs2sdk.fetch.<api>] urls to fetch")
    if args.prefix:
        sources = [replace(s, prefix=args.prefix) for s in sources]
    return sources, project.input_dir


def _politeness(args: argparse.Namespace) -> Politeness:
    if args.max_pages < 1 or args.delay < 0 or args.timeout <= 0:
        raise ValueError("--max-pages must be >= 1, --delay >= 0 and --timeout > 0")
    headers: dict[str, str] = {}
    auth = os.environ.get(AUTH_VARIABLE)
    if auth:
        headers["Authorization"] = auth
    for item in args.header:
        name, colon, value = item.partition(":")
        if not colon or not name.strip() or any(c in item for c in "\r\n"):
            raise ValueError(f"--header {item!r} is not 'Name: value'")
        headers[name.strip()] = value.strip()
    return Politeness(
        user_agent=user_agent(),
        delay=args.delay,
        timeout=args.timeout,
        headers=headers,
        allowed_hosts=frozenset(h.lower() for h in args.allow_host),
    )
