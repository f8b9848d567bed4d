"""Hypothesis settings of the property tests: deterministic in CI, exploring on demand.

Derandomized and without an example database, so every run tries the same examples and a
failure reproduces. `DOCS2SDK_FUZZ=N` runs N times the examples, random instead (a long
exploration run; CI leaves it unset).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ANY_TEXT = st.text(st.characters(exclude_categories=()))
"""Any text at all: unlike `st.text()`, this includes lone surrogates (JSON's `"\\ud800"`)."""

EXPLORE = int(os.environ.get("DOCS2SDK_FUZZ", "0") or 0)


def examples(count: int, *also_allowed: HealthCheck) -> settings:
    """Settings for `count` examples (more with `DOCS2SDK_FUZZ`); slow or large examples
    are no failure, nor are the health checks named in `also_allowed`."""
    return settings(
        max_examples=count * max(EXPLORE, 1),
        deadline=None,
        derandomize=not EXPLORE,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, *also_allowed],
    )
