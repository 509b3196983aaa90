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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Finding, Level, Rule, normalise_wording

_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
# Next to these, the wording is part of a longer token: a hashtag, a file name, a URL, a compound.
_GLUED_BEFORE = re.compile(r"[\w'’#/.@\\_-]")
_GLUED_AFTER = re.compile(r"[\w'’/@\\_-]|\.\w")
# Where the nickname modifies the next word ("love hormone levels") or is followed by the name
# it labels ("the love hormone oxytocin"), a longer description would not read right.
_MODIFIED = re.compile(
    r"\s+(?:oxytocin|ot|levels?|release[sd]?|production|receptors?|systems?|boosts?|surges?|rush|hits?|sprays?|"
    r"effects?|response|hacks?|theory|myths?|labels?|nicknames?)\b",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n#>*\"“(]\s*)$")


def _case_like(model: str, text: str, sentence_start: bool) -> str:
    """``text`` in the letter case of ``model``: UPPER, Title Case, Capitalised at the start
    of a sentence, else as written."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text.upper()
    words = model.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w if w in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(text.split()))
    if model[:1].isupper() and sentence_start:
        return text[:1].upper() + text[1:]
    return text


def safe_replacement(rule: Rule, matched: str, source: str, start: int, end: int) -> str | None:
    """The replacement for ``source[start:end]`` (which reads ``matched`` as prose), or None
    when the rule has no safe fix for this wording here: a hyphenated or glued form
    ("love-hormone levels", "#lovehormone", "love-hormone.md"), or the nickname used as a
    modifier or label before a noun or name ("the love hormone oxytocin")."""
    fix = rule.fix
    if fix is None or not fix.safe or source[start:end] != matched or "-" in matched:
        return None
    replacement = fix.replace.get(normalise_wording(matched))
    if replacement is None or _GLUED_AFTER.match(source, end) or (start and _GLUED_BEFORE.match(source, start - 1)):
        return None
    title_case = all(w[:1].isupper() for w in matched.split())
    if _MODIFIED.match(source, end) or (not title_case and _NAME_AFTER.match(source, end)):
        return None
    sentence_start = _SENTENCE_START.search(source, max(0, start - 3), start) is not None or start == 0
    return _case_like(matched, replacement, sentence_start)


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
    source: str, edits: Sequence[Edit], recheck: Callable[[str], list[Finding]], before: Sequence[Finding]
) -> tuple[str, list[Edit], list[Finding]]:
    """Apply ``edits`` one at a time, checking the text again with ``recheck`` after each, and
    keep an edit only if no rule fires on its new words and no other finding of ``before``
    disappears (a replacement must not hide an overclaim it does not fix, say by reading
    as a hedge). Returns the fixed text, the edits kept and the findings in the fixed text."""
    # At least this many findings of each code must remain: all but those the edits fix.
    floor = Counter(f.code for f in before if not f.suppressed) - Counter(e.code for e in edits)
    text, kept, shift = source, [], 0
    remaining = list(before)
    for edit in edits:
        start = edit.start + shift
        candidate = text[:start] + edit.text + text[start + edit.end - edit.start :]
        found = recheck(candidate)
        end = start + len(edit.text)
        fires = any(f.start < end and f.end > start for f in found if not f.suppressed)
        left = Counter(f.code for f in found if not f.suppressed)
        if fires or any(left[code] < n for code, n in floor.items()):
            continue
        text, shift, remaining = candidate, shift + len(edit.text) - (edit.end - edit.start), found
        kept.append(edit)
    return text, kept, remaining


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


def fix_file(
    path: str,
    fmt: str,
    check: Callable[[str], list[Finding]],
    findings: Sequence[Finding],
    min_level: Level = Level.suggestion,
) -> FileFix | None:
    """Work out the safe fixes for one text-format file (None when there is nothing to fix).

    ``check`` parses a text in the file's format and returns its findings (suppressions
    applied); ``findings`` are those the run found in the file as it is on disk; only those
    at ``min_level`` or above (the ones reported) are fixed.
    """
    from .inputs import decode_with_codec

    edits = edits_for([f for f in findings if f.level >= min_level], escape_html=fmt == "html")
    if not edits:
        return None
    with open(path, "rb") as handle:
        before, codec = decode_with_codec(handle.read(), path)
    if any(before[f.start : f.end] != f.text for f in _with_fix(findings)):
        return None  # the file changed since it was checked
    after, kept, remaining = verified_fix(before, edits, check, findings)
    return FileFix(path, before, after, codec, kept, remaining) if kept else None


def _with_fix(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that carry a safe fix, not suppressed, without overlaps, in order."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is not None and not f.suppressed and not (chosen and f.start < chosen[-1].end):
            chosen.append(f)
    return chosen
