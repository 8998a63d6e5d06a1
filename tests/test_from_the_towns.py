"""Claims asked about from Myanmar's towns and regions (near_misses_blind63.tsv, "A sixty-third
blind probe: from the towns"): a place only the claim's setting names, written as where the
claim was made, is no other place the question is about; nor is the place a message says it is
sent from; and a town of the claim's country that the question places someone in is the
claim's place (knowledge.matching.towns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import Core
from bot.messages import ReplyKind
from knowledge.matching import Matcher, towns
from knowledge.matching import text as textlib
from knowledge.matching.saying import whereabouts
from knowledge.models import Claim, Decision, Source
from knowledge.store import ClaimBase
from tests.helpers import assert_answered, dm


@pytest.mark.parametrize(
    "question",
    [
        "did the demonstrations really escalate to the stage of terrorism like the general "
        "claimed in Russia?",
        "Protesters are take money is true? General said in Russia interview",
        "ဗိုလ်ချုပ်ကြီးက ရုရှားမှာ ပြောခဲ့တာ ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်ဆိုတာ ဟုတ်လား",
        "将军在俄罗斯说抗议者都是收钱的，是真的吗",
    ],
)
def test_the_place_the_claim_was_made_in_written_as_where_it_was_said_is_no_other_place(
    matcher: Matcher, question: str
) -> None:
    """Russia (where the interview was given) was read as the place the question is about."""
    best = matcher.match(question).ranked[0]
    assert not any(name in ("Russia", "ရုရှား", "俄罗斯") for name in best.foreign), best.foreign


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Putin said the protesters in Russia are paid. Is it true?", "Russia"),
        ("Was there election fraud in Russia?", "Russia"),
        ("有人说俄罗斯的抗议者都是收钱的，是真的吗", "俄罗斯"),
        ("ရုရှားမှာ မဲပေးပွဲတွေ လိမ်တယ်ဆိုတာ ဟုတ်လား", "ရုရှား"),
        ("В России на выборах голоса подкручивают?", "России"),
    ],
)
def test_the_same_place_as_what_the_question_is_about_is_another_place(
    matcher: Matcher, question: str, place: str
) -> None:
    result = matcher.match(question)
    assert place in result.ranked[0].foreign


def test_the_offer_does_not_say_the_checks_lack_where_they_were_made(bot: Core) -> None:
    reply = bot.handle(
        dm(
            "did the demonstrations really escalate to the stage of terrorism like the "
            "general claimed in Russia?"
        )
    )
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert not any("Russia" in note for note in reply.notes), reply.notes


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "Is it true that the protests in Myanmar started because of election fraud? Asking "
            "from Kuala Lumpur, Myanmar worker here",
            "mm-election-fraud",
        ),
        (
            "From Taunggyi: Min Aung Hlaing said protesters are deliberately ruining the "
            "government's image abroad for their own interests. True?",
            "mm-protesters-spread-fear",
        ),
        (
            "Из Чиангмая: подтвердилось ли заявление Мин Аун Хлайна о фальсификации выборов "
            "2020 года? Он сказал, что всё из-за этого",
            "mm-election-fraud",
        ),
    ],
)
def test_where_a_message_is_sent_from_is_the_writers_place_not_the_claims(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    """Each was offered, the town or city read as a place the claim lacks."""
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    ("question", "names", "sent_from"),
    [
        ("asking from Pyay: is it true?", frozenset({"pyay"}), {"pyay"}),
        ("спрашиваю из Пьи, это правда?", frozenset({"пьи"}), {"пьи"}),
        ("From Chiang Mai: did he say so?", frozenset({"chiang", "mai"}), {"chiang mai"}),
        # a range, no place the message is sent from
        ("From Hong Kong to Myanmar, are protesters paid?", frozenset({"hong", "kong"}), set()),
    ],
)
def test_the_place_a_message_is_sent_from_is_read_only_so(
    question: str, names: frozenset[str], sent_from: set[str]
) -> None:
    found = whereabouts(question, names)
    assert sent_from <= found if sent_from else not found, found


def test_a_town_is_read_with_the_countries_that_have_one_so_named() -> None:
    assert towns.town_regions("mandalay") == {"MM"}
    assert towns.town_regions("мандалае") == {"MM"}  # in Mandalay: a Russian case ending
    assert towns.town_regions("hlaing tharyar") == {"MM"}  # a township of Yangon
    assert "US" in towns.town_regions("warren")
    assert towns.town_regions("yangon") == frozenset()  # a city CLDR names (names.city_of)
    assert towns.town_regions("protesters") == frozenset()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("我表哥在曼德勒，他说", {"曼德勒"}),  # in Mandalay
        ("丹老的抗议者", {"丹老"}),  # Myeik's protesters
        ("臘戍的親戚說", {"腊戍"}),  # in traditional characters, read as simplified
        ("မန္တလေးမှာ တိုက်ခိုက်နေတဲ့သူတွေ", {"မန္တလေး"}),  # at Mandalay
        ("ထားဝယ်က သူငယ်ချင်း", {"ထားဝယ်"}),  # a friend from Dawei
        ("မြစ်ကြီးနားမြို့က", {"မြစ်ကြီးနား"}),  # from Myitkyina town
        # burmesenlp's towns and states, where GeoNames has no Burmese name: Magway, Shan State
        ("မကွေးက ဦးလေးက", {"မကွေး"}),
        ("ရှမ်းပြည်နယ်မှာ ၂၀၂၀ မဲမသမာမှု", {"ရှမ်းပြည်နယ်"}),
        ("ရှမ်းတွေက", set()),  # the Shan, a people: no state without "ပြည်နယ်"
        ("曼德勒住了十年", set()),  # nothing placing anything there
        ("မန္တလေးကို သွားမယ်", set()),  # "ကို", to: no particle of place
        ("စစ်တွေက လူတွေကို သတ်တယ်", set()),  # "the soldiers" kill people, not Sittwe
        ("民主的抗议者", set()),  # democracy's protesters, though "民主" is a town of China
    ],
)
def test_a_town_in_chinese_or_burmese_is_read_only_where_its_grammar_places_something(
    text: str, found: set[str]
) -> None:
    assert {name for name, _ in towns.placed_unspaced(textlib.normalise(text))} == found


@pytest.mark.parametrize(
    "question",
    [
        "清迈的抗议者让民众害怕、没法正常生活吗？",  # Chiang Mai, a town of Thailand
        "ဗန်ကောက်မှာ ဆန္ဒပြမှုတွေ အကြမ်းဖက်မှုအဆင့်ထိ ရောက်သွားတယ်ဆိုတာ မှန်လား",  # Bangkok
        "密支那的示威者烧了中国工厂吗？",  # another claim, in a town of Myanmar
        "东枝的抗议者是被中国收买的吗？",  # a payer the check does not name
    ],
)
def test_a_placed_town_in_chinese_or_burmese_answers_no_other_claim(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "I live in Pathein and the junta keeps saying the 2020 election was rigged. Was it?",
            "mm-election-fraud",
        ),
        (
            "Мой брат в Мандалае говорит, что протестующим платили деньги. Это правда?",
            "mm-protesters-paid",
        ),
        # in Chinese and Burmese, where the grammar around it places something in it:
        # Myitkyina, Taunggyi, Monywa, Dawei
        ("我舅舅在密支那，他说示威者故意在国际上抹黑政府，是真的吗？", "mm-protesters-spread-fear"),
        ("东枝的抗议者让民众害怕、没法正常生活吗？", "mm-protesters-spread-fear"),
        (
            "မုံရွာမှာ ဆန္ဒပြသူတွေက ပိုက်ဆံယူပြီး တိုက်ခိုက်တာလို့ မင်းအောင်လှိုင်ပြောတာ ဟုတ်လား",
            "mm-protesters-paid",
        ),
        (
            "ထားဝယ်က ဆန္ဒပြမှုတွေ အကြမ်းဖက်မှုအဆင့်ထိ ရောက်သွားတယ်ဆိုတာ မှန်လား",
            "mm-protests-became-terrorism",
        ),
    ],
)
def test_a_town_of_the_claims_country_that_the_question_places_someone_in_is_its_place(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    """The town was read as a name the claim lacks, and the check was offered at most."""
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # not placed in it: a person's name ("Aung San" is a town too)
        ("Is it true that Aung San said the protesters were paid?", "San"),
        ("Money from Aung San paid the protesters?", "San"),  # "from" is no placing word
        # a longer name than the town's, or one's own: a person
        ("In Aung San Suu Kyi's trial the court said there was election fraud. True?", "San"),
        # placed in a town of another country
        ("Were the protesters in Chiang Mai paid?", "Chiang"),
        ("Платили ли протестующим в Чиангмае?", "Чиангмае"),
    ],
)
def test_a_town_not_placed_in_or_of_another_country_stays_a_name_the_claim_lacks(
    matcher: Matcher, question: str, name: str
) -> None:
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    assert name in result.ranked[0].foreign, result.ranked[0].foreign


def test_a_town_is_read_only_among_the_towns_of_the_claims_country() -> None:
    """Mandalay is no town of Thailand: asked of a Thai claim, it stays another place."""
    base = ClaimBase.open(":memory:", seed=False)
    said = "Protesters in Thailand were paid to join the rallies"
    base.add_claim(Claim("th-1", said, "false", "False", sources=(Source("AFP"),)), origin="test")
    result = Matcher(base).match("Were the protesters in Mandalay paid to join the rallies?")
    assert result.decision != Decision.ANSWER
    assert "Mandalay" in result.ranked[0].foreign


def test_the_towns_are_kept_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    towns._table.cache_clear()
    try:
        made = towns._table()
        (kept,) = (tmp_path / "factbot").glob("towns-*.tsv")

        def no_gazetteer() -> str:
            raise AssertionError("the gazetteer read again")

        monkeypatch.setattr(towns, "_read_towns", no_gazetteer)
        towns._table.cache_clear()
        assert towns._table() == made
        kept.write_bytes(b"")  # cut short: made again
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        towns._table.cache_clear()
        assert towns._table() == made
    finally:
        towns._table.cache_clear()


@pytest.mark.parametrize(
    "question",
    [
        # from a town, after who passed it on; a hometown
        "my uncle from Monywa says the protesters are paid terrorists, is that true?",
        "fwd from Monywa group: my cousin from Pakokku says the protesters are paid terrorists",
        "a friend in my hometown Monywa says the protesters are paid terrorists. true?",
    ],
)
def test_a_town_of_the_claims_country_after_who_passed_it_on_is_its_place(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.ranked[0].claim_id == "mm-protesters-paid"
    assert not result.ranked[0].foreign


def test_a_town_of_another_country_after_who_passed_it_on_is_another_place(
    matcher: Matcher,
) -> None:
    """Chiang Mai sets it in Thailand, not in the claim's Myanmar: offered at most."""
    result = matcher.match("my uncle from Chiang Mai says the protesters are paid terrorists?")
    assert result.decision != Decision.ANSWER


def test_from_before_a_name_that_is_no_town_is_not_read_as_one(matcher: Matcher) -> None:
    """Not after a word of passing a message on: "money from Aung San" names a man."""
    result = matcher.match("Did the Myanmar protesters get money from Aung San?")
    assert result.decision != Decision.ANSWER
