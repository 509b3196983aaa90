"""Turn the paths a user names into texts to check.

Directories are searched for ``.txt`` and ``.md`` files; ``-`` is standard input. Each
problem (a missing file, a binary file, undecodable text, an empty directory) is an
:class:`InputError` naming the path, so the caller can report it and go on.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"


@dataclass(frozen=True)
class Target:
    """A file to check (``path`` is ``-`` for standard input), or the error met finding it."""

    path: str
    error: InputError | None = None


def expand(paths: tuple[str, ...]) -> Iterator[Target]:
    """Every file named by ``paths``, directories expanded, in a stable order, each once."""
    seen: set[str] = set()
    for name in paths:
        for target in _expand_one(name):
            if target.path not in seen:
                seen.add(target.path)
                yield target


def _expand_one(name: str) -> Iterator[Target]:
    if name == STDIN:
        yield Target(STDIN)
        return
    path = Path(name)
    try:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield Target(name, InputError(f"{name}: cannot read directory: permission denied"))
                return
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
            if not files:
                yield Target(name, InputError(f"{name}: directory holds no .txt, .md or .markdown files"))
            for file in files:
                yield Target(str(file))
        elif path.is_file():
            yield Target(name)
        elif path.exists():
            yield Target(name, InputError(f"{name}: not a regular file"))
        else:
            yield Target(name, InputError(f"{name}: no such file or directory"))
    except OSError as exc:
        yield Target(name, InputError(f"{name}: cannot read: {exc.strerror or exc}"))


def decode(data: bytes, name: str) -> str:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Line endings are kept as they are, so offsets point into the file's own text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: cannot decode as UTF-16 (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as UTF-8 (invalid byte at offset {exc.start})") from None


def read(target: Target, stdin: bytes | None = None) -> str:
    """The text of ``target``; ``stdin`` holds standard input's bytes when the path is ``-``."""
    if target.error is not None:
        raise target.error
    if target.path == STDIN:
        return decode(stdin or b"", "<stdin>")
    try:
        data = Path(target.path).read_bytes()
    except OSError as exc:
        raise InputError(f"{target.path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, target.path)
