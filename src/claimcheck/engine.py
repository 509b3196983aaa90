"""Compile rules and run them over text: prefilter, sentences, matching, context.

The prefilter is one regular expression over the whole text made of every rule's
anchor words; spaCy runs only on the segments where an anchor occurs and on the few that
follow one (where "it" or a bare list item may still be about the topic).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .context import assess, corrected, is_reference_entry, terminators
from .document import BULLETS, Document, Segment
from .errors import RuleError, SourceError
from .fixes import safe_replacement
from .formats.text import parse_text
from .models import Finding, FindingSource, Level, Rule, Source, Status, Strength
from .nlp import pipeline
from .rules import load_rules, select_rules
from .sources import load_sources
from .terms import Prefilter, anchor_fragments, compile_terms, inflections

Span = tuple[int, int]
_FIXABLE = frozenset({Status.asserted, Status.hedged})
SILENT = frozenset({Status.negated, Status.reported, Status.question, Status.conditional, Status.reference})


@lru_cache(maxsize=256)
def clauses(sentence: str, after_label: bool = False) -> list[Span]:
    """The clauses of a sentence: cut at terminators ("but", "however", ";"). With
    ``after_label``, a definition line's label ("Physical intimacy: ...") is left out."""
    bounds: list[Span] = []
    label = _DEFINITION_LABEL.match(sentence) if after_label else None
    pos = label.end() if label else 0
    for m_start, m_end in terminators(sentence, pos):
        bounds.append((pos, m_start))
        pos = m_end
    bounds.append((pos, len(sentence)))
    return bounds


# A line that opens with a verb in the third person, its subject left out as in a fact sheet
# under the page's topic: "Promotes social bonding, reduces anxiety ...", "Helps you trust".
_VERB_FIRST = re.compile(
    rf"^[\s{BULLETS}]*\ufe0f?\s*([A-Z][a-z]{{2,}}(?<!s)s)\s+"
    # a plural noun is followed by its verb or a preposition: "Results show", "Treatments like"
    r"(?!(?:of|for|like|show|shows|suggest|suggests|that|from|in|are|were|have|can|may|include)\b)(?=[a-z])"
)
# A definition-list line: a short label, a colon, then what it does ("Social bonding: Creates
# feelings of trust."). Like a list item, it may leave its subject out; its label names the topic.
_DEFINITION_LABEL = re.compile(
    rf"^[\s{BULLETS}]*(?:\*\*)?[A-Z][\w'’\-]*(?:[ \t/&]+[\w'’\-]+){{0,4}}\s*:(?:\*\*)?\s+(?=\S)"
)


@dataclass(frozen=True)
class Hit:
    """A candidate span in a sentence; ``parts`` are a claim frame's subject, predicate, object."""

    start: int
    end: int
    parts: tuple[Span, ...] = ()


class CompiledRule:
    """A rule with its term lists compiled; finds hits in one sentence."""

    def __init__(self, rule: Rule, verbs: frozenset[str] = frozenset()) -> None:
        self.rule = rule
        m = rule.match
        self.phrases = compile_terms(m.phrases, fuzzy=m.fuzzy) if m.phrases else None
        self.claim = (
            (
                compile_terms(m.claim.subject, fuzzy=m.fuzzy),
                compile_terms(m.claim.predicate),
                compile_terms(m.claim.object, fuzzy=m.fuzzy),  # "autisim", "anxeity"
            )
            if m.claim
            else None
        )
        self.excluded = compile_terms(m.claim.exclude) if m.claim and m.claim.exclude else None
        self.requires = compile_terms(m.requires, fuzzy=m.fuzzy) if m.requires else None
        self.exceptions = compile_terms(m.exceptions) if m.exceptions else None
        self.min_strength = max(m.min_strength, m.claim.min_strength if m.claim else Strength.none)
        anchor_terms = m.requires or (m.claim.subject if m.claim else m.phrases) or []
        self.anchors = anchor_fragments(anchor_terms, m.fuzzy)
        # the first words of every rule's predicates, shared by the Linter (see _VERB_FIRST)
        self.verbs = verbs

    def hits(
        self,
        sentence: str,
        pattern_spans: Sequence[Span],
        topic: bool = False,
        bare: bool = False,
        refers_back: bool = False,
    ) -> list[Hit]:
        """Candidate spans of this rule in ``sentence`` (before context is applied).

        ``topic``: the anchor occurred just before, so with ``anaphora`` a pronoun may stand
        for the subject; ``bare``: the sentence is a list item or heading, which may leave
        the subject out; ``refers_back``: a pronoun in it stands for the topic as the thing
        released ("It is released during hugs, which builds trust"), which meets a claim
        frame's required word.
        """
        anaphora = topic and self.rule.match.anaphora
        if (
            self.requires is not None
            and not anaphora
            and not (refers_back and self.claim is not None)
            and not self.requires.find(sentence)
        ):
            return []
        found: list[Hit] = []
        if self.phrases is not None:
            found += [Hit(s, e) for s, e in self.phrases.find(sentence)]
        found += [Hit(s, e) for s, e in pattern_spans]
        if self.claim is not None:
            # a list item or definition line: its label names the topic ("Physical intimacy: Sex
            # ... keeps bonding strong"), unless the claim is in the label itself
            claims = self._claims(sentence, anaphora, bare and anaphora, after_label=True) if bare else []
            found += claims or self._claims(sentence, anaphora, bare and anaphora)
        return _non_overlapping(found)

    def _other_hormone_nearer(self, sentence: str, end: int) -> bool:
        """Whether another hormone is named before ``end`` and after the last mention of this
        rule's anchor: then a pronoun there stands for the other hormone."""
        others = [m.end() for m in _OTHER_HORMONE_BEFORE.finditer(sentence, 0, end)]
        if not others:
            return False
        # the whole sentence, as every rule searches it (its matches are cached), not a new slice
        named = [e for _, e in self.requires.find(sentence) if e <= end] if self.requires is not None else []
        return max(others) > max(named, default=-1)

    def _claims(self, sentence: str, anaphora: bool, bare: bool, after_label: bool = False) -> list[Hit]:
        assert self.claim is not None
        subject, predicate, obj = self.claim
        out: list[Hit] = []
        named = False  # an earlier clause of the sentence named the subject
        for cs, ce in clauses(sentence, after_label):
            clause = sentence[cs:ce]
            excluded = self.excluded.find(clause) if self.excluded is not None else []

            def keep(spans: list[Span], excluded: list[Span] = excluded) -> list[Span]:
                # a longer term that holds the excluded words keeps them: "higher oxytocin levels"
                # is a subject though "oxytocin level" alone is excluded
                return [s for s in spans if not any(overlap(s, x) and not _holds(s, x) for x in excluded)]

            subs = keep(subject.find(clause))
            elided = _ELIDED_SUBJECT.match(clause) if named and not subs else None
            named = named or bool(subs)
            if elided is not None:
                # "Oxytocin is made in the brain, but is also synthesised to treat autism": the verb
                # after "but" shares the subject named before it
                subs = [elided.span(1)]
            pronoun = not subs and anaphora
            if pronoun:
                # "Oxytocin, the hormone of X, ...": a noun-phrase anaphor after the bare anchor in
                # the same clause renames that anchor, which is not this rule's subject.
                anchors = self.requires.find(clause) if self.requires is not None else []
                subs = [
                    a
                    for a in _anaphors(clause, self.verbs)
                    if (" " not in clause[a[0] : a[1]] or not any(e <= a[0] for _, e in anchors))
                    and not _EXPLETIVE.match(clause, a[0])
                    and not self._other_hormone_nearer(sentence, cs + a[1])
                ]
            elif subs and anaphora:
                # "Oxytocin is sometimes called X, and that's because it increases trust": a pronoun
                # after the named subject may be the nearer subject of the claim
                pronouns = (
                    m for m in _PRONOUN_SUBJECT.finditer(clause, subs[0][1]) if not _EXPLETIVE.match(clause, m.start())
                )
                subs += [m.span() for m in itertools.islice(pronouns, 2)]  # a run-on line repeats "it" without end
            if not subs and (bare or (anaphora and _ALSO.match(clause))):
                subs = _bare_subject(clause, keep(predicate.find(clause)))
                verb = _VERB_FIRST.match(clause) if bare and not subs and self.verbs else None
                if verb is not None and verb.group(1).lower() in self.verbs:
                    subs = [verb.span(1)]  # "Promotes bonding, reduces anxiety": each verb has the left-out subject
            objs = keep(obj.find(clause)) if subs else []
            preds = keep(predicate.find(clause)) if objs else []
            best: tuple[Span, ...] | None = None
            for s in subs:
                for p in preds:
                    if overlap(s, p) and s != p:
                        continue
                    for o in objs:
                        if overlap(o, s) or overlap(o, p):
                            continue
                        compound = p[0] > 0 and clause[p[0] - 1] == "-" and o[1] == p[0] - 1  # "trust-building"
                        # the subject after both: only "treated with oxytocin", or a copula ("the reason you
                        # feel lonely is low oxytocin"); not "help establish trust in oxytocin research"
                        late = o[0] < p[0] < s[0] or (p[0] < o[0] < s[0] and not _COPULA.search(clause[: s[0]]))
                        if late and not compound and not _INSTRUMENT.search(clause[: s[0]]):
                            continue  # object, predicate, subject: only "treated with oxytocin"
                        if clause[s[0] : s[1]].lower() in ("it", "they") and (s[0] > p[0] or o[0] < p[0]):
                            # "it" stands for the subject before the verb, not in "she treats it"; and
                            # its object follows the verb ("after sex ... it makes them feel used" is no dose)
                            continue
                        if p[0] > 0 and clause[p[0] - 1] == "-" and not compound:
                            continue  # "stress-reducing properties": the compound's verb takes only its own object
                        if p[1] <= s[0] and len(clause[p[1] : s[0]].split()) > _MAX_GAP_BEFORE_SUBJECT:
                            continue  # "because ... [a whole clause] ... oxytocin level": not its subject
                        if (
                            p[1] <= s[0]
                            and _OBJECT_PHRASE.search(clause[p[1] : s[0]])
                            and not _PREPOSITION_END.search(clause[p[0] : p[1]])
                            and not _PASSIVE_AGENT.match(clause[p[1] : s[0]])
                        ):
                            continue  # "developed an account of oxytocin": oxytocin sits in the verb's object
                        if s[1] <= p[0] and len(clause[s[1] : p[0]].split()) > _MAX_GAP_AFTER_SUBJECT:
                            continue  # a verb a dozen words on belongs to another subject
                        triple = (s, p, o)
                        if best is None or _extent(triple) < _extent(best):
                            best = triple
            if best is not None:
                parts = tuple((a + cs, b + cs) for a, b in best)  # subject, predicate, object
                out.append(Hit(min(a for a, _ in parts), max(b for _, b in parts), parts))
        return out


# How many segments after one that names the topic still count as being about it.
TOPIC_SEGMENTS = 3
# ... and how many sentences after one that names it, inside a paragraph.
TOPIC_SENTENCES = 2

# Words that introduce the subject after the object and predicate, as in a passive
# ("autism is treated with oxytocin") or an instrument ("caused by low oxytocin").
_INSTRUMENT = re.compile(
    r"\b(?:(?:by|with|from|using|through|via|to|on|after|because(?:\s+of)?|due\s+to|since)\s+(?:[\w'’]+,?\s+){0,4}|"
    # "improved social function in children who inhale nasal oxytocin"
    r"(?:who|that)\s+(?:(?:were|are|had\s+been)\s+given|(?:take|took|taking|inhale|inhaled|use|used|receive|received|"
    r"get|got|sniff|sniffed|spray|sprayed)\s+(?:[\w'’]+\s+){0,2}))$",
    re.IGNORECASE,
)


# A verb before the subject whose object is a noun phrase holding it ("developed an account of
# oxytocin"); a prepositional predicate ("due to the action of oxytocin") does take it as its cause.
_PASSIVE_AGENT = re.compile(r"\s*(?:by|with|through|via|from|using)\b", re.IGNORECASE)
_OBJECT_PHRASE = re.compile(r"\b(?:a|an|the|this|that|his|her|their|its|our|your)\b.*\bof\s*$", re.IGNORECASE)
_PREPOSITION_END = re.compile(r"\b(?:to|of|by|from|for|behind|on|with)\s*$", re.IGNORECASE)
_COPULA = re.compile(r"\b(?:is|are|was|were|['’]s)\s+(?:[\w'’]+\s+){0,3}$", re.IGNORECASE)
# A predicate before its subject ("because of low oxytocin", "thank oxytocin for") stands this
# close to it; further away the subject belongs to another clause.
_MAX_GAP_BEFORE_SUBJECT = 6
# ... and a subject before its predicate no further than this.
_MAX_GAP_AFTER_SUBJECT = 20

_ANAPHOR_ADJECTIVES = (
    "important",
    "powerful",
    "amazing",
    "little",
    "remarkable",
    "natural",
    "special",
    "wonderful",
    "incredible",
    "same",
    "bonding",
    "feel-good",
)

# What may stand for the subject once it has been named: "it", "the spray", "these drops".
ANAPHORS = compile_terms(
    [
        "it",
        "this hormone",
        "the hormone",
        # "this important hormone", "the powerful hormone"
        *(f"{d} {a} hormone" for d in ("this", "the") for a in _ANAPHOR_ADJECTIVES),
        "this chemical",
        "the chemical",
        "this molecule",
        "the molecule",
        "this peptide",
        "the peptide",
        "the spray",
        "this spray",
        "our spray",
        "the drops",
        "these drops",
        "our drops",
        "this product",
        "our product",
        "the product",
        "the supplement",
        "this supplement",
        "our formula",
        "this formula",
        "this stuff",
        "the stuff",
        "mine",
    ],
    inflect=False,
)
# ... and a noun phrase that renames it with any adjectives: "that magical molecule", "this
# little neuropeptide", "the body's natural chemical".
_ANAPHOR_PHRASE = re.compile(
    r"\b(?:this|that|the|our|your|such\s+a)\s+"
    r"(?!(?:growth|sex|thyroid|stress|hunger|steroid|sleep|pregnancy|thyroid-stimulating|adrenal|pituitary|appetite)\s)"
    r"(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:hormone|molecule|chemical|neurochemical|peptide|neuropeptide|neurotransmitter|compound|substance)\b",
    re.IGNORECASE,
)


# A demonstrative that opens a sentence and does something: "This can cause a sense of
# well-being", "That boosts bonding" (not "This is why", "This means", "This study").
_DEMONSTRATIVE = re.compile(
    r"^\W*(this|that)\s+(?:(?:can|will|also|then|in\s+turn|may|could)\s+)?([a-z]+)\b", re.IGNORECASE
)
# a demonstrative with these explains or introduces, it does not act: "This is why", "This means"
_NOT_ACTS = frozenset(
    {"is", "was", "are", "were", "means", "explains", "shows", "suggests", "seems", "does", "has", "goes", "says"}
)
# a hormone named right after an anaphor is another hormone: "the hormone vasopressin", "the
# stress hormone cortisol", "the chemical dopamine"
_OTHER_HORMONES = (
    r"(?:cortisol|dopamine|serotonin|vasopressin|endorphins?|adrenaline|epinephrine|noradrenaline|"
    r"norepinephrine|testosterone|o?estrogen|prolactin|melatonin|ghrelin|leptin|insulin|GABA|glutamate)\b"
)
_OTHER_HORMONE = re.compile(rf"\s+{_OTHER_HORMONES}", re.IGNORECASE)
# Another hormone named earlier in the sentence is the nearer antecedent of a pronoun: "When
# serotonin drops, it causes ..." (the topic's own name would be the subject, not a pronoun).
_OTHER_HORMONE_BEFORE = re.compile(rf"\b{_OTHER_HORMONES}", re.IGNORECASE)


def _anaphors(clause: str, verbs: frozenset[str] = frozenset()) -> list[Span]:
    """Spans in ``clause`` that may stand for a subject named before (see ANAPHORS); ``verbs``
    are the words a sentence-opening demonstrative must act with ("This boosts ...")."""
    found = [a for a in ANAPHORS.find(clause) if not _OTHER_HORMONE.match(clause, a[1])]
    extra = [
        m.span()
        for m in _ANAPHOR_PHRASE.finditer(clause)
        if not any(overlap(m.span(), a) for a in found) and not _OTHER_HORMONE.match(clause, m.end())
    ]
    demonstrative = _DEMONSTRATIVE.match(clause)
    if demonstrative is not None and (act := demonstrative.group(2).lower()) in verbs and act not in _NOT_ACTS:
        extra.append(demonstrative.span(1))
    return sorted([*found, *extra]) if extra else found


_PRONOUN_SUBJECT = re.compile(r"\bit\b", re.IGNORECASE)

_LEAD = re.compile(
    rf"^[\s{BULLETS}>#]*(?:\d{{1,3}}[.)]\s*)?(?:\*\*)?"
    r"(?:[A-Z][\w'’\-]*(?:[ \t/&]+[\w'’\-]+){0,4}\s*:\s*(?:\*\*)?\s*)?"
    r"(?:(?:also|and|plus|it|that)\s+)?",
    re.IGNORECASE,
)

# "It is not surprising that ...", "it turns out": an "it" that stands for nothing; "it says": a
# book or page speaking, not oxytocin.
_EXPLETIVE = re.compile(
    r"it\s+(?:says|said|claims|argues|states|reads|writes|notes|explains)\b|"  # "it" as the speaker: a book, a page
    r"it(?:\s+(?:is|was|'s|’s|seems|seemed|appears|appeared|turns\s+out|turned\s+out|would\s+be|may\s+be|might\s+be|"
    r"could\s+be|has\s+been|will\s+be)(?:\s+(?:not|no|also|clear|likely|possible|surprising|obvious|true|important|"
    r"worth|interesting|easy|hard|known|thought|believed|said|estimated|unclear|noteworthy|notable|striking))*\s+"
    r"(?:that|to|as\s+if|as\s+though|like)\b)",
    re.IGNORECASE,
)

# A clause that opens with a pronoun or renaming noun phrase as the subject of a release:
# "It is released when ...", "The hormone is also released during orgasm".
_REFERS_BACK = re.compile(
    r"(?:^|[.;,]\s+|\b(?:and|but|because)\s+)(?:it|this\s+hormone|the\s+hormone|this\s+chemical|the\s+chemical)"
    r"\s+(?:is|gets|was|also|can\s+be|will\s+be)\s+(?:also\s+)?(?:released|produced|secreted|triggered|made)\b",
    re.IGNORECASE,
)
# "also works for autism btw": a sentence that continues the topic without naming it.
# "Its why you ...": the pronoun and verb run together, so the predicate stands in for the subject.
_ALSO = re.compile(r"^\W*(?:also|plus|its\s+(?:also\s+)?why)\b", re.IGNORECASE)
# A clause that opens with its verb, the subject left to the clause before: "..., but [is] also
# sold as a cure".
_ELIDED_SUBJECT = re.compile(
    r"^\W*(is|are|was|were|has|have|had|can|will|does|do|also)\b(?!\s+(?:it|they|this|that|there|we|you|he|she)\b)",
    re.IGNORECASE,
)


_FIRST_SENTENCE = re.compile(r"[^.!?]*[.!?]?")


def _lead_ins(document: Document) -> dict[int, str]:
    """For each list item (by start), the last sentence of the lead-in ending with ":" that
    opens its list, or the heading over it, when the item and the ones before it follow that
    lead-in directly (or after a question that introduces them)."""
    out: dict[int, str] = {}
    lead = heading = ""
    for seg in document.segments:
        body = document.text[seg.start : seg.end]
        if seg.item and lead:
            out[seg.start] = lead
        elif seg.heading:
            # a heading over a list is its lead-in ("Signs of low oxytocin" then "- Trouble trusting")
            heading = lead = body.strip().rstrip(":").lstrip("#").strip() + ":"
        elif not seg.item:
            stripped = body.rstrip()
            lead = stripped[max(stripped.rfind(". "), stripped.rfind("? "), stripped.rfind("! ")) + 1 :].strip()
            # ... also across a question that introduces the list ("Do you recognise any of these?")
            lead = lead if lead.endswith(":") else heading if stripped.endswith("?") else ""
    return out


_BULLET = re.compile(rf"^[\s{BULLETS}]*(?:\d{{1,3}}[.)]\s*)?")


def _inherited(c: CompiledRule, lead_in: str, item: str, following: str, seg: Segment) -> list[Hit]:
    """Claims a bare list item makes together with its lead-in: "Oxytocin can increase:" then
    "- Trust". The claim is judged on lead-in and item together (a hedge in the lead-in counts);
    the hit is the item's part of it."""
    if c.exceptions is not None and c.exceptions.find(lead_in):
        return []  # "In mice, oxytocin can reduce:" - the lead-in's exception covers its items
    bullet = _BULLET.match(item)
    skip = bullet.end() if bullet else 0  # "- trust": a dash would cut the clause
    combined = f"{lead_in[:-1]}  {item[skip:]}"  # the lead-in's ":" blanked: one clause, not a label
    offset = len(lead_in) + 1 - skip
    out: list[Hit] = []
    for hit in c.hits(combined, [], True, False):
        if len(hit.parts) < 3 or hit.parts[2][0] < offset + skip:
            continue  # the claim lies in the lead-in alone: the lead-in's own finding
        a = assess(
            combined, hit.start, hit.end, next_sentence=following, is_quote=seg.quote, is_myth=seg.myth, parts=hit.parts
        )
        if a.status in SILENT or a.strength < c.min_strength:
            continue
        out.append(Hit(hit.parts[2][0] - offset, hit.end - offset))
    return out


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# A paragraph's text for an exception's "paragraph" scope, at most this far either side.
_PARAGRAPH_REACH = 2000


def _paragraphs(document: Document) -> dict[int, str]:
    """For each segment (by start), the paragraph around it: the text between blank lines
    (within ``_PARAGRAPH_REACH`` characters), as one-sentence-per-line text has no other."""
    text = document.text
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    out: dict[int, str] = {}
    for seg in document.segments:
        i = bisect.bisect_left(breaks, seg.start)
        start = breaks[i - 1] if i > 0 else 0
        end = breaks[i] if i < len(breaks) else len(text)
        out[seg.start] = text[max(start, seg.start - _PARAGRAPH_REACH) : min(end, seg.end + _PARAGRAPH_REACH)]
    return out


def _next_sentences(document: Document) -> dict[int, str]:
    """For each segment (by start), the first sentence of the segment after it in the same
    paragraph (no blank line between), unless either is a heading."""
    segs = document.segments
    out: dict[int, str] = {}
    for seg, nxt in itertools.pairwise(segs):
        if not seg.heading and not nxt.heading and document.text.count("\n", seg.end, nxt.start) <= 1:
            m = _FIRST_SENTENCE.match(document.text, nxt.start, min(nxt.end, nxt.start + 400))
            out[seg.start] = m.group() if m else ""
    return out


def _bare_subject(clause: str, predicates: list[Span]) -> list[Span]:
    """A list item or heading that opens with the predicate ("- Eases social anxiety") has its
    subject left out: the predicate stands in for it."""
    lead = _LEAD.match(clause)
    start = lead.end() if lead else 0
    # A past tense opens a note's record of what was done ("- Explained to pt that ..."), not a claim.
    return [p for p in predicates if p[0] == start and not clause[p[0] : p[1]].split()[0].lower().endswith("ed")][:1]


def _holds(outer: Span, inner: Span) -> bool:
    """Whether ``outer`` strictly contains ``inner``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def _extent(parts: tuple[Span, ...]) -> int:
    return max(b for _, b in parts) - min(a for a, _ in parts)


def overlap(a: Span, b: Span) -> bool:
    """Whether two (start, end) spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


class Linter:
    """Compiled rules and evidence, reusable across many texts.

    >>> linter = Linter()
    >>> [f.code for f in linter.check("Oxytocin, the love hormone, floods your brain.")]
    ['OXT101']
    """

    def __init__(
        self,
        rules: Sequence[Rule] | None = None,
        sources: dict[str, Source] | None = None,
        *,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> None:
        self.sources = sources if sources is not None else load_sources()
        all_rules = list(rules) if rules is not None else load_rules(sources=self.sources)
        for rule in all_rules:
            unknown = [ref.id for ref in rule.sources if ref.id not in self.sources]
            if unknown:
                raise SourceError(f"rule {rule.code}: unknown source id '{unknown[0]}'")
        self.rules = select_rules(all_rules, select, ignore)
        self.codes = frozenset(r.code for r in all_rules)  # every known code, selected or not
        # the first words of every claim predicate, inflected: a line that opens with one of them
        # ("Promotes bonding, reduces anxiety") has left its subject out
        verbs = frozenset(
            form
            for r in self.rules
            if r.match.claim
            for term in r.match.claim.predicate
            for form in inflections(term.split()[0])
        )
        self._verbs = verbs
        self._compiled = [CompiledRule(r, verbs) for r in self.rules]
        fragments = set().union(*(c.anchors for c in self._compiled))
        self._anchor = Prefilter(fragments) if fragments else None
        # What names the topic that a later pronoun may stand for: the words the anaphora rules
        # require ("oxytocin"), matched as terms; the prefilter's fragments ("hor", "ical") only
        # say where a rule might match, and "hormones" or "clinical" name no topic.
        named = {id(c.requires): c.requires for c in self._compiled if c.rule.match.anaphora and c.requires}
        self._topic_terms = list(named.values())
        self._matchers: dict[str, tuple[frozenset[str] | None, object]] | None = None
        self._has_patterns = any(c.rule.match.patterns for c in self._compiled)

    def check(self, text: str, path: str = "<text>", *, silenced: bool = False) -> list[Finding]:
        """Every finding in plain ``text``, in order of position. ``path`` is reported as given.

        With ``silenced``, hits that the context silenced (negated, hedged, quoted...) are
        returned too, marked ``silenced=True``: useful to see why something was not flagged.
        """
        return self.check_document(parse_text(text), path, silenced=silenced)

    def check_document(self, document: Document, path: str = "<text>", *, silenced: bool = False) -> list[Finding]:
        """Every finding in a parsed ``document`` (see :mod:`claimcheck.formats`), in order."""
        text = document.text
        if self._anchor is None or not self._anchor.search(text):
            return []
        todo = self._segments_to_check(document)
        if not todo:
            return []
        findings: list[Finding] = []
        nlp = pipeline()
        after, leads, paragraphs = _next_sentences(document), _lead_ins(document), _paragraphs(document)
        for (seg, _, topic), doc in zip(todo, nlp.pipe(t for _, t, _ in todo), strict=True):
            findings += self._check_segment(
                seg,
                doc,
                topic,
                document,
                path,
                silenced,
                after.get(seg.start, ""),
                leads.get(seg.start, ""),
                paragraphs.get(seg.start, ""),
            )
        seen: Counter[str] = Counter()
        out = []
        for f in sorted(findings, key=lambda f: (f.start, f.code)):
            seen[f.fingerprint] += 1
            digest = hashlib.sha256(f"{f.fingerprint}:{seen[f.fingerprint]}".encode()).hexdigest()[:16]
            out.append(f.model_copy(update={"fingerprint": digest}))
        return out

    def _segments_to_check(self, document: Document) -> list[tuple[Segment, str, bool]]:
        """Segments that hold an anchor, and those that follow one closely (with whether the
        topic is active there: named in the title, the section heading or a recent segment)."""
        assert self._anchor is not None
        out: list[tuple[Segment, str, bool]] = []
        title = section = False
        recent = 0
        listed = False  # inside a list whose lead-in or earlier items were about the topic
        for seg in document.segments:
            seg_text = document.text[seg.start : seg.end]
            anchored = self._anchor.search(seg_text)
            names = anchored and self._names_topic(seg_text)
            if seg.heading:
                if seg.level == 1 and not out:
                    title = names
                section = names
            item = seg.item or _DEFINITION_LABEL.match(seg_text) is not None
            listed = item and (listed or recent > 0)
            topic = title or section or recent > 0 or listed
            if anchored or topic:
                out.append((seg, seg_text, topic))
            # a list run keeps the topic of its lead-in to its last item
            recent = TOPIC_SEGMENTS if names else recent if listed else max(0, recent - 1)
        return out

    def _names_topic(self, text: str) -> bool:
        """Whether ``text`` names the topic a later pronoun may stand for (without anaphora
        rules, any anchor does)."""
        if not self._topic_terms:
            return True
        return any(t.find(text) for t in self._topic_terms)

    def _pattern_spans(self, sent: object) -> dict[str, list[Span]]:
        """Token-pattern matches in one sentence (a spaCy Span), as character spans within it, by rule code.

        Each rule has its own matcher, run only when the sentence holds one of the rule's key
        words (a word every one of its patterns needs), since patterns with optional runs are
        the costliest part of matching.
        """
        from spacy.matcher import Matcher
        from spacy.tokens import Span as SpacySpan

        assert isinstance(sent, SpacySpan)
        if not self._has_patterns:
            return {}
        doc = sent.doc
        if self._matchers is None:
            self._matchers = self._build_matchers(doc.vocab)
        words = {t.lower_ for t in sent}
        spans: dict[str, list[Span]] = {}
        for code, (keys, matcher) in self._matchers.items():
            if keys is not None and keys.isdisjoint(words):
                continue
            assert isinstance(matcher, Matcher)
            for _, s, e in matcher(sent):  # token offsets within the sentence
                span = sent[s:e]
                spans.setdefault(code, []).append((span.start_char - sent.start_char, span.end_char - sent.start_char))
        return spans

    def _build_matchers(self, vocab: Any) -> dict[str, tuple[frozenset[str] | None, object]]:
        from spacy.errors import MatchPatternError
        from spacy.matcher import Matcher

        matchers: dict[str, tuple[frozenset[str] | None, object]] = {}
        for c in self._compiled:
            patterns = c.rule.match.patterns
            if not patterns:
                continue
            matcher = Matcher(vocab, validate=True)
            try:
                matcher.add(c.rule.code, patterns)
            except MatchPatternError as exc:
                detail = " ".join(str(exc).split("\n- ", 1)[-1].split())
                raise RuleError(f"rule {c.rule.code}: field 'match.patterns': {detail}") from None
            matchers[c.rule.code] = (pattern_keys(patterns), matcher)
        return matchers

    def _check_segment(
        self,
        seg: Segment,
        doc: object,
        topic: bool,
        document: Document,
        path: str,
        silenced: bool,
        next_segment: str = "",
        lead_in: str = "",
        paragraph: str = "",
    ) -> list[Finding]:
        """Findings in one segment; ``next_segment`` is the sentence that follows it (a correction
        on the next line still corrects its last sentence), ``lead_in`` the clause that opens the
        list this segment is an item of ("Oxytocin can lead to behaviours such as:")."""
        from spacy.tokens import Doc

        assert isinstance(doc, Doc)
        sents = list(doc.sents)
        seg_text = doc.text
        out: list[Finding] = []
        bare = seg.item or seg.heading or _DEFINITION_LABEL.match(seg_text) is not None
        # A short segment (a list item, a line) that looks like a bibliography entry is one
        # as a whole, even where the sentence splitter cut it after the authors.
        reference = seg.reference or (len(seg_text) <= 400 and is_reference_entry(seg_text))
        # an exception's "paragraph" scope: the text between blank lines around this segment
        paragraph = paragraph or seg_text
        last_anchor = -10
        # the item's own first sentence: the splitter may cut a number off ("1." then "Isolation")
        first = next((k for k, s in enumerate(sents) if sum(ch.isalpha() for ch in s.text) >= 2), 0)
        for i, sent in enumerate(sents):
            ss = sent.start_char
            sentence = sent.text
            anchored = self._anchor is not None and self._anchor.search(sentence)
            if anchored and self._names_topic(sentence):
                last_anchor = i
            near = topic or i - last_anchor <= TOPIC_SENTENCES  # named in the last sentences here
            if not anchored and not near:
                continue
            following = sents[i + 1].text if i + 1 < len(sents) else next_segment
            patterns = self._pattern_spans(sent)
            refers_back = near and _REFERS_BACK.search(sentence) is not None
            lead_verb = _VERB_FIRST.match(sentence)
            verb_first = lead_verb is not None and lead_verb.group(1).lower() in self._verbs
            for c in self._compiled:
                hits = c.hits(
                    sentence, patterns.get(c.rule.code, []), near, (bare and i == first) or verb_first, refers_back
                )
                if not hits and lead_in and i == first and c.claim is not None:
                    hits = _inherited(c, lead_in, sentence, following, seg)
                for hit in hits:
                    finding = self._finding(
                        c, hit, sentence, following, seg, reference, ss, paragraph, document, path, silenced
                    )
                    if finding is not None:
                        out.append(finding)
        return out

    def _finding(
        self,
        c: CompiledRule,
        hit: Hit,
        sentence: str,
        following: str,
        seg: Segment,
        reference: bool,
        sent_start: int,
        paragraph: str,
        document: Document,
        path: str,
        silenced: bool = False,
    ) -> Finding | None:
        rule = c.rule
        if c.exceptions is not None:
            scope = sentence if rule.match.exception_scope == "sentence" else paragraph
            if c.exceptions.find(scope):
                return None
        a = assess(
            sentence,
            hit.start,
            hit.end,
            next_sentence=following,
            is_reference=reference,
            is_quote=seg.quote,
            is_myth=seg.myth,
            parts=hit.parts,
        )
        silent = a.status in SILENT or a.strength < c.min_strength
        level = rule.level
        if a.status is Status.distanced:
            silent = silent or corrected(sentence, hit.end, following)
            level = Level.suggestion
        if silent and not silenced:
            return None
        view_start = seg.start + sent_start + hit.start
        view_end = seg.start + sent_start + hit.end
        matched = document.text[view_start:view_end]
        start, end = document.source_span(view_start, view_end)
        at, until = document.locate(start), document.locate(end)
        return Finding(
            code=rule.code,
            name=rule.name,
            family=rule.family,
            level=level,
            message=rule.message.format(match=" ".join(matched.split())),
            path=path,
            line=at.line,
            column=at.column,
            end_line=until.line,
            end_column=until.column,
            start=start,
            end=end,
            text=document.source[start:end],
            status=a.status,
            strength=a.strength,
            suggestion=rule.suggest[0] if rule.suggest else None,
            evidence=rule.evidence,
            sources=[self._source(ref.id, ref.says) for ref in rule.sources],
            fingerprint=f"{rule.code}:{_normalise(sentence)}:{_normalise(matched)}",
            record_id=document.record_id,
            page=at.page,
            end_page=until.page,
            section=list(document.section_at(view_start)),
            silenced=silent,
            # Only the writer's own wording is fixed: not a nickname they report or put in quotes.
            fix=safe_replacement(rule, matched, document.source, start, end) if a.status in _FIXABLE else None,
        )

    def _source(self, source_id: str, says: str | None) -> FindingSource:
        s = self.sources[source_id]
        return FindingSource(id=s.id, short=s.short, citation=s.citation, doi=s.doi, url=s.link, says=says or s.shows)


def _token_words(token: dict[str, Any]) -> set[str] | None:
    """The lower-case words a pattern token requires, or None when it can be anything."""
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith("{0"):
        return None
    for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(attr)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and set(value) == {"IN"}:
            return {str(v).lower() for v in value["IN"]}
    return None


def pattern_keys(patterns: Sequence[Sequence[dict[str, Any]]]) -> frozenset[str] | None:
    """Words of which every pattern needs at least one (its first required literal token);
    None when some pattern has no such token and must always run."""
    keys: set[str] = set()
    for pattern in patterns:
        words = next((w for w in map(_token_words, pattern) if w is not None), None)
        if words is None:
            return None
        keys |= words
    return frozenset(keys)


def sentence_spans(document: Document) -> list[Span]:
    """Every sentence of ``document`` as (start, end) source offsets, split the way the linter splits it."""
    segs = document.segments
    spans: list[Span] = []
    for seg, doc in zip(segs, pipeline().pipe(document.text[s.start : s.end] for s in segs), strict=True):
        spans += [document.source_span(seg.start + s.start_char, seg.start + s.end_char) for s in doc.sents]
    return spans


_DEFAULT: Linter | None = None


def check(text: str, path: str = "<text>") -> list[Finding]:
    """Check ``text`` with the bundled rules; the linter is built once and reused."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT.check(text, path)
