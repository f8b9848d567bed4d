"""What a fetched document points to: links of an HTML or Markdown page, the entries of a
sitemap (or sitemap index), the entries of an `llms.txt`, and the specs a page names
(Redoc `spec-url`, Swagger UI `url`/`urls`, Scalar `data-url`, `<link rel="alternate">`,
links to `openapi.json`/`.yaml` or `swagger.json`)."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup, Tag

from generator import lazyre

_SPEC_NAME = lazyre.compile(r"(?:openapi|swagger|api-docs?)[^/]*\.(?:json|ya?ml)$", re.IGNORECASE)
_SPEC_TYPE = lazyre.compile(r"openapi|swagger|yaml|json", re.IGNORECASE)
_SWAGGER_URL = lazyre.compile(r"""\burl\s*:\s*["']([^"']+)["']""")
_REDOC_INIT = lazyre.compile(r"""Redoc\.init\(\s*["']([^"']+)["']""")
_MD_LINK = lazyre.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_BARE_URL = lazyre.compile(r"https?://[^\s)>\]\"']+")


def clean(url: str) -> str:
    """`url` without its fragment."""
    return urldefrag(url)[0]


def looks_spec(url: str) -> bool:
    return bool(_SPEC_NAME.search(urlsplit(url).path))


def html_links(text: str, base: str) -> tuple[list[str], list[str]]:
    """(page links, spec links) of an HTML page, absolute, without fragments."""
    soup = BeautifulSoup(text, "html.parser")
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(base, str(base_tag["href"]))
    pages: list[str] = []
    specs: list[str] = []
    for tag in soup.find_all(["a", "link"], href=True):
        href = urljoin(base, str(tag["href"]).strip())
        if tag.name == "link":
            rel = " ".join(tag.get_attribute_list("rel")).lower()
            kind = str(tag.get("type", ""))
            if "alternate" in rel and (_SPEC_TYPE.search(kind) or looks_spec(href)):
                specs.append(href)
            elif "alternate" in rel and "markdown" in kind:
                pages.append(href)
            continue
        (specs if looks_spec(href) else pages).append(href)
    specs += _spec_attributes(soup, base)
    return _unique(pages), _unique(specs)


def markdown_alternates(text: str, base: str) -> list[str]:
    """The Markdown exports an HTML page names (`<link rel="alternate" type="text/markdown">`)."""
    soup = BeautifulSoup(text, "html.parser")
    found = []
    for tag in soup.find_all("link", href=True):
        rel = " ".join(tag.get_attribute_list("rel")).lower()
        if "alternate" in rel and "markdown" in str(tag.get("type", "")):
            found.append(clean(urljoin(base, str(tag["href"]).strip())))
    return found


def _spec_attributes(soup: BeautifulSoup, base: str) -> list[str]:
    found: list[str] = []
    for tag in soup.find_all(attrs={"spec-url": True}):  # Redoc
        found.append(str(tag["spec-url"]))
    for tag in soup.find_all(attrs={"data-url": True}):  # Scalar
        found.append(str(tag["data-url"]))
    for script in soup.find_all("script"):
        code = script.string or ""
        if "SwaggerUI" in code or "swagger" in code.lower():
            found += _SWAGGER_URL.findall(code)
        found += _REDOC_INIT.findall(code)
        if "configuration" in code and "url" in code and "Scalar" in code:
            found += _SWAGGER_URL.findall(code)
    return [urljoin(base, url.strip()) for url in found if url.strip()]


def markdown_links(text: str, base: str) -> tuple[list[str], list[str]]:
    """(page links, spec links) of a Markdown page or an `llms.txt`."""
    urls = [urljoin(base, m) for m in _MD_LINK.findall(text)]
    urls += _BARE_URL.findall(text)
    urls = [clean(u) for u in urls]
    return (
        _unique([u for u in urls if not looks_spec(u)]),
        _unique([u for u in urls if looks_spec(u)]),
    )


def sitemap_entries(data: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index; ([], []) for what
    is not one. XML entities are not expanded (ElementTree reads no external DTD)."""
    if b"<!ENTITY" in data[:4096]:
        return [], []
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return [], []
    pages: list[str] = []
    nested: list[str] = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] != "loc" or not element.text:
            continue
        (nested if root.tag.endswith("sitemapindex") else pages).append(element.text.strip())
    return pages, nested


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(clean(u) for u in urls if urlsplit(u).scheme in ("http", "https")))
