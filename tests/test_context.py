"""Assertion status and claim strength, one parametrized case per trigger class."""

from __future__ import annotations

import pytest

from claimcheck import Status, Strength, claim_strength
from claimcheck.context import assess, corrected


def _status(marked: str) -> Status:
    """Status of the span marked [[...]] in ``marked``."""
    start = marked.index("[[")
    end = marked.index("]]") - 2
    return assess(marked.replace("[[", "").replace("]]", ""), start, end).status


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oxytocin is [[the love hormone]].", Status.asserted),
        ("Oxytocin is not [[the love hormone]].", Status.negated),
        ("There is no evidence that [[oxytocin cures autism]].", Status.negated),
        ("It has never been shown that [[oxytocin cures autism]].", Status.negated),
        ("The myth that [[oxytocin cures autism]] persists.", Status.negated),
        ("[[Oxytocin cures autism]] is a myth.", Status.negated),
        ("Myth: [[oxytocin cures autism]].", Status.negated),
        ("Avoid calling oxytocin [[the love hormone]].", Status.negated),
        ("Oxytocin is not only [[the love hormone]] but also a stress buffer.", Status.asserted),
        ("No doubt [[oxytocin cures autism]].", Status.asserted),
        ("Is oxytocin [[the love hormone]]?", Status.question),
        ("Why not [[buy oxytocin spray]] today?", Status.asserted),
        ("If [[oxytocin cured autism]], trials would show it.", Status.conditional),
        ("If you hug, [[oxytocin cures loneliness]].", Status.asserted),
        ("The client said [[oxytocin cures autism]].", Status.reported),
        ("Patients often believe [[oxytocin cures autism]].", Status.reported),
        ('She wrote, "[[oxytocin cures autism]] for sure."', Status.reported),
        ("[[Oxytocin cures autism]], the coach insisted.", Status.reported),
        ("Zak calls oxytocin [[the moral molecule]].", Status.reported),
        ("Oxytocin is often called [[the love hormone]].", Status.distanced),
        ("The so-called [[love hormone]] is oxytocin.", Status.distanced),
        ("Oxytocin, the '[[love hormone]]', is released in labour.", Status.distanced),
        ("[[Oxytocin cures autism]], but trials are mixed.", Status.negated),
        ("[[Oxytocin cures autism]], but it is expensive.", Status.asserted),
        ("Some studies suggest [[oxytocin improves trust]].", Status.hedged),
        ("It would be wrong to say [[oxytocin makes everyone kinder]].", Status.negated),
        ("Be wary of anyone selling an [[oxytocin certification]].", Status.negated),
        ("[[Hugging for 20 seconds]] is not a magic number.", Status.negated),
        ("The [[trust hormone]] story makes a good headline.", Status.distanced),
        ("Oxytocin is a “[[trust” hormone]].", Status.distanced),
        ("Some handouts present it as a “[[trust” hormone]].", Status.distanced),
        ("There's no denying that [[oxytocin cures autism]].", Status.asserted),
        ("Did you know that oxytocin is [[the love hormone]]?", Status.asserted),
        ("You can't argue with science: [[oxytocin cures autism]].", Status.asserted),
        ("[[Oxytocin cures autism]], research says.", Status.asserted),
        ("I read that [[oxytocin cures autism]].", Status.reported),
        ("As the vendor rightly says, [[oxytocin cures autism]].", Status.asserted),
        ("The client said [[oxytocin cures autism]], and she is right.", Status.asserted),
        ("My doctor told me [[oxytocin cures autism]].", Status.reported),
        ("[[Oxytocin raises trust]] in the lab, but the effect is small and unreliable.", Status.negated),
        ("When anyone implies that [[oxytocin cures autism]], clients lose.", Status.reported),
        ("Oxytocin is [[sometimes described as a switch]].", Status.distanced),
        ("[[Oxytocin cures autism]], according to the vendor.", Status.reported),
        ("[[Oxytocin cures autism]], according to our intake quiz.", Status.asserted),
        ("[[Oxytocin cures autism]] - or so the ads say.", Status.reported),
        ("Economist Zak dubbed oxytocin [[the moral molecule]].", Status.reported),
        ("[[Low oxytocin explains your drama]] better than any therapist could.", Status.asserted),
        ("Researchers hoped [[oxytocin would help autism]], but it did not.", Status.conditional),
        ("We hoped [[oxytocin would help autism]].", Status.conditional),
        ("Kosfeld M, Heinrichs M. [[Oxytocin increases trust]] in humans. Nature 2005;435:673-676.", Status.reference),
    ],
)
def test_context_status_per_trigger(sentence: str, expected: Status) -> None:
    assert _status(sentence) == expected


def test_context_distanced_is_silent_when_a_correction_follows() -> None:
    sentence = "Oxytocin is often called the love hormone."
    assert corrected(sentence, sentence.index("hormone") + 7, "The label misleads.")
    assert not corrected(sentence, sentence.index("hormone") + 7, "It is released when we hug.")


def test_context_negation_scope_ends_at_terminator() -> None:
    sentence = "Oxytocin is not a cure; oxytocin is the love hormone."
    start = sentence.index("love hormone")
    assert assess(sentence, start, start + len("love hormone")).status is Status.asserted


@pytest.mark.parametrize(
    ("sentence", "parts", "expected"),
    [
        ("Oxytocin was long thought to make people kinder.", ("Oxytocin", "make", "kinder"), Status.reported),
        ("Oxytocin's supposed ability to build trust.", ("Oxytocin", "build", "trust"), Status.reported),
        ("CBT treats anxiety, unlike oxytocin.", ("oxytocin", "treats", "anxiety"), Status.negated),
        ("CBT helps anxiety, and oxytocin spray does not.", ("oxytocin spray", "helps", "anxiety"), Status.negated),
        ("Oxytocin improved nothing in autism.", ("Oxytocin", "improved", "autism"), Status.negated),
        ("Low oxytocin is why they cannot trust.", ("Low oxytocin", "is why", "trust"), Status.asserted),
        ("Oxytocin cures anxiety.", ("Oxytocin", "cures", "anxiety"), Status.asserted),
    ],
)
def test_context_claim_frame_inside_cues(sentence: str, parts: tuple[str, str, str], expected: Status) -> None:
    spans = tuple((sentence.index(p), sentence.index(p) + len(p)) for p in parts)
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    assert assess(sentence, start, end, parts=spans).status is expected


def test_context_claim_parts_do_not_negate_themselves() -> None:
    sentence = "Her problems are caused by not producing enough oxytocin."
    subject = sentence.index("not producing enough oxytocin")
    parts = ((subject, len(sentence) - 1), (17, 23), (4, 12))
    assert assess(sentence, 4, len(sentence) - 1, parts=parts).status is Status.asserted


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The clinic opens at nine.", Strength.none),
        ("Oxytocin is associated with social memory.", Strength.correlational),
        ("Low oxytocin has been linked to depression.", Strength.correlational),
        ("Oxytocin may improve social cognition.", Strength.conditional),
        ("Oxytocin could reduce anxiety in some people.", Strength.conditional),
        ("Oxytocin improves social cognition.", Strength.direct),
        ("Oxytocin is a proven treatment for autism.", Strength.direct),
        ("Oxytocin may be clinically proven to reduce stress.", Strength.direct),
    ],
)
def test_context_claim_strength(sentence: str, expected: Strength) -> None:
    assert claim_strength(sentence) is expected
