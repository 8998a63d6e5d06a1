"""How a Chinese text says "not", and whether it says it about what another text says.

Chinese negates with a character before the verb — 不 (not), 没 / 没有 (did not, has
not), 未 (not yet), 无 (there is no), 并非 (by no means), 没法 / 无法 (cannot) — often
strengthened by 并 or 根本 ("并没有收钱", did not take money at all). Some words hold a
negator and negate nothing (不过, but; 不断, ceaselessly; 没收, to confiscate; 未来, the
future), and a question asks by a verb and its negation side by side ("是不是", is it or
not; "有没有"): no negation. A question opened by 难道 or asked as "不是…吗" ("aren't the
protesters paid?") expects that the statement holds, as "weren't they…?" does in English: no
negation either.

A negation bears on another text when a pair of characters of the few after it is in that
text ("没有收钱" against "…收钱的恐怖分子": the taking of money is denied), as English counts a
"not" whose next words the other text holds (:func:`knowledge.matching.negation.count`);
"has nothing to do with" (没关系, 无关) bears on what 跟, 和 or 与 named before it.
Grammar, not topics: nothing here is keyed to a claim. Works on normalised (simplified) text,
and on a traditional text for :func:`affirmed`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The negators, longest first so that "并没有" is one; traditional forms beside simplified.
_NEGATOR = re.compile(r"[并並](?:没有|沒有|没|沒|不|非)|没有|沒有|[没沒无無]法|[不没沒未无無]")
# Words that hold a negator and negate nothing.
_NOT_NEGATIONS = frozenset(
    """不过 不過 不仅 不僅 不但 不管 不论 不論 不断 不斷 不久 不少 不得不 不如 没收 沒收
    未来 未來 无论 無論 无数 無數 无辜 無辜 不一定""".split()  # noqa: SIM905
)
# Characters that carry no content of their own: particles, pronouns, the copula, common
# verbs of framing ("让", to make someone…). A pair of them shared says nothing.
_FUNCTION = frozenset(
    "的了着過过是在有被让讓把给給对對吧吗嗎呢啊呀嘛么麼什这這那个個也都就还還又很太更最才只而且与與和跟及或人们們我你他她它"
)
_WINDOW = 6  # characters after a negator that it bears on
_RHETORICAL = ("难道", "難道")
# A clause: where a negator and what it bears on are looked for (a normalised text has
# spaces where the punctuation was).
_CLAUSE = re.compile(r"[^ 。！？!?，,]+")
_NOT_NEGATION = re.compile("|".join(sorted(_NOT_NEGATIONS, key=len, reverse=True)))

Span = tuple[int, int]


@lru_cache(maxsize=4096)
def negations(text: str) -> tuple[Span, ...]:
    """Where the negators of a text that negate are: not inside a word that only holds one
    (不过, 未来), not a question asked by a verb and its negation ("是不是"), not a rhetorical
    question ("难道…", "不是…吗"). Remembered: a question is compared with every candidate."""
    found: list[Span] = []
    for clause in _CLAUSE.finditer(text):
        part, offset = clause.group(), clause.start()
        if _NEGATOR.search(part) is None:
            continue
        inside = {i for m in _NOT_NEGATION.finditer(part) for i in range(m.start(), m.end())}
        rhetorical = min((part.find(word) for word in _RHETORICAL if word in part), default=-1)
        asks = part[-1] in "吗嗎"
        for match in _NEGATOR.finditer(part):
            at, end = match.span()
            if at in inside or 0 <= rhetorical < at:
                continue
            if 0 < at < len(part) - 1 and part[at] in "不没沒" and part[at - 1] == part[at + 1]:
                continue  # 是不是, 有没有, 对不对: asks
            if asks and match.group()[-1] in "不非" and part[end : end + 1] == "是":
                continue  # 不是…吗: isn't it…?
            found.append((offset + at, offset + end))
    return tuple(found)


def _pairs(text: str) -> set[str]:
    """The pairs of characters side by side in ``text`` that are not both function
    characters."""
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if not (text[i] in _FUNCTION and text[i + 1] in _FUNCTION)
    }


def _bearing(text: str, other: str) -> int:
    """How many negations of ``text`` bear on ``other``: a pair of characters of the
    :data:`_WINDOW` after the negator, within its clause, is in ``other``."""
    count = 0
    for start, end in negations(text):
        after = _CLAUSE.match(text, end)
        if after is None:
            continue
        negated = after.group()[:_WINDOW]
        # "跟选举没关系", "与选举无关": nothing to do with the election, named before it.
        if negated.startswith("关"):
            negated = _related(text[max(start - _WINDOW - 1, 0) : start])
        if any(pair in other for pair in _pairs(negated)):
            count += 1
    return count


def _related(before: str) -> str:
    """What "has nothing to do with" is about: the words after the last 跟, 和 or 与 (with)
    before it, in its clause ("经济太差跟选举" → "选举")."""
    before = _CLAUSE.findall(before)[-1] if _CLAUSE.search(before) else ""
    at = max(before.rfind(c) for c in "跟和与與同")
    return before[at + 1 :] if at >= 0 else ""


@lru_cache(maxsize=4096)
def negation_mismatch(question: str, phrasing: str) -> bool:
    """Whether a Chinese question and a claim's Chinese phrasing (both normalised) differ by a
    negation about what they share ("缅甸抗议者没有收钱" against "缅甸抗议者是收钱的恐怖分子吗")."""
    return _bearing(question, phrasing) % 2 != _bearing(phrasing, question) % 2


def affirmed(text: str) -> str:
    """The text said positively: its negators taken out ("并没有收钱" → "收钱"; "不是" → "是";
    "无" → "有"), the words that only hold one kept."""
    parts: list[str] = []
    at = 0
    for start, end in negations(text):
        parts += [text[at:start], "有" if text[start:end] in ("无", "無") else ""]
        at = end
    return "".join([*parts, text[at:]])
