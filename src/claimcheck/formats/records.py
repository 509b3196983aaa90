"""Record files: JSON Lines and CSV, one document per record, streamed.

A record file is read a line at a time, never whole, so a file larger than memory is
checked in constant memory: the bytes go through a text decoder (UTF-8 with or without
a BOM; UTF-16 or UTF-32 when the file opens with their BOM; the legacy encoding the first
64 KiB look like, such as Windows-1252, when they are not UTF-8) and each record becomes one
plain-text document (:func:`~claimcheck.formats.text.parse_text`, so trailing
``claimcheck: ignore[...]`` comments in a record's text are suppressions). A finding's
line and column are inside that record's text, and ``record_id`` names the record.

JSON Lines
    Each non-blank line is one JSON object. The text is the field named by
    ``--text-field`` (``text``), which must be a string; the id is the field named by
    ``--id-field`` (``id``), a string or a number, or ``line N`` when it is missing.
    A field name with dots (``note.text``) reaches into nested objects when no field has
    that exact name.
CSV
    The first row names the columns (the text column must be among them); each further
    row is a record, and quoted fields may span lines. The id is ``line N`` (where the
    row starts) when there is no id column or the cell is empty.

Problems with one record (a line that is not JSON or not an object, a text field that is
missing or not a string, a row with the wrong number of fields) are yielded as
:class:`InputError` in the record's place, naming the file and line, and reading goes on;
when the text field is missing from many records, the first is reported and the rest
counted in one closing error. A CSV file without the text column raises. A line of a
UTF-8 file that is not UTF-8 (a file saved in two encodings) is read as Windows-1252; in
UTF-16 or UTF-32, bytes that cannot be decoded stop the reading at that line.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..document import Document
from ..errors import InputError
from .text import parse_text

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

    from . import ReadOptions

# Bytes read up front to choose the codec (BOM, UTF-8 or legacy) and to tell a binary file.
_HEAD = 1 << 16
_BUFFER = 1 << 16
# With errors="surrogateescape" an undecodable byte b becomes U+DC00+b (b >= 0x80).
_ESCAPED = re.compile("[\udc80-\udcff]")
# Field names listed in an error message, at most.
_SHOWN_FIELDS = 12


class _Stop(InputError):
    """Bytes that cannot be decoded: reading stops here."""


class _Missing:
    """No such field in a record."""


_MISSING = _Missing()


class _Joined(io.RawIOBase):
    """The bytes already read (``head``), then the rest of ``stream``.

    Closing it leaves ``stream`` open: the caller owns that.
    """

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(view))
        n = len(data)
        view[:n] = data
        return n


def _codec(head: bytes, name: str) -> tuple[str, str]:
    """The codec to read a file opening with ``head`` in, and its name for messages: the BOM's,
    else UTF-8, else (when the first block is not UTF-8) the legacy encoding it looks like."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", "UTF-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16"
    if b"\x00" in head:
        raise InputError(f"{name}: binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut character at the end is fine
    except UnicodeDecodeError:
        from ..inputs import legacy_codec

        legacy = legacy_codec(head) or "cp1252"
        return legacy, legacy
    return "utf-8-sig", "UTF-8"


def _lines(text: Iterable[str], name: str, label: str) -> Iterator[str]:
    """The lines of ``text``. A UTF-8 file's line that holds bytes UTF-8 cannot decode (a
    file saved in two encodings) is read as Windows-1252, so its record is still checked;
    in other encodings, :class:`_Stop` at the first undecodable line."""
    lineno = 0
    try:
        for line in text:
            lineno += 1
            bad = _ESCAPED.search(line)
            if bad is not None:
                if label == "UTF-8":
                    yield line.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
                    continue
                byte = ord(bad.group()) - 0xDC00
                raise _Stop(
                    f"{name}:{lineno}: cannot decode as {label}: invalid byte 0x{byte:02X} at column "
                    f"{bad.start() + 1}; the rest of the file is not read"
                )
            yield line
    except UnicodeDecodeError as exc:
        raise _Stop(
            f"{name}:{lineno + 1}: cannot decode as {label} ({exc.reason}) at or after this line; "
            "the rest of the file is not read"
        ) from None


def read_records(stream: BinaryIO, name: str, fmt: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per record of ``stream`` (``fmt`` is ``jsonl`` or ``csv``), read as it goes.

    A record that cannot be read is yielded as an :class:`InputError` in its place; a CSV
    file without the text column, or one that is binary, raises.
    """
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"{name}: format '{fmt}' is not a record format")
    head = stream.read(_HEAD)
    codec, label = _codec(head, name)
    text = io.TextIOWrapper(
        io.BufferedReader(_Joined(head, stream), _BUFFER),
        encoding=codec,
        errors="surrogateescape",
        newline="" if fmt == "csv" else "\n",  # csv wants line ends kept; JSON Lines split at \n only
    )
    try:
        lines = _lines(text, name, label)
        if fmt == "jsonl":
            yield from _jsonl(lines, name, options)
        else:
            yield from _csv(lines, name, options)
    finally:
        text.close()  # closes the wrappers, not ``stream``


# JSON Lines


def _jsonl(lines: Iterator[str], name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    lineno = 0
    without_field = 0  # records without the text field after the first one reported
    try:
        for line in lines:
            lineno += 1
            if line.strip():
                record = _json_record(line.rstrip("\r\n"), f"{name}:{lineno}", lineno, options)
                if isinstance(record, _NoField):
                    without_field += 1
                    if without_field > 1:  # one error, not one per line, when the field name is wrong
                        continue
                yield record
    except _Stop as stop:
        yield stop
    if without_field > 1:
        more = without_field - 1
        yield InputError(f"{name}: {more} more record{'' if more == 1 else 's'} without field '{options.text_field}'")


class _NoField(InputError):
    """A record without the text field."""


def _json_record(line: str, where: str, lineno: int, options: ReadOptions) -> Document | InputError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return InputError(f"{where}: not readable: JSON nested too deeply")
    if not isinstance(value, dict):
        return InputError(f"{where}: a record must be a JSON object, not {_kind(value)}")
    text = _field(value, options.text_field)
    if isinstance(text, _Missing):
        return _NoField(
            f"{where}: no field '{options.text_field}' (fields: {_names(value)}); use --text-field to name the text"
        )
    if not isinstance(text, str):
        return InputError(f"{where}: field '{options.text_field}' is {_kind(text)}, not a string")
    record_id = _field(value, options.id_field)
    if isinstance(record_id, _Missing) or record_id is None or record_id == "":
        record_id = f"line {lineno}"
    elif isinstance(record_id, bool) or not isinstance(record_id, (str, int, float)):
        return InputError(
            f"{where}: field '{options.id_field}' is {_kind(record_id)}; an id must be a string or number"
        )
    return parse_text(text, record_id=str(record_id))


def _field(record: dict[str, object], path: str) -> object:
    """``record[path]``; or, when there is no such field and ``path`` has dots, the nested field."""
    if path in record:
        return record[path]
    if "." not in path:
        return _MISSING
    value: object = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _names(names: Iterable[str]) -> str:
    shown = list(names)
    more = len(shown) - _SHOWN_FIELDS
    return ", ".join(shown[:_SHOWN_FIELDS]) + (f", ... ({more} more)" if more > 0 else "") if shown else "none"


# CSV


def _csv(lines: Iterator[str], name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    # A clinical note can be longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"{name}:1: cannot read the header row: {exc}") from None
    if header is None:
        return  # an empty file: no records
    columns = [c.strip() for c in header]
    if options.text_field not in columns:
        raise InputError(f"{name}:1: no column '{options.text_field}' (columns: {_names(columns)}); use --text-field")
    text_at = columns.index(options.text_field)
    id_at = columns.index(options.id_field) if options.id_field in columns else None
    width = len(columns)
    last = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except _Stop as stop:
            yield stop
            return
        except csv.Error as exc:
            yield InputError(f"{name}:{last + 1}: not readable as CSV: {exc}")
            last = reader.line_num
            continue
        start, last = last + 1, reader.line_num
        if not row or (len(row) == 1 and width > 1 and not row[0].strip()):
            continue  # a blank line
        if len(row) != width:
            yield InputError(f"{name}:{start}: row has {len(row)} fields, the header names {width}")
            continue
        record_id = row[id_at].strip() if id_at is not None else ""
        yield parse_text(row[text_at], record_id=record_id or f"line {start}")
