"""Output of ``claimcheck eval``: score tables and every miss, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..evaluate import Counts, Evaluation, Miss
from ..evaluate_sentences import SentenceEvaluation, SentenceMiss

JSON_VERSION = 1


def _row(name: str, c: Counts, width: int) -> str:
    return f"  {name:<{width}}  {c.precision:>9.3f}  {c.recall:>6.3f}  {c.f1:>6.3f}  {c.tp:>4}  {c.fp:>4}  {c.fn:>4}"


def _table(title: str, rows: dict[str, Counts]) -> list[str]:
    width = max([len(title), *(len(k) for k in rows)])
    out = [f"  {title:<{width}}  precision  recall      F1    tp    fp    fn"]
    out += [_row(name, rows[name], width) for name in sorted(rows)]
    return out


def _miss(m: Miss) -> list[str]:
    status = f" [{m.status}]" if m.status else ""
    return [f"  {m.path}:{m.line}:{m.column}: {m.code}{status} {m.text!r}", f"      > {m.sentence}"]


def _finish(
    lines: list[str], false_positives: list[list[str]], false_negatives: list[list[str]], failures: list[str]
) -> str:
    """The tail both reports share: every false positive and negative, then the targets."""
    lines = [*lines, f"False positives ({len(false_positives)}):"]
    for m in false_positives:
        lines += m
    lines += ["", f"False negatives ({len(false_negatives)}):"]
    for m in false_negatives:
        lines += m
    lines += [""]
    lines += [f"Below target: {f}" for f in failures] or ["All targets met."]
    return "\n".join(lines) + "\n"


def render_eval_text(ev: Evaluation, failures: list[str]) -> str:
    """Summary, tables (overall, per family, per rule), false positives and negatives, targets."""
    lines = [
        f"{ev.documents} documents, {ev.sentences} sentences, {ev.gold_findings} gold findings, "
        f"{ev.hard_negatives} hard negatives ({ev.hard_negatives_flagged} flagged)",
        "",
        *_table("level", {"span": ev.span, "sentence": ev.sentence}),
        f"  exact spans: {ev.exact_spans} of {ev.span.tp} span matches; not scored: {ev.span.duplicates} duplicates, "
        f"{ev.span.cross_family} cross-family hits",
        "",
        *_table("family", ev.families),
        "",
        *_table("rule", ev.rules),
        "",
    ]
    return _finish(lines, [_miss(m) for m in ev.false_positives], [_miss(m) for m in ev.false_negatives], failures)


def render_eval_json(ev: Evaluation, failures: list[str]) -> str:
    """The same content as a JSON object (``version`` 1)."""
    payload = {
        "version": JSON_VERSION,
        "documents": ev.documents,
        "sentences": ev.sentences,
        "gold_findings": ev.gold_findings,
        "hard_negatives": ev.hard_negatives,
        "hard_negatives_flagged": ev.hard_negatives_flagged,
        "exact_spans": ev.exact_spans,
        "duplicates": ev.span.duplicates,
        "cross_family": ev.span.cross_family,
        "span": ev.span.as_dict(),
        "sentence": ev.sentence.as_dict(),
        "families": {k: v.as_dict() for k, v in sorted(ev.families.items())},
        "rules": {k: v.as_dict() for k, v in sorted(ev.rules.items())},
        "false_positives": [asdict(m) for m in ev.false_positives],
        "false_negatives": [asdict(m) for m in ev.false_negatives],
        "failures": failures,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _sentence_miss(m: SentenceMiss) -> list[str]:
    status = f" [{m.status}]" if m.status else ""
    return [f"  {m.id}: {m.label}{status}", f"      > {m.sentence}"]


def render_sentence_eval_text(ev: SentenceEvaluation, failures: list[str], split: str = "all") -> str:
    """Scores of a sentence-labelled corpus: overall, per gold family, per kind and rule, then every miss."""
    lines = [
        f"split {split}: {ev.documents} documents, {ev.sentences} sentences, {ev.overclaims} overclaims, "
        f"{ev.borderline} borderline (not scored)",
    ]
    if ev.absent:
        lines.append(
            f"{len(ev.absent)} documents absent (texts not collected), not scored: {', '.join(ev.absent[:10])}"
            + (" ..." if len(ev.absent) > 10 else "")
        )
    lines += [
        "",
        *_table("level", {"sentence": ev.overall}),
        "",
        *_table("family (gold)", ev.families),
        "",
        *_table("kind", ev.kinds),
        "",
        *_table("rule", ev.rules),
        "",
    ]
    fps = [_sentence_miss(m) for m in ev.false_positives]
    return _finish(lines, fps, [_sentence_miss(m) for m in ev.false_negatives], failures)


def render_sentence_eval_json(ev: SentenceEvaluation, failures: list[str], split: str = "all") -> str:
    """The same content as a JSON object (``version`` 1, ``level`` "sentence")."""
    payload = {
        "version": JSON_VERSION,
        "level": "sentence",
        "split": split,
        "documents": ev.documents,
        "absent": ev.absent,
        "sentences": ev.sentences,
        "overclaims": ev.overclaims,
        "borderline": ev.borderline,
        "sentence": ev.overall.as_dict(),
        "families": {k: v.as_dict() for k, v in sorted(ev.families.items())},
        "kinds": {k: v.as_dict() for k, v in sorted(ev.kinds.items())},
        "rules": {k: v.as_dict() for k, v in sorted(ev.rules.items())},
        "false_positives": [asdict(m) for m in ev.false_positives],
        "false_negatives": [asdict(m) for m in ev.false_negatives],
        "failures": failures,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
