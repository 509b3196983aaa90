"""A document as the rules read it: prose cut into segments, with offsets back to the source.

Every format (plain text, Markdown, HTML, Word, PDF, records) turns its input into a
:class:`Document`. ``text`` is the prose the rules read: markup, code and skipped parts
are left out, entities decoded. ``source`` is the text that positions are reported in:
the file's own text for text formats (so line and column point into the file), the
extracted text for Word and PDF (one paragraph or one PDF line per line). ``offsets``
maps each character of ``text`` back to where it came from in ``source``; it is None
when both are the same length and aligned character for character.

Segments are the units claims live in: paragraphs, list items, headings, table cells.
Headings open sections; text under a "References" heading is a reference list and list
items under a "Myths" heading state the myths being debunked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .suppress import Directive

# Characters that open a list item in text copied from the web: "- ", "• ", "✔ ", "➤ ".
BULLETS = "\\-*+•▪◦·✔✓☑✅➤►▸"

_MYTH_HEADING = re.compile(
    r"^[\s#*_]*(?:(?:common|popular|five|\d+|top)\s+)?(?:myths?|misconceptions?|debunked|myth\s*busting|"
    r"myth\s*#?\s*\d+|fact\s+or\s+fiction)\b(?!\s+and\s+facts?)(?!\s*(?:vs\.?|versus)\s*facts?)",
    re.IGNORECASE,
)
_FACT_LINE = re.compile(rf"^[\s{BULLETS}>#]*(?:\*\*)?(?:fact|truth|reality|the\s+evidence)\b", re.IGNORECASE)
_REFERENCE_HEADING = re.compile(
    r"^[\s#*_]*(?:[\w&,]+\s+){0,3}?(?:references?|bibliography|sources|works\s+cited|further\s+reading|citations|"
    r"reading\s+list|literature(?:\s+cited)?|notes\s+and\s+references)[\s*_:]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """A run of prose checked as a unit: a paragraph, a list item, a heading, a table cell.

    ``start`` and ``end`` are offsets into :attr:`Document.text`. ``level`` is a heading's
    level (1 for a title, 2 and more for sections; 0 for other text). ``reference`` and
    ``myth`` are set by :func:`sections` from the headings above.
    """

    start: int
    end: int
    heading: bool = False
    reference: bool = False
    quote: bool = False
    item: bool = False
    level: int = 0
    myth: bool = False  # under a "Myths" / "Misconceptions" heading: the text states myths


def sections(text: str, blocks: list[Segment]) -> list[Segment]:
    """``blocks`` (in order) with ``reference`` and ``myth`` set from the headings above them.

    Under a "Myths" heading, list items and one-line statements state the myths; prose
    paragraphs are the writer's own debunking.
    """
    out: list[Segment] = []
    in_references = in_myths = False
    for block in blocks:
        body = text[block.start : block.end]
        if block.heading:
            in_references = _REFERENCE_HEADING.match(body.strip()) is not None
            in_myths = _MYTH_HEADING.match(body.strip()) is not None
            out.append(replace(block, reference=False, myth=False))
            continue
        short = "\n" not in body.strip() and len(body) <= 140
        myth = in_myths and (block.item or short) and _FACT_LINE.match(body) is None
        out.append(replace(block, reference=block.reference or in_references, myth=myth))
    return out


class LineIndex:
    """Maps character offsets to 1-based (line, column), columns counted in characters."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


class OffsetMap:
    """Where each character of a document's text came from in its source.

    Built run by run: a *verbatim* run is source text copied as it is; any other run
    (a decoded entity, a space standing for a line break, a separator) stands for a whole
    source span, so a finding that starts or ends inside it covers all of that span.
    """

    def __init__(self) -> None:
        self._view: list[int] = []
        self._src: list[int] = []
        self._src_end: list[int] = []
        self._verbatim: list[bool] = []
        self.length = 0

    def add(self, length: int, src_start: int, src_end: int, verbatim: bool) -> None:
        """Append a run of ``length`` characters standing for ``source[src_start:src_end]``."""
        if length <= 0:
            return
        if (
            verbatim
            and self._verbatim
            and self._verbatim[-1]
            and self._src_end[-1] == src_start
            and self._src_end[-1] - self._src[-1] == self.length - self._view[-1]
        ):
            self._src_end[-1] = src_end  # extends the previous verbatim run
        else:
            self._view.append(self.length)
            self._src.append(src_start)
            self._src_end.append(src_end)
            self._verbatim.append(verbatim)
        self.length += length

    def char(self, offset: int) -> tuple[int, int]:
        """The source span the text character at ``offset`` came from."""
        i = max(0, bisect.bisect_right(self._view, offset) - 1)
        if self._verbatim[i]:
            s = self._src[i] + offset - self._view[i]
            return s, s + 1
        return self._src[i], self._src_end[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of text ``[start, end)`` (``end > start``)."""
        return self.char(start)[0], self.char(end - 1)[1]


class TextBuilder:
    """Builds a document's text from pieces of its source, keeping the offset map.

    >>> b = TextBuilder("a &amp; b")
    >>> b.verbatim(0, 2); b.replaced(2, 7, "&"); b.verbatim(7, 9)
    >>> b.build_text()
    'a & b'
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self.map = OffsetMap()
        self._blocks: list[Segment] = []
        self._block_start: int | None = None
        self._block_part = 0
        self._last_src = 0

    @property
    def length(self) -> int:
        return self.map.length

    def verbatim(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` into the text."""
        if end > start:
            self._parts.append(self.source[start:end])
            self.map.add(end - start, start, end, True)
            self._last_src = end

    def replaced(self, start: int, end: int, text: str) -> None:
        """Put ``text`` in the text, standing for ``source[start:end]`` (a decoded entity, a line break)."""
        if text:
            self._parts.append(text)
            self.map.add(len(text), start, end, False)
            self._last_src = end

    def open_block(self) -> None:
        """Start a block (closing any open one)."""
        self.close_block()
        self._block_start = self.length
        self._block_part = len(self._parts)

    def close_block(self, **flags: bool | int) -> None:
        """End the open block; ``flags`` are :class:`Segment` fields (heading, level, quote, item)."""
        if self._block_start is None:
            return
        start = self._block_start
        self._block_start = None
        text = "".join(self._parts[self._block_part :])
        stripped_start = len(text) - len(text.lstrip())
        stripped_end = len(text.rstrip())
        if stripped_end > stripped_start:
            self._blocks.append(Segment(start + stripped_start, start + stripped_end, **flags))  # type: ignore[arg-type]
        # keep blocks apart: a blank line between them, standing for no source text
        self._parts.append("\n\n")
        self.map.add(2, self._last_src, self._last_src, False)

    def build_text(self) -> str:
        return "".join(self._parts)

    def build(
        self, *, pages: list[int] | None = None, record_id: str | None = None, directives: list[Directive] | None = None
    ) -> Document:
        """The finished document, with the further :class:`Document` fields given."""
        self.close_block()
        text = self.build_text()
        return Document(
            text=text,
            segments=sections(text, self._blocks),
            source=self.source,
            offsets=self.map,
            pages=pages or [],
            record_id=record_id,
            directives=directives or [],
        )


@dataclass(frozen=True)
class Location:
    """Where a source offset is: 1-based line and column (within ``page`` for PDF)."""

    line: int
    column: int
    page: int | None = None


@dataclass
class Document:
    """Prose for the rules, its segments, and how to point back into the source."""

    text: str
    segments: list[Segment]
    source: str
    offsets: OffsetMap | None = None
    # PDF: source offsets where each page starts (the first is 0); lines are counted per page.
    pages: list[int] = field(default_factory=list)
    record_id: str | None = None
    directives: list[Directive] = field(default_factory=list)
    _index: LineIndex | None = field(default=None, repr=False)
    _sections: list[tuple[int, tuple[str, ...]]] | None = field(default=None, repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]``."""
        if self.offsets is None:
            return start, end
        return self.offsets.span(start, end)

    def locate(self, source_offset: int) -> Location:
        """Line and column (and page) of a source offset."""
        if self._index is None:
            self._index = LineIndex(self.source)
        line, column = self._index.position(source_offset)
        if not self.pages:
            return Location(line, column)
        page = bisect.bisect_right(self.pages, source_offset) - 1
        first_line, _ = self._index.position(self.pages[page])
        return Location(line - first_line + 1, column, page + 1)

    def section_at(self, offset: int) -> tuple[str, ...]:
        """The headings above text offset ``offset``, outermost first."""
        if self._sections is None:
            self._sections = []
            path: list[tuple[int, str]] = []
            for seg in self.segments:
                if seg.heading:
                    title = " ".join(self.text[seg.start : seg.end].lstrip("#").split())
                    path = [(lvl, t) for lvl, t in path if lvl < seg.level] + [(seg.level, title)]
                    self._sections.append((seg.end, tuple(t for _, t in path)))
        i = bisect.bisect_right(self._sections, (offset, ())) - 1
        return self._sections[i][1] if i >= 0 else ()
