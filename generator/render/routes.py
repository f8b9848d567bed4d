"""Where an operation sits in the SDK: its resource (`client.threads.runs`) and method name.

Rules, from the paths alone, for any spec (they reproduce openai-python's names where the
spec carries the information openai-python's were made from):

- a resource per run of literal segments: `/threads/{thread_id}/runs/{run_id}/steps` ->
  `threads.runs.steps`; a fixed query on the path (`/responses?beta=true`) is a variant of
  the same resources, under a namespace named after it (`beta.responses`);
- REST verbs: `list` (GET of a collection), `create` (POST to it), `retrieve`, `update`,
  `delete` (of an item); a collection whose GET returns one object, not a list (a
  singleton: `/organization/data_retention`), is read by `retrieve` and written by `update`;
- an action segment (`/runs/{run_id}/cancel`, `/certificates/activate` beside a collection
  that has operations of its own, `/files/{file_id}/content` read by GET) is a method of
  the resource before it, named after the segment;
- two operations that would get the same method name on one resource are told apart by
  their operationIds (`createThreadAndRun` beside `createRun`: `create_thread_and_run`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator import lazyre
from generator.render.names import PythonIdentifier, identifier, method_name, unique

PLACEHOLDER = lazyre.compile(r"\{([^{}]+)\}")
"""A `{name}` of a path template: the runtime's `format_path` fills the same ones."""
_LINKS = {"and", "or", "to", "for", "in", "of", "from", "with", "by", "on", "into"}
_LISTS = {"data", "items", "results", "objects", "entries", "records", "list"}
_PAGING = {"has_more", "next", "next_cursor", "next_page", "last_id", "total", "cursor"}


def placeholders(path: str) -> list[str]:
    """Every `{name}` of `path`, once each, in order (`/a/{x}.{y}?v={x}` -> x, y): each one
    is an argument of the method, declared as a parameter or not."""
    return list(dict.fromkeys(PLACEHOLDER.findall(path)))


def segments(path: str) -> list[str]:
    """The path's segments, without its query (`/responses/{id}?beta=true` -> responses, {id})."""
    return [s for s in path.partition("?")[0].split("/") if s]


def variant(path: str) -> tuple[str, ...]:
    """The namespace of a path with a fixed query: `?beta=true` -> (beta,); `?v=2` -> (v_2,)."""
    query = path.partition("?")[2]
    names = []
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name and "{" not in pair:
            flag = value.lower() in ("", "true", "1", "yes", "on")
            names.append(name if flag else f"{name}_{value}")
    return ("_".join(names),) if names else ()


@dataclass(frozen=True)
class Route:
    key: tuple[str, ...]
    """Literal segments naming the resource (with a variant's namespace first)."""
    action: str | None
    """The action segment naming the method, or None for a REST verb."""


def routes(paths: Mapping[str, Iterable[str]]) -> dict[str, Route]:
    """The route of every path, given the HTTP methods each path has."""
    has_ops = {_base(path) for path, methods in paths.items() if set(methods)}
    return {path: _route(path, set(methods), has_ops) for path, methods in paths.items()}


def _base(path: str) -> str:
    return "/" + "/".join(segments(path))


def _literal(segment: str) -> bool:
    return "{" not in segment


def _route(path: str, methods: set[str], has_ops: set[str]) -> Route:
    parts = segments(path)
    literals = [s for s in parts if _literal(s)]
    last = parts[-1] if parts else ""
    space = variant(path)
    if len(literals) > 1 and _literal(last) and _is_action(last, parts, methods, has_ops):
        return Route(space + tuple(literals[:-1]), last)
    return Route(space + (tuple(literals) or ("root",)), None)


def _is_action(last: str, parts: list[str], methods: set[str], has_ops: set[str]) -> bool:
    # imported here: generator.normalize imports the scrapers (~0.1 s), which `generate`
    # needs only once the models are being made in the workers
    from generator.normalize.naming import _is_action as verb_like  # noqa: PLC0415

    after_param = not _literal(parts[-2])
    if methods == {"get"} and last == "content" and after_param:
        return True
    beside_collection = "/" + "/".join(parts[:-1]) in has_ops
    return verb_like(last) and methods <= {"post"} and (after_param or beside_collection)


def verb(http: str, path: str, *, singleton: bool) -> str:
    """The REST verb of an operation; `singleton`: the path is one object, not a list."""
    parts = segments(path)
    if parts and not _literal(parts[-1]):
        return {"get": "retrieve", "delete": "delete"}.get(http, "update")
    if singleton:
        return {"get": "retrieve", "delete": "delete"}.get(http, "update")
    return {"get": "list", "post": "create", "delete": "delete"}.get(http, "update")


def item_verb(http: str, operation_id: str) -> str | None:
    """An action an operationId names for a write to an item (`cancelEvalRun` -> cancel),
    where the path alone says `update`; None when it says update (or nothing)."""
    words = identifier(operation_id, fallback="update").rstrip("_").split("_")
    if http != "post" or not operation_id or len(words) < 2:
        return None  # one word (`import`, `Updateorganizationspendlimit`): no verb apart
    first = words[0]
    if first in ("update", "modify", "patch", "edit", "set", "put", "post", "change", "save"):
        return None
    from generator.normalize.naming import _is_action as verb_like  # noqa: PLC0415

    return first if verb_like(first) and first not in ("get", "create") else None


def is_singleton(path: str, listing: bool | None, all_paths: Iterable[str]) -> bool:
    """Whether a collection path is one object: its GET returns something that is not a
    list (`listing` False) and no item path (`path/{id}`) is beneath it."""
    if listing is None or listing:
        return False
    base = _base(path)
    return not any(_base(p).startswith(base + "/{") for p in all_paths)


def is_listing(schema: Any, resolve: Callable[[Any], Any], depth: int = 0) -> bool:
    """Whether a response schema is a list: an array, or an object holding one (`data`,
    `items` ...) or paging fields (`has_more`, `next` ...); `allOf`/`anyOf`/`oneOf` when a
    member is. `resolve` follows a `$ref`."""
    schema = resolve(schema)
    if not isinstance(schema, dict) or depth > 10:
        return False
    if schema.get("type") == "array":
        return True
    members = [m for k in ("allOf", "anyOf", "oneOf") for m in schema.get(k) or []]
    if any(is_listing(m, resolve, depth + 1) for m in members):
        return True
    props = schema.get("properties")
    if not isinstance(props, dict):
        return False
    if set(props) & _PAGING:
        return True
    return any(
        str(name) in _LISTS and resolve(prop).get("type") == "array"
        for name, prop in props.items()
        if isinstance(resolve(prop), dict)
    )


def operation_name(operation_id: str, key: tuple[str, ...]) -> str:
    """A method name from an operationId, without the words naming the resource it sits on
    (`listVectorStoreFiles` on vector_stores.files -> list); the whole operationId when what
    is left would end in a link word (`createThreadAndRun` -> create_thread_and_run)."""
    words = identifier(operation_id, fallback="call").rstrip("_").split("_")
    nouns = _nouns(key)
    kept = [words[0], *(w for w in words[1:] if w not in nouns)]
    if kept[-1] in _LINKS:
        kept = words
    return method_name("_".join(kept))


def _nouns(key: tuple[str, ...]) -> set[str]:
    from generator.normalize.paths import singular  # noqa: PLC0415 - see _is_action

    words = {w for segment in key for w in identifier(segment).split("_")}
    return words | {singular(w) for w in words}


def distinct_names(
    names: list[PythonIdentifier], operation_ids: list[str], key: tuple[str, ...], taken: set[str]
) -> list[PythonIdentifier]:
    """`names` of the methods of one resource made distinct: where several share one, each
    takes the name its operationId gives (the one whose operationId gives the shared name
    keeps it; else the first does); `unique`'s numbers only when those clash too.
    `taken`: names the resource already uses (its sub-resources' attributes)."""
    out = list(names)
    for name in dict.fromkeys(names):
        clash = [i for i, n in enumerate(names) if n == name]
        if len(clash) < 2:
            continue
        derived = {
            i: operation_name(operation_ids[i], key) if operation_ids[i] else "" for i in clash
        }
        keeper = next((i for i in clash if derived[i] == name), clash[0])
        for i in clash:
            if i != keeper:
                alone = derived[i] and derived[i] != name and derived[i] not in out
                whole = method_name(operation_ids[i]) if operation_ids[i] else name
                out[i] = PythonIdentifier(derived[i] if alone else whole)
    seen = set(taken)
    return [PythonIdentifier(unique(name, seen)) for name in out]
