"""Check many files: in this process, or spread over a pool of worker processes.

Each worker builds its own :class:`Linter` once from the same rules and sources (rules
compiled, spaCy loaded) and then checks whole files; results come back in the order the
files were named. A file that fails unexpectedly becomes an error result, so the others
are still checked and reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .engine import Linter
from .errors import ClaimcheckError, InputError
from .inputs import STDIN, Target, read
from .models import Finding, Rule, Source

# Below this many files a pool costs more (one spaCy start per worker) than it saves.
MIN_FILES_FOR_POOL = 16
# ... and each worker should get at least this many files.
FILES_PER_WORKER = 8


@dataclass(frozen=True)
class Result:
    """What checking one file gave: its findings, or the error that stopped it."""

    path: str
    findings: list[Finding]
    error: str | None = None


_WORKER: Linter | None = None


def _init_worker(rules: list[Rule], sources: dict[str, Source]) -> None:
    global _WORKER
    _WORKER = Linter(rules, sources)


def _check_in_worker(target: Target) -> Result:
    assert _WORKER is not None
    return check_target(_WORKER, target, None)


def check_target(linter: Linter, target: Target, stdin: bytes | None) -> Result:
    """Read and check one target; an unreadable or failing file becomes a Result with an error."""
    shown = "<stdin>" if target.path == STDIN else target.path
    try:
        text = read(target, stdin)
    except InputError as exc:
        return Result(shown, [], str(exc))
    try:
        return Result(shown, linter.check(text, shown))
    except ClaimcheckError:
        raise  # a rule or corpus problem concerns every file: the caller reports it
    except Exception as exc:  # one file must not stop the others
        return Result(shown, [], f"{shown}: internal error: {type(exc).__name__}: {exc}")


def default_jobs() -> int:
    """Worker processes to use when none is asked for: one per available core."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_targets(
    linter: Linter, targets: Sequence[Target], *, jobs: int, stdin: bytes | None = None
) -> Iterator[Result]:
    """Results for ``targets`` in order; with ``jobs > 1`` and enough files, in a process pool
    whose workers use ``linter``'s rules and sources."""
    files = [t for t in targets if t.path != STDIN and t.error is None]
    workers = min(jobs, len(files) // FILES_PER_WORKER)
    if workers <= 1 or len(files) < MIN_FILES_FOR_POOL:
        for target in targets:
            yield check_target(linter, target, stdin)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(linter.rules, linter.sources)
    ) as pool:
        pooled = pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (workers * 8)))
        try:
            for target in targets:
                if target.path == STDIN or target.error is not None:
                    yield check_target(linter, target, stdin)
                else:
                    yield next(pooled)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
