"""claimcheck eval on a sentence-labelled corpus (corpus/web/ format): loading, sha1 checks,
scoring with borderline sentences left out, absent texts, and the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck import Linter
from claimcheck.cli import main
from claimcheck.errors import EvalError
from claimcheck.evaluate_sentences import evaluate_sentences, load_sentence_corpus

# (document id, split, [(sentence, gold, family)]): our own words.
DOCS = [
    (
        "p1",
        "dev",
        [
            ("Oxytocin is the love hormone.", "2", "LABEL"),
            ("It is made in the hypothalamus.", "0", ""),
            ("Oxytocin increases trust between partners.", "1", "TRUST"),
        ],
    ),
    (
        "p2",
        "test",
        [
            ("Hugs feel nice.", "2", "TOUCH"),
            ("Intranasal oxytocin is a proven treatment for autism.", "0", ""),
        ],
    ),
]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _corpus(root: Path, with_texts: bool = True) -> Path:
    (root / "texts").mkdir(parents=True)
    index, rows = [], ["id\tdoc\tstart\tend\tsha1\tgold\tfamily"]
    for doc, split, sentences in DOCS:
        text, pos = "", 0
        for n, (sentence, gold, family) in enumerate(sentences, 1):
            rows.append(f"{doc}-{n}\t{doc}\t{pos}\t{pos + len(sentence)}\t{_sha1(sentence)}\t{gold}\t{family}")
            text += sentence + "\n"
            pos = len(text)
        if with_texts:
            (root / "texts" / f"{doc}.txt").write_text(text, encoding="utf-8")
        index.append(
            {"id": doc, "url": f"https://example.org/{doc}", "kind": "blog", "split": split, "sha1": _sha1(text)}
        )
    (root / "index.yaml").write_text(yaml.safe_dump(index), encoding="utf-8")
    (root / "sentences.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_evaluate_sentences_scores_leave_borderline_out(tmp_path: Path, linter: Linter) -> None:
    ev = evaluate_sentences(linter, load_sentence_corpus(_corpus(tmp_path / "web")))
    assert (ev.documents, ev.sentences, ev.overclaims, ev.borderline) == (2, 5, 2, 1)
    # the love-hormone sentence is found, the hug sentence missed, the autism claim labelled 0 is a false positive
    assert (ev.overall.tp, ev.overall.fp, ev.overall.fn) == (1, 1, 1)
    assert ev.families["LABEL"].tp == 1 and ev.families["TOUCH"].fn == 1
    assert [m.id for m in ev.false_positives] == ["p2-2"] and ev.false_positives[0].label == "OXT201"
    assert [m.id for m in ev.false_negatives] == ["p2-1"]
    assert ev.failures(0.9, 0.8, 0.6, min_family_support=1) == [
        "sentence precision 0.500 < 0.9",
        "sentence recall 0.500 < 0.8",
        "family TOUCH recall 0.000 < 0.6",
    ]
    assert ev.failures(0.9, 0.8, 0.6) == ev.failures(0.9, 0.8, 0.6, 1)[:2]  # one gold TOUCH: below the support of 5


def test_evaluate_sentences_split_and_absent_texts(tmp_path: Path, linter: Linter) -> None:
    root = _corpus(tmp_path / "web")
    assert [d.id for d in load_sentence_corpus(root, "dev")] == ["p1"]
    (root / "texts" / "p2.txt").unlink()
    ev = evaluate_sentences(linter, load_sentence_corpus(root))
    assert ev.absent == ["p2"] and ev.documents == 1 and (ev.overall.tp, ev.overall.fp) == (1, 0)


def test_evaluate_sentences_changed_text_or_sentence_is_an_error(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "web")
    (root / "texts" / "p1.txt").write_text("Something else.\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"p1.txt: text differs from the one labelled \(sha1\)"):
        load_sentence_corpus(root)
    root = _corpus(tmp_path / "web2")
    tsv = root / "sentences.tsv"
    tsv.write_text(tsv.read_text(encoding="utf-8").replace("p1-2\tp1\t30", "p1-2\tp1\t31"), encoding="utf-8")
    with pytest.raises(EvalError, match=r"sentences.tsv: sentence p1-2: text at 31-61 differs \(sha1\)"):
        load_sentence_corpus(root)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("\t0\t\n", "\t3\t\n", r"sentences.tsv:3: sentence p1-2: gold must be 0, 1 or 2, not '3'"),
        ("\tLABEL\n", "\tLOVE\n", r"sentences.tsv:2: sentence p1-1: family 'LOVE' is not one of LABEL, TREAT"),
        ("p2-1\tp2", "p2-1\tp9", r"sentences.tsv:5: sentence p2-1: document 'p9' is not in index.yaml"),
        ("id\tdoc", "id\tdocument", r"sentences.tsv:1: expected the columns id, doc, start"),
    ],
)
def test_evaluate_sentences_bad_rows_name_file_and_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    root = _corpus(tmp_path / "web")
    tsv = root / "sentences.tsv"
    tsv.write_text(tsv.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        load_sentence_corpus(root)


def test_evaluate_sentences_bad_index_names_field_and_line(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "web")
    index = root / "index.yaml"
    index.write_text(index.read_text(encoding="utf-8").replace("split: test", "split: train"), encoding="utf-8")
    with pytest.raises(EvalError, match=r"index.yaml:\d+: field 'split'"):
        load_sentence_corpus(root)


def test_eval_cli_sentence_corpus_split_targets_and_json(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "web")
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(root)])
    assert result.exit_code == 1  # below the sentence-corpus defaults (0.90 / 0.80)
    assert result.stdout.startswith("split all: 2 documents, 5 sentences, 2 overclaims, 1 borderline")
    assert "Below target: sentence precision 0.500 < 0.9" in result.stdout
    dev = runner.invoke(main, ["eval", "--split", "dev", str(root)])
    assert dev.exit_code == 0 and dev.stdout.endswith("All targets met.\n")
    payload = json.loads(runner.invoke(main, ["eval", "--format", "json", "--split", "test", str(root)]).stdout)
    assert payload["level"] == "sentence" and payload["split"] == "test"
    assert payload["sentence"]["tp"] == 0 and payload["sentence"]["fp"] == 1 and payload["sentence"]["fn"] == 1


def test_eval_cli_says_when_texts_are_absent(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "web", with_texts=False)
    result = CliRunner().invoke(main, ["eval", str(root)])
    assert result.exit_code == 2
    assert "none of the 2 texts is present" in result.stderr and "README.md" in result.stderr
    assert "Traceback" not in result.output
