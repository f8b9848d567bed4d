# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""`Client` and `AsyncClient` for portkey."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._types import Timeout
from .resources.assistants import Assistants, AsyncAssistants

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_HEADERS", "AsyncClient", "Client", "ClientConfigError"]

DEFAULT_BASE_URL = "https://api.portkey.ai/v1"
DEFAULT_HEADERS: dict[str, str] = {
    "OpenAI-Beta": "assistants=v2",
}


class ClientConfigError(ValueError):
    """A client option that is needed is neither passed nor set in the environment."""


def _setting(value: str | None, env_var: str, what: str) -> str:
    found = value if value is not None else os.environ.get(env_var)
    if found is None:
        raise ClientConfigError(f"pass {what}= or set the {env_var} environment variable")
    return found


def _base_url(value: str | httpx.URL | None) -> str | httpx.URL:
    found = value or os.environ.get("PORTKEY_BASE_URL") or DEFAULT_BASE_URL
    if not found:
        raise ClientConfigError("pass base_url=: the docs name no server")
    return found


class Client(SyncAPIClient):
    """Synchronous client for portkey.

    Credentials not passed are read from the environment:
    ``portkey_api_key`` from ``PORTKEY_API_KEY``.
    ``portkey_virtual_key`` from ``PORTKEY_VIRTUAL_KEY``.
    """

    portkey_api_key: str
    portkey_virtual_key: str

    def __init__(
        self,
        *,
        portkey_api_key: str | None = None,
        portkey_virtual_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.portkey_api_key = _setting(portkey_api_key, "PORTKEY_API_KEY", "portkey_api_key")
        self.portkey_virtual_key = _setting(
            portkey_virtual_key, "PORTKEY_VIRTUAL_KEY", "portkey_virtual_key"
        )
        super().__init__(
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            default_headers={**DEFAULT_HEADERS, **(default_headers or {})},
            auth_headers=self._credentials(),
            http_client=http_client,
        )

    def _credentials(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        headers["x-portkey-api-key"] = self.portkey_api_key
        headers["x-portkey-virtual-key"] = self.portkey_virtual_key
        return headers

    @cached_property
    def assistants(self) -> Assistants:
        return Assistants(self)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for portkey.

    Credentials not passed are read from the environment:
    ``portkey_api_key`` from ``PORTKEY_API_KEY``.
    ``portkey_virtual_key`` from ``PORTKEY_VIRTUAL_KEY``.
    """

    portkey_api_key: str
    portkey_virtual_key: str

    def __init__(
        self,
        *,
        portkey_api_key: str | None = None,
        portkey_virtual_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.portkey_api_key = _setting(portkey_api_key, "PORTKEY_API_KEY", "portkey_api_key")
        self.portkey_virtual_key = _setting(
            portkey_virtual_key, "PORTKEY_VIRTUAL_KEY", "portkey_virtual_key"
        )
        super().__init__(
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            default_headers={**DEFAULT_HEADERS, **(default_headers or {})},
            auth_headers=self._credentials(),
            http_client=http_client,
        )

    def _credentials(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        headers["x-portkey-api-key"] = self.portkey_api_key
        headers["x-portkey-virtual-key"] = self.portkey_virtual_key
        return headers

    @cached_property
    def assistants(self) -> AsyncAssistants:
        return AsyncAssistants(self)
