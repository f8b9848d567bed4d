"""Bytes to text for untrusted pages: BOMs, UTF-16 without BOM, UTF-8, then Latin-1."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


class BinaryContent(ValueError):
    """The bytes are not text in any encoding a doc page plausibly uses."""


def decode_bytes(data: bytes) -> str:
    """Decode page bytes; raise `BinaryContent` for data that is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        return _decode_utf16_guess(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _control_ratio(text) > 0.05:
        raise BinaryContent("binary content")
    return text


def _decode_utf16_guess(data: bytes) -> str:
    head = data[:4096]
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    if odd_zeros > len(head) // 4 and even_zeros < odd_zeros // 4:
        return data.decode("utf-16-le", errors="replace")
    if even_zeros > len(head) // 4 and odd_zeros < even_zeros // 4:
        return data.decode("utf-16-be", errors="replace")
    raise BinaryContent("binary content (NUL bytes)")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    return len(_CONTROLS.findall(sample)) / len(sample)
