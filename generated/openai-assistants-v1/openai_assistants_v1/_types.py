# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Sentinels and type aliases shared by the client, the resources and the pagination.

``NOT_GIVEN`` marks an argument the caller left out: it is dropped from the query string
and the JSON body, unlike ``None``, which is sent (as JSON ``null``). ``Omit`` removes a
header that the client would otherwise send, such as a default header::

    client.assistants.list(extra_headers={"OpenAI-Beta": Omit()})
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Literal, TypeAlias, final

import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "Timeout",
    "not_given",
]


@final
class NotGiven:
    """The type of ``NOT_GIVEN``: "this argument was not passed", distinct from ``None``.

    Use it in signatures as ``limit: int | NotGiven = NOT_GIVEN``. It is falsy, so
    ``if limit:`` treats it like a missing value.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
"""The only instance of `NotGiven`."""

not_given = NOT_GIVEN
"""Alias of `NOT_GIVEN`, spelled as in openai-python."""


@final
class Omit:
    """A header value meaning "do not send this header", even if the client has a default."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "Omit()"


Headers: TypeAlias = Mapping[str, str | Omit]
"""Request headers; an `Omit()` value removes that header from the request."""

Query: TypeAlias = Mapping[str, object]
"""Query parameters; `None` and `NOT_GIVEN` values are left out."""

Body: TypeAlias = Mapping[str, object]
"""A JSON object body; `NOT_GIVEN` values are left out, at any depth."""

Timeout: TypeAlias = float | httpx.Timeout | None
"""Seconds (or an `httpx.Timeout`) per connect/read/write phase; `None` waits forever."""

FileContent: TypeAlias = IO[bytes] | bytes | os.PathLike[str]
"""The content of an uploaded file: bytes, a binary file object, or a path to read."""

FileTypes: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
"""An uploaded file: its content, or `(filename, content)`, or `(filename, content, type)`."""
