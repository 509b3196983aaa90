"""A document's text cut into the units claims live in, with offsets back to line:col.

Paragraphs are separated by blank lines. Inside a paragraph, list items, Markdown
headings, block quotes and note section headers ("ASSESSMENT:") start a new segment,
so a heading never runs into the sentence below it. Lines wrapped inside a sentence
stay one segment. Paragraphs under a "References" heading are marked as a reference
list.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

_BLANK = re.compile(r"\n[ \t\r]*(?:\n|$)")
_ITEM_START = re.compile(r"^[ \t]*(?:[-*+•▪◦]\s+|\d{1,3}[.)]\s+|#{1,6}\s|>\s?|[A-Z][A-Z /&\-]{2,30}:(?:\s|$))")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}\s")
_MYTH_HEADING = re.compile(
    r"^[\s#*_]*(?:(?:common|popular|five|\d+|top)\s+)?(?:myths?|misconceptions?|debunked|myth\s*busting|"
    r"myth\s*#?\s*\d+|fact\s+or\s+fiction)\b(?!\s+and\s+facts?)(?!\s*(?:vs\.?|versus)\s*facts?)",
    re.IGNORECASE,
)
_FACT_LINE = re.compile(r"^[\s\-*+•>#]*(?:\*\*)?(?:fact|truth|reality|the\s+evidence)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[-*+•▪◦]\s+|\d{1,3}[.)]\s+)")
_REFERENCE_HEADING = re.compile(
    r"^[\s#*_]*(?:[\w&,]+\s+){0,3}?(?:references?|bibliography|sources|works\s+cited|further\s+reading|citations|"
    r"reading\s+list|literature(?:\s+cited)?|notes\s+and\s+references)[\s*_:]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """A run of text checked as a unit: a paragraph, a list item or a heading."""

    start: int
    end: int
    heading: bool
    reference: bool
    quote: bool = False
    item: bool = False
    level: int = 0  # heading level: 1 for a title ("# ..."), 2 for sections; 0 for other text
    myth: bool = False  # under a "Myths" / "Misconceptions" heading: the text states myths


def _is_heading(line: str, single_line_paragraph: bool) -> bool:
    if _MD_HEADING.match(line):
        return True
    stripped = line.strip()
    return single_line_paragraph and 0 < len(stripped) <= 90 and stripped[-1] not in '.!?;,:"”)'


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _BLANK.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def segments(text: str) -> Iterator[tuple[Segment, str]]:
    """Every segment of ``text`` with its text, in order."""
    in_references = in_myths = False
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        lines = para.split("\n")
        single = len(lines) == 1 or all(not ln.strip() for ln in lines[1:])
        offset = p_start
        seg_start = p_start
        seg_heading = False
        previous_quoted = False
        for i, line in enumerate(lines):
            quoted = line.lstrip().startswith(">")
            starts_new = i > 0 and (_ITEM_START.match(line) is not None or seg_heading or quoted != previous_quoted)
            previous_quoted = quoted
            if starts_new:
                yield from _emit(text, seg_start, offset - 1, seg_heading, in_references, in_myths)
                seg_start = offset
            heading = _is_heading(line, single)
            if heading:
                in_references = _REFERENCE_HEADING.match(line.strip()) is not None
                in_myths = _MYTH_HEADING.match(line.strip()) is not None
            if i == 0 or starts_new:
                seg_heading = heading
            offset += len(line) + 1
        yield from _emit(text, seg_start, p_end, seg_heading, in_references and not seg_heading, in_myths)


def _emit(
    text: str, start: int, end: int, heading: bool, reference: bool, myths: bool = False
) -> Iterator[tuple[Segment, str]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        body = text[start:end]
        quote = body.startswith(">")
        item = _LIST_ITEM.match(body) is not None
        level = (len(body) - len(body.lstrip("#")) or 2) if heading else 0
        # Under a "Myths" heading, list items and one-line statements state the myths; prose
        # paragraphs are the writer's own debunking.
        short = "\n" not in body.strip() and len(body) <= 140
        myth = myths and not heading and (item or short) and _FACT_LINE.match(body) is None
        yield Segment(start, end, heading, reference and not heading, quote, item, level, myth), body


class LineIndex:
    """Maps character offsets to 1-based (line, column), columns counted in characters."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
