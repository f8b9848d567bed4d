"""Per-call overhead of our generated client vs openai-python (a child of `openai_parity.py`).

    PYTHONPATH=SDK_DIR python call_overhead.py [--calls N] [--runs R] [--no-ours-stream]

Runs in the benchmark's venv (openai 3.3.1 on httpx2, our `openai_bench` on httpx). Both
clients get one handler that answers every request with canned JSON (or an SSE body),
each behind its own library's `MockTransport`, so no socket is opened and the time is the
client's: building the request, sending it through the transport, parsing the response.
Each scenario runs `--calls` calls per run, the two SDKs alternating run by run; the best
run of each is kept. Prints a Markdown table: microseconds per call and the ratio.
"""

from __future__ import annotations

import argparse
import inspect
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import httpx2
import openai
import openai_bench

BASE = "http://bench.invalid/v1"
CHUNKS = 50


def file_object(index: int) -> dict[str, Any]:
    return {
        "id": f"file-{index:04d}",
        "object": "file",
        "bytes": 1024,
        "created_at": 1700000000,
        "filename": f"data-{index}.jsonl",
        "purpose": "fine-tune",
        "status": "processed",
        "expires_at": None,
        "status_details": None,
    }


def vector_store() -> dict[str, Any]:
    counts = {"in_progress": 0, "completed": 1, "failed": 0, "cancelled": 0, "total": 1}
    return {
        "id": "vs_abc",
        "object": "vector_store",
        "created_at": 1700000000,
        "name": "bench",
        "usage_bytes": 10,
        "file_counts": counts,
        "status": "completed",
        "expires_after": None,
        "expires_at": None,
        "last_active_at": 1700000000,
        "metadata": {"k": "v"},
    }


def sse_body(chunks: int) -> bytes:
    events = []
    for index in range(chunks):
        chunk = {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": 1700000000,
            "model": "gpt-4o",
            "choices": [
                {
                    "index": 0,
                    "delta": {"content": f"w{index} "},
                    "finish_reason": None,
                    "logprobs": None,
                }
            ],
        }
        events.append(f"data: {json.dumps(chunk)}\n\n")
    return ("".join(events) + "data: [DONE]\n\n").encode()


PAGE = {
    "object": "list",
    "data": [file_object(i) for i in range(20)],
    "first_id": "file-0000",
    "last_id": "file-0019",
    "has_more": False,
}
BODIES = {
    ("GET", "/v1/files/file-abc"): (json.dumps(file_object(1)).encode(), "application/json"),
    ("POST", "/v1/vector_stores"): (json.dumps(vector_store()).encode(), "application/json"),
    ("GET", "/v1/files"): (json.dumps(PAGE).encode(), "application/json"),
    ("POST", "/v1/chat/completions"): (sse_body(CHUNKS), "text/event-stream"),
}


def answer(method: str, path: str) -> tuple[int, bytes, dict[str, str]]:
    content, kind = BODIES[(method, path)]
    return 200, content, {"content-type": kind}


def our_client() -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        status, content, headers = answer(request.method, request.url.path)
        return httpx.Response(status, content=content, headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    keys = [p for p in inspect.signature(openai_bench.Client).parameters if "api_key" in p]
    return openai_bench.Client(**dict.fromkeys(keys, "sk-bench"), base_url=BASE, http_client=http)


def their_client() -> Any:
    def handler(request: httpx2.Request) -> httpx2.Response:
        status, content, headers = answer(request.method, request.url.path)
        return httpx2.Response(status, content=content, headers=headers)

    http = httpx2.Client(transport=httpx2.MockTransport(handler))
    return openai.OpenAI(api_key="sk-bench", base_url=BASE, http_client=http)


def scenarios(client: Any, *, stream: bool) -> dict[str, Callable[[], object]]:
    calls: dict[str, Callable[[], object]] = {
        "retrieve (files.retrieve)": lambda: client.files.retrieve("file-abc"),
        "create (vector_stores.create)": lambda: client.vector_stores.create(
            name="bench", metadata={"k": "v"}
        ),
        "list of 20 (files.list, iterated)": lambda: list(client.files.list()),
    }
    if stream:
        messages = [{"role": "user", "content": "hi"}]
        calls[f"stream of {CHUNKS} chunks (chat.completions)"] = lambda: list(
            client.chat.completions.create(model="gpt-4o", messages=messages, stream=True)
        )
    return calls


def best(call: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


def measure(calls: int, runs: int, *, ours_stream: bool) -> list[tuple[str, float, float | None]]:
    ours, theirs = scenarios(our_client(), stream=ours_stream), scenarios(
        their_client(), stream=True
    )
    rows = []
    for name, their_call in theirs.items():
        our_call = ours.get(name)
        for call in filter(None, (our_call, their_call)):
            best(call, max(1, calls // 10))  # warm-up: imports, caches, connection pool
        our_times, their_times = [], []
        for _ in range(runs):
            if our_call is not None:
                our_times.append(best(our_call, calls))
            their_times.append(best(their_call, calls))
        rows.append((name, min(their_times), min(our_times) if our_times else None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-ours-stream", action="store_true")
    args = parser.parse_args()
    rows = measure(args.calls, args.runs, ours_stream=not args.no_ours_stream)
    print("| call | ours µs/call | openai-python µs/call | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for name, theirs, ours in rows:
        limit = 1.0 if name.startswith("stream") else 0.5
        if ours is None:
            print(
                f"| {name} | (no streaming: skipped) | {theirs * 1e6:.0f} | - | <= {limit}x | - |"
            )
            continue
        ratio = ours / theirs
        met = "yes" if ratio <= limit else "NO"
        times = f"{ours * 1e6:.0f} | {theirs * 1e6:.0f}"
        print(f"| {name} | {times} | {ratio:.2f}x | <= {limit}x | {met} |")


if __name__ == "__main__":
    main()
