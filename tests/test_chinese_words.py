"""A Chinese question read word by word against a claim's Chinese texts
(knowledge.matching.pieces.chinese_held), and answered by its words where its characters score
too low (knowledge.matching.decide.held_in_words)."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, decide, synonyms
from knowledge.matching import text as textlib
from knowledge.matching.pieces import chinese_held
from knowledge.models import Decision
from knowledge.store import ClaimBase

# The fear check's Chinese texts, as the built-in base holds them
FEAR_ZH_TEXTS = (
    "缅甸抗议者在当地民众中制造恐惧吗",
    "缅甸抗议者故意破坏政府的国际形象吗",
    "首先，抗议者在当地民众中制造恐惧，从而妨碍人们在国内过正常生活。他们制造恐惧。其次，他们正在"
    "国际舞台上破坏现政府的形象。他们是为了自身利益故意这样做的。",
)
KNOWN = ("缅甸", "敏昂莱")
ROLES = ("缅甸军政府领导人、军方领导人",)


def test_words_held_in_other_words_of_one_class() -> None:
    """ "示威者" (demonstrators) and "老百姓" (ordinary people) are the claim's "抗议者" and
    "民众"; "害怕" (afraid) its fear, and what is done."""
    held = chinese_held("缅甸示威者让老百姓害怕吗", FEAR_ZH_TEXTS, KNOWN, ROLES)
    assert held is not None
    assert set(held.held) == {"示威者", "老百姓", "害怕"}
    assert held.deeds == ("害怕",)
    assert not held.unheld_nouns and not held.unheld
    assert held.share == 1.0


def test_another_doer_is_a_noun_the_claim_lacks() -> None:
    held = chinese_held("缅甸警察让老百姓害怕吗", FEAR_ZH_TEXTS, KNOWN, ROLES)
    assert held is not None
    assert held.unheld_nouns == ("警察",)


@pytest.mark.parametrize(
    "question",
    [
        "我舅舅说缅甸示威者让老百姓害怕，真的吗",  # who passed it on, before "说"
        "那个将军说缅甸示威者让老百姓害怕，可信吗",  # who said it, by what he is; "credible"
        "敏昂莱说缅甸示威者让老百姓害怕",  # the claimant, as jieba joins his name to "说"
        "缅甸军政府领导人说示威者让老百姓害怕，有证据吗",  # his role; "evidence"
    ],
)
def test_who_said_it_and_how_it_is_asked_are_not_counted(question: str) -> None:
    held = chinese_held(question, FEAR_ZH_TEXTS, KNOWN, ROLES)
    assert held is not None
    assert set(held.held) == {"示威者", "老百姓", "害怕"}
    assert not held.unheld_nouns and not held.unheld


# Where the fear check was made, as its Chinese translation says it
MADE_ZH = (
    "2021年6月赴俄罗斯出席第九届莫斯科国际安全会议期间接受俄罗斯官方媒体卫星通讯社（Sputnik）采访",
)


@pytest.mark.parametrize(
    "question",
    [
        "群里看到一篇文章，缅甸示威者让老百姓害怕",  # where it reached the asker: an article
        "记得缅甸示威者好像让老百姓害怕",  # how sure the asker is: I remember, it seems
        "敏昂莱接受卫星通讯社采访时称缅甸示威者让老百姓害怕",  # where the claim was made
        "他在访问里说缅甸示威者让老百姓害怕",  # an interview, as Taiwan says it
    ],
)
def test_how_it_reached_the_asker_and_where_it_was_made_are_not_counted(question: str) -> None:
    held = chinese_held(question, FEAR_ZH_TEXTS, KNOWN, ROLES, MADE_ZH)
    assert held is not None
    assert set(held.held) == {"示威者", "老百姓", "害怕"}
    assert not held.unheld_nouns and not held.unheld


def test_where_it_was_made_counts_only_for_a_claim_made_there() -> None:
    """Without the claim's appearance, an interview and a news agency are words it lacks."""
    question = "敏昂莱接受卫星通讯社采访时称缅甸示威者让老百姓害怕"
    held = chinese_held(question, FEAR_ZH_TEXTS, KNOWN, ROLES)
    assert held is not None
    assert {"卫星", "通讯社"} <= set(held.unheld_nouns)


def test_a_set_phrase_counts_only_where_the_claim_holds_it() -> None:
    """ "真的假的" (true or false?), a set phrase jieba tags apart, is the asker's, not a word
    the claim lacks."""
    held = chinese_held("缅甸示威者让老百姓害怕，真的假的", FEAR_ZH_TEXTS, KNOWN, ROLES)
    assert held is not None
    assert set(held.held) == {"示威者", "老百姓", "害怕"}
    assert not held.unheld_nouns and not held.unheld


def test_no_reading_outside_chinese() -> None:
    assert chinese_held("Do Myanmar protesters scare people?", FEAR_ZH_TEXTS) is None
    assert chinese_held("ဆန္ဒပြသူတွေ 缅甸", FEAR_ZH_TEXTS) is None


ANSWERED_BY_WORDS = [
    # Demonstrations that later turned into terrorist activity: the escalation check
    ("缅甸的示威后来真的演变成恐怖活动了吗？", "mm-protests-became-terrorism"),
    ("缅甸游行升级成恐袭了？", "mm-protests-became-terrorism"),
    # Is election fraud the cause of the protests?
    ("缅甸大选舞弊是抗议的原因吗", "mm-election-fraud"),
    # "the head of the junta says the demonstrators frighten the local people so they
    # cannot live normally": who said it is not counted, "没法" is a verb the claim lacks
    (
        "军政府头子说示威者让当地老百姓害怕，没法正常生活，是真的吗？",
        "mm-protesters-spread-fear",
    ),
]


@pytest.mark.parametrize(("question", "claim_id"), ANSWERED_BY_WORDS)
def test_answered_by_its_words(matcher: Matcher, question: str, claim_id: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim_id


@pytest.mark.parametrize(("question", "claim_id"), ANSWERED_BY_WORDS)
def test_their_characters_alone_do_not_answer_them(
    monkeypatch: pytest.MonkeyPatch, question: str, claim_id: str
) -> None:
    """With no word count enough (decide.HELD_WORDS), the same questions as written (no word
    read as the claims' word of its meaning or class: synonyms.corrections) are offered or
    nothing: their words answer them, not their characters' scores. (A matcher of its own:
    the module's remembers what it decided.)"""
    monkeypatch.setattr(decide, "HELD_WORDS", 99)
    monkeypatch.setattr(synonyms, "corrections", lambda question, held: [])
    alone = Matcher(ClaimBase.open(":memory:"), semantic=None)
    assert alone.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # Demonstrations evolved into terrorism: "示威演变" in the place of "抗议活动升级为" is
        # the claim's words in words of their classes, no other doer (pieces.opening_put)
        ("缅甸示威演变成恐怖主义了吗", "mm-protests-became-terrorism"),
        ("缅甸示威 演变 恐怖主义？", "mm-protests-became-terrorism"),
        # Are the protesters scaring the local folk? "吓唬" (scare) names the fear the claim
        # speaks of, whichever of its words the question lacks ("民众", the people:
        # pieces.deed_put)
        ("缅甸抗议者吓唬当地老百姓吗", "mm-protesters-spread-fear"),
    ],
)
def test_words_of_the_claims_classes_put_in_its_place_are_no_other_doer_or_deed(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim_id
    assert not result.matches[0].replaced


@pytest.mark.parametrize(
    "question",
    [
        # The army, not the protesters, frightening the people: a noun the claim lacks
        "其实是军政府让缅甸民众害怕吧？军队是不是在制造恐惧",
        # The junta's new election will surely be rigged: "肯定" besides the claim's words
        "转发:缅甸军政府要搞的新选举肯定会作弊",
        # Strikes, not protests, turned into terror; an armed conflict, a civil war, not terror
        # (what the protests became, another noun: pieces.class_word_put), written
        # with the claim's own word for the protests too
        "缅甸的罢工后来演变成恐怖活动了吗",
        "缅甸的示威后来升级成武装冲突了吗",
        "缅甸的抗议后来升级成武装冲突了吗",
        "缅甸的抗议后来变成内战了吗",
        # The protesters afraid, not causing fear; protecting, not scaring
        "缅甸抗议者害怕老百姓吗",
    ],
)
def test_not_answered_by_its_words(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # "Min Aung Hlaing says the demonstrations later escalated into terrorism, right?":
        # its characters answer it, "对不对" (right?) read as the question's "吗"
        ("敏昂莱说示威后来升级成恐怖主义了，对不对？", "mm-protests-became-terrorism"),
        # "…, has anyone checked this claim?"
        ("敏昂莱说选举作弊所以人们才上街，有人核查过这个说法吗", "mm-election-fraud"),
        # "Those demonstrators in Myanmar all do it for money, everyone knows": "everyone
        # knows" stood where the claim says "terrorists", another deed; it is the question's
        # "吗" (text.without_chinese_asking)
        ("缅甸那些示威者都是拿钱办事的，大家都知道", "mm-protesters-paid"),
        # "Was Myanmar's 2020 election rigged?" in a word jieba's dictionary lacks ("做票", rig
        # the vote): of the class of the fraud check's "舞弊", no name the context lacks
        ("缅甸2020年选举是不是做票了", "mm-election-fraud"),
    ],
)
def test_a_clause_asking_or_taking_a_side_and_the_claims_class_answer_it(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim_id


def test_an_asking_clause_reads_as_ma_on_the_clause_before() -> None:
    asked = textlib.content_words(textlib.normalise("缅甸大选舞弊引发抗议，这是真的吗？"))
    assert asked == ["缅甸大选舞弊引发抗议吗"]
    # a clause of the claim's own words stays; one of asking words alone is nothing to check
    assert textlib.content_words("缅甸抗议者收钱了吗") == ["缅甸抗议者收钱了吗"]
    assert textlib.content_words("这是真的吗") == []


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # "…, everyone knows it"
        ("缅甸那些示威者都是拿钱办事的，大家都知道", ["缅甸那些示威者都是拿钱办事的吗"]),
        # "prove me wrong: …"
        ("证明我错了：缅甸搞爆炸的人都是被雇来的", ["缅甸搞爆炸的人都是被雇来的"]),
        # "…, not a shred of evidence, it makes me furious"
        ("军方一直说2020年选举造假，一点证据都没有，气死我了", ["军方一直说2020年选举造假吗"]),
    ],
)
def test_a_clause_taking_a_side_is_read_as_one_asking(question: str, read: list[str]) -> None:
    assert textlib.content_words(textlib.normalise(question)) == read


def test_a_clause_taking_a_side_is_the_questions_ma_in_the_claims_context() -> None:
    assert textlib.without_chinese_asking("缅甸示威者都是拿钱办事的，大家都知道") == (
        "缅甸示威者都是拿钱办事的吗，"
    )
    assert textlib.without_chinese_asking("这是真的吗") == "这是真的吗"  # nothing else said


def test_a_word_of_the_claims_class_of_deeds_in_another_year_is_no_answer(
    matcher: Matcher,
) -> None:
    # "was Myanmar's 2015 election rigged?": another year is still another election
    assert matcher.match("緬甸2015年大選是不是被做票？").decision != Decision.ANSWER


def test_a_countrys_army_by_its_initial_names_the_country(matcher: Matcher) -> None:
    """ "缅军" (Myanmar's army) sets the question in Myanmar, as "缅甸军方" does; another
    country's army ("泰军", Thailand's) or an army of no country ("军方") does not."""
    said = "说抗议者故意破坏政府的国际形象，有证据吗"
    result = matcher.match("缅军" + said)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == "mm-protesters-spread-fear"
    for elsewhere in ("泰军", "军方"):
        assert matcher.match(elsewhere + said).decision != Decision.ANSWER
