"""The decision: answer, suggest, or none, from the scored candidates and the answer model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from rapidfuzz import fuzz

from knowledge.matching import text as textlib
from knowledge.matching.result import Match
from knowledge.matching.settings import MatchSettings
from knowledge.models import Decision

SAME_STATEMENT = 80  # token set ratio (0-100) from which two phrasings say the same


def decide(
    settings: MatchSettings,
    normalised: str,
    ranked: list[Match],
    confidence: float | None = None,
    needed: float | None = None,
    anchored_needed: float | None = None,
) -> tuple[Decision, tuple[Match, ...]]:
    """answer, suggest or none. ``confidence`` is the answer model's, which must reach
    ``needed`` (default: ``answer_confidence``), or ``anchored_needed`` (default:
    ``anchored_answer_confidence``) where the best claim is anchored and nothing foreign."""
    s = settings
    if not ranked:
        return Decision.NONE, ()
    # A Burmese claim sharing only particles and letters with the question is no suggestion,
    # whatever its characters score ("have all the schools closed?" is no question about the
    # protests escalating, for their shared "…ပြီလား").
    # Nor is a claim the question shares only its setting with ("Is the internet down in
    # Myanmar?" against the election-fraud check): nothing it says is the claim's.
    plausible = [
        m
        for m in ranked
        if m.score >= s.suggest_threshold and not (m.shares_no_word or m.setting_only)
    ]
    best = ranked[0]  # scores fall with the rank: the best is the highest scoring
    # The lead is over the real runner-up, plausible or not (a weak field is no lead), but
    # not over a copy of the best claim (archives hold the same claim checked twice).
    others = rivals(fitting(ranked))
    runner_up = others[1].score if len(others) > 1 else 0.0
    lead = best.score - runner_up
    confident = (best.score >= s.answer_threshold and lead >= required_lead(best.score, s)) or (
        best.score >= s.clear_lead_threshold and lead >= s.clear_lead_margin
    )
    needed = s.answer_confidence if needed is None else needed
    if best.named and not best.foreign and needed > 0:
        # The question names what the claim is about, or who made it, and nothing else: the
        # context confirms what the words suggest, so the answer model need not be quite as
        # sure ("did min aung hlaing really say the protesters only do it for the money??").
        anchored = s.anchored_answer_confidence if anchored_needed is None else anchored_needed
        needed = min(needed, anchored)
    if confidence is not None and confidence < needed:
        # A near-exact score stands in for the answer model's doubt ("sure_score"), but not for
        # a question worded as the claim's negation: near-exact in its words, it may still
        # deny something else than the claim asserts ("the protesters are not terrorists"
        # against "were the protesters paid terrorists?").
        confident = confident and best.score >= s.sure_score and not best.negation_mismatch
    if confidence is None or needed <= 0:
        # Without the answer model an answer needs at least a suggestion's score; with it,
        # ``answer_threshold`` may be lower than ``suggest_threshold``.
        confident = confident and best.score >= s.suggest_threshold
    # A question naming something else than the claim is about, or nothing it is about, is
    # never answered with it (knowledge.matching.context).
    fits = not (best.unrelated or best.unanchored or best.names_only)
    # A question asking for a fact ("who won the 2020 election in Myanmar?") is no claim a
    # check rates: offered, not answered with a verdict.
    fits = fits and not best.asks_open
    # A question with another word where the claim has the word it is most about ("are myanmar
    # soldiers paid terrorists?" against "were the Myanmar protesters paid terrorists?") may
    # be about another doer: offered, not answered.
    fits = fits and not best.replaced
    # A question naming no payment, of a claim that says someone is paid ("Are the protesters
    # in Myanmar carrying out attacks?" against "…paid to carry out attacks?"), or no fraud,
    # of one that says an election was rigged ("Did people in Myanmar vote in the 2020
    # election?"), asks something else: offered, not answered.
    fits = fits and best.unnamed is None
    # Nor a short one naming a payment none of the claim's texts holds ("Were Myanmar's
    # election officials paid to commit fraud?" against the election-fraud check).
    fits = fits and best.added is None
    # Nor one giving the claim's doers another role: feeling the fear it says they cause ("Are
    # the protesters in Myanmar afraid of the army?" against "…cause fear in the local
    # population"), paying where it says they are paid.
    fits = fits and best.other_role is None
    # Nor one naming only what the claim is about ("Was there an election in Myanmar in
    # 2020?" against "Was there election fraud in Myanmar?"): a topic, not the claim.
    fits = fits and not best.topic_only
    # A question sharing a single word with the claim ("It's a failed experiment" against
    # "Obamacare has failed") is too little to assert it is about it, however close the
    # model reads them.
    fits = fits and not best.shares_too_little(s.min_shared_words)
    # A question worded as the claim's negation is answered only when it is close to it.
    if best.negation_mismatch and best.score < s.negated_answer_score:
        fits = False
    # Checks of nearly the same statement with different verdicts: neither is answered alone.
    fits = fits and not best.disputed
    confident = confident and fits
    # A question worded as the claim's negation ("weren't they paid?") is about the same
    # claim: it is answered, and the reply says that the verdict is about the claim as quoted.
    if confident and _enough_words(normalised, best, s):
        return Decision.ANSWER, (best,)
    if held_in_words(best, others, s):
        return Decision.ANSWER, (best,)
    if (
        fits
        and _enough_words(normalised, best, s)
        and every_word_held(best, others, s, confidence, needed)
    ):
        return Decision.ANSWER, (best,)
    if (
        not plausible
        and confidence is not None
        and needed > 0  # the answer model on
        and confidence >= s.suggest_confidence > 0
        and not (best.unrelated or best.unanchored or best.setting_only)
    ):
        # The answer model thinks the best claim more likely right than not, though it
        # scores low (few shared words): offered, not asserted — unless the question speaks
        # of something else (the model reads words, not what they are about; in a small base
        # its features say little).
        plausible = [best]
    if best.disputed and plausible and plausible[0] is best:
        # Offered side by side, whatever the other's score: the person sees both verdicts. (A
        # best claim too weak to offer is not offered for being disputed.)
        disputing = [m for m in ranked[1:] if m.disputed]
        plausible = [best, *disputing, *(m for m in plausible[1:] if not m.disputed)]
    if not plausible:
        return Decision.NONE, ()
    if not plausible[0].disputed:
        plausible = fitting_first(plausible)
    return Decision.SUGGEST, tuple(plausible[: s.max_suggestions])


# A Chinese question answered by its words (held_in_words): how many of its words of content
# the claim's Chinese texts must hold, and what part of all it says.
HELD_WORDS = 2
HELD_SHARE = 0.75


def held_in_words(best: Match, others: list[Match], settings: MatchSettings) -> bool:
    """Whether a Chinese question that its characters score too low to answer (below
    ``suggest_threshold``, or too close to the runner-up) is answered by its words: it names
    what the claim is about or who made it, and nothing the claim's context lacks, no other
    doer, deed, role or cause (:attr:`Match.speaks_of_another`); the claim's Chinese texts hold
    at least :data:`HELD_WORDS` of its words of content, as written or in a word of their
    class, one of them what is done (a verb, or a word of paying, fraud, fear or becoming:
    not only who and whom, "缅甸示威者保护当地民众吗", do the demonstrators protect the local
    people?), and :data:`HELD_SHARE` of all it says, with no noun beside them that they lack
    (:func:`pieces.chinese_held`: "缅甸的示威后来真的演变成恐怖活动了吗", did the
    demonstrations really turn into terrorist activity?, holds "示威", "演变成" and "恐怖活动"
    of the check of the protests escalating to terrorism); and no other candidate's texts
    hold as many. Chinese shares characters across claims ("缅甸", "抗议者"), so its character
    scores lie close together; its words tell the claims apart. Its characters must still
    score ``answer_threshold``."""
    context = best.context
    held = context.held_words if context is not None else None
    if context is None or held is None or not best.named:
        return False
    if best.score < settings.answer_threshold or best.speaks_of_another or best.setting_only:
        return False
    # (Another cause makes it unanchored, which speaks_of_another reads.)
    if best.replaced or context.loosely_replaced or context.another_speaker:
        return False
    if (
        len(held.held) < HELD_WORDS
        or not held.deeds
        or held.unheld_nouns
        or held.share < HELD_SHARE
    ):
        return False
    return all(
        m.context is None
        or m.context.held_words is None
        or len(m.context.held_words.held) < len(held.held)
        for m in others[1:]
    )


# A question every word of which the claim holds (every_word_held): how many of its words the
# claim's subject must hold at least. Two, a name and one word, answered "the same as the Obama
# law." (a line of a debate) with a check of Obama's health care law as a takeover.
ECHOED_WORDS = 3


def every_word_held(
    best: Match,
    others: list[Match],
    settings: MatchSettings,
    confidence: float | None,
    needed: float,
) -> bool:
    """Whether a question in a script with letter case that the answer model is not sure
    enough of (``needed``), though more likely right than not (``held_answer_confidence``), is
    answered by its words: it names what the claim is about or who made it; the claim's
    context holds every one of its words of content in some form (:attr:`Comparison.unshared`
    is empty: no word of another subject, deed or role; verbs of saying, words of passing a
    message on and negations are not counted), at least :data:`ECHOED_WORDS` of them its
    subject's (:attr:`Comparison.echoed`); and no other candidate holds every word of it with
    as many ("myanmar protesters spreading fear?", "Правда, что протестующие в Мьянме
    получают деньги?"). Its score must still reach ``answer_threshold``; what else a question
    must not do to be answered (:attr:`Match.unrelated`, ``replaced``…) is read before
    (:func:`decide`). The answer model reads how much of the claim a question echoes; a short
    question echoes little of a long claim, however plainly it asks it."""
    context = best.context
    if context is None or context.echoed is None or context.echoed < ECHOED_WORDS:
        return False
    if context.unshared or not best.named:
        return False
    if confidence is None or needed <= 0:
        return False  # the answer model off: the scores decide alone
    if confidence < settings.held_answer_confidence or best.score < settings.answer_threshold:
        return False
    return all(
        m.context is None
        or m.context.echoed is None
        or m.context.unshared
        or m.context.echoed < context.echoed
        for m in others[1:]
    )


def fitting_first(offered: list[Match]) -> list[Match]:
    """``offered``, those the question does not misfit first, each group in its order: a
    claim it names no payment or fraud of (:attr:`Match.unnamed`), puts another word in the
    place of (:attr:`Match.replaced`), or gives its doers another role in
    (:attr:`Match.other_role`) after one it fits, whatever their scores ("Did the Myanmar
    demonstrations become terrorist attacks?" shares more words with the paid check, "…paid
    to carry out attacks", and names no payment: the check of the protests becoming
    terrorism is offered first)."""
    return sorted(offered, key=lambda m: m.misfits)


def tied_fitting_first(ranked: list[Match], settings: MatchSettings) -> list[Match]:
    """``ranked``, the second first where the best misfits the question
    (:attr:`Match.misfits`) and the second, which it does not, scores as high, a
    suggestion's score at least: of two claims the ranking cannot tell apart (the re-ranker
    put the best first, its closeness no higher: :func:`knowledge.matching.rerank.order`),
    the one the question fits is the best ("Who is paying the Myanmar protesters?" puts
    "paying" where the check of the protests becoming terrorism says "terrorists", and fits
    the paid check). Below that score the two share too little to tell them apart by it."""
    if len(ranked) < 2 or not ranked[0].misfits or ranked[1].misfits:
        return ranked
    if ranked[1].score < ranked[0].score or ranked[0].score < settings.suggest_threshold:
        return ranked
    return [ranked[1], ranked[0], *ranked[2:]]


def fitting(ranked: list[Match]) -> list[Match]:
    """``ranked`` without the claims after the best that the question misfits
    (:attr:`Match.misfits`), or names something else beside (:attr:`Match.unrelated`), where
    the best is neither: no rival of it ("Did Myanmar's anti-coup protests turn into
    terrorism?" shares "anti-coup" and "terrorism" with the paid check, and names no
    payment; "Were the Myanmar protests caused by vote rigging?" shares "Myanmar protests"
    with the fear check, and gives a cause it does not). Where the best is either, all of
    them."""
    if not ranked or ranked[0].misfits or ranked[0].unrelated:
        return ranked
    return [ranked[0], *(m for m in ranked[1:] if not (m.misfits or m.unrelated))]


def rivals(ranked: list[Match]) -> list[Match]:
    """The best match followed by those worded differently from it: a copy of the same claim
    (same words once case and punctuation are folded) is not a rival."""
    if not ranked:
        return []
    best = textlib.normalise(ranked[0].matched_text)
    return [ranked[0], *(m for m in ranked[1:] if textlib.normalise(m.matched_text) != best)]


def required_lead(score: float, settings: MatchSettings) -> float:
    """The lead over the runner-up an answer with this score needs: ``answer_margin`` at
    ``answer_threshold``, shrinking linearly to nothing at a perfect score."""
    room = 1.0 - settings.answer_threshold
    if room <= 0:
        return settings.answer_margin
    return settings.answer_margin * max(0.0, 1.0 - score) / room


def same_statement(a: str, b: str) -> bool:
    """Two phrasings say nearly the same (their words, folded, largely the same: rapidfuzz's
    token set ratio of at least :data:`SAME_STATEMENT`)."""
    return fuzz.token_set_ratio(textlib.normalise(a), textlib.normalise(b)) >= SAME_STATEMENT


def disputes(best: list[Match], verdicts: Mapping[str, str | None]) -> list[Match]:
    """``best`` (the best candidates, best first), with the best one and each other that
    checks nearly the same statement with another verdict (``verdicts``: by claim id) marked
    ``disputed``. Archives hold statements checked twice (a speaker repeats a line; two
    fact-checkers look at one rumour), and the checks do not always agree: the bot then shows
    both, it does not pick one."""
    if len(best) < 2:
        return best
    first = verdicts.get(best[0].claim_id)
    rivals = {
        m.claim_id
        for m in best[1:]
        if verdicts.get(m.claim_id) != first
        and same_statement(best[0].matched_text, m.matched_text)
    }
    if not rivals:
        return best
    return [
        replace(m, disputed=True) if i == 0 or m.claim_id in rivals else m
        for i, m in enumerate(best)
    ]


def _enough_words(normalised: str, best: Match, s: MatchSettings) -> bool:
    """Whether a question is long enough to be answered: ``min_answer_words``, or one word
    fewer where it states what the claim says of whom it is about ("myanmar protesters
    paid??", :attr:`Comparison.states_claim`), not a topic ("Myanmar 2020 election")."""
    words = textlib.word_count(normalised)
    if words >= s.min_answer_words:
        return True
    stated = best.context is not None and best.context.states_claim
    return stated and words >= s.min_answer_words - 1
