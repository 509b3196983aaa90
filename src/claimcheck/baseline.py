"""Baselines: adopt claimcheck in a repository without fixing everything first.

``--write-baseline FILE`` records the current findings; ``--baseline FILE`` then reports
only findings that are not in it. A finding is known by its path (relative to the
baseline file's folder), its record id, and its fingerprint: the rule code, the sentence
and the flagged words (normalised), and which occurrence of that it is. So a finding keeps
its identity when lines move or other text changes, and loses it when its own sentence is
edited. Entries that no longer match any finding in the files checked are *stale*: the
overclaim was fixed or reworded, and the baseline can shrink.

The file is JSON, sorted, one entry per finding, so that it diffs well in review.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import BaselineError
from .models import Finding
from .output import write_atomically

VERSION = 1

Key = tuple[str, str | None, str]  # path, record id, fingerprint


@dataclass(frozen=True)
class Entry:
    """One baselined finding; ``line``, ``code`` and ``text`` are for the reader of the file."""

    path: str
    record_id: str | None
    fingerprint: str
    code: str
    line: int
    text: str

    @property
    def key(self) -> Key:
        return self.path, self.record_id, self.fingerprint


def _relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (as given when it lies elsewhere)."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def entries(findings: Iterable[Finding], baseline_file: Path) -> list[Entry]:
    """Baseline entries for ``findings``, paths relative to the baseline file's folder."""
    root = baseline_file.parent
    out = [
        Entry(_relative(f.path, root), f.record_id, f.fingerprint, f.code, f.line, " ".join(f.text.split()))
        for f in findings
        if not f.suppressed
    ]
    return sorted(out, key=lambda e: (e.path, e.record_id or "", e.line, e.code, e.fingerprint))


def write_baseline(path: Path, findings: Iterable[Finding], checked: Iterable[str] = ()) -> int:
    """Write the baseline for ``findings`` to ``path`` (atomically); the number of entries.

    Entries already in the file for files not in ``checked`` (not checked in this run) are
    kept while those files exist, so a run over part of the repository does not drop the rest.
    """
    rows = entries(findings, path)
    done = {_relative(p, path.parent) for p in checked}
    try:
        old = load_baseline(path) if path.exists() else []
    except BaselineError:
        old = []  # not a baseline: replaced
    rows += [e for e in old if e.path not in done and (path.parent / e.path).is_file()]
    rows.sort(key=lambda e: (e.path, e.record_id or "", e.line, e.code, e.fingerprint))
    payload = {
        "version": VERSION,
        "tool": "claimcheck",
        "findings": [
            {"path": e.path, "record_id": e.record_id, "code": e.code, "line": e.line, "text": e.text,
             "fingerprint": e.fingerprint}
            for e in rows
        ],
    }  # fmt: skip
    write_atomically(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return len(rows)


def load_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file; :class:`BaselineError` names the file and the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f":{exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise BaselineError(f"{path}{where}: not a claimcheck baseline (invalid JSON)") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a claimcheck baseline (version {VERSION} with a 'findings' list expected)")
    out = []
    for i, row in enumerate(data["findings"]):
        try:
            out.append(
                Entry(
                    str(row["path"]),
                    None if row.get("record_id") is None else str(row["record_id"]),
                    str(row["fingerprint"]),
                    str(row.get("code", "")),
                    int(row.get("line", 0)),
                    str(row.get("text", "")),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BaselineError(f"{path}: entry {i + 1} needs 'path' and 'fingerprint'") from None
    return out


@dataclass(frozen=True)
class Comparison:
    """Findings not in the baseline, how many were, and baseline entries that matched nothing."""

    new: list[Finding]
    known: int
    stale: list[Entry]


def compare(
    findings: Sequence[Finding], baseline: Sequence[Entry], baseline_file: Path, checked: Iterable[str]
) -> Comparison:
    """Split ``findings`` into new and known; stale entries are those of files in ``checked``
    that match no finding, and those of files that no longer exist (files not checked in this
    run say nothing about their entries)."""
    root = baseline_file.parent
    remaining = Counter(e.key for e in baseline)
    new: list[Finding] = []
    known = 0
    for f in findings:
        key = (_relative(f.path, root), f.record_id, f.fingerprint)
        if not f.suppressed and remaining[key] > 0:
            remaining[key] -= 1
            known += 1
        else:
            new.append(f)
    checked_paths = {_relative(p, root) for p in checked}
    stale = []
    for e in baseline:
        gone = not (root / e.path).is_file()
        if (e.path in checked_paths or gone) and remaining[e.key] > 0:
            remaining[e.key] -= 1
            stale.append(e)
    return Comparison(new, known, stale)
