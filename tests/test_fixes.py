"""Safe fixes: every safe replacement removes its warning and reads right; unsafe places
are left alone; the fixed text is checked again."""

from __future__ import annotations

import pytest

from claimcheck.engine import Linter
from claimcheck.fixes import Edit, apply_edits, edits_for, unified_diff, verified_fix
from claimcheck.models import Rule, normalise_wording
from claimcheck.rules import load_rules

RULES = load_rules()
SAFE = [(r, wording) for r in RULES if r.fix is not None and r.fix.safe for wording in r.fix.replace]
# Sentences a nickname can stand in, as writers use it: apposition, predicate, title, list item.
FRAMES = [
    "Oxytocin, the {w}, floods your brain when you hug.",
    "Oxytocin is the {w} that keeps couples together.",
    "# Oxytocin: The {W} Explained",
    "- Boost the {w} with a long hug",
    "Meet oxytocin, your body's {w}.",
]


def test_some_rules_offer_safe_fixes() -> None:
    assert {r.code for r, _ in SAFE} >= {"OXT101", "OXT102", "OXT103", "OXT104"}


@pytest.mark.parametrize(("rule", "wording"), SAFE, ids=[f"{r.code}-{w}" for r, w in SAFE])
def test_every_safe_fix_removes_the_warning_it_fixes(linter: Linter, rule: Rule, wording: str) -> None:
    assert rule.fix is not None
    for frame in FRAMES:
        text = frame.format(w=wording, W=wording.title())
        found = [f for f in linter.check(text) if f.code == rule.code]
        assert found, f"{rule.code} should flag {text!r}"
        (f,) = found
        assert f.fix is not None and normalise_wording(f.text) == wording
        (edit,) = edits_for([f])
        fixed = apply_edits(text, [edit])
        assert [g for g in linter.check(fixed) if g.code == rule.code] == [], fixed
        assert wording not in fixed.lower()
        # nor does the careful wording bring another warning
        start, end = edit.start, edit.start + len(edit.text)
        assert [g.code for g in linter.check(fixed) if g.start < end and g.end > start] == [], fixed


def test_flag_examples_with_a_safe_wording_are_fixed(linter: Linter) -> None:
    fixed_any = 0
    for rule in RULES:
        if rule.fix is None or not rule.fix.safe:
            continue
        for example in rule.examples.flag:
            text = example.replace("[[", "").replace("]]", "")
            findings = [f for f in linter.check(text) if f.code == rule.code and f.fix]
            if findings:
                fixed = apply_edits(text, edits_for(findings))
                assert not [g for g in linter.check(fixed) if g.code == rule.code], fixed
                fixed_any += 1
    assert fixed_any >= 4


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Oxytocin, the love hormone, floods you.", "Oxytocin, the hormone involved in social bonding, floods you."),
        ("# Oxytocin: The Love Hormone Explained", "# Oxytocin: The Hormone Involved in Social Bonding Explained"),
        ("OXYTOCIN: THE LOVE HORMONE", "OXYTOCIN: THE HORMONE INVOLVED IN SOCIAL BONDING"),
        ("Love hormone, the name we give oxytocin.", "Hormone involved in social bonding, the name we give oxytocin."),
    ],
)
def test_fix_keeps_the_letter_case(linter: Linter, text: str, fixed: str) -> None:
    findings = [f for f in linter.check(text) if f.code == "OXT101"]
    assert apply_edits(text, edits_for(findings)) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Oxytocin, the love hormone's main job, is bonding.",  # possessive
        "Your body makes the luv hormone whenever you cuddle.",  # a misspelling: the wording is not exact
        "Boost your love-hormones with these five habits.",  # plural
        "Oxytocin increases trust between partners.",  # a claim frame: no safe rewording
    ],
)
def test_no_fix_where_a_replacement_would_not_read_right(linter: Linter, text: str) -> None:
    findings = linter.check(text)
    assert findings and all(f.fix is None for f in findings)


def test_suppressed_findings_are_not_fixed(linter: Linter) -> None:
    (f,) = linter.check("Oxytocin, the love hormone, floods you.")
    assert edits_for([f.model_copy(update={"suppressed": True})]) == []


def test_verified_fix_drops_an_edit_after_which_the_rule_still_fires(linter: Linter) -> None:
    text = "Oxytocin, the love hormone, floods you. It is the love hormone."
    findings = linter.check(text)
    edits = edits_for(findings)
    bad = [edits[0], Edit(edits[1].start, edits[1].end, "love chemical", edits[1].code)]  # a "fix" that still flags
    fixed, kept, remaining = verified_fix(text, bad, linter.check, findings)
    assert kept == [edits[0]]
    assert fixed == "Oxytocin, the hormone involved in social bonding, floods you. It is the love hormone."
    assert [f.text for f in remaining if f.code == "OXT101"] == ["love hormone"]


def test_unified_diff_names_the_file_and_shows_the_change() -> None:
    diff = unified_diff("docs/a.md", "one\nlove hormone\n", "one\nhormone involved in social bonding\n")
    assert diff.splitlines() == [
        "--- a/docs/a.md",
        "+++ b/docs/a.md",
        "@@ -1,2 +1,2 @@",
        " one",
        "-love hormone",
        "+hormone involved in social bonding",
    ]


def test_a_fix_that_would_hide_another_overclaim_is_dropped(linter: Linter) -> None:
    text = "Oxytocin is the trust hormone and increases trust."
    findings = linter.check(text)
    assert {f.code for f in findings} >= {"OXT102", "OXT301"}
    fixed, kept, remaining = verified_fix(text, edits_for(findings), linter.check, findings)
    assert (fixed, kept) == (text, [])
    assert {f.code for f in remaining} >= {"OXT301"}


@pytest.mark.parametrize(
    "text",
    [
        "Oxytocin is often called the love hormone.",  # the writer reports the nickname
        'The nickname "love hormone" is everywhere.',  # quoted
        "The love hormone oxytocin rises after a hug.",  # a label before the name
        "Your love hormone levels drop when you are lonely.",  # a modifier
        "Share it with #lovehormone and #love hormone tags.",  # a hashtag
        "See love-hormone.md for the draft.",  # a file name
    ],
)
def test_no_fix_for_reported_quoted_or_modifier_uses(linter: Linter, text: str) -> None:
    assert all(f.fix is None for f in linter.check(text, silenced=True))


def test_capital_kept_only_at_the_start_of_a_sentence(linter: Linter) -> None:
    (f,) = linter.check("Oxytocin, our Love hormone, rises.")
    assert f.fix == "hormone involved in social bonding"
