# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Models of openai-assistants-v2 (one class per object), and request TypedDicts."""

from ._models import Assistant as Assistant
from ._models import AssistantTool as AssistantTool
from ._models import AssistantToolResources as AssistantToolResources
from ._models import AssistantToolResourcesCodeInterpreter as AssistantToolResourcesCodeInterpreter
from ._models import AssistantToolResourcesFileSearch as AssistantToolResourcesFileSearch
from ._models import CreateAssistantRequest as CreateAssistantRequest
from ._models import CreateAssistantRequestTool as CreateAssistantRequestTool
from ._models import ListAssistantsResponse as ListAssistantsResponse
from ._params import CreateAssistantToolsParam as CreateAssistantToolsParam

__all__ = [
    "Assistant",
    "AssistantTool",
    "AssistantToolResources",
    "AssistantToolResourcesCodeInterpreter",
    "AssistantToolResourcesFileSearch",
    "CreateAssistantRequest",
    "CreateAssistantRequestTool",
    "CreateAssistantToolsParam",
    "ListAssistantsResponse",
]
