"""Results of questions asked before, kept while the claim base stays as it was.

Rumours are forwarded word for word: the same text reaches the bot from many people and chats.
Matching it again would give the same result as long as nothing the matcher reads has changed,
and the claim base says when that is: ``claims_state.version`` (migration m012) moves with
every change to a claim, an alias, a translation or a vector, whoever makes it (a moderator in
another process included). Each result is kept under the version it was computed at; when the
version moves, every kept result goes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from knowledge.matching.result import MatchResult

RECENT_QUESTIONS = 2048  # results kept, the most recently asked (about 5 KB each)
# The questions' own text kept with them, at most (a message may be long: a pasted article, a
# megabyte on standard input): older results go first when it would be more.
RECENT_CHARACTERS = 2_000_000


class RecentResults:
    """The last ``size`` questions' results at one version of the claim base (thread-safe:
    the chat adapters match in several threads)."""

    def __init__(self, size: int = RECENT_QUESTIONS, characters: int = RECENT_CHARACTERS) -> None:
        self.size = size
        self.characters = characters
        self._version: int | None = None
        self._results: OrderedDict[str, MatchResult] = OrderedDict()
        self._held = 0  # characters of the kept questions and their folded forms
        self._lock = threading.Lock()

    def get(self, version: int, query: str) -> MatchResult | None:
        """The result of ``query`` at ``version``, if it was kept."""
        with self._lock:
            if version != self._version:
                return None
            result = self._results.get(query)
            if result is not None:
                self._results.move_to_end(query)
            return result

    def clear(self) -> None:
        """Forget every kept result (for a benchmark that changes how the matcher works)."""
        with self._lock:
            self._results.clear()
            self._held = 0
            self._version = None

    def put(self, version: int, query: str, result: MatchResult) -> None:
        """Keep ``result``, computed at ``version``; a newer version drops every older
        result."""
        weight = _weight(result)
        if self.size <= 0 or weight > self.characters:
            return
        with self._lock:
            if self._version is not None and version < self._version:
                return  # computed before a change another thread has already seen
            if version != self._version:
                self._results.clear()
                self._held = 0
                self._version = version
            kept = self._results.pop(query, None)
            if kept is not None:
                self._held -= _weight(kept)
            self._results[query] = result
            self._held += weight
            while len(self._results) > self.size or self._held > self.characters:
                _, dropped = self._results.popitem(last=False)
                self._held -= _weight(dropped)


def _weight(result: MatchResult) -> int:
    return len(result.query) + len(result.normalised)
