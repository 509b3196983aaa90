"""Writing files safely: a report, a baseline, a fixed document.

Every write goes to a temporary file in the same folder and then replaces the target in
one step, so a crash or a full disk never leaves a half-written file, and the target's
permissions are kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` (text is written as UTF-8) in one step.

    Raises :class:`InputError` naming the path when it cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_fixed(path: Path, content: bytes) -> None:
    """Write a fixed document over ``path``, atomically. A symbolic link is followed (its
    target is fixed and the link kept); a file with other hard links, or one without write
    permission, is refused with :class:`InputError`, since replacing it would cut the links
    or override the protection."""
    target = path.resolve() if path.is_symlink() else path
    try:
        info = target.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot fix: {exc.strerror or exc}") from None
    if info.st_nlink > 1:
        raise InputError(f"{path}: not fixed: the file has other hard links; fix it by hand or with --diff")
    if not info.st_mode & 0o222:
        raise InputError(f"{path}: not fixed: the file is read-only")
    write_atomically(target, content)
