"""Rule files: schema, loading errors with file/line/field, selection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck import Rule, RuleError, Source, load_rules, select_rules
from claimcheck.paths import rules_dir
from claimcheck.rules import load_rule
from claimcheck.schema import rule_schema

GOOD = (rules_dir() / "oxytocin" / "OXT101.yml").read_text(encoding="utf-8")
SCHEMA = rules_dir() / "rule.schema.json"


def _write(tmp_path: Path, text: str, name: str = "OXT101.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_schema_file_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == rule_schema(), (
        "run: python -m claimcheck.schema > rules/rule.schema.json"
    )


def test_rules_pack_covers_every_family(rules: list[Rule]) -> None:
    families = {r.family for r in rules}
    expected = {"label", "treatment", "trust", "mechanism", "reduction", "products", "touch", "practice"}
    assert expected <= families
    assert len(rules) >= 15


def test_rules_family_matches_code_prefix(rules: list[Rule]) -> None:
    by_prefix: dict[str, set[str]] = {}
    for rule in rules:
        by_prefix.setdefault(rule.code[:4], set()).add(rule.family)
    assert all(len(f) == 1 for f in by_prefix.values()), by_prefix


def test_rules_cite_known_sources_with_says(rules: list[Rule], sources: dict[str, Source]) -> None:
    for rule in rules:
        assert rule.sources, rule.code
        for ref in rule.sources:
            assert ref.id in sources, f"{rule.code} cites unknown source {ref.id}"
        assert any(ref.says for ref in rule.sources), f"{rule.code}: no source says what it shows of the claim"


def test_rules_every_rule_has_enough_examples(rules: list[Rule]) -> None:
    for rule in rules:
        assert len(rule.examples.flag) >= 3 and len(rule.examples.pass_) >= 3, rule.code


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("level: warning", "levl: warning"), r"OXT101.yml:4: field 'levl': Extra inputs"),
        (lambda t: t.replace("level: warning", "level: loud"), r"OXT101.yml:4: field 'level': Input should be"),
        (lambda t: t.replace("  phrases:", "  phrase:"), r"OXT101.yml:\d+: field 'match.phrase': Extra inputs"),
        (lambda t: t.replace("code: OXT101", "code: OXT999"), r"OXT101.yml:1: field 'code': 'OXT999' must match"),
        (lambda t: t.replace("code: OXT101", "code: oxt-1"), r"OXT101.yml:1: field 'code': String should match"),
        (lambda t: t.replace("the [[love hormone]]", "the love hormone", 1), r"field 'examples.flag'"),
        (lambda t: t + "  extra: [\n", r"OXT101.yml:\d+: invalid YAML"),
        # OXT101 has token patterns: without its requires line they could never be gated
        (lambda t: re.sub(r"\n  requires: .*", "", t), r"field 'match': .*requires"),
        (lambda t: t.replace("{LOWER: love}", "{LEMMA: love}", 1), r"field 'match.patterns': .*LEMMA"),
        (lambda t: t.replace("message: '", "message: '{nope} "), r"field 'message'.*\{match\}"),
    ],
    ids=[
        "unknown-field",
        "bad-enum",
        "nested-unknown",
        "code-mismatch",
        "code-format",
        "span-missing",
        "yaml-syntax",
        "patterns-need-requires",
        "unknown-token-attr",
        "bad-template",
    ],
)
def test_rules_broken_file_names_file_line_and_field(tmp_path: Path, edit: object, expected: str) -> None:
    assert callable(edit)
    path = _write(tmp_path, edit(GOOD))
    with pytest.raises(RuleError, match=expected) as info:
        load_rule(path)
    assert "\n" not in str(info.value)


def test_rules_unknown_source_id_is_an_error(tmp_path: Path, sources: dict[str, Source]) -> None:
    _write(tmp_path, GOOD.replace("id: nave-2015", "id: nobody-2020"))
    with pytest.raises(RuleError, match=r"OXT101.yml: field 'sources': unknown source id 'nobody-2020'"):
        load_rules([tmp_path], sources=sources)


def test_rules_duplicate_code_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a", GOOD)
    _write(tmp_path / "b", GOOD)
    with pytest.raises(RuleError, match="already used"):
        load_rules([tmp_path])


def test_rules_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no rule files"):
        load_rules([tmp_path])


def test_rules_select_by_code_and_prefix(rules: list[Rule]) -> None:
    chosen = {r.code for r in select_rules(rules, ["OXT1", "OXT201"], ["OXT102"])}
    assert "OXT101" in chosen and "OXT201" in chosen
    assert "OXT102" not in chosen and not any(c.startswith("OXT3") for c in chosen)
    assert {r.code for r in select_rules(rules, ["oxt1"])} == {r.code for r in rules if r.code.startswith("OXT1")}


def test_rules_select_unknown_prefix_is_an_error(rules: list[Rule]) -> None:
    with pytest.raises(RuleError, match="unknown rule code or prefix 'XYZ'"):
        select_rules(rules, ["XYZ"])


def test_rules_token_patterns_compile_in_spacy(rules: list[Rule]) -> None:
    import spacy
    from spacy.matcher import Matcher

    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    for rule in rules:
        if rule.match.patterns:
            matcher.add(rule.code, rule.match.patterns)  # raises MatchPatternError on a bad pattern
    assert len(matcher) == sum(1 for r in rules if r.match.patterns)


def test_rules_lexicon_word_lists_expand_in_match_terms(tmp_path: Path) -> None:
    (tmp_path / "lexicon.yaml").write_text("names: [luv hormone, lurve hormone]\nbirth: [labour, labor]\n", "utf-8")
    text = GOOD.replace("  phrases:\n", "  phrases:\n    - '@names'\n", 1)
    text = text.replace("  exceptions:\n", "  exceptions:\n    - '@birth'\n", 1)  # OXT101 has exceptions
    rule = load_rule(_write(tmp_path, text))
    assert rule.match.phrases is not None and rule.match.phrases[:2] == ["luv hormone", "lurve hormone"]
    assert "love hormone" in rule.match.phrases
    assert rule.match.exceptions is not None and rule.match.exceptions[:2] == ["labour", "labor"]


def test_rules_unknown_lexicon_name_names_file_line_and_lists(tmp_path: Path) -> None:
    (tmp_path / "lexicon.yaml").write_text("birth: [labour]\n", "utf-8")
    path = _write(tmp_path, GOOD.replace("  exceptions:\n", "  exceptions:\n    - '@brith'\n", 1))
    message = r"OXT101.yml:\d+: field 'match.exceptions': unknown word list '@brith' \(birth\)"
    with pytest.raises(RuleError, match=message):
        load_rule(path)
    (tmp_path / "lexicon.yaml").write_text("birth: labour\n", "utf-8")
    with pytest.raises(RuleError, match=r"lexicon.yaml:1: 'birth' must be a non-empty list of terms"):
        load_rules([tmp_path])


def test_rules_bundled_lexicon_is_used_by_rules(rules: list[Rule]) -> None:
    # the treatment rules share their efficacy wording through '@efficacy'
    treatment = [r for r in rules if r.code in ("OXT201", "OXT202", "OXT203", "OXT204")]
    assert all(r.match.claim and "reduce" in r.match.claim.predicate for r in treatment)
    assert not any(t.startswith("@") for r in rules for t in (r.match.exceptions or []))


def test_rules_duplicate_key_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    # YAML keeps the last of two equal keys; a rule would silently lose its first exceptions list
    text = GOOD.replace("match:", "match:\n  exceptions: [labour]\n  exceptions: [birth]", 1)
    with pytest.raises(RuleError, match=r"OXT101.yml:\d+: key 'exceptions' appears twice in the same mapping"):
        load_rule(_write(tmp_path, text))
