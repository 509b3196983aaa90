"""The generic rule test: every rule's own examples, with the exact flagged span."""

from __future__ import annotations

import pytest

from claimcheck import Linter, load_rules
from claimcheck.models import SPAN_RE

RULES = load_rules()


def _cases(kind: str) -> list[pytest.param]:  # type: ignore[type-arg]
    out = []
    for rule in RULES:
        texts = getattr(rule.examples, kind)
        for i, text in enumerate(texts):
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if kind.startswith("todo") else []
            out.append(pytest.param(rule.code, text, id=f"{rule.code}-{kind}-{i}", marks=marks))
    return out


def _unmark(text: str) -> tuple[str, str]:
    span = SPAN_RE.search(text)
    assert span is not None
    return SPAN_RE.sub(lambda m: m.group(1), text), span.group(1)


@pytest.mark.parametrize(("code", "example"), _cases("flag") + _cases("todo_flag"))
def test_rule_examples_flag_exact_span(linter: Linter, code: str, example: str) -> None:
    text, span = _unmark(example)
    start = example.index("[[")
    found = [(f.start, f.end, f.text) for f in linter.check(text) if f.code == code]
    assert found == [(start, start + len(span), span)], f"{code} should flag exactly [[{span}]] in: {text}"


@pytest.mark.parametrize(("code", "example"), _cases("pass_") + _cases("todo_pass"))
def test_rule_examples_pass_silent(linter: Linter, code: str, example: str) -> None:
    found = [(f.text, f.status.value) for f in linter.check(example) if f.code == code]
    assert found == [], f"{code} should not flag: {example}"
