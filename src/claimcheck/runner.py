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
from dataclasses import dataclass, field
from typing import BinaryIO

from .document import Document
from .engine import Linter
from .errors import ClaimcheckError, InputError
from .formats import ReadOptions, format_for, parse, read
from .inputs import STDIN, Target, open_target
from .models import Finding, Notice, Rule, Source
from .suppress import apply

# Below this many files a pool costs more (one spaCy start per worker) than it saves.
MIN_FILES_FOR_POOL = 16
# ... and each worker should get at least this many files.
FILES_PER_WORKER = 8


@dataclass(frozen=True)
class Options:
    """How to read and check each file."""

    format: str | None = None  # None: by extension
    read: ReadOptions = field(default_factory=ReadOptions)
    require_reason: bool = False


@dataclass(frozen=True)
class Result:
    """What checking one file gave: its findings (suppressed ones marked), problems with
    its suppression comments, and the errors met (a file that cannot be read at all, or
    single records that cannot)."""

    path: str
    findings: list[Finding]
    errors: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    documents: int = 0

    @property
    def failed(self) -> bool:
        """Nothing of the file could be checked."""
        return bool(self.errors) and self.documents == 0


_WORKER: tuple[Linter, Options] | None = None


def _init_worker(rules: list[Rule], sources: dict[str, Source], codes: frozenset[str], options: Options) -> None:
    global _WORKER
    linter = Linter(rules, sources)
    linter.codes = codes
    _WORKER = linter, options


def _check_in_worker(target: Target) -> Result:
    assert _WORKER is not None
    return check_target(_WORKER[0], target, None, _WORKER[1])


def check_target(linter: Linter, target: Target, stdin: BinaryIO | None, options: Options = Options()) -> Result:
    """Read and check one target; an unreadable or failing file becomes a Result with an error."""
    shown = "<stdin>" if target.path == STDIN else target.path
    findings: list[Finding] = []
    errors: list[str] = []
    notices: list[Notice] = []
    documents = 0
    try:
        with open_target(target, stdin) as stream:
            for document in read(stream, shown, format_for(target.path, options.format), options.read):
                if isinstance(document, InputError):
                    errors.append(str(document))
                    continue
                documents += 1
                found, problems = check_document(linter, document, shown, options)
                findings += found
                notices += problems
    except InputError as exc:
        errors.append(str(exc))
    except ClaimcheckError:
        raise  # a rule or corpus problem concerns every file: the caller reports it
    except Exception as exc:  # one file must not stop the others
        errors.append(f"{shown}: internal error: {type(exc).__name__}: {exc}")
    return Result(shown, findings, errors, notices, documents)


def default_jobs() -> int:
    """Worker processes to use when none is asked for: one per available core."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_targets(
    linter: Linter, targets: Sequence[Target], *, jobs: int, stdin: BinaryIO | None = None, options: Options = Options()
) -> Iterator[Result]:
    """Results for ``targets`` in order; with ``jobs > 1`` and enough files, in a process pool
    whose workers use ``linter``'s rules and sources."""
    files = [t for t in targets if t.path != STDIN and t.error is None]
    workers = min(jobs, len(files) // FILES_PER_WORKER)
    if workers <= 1 or len(files) < MIN_FILES_FOR_POOL:
        for target in targets:
            yield check_target(linter, target, stdin, options)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(linter.rules, linter.sources, linter.codes, options)
    ) as pool:
        pooled = pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (workers * 8)))
        try:
            for target in targets:
                if target.path == STDIN or target.error is not None:
                    yield check_target(linter, target, stdin, options)
                else:
                    yield next(pooled)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def check_document(
    linter: Linter, document: Document, path: str, options: Options = Options()
) -> tuple[list[Finding], list[Notice]]:
    """Findings in ``document`` with its suppression comments applied, and the problems found
    in those comments."""
    found = linter.check_document(document, path)
    return apply(found, document, path, linter.codes, require_reason=options.require_reason)


def check_source(linter: Linter, text: str, fmt: str, path: str, options: Options = Options()) -> list[Finding]:
    """Findings in ``text`` read as ``fmt`` (a text format), suppressions applied."""
    return check_document(linter, parse(text, fmt, path), path, options)[0]


@dataclass
class Run:
    """Everything a run found, file by file, after ``per-file-ignores``."""

    by_path: dict[str, list[Finding]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    ignored: dict[str, list[str]] = field(default_factory=dict)  # path -> codes turned off for it
    fixed: int = 0
    diff: str = ""

    def add(self, result: Result, ignored: Sequence[str] = ()) -> None:
        """Take in one file's result; findings of ``ignored`` codes or prefixes are dropped."""
        self.errors += result.errors
        if result.failed:
            return
        self.ignored[result.path] = list(ignored)
        self.by_path[result.path] = self._kept(result.path, result.findings)
        self.notices += result.notices

    def replace(self, path: str, findings: list[Finding], fixed: int) -> None:
        """After ``fixed`` fixes were written to ``path``, its findings are ``findings``."""
        self.by_path[path] = self._kept(path, findings)
        self.fixed += fixed

    def _kept(self, path: str, findings: list[Finding]) -> list[Finding]:
        ignored = self.ignored.get(path, [])
        return [f for f in findings if not any(f.code.startswith(code) for code in ignored)]

    @property
    def checked(self) -> list[str]:
        """The files checked (read without a file-wide error), in order."""
        return list(self.by_path)

    @property
    def findings(self) -> list[Finding]:
        return [f for found in self.by_path.values() for f in found]
