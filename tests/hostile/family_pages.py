"""Pages in each family's shape (Markdown table, Bump.sh, Apifox, Mintlify, HTML, an
embedded spec) around given fields, for the hostile corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from tests.hostile.texts import MARKER, TEXTS


@dataclass(frozen=True)
class Field:
    name: str
    description: str
    type: str = "string"
    required: bool = False


def fields(names: list[str], texts: list[str] | None = None) -> list[Field]:
    """One field per name; descriptions cycle through `texts` (default: every hostile text)."""
    pool = texts if texts is not None else list(TEXTS.values())
    kinds = ["string", "integer", "boolean", "number"]
    return [
        Field(name, pool[i % len(pool)], kinds[i % len(kinds)], required=i % 3 == 0)
        for i, name in enumerate(names)
    ]


def _one_line(text: str) -> str:
    """Page text cannot carry line breaks inside a table cell or a bullet."""
    return " ".join(text.replace("|", "/").split())


# --- pages in each family's shape ------------------------------------------------------


def markdown_table_page(
    items: list[Field], *, path: str = "/things", title: str = "Create thing"
) -> str:
    rows = "\n".join(
        f"| `{f.name}` | {f.type} | {'Yes' if f.required else 'No'} | {_one_line(f.description)} |"
        for f in items
    )
    return f"""# {_one_line(title)}

`POST https://api.example.test/v1{path}`

{_one_line(TEXTS["triple_double"])}

All requests must send your API key in an `Authorization: Bearer <API_KEY>` header.

## Request body

| Name | Type | Required | Description |
| --- | --- | --- | --- |
{rows}

## Returns

The created thing.
"""


def bump_page(items: list[Field], *, path: str = "/things", title: str = "Create a thing") -> str:
    body = "\n\n".join(
        f"  • {f.name} {f.type}{' Required' * f.required}\n\n    {_one_line(f.description)}"
        for f in items
    )
    props = "\n".join(f"    • {f.name} {f.type}" for f in items[:8])
    return f"""{_one_line(title)}

POST {path}

{_one_line(TEXTS["jinja"])}

Body Required

{body}

Responses

  • 200 application/json

    OK

    Hide response attributes Show response attributes object
{props}
POST {path}
curl \\
 --request POST 'https://api.example.test/v1{path}' \\
 --header "Authorization: Bearer $ACCESS_TOKEN"
"""


def apifox_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    params = "\n".join(
        f"{f.name}\n{f.type}\n{'required' if f.required else 'optional'}\n"
        f"{_one_line(f.description)}"
        for f in items
    )
    return f"""{_one_line(title)}
POST
https://api.example.test/v1{path}
Request
Authorization
Provide your bearer token in the
Authorization
header when making requests to protected resources.Example:
Authorization: Bearer ********************
Header Params
Content-Type
string
required
Example:
application/json
Body Params application/json
{params}
Responses
🟢200Success
application/json
Body
id
string
required
"""


def mintlify_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    params = "\n\n".join(
        f"{f.name}\n{f.type}\n{'required' if f.required else ''}\n\n{_one_line(f.description)}"
        for f in items
    )
    return f"""Things
{_one_line(title)}
POST
/
{path.strip("/").replace("/", chr(10) + "/" + chr(10))}
curl --request POST \\
  --url https://api.example.test/v1{path} \\
  --header 'Authorization: Bearer <token>' \\
  --header 'Content-Type: application/json'
Authorizations

Authorization
string
header
required

Bearer authentication header of the form Bearer <token>, where <token> is your auth token.

Body

application/json
{params}

Response

200 - application/json
OK
id
string
required
"""


def html_page(items: list[Field], *, path: str = "/things", title: str = "Create thing") -> str:
    """An HTML page (ReadMe-like markup) with every name and text HTML-escaped, as a site does."""
    rows = "".join(
        f'<div class="Param"><div class="Param-header"><span class="Param-name">{escape(f.name)}'
        f'</span><span class="Param-type">{f.type}</span>'
        + ('<span class="Param-required">required</span>' if f.required else "")
        + f'</div><div class="Param-description markdown-body"><p>{escape(f.description)}</p>'
        "</div></div>\n"
        for f in items
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)}</title></head><body>
<main class="rm-Article rm-Api"><header class="rm-Article-header"><div class="APIHeader">
<h1 class="APIHeader-title">{escape(title)}</h1><div class="APIHeader-url-parameter-wrapper">
<span class="rm-APIMethod APIMethod APIMethod_post">post</span><span class="APIHeader-url">
<span class="APIHeader-url-server">https://api.example.test/v1</span>
<span class="APIHeader-url-path">{path}</span></span></div></div>
<div class="markdown-body excerpt"><p>{escape(TEXTS["html"])}</p></div></header>
<form class="rm-ParamContainer"><section class="APISectionHeader">
<h2 class="APISectionHeader-heading">Body Params</h2></section>
<div class="ParamContainer-list">
{rows}</div></form>
<script>{escape(TEXTS["fstring"])}</script>
</main></body></html>
"""


def embedded_page(spec: dict[str, Any], *, fence: str = "json") -> str:
    """A Markdown export with the whole spec in a code block (the embedded family)."""
    text = json.dumps(spec, indent=2, ensure_ascii=False)
    return f"# {MARKER} exported spec\n\n```{fence}\n{text}\n```\n"
