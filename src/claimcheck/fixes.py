"""Safe fixes: replacing a flagged wording with the rule's careful one.

A rule offers a fix for exact wordings (``fix.replace`` in its YAML file); it is applied
by ``--fix`` only where the rule marks it ``safe``, the flagged text is plain prose (no
markup or entity inside it), and the wording is not glued to a possessive ("the love
hormone's effects"). The fixed text is checked again, and a fix after which any rule
fires on the replaced words (the same warning, or a new one) is dropped, so ``--fix``
never writes a change that does not remove the warning or that brings another.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Finding, Rule, normalise_wording

_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
_GLUED = re.compile(r"[\w'’]")


def _case_like(model: str, text: str) -> str:
    """``text`` in the letter case of ``model``: UPPER, Title Case, Capitalised or as written."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text.upper()
    words = model.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w if w in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(text.split()))
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def safe_replacement(rule: Rule, matched: str, source: str, start: int, end: int) -> str | None:
    """The replacement for ``source[start:end]`` (which reads ``matched`` as prose), or None
    when the rule has no safe fix for this wording here."""
    fix = rule.fix
    if fix is None or not fix.safe or source[start:end] != matched:
        return None
    replacement = fix.replace.get(normalise_wording(matched))
    if replacement is None or _GLUED.match(source, end) or (start and _GLUED.match(source, start - 1)):
        return None
    return _case_like(matched, replacement)


@dataclass(frozen=True)
class Edit:
    """One replacement in a source text."""

    start: int
    end: int
    text: str
    code: str


def edits_for(findings: Sequence[Finding], escape_html: bool = False) -> list[Edit]:
    """Non-overlapping edits for the findings that carry a safe fix, in order of position."""
    edits = []
    for f in _with_fix(findings):
        assert f.fix is not None
        edits.append(Edit(f.start, f.end, html.escape(f.fix, quote=False) if escape_html else f.fix, f.code))
    return edits


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """``source`` with ``edits`` (non-overlapping, in order) applied."""
    out, pos = [], 0
    for e in edits:
        out += [source[pos : e.start], e.text]
        pos = e.end
    return "".join(out) + source[pos:]


def verified_fix(
    source: str, edits: Sequence[Edit], recheck: Callable[[str], list[Finding]]
) -> tuple[str, list[Edit], list[Finding]]:
    """Apply ``edits`` and check the result again with ``recheck``; drop every edit after
    which a rule fires on the replaced text (its own rule, or another). Returns the fixed
    text, the edits kept and the findings in the fixed text."""
    kept = list(edits)
    while True:
        fixed = apply_edits(source, kept)
        findings = recheck(fixed)
        shift, failing = 0, set()
        for i, e in enumerate(kept):
            start = e.start + shift
            end = start + len(e.text)
            shift += len(e.text) - (e.end - e.start)
            if any(f.start < end and f.end > start for f in findings if not f.suppressed):
                failing.add(i)
        if not failing:
            return fixed, kept, findings
        kept = [e for i, e in enumerate(kept) if i not in failing]


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's change, as ``diff -u`` prints it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass(frozen=True)
class FileFix:
    """What ``--fix`` does to one file: its text before and after, the edits kept, and the
    findings that remain in the fixed text."""

    path: str
    before: str
    after: str
    codec: str
    edits: list[Edit]
    remaining: list[Finding]


def fix_file(path: str, fmt: str, check: Callable[[str], list[Finding]], findings: Sequence[Finding]) -> FileFix | None:
    """Work out the safe fixes for one text-format file (None when there is nothing to fix).

    ``check`` parses a text in the file's format and returns its findings (suppressions
    applied); ``findings`` are those the run found in the file as it is on disk.
    """
    from .inputs import decode_with_codec

    edits = edits_for(findings, escape_html=fmt == "html")
    if not edits:
        return None
    with open(path, "rb") as handle:
        before, codec = decode_with_codec(handle.read(), path)
    if any(before[f.start : f.end] != f.text for f in _with_fix(findings)):
        return None  # the file changed since it was checked
    after, kept, remaining = verified_fix(before, edits, check)
    return FileFix(path, before, after, codec, kept, remaining) if kept else None


def _with_fix(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that carry a safe fix, not suppressed, without overlaps, in order."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is not None and not f.suppressed and not (chosen and f.start < chosen[-1].end):
            chosen.append(f)
    return chosen
