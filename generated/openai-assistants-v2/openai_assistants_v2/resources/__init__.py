# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Resources of openai-assistants-v2, one module each."""

from .assistants import Assistants as Assistants
from .assistants import AsyncAssistants as AsyncAssistants

__all__ = [
    "Assistants",
    "AsyncAssistants",
]
