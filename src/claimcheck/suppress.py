"""Suppression comments: the writer's way to say "I know; leave this one".

Markdown and HTML take HTML comments::

    <!-- claimcheck-disable OXT101 -->  ...  <!-- claimcheck-enable OXT101 -->
    <!-- claimcheck-disable-next-line OXT101 -- quoting the patient -->

Plain text and records take a trailing comment on the line it covers::

    She calls it the love hormone.  claimcheck: ignore[OXT101] -- her words

Codes are optional (no code: every rule) and may be prefixes, as in ``--select``
(``OXT1`` covers OXT101 to OXT199). A code that names no rule is reported, and so, with
``require_reason``, is a suppression without a ``-- reason``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .document import Document
from .models import Finding, Notice

Kind = Literal["disable", "enable", "next-line", "line"]

_COMMENT = re.compile(r"<!--\s*claimcheck-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL)
LINE_COMMENT = re.compile(r"claimcheck:[ \t]*ignore\b(?:\[([^\]\n]*)\])?([^\n]*)")


@dataclass(frozen=True)
class Directive:
    """One suppression comment: what it does, for which codes (empty: all), why, and where
    it is in the document's source (offsets)."""

    kind: Kind
    codes: tuple[str, ...]
    reason: str | None
    start: int
    end: int


def _codes_and_reason(rest: str) -> tuple[tuple[str, ...], str | None]:
    codes_part, dash, reason = rest.partition("--")
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", codes_part) if c)
    return codes, (" ".join(reason.split()) or None) if dash else None


def comment_directives(source: str, start: int = 0, end: int | None = None) -> Iterator[Directive]:
    """The ``<!-- claimcheck-... -->`` comments in ``source[start:end]``."""
    for m in _COMMENT.finditer(source, start, len(source) if end is None else end):
        codes, reason = _codes_and_reason(m.group(2))
        kind: Kind = "next-line" if m.group(1) == "disable-next-line" else m.group(1)  # type: ignore[assignment]
        yield Directive(kind, codes, reason, m.start(), m.end())


def line_directives(source: str) -> list[Directive]:
    """The trailing ``claimcheck: ignore[...]`` comments in plain text."""
    out = []
    for m in LINE_COMMENT.finditer(source):
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(1) or "") if c)
        _, dash, reason = m.group(2).partition("--")
        out.append(Directive("line", codes, (" ".join(reason.split()) or None) if dash else None, m.start(), m.end()))
    return out


def _covers(code: str, codes: Iterable[str]) -> bool:
    return any(code.startswith(c) for c in codes)


def _line_bounds(source: str, offset: int) -> tuple[int, int]:
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    return start, len(source) if end < 0 else end


def _next_line(source: str, offset: int) -> tuple[int, int] | None:
    """The first non-blank line after the one holding ``offset``."""
    pos = source.find("\n", offset)
    while pos >= 0:
        start, end = _line_bounds(source, pos + 1)
        if source[start:end].strip():
            return start, end
        pos = source.find("\n", pos + 1) if end < len(source) else -1
    return None


def _reason_at(directives: Sequence[Directive], f: Finding) -> tuple[bool, str | None]:
    """Whether the disable/enable comments before ``f`` leave its rule disabled, and why."""
    everything: str | bool | None = False  # False: not disabled; else the reason (None: none given)
    disabled: dict[str, str | None] = {}
    enabled: set[str] = set()
    for d in directives:
        if d.start > f.start:
            break
        if d.kind == "disable":
            if d.codes:
                disabled.update(dict.fromkeys(d.codes, d.reason))
                enabled -= set(d.codes)
            else:
                everything, disabled, enabled = d.reason, {}, set()
        elif d.kind == "enable":
            if d.codes:
                for c in d.codes:
                    disabled.pop(c, None)
                enabled |= set(d.codes)
            else:
                everything, disabled, enabled = False, {}, set()
    for code, reason in disabled.items():
        if f.code.startswith(code):
            return True, reason
    if everything is not False and not _covers(f.code, enabled):
        return True, everything if isinstance(everything, str) else None
    return False, None


def apply(
    findings: list[Finding],
    document: Document,
    path: str,
    known_codes: Iterable[str],
    *,
    require_reason: bool = False,
) -> tuple[list[Finding], list[Notice]]:
    """``findings`` with those a suppression covers marked ``suppressed``; and the problems
    found in the suppressions themselves (unknown codes; missing reasons if required)."""
    directives = sorted(document.directives, key=lambda d: d.start)
    if not directives:
        return findings, []
    known = list(known_codes)
    notices: list[Notice] = []

    def notice(d: Directive, message: str) -> None:
        where = document.locate(d.start)
        notices.append(
            Notice(path=path, line=where.line, column=where.column, message=message, record_id=document.record_id)
        )

    for d in directives:
        for code in d.codes:
            if not any(k.startswith(code) for k in known):
                notice(d, f"suppression names unknown rule '{code}' (see `claimcheck rules`)")
        if require_reason and d.kind != "enable" and not d.reason:
            notice(d, "suppression gives no reason (add `-- reason`)")

    source = document.source
    lines: list[tuple[Directive, tuple[int, int]]] = []
    for d in directives:
        if d.kind == "line":
            lines.append((d, _line_bounds(source, d.start)))
        elif d.kind == "next-line":
            target = _next_line(source, d.end)
            if target is not None:
                lines.append((d, target))
    ranges = [d for d in directives if d.kind in ("disable", "enable")]
    out: list[Finding] = []
    for f in findings:
        hit = next(
            (d for d, (s, e) in lines if f.start <= e and f.end > s and (not d.codes or _covers(f.code, d.codes))),
            None,
        )
        if hit is not None:
            out.append(f.model_copy(update={"suppressed": True, "suppression_reason": hit.reason}))
            continue
        disabled, reason = _reason_at(ranges, f)
        out.append(f.model_copy(update={"suppressed": True, "suppression_reason": reason}) if disabled else f)
    return out, notices
