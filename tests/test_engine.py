"""The engine: prefilter, spans, positions, document structure, library API."""

from __future__ import annotations

import subprocess
import sys

from claimcheck import Finding, Linter, check
from claimcheck.terms import Terms, inflections


def test_engine_check_returns_frozen_findings_with_positions(linter: Linter) -> None:
    text = "Intro line.\n\nIntranasal oxytocin is a proven treatment\nfor autism.\n"
    (finding,) = [f for f in linter.check(text, "x.txt") if f.code.startswith("OXT2")]
    assert isinstance(finding, Finding)
    assert text[finding.start : finding.end] == finding.text
    assert (finding.line, finding.column, finding.end_line) == (3, 1, 4)
    assert finding.end_column == len("for autism") + 1
    assert finding.path == "x.txt" and finding.sources and finding.sources[0].citation
    assert finding.model_config.get("frozen") is True


def test_engine_clean_text_does_not_import_spacy() -> None:
    code = (
        "import sys; from claimcheck import check; "
        "assert check('Sleep and daylight help mood.' * 50) == []; "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_engine_headings_and_list_items_are_separate_sentences(linter: Linter) -> None:
    text = "# Oxytocin: the love hormone\nHugs are nice\n\n- oxytocin cures autism\n- sleep well\n"
    codes = sorted(f.code for f in linter.check(text))
    assert "OXT101" in codes and any(c.startswith("OXT2") for c in codes)


def test_engine_reference_section_is_silent(linter: Linter) -> None:
    text = "## References\n\nKosfeld M et al. Oxytocin increases trust in humans. Nature. 2005.\n"
    assert linter.check(text) == []


def test_engine_fingerprints_survive_moving_lines(linter: Linter) -> None:
    claim = "Oxytocin is the love hormone."
    first = linter.check(claim)
    moved = linter.check("A new first line.\n\n" + claim)
    assert [f.fingerprint for f in first] == [f.fingerprint for f in moved]
    assert first[0].line != moved[0].line


def test_engine_select_and_ignore() -> None:
    text = "Oxytocin is the love hormone. Intranasal oxytocin cures autism."
    assert {f.code[:4] for f in Linter(select=["OXT1"]).check(text)} == {"OXT1"}
    assert all(not f.code.startswith("OXT1") for f in Linter(ignore=["OXT1"]).check(text))


def test_engine_module_check_uses_bundled_rules() -> None:
    assert [f.code for f in check("Oxytocin, the love hormone.")] == ["OXT101"]


def test_terms_inflections_and_fuzzy() -> None:
    assert {"treats", "treated", "treating"} <= set(inflections("treat"))
    assert {"cries", "cried"} <= set(inflections("cry"))
    assert inflections("the") == ("the",)
    terms = Terms(["love hormone", "oxytocin"], fuzzy=85)
    text = "luv hormone, oxitocin, love-hormones, LoveHormone, stress hormone, oxycodone"
    assert [text[a:b] for a, b in terms.find(text)] == ["oxitocin", "love-hormones", "LoveHormone"]
    assert Terms(["love hormone"]).find("luv hormone") == []
    # a typo is one edit in a short word: "has" is not "hack", "plays" not "pills", and real words
    # one edit away ("binding" for "bonding") are meant as written; no match across punctuation
    near = Terms(["oxytocin hack", "oxytocin pills", "bonding", "oxytocin mist"], fuzzy=85)
    text = "oxytocin has effects; oxytocin plays a part; binding sites; oxytocin, most of all; oxytocin hakc"
    assert [text[a:b] for a, b in near.find(text)] == ["oxytocin hakc"]


def test_engine_message_stays_on_one_line_when_the_match_wraps(linter: Linter) -> None:
    text = "Intranasal oxytocin is a proven\ntreatment for autism.\n"
    (finding,) = [f for f in linter.check(text) if f.code == "OXT201"]
    assert "\n" in finding.text
    assert "\n" not in finding.message and "proven treatment" in finding.message


def test_engine_pattern_keys_gate_the_token_matcher() -> None:
    from claimcheck.engine import pattern_keys

    keys = pattern_keys([[{"LOWER": "only", "OP": "?"}, {"LOWER": {"IN": ["Has", "have"]}}], [{"ORTH": "Kosfeld"}]])
    assert keys == frozenset({"has", "have", "kosfeld"})
    assert pattern_keys([[{"LOWER": {"FUZZY1": "oxytocin"}}]]) is None  # no literal word: always run
    assert pattern_keys([[{"IS_PUNCT": True}, {"LOWER": "x", "OP": "*"}]]) is None


def test_engine_topic_carries_to_pronouns_and_bare_list_items(linter: Linter) -> None:
    text = "# BondMist oxytocin spray\n\n- Eases social anxiety before parties\n\nIt cures autism in weeks.\n"
    codes = {f.code for f in linter.check(text)}
    assert {"OXT202", "OXT201"} <= codes
    alone = "- Eases social anxiety before parties\n\nIt cures autism in weeks.\n"
    assert linter.check(alone) == []  # no topic named: no pronoun or bare-item claims


def test_terms_prefilter_finds_any_piece_case_insensitively() -> None:
    from claimcheck.terms import Prefilter

    prefilter = Prefilter(["oxyt", "ocin", "hormon", "hug", "hugging", "a.b"])
    assert prefilter.search("The OXITOCIN craze") and prefilter.search("love Hormones") and prefilter.search("HUGS")
    assert prefilter.search("x a.b y") and not prefilter.search("x axb y")  # literal, not a regex
    assert not prefilter.search("Sleep and daylight help mood.")
    assert not Prefilter([]).search("anything")


def test_engine_topic_reaches_only_the_next_sentences(linter: Linter) -> None:
    near = "Oxytocin is studied. It always makes people kind and generous."
    far = "Oxytocin is studied. " + "Filler about gardening here. " * 8 + "It always makes people kind and generous."
    assert any(f.code.startswith("OXT3") for f in linter.check(near))
    assert linter.check(far) == []
