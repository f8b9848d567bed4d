"""Name-only field records (`generator.scrape.bare_names`), on invented text."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.bare_names import bare_name_fields


def lines(*texts: str) -> list[Line]:
    return [Line(n, text) for n, text in enumerate(texts, 1)]


def test_names_take_the_description_under_them() -> None:
    fields = bare_name_fields(lines("cursor", "Where the page starts", "page_size", "per-page"))
    assert [f.name for f in fields] == ["cursor", "page_size", "per-page"]
    assert fields[0].text == "Where the page starts"
    assert fields[1].text == ""


def test_a_labels_values_are_not_fields_but_the_described_name_after_them_is() -> None:
    fields = bare_name_fields(
        lines("order", "Sort order", "Allowed values:", "asc", "desc", "limit", "How many")
    )
    assert [f.name for f in fields] == ["order", "limit"]


def test_prose_code_labels_and_capitalized_words_are_not_names() -> None:
    text = ("Returns the list", "Pagination", "bash", "cURL", "string", "required", "true")
    assert bare_name_fields(lines(*text)) == []


def test_one_name_alone_is_not_enough() -> None:
    assert bare_name_fields(lines("Deletes the hive.", "hive_id", "The hive")) == []
