"""JSON output: ``{"version": 1, "findings": [...], "errors": [...], "notices": [...]}``."""

from __future__ import annotations

import json

from .base import Report

VERSION = 1


def render_json(report: Report) -> str:
    """Findings as the Finding model serialises them; errors as one-line messages."""
    payload = {
        "version": VERSION,
        "findings": [f.model_dump(mode="json") for f in report.findings],
        "errors": report.errors,
        "notices": [n.model_dump(mode="json") for n in report.notices],
        "files": report.files,
        "suppressed": report.suppressed,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
