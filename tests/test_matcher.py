"""The matcher: paraphrases, typos, word order, other scripts, negation, short and unrelated
questions, and full-text syntax in user text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.matching import Matcher, MatchSettings, decide, negation
from knowledge.matching import text as textlib
from knowledge.matching.candidates import fts_word_query
from knowledge.models import Decision
from knowledge.store import ClaimBase
from tests.helpers import assert_answered

PAID = "mm-protesters-paid"
TERROR = "mm-protests-became-terrorism"
FRAUD = "mm-election-fraud"
FEAR = "mm-protesters-spread-fear"


@pytest.fixture
def matcher(base: ClaimBase) -> Matcher:
    return Matcher(base)


def assert_answered_with_the_note(matcher: Matcher, question: str, claim_id: str) -> None:
    """The question is answered with ``claim_id``, marked as worded as the claim's negation
    (the reply says the verdict is about the claim as quoted)."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == claim_id and result.matches[0].negation_mismatch


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("were the Myanmar protesters paid terrorists?", PAID),
        ("Is it true the protesters in Myanmar got paid to do terror attacks?", PAID),
        ("Min Aung Hlaing said the attackers just receive money, not a political movement", PAID),
        ("was the myanmar election rigged in 2020?", FRAUD),
        ("Is the election fraud claim in Myanmar true?", FRAUD),
        ("did the protesters in burma spread fear on purpose?", FEAR),
        # Its word of fear, or of fraud, where the claim's texts have another of the class
        # (knowledge.matching.predicates.restates), read against the claim's text holding
        # the most of its words (the fear alias, not the image one its characters are closest
        # to: matcher._closest_in_words).
        ("Протестующие в Мьянме запугивают население?", FEAR),
        ("Выборы 2020 года в Мьянме были подтасованы?", FRAUD),
        # A headline's attribution, by the claimant's role (saying._headline_attributed).
        ("Junta chief: protesters in Myanmar are paid terrorists", PAID),
        # Close to the paid check's "anti-coup protesters in Burma … terrorism" too, which it
        # names no payment of: no rival (decide.fitting).
        (
            "Did Myanmar's anti-coup protests turn into terrorism, like the junta chief said?",
            TERROR,
        ),
        ("缅甸抗议是不是已经发展成恐怖主义", TERROR),
    ],
)
def test_paraphrases_are_answered(matcher: Matcher, question: str, claim_id: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:3]
    assert result.matches[0].claim_id == claim_id


def test_a_claims_context_is_read_only_where_it_can_change_the_decision(matcher: Matcher) -> None:
    # Most messages are about what the base never checked: a best claim that reaches no
    # threshold, the answer model unsure, is neither answered nor offered whatever its
    # context says, so it is not read (a tenth of a busy bot's time).
    far = matcher.match("The queues at the airport were long this morning, what a mess")
    assert far.decision == Decision.NONE and far.ranked
    assert all(m.context is None for m in far.ranked)
    # Close enough to be offered: read, and it names another place.
    near = matcher.match("were Hong Kong's protesters paid?")
    assert near.decision == Decision.SUGGEST and near.ranked[0].context is not None
    assert near.ranked[0].unrelated


def test_a_phrasing_in_another_script_is_not_measured() -> None:
    # The built-in claims carry Burmese, Chinese and Russian texts: an English question shares
    # none of their characters but spaces, which alone made their runner-up scores.
    from knowledge.matching.rerank import QueryScorer, phrasing_side

    burmese = "ဆန္ဒပြသူများသည် ငွေယူကြသည်"
    scorer = QueryScorer("protesters paid", phrasing_side(burmese).words)
    assert scorer.score(burmese) == (0.0, 0.0, 0.0, 0.0, 0.0)
    assert scorer.score("the protesters were paid")[0] > 0.5


def test_words_a_typo_apart_are_the_same_with_numpy_or_without(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random
    import sys

    import numpy  # noqa: F401 (near_words compares by matrix where numpy is loaded)

    from knowledge.matching.rerank import near_words

    rng = random.Random(4)
    known = ["".join(rng.choices("abcdefgh", k=rng.randint(3, 10))) for _ in range(600)]
    typos = [w[:1] + "x" + w[2:] for w in known[:30]]  # one letter changed
    asked = known[20:40] + typos
    with_numpy = near_words(asked, known)  # rapidfuzz's cdist
    monkeypatch.delitem(sys.modules, "numpy")
    assert near_words(asked, known) == with_numpy  # a search a word
    assert sum(1 for t in typos if with_numpy[t]) > 10  # the longer ones found


def test_typos_and_word_order_still_match(matcher: Matcher) -> None:
    typo = matcher.match("were the myanmar protestors payed terorists?")
    assert typo.decision == Decision.ANSWER and typo.matches[0].claim_id == PAID
    shuffled = matcher.match("terrorists paid protesters Myanmar were the")
    assert shuffled.decision == Decision.ANSWER and shuffled.matches[0].claim_id == PAID


def test_a_russian_word_in_another_form_than_the_claims_is_read_as_theirs(
    matcher: Matcher,
) -> None:
    # "переросло" (of a movement) where the claim says "переросли" (of protests): Russian
    # inflects, and the word index reads each form as another word (matcher._russian_form).
    result = matcher.match("Протестное движение в Мьянме переросло в стадию терроризма?")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == TERROR
    # A word of no candidate's stem is left as it is: another deed stays another.
    other = matcher.match("Протестное движение в Мьянме переросло в гражданскую войну?")
    assert other.decision != Decision.ANSWER
    # The claim's doers in another case ("протестующих", whom others arrest) are not read as
    # its "Протестующие…": another claim, not answered.
    arrested = matcher.match("Протестующих в Мьянме арестовывают за распространение страха?")
    assert arrested.decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်တာလား", PAID),  # Burmese, no spaces between words
        ("缅甸抗议者是收钱的恐怖分子吗", PAID),  # Chinese
        ("缅甸大选舞弊", FRAUD),
    ],
)
def test_scripts_without_spaces_find_their_claim(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    result = matcher.match(question)
    assert result.decision != Decision.NONE
    assert result.matches[0].claim_id == claim_id


def test_a_question_in_a_script_without_spaces_opened_by_a_year_is_counted_by_its_characters(
    matcher: Matcher,
) -> None:
    # "Was there fraud in Myanmar's 2020 election?", the year first: the run "2020年缅甸…" is
    # counted by its Chinese, as when the year comes later, not as one word (never answered).
    first = textlib.word_count(textlib.normalise("2020年缅甸大选存在舞弊吗"))
    later = textlib.word_count(textlib.normalise("缅甸2020年大选存在舞弊吗"))
    assert first == later >= MatchSettings().min_answer_words
    result = matcher.match("2020年缅甸大选存在舞弊吗")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == FRAUD
    assert textlib.word_count("protesters paid 2020") == 3


@pytest.mark.parametrize(
    "topic",
    [
        "缅甸2020年大选",  # Myanmar, 2020, election
        "မြန်မာ ဆန္ဒပြသူတွေ",  # Myanmar protesters
        "၂၀၂၀ ရွေးကောက်ပွဲ",  # the 2020 election
        "Myanmar 2020 election",
    ],
)
def test_a_topic_without_a_claim_is_offered_not_answered(matcher: Matcher, topic: str) -> None:
    """A few words naming what a claim is about, in any script, are counted as English would
    write them (a run of digits one word; textlib.word_count): too few to state a claim, so
    offered, not given a verdict ("Myanmar protesters" is no claim that they were paid)."""
    assert textlib.word_count(textlib.normalise(topic)) < MatchSettings().min_answer_words
    assert matcher.match(topic).decision == Decision.SUGGEST


@pytest.mark.parametrize(
    "question",
    [
        "the junta keeps saying the myanmar protesters are paid terrorists, is it true?",
        "the army keeps saying the myanmar protesters are paid terrorists, is it true?",
    ],
)
def test_the_claimants_side_saying_it_is_the_claim(matcher: Matcher, question: str) -> None:
    """ "keeps saying": the junta or the army as who says it (saying.SAYING's "-ing" forms),
    not as who does it; someone else saying it is still offered."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == "mm-protesters-paid"
    other = matcher.match(question.replace("the junta", "putin").replace("the army", "putin"))
    assert other.decision == Decision.SUGGEST


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("myanmar protesters paid??", "mm-protesters-paid"),
        ("Мьянма: протесты = терроризм?", "mm-protests-became-terrorism"),
        # A word of the class of deeds the claim holds, none of its central words: paying
        ("Мьянма: протестующим платят?", "mm-protesters-paid"),
    ],
)
def test_three_words_that_state_what_the_claim_says_are_a_claim(
    matcher: Matcher, question: str, claim: str
) -> None:
    """One word under ``min_answer_words``, but holding a central word of the claim beyond
    how it names whom it is about ("paid"), or a word of a class of deeds its texts hold
    ("платят", they are paid): a claim, answered, where "Myanmar 2020 election" (above) is a
    topic."""
    assert textlib.word_count(textlib.normalise(question)) == MatchSettings().min_answer_words - 1
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == claim


@pytest.mark.parametrize(
    "question",
    [
        "is the moon made of cheese?",
        "what's the weather in Yangon?",
        "Who won the football world cup in 2018?",
        "Was Aung San Suu Kyi charged with bribery?",  # in the article, but not a rated claim
    ],
)
def test_unrelated_questions_get_none(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision == Decision.NONE


def test_a_negated_question_gets_the_claim_and_is_marked(matcher: Matcher) -> None:
    # "Weren't they paid?" asks about the same claim: it is answered with it, marked so that
    # the reply says the verdict is about the claim as quoted.
    result = matcher.match("Were the Myanmar protesters not paid terrorists?")
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == PAID
    assert result.matches[0].negation_mismatch
    contracted = matcher.match("The Myanmar protesters weren't paid to be terrorists")
    assert contracted.matches[0].claim_id == PAID and contracted.matches[0].negation_mismatch


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # Each was only offered its check: the answer model read "nobody", "don't" as words
        # the claim lacks. Said positively, each is answered with the same claim.
        ("Nobody is paying the protesters in Myanmar, they're doing it out of conviction", PAID),
        ("Myanmar protesters don't cause fear among the local population", FEAR),
        ("ဆန္ဒပြသူတွေ ဘယ်သူ့ဆီကမှ ပိုက်ဆံ မယူခဲ့ပါဘူး။", PAID),  # nobody gave them money
    ],
)
def test_a_negated_question_is_answered_when_said_positively_it_would_be(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered_with_the_note(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        "Nobody paid the protesters in Hong Kong, right?",  # another place
        "The Myanmar protesters were not paid by the CIA",  # another payer
        "ဆန္ဒပြသူတွေ ဘယ်သူ့ဆီကမှ ပိုက်ဆံ မယူခဲ့ပါဘူး လို့ ပူတင်က ပြောတယ်",  # Putin says so
    ],
)
def test_a_negated_question_about_something_else_is_not_answered(
    matcher: Matcher, question: str
) -> None:
    # Said positively it would be offered at most: the claim's context rules hold for it.
    assert matcher.match(question).decision != Decision.ANSWER


def test_a_text_said_positively_keeps_its_names_and_drops_its_negations() -> None:
    assert negation.affirmed("Nobody PAID them; they weren't paid, dont lie") == (
        "PAID them; they were paid, do lie"
    )
    assert negation.affirmed("They can't, won't, cannot") == "They can, will, can"
    assert negation.affirmed("Notable donations, not knotty") == "Notable donations, knotty"
    assert negation.affirmed("ပိုက်ဆံ မယူခဲ့ပါဘူး") == "ပိုက်ဆံ ယူခဲ့ပါ"
    from myanmar import converter

    typed_in_zawgyi = converter.convert("ပိုက်ဆံ မယူခဲ့ပါဘူး", "unicode", "zawgyi")
    assert negation.affirmed(typed_in_zawgyi) == "ပိုက်ဆံ ယူခဲ့ပါ"
    # Only a negation of what the question and the claim share makes it a negated question:
    # "nothing" here bears on "economics", which the claim does not speak of.
    claim = textlib.normalise("closing a plant and moving all manufacturing to Thailand")
    aside = textlib.normalise("The CEO is moving plants. He knows nothing about economics and…")
    assert not negation.bears_on(aside, claim)
    assert negation.bears_on(textlib.normalise("Nobody is moving the plant"), claim)


def test_a_question_opened_by_a_negated_auxiliary_asks_whether_the_claim_holds(
    matcher: Matcher,
) -> None:
    # "Don't they ...?", "Weren't they ...?" expect the statement to hold: the "not" there is
    # no negation of it. Inside the statement it still is.
    for question in (
        "Weren't the Myanmar protesters paid terrorists?",
        "Don't the protesters in Myanmar cause fear among local people?",
    ):
        result = matcher.match(question)
        assert result.ranked and not result.ranked[0].negation_mismatch, question
    assert matcher.match("Weren't the Myanmar protesters paid terrorists?").decision == (
        Decision.ANSWER
    )
    inside = matcher.match("The Myanmar protesters weren't paid to be terrorists")
    assert inside.matches[0].negation_mismatch
    assert negation.count("was not the election rigged") == 0
    assert negation.count("the election was not rigged") == 1
    assert negation.count("not the election") == 1


def test_a_negation_in_an_unrelated_clause_is_no_mismatch(matcher: Matcher) -> None:
    # The claim says "It's not some political movement"; the question does not touch that.
    result = matcher.match("those who directly carry out terrorist attacks work for money")
    assert result.decision == Decision.ANSWER
    assert not result.matches[0].negation_mismatch


@pytest.mark.parametrize(
    "question",
    [
        # The paid-protesters claim says "It's not some political movement": a "not" that frames
        # the question used to find it, whatever the question was about.
        "the protests in myanmar never became terrorism, they stayed peaceful. true or not",
        "The protests in Myanmar became terrorism, or not?",
        "It is not true that the protests in Myanmar became terrorism",
    ],
)
def test_a_negation_that_frames_the_question_finds_no_claim_of_its_own(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.matches and result.matches[0].claim_id == TERROR, result.ranked[:2]


def test_a_negated_question_is_not_answered_on_a_near_exact_score_alone(matcher: Matcher) -> None:
    # Its "not" is not looked up (it found the one claim that says "not", about something
    # else: "It's not some political movement"), and worded as the claim's negation, a
    # near-exact score does not stand in for the answer model's doubt: the two checks it is
    # near are offered, not the paid-protesters one asserted.
    result = matcher.match("the myanmar protesters are not terrorists, they were peaceful")
    assert result.decision == Decision.SUGGEST
    assert {m.claim_id for m in result.matches[:2]} == {PAID, TERROR}
    # Without the negation it is near the terrorism check's own alias ("Are Myanmar's
    # pro-democracy protesters terrorists?") and nearer the paid check's ("Were the Myanmar
    # protesters paid terrorists?"), whose payment it does not name: the two are offered,
    # the one it fits first (decide.fitting_first), neither asserted.
    plain = matcher.match("Were the Myanmar protesters terrorists?")
    assert plain.decision == Decision.SUGGEST
    assert [m.claim_id for m in plain.matches[:2]] == [TERROR, PAID]
    # A negated question the answer model is sure of is answered, with the note.
    nobody = matcher.match("Nobody paid the protesters in Myanmar to carry out attacks")
    assert nobody.decision == Decision.ANSWER and nobody.matches[0].claim_id == PAID
    assert nobody.matches[0].negation_mismatch


def test_a_claim_the_question_names_something_else_beside_is_no_rival(matcher: Matcher) -> None:
    """The fear check scores close to the fraud check on "Myanmar protests", but the question
    gives a cause it does not ("caused by vote rigging"): no rival whose lead the fraud check
    must keep (decide.fitting)."""
    ranked = list(matcher.match("Were the Myanmar protests caused by vote rigging?").ranked)
    assert ranked[0].claim_id == FRAUD and not ranked[0].unrelated
    assert any(m.unrelated for m in ranked[1:])
    assert not any(m.unrelated for m in decide.fitting(ranked))


def test_an_editors_letters_in_brackets_are_read_as_part_of_the_word() -> None:
    """A quote's "[T]hose" is "those" (a stop word), not "t" and "hose", which read as who
    the claim's doers are (doers.doers_of); a bracket standing alone is no word's."""
    assert textlib.normalise("[T]hose who carry out attacks") == "those who carry out attacks"
    assert textlib.normalise("the protest[s] were paid [sic]") == "the protests were paid sic"


def test_a_question_tag_is_no_negation() -> None:
    assert textlib.normalise("They were paid, true or not?") == "they were paid true"
    assert textlib.normalise("Им платили, правда или нет?") == "им платили правда"
    # Not a tag: the "not" goes on with what it negates.
    assert textlib.normalise("paid or not paid") == "paid or not paid"


@pytest.mark.parametrize(
    "question",
    [
        "敏昂莱接受卫星通讯社采访时说，搞恐怖袭击的人都是为了钱，不是什么政治运动？真的假的",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "香港的抗议者是收钱的吗",  # Hong Kong's protesters
        "ထိုင်း ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # Thailand's
    ],
)
def test_whom_a_message_in_a_script_without_spaces_is_addressed_to_is_no_piece_of_it(
    matcher: Matcher, question: str
) -> None:
    """ "@factbot …" in a group: the handle is no word the claim lacks (it had left "ctbot",
    a piece that may be a name, and the rewording was only offered), in Burmese and Chinese
    as in English; the question decides as it would without it."""
    alone = matcher.match(question)
    for addressed in (f"@factbot {question}", f"{question} @factbot"):
        result = matcher.match(addressed)
        assert result.decision == alone.decision, addressed
        assert result.matches[0].claim_id == alone.matches[0].claim_id, addressed


@pytest.mark.parametrize(
    "question",
    [
        "Were the Myanmar protesters paid terrorists? ¯\\_(ツ)_/¯",  # a shrug
        "Is it true that the protests in Myanmar turned into terrorism ツ",
    ],
)
def test_an_english_question_with_a_face_in_another_script_is_read_as_english(
    matcher: Matcher, question: str
) -> None:
    # One katakana letter made the whole question one "written without spaces": no answer
    # model, ordered by characters, and the second only offered.
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER and result.confidence is not None
    assert not textlib.has_unspaced_script(result.normalised)
    assert textlib.has_unspaced_script(textlib.normalise("缅甸抗议者"))


def test_people_taking_to_the_streets_in_chinese_is_no_place(matcher: Matcher) -> None:
    # "Did Myanmar's people take to the streets because of fraud in the 2020 election?":
    # "上街" (to take to the streets), which jieba's dictionary tags a place, kept it from the
    # claim as another place; Thailand's is still another.
    asked = matcher.match("缅甸人民上街抗议是因为2020年大选舞弊吗")
    assert asked.decision == Decision.ANSWER and asked.matches[0].claim_id == FRAUD
    assert matcher.match("泰国人民上街抗议是因为大选舞弊吗").decision != Decision.ANSWER


def test_a_chinese_question_opening_with_who_said_it_finds_its_claim(matcher: Matcher) -> None:
    # No trigram of it is in the claims' texts, and its first two-character pieces all fall
    # in the name ("敏昂", "昂莱", "莱说"…): its words are looked for instead ("当地", local).
    result = matcher.match("敏昂莱说示威者让当地老百姓害怕，没法正常过日子，这是真的吗？")
    assert [m.claim_id for m in result.ranked][:1] == [FEAR]


def test_chinese_in_traditional_characters_is_read_as_in_simplified(matcher: Matcher) -> None:
    # The built-in claims are in simplified characters; many readers write traditional ones.
    assert textlib.normalise("緬甸軍方說2020年大選有舞弊") == "缅甸军方说2020年大选有舞弊"
    result = matcher.match("緬甸抗議者是收錢的恐怖分子嗎")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID
    # Another place stays another place in either script.
    assert matcher.match("香港抗議者是收錢的恐怖分子嗎").decision != Decision.ANSWER


def test_chinese_with_a_lone_surrogate_is_read(matcher: Matcher) -> None:
    # A claim or question from JSON may carry a lone surrogate ("\ud800"); OpenCC, which
    # turns traditional characters into simplified ones, reads only whole UTF-8.
    assert textlib.normalise("\ud800緬甸") == "缅甸"
    assert matcher.match("緬甸抗議者是收錢的恐怖分子嗎\udfff").decision == Decision.ANSWER


def test_a_claim_written_in_traditional_characters_is_found_in_simplified_ones() -> None:
    from knowledge.models import Claim, Source

    base = ClaimBase.open(":memory:", seed=False)
    said = "電視臺報導選舉舞弊"  # "the TV station reported election fraud": no two
    # characters in a row are written alike in both scripts but "舞弊".
    base.add_claim(Claim("tw-1", said, "false", "False", sources=(Source("CFC"),)), origin="test")
    for question in ("电视台报导选举", "電視臺報導選舉"):
        result = Matcher(base).match(question)
        assert result.ranked and result.ranked[0].claim_id == "tw-1", question


@pytest.mark.parametrize("question", ["protesters paid", "Myanmar election fraud", "Myanmar"])
def test_three_words_or_fewer_only_suggest(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST
    assert 1 <= len(result.matches) <= 3


@pytest.mark.parametrize(
    "question",
    [
        '"unbalanced quote',
        "protesters* AND NEAR(paid terrorists) OR ^myanmar",
        "claim: title: verdict:",
        "NOT NOT NOT",
        "((((",
        "-- DROP TABLE claims;",
    ],
)
def test_full_text_syntax_in_user_text_is_harmless(matcher: Matcher, question: str) -> None:
    matcher.match(question)  # must not raise


def test_fts_query_quotes_every_word() -> None:
    assert fts_word_query(['a"b', "near", "and"]) == '"ab" OR "near" OR "and"'


def test_thresholds_come_from_settings(base: ClaimBase) -> None:
    strict = Matcher(base, MatchSettings(answer_threshold=1.01))
    result = strict.match("were the Myanmar protesters paid terrorists?")
    assert result.decision == Decision.SUGGEST


def test_long_messages_are_matched_on_their_first_part(matcher: Matcher) -> None:
    text = "were the Myanmar protesters paid terrorists? " + "lorem ipsum " * 100_000
    result = matcher.match(text)
    assert result.truncated
    assert result.matches and result.matches[0].claim_id == PAID


def test_retracted_claims_are_not_matched(base: ClaimBase, matcher: Matcher) -> None:
    with base.transaction() as db:
        db.execute("UPDATE claims SET status = 'retracted' WHERE id = ?", [FRAUD])
    result = matcher.match("was the myanmar election rigged in 2020?")
    assert all(m.claim_id != FRAUD for m in result.ranked)


@pytest.mark.parametrize(
    "question",
    [
        "were the Myanmar protesters paid terrorists?",
        "were the myanmar protestors payed terorists?",
        "is the moon made of cheese?",
        "Myanmar",
        "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်တာလား",
    ],
)
def test_scores_fall_with_the_rank_and_stay_between_0_and_1(
    matcher: Matcher, question: str
) -> None:
    ranked = matcher.match(question).ranked
    scores = [m.score for m in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_an_alias_added_later_makes_its_claim_findable(base: ClaimBase) -> None:
    question = "did the junta say demonstrators were hired by foreigners?"
    before = Matcher(base).match(question)
    assert FEAR not in [m.claim_id for m in before.matches]
    with base.transaction() as db:
        db.execute(
            "INSERT INTO aliases (claim_id, text, created_at) VALUES (?, ?, 'x')",
            [FEAR, "the junta said demonstrators were hired by foreigners"],
        )
    after = Matcher(base).match(question)
    assert after.decision != Decision.NONE and after.matches[0].claim_id == FEAR


def test_without_the_answer_model_an_answer_needs_a_suggestions_score(base: ClaimBase) -> None:
    # With the model off, answer_threshold below suggest_threshold must not let a weak best
    # claim through as an answer.
    question = "were the Myanmar protesters paid terrorists?"
    settings = MatchSettings(answer_confidence=0.0, answer_threshold=0.0, suggest_threshold=1.01)
    assert Matcher(base, settings).match(question).decision == Decision.NONE


def test_rerank_features_cover_every_candidate(matcher: Matcher) -> None:
    from knowledge.matching.model import RERANK_FEATURES, RERANK_WEIGHTS

    assert len(RERANK_FEATURES) == len(RERANK_WEIGHTS)
    found = matcher.rerank_features("were the Myanmar protesters paid terrorists?")
    assert PAID in dict(found)
    assert all(len(features) == len(RERANK_FEATURES) for _, features in found)
    assert matcher.rerank_features("") == []


def test_a_question_of_one_or_two_words_is_ordered_by_closeness(matcher: Matcher) -> None:
    # The re-ranker was fitted on tweets and debate sentences, not on single words.
    result = matcher.match("protesters")
    assert result.decision == Decision.SUGGEST
    assert "protesters" in result.matches[0].matched_text.lower()
    scores = [m.score for m in result.ranked]
    assert scores == sorted(scores, reverse=True)


def test_the_answer_models_near_miss_is_offered_not_asserted() -> None:
    # Few shared words (a low score), but the answer model finds the best claim more likely
    # right than not: it is suggested; a model less sure, or the rule off, leaves it.
    from knowledge.matching import Match
    from knowledge.matching.decide import decide

    weak = [Match("a", 0.3, "the claim as checked"), Match("b", 0.1, "another claim")]
    question = "a question of several words"
    assert decide(MatchSettings(), question, weak, 0.6) == (Decision.SUGGEST, (weak[0],))
    assert decide(MatchSettings(), question, weak, 0.3) == (Decision.NONE, ())
    off = MatchSettings(suggest_confidence=0.0)
    assert decide(off, question, weak, 0.6) == (Decision.NONE, ())
    no_model = MatchSettings(answer_confidence=0.0)
    assert decide(no_model, question, weak, 0.6) == (Decision.NONE, ())


def test_a_question_sharing_one_word_with_the_claim_is_offered_not_asserted() -> None:
    # "It's a failed experiment" against "Obamacare has failed": a model may read them close,
    # but one word in common is too little to say the question is about that claim.
    from knowledge.matching import Match
    from knowledge.matching.context import ClaimContext, compare
    from knowledge.matching.decide import decide

    claim = ClaimContext.of(['"Obamacare has failed."'])
    question = "It's a failed experiment."
    seen = compare(question, claim)
    assert seen.echoed == 1 and Match("a", 0.9, "", context=seen).shares_fewer(2)
    best = [Match("a", 0.9, "Obamacare has failed.", context=seen), Match("b", 0.1, "other")]
    assert decide(MatchSettings(), question, best, 0.99) == (Decision.SUGGEST, (best[0],))
    # Two words in common, in any form ("failing" for "failed"): answered.
    asked = "Is Obamacare failing the country?"
    both = [replace(best[0], context=compare(asked, claim)), best[1]]
    assert both[0].context is not None and both[0].context.echoed == 2
    assert decide(MatchSettings(), asked, both, 0.99) == (Decision.ANSWER, (both[0],))
    # Across scripts the words cannot tell; that is the semantic model's part.
    assert compare("Провалилась ли реформа здравоохранения Обамы?", claim).echoed is None


def test_checks_of_one_statement_that_disagree_are_marked_on_both() -> None:
    from knowledge.matching import Match
    from knowledge.matching.decide import disputes

    said = "We're the highest taxed nation in the world."
    best = [
        Match("a", 0.95, said),
        Match("b", 0.6, "Right now we're the highest taxed nation in the world."),
        Match("c", 0.5, "Taxes on the middle class went up."),
    ]
    marked = disputes(best, {"a": "false", "b": "mostly-false", "c": "true"})
    assert [m.disputed for m in marked] == [True, True, False]
    agree = disputes(best, {"a": "false", "b": "false", "c": "true"})
    assert not any(m.disputed for m in agree)
    assert disputes(best[:1], {}) == best[:1]


def test_a_disputed_best_claim_is_offered_with_its_rival_not_answered() -> None:
    from knowledge.matching import Match
    from knowledge.matching.decide import decide

    best = Match("a", 0.97, "the statement", disputed=True)
    other = Match("c", 0.5, "another claim")
    rival = Match("b", 0.3, "the statement, again", disputed=True)  # below suggest_threshold
    question = "is the statement as checked true?"
    decision, offered = decide(MatchSettings(), question, [best, other, rival], 0.99)
    assert decision == Decision.SUGGEST
    assert [m.claim_id for m in offered] == ["a", "b", "c"]
    undisputed = [replace(best, disputed=False), other]
    assert decide(MatchSettings(), question, undisputed, 0.99)[0] == Decision.ANSWER


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Were the protesters paid?", True),
        ("¿Los manifestantes fueron pagados?", True),
        ("Участники протестов в Мьянме — наёмные террористы?", False),
        ("Myanmar: протестующим платят?", False),
        ("缅甸抗议者是收钱的吗", False),
        ("", True),
    ],
)
def test_mostly_latin(text: str, latin: bool) -> None:
    from knowledge.matching import text as textlib

    assert textlib.mostly_latin(text) is latin


def test_names_in_the_claims_translations_are_its_names(matcher: Matcher) -> None:
    # The claim's Russian translation names the speaker as Russian writes him: a question that
    # does is about him, not someone the claim's context lacks; another person still is.
    about = "Мин Аун Хлайн говорит, что протестующим в Мьянме платят деньги"
    result = matcher.match(about)
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID
    assert not result.matches[0].foreign
    other = matcher.match("Аун Сан Су Чжи говорит, что протестующим в Мьянме платят деньги")
    assert other.decision != Decision.ANSWER
    assert {"Аун", "Сан", "Су", "Чжи"} & set(other.ranked[0].foreign)


def test_a_disputed_claim_too_weak_to_offer_is_not_offered() -> None:
    from knowledge.matching import Match
    from knowledge.matching.decide import decide

    weak = Match("a", 0.2, "the statement", disputed=True)
    rival = Match("b", 0.1, "the statement, again", disputed=True)
    question = "a question of several words"
    assert decide(MatchSettings(), question, [weak, rival], 0.1) == (Decision.NONE, ())


def test_russian_closed_class_words_are_no_content_but_its_negations_are() -> None:
    words = textlib.content_words(textlib.normalise("Говорят, что протесты в Мьянме не мирные?"))
    assert words == ["протесты", "мьянме", "не", "мирные"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "на самом деле" (really), "просто" (just), "хоть" (even): particles, as "really",
        # "just" and "only" are English stopwords
        ("Протесты на самом деле переросли в терроризм?", ["протесты", "переросли", "терроризм"]),
        ("им просто платят, хоть кто-то проверит?", ["платят", "проверит"]),
        # chat's shorthand for English stopwords ("ppl", people)
        ("ppl say the protesters r paid tho", ["protesters", "paid"]),
    ],
)
def test_particles_and_chat_shorthand_for_stopwords_are_no_content(
    text: str, content: list[str]
) -> None:
    assert textlib.content_words(textlib.normalise(text)) == content


def test_a_russian_question_wrapped_in_they_say_and_is_it_true_is_answered(
    matcher: Matcher,
) -> None:
    """Words framing a claim ("they say that…", "is it true?") are not part of it, as "someone
    says" and "true?" are not in English; counted as content words, they took the answer away."""
    result = matcher.match("Говорят, что протесты в Мьянме переросли в терроризм. Это правда?")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == TERROR


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("ပိုက်ဆံ မယူခဲ့ပါဘူး", ["မယူခဲ့ပါဘူး"]),  # did not take money
        ("အကြမ်းဖက်မှု ဖြစ်မသွားခဲ့ဘူး", ["မသွားခဲ့ဘူး"]),  # did not become terrorism
        ("နိုင်ငံရေးလှုပ်ရှားမှု မဟုတ်ပါ", ["မဟုတ်ပါ"]),  # is not a political movement (prose)
        ("ပုံမှန်မနေနိုင်ကြဘူး", ["မနေနိုင်ကြဘူး"]),  # cannot live normally
        ("အကြမ်းဖက်သမားတွေ မဟုတ်ဘူးလား", []),  # aren't they terrorists? (expects yes)
        ("မဲမသမာမှု ရှိခဲ့တယ်", []),  # there was vote fraud: မ inside a word, no ending
        ("မြန်မာ မဲ မှာ", []),  # Myanmar, vote: a မ with a vowel sign or medial opens no negation
    ],
)
def test_burmese_negated_verbs_are_read(text: str, negated: list[str]) -> None:
    from knowledge.matching.text import burmese_negations, without_burmese_negations

    assert [m.group() for m in burmese_negations(text)] == negated
    if negated:
        assert "ဘူး" not in without_burmese_negations(text)


@pytest.mark.parametrize(
    "question",
    [
        "ကျောင်းတွေ အားလုံး ပိတ်လိုက်ပြီလား",  # have all the schools closed?
        "ဒေါ်လာဈေး ငါးထောင်ကျော် တက်သွားပြီဆိုတာ မှန်လား",  # is the dollar over 5,000?
        "ဆေးရုံတွေမှာ ဆေးဝါး ပြတ်လပ်နေတာ မှန်လား",  # are hospitals short of medicine?
    ],
)
def test_a_burmese_message_sharing_only_particles_with_a_claim_is_offered_nothing(
    matcher: Matcher, question: str
) -> None:
    # Each scored 0.46-0.47 against a claim by its characters, the "…ပြီလား", "…တာ မှန်လား"
    # (is it so, is it true) that close a Burmese question, and was offered it.
    result = matcher.match(question)
    assert result.decision == Decision.NONE, result.matches[:1]
    assert result.ranked and result.ranked[0].shares_no_word


@pytest.mark.parametrize(
    "question",
    [
        "Is the internet down in Myanmar?",
        "Is Facebook blocked in Myanmar?",
        # floods in Bago: is the Yangon–Mandalay expressway closed? (the ninth blind probe)
        "ပဲခူးမှာ ရေကြီးနေတယ်၊ ရန်ကုန်-မန္တလေး အမြန်လမ်း ပိတ်ထားလား",
    ],
)
def test_a_question_sharing_only_the_claims_place_is_offered_nothing(
    matcher: Matcher, question: str
) -> None:
    # Each was offered a check (the election fraud's, the escalation's) for its "Myanmar" or
    # "ရန်ကုန်" alone: nothing it says is the claim's.
    result = matcher.match(question)
    assert result.decision == Decision.NONE, result.matches[:1]
    assert result.ranked and result.ranked[0].setting_only


@pytest.mark.parametrize(
    "question",
    [
        "Myanmar?",  # a place alone: what the base has checked there
        "What did Min Aung Hlaing say about the protesters?",  # who made it, and its subject
        "Are the anti-junta fighters in Myanmar doing it only for cash?",  # "junta": a word more
    ],
)
def test_a_question_sharing_more_than_the_place_may_still_be_offered(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST
    assert not result.matches[0].setting_only


def test_a_burmese_rewording_still_shares_its_words(matcher: Matcher) -> None:
    # "Are the protesters taking money and committing terror?": answered as before.
    result = matcher.match("ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်တာလား")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID
    assert not result.matches[0].shares_no_word


def test_a_negated_burmese_question_gets_its_claim_and_is_marked(matcher: Matcher) -> None:
    # "The protests in Myanmar did not become terrorism, did they?": the claim its words say,
    # positively, and marked so that the reply says the verdict is about the claim as quoted.
    result = matcher.match("မြန်မာ ဆန္ဒပြပွဲတွေက အကြမ်းဖက်မှု ဖြစ်မသွားခဲ့ဘူး မဟုတ်လား")
    best = result.ranked[0]
    assert best.claim_id == "mm-protests-became-terrorism" and best.negation_mismatch
    # A negation in a clause the question does not speak of is no mismatch ("…, not a
    # political movement" in the claim's Burmese wording).
    said = matcher.match("မင်းအောင်လှိုင်က အကြမ်းဖက်သူတွေဟာ ပိုက်ဆံအတွက်ပဲ လုပ်တာလို့ ပြောတယ်။ မှန်လား။")
    assert said.ranked[0].claim_id == PAID and not said.ranked[0].negation_mismatch


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # Each was answered with its claim and no mark: the reply gave the claim's verdict
        # (FALSE) to a reader saying the claim's opposite, with nothing to say so.
        ("缅甸的抗议者并没有收钱，对吧？", PAID),  # the protesters did not take money, right?
        ("緬甸抗議者根本沒有收錢。", PAID),  # …took no money at all (traditional characters)
        ("Протестующим в Мьянме никто не платил.", PAID),  # nobody paid the protesters
    ],
)
def test_a_negated_chinese_or_russian_question_is_marked(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered_with_the_note(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        "缅甸抗议者是收钱的恐怖分子吗",
        "缅甸抗议的人是不是收了钱",  # asked by "is or is not": no negation
        "缅甸抗议者不是收钱的恐怖分子吗",  # aren't they…?
        "Разве протестующим в Мьянме не платят за теракты?",  # aren't they paid…?
        "Протестующим в Мьянме платят за теракты?",
    ],
)
def test_a_chinese_or_russian_question_that_negates_nothing_is_not_marked(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.matches and result.matches[0].claim_id == PAID, result.ranked[:2]
    assert not result.matches[0].negation_mismatch


def test_a_russian_negation_counts_by_its_ne_and_reads_the_forms_of_a_word() -> None:
    claim = set(textlib.normalise("Протестующим в Мьянме платят за теракты").split())
    # "никто не платил": one negation (the "не"), bearing on "платят" in another form.
    assert negation.count("протестующим никто не платил", scope=claim) == 1
    assert negation.count("разве протестующим не платят", scope=claim) == 0
    assert negation.count("не платят ли протестующим", scope=claim) == 0
    assert negation.count("протестующие не боятся полиции", scope=claim) == 0
    assert negation.affirmed("Протестующим никто не платил") == "Протестующим платил"


def test_a_negation_reaches_past_light_words_to_what_it_negates(matcher: Matcher) -> None:
    # "nothing to do with election fraud": the three words after "nothing" are light ones;
    # the claim's "election fraud" comes after them. Answered, and now with the note.
    question = "So the Myanmar protests had nothing to do with election fraud, right?"
    assert_answered_with_the_note(matcher, question, FRAUD)
    scope = {"election", "fraud"}
    assert negation.count("it had nothing to do with election fraud", scope=scope) == 1
    # Not across a sentence's light words into the next one: the claim's "It's not some
    # political movement. They just receive money." says nothing against receiving money.
    claim = textlib.normalise("It's not some political movement. They just receive money.")
    assert negation.count(claim, scope={"mercenaries", "receive", "money"}) == 0


@pytest.mark.parametrize(
    "question",
    [
        # "No," answers; the statement's own "not" is the negation. Counted as a second one,
        # it cancelled the first: the reply gave FALSE to "they were not paid", with no note.
        "No, the Myanmar protesters were not paid",
        "Нет, протестующим в Мьянме не платили",
    ],
)
def test_a_no_that_answers_is_no_second_negation(matcher: Matcher, question: str) -> None:
    assert_answered_with_the_note(matcher, question, PAID)


@pytest.mark.parametrize(
    "question",
    [
        # A negation right after "or" offers the other answer: asked both ways, negated
        # neither. Counted, "yes or no:" marked the claim's own question as its opposite.
        "yes or no: were the Myanmar protesters paid terrorists?",
        "were the protesters in myanmar paid or not paid?",
        "да или нет: протестующим в Мьянме платят за теракты?",
        "Протестующим в Мьянме платят за теракты или не платят?",
    ],
)
def test_a_negation_after_or_offers_the_other_answer(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == PAID and not result.matches[0].negation_mismatch


def test_a_negation_after_or_is_no_negation_but_one_before_it_is() -> None:
    scope = {"protesters", "paid", "платят"}
    assert negation.count("yes or no were the protesters paid", scope=scope) == 0
    assert negation.count("протестующим платят или не платят", scope=scope) == 0
    assert negation.count("yes or no were the protesters not paid", scope=scope) == 1
    assert negation.count("so the protesters were not paid or were they", scope=scope) == 1


def test_a_no_before_a_noun_negates_it() -> None:
    scope = {"protesters", "paid", "money"}
    assert negation.count("no protesters were paid", scope=scope) == 1
    assert negation.count("no the protesters were not paid", scope=scope) == 1
    assert negation.count("no they were paid", scope=scope) == 0
    assert negation.count("нет денег у протестующих", scope={"денег"}) == 1


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("did min aung hlaing really say the protesters only do it for the money??", PAID),
        (
            "Min Aung Hlaing claims protesters are deliberately spreading fear among local "
            "people and stopping them from living normal lives. True?",
            FEAR,
        ),
        ("мин аунг хлаинг заявил что протесты из-за фальсификаций на выборах это правда", FRAUD),
    ],
)
def test_a_rewording_naming_who_made_the_claim_is_answered_as_one_naming_its_place(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    """Who made the claim is as much what it is about as where: the answer model need be no
    surer than for a question naming the claim's place (``anchored_answer_confidence``)."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == claim_id


@pytest.mark.parametrize(
    "question",
    [
        "Did Min Aung Hlaing say the Thai protesters are paid?",
        "Min Aung Hlaing said the NLD stole the 2015 election. true?",
        "min aung hlaing says the monks are paid to protest",
        "min aung hlaing said the protesters in myanmar were paid by the CIA",
        "Did Min Aung Hlaing say the Rohingya are terrorists?",
    ],
)
def test_another_claim_by_who_made_the_claim_is_not_answered(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "Are Myanmar protesters paid with Russian money?",
        "Протестующим в Мьянме платит Россия?",
        "မြန်မာ ဆန္ဒပြသူတွေဟာ ရုရှားငွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "缅甸抗议者拿俄罗斯的钱吗",
    ],
)
def test_a_name_only_the_claims_setting_holds_is_another_subject_in_the_claim(
    matcher: Matcher, question: str
) -> None:
    """The paid check was made to Russian television, in Russia: its setting names Russia.
    Russia as the payer is no part of the claim, and the reply says what differs."""
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    assert result.ranked[0].foreign


def test_a_name_of_the_setting_said_of_who_made_the_claim_is_his(matcher: Matcher) -> None:
    # Where and to whom he said it is no other subject.
    result = matcher.match("Min Aung Hlaing told Russian media that protesters are paid")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID


@pytest.mark.parametrize(
    ("question", "payer"),
    [
        ("протестующим в мьянме платит госдеп?", "госдеп"),  # the State Department
        ("Запад платит боевикам в Мьянме, это не политическое движение — правда?", "запад"),
        ("Сорос платит протестующим в Мьянме?", "сорос"),
        ("те кто совершает теракты в мьянме получают деньги от usaid?", "usaid"),
        ("правительство национального единства (nug) платит людям за теракты в мьянме?", "nug"),
    ],
)
def test_who_pays_in_a_russian_question_is_another_claim(
    matcher: Matcher, question: str, payer: str
) -> None:
    """The payer beside a Russian verb of paying, or after "деньги от", as "paid by the
    west" is in English; who is paid (the dative, "боевикам") is no payer."""
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    assert payer in [f.casefold() for f in result.ranked[0].foreign]


def test_a_russian_question_about_paying_the_claims_doers_is_the_claim(matcher: Matcher) -> None:
    result = matcher.match("Протестующим в Мьянме платят за теракты?")
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID


def test_whom_money_comes_from_is_who_pays(matcher: Matcher) -> None:
    result = matcher.match("Are the attackers in Myanmar getting money from the nug?")
    assert result.decision != Decision.ANSWER
    assert "nug" in [f.casefold() for f in result.ranked[0].foreign]


@pytest.mark.parametrize(
    "question",
    [
        "Is it true that the Myanmar police are paid to carry out attacks, not for politics?",
        "Myanmar security forces cause fear among the locals so people cant lead normal lives?",
        "правда что полиция в Мьянме работает за деньги и разгоняет митинги только ради премий",
    ],
)
def test_the_police_or_security_forces_in_the_claims_doers_place_get_no_verdict(
    matcher: Matcher, question: str
) -> None:
    """The fact-check's sources name the police and the security forces (who shot at the
    protesters), so they are no word its context lacks; put where the claim has its doers, they
    are the claimant's side doing it: another claim, never answered."""
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER


def test_what_the_claim_is_about_may_stand_before_or_after_its_doer(matcher: Matcher) -> None:
    """ "the demonstrations in Myanmar" is "the Myanmar protests" reworded: the doer is paired
    with the doer, whichever side of "Myanmar" each stands on, not with another of the claim's
    central words ("opposition"), and the two are one word of a class (predicates.PROTEST)."""
    result = matcher.match("Were the demonstrations in Myanmar turned into terrorism?")
    assert result.matches[0].claim_id == "mm-protests-became-terrorism"
    assert result.matches[0].replaced == ()


@pytest.mark.parametrize(
    ("question", "first", "after"),
    [
        # Its words are closer to the paid check ("…paid to carry out attacks"), which it
        # names no payment of: the check it fits is offered first.
        ("Did the Myanmar demonstrations become terrorist attacks?", TERROR, PAID),
    ],
)
def test_a_claim_the_question_fits_is_offered_before_one_it_misfits(
    matcher: Matcher, question: str, first: str, after: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST
    offered = [m.claim_id for m in result.matches]
    assert offered.index(first) < offered.index(after), result.ranked[:3]
    assert result.ranked[0].claim_id == after  # the words' order is kept in what was ranked
    assert result.matches[offered.index(after)].unnamed is not None


# A rumour as it arrives from a screenshot or a link's preview: the app's buttons, counts and
# age around the post ("Like · Comment · Share", "👍 2.1K", "Reply · 2d"), the date it was
# posted beside the month the claim was made in ("24 June"), and the site a link is on as its
# preview names it ("— Radio Free Asia" beside rfa.org, "— ТАСС" beside tass.ru) name nothing
# and no number the claim lacks (docs/benchmarks.md, "A forty-second blind probe").
FRAMED = [
    (
        "12:04 · Like · Comment · Share · See translation · Min Aung Hlaing: the protesters just"
        " receive money, it is not a political movement · 1.2K views",
        PAID,
    ),
    (
        "https://www.rfa.org/english/news/myanmar/junta-chief-attackers-paid-06242021.html /"
        ' Junta chief says attackers "work for money", not a political movement — Radio Free'
        " Asia / fact check pls",
        PAID,
    ),
    (
        "https://tass.ru/mezhdunarodnaya-panorama/11724561 / Глава Мьянмы обвинил протестующих в"
        " запугивании населения — ТАСС / проверьте пожалуйста",
        FEAR,
    ),
    ("Min Aung Hlaing says protesters just receive money 👍 2.1K 💬 340", PAID),
    ("Sputnik · 24 June · Min Aung Hlaing: protesters just receive money. true?", PAID),
]


@pytest.mark.parametrize(("question", "claim_id"), FRAMED)
def test_a_screenshots_or_a_links_frame_names_nothing(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == claim_id


@pytest.mark.parametrize(
    "question",
    [
        "12:04 · Like · Comment · Share · Lukashenko: the Belarus protesters just receive money,"
        " it is not a political movement · 1.2K views",
        "https://www.rfa.org/english/news/cambodia/x.html / Hun Sen says opposition protesters"
        ' "work for money", not a political movement — Radio Free Asia',
        "Sputnik · 24 March · Min Aung Hlaing: protesters just receive 5,000 kyat. true?",
    ],
)
def test_in_such_a_frame_another_place_person_or_number_is_still_read(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


def test_a_long_chinese_post_is_read_by_its_closest_passage(matcher: Matcher) -> None:
    """A Chinese message longer than a claim's Chinese phrasing is compared with it passage by
    passage (rerank.QueryScorer._closest_passage): a claim retold or quoted inside a post is as
    close as it is alone, whatever the post says around it."""
    retold = (
        "微信群里有人发：缅甸示威者让当地老百姓害怕，没法正常过日子，还故意在国际上抹黑政府的形象，"
        "都是为了自己的利益。这是真的吗"
    )
    result = matcher.match(retold)
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == FEAR
    quoted = (
        "抖音截图配字：“他们只是收钱，不是什么政治运动”——缅甸军方一把手 / "
        "求辟谣，这是真的吗，家里人都在转"
    )
    # Answered since "家里人" (the family, who forward it) is who passed it on, no name.
    result = matcher.match(quoted)
    assert result.decision == Decision.ANSWER and result.matches[0].claim_id == PAID
    # Another country's, or another leader's, is still read so.
    for other in (
        retold.replace("缅甸", "泰国"),
        quoted.replace("缅甸军方一把手", "柬埔寨首相洪森"),
    ):
        assert matcher.match(other).decision != Decision.ANSWER, other


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("hey bot was the election rigged", "was the election rigged"),
        ("Hi factbot, were they paid?", "were they paid?"),
        (
            "bot, protests escalated to terrorism lo pyaw tar",
            "protests escalated to terrorism lo pyaw tar",
        ),
        ("привет бот протестующим платят?", "протестующим платят?"),
        (
            "бот правда ли что протесты переросли в террор точка",
            "правда ли что протесты переросли в террор",
        ),
        ("机器人你好 缅甸抗议者收钱吗", "缅甸抗议者收钱吗"),
        ("ဟေ့ဘော့ ၂၀၂၀ ရွေးကောက်ပွဲ", "၂၀၂၀ ရွေးကောက်ပွဲ"),  # hey bot, run together
        ("ဟယ်လို ဘော့ ဆန္ဒပြသူတွေ ဟုတ်လား ပုဒ်မ", "ဆန္ဒပြသူတွေ ဟုတ်လား"),  # "…true? full stop"
        ("is that true question mark", "is that true"),
        # no greeting, nor a call: a claim opening with such a word is left whole
        ("Hi-tech rigging in the election?", "Hi-tech rigging in the election?"),
        ("Bot farms paid by Russia?", "Bot farms paid by Russia?"),
        ("the recount came to a full stop", "the recount came to a full stop"),
        ("hey bot", "hey bot"),  # nothing else: small talk, answered before matching
    ],
)
def test_a_greeting_a_call_to_the_bot_and_spoken_punctuation_are_not_asked(
    message: str, asked: str
) -> None:
    assert textlib.unaddressed(message) == asked


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # the local people are afraid because of those who took to the road?
        ("ဒေသခံပြည်သူတွေ ကြောက်နေကြတာ လမ်းပေါ်ထွက်တဲ့ သူတွေကြောင့်လား", FEAR),
        # did people take to the road only because of the election's dishonesty?
        ("ရွေးကောက်ပွဲ မသမာမှုကြောင့်သာ လူတွေ လမ်းပေါ်ထွက်ခဲ့ကြတာလား", FRAUD),
        # I hear the election was badly cheated, and that is why people took to the streets
        ("听说缅甸那次大选作弊得厉害,所以才有人上街,是真的吗", FRAUD),
    ],
)
def test_taking_to_the_streets_is_protesting(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        "香港上街的人是收了钱的吗？",  # were those who took to the streets in Hong Kong paid?
        "ထိုင်းမှာ လမ်းထွက်တဲ့သူတွေ ပိုက်ဆံယူပြီး ထွက်တာလား",  # …in Thailand…
    ],
)
def test_taking_to_the_streets_elsewhere_is_not_answered(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("the protests started bc of voter fraud", "the protests started because of voter fraud"),
        ("Cuz the GOVT said so", "Because the GOVERNMENT said so"),
        ("trash the govt's image", "trash the government's image"),
        # An initialism of two capitals, a word of which it is a part, a handle, a hashtag.
        ("the protesters in BC", "the protesters in BC"),
        ("cosine #bc @cuz x.cos", "cosine #bc @cuz x.cos"),
    ],
)
def test_chats_shorthand_is_read_as_the_word_it_stands_for(typed: str, read: str) -> None:
    assert textlib.unabbreviated(typed) == read


@pytest.mark.parametrize(
    "question",
    [
        "junta chief says demonstrators are deliberately smearing the govt abroad and scaring"
        " ordinary folks. fact check pls",
        "is it tru that the protestors in myanmar scare the locals and trash the govt image"
        " on purpse",
    ],
)
def test_a_question_in_chats_shorthand_is_answered_as_written_out(
    matcher: Matcher, question: str
) -> None:
    # "govt", as typed, was a word no claim holds where the fear check says "government".
    assert_answered(matcher, question, FEAR)


@pytest.mark.parametrize(
    ("message", "claim_id"),
    [
        ("hey bot was the myanmar election in november 2020 actually rigged", FRAUD),
        # hello bot, the protesters take money and protest, is that so?
        ("ဟယ်လို ဘော့ ဆန္ဒပြသူတွေက ပိုက်ဆံယူပြီး ဆန္ဒပြနေတာ ဆိုတာ ဟုတ်လား", PAID),
    ],
)
def test_a_question_said_to_the_bot_is_answered_as_asked(
    matcher: Matcher, message: str, claim_id: str
) -> None:
    # "hey bot", as people talk to a chat bot: read as another word in the claim's place,
    # the greeting kept these to an offer.
    result = matcher.match(message)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim_id


def test_the_young_onlines_shorthand_is_no_word_in_the_claims_place(matcher: Matcher) -> None:
    # "lowkey" (a little, honestly), "cap" (a lie): what the young wrap a question in, as "pls"
    # and "lol" are, not another word where the claim has "protesters".
    result = matcher.match("lowkey were the myanmar protesters paid terrorists or is that cap")
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == PAID
