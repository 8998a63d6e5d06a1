"""A cause a Burmese question gives that the claim does not.

"Did the terrorism come about because they wanted revenge?" ("…လက်စားချေချင်လို့ ဖြစ်လာတာလား")
shares its words with the check of the protests turning into terrorism, and says why, which the
claim does not: another claim, about what caused it. :func:`another_cause` finds the clauses a
question closes with "because" (:data:`MARKERS`: "လို့" after a verb, "ကြောင့်" after a noun) and
returns the first whose words of content of two syllables or more the claim's texts all lack
(:func:`~knowledge.matching.syllables.content_grams`). A clause sharing a syllable of content
with a cause the claim gives is that cause reworded ("မဲခိုးလို့", because the vote was stolen,
for the election-fraud check's "မဲလိမ်မှုကြောင့်", because of vote fraud); and a question giving
the claim's own cause beside another denies the claim ("because of the coup, not of the fraud"):
no other claim. Nor is any of these a cause: "လို့" that quotes ("…တယ်လို့ ပြောတယ်", said
that…) or says what one can or cannot do ("နေထိုင်လို့ မရ", cannot live); "ဘာကြောင့်", why; why
the asker asks ("သိချင်လို့ပါ", because I want to know; "စိတ်ညစ်လို့ မေးတာ", I ask because I
am upset; "because…" closing a sentence).

Grammar, not topics: nothing here is keyed to a claim. The context reads the clause found as a
piece the claim lacks (:attr:`~knowledge.matching.context.Comparison.unread`): offered, with
what differs, never answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from knowledge.matching import text as textlib
from knowledge.matching.syllables import content_grams, content_words, framing_words, word_grams

# "because" after a verb, "because of" after a noun
MARKERS = ("လို့", "ကြောင့်")
# A sentence's ending before "လို့" makes it quote: "…ယူတယ်လို့ ပြောတယ်", said that they took
_QUOTED = ("တယ်", "သည်", "မယ်", "ပြီ", "တာ", "ဘူး")
# "V-လို့ ရ" / "V-လို့ မရ": one can, or cannot, do it
_ABLE = ("ရ", "မရ")
# "why" (ဘာကြောင့်, ဘယ်ကြောင့်): a cause asked for, not given
_ASKING = ("ဘာ", "ဘယ်")
# A word so ended closes a phrase of its own, not of the cause: who does the main verb ("…က",
# "…ဟာ"), whom ("…ကို"), where ("…မှာ"), a clause made a noun ("…တာ"), a sentence ("…တယ်")
_CLOSED = ("က", "ဟာ", "ကို", "မှာ", "တာ", "တယ်", "သည်", "တော့", "လား", "တဲ့", "ပါ")
# Why the asker asks: "…လို့ မေးတာ" (I ask because…), "…ချင်လို့ပါ" (because I want to…, polite),
# and "because…" closing a sentence ("ဦးလေး share ထားလို့ပါ။", because an uncle shared it). Not
# "…လို့ပါ" the sentence goes on after: "အာဏာသိမ်းလို့ပါ ဆိုတာ မှန်လား", that it is because of
# the coup: true?
_ASKING_VERB = "မေး"
_WANTING = "ချင်"
_POLITE = "ပါ"
_WORDS_BEFORE = 2  # words of a cause's clause written apart before the one holding "because"
_SENTENCES = re.compile(r"[၊။,.!?;:\n]+")


def another_cause(question: str, texts: Iterable[str]) -> str | None:
    """The first clause of ``question`` (Burmese) that gives a cause the claim's ``texts``
    (its subject, in every language it is written in) do not, as written; None if none, or
    if the question gives the claim's own cause too ("not because of the fraud but because
    of the coup": the claim, denied)."""
    held, own = _claims_words(tuple(texts))
    given = list(clauses(question))
    if own and any(_syllables(clause) & own for clause in given):
        return None
    for clause in given:
        grams = {
            gram
            for word in content_words(clause, framing_words())
            for gram in word_grams(word)
            if len(textlib.burmese_syllables(gram)) >= 2
        }
        if grams and not grams & held:
            return clause
    return None


@lru_cache(maxsize=1024)
def _claims_words(texts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The claim's words of content (:func:`content_grams`), and the syllables of content of
    the causes it gives (remembered: a question is read against the same few claims)."""
    held = frozenset().union(*(content_grams(t) for t in texts))
    own = frozenset().union(*(_syllables(c) for t in texts for c in clauses(t)))
    return held, own


def clauses(text: str) -> Iterator[str]:
    """Each clause of ``text`` closed by a marker of cause (:data:`MARKERS`), without it: the
    marker's word up to it, and the words written apart before it in the same sentence that
    close no phrase of their own (:data:`_CLOSED`) nor hold a marker."""
    for sentence in _SENTENCES.split(text):  # as written: normalising drops the marks
        words = textlib.normalise(sentence).split()
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else ""
            for at in _causes_in(word, following, last=i + 1 == len(words)):
                before = [word[:at]]
                for earlier in reversed(words[max(0, i - _WORDS_BEFORE) : i]):
                    if earlier.endswith(_CLOSED) or any(m in earlier for m in MARKERS):
                        break
                    before.insert(0, earlier)
                clause = " ".join(before).strip()
                if clause:
                    yield clause


def _causes_in(word: str, following: str, last: bool) -> Iterator[int]:
    """Where in ``word`` each marker that gives a cause starts (``following``: the next word
    of its sentence; ``last``: none follows)."""
    for marker in MARKERS:
        for found in re.finditer(re.escape(marker), word):
            at = found.start()
            before, after = word[:at], word[found.end() :] or following
            if before.endswith(_ASKING) or not textlib.has_burmese(before):
                continue
            if marker == "လို့" and (before.endswith(_QUOTED) or after.startswith(_ABLE)):
                continue
            rest = word[found.end() :]
            if (
                after.startswith(_ASKING_VERB)
                or (after.startswith(_POLITE) and before.endswith(_WANTING))
                or (last and rest in ("", _POLITE))
            ):
                continue  # why the asker asks: "သိချင်လို့ပါ", because I want to know
            yield at


def _syllables(clause: str) -> frozenset[str]:
    """The syllables of a clause's words of content (no grammar, nor the words a question
    wraps a claim in: "တကယ်", really; "ဟုတ်", so)."""
    return frozenset(
        syllable
        for word in content_words(clause, framing_words())
        for syllable in textlib.burmese_syllables(word)
    )
