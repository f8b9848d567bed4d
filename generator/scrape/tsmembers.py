"""Member lists written TypeScript style, one member a line, no commas: a schema sketch.

    {
      // What the member is.
      name?: string
      count: integer //default: 1
      kind: enum[a, b]
      tags?: string[]
      owner?: #/components/schemas/User
      meta: {
      }
    }

Doc generators print bodies this way (Markdown exports of OpenAPI specs). The text is turned
into the pseudo-JSON that `sketch` reads: comments dropped, keys quoted, commas added,
`enum[a, b]` as `"a" | "b"`, `A & null` as `A | null`, a `$ref` or another intersection as
a type left open.
A `?` marks a member optional, so a member with a type on its line and no `?` is required (a
member whose value opens a block states nothing: doc tools drop the mark there).
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator import lazyre
from generator.model import Schema

_MEMBER = lazyre.compile(
    r"^(?P<indent>\s*)(?P<name>[A-Za-z_$][\w$.-]*)(?P<optional>\?)?\s*:\s*(?P<rest>.*)$"
)
_COMMENT = lazyre.compile(r"^\s*//")
_TRAILING_COMMENT = lazyre.compile(r"\s+//[^\"]*$")
_REF = lazyre.compile(r"#/(?:components/schemas|definitions)/[\w.\-]+")
_PARTIAL = lazyre.compile(r"\bPartial\(([^()]*)\)")
_ENUM = lazyre.compile(r"\benum\[([^\[\]]*)\]")
_REQUIRED = "\u0001"
"""Put after a key: the member is required (taken off again when the schema is built)."""


def looks_like_members(text: str) -> bool:
    """Whether `text` is a TypeScript-style member list: member lines, none ending with a
    comma (JSON-like sketches keep their commas)."""
    if "?:" not in text and "//" not in text:
        return False  # cheap pre-check: a comma-less list marks optionals or comments
    members = 0
    for line in text.splitlines():
        match = _MEMBER.match(line)
        if match and not match.group("name").startswith('"'):
            if line.rstrip().endswith(","):
                return False
            members += 1
    return members >= 1


def members_to_sketch(text: str) -> str:
    """Pseudo-JSON for `sketch`; in TypeScript a member without `?` is required. A block
    closed by `}[]` is an array of such objects; a wrapper (`Partial(` ... `}) & ...`) around
    a block is left out."""
    out: list[str] = []
    opened: list[int] = []  # where in `out` each open block starts
    for raw in text.splitlines():
        if _COMMENT.match(raw) or not raw.strip():
            continue
        line = _TRAILING_COMMENT.sub("", raw)
        match = _MEMBER.match(line)
        if match is not None:
            out.append(_member(match, opened, len(out)))
        elif line.strip().startswith(("}", "]")) and opened:
            _close(line, out, opened.pop())
        else:
            if line.rstrip().endswith(("{", "[")):
                opened.append(len(out))
            out.append(line)
    return "\n".join(out).rstrip(",")


def _member(match: re.Match[str], opened: list[int], at: int) -> str:
    rest = _type_text(match.group("rest").strip().rstrip(";"))
    wraps = rest.endswith("(")  # `Partial(` around the block on the next lines
    opens = wraps or rest.endswith(("{", "["))
    required = not match.group("optional") and not opens
    key = json.dumps(match.group("name") + (_REQUIRED if required else ""))
    if opens and not wraps:
        opened.append(at)
    value = "" if wraps else rest + ("" if opens else ",")
    return f"{match.group('indent')}{key}: {value}"


def _close(line: str, out: list[str], start: int) -> None:
    indent = line[: len(line) - len(line.lstrip())]
    stripped = line.strip()
    if stripped.startswith("}[]"):  # the block was an array's item
        out[start] = out[start].rstrip().removesuffix("{") + "[{"
        out.append(indent + "}],")
    else:
        out.append(indent + stripped[0] + ",")


def _type_text(rest: str) -> str:
    if not rest or rest.endswith(("(", "{", "[")):
        return rest
    if _REF.fullmatch(rest.removesuffix("[]")) and rest.endswith("[]"):
        return "array"
    rest = _PARTIAL.sub(r"\1", rest)
    parts = [part.strip() for part in rest.split("&")]
    if len(parts) == 2 and "null" in parts:  # `Partial(string) & Partial(null)`: nullable
        rest = parts[0] if parts[1] == "null" else parts[1]
        rest = f"{rest} | null" if rest and rest != "null" and "|" not in rest else rest
    if "&" in rest or _REF.search(rest) or not rest:
        return "any"  # what a `$ref` or an intersection is, the line does not say
    return _ENUM.sub(lambda m: _enum_union(m.group(1)), rest)


def _enum_union(words: str) -> str:
    return " | ".join(json.dumps(word.strip()) for word in words.split(",") if word.strip())


def apply_required(schema: Schema) -> Schema:
    """`schema` with the required marks taken off its keys into `required` lists."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = dict(schema)
    properties = schema.get("properties")
    if isinstance(properties, dict):
        renamed: dict[str, Any] = {}
        required: list[str] = []
        for key, value in properties.items():
            name = key.removesuffix(_REQUIRED)
            if name != key:
                required.append(name)
            renamed[name] = apply_required(value)
        out["properties"] = renamed
        if required:
            out["required"] = required
    items = schema.get("items")
    if isinstance(items, dict):
        out["items"] = apply_required(items)
    return out
