from __future__ import annotations

import pytest

from knowledge import verdicts


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("False", "false"),
        ("Unsubstantiated and disputed", "unproven"),
        ("true", "true"),
        ("mostly-true", "mostly-true"),
        ("half-true", "mixed"),
        ("barely-true", "mostly-false"),
        ("pants-fire", "pants-fire"),
        ("Pants on Fire!", "pants-fire"),
        ("Missing context", "misleading"),
        ("Mixture", "mixed"),
        ("Satire", "satire"),
    ],
)
def test_publisher_words_map_onto_the_scale(words: str, key: str) -> None:
    assert verdicts.normalise_rating(words) == key


def test_unknown_words_are_not_guessed() -> None:
    assert verdicts.normalise_rating("Four Pinocchios") is None
    assert verdicts.get("no-such-key").key == "other"


def test_false_and_misleading_are_the_ones_watch_mode_corrects() -> None:
    falsy = {v.key for v in verdicts.SCALE if v.falsy}
    assert {"false", "pants-fire", "misleading", "mostly-false"} == falsy
