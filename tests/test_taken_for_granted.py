"""Questions that take a claim for granted and ask for more of it (near_misses_blind57.tsv, "A
fifty-seventh blind probe: taken for granted"): "Who is paying the Myanmar protesters?" is
answered with the check of the claim that they are paid; a question asking for another fact is
not."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, doers
from knowledge.matching.names import NAME_TAGS, chinese_words
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("Who is paying the Myanmar protesters?", "mm-protesters-paid"),
        ("How many votes were faked in the Myanmar election?", "mm-election-fraud"),
        ("Кто платит протестующим в Мьянме?", "mm-protesters-paid"),
        ("Когда обнаружили подлог на выборах в Мьянме 2020 года?", "mm-election-fraud"),
        ("缅甸大选作弊作了多少票？", "mm-election-fraud"),  # how many votes did the fraud fake?
        ("ဆန္ဒပြသူတွေကို ဘယ်သူက ပိုက်ဆံပေးနေတာလဲ", "mm-protesters-paid"),  # who gives them money?
        # what the claim says of whom it is about, its central word ("terrorism")
        (
            'Which "other reasons" pushed the Myanmar protests into terrorism?',
            "mm-protests-became-terrorism",
        ),
    ],
)
def test_a_question_taking_the_claim_for_granted_gets_its_check(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        # another fact, which names nothing the claim asserts
        "Who won the 2020 election in Myanmar?",
        "How many protesters were killed in Myanmar?",
        "Who attacked the protesters in Myanmar?",
        "When did the protests start in Myanmar?",
        # the same, taken for granted of someone or somewhere else
        "How much does Soros pay the Myanmar protesters?",
        "Who paid the Hong Kong protesters?",
        "How rigged was Myanmar's 2015 election?",
        "谁在给香港示威者发钱？",
    ],
)
def test_a_question_asking_another_fact_or_of_another_gets_no_verdict(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


def test_of_two_claims_scored_alike_the_one_the_question_fits_is_the_best(
    matcher: Matcher,
) -> None:
    """The re-ranker put the check of the protests becoming terrorism first, scored as the
    paid check (its closeness capped: rerank.order), where "paying" stands in the place of
    its "terrorists": the paid check, which the question fits, is the best
    (decide.tied_fitting_first)."""
    result = matcher.match("who pays the myanmar protesters?")
    first, second = result.ranked[:2]
    assert first.claim_id == "mm-protesters-paid" and not first.misfits
    assert second.misfits and second.score == first.score


@pytest.mark.parametrize(
    ("question", "payers"),
    [
        ("Сколько в месяц платят тем, кто устраивает взрывы в Мьянме?", ()),  # a month
        ("интересно протестующим в мьянме платят наличкой или как", ()),  # in cash
        ("протестующим в мьянме платит госдеп?", ("госдеп",)),
        ("Запад платит боевикам", ("запад",)),
        ("им платят американцы?", ("американцы",)),
    ],
)
def test_who_pays_in_russian_is_no_word_after_a_preposition_nor_the_means(
    question: str, payers: tuple[str, ...]
) -> None:
    assert doers.payers(question) == payers


def test_a_chinese_election_with_a_hand_in_it_names_fraud(matcher: Matcher) -> None:
    """ "做了手脚" (had a hand put in it), the idiom of rigging, with its particle."""
    assert_answered(matcher, "是谁在缅甸2020年选举里做的手脚？", "mm-election-fraud")


@pytest.mark.parametrize("word", ["普通", "论文", "科普", "明白", "顾客"])
def test_everyday_words_jieba_tags_as_names_are_read_as_ordinary(word: str) -> None:
    """Ordinary, a thesis, explaining simply, clear, a customer (names.TAG_CORRECTIONS)."""
    [(_, tag, _)] = [w for w in chinese_words(f"他们是{word}吗") if w[0] == word]
    assert not tag.startswith(NAME_TAGS)


def test_ordinary_people_in_chinese_name_no_one_else(matcher: Matcher) -> None:
    assert_answered(matcher, "缅甸示威者为什么要恐吓普通老百姓？", "mm-protesters-spread-fear")
