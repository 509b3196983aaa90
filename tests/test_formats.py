"""Input formats: plain text and Markdown read as their authors see them, exact positions
for every text format, suppression comments, encodings, and bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.document import Document, OffsetMap, TextBuilder
from claimcheck.engine import Linter
from claimcheck.errors import InputError
from claimcheck.formats import SUFFIXES, TEXT_FORMATS, format_for, parse
from claimcheck.formats.markdown import parse_markdown
from claimcheck.formats.text import parse_text
from claimcheck.inputs import decode
from claimcheck.models import Finding
from claimcheck.suppress import apply

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
TEXT_FIXTURES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and SUFFIXES.get(p.suffix.lower()) in TEXT_FORMATS)


def between(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The text between two 1-based (line, column) positions, end exclusive."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


def findings_of(linter: Linter, path: Path, *, require_reason: bool = False) -> tuple[list[Finding], Document]:
    source = decode(path.read_bytes(), str(path))
    document = parse(source, format_for(str(path)), path.name)
    found, _ = apply(linter.check_document(document, path.name), document, path.name, linter.codes)
    return found, document


# --- the property every text format keeps ------------------------------------------------


def test_text_fixtures_exist_for_every_text_format() -> None:
    assert {format_for(str(p)) for p in TEXT_FIXTURES} >= {"text", "markdown"}


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_position_of_every_finding_holds_exactly_its_text(linter: Linter, path: Path) -> None:
    source = decode(path.read_bytes(), str(path))
    found, _ = findings_of(linter, path)
    assert found, f"{path.name}: a fixture should have findings to check positions against"
    for f in found:
        assert source[f.start : f.end] == f.text
        assert between(source, f.line, f.column, f.end_line, f.end_column) == f.text


# --- Markdown ------------------------------------------------------------------------


POST = FIXTURES / "markdown" / "post.md"


def test_markdown_findings_at_exact_places(linter: Linter) -> None:
    found, _ = findings_of(linter, POST)
    assert [(f.code, f.line, f.column, f.text, f.suppressed) for f in found] == [
        ("OXT101", 2, 23, "love hormone", False),  # front matter title
        ("OXT201", 3, 14, "Intranasal oxytocin is a proven treatment for autism", False),  # description
        ("OXT301", 28, 3, "Oxytocin increases trust", False),  # table cell
        ("OXT304", 28, 3, "Oxytocin increases trust &amp; generosity", False),  # entity inside the span
        ("OXT101", 30, 17, "love hormone", False),  # image alt text
        ("OXT701", 36, 29, "every hug floods\n  your brain with it", False),  # list item wrapped over two lines
        ("OXT101", 41, 15, "love hormone", True),  # disable-next-line
        ("OXT301", 44, 1, "Oxytocin increases trust", True),  # inside disable OXT3 ... enable OXT3
        ("OXT301", 47, 1, "Oxytocin increases trust", False),  # after the enable
    ]


def test_markdown_skips_code_urls_struck_text_and_front_matter_keys() -> None:
    source = POST.read_text()
    document = parse_markdown(source, "post.md")
    prose = document.text
    assert "Clinic team" not in prose and "bonding]" not in prose  # other front-matter keys
    assert prose.count("floods your brain when you hug") == 1  # the fenced code block is left out
    assert "proven treatment for autism" in prose.split("What oxytocin does")[0]  # only the description
    assert prose.count("Intranasal oxytocin is a proven treatment") == 1  # not the indented code
    assert "--love-hormone" not in prose and "`" not in prose  # inline code
    assert "https://" not in prose and "doi.org" not in prose and "Kosfeld" not in prose  # link targets, titles
    assert "See  for the archive." in prose  # bare URL left out
    assert "We removed that line." in prose and "Oxytocin increases trust. We" not in prose  # struck through
    assert "<!--" not in prose and "claimcheck-disable" not in prose
    assert "trust & generosity" in prose  # entity decoded


def test_markdown_structure_headings_items_quotes_cells() -> None:
    document = parse_markdown(POST.read_text(), "post.md")
    kinds = {document.text[s.start : s.end]: s for s in document.segments}
    assert kinds["Oxytocin, the love hormone"].heading and kinds["Oxytocin, the love hormone"].level == 1
    assert kinds["What oxytocin does"].level == 1
    assert kinds["Oxytocin is the love hormone, my client told me."].quote
    assert kinds["Trials of intranasal oxytocin are mixed."].item
    assert not kinds["What we know"].heading  # a table cell is its own segment, not a heading
    f_section = document.section_at(document.text.index("Trials of"))
    assert f_section == ("What oxytocin does",)


def test_markdown_block_quote_is_heard_as_quoted(linter: Linter) -> None:
    assert linter.check_document(parse_markdown("> Oxytocin is the love hormone.\n")) == []
    assert [f.code for f in linter.check_document(parse_markdown("Oxytocin is the love hormone.\n"))] == ["OXT101"]


def test_markdown_emphasis_and_escapes_do_not_break_a_claim(linter: Linter) -> None:
    source = "Intranasal oxytocin is a **proven** treatment for \\*autism\\*.\n"
    (f,) = [f for f in linter.check_document(parse_markdown(source)) if f.code == "OXT201"]
    assert f.text == "Intranasal oxytocin is a **proven** treatment for \\*autism"
    assert (f.line, f.column) == (1, 1)
    assert '"Intranasal oxytocin is a proven treatment for *autism"' in f.message  # the prose, not the markup


def test_markdown_crlf_keeps_positions(linter: Linter) -> None:
    source = "# Notes\r\n\r\nSome say that is all.\r\nOxytocin, the love hormone, floods\r\nyour brain.\r\n"
    (f,) = linter.check_document(parse_markdown(source))
    assert (f.line, f.column, f.text) == (4, 15, "love hormone")
    assert source[f.start : f.end] == "love hormone"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Intro.\n\n```\nOxytocin is the love hormone.\n", "post.md:3: code fence '```' opened here is never closed"),
        ("---\ntitle: x\n\nOxytocin is the love hormone.\n", "post.md:1: front matter opened here is never closed"),
        ("Intro.\n\n<!-- draft\n\nOxytocin is the love hormone.\n", "post.md:3: HTML comment '<!--' opened here"),
        ("Intro.\n\n<pre>\nOxytocin is the love hormone.\n", "post.md:3: <pre> block opened here is never closed"),
    ],
)
def test_markdown_bad_input_names_file_and_line(source: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_markdown(source, "post.md")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_markdown_fence_closed_at_end_of_file_is_fine() -> None:
    document = parse_markdown("Text.\n\n```\nOxytocin is the love hormone.\n```", "post.md")
    assert "love hormone" not in document.text


# --- plain text --------------------------------------------------------------------------

NOTE = FIXTURES / "text" / "note.txt"


def test_plain_text_note_sections_and_trailing_suppressions(linter: Linter) -> None:
    found, document = findings_of(linter, NOTE)
    assert [(f.code, f.line, f.column, f.text, f.suppressed, f.suppression_reason) for f in found] == [
        ("OXT501", 7, 28, "trusting people is caused by low oxytocin", False, None),
        ("OXT601", 12, 14, "buy oxytocin nasal spray online", True, "documenting her plan, not advising it"),
        ("OXT301", 13, 41, "Oxytocin increases trust", True, None),
        ("OXT101", 14, 17, "love hormone", False, None),  # the suppression names an unknown code
    ]
    starts = [document.text[s.start : s.end].split(":")[0] for s in document.segments]
    assert {"SUBJECTIVE", "ASSESSMENT", "PLAN"} <= set(starts)
    # a sentence wrapped over two lines is one sentence; "ASSESSMENT:" starts its own segment
    seg = next(s for s in document.segments if document.text[s.start : s.end].startswith("SUBJECTIVE"))
    assert "love hormone and\nasked whether" in document.text[seg.start : seg.end]


def test_suppression_comments_are_not_read_as_prose() -> None:
    document = parse_text("Fine line. claimcheck: ignore[OXT101] -- oxytocin is the love hormone\n")
    assert "love hormone" not in document.text and len(document.text) == len(document.source)


def test_suppression_problems_are_reported(linter: Linter) -> None:
    document = parse_text(NOTE.read_text())
    found = linter.check_document(document, "note.txt")
    _, plain = apply(found, document, "note.txt", linter.codes)
    assert [(n.line, n.message) for n in plain] == [
        (14, "suppression names unknown rule 'OXT999' (see `claimcheck rules`)")
    ]
    _, strict = apply(found, document, "note.txt", linter.codes, require_reason=True)
    assert [n.line for n in strict] == [13, 14, 14]
    assert all("no reason" in n.message for n in strict if "unknown" not in n.message)


@pytest.mark.parametrize(
    ("comments", "suppressed"),
    [
        ("<!-- claimcheck-disable -->\n{claim}\n<!-- claimcheck-enable -->\n\n{claim}", [True, False]),
        ("<!-- claimcheck-disable -->\n{claim}\n<!-- claimcheck-enable OXT101 -->\n\n{claim}", [True, False]),
        ("<!-- claimcheck-disable OXT2 -->\n{claim}\n\n{claim}", [False, False]),
        ("<!-- claimcheck-disable OXT1 -->\n{claim}\n\n{claim}", [True, True]),
        ("<!-- claimcheck-disable-next-line -->\n\n{claim}\n\n{claim}", [True, False]),
        ("{claim} <!-- claimcheck-disable-next-line -->\n{claim}", [False, True]),
        ("```\n<!-- claimcheck-disable -->\n```\n\n{claim}", [False]),  # shown as code: not obeyed
    ],
)
def test_markdown_suppression_ranges(linter: Linter, comments: str, suppressed: list[bool]) -> None:
    source = comments.format(claim="Oxytocin, the love hormone, is in every hug.")
    document = parse_markdown(source)
    found, _ = apply(linter.check_document(document), document, "x.md", linter.codes)
    assert [f.suppressed for f in found if f.code == "OXT101"] == suppressed


# --- the document model -----------------------------------------------------------------


def test_offset_map_maps_verbatim_runs_and_replacements() -> None:
    m = OffsetMap()
    m.add(3, 10, 13, True)  # "abc" copied from 10..13
    m.add(1, 13, 18, False)  # "&" standing for "&amp;"
    m.add(2, 18, 20, True)
    assert m.char(0) == (10, 11) and m.char(2) == (12, 13)
    assert m.char(3) == (13, 18)
    assert m.span(1, 5) == (11, 19)
    assert m.span(3, 4) == (13, 18)


def test_builder_strips_blocks_and_keeps_them_apart() -> None:
    b = TextBuilder("<p> Oxytocin &amp; trust </p><h2>Myths</h2><li>It is a switch</li>")
    b.open_block()
    b.verbatim(3, 13)
    b.replaced(13, 18, "&")
    b.verbatim(18, 25)
    b.close_block()
    b.open_block()
    b.verbatim(33, 38)
    b.close_block(heading=True, level=2)
    b.open_block()
    b.verbatim(47, 61)
    b.close_block(item=True)
    document = b.build()
    texts = [document.text[s.start : s.end] for s in document.segments]
    assert texts == ["Oxytocin & trust", "Myths", "It is a switch"]
    assert document.segments[2].myth and not document.segments[1].myth  # an item under "Myths" states a myth
    start = document.text.index("& trust")
    assert document.source_span(start, start + 7) == (13, 24)
    assert document.section_at(document.segments[2].start) == ("Myths",)


# --- encodings ---------------------------------------------------------------------------

CLAIM = "Oxytocin, the love hormone, floods you — café naïve “quoted”.\n"


@pytest.mark.parametrize(
    "data",
    [
        CLAIM.encode("utf-8"),
        codecs.BOM_UTF8 + CLAIM.encode("utf-8"),
        CLAIM.encode("utf-16"),  # with BOM
        CLAIM.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        CLAIM.encode("utf-32"),  # with BOM; it starts with UTF-16 LE's
        codecs.BOM_UTF32_BE + CLAIM.encode("utf-32-be"),
        CLAIM.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "utf-32", "utf-32-be", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data, "x.txt") == CLAIM


def test_legacy_encoding_is_checked_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(("Notes from 1998 — " + CLAIM * 3).encode("cp1252"))
    result = CliRunner().invoke(main, ["check", str(tmp_path / "old.txt")])
    assert result.exit_code == 1 and result.output.count("OXT101") == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.txt: binary file, not text"),
        (bytes(range(1, 32)) * 4, "x.txt: binary file, not text"),
    ],
)
def test_binary_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "x.txt")


@pytest.mark.parametrize(
    ("source", "suppressed"),
    [
        # the last comment that covers the code decides: a narrower enable wins over a prefix
        ("<!-- claimcheck-disable OXT1 -->\n\n<!-- claimcheck-enable OXT101 -->\n\n{claim}\n", [False]),
        ("<!-- claimcheck-disable OXT101 -->\n\n<!-- claimcheck-enable OXT2 -->\n\n{claim}\n", [True]),
        ("<!-- claimcheck-disable OXT101 -->\n\n<!-- claimcheck-enable -->\n\n{claim}\n", [False]),
        ("<!-- claimcheck-disable -->\n{claim}\n<!-- claimcheck-enable OXT2 -->\n\n{claim}\n", [True, True]),
    ],
)
def test_suppression_last_covering_comment_decides(linter: Linter, source: str, suppressed: list[bool]) -> None:
    document = parse_markdown(source.format(claim="Oxytocin, the love hormone, is in every hug."))
    found, _ = apply(linter.check_document(document), document, "x.md", linter.codes)
    assert [f.suppressed for f in found if f.code == "OXT101"] == suppressed


def test_html_next_line_suppression_skips_lines_of_bare_tags(linter: Linter) -> None:
    from claimcheck.formats.html import parse_html

    source = (
        "<!-- claimcheck-disable-next-line OXT101 -->\n<p>\nOxytocin is the love hormone.\n</p>\n"
        "<p>Oxytocin is the love hormone.</p>\n"
    )
    document = parse_html(source, "page.html")
    found, _ = apply(linter.check_document(document), document, "page.html", linter.codes)
    assert [(f.line, f.suppressed) for f in found] == [(3, True), (5, False)]


def test_misspelt_comment_is_reported_not_obeyed(linter: Linter) -> None:
    document = parse_markdown("<!-- claimcheck-disabled -->\nOxytocin is the love hormone.\n")
    found, notices = apply(linter.check_document(document), document, "x.md", linter.codes)
    assert [f.suppressed for f in found] == [False]
    assert [(n.line, n.message) for n in notices] == [
        (1, "unknown claimcheck comment 'claimcheck-disabled' (use disable, enable or disable-next-line)")
    ]


@pytest.mark.parametrize(
    "source",
    [
        "The note says claimcheck: ignore is allowed. Oxytocin is the love hormone.\n",  # not at the end
        "Oxytocin is the love hormone. claimcheck: ignore [OXT101]\n",  # a space before the codes
        "Oxytocin is the love hormone.claimcheck: ignore\n",  # glued to the sentence
    ],
)
def test_plain_text_ignore_only_as_a_trailing_comment(linter: Linter, source: str) -> None:
    document = parse_text(source)
    found, _ = apply(linter.check_document(document), document, "x.txt", linter.codes)
    assert [(f.code, f.suppressed) for f in found] == [("OXT101", False)]
    assert document.text == source


def test_plain_text_ignore_with_crlf_keeps_the_line_ending(linter: Linter) -> None:
    source = "Oxytocin is the love hormone. claimcheck: ignore[OXT101] -- quoted\r\nNext line.\r\n"
    document = parse_text(source)
    (directive,) = document.directives
    assert (directive.reason, source[directive.end :]) == ("quoted", "\r\nNext line.\r\n")
    found, _ = apply(linter.check_document(document), document, "x.txt", linter.codes)
    assert [f.suppressed for f in found] == [True]


@pytest.mark.parametrize(
    "source",
    [
        "---\n\n# T\n\nOxytocin is the love hormone.\n\n---\n",  # a thematic break, not front matter
        "---\nNote: x\nOxytocin is the love hormone.\n---\n",  # not YAML: read as Markdown
        "Run <code>x</code> then: oxytocin is the love hormone.\n",
    ],
)
def test_markdown_look_alikes_are_read_as_prose(linter: Linter, source: str) -> None:
    assert [f.code for f in linter.check_document(parse_markdown(source))] == ["OXT101"]


def test_markdown_inline_html_code_is_skipped(linter: Linter) -> None:
    document = parse_markdown("Run <code>oxytocin is the love hormone</code> <kbd>now</kbd>, then rest.\n")
    assert "love hormone" not in document.text and "now" not in document.text and "then rest" in document.text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("---\r\ntitle: Oxytocin is the love hormone\r\n---\r\n\r\nBody.\r\n", "love hormone"),
        ("---\ntitle: Oxytocin is the love hormone  # draft title\n---\n\nBody.\n", "love hormone"),
    ],
)
def test_front_matter_values_keep_exact_positions(linter: Linter, source: str, text: str) -> None:
    (f,) = linter.check_document(parse_markdown(source))
    assert (f.line, f.column, f.text) == (2, 24, text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Intro line\r\nOxytocin is the love hormone\r\nend.\r\n", (2, 17)),  # CRLF over three lines
        ("| a | b |\n|---|---|\n| p | q \\| Oxytocin is the love hormone |\n", (3, 28)),  # escaped pipe
        ("- item\n \tOxytocin is the love hormone.\n", (2, 19)),  # a tab in a continuation line
        ("- Oxytocin is *the* love hormone.\r\n  Second line.\r\n", (1, 21)),
    ],
)
def test_markdown_lines_that_are_not_verbatim_copies_keep_positions(
    linter: Linter, source: str, expected: tuple[int, int]
) -> None:
    document = parse_markdown(source)
    (f,) = linter.check_document(document)
    assert ((f.line, f.column), f.text) == (expected, "love hormone")
    assert between(source, f.line, f.column, f.end_line, f.end_column) == "love hormone"
    assert "\\" not in document.text and "\t" not in document.text.strip()
