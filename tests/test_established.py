"""Established facts about oxytocin are never flagged, by any rule, at any level."""

from __future__ import annotations

import pytest

from claimcheck import Linter

ESTABLISHED = [
    "Oxytocin is synthesised in the hypothalamus and released from the posterior pituitary.",
    "Oxytocin causes the uterus to contract during labour.",
    "Synthetic oxytocin (Pitocin) is used to induce labor and to prevent postpartum haemorrhage.",
    "During breastfeeding, oxytocin triggers milk ejection, the let-down reflex.",
    "Oxytocin release during lactation helps move milk from the breast to the baby.",
    "The obstetric team started an oxytocin infusion to strengthen contractions.",
    "In prairie voles, oxytocin and vasopressin are needed for partner preference to form.",
    "Female rats given an oxytocin antagonist showed less maternal behaviour.",
    "Oxytocin is a nine-amino-acid peptide first synthesised in 1953.",
    "Oxytocin receptors are found in the uterus, the breast and several brain regions.",
    "Oxytocin has a short half-life in the blood.",
    "Intranasal oxytocin has been studied in autism, but the largest trial found no benefit over placebo.",
    "Low oxytocin has been linked to symptoms of depression in some studies.",
    "Oxytocin is one part of a bonding system that also involves vasopressin, dopamine and opioids.",
]


@pytest.mark.parametrize("sentence", ESTABLISHED)
def test_established_facts_are_never_flagged(linter: Linter, sentence: str) -> None:
    assert [(f.code, f.text) for f in linter.check(sentence)] == []
