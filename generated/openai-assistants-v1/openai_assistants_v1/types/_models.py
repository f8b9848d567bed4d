# File generated from our OpenAPI spec by docs2sdk. See README.md.

from __future__ import annotations

from typing import Any

from openai_assistants_v1._models import BaseModel


class Assistant(BaseModel):
    id: str
    object: str
    created_at: int
    name: str | None
    description: None
    model: str
    instructions: str | None
    tools: list[str]
    file_ids: list[str]
    metadata: dict[str, Any]
    top_p: int
    temperature: int
    response_format: str


class CreateAssistantRequestTool(BaseModel):
    type: str | None = None


class CreateAssistantRequest(BaseModel):
    instructions: str
    name: str
    tools: list[CreateAssistantRequestTool]
    """
    code_interpreter, retrieval, or function.
    """
    model: str


class ListAssistantsResponse(BaseModel):
    object: str
    data: list[Assistant]
    first_id: str
    last_id: str
    has_more: bool
