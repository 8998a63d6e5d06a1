"""The claim's doers in another role: feeling the fear the claim says they cause, paying where
it says they are paid (knowledge.matching.roles, read by knowledge.matching.context.compare)."""

from __future__ import annotations

import pytest

from knowledge.matching.context import ClaimContext, compare
from knowledge.matching.predicates import FEAR, says
from knowledge.matching.roles import Role, other_role

# The check's own texts, in the four languages (knowledge/data/seed_myanmar_2021.json): three
# in a script before its doers are read there (the claim's central words).
FEAR_CLAIM = ClaimContext.of(
    [
        "First of all, the protesters cause fear in the local population, thus preventing "
        "people from leading normal lives in the country. They cause fear.",
        "Myanmar protesters spread fear and damage the country's reputation on purpose",
        "Are the protesters in Myanmar scaring people and ruining the government's image?",
        "Are the protesters in Burma making people afraid?",
        "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား",
        "မြန်မာ ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်ရွံ့အောင် လုပ်ပြီး နိုင်ငံ့ဂုဏ်သိက္ခာကို ဖျက်ဆီးနေတာလား",
        "缅甸抗议者在当地民众中制造恐惧吗",
        "Протестующие в Мьянме сеют страх среди местного населения?",
        "Протестующие в Мьянме намеренно портят имидж страны?",
        "Во-первых, протестующие вызывают страх у местного населения. Они вызывают страх.",
    ],
    speaker="Min Aung Hlaing",
)


@pytest.mark.parametrize(
    ("question", "feels"),
    [
        # The doers feel it: an adjective, after a verb of being, the verb, living in fear
        ("Are the protesters in Myanmar afraid of the army?", ("protesters", "afraid")),
        ("Are the protesters in Myanmar scared?", ("protesters", "scared")),
        ("Do the Myanmar protesters really fear the junta?", ("protesters", "fear")),
        ("Do Myanmar protesters live in fear?", ("protesters", "fear")),
        ("Протестующие в Мьянме боятся армии?", ("Протестующие", "боятся")),
        ("Протестующие в Мьянме напуганы?", ("Протестующие", "напуганы")),
        # an adverb of when between them ("now")
        ("протестующие в мьянме сейчас боятся военных?", ("протестующие", "боятся")),
        ("Are the protesters in Myanmar actually afraid?", ("protesters", "afraid")),
        # after "that" opening what is asked ("is it true that…")
        ("is it true that protesters in myanmar were afraid?", ("protesters", "afraid")),
        ("缅甸抗议者害怕军队吗？", ("抗议者", "害怕")),
        ("မြန်မာ ဆန္ဒပြသူတွေ စစ်တပ်ကို ကြောက်နေတာလား", ("ဆန္ဒပြသူ", "ကြောက်")),
        ("မြန်မာ ဆန္ဒပြသူတွေ ကြောက်နေကြတာလား", ("ဆန္ဒပြသူ", "ကြောက်")),
        # Others feel it, of the doers: what the claim says
        ("Are people in Myanmar afraid of the protesters?", None),
        ("Are the locals scared by the protesters?", None),
        ("Are the protesters in Myanmar making people afraid?", None),
        ("Do the protesters spread fear in Myanmar?", None),
        ("Have the protesters frightened the locals?", None),  # a verb with an object
        ("Жители Мьянмы боятся протестующих?", None),  # whom they fear, in its case
        ("Протестующие запугивают людей, и люди боятся?", None),
        ("缅甸民众害怕抗议者吗？", None),
        ("缅甸抗议者让民众害怕吗？", None),
        ("缅甸抗议者吓得民众很害怕吗？", None),
        ("缅甸抗议者散播恐惧吗？", None),  # spread fear
        ("缅甸抗议者在传播恐惧吗？", None),
        ("缅甸抗议者恐怕是收钱的吧", None),  # "恐怕", probably: no fear
        ("ဒေသခံတွေ ဆန္ဒပြသူတွေကို ကြောက်နေတာလား", None),  # the doers marked as feared
        ("ဆန္ဒပြသူတွေကြောင့် ပြည်သူတွေ ကြောက်နေရတာလား", None),  # because of them
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်ရွံ့အောင် လုပ်နေတာလား", None),  # made to fear
        ("ဆန္ဒပြသူတွေ ပြည်သူကို ကြောက်အေင်လုပ်နေတာလား", None),  # the same, "ာ" left off
        ("ဆန္ဒပြသူတွေက အကြောက်တရား ဖြန့်နေတာလား", None),  # fear as a noun, spread
    ],
)
def test_who_feels_the_fear(question: str, feels: tuple[str, str] | None) -> None:
    role = compare(question, FEAR_CLAIM).other_role
    assert ((role.doer, role.word) if role else None) == feels
    assert role is None or role.kind == "feels"


def test_a_claim_whose_doers_feel_fear_is_not_read_for_it() -> None:
    """A claim that its doers are afraid is asked about as it says: none of its texts has
    them causing it, so a question having them feel it is the claim."""
    afraid = ClaimContext.of(
        [
            "The soldiers are afraid of the villagers.",
            "Are the soldiers afraid of the villagers?",
            "Do the soldiers fear the villagers?",
        ]
    )
    assert says(FEAR, afraid.subject_texts)
    assert compare("Are the soldiers scared of the villagers?", afraid).other_role is None


def test_a_claim_not_speaking_of_fear_in_most_of_its_texts_is_not_read_for_it() -> None:
    paid = ("Were the protesters paid?", "Are the protesters paid terrorists?", "Afraid?")
    assert not says(FEAR, paid)
    assert other_role("Are the protesters afraid?", paid, ()) is None


# The check's own texts (knowledge/data/seed_myanmar_2021.json), three in a script.
PAID_CLAIM = ClaimContext.of(
    [
        "Those who directly carry out terrorist attacks work for money. They just receive money.",
        "Were the Myanmar protesters paid terrorists?",
        "Are the protesters in Myanmar paid to carry out attacks?",
        "Myanmar protesters are paid by sponsors, not a political movement",
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
        "မြန်မာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်တိုက်ခိုက်နေကြတာလား",
        "တိုက်ခိုက်နေသူတွေဟာ ပိုက်ဆံအတွက်သာ လုပ်နေတာ၊ နိုင်ငံရေးလှုပ်ရှားမှု မဟုတ်ဘူး",
        "缅甸抗议者是收钱的恐怖分子吗",
        "缅甸抗议者收钱进行恐怖袭击吗",
        "在缅甸发动袭击的人只是为了钱，不是政治运动",
        "Протестующим в Мьянме платят за теракты?",
        "Участникам протестов в Мьянме платят деньги за нападения?",
        "Те, кто совершает теракты в Мьянме, работают за деньги, это не политическое движение",
    ],
    speaker="Min Aung Hlaing",
)


@pytest.mark.parametrize(
    ("question", "pays"),
    [
        # The doers pay: the verb after them, its -ing form after a verb of being
        ("Did the protesters in Myanmar fund terrorism?", ("protesters", "fund")),
        ("Are the Myanmar protesters paying for terrorist attacks?", ("protesters", "paying")),
        ("Протестующие в Мьянме платят террористам?", ("Протестующие", "платят")),
        ("Протестующие в Мьянме финансируют терроризм?", ("Протестующие", "финансируют")),
        ("缅甸抗议者出钱资助恐怖分子吗？", ("抗议者", "出钱")),
        ("缅甸抗议者给恐怖分子出钱吗？", ("抗议者", "出钱")),  # "给", to whom
        ("ဆန္ဒပြသူတွေက အကြမ်းဖက်သမားတွေကို ပိုက်ဆံပေးနေတာလား", ("ဆန္ဒပြသူ", "ပိုက်ဆံပေး")),
        # They are paid, or someone pays them: what the claim says
        ("Are the protesters in Myanmar paid to carry out attacks?", None),
        ("Were the protesters in Myanmar funded by the West?", None),
        ("Do the protesters in Myanmar get funding from abroad?", None),
        ("Is someone paying the protesters in Myanmar?", None),
        ("Протестующим в Мьянме платят за теракты?", None),
        ("Протестующих в Мьянме финансирует Запад?", None),
        ("缅甸抗议者被收买了吗？", None),
        ("缅甸抗议者都是收钱的雇佣兵？", None),  # paid mercenaries: what they are
        ("缅甸抗议者雇佣打手吗？", ("抗议者", "雇佣")),  # hire thugs: they pay
        ("有人出钱给缅甸抗议者吗？", None),
        ("ဆန္ဒပြသူတွေကို ပိုက်ဆံပေးနေတာလား", None),
        ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံပေးပြီး ငှားထားတဲ့ လူတွေလား", None),  # people hired with money
    ],
)
def test_who_pays(question: str, pays: tuple[str, str] | None) -> None:
    role = compare(question, PAID_CLAIM).other_role
    assert ((role.doer, role.word) if role else None) == pays
    assert role is None or role.kind == "pays"


def test_a_role_is_read_of_the_claims_own_doers() -> None:
    assert other_role("Do the soldiers pay the villagers?", PAID_CLAIM.subject_texts, ()) is None
    assert other_role(
        "Do the protesters pay the villagers?", PAID_CLAIM.subject_texts, ("protesters",)
    ) == Role("pays", "protesters", "pay")
