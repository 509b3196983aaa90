"""PDF: the text of each page as pypdf extracts it, lines joined back into paragraphs.

The document's ``source`` is the extracted text: each page's text (line ends made
``\\n``, trailing blank lines dropped) joined with a newline, and ``Document.pages``
holds where each page starts. A finding's ``page`` is the 1-based page number, its
``line`` the line on that page as extracted (counted from the first line pypdf gives
for the page, a running header included) and its ``column`` the character on that
line. PDF keeps no paragraphs, so the prose is rebuilt from the lines:

* lines in a paragraph are joined with a space; a word hyphenated at a line end
  ("oxy-" then "tocin", the second part in lower case) is joined without the hyphen.
  The source keeps both, so a finding over such a word covers "oxy-\\ntocin";
* a paragraph ends at a blank line, and after a line that ends a sentence and stops
  well before the right margin: the next line's first word would have fitted on it
  (widths are counted in characters, against the text's typical full line);
* a short line without closing punctuation that starts a paragraph is a heading: the
  first block of the document, if it is one, is the title (level 1), the others are
  sections (level 2; extracted text carries no font sizes to tell levels apart);
* a line opening with a bullet ("•", "-", "1.") starts a list item, except that a
  numbered line that looks like a heading ("2. Methods") is a heading;
* a paragraph carries on over a page break unless the page's last line ended it.

Skipped: bare page numbers ("7", "iv", "Page 7", "7 of 12", "- 7 -") among the first or
last two lines of a page, and running headers and footers, that is lines found among
the first or last three lines of most pages, or of three pages or more (digits aside,
so "Page 3" and "Page 4" are the same line, and so are a chapter's running heads).
Not read: annotations, form fields and images; a scanned PDF, which is only images,
has no text, which is reported as an error (run OCR on it first).

An encrypted PDF is read if it opens without a password (many are encrypted only to
restrict printing or copying); otherwise it is an :class:`InputError`, as are a file
pypdf cannot read and one without extractable text.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import DependencyError

from ..document import Document, TextBuilder
from ..errors import InputError

_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[-–—])?(?:\s*(?:/|of)\s*\d{1,4})?", re.IGNORECASE
)
_BULLET = re.compile(r"(?:[•▪◦●○■□‣⁃∙·*\-–—]|\(?\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_NO_HEADING_END = re.compile(r"[.!?:;,…\-]$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
# Proportional fonts make character counts a rough measure of width: a line counts as
# full up to this share of the typical line, and a heading is at most _SHORT of it.
_FULL = 0.9
_SHORT = 0.75
_EDGE_NUMBER = 2  # page numbers are looked for among this many lines at each end of a page
_EDGE_REPEAT = 3  # ... running headers and footers among this many


@dataclass(frozen=True)
class _Line:
    """A line's text, without surrounding spaces, as offsets into the source."""

    start: int
    end: int


def parse_pdf(data: bytes, name: str) -> Document:
    """A PDF document from the bytes of a .pdf file; :class:`InputError` if it cannot be read."""
    texts = _page_texts(data, name)
    if not any(text.strip() for text in texts):
        raise InputError(f"{name}: no extractable text (a scanned PDF holds only images: run OCR on it first)")
    source = "\n".join(texts)
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    pages = [_lines(source, start, start + len(text)) for start, text in zip(starts, texts, strict=True)]
    skip = _furniture(source, pages)
    lines = [line for page in pages for line in page if line is None or line not in skip]
    return _build(source, lines, starts)


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about every oddity it works around: keep that off the user's terminal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _reason(exc: Exception) -> str:
    message = str(exc).strip()
    return (message.splitlines()[0] if message else type(exc).__name__)[:200]


def _page_texts(data: bytes, name: str) -> list[str]:
    """Each page's extracted text, line ends normalised and trailing blank lines dropped."""
    if not data:
        raise InputError(f"{name}: not a PDF file (the file is empty)")
    if b"%PDF-" not in data[:1024]:  # readers allow some junk before the header, no more
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data))
            encrypted = reader.is_encrypted
        except Exception as exc:  # pypdf raises PdfReadError, but also ValueError, KeyError...
            raise InputError(f"{name}: not a readable PDF: {_reason(exc)}") from exc
        if encrypted:
            try:
                opened = bool(reader.decrypt(""))  # encrypted only against copying or printing?
            except DependencyError as exc:
                raise InputError(
                    f"{name}: encrypted PDF (AES needs the 'cryptography' package): remove the password first"
                ) from exc
            except Exception as exc:
                raise InputError(f"{name}: encrypted PDF that cannot be opened: {_reason(exc)}") from exc
            if not opened:
                raise InputError(f"{name}: encrypted PDF: remove the password first")
        try:
            pages = list(reader.pages)
        except Exception as exc:
            raise InputError(f"{name}: not a readable PDF: {_reason(exc)}") from exc
        if not pages:
            raise InputError(f"{name}: the PDF has no pages")
        texts = []
        for number, page in enumerate(pages, start=1):
            try:
                text = page.extract_text()
            except Exception as exc:
                raise InputError(f"{name}: page {number}: cannot extract text: {_reason(exc)}") from exc
            texts.append(text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n"))
    return texts


def _lines(source: str, start: int, end: int) -> list[_Line | None]:
    """The lines of ``source[start:end]``, stripped; None for a blank line."""
    out: list[_Line | None] = []
    pos = start
    while pos <= end:
        nl = source.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        text = source[pos:line_end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append(_Line(pos + lead, pos + len(text.rstrip())))
        else:
            out.append(None)
        pos = line_end + 1
    return out


def _key(source: str, line: _Line) -> str:
    return " ".join(re.sub(r"\d+", "#", source[line.start : line.end]).lower().split())


def _furniture(source: str, pages: list[list[_Line | None]]) -> set[_Line]:
    """Page numbers, running headers and footers: lines to leave out of the prose."""
    edges = []
    for page in pages:
        content = [line for line in page if line is not None]
        edges.append(
            (content[:_EDGE_REPEAT] + content[-_EDGE_REPEAT:], content[:_EDGE_NUMBER] + content[-_EDGE_NUMBER:])
        )
    skip = {
        line for _, near in edges for line in near if _PAGE_NUMBER.fullmatch(source[line.start : line.end]) is not None
    }
    if len(pages) >= 2:
        counts = Counter(key for lines, _ in edges for key in {_key(source, line) for line in lines})
        most = min(3, max(2, math.floor(len(pages) / 2) + 1))
        skip |= {line for lines, _ in edges for line in lines if counts[_key(source, line)] >= most}
    return skip


def _typical_width(lines: list[_Line | None]) -> float:
    """The length of a full line: the 90th percentile of line lengths."""
    widths = sorted(line.end - line.start for line in lines if line is not None)
    return float(widths[min(len(widths) - 1, int(len(widths) * 0.9))]) if widths else 0.0


def _build(source: str, lines: list[_Line | None], page_starts: list[int]) -> Document:
    builder = TextBuilder(source)
    width = _typical_width(lines)
    flags: dict[str, bool | int] = {}
    previous: _Line | None = None  # the last line of the open paragraph, not yet copied
    ended = True  # the previous line ended a sentence (or there was none)
    boundary = True  # the previous line ended the paragraph (a blank line, or it was a heading)
    first = True  # no paragraph yet: a heading here is the title

    def flush(line: _Line, end: int | None = None) -> None:
        builder.verbatim(line.start, line.end if end is None else end)

    for line in lines:
        if line is None:  # a blank line ends the paragraph
            if previous is not None:
                flush(previous)
                builder.close_block(**flags)
                previous = None
            boundary = ended = True
            continue
        text = source[line.start : line.end]
        if previous is not None and ended and not boundary:
            # a sentence ends on a line with room left for this line's first word: the paragraph ended there
            boundary = previous.end - previous.start + 1 + len(text.split()[0]) <= _FULL * width
        bullet = _BULLET.match(text)
        words = text[bullet.end() :] if bullet else text  # after a bullet or number
        heading = (
            (bullet is None or bullet.group(0)[0] in "(0123456789")  # "2. Methods" is a heading
            and (boundary or ended)
            and len(text) <= max(_SHORT * width, 20)
            and _NO_HEADING_END.search(text) is None
            and (words[:1].isupper() or words[:1].isdigit())
        )
        if previous is not None and not (boundary or bullet or heading):
            if _HYPHENATED.search(source[previous.start : previous.end]) and text[0].islower():
                flush(previous, previous.end - 1)  # "oxy-" + "tocin": the hyphen and line break are left out
            else:
                flush(previous)
                builder.replaced(previous.end, line.start, " ")
        else:
            if previous is not None:
                flush(previous)
                builder.close_block(**flags)
            builder.open_block()
            flags = {"heading": True, "level": 1 if first else 2} if heading else {"item": bullet is not None}
            first = False
        previous = line
        ended = _SENTENCE_END.search(text) is not None
        boundary = heading
    if previous is not None:
        flush(previous)
        builder.close_block(**flags)
    return builder.build(pages=page_starts)
