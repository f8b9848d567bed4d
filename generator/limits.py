"""Bounds on untrusted input, in one place: what docs2sdk declines to read, and why; and
`no_surrogates`, the one normalization every decoded JSON or YAML value goes through.

Past these, a page or a spec is hostile or broken rather than documentation, and reading it
would take minutes or overflow the stack of the recursive stages (schema inference, YAML
output, model generation). What goes over a bound is reported as a problem and left out.
"""

from __future__ import annotations

from typing import Any

from generator import lazyre

MAX_PAGE_BYTES = 16 * 1024 * 1024
"""A page over 16 MB is skipped (scraping reads about 1 MB a second)."""
MAX_EXAMPLE_DEPTH = 64
"""A JSON example nested deeper than this is left out (its inferred schema doubles it)."""
MAX_SPEC_DEPTH = 160
"""Parts of a spec nested deeper than this are cut (and reported)."""
MAX_SPEC_NODES = 1_000_000
"""A spec with more values than this once YAML aliases are expanded (an alias bomb)."""


def too_deep(value: Any, limit: int) -> bool:
    """Whether JSON-like `value` nests dicts and lists more than `limit` levels (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
    return False


def prune_deep(value: Any, limit: int) -> tuple[Any, int]:
    """`value` with every dict or list deeper than `limit` levels replaced by an empty one,
    and how many were cut. Recursion stops at `limit`, so any input depth is safe."""
    cut = 0

    def walk(node: Any, depth: int) -> Any:
        nonlocal cut
        if not isinstance(node, dict | list):
            return node
        if depth >= limit:
            cut += 1
            return type(node)()
        if isinstance(node, dict):
            return {key: walk(child, depth + 1) for key, child in node.items()}
        return [walk(child, depth + 1) for child in node]

    return walk(value, 0), cut


def too_large(value: Any, limit: int = MAX_SPEC_NODES) -> bool:
    """Whether `value` has more than `limit` values when shared parts are counted each time
    they appear (as every later stage will walk them). Stops as soon as the limit is passed."""
    count = 0
    stack: list[Any] = [value]
    while stack:
        node = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


_SURROGATE = lazyre.compile("[\ud800-\udfff]")


def no_surrogates(value: Any) -> Any:
    """`value` with lone surrogates (JSON's `"\\ud800"`) in strings and keys replaced by
    U+FFFD: they cannot be written as UTF-8, so no YAML, Python or TOML output could hold
    them. Returns `value` itself when there is none (the usual case)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        items = [(no_surrogates(k), no_surrogates(v)) for k, v in value.items()]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(items, value.items(), strict=True)):
            return value
        return dict(items)
    if isinstance(value, list):
        children = [no_surrogates(v) for v in value]
        return value if all(c is v for c, v in zip(children, value, strict=True)) else children
    return value
