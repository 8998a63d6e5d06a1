"""Whether a question in a script without spaces speaks of something its closest claim does
not (knowledge.matching.context.unknown_pieces): another place or year does; the words a
question wraps a claim in ("is it true?", particles) do not."""

from __future__ import annotations

import pytest

from knowledge.matching.context import ClaimContext, compare, unknown_pieces

PAID_MY = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
FEAR_MY = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"
PAID_ZH = "缅甸抗议者收钱进行恐怖袭击吗"


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ မှန်လား", PAID_MY),  # "... true?"
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာ ဟုတ်သလား", PAID_MY),  # "... is it so?"
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
        ("泰国抗议者收钱进行恐怖袭击是真的吗", PAID_ZH),  # Thailand in place of Myanmar
        ("听说香港抗议者收钱进行恐怖袭击吗", PAID_ZH),  # Hong Kong
    ],
)
def test_another_place_is_still_another_subject(question: str, closest: str) -> None:
    assert unknown_pieces(question, closest, [closest, "ပြည်သူတွေ လုပ်ချင်"]) != []


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
