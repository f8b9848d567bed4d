"""A corpus of documentation pages written from the reference specs, for the benchmarks.

For every operation of each reference spec, one page per family, in the shapes of the seed
pages: Apifox (seeds 000, 002), Bump.sh-style (001) and Mintlify (003, 004). Each
(spec, family) pair is one folder, so that each can be scraped as an API:

    python benchmarks/pagewriter.py OUT_DIR     # writes OUT_DIR/<spec>-<family>/*.txt

The pages are written at benchmark time into a temporary folder and never committed.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from specwalk import Node, Op, Spec

SPECS = {
    "latest": "openai-openapi.latest.yaml",
    "assistants-v1": "openai-openapi.assistants-v1.yaml",
    "portkey": "portkey-openapi.latest.yaml",
}
SHARED = Path(os.environ.get("DOCS2SDK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
REFERENCE = SHARED / "reference"
_LANGUAGES = ["Shell", "JavaScript", "Java", "Swift", "Go", "PHP", "Python", "HTTP", "C"]
Placeholders = dict[str, Any]
_APIFOX_VALUES: Placeholders = {"string": "string", "integer": 0, "number": 0, "boolean": True}
_BUMP_VALUES: Placeholders = {"string": "string", "integer": 42, "number": 42.0, "boolean": True}
_MINT_VALUES: Placeholders = {"string": "<string>", "integer": 123, "number": 123, "boolean": True}


@dataclass(frozen=True)
class Folder:
    name: str
    """`<spec>-<family>`."""
    path: Path
    pages: int


def example(nodes: list[Node], values: Placeholders) -> dict[str, Any]:
    """A JSON example consistent with the fields: their examples, defaults or placeholders."""
    return {node.name: _value(node, values) for node in nodes}


def _value(node: Node, values: Placeholders) -> Any:
    for given in (node.example, node.default):
        if given is not None and not isinstance(given, dict | list):
            return given
    if node.enum:
        return node.enum[0]
    kind = next((k for k in node.kinds if k != "null"), "null")
    if kind == "array":
        item = example(node.children, values) if node.children else values.get(node.item)
        return [item] if item is not None else []
    if kind == "object":
        return example(node.children, values)
    return values.get(kind)


def _json(data: Any, *, flat: bool = False) -> list[str]:
    lines = json.dumps(data, indent=2, ensure_ascii=False, default=str).split("\n")
    return [line.lstrip() for line in lines] if flat else lines


def _url(op: Op, values: Placeholders) -> str:
    query = [(p.name, _value(p, values)) for p in op.params if p.location == "query"]
    pairs = "&".join(f"{name}={value}" for name, value in query if isinstance(value, str | int))
    return op.server + op.path + (f"?{pairs}" if pairs else "")


def _label(node: Node, *, counted: bool) -> str:
    """`string | null`, `array[string]`, and Apifox's `object {N}` / `array [object {N}]`."""
    parts: list[str] = []
    for kind in node.kinds:
        if kind == "array" and counted and node.children:
            parts.append(f"array [object {{{len(node.children)}}}]")
        elif kind == "array":
            parts.append(f"array[{node.item or 'string'}]")
        elif kind == "object" and counted and node.children:
            parts.append(f"object {{{len(node.children)}}}")
        else:
            parts.append(kind)
    return " | ".join(parts)


def _apifox_blocks(nodes: list[Node]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        out += [node.name, _label(node, counted=True)]
        out.append("required" if node.required else "optional")
        if node.description:
            out.append(node.description)
        value = _value(node, _APIFOX_VALUES)
        if node.example is not None and not isinstance(value, dict | list):
            out += ["Example:", str(value)]
        out += _apifox_blocks(node.children)
    return out


def apifox(op: Op, nav: list[str]) -> str:
    out = [f"- {item}" for item in nav] + [op.title, op.method, op.server + op.path, "Request"]
    if any(name == "Authorization" for name, _ in op.auth):
        out += ["Authorization", "Provide your bearer token in the", "Authorization"]
        out += ["header when making requests to protected resources.Example:"]
        out += ["Authorization: Bearer ********************"]
    headers = [Node(name, ["string"], True, example=value) for name, value in op.auth]
    if op.body:
        headers.append(Node("Content-Type", ["string"], True, example=op.body_media))
    sections = [("Path Params", "path"), ("Query Params", "query"), ("Header Params", "header")]
    for label, where in sections:
        nodes = [p for p in op.params if p.location == where]
        nodes += headers if where == "header" else []
        out += [label, *_apifox_blocks(nodes)] if nodes else []
    body = example(op.body, _APIFOX_VALUES)
    if op.body:
        out += [f"Body Params {op.body_media}", *_apifox_blocks(op.body), "Example"]
        out += _json(body, flat=True)
    out += ["Request samples", *_LANGUAGES, "Request Request Example", *_LANGUAGES[:4]]
    out.append(f"curl --location --request {op.method} '{_url(op, _APIFOX_VALUES)}' \\")
    lines = [f"--header '{name}: {value}'" for name, value in op.auth]
    if op.body:
        lines += [f"--header 'Content-Type: {op.body_media}'"]
        lines += ["--data-raw '" + "\n".join(_json(body, flat=True)) + "'"]
    out += [line + " \\" for line in lines[:-1]] + lines[-1:]
    out += ["Responses", f"🟢{op.status}Success"]
    if op.response_media:
        out += [op.response_media, "Body", *_apifox_blocks(op.response), "Example"]
        out += _json(example(op.response, _APIFOX_VALUES), flat=True)
    out.append("Modified at 2024-12-13 10:20:37")
    return "\n".join(out) + "\n"


def _prose(node: Node) -> str:
    facts: list[str] = []
    if len(node.enum) == 1:
        facts.append(f"Value is {node.enum[0]}.")
    elif node.enum:
        facts.append(f"Values are {', '.join(node.enum[:-1])} or {node.enum[-1]}.")
    if node.default is not None and not isinstance(node.default, dict | list):
        facts.append(f"Default value is {json.dumps(node.default, default=str).strip(chr(34))}.")
    return " ".join(facts)


def _bullets(nodes: list[Node], indent: int) -> list[str]:
    pad, inner = " " * indent, " " * (indent + 2)
    out: list[str] = []
    for node in nodes:
        flag = " Required" if node.required else ""
        out.append(f"{pad}• {node.name} {_label(node, counted=False)}{flag}")
        for text in (node.description, _prose(node)):
            out += ["", inner + text] if text else []
        if node.children:
            kind = "object | null" if "null" in node.kinds else "object"
            words = f"{node.name} attributes"
            out += ["", f"{inner}Hide {words} Show {words} {kind}"]
            out += _bullets(node.children, indent + 2)
        elif node.description or _prose(node):
            out.append("")
    return out


def bump(op: Op) -> str:
    out = [op.description, "", f"{op.method} {op.path}", ""]
    for label, where in (("Path", "path"), ("Query", "query"), ("Header", "header")):
        nodes = [p for p in op.params if p.location == where]
        out += [f"{label} parameters", "", *_bullets(nodes, 2), ""] if nodes else []
    if op.body:
        out += ["Body Required", "", op.body_media, "", *_bullets(op.body, 2), ""]
    out += ["Responses", "", f"  • {op.status} {op.response_media}".rstrip(), ""]
    out += [f"    {op.response_text}", ""]
    if op.response:
        out.append("    Hide response attributes Show response attributes object")
        out += _bullets(op.response, 4)
    out += [f"{op.method} {op.path}", "curl \\", f" --request {op.method} '{_url(op, {})}' \\"]
    lines = [f' --header "{name}: {value}"' for name, value in op.auth]
    if op.body:
        lines += [f' --header "Content-Type: {op.body_media}"']
        lines += [" --data '" + "\n".join(_json(example(op.body, _BUMP_VALUES))) + "'"]
    out += [line + " \\" for line in lines[:-1]] + lines[-1:]
    if op.response:
        out += [f"Response examples ({op.status})"]
        out += _json(example(op.response, _BUMP_VALUES))
    return "\n".join(out) + "\n"


def _mint_label(node: Node) -> str:
    if node.enum and node.kinds[:1] == ["string"]:
        return "enum<string>"
    kinds = [f"{node.item or 'string'}[]" if k == "array" else k for k in node.kinds]
    return " | ".join(kinds)


def _mint_blocks(nodes: list[Node], prefix: str = "") -> list[str]:
    out: list[str] = []
    for node in nodes:
        out += [f"{prefix}{node.name}", _mint_label(node)]
        out += [node.location] if node.location == "header" else []
        out += ["required"] if node.required else []
        if node.default is not None and not isinstance(node.default, dict | list):
            out.append(f"default:{json.dumps(node.default, default=str).strip(chr(34))}")
        out += ["", node.description] if node.description else []
        if node.enum:
            out += ["", "Available options:", *[f"{v}," for v in node.enum[:-1]], node.enum[-1]]
        if node.children:
            out += ["Hide child attributes", *_mint_blocks(node.children, f"{prefix}{node.name}.")]
        out.append("")
    return out


def mintlify(op: Op, nav: list[str]) -> str:
    out = [f"- {item}" for item in nav] + [op.tag, op.title, op.description, op.method]
    for segment in op.path.strip("/").split("/"):
        out += ["/", segment]
    out += ["Copy", "Ask AI", f"curl --request {op.method} \\", f"--url {_url(op, {})} \\"]
    lines = [f"--header '{name}: {value}'" for name, value in op.auth]
    if op.body:
        lines += [f"--header 'Content-Type: {op.body_media}'"]
        lines += ["--data '" + "\n".join(_json(example(op.body, _MINT_VALUES))) + "'"]
    out += [line + " \\" for line in lines[:-1]] + lines[-1:]
    if op.response:
        out += _json(example(op.response, _MINT_VALUES))
    auth = [Node(name, ["string"], True, location="header") for name, _ in op.auth]
    out += ["", "Authorizations", "", *_mint_blocks(auth)] if auth else []
    for label, where in (("Path", "path"), ("Query", "query"), ("Header", "header")):
        nodes = [p for p in op.params if p.location == where]
        out += [f"{label} Parameters", "", *_mint_blocks(nodes)] if nodes else []
    if op.body:
        out += ["Body", "", op.body_media, "", *_mint_blocks(op.body)]
    out += ["Response", "", f"{op.status} - {op.response_media or 'application/json'}"]
    out += [op.response_text, "", *_mint_blocks(op.response), "Was this page helpful?"]
    return "\n".join(out) + "\n"


FAMILIES: dict[str, Callable[[Op, list[str]], str]] = {
    "apifox": apifox,
    "bump": lambda op, _nav: bump(op),
    "mintlify": mintlify,
}


def _file_name(index: int, op: Op) -> str:
    return f"{index:03d}_{re.sub(r'[^A-Za-z0-9_-]+', '_', op.operation_id)[:60]}.txt"


def write_corpus(target: Path, reference: Path = REFERENCE) -> list[Folder]:
    """Every page of every (spec, family) under `target`; the folders written, in order."""
    folders: list[Folder] = []
    for short, file_name in SPECS.items():
        ops = Spec(reference / file_name).operations()
        nav = list(dict.fromkeys(op.tag for op in ops))[:40]
        for family, render in FAMILIES.items():
            folder = target / f"{short}-{family}"
            folder.mkdir(parents=True, exist_ok=True)
            for index, op in enumerate(ops):
                text = render(op, nav)
                (folder / _file_name(index, op)).write_text(text, encoding="utf-8")
            folders.append(Folder(folder.name, folder, len(ops)))
    return folders


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python benchmarks/pagewriter.py OUT_DIR", file=sys.stderr)
        return 2
    folders = write_corpus(Path(argv[0]))
    for folder in folders:
        print(f"{folder.pages:5d}  {folder.path}")
    print(f"{sum(f.pages for f in folders):5d}  pages in total")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
