"""claimcheck eval: scoring against gold sidecars, the report and its exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import Linter
from claimcheck.cli import main
from claimcheck.errors import EvalError
from claimcheck.evaluate import evaluate, load_corpus

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "eval"


def test_evaluate_counts_span_and_sentence_level(linter: Linter) -> None:
    ev = evaluate(linter, load_corpus(FIXTURE))
    assert (ev.documents, ev.gold_findings, ev.hard_negatives, ev.hard_negatives_flagged) == (2, 3, 1, 0)
    assert (ev.span.tp, ev.span.fp, ev.span.fn) == (2, 1, 1)
    assert (ev.sentence.tp, ev.sentence.fp, ev.sentence.fn) == (2, 1, 1)
    assert ev.exact_spans == 2
    assert ev.families["trust"].fp == 1 and ev.families["touch"].fn == 1 and ev.families["label"].tp == 1
    assert [(m.code, m.text) for m in ev.false_positives] == [("OXT301", "Oxytocin increases trust")]
    assert [(m.code, m.text, m.line) for m in ev.false_negatives] == [("OXT703", "Hugs feel nice", 2)]
    assert ev.false_positives[0].sentence == "Oxytocin increases trust between partners."
    assert ev.failures(0.95, 0.90, 0.85) == [
        "span precision 0.667 < 0.95",
        "span recall 0.667 < 0.9",
        "family touch recall 0.000 < 0.85",
    ]
    assert ev.failures(0.5, 0.5, 0.0) == []


def test_evaluate_cli_text_json_and_exit_codes() -> None:
    runner = CliRunner()
    below = runner.invoke(main, ["eval", str(FIXTURE)])
    assert below.exit_code == 1
    assert "False positives (1):" in below.stdout and "Below target: span precision 0.667 < 0.95" in below.stdout
    ok = runner.invoke(
        main, ["eval", "--min-precision", "0.5", "--min-recall", "0.5", "--min-family-recall", "0", str(FIXTURE)]
    )
    assert ok.exit_code == 0 and ok.stdout.endswith("All targets met.\n")
    payload = json.loads(runner.invoke(main, ["eval", "--format", "json", str(FIXTURE)]).stdout)
    assert payload["span"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}
    assert payload["rules"]["OXT301"]["fp"] == 1 and len(payload["failures"]) == 3


def test_evaluate_bad_gold_names_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "c")
    gold = tmp_path / "c" / "a.gold.yaml"
    gold.write_text(
        gold.read_text(encoding="utf-8").replace("text: love hormone", "text: luv hormone"), encoding="utf-8"
    )
    with pytest.raises(EvalError, match=r"a.gold.yaml:4: findings\[0\].text not found in a.md: 'luv hormone'"):
        load_corpus(tmp_path / "c")
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "c")])
    assert result.exit_code == 2 and "a.gold.yaml:4:" in result.stderr
    gold.write_text("genre: poem\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"a.gold.yaml:1: field 'genre'"):
        load_corpus(tmp_path / "c")


def test_evaluate_gold_code_must_be_a_rule(tmp_path: Path, linter: Linter) -> None:
    shutil.copytree(FIXTURE, tmp_path / "c")
    gold = tmp_path / "c" / "b.gold.yaml"
    gold.write_text(gold.read_text(encoding="utf-8").replace("OXT703", "OXT999"), encoding="utf-8")
    with pytest.raises(EvalError, match=r"b.txt: gold code OXT999 is not a rule of this linter"):
        evaluate(linter, load_corpus(tmp_path / "c"))
