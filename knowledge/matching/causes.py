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

The same in Chinese ("因为…", "由于…"), English ("because (of)…", "due to…") and Russian
("из-за…", "потому что…"), where the cause follows its marker: a clause none of whose words of
content the claim's texts hold in any form, not the asker's reason, in a question naming no
cause the claim gives in any of its languages.

Grammar, not topics: nothing here is keyed to a claim. The context quotes the clause found as
what differs (:attr:`~knowledge.matching.context.Comparison.other_cause`): offered, never
answered.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from knowledge.matching import names as namelib
from knowledge.matching import text as textlib
from knowledge.matching.saying import is_passing_on, is_saying
from knowledge.matching.syllables import content_grams, content_words, framing_words, word_grams
from knowledge.matching.wording import echoes, is_stopword

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
_MOST_CLAUSES = 8  # causes read in a message: a question gives one or two, a flood no more
_SENTENCES = re.compile(r"[၊။,.!?;:\n]+")


def another_cause(question: str, texts: Iterable[str]) -> str | None:
    """The first clause of ``question`` that gives a cause the claim's ``texts`` (its subject,
    in every language it is written in) do not, as written; None if none, or if the question
    gives the claim's own cause too ("not because of the fraud but because of the coup": the
    claim, denied). Burmese (:func:`clauses`), Chinese (:data:`_CHINESE`), and English and
    Russian (:data:`_SPACED`)."""
    texts = tuple(texts)
    if _names_own_cause(question, texts):
        return None
    if textlib.has_burmese(question):
        return _burmese_cause(question, texts)
    if textlib.has_han(question):
        return _chinese_cause(question, texts)
    return _spaced_cause(question, texts)


def _names_own_cause(question: str, texts: tuple[str, ...]) -> bool:
    """Whether ``question`` names the cause the claim's ``texts`` give, in any of their
    languages, anywhere: a word of content of a Chinese, English or Russian clause of theirs
    opened by "because" ("因为选举舞弊", "because of the election fraud"). A question naming it
    beside another cause denies the claim ("because of election fraud? not the coup?"), or
    asks it: the claim."""
    zh_own, spaced_own = _own_causes(texts)
    asked = textlib.normalise(question)
    if any(word in asked.replace(" ", "") for word in zh_own):
        return True
    return bool(spaced_own) and any(
        len(w) >= 4 and not is_stopword(w) and echoes(w, spaced_own) for w in asked.split()
    )


@lru_cache(maxsize=1024)
def _own_causes(texts: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of content of the causes a claim's texts give: Chinese (jieba's) and English
    or Russian (as written, folded)."""
    framing = framing_words()
    chinese = [textlib.normalise(t).replace(" ", "") for t in texts if textlib.has_han(t)]
    zh = tuple(
        word
        for text in chinese
        for found in _CHINESE.finditer(text)
        for word in _chinese_content(found.group(1), framing)
    )
    spaced = _spaced_words(tuple(c for t in texts for c in _spaced_clauses(t)))
    return zh, spaced


def _burmese_cause(question: str, texts: tuple[str, ...]) -> str | None:
    held, own = _claims_words(texts)
    given = list(itertools.islice(clauses(question), _MOST_CLAUSES))
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


# Chinese (either script): "because", "owing to"; what ends the cause: a mark, a question's
# particle, "才"/"所以" (only then, so), "而" (and so)
_CHINESE = re.compile(
    r"(?:因为|因為|由于|由於|出于|出於)([^，。？！?!,、；;：:\s]+?)"
    r"(?=[，。？！?!,、；;：:\s]|吗|呢|吧|才|所以|而|$)"
)
# Tags of jieba's words that say what: nouns, verbs, adjectives (not pronouns, "这个", this)
_CHINESE_CONTENT_TAGS = ("n", "v", "a")


def _chinese_cause(question: str, texts: tuple[str, ...]) -> str | None:
    """A Chinese clause opened by "because" (:data:`_CHINESE`) none of whose words of content
    (:func:`_chinese_content`) the claim's Chinese texts hold."""
    held = _chinese_held(texts)
    framing = framing_words()
    found_causes = itertools.islice(_CHINESE.finditer(question), _MOST_CLAUSES)
    for found in found_causes:  # as written: normalising drops the marks
        clause = found.group(1)
        words = _chinese_content(textlib.normalise(clause).replace(" ", ""), framing)
        if words and not any(word in held for word in words):
            return clause
    return None


@lru_cache(maxsize=1024)
def _chinese_held(texts: tuple[str, ...]) -> str:
    """A claim's Chinese texts, normalised and run together (remembered: a question is read
    against the same few claims)."""
    return "".join(textlib.normalise(t).replace(" ", "") for t in texts if textlib.has_han(t))


@lru_cache(maxsize=4096)
def _chinese_content(text: str, framing: frozenset[str]) -> tuple[str, ...]:
    """A Chinese text's words of content: jieba's, of two characters or more, nouns, verbs or
    adjectives, no framing word."""
    return tuple(
        word
        for word, tag, _ in namelib.chinese_words(text)
        if len(word) >= 2 and tag.startswith(_CHINESE_CONTENT_TAGS) and word not in framing
    )


# English and Russian: "because (of)", "due to", "из-за", "потому что", "так как", and the
# clause after it up to the sentence's next mark
_SPACED = re.compile(
    r"\b(?:because(?:\s+of)?|due\s+to|из-за|потому\s+что|так\s+как)\s+([^,.;:!?…—–]+)",
    re.IGNORECASE,
)
# Who asks, in the clause: then it is why the asker asks ("because my uncle keeps sharing it")
_ASKERS_SPACED = frozenset(
    (
        *("i", "i'm", "im", "me", "my", "we", "our", "us"),
        *("я", "меня", "мне", "мой", "моя", "моё", "мои", "мы", "нас", "нам", "наш", "наша"),
    )
)


def _spaced_cause(question: str, texts: tuple[str, ...]) -> str | None:
    """An English or Russian clause opened by "because" (:data:`_SPACED`) that has words of
    content (four letters or more, no stopword nor "this" or "that") and none the claim's
    texts hold in any form (:func:`~knowledge.matching.wording.echoes`); not one that speaks
    of the asker, of saying, or of a message passed on ("because my uncle shared it",
    "потому что по телеку так сказали")."""
    held = _spaced_words(texts)
    for clause in _spaced_clauses(question)[:_MOST_CLAUSES]:
        words = textlib.normalise(clause).split()
        if any(w in _ASKERS_SPACED or is_passing_on(w) or is_saying(w) for w in words):
            continue
        content = [w for w in words if len(w) >= 4 and not is_stopword(w) and w not in _THIS_THAT]
        if content and not any(echoes(w, held) for w in content):
            return clause
    return None


def _spaced_clauses(text: str) -> list[str]:
    return [found.group(1).strip() for found in _SPACED.finditer(text)]


# "this", "that" in Russian, in their forms: "из-за этого", because of that
_THIS_THAT = frozenset(["этого", "этому", "этим", "этой", "этих", "эту", "тому", "того", "том"])


@lru_cache(maxsize=1024)
def _spaced_words(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for t in texts for w in textlib.normalise(t).split())
