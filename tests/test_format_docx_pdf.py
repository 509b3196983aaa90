"""Word (.docx) and PDF input: what is read, where findings point, and bad files.

The fixtures under ``fixtures/formats`` are made by ``make_binary_fixtures.py`` there;
``test_fixtures_are_up_to_date`` checks that they are what the script makes.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from pypdf import PdfReader

from claimcheck import Linter
from claimcheck.document import Document
from claimcheck.errors import InputError
from claimcheck.formats import read
from claimcheck.formats.docx import parse_docx
from claimcheck.formats.pdf import parse_pdf
from claimcheck.models import Finding

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
DOCX = FORMATS / "docx"
PDF = FORMATS / "pdf"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _load(path: Path) -> Document:
    parse = parse_docx if path.suffix == ".docx" else parse_pdf
    return parse(path.read_bytes(), path.name)


def _check(linter: Linter, path: Path, silenced: bool = False) -> tuple[Document, list[Finding]]:
    document = _load(path)
    return document, linter.check_document(document, path.name, silenced=silenced)


def _source_line(document: Document, line: int, page: int | None) -> str:
    """Line ``line`` of the source, counted on ``page`` for a PDF."""
    start = document.pages[page - 1] if page else 0
    return document.source[start:].split("\n")[line - 1]


def _docx_bytes(build: Callable[[WordDocument], None]) -> bytes:
    d = docx.Document()
    build(d)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_binary_fixtures", FORMATS / "make_binary_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- Word


def test_docx_source_is_one_paragraph_per_line() -> None:
    document = _load(DOCX / "handout.docx")
    assert document.source.split("\n") == [
        "Oxytocin and Your Body",
        "A handout for the waiting room. Read it, then ask us anything.",
        "What the hormone does",
        "Oxytocin is a hormone made in the hypothalamus and released by the pituitary gland. "
        "It helps the uterus contract during labour and lets milk flow during breastfeeding.",
        # a line break and a tab inside the paragraph are spaces, so it stays one line
        "Many websites claim more than the studies show. Oxytocin, the love hormone, floods your brain when you hug. "
        "Intranasal oxytocin is a proven treatment for autism.",
        "",  # an empty paragraph still counts
        "What the evidence says",
        "Oxytocin is often called the love hormone, but the label misleads.",
        "Common claims",
        "Oxytocin increases trust.",
        "Oxytocin may play a role in bonding, though human studies are mixed.",
        "Claim",  # table cells, row by row
        "What we know",
        "Oxytocin cures anxiety.",
        "Small trials, mixed results.",
        "",  # the paragraph anchoring the text box ...
        "Oxytocin is a proven treatment for autism.",  # ... and the box's paragraph, read once
        "Nasal oxytocin is still being studied in autism.",  # tracked deletion left out, insertion read
        "Ask your midwife or doctor before trying any spray.",  # hidden text left out
    ]


def test_docx_skips_header_hidden_and_deleted_text() -> None:
    document = _load(DOCX / "handout.docx")
    assert "immune" not in document.source  # page header
    assert "shyness" not in document.source  # hidden run
    assert document.source.count("proven treatment for autism") == 2  # body and text box; not the deletion


def test_docx_segments_follow_paragraph_styles() -> None:
    document = _load(DOCX / "handout.docx")
    segments = {document.text[s.start : s.end]: s for s in document.segments}
    assert [(document.text[s.start : s.end], s.level) for s in document.segments if s.heading] == [
        ("Oxytocin and Your Body", 1),
        ("What the hormone does", 2),
        ("What the evidence says", 2),
        ("Common claims", 3),
    ]
    assert segments["Oxytocin increases trust."].item
    assert segments["Oxytocin is often called the love hormone, but the label misleads."].quote
    assert not segments["Oxytocin cures anxiety."].item  # a table cell is a block of its own
    assert len(document.segments) == 17  # one per non-empty paragraph: cells never run together


def test_docx_findings(linter: Linter) -> None:
    _, findings = _check(linter, DOCX / "handout.docx")
    title, hormone, evidence, claims = (
        "Oxytocin and Your Body",
        "What the hormone does",
        "What the evidence says",
        "Common claims",
    )
    assert [(f.code, f.line, f.column, f.section, f.page) for f in findings] == [
        ("OXT101", 5, 63, [title, hormone], None),
        ("OXT201", 5, 109, [title, hormone], None),
        ("OXT301", 10, 1, [title, evidence, claims], None),
        ("OXT204", 14, 1, [title, evidence, claims], None),  # table cell
        ("OXT201", 17, 1, [title, evidence, claims], None),  # text box
    ]
    assert findings[1].text == "Intranasal oxytocin is a proven treatment for autism"


def test_docx_styles_numbering_and_outline_levels() -> None:
    def build(d: WordDocument) -> None:
        custom = d.styles.add_style("Handout Heading", WD_STYLE_TYPE.PARAGRAPH)
        custom.base_style = d.styles["Heading 2"]
        d.add_paragraph("Based on Heading 2", style="Handout Heading")
        outlined = d.add_paragraph("Outline level 0")
        outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="0"/>'))
        numbered = d.add_paragraph("Numbered by reference")
        numbered._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
        )
        unnumbered = d.add_paragraph("List style, numbering off", style="List Number")
        unnumbered._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))
        d.add_paragraph("Quoted", style="Intense Quote")
        outer = d.add_table(rows=1, cols=1).cell(0, 0)
        outer.paragraphs[0].text = "Outer cell"
        outer.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].text = "Nested cell"

    document = parse_docx(_docx_bytes(build), "styles.docx")
    by_text = {document.text[s.start : s.end]: s for s in document.segments}
    assert by_text["Based on Heading 2"].heading and by_text["Based on Heading 2"].level == 3
    assert by_text["Outline level 0"].heading and by_text["Outline level 0"].level == 2
    assert by_text["Numbered by reference"].item
    assert not by_text["List style, numbering off"].item
    assert by_text["Quoted"].quote
    assert document.source.split("\n")[-3:] == ["Outer cell", "Nested cell", ""]


def test_docx_without_text_is_an_empty_document(linter: Linter) -> None:
    document = parse_docx(_docx_bytes(lambda d: None), "blank.docx")
    assert document.segments == []
    assert linter.check_document(document, "blank.docx") == []


def test_docx_is_read_through_the_format_dispatch() -> None:
    data = (DOCX / "handout.docx").read_bytes()
    (document,) = read(io.BytesIO(data), "handout.docx", "docx")
    assert isinstance(document, Document)
    assert document.source == _load(DOCX / "handout.docx").source


def _replace_member(data: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == member else src.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((DOCX / "not-a-zip.docx").read_bytes(), "not a .docx file (not a zip package)"),
        ((DOCX / "no-document.docx").read_bytes(), "not a readable .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "an old Word .doc file or a password-protected .docx"),
        (b"", "not a .docx file (not a zip package)"),
        (
            _replace_member((DOCX / "handout.docx").read_bytes(), "word/document.xml", b"<w:document"),
            "not a readable .docx file",
        ),
    ],
    ids=["not-a-zip", "no-document", "ole", "empty", "broken-xml"],
)
def test_docx_bad_input_raises_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_docx(data, "bad.docx")
    text = str(caught.value)
    assert text.startswith("bad.docx: ") and message in text
    assert "\n" not in text and "BytesIO" not in text


# --------------------------------------------------------------------------- PDF


def test_pdf_source_keeps_pages_and_lines() -> None:
    document = _load(PDF / "handout.pdf")
    pages = [document.source[start:end] for start, end in zip(document.pages, [*document.pages[1:], None], strict=True)]
    assert len(pages) == 2 and document.pages[0] == 0
    first = pages[0].rstrip("\n").split("\n")
    assert first[0] == "Oxytocin Facts | Community Health Handout"  # lines are counted from the running header
    assert first[7:9] == [
        "floods your brain when you hug. For children on the spectrum, intranasal oxy-",
        "tocin is a proven treatment for autism and should be tried early.",
    ]
    assert first[-1] == "1"


def test_pdf_skips_page_numbers_and_running_headers() -> None:
    document = _load(PDF / "handout.pdf")
    assert "Community Health Handout" not in document.text
    assert all(document.text[s.start : s.end] not in ("1", "2") for s in document.segments)
    flow = _load(PDF / "flow.pdf")
    assert "Page 1 of 3" in flow.source and "Page" not in flow.text  # "Page N of M"
    assert "Bonding and Birth, page 2" in flow.source and ", page" not in flow.text  # header holding the page number
    assert flow.text.startswith("Bonding and Birth")  # the title, which is not the header


def test_pdf_joins_lines_and_hyphenated_words() -> None:
    document = _load(PDF / "handout.pdf")
    assert "For children on the spectrum, intranasal oxytocin is a proven treatment" in document.text
    assert "oxy-" not in document.text


def test_pdf_segments() -> None:
    document = _load(PDF / "handout.pdf")
    blocks = [(document.text[s.start : s.end][:30], s.heading, s.level, s.item) for s in document.segments]
    assert blocks == [
        ("Oxytocin and Your Body", True, 1, False),
        ("What the hormone does", True, 2, False),
        ("Oxytocin is a hormone made in ", False, 0, False),
        ("Some advice online claims far ", False, 0, False),
        ("What the evidence says", True, 2, False),
        ("Oxytocin is often called the l", False, 0, False),
        ("Common claims", True, 2, False),
        ("• Oxytocin increases trust.", False, 0, True),
        ("• Oxytocin may play a role in ", False, 0, True),
        ("Ask your midwife or doctor bef", False, 0, False),  # ends the list: "Ask" fitted on the line above
    ]


def test_pdf_findings(linter: Linter) -> None:
    _, findings = _check(linter, PDF / "handout.pdf")
    assert [(f.code, f.page, f.line, f.column) for f in findings] == [
        ("OXT101", 1, 7, 73),
        ("OXT201", 1, 8, 63),
        ("OXT301", 2, 7, 3),
    ]
    assert findings[0].section == ["Oxytocin and Your Body", "What the hormone does"]
    assert findings[2].section == ["Oxytocin and Your Body", "Common claims"]


def test_pdf_finding_across_a_hyphenated_word(linter: Linter) -> None:
    _, findings = _check(linter, PDF / "handout.pdf")
    autism = next(f for f in findings if f.code == "OXT201")
    assert autism.text == "intranasal oxy-\ntocin is a proven treatment for autism"
    assert (autism.line, autism.column, autism.end_line, autism.end_column) == (8, 63, 9, 39)
    assert "intranasal oxytocin" in autism.message


def test_pdf_finding_across_a_page_break(linter: Linter) -> None:
    _, findings = _check(linter, PDF / "flow.pdf")
    assert [(f.code, f.page, f.line, f.column, f.end_page, f.end_line) for f in findings] == [
        ("OXT204", 1, 4, 78, 2, 2)
    ]
    # the source between the two halves of the word (footer, header) is part of the span
    assert findings[0].text == "oxy-\nPage 1 of 3\nBonding and Birth, page 2\ntocin cures anxiety"


def test_pdf_lists_and_paragraph_ends() -> None:
    document = _load(PDF / "flow.pdf")
    blocks = [document.text[s.start : s.end] for s in document.segments]
    assert blocks[2] == "A spray is not the same as a hug, and it costs far more."
    assert [document.text[s.start : s.end] for s in document.segments if s.item] == [
        "1. What does the study measure, and in whom?",
        "2. Was the result repeated by another team?",
    ]


def test_pdf_chapter_heads_roman_page_numbers_and_numbered_headings() -> None:
    script = _script()
    romans = ["i", "ii", "iii", "iv", "v", "vi"]
    pages = []
    for n, roman in enumerate(romans):
        chapter = "Chapter 1: Birth" if n < 3 else "Chapter 2: Bonding"
        place = ["Oslo", "Lyon", "Kyoto", "Perth", "Quito", "Turin"][n]  # lines that differ, digits aside
        body = [f"2. Methods in {place}", f"We read every trial from {place}.", f"1. Ask the midwives of {place}."]
        pages.append(
            [("F1", 8, 72, 770, f"{chapter} {n + 10}")]
            + [("F1", 11, 72, 730 - 20 * i, line) for i, line in enumerate(body)]
            + [("F1", 9, 300, 40, roman)]
        )
    document = parse_pdf(script.build_text_pdf(pages), "chapters.pdf")
    assert "Chapter" not in document.text  # each chapter's running head is on 3 of the 6 pages
    assert not any(document.text[s.start : s.end] in romans for s in document.segments)
    first = document.segments[:3]
    assert [(document.text[s.start : s.end], s.heading, s.item) for s in first] == [
        ("2. Methods in Oslo", True, False),
        ("We read every trial from Oslo.", False, False),
        ("1. Ask the midwives of Oslo.", False, True),
    ]


def test_pdf_encrypted_without_a_user_password_is_read(linter: Linter) -> None:
    plain, plain_findings = _check(linter, PDF / "handout.pdf")
    locked, locked_findings = _check(linter, PDF / "owner-only.pdf")
    assert locked.source == plain.source
    assert [f.model_dump(exclude={"path"}) for f in locked_findings] == [
        f.model_dump(exclude={"path"}) for f in plain_findings
    ]


def test_pdf_is_read_through_the_format_dispatch() -> None:
    (document,) = read(io.BytesIO((PDF / "handout.pdf").read_bytes()), "handout.pdf", "pdf")
    assert isinstance(document, Document) and document.pages == _load(PDF / "handout.pdf").pages


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((PDF / "encrypted.pdf").read_bytes(), "encrypted PDF: remove the password first"),
        ((PDF / "scanned.pdf").read_bytes(), "no extractable text (a scanned PDF"),
        ((PDF / "corrupt.pdf").read_bytes(), "not a readable PDF"),
        ((PDF / "handout.pdf").read_bytes()[:1500], "not a readable PDF"),
        (b"Oxytocin increases trust.\n", "not a PDF file (no %PDF header)"),
        ((DOCX / "handout.docx").read_bytes(), "not a PDF file (no %PDF header)"),
        (b"", "not a PDF file (the file is empty)"),
    ],
    ids=["encrypted", "scanned", "corrupt", "truncated", "text", "docx", "empty"],
)
def test_pdf_bad_input_raises_input_error(data: bytes, message: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), pytest.raises(InputError) as caught:
        parse_pdf(data, "bad.pdf")
    text = str(caught.value)
    assert text.startswith("bad.pdf: ") and message in text and "\n" not in text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # pypdf's own warnings kept quiet


# --------------------------------------------------------------------------- both


@pytest.mark.parametrize("path", [DOCX / "handout.docx", PDF / "handout.pdf", PDF / "flow.pdf"], ids=lambda p: p.name)
def test_finding_positions_point_into_the_source(linter: Linter, path: Path) -> None:
    document, findings = _check(linter, path, silenced=True)
    assert findings
    for f in findings:
        assert document.source[f.start : f.end] == f.text
        line = _source_line(document, f.line, f.page)
        assert line[f.column - 1 :].startswith(f.text.split("\n")[0]), (f.code, f.text)
        assert (f.page is not None) == (path.suffix == ".pdf")


def test_fixtures_are_up_to_date() -> None:
    script = _script()
    assert (PDF / "handout.pdf").read_bytes() == script.build_text_pdf([script.PAGE_1, script.PAGE_2])
    assert (PDF / "flow.pdf").read_bytes() == script.build_text_pdf(script.FLOW)
    assert (PDF / "scanned.pdf").read_bytes() == script.build_scanned_pdf()
    locked = PdfReader(PDF / "encrypted.pdf")
    assert locked.is_encrypted and not locked.decrypt("") and locked.decrypt("secret")
    plain = PdfReader(PDF / "handout.pdf")
    assert [p.extract_text() for p in locked.pages] == [p.extract_text() for p in plain.pages]
    with (
        zipfile.ZipFile(DOCX / "handout.docx") as committed,
        zipfile.ZipFile(io.BytesIO(script.build_handout_docx())) as fresh,
    ):
        # Only the body: the rest comes from python-docx's own template, which may change between versions.
        assert committed.read("word/document.xml") == fresh.read("word/document.xml")
