"""Accuracy on our own corpora, scored by the library (the same code as `claimcheck eval`).

corpus/eval is held to the targets of issue 3. corpus/redteam is a regression set of short
web-style sentences (flag or pass).
"""

from __future__ import annotations

import csv
from pathlib import Path

from claimcheck import Level, Linter
from claimcheck.evaluate import evaluate, load_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_accuracy_eval_corpus_meets_targets(linter: Linter) -> None:
    result = evaluate(linter, load_corpus(CORPUS / "eval"))
    assert result.documents >= 40 and result.sentences >= 600
    assert result.gold_findings >= 150 and result.hard_negatives >= 150
    assert result.failures(min_precision=0.95, min_recall=0.90, min_family_recall=0.85) == []


def test_accuracy_redteam_sentences(linter: Linter) -> None:
    rows = list(csv.DictReader((CORPUS / "redteam" / "cases.tsv").open(encoding="utf-8"), delimiter="\t"))
    tp = fp = fn = 0
    for row in rows:
        flagged = any(f.level >= Level.warning for f in linter.check(row["text"].replace("\\n", "\n")))
        expected = row["expected"] == "flag"
        tp += flagged and expected
        fp += flagged and not expected
        fn += expected and not flagged
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.93 and recall >= 0.92, (precision, recall)


def test_accuracy_clinical_notes_documentation_silent_overclaims_flagged(linter: Linter) -> None:
    # corpus/notes: obstetric orders, patients' words and acts, counselling, in our own words.
    result = evaluate(linter, load_corpus(CORPUS / "notes"))
    assert result.documents >= 12 and result.sentences >= 300 and result.hard_negatives >= 60
    assert result.span.fp == 0 and result.hard_negatives_flagged == 0, result.false_positives
    assert result.span.recall >= 0.90, result.false_negatives
