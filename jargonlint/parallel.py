"""Check many files on all cores, results in input order as each batch is done.

Each worker process gets the checker once: inherited as it is where processes
fork (Linux), else built again from its settings (the glossary cache makes that
cheap). Files go out in batches of similar size, a few batches ahead of the one
being reported, so that memory holds only those; results come back in input
order, so every report is the same as with one process. A worker that dies
costs no findings: its files are checked again in this process.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from jargonlint.api import Checker, FileResult, Settings

# Below this much input, starting worker processes costs more than they save.
SMALL_INPUT = 256 * 1024
_BATCHES_PER_JOB = 8  # smaller batches balance the load; larger ones cost fewer round trips
_AHEAD_PER_JOB = 2  # batches in flight per worker beyond the one being reported

_checker: Checker | None = None  # the worker's own, set once per process


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def default_jobs(files: Sequence[str]) -> int:
    """As many workers as usable cores, but one for a single file or a small input."""
    if len(files) < 2:
        return 1
    total = 0
    for name in files:
        try:
            total += os.stat(name).st_size
        except OSError:
            continue
        if total >= SMALL_INPUT:
            return min(usable_cores(), len(files))
    return 1


def check_in_parallel(checker: Checker, files: Sequence[str], jobs: int) -> Iterator[FileResult]:
    """Results for ``files`` in order, checked by ``jobs`` worker processes."""
    # Imported here: a run in one process (most runs of a hook) never pays for them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _checker
    forking = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    if not forking and not checker.rebuildable:
        yield from map(checker.check_path, files)
        return
    _checker = checker if forking else None  # what forked workers inherit
    context = multiprocessing.get_context("fork" if forking else None)
    batches = iter(_batches(files, jobs))
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(checker.settings,)
    )
    try:
        pending: deque[tuple[list[str], Future[list[FileResult]] | None]] = deque()

        def submit(batch: list[str]) -> None:
            try:
                pending.append((batch, pool.submit(_check, batch)))
            except RuntimeError:  # the pool broke (a worker died): check here instead
                pending.append((batch, None))

        for batch in islice(batches, jobs * (_AHEAD_PER_JOB + 1)):
            submit(batch)
        while pending:
            batch, future = pending.popleft()
            following = next(batches, None)
            if following is not None:
                submit(following)
            try:
                results = future.result() if future is not None else None
            except Exception:  # a worker died or could not start: no file is lost
                results = None
            yield from results if results is not None else map(checker.check_path, batch)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _checker = None


def _batches(files: Sequence[str], jobs: int) -> Iterator[list[str]]:
    """Consecutive files grouped into batches of about equal size in bytes."""
    sizes = []
    for name in files:
        try:
            sizes.append(os.stat(name).st_size)
        except OSError:
            sizes.append(0)
    target = max(sum(sizes) // (jobs * _BATCHES_PER_JOB), 1)
    batch: list[str] = []
    weight = 0
    for name, size in zip(files, sizes, strict=True):
        batch.append(name)
        weight += size
        if weight >= target:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def _start(settings: Settings) -> None:
    """Worker start-up: keep the inherited checker, or build one from the settings."""
    global _checker
    if _checker is None:
        from jargonlint.api import Checker

        _checker = Checker.from_settings(settings)


def _check(batch: list[str]) -> list[FileResult]:
    assert _checker is not None, "worker used before its start-up"
    return [_checker.check_path(name) for name in batch]
