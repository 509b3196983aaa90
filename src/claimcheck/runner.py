"""Check many files: in this process, or spread over a pool of worker processes.

Each worker builds its own :class:`Linter` once (rules compiled, spaCy loaded) and then
checks whole files; results come back in the order the files were named.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .engine import Linter
from .errors import InputError
from .inputs import STDIN, Target, read
from .models import Finding

# Below this many files a pool costs more (one spaCy start per worker) than it saves.
MIN_FILES_FOR_POOL = 16


@dataclass(frozen=True)
class Result:
    """What checking one file gave: its findings, or the input error that stopped it."""

    path: str
    findings: list[Finding]
    error: str | None = None


_WORKER: Linter | None = None


def _init_worker(select: Sequence[str], ignore: Sequence[str]) -> None:
    global _WORKER
    _WORKER = Linter(select=select, ignore=ignore)


def _check_in_worker(target: Target) -> Result:
    assert _WORKER is not None
    return check_target(_WORKER, target, None)


def check_target(linter: Linter, target: Target, stdin: bytes | None) -> Result:
    """Read and check one target; an unreadable file becomes a Result with an error."""
    shown = "<stdin>" if target.path == STDIN else target.path
    try:
        text = read(target, stdin)
    except InputError as exc:
        return Result(shown, [], str(exc))
    return Result(shown, linter.check(text, shown))


def default_jobs() -> int:
    """Worker processes to use when none is asked for: one per available core."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_targets(
    linter: Linter,
    targets: Sequence[Target],
    *,
    jobs: int,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    stdin: bytes | None = None,
) -> Iterator[Result]:
    """Results for ``targets`` in order; with ``jobs > 1`` and enough files, in a process pool.

    ``select`` and ``ignore`` must be the ones ``linter`` was built with: workers build
    their own linter from them.
    """
    files = [t for t in targets if t.path != STDIN and t.error is None]
    if jobs <= 1 or len(files) < MIN_FILES_FOR_POOL:
        for target in targets:
            yield check_target(linter, target, stdin)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(select, ignore)) as pool:
        pooled = pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 8)))
        for target in targets:
            if target.path == STDIN or target.error is not None:
                yield check_target(linter, target, stdin)
            else:
                yield next(pooled)
