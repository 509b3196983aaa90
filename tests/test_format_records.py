"""Record files (JSON Lines and CSV): one document per record, read as a stream."""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pytest

from claimcheck import Linter
from claimcheck.document import Document
from claimcheck.errors import InputError
from claimcheck.formats import ReadOptions
from claimcheck.formats.records import read_records
from claimcheck.inputs import Target
from claimcheck.runner import Options, Result, check_target

RECORDS = Path(__file__).resolve().parent / "fixtures" / "formats" / "records"
JSONL = RECORDS / "notes.jsonl"
CSV = RECORDS / "notes.csv"


def _check(linter: Linter, path: Path, options: Options | None = None) -> Result:
    return check_target(linter, Target(str(path)), None, options or Options())


def _read(data: bytes, fmt: str, options: ReadOptions | None = None, name: str = "f") -> list[Document | InputError]:
    return list(read_records(io.BytesIO(data), name, fmt, options or ReadOptions()))


def _documents(items: list[Document | InputError]) -> list[Document]:
    assert all(isinstance(d, Document) for d in items), [str(e) for e in items if isinstance(e, InputError)]
    return cast(list[Document], items)


def _rows(result: Result) -> list[tuple[str | None, str, int, int, str, bool]]:
    return [(f.record_id, f.code, f.line, f.column, f.text, f.suppressed) for f in result.findings]


def _offset(text: str, line: int, column: int) -> int:
    """The offset of 1-based (line, column) in ``text``, columns counted in characters."""
    lines = text.split("\n")
    return sum(len(s) + 1 for s in lines[: line - 1]) + column - 1


def _jsonl_texts(path: Path) -> dict[str, str]:
    out = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            record = json.loads(line)
            out[str(record.get("id", f"line {lineno}"))] = record["text"]
    return out


def _csv_texts(path: Path) -> dict[str, str]:
    out = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        start = 2
        for row in reader:
            out[row["id"] or f"line {start}"] = row["text"]
            start = reader.line_num + 1
    return out


# The fixtures hold the same notes: the overclaims are flagged, the hedged and attributed
# ones are not, and a trailing suppression comment covers the patient's own words.


def test_jsonl_findings(linter: Linter) -> None:
    result = _check(linter, JSONL)
    assert result.errors == []
    assert result.documents == 8
    assert _rows(result) == [
        ("n-002", "OXT101", 1, 46, "love hormone", False),
        ("n-003", "OXT201", 2, 13, "Intranasal oxytocin is a proven treatment for autism", False),
        ("n-005", "OXT101", 1, 51, "love hormone", True),
        ("line 7", "OXT501", 1, 16, "trusting others is caused by low oxytocin", False),
    ]
    suppressed = [f for f in result.findings if f.suppressed]
    assert [f.suppression_reason for f in suppressed] == ["patient's words"]
    assert all(f.path == str(JSONL) for f in result.findings)


def test_csv_findings(linter: Linter) -> None:
    result = _check(linter, CSV)
    assert result.errors == []
    assert result.documents == 8
    assert _rows(result) == [
        ("c-002", "OXT101", 1, 46, "love hormone", False),
        # the quoted field spans three lines of the file; the finding is on the second line of the note
        ("c-003", "OXT201", 2, 13, "Intranasal oxytocin is a proven treatment for autism", False),
        ("c-005", "OXT101", 1, 51, "love hormone", True),
        ("line 9", "OXT501", 1, 16, "trusting others is caused by low oxytocin", False),
    ]


@pytest.mark.parametrize(("path", "texts"), [(JSONL, _jsonl_texts), (CSV, _csv_texts)])
def test_positions_point_into_the_record_text(
    linter: Linter, path: Path, texts: Callable[[Path], dict[str, str]]
) -> None:
    records = texts(path)
    result = _check(linter, path)
    assert result.findings
    for f in result.findings:
        assert f.record_id is not None
        text = records[f.record_id]
        start, end = _offset(text, f.line, f.column), _offset(text, f.end_line, f.end_column)
        assert text[start:end] == f.text
        assert (start, end) == (f.start, f.end)


def test_record_ids() -> None:
    ids = [d.record_id for d in _documents(_read(JSONL.read_bytes(), "jsonl"))]
    assert ids == ["n-001", "n-002", "n-003", "4", "n-005", "line 7", "n-008", "n-009"]  # line 5 is blank
    ids = [d.record_id for d in _documents(_read(CSV.read_bytes(), "csv"))]
    assert ids == ["c-001", "c-002", "c-003", "c-004", "c-005", "line 9", "c-008", "c-009"]


def test_custom_text_and_id_fields_jsonl(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [
        {"note_id": "a1", "body": "Intranasal oxytocin is a proven treatment for autism.", "text": "unused"},
        {"note_id": 17, "body": "Breathing exercises were practised in session."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = _check(linter, path, Options(read=ReadOptions(text_field="body", id_field="note_id")))
    assert result.errors == []
    assert result.documents == 2
    assert _rows(result) == [("a1", "OXT201", 1, 1, "Intranasal oxytocin is a proven treatment for autism", False)]


def test_dotted_field_paths_reach_into_nested_objects() -> None:
    data = (
        b'{"meta": {"id": "m-1"}, "note": {"text": "Oxytocin is released during labour."}}\n'
        b'{"meta": {"id": "m-2"}, "note.text": "a field with a dot in its name wins"}\n'
        b'{"meta": {"id": "m-3"}, "note": "not an object"}\n'
    )
    docs = _read(data, "jsonl", ReadOptions(text_field="note.text", id_field="meta.id"))
    assert [(d.record_id, d.source) for d in _documents(docs[:2])] == [
        ("m-1", "Oxytocin is released during labour."),
        ("m-2", "a field with a dot in its name wins"),
    ]
    assert [str(e) for e in docs[2:]] == [
        "f:3: no field 'note.text' (fields: meta, note); use --text-field to name the text"
    ]


def test_custom_text_and_id_columns_csv(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Note ID,Body\nx-1,Oxytocin is released during breastfeeding.\nx-2,Intranasal oxytocin is a proven treatment"
        " for autism.\n",
        encoding="utf-8",
    )
    result = _check(linter, path, Options(read=ReadOptions(text_field="Body", id_field="Note ID")))
    assert result.errors == []
    assert result.documents == 2
    assert _rows(result) == [("x-2", "OXT201", 1, 1, "Intranasal oxytocin is a proven treatment for autism", False)]


def test_bad_jsonl_records_are_errors_and_reading_goes_on(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok-1", "text": "Oxytocin is released during labour."}\n'
        '{"id": "broken", "text": "unterminated\n'
        "[1, 2]\n"
        '{"id": "nulltext", "text": null}\n'
        '{"id": "notext", "body": "x"}\n'
        '{"id": ["a"], "text": "an id that is a list"}\n'
        '{"id": "ok-2", "text": "Intranasal oxytocin is a proven treatment for autism."}\n',
        encoding="utf-8",
    )
    result = _check(linter, path)
    assert result.errors == [
        f"{path}:2: not valid JSON: Unterminated string starting at (column 26)",
        f"{path}:3: a record must be a JSON object, not an array",
        f"{path}:4: field 'text' is null, not a string",
        f"{path}:5: no field 'text' (fields: id, body); use --text-field to name the text",
        f"{path}:6: field 'id' is an array; an id must be a string or number",
    ]
    assert result.documents == 2
    assert not result.failed
    assert _rows(result) == [("ok-2", "OXT201", 1, 1, "Intranasal oxytocin is a proven treatment for autism", False)]


def test_missing_csv_text_column_fails_the_file(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,note,author\n1,Oxytocin is a hormone.,RK\n", encoding="utf-8")
    result = _check(linter, path)
    assert result.errors == [f"{path}:1: no column 'text' (columns: id, note, author); use --text-field"]
    assert result.documents == 0
    assert result.failed
    with pytest.raises(InputError, match=r"^f:1: no column 'text'"):
        _read(path.read_bytes(), "csv")


def test_csv_row_with_wrong_field_count_is_an_error_and_reading_goes_on(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "id,text\n"
        "r1,Oxytocin is released during labour.\n"
        'r2,"a note, with a comma",extra\n'
        "\n"
        'r3,"Two lines,\nand one too many",x\n'
        "r4,Intranasal oxytocin is a proven treatment for autism.\n",
        encoding="utf-8",
    )
    result = _check(linter, path)
    assert result.errors == [
        f"{path}:3: row has 3 fields, the header names 2",
        f"{path}:5: row has 3 fields, the header names 2",  # the row starting on line 5 (it ends on 6)
    ]
    assert result.documents == 2
    assert _rows(result) == [("r4", "OXT201", 1, 1, "Intranasal oxytocin is a proven treatment for autism", False)]


def test_a_legacy_encoded_line_in_a_utf8_file_is_still_read() -> None:
    data = (
        b'{"id": "a", "text": "Oxytocin is released during labour."}\n'
        b'{"id": "b", "text": "caf\xe9 au lait"}\n'  # one line saved as Windows-1252
        b'{"id": "c", "text": "read too"}\n'
    )
    docs = _read(data, "jsonl")
    assert [(d.record_id, d.source) for d in docs if isinstance(d, Document)] == [
        ("a", "Oxytocin is released during labour."),
        ("b", "café au lait"),
        ("c", "read too"),
    ]
    docs = _read(b"id,text\na,fine\nb,caf\xe9\nc,read too\n" + b"x" * 70000 + b"\n", "csv")
    assert [(d.record_id, d.source) for d in docs if isinstance(d, Document)][:3] == [
        ("a", "fine"),
        ("b", "café"),
        ("c", "read too"),
    ]


def test_a_legacy_encoded_file_is_detected_and_read_whole() -> None:
    csv_data = "id,text\n1,Café note: oxytocin is the love hormone.\n2,Oxytocin increases trust — or so they say.\n"
    docs = _read(csv_data.encode("cp1252"), "csv")
    assert [d.source for d in docs if isinstance(d, Document)] == [
        "Café note: oxytocin is the love hormone.",
        "Oxytocin increases trust — or so they say.",
    ]
    jsonl = '{"id": 1, "text": "Naïve café claims."}\n'.encode("cp1252")
    assert [d.source for d in _read(jsonl, "jsonl") if isinstance(d, Document)] == ["Naïve café claims."]


def test_undecodable_bytes_in_utf16_stop_the_reading() -> None:
    good = '{"id": "a", "text": "fine"}\n'.encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + good + b"\x00\xd8" + '"}\n'.encode("utf-16-le")  # a lone surrogate
    (error,) = [str(e) for e in _read(data, "jsonl") if isinstance(e, InputError)]
    assert error.startswith("f:") and "cannot decode as UTF-16" in error and "the rest of the file is not read" in error


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with a BOM
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "crlf"],
)
def test_encodings_and_line_ends(encode: Callable[[str], bytes]) -> None:
    jsonl = '{"id": "é-1", "text": "Ocytocine et câlins."}\n{"id": "é-2", "text": "Zweite Notiz."}\n'
    csv_text = 'id,text\né-1,"Ocytocine et câlins."\né-2,Zweite Notiz.\n'
    for fmt, text in (("jsonl", jsonl), ("csv", csv_text)):
        docs = _read(encode(text), fmt)
        assert [(d.record_id, d.source) for d in docs if isinstance(d, Document)] == [
            ("é-1", "Ocytocine et câlins."),
            ("é-2", "Zweite Notiz."),
        ], fmt


def test_binary_file_fails() -> None:
    with pytest.raises(InputError, match=r"^f: binary file, not text"):
        _read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "jsonl")


def test_empty_files_hold_no_records() -> None:
    assert _read(b"", "jsonl") == []
    assert _read(b"\n  \n", "jsonl") == []
    assert _read(b"", "csv") == []
    assert _read(b"id,text\n", "csv") == []


def test_long_csv_field() -> None:
    note = "Oxytocin is released during labour. " * 10_000  # over the csv module's default 128 KiB limit
    docs = _read(f'id,text\nlong,"{note}"\n'.encode(), "csv")
    assert [(d.record_id, len(d.source)) for d in docs if isinstance(d, Document)] == [("long", len(note))]


# Streaming: the reader takes what it needs and no more. Not a timing test: the source
# is a generator that is never held whole, and it counts the bytes handed out.


class _CountingSource(io.RawIOBase):
    """A raw stream over generated chunks that counts the bytes read and fails past ``limit``."""

    def __init__(self, chunks: Iterator[bytes], limit: int) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = b""
        self.limit = limit
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # fills the buffer as a file would (no short reads before the end)
        n = 0
        while n < len(buffer):
            if not self._pending:
                self._pending = next(self._chunks, b"")
                if not self._pending:
                    break
            k = min(len(buffer) - n, len(self._pending))
            buffer[n : n + k] = self._pending[:k]
            self._pending = self._pending[k:]
            n += k
        self.read_bytes += n
        if self.read_bytes > self.limit:
            raise AssertionError(f"read {self.read_bytes} bytes, more than {self.limit}")
        return n


RECORDS_IN_STREAM = 100_000  # about 10 MB


def _jsonl_chunks() -> Iterator[bytes]:
    for i in range(RECORDS_IN_STREAM):
        yield b'{"id": "s-%d", "text": "Session %d. Oxytocin is released during breastfeeding. %s"}\n' % (
            i,
            i,
            b"x" * 30,
        )


def _csv_chunks() -> Iterator[bytes]:
    yield b"id,text\n"
    for i in range(RECORDS_IN_STREAM):
        yield b's-%d,"Session %d.\nOxytocin is released during breastfeeding. %s"\n' % (i, i, b"x" * 30)


@pytest.mark.parametrize(("fmt", "chunks"), [("jsonl", _jsonl_chunks), ("csv", _csv_chunks)])
def test_records_are_streamed(fmt: str, chunks: Callable[[], Iterator[bytes]]) -> None:
    source = _CountingSource(chunks(), limit=256 * 1024)
    records = read_records(cast(BinaryIO, source), "big", fmt, ReadOptions())
    first = next(records)
    assert isinstance(first, Document) and first.record_id == "s-0"
    assert source.read_bytes <= 256 * 1024  # a few buffers, of a file of about 10 MB
    for _ in range(100):
        next(records)
    assert source.read_bytes <= 256 * 1024
    source.limit = 1 << 40
    rest = sum(1 for _ in records)
    assert rest == RECORDS_IN_STREAM - 101
    assert source.read_bytes > 8_000_000
    assert not source.closed  # the caller owns the stream


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InputError, match="not a record format"):
        _read(b"", "text")


def test_a_wrong_text_field_fails_the_file_once_not_per_line(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(f'{{"id": {i}, "body": "Oxytocin is the love hormone."}}\n' for i in range(50)))
    result = _check(linter, path)
    assert result.errors == [
        f"{path}:1: no field 'text' (fields: id, body); use --text-field to name the text",
        f"{path}: 49 more records without field 'text'",
    ]
    assert result.failed
    fixed = _check(linter, path, Options(read=ReadOptions(text_field="body")))
    assert (fixed.errors, len(fixed.findings)) == ([], 50)


def test_a_record_without_the_text_field_does_not_stop_the_others(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text('{"id": "meta"}\n{"id": "a", "text": "Oxytocin is the love hormone."}\n', encoding="utf-8")
    result = _check(linter, path)
    assert result.errors == [f"{path}:1: no field 'text' (fields: id); use --text-field to name the text"]
    assert [(f.record_id, f.code) for f in result.findings] == [("a", "OXT101")]
