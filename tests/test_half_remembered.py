"""Questions asked from half a memory (near_misses_blind56.tsv, "A fifty-sixth blind probe:
half-remembered"): who said it, to whom and when, hedged; and the same kind of claim remembered
with one detail that puts it elsewhere, which must not get the claim's verdict."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, negation
from knowledge.matching import text as textlib
from knowledge.matching.names import chinese_names, chinese_numbers, visits
from knowledge.matching.pieces import is_when, unknown_pieces
from knowledge.matching.saying import spokesperson
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The junta spokesman said the protesters are paid", "spokesman"),
        ("a military spokeswoman told reporters", "spokeswoman"),
        ("Пресс-секретарь хунты Мьянмы сказал", "Пресс-секретарь"),
        ("слова пресс-секретаря армии", "пресс-секретаря"),
        ("缅甸军政府发言人说", "发言人"),
        ("စစ်ကောင်စီ ပြောခွင့်ရပုဂ္ဂိုလ်က ပြောတယ်", "ပြောခွင့်ရ"),
        ("my uncle said the protesters are paid", None),
        ("Мин Аунг Хлайн сказал Спутнику", None),
    ],
)
def test_who_speaks_for_another_by_office_is_read_in_four_languages(
    text: str, word: str | None
) -> None:
    assert spokesperson(text) == word


@pytest.mark.parametrize(
    "question",
    [
        "the junta spokesman said the protesters in myanmar are paid. true?",
        "Пресс-секретарь хунты Мьянмы сказал, что протестующим платят. Правда?",
        # The claimant named only as who did not say it: "it was him, not Min Aung Hlaing".
        "缅甸军政府发言人佐敏吞说示威者都是收钱办事的，好像是他不是敏昂莱，这是真的吗",
    ],
)
def test_a_spokesmans_claim_is_offered_not_answered(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    best = result.ranked[0]
    assert best.context is not None and best.context.spokesperson == spokesperson(question)
    assert best.foreign  # what the reply says differs: the spokesman, where no name is


def test_a_spokesman_relaying_the_claimants_words_is_who_passed_them_on(
    matcher: Matcher,
) -> None:
    assert_answered(
        matcher,
        "Junta spokesman Zaw Min Tun says Min Aung Hlaing told Sputnik that those who carry "
        "out terrorist attacks in Myanmar work for money and it is not a political movement. "
        "True?",
        "mm-protesters-paid",
    )


@pytest.mark.parametrize(
    ("question", "interviewer"),
    [
        ("半岛电视台采访缅甸将军，他说抗议是因为选举舞弊，他的话属实吗", "半岛电视台"),
        ("缅甸将军接受路透社采访时说抗议是因为选举舞弊，属实吗", "路透社"),
    ],
)
def test_who_interviewed_him_in_chinese_is_a_name_the_claim_lacks(
    matcher: Matcher, question: str, interviewer: str
) -> None:
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    assert interviewer in chinese_names(question, 0, len(question))


@pytest.mark.parametrize(
    "question",
    [
        # Russia's media, where the claim was said to Russia's Sputnik; in two spellings.
        "缅甸将军接受俄罗斯媒体采访时说抗议是因为选举舞弊，属实吗",
        "敏昂莱接受俄媒采访时说抗议是因为选举舞弊，属实吗",
    ],
)
def test_the_claims_own_countrys_media_interviewing_is_no_other_name(
    matcher: Matcher, question: str
) -> None:
    assert_answered(matcher, question, "mm-election-fraud")


@pytest.mark.parametrize(
    "question",
    [
        # Told to Russia's media: whom it was said to, not who says it ("跟…说", "对…说")
        "敏昂莱跟俄媒说抗议是因为选举舞弊，属实吗",
        "敏昂莱对俄媒说，抗议是因为选举舞弊，属实吗",
    ],
)
def test_the_claims_own_countrys_media_told_it_is_no_other_name(
    matcher: Matcher, question: str
) -> None:
    assert_answered(matcher, question, "mm-election-fraud")


def test_another_outlet_told_it_is_still_a_name_the_claim_lacks(matcher: Matcher) -> None:
    question = "敏昂莱对半岛电视台说抗议是因为选举舞弊，属实吗"
    assert matcher.match(question).decision != Decision.ANSWER
    assert any("电视台" in name for name in chinese_names(question, 0, len(question)))


@pytest.mark.parametrize(
    ("question", "glued"),
    [
        ("缅甸将军接受卫星通讯社采访时称抗议是因为选举舞弊", "时称"),  # when (he) said
        ("他跟卫星社说抗议是因为选举舞弊", "社说"),  # told Sputnik ("卫星社")
    ],
)
def test_a_verb_of_saying_glued_to_a_word_before_it_is_no_name(question: str, glued: str) -> None:
    """jieba's model of unknown words glues a word of one character to the verb of saying
    after it: no name."""
    assert all(glued not in name for name in chinese_names(question, 0, len(question)))


def test_a_name_said_again_makes_no_post_of_a_question(matcher: Matcher) -> None:
    """Insisting on where it was seen ("…это точно была Аль-Джазира") adds no words of
    content: still a question, whose other name makes it another claim."""
    insisted = (
        "Смотрела на Аль-Джазире, как генерал из Мьянмы говорил, что протесты начались из-за "
        "фальсификации выборов, это точно была Аль-Джазира. Он прав?"
    )
    result = matcher.match(insisted)
    assert result.decision != Decision.ANSWER
    assert "Аль-Джазира" in result.ranked[0].foreign


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("didnt the general say", "did not the general say"),
        ("dont know", "do not know"),
        ("cannot say", "can not say"),
    ],
)
def test_an_auxiliary_contracted_without_its_apostrophe_is_kept(written: str, read: str) -> None:
    """As "didn't" is read: the auxiliary opening a question stays, so its "not" asks and
    negates nothing (knowledge.matching.negation.count)."""
    assert textlib.normalise(written) == read


@pytest.mark.parametrize("approximate", ["一两年前", "两三年前", "三四个人", "七八个"])
def test_a_chinese_number_or_the_next_is_no_number(approximate: str) -> None:
    assert chinese_numbers(approximate) == []


def test_chinese_numbers_written_digit_by_digit_are_still_read() -> None:
    assert chinese_numbers("二〇二一年") == ["2021"]
    assert chinese_numbers("二十三") == ["23"]


@pytest.mark.parametrize(
    "question",
    [
        # a year or two ago
        "前阵子（其实可能一两年前了）看到缅甸将军说抗议者故意损害政府形象、搞得人心惶惶，这话经得起核查吗",
        # "讲过", said (a verb of saying, done)
        "緬甸軍方首領好像講過示威者在國際上故意抹黑政府形象，是為了自己的利益，這是真的嗎",
    ],
)
def test_chinese_hedges_of_when_and_said_are_no_names(matcher: Matcher, question: str) -> None:
    assert_answered(matcher, question, "mm-protesters-spread-fear")


def test_this_part_in_chinese_is_no_name(matcher: Matcher) -> None:
    """ "这部分" (this part), a numeral-classifier word to jieba, naming no number."""
    assert_answered(
        matcher,
        "好像是缅甸总司令说的吧，一开始大家抗议是因为选举欺诈。选举欺诈这部分是真的吗",
        "mm-election-fraud",
    )


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # "I am a student." (who asks, introducing themselves)
        (
            "ကျောင်းသူတစ်ယောက်ပါ။ ဆန္ဒပြပွဲတွေ အကြမ်းဖက်ဝါဒ ဖြစ်လာတယ်ဆိုတဲ့ စစ်ခေါင်းဆောင်ရဲ့ စကားကို "
            "assignment မှာ သုံးချင်လို့ပါ၊ မှန်မမှန် သိချင်တယ်",
            "mm-protests-became-terrorism",
        ),
        # a customer in the shop said it
        (
            "ဆိုင်မှာ ဖောက်သည်တစ်ယောက်က ပြောသွားတယ်၊ စစ်ခေါင်းဆောင်က ရွေးကောက်ပွဲ မသမာမှုကြောင့် "
            "ဆန္ဒပြကြတာလို့ ပြောထားတာတဲ့။ ဒါ အမှန်လား",
            "mm-election-fraud",
        ),
    ],
)
def test_who_asks_in_burmese_is_no_name(matcher: Matcher, question: str, claim_id: str) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize("when", ["ဟိုတလောက", "ဟိုအရင်က", "တလောက"])
def test_burmese_words_of_when_as_half_remembered_say_when(when: str) -> None:
    """A while back, before: words of when (pieces.is_when), which a question may
    add to the claim's words and say no more."""
    assert is_when(when)


@pytest.mark.parametrize(
    "hedge",
    [
        "ဟိုတုန်းက",  # back then
        "မော်စကိုသွားတုန်းကလို့",  # when he went to Moscow, (I) think
        "ဖြစ်မယ်ထင်ပါတယ်",  # it must be, I think
        "အဖွားက",  # grandma
        "ဖုန်းထဲမှာ",  # in the phone
        "လိုမျိုး",  # something like
    ],
)
def test_burmese_words_of_half_remembering_are_no_pieces(hedge: str) -> None:
    phrasing = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    question = f"{hedge} ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    assert unknown_pieces(question, phrasing, [phrasing]) == []


@pytest.mark.parametrize(
    ("said", "negations"),
    [
        # "никакого … нет" (no … at all): one negation, of what follows the "никакого"
        ("никакого политического движения нет", 1),
        ("это не политическое движение", 1),
        ("никакой политики там нет и не было", 2),
        # the asker's own, in Russian: "я не помню" (I don't remember)
        ("я не помню кто это сказал", 0),
        ("протестующим не платили", 1),
    ],
)
def test_russian_no_at_all_and_the_askers_own_negations(said: str, negations: int) -> None:
    assert negation.count(said) == negations


@pytest.mark.parametrize(
    "question",
    [
        "Помню, военный лидер Мьянмы утверждал, что никакого политического движения нет, люди "
        "просто получают деньги. Где-то в 2021, наверное. Это правда?",
        "Правда, что глава военных в Мьянме заявил, будто повстанцы воюют только за деньги и "
        "никакого политического движения там нет?",
    ],
)
def test_no_political_movement_at_all_says_what_the_claim_says(
    matcher: Matcher, question: str
) -> None:
    """The claim's "It's not some political movement", said with "никакого … нет"."""
    result = matcher.match(question)
    assert_answered(matcher, question, "mm-protesters-paid")
    assert not result.matches[0].negation_mismatch


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # said while visiting Russia, by Chinese's initial for it: where the claim was made
        ("缅甸军方领导人访俄期间称，抗议者是收钱的恐怖分子，可信吗", True),
        # while visiting the US or Japan: somewhere else, named as what differs
        ("缅甸军方领导人访美期间称，抗议者是收钱的恐怖分子，可信吗", False),
        ("缅甸军方领导人访日期间称，抗议者是收钱的恐怖分子，可信吗", False),
    ],
)
def test_a_visit_by_a_countrys_initial_is_where_it_was_said(
    matcher: Matcher, question: str, answered: bool
) -> None:
    result = matcher.match(question)
    assert (result.decision == Decision.ANSWER) is answered
    assert result.ranked[0].claim_id == "mm-protesters-paid"
    if not answered:
        assert result.ranked[0].foreign == (question[7:9],)


def test_an_interview_is_no_visit() -> None:
    """ "采访中说" (said in the interview): "访" of "采访", and "中" no visit to China."""
    assert visits("他在采访中说抗议者是收钱的") == []
    assert visits("缅甸军方领导人访俄期间说") == [("访俄", frozenset({"RU"}))]
    assert visits("敏昂萊訪俄期間稱") == [("访俄", frozenset({"RU"}))]  # traditional characters
