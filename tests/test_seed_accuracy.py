"""Each seed page scraped alone, scored against the hand-written page-faithful gold.

Issue target: F1 >= 0.95 on the five seeds together. Agreement with the official spec is
printed by benchmarks/accuracy.py; here it is checked to stay below 1 where the pages
themselves disagree with the spec (the Apifox v1 pages), so the tool reports the docs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.api import scrape
from tests.accuracy.scoring import combine, reference_agreement, score
from tests.conftest import ROOT

SEEDS = {
    "000_9ec4c17cb5408141": ("openai-assistants-v1", "openai-openapi.assistants-v1.yaml"),
    "001_9f445b77d545d010": ("openai-assistants-v2", "openai-openapi.latest.yaml"),
    "002_95475de74a081c47": ("openai-assistants-v1", "openai-openapi.assistants-v1.yaml"),
    "003_5bb3c01c418c4965": ("portkey", "portkey-openapi.latest.yaml"),
    "004_631ad60a8a08487f": ("openai-assistants-v2", "openai-openapi.latest.yaml"),
}


def _page(stem: str) -> Path:
    return ROOT / "input" / SEEDS[stem][0] / f"{stem}.txt"


def test_seeds_together_reach_the_target(shared: Path) -> None:
    scores = [
        score(scrape([_page(s)]).document, shared / "gold" / "seeds" / f"{s}.yaml") for s in SEEDS
    ]
    total = combine(scores)
    assert total.f1 >= 0.95, (total.missing, total.extra)


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_each_seed_is_faithful(stem: str, shared: Path) -> None:
    result = score(scrape([_page(stem)]).document, shared / "gold" / "seeds" / f"{stem}.yaml")
    assert result.f1 >= 0.9, (result.missing, result.extra)


@pytest.mark.parametrize("stem", ["000_9ec4c17cb5408141", "002_95475de74a081c47"])
def test_pages_win_over_the_official_spec(stem: str, shared: Path) -> None:
    document = scrape([_page(stem)]).document
    agreement = reference_agreement(document, shared / "reference" / SEEDS[stem][1])
    assert 0.3 < agreement.f1 < 1.0
    limit = (
        next(
            p
            for p in document["paths"]["/assistants"].get("get", {}).get("parameters", [])
            if p["name"] == "limit"
        )
        if stem.startswith("000")
        else None
    )
    if limit is not None:
        assert limit["required"] is True
        assert limit["schema"] == {"type": "string"}


def test_v2_folder_shares_one_assistant_schema() -> None:
    document = scrape([ROOT / "input" / "openai-assistants-v2"]).document
    list_ref = document["components"]["schemas"]["ListAssistantsResponse"]["properties"]["data"]
    retrieve = document["paths"]["/assistants/{assistant_id}"]["get"]["responses"]["200"]
    ref = "#/components/schemas/Assistant"
    assert list_ref["items"] == {"$ref": ref}
    assert retrieve["content"]["application/json"]["schema"] == {"$ref": ref}
    assistant = document["components"]["schemas"]["Assistant"]
    assert "tool_resources" in assistant["properties"]
    assert (
        assistant["x-source"].startswith("input/openai-assistants-v2/") or "x-source" in assistant
    )
