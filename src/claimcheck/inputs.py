"""Turn the paths a user names into texts to check.

Directories are searched for documents of every format claimcheck reads (see
:mod:`claimcheck.formats`) except record files (``.csv``, ``.jsonl``), which are as often
data as notes and are checked only when named; ``-`` is standard input. Each problem (a missing file, a
binary file, undecodable text, an empty directory) is an :class:`InputError` naming the
path, so the caller can report it and go on.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .formats import SUFFIXES

TEXT_SUFFIXES = (".txt", ".md", ".markdown")  # what an evaluation corpus holds
STDIN = "-"


@dataclass(frozen=True)
class Target:
    """A file to check (``path`` is ``-`` for standard input), or the error met finding it."""

    path: str
    error: InputError | None = None


# Folders never walked into: version control, tool caches, virtual environments, installed
# packages and build output. A folder named on the command line is still walked.
SKIPPED_FOLDERS = frozenset(
    {"node_modules", "venv", "env", "__pycache__", "__pypackages__", "site-packages", "_build", "build", "dist"}
)


def expand(
    paths: Sequence[str],
    skip: Callable[[Path], bool] | None = None,
    records: Callable[[Path], bool] | None = None,
) -> Iterator[Target]:
    """Every file named by ``paths``, directories expanded, in a stable order, each once.

    In directories, hidden folders and :data:`SKIPPED_FOLDERS` are passed over, ``skip``
    leaves out files (``exclude`` in the configuration), and record files are taken only
    where ``records`` says so (``include`` naming them). Files named directly are always
    checked.
    """
    seen: set[str] = set()
    for name in paths:
        for target in _expand_one(name, skip, records):
            if target.path not in seen:
                seen.add(target.path)
                yield target


def _walk(folder: Path) -> list[Path]:
    """Files below ``folder`` of a format claimcheck reads, sorted, skipping hidden and
    :data:`SKIPPED_FOLDERS` folders."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        found += [Path(root, f) for f in files if Path(f).suffix.lower() in SUFFIXES and Path(root, f).is_file()]
    return sorted(found)


def _expand_one(
    name: str, skip: Callable[[Path], bool] | None, records: Callable[[Path], bool] | None
) -> Iterator[Target]:
    if name == STDIN:
        yield Target(STDIN)
        return
    path = Path(name)
    try:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield Target(name, InputError(f"{name}: cannot read directory: permission denied"))
                return
            found = [
                p for p in _walk(path) if p.suffix.lower() in FOLDER_SUFFIXES or (records is not None and records(p))
            ]
            files = [p for p in found if skip is None or not skip(p)]
            if not found:
                yield Target(name, InputError(f"{name}: directory holds no file claimcheck reads ({_KINDS})"))
            elif not files:  # a typo in include, or an exclude too broad: checking nothing must not pass
                yield Target(name, InputError(f"{name}: every file here is left out by include/exclude"))
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


FOLDER_SUFFIXES = frozenset(s for s, fmt in SUFFIXES.items() if fmt not in ("jsonl", "csv"))
_KINDS = " ".join(sorted(FOLDER_SUFFIXES))
# Control characters that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def decode(data: bytes, name: str) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or failing
    those, the legacy encoding that charset-normalizer finds (cp1252, latin-1, ...).

    Line endings are kept as they are, so offsets point into the file's own text.
    """
    return decode_with_codec(data, name)[0]


def decode_with_codec(data: bytes, name: str) -> tuple[str, str]:
    """The decoded text and the codec that :func:`encode` needs to write it back the same way."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec + "+bom"
            except UnicodeDecodeError as exc:
                kind = codec[:6].upper()
                raise InputError(f"{name}: cannot decode as {kind} (byte {exc.start + len(bom)})") from None
    head = data[:8192]
    if b"\x00" in head or (head and sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 100):
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    legacy = legacy_codec(data)
    if legacy is None:
        raise InputError(f"{name}: cannot decode: not UTF-8 (invalid byte at offset {utf8_error}) and no encoding fits")
    return data.decode(legacy, "replace"), legacy


def legacy_codec(data: bytes) -> str | None:
    """The legacy encoding non-UTF-8 bytes are in, or None when none fits."""
    if sum(b < 128 for b in data) >= 0.9 * len(data):
        # Mostly ASCII with a few other bytes: English text from Windows (curly quotes,
        # dashes, accents), where guessing from so few bytes is unreliable.
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.replace("-", "_").startswith(("utf_16", "utf_32")):
        return None
    return best.encoding


def encode(text: str, codec: str) -> bytes:
    """``text`` encoded as :func:`decode_with_codec` found its file (BOM included)."""
    if codec.endswith("+bom"):
        codec = codec[: -len("+bom")]
        boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        boms |= {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
        return boms[codec] + text.encode(codec)
    return text.encode(codec)


def open_target(target: Target, stdin: BinaryIO | None = None) -> AbstractContextManager[BinaryIO]:
    """A binary stream over ``target``, to use in a ``with`` block; ``stdin`` is standard
    input's binary stream when the path is ``-`` (read as it comes, and left open)."""
    if target.error is not None:
        raise target.error
    if target.path == STDIN:
        return nullcontext(stdin if stdin is not None else io.BytesIO())
    try:
        return open(target.path, "rb")  # the caller closes it
    except OSError as exc:
        raise InputError(f"{target.path}: cannot read: {exc.strerror or exc}") from None
