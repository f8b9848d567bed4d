# File generated from our OpenAPI spec by docs2sdk. See README.md.

from __future__ import annotations

from typing import Any

from pydantic import Field

from portkey._models import BaseModel


class AssistantToolResourcesCodeInterpreter(BaseModel):
    file_ids: list[Any] | None = None


class AssistantToolResourcesFileSearch(BaseModel):
    vector_store_ids: list[str] | None = None


class AssistantToolResources(BaseModel):
    code_interpreter: AssistantToolResourcesCodeInterpreter | None = None
    file_search: AssistantToolResourcesFileSearch | None = None


class Assistant(BaseModel):
    """
    Represents an assistant that can call the model and use tools.
    """

    id: str | None = None
    object: str | None = None
    created_at: int | None = None
    name: str | None = None
    description: str | None = None
    model: str | None = None
    instructions: str | None = None
    tools: list[Any] | None = None
    tool_resources: AssistantToolResources | None = None
    metadata: dict[str, Any] | None = None
    temperature: int | None = None
    top_p: int | None = None
    response_format: str | None = None


class ListAssistantsResponse(BaseModel):
    object: str = Field(..., examples=["list"])
    data: list[Assistant]
    """
    Represents an assistant that can call the model and use tools.
    """
    first_id: str = Field(..., examples=["asst_abc123"])
    last_id: str = Field(..., examples=["asst_abc456"])
    has_more: bool = Field(..., examples=[False])
