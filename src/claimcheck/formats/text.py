"""Plain text: clinical notes, exported handouts, anything without markup.

Paragraphs are separated by blank lines. Inside a paragraph, list items (bullets or
numbers), Markdown-style headings, ``>`` quotes and note section headers
("ASSESSMENT:", "PLAN:") start a new segment, so a heading never runs into the sentence
below it; lines wrapped inside a sentence stay one segment. A short line on its own
with no closing punctuation is a heading. Trailing ``claimcheck: ignore[...]`` comments
are suppressions and are not read as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..document import BULLETS, Document, Segment, sections
from ..suppress import line_directives

_BLANK = re.compile(r"\n[ \t\r]*(?:\n|$)")
_ITEM_START = re.compile(
    rf"^[ \t]*(?:[{BULLETS}]\s+|\d{{1,3}}[.)]\s+|#{{1,6}}\s|>\s?|[A-Z][A-Z /&\-]{{2,30}}:(?:\s|$))"
)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}\s")
_LIST_ITEM = re.compile(rf"^(?:[{BULLETS}]\s+|\d{{1,3}}[.)]\s+)")


def parse_text(source: str, record_id: str | None = None) -> Document:
    """A plain-text document. Its text is the source itself (suppression comments blanked
    out), so offsets into it are offsets into the source."""
    directives = line_directives(source)
    text = source
    if directives:
        pieces, pos = [], 0
        for d in directives:
            pieces += [source[pos : d.start], " " * (d.end - d.start)]
            pos = d.end
        text = "".join(pieces) + source[pos:]
    blocks = list(_blocks(text))
    return Document(
        text=text, segments=sections(text, blocks), source=source, record_id=record_id, directives=directives
    )


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


def _blocks(text: str) -> Iterator[Segment]:
    first = True
    for block in _all_blocks(text):
        # the first line of a document, when it reads as a heading, is its title
        if first and block.heading and block.level == 2 and not _MD_HEADING.match(text[block.start : block.end]):
            block = replace(block, level=1)
        first = False
        yield block


def _all_blocks(text: str) -> Iterator[Segment]:
    for p_start, p_end in _paragraphs(text):
        lines = text[p_start:p_end].split("\n")
        single = len(lines) == 1 or all(not ln.strip() for ln in lines[1:])
        widest = max(len(ln.rstrip()) for ln in lines)
        offset = seg_start = p_start
        seg_heading = seg_item = previous_quoted = False
        listing = False  # inside the short lines that follow a lead-in ending with ":"
        for i, line in enumerate(lines):
            quoted = line.lstrip().startswith(">")
            ends_line = i > 0 and _ends_unit(lines[i - 1], line, widest)
            starts_new = i > 0 and (
                _ITEM_START.match(line) is not None or seg_heading or quoted != previous_quoted or ends_line
            )
            previous_quoted = quoted
            if starts_new:
                yield from _block(text, seg_start, offset - 1, seg_heading, seg_item)
                seg_start = offset
            if i == 0 or starts_new:
                # web text copied as plain text puts each paragraph, heading or list item on a
                # line of its own; a lead-in ending with ":" opens a list of short lines
                lead_in = i > 0 and lines[i - 1].rstrip().endswith(":")
                # a list runs on while its items keep one style (all with a full stop, or none)
                same_style = i > 0 and _ends_sentence(lines[i - 1]) == _ends_sentence(line)
                listing = ends_line and (lead_in or (listing and seg_item and same_style))
                seg_item = listing and len(line.strip()) <= _LIST_LINE
                # a heading stands alone: the break after it ends a unit too (or the paragraph ends)
                alone = i + 1 == len(lines) or _ends_unit(line, lines[i + 1], widest)
                bullet = _LIST_ITEM.match(line.lstrip()) is not None
                seg_heading = not seg_item and not bullet and _is_heading(line, single or alone)
            offset += len(line) + 1
        yield from _block(text, seg_start, p_end, seg_heading, seg_item)


# A line at most this long, after a lead-in ending with ":", is a list item.
_LIST_LINE = 150


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?"))


_UNIT_END = re.compile(r"[.!?:;…\"”’)]\s*$")


def _ends_unit(previous: str, line: str, widest: int) -> bool:
    """Whether a line break ends a paragraph, heading or list item rather than wrapping a sentence.

    A line that ends a sentence (or a lead-in ":") ends its unit; so does a short line with no
    closing punctuation followed by one that starts a new unit with a capital, a digit or a
    quote. Hard-wrapped prose keeps its lines together: they are long, about as long as the
    widest line, and usually run on in lower case.
    """
    prev, nxt = previous.strip(), line.strip()
    if not prev or not nxt:
        return False
    if _UNIT_END.search(prev):
        return not nxt[0].islower() and not _ABBREVIATION_END.search(prev)
    short = len(prev) <= 60 and len(prev) < 0.6 * widest
    opens = nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“‘'("
    return short and opens and not prev.endswith((",", "-", "–", "&")) and not _RUNS_ON.search(prev)


# "Dr.", "e.g.": a full stop that does not end the sentence.
_ABBREVIATION_END = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|vs|etc|al|e\.g|i\.e|approx|cf|Fig|No)\.$")
# A line that ends on a word that needs what follows ("The leaflet says", "for the") runs on.
_RUNS_ON = re.compile(
    r"\b(?:says|said|say|claims?|claimed|that|the|a|an|and|or|but|of|to|in|on|for|with|by|from|is|are|was|were|be|"
    r"been|as|at|because|which|who|whom|than|like|such|their|his|her|its|our|your|my|this|these|those|not|can|may|"
    r"will|would|should|could|must|has|have|had)$",
    re.IGNORECASE,
)


def _block(text: str, start: int, end: int, heading: bool, item: bool = False) -> Iterator[Segment]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        body = text[start:end]
        level = (len(body) - len(body.lstrip("#")) or 2) if heading else 0
        yield Segment(
            start,
            end,
            heading=heading,
            quote=body.startswith(">"),
            item=item or _LIST_ITEM.match(body) is not None,
            level=level,
        )
