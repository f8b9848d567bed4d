"""The view model the templates render: an SDK as resources, methods and parameters.

Built from a prepared OpenAPI document (`spec.prepare`). Resources follow the path's literal
segments (`/threads/{thread_id}/messages` -> `client.threads.messages`); method names follow
REST verbs (`list`, `create`, `retrieve`, `update`, `delete`) or the action segment
(`/runs/{run_id}/cancel` -> `cancel`). Path parameters are positional, the rest keyword-only.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.render.names import (
    ClassName,
    PythonIdentifier,
    class_name,
    client_member,
    identifier,
    unique,
)
from generator.render.param_types import TypedDictView
from generator.render.pytypes import union_members

Where = Literal["path", "query", "header", "body"]


@dataclass
class Param:
    name: PythonIdentifier
    wire: str
    location: Where
    annotation: str
    required: bool
    description: str = ""
    upload: bool = False
    """A file of a form body (`FileTypes`): sent as a multipart file part."""

    @property
    def keyword_annotation(self) -> str:
        """The annotation with `NotGiven` for optional arguments (`None` kept last)."""
        if self.required:
            return self.annotation
        parts = union_members(self.annotation)
        nullable = "None" in parts
        parts = [p for p in parts if p != "None"] + ["NotGiven"] + (["None"] if nullable else [])
        return " | ".join(parts)

    @property
    def keyword_declaration(self) -> str:
        """The keyword-only parameter as a line of an exploded signature."""
        default = "" if self.required else " = NOT_GIVEN"
        return f"{self.name}: {self.keyword_annotation}{default},"


@dataclass
class Method:
    name: PythonIdentifier
    http_method: str
    path: str
    """The path template; the runtime fills `{name}` from `path_params` (percent-encoded)."""
    params: list[Param]
    returns: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    raw_body: bool = False
    """The body is not an object with fields: one `body` argument carries it whole."""
    page_item: str | None = None
    """Item model of a cursor-paginated list (`limit`/`after` in, `data`/`has_more` out)."""
    example: str | None = None
    """Keyword arguments from the docs' request example, as Python source."""
    form: Literal["multipart", "urlencoded"] | None = None
    """The body is a form (`multipart/form-data` or urlencoded), not JSON."""
    param_types: set[str] = field(default_factory=set)
    """The TypedDicts (`types/_params.py`) the parameters' annotations name."""

    @property
    def form_fields(self) -> list[Param]:
        """The body fields sent as JSON or as form fields (not as files)."""
        return [p for p in self.params if p.location == "body" and not p.upload]

    @property
    def uploads(self) -> list[Param]:
        return [p for p in self.params if p.upload]

    @property
    def path_params(self) -> list[Param]:
        return [p for p in self.params if p.location == "path"]

    @property
    def keyword_params(self) -> list[Param]:
        rest = [p for p in self.params if p.location != "path"]
        return sorted(rest, key=lambda p: not p.required)

    def located(self, where: str) -> list[Param]:
        return [p for p in self.params if p.location == where]

    @property
    def sync_returns(self) -> str:
        return f"SyncCursorPage[{self.page_item}]" if self.page_item else self.returns

    @property
    def async_returns(self) -> str:
        return f"AsyncPaginator[{self.page_item}]" if self.page_item else self.returns

    @property
    def cast_to(self) -> str:
        return "type(None)" if self.returns == "None" else self.returns

    @property
    def models(self) -> set[str]:
        """Model classes the signature names."""
        if self.page_item:
            return {self.page_item}
        return set(re.findall(r"[A-Z]\w*", self.returns)) - {"None"}

    @property
    def docstring(self) -> str:
        parts = [self.summary or f"{self.http_method.upper()} {self.path}"]
        if self.description and self.description != self.summary:
            parts.append(_wrap(self.description))
        if self.deprecated:
            parts.append("Deprecated.")
        args = [
            _wrap(f"{p.name}: {p.description}", indent="    ", hang="      ")
            for p in self.params
            if p.description
        ]
        if args:
            parts.append("Args:\n" + "\n".join(args))
        return "\n\n".join(parts)

    @property
    def signature(self) -> str:
        """The sync signature as one line of Python (for api.md)."""
        args = ["self", *(f"{p.name}: str" for p in self.path_params), "*"]
        for p in self.keyword_params:
            args.append(
                f"{p.name}: {p.keyword_annotation}" + ("" if p.required else " = NOT_GIVEN")
            )
        if self.raw_body:
            args.append("body: object = NOT_GIVEN")
        return f"def {self.name}({', '.join(args)}) -> {self.sync_returns}"


@dataclass
class Resource:
    attr: PythonIdentifier
    class_name: ClassName
    module: PythonIdentifier
    segments: tuple[str, ...]
    access: str
    """Attribute path from the client: `threads.messages`."""
    methods: list[Method] = field(default_factory=list)
    children: list[Resource] = field(default_factory=list)

    def walk(self) -> list[Resource]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class Auth:
    kind: Literal["bearer", "basic", "apiKey"]
    header: str
    param: PythonIdentifier
    env_var: str
    required: bool = True
    """Needed by every secured operation; other schemes are alternatives, sent when set."""

    @property
    def value_expr(self) -> str:
        """The Python expression for the header value (`param` is a checked identifier)."""
        prefix = {"bearer": "Bearer ", "basic": "Basic "}.get(self.kind)
        return f'f"{prefix}{{self.{self.param}}}"' if prefix else f"self.{self.param}"


@dataclass
class SdkView:
    package: PythonIdentifier
    distribution: str
    title: str
    version: str
    description: str
    base_url: str
    env_prefix: str
    auth: list[Auth]
    default_headers: dict[str, str]
    resources: list[Resource]
    models: list[str]
    params: list[TypedDictView] = field(default_factory=list)
    """The TypedDicts of the request parameters, by name."""

    @property
    def package_version(self) -> str:
        """The API version as a PEP 440 version (`v2` -> `2`), else `0.0.0`."""
        candidate = self.version.strip().lstrip("vV")
        return candidate if re.fullmatch(r"\d+(\.\d+)*", candidate) else "0.0.0"

    @property
    def all_resources(self) -> list[Resource]:
        found: list[Resource] = []
        for resource in self.resources:
            found.extend(resource.walk())
        return found

    @property
    def uses_pagination(self) -> bool:
        return any(m.page_item for r in self.all_resources for m in r.methods)


def resource_key(path: str, methods: set[str]) -> tuple[tuple[str, ...], str | None]:
    """(literal segments naming the resource, action name or None) for an operation.

    `/runs/{run_id}/cancel` (POST only) is the `cancel` action of `runs`; a last segment
    that is also read (GET) is a sub-resource of its own.
    """
    segments = [s for s in path.split("/") if s]
    literals = [s for s in segments if not s.startswith("{")]
    last = segments[-1] if segments else ""
    after_param = len(segments) > 1 and segments[-2].startswith("{")
    # imported here: generator.normalize imports the scrapers (~0.1 s), which `generate`
    # needs only once the models are being made in the workers
    from generator.normalize.naming import _is_action as is_action  # noqa: PLC0415

    action = (is_action(last) and methods <= {"post"}) or (methods == {"get"} and last == "content")
    if literals and not last.startswith("{") and after_param and action:
        return tuple(literals[:-1]) or (literals[-1],), last
    return tuple(literals) or ("root",), None


def verb(method: str, path: str) -> str:
    item = path.rstrip("/").split("/")[-1].startswith("{")
    if item:
        return {"get": "retrieve", "delete": "delete"}.get(method, "update")
    return {"get": "list", "post": "create", "delete": "delete"}.get(method, "update")


def resource_tree(keys: list[tuple[str, ...]], *, models: Collection[str] = ()) -> list[Resource]:
    """Resources for every key prefix, nested; class names unique across the SDK and apart
    from the model classes (a resource module imports models by name)."""
    taken_classes: set[str] = {"client", "asyncclient"} | {m.lower() for m in models}
    taken_modules: set[str] = set()
    taken_attrs: dict[tuple[str, ...], set[str]] = {}
    by_key: dict[tuple[str, ...], Resource] = {}
    roots: list[Resource] = []
    for key in sorted({k[:i] for k in keys for i in range(1, len(k) + 1)}):
        name = class_name(key[-1])
        if name.lower() in taken_classes:
            name = class_name(" ".join(key))
        parent = by_key.get(key[:-1])
        siblings = taken_attrs.setdefault(key[:-1], {"cached_property"})
        attr = (
            PythonIdentifier(unique(identifier(key[-1]), siblings))
            if parent
            else client_member(key[-1], siblings)
        )
        resource = Resource(
            attr=attr,
            class_name=ClassName(unique(name, taken_classes)),
            module=PythonIdentifier(unique(identifier("_".join(key)), taken_modules)),
            segments=key,
            access=f"{parent.access}.{attr}" if parent else attr,
        )
        by_key[key] = resource
        (parent.children if parent else roots).append(resource)
    return roots


def _wrap(text: str, *, indent: str = "", hang: str = "") -> str:
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(
        textwrap.fill(
            p,
            width=88,
            initial_indent=indent,
            subsequent_indent=indent + hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for p in paragraphs
        if p
    )


def example_kwargs(example: Any, params: list[Param]) -> str | None:
    """`name="Math Tutor", model="gpt-4o"` from a request example (values as Python literals)."""
    if not isinstance(example, dict):
        return None
    by_wire = {p.wire: p for p in params if p.location == "body"}
    parts = [f"{by_wire[k].name}={_literal(v)}" for k, v in example.items() if k in by_wire]
    return ", ".join(parts) if parts else None


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(str(k))}: {_literal(v)}" for k, v in value.items()) + "}"
    return repr(str(value))
