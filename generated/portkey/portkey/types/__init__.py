# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Models of portkey (one class per object), and request TypedDicts."""

from ._models import Assistant as Assistant
from ._models import AssistantToolResources as AssistantToolResources
from ._models import AssistantToolResourcesCodeInterpreter as AssistantToolResourcesCodeInterpreter
from ._models import AssistantToolResourcesFileSearch as AssistantToolResourcesFileSearch
from ._models import ListAssistantsResponse as ListAssistantsResponse

__all__ = [
    "Assistant",
    "AssistantToolResources",
    "AssistantToolResourcesCodeInterpreter",
    "AssistantToolResourcesFileSearch",
    "ListAssistantsResponse",
]
