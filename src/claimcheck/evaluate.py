"""Measure the linter against a gold-labelled corpus: precision, recall and F1.

A corpus folder holds documents (``.md``/``.txt``) each with a sidecar ``NAME.gold.yaml``
(format in ``corpus/eval/README.md``). Scoring, at two levels:

- span: a finding at ``warning`` or above matches a gold finding of the same family that it
  overlaps; further findings of that family on an already matched gold span are duplicates,
  and findings that overlap only gold findings of another family are cross-family hits (a
  real overclaim under another code): both are neither true nor false positives, and are
  counted apart. Exact-span matches are counted too.
- sentence: a sentence is gold-positive if a gold finding overlaps it and predicted-positive
  if a reported finding does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .document import LineIndex
from .engine import Linter, overlap, sentence_spans
from .errors import EvalError, InputError
from .formats import format_for, parse
from .inputs import TEXT_SUFFIXES, decode
from .models import Finding, Level
from .yamlfile import YamlError, describe_validation_error, load

Span = tuple[int, int]


class _GoldFinding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[A-Z]{2,5}[0-9]{3}$")
    text: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)


class _GoldNegative(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["correction", "hedge", "negation", "quote", "question", "fact", "reference", "other"]
    text: str = Field(min_length=1)


class _GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    genre: Literal["note", "handout", "blog", "marketing", "news", "slides", "forum"]
    findings: list[_GoldFinding] = []
    negatives: list[_GoldNegative] = []


@dataclass(frozen=True)
class GoldSpan:
    """A labelled overclaim (``code``) or hard negative (``kind``) at a place in a document."""

    label: str
    start: int
    end: int
    text: str

    @property
    def family(self) -> str:
        return self.label[:4]


@dataclass(frozen=True)
class GoldDocument:
    """A corpus document with its gold findings and hard negatives."""

    path: str
    text: str
    genre: str
    findings: list[GoldSpan]
    negatives: list[GoldSpan]


def _locate(text: str, needle: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _load_document(gold_path: Path) -> GoldDocument:
    stem = gold_path.name[: -len(".gold.yaml")]
    candidates = [gold_path.with_name(stem + s) for s in TEXT_SUFFIXES if gold_path.with_name(stem + s).is_file()]
    if len(candidates) != 1:
        raise EvalError(f"{gold_path}: needs exactly one document named {stem}.md or {stem}.txt beside it")
    doc_path = candidates[0]
    try:
        text = decode(doc_path.read_bytes(), str(doc_path))
    except OSError as exc:
        raise EvalError(f"{doc_path}: cannot read: {exc.strerror or exc}") from None
    except InputError as exc:
        raise EvalError(str(exc)) from None
    try:
        data, lines = load(gold_path)
        gold = _GoldFile.model_validate(data)
    except YamlError as exc:
        raise EvalError(str(exc)) from None
    except ValidationError as exc:
        raise EvalError(describe_validation_error(gold_path, exc, lines)) from None

    def place(key: str, i: int, needle: str, occurrence: int, label: str) -> GoldSpan:
        start = _locate(text, needle, occurrence)
        if start < 0:
            line = lines.get((key, i, "text"), "?")
            raise EvalError(f"{gold_path}:{line}: {key}[{i}].text not found in {doc_path.name}: {needle!r}")
        return GoldSpan(label, start, start + len(needle), needle)

    findings = [place("findings", i, g.text, g.occurrence, g.code) for i, g in enumerate(gold.findings)]
    negatives = [place("negatives", i, n.text, 1, n.kind) for i, n in enumerate(gold.negatives)]
    return GoldDocument(str(doc_path), text, gold.genre, findings, negatives)


def load_corpus(folder: Path) -> list[GoldDocument]:
    """Every document below ``folder`` that has a gold sidecar. Raises :class:`EvalError`."""
    if not folder.is_dir():
        raise EvalError(f"{folder}: not a folder")
    docs = [_load_document(p) for p in sorted(folder.rglob("*.gold.yaml"))]
    if not docs:
        raise EvalError(f"{folder}: no gold files (*.gold.yaml) found")
    return docs


@dataclass
class Counts:
    """True positives, false positives, false negatives (and duplicates, not scored)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    cross_family: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Miss:
    """A false positive or false negative, with where it is and the sentence around it."""

    path: str
    line: int
    column: int
    code: str
    text: str
    sentence: str
    status: str | None = None


@dataclass
class Evaluation:
    """Scores at span and sentence level, per rule and per family, with every miss."""

    documents: int = 0
    sentences: int = 0
    gold_findings: int = 0
    hard_negatives: int = 0
    hard_negatives_flagged: int = 0
    exact_spans: int = 0
    span: Counts = field(default_factory=Counts)
    sentence: Counts = field(default_factory=Counts)
    rules: dict[str, Counts] = field(default_factory=dict)
    families: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[Miss] = field(default_factory=list)
    false_negatives: list[Miss] = field(default_factory=list)

    def failures(self, min_precision: float, min_recall: float, min_family_recall: float) -> list[str]:
        """The targets this evaluation misses, as readable lines (empty when all are met)."""
        out = []
        if self.span.precision < min_precision:
            out.append(f"span precision {self.span.precision:.3f} < {min_precision}")
        if self.span.recall < min_recall:
            out.append(f"span recall {self.span.recall:.3f} < {min_recall}")
        for name, counts in sorted(self.families.items()):
            if counts.tp + counts.fn and counts.recall < min_family_recall:
                out.append(f"family {name} recall {counts.recall:.3f} < {min_family_recall}")
        return out


def evaluate(linter: Linter, docs: Sequence[GoldDocument], family_of: dict[str, str] | None = None) -> Evaluation:
    """Score ``linter`` on ``docs``. ``family_of`` names families by code prefix (``OXT1`` -> label)."""
    family_of = family_of or {r.code[:4]: r.family for r in linter.rules}
    result = Evaluation(documents=len(docs))
    codes = {r.code for r in linter.rules}
    for doc in docs:
        unknown = sorted({g.label for g in doc.findings} - codes)
        if unknown:
            raise EvalError(f"{doc.path}: gold code {unknown[0]} is not a rule of this linter")

    def bucket(table: dict[str, Counts], key: str) -> Counts:
        return table.setdefault(key, Counts())

    for doc in docs:
        document = parse(doc.text, format_for(doc.path), doc.path)
        everything = linter.check_document(document, doc.path, silenced=True)
        findings = [f for f in everything if f.level >= Level.warning and not f.silenced]
        quiet = [f for f in everything if f not in findings]
        sentences = sentence_spans(document)
        result.sentences += len(sentences)
        result.gold_findings += len(doc.findings)
        result.hard_negatives += len(doc.negatives)
        result.hard_negatives_flagged += sum(
            any(overlap((n.start, n.end), (f.start, f.end)) for f in findings) for n in doc.negatives
        )

        def sentence_of(span: Span, sentences: list[Span] = sentences, text: str = doc.text) -> str:
            hits = [text[a:b] for a, b in sentences if overlap((a, b), span)]
            return " ".join(" ".join(hits).split())

        matched: dict[int, Finding] = {}
        for f in findings:
            family = family_of.get(f.code[:4], f.code[:4])
            candidates = [
                i
                for i, g in enumerate(doc.findings)
                if g.family == f.code[:4] and overlap((g.start, g.end), (f.start, f.end))
            ]
            free = [i for i in candidates if i not in matched]
            elsewhere = any(overlap((g.start, g.end), (f.start, f.end)) for g in doc.findings)
            if free:
                i = free[0]
                matched[i] = f
                result.span.tp += 1
                result.exact_spans += (doc.findings[i].start, doc.findings[i].end) == (f.start, f.end)
                bucket(result.rules, f.code).tp += 1
                bucket(result.families, family).tp += 1
            elif candidates:
                result.span.duplicates += 1
            elif elsewhere:
                result.span.cross_family += 1
            else:
                result.span.fp += 1
                bucket(result.rules, f.code).fp += 1
                bucket(result.families, family).fp += 1
                result.false_positives.append(
                    Miss(doc.path, f.line, f.column, f.code, f.text, sentence_of((f.start, f.end)), f.status.value)
                )
        for i, g in enumerate(doc.findings):
            if i in matched:
                if matched[i].code != g.label:  # right family, other rule: the gold rule still missed it
                    bucket(result.rules, g.label).fn += 1
                continue
            result.span.fn += 1
            bucket(result.rules, g.label).fn += 1
            bucket(result.families, family_of.get(g.family, g.family)).fn += 1
            line, col = LineIndex(doc.text).position(g.start)
            why = next(
                (
                    f"{f.code} {f.status.value}" if f.silenced else f"{f.code} {f.level.value}"
                    for f in quiet
                    if f.code[:4] == g.family and overlap((g.start, g.end), (f.start, f.end))
                ),
                None,
            )
            result.false_negatives.append(
                Miss(doc.path, line, col, g.label, g.text, sentence_of((g.start, g.end)), why)
            )

        for span in sentences:
            gold = any(overlap(span, (g.start, g.end)) for g in doc.findings)
            predicted = any(overlap(span, (f.start, f.end)) for f in findings)
            result.sentence.tp += gold and predicted
            result.sentence.fp += predicted and not gold
            result.sentence.fn += gold and not predicted
    return result
