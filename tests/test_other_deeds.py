"""The claim's doers doing something else than it says: "do the protesters protect the local
people?" against "the protesters cause fear in the local population". Every word but the deed
is the claim's, so the characters (Chinese) and syllables (Burmese) score it as a rewording;
it is offered, saying which word differs, never answered with the claim's verdict."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, predicates
from knowledge.matching.pieces import HeldWords, chinese_other_deed
from knowledge.models import Decision

FEAR = "mm-protesters-spread-fear"
PAID = "mm-protesters-paid"
FEAR_ZH_TEXTS = (
    "缅甸抗议者在当地民众中制造恐惧吗",
    "缅甸抗议者故意破坏政府的国际形象吗",
    "首先，抗议者在当地民众中制造恐惧，从而妨碍人们在国内过正常生活。他们制造恐惧。其次，他们正在"
    "国际舞台上破坏现政府的形象。他们是为了自身利益故意这样做的。",
)


@pytest.mark.parametrize(
    "question",
    [
        "缅甸示威者保护当地民众吗",  # do the demonstrators protect the local people?
        "緬甸示威者保護當地民眾嗎",  # the same, in traditional characters
        "缅甸示威者给民众捐款了吗",  # did they donate to the people?
        "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကူညီနေတာလား",  # are the protesters helping the people?
        "မြန်မာ ဆန္ဒပြသူတွေက ဒေသခံပြည်သူတွေကို ကာကွယ်ပေးနေတာလား",  # protecting the locals?
        "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ငွေလှူနေတာလား",  # donating money to the people?
        # Whom the claim's doers act on held too ("the government"), the deed another's
        "Did the Myanmar protesters help the government?",
        "Were the Myanmar protesters arrested by the government?",
        "Are the Myanmar protesters praising the government abroad?",
    ],
)
def test_another_deed_of_the_claims_doers_is_offered_not_answered(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST, question
    assert result.matches[0].claim_id == FEAR


@pytest.mark.parametrize(
    "question",
    [
        "缅甸抗议者在当地民众中制造恐惧吗",  # the claim's own wording
        "缅甸抗议者让民众害怕吗",  # make the people afraid
        "缅甸抗议者威胁民众吗",  # threaten the people: fear, in a word of its class
        "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား",  # the claim's Burmese wording
        "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်နေတာလား",  # threatening the people
        "Are the protesters in Myanmar wrecking the government's image abroad?",
        "Are the Myanmar protesters embarrassing the government internationally?",
        # "…spoil the government's image abroad": "за границей" is the claim's "на
        # международной арене" (in the international arena), no other thing than its country
        "Протестующие в Мьянме специально портят имидж правительства за границей?",
    ],
)
def test_the_claims_deed_in_its_words_or_its_class_is_answered(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, question
    assert result.matches[0].claim_id == FEAR


def test_the_reply_says_which_word_stands_where_the_claim_says_what_is_done(
    matcher: Matcher,
) -> None:
    best = matcher.match("缅甸示威者保护当地民众吗").matches[0]
    assert best.replaced == (("保护", "恐惧"),)


def test_the_reply_names_the_english_deed_against_the_claims_word_of_its_class(
    matcher: Matcher,
) -> None:
    best = matcher.match("Did the Myanmar protesters help the government?").matches[0]
    assert best.replaced == (("help", "scaring"),)


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        # whom the claim's doers act on held, the deed another's
        ("Did the Myanmar protesters help the government?", ("help", "scaring")),
        ("Протестующие в Мьянме кормят местное население?", ("кормят", "страх")),
        # the claim's deed in a word of its class: the claim in other words
        ("Are the Myanmar protesters smearing the government abroad?", None),
        ("Протестующие в Мьянме запугивают местное население?", None),
    ],
)
def test_another_deed_in_letters_with_case_is_read_as_in_chinese(
    matcher: Matcher, question: str, pair: tuple[str, str] | None
) -> None:
    """A short question keeping who the claim's doers are and whom they act on, with a word
    of its own where the claim says what they do in a word of a class of deeds: another
    deed (Comparison.deed_pair, Match.other_deed), so that the semantic model's agreement
    does not answer it either, as in Chinese."""
    best = matcher.match(question).matches[0]
    assert best.claim_id == FEAR
    assert best.context is not None and best.context.deed_pair == pair
    assert best.other_deed is (pair is not None)


def test_who_and_whom_alone_held_with_another_verb_is_another_deed() -> None:
    held = HeldWords(held=("抗议者", "民众"), unheld_nouns=(), unheld=("保护",))
    question, phrasing = "缅甸抗议者保护民众吗", FEAR_ZH_TEXTS[0]
    assert chinese_other_deed(held, question, phrasing, FEAR_ZH_TEXTS) == ("保护", "恐惧")
    # A deed held, or no word said beside who and whom: nothing to pair.
    holding = HeldWords(held=("抗议者", "恐惧"), unheld_nouns=(), unheld=("说",), deeds=("恐惧",))
    assert chinese_other_deed(holding, question, phrasing, FEAR_ZH_TEXTS) is None
    alone = HeldWords(held=("抗议者", "民众"), unheld_nouns=(), unheld=())
    assert chinese_other_deed(alone, question, phrasing, FEAR_ZH_TEXTS) is None


def test_a_word_of_a_class_of_deeds_the_claim_holds_is_no_other_deed() -> None:
    # "拿了钱才上街" (took money to take to the streets): "钱", one character, is the payment
    # the paid check speaks of, though no word of two characters the claim holds.
    paid = (
        "缅甸抗议者是收钱的恐怖分子吗",
        "缅甸抗议者收钱进行恐怖袭击吗",
        "抗议者收钱，从事恐怖袭击。",
    )
    held = HeldWords(held=("抗议者",), unheld_nouns=(), unheld=("上街",))
    question = "缅甸抗议者是不是拿了钱才上街的"
    assert chinese_other_deed(held, question, paid[0], paid) is None


@pytest.mark.parametrize(
    ("question", "doer"),
    [
        ("缅甸抗议者捐钱了吗", "抗议者"),  # did the protesters donate money?
        ("Did the Myanmar protesters donate money to terrorists?", "protesters"),
        ("ဆန္ဒပြသူတွေက အကြမ်းဖက်သမားတွေကို ငွေလှူနေတာလား", "ဆန္ဒပြသူ"),
    ],
)
def test_donating_is_paying_where_the_claim_says_its_doers_are_paid(
    matcher: Matcher, question: str, doer: str
) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST
    best = next(m for m in result.ranked if m.claim_id == PAID)
    assert best.other_role is not None
    assert (best.other_role.kind, best.other_role.doer) == ("pays", doer)


@pytest.mark.parametrize(
    ("word", "theirs"),
    [
        ("抹黑", "破坏"),  # to smear, to damage (an image)
        ("损害", "破坏"),
        ("ruin", "destroying"),
        ("очерняют", "портят"),
        ("威胁", "恐惧"),  # to threaten, fear
        ("发展", "升级"),  # to develop (into), to escalate
    ],
)
def test_words_of_one_class_of_deeds(word: str, theirs: str) -> None:
    assert predicates.same_class(word, theirs)
    assert predicates.says_a_deed(word)


def test_a_verb_of_no_class_is_of_none() -> None:
    assert not predicates.same_class("保护", "恐惧")  # to protect, fear
    assert not predicates.says_a_deed("保护")


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("Did the Myanmar protesters damage government buildings?", ("buildings", "image")),
        (
            "Are the protesters in Myanmar destroying the country's infrastructure?",
            ("infrastructure", "reputation"),
        ),
        ("Did Myanmar protesters ruin the economy?", ("economy", "image")),
        ("缅甸抗议者破坏政府大楼吗", ("大楼", "形象")),  # government buildings
        ("缅甸抗议者破坏国家经济吗", ("经济", "形象")),  # the country's economy
    ],
)
def test_another_thing_damaged_where_the_claim_says_a_name_is_offered(
    matcher: Matcher, question: str, pair: tuple[str, str]
) -> None:
    """The claim says its doers destroy the government's image; a question with its doers
    damaging something else asks another claim: offered, saying which word stands where the
    claim has its word of a name, and never answered on the semantic model's agreement
    (Match.other_deed)."""
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST, question
    best = result.matches[0]
    assert best.claim_id == FEAR
    assert best.replaced == (pair,)
    assert best.other_deed


@pytest.mark.parametrize(
    "question",
    [
        "Did protesters in Myanmar damage the government's reputation?",  # a name in its class
        "Are the Myanmar protesters smearing the government abroad?",  # only where
        "Are Myanmar protesters discrediting the army on purpose?",  # the claimant's own side
        "缅甸示威者损害国家声誉吗",  # the country's reputation
    ],
)
def test_a_name_damaged_or_no_thing_named_is_no_other_thing(
    matcher: Matcher, question: str
) -> None:
    best = matcher.match(question).matches[0]
    assert best.claim_id == FEAR
    assert not best.other_deed, question


@pytest.mark.parametrize(
    ("word", "theirs"), [("reputation", "image"), ("репутацию", "имидж"), ("声誉", "形象")]
)
def test_words_of_a_name_are_of_one_class(word: str, theirs: str) -> None:
    assert predicates.same_class(word, theirs)
    assert not predicates.says_a_deed(word)


def test_a_burmese_word_of_a_name_restates_the_claims() -> None:
    # dignity, where the claim's phrasing says the image ("ပုံရိပ်")
    assert predicates.burmese_restated("ဂုဏ်သိက္ခာ", "အစိုးရရဲ့ ပုံရိပ်ကို ဖျက်ဆီး") == ""


@pytest.mark.parametrize(
    "question",
    [
        "Did Myanmar protesters spread rumours?",
        "Did Myanmar protesters spread the truth?",
        "Протестующие в Мьянме сеют ложь?",  # sow lies (the summary says "Ложь": the verdict)
    ],
)
def test_what_the_doers_spread_is_no_word_of_asking(matcher: Matcher, question: str) -> None:
    """Words of whether a message holds ("rumours", "the truth", "ложь") are the asker's
    after the claim's words ("…spread fear, true?"), and what the doers spread right after
    its verb: another deed, offered, never answered."""
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST, question
    assert result.matches[0].claim_id == FEAR


@pytest.mark.parametrize(
    "question",
    [
        "Myanmar protesters spread fear, true?",
        "Did the Myanmar protesters spread fear? fake news?",
        "Протестующие в Мьянме сеют страх — правда?",
        "Мин Аунг Хлайн: протестующие запугивают население и специально дискредитируют власть "
        "за рубежом. Оцените это заявление",  # discrediting whom: a name damaged
    ],
)
def test_asking_whether_the_claim_holds_is_answered(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, question
    assert result.matches[0].claim_id == FEAR


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("缅甸抗议者在当地民众中制造混乱吗", ("混乱", "恐惧")),  # create chaos, for fear
        ("缅甸抗议者在当地民众中制造欢乐吗", ("欢乐", "恐惧")),  # create joy
        ("缅甸的抗议活动升级为内战了吗", ("内战", "恐怖主义")),  # escalate into civil war
    ],
)
def test_another_word_in_place_of_a_chinese_word_of_a_class_is_offered(
    matcher: Matcher, question: str, pair: tuple[str, str]
) -> None:
    """The claim's phrasing with one word of a closed class put otherwise, the question
    naming no word of that class: what the claim says, said of another thing
    (pieces.class_word_put)."""
    result = matcher.match(question)
    assert result.decision == Decision.SUGGEST, question
    assert result.matches[0].replaced == (pair,)
    assert result.matches[0].other_deed


@pytest.mark.parametrize(
    "question",
    [
        "缅甸抗议者在当地民众中制造恐慌吗",  # panic: a word of the class of fear
        "缅甸抗议者制造恐惧 故意摸黑政府国际形像",  # "摸黑" is "抹黑" (to smear) mistyped
        "敏昂莱说抗议的人都是拿钱办事的 真的假的",  # "真的假的" (true or false?) is the asker's
    ],
)
def test_a_word_of_the_class_mistyped_or_of_asking_is_no_other_word(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision == Decision.ANSWER, question
