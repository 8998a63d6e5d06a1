"""A question asked again, word for word, gets the result it got, unless something the matcher
reads has changed since: a claim, an alias, a translation, a verdict, a vector; whoever
changed it, in this process or another; undone; or restored from a backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import backup, verdicts
from knowledge.desk import Desk
from knowledge.desk.change import Actor
from knowledge.matching import Matcher, MatchResult
from knowledge.matching.matcher import _ModelStep
from knowledge.models import Decision, Status, Translation
from knowledge.store import ClaimBase, claims_version

PAID = "mm-protesters-paid"
FEAR = "mm-protesters-spread-fear"
QUESTION = "were the Myanmar protesters paid terrorists?"
MODERATOR = Actor("telegram", "moderator")


class Counted(Matcher):
    """A matcher that counts the questions it really matched."""

    matched = 0

    def _by_words(self, query: str, burmese: bool = True) -> MatchResult | _ModelStep:
        self.matched += 1
        return super()._by_words(query, burmese)


def test_a_question_asked_again_is_not_matched_again(base: ClaimBase) -> None:
    matcher = Counted(base)
    first = matcher.match(QUESTION)
    assert matcher.match(QUESTION) is first
    assert matcher.matched == 1
    matcher.match(QUESTION.upper())  # another text: matched on its own
    assert matcher.matched == 2
    matcher.recent.clear()
    assert matcher.match(QUESTION) == first
    assert matcher.matched == 3


CHANGES: dict[str, Callable[[Desk], object]] = {
    "alias": lambda desk: desk.claims.add_alias(PAID, "junta calls protesters paid", MODERATOR),
    "claim text": lambda desk: desk.claims.edit(
        PAID, "claim", "Those who carry out attacks work for money", MODERATOR
    ),
    "retracted": lambda desk: desk.claims.set_status(PAID, Status.RETRACTED, MODERATOR, "test"),
    "translation": lambda desk: desk.claims.translate(
        PAID, Translation("ru", "Протестующим платят деньги"), MODERATOR
    ),
    "verdict": lambda desk: desk.claims.set_verdict(
        PAID, verdicts.get("true"), "True", "new evidence", MODERATOR
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_the_matcher_reads_is_seen_and_so_is_its_undo(
    base: ClaimBase, change: str
) -> None:
    matcher = Counted(base)
    desk = Desk(base, matcher)
    matcher.match(QUESTION)
    before = claims_version(base)
    CHANGES[change](desk)
    changed = claims_version(base)
    assert before is not None and changed is not None and changed > before
    matcher.match(QUESTION)
    assert matcher.matched == 2
    desk.undo(MODERATOR)
    assert (claims_version(base) or 0) > changed
    matcher.match(QUESTION)
    assert matcher.matched == 3


def test_an_alias_added_after_a_question_changes_its_next_answer(base: ClaimBase) -> None:
    matcher = Matcher(base)
    desk = Desk(base, matcher)
    question = "did the junta say demonstrators were hired by foreigners?"
    assert FEAR not in [m.claim_id for m in matcher.match(question).matches]
    desk.claims.add_alias(FEAR, "the junta said demonstrators were hired by foreigners", MODERATOR)
    after = matcher.match(question)
    assert after.decision != Decision.NONE and after.matches[0].claim_id == FEAR


def test_a_change_made_by_another_process_is_seen(base: ClaimBase, db_path: Path) -> None:
    matcher = Counted(base)
    matcher.match(QUESTION)
    other = ClaimBase.open(db_path)
    try:
        Desk(other, Matcher(other)).claims.set_status(PAID, Status.RETRACTED, MODERATOR, "test")
    finally:
        other.close()
    result = matcher.match(QUESTION)
    assert matcher.matched == 2
    assert PAID not in [m.claim_id for m in result.ranked]


def test_answering_logging_and_queueing_leave_the_kept_results_alone(base: ClaimBase) -> None:
    from bot.core import Core
    from tests.helpers import dm

    core = Core(base)
    before = claims_version(base)
    core.handle(dm(QUESTION))
    core.handle(dm("is the moon made of cheese?"))  # unanswered: queued
    assert claims_version(base) == before


def test_nothing_is_kept_inside_a_write_transaction(base: ClaimBase) -> None:
    matcher = Counted(base)
    with base.transaction():
        assert claims_version(base) is None
        matcher.match(QUESTION)
        matcher.match(QUESTION)
    assert matcher.matched == 2


def test_a_restored_backup_is_news_to_a_running_bot(base: ClaimBase, db_path: Path) -> None:
    saved = db_path.with_name("saved.db")
    backup.backup(db_path, saved)
    desk = Desk(base, Matcher(base))
    for n in range(3):
        desk.claims.add_alias(PAID, f"alias number {n}", MODERATOR)
    seen = claims_version(base)
    backup.restore(saved, db_path)
    restored = claims_version(base)
    assert seen is not None and restored is not None and restored > seen


def test_kept_results_hold_a_bounded_number_of_questions_and_characters() -> None:
    from knowledge.matching.recent import RecentResults

    def result(text: str) -> MatchResult:
        return MatchResult(text, text.casefold(), Decision.NONE, ())

    recent = RecentResults(size=3, characters=1_000)
    for n in range(5):
        recent.put(1, f"question {n}", result(f"question {n}"))
    assert [recent.get(1, f"question {n}") is not None for n in range(5)] == [
        False,
        False,
        True,
        True,
        True,
    ]
    recent.put(1, "x" * 400, result("x" * 400))  # 800 characters with its folded form
    assert recent.get(1, "x" * 400) is not None
    assert recent.get(1, "question 2") is None and recent.get(1, "question 4") is not None
    recent.put(1, "y" * 600, result("y" * 600))  # more than the whole budget: not kept
    assert recent.get(1, "y" * 600) is None and recent.get(1, "x" * 400) is not None
    assert recent.get(2, "x" * 400) is None  # another version of the claim base
