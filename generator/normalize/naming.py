"""Names: operationIds from method and path, schema names from what an object is.

GET /assistants                      listAssistants
POST /assistants                     createAssistant
GET /assistants/{assistant_id}       getAssistant
POST /threads/{thread_id}/runs/{run_id}/cancel   cancelRun
object: "thread.message"             ThreadMessage
"""

from __future__ import annotations

import re

from generator.normalize.paths import singular

_ITEM_VERBS = {
    "GET": "get",
    "POST": "modify",
    "PUT": "update",
    "PATCH": "update",
    "DELETE": "delete",
}
_COLLECTION_VERBS = {
    "GET": "list",
    "POST": "create",
    "PUT": "replace",
    "PATCH": "update",
    "DELETE": "delete",
}


def pascal(text: str) -> str:
    words = re.split(r"[^0-9A-Za-z]+|(?<=[a-z0-9])(?=[A-Z])", text)
    name = "".join(w[:1].upper() + w[1:] for w in words if w)
    return name if name[:1].isalpha() else "N" + name


def camel(text: str) -> str:
    name = pascal(text)
    return name[:1].lower() + name[1:]


def operation_id(method: str, path: str) -> str:
    segments = [s for s in path.split("/") if s]
    literal = [s for s in segments if not s.startswith("{")]
    if not literal:
        return camel(f"{method.lower()} root")
    last = segments[-1]
    method = method.upper()
    if last.startswith("{"):
        return camel(f"{_ITEM_VERBS.get(method, method.lower())} {singular(literal[-1])}")
    before = segments[-2] if len(segments) > 1 else None
    if before is not None and before.startswith("{") and method == "POST" and _is_action(last):
        owner = singular(literal[-2]) if len(literal) > 1 else ""
        return camel(f"{last} {owner}")
    if before is not None and not before.startswith("{"):
        return camel(f"{_COLLECTION_VERBS.get(method, method.lower())} {singular(before)} {last}")
    noun = last if method in ("GET",) else singular(last)
    return camel(f"{_COLLECTION_VERBS.get(method, method.lower())} {noun}")


def _is_action(segment: str) -> bool:
    """`cancel`, `submit_tool_outputs`, `search`: verbs, not collections (plural nouns)."""
    return not segment.endswith("s") or segment.startswith("submit")


def object_type_name(value: str) -> str:
    """`assistant` -> Assistant, `thread.message` -> ThreadMessage, `list` -> no name."""
    return pascal(value.replace(".", " "))
