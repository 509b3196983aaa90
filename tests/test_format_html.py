"""The HTML format: what is read as prose, what is skipped, exact positions, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Finding, Linter
from claimcheck.document import Document
from claimcheck.errors import InputError
from claimcheck.formats import parse
from claimcheck.formats.html import parse_html
from claimcheck.suppress import apply

HTML = Path(__file__).resolve().parent / "fixtures" / "formats" / "html"
FIXTURES = sorted(HTML.glob("*.html"))


def _read(name: str) -> str:
    return (HTML / name).read_bytes().decode("utf-8")  # exactly as in the file, line endings too


def _findings(linter: Linter, src: str, name: str = "page.html", *, silenced: bool = False) -> list[Finding]:
    return linter.check_document(parse_html(src, name), name, silenced=silenced)


def _facts(findings: list[Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.text) for f in findings]


def _between(src: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source text from (line, column) to (end_line, end_column), 1-based, end exclusive."""
    starts = [0]
    for piece in src.split("\n")[:-1]:
        starts.append(starts[-1] + len(piece) + 1)
    return src[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


def _segments(doc: Document) -> list[tuple[str, bool, int, bool, bool]]:
    return [(doc.text[s.start : s.end], s.heading, s.level, s.item, s.quote) for s in doc.segments]


# -- the blog fixture


BLOG_FINDINGS = [
    ("OXT101", 5, 36, "love hormone"),  # <title>, in quotation marks: a suggestion
    ("OXT101", 6, 51, "love hormone"),  # <meta name="description" content="...">
    ("OXT101", 27, 85, "love hormone"),  # inside <strong>
    ("OXT101", 28, 55, "love hormone"),
    ("OXT201", 34, 35, "intranasal oxytocin</a> is a proven treatment for autism"),  # spans a link's end tag
    ("OXT301", 37, 13, "Oxytocin increases trust"),  # an <li> left unclosed
    ("OXT301", 45, 43, "Oxytocin&nbsp;boosts trust"),  # <figcaption>, an entity inside the finding
    ("OXT101", 53, 44, "love hormone"),  # suppressed by the comment above it (see below)
    ("OXT103", 56, 33, "cuddle chemical"),  # a table cell
]


def test_html_blog_findings_are_exact(linter: Linter) -> None:
    assert _facts(_findings(linter, _read("blog.html"), "blog.html")) == BLOG_FINDINGS


def test_html_blog_title_is_a_distanced_suggestion(linter: Linter) -> None:
    (title, *_) = _findings(linter, _read("blog.html"))
    assert (title.line, title.status.value, title.level.value) == (5, "distanced", "suggestion")


def test_html_blog_skipped_parts_report_nothing(linter: Linter) -> None:
    src = _read("blog.html")
    lines = {f.line for f in _findings(linter, src, silenced=True)}
    style_script_head, nav, pre_code, footer = range(7, 17), range(18, 24), range(48, 52), range(60, 63)
    for skipped in (style_script_head, nav, pre_code, footer):
        assert not lines & set(skipped)
    doc = parse_html(src, "blog.html")
    assert "cures anxiety" not in doc.text  # only in <style>, <nav>, <pre><code> and <footer>
    assert "banner" not in doc.text and "color: red" not in doc.text and "Home" not in doc.text
    assert "claimcheck-disable" not in doc.text  # comments are not prose


def test_html_blog_hedged_corrected_and_quoted_stay_silent(linter: Linter) -> None:
    lines = {f.line for f in _findings(linter, _read("blog.html"))}
    # "Some call oxytocin the love hormone, but ..." / "have not shown reliable benefit" /
    # "may increase trust ..., but replications have been mixed" / the <blockquote>
    assert not lines & {30, 33, 38, 41}


def test_html_blog_segments(linter: Linter) -> None:
    segments = _segments(parse_html(_read("blog.html"), "blog.html"))
    assert segments[0] == ("Oxytocin: what the “love hormone” really does", True, 1, False, False)
    assert segments[1][0].startswith("Oxytocin, the love hormone, floods") and segments[1][1:] == (
        False,
        0,
        False,
        False,
    )
    assert ("Oxytocin, trust and hugs", True, 1, False, False) in segments
    assert ("What the trials found", True, 2, False, False) in segments
    assert ("Oxytocin increases trust.", False, 0, True, False) in segments  # the <li>
    assert ("Oxytocin increases trust.", False, 0, False, True) in segments  # the <blockquote>
    assert ("Two friends hugging at a station", False, 0, False, False) in segments  # the <img alt>
    texts = [s[0] for s in segments]
    assert texts[-4:] == ["Claim", "Verdict", "Oxytocin is the cuddle chemical.", "Oversimplified"]  # cell by cell
    lede = next(t for t in texts if t.startswith("Headlines"))
    assert "the love hormone,\n" in lede and "as one review puts it" in lede  # inline tags do not split


def test_html_suppression_comment_yields_a_directive(linter: Linter) -> None:
    src = _read("blog.html")
    doc = parse_html(src, "blog.html")
    (directive,) = doc.directives
    assert (directive.kind, directive.codes, directive.reason) == ("next-line", ("OXT101",), "quoting a headline")
    assert src[directive.start : directive.end].startswith("<!-- claimcheck-disable-next-line")
    found, notices = apply(linter.check_document(doc, "blog.html"), doc, "blog.html", linter.codes)
    assert notices == []
    assert [(f.line, f.suppressed) for f in found if f.suppressed] == [(53, True)]


# -- positions


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_html_findings_point_at_their_source_text(linter: Linter, path: Path, crlf: bool) -> None:
    src = path.read_bytes().decode("utf-8")
    if crlf:
        src = src.replace("\n", "\r\n")
    findings = _findings(linter, src, path.name, silenced=True)
    assert findings
    for f in findings:
        assert src[f.start : f.end] == f.text
        assert _between(src, f.line, f.column, f.end_line, f.end_column) == f.text


def test_html_crlf_line_endings_keep_positions(linter: Linter) -> None:
    src = _read("blog.html")
    assert "\r" not in src
    crlf = _findings(linter, src.replace("\n", "\r\n"))
    assert [(c, line, col, text.replace("\r\n", "\n")) for c, line, col, text in _facts(crlf)] == BLOG_FINDINGS


def test_html_entity_inside_a_finding_keeps_exact_positions(linter: Linter) -> None:
    src = "<p>Oxytocin, the love&nbsp;hormone, floods your brain when you hug.</p>"
    assert _facts(_findings(linter, src)) == [("OXT101", 1, 18, "love&nbsp;hormone")]
    src = "<p>Love &amp; trust.\n Oxytocin increases&#32;trust.</p>"
    (f,) = _findings(linter, src)
    assert (f.line, f.column, f.end_line, f.end_column, f.text) == (2, 2, 2, 30, "Oxytocin increases&#32;trust")


def test_html_title_and_meta_description_are_checked(linter: Linter) -> None:
    src = (
        '<html><head><title>Oxytocin increases trust</title>\n<meta name="description" '
        'content="Oxytocin,&#32;the love hormone, floods your brain when you hug."></head><body></body></html>'
    )
    assert _facts(_findings(linter, src)) == [
        ("OXT301", 1, 20, "Oxytocin increases trust"),
        ("OXT101", 2, 53, "love hormone"),
    ]
    # other attribute order and case, unquoted name, single quotes; other <meta> tags are not prose
    src = (
        "<META content='Oxytocin increases trust.' NAME=Description>"
        "<meta name=keywords content='oxytocin cures anxiety'>"
    )
    assert _facts(_findings(linter, src)) == [("OXT301", 1, 16, "Oxytocin increases trust")]


def test_html_messy_fixture(linter: Linter) -> None:
    assert _facts(_findings(linter, _read("messy.html"))) == [
        ("OXT301", 3, 16, "Oxytocin increases trust"),  # <META content=... NAME=Description>
        ("OXT101", 5, 32, "love hormone"),  # bare text in a <DIV>
        ("OXT204", 6, 24, "oxytocin cures anxiety"),  # <P> never closed
        ("OXT301", 7, 56, "Oxytocin increases trust"),  # img alt in the middle of a paragraph
        ("OXT301", 9, 7, "Oxytocin increases<br>trust"),  # <br> is a space
        ("OXT103", 13, 72, "cuddle chemical"),  # stray </code></pre> start no skipping
        ("OXT301", 16, 21, "Oxytocin increases trust"),  # <dd>
        ("OXT301", 24, 62, "Oxytocin boosts&#x20;trust"),  # after broken entities
    ]


def test_html_img_alt_is_inline_prose(linter: Linter) -> None:
    src = "<p>Said:<img src=x alt='Oxytocin &amp; friends: oxytocin increases trust'/>Hello</p>"
    doc = parse_html(src, "page.html")
    assert _segments(doc)[0][0] == "Said: Oxytocin & friends: oxytocin increases trust Hello"  # spaced from the words
    assert _facts(linter.check_document(doc, "page.html")) == [("OXT301", 1, 49, "oxytocin increases trust")]


def test_html_block_tags_split_inline_tags_do_not() -> None:
    src = (
        "<div>One <b>two</b> <a href=x>three</a>.<p>Four<span>five</span></div>Six<br>seven"
        "<ul><li>a<li>b<ul><li>c</ul>d</ul><table><tr><td>e<td>f<tr><th>g</table>"
    )
    texts = [s[0] for s in _segments(parse_html(src, "page.html"))]
    assert texts == ["One two three.", "Fourfive", "Six seven", "a", "b", "c", "d", "e", "f", "g"]


def test_html_skipped_elements_nest_and_stray_end_tags_are_ignored() -> None:
    src = (
        "<pre><code>x</code> still <b>pre</b></pre><p>A</p><nav><footer>f</footer> n</nav><p>B</p>"
        "</code></nav><p>C <code>c<p>D</p><p>E <button>x<div>y</div>z</button> F</p><div><code>d<ul><li>H</ul>"
        "<head><title>T</title><p>G"
    )
    texts = [s[0] for s in _segments(parse_html(src, "page.html"))]
    # a block tag ends an unclosed <code>, but not a <button>; <p> ends an unclosed <head>
    assert texts == ["A", "B", "C", "D", "E  F", "H", "T", "G"]


# -- errors


@pytest.mark.parametrize(
    ("tail", "line", "what"),
    [
        ("<p class='lede", 3, "a tag opened here"),
        ('<div\n class="a"', 3, "a tag opened here"),
        ("</div", 3, "a tag opened here"),
        ('<p class="x>Oxytocin.</p>\n<p>More.</p>', 3, "a tag opened here (is a quote left open?)"),
        ("<!-- note\n\n", 3, "a comment opened here (no -->)"),
        ("<!DOCTYPE", 3, "a declaration opened here"),
        ("<script>\nvar oxytocin = 1;\n", 3, "a <script> element opened here (no </script>)"),
        ("<style>", 3, "a <style> element opened here (no </style>)"),
    ],
)
def test_html_truncated_file_raises_input_error_naming_the_line(tail: str, line: int, what: str) -> None:
    with pytest.raises(InputError) as info:
        parse_html(f"<p>Oxytocin increases trust.</p>\n<ul><li>Item\n{tail}", "page.html")
    assert str(info.value) == f"page.html:{line}: truncated HTML: the file ends inside {what}"
    assert "\n" not in str(info.value)


def test_html_truncated_with_crlf_names_the_line() -> None:
    with pytest.raises(InputError, match=r"^page\.html:4: truncated HTML: the file ends inside a tag opened here$"):
        parse_html("<p>a</p>\r\n\r\n<p>b</p>\r\n<a href='x", "page.html")


def test_html_malformed_declaration_raises_input_error() -> None:
    with pytest.raises(InputError, match=r"^page\.html:2: unreadable HTML: "):
        parse_html("<p>a</p>\n<p>b <![foo]> c</p>", "page.html")


@pytest.mark.parametrize("src", ["<p>a &amp", "<p>a <", "<p>a &#82", "<p>a < b", "<p>open<li>item", "text only"])
def test_html_missing_end_tags_and_loose_characters_are_not_errors(src: str) -> None:
    doc = parse_html(src, "page.html")
    assert doc.segments and doc.text.strip()


def test_html_is_the_formats_html_parser(linter: Linter) -> None:
    doc = parse("<h2>Oxytocin increases trust</h2>", "html", "page.html")
    assert _segments(doc) == [("Oxytocin increases trust", True, 2, False, False)]
    assert _facts(linter.check_document(doc, "page.html")) == [("OXT301", 1, 5, "Oxytocin increases trust")]


def test_html_suppressions_come_from_real_comments_only() -> None:
    source = '<p>x</p>\n<!-- claimcheck-disable OXT1 -->\n<script>var s = "<!-- claimcheck-enable -->";</script>\n'
    assert [(d.kind, d.codes) for d in parse_html(source, "page.html").directives] == [("disable", ("OXT1",))]
