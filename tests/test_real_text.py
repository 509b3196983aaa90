"""Failure classes found on real public writing (corpus/web, dev split) and in clinical notes.

Each case is in our own words but keeps the structure of the real text that failed: a study
described rather than a claim made, one study's result attributed to it, a quotation that runs
on across sentences, a book named by its title, a note recording what a patient did, an
obstetric order, a claim stated with "can" behind an appeal to research.
"""

from __future__ import annotations

import pytest

from claimcheck import Linter
from claimcheck.models import Level


def _flagged(linter: Linter, text: str) -> list[str]:
    return [f.code for f in linter.check(text) if f.level >= Level.warning]


@pytest.mark.parametrize(
    "text",
    [
        # research described, not a finding claimed
        "The peptide has been studied for its possible effects on easing social anxiety and improving empathy.",
        "Oxytocin has also been investigated as a therapy for autism, social anxiety disorder and depression.",
        "The trial tested the hypothesis that eight weeks of intranasal oxytocin will improve social cognition"
        " in people with schizophrenia.",
        "What does this mean for the interest in using oxytocin to help people with autism or social anxiety?",
        # one study's result, attributed to that study
        "A 2014 study found that a single intranasal dose of oxytocin increases compassion toward strangers.",
        "One small trial even showed that oxytocin eases anxiety when couples are apart.",
        # a quotation that opens here and closes in a later sentence
        "\u201cIn our sample, oxytocin administration increased trust and warmth. We did not expect it,\u201d"
        " the author said.",
        # a book named by its title
        "In his book The Moral Molecule, the economist argues that one hormone makes us good.",
        "cover image The Moral Molecule:",
        # the hedge is the hit's own verb, after it
        "Oxytocin therapy could make it easier for lonely people to reach out.",
        "Depending on the setting, the hormone can make you feel more loving or more wary.",
        # notes: documentation of the patient's acts and wishes, obstetric orders
        "Patient bought oxytocin spray online; advised to stop.",
        "Pt wants to try oxytocin spray for social anxiety; discussed lack of evidence.",
        "Mother requests oxytocin treatment after reading that oxytocin cures autism.",
        "Continue oxytocin therapy at 4 mU/min; titrate per protocol.",
        "Start oxytocin per protocol at 2 mU/min and increase every 30 minutes.",
        "It has been suggested that the oxytocin system works differently in Prader-Willi syndrome.",
        "Patients with Prader-Willi syndrome may have low oxytocin.",
        # the claim's verb inside someone else's quoted words
        'A spokesperson for the shop, which sells an oxytocin spray online, said the spray "melts away loneliness'
        ' in minutes".',
        # speculation, a part rather than a cause, a possibility
        "It is postulated that oxytocin release during sex becomes conditioned and underlies pair bonding.",
        "Vasopressin, like oxytocin, is involved in generating feelings of attachment and love.",
        "Other work points to oxytocin as a possible weapon against depression.",
        # the title of an article quoted; a book speaking ("it says")
        "The figure comes from a 2023 article titled \u201cOxytocin: The Love Hormone.\u201d",
        "Oxytocin builds bonds. It says trust is hard to create and easy to break.",
        # obstetric pharmacology
        "Oxytocin increases the sodium permeability of uterine myofibrils, stimulating contraction for labor.",
        # a predicate far before the subject belongs to another clause
        "This matters because that relationship is so essential for development and can also change an infant's"
        " oxytocin level.",
        # a researcher's own finding, told in the third person
        "In his own research, he found that treating stressed rats with oxytocin reduced their anxiety.",
        # a nickname talked about as a term
        "Liquid trust seems to be an impossible term for a hormone.",
        # promise and potential are hedges; a question with something after its mark
        "Intranasal oxytocin shows promise for reducing symptoms of anxiety and PTSD.",
        "Oxytocin shows potential in treating conditions like anxiety and autism.",
        "The oxytocin cure: will oxytocin cure shyness and autism? (",
        # a group named as a setting is not whom a behaviour is explained for; childbirth
        "In men, oxytocin supports ejaculation, which is why a deficiency can lead to a lack of ejaculation.",
        "Oxytocin prepares the body for childbirth, stimulates milk production and creates a deep bond between"
        " mum and babe.",
        # a verb two dozen words after "oxytocin" belongs to another subject; "end" the noun
        "While this is the first case documented about oxytocin's effects on sexual function, the magazine reports"
        " that one researcher says in all his work with the hormone a quarter of the men who took part"
        " bought a spray online.",
        "Oxytocin bonds lovers. It is the number one rule of cutting ties at the end of a relationship.",
        # physiology, topic headings, trials described
        "Oxytocin lowers stress-hormone levels and blood pressure.",
        "How Oxytocin Nasal Sprays Work",
        "The trial assessed the efficacy of oxytocin in improving social function in autistic children.",
        "Some research suggests some benefit to oxytocin therapy.",
        # a part of the cause, an established role in maternal care, a lack of evidence
        "Our urge to feel connected is dictated in part by oxytocin.",
        "Oxytocin is crucial for maternal bonding in sheep.",
        "The lack of evidence that oxytocin increases trust surprised the team.",
        # "bonding" is a noun here, not the verb of a claim
        "I began reading about bonding, attachment and oxytocin last year.",
        # a comparison of levels is not an effect
        "Studies show that plasma levels of oxytocin are lower in patients with depression.",
        # a plural noun that opens a sentence is its subject, not a verb with the subject left out
        "Oxytocin nasal spray is popular.\nPeptides have a hard time crossing the blood-brain barrier.",
        "Oxytocin rises with warmth. This practice involves cultivating feelings of kindness toward others.",
        # one of many causes is not the cause; a near-miss of a phrase must be a near miss word by word
        "Oxytocin is one of many chemicals in the brain that can make us feel content and connected.",
        "The association of oxytocin with major depression: the role of antidepressants",
        # how a drug is given in research
        "We look at how the different ways oxytocin is being administered in studies work.",
        # the thing stimulated is oxytocin's production; the behaviours do the nurturing
        "Leaders can learn behaviours that stimulate oxytocin production and nurture a culture of trust.",
        # a noun phrase that names another hormone; a hypothetical
        "Oxytocin matters. The stress hormone cortisol is responsible for bonding too, some say.",
        "Autistic people often trust readily, the opposite of what an oxytocin deficiency would imply.",
        # a trial's aim or the ability it examines; an aim set out; a case story's past treatment
        "The trial will examine the ability of oxytocin combined with exposure therapy to reduce PTSD symptoms.",
        "A team of doctors, armed with oxytocin sprays, set out to relieve loneliness in distressed patients.",
        "Her treatment plan involved self-administering the spray before social situations such as dates.",
        # a comparative correlative about groups; "use" as a noun
        "The longer couples had been together, the farther their oxytocin levels dropped.",
        "date 2019-02 A review finds that the oxytocin system is changed by opioid use.",
        # a past-tense result in the setting of an experiment reports that study
        "Participants who received oxytocin transferred more money to strangers.",
        "Oxytocin reduced anxiety in the women tested, compared with placebo.",
        "The researchers gave 40 men a nasal spray of oxytocin, which increased their trust in strangers.",
        # earlier research described with its method; researchers who administered the drug
        "Previous research using a nasal spray of oxytocin found that it increased empathy scores in autism.",
        "In another one, researchers administered oxytocin by nasal spray and found that this increased trust.",
        # "it is possible that"; a link line that ends in a site's domain; an outcome that did not come
        "It is possible that oxytocin producing cells make different connections in humans.",
        "- Oxytocin: The Love Hormone and its Role in Birth - Example Clinic - exampleclinic.com",
        "After ordering some oxytocin online and using it daily, the author did not notice any improvement.",
        # a pronoun's object comes after its verb; a compound's verb takes only its own object
        "People feel hurt when a partner falls asleep straight after sex; it makes them feel used.",
        "With stress and anxiety so common in ADHD, oxytocin\u2019s stress-reducing properties may matter.",
        # a verb whose object holds oxytocin ("developed an account of oxytocin as ...")
        "A Swedish physiologist developed an influential account of oxytocin as the chemistry of connection.",
        # a link line whose domain ends the line, with more text on the next line
        "- Oxytocin: The Love Hormone Explained - Example - example.com\nSome content may contain errors.",
        # "aka" is "also known as": a distanced nickname
        "Oxytocin, aka the love hormone, is made in the brain.",
        # a research team's prediction; a denial after the claim; the subject after verb and object
        "The investigators predict that oxytocin will improve social cooperation in social anxiety disorder.",
        "Oxytocin, love drug, turns out not to be",
        "Better research practices can help establish trust in oxytocin research.",
        "Results indicate a reduced state of loneliness after the oxytocin session.",
        # ... but not one that explains or introduces ("This is why", "This study")
        "Oxytocin rises in new parents. This is why researchers study bonding in the first weeks.",
        # an improvement reported for a practice is not a promised chemical fix
        "Practising yoga has been shown to increase oxytocin levels, reduce stress and improve well-being.",
        # a linked title with its credit
        "Take oxytocin before a party (Via Example News)",
        # a web address is not prose
        "Read more: https://example.org/news/can-oxytocin-help-against-loneliness",
        # an expletive "it" after oxytocin was named
        "Oxytocin matters. It is not surprising that much work has gone into the mechanisms that underlie bonding.",
    ],
)
def test_real_text_descriptions_reports_and_documentation_pass(linter: Linter, text: str) -> None:
    assert _flagged(linter, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "can" behind a general appeal to research is an efficacy claim
        ("Research shows that oxytocin can reduce social anxiety within an hour.", "OXT202"),
        ("Studies have found that oxytocin nasal spray can relieve the symptoms of PTSD.", "OXT203"),
        # a general appeal to researchers is the writer's own claim, unlike one attributed study
        ("Researchers have found that oxytocin increases trust between strangers.", "OXT301"),
        # efficacy wording that is not "treat" or "cure"
        ("Oxytocin spray is a popular choice for people with social anxiety.", "OXT202"),
        # a patient-education line in the clinician's own voice is still a claim
        ("Explained that oxytocin spray can reduce his social anxiety before meetings.", "OXT202"),
        # treatment claims without "treat": trials with positive outcomes, a solution for
        ("Several trials of oxytocin in autism had positive outcomes.", "OXT201"),
        ("Oxytocin spray is an accessible solution for social anxiety.", "OXT202"),
        # seller claims
        ("Daily use of the spray builds up steady oxytocin levels.", "OXT604"),
        # timing advice on a dosing page; a definition line's label is not part of its claim
        ("Oxytocin acetate guide. Take about 30-45 minutes before social situations.", "OXT602"),
        ("Physical intimacy: Sex and physical affection keep oxytocin (and bonding) strong.", "OXT702"),
        # a rhetorical question asserts; sex as touch; a forceful effect; a decline that strains
        (
            "Would it surprise you to learn that hugs release oxytocin, which builds trust between partners?",
            "OXT702",
        ),
        ("Oxytocin is released as a result of sex, triggering feelings of wellbeing and attachment.", "OXT702"),
        ("Oxytocin has a profound effect on pro-social behaviours like trust and generosity.", "OXT301"),
        ("This decline in oxytocin can put stress on your relationships.", "OXT501"),
        ("Administering oxytocin intranasally bypasses the blood-brain barrier.", "OXT404"),
        ("Oxytocin is a drug. It\u2019s what makes you drive past their house ten times in one night.", "OXT504"),
        # touch chains, a product's dose, adjectives on an anaphor, "feel less" reductions
        ("Touch and warmth stimulate oxytocin, which helps in reducing fear and isolation.", "OXT702"),
        ("The recommended dosage of oxytocin is typically 5-20 IU per day.", "OXT602"),
        ("Oxytocin is made in the brain. This important hormone is responsible for bonding and pleasure.", "OXT403"),
        ("People with low oxytocin feel less connected than those who make enough.", "OXT501"),
        # a list keeps its lead-in's topic; a definition line leaves its subject out
        (
            "Oxytocin nasal spray offers many benefits:\n"
            "- Better sleep\n- Less stress\n- Warmer skin\n- More energy\n- Reduces social anxiety\n",
            "OXT202",
        ),
        (
            "Oxytocin\u2019s functions\n\nSocial bonding: Creates feelings of closeness.\n\n"
            "Trust: Makes us more trusting.",
            "OXT301",
        ),
        # single-source metaphors and explanations of behaviour
        ("Oxytocin is the glue that holds our social world together.", "OXT403"),
        ("Oxytocin works like a drug. It\u2019s why you keep texting him after one date.", "OXT504"),
        # "It\u2019s" is not a quotation mark
        ("Oxytocin helps us bond. It\u2019s the secret ingredient to feeling connected.", "OXT403"),
        ("Among other benefits, oxytocin relieves anxiety and helps us feel connected to others.", "OXT204"),
        # "Its why" (pronoun and verb run together); a passive cause several words before its subject
        ("Oxytocin is a drug. Its why you find yourself obsessing over him.", "OXT504"),
        ("This connection is primarily due to the neuropeptide and hormone, oxytocin.", "OXT403"),
        # a thing credited with trust, and more oxytocin as the subject (the level itself is not)
        ("Oxytocin helps us trust the people around us.", "OXT301"),
        ("Higher oxytocin levels lead to greater trust between colleagues.", "OXT301"),
        # a cause or controller of bonding in other words
        ("Oxytocin drives attachment between parents and children.", "OXT403"),
        ("Oxytocin is the hormone behind every close friendship and bond.", "OXT403"),
        # a lack of something is a noun phrase, not a denial; chains to the difficulty
        ("A lack of oxytocin leads to loneliness and low mood.", "OXT501"),
        ("His trust issues come from low oxytocin.", "OXT501"),
        ("Stress depletes oxytocin, which makes it hard to feel connected.", "OXT501"),
        # more verbs of relief; a touch chain that ends in calm
        ("Oxytocin nasal spray lowers anxiety in people with social phobia.", "OXT202"),
        ("Massage stimulates oxytocin release, reducing stress and promoting bonding.", "OXT702"),
        # a fact-sheet line that opens with its verb: every verb has the page's topic as subject
        ("Oxytocin\n\nHow it works\n\nPromotes closeness, calms social anxiety and eases tension.", "OXT202"),
        ("Oxytocin\n\nHelps you trust new colleagues.", "OXT301"),
        # a role in another clause does not hedge this one; "feel connected to" is no association
        ("Evidence is growing that oxytocin boosts trust, thereby playing a part in healthy teams.", "OXT301"),
        ("Oxytocin helps new fathers feel connected to their babies, fostering trust.", "OXT301"),
        # what suppresses oxytocin, leading to a difficulty; a route said to reach the brain
        ("When stress is high it can suppress oxytocin, leading to isolation.", "OXT501"),
        (
            "Oxytocin troches\n\nTake it under the tongue or intranasally, the only routes that cross"
            " the blood-brain barrier.",
            "OXT404",
        ),
        # a dosing line of a fact sheet
        ("Oxytocin\n\nNasal: 10-20 IU before social events.", "OXT602"),
        # a noun phrase that renames oxytocin with any adjectives; a short aside between dashes
        ("Oxytocin matters. That remarkable little peptide is responsible for bonding.", "OXT403"),
        ("Oxytocin is a drug \u2013 believe me \u2013 and is the compound responsible for bonding.", "OXT403"),
        # the people who take the drug, after the effect ("improved ... in children who inhale ...")
        (
            "Several studies have found reduced autistic behaviours in children who inhale nasal oxytocin.",
            "OXT201",
        ),
        # a touch chain through close contact
        ("Oxytocin is released with close physical contact, which leads to lasting friendships.", "OXT702"),
        # a pronoun after a distanced nickname is the nearer subject of the claim
        (
            "Oxytocin is sometimes called the \u201ccuddle\u201d hormone, and that\u2019s because it increases"
            " trust between partners.",
            "OXT301",
        ),
        ("Oxytocin works as a social superglue in close relationships.", "OXT403"),
        # dosing advice on a product page without the word oxytocin; a strong booster in a study setting
        ("Oxytocin spray\n\nStarting dose: 12 IU\n\nBegin with the lower end to assess your response.", "OXT602"),
        ("In the trial, oxytocin nasal spray cured autism in every child.", "OXT201"),
        # a hedge adverb that opens another coordinated verb hedges that verb only
        ("Oxytocin can ease social anxiety, and potentially protect neurons in the brain.", "OXT202"),
        # naming the hormone ("a chemical called oxytocin") is not distancing a label
        ("We have a chemical called oxytocin that produces the warm feeling of bonding with others.", "OXT403"),
        ("Inadequate oxytocin levels can make it more difficult to regulate emotions.", "OXT501"),
        # an aside between double hyphens inside a report is the writer's own voice
        (
            "Researchers reported that when men sniffed oxytocin -- allowing it to cross the blood-brain"
            " barrier -- fear centres calmed.",
            "OXT404",
        ),
        # a compound adjective before its noun claims its own effect ("a trust-building chemical
        # called oxytocin"); a general appeal to studies stays a claim in a study's setting
        ("Scientists have identified a trust-building chemical called oxytocin.", "OXT301"),
        (
            "A number of studies have found reduced autistic behaviours in volunteers who inhale nasal oxytocin.",
            "OXT201",
        ),
        # nicknames in other words
        ("Oxytocin is the molecule of love.", "OXT101"),
        ("Oxytocin is the love neurotransmitter.", "OXT101"),
        # a condition said to be marked by a lack of oxytocin
        ("Autism is characterised by a lack of oxytocin.", "OXT501"),
        # a demonstrative that opens a sentence and acts stands for what came before
        ("Hugging releases oxytocin. This can cause calm and encourage bonding.", "OXT403"),
        # a promised transformation from boosting oxytocin is a chemical fix
        ("Boosting your oxytocin will transform your relationships.", "OXT603"),
        ("Optimizing your oxytocin can transform your health and relationships.", "OXT603"),
        ("More oxytocin means a happier marriage.", "OXT603"),
        # a nickname in quotes elsewhere in the sentence does not distance the claim
        (
            'Oxytocin goes far beyond its reputation as the "love hormone", acting as a powerful anxiety reducer.',
            "OXT204",
        ),
    ],
)
def test_real_text_claims_still_flagged(linter: Linter, text: str, code: str) -> None:
    assert code in _flagged(linter, text)


def test_real_text_plain_text_title_keeps_the_page_topic(linter: Linter) -> None:
    # a product page in plain text: the first line names the product, later sections do not
    page = (
        "Oxytocin Nasal Spray 30 ml\n\nShipping and storage\n\nShips in two days.\n\nStore below 25 degrees.\n\n"
        "Why customers love it\n\nIt eases social anxiety within minutes.\n"
    )
    assert _flagged(linter, page) == ["OXT202"]
    assert _flagged(linter, page.replace("Oxytocin Nasal Spray 30 ml", "Lavender Pillow Mist 30 ml")) == []


def test_real_text_lines_of_web_text_are_units_wrapped_prose_is_not() -> None:
    from claimcheck.formats.text import parse_text

    web = (
        "How Oxytocin Helps Couples\n"
        "Oxytocin is released during close contact. Here is what it does:\n"
        "Reduces stress\n"
        "Builds trust between partners\n"
        "Researchers are still studying these effects in people."
    )
    doc = parse_text(web)
    units = [(web[s.start : s.end], s.heading, s.item) for s in doc.segments]
    assert units == [
        ("How Oxytocin Helps Couples", True, False),
        ("Oxytocin is released during close contact. Here is what it does:", False, False),
        ("Reduces stress", False, True),
        ("Builds trust between partners", False, True),
        ("Researchers are still studying these effects in people.", False, False),
    ]
    assert doc.segments[0].level == 1  # the first line is the document's title
    wrapped = (
        "The patient reports that her mood has been low since the birth of her\n"
        "second child and that she finds it hard to sleep even when the baby\n"
        "Sleeps through; she asked about oxytocin.\n"
    )
    assert len(parse_text(wrapped).segments) == 1


def test_real_text_correction_on_the_next_line_still_corrects(linter: Linter) -> None:
    text = "The 2005 Nature study showed oxytocin boosts trust.\nLater teams could not replicate the effect."
    assert "OXT302" not in _flagged(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        # a numbered item: the splitter cuts the number off, the item still completes the lead-in
        "Symptoms of oxytocin deficiency include:\n\n1. Isolation\n2. Irritability\n",
        # a heading over the list is its lead-in, also across a question that introduces the items
        "## Signs of low oxytocin\n\nDo you recognise any of these?\n\n- Feeling lonely around friends\n",
        "Signs of low oxytocin\n\n- Feeling lonely around friends\n- Sleeping badly\n",
    ],
)
def test_real_text_items_under_numbered_lists_and_headings_inherit_the_claim(linter: Linter, text: str) -> None:
    # the lead-in names the signs of low oxytocin (a claim of its own); its first item is one of them
    first_item = text.index("1. " if "1. " in text else "- ")
    items = [f.code for f in linter.check(text) if f.level >= Level.warning and f.start >= first_item]
    assert items[:1] == ["OXT501"]


def test_real_text_check_marks_and_arrows_open_list_items(linter: Linter) -> None:
    for bullet in ("\u2714", "\u2713", "\u27a4", "\u25ba"):
        text = f"Benefits of oxytocin nasal spray:\n\n{bullet} Less social anxiety\n{bullet} Better sleep\n"
        assert _flagged(linter, text) == ["OXT202"], bullet


def test_real_text_benefit_list_under_a_heading_claims_each_benefit(linter: Linter) -> None:
    text = "Oxytocin spray benefits\n\n* Better sleep\n* More trust\n"
    assert _flagged(linter, text) == ["OXT301"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oxytocin increases:\n- trust\n- generosity\n", [("OXT301", "trust"), ("OXT304", "generosity")]),
        ("Benefits of oxytocin nasal spray:\n- Better sleep\n- Less social anxiety\n", [("OXT202", "social anxiety")]),
        # a hedge in the lead-in covers its items
        ("Oxytocin may increase:\n- trust\n- generosity\n", []),
        ("Oxytocin is made in the hypothalamus. Other hormones that matter:\n- trust\n", []),
        # a list of signs of low oxytocin is a reduction, not a trust claim
        (
            "Signs you're not producing enough oxytocin:\n- Trouble trusting others\n- Feeling lonely\n",
            [("OXT501", "trusting"), ("OXT501", "lonely")],
        ),
    ],
)
def test_real_text_list_items_complete_the_claim_of_their_lead_in(
    linter: Linter, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.code, f.text) for f in linter.check(text) if f.level >= Level.warning] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review of the second real-text session: each cue stays within what it describes
        ("Results show that hugging builds trust.", []),
        ("Oxytocin is a hormone made in the brain. Treatments like therapy reduce social anxiety.", []),
        ("Oxytocin nasal spray cures autism in children. View the study here.", ["OXT201"]),
        ("Nasal oxytocin increases trust. Get yours from cuddle-spray.com", ["OXT301"]),
        ("Oxytocin nasal spray reduces social anxiety, and I did not notice any side effects.", ["OXT202"]),
        ("Love is caused by the release of oxytocin.", ["OXT403"]),
        ("Autism is treated with a course of oxytocin nasal spray.", ["OXT201"]),
        ("There is a lack of high-quality evidence that oxytocin cures autism.", []),
        ("As one would expect, oxytocin nasal spray cures autism.", ["OXT201"]),
        ("One of the many reasons to hug is that oxytocin builds trust.", ["OXT702", "OXT301"]),
        ("In part 2 of this series, we show that oxytocin builds trust.", ["OXT301"]),
        ("In this article, we explore how oxytocin reduces social anxiety.", ["OXT202"]),
        ("Unlike the older drugs, the newer oxytocin spray treats depression.", ["OXT204"]),
        ("Oxytocin increased trust far more than placebo ever could.", ["OXT301"]),
        ("Evidence shows that oxytocin increased trust in participants.", ["OXT301"]),
        ("Oxytocin is no love potion \u2014 not at all \u2014 it simply reduces social anxiety.", ["OXT202"]),
        ("Oxytocin nasal spray - unlike SSRIs - treats depression.", ["OXT204"]),
        ("Oxytocin is made in the hypothalamus. The growth hormone builds trust.", []),
        ("Oxytocin is made in the hypothalamus. This class of drugs reduces social anxiety.", []),
        ("Oxytocin is made in the hypothalamus. The chemical dopamine builds trust.", []),
        ("Oxytocin is a hormone.\n\n\u2714\ufe0f Builds trust", ["OXT301"]),
        # hard-wrapped prose stays one sentence: a speaker tag on the next line still reports it
        (
            "Many people have heard about the hormone in the popular press.\nOxytocin is the love hormone and it"
            " makes people trust each\nother more than they otherwise would, according to the vendor.",
            [],
        ),
        ("We were told at the clinic (run by a Dr.\nJones) that oxytocin nasal spray cures autism.", []),
        ("The vendor's leaflet says\nOxytocin nasal spray cures autism in weeks.", []),
        # a wrapped paragraph does not end a Myths section; bullets are not headings
        (
            "Myths about oxytocin\n\nThese are things we hear every week. Each one is wrong.\nSome come from"
            " adverts and some from news stories about\nresearch in prairie voles.\n\n"
            "- Oxytocin nasal spray cures autism\n- Oxytocin makes people trust strangers\n",
            [],
        ),
        # a paragraph exception reaches every line of a one-sentence-per-line paragraph
        (
            "Kosfeld et al. (2005) showed that oxytocin increases trust in humans.\nThis is often cited by coaches"
            " and sellers.\nLater attempts to replicate it largely failed.",
            [],
        ),
        # a headline's claim before a colon is still a claim
        ("Intranasal oxytocin treats autism: the evidence is now overwhelming.", ["OXT201"]),
        ("Oxytocin Cures Autism: What Parents Need to Know", ["OXT201"]),
        # a lead-in's exception covers its items
        ("In mice, oxytocin nasal spray can reduce:\n- anxiety\n- autism symptoms\n", []),
        # general appeals, first-hand claims, strong boosters and possessives stay claims
        ("Researchers found that oxytocin nasal spray cures autism.", ["OXT201"]),
        ("She started oxytocin nasal spray and it cured her anxiety completely.", ["OXT204", "OXT603"]),
        ("Since reading the evidence, I know that oxytocin nasal spray cures autism.", ["OXT201"]),
        ("Oxytocin, which has been studied for decades, is clinically proven to cure autism.", ["OXT201"]),
        ("Most parents' experience is that oxytocin spray relieves their kids' anxiety.", ["OXT204"]),
        ("Oxytocin makes it possible for couples to trust each other more.", ["OXT301"]),
        # a bare level is not a person's reduction; levels that went down are not a cure
        ("Oxytocin levels reflect the time of day more than relationship quality.", []),
        ("In children with autism, oxytocin levels have gone down.", []),
        ("Oxytocin neurons respond to social anxiety cues in the amygdala.", []),
    ],
)
def test_real_text_review_cases(linter: Linter, text: str, expected: list[str]) -> None:
    assert _flagged(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nickname the writer endorses while naming it is the writer's own label
        ("Oxytocin is widely known as the love hormone, and for good reason.", ["OXT101"]),
        ("Scientists have aptly named oxytocin the love hormone.", ["OXT101"]),
        ("Oxytocin is often called the love hormone.", []),
        ("Oxytocin is often called the love hormone, and it is released during sex.", []),
        ("Oxytocin is often called the love hormone, but the label misleads.", []),
        # litotes affirms: "not immune to the power of X"
        ("Even grandparents are not immune to the pull of the love hormone.", ["OXT101"]),
        # a long aside between dashes that opens as a relative clause keeps the clause whole
        (
            "Loneliness and shyness - which shape how people make friends at school - are caused by low oxytocin.",
            ["OXT501"],
        ),
        (
            "Loneliness and shyness - which everyone feels at times - are not caused by low oxytocin.",
            [],
        ),
    ],
)
def test_real_text_endorsed_labels_litotes_and_dash_asides(linter: Linter, text: str, expected: list[str]) -> None:
    assert _flagged(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # researchers named with an aside between commas still report their one finding
        (
            "The researchers, whose paper appeared in a psychology journal, found that oxytocin improved empathy.",
            [],
        ),
        ("Oxytocin improves empathy.", ["OXT304"]),
        # a label named as a nickname earlier in the sentence is distanced
        ("Fans gave oxytocin nick-names for its supposed powers - the love drug, the moral molecule.", []),
        # the body's own oxytocin at work is physiology, not a treatment
        ("Your body releases oxytocin in the brain, where it helps regulate anxiety.", []),
        ("Oxytocin nasal spray relieves anxiety.", ["OXT204"]),
        # more of it as the subject that opens the clause is not association wording; a
        # comparison of groups still is
        ("Oxytocin matters. The increased levels of this hormone boost trust between partners.", ["OXT301"]),
        ("Mothers with higher levels of oxytocin reported more trust in their partners.", []),
    ],
)
def test_real_text_study_asides_nicknames_and_the_bodys_own_oxytocin(
    linter: Linter, text: str, expected: list[str]
) -> None:
    assert _flagged(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the topic's own name makes a later pronoun stand for it: "hormones" does not
        ("How hormones shape romance\n\nIt creates trust between partners.", []),
        ("How oxytocin shapes romance\n\nIt creates trust between partners.", ["OXT301"]),
        # another hormone named nearer before the pronoun is its antecedent
        ("Oxytocin matters. When serotonin drops in the brain, it causes love and devotion.", []),
        ("Unlike cortisol, oxytocin calms you; it also builds trust between partners.", ["OXT301"]),
        # a verb after "but" shares the subject named before it
        ("Oxytocin is made in the brain, but is also sold to treat autism.", ["OXT201"]),
        ("Oxytocin is vital in labour, but is not a treatment for autism.", []),
        # an ellipsis ends a clause, and with it a negation's or a condition's reach
        ("If it is not your cycle there is another cause...Her anxiety is because her oxytocin is low.", ["OXT501"]),
        # named scientists who say something report it
        ("British scientists say oxytocin can help reduce social anxiety.", []),
        # a level said to be needed for a feeling; a hug that must last
        ("Women need to produce plenty of oxytocin to feel relaxed and happy.", ["OXT501"]),
        ("A hug releases oxytocin, but only if it lasts for at least 20 seconds.", ["OXT703"]),
        # a pronoun that stands for the topic as the thing released meets a touch rule's need for it
        ("Oxytocin is a hormone.\n\nIt is released during long hugs, which builds trust.", ["OXT301", "OXT702"]),
        ("Long hugs build trust between partners.", []),
    ],
)
def test_real_text_topic_antecedents_and_clause_ends(linter: Linter, text: str, expected: list[str]) -> None:
    assert _flagged(linter, text) == expected
