"""The fork pool: every item computed once and in order, the parent working too, and a
child's failure (an exception, or its death) raised in the parent with no child left."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import forkpool
from generator.batch import PARALLEL_MIN_PAGES, scrape_many, scrape_one
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not forkpool.available(), reason="needs os.fork")


def _square(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


@pytest.mark.parametrize(("items", "processes"), [(0, 2), (1, 2), (7, 3), (2500, 2), (40, 1)])
def test_every_item_once_and_in_order(items: int, processes: int) -> None:
    results = forkpool.run_shared(_square, range(items), processes)
    assert [value for value, _ in results] == [i * i for i in range(items)]


def _large(item: int) -> str:
    return str(item) * 50_000


def test_results_larger_than_a_pipe_buffer_arrive_whole() -> None:
    """Each result is 50-200 KB: messages arrive in pieces and children wait to write."""
    assert forkpool.run_shared(_large, range(60), 3) == [_large(i) for i in range(60)]


def _when_a_child_ran(marker: Path, then: Callable[[int], object]) -> Callable[[int], object]:
    """A work function that leaves `marker` on its first item in a child, then does `then`."""
    parent = os.getpid()

    def work(item: int) -> object:
        if os.getpid() != parent:
            marker.touch()
            return then(item)
        return item, os.getpid()

    return work


def _wait_for(marker: Path) -> Callable[[], None]:
    def meanwhile() -> None:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.005)

    return meanwhile


def test_children_work_while_the_parent_does_something_else(tmp_path: Path) -> None:
    marker = tmp_path / "child-ran"
    work = _when_a_child_ran(marker, lambda item: (item, os.getpid()))
    results = forkpool.run_shared(work, range(300), 2, meanwhile=_wait_for(marker))
    assert [item for item, _ in results] == list(range(300))
    assert {pid for _, pid in results} - {os.getpid()}


def test_each_process_starts_on_its_own_run_of_neighbouring_items(tmp_path: Path) -> None:
    """The child starts half way: each process has its run of neighbouring items."""
    marker = tmp_path / "child-ran"

    def first(item: int) -> object:
        with (tmp_path / f"first-{os.getpid()}").open("a") as seen:
            seen.write(f"{item}\n")
        return item, os.getpid()

    work = _when_a_child_ran(marker, first)
    forkpool.run_shared(work, range(400), 2, meanwhile=_wait_for(marker))
    assert [int(p.read_text().split()[0]) for p in tmp_path.glob("first-*")] == [200]


def _boom(item: int) -> object:
    raise ValueError(f"boom at {item}")


class _Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(first)


def _unpicklable(item: int) -> object:
    raise _Unpicklable("deep", "trouble")


def _die(item: int) -> object:
    os.kill(os.getpid(), signal.SIGKILL)
    return item


@pytest.mark.parametrize(
    ("then", "error", "message"),
    [
        (_boom, ValueError, "boom at"),
        (_unpicklable, RuntimeError, "_Unpicklable: deep"),
        (_die, forkpool.WorkerDied, "killed by signal 9"),
    ],
)
def test_a_childs_failure_is_raised_here(
    tmp_path: Path, then: Callable[[int], object], error: type[Exception], message: str
) -> None:
    marker = tmp_path / "child-ran"
    work = _when_a_child_ran(marker, then)
    with pytest.raises(error, match=message) as raised:
        forkpool.run_shared(work, range(300), 3, meanwhile=_wait_for(marker))
    if error is not forkpool.WorkerDied:
        assert isinstance(raised.value.__cause__, forkpool.RemoteTraceback)
        assert "Traceback" in str(raised.value.__cause__)
    _assert_no_child_left()


def test_an_interrupted_parent_ends_its_children() -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        forkpool.run_shared(lambda item: time.sleep(0.01), range(500), 3, meanwhile=interrupted)
    _assert_no_child_left()


def _assert_no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not forkpool.available()
    finally:
        release.set()
        other.join()
    assert forkpool.available()


def test_many_pages_scraped_in_parallel_as_one_by_one(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "input").rglob("*.txt"))
    jobs = []
    for i in range(PARALLEL_MIN_PAGES + 5):
        page = tmp_path / f"{i:03d}_{seeds[i % len(seeds)].name}"
        shutil.copy(seeds[i % len(seeds)], page)
        jobs.append((page, page.name))
    parallel = scrape_many(jobs, cache=None, meanwhile=("generator.normalize",))
    assert parallel == [scrape_one(path, label) for path, label in jobs]
    assert gc.get_freeze_count() == 0  # what forkpool froze for the scrape is collected again
