"""The view model the templates render: an SDK as resources, methods and parameters.

Built from a prepared OpenAPI document (`spec.prepare`). Resources follow the path's literal
segments (`/threads/{thread_id}/messages` -> `client.threads.messages`); method names follow
REST verbs (`list`, `create`, `retrieve`, `update`, `delete`) or the action segment
(`/runs/{run_id}/cancel` -> `cancel`), as `routes` decides. Path parameters are positional,
the rest keyword-only.
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
    method_name,
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
    binary: bool = False
    """The body is a file: returned unread as a `BinaryResponse` (`responses.py`)."""
    stream_chunk: str | None = None
    """The chunk type when the method streams server-sent events (`responses.py`)."""
    stream_param: str | None = None
    """The boolean argument that asks for a stream; `None`: the method always streams."""
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
        return self.returns_for(sync=True)

    @property
    def async_returns(self) -> str:
        return self.returns_for(sync=False)

    def returns_for(self, *, sync: bool, stream: bool | None = None) -> str:
        """The return annotation; `stream` True/False for the overload of that `stream=`."""
        prefix = "" if sync else "Async"
        if self.page_item:
            return f"{'SyncCursorPage' if sync else 'AsyncPaginator'}[{self.page_item}]"
        if self.binary:
            return f"{prefix}BinaryResponse"
        if self.stream_chunk is None or stream is False:
            return self.returns
        chunks = f"{prefix}Stream[{self.stream_chunk}]"
        return chunks if stream or self.stream_param is None else f"{self.returns} | {chunks}"

    @property
    def cast_to(self) -> str:
        return "type(None)" if self.returns == "None" else self.returns

    def cast_to_for(self, *, sync: bool) -> str:
        """The `cast_to` expression (a stream's chooses by the `stream` argument)."""
        if self.binary or (self.stream_chunk is not None and self.stream_param is None):
            return self.returns_for(sync=sync)
        if self.stream_chunk is None:
            return self.cast_to
        chunks = self.returns_for(sync=sync, stream=True)
        return f"{chunks} if {self.stream_param} else {self.cast_to}"

    def cast_to_line(self, *, sync: bool) -> str:
        """`cast_to: type[...] = ...` choosing the stream or the model (one line: the template
        lays it out, `layout.statement`)."""
        return f"cast_to: type[{self.returns_for(sync=sync)}] = {self.cast_to_for(sync=sync)}"

    @property
    def stream_overloads(self) -> list[tuple[str, bool | None]]:
        """(declaration of the `stream` argument, which `stream` it returns for) of each
        `@overload` of a method with a `stream` argument; empty for the others."""
        param = next((p for p in self.params if p.name == self.stream_param), None)
        if param is None or self.stream_chunk is None:
            return []
        none = " | None" if "None" in union_members(param.annotation) else ""
        return [
            (f"{param.name}: Literal[False] | NotGiven{none} = NOT_GIVEN,", False),
            (f"{param.name}: Literal[True],", True),
            (f"{param.name}: bool,", None),
        ]

    @property
    def models(self) -> set[str]:
        """Model classes the signature names."""
        if self.page_item:
            return {self.page_item}
        if self.binary:
            return set()
        named = set(re.findall(r"[A-Z]\w*", self.returns_for(sync=True)))
        return named - {"None", "Stream", "ServerSentEvent"}

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

    @property
    def class_names(self) -> list[str]:
        """The classes its module defines: the resource and its raw-response view, sync and
        async."""
        name = self.class_name
        return [name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse"]

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


def resource_tree(keys: list[tuple[str, ...]], *, models: Collection[str] = ()) -> list[Resource]:
    """Resources for every key prefix, nested; class names unique across the SDK and apart
    from the model classes (a resource module imports models by name)."""
    taken_classes: set[str] = {"client", "asyncclient"} | {m.lower() for m in models}
    taken_modules: set[str] = set()
    taken_attrs: dict[tuple[str, ...], set[str]] = {}
    by_key: dict[tuple[str, ...], Resource] = {}
    roots: list[Resource] = []
    for key in sorted({k[:i] for k in keys for i in range(1, len(k) + 1)}, key=_shallow_first):
        name = _class_name(key, taken_classes)
        parent = by_key.get(key[:-1])
        siblings = taken_attrs.setdefault(key[:-1], {"cached_property", "with_raw_response"})
        attr = (
            PythonIdentifier(unique(method_name(key[-1]), siblings))
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


def _shallow_first(key: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    return len(key), key


def _class_name(key: tuple[str, ...], taken: set[str]) -> str:
    """`Files` for `/files`; where that is taken, the name of where it sits (`VectorStoresFiles`
    for `/vector_stores/{id}/files`), then `...Resource`; a number only when all are taken.
    Keys come shallow first, so the top-level resource keeps the plain name."""
    plain, placed = class_name(key[-1]), class_name(" ".join(key))
    for name in (plain, placed, ClassName(placed + "Resource")):
        if name.lower() not in taken:
            return name
    return placed


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
