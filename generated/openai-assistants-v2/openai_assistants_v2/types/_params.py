# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Request parameters of openai-assistants-v2: the objects a call takes, as TypedDicts.

Pass plain dicts; `mypy` checks their keys and value types. Responses are the models of
`_models`.
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["CreateAssistantToolsParam"]


class CreateAssistantToolsParam(TypedDict, total=False):
    type: str
