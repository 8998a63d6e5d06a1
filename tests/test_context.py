"""Whether a question in a script without spaces speaks of something its closest claim does
not (knowledge.matching.pieces.unknown_pieces): another place or year does; the words a
question wraps a claim in ("is it true?", particles) do not."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from knowledge.matching import predicates
from knowledge.matching.context import ClaimContext, _modifiers, compare
from knowledge.matching.kinds import another_election
from knowledge.matching.names import sole_country
from knowledge.matching.pieces import (
    SYLLABLE_START,
    chinese_claimant_does,
    chinese_claimants_side,
    chinese_compound_doer,
    chinese_topic_only,
    deed_put,
    read_pieces,
    replaced_opening,
    shared_syllables,
    unknown_pieces,
)
from knowledge.matching.saying import said_by, saying_typed, seen_on
from knowledge.matching.text import normalise, phrased_burmese
from knowledge.matching.wording import any_same, same_name
from knowledge.matching.zawgyi import is_zawgyi, to_unicode

PAID_MY = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
FEAR_MY = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"
FRAUD_MY = "မြန်မာနိုင်ငံ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား"
BECAME_MY = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား"
PAID_ZH = "缅甸抗议者收钱进行恐怖袭击吗"


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်လား", PAID_MY),  # "... true?"
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်သလား", PAID_MY),  # "... is it so?"
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်", PAID_MY),  # "... they said"
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ပြောချက်", PAID_MY),  # "... statement"
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ထုတ်ပြန်ချက်", PAID_MY),  # "announcement"
        ("听说缅甸抗议者收钱进行恐怖袭击是真的吗", PAID_ZH),  # "I heard ... is it true?"
        ("缅甸抗议者收钱进行恐怖袭击了吗", PAID_ZH),
    ],
)
def test_the_words_a_question_is_wrapped_in_are_no_subject(question: str, closest: str) -> None:
    assert unknown_pieces(question, closest, [closest]) == []


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("ဟောင်ကောင် ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", FEAR_MY),  # Hong Kong
        ("ကချင် ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", FEAR_MY),  # Kachin: "က" opens it
        ("အမေရိကန် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်လား", PAID_MY),  # American
        # Putin said it: who said it stays a piece, the verb of saying does not.
        ("ပူတင်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်", PAID_MY),
        ("泰国抗议者收钱进行恐怖袭击是真的吗", PAID_ZH),  # Thailand in place of Myanmar
        ("听说香港抗议者收钱进行恐怖袭击吗", PAID_ZH),  # Hong Kong
    ],
)
def test_another_place_is_still_another_subject(question: str, closest: str) -> None:
    assert unknown_pieces(question, closest, [closest, "ပြည်သူတွေ လုပ်ချင်"]) != []


@pytest.mark.parametrize(
    "question",
    [
        "缅甸抗议者是拿钱搞恐怖袭击的吗",  # take money to make attacks
        "缅甸的抗议者收了钱才去搞袭击吗",  # only attacked after being paid
        "缅甸反政变抗议者是被收买的恐怖分子吗",  # anti-coup protesters, bought
        # My uncle, my friend says: a noun a person owns is a relation, no name.
        "我舅舅说缅甸抗议者收钱进行恐怖袭击吗",
        "我的朋友说缅甸抗议者收钱进行恐怖袭击吗",
        # Took to the streets: a verb jieba's dictionary tags a place (names.TAG_CORRECTIONS).
        "缅甸抗议者收钱上街进行恐怖袭击吗",
        "缅甸城市里的抗议者收钱进行恐怖袭击吗",  # in Myanmar's cities: "城市" tagged a place
        # A numeral naming no number ("一下", a little); a word no dictionary holds that
        # jieba's model reads as a verb ("非说", insists): no names.
        "缅甸抗议者收钱进行恐怖袭击吗？帮忙查一下",
        "我同事非说缅甸抗议者收钱进行恐怖袭击",
        # Who passed it on and where: a relative jieba tags as a name ("阿姨", aunt), a chat
        # group and a relative owned that its dictionary lacks ("群里", "我爸").
        "我阿姨说缅甸抗议者收钱进行恐怖袭击",
        "看到群里在传缅甸抗议者收钱进行恐怖袭击",
        "我爸发来的：缅甸抗议者收钱进行恐怖袭击",
        # A friend, relatives, grandma, owned by where they are, not by a person: who passed
        # it on still (names.PASSING_ON), as "a friend at school says" is in English.
        "学校的朋友说缅甸抗议者收钱进行恐怖袭击",
        "老家的亲戚说缅甸抗议者收钱进行恐怖袭击",
        "村里的外婆说缅甸抗议者收钱进行恐怖袭击",
    ],
)
def test_a_chinese_piece_of_ordinary_words_is_no_subject(question: str) -> None:
    # Words as jieba's dictionary reads them, none of them a name: the claim reworded.
    assert unknown_pieces(question, PAID_ZH, [PAID_ZH], ["缅甸"]) == []


@pytest.mark.parametrize(
    "question",
    [
        "缅甸抗议者是被东盟收买的恐怖分子吗",  # bought by ASEAN: an abbreviation
        "缅甸抗议者是被中情局收买的恐怖分子吗",  # by the CIA: a body
        "万斯说缅甸抗议者收钱进行恐怖袭击吗",  # Vance says: a name
        "他信说缅甸抗议者收钱进行恐怖袭击吗",  # Thaksin says: 他 + 信 to no dictionary
        "缅甸抗议者每天收五千缅币吗",  # 5,000 kyat a day: a numeral
        "缅甸抗议者是被民盟收买的恐怖分子吗",  # bought by the NLD: a noun where a name goes
        "缅甸抗议者是被国家团结政府收买的吗",  # by the National Unity Government: the same
        "缅甸抗议者是被西方国家收买的吗",  # by Western countries: the agent, up to its verb
        "总统说缅甸抗议者收钱进行恐怖袭击吗",  # the president says: before a verb of saying
        "民盟说缅甸抗议者收钱进行恐怖袭击吗",  # the NLD says: a noun no person owns
        "我舅舅说泰国抗议者收钱进行恐怖袭击吗",  # my uncle says, of Thailand's protesters
        "缅甸和尚上街收钱进行恐怖袭击吗",  # monks (2007's too): left a name, as tagged
        "缅甸山区的武装分子收钱进行恐怖袭击吗",  # the armed groups of the hills
    ],
)
def test_a_chinese_piece_with_a_name_or_a_word_no_dictionary_holds_is_a_subject(
    question: str,
) -> None:
    assert unknown_pieces(question, PAID_ZH, [PAID_ZH], ["缅甸"]) != []


@pytest.mark.parametrize(
    "question",
    [
        "看到消息说缅甸抗议者收钱进行恐怖袭击吗",  # saw news saying…
        "我妈在微信群里转的：缅甸抗议者收钱进行恐怖袭击吗",  # forwarded in the WeChat group
        "视频说缅甸抗议者收钱进行恐怖袭击吗",  # a video says…
        "网上说缅甸抗议者收钱进行恐怖袭击，真的假的？",  # online it says…
        "缅甸抗议者收钱进行恐怖袭击？求辟谣",  # please debunk ("辟谣" jieba tags a name)
    ],
)
def test_how_a_chinese_message_reached_the_asker_is_no_subject(question: str) -> None:
    """The news, a video, WeChat: where a message came from, before a verb of saying too, as
    "post", "video", "Facebook" are in English (textlib.PASSING_ON); a person there is still
    a name ("普京说…", Putin says)."""
    assert all(p.ordinary for p in read_pieces(question, PAID_ZH, [PAID_ZH], ["缅甸"]))
    putin = read_pieces("普京说缅甸抗议者收钱进行恐怖袭击吗", PAID_ZH, [PAID_ZH], ["缅甸"])
    assert not all(p.ordinary for p in putin)


def test_the_media_of_the_country_a_chinese_claim_was_said_in_is_no_other_subject() -> None:
    """ "俄媒" (Russian media, by Russia's initial) where the claim's setting names Russia
    (said to Russian television): where it was said. "美媒" (US media) may be another outlet
    saying it, and still names; so does "俄媒说" (Russian media says), who says it."""
    setting = ["接受俄罗斯官方媒体卫星通讯社采访"]
    known = ["缅甸", "敏昂莱"]
    told = "敏昂莱接受俄媒采访时说缅甸抗议者收钱进行恐怖袭击"
    assert all(p.ordinary for p in read_pieces(told, PAID_ZH, [PAID_ZH], known, setting))
    for says in ("美媒说缅甸抗议者收钱进行恐怖袭击吗", "俄媒说缅甸抗议者收钱进行恐怖袭击吗"):
        pieces = read_pieces(says, PAID_ZH, [PAID_ZH], known, setting)
        assert not all(p.ordinary for p in pieces)


def test_paying_in_chinese_is_a_verb_not_who_paid() -> None:
    """jieba tags "花钱" (spend money) a noun, so "被花钱雇来" (hired with money) read it as who
    hired them, where a name goes after "被" (names.TAG_CORRECTIONS). Who paid is still read:
    "被西方国家花钱雇来" (hired with the West's money)."""
    hired = "缅甸的抗议者是被花钱雇来搞恐怖袭击的吗"
    assert all(p.ordinary for p in read_pieces(hired, PAID_ZH, [PAID_ZH], ["缅甸"]))
    west = "缅甸的抗议者是被西方国家花钱雇来搞恐怖袭击的吗"
    assert not all(p.ordinary for p in read_pieces(west, PAID_ZH, [PAID_ZH], ["缅甸"]))


def test_a_chinese_word_one_character_off_a_word_of_the_claims_texts_is_a_typo() -> None:
    # "军正府" for "军政府" (the junta), which the claimant's role holds; before a verb of
    # saying, where a name would go, too. Two characters share too little to tell.
    setting = ["缅甸军政府领导人"]
    typo = read_pieces(
        "缅甸军正府说抗议者收钱进行恐怖袭击吗", PAID_ZH, [PAID_ZH], ["缅甸"], setting
    )
    assert all(p.ordinary for p in typo)
    other = read_pieces("缅甸军人府说抗议者收钱进行恐怖袭击吗", PAID_ZH, [PAID_ZH], ["缅甸"])
    assert not all(p.ordinary for p in other)
    # A name the dictionary holds is no typo: Soros, one character off Russia (俄罗斯).
    soros = read_pieces("缅甸抗议者是被索罗斯收买的吗", PAID_ZH, [PAID_ZH], ["缅甸"], ["俄罗斯"])
    assert not all(p.ordinary for p in soros)


def test_a_name_the_claims_setting_holds_is_not_foreign_to_it_in_chinese() -> None:
    # As in English, where a name the summary holds is not foreign: "敏昂莱说…" (Min Aung
    # Hlaing says) against a claim whose Chinese summary names him, and against one that does
    # not.
    said = "敏昂莱说缅甸抗议者收钱进行恐怖袭击吗"
    summary = ClaimContext.of([PAID_ZH], setting=["敏昂莱对抗议动机的描述是错误的。"])
    assert not compare(said, summary, PAID_ZH).unread
    assert compare(said, ClaimContext.of([PAID_ZH]), PAID_ZH).unread


def test_a_word_glued_to_a_name_the_claim_holds_is_read_without_it() -> None:
    # jieba reads "敏昂莱说" (Min Aung Hlaing says) as one name; the claim holds the name.
    said = "敏昂莱说缅甸抗议者收钱进行恐怖袭击吗"
    assert unknown_pieces(said, PAID_ZH, [PAID_ZH, "敏昂莱对抗议的描述"], ["缅甸"]) == []
    assert unknown_pieces(said, PAID_ZH, [PAID_ZH], ["缅甸"]) != []


def test_a_name_spelt_one_letter_otherwise_beside_the_rest_of_it_is_the_same_name() -> None:
    # Names are transliterated more than one way: "Мин Аунг Хлайн" where the claim's texts
    # write "Мин Аун Хлайн". One letter off alone, or beside no known name, is another name.
    claim = ClaimContext.of(
        ["Мин Аун Хлайн говорит, что протестующим в Мьянме платят", "Is Iraq rigging votes?"],
        speaker="Мин Аун Хлайн",
    )
    same = compare("Мин Аунг Хлайн говорит, что протестующим в Мьянме платят деньги", claim)
    assert same.foreign == () and not same.unrelated
    assert compare("Is Iran rigging votes?", claim).foreign == ("Iran",)
    assert "Аунг" in compare("Правда ли, что Аунг говорит о протестах в Мьянме?", claim).foreign


# A claim written in English only: a question in Chinese or Burmese names its place in its own
# language, and other places and people too (knowledge.matching.names).
PAID_EN = ClaimContext.of(
    ["Protesters in Myanmar are paid terrorists"], speaker="The military government of Myanmar"
)


def test_places_are_read_in_scripts_without_case_by_their_region() -> None:
    from knowledge.matching.names import unspaced_names

    assert unspaced_names("泰国和缅甸的抗议者") == [("泰国", "TH"), ("缅甸", "MM")]
    # Traditional characters, normalised to simplified ones as every question is.
    assert unspaced_names(normalise("緬甸抗議者")) == [("缅甸", "MM")]
    assert unspaced_names("ထိုင်း ဆန္ဒပြသူတွေ") == [("ထိုင်း", "TH")]


def test_a_chinese_question_naming_the_claims_place_with_an_unknown_piece_is_refused() -> None:
    # About Myanmar's protesters, anchored, nothing foreign: "万斯说…" (Vance says) is still
    # refused for its piece, a name jieba's dictionary holds; reworded with ordinary words
    # ("拿钱搞": take money to do), it is not.
    vance = compare("万斯说缅甸抗议者是收钱的恐怖分子吗", PAID_EN, "缅甸抗议者是收钱的恐怖分子吗")
    assert vance.anchored and vance.foreign == ()
    assert vance.extra and vance.unanchored
    reworded = compare("缅甸抗议者是拿钱搞恐怖袭击的吗", PAID_EN, "缅甸抗议者是收钱的恐怖分子吗")
    assert reworded.anchored and not (reworded.unread or reworded.unanchored)
    # Ordinary words the claim lacks, and not its place: not this claim, as in English.
    students = compare("学生是收钱的恐怖分子吗", PAID_EN, "缅甸抗议者是收钱的恐怖分子吗")
    assert students.extra and not students.unread and students.unanchored


@pytest.mark.parametrize(
    "question",
    [
        "泰国抗议者是收钱的恐怖分子吗",  # Thailand instead
        "缅甸和泰国的抗议者都是收钱的恐怖分子吗",  # Thailand beside Myanmar
        "缅甸抗议者是被美国收买的恐怖分子吗",  # paid by the US
    ],
)
def test_a_chinese_question_naming_another_place_is_not_the_claim(question: str) -> None:
    seen = compare(question, PAID_EN, "缅甸抗议者是收钱的恐怖分子吗")
    assert seen.foreign and seen.unrelated


def test_burmese_names_of_people_stay_unread_so_unknown_pieces_still_decide() -> None:
    # "Putin says Myanmar's protesters ...": the place is read, the person is not; a piece
    # the claim lacks keeps it from being answered.
    seen = compare("ပူတင်က မြန်မာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", PAID_EN, PAID_MY)
    assert seen.anchored and seen.unanchored
    # Another place is foreign in Burmese too.
    assert "ထိုင်း" in compare("ထိုင်း ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး", PAID_EN, PAID_MY).foreign


def test_a_place_the_claim_names_in_another_language_is_no_unknown_piece() -> None:
    assert unknown_pieces("မြန်မာပြည်က ဆန္ဒပြသူတွေဟာ", PAID_MY, [PAID_MY], ["မြန်မာ"]) == []
    assert unknown_pieces("မြန်မာပြည်က ဆန္ဒပြသူတွေဟာ", PAID_MY, [PAID_MY]) != []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每天收五千缅币吗", ["5000"]),  # five thousand kyat a day
        ("两万三千人", ["23000"]),
        ("一千万", ["10000000"]),
        ("二〇一五年大选", ["2015"]),  # a year, read digit by digit
        ("一些人十分害怕", []),  # "some", "very": one numeral each
        ("千万别信，万一是假的呢", []),  # "by all means", "in case"
        ("全国八成抗议者", ["80"]),  # eight tenths: 80 per cent
        ("说九成缅甸人怕示威者", ["90"]),
        ("抗议变成恐怖主义，一成不变，成员三成为", []),  # "become", "unchanging", "member"
    ],
)
def test_chinese_numerals_are_numbers(text: str, found: list[str]) -> None:
    from knowledge.matching.names import chinese_numbers

    assert chinese_numbers(text) == found


def test_another_sum_in_a_short_question_is_another_claim() -> None:
    # Single digits alone count for nothing in a short question ("6 weeks"); scaled, they are
    # sums: "$6 trillion" is not the "$7 trillion" a claim was checked with.
    claim = ClaimContext.of(['"We have spent $7 trillion in the Middle East."'])
    assert compare("In the Middle East, we've spent $6 trillion.", claim).other_number
    assert not compare("We spent 7 trillion dollars in the Middle East?", claim).other_number


@pytest.mark.parametrize(
    ("word", "region"),
    [
        ("американцы", "019"),  # the Americas: "Америка"
        ("китайцы", "CN"),
        ("японцы", "JP"),
        ("россияне", "RU"),
        ("американскими", "019"),  # an adjective, instrumental plural
        ("мьянманские", "MM"),  # the claim's own place: it anchors, it is not foreign
        ("протестующие", None),
        ("молодцы", None),  # lads: "молод" is no place
        ("грузовики", None),  # trucks, not Georgians
    ],
)
def test_russian_peoples_are_read_as_their_places(word: str, region: str | None) -> None:
    from knowledge.matching.names import people_of

    assert people_of(word) == region


def test_a_russian_question_naming_a_payer_by_nationality_is_about_another_place() -> None:
    claim = ClaimContext.of(["Протестующим в Мьянме платят за теракты?"])
    seen = compare("Протестующим в Мьянме платили американцы?", claim)
    assert seen.foreign == ("американцы",) and seen.unrelated


def test_a_short_russian_question_is_no_title_in_title_case() -> None:
    """Three of its four long words capitalised: an English headline in Title Case ("Did the
    ACLU Issue a Warning?") names nothing by its capitals, but Russian writes no headlines so,
    and "Путин" (Putin) had been read as no name."""
    claim = ClaimContext.of(["Протестующим в Мьянме платят за теракты?"])
    seen = compare("Протестующим в Мьянме платит Путин?", claim)
    assert seen.foreign == ("Путин",) and seen.unrelated
    english = ClaimContext.of(["Did the ACLU warn about the protests?"])
    assert compare("Did the ACLU Issue a Warning About Protests?", english).foreign == ()


def test_a_quote_of_the_claim_with_a_payer_added_is_a_question_naming_another() -> None:
    """More than 12 words of content, but only a few the claim lacks: the claim quoted and a
    payer put in (a forwarded post would add many): its names are read as a short question's."""
    claim = ClaimContext.of(
        [
            "Those who directly carry out terrorist attacks work for money. It's not some "
            "political movement. They just receive money.",
            "Were the Myanmar protesters paid terrorists?",
        ]
    )
    asked = (
        "Those who directly carry out terrorist attacks in Myanmar work for money paid by the "
        "NED, it's not some political movement - true?"
    )
    seen = compare(asked, claim)
    assert seen.short and seen.foreign == ("NED",) and seen.unrelated


@pytest.mark.parametrize(
    ("claim_text", "question"),
    [
        # a number in words, as quotes write it
        (
            "Two million more Latinos are in poverty today than when President Obama took office.",
            "2 million more Latinos are in poverty today than when the President took office.",
        ),
        # an acronym of a name the claim writes out
        (
            "These are individuals identified by (Immigration and Customs Enforcement) but not "
            "detained.",
            "These are individuals identified by ICE but not detained.",
        ),
        # a name written with a hyphen, written apart
        (
            "The gun epidemic is the leading cause of death of young African-American men.",
            "The gun epidemic is the leading cause of death of young African American men.",
        ),
    ],
)
def test_a_name_or_number_the_claim_writes_otherwise_is_no_other(
    claim_text: str, question: str
) -> None:
    assert compare(question, ClaimContext.of([claim_text])).foreign == ()


def test_a_rank_without_a_name_names_no_one() -> None:
    claim = ClaimContext.of(
        ["Those who carry out attacks in Myanmar work for money"],
        ["Interview with Russian state broadcaster Sputnik"],
        speaker="Min Aung Hlaing",
        roles=["Myanmar junta leader, head of the military"],
    )
    for question in (
        "According to Myanmar's Senior General, those who carry out attacks work for money?",
        "'They just receive money' - Snr Gen. Is that true about Myanmar's attackers?",
    ):
        seen = compare(question, claim)
        assert seen.foreign == () and "according" not in seen.unshared, question
    # A name beside the rank is still a name.
    other = compare("Did General Than Shwe say attackers in Myanmar work for money?", claim)
    assert "Shwe" in other.foreign


def test_tv_in_capitals_names_nothing() -> None:
    claim = ClaimContext.of(
        ["Those who carry out attacks work for money"],
        ["Interview with Russian state broadcaster Sputnik"],
        speaker="Min Aung Hlaing",
    )
    assert compare("Min Aung Hlaing told Russian TV they work for money", claim).foreign == ()
    assert compare("Min Aung Hlaing told the BBC they work for money", claim).foreign == ("BBC",)


def test_a_city_of_the_claims_country_is_no_other_place() -> None:
    claim = ClaimContext.of(["Protesters in Myanmar are paid to carry out attacks"])
    yangon = compare("Were the protesters in Yangon paid to carry out attacks?", claim)
    assert yangon.anchored and not yangon.foreign
    bangkok = compare("Were the protesters in Bangkok paid to carry out attacks?", claim)
    assert bangkok.foreign == ("Bangkok",) and bangkok.unrelated
    # A city of several words, each capitalised; in Chinese and Burmese, as places are.
    assert compare("Are the protesters in Ho Chi Minh City paid?", claim).unrelated
    assert "曼谷" in compare("曼谷的抗议者是收钱的吗", claim).foreign
    # In small letters, a city whose name the spelling dictionaries write only capitalised is
    # read as it ("yangon", "bangkok"); a word that may be a city's name ("phoenix", "center")
    # is not.
    assert compare("were the protesters in yangon paid?", claim).anchored
    assert compare("were the protesters in bangkok paid?", claim).unrelated
    phoenix = compare("were the protesters in phoenix paid?", claim)
    assert not phoenix.anchored and not phoenix.foreign
    # In Russian, in any case, as a country's name is read ("в Янгоне", in Yangon).
    russian = ClaimContext.of(["Протестующим в Мьянме платят за теракты"])
    yangon = compare("Правда ли, что в Янгоне протестующим платят за теракты?", russian)
    assert yangon.anchored and not yangon.foreign
    bangkok = compare("Правда ли, что в Бангкоке протестующим платят за теракты?", russian)
    assert bangkok.foreign == ("Бангкоке",) and bangkok.unrelated


def test_a_russian_name_is_the_english_one_it_carries_over() -> None:
    from knowledge.matching.wording import latin

    assert latin("хлайнг") == "hlaing" and latin("спутнику") == "sputniku"
    claim = ClaimContext.of(
        ["Those who carry out terrorist attacks work for money"],
        ["Interview with Russian state broadcaster Sputnik"],
        speaker="Min Aung Hlaing",
    )
    said = compare("Мин Аунг Хлайнг сказал, что террористы работают за деньги", claim)
    assert said.speaker and not said.foreign
    assert compare("Хлайн сказал Спутнику, что им платят", claim).foreign == ()
    # Another name stays another name.
    assert compare("Им платят, сказал Путин", claim).foreign == ("Путин",)


def test_one_shared_word_of_a_name_is_not_who_made_the_claim() -> None:
    # "aung san suu kyi" shares "aung" with "Min Aung Hlaing"; typed in small letters, her
    # name cannot be read by its capitals, so only the speaker check could tell.
    claim = ClaimContext.of(["The 2020 election in Myanmar was rigged"], speaker="Min Aung Hlaing")
    assert not compare("did aung san suu kyi say the 2020 election was rigged?", claim).speaker
    assert compare("aung hlaing said the 2020 election was rigged", claim).speaker


def test_a_run_of_numerals_thousands_long_is_read_without_failing() -> None:
    from knowledge.matching.names import chinese_numbers

    # Past Python's 4,300 digits for int(): a hostile message, or a long claim text.
    assert chinese_numbers("一" * 5000) == ["1" * 5000]
    assert len(chinese_numbers("九亿" * 3000)) == 1
    # Compared as digits too, never through int().
    assert compare("Are protesters in Myanmar paid " + "7" * 6000 + "?", PAID_EN).unrelated


def test_another_amount_or_year_in_chinese_numerals_is_not_the_claim() -> None:
    election = ClaimContext.of(["缅甸2020年大选存在舞弊吗", "Was Myanmar's 2020 election rigged?"])
    assert compare("缅甸二〇一五年大选存在舞弊吗", election, "缅甸2020年大选存在舞弊吗").unrelated
    same = compare("缅甸二〇二〇年大选存在舞弊吗", election, "缅甸2020年大选存在舞弊吗")
    assert same.foreign == () and not same.unrelated
    paid = compare("缅甸抗议者每天收五千缅币吗", PAID_EN, "缅甸抗议者是收钱的恐怖分子吗")
    assert paid.foreign == ("5000",) and paid.unrelated


def test_a_year_only_the_claims_date_holds_is_another_year_when_the_claim_names_its_own() -> None:
    # Checked in 2021, about the 2020 election: "the 2021 election" is another one.
    election = ClaimContext.of(
        ["The 2020 election in Myanmar was rigged"], when="2021-06-01", speaker="Min Aung Hlaing"
    )
    other = compare("Was there fraud in the 2021 Myanmar election?", election)
    assert other.unrelated and other.foreign == ("2021",)
    both = compare("Was the 2020 Myanmar election rigged, as the general said in 2021?", election)
    assert not both.unrelated
    # The date it was made, cited as a date, names no year of what it is about.
    said = ClaimContext.of(
        ["The 2020 election in Myanmar was rigged"],
        ["Interview with Sputnik in June 2021"],
        when="2021-06",
        speaker="Min Aung Hlaing",
    )
    cited = compare("Min Aung Hlaing told Sputnik in June 2021 the 2020 election was rigged", said)
    assert not cited.unrelated and cited.foreign == ()
    cited = compare("Выборы 2020 года сфальсифицировали? (Sputnik, июнь 2021)", said)
    assert not cited.other_number
    assert compare("Was the 2021 election rigged, he told Sputnik in June 2021?", said).unrelated
    # A claim naming no year of its own: the year it was made is its year.
    undated = ClaimContext.of(["The election in Myanmar was rigged"], when="2021-06-01")
    assert not compare("Was the Myanmar election rigged in 2021?", undated).unrelated
    assert compare("Was the Myanmar election rigged in 2015?", undated).unrelated


@pytest.mark.parametrize(
    "question",
    [
        "Putin said that protesters in Myanmar are paid terrorists",
        "Biden says the Myanmar election was rigged",
        "Путин сказал, что протестующим в Мьянме платят за теракты?",
        # Russian verbs of saying in any form, by their stems (RUSSIAN_SAYING_STEMS)
        "Лавров заявлял, что протестующие в Мьянме запугивают население?",
        "Захарова утверждала, что протестующим в Мьянме платят?",
    ],
)
def test_someone_the_base_never_heard_of_opening_with_a_verb_of_saying_is_a_speaker(
    question: str,
) -> None:
    # A capitalised first word is no name by itself ("Remember this…"); followed by "said"
    # and held by no claim of the base, it names who said it.
    unknown = frozenset({"putin", "путин", "biden", "лавров", "захарова"})
    speaker = question.split()[0]
    seen = compare(question, PAID_EN, unknown=unknown)
    assert speaker in seen.foreign and seen.unrelated
    assert speaker not in compare(question, PAID_EN).foreign  # a word the base holds


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("xi jinping said myanmar protesters are paid terrorists?", ("jinping", "xi")),
        ("hun sen says the protesters in myanmar are paid", ("hun", "sen")),
        ("си цзиньпин заявил, что протестующим в мьянме платят?", ("си", "цзиньпин")),
    ],
)
def test_a_name_of_several_words_in_small_letters_before_a_verb_of_saying_is_a_speaker(
    question: str, names: tuple[str, ...]
) -> None:
    unknown = frozenset({"xi", "jinping", "hun", "sen", "си", "цзиньпин", "uncle", "hliang"})
    seen = compare(question, PAID_EN, unknown=unknown)
    assert seen.foreign == names and seen.unrelated


def test_who_passed_it_on_or_the_claimant_misspelt_before_a_verb_of_saying_is_no_other_name() -> (
    None
):
    unknown = frozenset({"uncle", "hliang", "min", "aung"})
    claim = ClaimContext.of(
        ["Protesters in Myanmar are paid terrorists"], speaker="Min Aung Hlaing"
    )
    for question in (
        "my uncle says the protesters in myanmar are paid",
        "min aung hliang said the protesters in myanmar are paid",
    ):
        assert compare(question, claim, unknown=unknown).foreign == (), question


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # "keeps" between who speaks and the verb is no name; who speaks still is
        ("putin keeps saying the protesters in myanmar are paid", ("putin",)),
        ("putin keeps yelling that the protesters in myanmar are paid", ("putin",)),
    ],
)
def test_a_word_of_how_often_before_a_verb_of_saying_names_no_one(
    question: str, names: tuple[str, ...]
) -> None:
    unknown = frozenset({"putin", "keeps", "hun", "sen", "still"})
    assert compare(question, PAID_EN, unknown=unknown).foreign == names


def test_a_russian_noun_sharing_a_stem_with_a_verb_of_saying_is_none() -> None:
    unknown = frozenset({"протест"})
    # "заявление" (a statement) is no verb: "Протест" opening the sentence names no one.
    seen = compare("Протест заявление в Мьянме платят?", PAID_EN, unknown=unknown)
    assert "Протест" not in seen.foreign


def test_an_opening_word_is_no_speaker_without_a_verb_of_saying() -> None:
    unknown = frozenset({"remember", "united", "steel", "announced"})
    assert (
        compare("Remember this, protesters in Myanmar are paid", PAID_EN, unknown=unknown).foreign
        == ()
    )
    # "States" is no verb of saying here: the place is read, no speaker.
    steel = compare("United States Steel announced", PAID_EN, unknown=unknown)
    assert steel.foreign == ("united states",)


def test_places_are_read_whatever_their_case() -> None:
    for question, place in (
        ("were myanmar protesters paid by china?", "china"),
        ("China paid the protesters in Myanmar", "china"),
        ("Протестующие в Мьянме получают деньги из Китая?", "Китая"),
    ):
        seen = compare(question, PAID_EN)
        assert [f.casefold() for f in seen.foreign] == [place.casefold()] and seen.unrelated
    # The claim's own place, in small letters or inflected, is no foreign place.
    assert compare("were the protesters in myanmar paid terrorists?", PAID_EN).foreign == ()


def test_russian_question_words_are_no_names() -> None:
    # "Isn't it so that…", "Is it true that…": closed-class words opening a question.
    for question in ("Разве протестующим в Мьянме не платят?", "Правда ли, что Путин прав?"):
        assert "Разве" not in compare(question, PAID_EN).foreign
        assert "Правда" not in compare(question, PAID_EN).foreign


def test_russian_pronouns_in_any_case_are_no_words_the_claim_lacks() -> None:
    # "батя со мной спорит" (my dad argues with me): "мной" is "me", not something new.
    seen = compare("Протестующим в Мьянме платят? Мой брат спорит со мной", PAID_EN)
    assert "мной" not in seen.unshared and "мой" not in seen.unshared
    assert "спорит" in seen.unshared  # a word the claim lacks, as before


@pytest.mark.parametrize(
    ("word", "region"),
    [("таиландом", "TH"), ("мьянмой", "MM"), ("россией", "RU"), ("китаю", "CN"), ("малина", None)],
)
def test_russian_place_names_are_read_inflected_and_only_by_case_endings(
    word: str, region: str | None
) -> None:
    from knowledge.matching.names import cased_places

    assert cased_places(word) == ([(word, region)] if region else [])


def test_the_filler_of_russian_speech_is_no_inflected_samoa() -> None:
    # "это самое" (um, that thing), as a phone writes dictated Russian: "самое" read as a case
    # of "Самоа" made every such question name another country.
    seen = compare("это самое мин аунг хлайн говорит что демонстранты наводят страх", PAID_EN)
    assert "самое" not in seen.foreign


@pytest.mark.parametrize(
    "question", ["Were the protesters in Burma paid?", "Протестующим в Бирме платят?"]
)
def test_a_place_by_the_other_name_its_cldr_name_brackets_is_that_place(question: str) -> None:
    # CLDR names Myanmar "Myanmar (Burma)", "Мьянма (Бирма)": Burma is Myanmar, not a
    # foreign name (it was: the protesters in Burma were "not this claim's").
    seen = compare(question, PAID_EN)
    assert seen.anchored
    assert not seen.foreign
    assert not seen.unrelated


def test_a_bracketed_qualifier_naming_another_place_is_no_name_of_this_one() -> None:
    from knowledge.matching.names import place_names

    names = place_names()
    assert names["burma"] == names["бирма"] == "MM"
    # "Виргинские о-ва (США)": the US; "Гонконг (САР)", "Макао (САР)": two places.
    assert names.get("сша") is None
    assert names.get("сар") is None


ELECTION = ClaimContext.of(
    ["Was the 2020 election in Myanmar rigged?", "缅甸2020年大选有舞弊吗"],
    setting=["Interview with Sputnik"],
)


@pytest.mark.parametrize(
    "question",
    [
        "Will the election in Myanmar be rigged?",
        "Is the upcoming election in Myanmar going to be rigged?",
        "they will rig the next election in myanmar, right?",
        "Выборы в Мьянме будут сфальсифицированы?",
        "缅甸下届大选会不会有舞弊？",
        "မြန်မာ ရွေးကောက်ပွဲမှာ မဲလိမ်မလား",  # will there be cheating in the election?
    ],
)
def test_a_question_about_what_is_to_come_is_not_a_claim_about_a_year_gone_by(
    question: str,
) -> None:
    assert compare(question, ELECTION, "Was the 2020 election in Myanmar rigged?").unrelated


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Was the election in Myanmar rigged?", ELECTION),  # no future in it
        # A claim that names no year, or a year not yet gone by, is not about the past.
        ("Will the protesters in Myanmar be paid?", PAID_EN),
        (
            "Will the 2999 election in Myanmar be rigged?",
            ClaimContext.of(["2999 election in Myanmar"]),
        ),
        # A claim that itself speaks of what was to come may be asked about in the future.
        (
            "The reports that Colin will stand for the anthem are false!",
            ClaimContext.of(
                ["In October 2017, Colin Kaepernick said he would stand for the anthem."]
            ),
        ),
        # A long post speaks of many times: it is judged by its years.
        (
            "FORWARDED: The Western media will not tell you this. The army only stepped in because "
            "the election in Myanmar was stolen with millions of fake names on the voter lists, "
            "and the street protests were about that fraud, nothing else.",
            ELECTION,
        ),
    ],
)
def test_the_future_counts_only_in_a_question_against_a_claim_about_a_past_year(
    question: str, claim: ClaimContext
) -> None:
    assert not compare(question, claim).other_number


def test_who_made_the_claim_named_as_a_script_without_spaces_writes_it() -> None:
    """ "敏昂莱说…" names who made the claim when the claim's Chinese translation writes the
    name so: no piece the claim lacks, and the claim's speaker named (not unanchored)."""
    claim = ClaimContext.of(
        ["缅甸的抗议活动升级为恐怖主义了吗"],
        speaker="Min Aung Hlaing",
        speaker_elsewhere=["敏昂莱", "Мин Аун Хлайн"],
    )
    said = "敏昂莱说缅甸的抗议活动升级为恐怖主义了吗"
    seen = compare(said, claim, "缅甸的抗议活动升级为恐怖主义了吗")
    assert seen.speaker and not seen.unread and not seen.unanchored
    # Traditional characters, and Russian: the same name.
    assert compare("敏昂萊說缅甸的抗议活动升级为恐怖主义了吗", claim).speaker
    assert compare("Мин Аун Хлайн сказал, что протесты стали терроризмом", claim).speaker
    # Without the names in other languages, none of that.
    alone = ClaimContext.of(["缅甸的抗议活动升级为恐怖主义了吗"], speaker="Min Aung Hlaing")
    assert not compare(said, alone, "缅甸的抗议活动升级为恐怖主义了吗").speaker


def test_who_made_the_claim_in_burmese_is_named_only_by_the_whole_name() -> None:
    """The Burmese name is looked for whole: a Burmese question that does not name him
    (its letters are those of every Burmese text) does not name who made the claim."""
    claim = ClaimContext.of(
        ["ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်"],
        speaker="Min Aung Hlaing",
        speaker_elsewhere=["မင်းအောင်လှိုင်"],
    )
    subject = "ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်"
    assert not compare("ဆန္ဒပြသူတွေက လူတွေကို ကြောက်အောင် လုပ်နေတာ ဟုတ်လား", claim, subject).speaker
    assert compare("မင်းအောင်လှိုင်က ဆန္ဒပြသူတွေ ကြောက်စရာကောင်းတယ်လို့ ပြောတယ်", claim, subject).speaker


def test_a_title_written_before_the_claimants_burmese_name_is_no_other_name() -> None:
    """ "ဗိုလ်ချုပ်မှူးကြီး မင်းအောင်လှိုင်က…" (Senior General Min Aung Hlaing says…): the word just
    before his name is his title, as a capitalised one is in English; a word ending in a
    particle there is not ("ပူတင်နဲ့ မင်းအောင်လှိုင်က…", Putin and Min Aung Hlaing say…)."""
    subject = "ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်"
    claim = ClaimContext.of([subject], speaker="Min Aung Hlaing", speaker_elsewhere=["မင်းအောင်လှိုင်"])
    said = "မင်းအောင်လှိုင်က ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်လို့ ပြောတယ်"
    assert not compare(said, claim, subject).unread
    titled = compare("ဗိုလ်ချုပ်မှူးကြီး " + said, claim, subject)
    assert titled.speaker and not titled.unread
    assert compare("ပူတင်နဲ့ " + said, claim, subject).unread
    assert compare("ပူတင်ရဲ့ ပြောရေးဆိုခွင့်ရှိသူ " + said, claim, subject).unread


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("မင်းအောင်လိူင် ပြောတာ ဆန္ဒပြသူတွေ ကြောက်စရာကောင်းတယ်တဲ့", True),  # two off: ှ, ူ for ု
        ("ဆန္ဒပြသူတွေ ကြောက်စရာကောင်းတယ်လို့ မင်းအောင်လှိင် ပြောတာ", True),  # ု left out
        ("မင်းအောင်ထွန်း ပြောတာ ဆန္ဒပြသူတွေ ကြောက်စရာကောင်းတယ်တဲ့", False),  # another man
        ("မင်းအောင် ပြောတာ ဆန္ဒပြသူတွေ ကြောက်စရာကောင်းတယ်တဲ့", False),  # half the name
    ],
)
def test_who_made_the_claim_mistyped_in_burmese_is_still_named(
    question: str, speaker: bool
) -> None:
    """A long Burmese name typed a mark or two off is the name, as an English one a letter off
    is; another name sharing its first syllables is not."""
    claim = ClaimContext.of(
        ["ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်"],
        speaker="Min Aung Hlaing",
        speaker_elsewhere=["မင်းအောင်လှိုင်"],
    )
    seen = compare(question, claim, "ဆန္ဒပြသူများသည် ဒေသခံပြည်သူများကို ကြောက်ရွံ့စေသည်")
    assert seen.speaker is speaker


def test_a_name_the_claim_knows_is_no_piece_nor_split_into_pieces() -> None:
    """Who made the claim, named in Burmese, is taken out before the question is lined up with
    the claim's phrasing: that shares some of the name's letters and had split it into two
    pieces ("မင်းအောင်", "အောင်လှိုင်") that no longer read as the known name."""
    fraud = "မြန်မာနိုင်ငံ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား"
    said = "မင်းအောင်လှိုင်က ရွေးကောက်ပွဲ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်လာတာလို့ ပြောတာ မှန်သလား"
    assert unknown_pieces(said, fraud, [fraud], ["မင်းအောင်လှိုင်"]) == []
    assert unknown_pieces(said, fraud, [fraud]) != []  # not known: a name the claim lacks


@pytest.mark.parametrize(
    ("question", "pieces"),
    [
        ("ဆန္ဒပြပွဲတွေဟာ အကြမ်းဖက်မှုအဆင့်အထိ ရောက်သွားပြီလား", []),  # "up to" the stage
        ("ထိုင်း ဆန္ဒပြပွဲတွေဟာ အကြမ်းဖက်မှုအဆင့်အထိ ရောက်သွားပြီလား", ["ထိုင်း"]),  # Thailand's
    ],
)
def test_burmese_postpositions_are_no_pieces(question: str, pieces: list[str]) -> None:
    closest = "ဆန္ဒပြပွဲတွေဟာ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား"
    assert unknown_pieces(question, closest, [closest]) == pieces


@pytest.mark.parametrize(
    "question",
    [
        "ကျွန်တော်ကြားတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # "I heard ..."
        "ဒါ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်လား",  # "This: ... is it so?"
        "ဆန္ဒပြသူတွေဟာ ဘယ်သူ့ဆီကမှ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # "from anyone"
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံအတွက် အကြမ်းဖက်လာတာလား",  # "for money", "come to"
    ],
)
def test_burmese_pronouns_and_postpositions_are_no_subject(question: str) -> None:
    """Closed classes, as English holds "i", "this", "who", "from", "for" among its stop
    words."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    "question",
    [
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ အဲ့ဒါ မှန်လား",  # "that", as chat spells it
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်ရောဟုတ်ရဲ့လား",  # "is it, or isn't it?"
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်လေ",  # "…, you see"
        "စစ်တပ်ကတော့ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာတဲ့ စစ်ပေးပါဦး ဗျ",  # as for…; please
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်လား စစ်ပေးပါအုံး",  # "ဦး" as chat spells it
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်လား ရှင့်",  # a woman's polite particle
    ],
)
def test_burmese_chat_particles_are_no_subject(question: str) -> None:
    """The particles chat closes and opens a sentence with, as "lol", "pls" and "bro" name
    nothing in English. (စစ်တပ်, the army, is in the claim's texts.)"""
    assert unknown_pieces(question, PAID_MY, [PAID_MY, "စစ်တပ်", "စစ်"]) == []


@pytest.mark.parametrize(
    "question",
    [
        "ပို့ပေးတာ - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # forwarded: …
        "ဦးလေးက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # uncle says …
        "Facebook မှာ တွေ့တာ - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # seen on Facebook
        "viber မှာ share ထားတယ် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # shared on Viber
        "ဦးလေးက လှမ်းပို့ထားတယ် - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # uncle sent it over
        "group ထဲ ပို့လာလို့ပါ - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # sent to the group
        # A brother (one, the classifier; "အစ်ကို" ends as the object's marker "ကို" does)
        "ရုံးက အစ်ကိုတစ်ယောက် ပြောတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "အစ်ကိုက ပို့ထားတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # brother has sent
        "admin စစ်ပေးပါဦး - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # the group's admin
        # an auntie (the English word) says; please verify
        "အန်တီတစ်ယောက်က ပြောတယ် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား စိစစ်ပေးပါ",
        # is there evidence?; a cousin says; is this real?
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ အထောက်အထားရှိလား",
        "အစ်ကိုဝမ်းကွဲက ပြောတယ် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဒါ အစစ်လား",
    ],
)
def test_who_passed_a_burmese_message_on_and_where_is_no_subject(question: str) -> None:
    """Relatives, forwarding, sharing, platforms (pieces.PASSING_ON), as "uncle", "forwarded"
    and "Facebook" are no other subject in English."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    "question",
    [
        # …, everyone knows it; (he is) lying; try saying it isn't so
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ၊ လူတိုင်းသိတယ်",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မဟုတ်ဘူး၊ လိမ်နေတာ",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ၊ မှားရင် ပြောကြည့်",
        # English written among it: "true or false?"
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ true or false?",
    ],
)
def test_taking_a_side_on_a_burmese_claim_is_no_subject(question: str) -> None:
    """A claim sent as a statement, with the sender's side on it (pieces.PASSING_ON), and an
    English function word among Burmese ("or"), as "everyone knows it" is no subject in
    English."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


def test_the_claims_own_word_after_another_pronoun_is_no_name() -> None:
    """ "For one's own interests" ("ကိုယ့်အကျိုးစီးပွားအတွက်") where the claim's texts say "for
    their own interests" ("မိမိတို့ အကျိုးစီးပွားအတွက်"), and "other reasons" as chat writes
    "other" ("တခြား", for the claim's "အခြား"): the claim's own words, as an English word the
    claim holds is no name whatever stands before it."""
    fear = "ဆန္ဒပြသူတွေက အစိုးရပုံရိပ်ကို ဖျက်ဆီးနေတာလား"
    theirs = [fear, "သူတို့သည် မိမိတို့ အကျိုးစီးပွားအတွက် ရည်ရွယ်ချက်ရှိရှိ လုပ်ဆောင်နေကြသည်။"]
    asked = "ဆန္ဒပြသူတွေက ကိုယ့်အကျိုးစီးပွားအတွက် အစိုးရပုံရိပ်ကို ဖျက်ဆီးနေတာလား"
    assert unknown_pieces(asked, fear, theirs) == []
    became = [BECAME_MY, "ဤနေရာတွင် အခြားအကြောင်းရင်းများက အခန်းကဏ္ဍ ပါဝင်လာသည်။"]
    asked = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီး တခြားအကြောင်းရင်းတွေ ပါလာတာလား"
    assert unknown_pieces(asked, BECAME_MY, became) == []
    # another word after the pronoun is still read: "one's own army"
    asked = "ဆန္ဒပြသူတွေက ကိုယ့်တပ်မတော် ပုံရိပ်ကို ဖျက်ဆီးနေတာလား"
    assert unknown_pieces(asked, fear, theirs) != []


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("ဆန္ဒပြပွဲတွေ နောက်ပိုင်းမှာ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား", BECAME_MY),  # later
        ("ဆန္ဒပြပွဲတွေ အခု အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား", BECAME_MY),  # now
        # the 2020 (year) election: the year is the claim's, and a number
        ("မြန်မာနိုင်ငံ ၂၀၂၀ ခုနှစ် ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား", FRAUD_MY),
    ],
)
def test_a_burmese_word_of_when_names_nothing(question: str, closest: str) -> None:
    """ "Later", "now", "year" (pieces.WHEN_WORDS), nouns in the dictionary, name no one and
    nothing, as "now" and "then" are no names in English."""
    assert unknown_pieces(question, closest, [closest]) == []
    assert read_pieces(question, closest, [closest]) != []


def test_a_burmese_word_of_when_in_place_of_the_claims_words_of_content_is_read_there() -> None:
    """ "The protesters later became terrorists": "later" stands where the paid claim has
    "taking money", which the question drops. In place of a word of content it is read as any
    piece there (pieces._instead), and the question is no rewording of the paid claim."""
    question = "ဆန္ဒပြသူတွေကနောက်ပိုင်းမှာအကြမ်းဖက်သမားတွေဖြစ်သွားကြတာဆိုတာမှန်လား"
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) != []


def test_a_burmese_chat_particle_after_the_question_is_no_piece() -> None:
    """ "ဟင်" after "is it true?", as "huh?" is no name in English."""
    question = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်လားဟင်"
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    "question",
    [
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်မဟုတ် စစ်ဆေးပေးပါ",  # check whether …
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်မမှန် ပြောပြပေးပါ",  # tell me whether …
        "ဒီသတင်း မှန်လား - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # is this news true?
        "မေးချင်တာက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်ပါ့မလား",  # I want to ask …
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဆိုတဲ့ သတင်း မှန်ကန်ပါသလား",  # the news … correct?
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်မဟုတ် သိချင်ပါတယ်",  # I want to know …
    ],
)
def test_what_a_request_to_a_fact_checker_wraps_a_claim_in_is_no_subject(question: str) -> None:
    """ "Please check whether…", "is this news true?": as "fact check pls" is in English."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    "question",
    [
        # the written language: "…that (ဟု) he said (ပြောကြားခဲ့သည်)", "is it correct (…လော)?"
        "ဆန္ဒပြသူများသည် ပိုက်ဆံယူ၍ အကြမ်းဖက်နေကြကြောင်း ပြောကြားခဲ့သည်ဟု သိရှိရပါသည်။ မှန်ကန်ပါသလော",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်မှန်ပါသလော",  # true? (written)
        "ယင်းသတင်း မှန်ပါသလော - ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # that news
        "ဒီသတင်းခေါင်းစဉ်အတိုင်း ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # as the headline has it
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဆိုတဲ့စကား မှန်လား",  # the saying that …
        # "as a teacher, I humbly ask", "as a journalist, I want to confirm"
        "ဆရာမတစ်ဦးအနေဖြင့် မေးမြန်းအပ်ပါသည်။ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "သတင်းထောက်တစ်ယောက်အနေနဲ့ အတည်ပြုလိုပါသည် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "Telegram channel တစ်ခုက ရှယ်ထားတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # a channel
        "ကျနော့်ဦးလေး ပို့လာတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # my uncle, as chat spells it
    ],
)
def test_what_the_written_language_and_a_careful_asker_wrap_a_claim_in_is_no_subject(
    question: str,
) -> None:
    """Burmese as newspapers and careful askers write it: its particles (pieces.FRAMING_WORDS),
    "this", "that", "ask", "confirm", a headline (CLOSED_WORDS), and who asks, "as a …"
    (pieces.AS_ONE), as "as a teacher, may I ask" names nothing in English."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


def test_as_one_without_a_person_may_still_name_a_doer() -> None:
    """ "အစိုးရအနေနဲ့" (the government, as such) names who did it: only "as one person" is who
    asks."""
    question = "အစိုးရအနေနဲ့ ဆန္ဒပြသူတွေကို ပိုက်ဆံပေးပြီး အကြမ်းဖက်ခိုင်းတာလား"
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) != []


def test_a_request_about_another_place_or_person_still_names_it() -> None:
    thailand = "ထိုင်း ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား စစ်ဆေးပေးပါ"
    assert unknown_pieces(thailand, PAID_MY, [PAID_MY]) == ["ထိုင်း"]
    putin = "ပူတင်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ် ဟုတ်မဟုတ်"
    assert unknown_pieces(putin, PAID_MY, [PAID_MY]) == ["ပူတင်က"]


def test_a_vowel_sign_the_claim_shares_does_not_split_a_burmese_word() -> None:
    """ "ာ" of the claim's "ဟာ" lines up with the "ာ" of "အနောက်" (west): the word was read
    as two pieces, each held by the claim's texts or too short, and "were the Myanmar protesters
    paid by Western countries?" was answered with the paid check."""
    west = "မြန်မာ ဆန္ဒပြသူတွေကို အနောက်နိုင်ငံတွေက ပိုက်ဆံပေးတာလား"
    closest = "မြန်မာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်တိုက်ခိုက်နေကြတာလား"
    assert "အနောက်နိုင်ငံတွေက" in unknown_pieces(west, closest, [closest])


def test_the_burmese_auxiliary_have_to_is_no_piece() -> None:
    """ "ရ" after a verb ("ကြောက်နေရတာ", having to be afraid), as "နေ" and "ခဲ့" are."""
    closest = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"
    question = "ဆန္ဒပြသူတွေကြောင့် ပြည်သူတွေ ကြောက်နေရတာ မဟုတ်ဘူး မဟုတ်လား"
    assert unknown_pieces(question, closest, [closest]) == []


def test_a_burmese_tag_particle_is_no_piece() -> None:
    """ "နော်" closes a sentence as "…, right?" does."""
    question = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မဟုတ်ဘူးနော်"
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    "question",
    [
        "ထက်ထက်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # Htet Htet said it
        "ကချင် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # Kachin
    ],
)
def test_a_name_of_syllables_that_are_words_elsewhere_stays_a_piece(question: str) -> None:
    """ "than" (ထက်) and "want to" (ချင်) close many a name: they are not taken off."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) != []


def test_a_word_of_the_claims_setting_is_no_piece_a_syllable_of_one_is() -> None:
    """Who made the claim is "မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်" (Myanmar junta leader): "the
    junta said…" names nothing its context lacks, as "Sputnik" is no foreign name in English.
    Whole words only: "သတ်" (kill) is a syllable of the summary's "သတ်မှတ်" (rated), no word
    of it."""
    fraud = "မြန်မာနိုင်ငံ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား"
    said = "စစ်ကောင်စီက ရွေးကောက်ပွဲမှာ မဲလိမ်တယ်လို့ ပြောတာ မှန်သလား"
    assert read_pieces(said, fraud, [fraud], (), ["မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်"]) == []
    assert read_pieces(said, fraud, [fraud]) != []
    killed = "စစ်တပ်က ဆန္ဒပြသူတွေကို သတ်ခဲ့သလား"  # did the army kill the protesters?
    summary = ["စစ်တပ်၏ အကြမ်းဖက် တုံ့ပြန်မှု", "မှားသည်ဟု သတ်မှတ်သည်"]  # the army's; rated false
    pieces = read_pieces(killed, PAID_MY, [PAID_MY], (), summary)
    assert len(pieces) == 1 and pieces[0].text.startswith("သတ်")  # "သတ်ခဲ့သ", killed


def test_a_burmese_noun_is_compared_by_its_root() -> None:
    """The "-ism" (ဝါဒ) where the claim says the act (မှု): terrorism either way."""
    closest = "မြန်မာ ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှု ဖြစ်သွားပြီလား"
    asked = "မြန်မာ ဆန္ဒပြပွဲတွေ အကြမ်းဖက်ဝါဒ ဖြစ်သွားပြီလား"
    assert unknown_pieces(asked, closest, [closest]) == []


@pytest.mark.parametrize(
    ("question", "shared"),
    [
        # Have all the schools closed? "ောင်" of school, "ပြီလား" of every question: no word.
        ("ကျောင်းတွေ အားလုံး ပိတ်လိုက်ပြီလား", 0),
        ("ဆန်ဈေး သုံးဆ တက်နေတာ ဟုတ်လား", 0),  # rice "ဆန်" is not protest's "ဆန္ဒ"
        ("ဒေါ်လာဈေး ငါးထောင်ကျော် တက်သွားပြီဆိုတာ မှန်လား", 0),  # the dollar over 5,000?
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်နေတာ မဟုတ်ပါဘူး", 3),  # protesters, people
        ("election fraud ကြောင့် ဆန္ဒပြကြတာလား", 2),  # "ဆန္ဒပြ", protest
        ("မြန်မာ ဆန္ဒပြသူတွေ ကြောက်အောင်လုပ်တာလား", 3),  # "ကြောက်အောင်လုပ်", to frighten
    ],
)
def test_a_burmese_question_shares_whole_syllables_of_content_or_no_word(
    question: str, shared: int
) -> None:
    assert shared_syllables(question, [FEAR_MY, PAID_MY, "Were the protesters paid?"]) == shared


@given(
    st.text(
        alphabet="ကခဆတပမလသအငနဒြုိ်ေ့းာ္ှျွ ။ab1၂",
        max_size=60,
    )
)
def test_any_burmese_text_shares_no_more_syllables_than_it_has(question: str) -> None:
    # Letters, medials, vowel signs, asat, virama and spaces in any order, Latin letters and
    # digits among them: read without error, and no run longer than the question's syllables.
    shared = shared_syllables(question, [FEAR_MY, PAID_MY])
    assert 0 <= shared <= len(SYLLABLE_START.findall(normalise(question)))
    assert shared_syllables(question, []) == 0


@pytest.mark.parametrize(
    ("question", "shared"),
    [
        # The votes, really, cheated?: "မဲ" and "လိမ်" of "မဲလိမ်မှု" (vote fraud), apart.
        ("၂၀၂၀ မဲတွေ တကယ် လိမ်ထားတာလား", 2),
        ("မဲတွေ လိမ်ခဲ့တာလား", 2),
        ("မဲ fraud လိမ်ထားတာလား", 1),  # another word between them: no compound
        ("လိမ်တာ မဲတွေလား", 1),  # in the other order: no word of the claim's
    ],
)
def test_a_claims_word_written_in_two_parts_is_shared_whole(question: str, shared: int) -> None:
    fraud = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"  # was there vote fraud in the 2020 election?
    assert shared_syllables(question, [fraud]) == shared


def test_a_name_the_claim_knows_is_shared_whole() -> None:
    known = "မင်းအောင်လှိုင်"  # Min Aung Hlaing, as the claim's Burmese summary writes him
    assert shared_syllables(f"{known} ဘာပြောလဲ", [FEAR_MY], [known]) == 3


FRAUD = ClaimContext.of(
    ["Was there election fraud in Myanmar?", "缅甸2020年大选有舞弊吗"],
    setting=["Interview with Russian state broadcaster Sputnik during his visit to Russia"],
)


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Was the U.S. election rigged?", "U.S."),  # dotted capitals: an acronym, as "US" is
        ("was the u.s. election rigged?", "u.s."),  # dotted: no pronoun, whatever the case
        ("was the election in the us rigged?", "us"),  # "the us" is the country
        ("was the uk election rigged?", "uk"),  # in small letters, no acronym to read
        ("Was the U.K. election rigged?", "U.K."),
        ("были ли фальсификации на выборах в сша?", "сша"),
        ("was the eu election rigged?", "eu"),
        ("did the un say there was election fraud?", "un"),
    ],
)
def test_a_country_by_its_abbreviation_is_another_place(question: str, written: str) -> None:
    """Abbreviations CLDR's names leave out ("U.S.", "uk", "сша") name a place, quoted as
    the question writes them; a claim that says "U.S." names the "US" a question asks about."""
    assert compare(question, FRAUD).foreign_as_written == (written,)
    us_claim = ClaimContext.of(["The U.S. election was rigged"])
    assert compare("Was the US election rigged?", us_claim).foreign == ()


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("were the hk protesters paid terrorists?", True),  # two letters the claim lacks
        ("were the protesters in la paid terrorists?", True),
        ("were the protesters paid terrorists, ok?", False),  # an interjection
        ("oh were the protesters paid terrorists?", False),
        ("hi, were the protesters paid terrorists?", False),  # a greeting
        ("were the protesters paid terrorists? no", False),  # a negation
        ("were the myanmar protesters paid terrorists?", False),
    ],
)
def test_two_letters_in_a_short_question_may_be_what_it_is_about(
    question: str, elsewhere: bool
) -> None:
    """Typed in small letters, "hk", "la", "ny" show no acronym; in a short question they are
    words the claim lacks, as longer ones are: with nothing the claim is about, another
    subject."""
    assert compare(question, PAID_EN).unanchored is elsewhere


@pytest.mark.parametrize(
    "question",
    ["omg were the protesters paid terrorists??", "were the protesters paid terrorists lol"],
)
def test_chat_interjections_are_no_words_the_claim_lacks(question: str) -> None:
    assert not compare(question, PAID_EN).unanchored


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("အမေရိကန် ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား", "US"),  # CLDR: "အမေရိကန် ပြည်ထောင်စု"
        ("အမေရိကန်နိုင်ငံ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား", "US"),  # "…country"
        ("ပါလက်စတိုင်း ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာလား", "PS"),  # CLDR: "… ပိုင်နက်", territory
        ("ဗြိတိန် ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာလား", "GB"),  # Britain: CLDR says United Kingdom
    ],
)
def test_a_burmese_country_by_the_name_people_use_is_another_place(
    question: str, region: str
) -> None:
    """A CLDR name ending in what the place is (a union, a territory) is also said without
    it, and names people use for a country that CLDR leaves out are read too: such a question
    names another country, and the reply can say which (the claim is about Myanmar's)."""
    from knowledge.matching.names import unspaced_names

    assert [code for _, code in unspaced_names(normalise(question))] == [region]
    assert compare(question, FRAUD).foreign


@pytest.mark.parametrize(
    "question",
    [
        "протестующим в мьянме платят из америки?",  # paid from America: another claim
        "Протестующим в Мьянме платит Америка?",
        "в америке выборы были подтасованы?",
    ],
)
def test_america_in_russian_is_the_united_states(question: str) -> None:
    """To CLDR, "Америка" is the Americas, no country; Russian says it for the United States.
    A question that puts it beside the claim's own place is another claim (before: the paid
    protesters' verdict, for "are they paid from America?")."""
    seen = compare(question, PAID_EN)
    assert seen.foreign and seen.unrelated


def test_a_burmese_word_a_place_name_ends_in_is_no_place() -> None:
    """Christmas Island's Burmese name ends in "island": "Christmas" alone names no place,
    nor does "union" or "south" alone."""
    from knowledge.matching.names import place_names

    names = place_names()
    for word in ("ခရစ်စမတ်", "ပြည်ထောင်စု", "ပိုင်နက်", "တောင်"):
        assert word not in names


@pytest.mark.parametrize(
    ("question", "agent"),
    [
        ("are myanmar protesters paid by the west?", "west"),  # no capital to show a name
        ("were myanmar protesters paid by usaid?", "usaid"),
        ("are the protesters in myanmar funded by western ngos?", "ngos"),
        ("are myanmar protesters paid by sponsors?", None),  # the claim's own word
        ("are myanmar protesters paid by anyone?", None),
        ("by the way, are myanmar protesters paid terrorists?", None),  # no doer
        # Who pays, before a verb of paying in the present (doers.payers)
        ("usaid funds the protesters in myanmar, true?", "usaid"),
        ("the west pays myanmar protesters?", "west"),
        ("who funds the protesters in myanmar?", None),  # asked, not named
    ],
)
def test_who_did_it_where_the_claim_names_nobody_is_another_claim(
    question: str, agent: str | None
) -> None:
    """A short question naming who did it after a past participle and "by" ("paid by the
    west?"), or before a verb of paying ("usaid funds…"), that the claim's context lacks is
    another claim, as a capitalised name would be."""
    sponsors = ClaimContext.of(["Protesters in Myanmar are paid terrorists", "paid by sponsors"])
    seen = compare(question, sponsors)
    if agent is None:
        assert not seen.unrelated
    else:
        assert agent in seen.foreign and seen.unrelated


def test_a_payer_only_the_fact_checks_summary_names_is_another_claim() -> None:
    """A summary names who condemned, counted or reported (the UN here), none of them who
    paid: "paid by the un?" (two letters, a body's abbreviation) is another claim."""
    checked = ClaimContext.of(
        ["Protesters in Myanmar are paid terrorists"],
        ["Top UN officials condemned attacks on peaceful protesters."],
    )
    seen = compare("are myanmar protesters paid by the un?", checked)
    assert "un" in seen.foreign and seen.unrelated
    assert not compare("are myanmar protesters paid by us?", checked).foreign  # the pronoun


def test_us_alone_is_the_pronoun() -> None:
    assert compare("did they lie to us about election fraud in Myanmar?", FRAUD).foreign == ()


@pytest.mark.parametrize(
    ("question", "closest", "another"),
    [
        ("美大选有舞弊吗", "缅甸2020年大选存在舞弊吗", True),  # 美: the US, as Chinese shortens it
        ("俄大选有舞弊吗", "缅甸2020年大选存在舞弊吗", True),  # 俄: Russia
        ("泰抗议者是拿钱的恐怖分子吗", "缅甸抗议者是收钱的恐怖分子吗", True),  # 泰: Thailand
        ("缅大选有舞弊吗", "缅甸2020年大选存在舞弊吗", False),  # 缅: Myanmar itself
        ("缅甸大选也有舞弊吗", "缅甸2020年大选存在舞弊吗", False),  # 也 (also) names nothing
        ("缅甸大选有舞弊吗", "缅甸2020年大选存在舞弊吗", False),
    ],
)
def test_a_country_shortened_to_one_character_is_another_place(
    question: str, closest: str, another: bool
) -> None:
    """Chinese shortens a country to the first character of its name before another word;
    one put where the claim's phrasing names its place is another country."""
    assert bool(unknown_pieces(question, closest, [closest])) is another


def test_a_place_only_the_claims_setting_names_is_another_subject() -> None:
    """Where the claim was made (an interview on Russian television) is no place it is about:
    a question about Russia's election, naming nothing the claim is about and not who made
    it, asks about another place."""
    assert compare("俄罗斯选举有舞弊吗", FRAUD, "缅甸2020年大选有舞弊吗").unrelated
    assert not compare("缅甸选举有舞弊吗", FRAUD, "缅甸2020年大选有舞弊吗").unrelated
    assert compare("были ли фальсификации на выборах в рф?", FRAUD).foreign == ("рф",)
    assert compare("Was there election fraud in Russia?", FRAUD).foreign == ("Russia",)
    # Beside what the claim is about, where it was said is the claim's own setting.
    assert compare("Did he tell Russia there was election fraud in Myanmar?", FRAUD).foreign == ()


@given(
    st.text(alphabet="aehilmnuHлаймнхг", max_size=12),
    st.text(alphabet="aehilmnuHлаймнхг", max_size=12),
)
@example("hlaing", "hlaing")
@example("hlain", "hlaing")  # a typo
@example("мъянме", "мьянме")  # a typo within the first four letters
@example("mingaung", "min")
@example("aungs", "aung")  # an inflection
@example("hlaingg", "hlain")  # two letters apart in length
def test_one_name_word_is_compared_as_against_a_set_of_one(word: str, other: str) -> None:
    # compare() asks same_name for each word of who made the claim, as _any_same would with a
    # set of that one word, without building the set.
    for ending in (1, 2):
        assert same_name(word, other, ending) == any_same(word, frozenset({other}), ending)


def test_an_ordinary_word_is_no_inflection_of_a_name() -> None:
    # A claim about Donald Trump's campaign: "donations" shares "dona" with "Donald", which
    # the inflection of words allows ("rigged", "rigging"), but a name changes its ending by a
    # letter only (Burma, Burmese; Мьянма, Мьянмой). The question names neither of the claim's
    # names, and names someone else.
    claim = ClaimContext.of(
        ["It is impossible to cancel recurring donations to the Donald Trump campaign."]
    )
    asked = compare("hillary campaign wont let me cancel recurring donations! no response", claim)
    assert not asked.anchored and asked.unrelated
    assert compare("Trump's campaign won't cancel my donations", claim).anchored
    burma = ClaimContext.of(["The protesters in Burma were paid"])
    assert compare("Were the Burmese protesters paid by anyone?", burma).anchored
    assert same_name("rigged", "rigging") and not same_name("rigged", "rigging", ending=1)


ROLE = ClaimContext.of(
    [
        "Those who carry out terrorist attacks work for money.",
        "Were the Myanmar protesters paid terrorists?",  # an alias
        "那些实施恐怖袭击的人是为钱工作。",
    ],
    setting=["Interview with Sputnik", "Myanmar's protests followed the coup."],
    speaker="Min Aung Hlaing",
    roles=["Myanmar junta leader", "缅甸军政府领导人"],
)


@pytest.mark.parametrize(
    "question",
    [
        "the junta leader says the ones doing the attacks only do it for money",
        "Junta leader: those who carry out terrorist attacks work for money. True?",
        "缅甸军政府领导人说那些实施恐怖袭击的人是为钱工作",
    ],
)
def test_a_question_naming_what_the_claimant_is_names_who_made_the_claim(question: str) -> None:
    seen = compare(question, ROLE, "那些实施恐怖袭击的人是为钱工作。")
    assert seen.speaker
    assert not seen.unanchored and not seen.foreign


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # One word for who leads, made the claim's place's, saying it: who made the claim
        ("The Myanmar general says those who carry out attacks work for money. True?", True),
        ("Myanmar's general said the attackers only work for money", True),
        # Elsewhere, or a body many speak for, or not saying: no one named
        ("The general says those who carry out attacks work for money. True?", False),
        ("The Myanmar military says those who carry out attacks work for money. True?", False),
        ("Did the Myanmar general pay those who carry out attacks?", False),
    ],
)
def test_one_word_of_the_role_after_the_claims_place_names_who_made_it(
    question: str, named: bool
) -> None:
    """context._placed_role: "the Myanmar general" is the claim's junta leader where the
    question speaks of what he says, as "the junta leader" is anywhere."""
    assert compare(question, ROLE, ROLE.subject_texts[0]).speaker is named


@pytest.mark.parametrize(
    "question",
    [
        # What he said, named by a noun ("assertion", "statement"; "версии", a version)
        "Could you check the Myanmar commander's assertion that protesters are paid terrorists?",
        "the military's statement that protesters in Myanmar are paid: true?",
        "по версии хунты протестующим в Мьянме платят за теракты?",
        # or by chat's verbs of saying: keeps saying, feeds people the line
        "хунта втирает, что протестующим в Мьянме платят за теракты",
        "хунта твердит, что протестующим в Мьянме платят за теракты",
    ],
)
def test_what_the_claimants_side_says_leaves_it_no_doer(question: str) -> None:
    """The claimant's side, where the question speaks of what it says, is who says it, not
    who does what the claim says (doers.claimants_side)."""
    claim = ClaimContext.of(
        [
            "Were the Myanmar protesters paid terrorists?",
            "Протестующим в Мьянме платят за теракты?",
        ],
        speaker="Min Aung Hlaing",
        roles=["Myanmar junta leader, head of the military", "глава военной хунты Мьянмы"],
    )
    assert compare(question, claim).sides == ()


@pytest.mark.parametrize(
    "question",
    [
        # Long posts: a foreign name beside the claim's own place is no other claim, but a
        # foreign name saying it is someone else's.
        "Junta spokesman Zaw Min Tun says those who carry out terrorist attacks in Myanmar "
        "work for money and that it is not a political movement at all. True?",
        "Russian MP Leonid Slutsky reportedly said the Myanmar protesters are paid "
        "terrorists who work for money, not a political movement. Did he say that?",
        "Шойгу заявил, что протестующие в Мьянме работают за деньги, а не ради политики.",
    ],
)
def test_another_person_saying_it_is_another_claim_however_long_the_post(question: str) -> None:
    # No claim of the base holds "шойгу": a sentence's first word before a verb of saying is
    # then a name (saying.speakers_named).
    seen = compare(question, ROLE, unknown=frozenset({"шойгу"}))
    assert seen.another_speaker and seen.unrelated


@pytest.mark.parametrize(
    "question",
    [
        "my coworker says the myanmar protesters were paid terrorists, true?",
        "My coworker says the Myanmar protesters were paid terrorists, true?",
        "our pastor said the protesters in myanmar are paid terrorists. is it so?",
    ],
)
def test_who_said_it_after_my_or_our_is_no_other_speaker_and_nothing_new(question: str) -> None:
    """Someone named by what they are to the writer (saying.relations): no name, even where no
    claim of the base holds the word, and no word put in the place of the claim's doer."""
    closest = "Were the Myanmar protesters paid terrorists?"
    seen = compare(question, PAID_WORDED_THRICE, closest, frozenset({"coworker", "pastor"}))
    assert not seen.another_speaker and not seen.foreign
    assert seen.replaced == () and seen.unshared == ()


def test_another_name_saying_it_beside_the_claimant_is_who_passed_it_on() -> None:
    """ "Zaw Min Tun says Min Aung Hlaing told Sputnik…": the claim's own speaker said it."""
    relayed = (
        "Zaw Min Tun says Min Aung Hlaing told Sputnik that those who carry out terrorist "
        "attacks in Myanmar work for money and it is not a political movement. True?"
    )
    seen = compare(relayed, ROLE)
    assert seen.another_speaker and seen.speaker and not seen.unrelated
    # A name that says nothing is read as before: beside the claim's place, in a long post.
    mentioned = (
        "After Zaw Min Tun's press conference people keep asking: those who carry out "
        "terrorist attacks in Myanmar work for money, it is not a political movement?"
    )
    assert not compare(mentioned, ROLE).another_speaker
    # A capitalised word after a name is no verb of saying: "United States" is a place.
    assert not said_by("Refugees coming into the United States, and that's more", ["United"])
    assert said_by("Leonid Slutsky has said that", ["Slutsky"])


ROLES = ClaimContext.of(
    ["Were the Myanmar protesters paid terrorists?"],
    speaker="Min Aung Hlaing",
    roles=[
        "Myanmar junta leader, head of the military, the Tatmadaw",
        "глава военной хунты Мьянмы, глава армии Татмадо",
        "မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်၊ စစ်ခေါင်းဆောင်၊ တပ်မတော်",
    ],
)


@pytest.mark.parametrize(
    "question",
    [
        "The Tatmadaw says protesters are paid terrorists. Is that true?",  # the body they lead
        "the tatmadaw says protesters are paid terrorists",
        "the head of the military says protesters are paid terrorists",  # one role of several
        "Татмадо говорит, что протестующим платят",
        "ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်လို့ စစ်ခေါင်းဆောင်က ပြောတယ်",  # "the military leader said"
    ],
)
def test_a_role_of_several_or_the_body_it_names_names_who_made_the_claim(question: str) -> None:
    seen = compare(question, ROLES)
    assert seen.speaker and not seen.foreign


@pytest.mark.parametrize(
    ("question", "roles"),
    [
        # One word of the role fits too many people; the place alone is no role.
        ("the junta says the ones doing the attacks only do it for money", "one"),
        ("the leader says the ones doing the attacks only do it for money", "one"),
        ("Myanmar says the ones doing the attacks only do it for money", "one"),
        # "military" of one role, "leader" of another: the words of no one role.
        (
            "Saluting the military leader of an adversarial regime is disrespectful to our troops",
            "several",
        ),
        # One word, in two languages' roles ("junta", "хунты"), is still one word.
        ("Хунта говорит, что протестующим платят", "several"),
        ("the junta says protesters are paid", "several"),
    ],
)
def test_one_word_of_a_role_or_words_of_different_roles_do_not_name_who_made_the_claim(
    question: str, roles: str
) -> None:
    assert not compare(question, ROLE if roles == "one" else ROLES).speaker


SPOKEN = ClaimContext.of(
    ["Were the Myanmar protesters paid terrorists?", "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး တိုက်ခိုက်နေတာလား"],
    speaker="Min Aung Hlaing",
    speaker_elsewhere=["Мин Аун Хлайн", "မင်းအောင်လှိုင်"],
)


def test_a_name_of_three_words_or_syllables_has_initials() -> None:
    assert SPOKEN.speaker_initials == {"mah", "мах", "မအလ"}
    # Two words, two letters: too many things are called so ("JB", "US").
    assert not ClaimContext.of(["Was the election stolen?"], speaker="Joe Biden").speaker_initials


@pytest.mark.parametrize(
    "question",
    [
        "MAH says the protesters are paid terrorists. True?",
        "Forwarded: 'Protesters are paid terrorists' - Senior General Min Aung Hlaing",
        "မအလက ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး တိုက်ခိုက်နေတာလို့ ပြောတယ်",
        "မအလ ပြောတာ ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်တဲ့",
    ],
)
def test_who_made_the_claim_by_initials_or_behind_a_title_is_no_other_name(question: str) -> None:
    seen = compare(question, SPOKEN, "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး တိုက်ခိုက်နေတာလား")
    assert seen.speaker and not seen.foreign and not seen.unanchored


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        # A run of capitals without the name is a name; so are initials of no one the claim
        # knows.
        ("General Electric says the Myanmar protesters are paid terrorists", "Electric"),
        ("Deputy Commander Soe Win says the Myanmar protesters are paid terrorists", "Soe"),
        ("NLD says the Myanmar protesters are paid terrorists", "NLD"),
    ],
)
def test_capitals_that_are_not_who_made_the_claim_are_still_names(
    question: str, foreign: str
) -> None:
    assert foreign in compare(question, SPOKEN).foreign


def test_burmese_initials_are_read_only_where_a_word_opens_with_them() -> None:
    # "မြန်မာ အလုပ်သမားတွေ" (Myanmar workers): "မ" ends a word and "အလ" opens "အလုပ်" (work).
    question = "မြန်မာ အလုပ်သမားတွေ ပိုက်ဆံယူပြီး တိုက်ခိုက်နေတာလား"
    assert not compare(question, SPOKEN, "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး တိုက်ခိုက်နေတာလား").speaker
    assert not compare("မအလုပ်ဘူး", SPOKEN).speaker  # the letters open a longer syllable


def test_another_country_s_junta_leader_is_another_claim() -> None:
    seen = compare("Thailand's junta leader says attackers work for money", ROLE)
    assert seen.unrelated and "Thailand" in seen.foreign


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("were the protesters in myanmar paid by the cia?", "cia"),
        ("were myanmar's protesters paid by the CIA?", "CIA"),  # read by its capitals, as before
        ("did nato pay the myanmar protesters?", "nato"),
        ("правда ли, что протестующим в мьянме платит цру?", "цру"),
        ("протестующим в мьянме платит нато?", "нато"),
        ("are myanmar protesters paid by the americans?", "americans"),  # a name's plural
        ("are myanmar protesters paid by russians?", "russians"),
    ],
)
def test_a_name_typed_in_small_letters_is_a_name_the_claim_lacks(
    question: str, written: str
) -> None:
    """Typed without capitals, a word the spelling dictionaries write only capitalised is read
    as the name it is: a payer the claim does not name is another claim."""
    assert compare(question, PAID_EN).foreign_as_written == (written,)
    assert compare(question, PAID_EN).unrelated


@pytest.mark.parametrize(
    "question",
    [
        # "west" is a word in small letters too (after "paid by", a doer the claim lacks is
        # read as one: test_who_did_it_where_the_claim_names_nobody_is_another_claim)
        "does the west say the myanmar protesters were paid terrorists?",
        "does the army say the protesters in myanmar were paid terrorists?",
        "were the myanmar protesters paid terrorists?",
        "us myanmar protesters, were we paid?",  # a stopword, whatever a dictionary says
    ],
)
def test_words_the_dictionaries_hold_in_small_letters_are_no_names(question: str) -> None:
    assert compare(question, PAID_EN).foreign == ()


@pytest.mark.parametrize(
    "question",
    [
        "Was there election fraud in Myanmar in Nov 2020?",  # a month cut short is the month
        "was there election fraud in myanmar in nov 2020?",
        "BTW was there election fraud in Myanmar?",  # chat's abbreviations name nothing
        "btw was there election fraud in myanmar? fyi my uncle says so",
    ],
)
def test_the_claims_month_cut_short_and_chat_abbreviations_are_no_other_names(
    question: str,
) -> None:
    assert compare(question, FRAUD_2020).foreign == ()
    # Another month, cut short or not, is still another month, as it was written in full.
    assert compare("Was there election fraud in Myanmar in Sept 2020?", FRAUD_2020).foreign == (
        "Sept",
    )


FRAUD_2020 = ClaimContext.of(
    ["Was there election fraud in Myanmar?"],
    setting=["Interview in June 2021 about the November 2020 election"],
)


@pytest.mark.parametrize(
    "question",
    [
        "I saw on Facebook that protesters in Myanmar are paid terrorists, true?",
        "i saw on facebook that protesters in myanmar are paid terrorists, true?",
        "Someone in a Telegram group says the protesters in Myanmar are paid terrorists",
        "forwarded from whatsapp: protesters in myanmar are paid terrorists",
        "в фейсбуке пишут, что протестующим в мьянме платят, правда?",
        # Where a forwarded post came from, as a chat client copies it out with the post
        "Forwarded from ✊ Spring Revolution Daily / the protesters in Myanmar are paid terrorists",
        "Переслано из канала «Азия сегодня»: протестующим в Мьянме платят за теракты?",
        # a page, group or channel it was seen on, named in quotation marks
        "Saw this on the FB page 'Asia Truth Report': protesters in Myanmar are paid terrorists",
        "В паблике «Азия сегодня» пишут, что протестующим в Мьянме платят за теракты",
        "轉發自 Telegram 頻道：缅甸抗议者是收钱的恐怖分子吗",
        # a platform before where on it a message was shared, in any language's sentence
        "my aunt's Viber group says protesters in myanmar are paid terrorists",
        # the chat platforms the bot serves, and a thread of one
        "Quick check for a Slack thread: the protesters in Myanmar are paid terrorists?",
        "in our Discord someone says the protesters in Myanmar are paid terrorists",
        # the time and date a screenshot shows
        "12:41 ▪ protesters in Myanmar are paid terrorists",
        "10:15 AM · the protesters in myanmar are paid terrorists",
    ],
)
def test_where_and_when_a_message_was_seen_or_forwarded_is_no_other_subject(
    question: str,
) -> None:
    assert compare(question, PAID_EN).foreign == ()


def test_a_place_the_post_names_as_well_as_where_it_came_from_still_differs() -> None:
    """The page's name is where the post was seen, not what it speaks of, but a word the post
    writes as well is read there: "Thailand" of the protesters in Thailand."""
    for question in (
        "Forwarded from Thailand Today / the protesters in Thailand are paid terrorists",
        "Seen on the page 'Thailand Today': the protesters in Thailand are paid terrorists",
    ):
        assert "Thailand" in compare(question, PAID_EN).foreign, question


def test_a_date_is_read_as_its_year_and_another_year_still_differs() -> None:
    # The claim was made in June 2021: a screenshot's date then is no other number.
    for question in (
        "Interview, 06.2021: was there election fraud in Myanmar?",
        "23.6.2021 | was there election fraud in Myanmar?",
        "2021-06-23 was there election fraud in Myanmar?",
    ):
        assert compare(question, FRAUD_2020).foreign == ()
    assert compare("was there election fraud in Myanmar, 8.11.2015?", FRAUD_2020).foreign == (
        "2015",
    )


@pytest.mark.parametrize(
    "question",
    [
        "mah says protesters are paid terrorists",  # the claimant's initials, typed small
        "My uncle says the protesters in Myanmar are paid terrorists",
        "Коллега утверждает, что протестующим в Мьянме платят",  # a colleague claims
        # The media, in Russian capitals, as "TV" is
        "Мин Аун Хлайн сказал СМИ, что протестующим в Мьянме платят",
    ],
)
def test_who_passed_it_on_or_the_claimants_initials_typed_small_are_no_speaker_named(
    question: str,
) -> None:
    assert compare(question, SPOKEN).foreign == ()


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # A relative (a father, a father-in-law, a nephew), and what is said before a comma
        (
            "протестующим в Мьянме платят? я запутался, отец говорит одно, интернет другое",
            {"запутался", "отец", "одно", "интернет", "другое"},
        ),
        ("протестующим в Мьянме платят? тесть говорит, что да", {"тесть"}),
        ("stepdad says the protesters in myanmar are paid terrorists", {"stepdad"}),
    ],
)
def test_words_no_claim_holds_before_a_verb_of_saying_name_no_one_past_a_comma_or_kin(
    question: str, unknown: set[str]
) -> None:
    assert compare(question, SPOKEN, unknown=frozenset(unknown)).foreign == ()


def test_words_typed_small_that_are_no_initials_before_a_verb_of_saying_stay_words() -> None:
    # "mah" only names the claimant where it says something: elsewhere it is a word.
    assert not compare("protesters paid, mah friend", SPOKEN).speaker


@pytest.mark.parametrize(
    "question",
    [
        "Were the protesters in Myanmar NOT paid terrorists?",
        "Were the protesters in Myanmar NEVER paid terrorists, as they say?",
        "Протестующим в Мьянме НЕ платят за теракты?",
    ],
)
def test_a_negation_in_capitals_is_stress_not_a_name(question: str) -> None:
    assert compare(question, PAID_EN).foreign == ()


def test_television_before_a_verb_of_saying_is_no_speaker() -> None:
    # "по тв сказали", they said on TV: no claim of the base holds "тв", and no one is named.
    seen = compare(
        "протестующим в мьянме платят? по тв сказали", PAID_EN, unknown=frozenset({"тв"})
    )
    assert seen.foreign == ()
    assert compare(
        "протестующим в мьянме платят? сорос сказал", PAID_EN, unknown=frozenset({"сорос"})
    ).foreign == ("сорос",)


@pytest.mark.parametrize(
    ("question", "unknown", "speaker"),
    [
        (
            "is it true that hun sen said the protesters in myanmar are paid?",
            {"hun", "sen"},
            ("hun", "sen"),
        ),
        (
            "правда ли, что спецпосланник асеан заявил, что протестующим в мьянме платят?",
            {"спецпосланник", "асеан"},
            ("асеан", "спецпосланник"),
        ),
        # who passed it on, in a reported clause too, and someone in general ("that guy")
        ("is it true that my uncle said the protesters in myanmar are paid?", {"uncle"}, ()),
        ("is it true that guy said the protesters in myanmar are paid?", {"guy"}, ()),
        ("правда ли, что мужик сказал, что протестующим в мьянме платят?", {"мужик"}, ()),
    ],
)
def test_who_speaks_opening_a_reported_clause_is_named_too(
    question: str, unknown: set[str], speaker: tuple[str, ...]
) -> None:
    assert compare(question, PAID_EN, unknown=frozenset(unknown)).foreign == speaker


@pytest.mark.parametrize(
    "question",
    [
        # A link's preview: its title, then the site's name, which its host spells out.
        "https://www.irrawaddy.com/news/burma/x.html / Protesters in Myanmar are paid "
        "terrorists? | The Irrawaddy",
        "https://www.rfa.org/english/news/x.html / Protesters in Myanmar are paid terrorists"
        " — Radio Free Asia",
        "https://tass.ru/x/11724561 / Протестующие в Мьянме — платные террористы? — ТАСС",
        "https://www.kommersant.ru/doc/1 / Протестующие в Мьянме — платные террористы? "
        "— Коммерсантъ",
        "https://sputniknews.com/x Protesters in Myanmar are paid terrorists, Sputnik says",
    ],
)
def test_the_site_a_link_is_on_is_no_other_subject(question: str) -> None:
    assert compare(question, PAID_EN).foreign == ()


def test_a_sites_name_is_read_so_only_where_a_link_is_on_that_site() -> None:
    assert (
        "Irrawaddy"
        in compare("Protesters in Myanmar are paid terrorists? | The Irrawaddy", PAID_EN).foreign
    )
    # A place is read as a place, whatever site the link is on.
    thai = compare("https://thailand.example.com/x Protesters in Thailand are paid?", PAID_EN)
    assert thai.unrelated


@pytest.mark.parametrize(
    "question",
    [
        "12:04 · Like · Comment · Share · See translation · Protesters in Myanmar are paid"
        " terrorists · 1.2K views",
        "Protesters in Myanmar are paid terrorists 👍 2.1K 💬 340 · Reply · 2d",
        "Протестующие в Мьянме — платные террористы · Показать перевод · Ответить · 2 ч",
        "https://ria.ru/1 — тут пишут, что протестующие в Мьянме — платные террористы?",
    ],
)
def test_what_an_app_shows_around_a_post_names_nothing(question: str) -> None:
    """The buttons, counts and age an app prints around a post, as a screenshot shows them,
    and Russian's "тут" (here): no names, no numbers the claim lacks."""
    seen = compare(question, PAID_EN)
    assert seen.foreign == () and not seen.other_number, seen.foreign


def test_a_day_beside_the_month_a_claim_was_made_is_its_date() -> None:
    said = ClaimContext.of(["Protesters in Myanmar are paid terrorists"], when="2021-06")
    dated = compare("24 June · Protesters in Myanmar are paid terrorists?", said)
    assert dated.foreign == () and not dated.other_number
    other = compare("27 March · Protesters in Myanmar are paid terrorists?", said)
    assert other.foreign == ("27",) and other.other_number


def test_a_language_of_one_country_names_it_as_its_people_are_named() -> None:
    """ "The Burmese general", "бирманского генерала", "тайские протестующие": a language
    official in one country alone (CLDR) names it, in small letters too; not one official in
    several, nor an English word that is also a common one ("polish")."""
    from knowledge.matching.names import language_place, people_of

    assert [language_place(w) for w in ("burmese", "thai", "бирманского", "тайские")] == [
        "MM",
        "TH",
        "MM",
        "TH",
    ]
    assert [language_place(w) for w in ("polish", "chinese", "russian", "английский")] == [None] * 4
    assert people_of("бирманцы") == "MM"  # of "Бирма", CLDR's other name of Myanmar
    said = "Did the Burmese general say that protesters are paid terrorists?"
    assert compare(said, PAID_EN).anchored
    assert compare("were thai protesters paid terrorists?", PAID_EN).unrelated
    assert compare("тайские протестующие — платные террористы?", PAID_EN).unrelated


def test_a_platform_said_otherwise_is_still_a_name_the_claim_lacks() -> None:
    paid_by = compare("Were the protesters in Myanmar paid by Facebook?", PAID_EN)
    assert paid_by.foreign == ("Facebook",) and paid_by.unrelated


PAID_BOTH = ClaimContext.of([PAID_MY, "Were the Myanmar protesters paid terrorists?"])


@pytest.mark.parametrize(
    "seen",
    [
        "Telegram မှာ တွေ့တာ - ",  # seen on Telegram
        "အစ်မက facebook ကနေ ပို့လာတယ် - ",  # my sister sent it from Facebook
        "သူငယ်ချင်း Telegram ကပို့တာ - ",  # a friend sent it from Telegram
        "Viber ထဲ ရောက်လာတာ - ",  # it came into Viber
    ],
)
def test_where_a_burmese_message_was_seen_is_no_other_subject(seen: str) -> None:
    """A platform written among Burmese before the postposition of where ("မှာ", on; "ကနေ",
    from; "ထဲ", in) or "က" before a verb of sending: where the message came from, as "on
    Facebook" is in English. Before "က" alone it is who did it ("Facebook paid them?")."""
    assert compare(seen + PAID_MY, PAID_BOTH, PAID_MY).foreign == ()
    paid_by = "ဆန္ဒပြသူတွေဟာ Facebook က ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    assert compare(paid_by, PAID_BOTH, PAID_MY).foreign == ("Facebook",)


def test_a_burmese_postposition_of_where_is_matched_by_whole_syllables() -> None:
    """ "မှ" (from) opens "မှန်" (true) and "မှား" (wrong) in letters, not in syllables."""
    assert seen_on("FB မှ ကူးထားတာ") == {"fb"}
    assert seen_on("Facebook မှန်လား") == seen_on("Facebook မှားတယ်") == frozenset()


@pytest.mark.parametrize(
    ("question", "unshared"),
    [
        ("Was the census in Myanmar rigged?", ("census",)),
        (
            "Were the village administrator elections in Myanmar fixed?",
            ("village", "administrator", "fixed"),
        ),
        # a typo, a negation, a number, who passed it on and where, asking whether it is true
        (
            "My uncle forwarded this on Facebook: 2020 electon in Myanmar not rigged, true?",
            (),
        ),
        ("Min Aung Hlaing claimed the election in Myanmar was rigged. Is that real or fake?", ()),
    ],
)
def test_the_words_a_question_has_that_the_claims_context_lacks(
    question: str, unshared: tuple[str, ...]
) -> None:
    claim = ClaimContext.of(
        ["Was the November 2020 Myanmar election rigged?"],
        ["Interview with Sputnik"],
        "Min Aung Hlaing",
        "2021-06-20",
        roles=["Myanmar junta leader"],
    )
    assert compare(question, claim).unshared == unshared


PAID_WORDED_THRICE = ClaimContext.of(
    [
        "Were the Myanmar protesters paid terrorists?",
        "Are the protesters in Myanmar paid to carry out attacks?",
        "Myanmar protesters are paid by sponsors, not a political movement",
    ]
)


def test_a_word_two_letters_from_a_claims_word_is_a_misspelling_only_with_its_ending() -> None:
    """ "monks" is two letters from the claim's "money", as "payed" is from "paid": in Latin
    letters a misspelling keeps the first letter and the last, so "monks" is another doer put
    in the protesters' place ("are myanmar's monks paid terrorists?" was answered)."""
    claim = ClaimContext.of(
        [*PAID_WORDED_THRICE.subject_texts, "Those attacking the military just do it for money"]
    )
    closest = "Were the Myanmar protesters paid terrorists?"
    assert compare("are myanmar monks paid terrorists?", claim, closest).replaced == (
        ("monks", "protesters"),
    )
    assert compare("were the myanmar protesters payed terrorists?", claim, closest).replaced == ()


def test_a_word_most_of_a_claims_wordings_hold_is_central_and_a_claim_worded_once_has_none() -> (
    None
):
    assert {"protesters", "paid"} <= PAID_WORDED_THRICE.central
    assert "sponsors" not in PAID_WORDED_THRICE.central  # one wording of three
    assert "myanmar" not in PAID_WORDED_THRICE.central  # a place: what the anchors are for
    assert not ClaimContext.of(["Were the Myanmar protesters paid terrorists?"]).central


@pytest.mark.parametrize(
    ("question", "replaced"),
    [
        ("are myanmar soldiers paid terrorists?", (("soldiers", "protesters"),)),
        ("Are the Myanmar monks paid terrorists?", (("monks", "protesters"),)),
        ("My uncle says myanmar soldiers are paid terrorists", (("soldiers", "protesters"),)),
        # Elsewhere in the question than the claim's first central word, who it is about
        # (difflib aligns "journalists" before "myanmar" and "protesters" after it); another
        # central word moved is no such pair: the question says what they did in other words.
        ("Are journalists in Myanmar paid terrorists?", (("journalists", "protesters"),)),
        ("Were the Myanmar protesters terrorists for hire?", ()),
        # The claim's doer written after the word in its place, as whom the new doer acts on,
        # whatever else is new ("shoot"); not after several words there ("general claims"):
        # who says it, not who did it.
        (
            "are myanmar soldiers paid terrorists who attack protesters?",
            (("soldiers", "protesters"),),
        ),
        ("are soldiers in myanmar paid to shoot protesters?", (("soldiers", "protesters"),)),
        ("Myanmar general claims protesters got paid to attack", ()),
        # The claim's own words, a misspelling, or nothing new: nothing put in its place.
        ("Were the Myanmar protesters paid terrorists?", ()),
        ("were the myanmar protesters payed terrorists?", ()),
        ("are the protesters in myanmar paid?", ()),
        # More said anew than what stands in the claim's place: read as a freer rewording
        # (the limit of the rule: a swap among other new words is not read).
        ("are myanmar soldiers paid terrorists from abroad?", ()),
    ],
)
def test_a_word_in_place_of_a_central_word_is_read(
    question: str, replaced: tuple[tuple[str, str], ...]
) -> None:
    closest = "Were the Myanmar protesters paid terrorists?"
    assert compare(question, PAID_WORDED_THRICE, closest).replaced == replaced


@pytest.mark.parametrize(
    "question",
    [
        "Nobody paid the people who protested against the Myanmar coup, right?",
        "were the myanmar protesters paid, like the general says?",
        "Were the Myanmar protesters paid terrorists, despite what they say?",
    ],
)
def test_a_preposition_or_conjunction_stands_in_for_no_word_of_the_claim(question: str) -> None:
    # "against", "like", "despite": grammar, no new word put where the claim has "attacks"
    compared = compare(
        question, PAID_WORDED_THRICE, "Are the protesters in Myanmar paid to carry out attacks?"
    )
    assert compared.replaced == ()
    assert not {"against", "like", "despite"} & set(compared.unshared)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("are myanmar soldiers paid terrorists?", True),  # who is paid
        ("were the myanmar protesters trained terrorists?", False),  # what was done to them
    ],
)
def test_a_word_in_place_of_the_phrasings_first_central_word_is_read_apart(
    question: str, opening: bool
) -> None:
    # The first central word of "Were the Myanmar protesters paid terrorists?" is who the
    # claim is about; a word in place of another one is more often what they did, in other
    # words (Matcher._agreed answers those where the model agrees, not these).
    closest = "Were the Myanmar protesters paid terrorists?"
    compared = compare(question, PAID_WORDED_THRICE, closest)
    assert compared.replaced and compared.opening == "protesters"
    assert compared.opening_replaced == opening


PAID_BY_THE_ANTI_COUP = ClaimContext.of(
    [
        "Were the Myanmar protesters paid terrorists?",
        "Are the protesters in Myanmar paid to carry out terrorism?",
        "Myanmar protesters are paid terrorists, not a political movement",
        "Did the anti-coup protesters in Burma get money to do terrorism?",
    ]
)


@pytest.mark.parametrize(
    ("question", "replaced"),
    [
        # Who the claim is about, as its closest phrasing names them ("anti-coup protesters"),
        # and where; something new of them, nothing of what the claim says they do.
        ("Did protesters in Yangon loot shops during the anti-coup demos?", True),
        ("did protesters in yangon loot shops during the anti-coup demos?", True),
        ("Did protesters in Myanmar loot shops during the anti-coup demos?", True),
        # What the claim says they do, kept ("money"), or in its own words: none.
        ("did protesters in yangon get money during the anti-coup demos?", False),
        ("did the anti-coup protesters in burma get money for attacks?", False),
    ],
)
def test_new_words_of_the_claims_doer_in_another_order_replace_what_they_do(
    question: str, replaced: bool
) -> None:
    """context._deed_replaced: the question's words stand otherwise than the phrasing's, so
    no run pairs with a run; it shares only how the phrasing names the doer, and places."""
    closest = "Did the anti-coup protesters in Burma get money to do terrorism?"
    pairs = compare(question, PAID_BY_THE_ANTI_COUP, closest).replaced
    assert (("loot", "terrorism") in pairs) if replaced else pairs == ()


FRAUD_WORDED_THRICE = ClaimContext.of(
    [
        "At first there were protests. You already know the reason — because of the election "
        "fraud.",
        "Was the November 2020 Myanmar election rigged?",
        "Was there election fraud in Myanmar?",
        "Did the protests in Myanmar start because of election fraud?",
    ]
)


@pytest.mark.parametrize(
    ("question", "replaced"),
    [
        # The election named, something else said of it than fraud: "win" for "fraud".
        ("Did the NLD win the 2020 election in Myanmar?", (("nld", "fraud"), ("win", "fraud"))),
        (
            "did the 2020 election in myanmar have a high turnout?",
            (("high", "fraud"), ("turnout", "fraud")),
        ),
        # What the claim says, in its other words or in the phrasing's own: none.
        ("was there fraud in the 2020 election in myanmar?", ()),
        ("Was the 2020 election in Myanmar rigged?", ()),
    ],
)
def test_where_the_phrasing_says_it_in_a_word_of_its_own_the_claims_central_words_stand(
    question: str, replaced: tuple[tuple[str, str], ...]
) -> None:
    """context._deed_replaced: "rigged" is no central word of the claim (one wording of
    four), "fraud" is (three of four), and the question lacks both."""
    closest = "Was the November 2020 Myanmar election rigged?"
    assert compare(question, FRAUD_WORDED_THRICE, closest).replaced == replaced


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("myanmar protesters paid??", True),  # what the claim says of them
        ("Myanmar protesters", False),  # whom it is about, no more
        ("protesters in myanmar", False),
    ],
)
def test_a_question_states_the_claim_with_a_central_word_beyond_whom_it_is_about(
    question: str, stated: bool
) -> None:
    closest = "Were the Myanmar protesters paid terrorists?"
    assert compare(question, PAID_WORDED_THRICE, closest).states_claim is stated


def test_a_city_of_the_claims_country_is_no_word_put_in_place_of_the_claims() -> None:
    """Yangon says where, as Myanmar does: "burn cars" stands in place of "terrorists"."""
    closest = "Were the Myanmar protesters paid terrorists?"
    question = "Were protesters in Yangon paid to burn cars?"
    compared = compare(question, PAID_BY_THE_ANTI_COUP, closest)
    assert compared.replaced == (("burn", "terrorists"), ("cars", "terrorists"))


BECAME_WORDED_FOUR_TIMES = ClaimContext.of(
    [
        "After that, the protests escalated to the stage of terrorism, and this is where other "
        "reasons play a role.",
        "Did the protests in Myanmar escalate into terrorism?",
        "Did the protests in Burma escalate into terrorism?",
        "Myanmar's protests escalated to the stage of terrorism",
    ]
)


@pytest.mark.parametrize(
    "question",
    [
        "is it true the demonstrations in myanmar escalated into terrorism like the army claims",
        "is it true the demonstrations in myanmar escalated into terorism like the army claims",
    ],
)
def test_a_misspelt_word_of_the_claims_lines_up_as_the_word(question: str) -> None:
    """ "terorism" is lined up with the phrasing's "terrorism" (context._as_theirs): the new
    words around it are not one run standing in place of the claim's "protests"."""
    closest = "Did the protests in Burma escalate into terrorism?"
    assert compare(question, BECAME_WORDED_FOUR_TIMES, closest).replaced == ()


def test_a_russian_verb_with_a_one_letter_prefix_holds_the_claims_word() -> None:
    """ "сфальсифицированы" (falsified) is "фальсификации" (falsification) in another form; a
    word of another root in its place is still read there ("отменены", annulled), but not one
    saying the same in another word of its class ("украдены", stolen: predicates.restates)."""
    claim = ClaimContext.of(
        [
            "Были ли фальсификации на выборах в Мьянме в ноябре 2020 года?",
            "Протесты в Мьянме начались из-за фальсификации выборов?",
            "Сначала были протесты. Вы уже знаете причину — из-за фальсификации выборов.",
        ]
    )
    closest = "Были ли фальсификации на выборах в Мьянме в ноябре 2020 года?"
    falsified = "Выборы 2020 года в Мьянме были сфальсифицированы?"
    assert compare(falsified, claim, closest).replaced == ()
    annulled = "Выборы 2020 года в Мьянме были отменены?"
    assert compare(annulled, claim, closest).replaced == (("отменены", "фальсификации"),)
    stolen = "Выборы 2020 года в Мьянме были украдены?"
    assert compare(stolen, claim, closest).replaced == ()


FEAR_TEXTS = [
    "First of all, the protesters cause fear in the local population, thus preventing people "
    "from leading normal lives in the country. Secondly, they are destroying the image of the "
    "current government in the international arena.",
    "Myanmar protesters spread fear and damage the country's reputation on purpose",
    "Are the protesters in Myanmar scaring people and ruining the government's image for their "
    "own interests?",
    "Are the protesters in Burma making people afraid?",
    "Протестующие в Мьянме сеют страх среди местного населения?",
    "Протестующие в Мьянме намеренно портят имидж страны?",
]


@pytest.mark.parametrize(
    ("question", "closest", "pair"),
    [
        # the government whose image the protesters ruin, as who ruins it
        (
            "Is the Myanmar government ruining its own image on purpose?",
            FEAR_TEXTS[2],
            ("government", "protesters"),
        ),
        # the locals the protesters scare, as who spreads fear
        ("Are locals in Myanmar spreading fear?", FEAR_TEXTS[1], ("locals", "protesters")),
        (
            "Местное население в Мьянме сеет страх?",
            FEAR_TEXTS[4],
            ("местное", "протестующие"),
        ),
        # the claim's doer named: whom they act on may come first
        ("Is the government's image ruined by the protesters in Myanmar?", FEAR_TEXTS[2], None),
        # the doer left out, or named another way: what they do comes first
        ("Spreading fear and ruining the government's image, is that true?", FEAR_TEXTS[2], None),
    ],
)
def test_whom_the_claims_doers_act_on_put_in_the_doers_place_is_another_doer(
    question: str, closest: str, pair: tuple[str, str] | None
) -> None:
    """In a short question naming none of the claim's doers, a first word of content that the
    claim's texts hold, but never among the first words naming who does it, is whom or what
    the doers act on put in their place (context._doer_displaced)."""
    claim = ClaimContext.of(FEAR_TEXTS, roles=["Myanmar junta leader"])
    assert compare(question, claim, closest).replaced == ((pair,) if pair else ())


def test_a_quote_naming_its_doer_by_a_pronoun_puts_no_one_in_their_place() -> None:
    """ "They just receive money": "they" is who does it, so "receive", the first word of
    content, is what they do, not whom they act on put in their place
    (context._doer_displaced)."""
    claim = ClaimContext.of(
        [
            "[T]hose who directly carry out terrorists attacks work for money. It's not some "
            "political movement. They just receive money.",
            *PAID_WORDED_THRICE.subject_texts,
        ],
        speaker="Min Aung Hlaing",
    )
    question = '"They just receive money" – Min Aung Hlaing. True?'
    assert compare(question, claim, claim.subject_texts[0]).replaced == ()


def test_a_word_of_the_quotes_doer_named_first_is_no_other_doer() -> None:
    """The quote "Those who directly carry out terrorists attacks work for money" names its
    doer in its first words of content, so "terrorists" put first names him."""
    claim = ClaimContext.of(
        [
            "[T]hose who directly carry out terrorists attacks work for money. It's not some "
            "political movement.",
            *PAID_WORDED_THRICE.subject_texts,
        ],
        speaker="Min Aung Hlaing",
    )
    closest = claim.subject_texts[0]
    question = "min aung hlaing said the terrorists only work for money, is that true"
    assert compare(question, claim, closest).replaced == ()


PAID_RU_TEXTS = [
    "Were the Myanmar protesters paid terrorists?",
    "Are the protesters in Myanmar paid to carry out attacks?",
    "Myanmar protesters are paid by sponsors, not a political movement",
    "Протестующим в Мьянме платят за теракты?",
    "Участникам протестов в Мьянме платят деньги за нападения?",
]


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("Солдатам в Мьянме платят за теракты?", ("солдатам", "протестующим")),  # soldiers
        ("журналистам в мьянме платят за теракты?", ("журналистам", "протестующим")),
        ("Митингующим в Мьянме платят за теракты?", ("митингующим", "протестующим")),  # the same
        # The claim's doer written after the new word in its place, as whom the soldiers
        # shoot: another new word beside it is what they do. Without it, two new words are
        # read as a freer rewording (the limit of the rule), as what is done said otherwise is.
        ("Солдатам в Мьянме платят за расстрелы протестующих?", ("солдатам", "протестующим")),
        ("Солдатам в Мьянме платят за расстрелы?", None),
        ("Протестующим в Мьянме платят за расстрелы?", None),
        # The claim's own words, in another of its wordings; a misspelling; more said anew
        ("Участникам протестов в Мьянме платят за теракты?", None),
        ("Пратестующим в Мьянме платят за теракты?", None),
        ("Солдатам в Мьянме платят за теракты из-за границы?", None),
        # Where the claim has more than its doer in that place: what was done, said otherwise
        ("Протестующим в Мьянме доплачивают за теракты?", None),
    ],
)
def test_one_new_word_in_place_of_the_phrasings_first_content_word_is_read_without_central_words(
    question: str, pair: tuple[str, str] | None
) -> None:
    """A claim with central words in English, worded in Russian too few times to have any
    in Russian: the one word a question says anew, standing alone where the closest phrasing
    opens with who it is about, pairs with that word, as in Chinese (replaced_opening)."""
    closest = "Протестующим в Мьянме платят за теракты?"
    context = ClaimContext.of(PAID_RU_TEXTS)
    assert context.central and not context.central & {"протестующим", "платят"}
    compared = compare(question, context, closest)
    assert compared.replaced == ((pair,) if pair else ())
    assert compared.opening_replaced == (pair is not None)


def test_one_new_word_in_place_of_another_wordings_first_content_word_is_read() -> None:
    """Where the closest phrasing has no word in that place ("Участникам протестов…" opens
    with two), the claim's other wordings in the question's script are read the same way."""
    closest = "Участникам протестов в Мьянме платят деньги за нападения?"
    compared = compare(
        "Журналистам в Мьянме платят за теракты?", ClaimContext.of(PAID_RU_TEXTS), closest
    )
    assert compared.replaced == (("журналистам", "протестующим"),)


FRAUD_AND_PROTESTS = ClaimContext.of(
    ["Was there election fraud in Myanmar?", "Did the anti-coup protests follow a rigged vote?"]
)


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("Was there fraud in the Myanmar by-election?", ("by-election",)),
        ("was there election fraud in myanmar's pre-election polls?", ("pre-election",)),
        ("Was there fraud in Myanmar's re-elections?", ("re-elections",)),
        # The claim's own compound; a prefix before a word the claim's subject lacks; a
        # hyphenated word that opens with no prefix
        ("Did the anti-coup protests in Myanmar follow a rigged vote?", ()),
        ("Was there election fraud in Myanmar's non-binding vote?", ()),
        ("Was there election fraud in Myanmar's long-awaited vote?", ()),
    ],
)
def test_a_word_of_the_claim_behind_a_prefix_its_texts_never_write_is_something_else(
    question: str, foreign: tuple[str, ...]
) -> None:
    """A by-election is no election the claim is about: named as something the claim's
    context lacks, the question is another claim (offered, saying what differs)."""
    compared = compare(question, FRAUD_AND_PROTESTS)
    assert compared.foreign == foreign
    assert compared.unrelated == bool(foreign)


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("на довыборах в мьянме были фальсификации?", ("довыборах",)),  # by-elections
        ("На перевыборах в Мьянме были фальсификации?", ("перевыборах",)),  # re-elections
        # a prefix of a word the claim lacks; no prefix ("с-"), or the verb's "про-"
        ("Доказательства фальсификации выборов в Мьянме есть?", ()),
        ("В Мьянме выборы были сфальсифицированы?", ()),
    ],
)
def test_a_russian_prefix_before_a_word_of_the_claim_is_something_else(
    question: str, foreign: tuple[str, ...]
) -> None:
    """Russian writes the prefix and the word as one: "довыборы" are no "выборы"."""
    assert compare(question, FRAUD_BY_JUNTA_LEADER).foreign == foreign


@pytest.mark.parametrize(
    ("question", "unshared"),
    [
        ("На довыборах в Мьянме были фальсификации?", ("довыборах",)),  # by-elections
        ("Were the Myanmar exprotesters paid terrorists?", ("exprotesters",)),
        # A typo of the claim's word is that word
        ("Были ли фальсификации на выбарах в Мьянме?", ()),
        ("Were the Myanmar protestors paid terorists?", ()),
    ],
)
def test_a_claims_word_behind_a_prefix_is_no_typo_of_it(
    question: str, unshared: tuple[str, ...]
) -> None:
    """Two letters or more before a word of the claim make another word ("довыборах",
    by-elections, against "выборах"), not a misspelling of it: a word the claim lacks."""
    context = ClaimContext.of(
        [
            "Were the Myanmar protesters paid terrorists?",
            "Были ли фальсификации на выборах в Мьянме в ноябре 2020 года",
        ]
    )
    assert compare(question, context).unshared == unshared


def test_a_pro_form_is_no_other_subject_in_the_claims_place() -> None:
    """ "the ones doing the attacks" names the claim's doers by a word that stands for them,
    not another doer."""
    question = "Are the ones carrying out attacks in Myanmar paid?"
    compared = compare(question, PAID_WORDED_THRICE, "Were the Myanmar protesters paid terrorists?")
    assert "ones" not in compared.unshared
    assert compared.replaced == ()


def test_a_claim_worded_once_has_no_word_read_in_place_of_its_first() -> None:
    """An archive's claim, worded once, may open with what was done, not who did it."""
    claim = "We enacted the biggest tax cuts and reforms in American history."
    question = "We passed the biggest tax cuts and reform in American history."
    assert compare(question, ClaimContext.of([claim]), claim).replaced == ()


PAID_ZH_TEXTS = (
    "缅甸抗议者是收钱的恐怖分子吗",
    PAID_ZH,
    "在缅甸发动袭击的人只是为了钱，不是政治运动",
)


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("缅甸士兵是收钱的恐怖分子吗？", ("士兵", "抗议者")),  # soldiers
        ("缅甸记者是收钱的恐怖分子吗", ("记者", "抗议者")),  # journalists
        # demonstrators: the same, a word of the class of the one it stands for
        ("缅甸示威者是收钱的恐怖分子吗", None),
        ("缅甸抗义者是收钱的恐怖分子吗", None),  # a character wrong
        ("缅甸抗议者是收钱的恐怖分子吗", None),  # the claim's own words
        ("缅甸示威者都是收钱的雇佣兵?", None),  # more said anew: a freer rewording
    ],
)
def test_a_chinese_word_in_place_of_the_phrasings_first_word_of_content_is_read(
    question: str, pair: tuple[str, str] | None
) -> None:
    """In Chinese, the word put where the closest phrasing has who it is about, after its
    place (缅甸, Myanmar, a name the context knows), as words with spaces are read in
    English."""
    closest = "缅甸抗议者是收钱的恐怖分子吗"
    assert replaced_opening(question, closest, PAID_ZH_TEXTS, ["缅甸"]) == pair


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("缅甸士兵都是收钱的雇佣兵?", ("士兵", "抗议者")),  # soldiers… mercenaries
        ("缅甸抗议者都是收钱的雇佣兵?", None),  # the opening word kept
        ("缅甸示威者都是收钱的雇佣兵?", None),  # demonstrators: a word of its class
    ],
)
def test_a_chinese_word_in_place_of_the_first_word_of_content_beside_other_new_words(
    question: str, pair: tuple[str, str] | None
) -> None:
    """Not alone (Comparison.loosely_replaced): the question says more anew than the word in
    the claim's place, another doer or a freer rewording, which only the semantic model reads."""
    closest = "缅甸抗议者是收钱的恐怖分子吗"
    assert replaced_opening(question, closest, PAID_ZH_TEXTS, ["缅甸"], alone=False) == pair
    assert replaced_opening(question, closest, PAID_ZH_TEXTS, ["缅甸"]) is None


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("缅甸工人罢工已经升级到恐怖主义阶段了", ("工人罢工", "抗议")),  # workers' strikes
        ("缅甸的示威活动升级为恐怖主义了吗", None),  # demonstrations: a word of its class
        ("缅甸的抗议升级为恐怖主义了吗", None),  # the opening word kept
    ],
)
def test_a_chinese_word_in_place_of_the_phrase_the_first_word_of_content_opens_is_read(
    question: str, pair: tuple[str, str] | None
) -> None:
    """Where the phrasing's first word of content opens a phrase ("抗议活动", protest
    activities), the words put in place of the whole phrase are read as in place of it."""
    closest = "缅甸的抗议活动升级为恐怖主义了吗"
    texts = (closest, "缅甸的抗议已经升级到恐怖主义阶段了吗")
    assert replaced_opening(question, closest, texts, ["缅甸"]) == pair


FEAR_ZH_TEXTS = ("缅甸抗议者在当地民众中制造恐惧吗", "缅甸抗议者故意破坏政府的国际形象吗")


@pytest.mark.parametrize(
    ("question", "closest", "pair"),
    [
        # the people they scare, as who scares
        ("缅甸民众在当地制造恐惧吗", FEAR_ZH_TEXTS[0], ("民众", "抗议者")),
        # …with more said anew: opposing a hydropower station
        (
            "反对水电站的缅甸民众是不是故意破坏政府的国际形象？",
            FEAR_ZH_TEXTS[1],
            ("民众", "抗议者"),
        ),
        ("缅甸抗议者在当地制造恐惧吗", FEAR_ZH_TEXTS[0], None),  # the claim's own doer
    ],
)
def test_a_chinese_word_the_claim_has_its_doers_act_on_put_in_the_doers_place(
    question: str, closest: str, pair: tuple[str, str] | None
) -> None:
    """Whom the claim's texts have its doers act on ("民众", the people the protesters scare),
    put where the doer stands, is another doer by the claim's own words, whatever else the
    question says anew."""
    assert replaced_opening(question, closest, FEAR_ZH_TEXTS, ["缅甸"]) == pair


def test_what_a_chinese_claim_says_its_doer_is_names_the_doer_too() -> None:
    """A noun after the copula says what the doer is ("恐怖分子", terrorists, of "缅甸抗议者是
    收钱的恐怖分子吗"): put first, it still names the claim's doer, and no other."""
    closest = "缅甸抗议者是收钱的恐怖分子吗"
    question = "缅甸的恐怖分子是收钱的吗"
    assert replaced_opening(question, closest, PAID_ZH_TEXTS, ["缅甸"], alone=False) is None


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        # "Did the protesters become terrorists?": not a character of money or attacks
        ("缅甸的抗议者变成恐怖分子了吗？", ("变成", "收钱")),
        ("緬甸軍政府說抗議者變成恐怖分子 有根據嗎", ("变成", "收钱")),
        # A character of them is enough: "拿钱" (take money), "恐袭" (terror attacks)
        ("缅甸抗议者都是拿钱办事的吗？", None),
        ("缅甸抗议者搞恐袭吗", None),
        ("缅甸抗议者收钱吗", None),
        # Nothing said anew: no pair (what the claim says is missing, nothing in its place)
        ("缅甸抗议者是恐怖分子吗", None),
    ],
)
def test_a_chinese_question_saying_something_else_of_the_claims_doer(
    question: str, pair: tuple[str, str] | None
) -> None:
    """In Chinese as in scripts with letter case (context._deed_replaced): a question that
    holds not a character of what most of the claim's texts say of whom it is about puts its
    own word in its place."""
    texts = (
        *PAID_ZH_TEXTS,
        "那些直接实施恐怖袭击的人是为钱工作。这不是什么政治运动。他们只是收钱。",
    )
    assert deed_put(question, PAID_ZH_TEXTS[0], texts, ["缅甸"]) == pair


def test_a_chinese_claim_worded_twice_says_nothing_most_of_its_texts_hold() -> None:
    """Under three Chinese texts, no words are what most of them say: nothing is paired."""
    assert (
        deed_put("缅甸的抗议者变成恐怖分子了吗", PAID_ZH_TEXTS[0], PAID_ZH_TEXTS[:2], ["缅甸"])
        is None
    )


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("缅甸军方在2020年大选中舞弊了吗？", "军方"),  # did the military commit the fraud?
        ("缅甸军方说11月大选有舞弊，是真的吗？", None),  # what the military says
        ("缅甸军方领导人说大选有舞弊", None),  # the claimant, by their role
        ("缅甸的election fraud是真的吗？军政府一直这么说", None),  # the side named after
        ("缅甸大选有舞弊吗", None),
        # Any word for the armed forces a role names (pieces.FORCES_ZH): soldiers, the
        # military and police, security forces
        ("缅甸士兵在2020年大选中舞弊了吗？", "士兵"),
        ("缅甸军警在大选中舞弊了吗", "军警"),
        ("緬甸安全部隊在大選中舞弊了嗎", "安全部队"),
        ("缅甸士兵说大选有舞弊", None),  # what soldiers say
        ("军方老说大选有舞弊", None),  # keeps saying ("老说", one word to jieba)
        ("军方一直说大选有舞弊", None),  # an adverb before the verb of saying
        ("缅甸军方首脑表示大选有舞弊", None),  # the military's head: who made the claim
        ("缅甸军方首脑在大选中舞弊了吗", None),  # him, not his side (chinese_claimant_does)
        ("缅甸反军方武装是拿钱的吗", None),  # anti-military armed groups: whom they oppose
    ],
)
def test_a_chinese_question_opening_with_the_claimants_side_names_another_doer(
    question: str, side: str | None
) -> None:
    """In Chinese as in English (_claimants_side): where who made the claim is the side a
    question opens with as its doer, it asks about another claim."""
    roles = ("缅甸军政府领导人", "军方领导人")
    subject = ("缅甸2020年大选有舞弊吗", "缅甸的抗议是因为选举舞弊吗")
    assert chinese_claimants_side(question, roles, subject, ["缅甸"]) == side


def test_russian_words_of_passing_a_message_on_put_no_other_subject_in_the_claims_place() -> None:
    """Words like "my uncle says…" or "in a Telegram group" are no word the claim lacks that
    the model should read the question without (Matcher._another_subject), in Russian as in
    English."""
    paid = ClaimContext.of(["Протестующим в Мьянме платят за теракты?"])
    asked = "Мой дядя переслал из телеграм-канала: протестующим в Мьянме платят за теракты?"
    assert compare(asked, paid).unshared == ()  # "канала", "переслал": forms of the words


FRAUD_BY_JUNTA_LEADER = ClaimContext.of(
    ["Was there election fraud in Myanmar?", "Были ли фальсификации на выборах в Мьянме?"],
    speaker="Min Aung Hlaing",
    roles=(
        "Myanmar junta leader, head of the military, the Tatmadaw",
        "глава военной хунты Мьянмы, глава армии Татмадо",
    ),
)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("did the junta commit election fraud in myanmar?", "junta"),
        ("армия мьянмы фальсифицировала выборы?", "армия"),  # "армии" in the role
        # after a negation asking it, or a particle typed short ("ж", of "же")
        ("Didn't the junta commit election fraud in Myanmar?", "junta"),
        ("isn't it the junta that rigged the election in myanmar?", "junta"),
        ("Так это ж армия фальсифицировала выборы в Мьянме?", "армия"),
        # What the claimant's side says, or whether it is right: the claim itself.
        ("The junta says the election in Myanmar was rigged. True?", None),
        ("Is the junta right that there was election fraud in Myanmar?", None),
        ("По словам военных, на выборах в Мьянме были фальсификации?", None),
        # A rumour said by no one named is no side saying it (saying.hearsay).
        ("They say the junta rigged the election in Myanmar. True?", "junta"),
        ("Говорят, армия мьянмы фальсифицировала выборы?", "армия"),
        # Not who did it: the claimant's side after the question's first words.
        ("Did protests against the junta follow election fraud in Myanmar?", None),
        # Another word of the role that is a word of its own ("lead" of "leader").
        ("did election fraud in myanmar lead to protests?", None),
    ],
)
def test_the_claimants_own_side_as_who_did_it_is_another_claim(
    question: str, side: str | None
) -> None:
    """A claim the junta's leader made names the junta only as who made it: a question
    asking whether the junta did what the claim says is another claim."""
    foreign = compare(question, FRAUD_BY_JUNTA_LEADER).foreign
    assert (side in foreign) if side else not foreign, foreign


@pytest.mark.parametrize(
    ("question", "another"),
    [
        ("Did Myanmar's election commission say there was no fraud in 2020?", True),
        ("Did the NLD say there was election fraud in Myanmar?", True),
        ("So has the UN claimed the election in Myanmar was rigged?", True),
        # Who made the claim, by his name, his role or its kind, or his side: his claim.
        ("Did Min Aung Hlaing say there was election fraud in Myanmar?", False),
        ("Did the junta say the election in Myanmar was rigged?", False),
        ("Did the commander-in-chief say there was election fraud in Myanmar?", False),
        # What someone says, passed on: whether it holds is what is asked.
        ("The election commission says there was no fraud in Myanmar. True?", False),
        ("Did anyone say there was election fraud in Myanmar?", False),
        # "claim" a noun: asked of the claim, not of anyone saying it.
        ("Is the election fraud claim in Myanmar true?", False),
        ("Мама говорит, что на выборах в Мьянме были фальсификации?", False),  # passed on
    ],
)
def test_asking_whether_another_said_it_is_another_claim(question: str, another: bool) -> None:
    """ "Did X say…?" asks what X said: where X is not who made the claim, another's claim,
    however many words it shares with his (saying.asked_whether_said)."""
    seen = compare(question, FRAUD_BY_JUNTA_LEADER)
    assert seen.another_speaker is another and seen.unrelated is another, question


@pytest.mark.parametrize(
    ("word", "claims", "restated"),
    [
        ("запугивают", "страх", True),  # intimidate, for fear: one class
        ("rigged", "fraud", True),
        ("запугивают", "намеренно", True),  # the fear the claim's texts say, against any word
        ("проплачены", "намеренно", False),  # paid: a class the fear claim does not say
        ("fair", "fraud", False),  # of the class, and its contrary
        ("честными", "фальсификации", False),
        ("soldiers", "protesters", False),
        ("被雇佣", "收钱", True),  # hired, for take money: in Chinese too
        ("公平", "舞弊", False),  # fair, for fraud: the contrary
        ("士兵", "抗议者", False),
        # on purpose, in other words: one class (predicates.INTENT)
        ("специально", "намеренно", True),
        ("нарочно", "намеренно", True),
        ("deliberately", "purpose", True),
        ("故意", "有意", True),
        ("специально", "страх", False),  # on purpose, for fear: a class the claim does not say
        # becoming something else, and the stage reached: one class (predicates.CHANGE)
        ("превратились", "стадии", True),
        ("turned", "escalated", True),
        ("演变成", "升级", True),
        ("мирными", "стадии", False),  # peaceful: no becoming
        ("became", "fear", False),  # a class the fear claim does not say, against another word
        ("стал", "стадии", True),  # became, as a learner writes it
        ("changed", "escalated", True),
        ("сталина", "стадии", False),  # Stalin's: no becoming
        # who protests, in other words (predicates.PROTEST); the people (predicates.PEOPLE)
        ("demonstrations", "protests", True),
        ("демонстранты", "протестующие", True),
        ("示威", "抗议", True),
        ("上街", "抗议", True),  # taking to the streets, as plain speech says it
        ("soldiers", "protesters", False),
        ("жителей", "населения", True),
        ("residents", "population", True),
        ("老百姓", "民众", True),
        ("военных", "населения", False),
        # attacking and who attacks (predicates.ATTACK): only in the place of its own class
        ("bombers", "attacks", True),
        ("взрывы", "теракты", True),
        ("爆炸", "袭击", True),
        ("bombing", "paid", False),
        ("shooting", "protesters", False),
    ],
)
def test_a_word_of_a_class_the_claim_says_restates_it(
    word: str, claims: str, restated: bool
) -> None:
    subject = (
        "Protesters in Myanmar spread fear",
        "Are the protesters scaring people?",
        "Протестующие сеют страх среди населения?",
    )
    assert predicates.restates(word, claims, subject) is restated


@pytest.mark.parametrize(
    ("word", "phrasing", "rest"),
    [
        ("လူထု", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", ""),  # the public, the people
        ("ငွေအတွက်", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "အတွက်"),  # money, for money
        # the longest word of the class it opens with: money ("ငွေကြေး"), for money only
        ("ငွေကြေးအတွက်သာ", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "အတွက်သာ"),
        ("မဲမသမာမှုကြောင့်", "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား", "မှုကြောင့်"),  # vote fraud
        # threatened, frightened (in both spellings) for afraid; money got, for money
        ("ခြိမ်းခြောက်နေတာ", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", "နေတာ"),
        ("ချောက်လှန့်နေတယ်", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", "နေတယ်"),
        ("ငွေရလို့", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "လို့"),
        # who live in the ward, the town: the people
        ("ရပ်ကွက်ထဲက", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", "ထဲက"),
        ("မြို့ခံတွေ", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", "တွေ"),
        # bombing, for doing violence
        ("ဗုံးခွဲနေတဲ့", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "နေတဲ့"),
        # harming, a name spoilt, shamed: destroying (predicates.DAMAGE)
        ("ထိခိုက်စေသည်", "အစိုးရ၏ ပုံရိပ်ကို တမင် ဖျက်ဆီးနေသလား", "စေသည်"),
        ("နာမည်ပျက်အောင်", "အစိုးရ၏ ပုံရိပ်ကို တမင် ဖျက်ဆီးနေသလား", "အောင်"),
        ("အရှက်ခွဲနေတာ", "အစိုးရ၏ ပုံရိပ်ကို တမင် ဖျက်ဆီးနေသလား", "နေတာ"),
        # who take to the streets, onto the road: who protests
        ("လမ်းထွက်တဲ့သူတွေ", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "တဲ့သူတွေ"),
        ("လမ်းပေါ်ထွက်တဲ့", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", "တဲ့"),
        ("စစ်သား", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", None),  # soldiers: no class
        ("ငွေ", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", None),  # no payment there
    ],
)
def test_a_burmese_word_of_a_class_the_phrasing_holds_is_read_as_its_word(
    word: str, phrasing: str, rest: str | None
) -> None:
    assert predicates.burmese_restated(word, phrasing) == rest


PAID_BY_JUNTA_LEADER = ClaimContext.of(
    [
        "Were the Myanmar protesters paid terrorists?",
        "Those attacking the military just do it for money",
        "Myanmar protesters are paid by sponsors, not a political movement",
    ],
    speaker="Min Aung Hlaing",
    roles=("Myanmar junta leader, head of the military, the Tatmadaw",),
)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        # The subject names the military only as whom its doers attack.
        ("the myanmar military carries out terrorist attacks for money?", "military"),
        ("Did the Myanmar military kill protesters?", "military"),
        ("Are the protesters in Myanmar paid by the military?", "military"),
        # The police and the security forces, which a summary may name as who met the
        # protesters: the claimant's side as who does it (doers.SERVING, SERVING_NAMED).
        ("Is it true that the Myanmar police are paid to carry out attacks?", "police"),
        ("Myanmar security forces are paid terrorists - true?", "security forces"),
        # Two words of the role apart name two things, not who made the claim
        # (context._named_together); said by no one named (saying.hearsay).
        ("They say the military in Myanmar pays people to rally for the junta. True?", "military"),
        # Its own doers, and what the claimant's side says.
        ("Are the protesters in Myanmar paid by sponsors?", None),
        ("Those attacking the military in Myanmar are paid?", None),
        ("The military says the protesters in Myanmar are paid terrorists. True?", None),
    ],
)
def test_the_claimants_side_the_subject_names_only_as_acted_on_is_no_doer_of_it(
    question: str, side: str | None
) -> None:
    foreign = compare(question, PAID_BY_JUNTA_LEADER).foreign
    assert (side in foreign) if side else not foreign, foreign


@pytest.mark.parametrize(
    ("question", "open_"),
    [
        ("Who won the 2020 election in Myanmar?", True),
        ("Forwarded: who won the election? anyone?", True),
        ("How many people died in the protests?", True),
        ("2020年缅甸大选谁赢了?", True),
        ("ရွေးကောက်ပွဲမှာ ဘယ်သူ နိုင်လဲ", True),  # "…လဲ" closes a question asking for a fact
        # Asking whether something holds, or who says it: a check may answer it.
        ("Who says the protesters in Myanmar are paid terrorists?", False),
        ("Кто сказал, что протестующим платят?", False),
        ("What's the truth about the Myanmar protesters being paid?", False),
        ("缅甸抗议者是谁给的钱？真的吗", False),
        ("是誰說緬甸抗議升級為恐怖主義的？這說法對嗎？", False),  # who says it? is it right?
        ("ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာ ဟုတ်လား", False),  # "…လား": yes or no
        ("ဘာကြောင့် ဆန္ဒပြကြတာလဲ", False),  # why
        # "…, what is the truth?"; "who has fact-checked this claim?"
        ("မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ စဖြစ်တာလို့ ပြောတယ်၊ အမှန်က ဘာလဲ", False),
        ("ဒီ claim ကို ဘယ်သူ fact check လုပ်ဖူးလဲ", False),
        ("ဘယ်အချိန် ပုံမှန်ဖြစ်မလဲ", True),  # when will it be normal? ("ပုံမှန်": no "true")
        ("Why did the protests in Myanmar start?", False),
        ("Что, протестующим в Мьянме платят?", False),  # a particle, not "what"
        # No question, or a question leading into a claim stated after it.
        ("When they passed Obamacare they put a bailout fund in Obamacare.", False),
        ("What a lie: protesters are paid terrorists", False),
        ("Who would have known? @peta tells us that @MichaelKors uses dogskin in its bags!", False),
        ("谁也不知道抗议者是不是收钱的", False),
    ],
)
def test_a_question_asking_for_a_fact_is_told_from_one_asking_whether_a_claim_holds(
    question: str, open_: bool
) -> None:
    from knowledge.matching.context import _asks_open

    assert _asks_open(question) is open_


def test_a_word_opening_a_wording_is_a_name_only_where_the_dictionaries_say_so() -> None:
    """All a question shares with the claim is names (``names_only``): not where the word it
    shares opens one of the claim's wordings and is an ordinary word ("Протесты…"), as where it
    is a name that opens one ("Obama…")."""
    protests = ClaimContext.of(["Протесты в Мьянме дошли до стадии терроризма?"])
    assert not compare("мирные протесты в мьянме потом стали терактами?", protests).names_only
    obama = ClaimContext.of(["Obama wants to raise taxes on the middle class"])
    assert compare("what did Obama say in Chicago yesterday?", obama).names_only


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        # Threatening them and then: a verb's phrase added before the claim's verb
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်ပြီး ကြောက်အောင် လုပ်နေတာလား", FEAR_MY),
        # Troubling them and then…, they say
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ဒုက္ခပေးပြီး ကြောက်အောင် လုပ်နေတာတဲ့", FEAR_MY),
        # They take the money and then bomb: said so, and asked whether it is true
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး ဗုံးခွဲပြီး အကြမ်းဖက်နေတာလား", PAID_MY),
    ],
)
def test_a_burmese_verbs_phrase_added_beside_the_claims_words_is_no_subject(
    question: str, closest: str
) -> None:
    """A piece read from an insertion inside the claim's words, not in place of them, whose
    word ends as a verb's phrase does ("…ပြီး", and then; "…တာတဲ့", they say): no name. It is
    still a piece the claim lacks (read_pieces), only not one that may be a name."""
    assert unknown_pieces(question, closest, [closest]) == []
    assert read_pieces(question, closest, [closest]) != []


@pytest.mark.parametrize(
    "question",
    [
        "ဆန္ဒပြသူတွေဟာ ပူတင်ကပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # that Putin (marked) gave
        "ဆန္ဒပြသူတွေဟာ ဆိုရိုးစ်ပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # the money Soros gave
        "ဆန္ဒပြသူတွေဟာ ဆိုရိုးစ် ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # Soros('s) money: bare
        "ပူတင်ပြောတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # Putin said
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ သန်းရွှေ ပြောခဲ့တာလား",  # Than Shwe said
        "ဆန္ဒပြသူတွေဟာ ဦးသိန်းစိန်ထောက်ခံပြီး အကြမ်းဖက်နေတာလား",  # U Thein Sein, titled
        "ဆန္ဒပြသူတွေဟာ NED ကပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # Latin letters
        "ဆန္ဒပြသူတွေဟာ ၁၉၈၈မှာ ပိုက်ဆံယူပြီး အကြမ်းဖက်ခဲ့တာလား",  # in 1988: digits
        # Words run together: the rest of the sentence is no verb's ending.
        "ဆန္ဒပြသူတွေဟာဆိုရိုးစ်ပေးတဲ့ပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလား",
        "ဆန္ဒပြသူတွေဟာပူတင်ပေးတဲ့ပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလား",
        # Added after the claim's words, not inside them: because Soros told them to? because
        # Putin supports them? only in Yangon?
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဆိုရိုးစ်ခိုင်းလို့လား",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ပူတင်ထောက်ပံ့လို့လား",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ရန်ကုန်မှာပဲဖြစ်နေတာလား",
    ],
)
def test_a_name_added_beside_the_claims_words_in_burmese_stays_a_piece(question: str) -> None:
    """What the grammar marks as a name's or a noun's: a noun's marker inside the word ("က",
    who gave it), the relative "တဲ့" (the money someone gave), a bare word, a verb of saying
    after it, a title, Latin letters, digits; and any piece of words run together, or added
    around the claim's words rather than inside them."""
    assert unknown_pieces(question, PAID_MY, [PAID_MY]) != []


def test_a_burmese_question_is_set_in_the_one_country_that_writes_burmese() -> None:
    """Babel's territory languages: Burmese is official in Myanmar alone, Chinese, Russian and
    English in several. A Burmese question about a claim on Myanmar is set there as an
    English one naming Myanmar is; about a claim on another country, it is not."""
    assert sole_country("my") == "MM"
    assert sole_country("zh") is None and sole_country("ru") is None and sole_country("en") is None
    asked = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်ပြီး ကြောက်အောင် လုပ်နေတာလား"
    fear = ClaimContext.of(["Myanmar protesters cause fear in the local population", FEAR_MY])
    seen = compare(asked, fear, FEAR_MY)
    assert seen.in_places_language and not seen.anchored and not seen.unanchored
    thai = ClaimContext.of(["Thai protesters cause fear in the local population", FEAR_MY])
    assert not compare(asked, thai, FEAR_MY).in_places_language
    assert not compare("缅甸抗议者在当地民众中制造恐惧吗", fear, FEAR_MY).in_places_language


@pytest.mark.parametrize(
    ("written", "phrased"),
    [
        # Who does it (the plural and its marker, one phrase), "and then", the rest
        (
            "ဆန္ဒပြသူတွေကပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလား",
            "ဆန္ဒပြသူတွေက ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        ),
        # Where ("မှာ"), and the digits kept with the syllable they are written beside
        ("၂၀၂၀ရွေးကောက်ပွဲမှာမဲလိမ်ခဲ့တာလား", "၂၀၂၀ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား"),
        # A particle opening a phrase closes none: "ကလေး" (a child) opens with "က"
        ("ကလေးရဲ့ဆရာမက ဆန္ဒပြပွဲတွေက", "ကလေးရဲ့ ဆရာမက ဆန္ဒပြပွဲတွေက"),
        # Written apart: as it was
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး", "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး"),
        ("Are the protesters paid?", "Are the protesters paid?"),
    ],
)
def test_burmese_run_together_is_read_phrase_by_phrase(written: str, phrased: str) -> None:
    assert phrased_burmese(written) == phrased


@given(st.text(alphabet=st.sampled_from("ကခဂငစဆဇညတထဒနပဖဗမယရလဝသဟအ်ာိီုူေဲံ့း္ြျွှ၀၂ "), max_size=60))
@example("ကကကကကကကက")
def test_phrasing_burmese_only_adds_spaces(text: str) -> None:
    """The letters are those of the text read as Unicode (zawgyi.to_unicode: Zawgyi converted,
    each consonant's marks in one order), in the same order: only spaces are put in (or runs
    of them made one); read again, the phrases stay as they are."""
    phrased = phrased_burmese(text)
    assert phrased.replace(" ", "") == to_unicode(text).replace(" ", "")
    assume(not is_zawgyi(phrased))  # random marks may read as Zawgyi once split
    assert phrased_burmese(phrased) == phrased


def test_the_claimants_role_in_burmese_without_its_place_names_him() -> None:
    """ "စစ်ကောင်စီခေါင်းဆောင်က…" (the junta leader said…) names who made a claim whose role is
    "မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်" (Myanmar junta leader), as "the junta leader says…" does in
    English: a Burmese question is set in Myanmar. One word of the role does not."""
    said = "စစ်ကောင်စီခေါင်းဆောင်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်"
    claim = ClaimContext.of([PAID_MY], roles=["Myanmar junta leader", "မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်"])
    assert compare(said, claim, PAID_MY).speaker
    leader = "ခေါင်းဆောင်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်"
    assert not compare(leader, claim, PAID_MY).speaker
    assert not compare(said, ClaimContext.of([PAID_MY]), PAID_MY).speaker


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("The junta chief says protesters are paid terrorists. True?", True),
        ("the military leader says protesters are paid terrorists", True),  # head of the military
        ("Глава хунты говорит, что протестующим платят?", True),
        # A headline gives what he said after a colon (saying._headline_attributed).
        ("Junta chief: protesters are paid terrorists", True),
        ("Глава хунты: протестующим платят", True),
        ("The police chief says protesters are paid terrorists. True?", False),  # one word
        ("The chief says protesters are paid terrorists. True?", False),
    ],
)
def test_any_word_for_who_leads_names_the_claimants_role(question: str, named: bool) -> None:
    """ "chief", "boss", "head" and "leader" (and "глава", "лидер") each name who leads: two
    words of the claimant's role, one of them such a word, name him (doers.LEADERS)."""
    claim = ClaimContext.of(
        ["Myanmar protesters are paid terrorists"],
        speaker="Min Aung Hlaing",
        roles=["Myanmar junta leader, head of the military", "лидер хунты Мьянмы"],
    )
    assert compare(question, claim, "Myanmar protesters are paid terrorists").speaker is named


def test_a_verb_of_saying_in_the_infinitive_names_no_speaker() -> None:
    """ "…. dare you to say otherwise": "to say" has no one saying it, and "dare" before it
    names no one (saying.speakers_named); "Dare says…" would."""
    claim = ClaimContext.of(["Myanmar protests escalated to terrorism"], speaker="Min Aung Hlaing")
    phrasing = "Myanmar protests escalated to terrorism"
    unknown = frozenset({"dare", "otherwise"})
    dared = "myanmar protests escalated to terrorism. dare you to say otherwise"
    assert compare(dared, claim, phrasing, unknown).foreign == ()
    said = "dare says myanmar protests escalated to terrorism"
    assert "dare" in compare(said, claim, phrasing, unknown).foreign


def test_the_words_naming_the_claimant_by_his_role_are_no_other_speaker() -> None:
    """ "the army chief says…" names who made the claim by what he is (doers.KINDRED); the same
    words, read before a verb of saying as a speaker's name (saying.speakers_named), are no
    foreign name. Another country's army chief still is another."""
    claim = ClaimContext.of(
        ["Myanmar protesters cause fear"],
        speaker="Min Aung Hlaing",
        roles=["Myanmar junta leader, head of the military"],
    )
    phrasing = "protesters cause fear"
    unknown = frozenset({"army", "chief", "thai", "police"})  # words no claim of the base holds
    chief = compare("the army chief says protesters cause fear", claim, phrasing, unknown)
    assert chief.speaker and chief.foreign == ()
    thai = compare("the thai army chief says protesters cause fear", claim, phrasing, unknown)
    assert "thai" in thai.foreign
    police = compare("the police chief says protesters cause fear", claim, phrasing, unknown)
    assert not police.speaker and "police" in police.foreign


@pytest.mark.parametrize(
    "question",
    ["генерал говорит, что протестующие сеют страх", "the general says protesters cause fear"],
)
def test_a_word_for_who_leads_before_a_verb_of_saying_is_no_name(question: str) -> None:
    """ "the general says…" names what someone is, not who (doers.kin), as "the junta leader"
    does: no foreign name, though one word of a role is not enough to name the claimant."""
    claim = ClaimContext.of(
        ["Myanmar protesters cause fear", "Протестующие в Мьянме сеют страх"],
        speaker="Min Aung Hlaing",
        roles=["Myanmar junta leader, head of the military"],
    )
    unknown = frozenset({"генерал", "general"})
    seen = compare(question, claim, "Myanmar protesters cause fear", unknown)
    assert seen.foreign == () and not seen.speaker


@pytest.mark.parametrize(
    "question",
    [
        "တပ်ချုပ်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # commander-in-chief
        "ကာကွယ်ရေးဦးစီးချုပ်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာတဲ့",  # C-in-C of defence
        "တပ်မတော်ကာကွယ်ရေးဦးစီးချုပ်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာတဲ့",
        "ဗိုလ်ချုပ်မှူးကြီးက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # senior general
        "စစ်ကောင်စီဥက္ကဋ္ဌက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # junta chairman
        "စစ်တပ်အကြီးအကဲက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # the army's chief
        "စစ်ခေါင်းကြီးက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # the military's head
        "ကာချုပ်ကတော့ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာတဲ့",  # the C-in-C, shortened
    ],
)
def test_a_burmese_title_of_the_head_of_the_forces_names_the_claimant(question: str) -> None:
    """A word for the armed forces before one for who leads (doers.FORCES_MY, LEADERS_MY), for a
    claimant whose Burmese role is such a title ("စစ်ခေါင်းဆောင်", military leader), in a question
    quoting him, as "the army chief says…" names him in English: no piece, and who said it."""
    claim = ClaimContext.of([PAID_MY], roles=["head of the military", "စစ်ခေါင်းဆောင်"])
    seen = compare(question, claim, PAID_MY)
    assert seen.speaker and not seen.unread


@pytest.mark.parametrize(
    "question",
    [
        "那个将军说缅甸抗议者收钱进行恐怖袭击，是真的吗",  # that general says
        "缅甸军头说抗议者收钱进行恐怖袭击，靠谱吗",  # the military's head, as said
        "缅甸军政府首脑说抗议者收钱进行恐怖袭击吗",  # the junta's head
        "軍政府頭子話緬甸抗議者收錢進行恐怖襲擊，係咪真㗎？",  # in Cantonese: its chief says
    ],
)
def test_a_chinese_word_for_who_leads_before_a_verb_of_saying_names_the_claimant(
    question: str,
) -> None:
    """A word for who leads (pieces.LEADERS_ZH: "将军", a general; "军头"; "首脑"), for a
    claimant whose Chinese role ends with one ("军政府领导人"), in a question quoting him, as
    "the general says…" names him in English and "စစ်ခေါင်းဆောင်က…ပြောတယ်" in Burmese: no piece,
    and who said it."""
    claim = ClaimContext.of([PAID_ZH], roles=["Myanmar junta leader", "缅甸军政府领导人"])
    seen = compare(question, claim, PAID_ZH)
    assert seen.speaker and not seen.unread


def test_a_chinese_word_for_who_leads_names_no_claimant_of_another_role_or_unsaid() -> None:
    # Not where the claimant is no leader, nor where nothing is said ("那个将军收钱…", that
    # general takes money, is someone doing something: not who said it).
    said = "那个将军说缅甸抗议者收钱进行恐怖袭击，是真的吗"
    assert compare(said, ClaimContext.of([PAID_ZH], roles=["缅甸记者"]), PAID_ZH).unread
    unsaid = compare(
        "那个将军收钱进行恐怖袭击吗",
        ClaimContext.of([PAID_ZH], roles=["缅甸军政府领导人"]),
        PAID_ZH,
    )
    assert not unsaid.speaker


@pytest.mark.parametrize(
    "question",
    [
        "我自己从俄文翻译的：缅甸抗议者收钱进行恐怖袭击吗",  # translated from the Russian
        "看到英文标题：缅甸抗议者收钱进行恐怖袭击，是真的吗",  # saw the English headline
        "係咪真㗎？緬甸抗議者收錢進行恐怖襲擊",  # Cantonese: is it true?
        "這句話係咪真：缅甸抗议者收钱进行恐怖袭击",  # this sentence
    ],
)
def test_a_language_cantonese_grammar_and_a_measure_word_are_no_chinese_subject(
    question: str,
) -> None:
    """What language a text is in ("俄文", "英文": a country's initial and "文" or "语"),
    Cantonese's closed class (names.CANTONESE: "係咪", "㗎", "嘅"…) and a measure word with its
    pronoun ("这句", this sentence) name nothing: no piece."""
    assert not compare(question, ClaimContext.of([PAID_ZH]), PAID_ZH).unread


def test_a_request_written_capitalised_names_no_one() -> None:
    """ "Проверьте" (please check) opening a sentence no full stop closed ("…, 2021 г.
    Проверьте"): what is asked of the bot, no name (wording.NOT_NAMES)."""
    russian = ClaimContext.of(["Были ли фальсификации на выборах в Мьянме в 2021 г.?"])
    asked = "Фальсификации на выборах в Мьянме, 2021 г. Проверьте"
    assert compare(asked, russian).foreign == ()


def test_a_countrys_army_by_its_initial_is_its_side_in_chinese() -> None:
    """ "缅军" (Myanmar's army, by the country's initial): the claim's country's army, no name
    (as "俄媒" is Russian media), who says it before a verb of saying; as who does what the
    question asks, the claimant's side (another claim). Another country's ("泰军") is a name."""
    fraud = ClaimContext.of(
        ["缅甸2020年大选有舞弊吗", "Was there election fraud in Myanmar?", "缅甸大选舞弊引发抗议"],
        roles=["Myanmar junta leader, head of the military", "缅甸军政府领导人、军方领导人"],
    )
    said = compare("缅军说2020年大选有舞弊，是真的吗", fraud, "缅甸2020年大选有舞弊吗")
    assert not said.unread and not said.foreign
    done = compare("缅军在2020年大选中舞弊了吗", fraud, "缅甸2020年大选有舞弊吗")
    assert done.foreign == ("缅军",) and done.unrelated
    assert compare("泰军说2020年大选有舞弊，是真的吗", fraud, "缅甸2020年大选有舞弊吗").unread
    # Chinese numerals split off a year are a number, no name ("二〇二〇年").
    assert not compare("缅甸二〇二〇年大选有没有舞弊？", fraud, "缅甸2020年大选有舞弊吗").unread


@pytest.mark.parametrize(
    "question",
    [
        "Сеют ли военные Мьянмы страх среди населения?",  # the verb first, then "ли"
        "Военные ли Мьянмы сеют страх среди населения?",  # the side first, then "ли"
        # a short question a longer message opens with: asked as one
        "Сеют ли военные Мьянмы страх среди населения? Ночные аресты, комендантский час с 20:00",
    ],
)
def test_the_claimants_side_after_the_verb_a_question_opens_with(question: str) -> None:
    fear = ClaimContext.of(
        [
            "Протестующие в Мьянме сеют страх среди населения?",
            "Myanmar protesters cause fear in the local population",
            "Are the protesters scaring people in Myanmar?",
        ],
        roles=[
            "глава военной хунты Мьянмы, глава армии",
            "Myanmar junta leader, head of the military",
        ],
    )
    seen = compare(question, fear)
    assert "военные" in seen.foreign and seen.unrelated
    assert not compare("Сеют ли протестующие в Мьянме страх среди населения?", fear).foreign


@pytest.mark.parametrize(
    "question",
    [
        "ဇွန်လကုန်အထိ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # until the end of June
        "နွေရာသီမှာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # in the summer
        "နယုန်လထဲမှာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # in Nayon (Myanmar calendar)
        "ဇွန် ၂၃ ရက် ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # on 23 June
    ],
)
def test_a_burmese_month_season_or_day_says_when_and_names_nothing(question: str) -> None:
    """A month (CLDR's, or the Myanmar calendar's), a season, a day, with what closes a phrase
    of when (pieces.is_when), and a number alone (weighed as numbers are): no piece."""
    assert not compare(question, ClaimContext.of([PAID_MY]), PAID_MY).unread


@pytest.mark.parametrize(
    "question",
    [
        # the deputy senior general; the title before another's name (General Aung San)
        "ဒုဗိုလ်ချုပ်မှူးကြီးက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",
        "ဗိုလ်ချုပ်အောင်ဆန်းက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",
        "ရဲချုပ်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",  # the police chief
        # leaders of the world ("တကာ", of "နိုင်ငံတကာ", international, is no defence)
        "နိုင်ငံတကာခေါင်းဆောင်တွေက ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်",
    ],
)
def test_another_burmese_title_or_a_name_after_his_title_is_still_read(question: str) -> None:
    claim = ClaimContext.of([PAID_MY], roles=["head of the military", "စစ်ခေါင်းဆောင်"])
    assert compare(question, claim, PAID_MY).unread


def test_a_burmese_title_names_no_claimant_whose_role_is_none() -> None:
    """Not for a claimant whose role is no head of the forces: "တပ်ချုပ်" (the commander-in-chief)
    is then someone else."""
    question = "တပ်ချုပ်က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလို့ ပြောတယ်"
    claim = ClaimContext.of([PAID_MY], roles=["prime minister", "ဝန်ကြီးချုပ်"])
    assert compare(question, claim, PAID_MY).unread


# The claim's setting: its summary names the army, as whom the UN called on.
FRAUD_SETTING = ["ကုလသမဂ္ဂ အထွေထွေညီလာခံက စစ်တပ်ကို ပြည်သူ့ဆန္ဒကို လေးစားရန် တောင်းဆိုခဲ့သည်"]


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("စစ်တပ်က ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", "စစ်တပ်"),  # did the army commit the fraud?
        ("စစ်တပ်ကပဲ ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", "စစ်တပ်"),  # the army itself?
        # where and when first: "in the 2020 election, did the army commit fraud?"
        ("၂၀၂၀ ရွေးကောက်ပွဲမှာ စစ်တပ်က မဲလိမ်ခဲ့တာလား", "စစ်တပ်"),
        # whom it is done to first: "the election, did the army rig it?"
        ("ရွေးကောက်ပွဲကို စစ်တပ်က မဲလိမ်ခဲ့တာလား", "စစ်တပ်"),
        # Who says it, not who did it: "the army said…", "the army: …, they say"
        ("စစ်တပ်က ရွေးကောက်ပွဲမှာ မဲလိမ်မှုရှိခဲ့တယ်လို့ ပြောတယ်", None),
        ("စစ်တပ်က ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြတာတဲ့", None),
        # A doer the setting never names: read as any piece the claim lacks is
        ("ရဲတွေက ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", None),
        ("ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား", None),  # no doer
    ],
)
def test_a_burmese_doer_only_the_claims_setting_names_is_another_doer(
    question: str, side: str | None
) -> None:
    """As the claimant's own side put where the claim has another doer is, in English
    (context.burmese_side, pieces.burmese_doer)."""
    claim = ClaimContext.of([FRAUD_MY], setting=FRAUD_SETTING)
    seen = compare(question, claim, FRAUD_MY)
    assert seen.sides == ((side,) if side else ())
    assert (side in seen.foreign) if side else not seen.sides
    # Where a wording of the claim names it, it is the claim's own.
    if side:
        own = ClaimContext.of([FRAUD_MY, f"{side}က မဲလိမ်ခဲ့တာလား"], setting=FRAUD_SETTING)
        assert not compare(question, own, FRAUD_MY).sides


@pytest.mark.parametrize(
    ("question", "side"),
    [
        # is the Tatmadaw using terror to destabilise the country?
        ("တပ်မတော်က နိုင်ငံမတည်မငြိမ် ဖြစ်အောင် အကြမ်းဖက်မှုကို သုံးနေတာလား", "တပ်မတော်"),
        # the Tatmadaw says…, said that…: who made the claim
        ("တပ်မတော်က ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလို့ ပြောတယ်", None),
        ("တပ်မတော်က ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလို့ ဆိုတယ်", None),
    ],
)
def test_what_the_burmese_claimant_is_written_as_who_does_it_is_his_side(
    question: str, side: str | None
) -> None:
    """What the claimant is ("တပ်မတော်", the Tatmadaw, one of his roles) opening a question as
    who does it, with no word of saying or quoting, is his side put where the claim has
    another doer, not who made the claim."""
    terror_my = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား"
    claim = ClaimContext.of(
        [terror_my], speaker="Min Aung Hlaing", roles=["head of the military", "တပ်မတော်"]
    )
    seen = compare(question, claim, terror_my)
    assert seen.sides == ((side,) if side else ())
    assert seen.speaker == (side is None)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("Did Myanmar's army rig the 2020 election?", "army"),  # "army" for "military"
        ("Did the Myanmar army commit election fraud in 2020?", "army"),
        ("Армия Мьянмы фальсифицировала выборы 2020 года?", "армия"),
        ("Myanmar's army says the 2020 election was rigged, true?", None),  # who says it
        ("Did Myanmar's courts rig the 2020 election?", None),  # no word of the role's kind
        # Those who serve in the forces the role names, and the police (doers.SERVING)
        ("were soldiers paid to rig the 2020 election in myanmar?", "soldiers"),
        ("Солдаты в Мьянме фальсифицировали выборы 2020 года?", "солдаты"),
        ("Did Myanmar's police rig the 2020 election?", "police"),
        ("Полиция Мьянмы фальсифицировала выборы 2020 года?", "полиция"),
        # named by two words (doers.SERVING_NAMED)
        ("Did Myanmar's security forces rig the 2020 election?", "security forces"),
        ("Силовые структуры Мьянмы фальсифицировали выборы?", "силовые структуры"),
    ],
)
def test_a_word_of_the_kind_of_the_claimants_side_is_his_side(
    question: str, side: str | None
) -> None:
    """ "army" is of the kind of "military" (doers.FORCES), as "chief" is of "leader": the
    claimant's side put where the claim has another doer ("Did Myanmar's army rig the 2020
    election?" of a claim the head of the military made about election fraud)."""
    claim = ClaimContext.of(
        [
            "Did the protests in Myanmar start because of election fraud?",
            "В Мьянме протесты начались из-за фальсификации выборов?",
        ],
        speaker="Min Aung Hlaing",
        roles=[
            "Myanmar junta leader, head of the military",
            "глава военной хунты Мьянмы, глава армии",
        ],
    )
    seen = compare(question, claim, "Did the protests in Myanmar start because of election fraud?")
    assert seen.sides == ((side,) if side else ())


@pytest.mark.parametrize(
    ("question", "names_only"),
    [
        ("မြန်မာနိုင်ငံမှာ ၂၀၂၀ ၂၀၂၁", True),  # in Myanmar, 2020, 2021
        ("၂၀၂၀ ၂၀၂၁ ရန်ကုန်မှာ", True),  # 2020, 2021, in Yangon
        ("မြန်မာနိုင်ငံမှာ မဲလိမ်မှု ရှိခဲ့သလား", False),  # was there vote fraud in Myanmar?
        ("ရန်ကုန် ၂၀၂၀ ရွေးကောက်ပွဲ", False),  # the election: a word of the claim's
    ],
)
def test_a_burmese_question_sharing_only_its_places_with_the_claim_shares_names_only(
    question: str, names_only: bool
) -> None:
    """All a Burmese question shares with the claim's texts may be the places it names, and
    numbers: names only, never answered, as "Myanmar 2020 2021" in English."""
    fraud = "မြန်မာနိုင်ငံ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား"
    claim = ClaimContext.of([fraud, "Did the protests in Myanmar start because of election fraud?"])
    assert compare(question, claim, fraud).names_only is names_only


MIXED = ClaimContext.of(
    ["At first there were protests, because of the election fraud.", FRAUD_MY],
    setting=["Interview with Russian state broadcaster Sputnik"],
    speaker="Min Aung Hlaing",
)


@pytest.mark.parametrize(
    ("question", "shares"),
    [
        # "…protests happened because of election fraud", English words in Burmese chat
        ("protest တွေ ဖြစ်တာ election fraud ကြောင့်လား", True),
        ("MAH က protests စတာ fraud ကြောင့်တဲ့", True),
        # Only names in Latin letters: the claimant, the outlet; nothing the claim says.
        ("Min Aung Hlaing က Sputnik မှာ ပြောတာလား", False),
        ("sputnik ကို ကြည့်ပြီး ထမင်းစားတယ်", False),  # watched Sputnik, then ate
    ],
)
def test_a_word_of_content_in_latin_letters_is_shared_by_a_burmese_question(
    question: str, shares: bool
) -> None:
    """A Burmese question writing some of the claim's words in English shares those words with
    it, as one in Burmese would; a name (the claimant's, the outlet's) is no word shared."""
    comparison = compare(question, MIXED, FRAUD_MY)
    assert comparison.shares_no_word is not shares


@pytest.mark.parametrize(
    ("question", "unread"),
    [
        # English words in small letters are no name, in a Burmese question as in English.
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ really လား", False),
        ("ဆန္ဒပြသူတွေဟာ level ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", False),
        # A name no dictionary holds, typed in small letters, still may be one.
        ("ဆန္ဒပြသူတွေဟာ soros ဆီက ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", True),
        # Nor is one who does or says ("trump က…") read as an ordinary word.
        ("trump က ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", True),
    ],
)
def test_a_word_in_small_latin_letters_is_an_ordinary_word_in_a_burmese_question(
    question: str, unread: bool
) -> None:
    claim = ClaimContext.of(["Protests escalated to the stage of terrorism.", PAID_MY])
    assert compare(question, claim, PAID_MY).unread is unread


FRAUD_SAID = ClaimContext.of(
    [
        "Was the November 2020 Myanmar election rigged?",
        "Was there election fraud in Myanmar?",
        "Did the protests in Myanmar start because of election fraud?",
        "Протесты в Мьянме начались из-за фальсификации выборов?",
        FRAUD_MY,
        "缅甸的抗议是因为选举舞弊吗",
    ],
    speaker="Min Aung Hlaing",
    speaker_elsewhere=["Мин Аун Хлайн", "敏昂莱", "မင်းအောင်လှိုင်"],
    roles=[
        "Myanmar junta leader, head of the military",
        "глава военной хунты Мьянмы",
        "缅甸军政府领导人、军方领导人",
    ],
)


@pytest.mark.parametrize(
    ("question", "doer"),
    [
        ("Did Min Aung Hlaing commit election fraud?", "Min Aung Hlaing"),
        ("did min aung hlaing rig the 2020 election in myanmar?", "min aung hlaing"),
        ("Did the junta leader rig the 2020 election?", "junta leader"),
        ("Мин Аун Хлайн фальсифицировал выборы в Мьянме?", "Мин Аун Хлайн"),
        # What he said, asked about: he said it, by any verb of saying, typed in haste too
        ("Did Min Aung Hlaing say the election was rigged?", None),
        ("Is Min Aung Hlaing right that the 2020 election was rigged?", None),
        ("min aung hlaing sayin the 2020 election was rigged, true?", None),
        ("глава хунты гаварит что выборы в Мьянме фальсифицировали, правда?", None),
        # Quoted, or followed by the claim's doer: who said it
        ("Min Aung Hlaing: the 2020 election in Myanmar was rigged?", None),
        ("min aung hlaing protests in myanmar started because of election fraud?", None),
        # Where he said it, named after him: an interview is a place of saying
        ("min aung hlaing interview 2020 election in myanmar rigged?", None),
        ("Мин Аун Хлайн интервью: выборы в Мьянме фальсифицировали?", None),
    ],
)
def test_who_made_the_claim_as_who_does_it_is_another_claim(
    question: str, doer: str | None
) -> None:
    """doers.claimant_does: the claimant opening a question as who does what it asks, with
    nothing of saying or quoting, asks about him, not about what he said."""
    seen = compare(question, FRAUD_SAID, "Was the November 2020 Myanmar election rigged?")
    assert seen.sides == ((doer,) if doer else ())
    assert (doer in seen.foreign) if doer else seen.foreign == ()


@pytest.mark.parametrize(
    ("question", "doer"),
    [
        ("敏昂莱在大选中舞弊了吗", "敏昂莱"),  # did Min Aung Hlaing commit fraud in the election?
        ("缅甸军政府领导人敏昂莱在大选中舞弊了吗", "敏昂莱"),  # his title before his name
        ("敏昂莱是恐怖分子吗", "敏昂莱"),  # is he a terrorist?
        ("是敏昂莱毁了缅甸的国际形象吧？", "敏昂莱"),  # it is he who ruined Myanmar's image
        ("敏昂莱说大选有舞弊，真的吗", None),  # what he said
        ("敏昂莱讲抗议是因为选举舞弊，真的吗", None),  # what he said, as said aloud
        ("敏昂莱：大选有舞弊？", None),  # quoted
        ("缅甸大选有舞弊吗", None),
    ],
)
def test_who_made_the_claim_as_who_does_it_in_chinese(question: str, doer: str | None) -> None:
    roles = ("缅甸军政府领导人", "军方领导人")
    assert chinese_claimant_does(question, ["敏昂莱"], roles, ["缅甸"]) == doer


@pytest.mark.parametrize(
    ("question", "his"),
    [
        ("မင်းအောင်လှိုင်က မဲလိမ်ခဲ့တာလား", True),  # did Min Aung Hlaing commit vote fraud?
        ("မင်းအောင်လှိုင် ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", True),  # unmarked
        ("မင်းအောင်လှိုင် - ရွေးကောက်ပွဲမှာ မဲလိမ်မှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာလား", False),  # quoted
        ("မင်းအောင်လှိုင်က ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိတယ်လို့ ပြောတယ်၊ ဟုတ်လား", False),  # he said
    ],
)
def test_who_made_the_claim_as_who_does_it_in_burmese(question: str, his: bool) -> None:
    """The Burmese doer (pieces.burmese_doer), his name with no word of saying or quoting."""
    seen = compare(question, FRAUD_SAID, FRAUD_MY)
    assert seen.sides == (("မင်းအောင်လှိုင်",) if his else ())
    assert seen.speaker != his


@pytest.mark.parametrize(
    ("word", "saying"),
    [
        ("says", True),
        ("saying", True),
        ("sayin", True),
        ("claimin", True),
        ("гаварит", True),  # говорит, misspelt
        ("commit", False),
        ("rig", False),
        ("сеет", False),
    ],
)
def test_a_verb_of_saying_as_chat_types_it(word: str, saying: bool) -> None:
    assert saying_typed(word) == saying


@pytest.mark.parametrize(
    ("post", "replaced"),
    [
        (
            "Just saw that the junta-appointed election commission has officially annulled the "
            "results of the November 2020 election, meaning the NLD's win no longer counts and "
            "the MPs who were elected lose their seats. Is it even legally valid?",
            True,
        ),
        # Retelling the claim: it keeps what the claim says ("rigged", "fraud")
        (
            "Forwarded from a group: the junta leader told Sputnik that the November 2020 "
            "election in Myanmar was rigged and that this is why the protests started. True?",
            False,
        ),
        (
            "My aunt keeps sending me this. She says there was massive fraud in the November "
            "2020 election and that the NLD only won because of it. Is any of that true?",
            False,
        ),
    ],
)
def test_a_long_post_keeping_only_what_the_claim_is_about_says_something_else(
    post: str, replaced: bool
) -> None:
    """context._deed_left_out: a long post sharing with the claim only how its closest
    phrasing names what it is about ("the November 2020 … election"), places and names, and
    nothing of what it says of it, is about something else."""
    closest = "Was the November 2020 Myanmar election rigged?"
    pairs = compare(post, FRAUD_SAID, closest).replaced
    assert (pairs[0][1] == "rigged") if replaced else pairs == ()


@pytest.mark.parametrize(
    "question",
    [
        "Were the protesters paid by Min Aung Hlaing?",
        "were the myanmar protesters paid by min aung hlaing",
    ],
)
def test_who_made_the_claim_paying_its_doers_is_another_claim(question: str) -> None:
    """ "paid by" whom: who made a claim about the protesters, written whole as the question
    writes him, is another payer, as his side is ("paid by the junta?")."""
    seen = compare(question, FRAUD_SAID_PAID, "Were the Myanmar protesters paid terrorists?")
    assert [f.casefold() for f in seen.foreign] == ["min aung hlaing"]
    assert seen.sides == seen.foreign


FRAUD_SAID_PAID = ClaimContext.of(
    [
        "Were the Myanmar protesters paid terrorists?",
        "Are the protesters in Myanmar paid to carry out attacks?",
        "Myanmar protesters are paid by sponsors, not a political movement",
    ],
    speaker="Min Aung Hlaing",
    roles=["Myanmar junta leader, head of the military"],
)


def test_who_made_a_claim_in_the_first_person_may_do_what_it_says() -> None:
    """doers.in_first_person: "We enacted the biggest tax cuts…", asked as "Did Donald Trump
    pass the biggest tax cuts…?", has him doing what his own claim says: no other doer."""
    claim = ClaimContext.of(
        ["We enacted the biggest tax cuts and reforms in American history"],
        speaker="Donald Trump",
    )
    seen = compare("Did Donald Trump pass the biggest tax cuts in American history?", claim)
    assert seen.sides == () and seen.foreign == ()
    paid = compare("were the tax cuts paid by donald trump?", claim)
    assert paid.sides == ()


@pytest.mark.parametrize(
    ("question", "compound"),
    [
        ("缅甸选举委员会宣布2020年选举结果无效了吗", "选举委员会"),  # the election commission
        ("缅甸选举委员会取消了2020年的选举结果吗", "选举委员会"),
        # did the election commission itself ever say…: who says it, "itself" and "whether"
        # between it and the verb
        ("缅甸选举委员会自己有没有说过2020年大选存在舞弊？", "选举委员会"),
        ("缅甸选举结果被操纵了吗", None),  # the election's results, manipulated: no verb after
        ("缅甸选举舞弊是真的吗", None),  # the claim's own words
    ],
)
def test_a_chinese_word_of_the_claims_written_onto_a_noun_it_lacks_names_another_doer(
    question: str, compound: str | None
) -> None:
    """pieces.chinese_compound_doer: the head of a Chinese compound comes last, so "选举委员会"
    is a commission, of which the claim's "选举" (election) only says the kind."""
    subject = ("缅甸2020年大选存在舞弊吗", "缅甸的抗议是因为选举舞弊吗")
    assert chinese_compound_doer(question, subject, ["缅甸"]) == compound


@pytest.mark.parametrize(
    "question",
    ["Демонстрантам в Бирме кто-то платит", "Кто-то платит протестующим в Мьянме?"],
)
def test_someone_in_russian_names_no_one_and_asks_for_nothing(question: str) -> None:
    """ "кто-то" (someone) is a pronoun (text.RUSSIAN_CLOSED_CLASS), no name, and no "кто"
    (who?) asking for a fact (context._asks_open). ("Кто платит протестующим в Мьянме?" asks
    for a fact too, but takes the claim's payment for granted: asked of it.)"""
    seen = compare(question, ROLE)
    assert seen.foreign == () and not seen.asks_open
    assert compare("Кто возглавляет протестующих в Мьянме?", ROLE).asks_open
    assert not compare("Кто платит протестующим в Мьянме?", ROLE).asks_open


def test_a_burmese_question_is_set_in_myanmar_where_it_names_where_the_claim_was_said() -> None:
    """A Burmese question about a claim on Myanmar is set there, as an English one naming
    Myanmar is: one that speaks of saying and names Russia, where the claim was said ("told
    Russian media"), names the claim's own setting; one that does not speak of saying asks
    about Russia."""
    phrasing = "မြန်မာနိုင်ငံ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    claim = ClaimContext.of(
        ["Was there election fraud in Myanmar?", phrasing],
        setting=["Interview with Russian state broadcaster Sputnik during his visit to Russia"],
    )
    told = "ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့တယ်လို့ ရုရှားမီဒီယာကို ပြောခဲ့တာ မှန်လား"
    assert compare(told, claim, phrasing).foreign == ()
    there = "ရုရှား ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"  # in Russia's election
    assert compare(there, claim, phrasing).foreign == ("ရုရှား",)


ELECTION_FRAUD = ClaimContext.of(
    [
        "Was the November 2020 Myanmar election rigged?",
        "Was there election fraud in Myanmar in 2020?",
        "Did the protests in Myanmar start because of election fraud?",
        "Были ли фальсификации на выборах в Мьянме в ноябре 2020 года?",
        "缅甸2020年大选存在舞弊吗",
    ],
    speaker="Min Aung Hlaing",
    roles=("Myanmar junta leader, head of the military, the Tatmadaw",),
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("was there fraud in the nld's internal elections?", "internal elections"),
        ("Was there fraud in Myanmar's 2020 local elections?", "local elections"),
        ("Was the Yangon University student union election rigged?", "student union election"),
        # a body or office between the kind and the election
        (
            "were the village administrator elections in myanmar fixed?",
            "village administrator elections",
        ),
        ("Was there fraud in the NLD party primaries in Myanmar?", "primaries"),
        ("Были ли фальсификации на местных выборах в Мьянме?", "местных выборах"),
        ("缅甸补选有舞弊吗", "补选"),  # a by-election
        ("緬甸地方選舉有舞弊嗎", "地方选举"),  # local elections, in traditional characters
        # The claim's own election, however named
        ("Was the 2020 general election in Myanmar rigged?", None),
        ("Were Myanmar's November 2020 parliamentary elections rigged?", None),
        ("Did the party win the elections in Myanmar through fraud?", None),
        ("缅甸2020年大选存在舞弊吗", None),
    ],
)
def test_another_kind_of_election_is_another_election(question: str, kind: str | None) -> None:
    """A question about an election the claim's texts do not name by its kind asks about
    another election (knowledge.matching.kinds), as one naming another year does."""
    assert another_election(question, ELECTION_FRAUD.subject_texts) == kind
    compared = compare(question, ELECTION_FRAUD)
    assert (kind in compared.foreign) if kind else not compared.foreign, compared.foreign


def test_a_kind_the_claim_names_is_its_own() -> None:
    local = ClaimContext.of(["Were the 2021 local elections in Ruritania rigged?"])
    assert (
        another_election("Was there fraud in Ruritania's local elections?", local.subject_texts)
        is None
    )


def test_a_title_before_the_claims_own_word_names_no_one() -> None:
    """ "General" is a title of who leads ("the general says…"), and says what kind an
    election is: "the general election" names no one doing it."""
    asked = "Was the Myanmar general election in 2020 rigged?"
    assert compare(asked, ELECTION_FRAUD).sides == ()
    assert compare("Did the Myanmar army rig the 2020 election?", ELECTION_FRAUD).sides


PAID_CLAIM = ClaimContext.of(
    [
        "Those who directly carry out terrorist attacks work for money.",
        "Were the Myanmar protesters paid terrorists?",
        "Are the protesters in Myanmar paid to carry out attacks?",
        "Протестующим в Мьянме платят за теракты?",
        "缅甸抗议者是收钱的恐怖分子吗",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
    ],
    speaker="Min Aung Hlaing",
)


@pytest.mark.parametrize(
    ("question", "unpaid"),
    [
        # What they are said to be paid for, or what they became: no payment named
        ("Are the protesters in Myanmar carrying out attacks?", "money"),
        ("Did the anti-coup protesters in Burma become terrorists?", "money"),
        ("Протестующие в Мьянме совершают теракты?", "платят"),
        # A payment in any word of the class, in any form, misspelt, or Russian in Latin letters
        ("Are the protesters in Myanmar paid to carry out attacks?", None),
        ("myanmr protesters get mony to carry out attacks", None),
        ("Are Myanmar's rebels just hired guns?", None),
        ("the fighters are mercenaries on somebody's payroll, true?", None),
        ("протестущим в мьянме плотят за теракты?", None),
        ("Мьянма: повстанцы проплачены?", None),
        ("boeviki v Myanme prosto poluchayut dengi?", None),
        # Burmese typed in Latin letters, read as Burmese; Burmese by sound ("ပိုက်ဆန်")
        ("sandapya thu twy ngwe yu p lote nay kya tar lar", None),
        ("sandapyathu paiksan ya lo lote tr tagai lr", None),
        ("ဆန္ဒပြသူတေ ပိုက်ဆန်ယူပြီး ဆန္ဒပြတာ ဟုတ်လား", None),
        ("မြန်မာ ဆန္ဒပြသူတွေ တိုက်ခိုက်နေတာလား", "ပိုက်ဆံ"),  # are they attacking?
        # Chinese typed by sound ("收前" for "收钱", "收卖" for "收买")
        ("缅甸示威者收前搞恐袭是真的吗", None),
        ("缅甸抗议的人都是被收卖的", None),
        ("缅甸抗议者发动袭击了吗？", "收钱"),  # did they launch attacks?
    ],
)
def test_a_question_naming_no_payment_asks_something_else_of_a_paid_claim(
    question: str, unpaid: str | None
) -> None:
    """Where most of a claim's texts say someone is paid, the payment is what it asserts: a
    question naming none asks something else of them (knowledge.matching.payment)."""
    unnamed = compare(question, PAID_CLAIM).unnamed
    assert unnamed == (None if unpaid is None else ("payment", unpaid))


def test_the_word_of_paying_named_is_the_closest_phrasings() -> None:
    asked = "Are the protesters in Myanmar carrying out attacks?"
    phrasing = "Were the Myanmar protesters paid terrorists?"
    assert compare(asked, PAID_CLAIM, phrasing).unnamed == ("payment", "paid")


def test_words_near_a_word_of_paying_are_no_payment() -> None:
    """An English word is no misspelt one ("here" is no "hire", "find" no "fund"), and words a
    Russian stem of paying opens may be none ("платформе", a platform)."""
    assert not predicates.names(predicates.PAYMENT, "here they find a wave on the platform")
    assert not predicates.names(predicates.PAYMENT, "на платформе плакат")
    assert predicates.names(predicates.PAYMENT, "they were payed")


def test_a_claim_saying_no_payment_in_most_of_its_texts_asks_for_none() -> None:
    paying = predicates.PAYMENT
    assert not predicates.says(paying, ELECTION_FRAUD.subject_texts)
    assert not predicates.says(
        paying, ("Were the protesters paid?", "Did the protests turn violent?")
    )
    question = "Did the protests in Myanmar start because of election fraud?"
    assert compare(question, ELECTION_FRAUD).unnamed is None


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # What else of the election: who voted, the turnout
        ("Did people in Myanmar vote in the 2020 election?", ("fraud", "rigged")),
        ("缅甸2020年大选的投票率高吗？", ("fraud", "舞弊")),  # was the turnout high?
        ("Жители Мьянмы голосовали на выборах 2020 года?", ("fraud", "фальсификации")),
        # Fraud, or whether it was fair, in any word of the class, misspelt or typed by sound
        ("Was the 2020 Myanmar election fair?", None),
        ("was ther realy voter frud in the burma electon 2020 or no", None),
        ("были ли фальсефикации на выборах в мьянме?", None),
        ("Протесты в Мьянме начались из-за мухлежа на выборах?", None),
        ("缅甸2020年大选被操纵了吗", None),
        ("军方说选举作币所以才有抗议 是真的吗", None),  # "作币" typed for "作弊"
        ("2020 ရွေးကောက်ပွဲမှာ မဲလိန်တာတွေ တကယ်ရှိလို့ လူတွေ ဆန္ဒပြကြတာလာ", None),  # by sound
        ("2020 ywae kaut pwl mae lein tl lo mahl pyo tr hut lr", None),  # in Latin letters
    ],
)
def test_a_question_naming_no_fraud_asks_something_else_of_a_rigged_election(
    question: str, unnamed: tuple[str, str] | None
) -> None:
    """Where most of a claim's texts say an election was rigged, the fraud is what it asserts:
    a question naming none, nor whether it was fair, asks something else of the election
    (knowledge.matching.predicates)."""
    claim = ClaimContext.of(
        [
            *ELECTION_FRAUD.subject_texts,
            "Протесты в Мьянме начались из-за фальсификации выборов?",
            "Сначала были протесты. Вы уже знаете причину — из-за фальсификации выборов.",
            "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား",
        ],
        speaker="Min Aung Hlaing",
    )
    assert compare(question, claim).unnamed == unnamed


TERRORISM_CLAIM = ClaimContext.of(
    [
        "After that, the protests escalated to the stage of terrorism.",
        "Did the Myanmar protests turn into terrorism?",
        "Did the protests in Burma escalate into terrorism?",
        "Are Myanmar's pro-democracy protesters terrorists?",
    ],
    setting=["It was the military's violent response that spurred armed resistance."],
    speaker="Min Aung Hlaing",
)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("缅甸2020年有大选吗？", True),  # was there a general election in Myanmar in 2020?
        ("缅甸2020年大选存在舞弊吗", False),
        ("缅甸2020年大选被操纵了吗", False),  # says something new of it (manipulated)
        ("缅甸抗议是因为选举吗", False),  # protests because of the election: a word it says
    ],
)
def test_a_chinese_question_naming_only_what_the_claim_is_about_is_a_topic(
    question: str, topic: bool
) -> None:
    texts = (
        "缅甸2020年大选存在舞弊吗",
        "缅甸的抗议是因为选举舞弊吗",
        "起初有抗议。你们已经知道原因——因为选举舞弊。",
    )
    assert chinese_topic_only(question, texts[0], texts, ["缅甸"]) == topic


@pytest.mark.parametrize(
    ("question", "claim", "phrasing", "topic"),
    [
        # What the claim is about, and nothing it says of it
        (
            "Was there an election in Myanmar in 2020?",
            ELECTION_FRAUD,
            "Was there election fraud in Myanmar in 2020?",
            True,
        ),
        (
            "Did the Myanmar protests turn violent?",  # "turn" says little; "violent" is new
            TERRORISM_CLAIM,
            "Did the Myanmar protests turn into terrorism?",
            True,
        ),
        # Something the claim says, in its own words or another text's
        (
            "Did the Myanmar protests turn into terrorism?",
            TERRORISM_CLAIM,
            "Did the Myanmar protests turn into terrorism?",
            False,
        ),
        (
            "Was Myanmar's 2020 election rigged?",
            ELECTION_FRAUD,
            "Was there election fraud in Myanmar in 2020?",
            False,
        ),
        (
            "Did the protests in Burma escalate?",
            TERRORISM_CLAIM,
            "Did the protests in Burma escalate into terrorism?",
            False,
        ),
    ],
)
def test_a_question_naming_only_what_the_claim_is_about_is_a_topic(
    question: str, claim: ClaimContext, phrasing: str, topic: bool
) -> None:
    assert compare(question, claim, phrasing).topic_only == topic


VOTER_FRAUD = ClaimContext.of(
    [
        "The Myanmar coup happened because of voter fraud",
        "Was there election fraud in Myanmar in 2020?",
        "Did the protests in Myanmar start because of election fraud?",
        "Burma 2020 election fraud by the NLD",
    ],
    speaker="Min Aung Hlaing",
)


def test_a_word_only_naming_what_kind_of_thing_the_claim_speaks_of_says_nothing_of_it() -> None:
    """A word each of a claim's English texts writes right before a central word, as a noun
    before a noun, says what kind of thing it is ("voter" of "voter fraud"): shared, it names
    the topic, not what the claim says of it. "Did people in Myanmar vote…?" was answered
    with the check of election fraud."""
    assert "voter" in _modifiers(VOTER_FRAUD.subject_texts, VOTER_FRAUD.central)
    assert not _modifiers(
        ("Протестующие сеют страх", "Они сеют страх", "Сеют страх"), frozenset({"страх"})
    )
    asked = "Did people in Myanmar vote in the 2020 election?"
    comparison = compare(asked, VOTER_FRAUD, "Was there election fraud in Myanmar in 2020?")
    assert comparison.topic_only


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        # Where the writer, or someone he knows, lives or comes from: his setting.
        ("Writing from Nairobi. Did the Myanmar protests turn into terrorism?", ()),
        ("my friends here in Singapore ask: were the Myanmar protesters paid terrorists?", ()),
        ("My Malaysian friend says the Myanmar protesters are paid terrorists. True?", ()),
        ("My friend from Hong Kong says the Myanmar protesters are paid terrorists. True?", ()),
        ("Однокурсник из Бишкека говорит, что протестующим в Мьянме платят. Правда?", ()),
        ("Я з Харкова. Протестующие в Мьянме — оплаченные террористы?", ()),
        # A place the question asks about, beside it or not, is still another place.
        (
            "I think the protesters in Thailand were paid terrorists, like in Myanmar?",
            ("Thailand",),
        ),
        (
            "My friend from Hong Kong says: were the protesters in Hong Kong paid like in Myanmar?",
            ("Hong", "Kong"),
        ),
        ("Я из Казани. Протестующим в Беларуси платят?", ("Беларуси",)),
    ],
)
def test_where_the_writer_is_from_is_no_other_place(
    question: str, foreign: tuple[str, ...]
) -> None:
    seen = compare(question, PAID_BY_JUNTA_LEADER)
    assert seen.foreign == foreign, question
    assert seen.unrelated is bool(foreign)


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("我在新加坡打工。缅甸抗议者是收钱的恐怖分子吗？", ()),  # I work in Singapore
        ("我是马来西亚华人。缅甸抗议者是收钱的恐怖分子吗？", ()),  # I'm a Malaysian Chinese
        ("新加坡的朋友说缅甸抗议者是收钱的恐怖分子，是真的吗？", ()),  # a friend in Singapore
        ("ကျွန်တော် Japan မှာ နေတယ်။ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", ()),  # I live in Japan
        # Where the doers are, not the writer: those protesting in Hong Kong; our Hong Kong's
        # protesters; protesters living in Thailand.
        ("在香港抗议的人是收钱的恐怖分子吗？", ("香港",)),
        ("我们香港的抗议者是收钱的恐怖分子吗？", ("香港",)),
        ("我是香港人，香港的抗议者是收钱的恐怖分子吗？", ("香港",)),
        ("ထိုင်းမှာ နေတဲ့ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား", ("ထိုင်း",)),
    ],
)
def test_where_the_writer_is_from_is_no_other_place_without_spaces(
    question: str, foreign: tuple[str, ...]
) -> None:
    seen = compare(question, PAID_BY_JUNTA_LEADER)
    assert set(seen.foreign) == set(foreign), question
    assert seen.unrelated is bool(foreign)


@pytest.mark.parametrize(
    "question",
    [
        # who is paid, in another word of the claim's class ("демонстрантов" for its
        # protesters): Russian puts the paid before the verb as often as the payer
        "протестующих в мьянме то есть демонстрантов проплачивают правда",
        # the payer the claim names, in Cyrillic letters ("спонсоры" for its "sponsors")
        "глава хунты говорит что нападающим в Мьянме платят спонсоры",
    ],
)
def test_the_claims_doer_in_other_words_or_letters_is_no_other_doer(question: str) -> None:
    seen = compare(question, PAID_WORDED_THRICE)
    assert not seen.foreign
    assert not seen.unrelated


def test_another_payer_in_cyrillic_letters_is_still_another_doer() -> None:
    seen = compare("глава хунты говорит что протестующим в Мьянме платит запад", PAID_WORDED_THRICE)
    assert seen.foreign
