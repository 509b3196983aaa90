"""GitHub Actions output: one workflow command per finding, which GitHub shows as an
annotation on the file and in the pull request, then the text format's summary line.

``::error`` / ``::warning`` / ``::notice`` for error / warning / suggestion. Suppressed
findings are not annotated. Problems in suppression comments are warnings; unreadable
files are errors without a file.
"""

from __future__ import annotations

from ..models import Finding, Level, Notice
from .base import Report, display_path
from .text import summary

COMMANDS = {Level.error: "error", Level.warning: "warning", Level.suggestion: "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as GitHub's runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (``file=...``, ``title=...``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def _finding(f: Finding) -> str:
    properties: dict[str, str | int] = {
        "file": display_path(f.path),
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"{f.code} {f.name}",
    }
    return _command(COMMANDS[f.level], properties, f.message)


def _notice(n: Notice) -> str:
    properties: dict[str, str | int] = {"file": display_path(n.path), "line": n.line, "col": n.column}
    return _command("warning", {**properties, "title": "claimcheck"}, n.message)


def render_github(report: Report) -> str:
    """Annotations for findings, suppression problems and input errors, then the summary."""
    lines = [_finding(f) for f in report.findings if not f.suppressed]
    lines += [_notice(n) for n in report.notices]
    lines += [_command("error", {"title": "claimcheck"}, e) for e in report.errors]
    lines.append(summary(report.findings, report.files, report.suppressed))
    return "\n".join(lines) + "\n"
