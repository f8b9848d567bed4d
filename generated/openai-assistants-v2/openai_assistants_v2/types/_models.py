# File generated from our OpenAPI spec by docs2sdk. See README.md.

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from openai_assistants_v2._models import BaseModel


class AssistantTool(BaseModel):
    type: str | None = None


class AssistantToolResourcesCodeInterpreter(BaseModel):
    file_ids: list[str] | None = []
    """
    A list of file IDs made available to the code_interpreter` tool. There can be a maximum of 20 files associated with the tool. Not more than 20 elements. Default value is [] (empty).
    """


class AssistantToolResourcesFileSearch(BaseModel):
    vector_store_ids: list[str] | None = None


class AssistantToolResources(BaseModel):
    """
    A set of resources that are used by the assistant's tools. The resources are specific to the type of tool. For example, the code_interpreter tool requires a list of file IDs, while the file_search tool requires a list of vector store IDs.
    """

    code_interpreter: AssistantToolResourcesCodeInterpreter | None = None
    file_search: AssistantToolResourcesFileSearch | None = None


class Assistant(BaseModel):
    """
    Represents an assistant that can call the model and use tools.
    """

    id: str
    """
    The identifier, which can be referenced in API endpoints.
    """
    object: Literal["assistant"]
    """
    The object type, which is always assistant. Value is assistant.
    """
    created_at: int
    """
    The Unix timestamp (in seconds) for when the assistant was created.
    """
    name: str | None
    """
    The name of the assistant. The maximum length is 256 characters. Maximum length is 256.
    """
    description: str | None
    """
    The description of the assistant. The maximum length is 512 characters. Maximum length is 512.
    """
    model: str
    """
    ID of the model to use. You can use the List models API to see all of your available models, or see our Model overview for descriptions of them.
    """
    instructions: str | None
    """
    The system instructions that the assistant uses. The maximum length is 256,000 characters. Maximum length is 256000.
    """
    tools: list[AssistantTool]
    """
    A list of tool enabled on the assistant. There can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, file_search, or function. Not more than 128 elements. Default value is [] (empty).
    """
    tool_resources: AssistantToolResources | None = None
    """
    A set of resources that are used by the assistant's tools. The resources are specific to the type of tool. For example, the code_interpreter tool requires a list of file IDs, while the file_search tool requires a list of vector store IDs.
    """
    metadata: dict[str, Any] | None
    """
    Set of 16 key-value pairs that can be attached to an object. This can be useful for storing additional information about the object in a structured format, and querying for objects via API or the dashboard. Keys are strings with a maximum length of 64 characters. Values are strings with a maximum length of 512 characters.
    """
    temperature: float | None = 1
    """
    What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic. Minimum value is 0, maximum value is 2. Default value is 1.
    """
    top_p: float | None = 1
    """
    An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising the top 10% probability mass are considered. We generally recommend altering this or temperature but not both. Minimum value is 0, maximum value is 1. Default value is 1.
    """
    response_format: Literal["auto"] | dict[str, Any] | None = None
    """
    Specifies the format that the model must output. Compatible with GPT-4o, GPT-4 Turbo, and all GPT-3.5 Turbo models since gpt-3.5-turbo-1106. Setting to { "type": "json_schema", "json_schema": {...} } enables Structured Outputs which ensures the model will match your supplied JSON schema. Learn more in the Structured Outputs guide. Setting to { "type": "json_object" } enables JSON mode, which ensures the message the model generates is valid JSON. Important: when using JSON mode, you must also instruct the model to produce JSON yourself via a system or user message. Without this, the model may generate an unending stream of whitespace until the generation reaches the token limit, resulting in a long-running and seemingly "stuck" request. Also note that the message content may be partially cut off if finish_reason="length", which indicates the generation exceeded max_tokens or the conversation exceeded the max context length. auto is the default value Value is auto.
    """


class CreateAssistantRequestTool(BaseModel):
    type: str | None = None


class CreateAssistantRequest(BaseModel):
    model: str = Field(..., examples=["gpt-4o"])
    """
    ID of the model to use. You can use the List models API to see all of your available models.
    """
    name: str | None = None
    """
    The name of the assistant. The maximum length is 256 characters. Maximum length: 256
    """
    description: str | None = None
    """
    The description of the assistant. The maximum length is 512 characters. Maximum length: 512
    """
    instructions: str | None = None
    """
    The system instructions that the assistant uses. The maximum length is 256,000 characters. Maximum length: 256000
    """
    tools: list[CreateAssistantRequestTool] | None = None
    """
    A list of tool enabled on the assistant. There can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, file_search, or function. Maximum array length: 128
    """
    tool_resources: dict[str, Any] | None = None
    """
    A set of resources that are used by the assistant's tools.
    """
    metadata: dict[str, Any] | None = None
    """
    Set of 16 key-value pairs that can be attached to an object.
    """
    temperature: float | None = Field(1, examples=[1])
    """
    What sampling temperature to use, between 0 and 2. Required range: 0 <= x <= 2
    """
    top_p: float | None = Field(1, examples=[1])
    """
    An alternative to sampling with temperature, called nucleus sampling. Required range: 0 <= x <= 1
    """


class ListAssistantsResponse(BaseModel):
    object: str
    data: list[Assistant]
    """
    Represents an assistant that can call the model and use tools.
    """
    first_id: str
    last_id: str
    has_more: bool
