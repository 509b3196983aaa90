"""The data claimcheck passes around: rules, sources and findings.

Every model is frozen and forbids unknown fields, so a typo in a rule file fails at
load time instead of silently doing nothing.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator


class _OrderedEnum(str, Enum):
    """A string enum whose members compare in declaration order, not alphabetically.

    All four comparisons are defined here: ``str`` already has them, so
    ``functools.total_ordering`` would keep the alphabetical ones.
    """

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    def _rank_of(self, other: object) -> int:
        if not isinstance(other, type(self)):
            raise TypeError(f"cannot compare {type(self).__name__} with {type(other).__name__}")
        return other.rank

    def __lt__(self, other: object) -> bool:
        return self.rank < self._rank_of(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= self._rank_of(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > self._rank_of(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= self._rank_of(other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __str__(self) -> str:
        return str(self.value)


class Level(_OrderedEnum):
    """How loud a finding is: suggestion < warning < error."""

    suggestion = "suggestion"
    warning = "warning"
    error = "error"


class Strength(_OrderedEnum):
    """How strongly a sentence claims a relationship: none < correlational < conditional < direct."""

    none = "none"
    correlational = "correlational"
    conditional = "conditional"
    direct = "direct"


class Status(str, Enum):
    """Assertion status of a hit: whether the writer states the claim."""

    asserted = "asserted"
    negated = "negated"
    hedged = "hedged"
    distanced = "distanced"
    reported = "reported"
    question = "question"
    conditional = "conditional"
    reference = "reference"

    def __str__(self) -> str:
        return str(self.value)


class Evidence(str, Enum):
    """What the cited sources say of the claim a rule flags."""

    contested = "contested"  # evidence mixed or disputed
    unsupported = "unsupported"  # no good evidence for it
    refuted = "refuted"  # good evidence against it
    misleading = "misleading"  # a metaphor or simplification presented as fact
    unsafe = "unsafe"  # advice that risks harm

    def __str__(self) -> str:
        return str(self.value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}[0-9]{3}$")]
KebabName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Term = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
TermList = Annotated[list[Term], Field(min_length=1)]

# Token attributes a rule may use in spaCy token patterns. Without a trained model there
# is no POS, TAG, DEP or LEMMA, so patterns that ask for them could never match.
TOKEN_ATTRS = frozenset(
    {
        "ORTH",
        "TEXT",
        "LOWER",
        "NORM",
        "LENGTH",
        "SHAPE",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_SENT_START",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "OP",
    }
)


class Claim(_Strict):
    """A claim frame: subject, predicate and object inside one clause."""

    subject: TermList
    predicate: TermList
    object: TermList
    min_strength: Strength = Strength.direct
    # Words inside these phrases are not parts of the claim: "love" in "love hormone".
    exclude: list[Term] = []


class Match(_Strict):
    """How a rule finds candidate spans. At least one match kind is required."""

    phrases: list[Term] | None = None
    patterns: list[list[dict[str, Any]]] | None = None
    claim: Claim | None = None
    fuzzy: Annotated[int, Field(ge=70, le=100)] | None = None
    requires: list[Term] | None = None
    exceptions: list[Term] = []
    exception_scope: Literal["sentence", "paragraph"] = "sentence"
    min_strength: Strength = Strength.none
    # Where the anchor (requires, else the claim subject) occurred just before (the last few
    # sentences, or the section's heading), "it" / "the spray" may stand for the subject, and a
    # list item or heading may leave the subject out ("- Eases social anxiety").
    anaphora: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> Match:
        kinds = [k for k in ("phrases", "patterns", "claim") if getattr(self, k)]
        if not kinds:
            raise ValueError("needs at least one of 'phrases', 'patterns' or 'claim'")
        if self.patterns and not self.requires:
            raise ValueError("'patterns' needs 'requires': the words that must occur for it to run")
        return self

    @field_validator("patterns")
    @classmethod
    def _known_token_attrs(cls, patterns: list[list[dict[str, Any]]] | None) -> Any:
        for i, pattern in enumerate(patterns or []):
            if not pattern:
                raise ValueError(f"pattern {i} is empty")
            for token in pattern:
                unknown = sorted(set(token) - TOKEN_ATTRS)
                if unknown:
                    raise ValueError(
                        f"pattern {i} uses {', '.join(unknown)}; allowed: {', '.join(sorted(TOKEN_ATTRS))}"
                    )
        return patterns


class Fix(_Strict):
    """Replacements for exact matched wordings: ``love hormone`` -> ``hormone involved in social
    bonding``. Applied by ``--fix`` only when ``safe`` (the replacement reads right wherever the
    wording can stand, and the rule no longer fires on the fixed text)."""

    safe: bool = False
    replace: Annotated[dict[Term, Term], Field(min_length=1)]

    @field_validator("replace")
    @classmethod
    def _normalised_keys(cls, replace: dict[str, str]) -> dict[str, str]:
        for key in replace:
            if key != normalise_wording(key):
                raise ValueError(
                    f"key {key!r} must be written as {normalise_wording(key)!r} (lower case, single spaces)"
                )
        return replace


def normalise_wording(text: str) -> str:
    """A matched wording as fix keys are written: lower case, hyphens as spaces, single spaces."""
    return " ".join(text.lower().replace("-", " ").split())


class SourceRef(_Strict):
    """A rule's citation of one evidence source, with what it says of this claim."""

    id: KebabName
    says: str | None = None


SPAN_RE = re.compile(r"\[\[(.+?)\]\]")


class Examples(_Strict):
    """Text the rule must flag (with the span in [[...]]) and text it must leave alone."""

    flag: Annotated[list[str], Field(min_length=3)]
    # "pass" is a Python keyword, so the field is read from the YAML key "pass".
    pass_: Annotated[list[str], Field(min_length=3, alias="pass")]
    todo_flag: list[str] = []
    todo_pass: list[str] = []

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("flag", "todo_flag")
    @classmethod
    def _one_span(cls, texts: list[str]) -> list[str]:
        for text in texts:
            if len(SPAN_RE.findall(text)) != 1:
                raise ValueError(f"flag example must mark exactly one span with [[...]]: {text!r}")
        return texts


class Rule(_Strict):
    """One rule, loaded from one YAML file whose stem is its code."""

    code: Code
    name: KebabName
    family: KebabName
    level: Level
    status: Literal["preview", "stable", "deprecated"] = "stable"
    summary: Annotated[str, StringConstraints(min_length=10)]
    why: Annotated[str, StringConstraints(min_length=10)]
    evidence: Evidence
    message: Annotated[str, StringConstraints(min_length=5)]
    suggest: list[str] = []
    fix: Fix | None = None
    match: Match
    sources: Annotated[list[SourceRef], Field(min_length=1)]
    examples: Examples

    @field_validator("message")
    @classmethod
    def _template(cls, message: str) -> str:
        try:
            message.format(match="x")
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            raise ValueError("the only placeholder allowed is {match}") from None
        return message


class Source(_Strict):
    """One evidence source from corpus/sources.yaml."""

    id: KebabName
    short: str
    citation: str
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    unverified: list[str] = []
    note: str | None = None
    shows: str

    @property
    def link(self) -> str | None:
        """The best link for a reader: the DOI resolver, else the URL."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url


class FindingSource(_Strict):
    """A source as reported with a finding."""

    id: str
    short: str
    citation: str
    doi: str | None
    url: str | None
    says: str


class Finding(_Strict):
    """One warning: where the text claims more than the evidence supports.

    Lines and columns are 1-based and counted in characters; ``end_column`` points just
    past the last character. For text formats (plain text, Markdown, HTML) they point into
    the file; for Word documents the line is the paragraph number; for PDF it is the line
    on ``page``; for records (JSON Lines, CSV) it is the line inside the record's text,
    and ``record_id`` names the record. ``start`` and ``end`` are character offsets into
    that same text, and ``text`` is exactly what lies between them (markup included).
    ``section`` is the path of headings above the finding, outermost first.
    """

    code: str
    name: str
    family: str
    level: Level
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    status: Status
    strength: Strength
    suggestion: str | None
    evidence: Evidence
    sources: list[FindingSource]
    fingerprint: str
    record_id: str | None = None
    page: int | None = None
    end_page: int | None = None  # PDF: the page ``end_line`` is on (a finding may cross a page break)
    section: list[str] = []
    # Only when silenced hits were asked for (Linter.check(..., silenced=True)): the context
    # judged this hit not to be the writer's claim; ``status`` says why.
    silenced: bool = False
    # A suppression comment in the document covers this finding (shown with --show-suppressed).
    suppressed: bool = False
    suppression_reason: str | None = None
    # The rule's safe replacement for ``text``, applied by ``--fix`` (None: no safe fix here).
    fix: str | None = None


class Notice(_Strict):
    """A problem with the document's own claimcheck comments (an unknown rule code in a
    suppression, a suppression without a reason where one is required)."""

    path: str
    line: int
    column: int
    message: str
    record_id: str | None = None
