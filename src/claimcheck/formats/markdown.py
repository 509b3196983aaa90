"""Markdown (CommonMark with tables), read with markdown-it-py the way a reader sees it.

Read as prose: paragraphs, headings, list items, table cells, block quotes (their text
counts as quoted), link text and image alt text, and ``title`` and ``description`` from
YAML front matter. Skipped: fenced and indented code, inline code, raw HTML and HTML
comments, URLs (link targets and bare ``https://...``), struck-through text and the rest
of the front matter. Entities and backslash escapes are decoded. Every character of the
prose keeps its offset in the file, so findings point at the exact line and column.

Suppression comments (``<!-- claimcheck-disable ... -->``) are taken from HTML blocks
and inline HTML only, so one shown inside a code block is not obeyed.

A code fence, an HTML comment or a ``<pre>``/``<script>`` block that is never closed (the
rest of the file would silently vanish), and front matter that is never closed, are
errors. A ``---`` block that is not a YAML mapping is not front matter but a thematic
break, and is read as Markdown.
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..document import Document, TextBuilder
from ..errors import InputError
from ..suppress import Directive, comment_directives

_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_FENCE_CLOSE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
_FRONT_KEY = re.compile(r"^(title|description)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)
# Front matter starts with a "key:" line; a "---" rule above ordinary text is a thematic break.
_YAML_KEY = re.compile(r"[ \t]*(?:\r?\n[ \t]*)*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?$)", re.MULTILINE)
# Raw HTML blocks that hide everything up to their end, as markdown-it reads them.
_RAW_BLOCK = re.compile(r"[ \t]*<(?:(!--)|(script|pre|style|textarea)\b)", re.IGNORECASE)
# Inline HTML whose content is code, not prose.
_CODE_TAG = re.compile(r"<(/?)(code|kbd|samp|var)\b[^>]*>", re.IGNORECASE)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.core.ruler.disable("text_join")  # keep escapes and entities apart, with their source markup
    return md


_MD = _parser()


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.text = text

    @property
    def count(self) -> int:
        """How many lines markdown-it sees (a final line break opens no line)."""
        return len(self.starts) - (1 if self.text.endswith("\n") else 0)

    def start(self, line: int) -> int:
        """Offset of 0-based ``line`` (the end of the text past the last line)."""
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def parse_markdown(source: str, name: str = "<markdown>") -> Document:
    """A Markdown document; raises :class:`InputError` for an unclosed fence or front matter."""
    lines = _Lines(source)
    builder = TextBuilder(source)
    directives: list[Directive] = []
    body = _front_matter(source, name, lines, builder)
    # markdown-it turns "\r\n" into "\n"; a space in place of "\r" keeps every offset.
    parsed = body.replace("\r", " ")
    _Walker(source, parsed, lines, builder, directives, name).walk(_MD.parse(parsed))
    return builder.build(directives=directives)


def _front_matter(source: str, name: str, lines: _Lines, builder: TextBuilder) -> str:
    """Read ``title`` and ``description`` from YAML front matter; the text with the front
    matter blanked out (line breaks kept) for the Markdown parser."""
    if not re.match(r"---[ \t]*\r?\n", source):
        return source
    close = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE).search(source, source.index("\n") + 1)
    if close is None:
        raise InputError(f"{name}:1: front matter opened here is never closed with '---'")
    inner_start, inner_end = source.index("\n") + 1, close.start()
    if not _YAML_KEY.match(source, inner_start, inner_end):
        return source  # a thematic break, not front matter
    try:
        data = yaml.safe_load(source[inner_start:inner_end])
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return source  # not YAML: a thematic break above text that happens to hold a colon
    if data:
        for m in _FRONT_KEY.finditer(source, inner_start, inner_end):
            value = data.get(m.group(1))
            if not isinstance(value, str) or not value.strip():
                continue
            start, end = m.span(2)
            if end - start >= 2 and source[start] in "\"'" and source[end - 1] == source[start]:
                start, end = start + 1, end - 1
            elif " #" in source[start:end]:  # a comment after a plain value
                end = source.rindex(" #", start, end)
                end = len(source[start:end].rstrip()) + start
            builder.open_block()
            if source[start:end] == value:
                builder.verbatim(start, end)
            else:  # an escaped, folded or block value: it stands for its whole span
                builder.replaced(m.start(2), close.start() if source[m.start(2)] in "|>" else m.end(2), value)
            title = m.group(1) == "title"
            builder.close_block(heading=title, level=1 if title else 0)
    end = close.end()
    return "".join(c if c in "\r\n" else " " for c in source[:end]) + source[end:]


class _Walker:
    """Walks markdown-it's tokens and copies the prose into the builder, keeping offsets."""

    def __init__(
        self, source: str, parsed: str, lines: _Lines, builder: TextBuilder, directives: list[Directive], name: str
    ) -> None:
        self.source = source
        self.parsed = parsed  # what markdown-it read: the source with "\r" as spaces (same offsets)
        self.lines = lines
        self.b = builder
        self.directives = directives
        self.name = name
        self.quote = 0
        self.item = 0
        self.cursor = 0  # source offset: every later inline piece lies at or after it

    def walk(self, tokens: list[Token]) -> None:
        for tok in tokens:
            kind = tok.type
            if kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "list_item_open":
                self.item += 1
            elif kind == "list_item_close":
                self.item -= 1
            elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
                self.b.open_block()
            elif kind == "heading_close":
                self.b.close_block(heading=True, level=int(tok.tag[1:]))
            elif kind == "paragraph_close":
                self.b.close_block(quote=self.quote > 0, item=self.item > 0)
            elif kind in ("th_close", "td_close"):
                self.b.close_block(quote=self.quote > 0)
            elif kind == "inline":
                self._inline(tok)
            elif kind == "fence":
                self._check_fence(tok)
            elif kind == "html_block" and tok.map:
                start, end = self.lines.start(tok.map[0]), self.lines.start(tok.map[1])
                self._check_raw_block(tok)
                self.directives += comment_directives(self.source, start, end)

    def _check_raw_block(self, tok: Token) -> None:
        """A comment or <pre>/<script>/<style> block left open runs to the end of the file and
        hides the rest of it, like an unclosed fence."""
        assert tok.map is not None
        m = _RAW_BLOCK.match(tok.content)
        if m is None or tok.map[1] < self.lines.count:
            return
        if m.group(1) and "-->" not in tok.content:
            what = "HTML comment '<!--'"
        elif m.group(2) and f"</{m.group(2).lower()}" not in tok.content.lower():
            what = f"<{m.group(2).lower()}> block"
        else:
            return
        raise InputError(
            f"{self.name}:{tok.map[0] + 1}: {what} opened here is never closed (everything after it would be hidden)"
        )

    def _check_fence(self, tok: Token) -> None:
        """An unclosed fence runs to the end of its container; at the end of the file, that
        hides the rest of the document, which is almost always a mistake."""
        assert tok.map is not None
        first, end = tok.map
        if end < self.lines.count:
            return
        last = self.source[self.lines.start(end - 1) : self.lines.start(end)].strip("\r\n").lstrip(" >")
        m = _FENCE_CLOSE.match(last)
        if end - 1 > first and m is not None and m.group(1)[0] == tok.markup[0] and len(m.group(1)) >= len(tok.markup):
            return
        raise InputError(
            f"{self.name}:{first + 1}: code fence '{tok.markup}' opened here is never closed "
            "(everything after it would be read as code)"
        )

    # --- inline content -------------------------------------------------------------

    def _inline(self, tok: Token) -> None:
        assert tok.map is not None
        self.cursor = max(self.cursor, self.lines.start(tok.map[0]))
        limit = self.lines.start(tok.map[1])
        # Where each line of the inline content lies in the source: runs of (content start,
        # content end, source start, source end, verbatim).
        self.runs: list[tuple[int, int, int, int, bool]] = []
        content, pos, src = tok.content, 0, self.cursor
        for i, row in enumerate(content.split("\n")):
            if i:  # each further line of content is on a further line of the source
                newline = self.parsed.find("\n", src, limit)
                src = newline + 1 if newline >= 0 else src
            at = self.parsed.find(row, src, limit) if row else src
            if at >= 0:
                self.runs.append((pos, pos + len(row), at, at + len(row), True))
                src = at + len(row)
            else:  # not a verbatim copy: a tab expanded, a table's "\|" unescaped
                src = self._align(row, pos, src, limit)
            pos += len(row) + 1
        self.starts = [r[0] for r in self.runs]
        self.content = content
        self.at = 0  # content offset of the next piece
        self._children(tok.children or [])
        self.cursor = self._src(len(content)) if content else self.cursor

    def _align(self, row: str, pos: int, src: int, limit: int) -> int:
        """Map a content line to the rest of its source line character by character; the source
        offset just past it."""
        line_end = self.parsed.find("\n", src, limit)
        window = self.parsed[src : limit if line_end < 0 else line_end]
        end = src
        for op, i1, i2, j1, j2 in SequenceMatcher(None, row, window, autojunk=False).get_opcodes():
            if op == "insert":  # source characters the content leaves out (markers, a backslash)
                continue
            self.runs.append((pos + i1, pos + i2, src + j1, src + j2, op == "equal"))
            end = src + j2
        return end

    def _src(self, at: int) -> int:
        """Source offset of content offset ``at``."""
        if not self.runs:
            return self.cursor
        i = max(0, bisect.bisect_right(self.starts, at) - 1)
        c, c_end, s, s_end, verbatim = self.runs[i]
        if at >= c_end:
            return s_end
        return s + at - c if verbatim else s

    def _find(self, piece: str) -> int:
        """Content offset of ``piece`` at or after the current one (-1 if absent)."""
        return self.content.find(piece, self.at) if piece else self.at

    def _children(self, children: list[Token]) -> None:
        skip = 0  # inside struck-through text or an autolink
        for child in children:
            kind = child.type
            if kind in ("s_open", "s_close"):
                skip += 1 if kind == "s_open" else -1
                self._advance(child.markup)
            elif kind == "link_open" and child.markup == "autolink":
                skip += 1
            elif kind == "link_close" and child.markup == "autolink":
                skip -= 1
                self._advance(">")
            elif kind == "link_close":
                self._skip_destination()
            elif kind == "text":
                if skip:
                    self._advance(child.content)
                else:
                    self._text(child.content)
            elif kind == "text_special":
                at = self._find(child.markup)
                if at >= 0:
                    if not skip:
                        self.b.replaced(self._src(at), self._src(at + len(child.markup)), child.content)
                    self.at = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                at = self._find("\n")
                if at >= 0:
                    self.b.replaced(self._src(at), self._src(at + 1), " ")
                    self.at = at + 1
            elif kind == "code_inline":
                at = self._find(child.markup)
                if at >= 0:
                    close = self.content.find(child.markup, at + len(child.markup))
                    self.at = close + len(child.markup) if close >= 0 else at + len(child.markup)
            elif kind == "html_inline":
                tag = _CODE_TAG.fullmatch(child.content)
                if tag is not None:
                    skip = skip - 1 if tag.group(1) else skip + 1
                    skip = max(skip, 0)
                at = self._find(child.content)
                if at >= 0:
                    start = self._src(at)
                    self.directives += comment_directives(self.source, start, start + len(child.content))
                    self.at = at + len(child.content)
            elif kind == "image":
                self._advance("![")
                self._children(child.children or [])
                self._skip_destination()
            elif kind in ("strong_open", "strong_close", "em_open", "em_close"):
                self._advance(child.markup)

    def _advance(self, piece: str) -> None:
        at = self._find(piece)
        if at >= 0:
            self.at = at + len(piece)

    def _text(self, text: str) -> None:
        at = self._find(text)
        if at < 0:  # not where expected: keep the words, give them their line's position
            self.b.replaced(self._src(self.at), self._src(self.at), text)
            return
        pos = 0
        for m in _URL.finditer(text):
            self._copy(at + pos, at + m.start())
            pos = m.end()
        self._copy(at + pos, at + len(text))
        self.at = at + len(text)

    def _copy(self, start: int, end: int) -> None:
        """Copy content ``[start, end)`` (within one line), verbatim where the source has it."""
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        for c, c_end, s, s_end, verbatim in self.runs[first:]:
            if c >= end:
                break
            lo, hi = max(start, c), min(end, c_end)
            if lo >= hi:
                continue
            if verbatim:
                self.b.verbatim(s + lo - c, s + hi - c)
            else:
                self.b.replaced(s, s_end, self.content[lo:hi])

    def _skip_destination(self) -> None:
        """Past a link's or image's closing ``]`` and its ``(destination "title")`` or ``[label]``."""
        close = self._find("]")
        if close < 0:
            return
        at = close + 1
        c = self.content
        if c.startswith("(", at):
            depth, at = 0, at
            while at < len(c):
                if c[at] == "\\":
                    at += 2
                    continue
                if c[at] == "(":
                    depth += 1
                elif c[at] == ")":
                    depth -= 1
                    if depth == 0:
                        at += 1
                        break
                at += 1
        elif c.startswith("[", at):
            end = c.find("]", at)
            at = end + 1 if end >= 0 else at
        self.at = at
