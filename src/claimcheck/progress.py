"""A progress bar on standard error while many files are checked.

Shown only on a terminal: never when standard error is redirected or piped, and never
when ``CI`` is set, so logs and machine-read output stay clean.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, TypeVar

import click

T = TypeVar("T")
# Fewer files than this finish before a bar would tell anything.
MIN_FILES = 10


def wanted(total: int, stream: IO[str], env: Mapping[str, str]) -> bool:
    """Whether to show a bar for ``total`` files on ``stream``."""
    ci = env.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return total >= MIN_FILES and not ci and stream.isatty()


@contextmanager
def progress(items: Iterable[T], total: int) -> Iterator[Iterable[T]]:
    """``items`` as they come, with a bar on standard error when :func:`wanted`."""
    if not wanted(total, sys.stderr, os.environ):
        yield items
        return
    with click.progressbar(items, length=total, label="Checking", file=sys.stderr, show_pos=True) as bar:
        yield bar
