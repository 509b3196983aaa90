"""What every reporter receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Finding, Notice


@dataclass(frozen=True)
class Report:
    """The result of one run: findings in order (suppressed ones only when asked to show
    them, marked ``suppressed``), input errors as one-line messages, files checked,
    problems with suppression comments, and how many findings suppressions hid."""

    findings: list[Finding]
    errors: list[str]
    files: int
    notices: list[Notice] = field(default_factory=list)
    suppressed: int = 0


def location(f: Finding | Notice) -> str:
    """Where a finding is, compiler style: ``path:line:col``; ``path:page 3:line:col`` in a
    PDF; ``path[record-id]:line:col`` in a record file."""
    if isinstance(f, Finding) and f.page is not None:
        return f"{f.path}:page {f.page}:{f.line}:{f.column}"
    if f.record_id is not None:
        return f"{f.path}[{f.record_id}]:{f.line}:{f.column}"
    return f"{f.path}:{f.line}:{f.column}"
