"""Whether a hit is a claim the writer makes: assertion status and claim strength.

Cues follow the NegEx / ConText idea: trigger words whose scope is the clause they
stand in, where a clause is the sentence cut at terminators ("but", "however",
"although", ";"). Everything here is plain regular expressions over one sentence, so
it is fast and needs no trained model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Status, Strength

_Q = "['’]"  # apostrophes: typewriter and typographic


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Words that end the scope of a cue.
# A dash that sets off a clause or an aside: " - ", " – ", " — ", " -- ".
_DASH_MARK = r"(?:--|[-–—])"
# An ellipsis inside a sentence ("there is another tendency…When a woman ...") ends a clause too.
TERMINATOR = _rx(
    rf";|…|\.\.\.|\s{_DASH_MARK}\s|\b(?:but|however|although|though|yet|whereas|nevertheless|nonetheless|except)\b"
)
_DASH = _rx(rf"\s{_DASH_MARK}\s")
_NEW_SUBJECT = _rx(r"(?:it|they|we|you|i|he|she|this|that|these|those|there)\b")
# A longer aside between dashes opens as a relative clause or an example: "autism - which
# affects social interaction - is ...", "- such as hugging or kissing -".
_PARENTHETICAL = _rx(
    r"\s*(?:which|who|whose|where|i\.e\.|e\.g\.|including|such\s+as|especially|particularly|notably|like|"
    r"mainly|mostly|as\s+well\s+as|along\s+with|together\s+with)\b"
)
_MAX_PARENTHETICAL_WORDS = 25
# The words of an aside between dashes: cues inside it ("- unlike SSRIs -") do not reach the
# clause around it.
_ASIDE = _rx(
    rf"(?<=\s){_DASH_MARK}\s((?:[^\s\-–—]+\s+){{0,4}}[^\s\-–—]+|{_PARENTHETICAL.pattern}[^\-–—]*?)\s{_DASH_MARK}(?=\s)"
)


def terminators(sentence: str, pos: int = 0) -> list[tuple[int, int]]:
    """Where ``sentence`` divides into clauses, from ``pos``; an aside between two dashes, short
    ("This hormone is a drug - make no mistake - and is ...") or a relative clause or example
    ("autism - which affects how people relate - is marked by ..."), divides nothing."""
    found = [m.span() for m in TERMINATOR.finditer(sentence, pos)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and _DASH.fullmatch(sentence, *a)
            and _DASH.fullmatch(sentence, *b)
            and (
                len(sentence[a[1] : b[0]].split()) <= 5
                or (
                    _PARENTHETICAL.match(sentence, a[1])
                    and len(sentence[a[1] : b[0]].split()) <= _MAX_PARENTHETICAL_WORDS
                )
            )
            and not _NEW_SUBJECT.match(sentence, b[1])  # "... - not at all - it simply reduces": a new clause
        ):
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# Phrases that look like negation but are not ("not only ... but also").
PSEUDO_NEGATION = _rx(
    rf"\b(?:not\s+only|not\s+just|not\s+merely|not\s+simply|(?:is|are|does|do)n{_Q}?t\s+(?:just|only|merely|simply)|"
    rf"why\s+not|no\s+doubt|lack(?:s|ing)?\s+(?:enough|sufficient|adequate)|lacking\s+in|"
    # "a lack of oxytocin leads to ...": a noun phrase, not a denial (a lack of evidence is one)
    rf"lack\s+of\s+(?!(?:[\w\-]+\s+){{0,2}}(?:evidence|proof|support|data|research|studies|trials|replication|"
    rf"consensus|benefit|effect))|(?:do|does|did|are|is|were|was)(?:\s+not|n{_Q}?t)\s+(?:\w+\s+)?(?:make|making|produce|"
    rf"producing|have|having|get|getting|release|releasing|secrete|secreting)\s+enough|not\s+(?:making|producing|"
    rf"getting|having|releasing)\s+enough|(?:nobody|no\s+one|none)\s+(?:\w+ly\s+)?(?:disputes?|doubts?|denies|questions?|argues\s+with)|there{_Q}?s\s+no\s+denying|there\s+is\s+no\s+denying|no\s+denying|make\s+no\s+mistake|"
    rf"without\s+(?:a\s+)?doubt|never\s+underestimate|believe\s+it\s+or\s+not|nothing\s+(?:\w+\s+){{0,2}}like|"
    rf"nothing\s+(?:\w+\s+){{0,2}}(?:better|more)\s+than|no\s+other|(?:you|we)\s+can{_Q}?t\s+argue\s+with|"
    rf"can{_Q}?t\s+(?:get|say)\s+enough|no\s+wonder|not\s+surprising(?:ly)?|"
    rf"nothing\s+short\s+of|not\s+least|no\s+question|it\s+is\s+no\s+secret|there{_Q}?s\s+no\s+secret|"
    rf"no\s+matter|not\s+to\s+mention|don{_Q}?t\s+miss|won{_Q}?t\s+regret|"
    # litotes: "not immune to the power of X" affirms X's power
    rf"(?:not|n{_Q}?t)\s+immune\s+to|no\s+stranger\s+to|not\s+for\s+nothing|not\s+by\s+(?:accident|chance)|"
    rf"(?:do|does|did)(?:\s+not|n{_Q}?t)\s+need\s+(?:a\s+|an\s+)?(?:doctor|prescription|script|physician|appointment)|"
    rf"no\s+(?:prescription|doctor|script)\s+(?:needed|required|necessary))\b"
)

# Negation that governs what follows it in the clause.
NEGATION_BEFORE = _rx(
    rf"\b(?:not|never|no|nor|neither|cannot|nobody|nothing|none|without\s+(?:any\s+)?(?:evidence|proof|support)|"
    rf"(?:ca|wo|is|are|was|were|does|do|did|has|have|had|should|would|could|must)n{_Q}?t|"
    rf"fail(?:s|ed)?\s+to|lacks?|lacking|unproven|untrue|false|myths?|misconceptions?|debunk\w*|"
    rf"rather\s+than|instead\s+of|far\s+from|unlikely|unsupported|insufficient|little\s+(?:good\s+)?evidence|"
    rf"(?:stop|quit)\s+(?:calling|saying|telling|believing|describing|claiming|buying|using)|resist\w*|"
    rf"(?:^\W*|(?:should|must|to|please|always|best\s+to|try\s+to)\s+)avoid(?:ing)?|refrain\s+from|steer\s+clear\s+of|beware\s+of|(?:be\s+)?(?:wary|careful|sceptical|skeptical)\s+of|"
    rf"(?:warn|advise|caution|counsel)(?:s|ed|ing)?\s+(?:\w+\s+)?against|"
    rf"refut\w*|disprov\w*|contrary\s+to|no\s+longer|debat(?:e|es|ed|ing|able)|unclear|unknown|uncertain|"
    rf"disputed|questionable|(?:an\s+)?open\s+question|unlike|in\s+contrast\s+to|as\s+opposed\s+to|"
    rf"it(?:{_Q}s|\s+is|\s+was|\s+would\s+be)\s+(?:a\s+)?(?:mistake|an\s+error|error|wrong|misleading|inaccurate|false|"
    rf"untrue|incorrect|unfair|simplistic|premature|too\s+simple)\s+to)\b"
)

# Negation inside a claim span: the verb itself is negated ("does not cure").
NEGATION_INSIDE = _rx(
    rf"\b(?:not|never|cannot|(?:ca|wo|is|are|was|were|does|do|did|has|have|had)n{_Q}?t|fail(?:s|ed)?\s+to|"
    rf"no\s+(?:more|better|longer)|neither|nor|none|nothing|nobody|no\s+one|unlikely|far\s+from|hardly|barely|"
    rf"rarely|scarcely|seldom|"
    rf"no\s+(?:evidence|benefit|effect|proof)|little\s+(?:evidence|benefit|effect)|unlike|in\s+contrast\s+to|"
    rf"as\s+opposed\s+to|rather\s+than|instead\s+of)\b"
)

# Negation that follows the claim: "... is a myth", "... has not been shown".
NEGATION_AFTER = _rx(
    rf"\b(?:is|are|was|were|remains?|seems?|has\s+been|have\s+been|turned\s+out\s+to\s+be|proved\s+to\s+be)\s+"
    rf"(?:(?:just|largely|mostly|simply|probably|likely|still)\s+)?(?:an?\s+)?"
    rf"(?:myth|misconception|misnomer|false|untrue|wrong|incorrect|inaccurate|unproven|unsupported|overstated|"
    rf"oversimplified|oversimplification|misleading|exaggerat\w+|debunked|unfounded|hype|unclear|uncertain|"
    rf"inconclusive|mixed|disappointing|weak|thin|limited|lacking|contested|disputed|doubtful|questionable|"
    rf"withdrawn|retracted|oversold|overhyped|overblown|overrated|"
    rf"far\s+from\s+(?:proven|established|clear|settled|certain)|not\s+(?:true|supported|"
    rf"proven|established|accurate|backed|shown|correct|the\s+case|settled))\b|"
    rf"\b(?:has|have|had)\s*(?:not|n{_Q}?t)\s+been\s+(?:shown|proven|demonstrated|established|replicated|confirmed)|"
    rf"\b(?:turns?|turned)\s+out\s+(?:not|n{_Q}?t)\s+to\s+be\b|"
    rf"\b(?:does|do|did)\s*(?:not|n{_Q}?t)\s+(?:hold\s+up|replicate|survive)|\bfailed\s+to\s+replicate|"
    rf"\blacks?\s+(?:good\s+|strong\s+)?evidence|\bis\s+not\s+supported|\bnot\s+borne\s+out|"
    rf"\b(?:did|does|do)\s*(?:not|n{_Q}?t)\s+(?:notice|see|feel|find|experience|get)\s+(?:a|an|any|much)?\s*"
    rf"(?!side\s)(?:\w+\s+)?(?:improvement|difference|change|effect|benefit)s?\b|"
    rf"\bwithout\s+(?:good\s+|strong\s+)?evidence|"
    # "... is not a magic number", "... and oxytocin spray does not."
    rf"\b(?:is|are|was|were)\s*(?:not|n{_Q}?t)\s+(?:a|an|the|some)\s+(?:magic|real|proven|reliable|set|fixed|true|"
    rf"actual|genuine|validated|recogni[sz]ed|established|thing)\b|"
    rf"\b(?:does|do|did|is|are|was|were|has|have|can|will|would)\s*(?:not|n{_Q}?t)\s*\)?\s*[.,;!]?\s*$|"
    rf"\(\s*(?:it|they|this|that|spoiler\W+it)\s+(?:does|do|is|are|did|was|will|can)\s*(?:not|n{_Q}?t)\b[^)]*\)"
)

# "depression that has not responded to ...": what follows belongs to a relative clause.
_RESTRICTIVE = _rx(r"\s(?:that|who|whom|whose)\b")
# A short retort in the next sentence denies the claim: "Spoiler: it doesn't." "Or so the ads say."
DENIED_NEXT = _rx(
    rf"^\W*(?:(?:spoiler|update|reality\s+check|plot\s+twist)\W+)?(?:it|they|this|that|he|she)\s+"
    rf"(?:does|do|is|are|did|was|were|will|can|has|have)\s*(?:not|n{_Q}?t)\b[^.!?]{{0,40}}[.!?]?\s*$|"
    rf"^\W*(?:or\s+so\s+(?:\w+\s+){{0,4}}(?:say|says|said|claim|claims|go|goes)|not\s+true|nope|wrong|false|"
    rf"(?:that{_Q}?s\s+)?(?:a\s+)?myth|said\s+no\s*(?:one|body|scientist|researcher|doctor)\b|not\s+really|"
    rf"not\s+quite|if\s+only|yeah,?\s+right|as\s+if)\b[^.!?]{{0,40}}[.!?]*\s*$"
)
# "... said no scientist ever": a joke that denies what came before.
SAID_NO_ONE = _rx(r"\bsaid\s+no\s*(?:one|body|scientist|researcher|doctor|expert)\b")

# "Myth:" or "Fact check:" at the head of a sentence negates all of it.
NEGATION_LABEL = _rx(r"^\W*(?:myth|false|fiction|misconception|debunked|not\s+true)\b\s*(?:#?\d+)?\s*[:\-–—]")

# Hedges after the hit that qualify the whole claim.
HEDGE_AFTER = _rx(
    r"\b(?:in|for)\s+some\s+(?:people|cases|studies|patients|trials|women|men|children|adults)|"
    # an adverb that opens another coordinated verb ("..., and potentially prevent X") hedges that one
    r"(?<!\band\s)(?<!\bor\s)(?<!,\s)\b(?:possibly|perhaps|maybe|potentially)|"
    r"\b(?:possibly|perhaps|maybe|potentially)\b(?=\s*(?:[.;!?)]|$))|in\s+(?:early|preliminary|small|pilot|some)\s+(?:studies|trials|research|work)|"
    r"in\s+(?:animals|rodents|mice|rats|voles|monkeys)|at\s+least\s+in\s+theory|(?:early|preliminary)\s+evidence"
    r"|according\s+to\s+(?:early|preliminary|some|a\s+few)|is\s+(?:being\s+)?(?:studied|tested|investigated)"
)
# A denial that reaches over commas: "There is no evidence, despite the hype, that X".
NEGATION_FRAME = _rx(
    rf"\b(?:(?:no|little|insufficient|scant)\s+(?:good\s+|strong\s+|reliable\s+|scientific\s+|real\s+)?"
    rf"(?:evidence|proof|data|support)|myths?\s+that|(?:untrue|false|not\s+true)\s+that|misconception\s+that|"
    rf"wrong\s+to\s+(?:say|claim|think|believe)|(?:has|have)(?:\s+not|n{_Q}?t)\s+been\s+shown|"
    rf"never\s+been\s+shown|contrary\s+to)\b"
)
# Modal hedges count before and inside the hit only ("better than any therapist could" does not hedge).
HEDGE_MODAL = _rx(r"\b(?:may|might|could)\b")
HEDGE = _rx(
    r"\b(?:possibly|perhaps|potentially|appears?\s+to|seems?\s+to|"
    r"suggests?|suggested|suggesting|preliminary|early\s+(?:studies|research|evidence|trials|findings|results)|"
    r"some\s+(?:studies|trials|research|evidence|researchers)|small\s+(?:studies|trials)|"
    r"(?:is|are|being)\s+(?:being\s+)?(?:studied|tested|investigated|explored)|under\s+(?:investigation|study)|"
    r"hypothes\w+|likely|in\s+some\s+(?:people|cases|studies)|for\s+some\s+people|tentative(?:ly)?|pilot|"
    r"exploratory|(?:is|are)\s+thought\s+to|believed\s+to|promising|in\s+theory|theoretically|"
    r"(?:has|have|had|with)\s+the\s+potential|potential\s+to|indicate[sd]?\s+that|imply\s+that|"
    r"(?:appears?|seems?)\s+(?:to|that)|plausibl\w+|conceivabl\w+|presumabl\w+|probably|"
    r"depending\s+on|depends\s+on|shows?\s+(?:some\s+)?(?:potential|promise)|potential\s+(?:in|for|as)|"
    r"(?:a|an|the|as\s+a)\s+possible|postulat\w+|theori[sz]\w+|speculat\w+|proposed\s+that|"
    # a part in something is not its cause: "is involved in generating", "plays a role in"
    r"(?:is|are|be|being|was|were)\s+involved\s+in|(?:plays?|playing|played|has|have|had|having|with)\s+(?:a|an|some|its)\s+(?:\w+\s+){0,2}role\s+in|"
    # a part of the cause, not the cause: "dictated in part by oxytocin", "partly explains"
    r"(?:it\s+is|it['’]s|it\s+was|it\s+seems|it\s+remains)\s+(?:\w+\s+)?possible\s+that|in\s+part\b(?!\s*\d)|partly|partially|one\s+of\s+(?:the\s+)?(?:many|several|a\s+number\s+of|various)\s+"
    r"(?:\w+\s+)?(?:chemicals|hormones|neurochemicals|neurotransmitters|molecules|factors|causes|systems|players|"
    r"influences|contributors)|"
    # many sources, not one: "love comes from many places", "the result of many things"
    r"(?:many|several|various|multiple|a\s+mix\s+of|a\s+range\s+of)\s+(?:different\s+)?(?:places|things|sources|factors|"
    r"causes|ingredients|influences|parts))\b"
)
# A description of research or of interest in it, not a claim: "has been studied for its
# effects on", "tested the hypothesis that X will improve Y", "interest in using oxytocin to".
STUDY_FRAME = _rx(
    r"\b(?:(?:has|have|had)\s+(?:also\s+|long\s+|widely\s+)?been\s+(?:studied|investigated|tested|explored|examined|"
    r"researched|trialled|trialed|evaluated|assessed)|studied\s+(?:for|as|in)|hypothes[ie]s|"
    r"(?:test|tests|tested|testing|assess|assessed|assessing|evaluat\w+|examin\w+|investigat\w+|determine|explore|"
    r"explores|explored|exploring|measure|measured|compare|compared)\s+"
    r"(?:whether|if|the\s+(?:efficacy|effects?|safety|role|impact|ability|capacity|potential|usefulness|"
    r"feasibility|benefits?))|"
    # a research aim, not an outcome: "a team of doctors ... set out to alleviate loneliness", "the trial aims to"
    r"(?:study|trial|research|researchers|team|scientists|investigators|paper|project|doctors|experiment)\b"
    r"[^.;]{0,80}?\b(?:set|sets)\s+out\s+to|(?:study|trial|research|researchers|team|scientists|investigators|paper|"
    r"project|experiment)\s+(?:\w+\s+)?(?:aim|aims|aimed|sought|seeks?|attempt(?:s|ed)?)\s+to|"
    r"(?:designed|intended)\s+to\s+(?:test|assess|examine|evaluate|measure|see)|potential\s+(?:effects?|therapeutic|benefits?|role|"
    r"applications?|uses?)|(?:interest|research|hopes?|enthusiasm|excitement|talk)\s+(?:in|into|about|of)\s+using)\b"
)
# How a drug is given in research, anywhere in the clause: "the ways it's being administered in studies".
STUDY_USE = _rx(
    r"\b(?:administered|given|delivered|dosed|used|tested)\s+(?:in|during|across)\s+(?:(?:the|these|those|such|"
    r"clinical|recent|some|many)\s+)?(?:studies|study|trials|trial|experiments|experiment|research)\b"
)
# A modal right after the hit is the hit's own verb: "oxytocin therapy could make it easier".
MODAL_AFTER = _rx(r"^\s*(?:(?:also|still|then|indeed|really|sometimes|potentially|possibly)\s+)?(?:may|might|could)\b")

ASSOCIATION = _rx(
    r"\b(?:associated\s+with|associations?\s+(?:between|with)|linked\s+(?:to|with)|links?\s+between|"
    r"correlat\w+|related\s+to|relationship\s+between|tied\s+to|(?<!feel\s)(?<!feels\s)(?<!feeling\s)(?<!felt\s)(?<!more\s)connected\s+(?:to|with)|"
    r"goes?\s+(?:along|hand\s+in\s+hand)\s+with|accompan\w+|predicts?|predicted|predictors?|predictive|"
    r"(?:more|less)\s+likely|(?:higher|lower|greater|increased|elevated|reduced|decreased)\s+"
    r"(?:incidence|prevalence|likelihood|rates?|risks?|odds|levels?|scores?|probability|frequency|chance)|"
    r"risk\s+factors?|markers?\s+(?:of|for)|indicators?\s+of|in\s+parallel\s+with|co-?occur\w*|"
    # a comparative correlative: "the longer the couples had been together, the farther their levels dropped"
    r"\bthe\s+(?:more|less|longer|shorter|higher|lower|greater|fewer|better|worse|older|younger)\b[^.;]{0,80}?,\s*"
    r"the\s+(?:more|less|longer|shorter|higher|lower|greater|fewer|better|worse|farther|further|stronger|weaker)\b|"
    # "patients with higher anxiety reported more pain": a comparison of groups
    r"with\s+(?:higher|lower|greater|more|less|longer|shorter|larger|smaller)\b[^.;]{0,80}?\b(?:had|has|have|showed|"
    r"show|reported|report|were|was|displayed|exhibited|experienced)\s+(?:more|less|higher|lower|greater|worse|"
    r"better|fewer|longer|shorter|larger|smaller)\b)\b"
)

BOOSTER = _rx(
    r"\b(?:proven|proved|clinically\s+(?:shown|proven|tested|validated)|scientifically\s+(?:shown|proven)|"
    r"always|guaranteed?|guarantees|definitely|certainly|undoubtedly|without\s+(?:a\s+)?doubt|established|"
    r"approved|will|every\s+time|instantly|automatically|100\s*%|cures?|cured)\b"
)

STRONG_BOOSTER = _rx(
    r"\b(?:proven|proved|clinically\s+(?:shown|proven|tested|validated)|scientifically\s+(?:shown|proven)|"
    r"guaranteed?|guarantees|approved|cures?|cured)\b"
)

CAUSAL = _rx(
    r"\b(?:cause[sd]?|causing|caus\w+|improv\w+|reduc\w+|increas\w+|decreas\w+|enhanc\w+|boost\w*|raise[sd]?|"
    r"rais\w+|lower(?:s|ed|ing)|cure[sd]?|curing|treat(?:s|ed|ing)?|prevent\w*|reliev\w+|heal(?:s|ed|ing)?|fix\w*|"
    r"restor\w+|"
    r"promot\w+|trigger\w*|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|produc\w+|induc\w+|"
    r"elevat\w+|inhibit\w*|suppress\w*|alleviat\w+|worsen\w*|benefit\w*|effective|efficacy|efficacious|"
    r"helps?|helped|helping|protect\w*|drives?|driving|makes?|made|affect(?:s|ed)?|impair\w*|attenuat\w+|"
    r"mitigat\w+|modulat\w+|regulat\w+|stimulat\w+|release[sd]?|releasing|build[s]?|creat\w+|determin\w+|"
    r"explain\w*|responsible\s+for|the\s+reason|due\s+to|because\s+of|contribut\w+\s+to|shorten\w*|"
    r"lengthen\w*|prolong\w*|accelerat\w+|slow(?:s|ed|ing)?|delay\w*|halve[sd]?|doubl\w+|alter\w*|"
    r"modif\w+|normali[sz]\w+|impact\w*|influenc\w+|chang(?:e|es|ed|ing)|eliminat\w+|eradicat\w+|"
    r"reverse[sd]?|revers\w+|exacerbat\w+|aggravat\w+|facilitat\w+|hasten\w*|extend\w*|spar(?:e|es|ed|ing))\b"
)

# "No association", "did not reduce", "failed to improve": the relation is denied.
NEGATED_RELATION = _rx(
    rf"\b(?:not|no|neither|nor|never|without|none|fail(?:s|ed)?\s+to|unable\s+to|"
    rf"(?:did|does|do|was|were|is|are|has|have|had|could|would)n{_Q}?t)\b(?:\W+\w+){{0,5}}?\W+"
    r"(?:associat|correlat|link|relat|predict|differ|effect|benefit|impact|influenc|chang|improv|reduc|increas|"
    r"decreas|alter|affect|lower|rais|prevent|caus|modif|shorten|protect|help|superior|inferior|effective|"
    r"advantage|role|contribut|shap|drive|determin|support)"
)
# "Further trials are needed to determine whether ...": a question for research, not a claim.
OPEN_QUESTION = _rx(
    r"\b(?:further|future|more|additional|larger|long-term)\s+(?:\w+\s+){0,2}?(?:research|studies|trials|work|"
    r"investigation|evidence)\b|\b(?:needed|required|warranted)\s+to\s+(?:determine|establish|clarify|confirm|"
    r"assess|examine|explore)|\bremains?\s+(?:unclear|unknown|uncertain|to\s+be\s+determined)"
)
# A trend over time is not a relationship between variables: "prescribing increased between 2005 and 2018".
TREND = _rx(
    r"\b(?:increased|decreased|rose|fell|declined|grew|dropped|doubled|halved)\s+(?:\w+ly\s+)?"
    r"(?:between|from|over|since|during|across)\s+(?:the\s+)?(?:\d{4}|\w+\s+(?:years|decades|period))"
)
_LEADING_SUBORDINATE = _rx(r"^\W*(?:although|though|while|whereas|despite|even\s+though)\b[^,]*,")
_CLAUSE_SPLIT = _rx(r";|:\s|\s[-–—]\s|,\s+(?:and|but|while|whereas|although|though|yet)\b|\b(?:but|whereas|while)\b")

DISTANCING = _rx(
    r"(?:\bso[\s\-]called|\b(?:often|sometimes|commonly|popularly|frequently|widely|affectionately|also|"
    r"colloquially|informally|loosely)\s+(?:called|known\s+as|referred\s+to\s+as|described\s+as|dubbed|"
    r"labell?ed(?:\s+as)?|termed|nicknamed)|\bnicknamed|\bdubbed|\bknown\s+as|\breferred\s+to\s+as|\baka|a\.k\.a\.?|"
    r"\blabell?ed(?:\s+as)?|\bbranded(?:\s+as)?|\btouted\s+as|\bbilled\s+as|\bmarketed\s+as|"
    r"\bthe\s+(?:term|label|nickname|phrase|moniker|name|idea\s+of|notion\s+of|concept\s+of)|"
    r"(?<!\bwe\s)(?<!\bi\s)\b(?:called|termed)|(?<!\bwe\s)(?<!\bi\s)\b(?:calls?|dubs?|dubbed|nicknamed|labell?ed|branded|named|calling|labell?ing|dubbing|"
    r"nicknaming|branding)(?:\s+[\w’'\-]+){1,2}?|"
    r"\bwhat\s+(?:some|many|people|the\s+media)\s+(?:call|calls))"
    r"(?:\s+(?:the|a|an|this|its|their|our|your))?\s*[\"“'‘]?\s*$"
)

# Inside a longer hit: "oxytocin is sometimes described as a switch".
DISTANCING_INSIDE = _rx(
    r"\b(?:so[\s\-]called|(?:often|sometimes|commonly|popularly|frequently|widely)\s+(?:called|described|referred|"
    r"known|dubbed|labell?ed|portrayed|pictured|presented|framed)|described\s+as|referred\s+to\s+as|known\s+as|"
    r"dubbed|nicknamed|touted\s+as|billed\s+as|marketed\s+as|portrayed\s+as|pictured\s+as|as\s+though|as\s+if)\b"
)
# The label is named as a label: "the trust-hormone story", "the 'cuddle chemical' picture".
DISTANCED_AFTER = _rx(
    # ... or said to be one: "Liquid trust seems to be an impossible term", "is a catchy name"
    r"^[\"”’'\s\-]*(?:(?:is|was|seems\s+to\s+be|sounds\s+like|remains)\s+(?:just\s+)?(?:a|an|the)\s+(?:[\w\-]+\s+){0,2})?"
    r"(?:story|stories|narrative|label|labels|myth|idea|tag|nickname|trope|clich[eé]|metaphor|meme|"
    r"hype|headlines?|framing|moniker|slogan|shorthand|picture|image|notion|theory|tagline|buzzword|"
    r"catchphrase|branding|marketing|term|name|phrase|expression|misnomer)\b"
)

CORRECTION = _rx(
    r"\b(?:but|however|yet|although|though|mislead\w*|oversimplif\w*|simplistic|myths?|metaphors?|misnomer|"
    r"inaccurate|not\s+accurate|not\s+quite|not\s+that\s+simple|more\s+complicated|more\s+complex|"
    r"more\s+nuanced|in\s+reality|actually|in\s+fact|overstat\w*|exaggerat\w*|whole\s+story|only\s+part|"
    r"isn['’]t|is\s+not|doesn['’]t|does\s+not|unproven|mixed|context|nickname|shorthand|catchy|"
    r"hype|misrepresent\w*|obscures?|glosses?\s+over|flatten\w*|far\s+from|leaves?\s+out|ignores?|misses|"
    r"overlooks?|neglects?|omits?|incomplete|partial|poor\s+science|oversold|overhyped|caricature|instead|"
    r"(?:not|n['’]t|never|failed\s+to)\s+(?:been\s+)?replicat\w*|no\s+(?:research|evidence|study|trial)|"
    r"unsupported|not\s+supported|rather\s+than|depends\s+on|varies|vary|poorly|disservice)\b"
)

_REPORTER = (
    r"(?:clients?|patients?|pt|he|she|they|parents?|readers?|listeners?|viewers?|followers?|researchers?|authors?|"
    r"investigators?|(?:neuro)?scientists?|experts?|the\s+study|a\s+study|the\s+paper|the\s+team|clinics?|practices?|shops?|stores?|"
    r"anyone|anybody|someone|somebody|everyone|ppl|doctors?|gp|nurses?|psychiatrists?|counsell?ors?|pharmacists?|"
    r"midwi(?:fe|ves)|ob|obgyn|physicians?|p(?:a|ae)diatricians?|psychologists?|wellness\s+\w+|therapists?|practitioners?|sites|pages|ads|"
    r"videos?|podcasts?|(?:the|a|this|that|his|her|their)\s+book|authors?|writers?|celebrities|mother|father|mom|mum|dad|partner|husband|wife|boyfriend|"
    r"girlfriend|vendors?|sellers?|company|companies|manufacturers?|brands?|websites?|site|ads?|adverts?|"
    r"advertisements?|advertising|marketers?|marketing|influencers?|people|many|some|others|someone|"
    r"headlines?|media|tabloids?|articles?|blogs?|bloggers?|posts?|users?|reviewers?|coach(?:es)?|gurus?|"
    r"proponents?|supporters?|fans?|believers?|families|teens?|teenagers?|friends?|callers?|members?|"
    r"folks|commenters?|promoters?|sales\s+(?:page|pitch)|packaging|label)"
)
_SPEECH = (
    r"(?:said|says|say|saying|told|tells|tell|reports?|reported|reporting|believes?|believed|believing|thinks?|"
    r"thought|claims?|claimed|claiming|insists?|insisted|asserts?|asserted|argues?|argued|wrote|writes|"
    r"asks?|asked|wonders?|wondered|heard|hears|read|promises?|promised|advertises?|advertised|swears?|"
    r"swore|(?:feels?|felt)\s+(?:that|like)|worr(?:y|ies|ied)|fears?|feared|assumes?|assumed|describes?|described|mentions?|"
    r"mentioned|shared|states?|stated|endorses?|endorsed|denies|denied|tout(?:s|ed)?|push(?:es|ed)?|"
    r"repeat(?:s|ed)?|sa(?:y|ys)\s+that|convinced|calls?|called|dubs?|dubbed|name[sd]?|hop(?:e|es|ed)|"
    r"expects?|expected|predicts?|predicted|anticipates?|anticipated|wish(?:es|ed)?|propose[sd]?|posit(?:s|ed)?|tweeted|posted|recommend(?:s|ed)?|"
    r"prescribe[sd]?|advise[sd]?|urge[sd]?|preach(?:es|ed)?|sells?|sold|promote[sd]?|peddle[sd]?|"
    r"impl(?:y|ies|ied)|insist|portray(?:s|ed)?|frame[sd]?|paint(?:s|ed)?)"
)
# What one study or its authors found: an attributed report of one result, not the writer's claim
# ("a 2015 study of 31 children found that ..."). A general appeal ("research shows", "studies
# have found", "researchers have found") stays the writer's own claim.
STUDY_REPORT = _rx(
    r"\b(?:he|she|they)\s+(?:also\s+)?(?:found|showed|observed|reported|demonstrated|concluded)\s+that\b|\b(?:(?:a|the|one|this|that|another|their|an)\s+(?:(?:\d{4}|new|recent|small|large|earlier|later|single|"
    r"landmark|famous|swiss|german|british|american|\w+ish|\w+an)\s+)*(?:study|trial|experiment|paper|report|analysis)|"
    r"(?:the|these|those)\s+(?:researchers|authors|investigators|scientists|team)\b|\w+\s+(?:et\s+al\b\.?|and\s+colleagues\b))"
    # an aside between commas may separate them: "The scientists, whose work appears in Science, found"
    r"(?:\s*,[^,.;]{1,100},)?(?:\s+\S+){0,8}?\s+(?:found|finds|showed|shows|demonstrated|demonstrates|observed|"
    r"revealed|reveals|tested|concluded|reported|reports|noted)\b"
)
REPORTED = _rx(
    rf"\b{_REPORTER}(?:{_Q}\w+)?\b(?:\s+\S+){{0,4}}?\s+(?<!\bwe\s)(?<!\bi\s){_SPEECH}\b|"
    rf"\baccording\s+to\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+|some\s+|many\s+)?{_REPORTER}\b|"
    r"\b(?:claiming|alleging|purporting|supposedly|allegedly|reportedly)\b|"
    r"\b(?:impl(?:y|ies|ied)|pretend(?:s|ed|ing)?|insinuat\w+)\s+that\b|"
    r"\b(?:i|we)\s+(?:(?:once|just|recently)\s+)?(?:read|heard|saw|was\s+told|were\s+told|keep\s+hearing)\b|\b(?:it|this\s+book|the\s+book|this\s+article|the\s+article)\s+(?:says|said|claims|argues|states|reads)\b|\b(?:any|the|a)\s+suggestion\s+that\b|"
    r"\bit\s+is\s+(?:often\s+|widely\s+|commonly\s+|sometimes\s+|frequently\s+|popularly\s+)?"
    r"(?:claimed|said|believed|argued|assumed|thought|suggested|reported|asserted)\b|"
    r"\bthe\s+(?:claim|idea|notion|belief|assumption|story|narrative|hype|view|promise|pitch)\s+that\b"
)
# A note records what the patient did, wants or read, not what the writer claims: "Pt bought
# oxytocin spray online; advised to stop", "Mother requests it after reading that ...".
_PATIENT = (
    r"(?:pt|pts|patient|patients|client|clients|mother|father|mom|mum|dad|parents?|partner|husband|wife|family|"
    r"he|she|they)"
)
DOCUMENTED = _rx(
    rf"^\W*(?:(?:hpi|s|subjective|history|hx)\s*:\s*)?{_PATIENT}\b(?:\s+(?:has|had|have|is|was|now|already|also|recently|"
    rf"reportedly|previously|then|just|still))*\s+(?:bought|buys|purchased|ordered|orders|obtained|got|started|tried|"
    rf"took|used|(?:been\s+)?(?:using|taking|buying|ordering)|requests?|requested|wants?(?:\s+to)?|wanted(?:\s+to)?|"
    rf"wishes\s+to|would\s+like(?:\s+to)?|plans?\s+to|planning\s+to|intends?\s+to|considering|asking\s+(?:about|for)|"
    rf"asked\s+(?:about|for)|declined|refused|stopped|brought\s+in|self-?administer\w*)\b"
)
# The setting of an experiment in the sentence: with the claim's verb in the past tense, the
# sentence reports what happened in that study ("Participants who received oxytocin transferred
# more money", "Oxytocin reduced anxiety in the women tested, compared with placebo").
STUDY_SETTING = _rx(
    r"\b(?:(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:a\s+)?placebo|placebo[\s\-](?:group|controlled|arm)|"
    r"participants?|volunteers|the\s+(?:researchers|scientists|investigators|team)|"
    r"researchers\s+(?:administered|gave|tested|recruited|asked|measured|randomi[sz]ed)|"
    r"(?:the\s+)?(?:results|findings|data)\s+(?:indicate|indicated|show|showed|revealed|suggest|suggested)|"
    r"(?:previous|earlier|prior)\s+(?:research|studies|study|work|trials?)|(?:research|studies|a\s+study|trials?)\s+using|"
    r"in\s+another\s+(?:one|study|trial|experiment)|post-?treatment|randomi[sz]ed|double-blind|baseline|"
    r"in\s+(?:the|this|that|one|a|their)\s+(?:\w+\s+){0,2}(?:study|trial|experiment|session|lab)|"
    r"the\s+(?:oxytocin|treatment|control|placebo)\s+(?:group|condition|arm)|"
    r"(?:women|men|people|patients|children|adults|students|mothers|fathers|couples)\s+(?:tested|studied|enrolled|"
    r"in\s+the\s+(?:study|trial|experiment))|(?:men|women|people|patients|children|those|adults)\s+given)\b"
)
# An appeal to research in general ("a number of studies have found", "research shows") is the
# writer's own claim even when it then describes results in the past tense.
GENERAL_APPEAL = _rx(
    r"\b(?:(?:a\s+number\s+of|many|several|numerous|multiple|various)\s+(?:studies|trials|experiments)|"
    r"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?:studies|research|science|trials|evidence|data))\s+(?:has\s+|have\s+)?"
    r"(?:found|shown|show|shows|showed|demonstrated|demonstrate|demonstrates|proven|proved|confirmed|confirm|confirms)\b"
)
_PAST = re.compile(
    r"(?:ed|made|gave|given|showed|shown|felt|took|found|led|became|grew|rose|fell|kept|brought|built|drove|won)$",
    re.IGNORECASE,
)
# A case story's account of a past treatment: "The treatment protocol involved self-administering
# the spray before social situations" (a narrative, not advice).
NARRATED_TREATMENT = _rx(
    r"\b(?:treatment|protocol|regimen|dosing|therapy|prescription)\s+(?:\w+\s+)?(?:involved|included|"
    r"consisted\s+of|required|called\s+for|meant)\b"
)
# ... or what they read or heard: "requests it after reading that oxytocin cures autism"
READ_THAT = _rx(r"\b(?:after|from|when)\s+(?:reading|hearing|being\s+told)\s+(?:\w+\s+){0,3}?that\b")
# The writer takes up someone else's claim: "as the vendor rightly says", "and she is right".
ENDORSED = _rx(
    r"\b(?:rightly|correctly|accurately|wisely)\s+(?:say|says|said|point(?:s|ed)?\s+out|note[sd]?|claim(?:s|ed)?|"
    r"insist(?:s|ed)?|argue[sd]?|told|tells)\b|\b(?:and|which)\s+(?:she|he|they|it)\s+(?:is|are|was|were)\s+"
    r"(?:right|correct|spot\s+on)\b|\bas\s+(?:\w+\s+){0,3}(?:rightly|correctly)\b"
)
# The label named as a nickname earlier in the sentence: "some gave it nick-names for its supposed
# benefits - the love drug or the moral molecule".
NICKNAME_BEFORE = _rx(r"\b(?:nick[\s\-]?names?|monikers?|epithets?|sobriquets?)\b[^.;:]{0,100}$")
# A nickname the writer endorses while naming it: "known as the love hormone, and for good reason",
# "aptly called the cuddle chemical".
ENDORSED_LABEL_AFTER = _rx(
    r"^[\"”’'\s,]*(?:[\-–—(]\s*)?(?:and\s+)?(?:(?:for|with)\s+(?:very\s+)?good\s+reason|(?:and\s+)?rightly\s+so|"
    r"for\s+a\s+(?:good\s+)?reason|not\s+without\s+reason|and\s+it\s+(?:really\s+|truly\s+)?is(?=\s*(?:[.!;]|$))|"
    r"and\s+it\s+(?:really\s+|truly\s+)?lives\s+up\s+to)\b"
)
ENDORSED_LABEL_BEFORE = _rx(
    r"\b(?:aptly|rightly|fittingly|appropriately|deservedly|accurately|correctly)\s+(?:been\s+)?(?:called|named|"
    r"nicknamed|dubbed|known\s+as|referred\s+to\s+as|described\s+as|labell?ed(?:\s+as)?|termed)\b[^.;]{0,20}$"
)
# Inside a claim frame: the claim was hoped, thought or told, not asserted.
REPORTED_INSIDE = _rx(
    r"\b(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:once\s+|long\s+|widely\s+|often\s+|"
    r"sometimes\s+|commonly\s+|popularly\s+)?(?:hoped|thought|believed|supposed|expected|assumed|claimed|said|"
    r"rumou?red|touted|marketed|promoted|advertised|billed|reported|presumed)\s+to|(?:being\s+)?told|"
    r"supposed|alleged|purported|so[\s\-]called|claimed|touted|reputed|rumou?red)\b"
)
# A named person or group as the speaker: "Zak calls oxytocin ...", "Smith et al. argued ...".
REPORTED_NAME = re.compile(
    r"\b(?!(?:Research|Researchers?|Science|Studies|Study|Evidence|Data|Experts?|Doctors?|Scientists?|Trials?|Oxytocin|It|This|"
    r"That|These|Those|The|A|An|Our|We|I|You|Often|Also|Sometimes|Now|Once|Still|Even|Many|Some|People|Who|"
    r"What|Which|Widely|Commonly|Popularly|Aptly|Rightly|Wrongly|Affectionately|Frequently|Usually)\b)(?![A-Z]\w*ly\b)[A-Z][\w’'\-]+(?:\s+et\s+al\.?|\s+[A-Z][\w’'\-]+)?\s+"
    r"(?:calls?|called|dubs?|dubbed|says?|said|argues?|argued|claims?|claimed|wrote|writes|describes?|described|"
    r"insists?|insisted|told|tells|believes?|believed|names?|named|labell?ed|branded|promoted|popularized|popularised|"
    r"reported|found|showed|observed|demonstrated|concluded)\b"
)
# A speech tag after the claim: "..., the coach insisted." "..., according to the vendor."
REPORTED_AFTER = _rx(
    r",\s*according\s+to\s+(?!our\b|my\b|us\b)|\bor\s+so\s+(?:\w+\s+){0,3}?(?:says?|said|claims?|claimed|believes?|goes?\s+the\s+\w+)\b|"
    r",[\"”’']?\s*(?!(?:research|science|studies|study|experts?|evidence|data|doctors|scientists|trials)\s)"
    r"(?:(?:the|a|an|his|her|their|my|our|one|some|many)\s+)?(?:[\w’'\-]+\s+){0,2}?"
    r"(?:say|said|says|claim|claimed|claims|insist|insisted|insists|promised|promises|argue|argued|argues|wrote|"
    r"writes|told\s+\w+|believe|believes|states|noted|notes|boasts|"
    r"tweeted|posted|asked|asks|added|adds|swore|swears|explained|explains)\s*[.!?\"”’']*\s*$"
)

CONDITIONAL = _rx(
    r"\b(?:if|whether|unless|suppose|supposing|imagine|assuming|even\s+if|what\s+if|hop(?:e|es|ed|ing)|"
    r"how\s+(?:much|far|well|often)|to\s+what\s+extent|"
    r"wish(?:es|ed)?)\b"
)
# A hypothetical: "the opposite of what an oxytocin deficiency would imply", "as low oxytocin
# would predict". The claim is what something would mean, not what is.
HYPOTHETICAL = _rx(r"\bwhat\s+(?:[\w'’\-]+\s+){0,5}?(?:would|might)\s+(?:imply|suggest|predict|mean|require|entail)\b")
# A correction in the clause that follows: "..., but none is approved", "; however, trials are mixed".
CONTRAST = _rx(r"^\W*(?:but|however|yet|although|though|whereas|nevertheless|nonetheless)\b")
STRONG_CORRECTION = _rx(
    r"\b(?:myths?|mislead\w*|oversimplif\w*|unproven|untested|unregulated|unapproved|not\s+approved|"
    r"mixed|inconclusive|disappointing|thin|weak|small|modest|tiny|unreliable|inconsistent|fragile|"
    r"hard\s+to\s+replicate|(?:has|have)\s*(?:not|n['’]t)\s+held\s+up|not\s+(?:supported|proven|established|replicated|robust)|"
    r"no\s+(?:good\s+|strong\s+|reliable\s+)?(?:evidence|proof|benefit|trial)|"
    r"none\s+of\s+(?:the|these|those)\s+(?:studies|trials|products|sprays|research)|none\s+(?:is|are|has|have)\s+(?:been\s+)?approved|"
    r"(?:has|have)\s*(?:not|n['’]t)\s+been|failed\s+to|did\s*(?:not|n['’]t)\s+(?:replicate|hold)|"
    r"little\s+evidence|not\s+the\s+whole\s+story|far\s+from|overstat\w*|exaggerat\w*)\b"
)
# A question that is really advice.
RHETORICAL = _rx(
    rf"^\W*(?:why\s+not|why\s+wait|what\s+are\s+you\s+waiting\s+for|ready\s+to|want\s+to|did\s+you\s+know|"
    rf"(?:have\s+you\s+)?ever\s+wonder(?:ed)?\s+why|who\s+knew|guess\s+what|isn{_Q}?t\s+it\s+(?:amazing|incredible)|"
    rf"would\s+it\s+surprise\s+you|(?:are|were)\s+you\s+aware\s+that)\b"
)

# A line that looks like an entry in a reference list.
# Entries in a reference list. Case matters: names and initials are capitalised.
_SURNAME = r"[A-Z][\w'’\-]+"
_APA_AUTHOR = rf"{_SURNAME},\s+(?:[A-Z]\.\s*(?:-\s*)?)+"  # Zak, P. J.
_VANCOUVER_AUTHOR = rf"{_SURNAME}\s+[A-Z]{{1,3}}\b"  # Zak PJ
_ENTRY_LEAD = r"^[\s\-*+•]*(?:\[\d+\]\s*|\d{1,3}[.)]\s+)?"
REFERENCE_START = re.compile(
    # APA: "Zak, P. J., Stanton, A. A., & Ahmadi, S. (2007)." / "Kosfeld, M., et al. (2005)."
    rf"{_ENTRY_LEAD}{_APA_AUTHOR}(?:,?\s*(?:&\s*|and\s+)?{_APA_AUTHOR})*(?:,?\s*et\s+al\.)?,?\s*\((?:19|20)\d{{2}}[a-z]?\)\.|"
    # Vancouver: "Kosfeld M, Heinrichs M, Zak PJ." / "Zak PJ."
    rf"{_ENTRY_LEAD}{_VANCOUVER_AUTHOR}(?:,\s*{_VANCOUVER_AUTHOR})*(?:,?\s*et\s+al)?\.\s|"
    # "Kosfeld et al. (2005)." / "Nave and Camerer (2015)."
    rf"{_ENTRY_LEAD}{_SURNAME}(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_SURNAME})?,?\s*\((?:19|20)\d{{2}}[a-z]?\)[.:]"
)
# Bibliographic details anywhere on a line: a DOI, PMID, "2005;435:673", "10(6):772", "2(11), e1128".
REFERENCE_DETAIL = re.compile(
    r"(?i:\bdoi(?:\.org)?\s*[:/]|\bPMID\b|\bPMC\d+)|\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+\s*\(\d+\)\s*:\s*\d+|"
    r"\b\d{1,4}\s*\(\d+\),\s*(?:e\d+|\d{1,5}\s*[-–]\s*\d{1,5})\b|;\s*(?:19|20)\d{2}\.\s*$|"
    # a link line: "Understanding Oxytocin: The Love Hormone ... - Lactamo - lactamo.com", "View Study (PubMed)"
    r"\s[-–|]\s+(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|edu|gov|io|co|uk|au|ca|info)[ \t]*(?:$|\n)|"
    r"(?im:^\W*view\s+(?:the\s+)?(?:study|source|abstract|article|paper)\b[^.!?\n]{0,240}$)|"
    # a credit that ends a short linked title: "Oxytocin Party (Via Dose Nation)"
    r"(?im:^[^.!?\n]{0,80}\(\s*via\s+[^)\n]{1,60}\)[ \t]*$)"
)


def is_reference_entry(text: str) -> bool:
    """Whether a line reads as an entry of a reference list (not prose with an inline citation)."""
    if REFERENCE_START.search(text):
        return True
    return any(not _inside_parentheses(text, m.start()) for m in REFERENCE_DETAIL.finditer(text))


def _inside_parentheses(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_OPENS_QUOTATION = re.compile(r'^\s*[“"«]')
_CLOSING_QUOTES = re.compile(r'[”"»]')


@dataclass(frozen=True)
class Assessment:
    """The assertion status and claim strength of one hit."""

    status: Status
    strength: Strength


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``: cut at the nearest terminators outside the hit."""
    left, right = 0, len(sentence)
    for m_start, m_end in terminators(sentence):
        if m_end <= start:
            left = m_end
        elif m_start >= end:
            right = m_start
            break
    return left, right


def _clean(text: str) -> str:
    """Blank out pseudo-negations, and the words of short asides between dashes, so they do
    not count as negation."""
    text = _ASIDE.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)) + m.group()[m.end(1) - m.start() :], text
    )
    return PSEUDO_NEGATION.sub(lambda m: " " * len(m.group()), text)


def _enclosing_quote(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The (open, close) positions of a quotation that contains the hit, if any."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(sentence):
        if ch in ("'", "’") and 0 < i < len(sentence) - 1 and sentence[i - 1].isalnum() and sentence[i + 1].isalnum():
            continue  # an apostrophe inside a word
        if stack and ch == _QUOTES[stack[-1][0]]:
            pairs.append((stack.pop()[1], i))
        elif ch in _QUOTES:
            stack.append((ch, i))
    for open_, close in pairs:
        if open_ < start and close >= end:
            return open_, close
    return None


def strength_of(clause: str, hit_end: int | None = None) -> Strength:
    """Strength of a clause already known to claim a causal relationship.

    Hedges count up to ``hit_end`` (the end of the hit); after it, only hedges that qualify
    the whole claim ("in some people", "in mice") do, so "..., which may explain X" or
    "better than any therapist could" does not hedge it.
    """
    text = _clean(clause)
    # "which has been studied for decades, is clinically proven to": a strong booster wins over
    # a description of research; "will" in "tested the hypothesis that X will improve Y" does not
    if STRONG_BOOSTER.search(text):
        return Strength.direct
    if STUDY_FRAME.search(text[:hit_end]) or STUDY_USE.search(text):
        return Strength.none
    if BOOSTER.search(text):
        return Strength.direct
    head = text[:hit_end]
    # an association after the hit belongs to another relation: "X relieves anxiety and helps us
    # feel connected to others"
    if ASSOCIATION.search(head):
        return Strength.correlational
    tail = "" if hit_end is None else text[hit_end:]
    if HEDGE.search(head) or HEDGE_MODAL.search(head) or HEDGE_AFTER.search(tail) or MODAL_AFTER.search(tail):
        return Strength.conditional
    return Strength.direct


def claim_strength(sentence: str) -> Strength:
    """How strongly ``sentence`` claims a relationship.

    ``none``: no relationship; ``correlational``: "is associated with", "linked to";
    ``conditional``: a hedged causal claim ("may improve"); ``direct``: a plain causal
    or efficacy claim ("improves", "is a proven treatment for").
    """
    text = _clean(sentence)
    clauses = []
    lead = _LEADING_SUBORDINATE.match(text)
    if lead:  # "Although X did not reduce Y, Z was associated with W"
        clauses.append(text[: lead.end()])
        text = text[lead.end() :]
    clauses += _CLAUSE_SPLIT.split(text)
    return max((_clause_strength(c) for c in clauses), default=Strength.none)


def _clause_strength(clause: str) -> Strength:
    if OPEN_QUESTION.search(clause) or TREND.search(clause):
        return Strength.none
    denied = NEGATED_RELATION.search(clause)
    if denied:
        # "X reduced mortality without increasing harm": judge what comes before the denial.
        clause = clause[: denied.start()]
        if not (CAUSAL.search(clause) or ASSOCIATION.search(clause)):
            return Strength.none
    if ASSOCIATION.search(clause):
        return Strength.correlational
    if not CAUSAL.search(clause) and not BOOSTER.search(clause):
        return Strength.none
    return strength_of(clause)


# What may come before a subject that opens its clause: "The", "And these", "The increased
# levels of" (this hormone).
_SUBJECT_LEAD = _rx(
    r"[\W_]*(?:(?:and|but|so|the|this|these|those|a|an|such|your|our|their)\s+)*"
    r"(?:(?:increased|higher|high|elevated|raised|greater|boosted)\s+(?:levels?|amounts?)\s+of\s+)?"
)


def assess(
    sentence: str,
    start: int,
    end: int,
    *,
    next_sentence: str = "",
    is_reference: bool = False,
    is_quote: bool = False,
    is_myth: bool = False,
    parts: Sequence[tuple[int, int]] = (),
) -> Assessment:
    """Assess the hit ``sentence[start:end]``.

    ``parts`` are the spans of a claim frame's subject, predicate and object: the words
    between them may negate the claim ("oxytocin does not cure autism"), the terms
    themselves do not. ``is_reference`` says the sentence sits in a reference list,
    ``is_quote`` that it sits in a block quotation (someone else's words), ``is_myth`` that it
    sits under a "Myths" heading.
    """
    cs, ce = clause_bounds(sentence, start, end)
    clause = sentence[cs:ce]
    cleaned = _clean(sentence)  # pseudo-negations blanked across the hit's edges ("lack | enough")
    before = cleaned[cs:start]
    before = before[before.rfind(": ") + 1 :]  # "You can't argue with science: X" - a colon ends a cue's reach
    inside = sentence[start:end]
    for a, b in parts:
        inside = inside[: a - start] + " " * (b - a) + inside[b - start :]
    inside = _clean(inside)
    after = sentence[end:ce]
    rest = sentence[ce:]
    # the subject that opens the clause is not a cue: "The increased levels of this hormone
    # enhance trust" is not association wording ("mothers with higher levels ... reported more"
    # and "the longer ..., the more oxytocin" stay comparisons)
    judged = clause
    if parts:
        a, b = max(parts[0][0], cs) - cs, min(parts[0][1], ce) - cs
        if 0 <= a < b and _SUBJECT_LEAD.fullmatch(clause[:a]):
            judged = " " * b + clause[b:]
    strength = strength_of(judged, end - cs)
    near = before[before.rfind(",") + 1 :]  # a negation's reach ends at a comma

    def result(status: Status) -> Assessment:
        return Assessment(status, strength)

    if is_reference or is_reference_entry(sentence) or _work_title(sentence, start, end) or _in_url(sentence, start):
        return result(Status.reference)
    if sentence.rstrip(" \t\n\"'”’)*_(").endswith("?") and not RHETORICAL.search(sentence):
        return result(Status.question)
    # A claim frame whose object sits in an if-clause ("If he seems distant, low oxytocin is the
    # culprit") is conditional only when its verb is in the if-clause too.
    verb = parts[1][0] if parts else start
    lead = cleaned[cs : max(start, verb)]
    lead = lead[lead.rfind(": ") + 1 :]
    cond = max(CONDITIONAL.finditer(lead), key=lambda m: m.start(), default=None)
    regardless = cond is not None and cond.group().lower() == "whether" and re.search(r"\bor\b", lead[cond.end() :])
    if cond is not None and not regardless and not re.search(r",|\bthen\b|…|\.\.\.", lead[cond.end() :]):
        return result(Status.conditional)
    if any(m.start() <= start and end <= m.end() + 40 for m in HYPOTHETICAL.finditer(sentence)):
        return result(Status.conditional)
    if (
        is_myth
        or SAID_NO_ONE.search(sentence[end:])
        or (len(next_sentence.split()) <= 8 and DENIED_NEXT.search(next_sentence))
        or NEGATION_LABEL.search(sentence[:start])
        or NEGATION_BEFORE.search(near)
        or NEGATION_FRAME.search(before)
        or (parts and NEGATION_INSIDE.search(_clean(_verb_gap(sentence, parts))))
        or NEGATION_AFTER.search(_RESTRICTIVE.split(after, 1)[0])
        or (CONTRAST.search(rest) and STRONG_CORRECTION.search(rest))
    ):
        return result(Status.negated)
    quote = _enclosing_quote(sentence, start, end)
    if quote is None and len(parts) >= 2:
        # the claim's verb inside someone's quoted words: 'the company said its spray "melts away
        # loneliness in minutes"'
        quote = _enclosing_quote(sentence, parts[1][0], parts[1][1])
        double = quote is not None and sentence[quote[0]] in '"“«'  # not "parents' ... kids'"
        if quote is not None and double and len(sentence[quote[0] + 1 : quote[1]].split()) > 3:
            return result(Status.reported)
        quote = None
    if quote is None and _OPENS_QUOTATION.match(sentence) and not _CLOSING_QUOTES.search(sentence[1:]):
        return result(Status.reported)  # a quotation that runs on from here into later sentences
    scare = quote is not None and not parts and len(sentence[quote[0] + 1 : quote[1]].split()) <= 4
    if quote is not None and not scare:
        return result(Status.reported)
    # "as the vendor rightly says"; "scientists have aptly named it the love hormone"
    endorsed_label = ENDORSED_LABEL_AFTER.search(sentence[end:]) or ENDORSED_LABEL_BEFORE.search(sentence[:start])
    endorsed = ENDORSED.search(sentence) is not None or endorsed_label is not None
    if not endorsed and (
        is_quote
        or REPORTED.search(before)
        or STUDY_REPORT.search(before)
        or _documented(sentence, cs, start, end, parts)
        or REPORTED_NAME.search(sentence[cs:start])
        or REPORTED_AFTER.search(sentence[end:])
        or (parts and REPORTED_INSIDE.search(inside))
        or _study_result(sentence, parts)
    ):
        return result(Status.reported)
    # quotation marks on the claim's own words, not in the gap between a frame's parts; and
    # apostrophes ("It’s", "oxytocin’s") are not quotation marks
    inner = _APOSTROPHE.sub("", " ".join(sentence[a:b] for a, b in parts) if parts else sentence[start:end])
    quoted_word = any(ch in '"“”‘’' for ch in inner) or any(
        sentence[max(0, a - 1) : a] in ('"', "“", "‘") for a, _ in (parts or [(start, end)])
    )
    # "a chemical called oxytocin that produces ...": naming the hormone is not distancing a label
    named = sentence[start : start + 8].lower() == "oxytocin" and not re.search(
        r"so[\s\-]called\s*$", sentence[:start], re.IGNORECASE
    )
    if not endorsed_label and (
        scare
        or quoted_word
        or (not named and DISTANCING.search(sentence[max(0, start - 60) : start]))
        or (not named and NICKNAME_BEFORE.search(sentence[max(0, start - 120) : start]))
        or DISTANCING_INSIDE.search(inside)
        or DISTANCED_AFTER.search(sentence[end:])
    ):
        return result(Status.distanced)
    if strength < Strength.direct:
        return result(Status.hedged)
    return result(Status.asserted)


# A book, film or talk named by its title: "cover image The Moral Molecule:", "Zak's book The
# Moral Molecule". (A heading of the page itself is the writer's own claim.)
_WORK_BEFORE = _rx(
    r"\b(?:book|books|cover|cover\s+image|titled|entitled|author\s+of|bestseller|best-seller|bestselling|novel|film|"
    r"documentary|memoir|podcast|episode|chapter|lecture|talk|ted\s+talk|article|post|piece|paper|headline)"
    r"[^\w\s]*\s*(?:(?:the|a|an|his|her|their)\s+)?[\"“‘']?\s*$"
)

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _in_url(sentence: str, start: int) -> bool:
    """Whether the hit starts inside a web address ("https://.../can-oxytocin-help-against-loneliness")."""
    return any(m.start() <= start < m.end() for m in _URL.finditer(sentence))


def _work_title(sentence: str, start: int, end: int) -> bool:
    """Whether the hit, written in title case, is (part of) the title of a work."""
    words = sentence[start:end].split()
    if not words or not all(w[:1].isupper() or w.lower() in ("of", "the", "a", "an", "and") for w in words):
        return False
    lead = re.sub(r"(?:\bthe\s*)?$", "", sentence[:start], flags=re.IGNORECASE)  # the title's own "The"
    if _WORK_BEFORE.search(lead):
        return True
    # inside a quoted title: 'an article titled “Oxytocin: The Love Hormone”'
    opening = max(lead.rfind("“"), lead.rfind('"'))
    return (
        opening >= 0
        and not _CLOSING_QUOTES.search(lead[opening + 1 :])
        and bool(_WORK_BEFORE.search(lead[: opening + 1]))
    )


def _study_result(sentence: str, parts: Sequence[tuple[int, int]]) -> bool:
    """A past-tense result in the setting of an experiment, not a general claim; a strong booster
    ("cured autism") still makes it one."""
    return (
        len(parts) >= 2
        and _PAST.search(sentence[parts[1][0] : parts[1][1]]) is not None
        and STUDY_SETTING.search(sentence) is not None
        and not STRONG_BOOSTER.search(sentence)
        and not GENERAL_APPEAL.search(sentence)
    )


def _documented(sentence: str, cs: int, start: int, end: int, parts: Sequence[tuple[int, int]]) -> bool:
    """A note's record of what the patient did or wants ("Pt bought oxytocin spray online"), or
    read. When the recorded act only names the thing and the claim has a verb of its own after
    it ("She started the spray and it cured her anxiety"), the claim is still made."""
    if READ_THAT.search(sentence[cs:start]) or NARRATED_TREATMENT.search(sentence[cs:start]):
        return True
    act = DOCUMENTED.search(sentence[cs:end])
    if act is None:
        return False
    # the act's object is the claim's subject and the claim's own verb follows: still a claim
    own_verb = len(parts) >= 2 and parts[0][1] <= parts[1][0] and cs + act.end() <= parts[0][0]
    return not own_verb


def _verb_gap(sentence: str, parts: Sequence[tuple[int, int]]) -> str:
    """The words that can negate a claim frame's verb: between subject and predicate, and just
    before a subject that comes after them ("CBT treats anxiety, unlike oxytocin"). Words
    between predicate and object describe the object ("is why they can't trust").
    ``parts`` are in role order: subject, predicate, object."""
    if len(parts) < 3:
        return ""
    (s0, s1), (p0, p1), (o0, o1) = parts[0], parts[1], parts[2]
    gaps = [sentence[min(s1, p1) : max(s0, p0)]] if (s0, s1) != (p0, p1) else []
    ends_before = [b for a, b in parts[1:] if b <= s0]
    if ends_before:
        gaps.append(sentence[max(ends_before) : s0])
    between = sentence[min(p1, o1) : max(p0, o0)]
    if _NO_QUANTIFIER.search(between):  # "improved nothing in", "helped none of", "there is no pill for"
        gaps.append("none")
    else:  # "alone does not explain why" negates; "is why they cannot trust" describes the object
        cleaned = _clean(between)  # an aside between dashes is neither a negation nor a new clause
        neg = NEGATION_INSIDE.search(cleaned)
        if neg and not _NEW_CLAUSE.search(cleaned[: neg.start()]):
            gaps.append(between)
    return " ".join(gaps)


_NO_QUANTIFIER = _rx(r"\b(?:nothing|none|nobody|no\s+one|no)\b")
_NEW_CLAUSE = _rx(r"\b(?:why|that|who|which|because|so|when|if|they|he|she|you|we|i|people|it)\b")


def corrected(sentence: str, end: int, next_sentence: str) -> bool:
    """Whether a correction follows the hit in the same or the next sentence."""
    return bool(CORRECTION.search(sentence[end:]) or CORRECTION.search(next_sentence))
