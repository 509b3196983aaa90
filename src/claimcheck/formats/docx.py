"""Word (.docx): the body's paragraphs, in document order, one per line.

Read: every paragraph of the main document body, including the paragraphs in table
cells (nested tables too), in content controls and in text boxes (a text box's
paragraphs come right after the paragraph that anchors it). Inside a paragraph: its
text runs, hyperlinks, field results and tracked insertions. Skipped: headers, footers,
footnotes, endnotes and comments (other parts of the package), tracked deletions and
moved-away text, hidden text, field codes, and the legacy (VML) copy that Word keeps of
each text box, so its text is not read twice.

The document's ``source`` is the extracted text, one paragraph per line: every
paragraph counts, empty ones included, so numbering is stable and matches paragraph
marks shown in Word. A finding's ``line`` is therefore the paragraph number (1-based),
and its ``column`` the character within that paragraph, where a tab or a line break
inside the paragraph counts as one space.

Each paragraph is a segment of its own, so table cells never run together. Paragraph
styles give the structure: "Title" makes a level-1 heading and "Heading N" a level N+1
one (as in Markdown, where "#" is the title and "##" a section, so the section path of
a finding keeps the title above "Heading 1"); a style based on one of them counts too,
and so does an outline level. "List Bullet", "List Number", "List Paragraph" or a
numbering reference make a list item; "Quote" and "Intense Quote" a quotation.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

import docx as _docx
from docx.oxml.ns import qn

from ..document import Document, TextBuilder
from ..errors import InputError

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_P = qn("w:p")
_W_T = qn("w:t")
_W_R = qn("w:r")
_W_VAL = qn("w:val")
_SPACE = frozenset(qn(t) for t in ("w:tab", "w:ptab", "w:br", "w:cr"))
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
# Not text the reader sees: deleted or moved-away runs, field codes, properties, nested
# boxes (their paragraphs are read on their own), the fallback copy of a drawing.
_SKIP = frozenset(
    [qn(t) for t in ("w:del", "w:moveFrom", "w:instrText", "w:delText", "w:pPr", "w:rPr", "w:txbxContent", "w:p")]
    + [_MC + "Fallback"]
)
# Characters that would break "one paragraph per line".
_BREAKS = str.maketrans({c: " " for c in "\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
_HEADING = re.compile(r"heading ([1-9])", re.IGNORECASE)
_LIST = re.compile(r"list (?:bullet|number|paragraph)(?: [1-9])?", re.IGNORECASE)
_QUOTE = re.compile(r"(?:intense )?quote", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class _Kind:
    """What a paragraph style makes of a paragraph."""

    level: int = 0  # heading level; 0: not a heading
    item: bool = False
    quote: bool = False


def parse_docx(data: bytes, name: str) -> Document:
    """A Word document from the bytes of a .docx file; :class:`InputError` if it cannot be read."""
    body, styles = _open(data, name)
    try:
        kinds, default_style = _style_kinds(styles)
        paragraphs = [(_paragraph_text(p), _paragraph_kind(p, kinds, default_style)) for p in _paragraphs(body)]
    except Exception as exc:  # a malformed package: python-docx and lxml raise many kinds
        raise InputError(f"{name}: cannot read the Word document: {_reason(exc)}") from exc
    source = "\n".join(text for text, _ in paragraphs)
    builder = TextBuilder(source)
    pos = 0
    for text, kind in paragraphs:
        builder.open_block()
        builder.verbatim(pos, pos + len(text))
        if kind.level:
            builder.close_block(heading=True, level=kind.level)
        else:
            builder.close_block(item=kind.item, quote=kind.quote)
        pos += len(text) + 1
    return builder.build()


def _open(data: bytes, name: str) -> tuple[Any, Any]:
    """The body element and the styles element of the package."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"{name}: not a .docx file: an old Word .doc file or a password-protected .docx "
            "(save it as .docx without a password)"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a .docx file (not a zip package)")
    try:
        document = _docx.Document(io.BytesIO(data))
        return document.element.body, document.styles.element
    except Exception as exc:
        raise InputError(f"{name}: not a readable .docx file: {_reason(exc)}") from exc


def _reason(exc: Exception) -> str:
    message = str(exc)
    content_type = re.search(r"content type is '([^']*)'", message)
    if content_type:
        return f"the main part is not a Word document ({content_type.group(1)})"
    if isinstance(exc, KeyError) and exc.args:
        message = str(exc.args[0])  # str() of a KeyError quotes it
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return first[:200]


def _paragraphs(body: Any) -> list[Any]:
    """Every paragraph in the body, in document order, except those in a fallback copy."""
    return [p for p in body.iter(_W_P) if not any(a.tag == _MC + "Fallback" for a in p.iterancestors())]


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts).translate(_BREAKS)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments and processing instructions have no string tag
        if tag == _W_T:
            parts.append(str(child.text or ""))
        elif tag in _SPACE:
            parts.append(" ")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif not (tag == _W_R and _hidden(child)):
            _collect(child, parts)


def _on(element: Any) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:vanish w:val="0"/>``) is on."""
    return element is not None and str(element.get(_W_VAL, "true")).lower() not in ("0", "false", "off")


def _hidden(run: Any) -> bool:
    rpr = run.find(qn("w:rPr"))
    return rpr is not None and _on(rpr.find(qn("w:vanish")))


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else str(found.get(_W_VAL, ""))


def _numbering(ppr: Any) -> bool | None:
    """Whether paragraph properties turn numbering on (a ``numId``) or off (``numId`` 0); None if they say nothing."""
    num_id = _val(ppr, f"{qn('w:numPr')}/{qn('w:numId')}")
    return None if num_id is None else num_id != "0"


def _outline_level(ppr: Any) -> int:
    """Heading level from an outline level (0-8, as "Heading 1" to "Heading 9"; 9 is body text), 0 if none."""
    value = _val(ppr, qn("w:outlineLvl"))
    return int(value) + 2 if value is not None and value.isdigit() and int(value) < 9 else 0


def _style_kinds(styles: Any) -> tuple[dict[str, _Kind], str | None]:
    """What each paragraph style (by id) makes of a paragraph, following ``basedOn``; and the
    id of the default paragraph style."""
    raw: dict[str, tuple[str, str | None, Any]] = {}  # id: (name, based on, pPr)
    default = None
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:type"), "paragraph") != "paragraph":
            continue
        style_id = str(style.get(qn("w:styleId"), ""))
        raw[style_id] = (_val(style, qn("w:name")) or "", _val(style, qn("w:basedOn")), style.find(qn("w:pPr")))
        if str(style.get(qn("w:default"), "")).lower() in ("1", "true", "on"):
            default = style_id
    kinds: dict[str, _Kind] = {}
    for style_id in raw:
        level, item, quote = 0, False, False
        current: str | None = style_id
        seen: set[str] = set()
        while current in raw and current not in seen:  # nearest style in the chain decides
            seen.add(current)
            style_name, based_on, ppr = raw[current]
            heading = _HEADING.fullmatch(style_name.strip())
            if not level:
                if heading:
                    level = int(heading.group(1)) + 1
                elif style_name.strip().lower() == "title":
                    level = 1
                else:
                    level = _outline_level(ppr)
            item = item or _LIST.fullmatch(style_name.strip()) is not None or _numbering(ppr) is True
            quote = quote or _QUOTE.fullmatch(style_name.strip()) is not None
            current = based_on
        kinds[style_id] = _Kind(level, item, quote)
    return kinds, default


def _paragraph_kind(p: Any, kinds: dict[str, _Kind], default_style: str | None) -> _Kind:
    ppr = p.find(qn("w:pPr"))
    style_id = _val(ppr, qn("w:pStyle")) or default_style
    kind = kinds.get(style_id or "", _Kind())
    level = _outline_level(ppr) or kind.level
    if level:
        return _Kind(level=level)
    numbering = _numbering(ppr)
    return _Kind(item=kind.item if numbering is None else numbering, quote=kind.quote)
