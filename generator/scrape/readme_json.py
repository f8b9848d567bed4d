"""ReadMe's page data: a page whose text is the JSON record the (legacy) ReadMe site renders.

    {"_id": "...", "title": "Rename widget", "category": {...},
     "api": {"method": "put", "url": "/widgets/:id", "auth": "required",
             "params": [{"in": "path", "name": "id", "type": "string", "required": true},
                        {"in": "body", "name": "label", "type": "array_string", ...}],
             "results": {"codes": [{"status": 200, "language": "json", "code": "{...}"}]}},
     "body": "# Details\\n..."}

The operation is the `api` object: its method and URL, each parameter with its location,
type and required flag (ReadMe's `int`, `double`, `array_string` ...), and the results'
JSON examples. Stored pages are often cut inside the record, so the `api` object is decoded
on its own wherever the text writes it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator import lazyre
from generator.model import Body, Operation, Page, PageResult, Response
from generator.problems import Problems
from generator.scrape.assemble import parameters_from
from generator.scrape.fields import Field, object_schema
from generator.scrape.header import METHODS
from generator.scrape.infer import infer_schema
from generator.scrape.jsonish import parse_jsonish
from generator.scrape.nesting import nest_dotted

NAME = "readme_json"
_API_KEY = lazyre.compile(r'"api"\s*:\s*\{')
_DECODER = json.JSONDecoder()
_LOCATIONS = {"path", "query", "header", "cookie"}


def find_api(page: Page) -> tuple[dict[str, Any], int] | None:
    """The page record's `api` object (with its page line) when the page's text is a JSON
    record that holds one with a method and a URL."""
    first = next((line for line in page.lines if line.text.strip()), None)
    if first is None or not first.text.lstrip().startswith("{"):
        return None
    text = "\n".join(line.text for line in page.lines)
    for match in _API_KEY.finditer(text):
        try:
            value, _ = _DECODER.raw_decode(text, match.end() - 1)
        except (ValueError, RecursionError):
            continue
        if _is_operation(value):
            line = first.number + text.count("\n", 0, match.start())
            return value, line
    return None


def _is_operation(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    method, url = value.get("method"), value.get("url", value.get("path"))
    return isinstance(method, str) and method.upper() in METHODS and isinstance(url, str)


def scrape(page: Page, problems: Problems) -> PageResult:
    result = PageResult(page=page, family=NAME)
    found = find_api(page)
    if found is None:
        return result
    api, line = found
    url = str(api.get("url", api.get("path")))
    if not url.strip():
        problems.warn(page.path, line, "ReadMe page data: the api object has no URL")
        return result
    op = Operation(
        method=str(api["method"]).upper(),
        path=url.strip(),
        span=page.span(line, line),
        family=NAME,
    )
    _fill(op, api)
    result.operations.append(op)
    return result


def _fill(op: Operation, api: dict[str, Any]) -> None:
    params = [p for p in _list(api.get("params")) if isinstance(p, dict) and _name(p)]
    outside = [_field(p) for p in params if p.get("in") in _LOCATIONS]
    for item in outside:
        op.parameters.extend(parameters_from([item], item.location or "query"))
    body = [_field(p) for p in params if p.get("in") not in _LOCATIONS]
    if body:
        op.request = Body(schema=object_schema(nest_dotted(body)))
    results = api.get("results")
    for code in _list(results.get("codes") if isinstance(results, dict) else None):
        response = _response(code)
        if response is not None:
            op.responses.append(response)


def _field(param: dict[str, Any]) -> Field:
    item = Field(
        name=_name(param),
        type_text=_type_text(param.get("type")),
        required=param.get("required") is True or None,
        location=str(param.get("in")),
    )
    if isinstance(param.get("desc"), str) and param["desc"].strip():
        item.description = [param["desc"].strip()]
    default = param.get("default")
    if isinstance(default, str | int | float) and str(default).strip():
        item.default = str(default)
    return item


def _type_text(value: Any) -> str:
    """ReadMe's type names as the shared type reader writes them (`array_int` -> `int[]`)."""
    if not isinstance(value, str):
        return ""
    if value.startswith("array_"):
        inner = value[len("array_") :]
        return f"{inner}[]" if inner not in ("", "mixed") else "array"
    return "" if value == "mixed" else value


def _response(code: Any) -> Response | None:
    """A result example: its status and the JSON it shows (other languages are skipped)."""
    if not isinstance(code, dict) or not isinstance(code.get("code"), str):
        return None
    status = str(code.get("status") or "")
    if not re.fullmatch(r"[1-5]\d\d", status) or code.get("language") not in ("json", None):
        return None
    try:
        example = parse_jsonish(code["code"], cut=True)
    except ValueError:
        return Response(status)
    return Response(status, body=Body(schema=infer_schema(example), example=example))


def _name(param: dict[str, Any]) -> str:
    name = param.get("name")
    return name.strip() if isinstance(name, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
