"""Score the linter on a corpus labelled sentence by sentence (real third-party text).

Such a corpus (``corpus/web/``) is a folder with:

- ``index.yaml``: one entry per document: ``id``, ``url``, ``title``, ``kind``, ``split``
  (``dev`` or ``test``), ``sha1`` of its text, and optionally ``date``, ``licence``, ``query``,
  ``chars``;
- ``sentences.tsv``: one row per sentence: ``id``, ``doc``, ``start``, ``end`` (character
  offsets into the text), ``sha1`` of the sentence, ``gold`` (0, 1 or 2, from the labelling
  guideline) and ``family`` (for 1 and 2);
- ``texts/DOC.txt``: the texts, which are third-party and usually not in the repository. A
  missing text is reported, not fatal; a text or sentence whose sha1 differs is an error,
  since its labels would no longer fit.

A sentence is predicted positive when a finding at ``warning`` or above overlaps it. Gold 2
is an overclaim (should be flagged), 0 is not (should stay silent), 1 is borderline and is
not scored either way.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .engine import Linter, overlap
from .errors import EvalError
from .evaluate import Counts
from .formats import parse
from .models import Level
from .yamlfile import YamlError, describe_validation_error, load_as

FAMILIES = ("LABEL", "TREAT", "TRUST", "PROSOCIAL", "SOLO", "REDUCTIVE", "PRODUCT", "BRAIN", "FIX", "TOUCH")
_COLUMNS = ("id", "doc", "start", "end", "sha1", "gold", "family")


class _IndexEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    url: str = Field(min_length=1)
    title: str = ""
    kind: str = Field(min_length=1)
    split: Literal["dev", "test"]
    sha1: str = Field(pattern=r"^[0-9a-f]{40}$")
    date: str = ""
    licence: str = ""
    query: str = ""
    chars: int = Field(default=0, ge=0)


@dataclass(frozen=True)
class LabelledSentence:
    """One sentence: its id, character span in the document's text, and gold label."""

    id: str
    start: int
    end: int
    sha1: str
    gold: int
    family: str


@dataclass(frozen=True)
class LabelledDocument:
    """A document of a sentence-labelled corpus; ``text`` is None when it has not been collected."""

    id: str
    url: str
    kind: str
    split: str
    path: Path
    text: str | None
    sentences: tuple[LabelledSentence, ...]


def is_sentence_corpus(folder: Path) -> bool:
    """Whether ``folder`` holds a sentence-labelled corpus (an ``index.yaml`` and ``sentences.tsv``)."""
    return (folder / "index.yaml").is_file() and (folder / "sentences.tsv").is_file()


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _read_index(path: Path) -> list[_IndexEntry]:
    try:
        data, lines = load_as(path, list, "expected a list of documents")
    except YamlError as exc:
        raise EvalError(str(exc)) from None
    out = []
    for i, item in enumerate(data):
        try:
            out.append(_IndexEntry.model_validate(item))
        except ValidationError as exc:
            raise EvalError(describe_validation_error(path, exc, lines, root=(i,))) from None
    ids = [e.id for e in out]
    dupes = sorted({x for x in ids if ids.count(x) > 1})
    if dupes:
        raise EvalError(f"{path}: document id '{dupes[0]}' appears more than once")
    return out


def _read_sentences(path: Path, docs: set[str]) -> dict[str, list[LabelledSentence]]:
    out: dict[str, list[LabelledSentence]] = {}
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header[: len(_COLUMNS)]) != _COLUMNS:
            raise EvalError(f"{path}:1: expected the columns {', '.join(_COLUMNS)}")
        for row in reader:
            line = reader.line_num
            if len(row) < len(_COLUMNS):
                raise EvalError(f"{path}:{line}: expected {len(_COLUMNS)} tab-separated columns, found {len(row)}")
            sid, doc, start, end, digest, gold, family = row[: len(_COLUMNS)]
            if doc not in docs:
                raise EvalError(f"{path}:{line}: sentence {sid}: document '{doc}' is not in index.yaml")
            if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
                raise EvalError(f"{path}:{line}: sentence {sid}: start and end must be offsets with start < end")
            if gold not in ("0", "1", "2"):
                raise EvalError(f"{path}:{line}: sentence {sid}: gold must be 0, 1 or 2, not {gold!r}")
            family = family.strip().upper()
            if gold != "0" and family not in FAMILIES:
                raise EvalError(f"{path}:{line}: sentence {sid}: family {family!r} is not one of {', '.join(FAMILIES)}")
            out.setdefault(doc, []).append(LabelledSentence(sid, int(start), int(end), digest, int(gold), family))
    return out


def load_sentence_corpus(folder: Path, split: str | None = None) -> list[LabelledDocument]:
    """The documents of a sentence-labelled corpus (only ``split`` when given), with their texts
    where present. Raises :class:`EvalError` on a malformed file or a text whose sha1 differs."""
    index_path, sentences_path = folder / "index.yaml", folder / "sentences.tsv"
    if not is_sentence_corpus(folder):
        raise EvalError(f"{folder}: not a sentence-labelled corpus (needs index.yaml and sentences.tsv)")
    entries = _read_index(index_path)
    sentences = _read_sentences(sentences_path, {e.id for e in entries})
    out = []
    for e in entries:
        if split is not None and e.split != split:
            continue
        path = folder / "texts" / f"{e.id}.txt"
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        if text is not None:
            if _sha1(text) != e.sha1:
                raise EvalError(f"{path}: text differs from the one labelled (sha1); collect it again (see README.md)")
            for s in sentences.get(e.id, []):
                if s.end > len(text) or _sha1(text[s.start : s.end]) != s.sha1:
                    raise EvalError(f"{sentences_path}: sentence {s.id}: text at {s.start}-{s.end} differs (sha1)")
        out.append(LabelledDocument(e.id, e.url, e.kind, e.split, path, text, tuple(sentences.get(e.id, []))))
    return out


@dataclass(frozen=True)
class SentenceMiss:
    """A wrongly flagged or missed sentence: where, which rules or family, and the sentence."""

    id: str
    doc: str
    label: str
    sentence: str
    status: str | None = None


@dataclass
class SentenceEvaluation:
    """Sentence-level scores overall, per gold family, per document kind and per rule."""

    documents: int = 0
    absent: list[str] = field(default_factory=list)
    sentences: int = 0
    overclaims: int = 0
    borderline: int = 0
    overall: Counts = field(default_factory=Counts)
    families: dict[str, Counts] = field(default_factory=dict)
    kinds: dict[str, Counts] = field(default_factory=dict)
    rules: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[SentenceMiss] = field(default_factory=list)
    false_negatives: list[SentenceMiss] = field(default_factory=list)

    def failures(
        self, min_precision: float, min_recall: float, min_family_recall: float, min_family_support: int = 5
    ) -> list[str]:
        """The targets missed, as readable lines; a family counts once it has ``min_family_support`` overclaims."""
        out = []
        if self.overall.precision < min_precision:
            out.append(f"sentence precision {self.overall.precision:.3f} < {min_precision}")
        if self.overall.recall < min_recall:
            out.append(f"sentence recall {self.overall.recall:.3f} < {min_recall}")
        for name, c in sorted(self.families.items()):
            if c.tp + c.fn >= min_family_support and c.recall < min_family_recall:
                out.append(f"family {name} recall {c.recall:.3f} < {min_family_recall}")
        return out


def evaluate_sentences(linter: Linter, docs: Sequence[LabelledDocument]) -> SentenceEvaluation:
    """Score ``linter`` on the collected documents of ``docs``; absent ones are listed, not scored."""
    result = SentenceEvaluation()
    for doc in docs:
        if doc.text is None:
            result.absent.append(doc.id)
            continue
        result.documents += 1
        document = parse(doc.text, "text", str(doc.path))
        everything = linter.check_document(document, str(doc.path), silenced=True)
        flagged = [f for f in everything if f.level >= Level.warning and not f.silenced]
        quiet = [f for f in everything if f not in flagged]
        for s in doc.sentences:
            result.sentences += 1
            span = (s.start, s.end)
            hits = [f for f in flagged if overlap(span, (f.start, f.end))]
            sentence = " ".join(doc.text[s.start : s.end].split())
            if s.gold == 1:
                result.borderline += 1
                continue
            kind = result.kinds.setdefault(doc.kind, Counts())
            if s.gold == 2:
                result.overclaims += 1
                family = result.families.setdefault(s.family, Counts())
                if hits:
                    result.overall.tp += 1
                    family.tp += 1
                    kind.tp += 1
                    for code in sorted({f.code for f in hits}):
                        result.rules.setdefault(code, Counts()).tp += 1
                else:
                    result.overall.fn += 1
                    family.fn += 1
                    kind.fn += 1
                    why = next((f"{f.code} {f.status.value}" for f in quiet if overlap(span, (f.start, f.end))), None)
                    result.false_negatives.append(SentenceMiss(s.id, doc.id, s.family, sentence, why))
            elif hits:
                result.overall.fp += 1
                kind.fp += 1
                codes = sorted({f.code for f in hits})
                for code in codes:
                    result.rules.setdefault(code, Counts()).fp += 1
                status = ",".join(sorted({f.status.value for f in hits}))
                result.false_positives.append(SentenceMiss(s.id, doc.id, "+".join(codes), sentence, status))
    return result
