"""Work shared by this process and forked copies of it; the parent works too.

Why not `concurrent.futures.ProcessPoolExecutor`: in a `docs2sdk scrape` of a few hundred
pages the pool was a sizeable part of the run. Importing it (multiprocessing, logging,
threading, sockets ...) and starting it cost ~30 ms a process, its parent only waited, and
its results came back one task at a time through a feeder thread. Here the parent forks
`processes - 1` children and then takes work itself. Work is handed out through pipes of
chunk numbers written before forking: each 4-byte read takes one chunk. Each process has
its own run of neighbouring items (a site's neighbouring pages repeat each other's lines,
which the scrapers cache per process) and, once its run is done, takes chunks from the
others' pipes, so the fastest process does the most. A child sends each chunk's results
as soon as they are made, and the parent unpickles them between its own chunks: pickling
and unpickling results (~20 ms for 150 pages) happen while the work goes on, not after it.

POSIX only (`os.fork`); callers fall back to a plain loop where `available()` is false.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_ENTRY = 4
"""Bytes of one queue entry: the index of a chunk's first item."""
_MAX_CHUNKS = 1000
"""4,000 bytes of entries fit in the buffer of any pipe, so the queues are written before
forking, and no process ever waits for work to be handed out."""
_LENGTH = 8
"""Bytes of the length that precedes each message from a child."""


class WorkerDied(RuntimeError):
    """A child ended without sending all its results (killed, or out of memory)."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a child, as text (its `__cause__`)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def available() -> bool:
    """Whether forking is possible and safe: not while other threads run, since a lock one
    of them holds (the import lock, a logging handler's) would stay held in the child."""
    threading = sys.modules.get("threading")  # not imported: no other thread was started
    return hasattr(os, "fork") and (threading is None or threading.active_count() == 1)


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
    starts = range(0, len(items), size)
    runs = [
        starts[len(starts) * p // processes : len(starts) * (p + 1) // processes]
        for p in range(processes)
    ]
    queues: list[int] = []
    children: list[_Child] = []
    results: dict[int, Result] = {}
    _flush_output()  # a child that printed would write the parent's buffered text again
    gc.freeze()  # collections in the children skip (and so never copy) what they inherit
    done = False
    try:
        queues += (_queue(run) for run in runs)
        for number in range(1, processes):
            chunks = _chunks(queues[number:] + queues[:number], size, len(items))
            children.append(_Child.start(work, items, chunks))
        if meanwhile is not None:
            meanwhile()
        for chunk in _chunks(queues, size, len(items)):
            results.update((index, work(items[index])) for index in chunk)
            for child in children:
                child.receive(results, wait=False)
        for child in children:
            child.receive(results, wait=True)
        done = True
    finally:
        gc.unfreeze()
        for queue in queues:
            os.close(queue)
        for child in children:
            child.end(kill=not done)
    return [results[i] for i in range(len(items))]


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # None, or closed
            stream.flush()


def _queue(starts: range) -> int:
    """The read end of a pipe holding these chunks' first indices; EOF once all are taken."""
    read, write = os.pipe()
    try:
        data = b"".join(start.to_bytes(_ENTRY, "little") for start in starts)
        while data:
            data = data[os.write(write, data) :]
    finally:
        os.close(write)
    return read


def _chunks(queues: list[int], size: int, count: int) -> Iterator[range]:
    """The item indices of each chunk taken from the queues, in order, until all are empty.

    A read of one entry is atomic: every entry was written before any read, and a pipe
    read holds the pipe's lock, so no two processes take the same chunk."""
    for queue in queues:
        while entry := os.read(queue, _ENTRY):
            if len(entry) != _ENTRY:
                raise RuntimeError(f"work queue read {len(entry)} bytes of an entry")
            start = int.from_bytes(entry, "little")
            yield range(start, min(start + size, count))


class _Child:
    """A forked worker as the parent sees it: its pid, and the pipe of its messages
    (`(True, {index: result})` a chunk, then `(None, None)` at the end, or
    `(False, (exception, traceback))`), each pickled after its length."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe, self.status = pid, pipe, -1
        self.pending = bytearray()
        self.finished = False
        os.set_blocking(pipe, False)

    @classmethod
    def start(
        cls, work: Callable[[Item], Any], items: Sequence[Item], chunks: Iterator[range]
    ) -> _Child:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            _serve(write, work, items, chunks)
        os.close(write)
        return cls(pid, read)

    def receive(self, results: dict[int, Any], *, wait: bool) -> None:
        """Add the results sent so far (with `wait`: all of them, to the end)."""
        if wait:
            os.set_blocking(self.pipe, True)
        while not self.finished:
            try:
                data = os.read(self.pipe, 1 << 20)
            except BlockingIOError:
                return
            if not data:
                raise WorkerDied(f"a worker process ended before its last result ({self._wait()})")
            self.pending += data
            self._unpickle(results)

    def _unpickle(self, results: dict[int, Any]) -> None:
        import pickle  # noqa: PLC0415 - not needed before the first result

        pending, start = self.pending, 0
        while len(pending) - start >= _LENGTH:
            end = start + _LENGTH + int.from_bytes(pending[start : start + _LENGTH], "little")
            if len(pending) < end:
                break
            ok, payload = pickle.loads(memoryview(pending)[start + _LENGTH : end])
            start = end
            if ok is None:
                self.finished = True
            elif not ok:
                error, trace = payload
                raise error from RemoteTraceback(trace)
            else:
                results.update(payload)
        del pending[:start]

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


def _serve(
    pipe: int, work: Callable[[Item], object], items: Sequence[Item], chunks: Iterator[range]
) -> NoReturn:
    """In a child: work on chunks, sending each one's results, then `(None, None)`; or the
    exception raised. Exits without running the parent's cleanup (atexit, finally blocks)."""
    code = 0
    try:
        try:
            for chunk in chunks:
                _send(pipe, (True, {index: work(items[index]) for index in chunk}))
            _send(pipe, (None, None))
        except KeyboardInterrupt:  # Ctrl-C reached the whole process group: just stop
            os._exit(130)
        except BaseException as exc:  # handed to the parent, which raises it
            _send(pipe, (False, _portable(exc)))
    except BaseException:  # the parent sees results missing, and says so
        code = 1
    finally:
        os._exit(code)


def _send(pipe: int, message: tuple[bool | None, object]) -> None:
    import pickle  # noqa: PLC0415 - imported in the child, after forking

    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(_LENGTH, "little") + data)
    while view:
        view = view[os.write(pipe, view) :]


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
