"""Work shared by this process and forked copies of it; the parent works too.

Why not `concurrent.futures.ProcessPoolExecutor`: in a `docs2sdk scrape` of a few hundred
pages the pool was a sizeable part of the run. Importing it (multiprocessing, logging,
threading, sockets ...) and starting it cost ~30 ms a process, its parent only waited, and
its results came back one task at a time through a feeder thread. Here the parent forks
`processes - 1` children and then takes work itself. Work is handed out through a pipe of
chunk numbers written before forking: each 4-byte read takes one chunk, so the fastest
process does the most. A child sends its results back pickled, once, at the end.

POSIX only (`os.fork`); callers fall back to a plain loop where `available()` is false.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_ENTRY = 4
"""Bytes of one queue entry: the index of a chunk's first item."""
_MAX_CHUNKS = 1000
"""4,000 bytes of entries fit in the buffer of any pipe, so the whole queue is written
before forking, and no process ever waits for work to be handed out."""


class WorkerDied(RuntimeError):
    """A child ended without sending its results (killed, or out of memory)."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a child, as text (its `__cause__`)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def available() -> bool:
    return hasattr(os, "fork")


def run_shared(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    processes: int,
    *,
    meanwhile: Callable[[], object] | None = None,
) -> list[Result]:
    """`[work(item) for item in items]`, computed by this process and `processes - 1` forked
    children. `meanwhile` runs in this process only, after forking and before it takes its
    share of the work: the children take more meanwhile."""
    if not items:
        return []
    size = -(-len(items) // _MAX_CHUNKS)  # items per chunk
    queue = _queue(range(0, len(items), size))
    children: list[_Child[Result]] = []
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # collections in the children skip (and so never copy) what they inherit
    done = False
    try:
        for _ in range(processes - 1):
            children.append(_Child.start(work, items, size, queue))
        if meanwhile is not None:
            meanwhile()
        results = _take(work, items, size, queue)
        for child in children:
            results.update(child.results())
        done = True
    finally:
        gc.unfreeze()
        os.close(queue)
        for child in children:
            child.end(kill=not done)
    return [results[i] for i in range(len(items))]


def _queue(starts: range) -> int:
    """The read end of a pipe holding every chunk's first index; EOF once all are taken."""
    read, write = os.pipe()
    try:
        data = b"".join(start.to_bytes(_ENTRY, "little") for start in starts)
        while data:
            data = data[os.write(write, data) :]
    finally:
        os.close(write)
    return read


def _take(
    work: Callable[[Item], Result], items: Sequence[Item], size: int, queue: int
) -> dict[int, Result]:
    """Chunks taken from the queue until it is empty, and their results by item index.

    A read of one entry is atomic: every entry was written before any read, and a pipe
    read holds the pipe's lock, so no two processes take the same chunk."""
    results: dict[int, Result] = {}
    while entry := os.read(queue, _ENTRY):
        if len(entry) != _ENTRY:
            raise RuntimeError(f"work queue read {len(entry)} bytes of an entry")
        start = int.from_bytes(entry, "little")
        for index in range(start, min(start + size, len(items))):
            results[index] = work(items[index])
    return results


class _Child(Generic[Result]):
    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe, self.status = pid, pipe, -1

    @classmethod
    def start(
        cls, work: Callable[[Item], Result], items: Sequence[Item], size: int, queue: int
    ) -> _Child[Result]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            _serve(write, lambda: _take(work, items, size, queue))
        os.close(write)
        return cls(pid, read)

    def results(self) -> dict[int, Result]:
        import pickle  # noqa: PLC0415 - imported while the children work, not before forking

        chunks = []
        while chunk := os.read(self.pipe, 1 << 20):
            chunks.append(chunk)
        if not chunks:
            raise WorkerDied(f"a worker process ended without its results ({self._wait()})")
        ok, payload = pickle.loads(b"".join(chunks))
        if not ok:
            error, trace = payload
            raise error from RemoteTraceback(trace)
        found: dict[int, Result] = payload
        return found

    def end(self, *, kill: bool) -> None:
        os.close(self.pipe)
        if kill:
            with contextlib.suppress(ProcessLookupError):  # it ended already
                os.kill(self.pid, signal.SIGTERM)
        self._wait()

    def _wait(self) -> str:
        if self.status < 0:
            self.status = os.waitpid(self.pid, 0)[1]
        if os.WIFSIGNALED(self.status):
            return f"killed by signal {os.WTERMSIG(self.status)}"
        return f"exit status {os.waitstatus_to_exitcode(self.status)}"


def _serve(pipe: int, compute: Callable[[], object]) -> None:
    """In a child: compute, send `(True, results)` or `(False, (exception, traceback))`
    pickled, and exit without running the parent's cleanup (atexit, finally blocks)."""
    code = 0
    try:
        try:
            message: tuple[bool, object] = (True, compute())
        except KeyboardInterrupt:  # Ctrl-C reached the whole process group: just stop
            os._exit(130)
        except BaseException as exc:  # handed to the parent, which raises it
            message = (False, _portable(exc))
        import pickle  # noqa: PLC0415

        data = memoryview(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
        while data:
            data = data[os.write(pipe, data) :]
    except BaseException:  # the parent sees no results, and says so
        code = 1
    finally:
        os._exit(code)


def _portable(exc: BaseException) -> tuple[BaseException, str]:
    """The exception if it survives pickling (else a RuntimeError naming it), with its
    traceback as text."""
    import pickle  # noqa: PLC0415
    import traceback  # noqa: PLC0415

    trace = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # any failure to round-trip
        return RuntimeError(f"{type(exc).__name__}: {exc}"), trace
    return exc, trace
