"""GitLab Code Quality output: a JSON array of issues that GitLab shows in merge requests.

Each finding is one issue with ``description``, ``check_name`` (the rule code), a
``fingerprint`` stable across runs and unique in the report, ``severity`` (suggestion
``info``, warning ``minor``, error ``major``) and ``location`` (path relative to the working
directory, lines). Suppressed findings are left out; problems in suppression comments are
``minor`` issues named ``claimcheck-suppression``. Input errors have no place here: the
command line prints them on standard error.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..models import Level
from .base import Report, display_path

SEVERITIES = {Level.suggestion: "info", Level.warning: "minor", Level.error: "major"}
SUPPRESSION_CHECK = "claimcheck-suppression"


def _issue(description: str, check: str, key: str, severity: str, path: str, begin: int, end: int) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check,
        "fingerprint": key,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": begin, "end": end}},
    }


def build_gitlab(report: Report) -> list[dict[str, Any]]:
    """The Code Quality issues, in report order."""
    issues: list[dict[str, Any]] = []
    seen: set[str] = set()

    def fingerprint(*parts: str) -> str:
        # Findings in different records of one file can share a fingerprint; the record id
        # and, failing that, a counter keep every issue's fingerprint unique.
        key = "\0".join(parts)
        digest, n = hashlib.sha256(key.encode()).hexdigest(), 1
        while digest in seen:
            n += 1
            digest = hashlib.sha256(f"{key}\0{n}".encode()).hexdigest()
        seen.add(digest)
        return digest

    for f in report.findings:
        if f.suppressed:
            continue
        path = display_path(f.path)
        parts = (path, f.fingerprint) if f.record_id is None else (path, f.record_id, f.fingerprint)
        issues.append(
            _issue(
                f"{f.code}: {f.message}",
                f.code,
                fingerprint(*parts),
                SEVERITIES[f.level],
                path,
                f.line,
                f.end_line,
            )
        )
    for n in report.notices:
        path = display_path(n.path)
        key = fingerprint(path, SUPPRESSION_CHECK, n.record_id or "", str(n.line), str(n.column), n.message)
        issues.append(_issue(n.message, SUPPRESSION_CHECK, key, "minor", path, n.line, n.line))
    return issues


def render_gitlab(report: Report) -> str:
    """The issues as an indented JSON array, one trailing newline."""
    return json.dumps(build_gitlab(report), indent=2, ensure_ascii=False) + "\n"
