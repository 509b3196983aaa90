"""HTML: the prose of a web page, read with the standard library's tokenizer.

Read as prose: the ``<title>`` (a level-1 heading), ``<meta name="description">``'s
content (a paragraph), headings ``h1``-``h6``, paragraphs, list items, figure captions,
block quotes (their text counts as quoted), table cells, ``dt``/``dd``, image ``alt``
text (inline, where the image is) and text directly inside ``div``, ``section``,
``article``, ``main`` or ``body``. Block-level tags, opening or closing, end a segment;
inline tags (``a``, ``em``, ``span``...) do not, and ``<br>`` is a space. End tags that
HTML lets a page leave out (``</p>``, ``</li>``, ``</td>``...) are implied as a browser
implies them; so is a ``</code>`` left out before the next block.

Skipped: ``script``, ``style``, ``code``, ``pre``, ``nav``, ``footer``, ``head`` (but
its title and description), ``svg``, ``math``, ``template``, ``noscript``, form controls
(``select``, ``option``, ``textarea``, ``button``) and comments, with everything inside
them. Entities and character references are decoded, each standing for its own source
span, so every finding keeps the exact line and column of its words in the file.

Suppression comments (``<!-- claimcheck-disable ... -->``) are taken from the whole file.
A file that ends inside a tag, a comment, a declaration or a ``<script>``/``<style>``
element was cut short: that is an error naming the line where the open construct began.
"""

from __future__ import annotations

import bisect
import re
from html import unescape
from html.parser import HTMLParser

from ..document import Document, TextBuilder
from ..errors import InputError
from ..suppress import Directive, comment_directives

SKIP = frozenset(
    {"script", "style", "code", "pre", "nav", "footer", "head", "svg", "math", "template", "noscript"}
    | {"select", "option", "textarea", "button"}
)
BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir"}
    | {"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section"}
    | {"summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"}
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track"}
    | {"wbr"}
)
_LEVELS = {"title": 1, "h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HEAD_CONTENT = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})
# Start tags that close an open <p> (HTML's "close a p element").
_CLOSES_P = BLOCK - {"body", "caption", "head", "html", "tbody", "td", "tfoot", "th", "thead", "title", "tr"}
# Start tag -> (the open siblings it ends, the containers that stop the search).
_SIBLINGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "option": (frozenset({"option"}), frozenset({"select", "optgroup"})),
}
_P_SCOPE = (frozenset({"p"}), BLOCK)
# Inline code holds no blocks: a block tag ends one left open (rather than the rest of the page going unread).
_CODE_SCOPE = (frozenset({"code"}), BLOCK)
# The attribute syntax HTMLParser accepts (html.parser's tolerant patterns), to find a value's offset.
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTR = re.compile(r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*")
# A character reference as html.unescape finds it, so decoding piece by piece gives the same text.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def parse_html(text: str, name: str) -> Document:
    """An HTML document: its prose, with offsets into ``text`` (the decoded file)."""
    reader = _Reader(text, name)
    try:
        reader.feed(text)
        reader.check_complete()
        reader.close()
    except AssertionError as exc:  # html.parser's complaint about a malformed <!...> declaration
        line = reader.getpos()[0]
        raise InputError(f"{name}:{line}: unreadable HTML: {' '.join(str(exc).split())}") from None
    return reader.builder.build(directives=reader.directives)


def _attribute_span(tag: str, attr: str) -> tuple[int, int] | None:
    """Where the (first) value of ``attr`` is within a start tag's source, quotes excluded."""
    m = _TAG_NAME.match(tag)
    k = m.end() if m else len(tag)
    while k < len(tag):
        a = _ATTR.match(tag, k)
        if a is None or a.end() == k:
            break
        if a.group(1).lower() == attr and a.group(3) is not None:
            start, end = a.span(3)
            return (start + 1, end - 1) if a.group(3)[:1] in ("'", '"') else (start, end)
        k = a.end()
    return None


class _Reader(HTMLParser):
    """Turns the tokenizer's events into prose blocks on a :class:`TextBuilder`."""

    def __init__(self, source: str, name: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.name = name
        self.builder = TextBuilder(source)
        self._lines = [0] + [m.end() for m in re.finditer("\n", source)]
        self._open: list[str] = []  # the open elements, outermost first
        self._opened_at: list[int] = []  # ... and the source offset of each one's start tag
        self._skips: list[str] = []  # the open elements that are skipped, outermost first
        self._flags: dict[str, bool | int] | None = None  # the open block's Segment flags
        self.directives: list[Directive] = []  # suppression comments (real comments only, not in <script>)

    # -- positions and errors

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._lines, offset)

    def check_complete(self) -> None:
        """Raise InputError if the file ends inside a raw-text element, a tag, a comment or a declaration.

        Call after :meth:`feed` and before :meth:`close`: the tokenizer keeps back an unfinished
        construct at the end (``rawdata``) until ``close()``, which would read it as text.
        """
        for tag, offset in zip(self._open, self._opened_at, strict=True):
            if tag in self.CDATA_CONTENT_ELEMENTS:  # the rest of the file went into it
                self._truncated(offset, f"a <{tag}> element", f" (no </{tag}>)")
        rest = self.rawdata
        at = len(self.source) - len(rest)
        if rest.startswith("<!--"):
            self._truncated(at, "a comment", " (no -->)")
        if rest.startswith(("<!", "<?")):
            self._truncated(at, "a declaration")
        if rest.startswith("</") or (rest[:1] == "<" and rest[1:2].isascii() and rest[1:2].isalpha()):
            self._truncated(at, "a tag", " (is a quote left open?)" if ">" in rest else "")

    def _truncated(self, offset: int, what: str, hint: str = "") -> None:
        line = self._line(offset)
        raise InputError(f"{self.name}:{line}: truncated HTML: the file ends inside {what} opened here{hint}")

    # -- the element stack

    def _push(self, tag: str, offset: int) -> None:
        self._open.append(tag)
        self._opened_at.append(offset)
        if tag in SKIP:
            self._skips.append(tag)

    def _pop_to(self, i: int) -> None:
        """Close the element at ``i`` in the stack, and every one opened inside it."""
        closed = self._open[i:]
        del self._open[i:], self._opened_at[i:]
        if not SKIP.isdisjoint(closed):
            self._skips = [t for t in self._open if t in SKIP]

    def _skipped(self, head_allowed: bool = False) -> bool:
        """Whether text here is left out (``head_allowed``: unless only <head> leaves it out)."""
        if self._skips == ["head"]:
            return not (head_allowed or "title" in self._open)
        return bool(self._skips)

    def _imply_end_tags(self, tag: str) -> None:
        """Close what ``tag`` implicitly ends: an open <p> or <code>, a sibling <li>, <td>, <dd>..., the <head>.

        The search stops at a container (a list for <li>, any block for <p>) and at a skipped
        element, so that a <div> inside a <button> does not end the skipping.
        """
        tags = self._open
        if "head" in tags and (tag == "body" or (tags[-1] == "head" and tag not in _HEAD_CONTENT)):
            self._pop_to(tags.index("head"))
        rules = ([_CODE_SCOPE, _P_SCOPE] if tag in _CLOSES_P else []) + ([_SIBLINGS[tag]] if tag in _SIBLINGS else [])
        for siblings, stops in rules:
            for i in range(len(tags) - 1, -1, -1):
                t = tags[i]
                if t in siblings:
                    self._pop_to(i)
                    break
                if t in stops or t in SKIP:
                    break

    # -- blocks and text

    def _end_block(self) -> None:
        if self._flags is not None:
            self.builder.close_block(**self._flags)
            self._flags = None

    def _put(self, start: int, end: int, text: str) -> None:
        """Add ``text`` standing for ``source[start:end]``, opening a block at the first non-blank text."""
        if self._flags is None:
            if not text.replace("\ufeff", "").strip():
                return
            tags = self._open
            level = next((_LEVELS[t] for t in reversed(tags) if t in _LEVELS), 0)
            self._flags = {"heading": level > 0, "level": level, "quote": "blockquote" in tags, "item": "li" in tags}
            self.builder.open_block()
        if self.source[start:end] == text:
            self.builder.verbatim(start, end)
        else:
            self.builder.replaced(start, end, text)

    def _put_encoded(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` (an attribute value) with its character references decoded one by one."""
        pos = start
        for m in _CHARREF.finditer(self.source, start, end):
            self._put(pos, m.start(), self.source[pos : m.start()])
            self._put(m.start(), m.end(), unescape(m.group()))
            pos = m.end()
        self._put(pos, end, self.source[pos:end])

    def _put_attribute(self, start: int, tag: str, attr: str, value: str, pad: bool = False) -> None:
        """Add the value of ``attr`` from the start tag ``tag`` at ``start``, keeping exact offsets.

        With ``pad``, the rest of the tag on either side stands for a space, so the value does
        not run into the words around it.
        """
        span = _attribute_span(tag, attr)
        if span is None or unescape(tag[span[0] : span[1]]) != value:  # not where expected: the whole tag
            self._put(start, start + len(tag), f" {value} " if pad else value)
            return
        if pad:
            self._put(start, start + span[0], " ")
        self._put_encoded(start + span[0], start + span[1])
        if pad:
            self._put(start + span[1], start + len(tag), " ")

    # -- tokenizer events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self._imply_end_tags(tag)
        values = {k: v for k, v in reversed(attrs)}  # the first of a repeated attribute counts
        if not self._skipped():
            if tag in BLOCK:
                self._end_block()
            alt = values.get("alt")
            if tag == "br" and self._flags is not None:
                self._put(start, start + len(raw), " ")
            elif tag == "img" and alt and alt.strip():
                self._put_attribute(start, raw, "alt", alt, pad=True)
        content = values.get("content")
        description = tag == "meta" and (values.get("name") or "").strip().lower() == "description"
        if description and content and not self._skipped(head_allowed=True):
            self._end_block()
            self._put_attribute(start, raw, "content", content)
            self._end_block()
        if tag not in VOID:
            self._push(tag, start)

    def handle_endtag(self, tag: str) -> None:
        tags = self._open
        is_open = tag in tags and tag not in VOID
        if tag in BLOCK and (is_open or tag == "p") and not self._skipped():  # a stray </p> is an empty paragraph
            self._end_block()
        if is_open:
            self._pop_to(len(tags) - 1 - tags[::-1].index(tag))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if self._open and self._open[-1] == "head" and data.strip():
            self._pop_to(len(self._open) - 1)  # text in <head>: the body has begun
        if not self._skipped():
            self._put(start, start + len(data), data)

    def _reference(self, length: int) -> None:
        """An entity or character reference: ``&`` and ``length - 1`` characters, and an optional ``;``."""
        start = self._offset()
        end = start + length
        if self.source.startswith(";", end):
            end += 1
        if not self._skipped():
            self._put(start, end, unescape(self.source[start:end]))

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.directives += comment_directives(self.source, start, start + len(data) + len("<!---->"))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))
