"""What every reporter receives."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Finding


@dataclass(frozen=True)
class Report:
    """The result of one run: findings in order, input errors as one-line messages, files checked."""

    findings: list[Finding]
    errors: list[str]
    files: int
