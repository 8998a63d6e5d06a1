"""Messages that are not claims: small talk, a bare link, a number picking a suggestion.

None of them is fact-checked: small talk gets a short friendly answer saying what the bot
does (and is never queued for the fact-checkers), a message that is only a link is matched by
its link (``bot.media``), and a number after a list of suggestions picks that suggestion.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from functools import cache


class SmallTalk(enum.Enum):
    """What small talk says, and so what it is answered with."""

    # In the order a message saying more than one is answered: "hi, thanks" as a greeting,
    # "thanks, bye" as a goodbye.
    HELLO = "hello"  # a greeting, or a question about the bot: what it does, with an example
    BYE = "bye"  # a goodbye
    THANKS = "thanks"  # thanks or an acknowledgement ("ok", "great"): glad to help


# Greetings, thanks, goodbyes and questions about the bot itself, in the languages the
# built-in base is asked in (English, Burmese, Chinese, Russian). A message is small talk when
# it is made of these phrases alone (with punctuation, emoji and "bot"/"factbot"), so a claim
# that happens to start with "hi" is still checked.
_PHRASES: dict[SmallTalk, tuple[str, ...]] = {
    SmallTalk.HELLO: (
        # English
        "hi", "hello", "hey", "hiya", "yo", "howdy", "greetings", "good morning",
        "good afternoon", "good evening", "who are you", "what are you", "what can you do",
        "what do you do", "how does this work", "how do you work", "are you a bot",
        "are you human", "help me", "how are you",
        "how does it work", "how do i use this", "how do i use you", "how to use this",
        "how to use", "what is this", "what s this", "what is this bot", "what is factbot",
        "what does this bot do", "who made you", "are you there", "anyone there",
        # Burmese
        "မင်္ဂလာပါ", "ဟိုင်း", "နေကောင်းလား", "ဘယ်သူလဲ", "မင်းဘယ်သူလဲ", "သင်ဘယ်သူလဲ",
        "ဘာလုပ်ပေးနိုင်လဲ",
        "ဟယ်လို", "ဟလို", "ဒါဘာလဲ", "ဘယ်လိုသုံးရမလဲ", "ဘယ်လိုအလုပ်လုပ်လဲ",
        # Chinese
        "你好", "您好", "嗨", "你是谁", "你能做什么", "你是机器人吗",
        "你好啊", "哈喽", "哈啰", "在吗", "这是什么", "你是什么", "怎么用", "这个怎么用",
        "怎么使用", "你会做什么",
        # Russian
        "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер",
        "кто ты", "кто вы", "что ты умеешь", "что вы умеете", "ты бот",
        "прив", "здрасте", "как это работает", "это как работает", "как ты работаешь",
        "как пользоваться", "что это", "что это за бот", "что ты делаешь", "кто тебя создал",
    ),
    SmallTalk.THANKS: (
        "thanks", "thank you", "thank you very much", "thanks a lot", "thx", "ty", "cheers",
        "ok", "okay", "cool", "great", "nice",
        "thank u", "thanks so much",
        "got it", "noted", "lol", "haha", "hahaha", "good",
        "ကျေးဇူးတင်ပါတယ်", "ကျေးဇူးအများကြီးတင်ပါတယ်", "ကျေးဇူးပါ", "ကျေးဇူး",
        "အိုကေ", "ဟုတ်ကဲ့",
        "谢谢", "谢谢你", "多谢", "谢了", "感谢",
        "谢谢啦", "谢啦", "好的", "收到", "哈哈", "哈哈哈",
        "спасибо", "спасибо большое", "благодарю", "спс", "ок",
        "окей", "хорошо", "понятно", "ясно", "ладно", "хаха",
    ),
    SmallTalk.BYE: (
        "bye", "bye bye", "goodbye", "see you", "good night",
        "ဘိုင်ဘိုင်",
        "再见", "拜拜", "晚安",
        "пока", "до свидания", "до встречи", "спокойной ночи",
    ),
}  # fmt: skip
_FILLER = {"bot", "factbot", "there", "again", "please", "бот"}
_KIND = {phrase: kind for kind, phrases in _PHRASES.items() for phrase in phrases}
_STARTS = tuple(_KIND)  # a message of small talk starts with one of its phrases


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Small talk alone, and one phrase of it: compiled when first needed (some 5 ms), not at
    every start; a claim rarely starts with a phrase of small talk."""
    phrase = "|".join(sorted(map(re.escape, _KIND), key=len, reverse=True))
    return re.compile(rf"^(?:(?:{phrase})\s*)+$"), re.compile(phrase)


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PICK = re.compile(r"^#?\s*(\d{1,2})\s*[.)]?$")


def _fold(text: str) -> str:
    """Lower case, letters, marks, digits and single spaces only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in text)
    return " ".join(word for word in kept.split() if word not in _FILLER)


def small_talk(text: str) -> SmallTalk | None:
    """What a message of small talk alone says (a greeting, thanks, a goodbye, a question
    about the bot), or None; where it says more than one, the first of :class:`SmallTalk`."""
    folded = _fold(text)
    if not folded or len(folded) > 60 or not folded.startswith(_STARTS):
        return None
    alone, one = _patterns()
    if alone.match(folded) is None:
        return None
    said = {_KIND[found.group()] for found in one.finditer(folded)}
    return next(kind for kind in SmallTalk if kind in said)


def only_links(text: str) -> list[str]:
    """The links of a message that holds nothing else (no words to check); [] otherwise."""
    links = _URL.findall(text)
    rest = _URL.sub(" ", text)
    if links and not any(unicodedata.category(c)[0] in "LN" for c in rest):
        return links
    return []


def picked_number(text: str) -> int | None:
    """The number a message is, alone ("2", "#2", "2.", "၂"), or None."""
    match = _PICK.match(unicodedata.normalize("NFKC", text.strip()))
    if match is None:
        return None
    return int("".join(str(unicodedata.decimal(c)) for c in match.group(1)))
