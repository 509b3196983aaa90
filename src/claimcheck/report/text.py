"""Text output: one line per finding, like a compiler, then its suggestion and sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..models import Finding, Level
from .base import Report, location


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(findings: Sequence[Finding], files: int, suppressed: int = 0) -> str:
    """'Found 3 findings (1 error, 2 warnings) in 2 files.' or 'No findings in 1 file.'"""
    findings = [f for f in findings if not f.suppressed]
    hidden = f" {_plural(suppressed, 'finding')} suppressed." if suppressed else ""
    if not findings:
        return f"No findings in {_plural(files, 'file')}.{hidden}"
    counts = Counter(f.level for f in findings)
    parts = ", ".join(_plural(counts[level], level.value) for level in reversed(Level) if counts[level])
    return f"Found {_plural(len(findings), 'finding')} ({parts}) in {_plural(files, 'file')}.{hidden}"


def render_text(report: Report) -> str:
    """``path:line:col: CODE [level] message`` per finding, with suggestion and sources.

    Input errors are not part of it: the command line prints them on standard error.
    """
    lines: list[str] = []
    for f in report.findings:
        mark = f" (suppressed{': ' + f.suppression_reason if f.suppression_reason else ''})" if f.suppressed else ""
        lines.append(f"{location(f)}: {f.code} [{f.level.value}] {f.message}{mark}")
        if f.section:
            lines.append(f"    in: {' > '.join(f.section)}")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
        cited = "; ".join(f"{s.short}{f' <{s.url}>' if s.url else ''}" for s in f.sources)
        lines.append(f"    sources: {cited}")
    lines += [f"{location(n)}: {n.message}" for n in report.notices]
    lines.append(summary(report.findings, report.files, report.suppressed))
    return "\n".join(lines) + "\n"
