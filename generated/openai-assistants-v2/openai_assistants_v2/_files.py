# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Form bodies: the files of a ``multipart/form-data`` upload and the fields beside them.

A file (`FileTypes`) is bytes, a path (``os.PathLike``), a binary file object, or a
``(filename, content)`` / ``(filename, content, content_type)`` tuple; a list of files is
sent as repeated ``name[]`` parts. Form fields are encoded as openai-python encodes them:
an array as repeated ``key[]`` fields, an object as ``key[sub]`` fields, booleans as
``true``/``false``; ``None`` and `NOT_GIVEN` values are left out. Files are read into bytes
before the first attempt, so that a retry sends the same content.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeAlias, cast

from ._types import FileContent, FileTypes, NotGiven

__all__ = ["RequestFiles", "file_parts", "form_data", "multipart_files", "read_files"]

RequestFiles: TypeAlias = Mapping[str, object] | Sequence[tuple[str, object]]
"""The files of a request (`FileTypes`): by field name, or as ``(field, file)`` pairs (a
field repeated). A mapping in place of a file is a form field (a field that takes a file
or an object), sent as ``key[sub]`` fields."""

ReadFile: TypeAlias = tuple[str | None, bytes] | tuple[str | None, bytes, str | None]
"""A file with its content read: ``(filename, bytes[, content_type])``."""


def file_parts(uploads: Mapping[str, object]) -> list[tuple[str, object]]:
    """``(field, file)`` pairs of the file arguments of a call; a list (or a tuple of files)
    gives one ``field[]`` pair per file. Arguments not given are left out."""
    parts: list[tuple[str, object]] = []
    for key, value in uploads.items():
        if isinstance(value, NotGiven) or value is None:
            continue
        if _many(value):
            assert isinstance(value, list | tuple)
            parts.extend((f"{key}[]", file) for file in value)
        else:
            parts.append((key, value))
    return parts


def _many(value: object) -> bool:
    """A list of files, not one `(filename, content)` tuple (a filename is a str or None)."""
    if isinstance(value, list):
        return True
    return isinstance(value, tuple) and bool(value) and not isinstance(value[0], str | None)


def read_files(files: RequestFiles) -> tuple[list[tuple[str, ReadFile]], dict[str, object]]:
    """``files`` as pairs, each file's content read (paths and file objects into bytes),
    and the form fields found among them (mappings)."""
    pairs = files.items() if isinstance(files, Mapping) else files
    read: list[tuple[str, ReadFile]] = []
    fields: dict[str, object] = {}
    for key, file in pairs:
        if isinstance(file, Mapping):
            fields[key] = file
        else:
            read.append((key, _read(cast(FileTypes, file))))
    return read, fields


def _read(file: FileTypes) -> ReadFile:
    match file:
        case (name, content):
            return (name, _content(content))
        case (name, content, content_type):
            return (name, _content(content), content_type)
    return (_filename(file), _content(file))


def _content(content: FileContent) -> bytes:
    if isinstance(content, bytes):
        return content
    if isinstance(content, os.PathLike):
        return Path(content).read_bytes()
    return content.read()


def _filename(content: FileContent) -> str | None:
    """The name a bare file goes by: a path's or a file object's base name."""
    if isinstance(content, os.PathLike):
        return Path(content).name
    name = getattr(content, "name", None)
    return Path(name).name if isinstance(name, str) and name else "upload"


class _Parts(list[tuple[str, ReadFile]]):
    """File parts that are true even when empty: httpx then still sends a multipart body
    (a form with only fields, its files optional and not given)."""

    def __bool__(self) -> bool:
        return True


def multipart_files(files: Sequence[tuple[str, ReadFile]] | None) -> _Parts:
    """The ``files=`` of httpx for a multipart body (possibly without any file)."""
    return _Parts(files or [])


def form_data(body: object) -> dict[str, str | list[str]]:
    """The ``data=`` of httpx: the form fields of a JSON-like ``body``."""
    fields: dict[str, str | list[str]] = {}
    if isinstance(body, Mapping):
        for key, value in body.items():
            _flatten(str(key), value, fields)
    return fields


def _flatten(key: str, value: object, fields: dict[str, str | list[str]]) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, Mapping):
        for sub, item in value.items():
            _flatten(f"{key}[{sub}]", item, fields)
    elif isinstance(value, list | tuple):
        for item in value:
            _flatten(f"{key}[]", item, fields)
    else:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        before = fields.get(key)
        if before is None:
            fields[key] = text
        elif isinstance(before, list):
            before.append(text)
        else:
            fields[key] = [before, text]
