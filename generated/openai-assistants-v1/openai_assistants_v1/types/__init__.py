# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Models of openai-assistants-v1 (one class per object), and request TypedDicts."""

from ._models import Assistant as Assistant
from ._models import CreateAssistantRequest as CreateAssistantRequest
from ._models import CreateAssistantRequestTool as CreateAssistantRequestTool
from ._models import ListAssistantsResponse as ListAssistantsResponse
from ._params import CreateAssistantToolsParam as CreateAssistantToolsParam

__all__ = [
    "Assistant",
    "CreateAssistantRequest",
    "CreateAssistantRequestTool",
    "CreateAssistantToolsParam",
    "ListAssistantsResponse",
]
