# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Request parameters of portkey: the objects a call takes, as TypedDicts.

Pass plain dicts; `mypy` checks their keys and value types. Responses are the models of
`_models`.
"""

from __future__ import annotations

__all__: list[str] = []
