"""URLs and path templates: server/path split, concrete ids to `{name_id}`, stray spaces.

https://api.openai.com/v1/threads/thread_abc123/runs/{run_id }
  -> server https://api.openai.com/v1, path /threads/{thread_id}/runs/{run_id}
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_VERSION = re.compile(r"^(?:v\d+(?:\.\d+)*(?:beta|alpha)?\d*|api|rest|openapi)$", re.I)
_CONCRETE_ID = re.compile(
    r"^(?:[A-Za-z]{1,16}[_-](?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{3,}|\d+|"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)
_PLACEHOLDER = re.compile(r"\{+\s*([^{}]*?)\s*\}+|:([A-Za-z_]\w*)|<([A-Za-z_][\w-]*)>")


def split_target(target: str, path_hint: str | None = None) -> tuple[str | None, str]:
    """(server, path) from a URL or path as a page writes it."""
    target = target.strip().strip("'\"")
    if not target.startswith(("http://", "https://")):
        return None, template_path(target)
    parts = urlsplit(target)
    base = f"{parts.scheme}://{parts.netloc}"
    segments = [s for s in unquote(parts.path).split("/") if s]
    if path_hint is not None:
        count = len([s for s in path_hint.split("/") if s])
        keep = max(len(segments) - count, 0)
    else:
        keep = 0
        while keep < len(segments) - 1 and _VERSION.match(segments[keep]):
            keep += 1
    server = base + "".join("/" + s for s in segments[:keep])
    return server, template_path("/" + "/".join(segments[keep:]))


def template_path(path: str) -> str:
    """Placeholders as `{name}` (no spaces, no `:name`/`<name>`), concrete ids templated."""
    path = unquote(path.split("?", 1)[0].split("#", 1)[0]).strip()
    segments = [s.strip() for s in path.split("/") if s.strip()]
    out: list[str] = []
    for index, segment in enumerate(segments):
        placeholder = _PLACEHOLDER.fullmatch(segment)
        if placeholder:
            name = next(g for g in placeholder.groups() if g is not None)
            out.append("{" + re.sub(r"\s+", "", name) + "}")
        elif index > 0 and _CONCRETE_ID.match(segment) and not out[-1].startswith("{"):
            out.append("{" + singular(out[-1]) + "_id}")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def singular(word: str) -> str:
    word = word.replace("-", "_")
    for suffix, replacement in (
        ("ies", "y"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("sses", "ss"),
        ("xes", "x"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def path_params(path: str) -> list[str]:
    return re.findall(r"\{([^}]+)\}", path)
