"""What every reporter receives, and the helpers several of them share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Finding, FindingSource, Notice, Rule, Source


@dataclass(frozen=True)
class Report:
    """The result of one run: findings in order (suppressed ones only when asked to show
    them, marked ``suppressed``), input errors as one-line messages, files checked,
    problems with suppression comments, and how many findings suppressions hid.

    For the CI formats: ``rules`` are the rules that ran, ``sources`` the evidence corpus
    they cite, and ``checked`` the paths of the files that could be read, in order.
    """

    findings: list[Finding]
    errors: list[str]
    files: int
    notices: list[Notice] = field(default_factory=list)
    suppressed: int = 0
    rules: list[Rule] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    checked: list[str] = field(default_factory=list)


def location(f: Finding | Notice, path: str | None = None) -> str:
    """Where a finding is, compiler style: ``path:line:col``; ``path:page 3:line:col`` in a
    PDF; ``path[record-id]:line:col`` in a record file. ``path`` replaces ``f.path``."""
    path = f.path if path is None else path
    if isinstance(f, Finding) and f.page is not None:
        return f"{path}:page {f.page}:{f.line}:{f.column}"
    if f.record_id is not None:
        return f"{path}[{f.record_id}]:{f.line}:{f.column}"
    return f"{path}:{f.line}:{f.column}"


def is_pseudo_path(path: str) -> bool:
    """A name that is no file, such as ``<stdin>``."""
    return path.startswith("<") and path.endswith(">")


def relative_path(path: str) -> str | None:
    """``path`` relative to the working directory, with ``/`` separators, when it lies below
    it; None when it does not (or names no file, like ``<stdin>``)."""
    if is_pseudo_path(path):
        return None
    try:
        cwd = Path.cwd()
        pairs = [(Path(os.path.abspath(path)), cwd), (Path(path).resolve(), cwd.resolve())]
    except OSError:  # the working directory is gone
        return None
    for absolute, base in pairs:
        try:
            rel = absolute.relative_to(base)
        except ValueError:
            continue
        if rel.parts:
            return rel.as_posix()
    return None


def display_path(path: str) -> str:
    """The path to show a CI system: relative to the working directory when below it, else as given."""
    return relative_path(path) or path


def link(source: Source | FindingSource) -> str | None:
    """The best link for a reader: the DOI resolver, else the URL."""
    return f"https://doi.org/{source.doi}" if source.doi else source.url


def one_line(text: str) -> str:
    """Whitespace (folded YAML, line breaks) collapsed to single spaces."""
    return " ".join(text.split())
