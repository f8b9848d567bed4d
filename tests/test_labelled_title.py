"""An operation's summary and description under `Summary:` / `Description:` labels right
after its method line (Swagger's Markdown exports), against the title above the path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.api import scrape

_TABLE = """
##### Parameters

| Name | Located in | Description | Required | Schema |
| ---- | ---------- | ----------- | -------- | ---- |
| box_id | path | The box. | Yes | string |
"""


def _operation(tmp_path: Path, text: str) -> dict[str, Any]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    paths = scrape([page], base=tmp_path).document["paths"]
    operation: dict[str, Any] = paths["/boxes/{box_id}"]["get"]
    return operation


def test_labels_give_summary_and_description(tmp_path: Path) -> None:
    text = (
        "## Version: 2.0\n\n### /boxes/{box_id}\n\n#### GET\n##### Summary:\n\nGet a box\n\n"
        "##### Description:\n\nReturns one box with its contents.\n" + _TABLE
    )
    operation = _operation(tmp_path, text)
    assert operation["summary"] == "Get a box"
    assert operation["description"] == "Returns one box with its contents."


def test_without_labels_the_title_above_stays(tmp_path: Path) -> None:
    operation = _operation(tmp_path, "### Get a box\n\nGET /boxes/{box_id}\n" + _TABLE)
    assert operation["summary"] == "Get a box"


def test_a_label_with_no_text_under_it_gives_nothing(tmp_path: Path) -> None:
    text = "### Get a box\n\nGET /boxes/{box_id}\n\nSummary:\n\nDescription:\n" + _TABLE
    assert _operation(tmp_path, text)["summary"] == "Get a box"
