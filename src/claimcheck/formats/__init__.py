"""Input formats: each turns a file into :class:`~claimcheck.document.Document` objects.

A format is chosen by the file's extension, or for every file by ``--format-in``:

========  ==========================  ===========================================
name      extensions                  read as
========  ==========================  ===========================================
text      .txt .text .note (others)   plain text (:mod:`.text`)
markdown  .md .markdown               Markdown, prose only (:mod:`.markdown`)
html      .html .htm                  HTML, prose only (:mod:`.html`)
docx      .docx                       Word paragraphs and tables (:mod:`.docx`)
pdf       .pdf                        PDF text by page (:mod:`.pdf`)
jsonl     .jsonl .ndjson              one record per line (:mod:`.records`)
csv       .csv                        one record per row (:mod:`.records`)
========  ==========================  ===========================================

Text formats are decoded first (UTF-8 with or without BOM, UTF-16 with BOM, or a
detected legacy encoding); Word and PDF are read from their bytes; record files are
streamed, one record at a time, so a file larger than memory still works.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..document import Document
from ..errors import InputError

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".note": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
FORMATS = ("text", "markdown", "html", "docx", "pdf", "jsonl", "csv")
TEXT_FORMATS = ("text", "markdown", "html")


@dataclass(frozen=True)
class ReadOptions:
    """How to read records: the field holding the text, and the one naming the record."""

    text_field: str = "text"
    id_field: str = "id"


def format_for(path: str, override: str | None = None) -> str:
    """The format to read ``path`` in: ``override`` if given, else by extension (text by default)."""
    if override:
        return override
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def parse(text: str, fmt: str = "text", name: str = "<text>") -> Document:
    """A document from already-decoded text in a text format (text, markdown, html)."""
    if fmt == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(text, name)
    if fmt == "html":
        from .html import parse_html

        return parse_html(text, name)
    if fmt == "text":
        from .text import parse_text

        return parse_text(text)
    raise InputError(f"{name}: format '{fmt}' is not a text format")


def read(stream: BinaryIO, name: str, fmt: str, options: ReadOptions | None = None) -> Iterator[Document | InputError]:
    """The documents in ``stream`` (one, or one per record), read as ``fmt``.

    A problem with the whole file raises :class:`InputError`; a problem with one record
    is yielded in its place, so the other records are still read.
    """
    if fmt in ("jsonl", "csv"):
        from .records import read_records

        yield from read_records(stream, name, fmt, options or ReadOptions())
        return
    data = stream.read()
    if fmt == "docx":
        from .docx import parse_docx

        yield parse_docx(data, name)
    elif fmt == "pdf":
        from .pdf import parse_pdf

        yield parse_pdf(data, name)
    else:
        from ..inputs import decode

        yield parse(decode(data, name), fmt, name)
