"""Bodies and responses from examples: what a JSON example, a sketch or a curl sample adds
to an operation, and which part of it an example shown outside its section belongs to.

Shared by `assemble` (the section reader) and the families that attach examples of their own.
"""

from __future__ import annotations

from generator.model import MISSING, Body, Line, Operation, Response, Schema
from generator.scrape.examples import (
    example_value,
    form_fields,
    is_form_list,
    is_placeholder,
    same_shape,
    schema_of,
    split_content,
)
from generator.scrape.fields import Field, object_schema
from generator.scrape.infer import INFERRED, fill_from_example, infer_schema
from generator.scrape.samples import Curl, JsonBlock
from generator.scrape.sections import Section
from generator.scrape.wrapped import place_by_example


def body_from(
    fields: list[Field], examples: list[JsonBlock], media: str | None, *, fill: bool = True
) -> Body:
    """A body from its field list, else from its first example (a sketch's stated schema,
    a form list's fields, else the schema the example shows)."""
    value = examples[0].value if examples else MISSING
    example = example_value(value)
    schema: Schema | None = None
    form = form_fields(example)
    if form is not None:
        media = media or "application/x-www-form-urlencoded"
        example = {item.get("name", item.get("key")): item["value"] for item in example}
    if fields:
        schema = object_schema(fields)
        if example is not MISSING and fill:
            schema = fill_from_example(place_by_example(schema, example), example)
    elif value is not MISSING:
        schema = form or schema_of(value)
    return Body(media_type=media or "application/json", schema=schema, example=example)


def answers(examples: list[JsonBlock], fill: bool) -> list[Response]:
    """Responses shown apart from the first with no status of their own: one under the
    HTTP status line before it, or else (a shape other than the first's: an error's) one
    `default` response for all of them."""
    found: list[Response] = []
    first = examples[0].value if examples else None
    for block in examples[1:]:
        code = block.status or ("default" if not same_shape(block.value, first) else None)
        if code is None:
            continue
        _attach(found, code, block.value, fill=fill)
    return found


def adopt_example(response: Response, earlier: Response, *, fill: bool) -> bool:
    """Whether `response`, listed after an example shown for the same status (a section of
    examples before the field table), takes that example: its fields placed and filled as
    the example shows them; not when the earlier response states fields of its own."""
    before = earlier.body
    body = response.body
    if before is None or before.example is MISSING or not (before.schema or {}).get(INFERRED):
        return False
    if body is None or body.schema is None or body.example is not MISSING:
        return False
    body.example = before.example
    if fill:
        body.schema = fill_from_example(place_by_example(body.schema, body.example), body.example)
    return True


def reason(code: str) -> str:
    reasons = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content"}
    return reasons.get(code, "Response")


def apply_loose(op: Operation, section: Section, *, fill: bool) -> None:
    """JSON examples outside the body and response sections, where the page says what they
    are: after a curl sample or an HTTP line (as in a samples section); with a GET, which
    sends no body, its answer; under a request-parameters heading, the request's body."""
    for block in split_content(_with_heading(section)).examples:
        if block.status is not None or block.follows is not None:
            apply_sample(op, block, fill=fill)
        elif op.method in ("GET", "HEAD") and not _has_body(op, _success_code(op)):
            attach_response_example(op, _success_code(op), block.value, fill=fill)
        elif section.heading is not None and op.request is None and op.method != "GET":
            op.request = body_from([], [block], None)
            op.request.required = True


def apply_samples(op: Operation, section: Section, *, fill: bool) -> None:
    """A request-samples section: the JSON right after a curl sample (other than the
    command's body) or under an HTTP response line is what the call returns, if the page
    shows that response no body of its own; the JSON under a raw HTTP request line is the
    request's body when no other is shown. Labels say the same (`Request example`, `返回成功
    示例`), the heading for the first sample under it."""
    for block in split_content(_with_heading(section)).examples:
        apply_sample(op, block, fill=fill)


def _with_heading(section: Section) -> list[Line]:
    return section.lines if section.heading is None else [section.heading, *section.lines]


def apply_sample(op: Operation, block: JsonBlock, *, fill: bool) -> None:
    """One sample where what came before it says what it is: a response's example (the
    success response's, unless a status line names one) where that shows no body of its
    own, or the request's."""
    success = block.follows in ANSWERS or block.follows == "response"
    code = block.status or (_success_code(op) if success else None)
    if code is not None and not _has_body(op, code):
        attach_response_example(op, code, block.value, fill=fill)
    elif block.follows == "request" and block.status is None:
        request_example(op, block, fill=fill)


def request_example(op: Operation, block: JsonBlock, *, fill: bool) -> None:
    """A request sample's body: the request's body when no other is shown, else its example
    (filling what the stated fields leave out); a template's placeholder shows nothing."""
    if is_placeholder(block.value):
        return
    if op.request is None:
        op.request = body_from([], [block], None)
        op.request.required = True
        return
    shown = example_value(block.value)
    if op.request.example is not MISSING or shown is MISSING or is_form_list(shown):
        return
    op.request.example = shown
    if fill and op.request.schema is not None:
        op.request.schema = fill_from_example(op.request.schema, shown)


ANSWERS = ("curl", "answer")
"""What a block follows when it is what a request sample returns (`JsonBlock.follows`)."""


def _success_code(op: Operation) -> str:
    return success_code(op.responses)


def success_code(responses: list[Response]) -> str:
    """The first 2xx status listed, else 200."""
    return next((r.status for r in responses if r.status.startswith("2")), "200")


def attach_answers(responses: list[Response], blocks: list[JsonBlock], *, fill: bool) -> None:
    """What request samples shown among the listed statuses return (no status line of their
    own over them): the success response's example, where it shows no body of its own."""
    for block in blocks:
        code = success_code(responses)
        if not any(r.status == code and r.body and r.body.schema for r in responses):
            _attach(responses, code, block.value, fill=fill)


def _has_body(op: Operation, code: str) -> bool:
    return any(r.status == code and r.body and r.body.schema for r in op.responses)


def attach_response_example(
    op: Operation, code: str, example: object, *, fill: bool = True
) -> None:
    """Give response `code` this example, creating the response and filling its schema."""
    _attach(op.responses, code, example, fill=fill)


def _attach(responses: list[Response], code: str, example: object, *, fill: bool) -> None:
    response = next((r for r in responses if r.status == code), None)
    if response is None:
        response = Response(code, reason(code))
        responses.append(response)
    if response.body is None:
        response.body = Body()
    body = response.body
    shown = example_value(example)
    if body.example is MISSING:
        body.example = shown
    if body.schema is None:
        body.schema = schema_of(example)
        if body.description:
            body.schema["description"] = body.description
    elif fill and shown is not MISSING:
        body.schema = fill_from_example(body.schema, shown)


def apply_curl(op: Operation, curl: Curl) -> None:
    """What a curl sample adds: headers, the URL, and a request body only it shows."""
    op.curl_headers.update({k: v for k, v in curl.headers.items() if k not in op.curl_headers})
    if op.url is None:
        op.url = curl.url
    if op.request is None and curl.data is not None:
        op.request = Body(schema=infer_schema(curl.data), example=curl.data, required=True)
    elif op.request is None and (curl.form or curl.fields):
        op.request = _form_body(curl)
    elif op.request is not None and curl.form and op.request.media_type == "application/json":
        op.request.media_type = "multipart/form-data"  # fields in a table, sent with `-F`
    elif op.request is not None and curl.data is not None and op.request.example is MISSING:
        op.request.example = curl.data
        if op.request.schema is not None:
            op.request.schema = fill_from_example(op.request.schema, curl.data)


def _form_body(curl: Curl) -> Body:
    """The body a curl sample's `-F` parts (multipart) or `-d name=value` pairs (form-encoded)
    show: string fields (a form sends text; `@path` a file's bytes), inferred."""
    shown = curl.form or curl.fields
    properties: dict[str, Schema] = {}
    for name, value in shown.items():
        file = bool(curl.form) and value.startswith("@")
        properties[name] = {"type": "string", "format": "binary"} if file else {"type": "string"}
    media = "multipart/form-data" if curl.form else "application/x-www-form-urlencoded"
    schema: Schema = {"type": "object", "properties": properties, INFERRED: True}
    return Body(media_type=media, schema=schema, example=dict(shown), required=True)
