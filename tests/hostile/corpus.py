"""The adversarial corpus: page files of every family shape, encoding and breakage.

Everything is data plus small generators; nothing large is committed. `page_cases()` lists
every page case (a file name and its bytes, or a generator for the huge ones) with what a
correct run must give. The hostile text and names are in `texts`, the family page writers
in `family_pages`, the hostile specs in `specs`.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from tests.hostile.family_pages import (
    Field,
    apifox_page,
    bump_page,
    embedded_page,
    fields,
    html_page,
    markdown_table_page,
    mintlify_page,
)
from tests.hostile.specs import hostile_spec
from tests.hostile.texts import (
    BUILTINS,
    CASE_TWINS,
    DUNDERS,
    INJECTION_NAMES,
    KEYWORDS,
    MARKER,
    NAMES,
    ODD,
    PYDANTIC,
    SIGNATURE_NAMES,
    SOFT_KEYWORDS,
    TEXTS,
    TYPING_NAMES,
)

# --- file-level cases ----------------------------------------------------------------------

Expect = Literal["operations", "problem", "either"]
"""What `scrape` must end with: operations found (exit 0), a problem (exit 1), or either."""


@dataclass(frozen=True)
class PageCase:
    id: str
    filename: str
    data: bytes | Callable[[Path], None]
    """The bytes of the page, or a generator that writes it (huge pages)."""
    expect: Expect
    names: tuple[str, ...] = ()
    """Field names the OpenAPI result must carry (checked only when given)."""
    texts: tuple[str, ...] = field(default=())
    """Hostile texts written into the page (tracked into the generated code)."""

    def write(self, folder: Path) -> Path:
        path = folder / self.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(self.data):
            self.data(path)
        else:
            path.write_bytes(self.data)
        return path


def nested_json(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def nested_schema(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        node = {"type": "object", "properties": {"child": node}}
    return node


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def huge_page(size: int) -> Callable[[Path], None]:
    """A Markdown table page padded with prose to `size` bytes, written in chunks."""

    def write(path: Path) -> None:
        head = _utf8(markdown_table_page(fields(["id", "class"], ["plain"])))
        line = b"Filler prose | with a bar | and `code` and a curl -X GET mention.\n"
        with path.open("wb") as out:
            out.write(head)
            remaining = size - len(head)
            chunk = line * (1 << 14)
            while remaining > 0:
                out.write(chunk[:remaining])
                remaining -= len(chunk)

    return write


def _family_cases() -> list[PageCase]:
    groups = {
        "keywords": KEYWORDS + SOFT_KEYWORDS,
        "builtins": BUILTINS + PYDANTIC,
        "dunders": DUNDERS + TYPING_NAMES + SIGNATURE_NAMES,
        "odd": ODD + CASE_TWINS + INJECTION_NAMES,
    }
    texts = tuple(TEXTS.values())
    makers: list[tuple[str, str, Callable[[list[Field]], str], bool]] = [
        ("markdown", "md", markdown_table_page, True),
        ("bump", "txt", bump_page, False),
        ("apifox", "txt", apifox_page, False),
        ("mintlify", "txt", mintlify_page, False),
        ("html", "html", html_page, False),
    ]
    cases = []
    for family, suffix, make, exact in makers:
        for group, names in groups.items():
            text = make(fields(names), path=f"/{family}/{group}")
            cases.append(
                PageCase(
                    f"{family}-{group}",
                    f"{family}/{group}.{suffix}",
                    _utf8(text),
                    "operations",
                    names=tuple(n for n in names if " " not in n) if exact else (),
                    texts=texts,
                )
            )
    for fence in ("json", "yaml"):
        spec = hostile_spec()
        text = embedded_page(spec, fence=fence)
        if fence == "yaml":
            clean = json.loads(
                json.dumps(spec).replace("\\ud800", "")
            )  # YAML has no lone surrogates
            dumped = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False)
            text = f"# {MARKER} exported spec\n\n```yaml\n{dumped}```\n"
        cases.append(
            PageCase(
                f"embedded-{fence}",
                f"embedded/spec_{fence}.md",
                _utf8(text),
                "operations",
                names=tuple(n for n in NAMES if n),
                texts=texts,
            )
        )
    return cases


def _encoding_cases() -> list[PageCase]:
    def page(case: str, *, euro: bool = True) -> str:
        items = fields(["class", "caf\u00e9", "id"], ["Prix en \u20ac, d\u00e9j\u00e0 vu"])
        text = markdown_table_page(items, path=f"/enc/{case}")
        return text if euro else text.replace("\u20ac", "EUR")

    wanted = ("class", "caf\u00e9")
    encoded: dict[str, bytes] = {
        "utf16-le-bom": codecs.BOM_UTF16_LE + page("a").encode("utf-16-le"),
        "utf16-be-bom": codecs.BOM_UTF16_BE + page("b").encode("utf-16-be"),
        "utf16-le": page("c").encode("utf-16-le"),
        "utf16-be": page("d").encode("utf-16-be"),
        "utf32-bom": codecs.BOM_UTF32_LE + page("e").encode("utf-32-le"),
        "latin1": page("f", euro=False).encode("latin-1"),
        "utf8-bom": codecs.BOM_UTF8 + page("g").encode(),
        "mixed-utf8-latin1": page("h").encode()
        + "\nUne ligne en Latin-1 : caf\u00e9 cr\u00e8me\n".encode("latin-1"),
        "cp1252-quotes": page("i", euro=False).replace("Prix", "\u201cPrix\u201d").encode("cp1252"),
    }
    return [
        PageCase(case, f"enc/{case}.md", data, "operations", wanted)
        for case, data in encoded.items()
    ]


def _broken_cases() -> list[PageCase]:
    table = markdown_table_page(fields(["id"], ["x"]), path="/broken")
    deep = nested_json(500)
    return [
        PageCase("empty-txt", "broken/empty.txt", b"", "problem"),
        PageCase("empty-md", "broken/empty.md", b"", "problem"),
        PageCase("empty-html", "broken/empty.html", b"", "problem"),
        PageCase("empty-json", "broken/empty.json", b"", "problem"),
        PageCase("whitespace", "broken/blank.txt", b" \n\t\n\r\n\x0c\n", "problem"),
        PageCase("bom-only", "broken/bom.txt", codecs.BOM_UTF8, "problem"),
        PageCase(
            "binary-png",
            "broken/image.txt",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
            "problem",
        ),
        PageCase(
            "binary-random",
            "broken/random.md",
            bytes((i * 7919 + 13) % 256 for i in range(65536)),
            "problem",
        ),
        PageCase("binary-html", "broken/blob.html", b"\x00\x01\x02\xff" * 4096, "problem"),
        PageCase(
            "unknown-pdf",
            "broken/doc.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            "problem",
        ),
        PageCase(
            "unknown-xml",
            "broken/doc.xml",
            b"<?xml version='1.0'?><api><op method='GET'/></api>",
            "either",
        ),
        PageCase("unknown-noext", "broken/README", _utf8(table), "either"),
        PageCase(
            "nested-json-500",
            "broken/nested.md",
            _utf8(table + f"\n## Example response\n\n```json\n{deep}\n```\n"),
            "operations",
        ),
        PageCase(
            "nested-json-5000",
            "broken/nested_deeper.md",
            _utf8(table + f"\n```json\n{nested_json(5000)}\n```\n"),
            "operations",
        ),
        PageCase(
            "nested-spec-file",
            "broken/nested_spec.json",
            _utf8(
                json.dumps(
                    {
                        "openapi": "3.1.0",
                        "info": {"title": "t", "version": "1"},
                        "paths": {
                            "/x": {
                                "post": {
                                    "requestBody": {
                                        "content": {
                                            "application/json": {
                                                "schema": nested_schema(60),
                                                "example": json.loads(nested_json(500)),
                                            }
                                        }
                                    },
                                    "responses": {"200": {"description": "ok"}},
                                }
                            }
                        },
                    }
                )
            ),
            "operations",
        ),
        PageCase(
            "deep-spec-json",
            "broken/deep_spec.json",
            _utf8('{"openapi": "3.1.0", "paths": {"/x": ' + nested_json(5000) + "}}"),
            "problem",
        ),
        PageCase(
            "invalid-json-example",
            "broken/invalid.md",
            _utf8(
                table
                + '\n```json\n{"a": 1,, "b": [1, 2\n```\n\n```json\n{"big": 1'
                + "0" * 5000
                + ', "nan": NaN, "inf": 1e999999}\n```\n'
            ),
            "operations",
        ),
        PageCase(
            "invalid-spec-json",
            "broken/invalid_spec.json",
            b'{"openapi": "3.1.0", "paths": {"/x": {"get": ',
            "problem",
        ),
        PageCase(
            "invalid-spec-yaml",
            "broken/invalid_spec.md",
            b"```yaml\nopenapi: 3.1.0\npaths:\n  /x: [unclosed\n  - : :\n```\n",
            "problem",
        ),
        PageCase("yaml-bomb", "broken/bomb.md", _utf8(_yaml_bomb()), "either"),
        PageCase(
            "unclosed-fence",
            "broken/fence.md",
            _utf8(table + '\n```json\n{"a": 1}\n'),
            "operations",
        ),
        PageCase("huge-line", "broken/one_line.txt", b"GET /x " + b"a" * 2_000_000, "either"),
        PageCase(
            "control-chars",
            "broken/controls.md",
            _utf8(table.replace("| x |", "| x\x01\x02\x1b[31m\x7f |")),
            "operations",
        ),
        PageCase(
            "crlf-and-cr",
            "broken/crlf.md",
            _utf8(table.replace("\n", "\r\n")[: len(table)] + table.replace("\n", "\r")),
            "operations",
        ),
        PageCase("huge-50mb", "huge/page.md", huge_page(50 * 1024 * 1024), "problem"),
    ]


def _yaml_bomb() -> str:
    lines = ["openapi: 3.1.0", "info: {title: bomb, version: '1'}", 'a0: &a0 ["lol", "lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 16)]
    lines += ["paths:", "  /x:", "    get:", "      description: bomb", "      x-bomb: *a15"]
    lines += ["      responses: {'200': {description: ok}}"]
    return "```yaml\n" + "\n".join(lines) + "\n```\n"


def page_cases() -> list[PageCase]:
    return [*_family_cases(), *_encoding_cases(), *_broken_cases()]
