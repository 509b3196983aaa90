"""Suppression comments: the writer's way to say "I know; leave this one".

Markdown and HTML take HTML comments::

    <!-- claimcheck-disable OXT101 -->  ...  <!-- claimcheck-enable OXT101 -->
    <!-- claimcheck-disable-next-line OXT101 -- quoting the patient -->

Plain text and records take a trailing comment on the line it covers::

    She calls it the love hormone.  claimcheck: ignore[OXT101] -- her words

Codes are optional (no code: every rule) and may be prefixes, as in ``--select``
(``OXT1`` covers OXT101 to OXT199). For a finding, the last ``disable`` or ``enable``
before it that covers its code decides, so ``disable OXT1`` then ``enable OXT101`` turns
OXT101 back on. ``disable-next-line`` covers the first line of the next paragraph, list
item or heading. A code that names no rule is reported, and so is a misspelt comment
(``claimcheck-disabled``) and, with ``require_reason``, a suppression without a
``-- reason``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .document import Document
from .models import Finding, Notice

Kind = Literal["disable", "enable", "next-line", "line", "invalid"]

_COMMENT = re.compile(r"<!--\s*claimcheck-([\w-]*)(.*?)-->", re.DOTALL)
_KINDS: dict[str, Kind] = {"disable": "disable", "enable": "enable", "disable-next-line": "next-line"}
# At the end of a line only: "claimcheck: ignore", optional [codes], optional "-- reason".
LINE_COMMENT = re.compile(
    r"(?:^|(?<=\s))claimcheck:[ \t]*ignore(?:\[([^\]\n]*)\])?(?:[ \t]+--([^\n]*))?[ \t]*\r?$", re.MULTILINE
)


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
        kind = _KINDS.get(m.group(1).lower())
        if kind is None:  # misspelt: reported, never obeyed
            yield Directive("invalid", (m.group(1),), None, m.start(), m.end())
            continue
        codes, reason = _codes_and_reason(m.group(2))
        yield Directive(kind, codes, reason, m.start(), m.end())


def line_directives(source: str) -> list[Directive]:
    """The trailing ``claimcheck: ignore[...]`` comments in plain text."""
    out = []
    for m in LINE_COMMENT.finditer(source):
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(1) or "") if c)
        reason = " ".join((m.group(2) or "").split()) or None
        end = m.end() - (1 if m.group().endswith("\r") else 0)
        out.append(Directive("line", codes, reason, m.start(), end))
    return out


def _covers(code: str, codes: Iterable[str]) -> bool:
    return any(code.startswith(c) for c in codes)


def _line_bounds(source: str, offset: int) -> tuple[int, int]:
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    return start, len(source) if end < 0 else end


def _reason_at(directives: Sequence[Directive], f: Finding) -> tuple[bool, str | None]:
    """Whether the disable/enable comments before ``f`` leave its rule disabled, and why: the
    last one that covers its code decides."""
    last: Directive | None = None
    for d in directives:
        if d.start > f.start:
            break
        if not d.codes or _covers(f.code, d.codes):
            last = d
    if last is not None and last.kind == "disable":
        return True, last.reason
    return False, None


def _next_prose_line(document: Document, offset: int) -> tuple[int, int] | None:
    """The first line after the one holding ``offset`` that holds prose (so in HTML a line
    with only ``<p>`` is passed over)."""
    source = document.source
    newline = source.find("\n", offset)
    if newline < 0:
        return None
    spans = [document.source_span(seg.start, seg.end) for seg in document.segments]
    for start, end in spans:
        if end <= newline:
            continue
        first = max(start, newline + 1)  # prose on the next lines: the line where it starts
        while first < end and source[first].isspace():
            first += 1
        if first < end:
            return _line_bounds(source, first)
    return None


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
        if d.kind == "invalid":
            notice(
                d, f"unknown claimcheck comment 'claimcheck-{d.codes[0]}' (use disable, enable or disable-next-line)"
            )
            continue
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
            target = _next_prose_line(document, d.end)
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
