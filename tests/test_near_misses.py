"""The public near-miss set (benchmarks/data/near_misses.tsv) against the built-in base, words
only: a claim about another country, leader, election, year or event is never answered, a
reworded built-in claim is never answered with another one, and another claim about the same
place is answered no more often than today (a known failure). The figures for both installs
are in docs/benchmarks.md (python -m benchmarks.trust)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.trust import (
    ACTORS,
    BLIND,
    BLIND_EIGHTEENTH,
    BLIND_EIGHTH,
    BLIND_ELEVENTH,
    BLIND_FIFTEENTH,
    BLIND_FIFTH,
    BLIND_FIFTIETH,
    BLIND_FIFTY_EIGHTH,
    BLIND_FIFTY_FIFTH,
    BLIND_FIFTY_FIRST,
    BLIND_FIFTY_FOURTH,
    BLIND_FIFTY_NINTH,
    BLIND_FIFTY_SECOND,
    BLIND_FIFTY_SEVENTH,
    BLIND_FIFTY_SIXTH,
    BLIND_FIFTY_THIRD,
    BLIND_FORTIETH,
    BLIND_FORTY_EIGHTH,
    BLIND_FORTY_FIFTH,
    BLIND_FORTY_FIRST,
    BLIND_FORTY_FOURTH,
    BLIND_FORTY_NINTH,
    BLIND_FORTY_SECOND,
    BLIND_FORTY_SEVENTH,
    BLIND_FORTY_SIXTH,
    BLIND_FORTY_THIRD,
    BLIND_FORWARDED,
    BLIND_FOURTEENTH,
    BLIND_NINETEENTH,
    BLIND_NINTH,
    BLIND_SECOND,
    BLIND_SEVENTEENTH,
    BLIND_SEVENTH,
    BLIND_SEVENTIETH,
    BLIND_SEVENTY_FIRST,
    BLIND_SIXTEENTH,
    BLIND_SIXTH,
    BLIND_SIXTIETH,
    BLIND_SIXTY_EIGHTH,
    BLIND_SIXTY_FIFTH,
    BLIND_SIXTY_FIRST,
    BLIND_SIXTY_FOURTH,
    BLIND_SIXTY_NINTH,
    BLIND_SIXTY_SECOND,
    BLIND_SIXTY_SEVENTH,
    BLIND_SIXTY_SIXTH,
    BLIND_SIXTY_THIRD,
    BLIND_TENTH,
    BLIND_THIRTEENTH,
    BLIND_THIRTIETH,
    BLIND_THIRTY_EIGHTH,
    BLIND_THIRTY_FIFTH,
    BLIND_THIRTY_FIRST,
    BLIND_THIRTY_FOURTH,
    BLIND_THIRTY_NINTH,
    BLIND_THIRTY_SECOND,
    BLIND_THIRTY_SEVENTH,
    BLIND_THIRTY_SIXTH,
    BLIND_THIRTY_THIRD,
    BLIND_TWELFTH,
    BLIND_TWENTIETH,
    BLIND_TWENTY_EIGHTH,
    BLIND_TWENTY_FIFTH,
    BLIND_TWENTY_FIRST,
    BLIND_TWENTY_FOURTH,
    BLIND_TWENTY_NINTH,
    BLIND_TWENTY_SECOND,
    BLIND_TWENTY_SEVENTH,
    BLIND_TWENTY_SIXTH,
    BLIND_TWENTY_THIRD,
    BLIND_TYPED,
    MY_NAMES,
    MY_REQUESTS,
    MY_VERBS,
    OTHER_DEEDS,
    PAYERS_EVENTS,
    PROBE_NEAR_MISSES,
    PROBE_OTHER_NEAR_MISSES,
    SAME_PLACE,
    SHORT_NAMES,
    UNSEEN_NEAR_MISSES,
    WRITTEN_BLIND,
    WRITTEN_OUT_OF_BASE,
    NearMiss,
    read_near_misses,
    written_out_of_base,
)
from knowledge.matching import Matcher, MatchResult, MatchSettings
from knowledge.models import Decision

QUESTIONS = read_near_misses()


def test_the_set_covers_four_languages_and_both_groups() -> None:
    counts = Counter((q.group, q.lang) for q in QUESTIONS)
    assert len(QUESTIONS) >= 150
    assert all(counts[(g, lang)] >= 10 for g in "ab" for lang in ("en", "my", "zh", "ru"))


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if q.group == "b"], ids=lambda q: f"{q.lang}-{q.kind}"
)
def test_a_claim_about_something_else_is_never_answered(
    matcher: Matcher, question: NearMiss
) -> None:
    result = matcher.match(question.text)
    assert result.decision != Decision.ANSWER, result.matches[:1]


def test_a_claim_about_something_else_typed_in_small_letters_is_never_answered(
    matcher: Matcher,
) -> None:
    """The (b) questions of the languages with case, typed all in small letters as many
    people type in a chat: no capital shows a name, so places are read by name, speakers by
    the verb of saying that follows them ("the 2020 us election": "us" after a year or "the"
    is the country), and names by the spelling dictionaries, which write them only
    capitalised ("…платит цру?", paid by the CIA: knowledge.matching.propernouns)."""
    lowered = [q.text.lower() for q in QUESTIONS if q.group == "b" and q.lang in ("en", "ru")]
    assert [t for t in lowered if matcher.match(t).decision == Decision.ANSWER] == []


def test_another_claim_about_the_same_place_is_answered_no_more_often_than_measured(
    matcher: Matcher,
) -> None:
    """Group c: a question about something else that happened in the same place, to the same
    people ("Did the Myanmar military kill protesters?"). Names and numbers cannot tell it
    from the claim, and words alone answer 4 of the 38 with a check of another claim: a known
    failure (docs/benchmarks.md, "Another claim about the same place"; 5 when a question
    naming Myanmar needed the answer model's 0.85, not 0.88). This holds the line until it is
    fixed: a change that answers more of them fails here."""
    asked = [q for q in QUESTIONS if q.group == "c"]
    answered = [q.text for q in asked if matcher.match(q.text).decision == Decision.ANSWER]
    assert len(asked) >= 30
    assert len(answered) <= 4, answered


def test_written_messages_about_other_things_get_no_answer_and_few_offers() -> None:
    """Chinese, Burmese and Russian messages about what the base never checked (health
    rumours, prices, other countries, other news from Myanmar; out_of_base_written.tsv): none
    is answered, and no more are offered a check than measured (words only; the figures for
    both installs in docs/benchmarks.md, "Written out of base")."""
    figures = written_out_of_base(MatchSettings(), None, WRITTEN_OUT_OF_BASE)
    tallies = figures["tallies"]
    assert {lang: t["messages"] for lang, t in tallies.items()} == {"my": 20, "ru": 20, "zh": 40}
    assert sum(t.get("answer", 0) for t in tallies.values()) == 0, figures["offered"]
    ceilings = {"my": 0, "ru": 0, "zh": 1}
    offered = {lang: t.get("suggest", 0) for lang, t in tallies.items()}
    assert all(offered[lang] <= ceiling for lang, ceiling in ceilings.items()), offered


def test_the_ninth_probe_of_other_subjects_gets_no_answer_and_few_offers() -> None:
    """240 messages in the four languages about what the base never checked, written by a hand
    that saw neither the code nor any set (out_of_base_written_blind.tsv): small talk, other
    news from Myanmar, other countries' protests and elections, health and money rumours. None
    is answered; no more are offered a check than measured (words only; docs/benchmarks.md, "A
    ninth blind probe"). Those offered name another place or year, which the reply says."""
    figures = written_out_of_base(MatchSettings(), None, WRITTEN_BLIND)
    tallies = figures["tallies"]
    assert {lang: t["messages"] for lang, t in tallies.items()} == dict.fromkeys(
        ("en", "my", "ru", "zh"), 60
    )
    assert sum(t.get("answer", 0) for t in tallies.values()) == 0, figures["offered"]
    ceilings = {"en": 3, "my": 6, "ru": 1, "zh": 1}
    offered = {lang: t.get("suggest", 0) for lang, t in tallies.items()}
    assert all(offered[lang] <= ceiling for lang, ceiling in ceilings.items()), offered


def test_a_reworded_claim_is_answered_with_its_claim_or_not_at_all(matcher: Matcher) -> None:
    right = Counter[str]()
    for question in (q for q in QUESTIONS if q.group == "a"):
        result = matcher.match(question.text)
        if result.decision == Decision.ANSWER:
            assert result.matches[0].claim_id == question.claim, question.text
            right[question.lang] += 1
    asked = Counter(q.lang for q in QUESTIONS if q.group == "a")
    # Floors under today's figures (words only), so that a change that loses answers shows.
    # (60 of 74, 27 of 27, 37 of 45, 18 of 26: two Russian rewordings, "запугивают" for "сеют
    # страх", are offered since a word in place of a claim's central word is no answer by
    # words, docs/benchmarks.md, "Another doer or deed in the claim's place".)
    floors = {"en": 0.79, "my": 1.0, "zh": 0.77, "ru": 0.69}
    below = [lang for lang, floor in floors.items() if right[lang] / asked[lang] < floor]
    assert not below, dict(right)


# The unseen questions the bot still gets wrong (words only). "the myanmar protesters are not
# terrorists, they were peaceful" is offered both checks it is near since a later session
# (tests/test_matcher.py); "Are anti-coup protesters in Myanmar terrifying ordinary
# residents?", answered with the paid-protesters check, is offered since "ordinary residents"
# stands where that check says "paid terrorists" (docs/benchmarks.md, "Another doer or deed in
# the claim's place").
UNSEEN_KNOWN_FAILURES: set[str] = set()


def test_unseen_questions_get_no_wrong_answer(matcher: Matcher) -> None:
    """The questions written before any matcher ran on them (near_misses_unseen.tsv, most by a
    hand that never saw the matcher), as written and in small letters: none about something
    else is answered, no rewording is answered with another claim, but for the known failures
    above. Answered right, words only: 148 of 253 (of 48 questions written in a later session, 18
    of their 24 rewordings; of the last 64, 15 of 32) (docs/benchmarks.md, "Unseen questions",
    "Another claim about Myanmar, answered by words", "Countries by their short names",
    "Burma, what the claimant is, and Burmese negation", "Burmese: pronouns, postpositions…"
    "Said positively", "Chinese and Russian negations", "Roles of several" and "Taking to the
    streets is no place"); 142 since a word in place of a claim's central word is offered by
    words ("Another doer or deed in the claim's place"); a floor under that shows a change
    that loses answers."""
    unseen = read_near_misses(UNSEEN_NEAR_MISSES)
    assert len(unseen) >= 450
    right, failed = 0, set()
    for question in unseen:
        for text in {question.text, question.text.lower()}:
            result = matcher.match(text)
            if result.decision != Decision.ANSWER:
                continue
            if question.group != "a" or result.matches[0].claim_id != question.claim:
                failed.add(text)
            elif text == question.text:
                right += 1
    assert failed == UNSEEN_KNOWN_FAILURES
    assert right >= 140


@pytest.mark.parametrize(
    ("path", "groups", "ceiling"),
    [
        # English: 40 rewordings, 60 other claims; none of those answered, as written or in
        # small letters (10 and 10 when a question naming Myanmar needed the answer model's
        # 0.85; 1 and 1, "Was the census in Myanmar rigged?", before one new word in place of
        # the first content word of a claim's wording was read).
        (PROBE_NEAR_MISSES, {"a": 40, "c": 60}, (0, 0)),
        # Burmese, Chinese, Russian: 48 rewordings, 72 other claims; 3 answered as written
        # (Chinese 2, Russian 1), none in small letters (7 before the words put in place of
        # the phrase a Chinese phrasing's first word opens were read, "缅甸工人罢工…", 5
        # before a prefix was no typo: "на довыборах в мьянме…", 4 before the police were
        # read as the state's forces: "緬甸警察的鎮壓已經升級到恐怖主義的程度了?"). One
        # of the Russian ones says the protests were about the economy "а не из-за выборов"
        # (not the election): the claim's negation, answered with the note that the verdict
        # is about the claim as quoted, as its English wording ("…, not about election
        # fraud") is.
        (PROBE_OTHER_NEAR_MISSES, {"a": 48, "c": 72}, (3, 0)),
        # English: 20 rewordings in words the claims lack, 30 other events in the same place;
        # by words 2 of those answered as written and in small letters (3 before a word in
        # place of a central word was offered; with embeddings, the word put in the claim's
        # place is read: docs/benchmarks.md).
        (SAME_PLACE, {"a": 20, "c": 30}, (2, 2)),
        # English and Russian in small letters: 31 with another payer, place, year or event,
        # 8 about another event or actor in Myanmar; 3 answered (a known failure: "…платит
        # госдеп?"; 10 before a doer after "paid by" was read, 7 before a word in place of a
        # claim's central word, "referendum" for "election", was, 5 before "by the un", 4
        # before a claim's word behind a prefix, "by-elections").
        (PAYERS_EVENTS, {"b": 31, "c": 8}, (3, 0)),
        # All four languages: 38 questions with another doer in Myanmar ("are myanmar
        # soldiers paid terrorists?"), 17 rewordings with the claim's doer in other words;
        # by words 5 of those answered as written (18 before a word in place of a central
        # word was offered, 13 before one elsewhere in the question in place of the first:
        # "Are journalists in Myanmar paid terrorists?", 12 before the Chinese word in place
        # of a phrasing's first: "缅甸士兵是…", 9 before the claimant's own side as who did
        # it: "did the junta commit election fraud in myanmar?", 8 before one Russian word in
        # place of a phrasing's first content word: "солдатам в мьянме платят…", 7 before
        # one in place of another wording's: "журналисты в мьянме получают…", 6 before the
        # claimant's side in Chinese: "缅甸军方在2020年大选中舞弊了吗？", 5 before the
        # claim's doer written after the word in its place: "Are the soldiers in Myanmar
        # paid to kill protesters?") and 3 in small letters (7). 3 as written before a Burmese
        # question's doer that only the claim's summary names was read as another doer
        # ("စစ်တပ်က ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", did the army commit the fraud?), 2
        # and 3 before "army" was read as of the kind of the claimant's "military"
        # (doers.KINDRED: "Did Myanmar's army rig the 2020 election?"). Left: "were
        # myanmar's election officials paid to commit fraud?"; in small letters, "are the
        # rebels in myanmar's rakhine state paid terrorists?" too.
        (ACTORS, {"a": 17, "c": 38}, (1, 2)),
        # Burmese beside the claim's place (written by the session that tried letting its
        # unread pieces pass there): 1 answered, a known failure: the claim's setting's
        # Russia as the payer ("…ရုရှားငွေ…", Russian money; in English too). 2 before a vowel
        # sign shared with the claim no longer split a word: "…အနောက်နိုင်ငံတွေက…" (Western
        # countries), with embeddings.
        (MY_NAMES, {"a": 1, "b": 24, "c": 3}, (1, 0)),
        # Burmese names and details added as a verb's phrase would be ("…ဆိုရိုးစ်ခိုင်းလို့လား",
        # because Soros told them to?), written against the reading that such a phrase inside
        # the claim's words is no name: none answered (5 by its first version, which read one
        # after the claim's words too) until words added anywhere were looked up in a
        # dictionary (knowledge.matching.burmese_words): 1, "…ရန်ကုန်မှာပဲဖြစ်နေတာလား" (is it
        # only in Yangon?), a city of the claim's own country, answered in English too ("Is
        # it only happening in Yangon?").
        (MY_VERBS, {"b": 26, "c": 6}, (1, 0)),
        # All four languages: the claims' doers doing something else (written against the
        # reading of another deed, docs/benchmarks.md "Another deed of the claim's doers"):
        # 9 answered as written, 1 in small letters before it. Left: "Did the Myanmar
        # protesters damage government buildings?" and its Chinese, the fear check's
        # "destroying the government's image" by a word of its deed. 20 (c) and 3 (a) more,
        # in English and Russian, with whom the doers act on kept too ("…help the
        # government?"), written against context._other_deed: 7 answered before it. 10 (c)
        # and 2 (a) more, in the four languages, with another thing damaged or something
        # spread ("…ruin the economy?", "…spread rumours?"), written against
        # context._other_harmed and _spread_words: none answered, as the buildings no longer
        # are (4 of the 10 were answered before); 3 (c) and 1 (a) in Chinese with another
        # word in place of one of a class ("制造混乱", create chaos, for "制造恐惧"), written
        # against pieces.class_word_put: all 3 answered before it.
        (OTHER_DEEDS, {"a": 12, "c": 72}, (0, 0)),
    ],
    ids=[
        "english",
        "other-languages",
        "same-place",
        "payers-events",
        "actors",
        "my-names",
        "my-verbs",
        "other-deeds",
    ],
)
def test_the_probe_rewordings_get_no_wrong_claim_and_other_claims_no_more_answers(
    matcher: Matcher, path: Path, groups: dict[str, int], ceiling: tuple[int, int]
) -> None:
    """The probes (written by hands that never saw the code, after the changes they measure;
    docs/benchmarks.md, "Named, and close in meaning" and "In Latin letters only"), as written
    and in small letters, words only: no rewording answered with another claim; other claims
    about Myanmar or another payer or event (groups c and b, a known failure) answered no more
    often than measured."""
    probe = read_near_misses(path)
    assert Counter(q.group for q in probe) == groups
    other = [0, 0]  # as written, in small letters
    for question, lowered, text, result in _answered(matcher, probe):
        if question.group == "a":
            assert result.matches[0].claim_id == question.claim, text
        else:
            other[lowered] += 1
    assert all(o <= c for o, c in zip(other, ceiling, strict=True)), other


def _answered(
    matcher: Matcher, probe: list[NearMiss]
) -> Iterator[tuple[NearMiss, int, str, MatchResult]]:
    """The questions of ``probe`` the matcher answers, as written and in small letters (once
    where they have no capitals to take away): (question, 1 if in small letters, the text
    asked, the result)."""
    for question in probe:
        for lowered, text in enumerate((question.text, question.text.lower())):
            if lowered and text == question.text:
                continue
            result = matcher.match(text)
            if result.decision == Decision.ANSWER:
                yield question, lowered, text, result


def _rewordings_right(matcher: Matcher, probe: list[NearMiss]) -> tuple[int, list[tuple[str, str]]]:
    """The answers to ``probe`` (:func:`_answered`): every rewording answered with its own
    claim (asserted), how many were, and the other questions answered (group, text)."""
    right, other = 0, []
    for question, _, text, result in _answered(matcher, probe):
        if question.group == "a":
            assert result.matches[0].claim_id == question.claim, text
            right += 1
        else:
            other.append((question.group, text))
    return right, other


def _in_each_language(a: int, b: int, c: int) -> dict[tuple[str, str], int]:
    """A blind probe's questions of each group in each of the four languages."""
    return {
        (group, lang): count
        for group, count in (("a", a), ("b", b), ("c", c))
        for lang in ("en", "my", "zh", "ru")
    }


# The blind probe's one rewording the words answered with another claim: "the anti coup
# protests in burma never became terrorism, correct?" got the paid check, whose alias "Did the
# anti-coup protesters in Burma get money to do terrorism?" shares more of its words than the
# check of the protests becoming terrorism does (offered with embeddings, whose nearest claim
# is that check: docs/benchmarks.md, "A blind probe in four languages"). It names no payment,
# which the paid check asserts: offered since, by words too (knowledge.matching.payment).
BLIND_KNOWN_FAILURES: set[str] = set()


def test_the_blind_probe_gets_no_wrong_answer_but_the_known_and_no_more_other_claims(
    matcher: Matcher,
) -> None:
    """near_misses_blind.tsv (written by a hand that saw neither the code nor the other sets),
    as written and in small letters, words only: nothing about another place, person, year,
    number or event answered; no rewording answered with another claim but the known failure;
    another claim about Myanmar answered no more often than measured (1 as written: "缅甸选举
    委员会宣布2020年选举结果无效了吗", the election commission annulling the 2020 results, gets
    the election-fraud check; 3 before the claim's doer written after the word in its place
    was read). 33 of its 72 rewordings are answered right (42 with embeddings; 30 and 38
    before who made the claim was read by initials and behind a title, a Chinese span in the
    claim's place by its first word, and a Chinese typo of a claim's word as that word; 34 and
    43 while a vowel sign shared with the claim could split a Burmese word, which answered
    "ဆန္ဒပြသူတွေကြောင့် ဒေသခံတွေ ကြောက်ပြီး ပုံမှန်ဘဝ မနေနိုင်ဘူး…" by what the split hid)."""
    probe = read_near_misses(BLIND)
    assert Counter(q.group for q in probe) == {"a": 72, "b": 48, "c": 40}
    wrong, other, right = set(), [0, 0], 0
    for question, lowered, text, result in _answered(matcher, probe):
        assert question.group != "b", text
        if question.group == "c":
            other[lowered] += 1
        elif result.matches[0].claim_id != question.claim:
            wrong.add(text)
        elif not lowered:
            right += 1
    assert wrong == BLIND_KNOWN_FAILURES
    assert other[0] <= 1 and other[1] <= 0, other
    assert right >= 33


def test_the_second_blind_probe_gets_no_wrong_answer_and_nothing_else_answered(
    matcher: Matcher,
) -> None:
    """near_misses_blind2.tsv, as written and in small letters, words only: no rewording
    answered with another claim, nothing about another place, person, year, number or event
    and no other claim about Myanmar answered (its first run answered "Лавров заявлял, что
    протестующие в Мьянме запугивают население?", Lavrov said…: the verb's form was in no
    list). 21 of its 64 rewordings are answered right (26 with embeddings; 19 and 24 at its
    first run)."""
    probe = read_near_misses(BLIND_SECOND)
    assert Counter(q.group for q in probe) == {"a": 64, "b": 48, "c": 48}
    right = 0
    for question, lowered, text, result in _answered(matcher, probe):
        assert question.group == "a" and result.matches[0].claim_id == question.claim, text
        right += not lowered
    assert right >= 21


# The typed probe's one rewording the words answered with another claim: "the junta says the
# protesters became terrorists" in traditional characters got the paid check, whose Chinese
# wording "缅甸抗议者是收钱的恐怖分子吗" (paid terrorists) shares more of its characters than the
# escalation check's. It holds not a character of the money or the attacks most of the paid
# check's Chinese texts say, and says "变成" (become): offered since (pieces.deed_put), with
# embeddings as before (docs/benchmarks.md, "A thirty-sixth blind probe").
TYPED_KNOWN_FAILURES: set[str] = set()


@pytest.mark.parametrize(
    ("probe_file", "known", "floor"),
    [(BLIND_FORWARDED, set(), 25), (BLIND_TYPED, TYPED_KNOWN_FAILURES, 16)],
    ids=["forwarded", "typed"],
)
def test_the_forwarded_and_typed_probes_answer_nothing_else_and_no_rewording_wrongly(
    matcher: Matcher, probe_file: Path, known: set[str], floor: int
) -> None:
    """near_misses_blind3.tsv (forwarded posts, screenshot text) and near_misses_blind4.tsv
    (short phone-typed questions), as written and in small letters, words only: nothing about
    another place, person, year, number or event and no other claim about Myanmar answered;
    no rewording answered with another claim but the known one. At their first run 17 and 14
    of their 72 rewordings were answered right (21 and 18 with embeddings); 25 and 16 since
    (29 and 20)."""
    probe = read_near_misses(probe_file)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(18, 12, 10)
    wrong, right = set(), 0
    for question, lowered, text, result in _answered(matcher, probe):
        assert question.group == "a", text
        if result.matches[0].claim_id != question.claim:
            wrong.add(text)
        elif not lowered:
            right += 1
    assert wrong == known
    assert right >= floor


# The fifth probe's questions about another payer that the words answer with the paid check,
# as written and in small letters: a Russian sentence opening with who pays ("Сорос платит
# протестующим в Мьянме?", "Запад платит боевикам…": Soros, the West pay…). A word opening a
# sentence is read as a name only before a verb of saying; read so before any verb, it also
# took the answers of Russian rewordings opening with a word the claims lack
# ("Демонстрантам в Мьянме платят за теракты?", demonstrators: docs/benchmarks.md, "A fifth
# blind probe"). And one in small letters only, whose name no capital marks: "(nug)
# платит…" ("си цзиньпин заявил…", Xi Jinping said…, too, before a name of several words in
# small letters before a verb of saying was read).
FIFTH_KNOWN_FAILURES = {
    "Сорос платит протестующим в Мьянме?",
    "сорос платит протестующим в мьянме?",
    "Запад платит боевикам в Мьянме, это не политическое движение — правда?",
    "запад платит боевикам в мьянме, это не политическое движение — правда?",
    "правительство национального единства (nug) платит людям за теракты в мьянме?",
}


def test_the_fifth_probe_answers_no_rewording_wrongly_and_nothing_else_but_the_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind5.tsv (written by a hand that saw neither the code nor any set, most of
    it about another payer, speaker, country, year or event beside the claim's own words), as
    written and in small letters, words only: no rewording answered with another claim; of the
    rest only the known failures answered. At its first run 26 of its 40 rewordings were
    answered right (28 with embeddings); 27 (29) since "ရ" (have to) is an auxiliary."""
    probe = read_near_misses(BLIND_FIFTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(10, 22, 8)
    other, right = set(), 0
    for question, lowered, text, result in _answered(matcher, probe):
        if question.group != "a":
            other.add(text)
        else:
            assert result.matches[0].claim_id == question.claim, text
            right += not lowered
    assert other <= FIFTH_KNOWN_FAILURES
    assert right >= 27


# The sixth probe's questions about something else that the words answer, as written (and in
# small letters, the same words): a payer typed in small letters ("the nug", "usaid", "сорос");
# the UN General Assembly's resolution, which the election-fraud check's summary cites
# (docs/benchmarks.md, "A sixth blind probe"). Three more before a quote of the claim with a
# few words added was read as a question: "…paid by the NED", "USAID funds…", "…от NED"; the
# English annulment, before a question keeping only the words naming the doer was read
# (context._deed_replaced), the Chinese one before a compound's head was (pieces.
# chinese_compound_doer); soldiers paid to shoot protesters, in English and Chinese, before
# those who serve in the armed forces were read as the claimant's side (doers.SERVING,
# pieces.FORCES_ZH).
SIXTH_KNOWN_FAILURES = {
    "Are the attackers in Myanmar getting money from the nug? someone said they just receive "
    "money from the nug and it's not political",
    "Сорос платит тем, кто совершает теракты в Мьянме, они просто получают деньги — правда?",
    "те кто совершает теракты в мьянме получают деньги от usaid, это не политическое движение?",
    "правда ли, что спецпосланник асеан заявил, что протесты в мьянме переросли в терроризм ради "
    "иностранного вмешательства?",
    "聯合國大會以119票通過決議要求緬甸軍方尊重2020年選舉結果，是真的嗎",
}


def test_the_sixth_probe_answers_no_rewording_wrongly_and_nothing_else_but_the_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind6.tsv (written by a hand that saw neither the code nor any set: the
    claims in the asker's own words, with one detail changed, and other claims about Myanmar in
    the claims' words), as written and in small letters, words only: no rewording answered with
    another claim; of the rest only the known failures answered (in any case). At its first run
    10 of its 32 rewordings were answered right (11 with embeddings)."""
    probe = read_near_misses(BLIND_SIXTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(8, 16, 16)
    known = {text.lower() for text in SIXTH_KNOWN_FAILURES}
    right = 0
    for question, lowered, text, result in _answered(matcher, probe):
        if question.group != "a":
            assert text.lower() in known, text
        else:
            assert result.matches[0].claim_id == question.claim, text
            right += not lowered
    assert right >= 10


def test_the_seventh_probe_answers_no_rewording_wrongly_and_nothing_else(
    matcher: Matcher,
) -> None:
    """near_misses_blind7.tsv (by another blind hand: chat as people mix it, Burmese with
    English words, Russian in Latin letters, "@factbot"), as written and in small letters,
    words only: no rewording answered with another claim, nothing else answered. At its first
    run 24 of its 72 rewordings were answered right (31 with embeddings); 26 (33) since a
    handle stopped being a piece of a Burmese or Chinese question, 29 (36) since Russian typed
    in Latin letters is read in Cyrillic."""
    probe = read_near_misses(BLIND_SEVENTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(18, 12, 10)
    right = 0
    for question, lowered, text, result in _answered(matcher, probe):
        assert question.group == "a", text
        assert result.matches[0].claim_id == question.claim, text
        right += not lowered
    assert right >= 29


# The eighth probe's claim said to another broadcaster, typed in small letters: written with
# capitals, "Al Jazeera" and "RT" are names the claim's context lacks; in small letters no
# dictionary capitalises them (docs/benchmarks.md, "An eighth blind probe").
EIGHTH_KNOWN_FAILURES = {
    "did min aung hlaing tell al jazeera, not sputnik, that protesters cause fear among the "
    "local population?",
    "говорил ли мин аун хлайн телеканалу rt, а не sputnik, что протестующие сеют страх среди "
    "населения?",
}


def test_the_eighth_probe_answers_no_rewording_wrongly_and_nothing_else_but_the_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind8.tsv (by another blind hand: careful askers, and other claims built
    from the fact-check article's own details), as written and in small letters, words only:
    no rewording answered with another claim; of the rest only the known failures, in small
    letters. At its first run 30 of its 64 rewordings were answered right (33 with
    embeddings), and two others as written: "八成" (80%) and "who won the 8 November 2020
    election?" in Russian, both held since."""
    probe = read_near_misses(BLIND_EIGHTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(16, 12, 12)
    right = 0
    for question, lowered, text, result in _answered(matcher, probe):
        if question.group != "a":
            assert lowered and text in EIGHTH_KNOWN_FAILURES, text
        else:
            assert result.matches[0].claim_id == question.claim, text
            right += not lowered
    assert right >= 30


def test_the_ninth_probe_in_burmese_answers_no_rewording_wrongly_and_nothing_else(
    matcher: Matcher,
) -> None:
    """near_misses_blind9.tsv (Burmese only, by another blind hand; a third of it with the
    words run together), words only: no rewording answered with another claim, nothing else
    answered. At its first run 3 of its 40 rewordings were answered (3 with embeddings); 5
    (4) once a verb's phrase added inside the claim's words was no longer read as a name
    (docs/benchmarks.md, "A ninth blind probe"); 14 once Burmese candidates were told apart by
    the words that set them apart (knowledge.matching.syllables)."""
    probe = read_near_misses(BLIND_NINTH)
    assert Counter(q.group for q in probe) == {"a": 40, "b": 24, "c": 16}
    assert {q.lang for q in probe} == {"my"}
    right, other = _rewordings_right(matcher, probe)
    assert other == []
    assert right >= 14


def test_the_tenth_blind_probe_gets_no_wrong_claim_and_no_other_claim_but_one(
    matcher: Matcher,
) -> None:
    """near_misses_blind10.tsv (Burmese only, by another blind hand, written after the words a
    question adds were first looked up in a dictionary: knowledge.matching.burmese_words): no
    rewording answered with another claim, no (b) answered, and of the (c) only the known
    "ဆန္ဒပြသူတွေ ဆန္ဒပြတာ ရပ်လိုက်ကြပြီလား" (have the protesters stopped protesting?),
    answered before the dictionary too. 7 of its 36 rewordings were answered before it, 9
    with it (10 with embeddings); 20 once Burmese candidates were told apart by the words that
    set them apart (knowledge.matching.syllables), which no longer answers that (c); 21 once an
    adverb in the claim's place named nothing (pieces._worded_anew)."""
    probe = read_near_misses(BLIND_TENTH)
    assert Counter(q.group for q in probe) == {"a": 36, "b": 24, "c": 12}
    assert {q.lang for q in probe} == {"my"}
    right, other = _rewordings_right(matcher, probe)
    assert right >= 21
    assert other == []


def test_the_eleventh_blind_probe_gets_no_wrong_claim_and_no_more_other_claims(
    matcher: Matcher,
) -> None:
    """near_misses_blind11.tsv (Chinese only, by another blind hand, rewordings in synonyms):
    by words no rewording answered with another claim, no (b) answered, and of the (c) the 3
    known ones, answered before it was written: the army's and police's violence called the
    real terrorism, the election commission annulling the 2020 results, protesters attacking
    police stations. 13 of its 36 rewordings answered by words; with embeddings 14, 16 once
    the model's reading answers as well as offers (Matcher._answered_by_meaning)."""
    probe = read_near_misses(BLIND_ELEVENTH)
    assert Counter(q.group for q in probe) == {"a": 36, "b": 24, "c": 12}
    assert {q.lang for q in probe} == {"zh"}
    right, other = _rewordings_right(matcher, probe)
    assert right >= 13
    groups = [group for group, _ in other]
    assert groups.count("b") == 0 and groups.count("c") <= 3


# The Burmese blind probes written for the words in place of the claim's
# (knowledge.matching.pieces): each with its floor of rewordings answered right and the other
# questions it may answer.
#
# near_misses_blind12.tsv (rewordings in synonyms and asides; other claims with another deed,
# doer or cause), written before those words were looked up in the dictionary
# (pieces._keeps_content): of the (c) only the one answered before it was written,
# "နိုင်ငံခြားက လှုံ့ဆော်ပေးလို့ အကြမ်းဖက်မှုတွေ ဖြစ်လာတာ ဟုတ်လား" (did the violence come because
# foreign countries incited it?): its cause stands before the claim's words, added, not in
# their place. 7 of its 36 rewordings were answered before the look-up, 9 with it (the same
# with embeddings).
#
# near_misses_blind13.tsv (another verb, another noun, an aside or a negation, some run
# together or misspelt), written after the words in place of the claim's were looked up and
# before pieces were read as whole words, measured once with the code before and after both:
# no (b) or (c) answered. 5 of its 36 rewordings were answered before, 7 after (the same with
# embeddings).
#
# near_misses_blind14.tsv (most rewordings in other nouns of the same meaning), written after
# those and measured once with the code before and after the words of when and of who sent it
# (pieces.WHEN_WORDS, pieces._passing_on): no (b) or (c) answered. 9 of its 36 rewordings were
# answered before, 11 after (8 and 10 with embeddings); 12 (11) once a platform a Burmese
# message was seen on was read as where, not who (saying.seen_on).
#
# near_misses_blind15.tsv (as people send them in a group: asides, who forwarded it, requests,
# English mixed in, typos), written after those words were read and measured once with the code
# before them and after: 4 and 5 of its rewordings answered, both installs, no (b) or (c). Its
# misses were read then, and "ပါအုံး" (please, as chat spells "ပါဦး") made it 6.
#
# near_misses_blind16.tsv (the written language: headlines, state media, careful askers, and
# people quoting them), written after those and measured once with the code before the written
# language's particles and the claimant's titles were read (pieces.FRAMING_WORDS, pieces.AS_ONE,
# doers.burmese_heads_named) and after: 6 and 9 of its rewordings answered (7 and 10 with
# embeddings), no (b) or (c). The same reading made it 12 of the twelfth, 11 of the
# thirteenth and 7 of the fifteenth.
#
# near_misses_blind18.tsv (everyday chat Burmese: English words mixed in, tone marks left off,
# who sent it, the asker's opinion), written while common nouns beside the claim's words and
# endings typed without their last mark were first read (burmese_words.may_name, pieces._as_typed)
# and measured once with the code before and after them: 5 of its 36 rewordings answered both
# times (4 with embeddings), no (b) or (c).
#
# Once Burmese candidates were told apart by the words that set them apart
# (knowledge.matching.syllables): 13, 12, 14, 13, 14 and 6 of their rewordings; the twelfth then
# answered a second (c), "did the terrorism come about because they wanted revenge?", whose
# words only the check of the protests becoming terrorism shares. Once a cause the claim does
# not give was read (knowledge.matching.causes), neither it nor the foreign incitement. Once an
# adverb or a word of the claim's own texts in its place named nothing, and a "because" was read
# only as a clause (pieces._worded_anew): the twelfth 16, the sixteenth 15.
BURMESE_PLACE_PROBES: list[tuple[Path, int, list[tuple[str, str]]]] = [
    (BLIND_TWELFTH, 16, []),
    (BLIND_THIRTEENTH, 12, []),
    (BLIND_FOURTEENTH, 14, []),
    (BLIND_FIFTEENTH, 13, []),
    (BLIND_SIXTEENTH, 15, []),
    (BLIND_EIGHTEENTH, 6, []),
]


@pytest.mark.parametrize(
    ("path", "floor", "known"),
    BURMESE_PLACE_PROBES,
    ids=["twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "eighteenth"],
)
def test_the_burmese_probes_get_no_wrong_claim_and_no_other_claim_but_those_known(
    matcher: Matcher, path: Path, floor: int, known: list[tuple[str, str]]
) -> None:
    """Each Burmese blind probe (by a hand that saw only the fact-check): no rewording
    answered with another claim, no (b) answered, none of the (c) but those known
    (``known``), and ``floor`` of the 36 rewordings answered right."""
    probe = read_near_misses(path)
    assert Counter(q.group for q in probe) == {"a": 36, "b": 24, "c": 12}
    assert {q.lang for q in probe} == {"my"}
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert other in ([], known)


def test_the_seventeenth_blind_probe_gets_no_wrong_claim_and_no_other_claim_but_those_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind17.tsv (four languages, by a hand that saw only the fact-check: people
    who half remember what they heard), measured once with the code before this session's
    readings and after them: 27 and 29 of its 72 rewordings answered by words (28 and 29 with
    embeddings), no (b), and of the (c) the election commission's own finding of fraud, in
    English and Chinese, as written and in small letters (3 before: in Russian too). Read after
    that: 30. The Chinese one, "did the election commission itself ever say…", is offered
    since a compound naming another body may be who says it (pieces.chinese_compound_doer)."""
    probe = read_near_misses(BLIND_SEVENTEENTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(18, 12, 6)
    right, other = _rewordings_right(matcher, probe)
    assert right >= 30
    commission = "Did Myanmar's election commission find any fraud in the 2020 vote?"
    assert sorted(other) == sorted(
        [
            ("c", commission),
            ("c", commission.lower()),
        ]
    )


def test_the_nineteenth_blind_probe_gets_no_wrong_claim_and_no_other_claim_but_those_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind19.tsv (four languages, by a hand that saw only the fact-check:
    forwarded posts retold or quoted with a question), measured once with the code before this
    session's readings and after them: 24 and 25 of its 72 rewordings answered by words (27 and
    28 with embeddings), and two (b) answered, "Junta spokesman Zaw Min Tun says…" and "Russian
    MP Leonid Slutsky reportedly said…": someone else saying it (context.Comparison.
    another_speaker) now holds them back as written. In small letters no capital shows the
    names, and both were still answered; the first is not since a spokesman is read as
    someone else (saying.spokesperson). 27 once where a Chinese message came from (the news,
    WeChat) was no name (names.PASSING_ON)."""
    probe = read_near_misses(BLIND_NINETEENTH)
    assert Counter((q.group, q.lang) for q in probe) == _in_each_language(18, 12, 6)
    right, other = _rewordings_right(matcher, probe)
    assert right >= 27
    assert [(group, text[:24]) for group, text in other] == [("b", "russian mp leonid slutsk")]


# The twenty-eighth probe's other claims still answered, by their first words: in a longer
# question, another doer ("pro-army militias (Pyu Saw Htee)…", "полиция… работает за деньги и
# разгоняет митинги…") beside more new words; in small letters, "usdp" and "union election
# commission" read as no names; in Chinese, another doer aligned out of the claim's doer's
# place. Three more before those who serve in the armed forces were read as the claimant's
# side ("缅甸军人…", "缅甸军警…", "緬甸安全部隊…": pieces.FORCES_ZH).
TWENTY_EIGHTH_ANSWERED = [
    "Myanmar's pro-army militias (P",
    "did the usdp cheat in the 2020",
    "myanmar's pro-army militias (p",
    "was myanmar's union election c",
    "правда что полиция в Мьянме ра",
    "правда что полиция в мьянме ра",
    "是缅甸当地村民在士兵中制造恐惧吗",
]


def test_the_twenty_eighth_blind_probe_of_other_doers_answers_no_more_than_known(
    matcher: Matcher,
) -> None:
    """near_misses_blind28.tsv (four languages, by a hand that saw only the fact-check): 12
    (c) a language putting someone else where a claim has its doer, often whom the claim's
    doers act on ("Is the government of Myanmar…", "Местное население…") or the claimant's
    side ("တပ်မတော်က…", the Tatmadaw…), and 12 rewordings whose doer is described otherwise,
    written late or left out. Measured once before its misses were read: 9 of its 48 (c)
    answered as written by words (10 with embeddings), and 7 of its 48 rewordings (11).
    Whom the doers act on, put in their place (context._doer_displaced), and the Burmese doer
    read after where and when, or as the claimant's side (pieces.burmese_doer): 6 (7); those
    who serve in the armed forces read as the claimant's side (doers.SERVING,
    pieces.FORCES_ZH): 3 (4)."""
    probe = read_near_misses(BLIND_TWENTY_EIGHTH)
    assert Counter((q.group, q.lang) for q in probe) == Counter(_in_each_language(12, 0, 12))
    right, other = _rewordings_right(matcher, probe)
    assert right >= 9
    assert {group for group, _ in other} <= {"c"}
    assert Counter(text[:30] for _, text in other) <= Counter(TWENTY_EIGHTH_ANSWERED)


# The four-language blind probes that answer no other claim, each by a hand that saw only the
# fact-check, with its shape (rewordings, (b), (c) a language) and its floor of rewordings
# answered right by words, counting those typed in small letters too.
#
# near_misses_blind27.tsv (paraphrased, negated, typed in haste, forwarded, short, mixed),
# measured once before its misses were read: 31 of its 72 rewordings answered as written by
# words (36 with embeddings; 40 answers counting those typed in small letters too), and one
# (b) answered: "are the Burmese opposing the Myitsone dam deliberately damaging Myanmar's
# image?" in Chinese, "民众" (the people) put where the claim has the protesters. The claim's
# own texts have the protesters scare "民众": another doer, now offered (pieces._acted_on).
#
# near_misses_blind29.tsv: 12 (c) a language where a claim's own doers do something else
# (loot, burn, block roads, are armed by someone), and 12 rewordings saying what they do in
# other words. Measured once before its misses were read: 1 of its 48 (c) answered as written
# by words (none with embeddings), "did protesters in yangon loot shops during the anti coup
# demos?", and 7 of its 48 rewordings (10; 9 answers by words, counting those typed in small
# letters). It shares with the paid check only how one of its texts names the doer ("the
# anti-coup protesters"), in another order, and Yangon: now offered (context._deed_replaced).
# Since the claim's central words stand where its phrasing has none of its own ("Did the NLD
# win the 2020 election in Myanmar?" offered, "win" for "fraud"), one rewording is offered
# too, by words and with embeddings: "Wasn't the November 2020 election in Myanmar full of
# cheating? …" (7 answers by words, counting those typed in small letters).
#
# near_misses_blind30.tsv: long messages, 12 a language retelling a claim, 12 about another
# claim of the same subject in the claims' words. Measured once before its misses were read
# (0e49554): 13 of its 48 retellings answered as written, both installs (23 answers by words,
# counting those typed in small letters), and one (c), also in small letters: "…the
# junta-appointed election commission has officially annulled the results of the November
# 2020 election…", with the election-fraud check. It keeps of the claim only what it is about:
# now offered (context._deed_left_out).
#
# near_misses_blind31.tsv: 12 a language naming who made a claim, as people do ("MAH: …", "the
# general says…", his name first or last, telegraphic), with the claim, and 12 with him or his
# side as who does what a claim says. Measured once, with his readings as who does it
# (41b4067…3ca2e05) but before its misses were read: 17 of its 48 rewordings answered (18
# before those readings), and 3 (c) by words, 3 with embeddings (3 (4) before). Then a Burmese
# name or initials opening it unmarked, a Chinese cleft ("是敏昂莱…") and "讲" (says) were read:
# 18 and none, both installs (25 answers by words, counting those typed in small letters).
#
# near_misses_blind32.tsv, written after the readings of the twenty-ninth to thirty-first
# probes: 12 rewordings of every form, 6 (b) and 6 (c) a language. Measured once at 4bf93dc: 14
# of its 48 rewordings answered as written by words (17 with embeddings; 19 answers by words,
# counting those typed in small letters), no (b), no (c) by words (one with embeddings, also in
# small letters: "В Мьянме людей сажают за «фейки» о выборах?", are people jailed for "fakes"
# about the elections?, with the election-fraud check). Read after it: Russian "кто-то"
# (someone) as no name.
FOUR_LANGUAGE_PROBES = [
    (BLIND_TWENTY_SEVENTH, (18, 9, 9), 40),
    (BLIND_TWENTY_NINTH, (12, 0, 12), 7),
    (BLIND_THIRTIETH, (12, 0, 12), 23),
    (BLIND_THIRTY_FIRST, (12, 0, 12), 25),
    (BLIND_THIRTY_SECOND, (12, 6, 6), 19),
]


@pytest.mark.parametrize(
    ("path", "shape", "floor"), FOUR_LANGUAGE_PROBES, ids=lambda v: getattr(v, "stem", None)
)
def test_a_four_language_blind_probe_gets_no_wrong_claim_and_no_other_claim(
    matcher: Matcher, path: Path, shape: tuple[int, int, int], floor: int
) -> None:
    probe = read_near_misses(path)
    assert Counter((q.group, q.lang) for q in probe) == Counter(_in_each_language(*shape))
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert other == []


# near_misses_blind33.tsv, as people write in chat, mostly Burmese: 48 rewordings, 24 (b) and
# 24 (c) in Burmese, 8, 4 and 4 in each other language. Measured once at the code before this
# session (8e08c45) and at 512437f (a claim's Burmese word typed in haste, whom a message calls
# to, the model's veto only where it reads a claim as close, Russia where the claim was said):
# 13 of its 72 rewordings answered by words both times (Burmese 9 of 48), 14 and 15 with
# embeddings; no (b), no (c). Read after it: framing words typed without any of their marks, a
# call with a polite particle, "this man": 14 by words (16 counting those in small letters).
#
# near_misses_blind34.tsv, Burmese only, written after those readings by a varied cast (a
# grandmother, a monk, a student, a factory worker, a journalist, the diaspora): 48
# rewordings, 24 (b), 24 (c). Measured once at 8e08c45 and at 17ecd05: 10 of its 48
# rewordings answered both times, both installs; no (b), no (c).
CHAT_PROBES = [
    (
        BLIND_THIRTY_THIRD,
        {("a", "my"): 48, ("b", "my"): 24, ("c", "my"): 24}
        | {(g, lang): n for lang in ("en", "zh", "ru") for g, n in (("a", 8), ("b", 4), ("c", 4))},
        16,
    ),
    (BLIND_THIRTY_FOURTH, {("a", "my"): 48, ("b", "my"): 24, ("c", "my"): 24}, 10),
]


@pytest.mark.parametrize(
    ("path", "shape", "floor"), CHAT_PROBES, ids=lambda v: getattr(v, "stem", None)
)
def test_a_burmese_chat_probe_gets_no_wrong_claim_and_no_other_claim(
    matcher: Matcher, path: Path, shape: dict[tuple[str, str], int], floor: int
) -> None:
    probe = read_near_misses(path)
    assert Counter((q.group, q.lang) for q in probe) == Counter(shape)
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert other == []


# The probes in the issue's shape, 30 rewordings, 15 (b) and 15 (c) in each language, each
# with its floor of answers by words, counting those typed in small letters.
#
# near_misses_blind35.tsv, written as the issue words its third protocol, by a helper that saw
# only the fact-check and the four claims: 30 rewordings, 15 (b) and 15 (c) a language.
# Measured once at 023fd34, before its misses were read: 62 of its 120 rewordings answered by
# words, 75 with embeddings; no (b); 2 (c) both installs: "Did the NLD win the 2020 election in
# a landslide?" (offered since: context._deed_replaced) and the Burmese "will the junta really
# hold a new election?" (it shares the election and nothing of the fraud; a Burmese reading of
# that lost 34 rewordings: docs/benchmarks.md, "A thirty-fifth blind probe"; offered since it
# names no word of fraud: knowledge.matching.predicates). Read after it: three words that ask
# whether the claim holds, and "keeps yelling" as saying (65 by words, 91 answers counting
# those typed in small letters).
#
# near_misses_blind36.tsv, in the issue's shape again, by a helper that saw only the
# fact-check and the four claims: 30 rewordings of nine forms, 15 (b) of five kinds and 15 (c)
# a language. Measured once at b4c3cf2, before its misses were read: 37 of its 120 rewordings
# answered by words (45 with embeddings), no (b), no (c), and one rewording answered with
# another claim by words: "缅甸的抗议者并没有变成恐怖分子，对吧？" (the protesters did not become
# terrorists, right?) with the paid check, which it shares "抗议者" and "恐怖分子" with and
# nothing of the money (offered since: pieces.deed_put). Read after it: nouns and chat's verbs
# of saying ("assertion", "втирает"), and the junta named as who says it in Chinese.
#
# near_misses_blind37.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, written as people who saw the rumour somewhere send it: 30 rewordings, 15 (b)
# changing one detail of the claims' words, 15 (c) reusing them, in each language. Measured once
# at 1246396, before its misses were read: 60 of its 120 rewordings answered by words (70 with
# embeddings), none with another claim; no (b), no (c).
#
# near_misses_blind38.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, written as replies in a group chat or a comment thread (what a relative, a
# channel or a clip said, with the asker's doubt, emoji, hashtags): 30 rewordings, 15 (b), 15
# (c) in each language. Measured once at e4b4e94, before its misses were read: 59 of its 120
# rewordings answered by words (67 with embeddings), none with another claim; no (b); one (c)
# by words, three with embeddings, each offered since: what the election commission said
# (what another said is another claim: context._asked_speaker), "they say the military pays
# people to rally for the junta" (saying.hearsay; two words of a role apart name no one:
# context._named_together), and the protesters fearing the military, typed in small letters
# ("сейчас", now, between the doer and the word: knowledge.matching.roles). 86 answers by
# words, counting those typed in small letters, once the junta chief's words were no new words
# and "пугают" (scare) restated the fear (predicates.restates): 82 measured.
#
# near_misses_blind39.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, as people type in a hurry or forward the news (keywords, headlines, hashtags, a
# bare statement, "— Sputnik", voice-to-text run on): 30 rewordings, 15 (b), 15 (c) in each
# language. Measured once at debf12c, before its misses were read: 48 of its 120 rewordings
# answered by words (54 with embeddings), none with another claim; no (b), no (c). 73 answers
# by words, counting those typed in small letters, once a word of the claim's class restated it
# (predicates.restates) and fear made, typed without its "ာ", was no fear felt: 70 measured.
#
# near_misses_blind40.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, as people far from the news or outside Myanmar write (old and misspelt names,
# the leader described vaguely, students, expats, second-language writers): 30 rewordings, 15
# (b), 15 (c) in each language. Measured once at 37d68ea, before its misses were read: 52 of its
# 120 rewordings answered by words (62 with embeddings), none with another claim; no (b), no
# (c). 76 answers by words, counting those typed in small letters; 80 once where the writer
# or a classmate is from ("Я з Харкова", "Однокурсник из Бишкека") was his setting, no other
# place (saying.whereabouts).
#
# near_misses_blind41.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, as people who take a side write (the junta's supporters wanting the claim
# confirmed, its opponents mocking it, loaded words, relatives who disagree): 30 rewordings, 15
# (b), 15 (c) in each language. Measured once at 66b3ffb, before its misses were read: 45 of its
# 120 rewordings answered by words (51 with embeddings), none with another claim; no (b), no
# (c). 74 answers by words, counting those typed in small letters, once a Russian word in
# another form than the claims' was read as theirs (matcher._russian_forms).
#
# near_misses_blind42.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, as rumours arrive from screenshots and links (the app's buttons, times and counts
# read off a screenshot, OCR slips, a link with its preview's title or a comment, captions,
# tickers, pasted threads). Measured once at d5854b1, before its misses were read: 35 of its 120
# rewordings answered by words (35 with embeddings), none with another claim; no (b); one (c),
# the opposition's goal being instability to provoke a foreign intervention, which the
# escalation check's alias says and its verdict rates: moved to (a) (as in the first blind
# probe, whose helper did not see the aliases either). 63 answers by words, counting those
# typed in small letters; 68 once what an app prints around a post named nothing and the site a
# link is on was where it was published (saying.published_by).
#
# near_misses_blind43.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, as messages arrive through a translator or across scripts (machine
# translation's oddities, names as transliteration spells them, a quote in one language asked
# about in another, traditional Chinese and Cantonese). One English and one Chinese (c) said
# what the escalation check's alias says and were moved to (a). Measured once at cc15838,
# before its misses were read: 55 of its 122 rewordings answered by words (58 with
# embeddings), none with another claim; no (b); two (c) by words (three with embeddings), the
# claimant's side in the place of the claim's doers after a negation or a particle typed
# short ("isn't it the junta that is destroying Myanmar's image…", "Так это ж военные сеют
# страх…"), and with embeddings the doers feeling the fear. 90 answers by words, counting those
# typed in small letters; 101 once those were read (doers.leads_in, roles._ANOTHER) and a
# Chinese word for who leads before a verb of saying named the claimant
# (pieces.chinese_heads_named), a language, Cantonese's closed class and a measure word named
# nothing (names.CANTONESE), and a Russian city was read in any case (names.city_of).
#
# near_misses_blind44.tsv, in the same shape, by a helper that saw only the fact-check and the
# four claims, every message with dates, times and numbers as people write them (a post's
# date, "24.06.21", "June '21", Burmese digits and months, Chinese numerals, the Myanmar
# calendar, sums, shares). Measured once at 4358c9f, before its misses were read: 56 of its 120
# rewordings answered by words (56 with embeddings), none with another claim; no (b); one (c),
# the military as who sows fear, asked verb first ("Сеют ли военные Мьянмы страх…?") and
# followed by the asker's own words. 87 answers by words, counting those typed in small
# letters; 96 once a date written with its day or a shortened year was read as its year
# (textlib.plain), a Burmese month, season or day said when (pieces.is_when), "缅军" was the
# claim's country's army, and the claimant's side opening a longer message's question was read
# as in a short one (context._question_first).
#
# Each floor raised again (35th 91 → 94, 36th 58 → 66, 38th 86 → 89, 39th 73 → 75, 40th 80 → 85)
# once a claim the question misfits (names no payment of, puts another word in the place of)
# was no rival of the best (decide.fitting); and again (35th 97, 36th 69, 38th 90, 39th 77) once
# a Chinese word no claim holds was read as the claims' word of the same meaning
# (knowledge.matching.synonyms: "示威者" for "抗议者"); and again (35th 101, 36th 73, 37th 93,
# 38th 96, 39th 81, 40th 94) once the date a claim was made, cited, was no other year
# (numbers.years_dated) and a Russian word in another form than the claims' was read as theirs;
# and again (36th 74, 38th 98, 41st 75, 42nd 69) once a long Chinese message was read by its
# closest passage (rerank.QueryScorer._closest_passage); and again (40th 102, 42nd 73) once a
# language official in one country named it ("the Burmese general": names.language_place);
# and again (36th 76, 39th 82, 40th 103, 41st 76, 42nd 77) with the forty-third's readings;
# and again (35th 103, 37th 95, 39th 84, 42nd 82, 43rd 105) with the forty-fourth's; and
# again (36th 82, 37th 102, 39th 86, 41st 77, 45th 70) once a word of the claim's class in the
# place of its word ("demonstrations" for "protests", "местных жителей" for "местного
# населения", "လူထု" for "ပြည်သူ": predicates.PROTEST, PEOPLE) was read as its word; and
# again (35th 104) with the forty-sixth's readings.
#
# near_misses_blind46.tsv, in the same shape, dictated to a phone ("hey bot", fillers, names
# misheard, a spoken "question mark"): measured once at 1da9f04, before its misses were read,
# 47 of its 124 rewordings answered by words (57 with embeddings), none with another claim,
# no (b) or (c); 53 once "это самое" was no Samoa (text.RUSSIAN_CLOSED_CLASS), Burmese words
# of fear and payment joined their classes, and a greeting, a call to the bot and spoken
# punctuation were no part of what is asked (text.unaddressed); 54 once Burmese words for who
# lives in a ward, a village, a town were the people (predicates.PEOPLE).
#
# near_misses_blind47.tsv, in the same shape, written as the young write online (slang, memes,
# emoji, sarcasm): measured once at 0067d7d's code, before its misses were read, 40 of its 124
# rewordings answered by words (44 with embeddings), none with another claim, no (b) or (c).
#
# near_misses_blind48.tsv, in the same shape, written the long way round (the asker's story
# first, the question buried in it): measured once at 60d3863's code, before its misses were
# read, 29 of its 124 rewordings answered by words (30 with embeddings), none with another
# claim, no (b) or (c); the same with Chinese questions answered by their words
# (decide.held_in_words); 32 once a long message's story named nothing it asks
# (context.compare_in_scope). With those two readings the floors rose again (35th 107, 36th
# 85, 37th 104, 38th 99, 39th 89, 42nd 84, 43rd 106, 44th 97, 45th 71, 47th 43); the floors
# count the rewordings as written and in small letters where they differ.
#
# near_misses_blind49.tsv, in the same shape, in regional voices (Singlish, Nigerian English,
# Hong Kong Cantonese, Russian from Ukraine and Kazakhstan, Burmese from the states): measured
# once at ac69f02's code, before its misses were read, 42 of its 120 rewordings answered by
# words (51 with embeddings), none with another claim, no (b) or (c); 63 counting those in
# small letters; 67 once Hong Kong's written Cantonese was read as Mandarin
# (knowledge.matching.cantonese).
#
# near_misses_blind50.tsv, in the same shape, in keywords and headlines (search-box words,
# pasted headlines, hashtags, "true?" after a quoted line): measured once at 5e2dd13's code,
# before its misses were read, 69 of its 120 rewordings answered by words (74 with
# embeddings), none with another claim, no (b) or (c); 89 counting those in small letters;
# 93 once another deed, three words of a class of deeds and Chinese words of the claims'
# classes were read (docs/benchmarks.md, "Another deed beside whom the doers act on"); 95
# once Burmese candidates were told apart by the classes of their words too.
#
# near_misses_blind51.tsv, in the same shape, asking the bot to check ("can you check this:
# …", "is there any evidence that …", "has anyone fact-checked …", "is it propaganda that
# …"): measured once at f5b86a6's code, before its misses were read, 61 of its 120
# rewordings answered by words (64 with embeddings), none with another claim, no (b) or (c);
# 93 counting those in small letters; 99 once a Chinese clause asking for a check read as
# the question's "吗", a doubt was the asker's word, and Burmese and Chinese words of asking
# were read (docs/benchmarks.md, "Asking for a check, another thing damaged, what is
# spread").
# The (c) questions a probe's helper wrote of what a claim's alias or its own text says (the
# helpers see only the four claims), moved to (a) after the first run: their languages.
MOVED_TO_REWORDINGS: dict[Path, tuple[str, ...]] = {
    BLIND_FORTY_SECOND: ("en",),
    BLIND_FORTY_THIRD: ("en", "zh"),
    BLIND_FORTY_FIFTH: ("en", "my", "zh", "ru"),
    BLIND_FORTY_SIXTH: ("en", "my", "zh", "ru"),
    BLIND_FORTY_SEVENTH: ("en", "my", "zh", "ru"),
    BLIND_FORTY_EIGHTH: ("en", "my", "zh", "ru"),
    BLIND_FIFTY_THIRD: ("en",),
    BLIND_FIFTY_NINTH: ("ru",),
    BLIND_SIXTY_SECOND: ("en", "zh", "ru"),
    BLIND_SIXTY_SEVENTH: ("en", "my", "zh", "ru"),
    BLIND_SIXTY_EIGHTH: ("en",),
}

# The (b) a probe of the issue's shape still answers, by their first words: the fifty-sixth's
# other outlet, typed in small letters ("…on al jazeera…", "…на аль-джазире…"), where no
# capital shows the name.
KNOWN_ANSWERED: dict[Path, list[str]] = {
    BLIND_FIFTY_SIXTH: ["i saw it on al jazeera, ", "смотрела на аль-джазире,"],
}

ISSUE_SHAPED_PROBES: list[tuple[Path, int]] = [
    (BLIND_THIRTY_FIFTH, 107),
    (BLIND_THIRTY_SIXTH, 85),
    (BLIND_THIRTY_SEVENTH, 104),
    (BLIND_THIRTY_EIGHTH, 99),
    (BLIND_THIRTY_NINTH, 89),
    (BLIND_FORTIETH, 103),
    (BLIND_FORTY_FIRST, 77),
    (BLIND_FORTY_SECOND, 84),
    (BLIND_FORTY_THIRD, 106),
    (BLIND_FORTY_FOURTH, 97),
    (BLIND_FORTY_FIFTH, 71),
    (BLIND_FORTY_SIXTH, 54),
    (BLIND_FORTY_SEVENTH, 43),
    (BLIND_FORTY_EIGHTH, 53),
    (BLIND_FORTY_NINTH, 67),
    (BLIND_FIFTIETH, 95),
    (BLIND_FIFTY_FIRST, 99),
    (BLIND_FIFTY_SECOND, 86),
    (BLIND_FIFTY_THIRD, 85),
    (BLIND_FIFTY_FOURTH, 57),
    (BLIND_FIFTY_FIFTH, 5),
    (BLIND_FIFTY_SIXTH, 94),
    (BLIND_FIFTY_SEVENTH, 62),
    (BLIND_FIFTY_EIGHTH, 37),
    (BLIND_FIFTY_NINTH, 79),
    (BLIND_SIXTIETH, 74),
    (BLIND_SIXTY_FIRST, 102),
    (BLIND_SIXTY_SECOND, 78),
    (BLIND_SIXTY_THIRD, 57),
    (BLIND_SIXTY_FOURTH, 67),
    (BLIND_SIXTY_FIFTH, 49),
    (BLIND_SIXTY_SIXTH, 60),
    (BLIND_SIXTY_SEVENTH, 85),
    (BLIND_SIXTY_EIGHTH, 57),
    (BLIND_SIXTY_NINTH, 51),
    (BLIND_SEVENTIETH, 63),
    (BLIND_SEVENTY_FIRST, 57),
]


@pytest.mark.parametrize(
    ("path", "floor"),
    ISSUE_SHAPED_PROBES,
    ids=[
        "thirty_fifth",
        "thirty_sixth",
        "thirty_seventh",
        "thirty_eighth",
        "thirty_ninth",
        "fortieth",
        "forty_first",
        "forty_second",
        "forty_third",
        "forty_fourth",
        "forty_fifth",
        "forty_sixth",
        "forty_seventh",
        "forty_eighth",
        "forty_ninth",
        "fiftieth",
        "fifty_first",
        "fifty_second",
        "fifty_third",
        "fifty_fourth",
        "fifty_fifth",
        "fifty_sixth",
        "fifty_seventh",
        "fifty_eighth",
        "fifty_ninth",
        "sixtieth",
        "sixty_first",
        "sixty_second",
        "sixty_third",
        "sixty_fourth",
        "sixty_fifth",
        "sixty_sixth",
        "sixty_seventh",
        "sixty_eighth",
        "sixty_ninth",
        "seventieth",
        "seventy_first",
    ],
)
def test_the_blind_probes_in_the_issues_shape(matcher: Matcher, path: Path, floor: int) -> None:
    probe = read_near_misses(path)
    shape = Counter(_in_each_language(30, 15, 15))
    for lang in MOVED_TO_REWORDINGS.get(path, ()):
        shape[("a", lang)] += 1
        shape[("c", lang)] -= 1
    assert Counter((q.group, q.lang) for q in probe) == shape
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert sorted((group, text[:24]) for group, text in other) == [
        ("b", known) for known in KNOWN_ANSWERED.get(path, [])
    ]


# The Burmese blind probes of 72 rewordings, 36 (b) and 36 (c) close to the claims' words, each
# with its floor of rewordings answered right and the one (c) it may answer.
#
# near_misses_blind25.tsv (Burmese in its own script, by a hand that saw only the fact-check:
# another cause, doer or detail in its (c)), measured once with the code before Burmese
# candidates were told apart by their words (knowledge.matching.syllables) and after: 19 and
# 25 of its rewordings answered (20 and 23 with embeddings), 4 (c) answered both times. Three
# of them gave a cause the claim does not (religious hatred, unemployment, Western
# incitement); read so (knowledge.matching.causes), one: "have the protests now stopped
# altogether?", with the words of the check of the protests reaching terrorism. 26 once an
# adverb or a word of the claim's own texts in its place named nothing (pieces._worded_anew);
# 27 once a marker after "…တာ" (what … is) marked no doer (burmese_words.NOMINALISER).
#
# near_misses_blind26.tsv (the same hand's kind: rewordings in the asker's own verbs, adverbs
# and asides, some formal, some run together), measured once with the code before this
# session's readings (1a98036) and after an adverb or a word of the claim's own texts in its
# place named nothing: 24 and 25 of its rewordings answered (22 and 23 with embeddings), and
# two (c) with the election-fraud check both times: were ballot boxes burned, and were votes
# bought. Read after that: a noun written after the claim's names another thing ("မဲပုံး", the
# ballot box: pieces._heads_claims_noun), and the ballot boxes are offered. Buying votes, a
# kind of election fraud, was answered with the claim that fraud began the protests until it
# was read as naming no word of fraud (knowledge.matching.predicates: "ငွေပေး", giving money,
# is no fraud word). 27 once the written year ("၂၀၂၀ ပြည့်နှစ်") was a word of when and a marker
# after "…တာ" marked no doer.
BURMESE_CLOSE_PROBES: list[tuple[Path, int, str]] = [
    (BLIND_TWENTY_FIFTH, 27, "ဆန္ဒပြပွဲတွေ အခု လုံးဝ ရပ်သွားပြီဆိုတာ ဟုတ်လား"),
    (BLIND_TWENTY_SIXTH, 27, "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲဆန္ဒရှင်တွေကို ငွေပေးပြီး မဲဝယ်ခဲ့ကြတာလား"),
]


@pytest.mark.parametrize(
    ("path", "floor", "known"), BURMESE_CLOSE_PROBES, ids=["twenty-fifth", "twenty-sixth"]
)
def test_the_close_burmese_probes_get_no_wrong_claim_and_no_other_claim_but_one(
    matcher: Matcher, path: Path, floor: int, known: str
) -> None:
    """Each: no rewording answered with another claim, no (b) answered, of the (c) at most
    the one ``known``, and ``floor`` of the 72 rewordings answered right."""
    probe = read_near_misses(path)
    assert Counter(q.group for q in probe) == {"a": 72, "b": 36, "c": 36}
    assert {q.lang for q in probe} == {"my"}
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert other in ([], [("c", known)])


@pytest.mark.parametrize(
    ("path", "floor"),
    [
        (BLIND_TWENTIETH, 23),
        (BLIND_TWENTY_FIRST, 17),
        (BLIND_TWENTY_SECOND, 25),
        (BLIND_TWENTY_THIRD, 27),
        (BLIND_TWENTY_FOURTH, 19),
    ],
    ids=["20th", "21st", "22nd", "23rd", "24th"],
)
def test_the_probes_in_latin_letters_get_no_wrong_claim_and_no_other_claim(
    matcher: Matcher, path: Path, floor: int
) -> None:
    """The five probes of Burmese typed in Latin letters (by hands that saw only the
    fact-check: 72 rewordings, 48 (b), 24 (c) each), each measured once before its misses were
    read. near_misses_blind20.tsv: 7 of its rewordings answered by the code before such text was
    read in Burmese script (knowledge.matching.burglish), 3 by its first version. The
    twenty-first, written after the first round of changes: 8 before, 9 by the reading then.
    The twenty-second, after the second: 10 before, 12 by the reading then. The twenty-third,
    after the third (much English mixed in): 17 before, 14 by the reading then. After their
    misses were read (English words and clauses kept; a word of content in Latin letters that
    the claim holds shared, context.compare; an English word in small letters no name,
    pieces.small_latin; a message its Burmese reading leaves unanswered read as typed too,
    Matcher.match): 22, 16, 21 and 24. The twenty-fourth, written after all of that and
    measured once: 5 before, 14 after (16 with embeddings). Once Burmese candidates were told
    apart by the words that set them apart (knowledge.matching.syllables): 23, 17, 25, 26 and
    17; the twenty-third 27 and the twenty-fourth 19 once an adverb or a word of the claim's own
    texts in its place named nothing and a "because" was read only as a clause
    (pieces._worded_anew). None answers a rewording with another claim, nor any (b) or (c)."""
    probe = read_near_misses(path)
    assert Counter(q.group for q in probe) == {"a": 72, "b": 48, "c": 24}
    assert {q.lang for q in probe} == {"my"}
    right, other = _rewordings_right(matcher, probe)
    assert right >= floor
    assert other == []


@pytest.mark.parametrize(
    "question",
    [
        # "a general said… I think, I don't remember well", "…, Russian media"
        "ဗိုလ်ချုပ်တစ်ယောက်က ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး လုပ်နေတာလို့ ပြောတယ်ဆိုလား ရုရှားမီဒီယာမှာ ထင်တယ် သေချာတော့ မမှတ်မိဘူး",
        "ဆန္ဒပြသူတွေ ပိုက်ဆံရလို လုပ်နေတာတဲ့",  # "because", its dot left out
        "အမေက ရေဒီယိုမှာကြားတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # heard on the radio
    ],
)
def test_a_vague_burmese_askers_words_leave_the_claim_answered(
    matcher: Matcher, question: str
) -> None:
    """What someone who half remembers adds ("I think", "I don't remember well", heard on the
    radio: pieces.CLOSED_WORDS, PASSING_ON), and "လို့" typed without its dot, name nothing: the
    paid check is answered (the seventeenth blind probe's, read after it was measured)."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == "mm-protesters-paid"


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        (
            "is it true the demonstations in myanmar escalated into terorism like the army claims",
            "mm-protests-became-terrorism",
        ),
        ("mah claims electon fraud caused the protests real", "mm-election-fraud"),
        (
            "min aung hliang said protestors just recieve mony for the attcks?? chek pls",
            "mm-protesters-paid",
        ),
        ("Are Myanmar protesters scarring people?", "mm-protesters-spread-fear"),
        ("протесты в мьянме перерасли в терорризм правда?", "mm-protests-became-terrorism"),
        ("в мьянме протесты перерасли в терраризм? по тв сказали", "mm-protests-became-terrorism"),
    ],
)
def test_a_word_one_letter_off_a_candidates_word_is_read_as_it(
    matcher: Matcher, question: str, claim: str
) -> None:
    """A word no claim holds, in Latin or Cyrillic letters, one edit from exactly one word of the
    candidates' phrasings (Matcher._misspellings: "terorism", "electon", "recieve",
    "scarring", "терорризм", "терраризм"), is read as that word; typed so, it weighed
    nothing in the word index and the candidates fell together."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Did the Myanmar demonstrations escalate into terrorism?", "mm-protests-became-terrorism"),
        (
            "правда что протестующие в Мьянме запугивают местных жителей?",
            "mm-protesters-spread-fear",
        ),
        ("缅甸示威者让当地人害拍，没法正长生活，是真的吗", "mm-protesters-spread-fear"),
        ("ဆန္ဒပြသူ လူထု ကြောက်အောင် လုပ် ဆိုတာ မှန်သလား", "mm-protesters-spread-fear"),
    ],
)
def test_a_word_of_the_claims_class_in_its_place_is_its_word(
    matcher: Matcher, question: str, claim: str
) -> None:
    """Who protests and the people they act on, in other words ("demonstrations" for
    "protests", "местных жителей" for "местного населения", "当地人" and "လူထု" for the
    people: predicates.PROTEST, PEOPLE), reword the claim: answered. Another doer in their
    place is not (below)."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim


@pytest.mark.parametrize(
    "question",
    [
        "Did the Myanmar soldiers' attacks escalate into terrorism?",
        "правда что военные в Мьянме запугивают местных жителей?",
        "ဆန္ဒပြသူ စစ်သား ကြောက်အောင် လုပ် ဆိုတာ မှန်သလား",
        # the people in the doers' place: whom they act on, another doer
        "Жители Мьянмы сеют страх?",
        "Are the residents of Myanmar spreading fear?",
        "လူထုက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား",  # marked as who does it ("က")
        # beside a word of the claim's class ("cheat"), a word no dictionary holds, typed in
        # small letters, may be a name: the party, not the claim's doers
        "did the usdp cheat in the 2020 myanmar election?",
    ],
)
def test_another_doer_beside_the_claims_class_words_is_not_answered(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


def test_a_word_two_letters_off_or_near_two_words_is_left_as_typed(matcher: Matcher) -> None:
    """ "became" is two edits from the fraud check's "because": a word in its own right, left
    alone (one edit only); the escalation check is still the one offered first."""
    result = matcher.match("the anti coup protests in burma never became terrorism, correct?")
    assert result.matches[0].claim_id != "mm-election-fraud"


def test_burmese_run_together_is_answered_as_when_written_apart(matcher: Matcher) -> None:
    """The public set's Burmese questions with every space between Burmese letters taken out,
    as many people type: each rewording answered with its claim or not at all, 27 of 27 with
    it (as many as written apart; 25 before such runs were read phrase by phrase,
    textlib.phrased_burmese, 26 before a piece was read as the dictionary's words it is part
    of), and nothing else answered."""
    right = 0
    for question in (q for q in QUESTIONS if q.lang == "my"):
        run_together = re.sub(r"(?<=[\u1000-\u109f])\s+(?=[\u1000-\u109f])", "", question.text)
        result = matcher.match(run_together)
        if result.decision != Decision.ANSWER:
            continue
        assert question.group == "a", run_together
        assert result.matches[0].claim_id == question.claim, run_together
        right += 1
    assert right >= 27


def test_a_burmese_request_to_check_a_claim_is_answered_and_one_about_another_is_not(
    matcher: Matcher,
) -> None:
    """ "Please check whether…", "is this news true?" around a built-in claim in Burmese: answered
    with it; around another place, year or person: not answered (docs/benchmarks.md, "What a
    request to a fact-checker wraps a claim in")."""
    probe = read_near_misses(MY_REQUESTS)
    assert Counter(q.group for q in probe) == {"a": 8, "b": 6}
    for question in probe:
        result = matcher.match(question.text)
        answered = result.decision == Decision.ANSWER
        if question.group == "a":
            assert answered and result.matches[0].claim_id == question.claim, question.text
        else:
            assert not answered, question.text


def test_a_country_by_its_short_name_is_another_place(matcher: Matcher) -> None:
    """near_misses_short_names.tsv: countries as people shorten them ("U.S.", "uk", "сша",
    "美大选"), and places that only the claims' setting names (an interview on Russian
    television: "俄罗斯选举有舞弊吗"), as written and in small letters. 26 of the 86 were
    answered with a Myanmar verdict before `names.ABBREVIATIONS`, `names.han_initials`,
    `context._setting_only` and two-letter words read in short questions (docs/benchmarks.md,
    "Countries by their short names")."""
    asked = read_near_misses(SHORT_NAMES)
    assert len(asked) >= 70 and {q.group for q in asked} == {"b"}
    texts = {t for q in asked for t in (q.text, q.text.lower())}
    assert [t for t in texts if matcher.match(t).decision == Decision.ANSWER] == []


def test_every_set_at_once_is_reported_by_family_with_its_misses(tmp_path: Path) -> None:
    """benchmarks.near_miss_sets: one line a set, totals by family, misses to diff."""
    from benchmarks import near_miss_sets

    found = near_miss_sets.sets()
    assert found[0].name == "near_misses.tsv" and BLIND_EIGHTH in found and len(found) > 10
    assert [near_miss_sets.family(p) for p in (found[0], UNSEEN_NEAR_MISSES, BLIND, ACTORS)] == [
        "public",
        "unseen",
        "blind",
        "other",
    ]
    probe = tmp_path / "near_misses_blind_tiny.tsv"
    probe.write_text(
        "group\tkind\tlang\tclaim\ttext\n"
        "a\tparaphrase\ten\tmm-protesters-paid\tWere the Myanmar protesters paid terrorists?\n"
        "a\tparaphrase\ten\tmm-protesters-paid\tthanks, and what can you do?\n"  # a miss
        "b\tother-country\ten\t\tWere the protesters in Hong Kong paid terrorists?\n",
        encoding="utf-8",
    )
    report = near_miss_sets.run([probe], MatchSettings(), None, tmp_path / "listing")
    assert "| blind_tiny | 1/2 | 0/0 | 0/0 | 0/0 | 0 | 0 | 0 | 0 | 0 |" in report
    assert "| blind | 1/2 |" in report
    [missed] = (tmp_path / "listing" / "near_misses_blind_tiny.txt").read_text().splitlines()
    assert missed == "as written\ta\ten\tnone\tthanks, and what can you do?"
