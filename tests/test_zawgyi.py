"""Zawgyi-encoded Burmese: detected, converted to Unicode before matching, and answered like
its Unicode twin (knowledge.matching.zawgyi, called first thing in normalise)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from myanmar import converter
from myanmartools import ZawgyiDetector

import knowledge
from bot.core import Core
from bot.messages import Incoming, ReplyKind
from knowledge.claimreview import parse
from knowledge.matching import zawgyi
from knowledge.matching.text import normalise


def burmese_aliases() -> list[tuple[str, str]]:
    seed = Path(knowledge.__file__).parent / "data" / "seed_myanmar_2021.json"
    claims, _ = parse(json.loads(seed.read_text(encoding="utf-8")))
    return [(c.id, a.text) for c in claims for a in c.aliases if a.language == "my"]


def to_zawgyi(text: str) -> str:
    return str(converter.convert(text, "unicode", "zawgyi"))


ALIASES = burmese_aliases()
# New questions, not in the base, as a Burmese reader would type them (Unicode here; the tests
# convert them to Zawgyi).
NEW_QUESTIONS = [
    ("mm-protesters-paid", "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေကြတာလား"),
    ("mm-election-fraud", "မြန်မာ ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား"),
]


def test_the_seed_has_burmese_aliases_to_test_with() -> None:
    assert len(ALIASES) >= 4


@pytest.mark.parametrize(("claim_id", "text"), ALIASES, ids=lambda v: v[:24])
def test_a_zawgyi_alias_is_detected_and_converted_back_exactly(claim_id: str, text: str) -> None:
    encoded = to_zawgyi(text)
    assert encoded != text
    assert zawgyi.is_zawgyi(encoded)
    assert not zawgyi.is_zawgyi(text)
    assert zawgyi.to_unicode(encoded) == text
    assert normalise(encoded) == normalise(text)


def test_the_detectors_table_is_kept_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Made by myanmartools at the first start (its model read number by number), read back
    # from the cache folder at the next; a file cut short is made again.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = [t for _, t in ALIASES] + [to_zawgyi(t) for _, t in ALIASES]

    def fresh() -> list[float]:
        zawgyi._detector.cache_clear()
        detector = zawgyi._detector()
        return [detector.get_zawgyi_probability(t) for t in texts]

    try:
        made = fresh()
        (kept,) = (tmp_path / "factbot").glob("zawgyi-*.bin")

        def made_again(self: object) -> None:
            raise AssertionError("the model read again")

        monkeypatch.setattr(ZawgyiDetector, "__init__", made_again)
        assert fresh() == made
        kept.write_bytes(kept.read_bytes()[:1000])
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert fresh() == made
        assert len(kept.read_bytes()) > 200_000  # kept again, whole
    finally:
        zawgyi._detector.cache_clear()


def test_a_detector_whose_fields_changed_is_made_and_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another myanmartools whose detector holds other fields: made as it makes itself, each
    # start, and nothing is kept or read back.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    made = zawgyi._made

    class OtherFields:  # the same detection, its table held elsewhere
        def __init__(self) -> None:
            self.model = made()

        def get_zawgyi_probability(self, text: str) -> float:
            return float(self.model.get_zawgyi_probability(text))

    monkeypatch.setattr(zawgyi, "_made", OtherFields)
    zawgyi._detector.cache_clear()
    try:
        assert zawgyi.is_zawgyi(to_zawgyi(ALIASES[0][1]))
        assert not list(tmp_path.glob("factbot/zawgyi-*"))
    finally:
        zawgyi._detector.cache_clear()


@pytest.mark.parametrize(
    "text",
    ["Were the Myanmar protesters paid terrorists?", "缅甸抗议者是收钱的恐怖分子吗", "", "၂၀၂၀"],
)
def test_text_that_is_not_zawgyi_is_left_as_it_is(text: str) -> None:
    assert zawgyi.to_unicode(text) == text


@pytest.mark.parametrize(("claim_id", "question"), NEW_QUESTIONS)
def test_a_new_zawgyi_question_is_answered_with_its_claim(
    bot: Core, claim_id: str, question: str
) -> None:
    unicode_reply = bot.check(question, Incoming("console", "c", "u", question))
    encoded = to_zawgyi(question)
    reply = bot.check(encoded, Incoming("console", "c", "u", encoded))
    assert unicode_reply is not None and reply is not None
    assert reply.kind == ReplyKind.ANSWER
    assert reply.matches[0].id == claim_id
    assert reply.matches[0].score == pytest.approx(unicode_reply.matches[0].score)


def swapped_marks(text: str) -> str:
    """The same words with each pair of marks typed the other way round (as keyboards allow:
    medial wa before ya, asat before dot below, aa before anusvara...)."""
    out = list(text)
    for i in range(len(out) - 1):
        if out[i] in zawgyi._RANK and out[i + 1] in zawgyi._RANK:
            out[i], out[i + 1] = out[i + 1], out[i]
    return "".join(out)


@pytest.mark.parametrize(("claim_id", "text"), ALIASES, ids=lambda v: v[:24])
def test_marks_typed_in_another_order_fold_to_the_same_words(claim_id: str, text: str) -> None:
    variant = swapped_marks(text)
    assert zawgyi.reorder_marks(variant) == text
    assert normalise(variant) == normalise(text)


def test_a_question_with_its_marks_in_another_order_is_answered(bot: Core) -> None:
    claim_id, question = NEW_QUESTIONS[0]
    variant = swapped_marks(question)
    assert variant != question
    reply = bot.check(variant, Incoming("console", "c", "u", variant))
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert reply.matches[0].id == claim_id
