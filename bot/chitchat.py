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

from knowledge.matching.text import simplified
from knowledge.urls import find_links, holds_words


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
        "real person or a bot", "are you a real person", "human or bot", "do i just paste the link",
        "do i just paste the link here", "do i send a link", "can i send a link",
        # Burmese
        "မင်္ဂလာပါ", "ဟိုင်း", "နေကောင်းလား", "ဘယ်သူလဲ", "မင်းဘယ်သူလဲ", "သင်ဘယ်သူလဲ",
        "ဘာလုပ်ပေးနိုင်လဲ",
        "ဟယ်လို", "ဟလို", "ဒါဘာလဲ", "ဘယ်လိုသုံးရမလဲ", "ဘယ်လိုအလုပ်လုပ်လဲ",
        "မင်းကဘယ်သူလဲ", "လူလား bot လား", "လူလားစက်ရုပ်လား", "စက်ရုပ်လား", "ဒါဘယ်လိုသုံးရမလဲ",
        "link ပို့ရုံပဲလား",
        # Chinese
        "你好", "您好", "嗨", "你是谁", "你能做什么", "你是机器人吗",
        "你好啊", "哈喽", "哈啰", "在吗", "这是什么", "你是什么", "怎么用", "这个怎么用",
        "怎么使用", "你会做什么",
        "机器人吗", "你是人还是机器人", "真人吗", "这个怎么使用",
        "直接贴链接就可以吗", "直接贴连结就可以吗", "直接发链接就可以吗", "发链接就行吗",
        # Russian
        "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер",
        "кто ты", "кто вы", "что ты умеешь", "что вы умеете", "ты бот",
        "прив", "здрасте", "как это работает", "это как работает", "как ты работаешь",
        "как пользоваться", "что это", "что это за бот", "что ты делаешь", "кто тебя создал",
        "ты кто", "вы кто", "ты кто вообще", "кто ты вообще", "ты человек", "человек или бот",
        "как этим пользоваться", "как им пользоваться", "просто кинуть ссылку",
        "просто отправить ссылку", "можно кинуть ссылку",
    ),
    SmallTalk.THANKS: (
        "thanks", "thank you", "thank you very much", "thanks a lot", "thx", "ty", "cheers",
        "ok", "okay", "cool", "great", "nice",
        "thank u", "thanks so much",
        "got it", "noted", "good", "that helps", "thanks that helps", "very helpful",
        "ကျေးဇူးတင်ပါတယ်", "ကျေးဇူးအများကြီးတင်ပါတယ်", "ကျေးဇူးပါ", "ကျေးဇူး",
        "အိုကေ", "ဟုတ်ကဲ့",
        "谢谢", "谢谢你", "多谢", "谢了", "感谢",
        "谢谢啦", "谢啦", "好的", "收到",
        "спасибо", "спасибо большое", "благодарю", "спс", "ок",
        "окей", "хорошо", "понятно", "ясно", "ладно",
    ),
    SmallTalk.BYE: (
        "bye", "bye bye", "goodbye", "see you", "good night",
        "ဘိုင်ဘိုင်",
        "再见", "拜拜", "晚安",
        "пока", "до свидания", "до встречи", "спокойной ночи",
    ),
}  # fmt: skip
# Laughter, however long ("haha", "ahahah", "lol", "ахахах", "哈哈哈哈哈"): an acknowledgement.
_LAUGHTER = (
    r"a?(?:ha)+h?|(?:ah)+a?|he(?:he)+|lo+l|lmao|rofl"
    r"|а?(?:ха)+х?|(?:ах)+а?|хе(?:хе)+|лол|ржу"
    r"|[哈呵嘻]{2,}"
    r"|ဟား(?:ဟား)+"
)
# A message of these emoji alone thanks or agrees ("🙏🙏🙏", "👍"): answered as thanks. Other
# emoji alone are no text to check (core.unusable_text).
_ACKNOWLEDGING = frozenset("🙏👍👌👏🤝✅💯❤♥😊🙂😀😁😄😃😆😅😂🤣☺🥰😍💪")
_EMOJI_PARTS = frozenset("\ufe0f\u200d") | {chr(c) for c in range(0x1F3FB, 0x1F400)}  # skin tones
# Words that add nothing to small talk ("hi bot", "ကျေးဇူးပါ ဗျ": thanks, sir).
_FILLER = ("bot", "factbot", "there", "again", "please", "бот", "ဗျ", "ဗျာ", "ခင်ဗျာ", "ရှင်", "နော်")
_KIND = {phrase: kind for kind, phrases in _PHRASES.items() for phrase in phrases}
# A message of small talk starts with one of its phrases or laughs: only then are the patterns
# compiled (a claim rarely starts so).
_STARTS = (*_KIND, *_FILLER)
_LAUGHS = re.compile(_LAUGHTER)
_BURMESE = "\u1000-\u109f"
_BURMESE_SPACE = re.compile(rf"(?<=[{_BURMESE}]) (?=[{_BURMESE}])")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Small talk alone, and one phrase of it: compiled when first needed (some 5 ms), not at
    every start; a claim rarely starts with a phrase of small talk."""
    words = sorted(map(re.escape, [*_KIND, *_FILLER]), key=len, reverse=True)
    # A phrase ends where a word does: "hi" is no phrase of "hit".
    phrase = rf"(?:{'|'.join(words)}|{_LAUGHTER})(?![^\W\d_{_BURMESE}])"
    return re.compile(rf"^(?:{phrase}\s*)+$"), re.compile(phrase)


SMALL_TALK_LENGTH = 60  # letters and spaces at most

_PICK = re.compile(r"^#?\s*(\d{1,2})\s*[.)]?$")


def _fold(text: str) -> str:
    """Lower case, letters, marks, digits and single spaces only; Burmese, which is spaced as
    its writer likes, without spaces between its words; Chinese in simplified characters."""
    text = simplified(unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in text)
    return _BURMESE_SPACE.sub("", " ".join(kept.split()))


def small_talk(text: str) -> SmallTalk | None:
    """What a message of small talk alone says (a greeting, thanks, a goodbye, a question
    about the bot, laughter, an emoji of thanks), or None; where it says more than one, the
    first of :class:`SmallTalk`."""
    if len(text) > 4 * SMALL_TALK_LENGTH:  # no greeting is this long: nothing to fold
        return None
    folded = _fold(text)
    if not folded:
        shown = {c for c in text if not c.isspace() and c not in _EMOJI_PARTS}
        return SmallTalk.THANKS if shown and shown <= _ACKNOWLEDGING else None
    if len(folded) > SMALL_TALK_LENGTH:
        return None
    if not folded.startswith(_STARTS) and _LAUGHS.match(folded) is None:
        return None
    alone, one = _patterns()
    if alone.match(folded) is None:
        return None
    # What is no phrase is laughter, an acknowledgement; fillers say nothing.
    said = {
        _KIND.get(found.group(), SmallTalk.THANKS)
        for found in one.finditer(folded)
        if found.group() not in _FILLER
    }
    return next((kind for kind in SmallTalk if kind in said), None)


def only_links(text: str) -> list[str]:
    """The links of a message that holds nothing else (no words to check); [] otherwise."""
    links = find_links(text)
    return links if links and not holds_words(text) else []


def picked_number(text: str) -> int | None:
    """The number a message is, alone ("2", "#2", "2.", "၂"), or None."""
    match = _PICK.match(unicodedata.normalize("NFKC", text.strip()))
    if match is None:
        return None
    return int("".join(str(unicodedata.decimal(c)) for c in match.group(1)))
