"""URLs and path templates: server/path split, concrete ids to `{name_id}`, stray spaces.

https://api.openai.com/v1/threads/thread_abc123/runs/{run_id }
  -> server https://api.openai.com/v1, path /threads/{thread_id}/runs/{run_id}
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote

from generator import lazyre

_VERSION = lazyre.compile(r"^(?:v\d+(?:\.\d+)*(?:beta|alpha)?\d*|api|rest|openapi)$", re.I)
_CONCRETE_ID = lazyre.compile(
    r"^(?:[A-Za-z]{1,16}[_-](?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{3,}|\d+|"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)
_PLACEHOLDER = lazyre.compile(r"\{+\s*([^{}]*?)\s*\}+|:([A-Za-z_]\w*)|<([A-Za-z_][\w-]*)>")
_PATTERNED = lazyre.compile(r"\{\s*([A-Za-z_][\w.-]*)\s*[=|][^{}]*\}")
"""`{name=people/*}` (gRPC transcoding), `{id | login}` (alternatives): `{name}`."""
_URL = lazyre.compile(r"^(https?://[^/?#]*)([^?#]*)")
"""A URL's server part (its host as written: `{handle}.x.com`, `[your-domain]` ...) and path."""
_PLACEHOLDER_HOST = lazyre.compile(r"[^\x00-\x7f]|\[(?![0-9a-fA-F:.]+\])|\{\{|<")
"""A host that stands for the reader's own (words, `[brackets]`, `{{var}}`, `<host>`): an
OpenAPI server variable (`{name}`) is kept; an IPv6 literal (`[::1]`) is a host."""


def split_target(
    target: str, path_hint: str | None = None, *, declared: Collection[str] = ()
) -> tuple[str | None, str]:
    """(server, path) from a URL or path as a page writes it; `declared`: the names of the
    path parameters the page lists (see `template_path`)."""
    target = target.strip().strip("'\"")
    url = _URL.match(target)
    if url is None:
        return None, template_path(target, declared)
    base: str | None = url.group(1)
    if _PLACEHOLDER_HOST.search(url.group(1)[url.group(1).index("//") + 2 :]):
        base = None  # `http://域名地址/x`, `https://api.[your-domain.com]/x`: no server stated
    segments = [s for s in unquote(_PATTERNED.sub(r"{\1}", url.group(2))).split("/") if s]
    if base is None:
        keep = 0  # no server: the whole path is the operation's
    elif path_hint is not None:
        count = len([s for s in path_hint.split("/") if s])
        keep = max(len(segments) - count, 0)
    else:
        keep = 0
        while keep < len(segments) - 1 and _VERSION.match(segments[keep]):
            keep += 1
    server = base + "".join("/" + s for s in segments[:keep]) if base else None
    return server, template_path("/" + "/".join(segments[keep:]), declared)


def template_path(path: str, declared: Collection[str] = ()) -> str:
    """Placeholders as `{name}` (no spaces, no `:name`/`<name>`/`{name=pattern}`), concrete
    ids templated. A segment that is the name of a `declared` path parameter (some references write
    `/boxes/BoxName`), or holds `:name` of one (`/v:version`), is that parameter."""
    path = unquote(_PATTERNED.sub(r"{\1}", path.split("?", 1)[0].split("#", 1)[0])).strip()
    segments = [s.strip() for s in path.split("/") if s.strip()]
    bare = declared if not any(_PLACEHOLDER.fullmatch(s) for s in segments) else ()
    out: list[str] = []
    for index, segment in enumerate(segments):
        placeholder = _PLACEHOLDER.fullmatch(segment)
        if segment in bare:  # a path that writes its parameters as bare words (and only so)
            out.append("{" + segment + "}")
        elif ":" in segment and not placeholder and declared:
            out.append(_colon_params(segment, declared))
        elif placeholder:
            name = next(g for g in placeholder.groups() if g is not None)
            out.append("{" + re.sub(r"\s+", "", name) + "}")
        elif index > 0 and _CONCRETE_ID.match(segment) and not out[-1].startswith("{"):
            out.append("{" + singular(out[-1]) + "_id}")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def _colon_params(segment: str, declared: Collection[str]) -> str:
    """`v:version` -> `v{version}` when `version` is a declared path parameter."""
    return re.sub(
        r":([A-Za-z_]\w*)",
        lambda m: "{" + m.group(1) + "}" if m.group(1) in declared else m.group(0),
        segment,
    )


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
