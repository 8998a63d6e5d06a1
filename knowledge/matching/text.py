"""Text normalisation shared by the claim base and the matcher.

Pure functions, no I/O. Everything the matcher compares goes through :func:`normalise` first,
so a claim and a question are folded the same way.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from knowledge.matching import cantonese, zawgyi
from knowledge.urls import without_links

# "— Name (@handle) May 5, 2020" at the end of a tweet: keep the name and the date.
_TWEET_TAIL = re.compile(r"[—–-]\s*([^()@\n]{1,60}?)\s*\(@\w{1,30}\)\s*(.{0,40})$")
_MENTION = re.compile(r"(?<!\w)@(\w{1,64})")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CONTRACTION = re.compile(r"(?i)\b(\w+)n[’']t\b")
# An editor's letters in square brackets inside a word of a quote ("[T]hose who…",
# "protest[s]"): the word as the quote is read, brackets taken off.
_EDITED_LETTERS = re.compile(r"\[(\w{1,3})\](?=\w)|(?<=\w)\[(\w{1,3})\]")
# "…, or not?", "правда или нет?": a question's tag, asking whether the statement holds; no
# negation, and no word of the question.
_OR_NOT_TAG = re.compile(r"\b(?:or\s+not|или\s+нет)\b(?=\s*(?:[?!.,;:…)]|$))")
# English auxiliaries contracted with a "not", as written before it: "don't", "dont"; "can't"
# and "won't" are "ca" and "wo" there.
NEGATED_STEMS = (
    "do", "does", "did", "is", "was", "are", "were", "ca", "wo", "ai", "would", "should",
    "could", "has", "have", "had", "must", "need",
)  # fmt: skip
_CONTRACTED_NEGATIONS = re.compile(
    r"\b(?:" + "|".join(stem + "nt" for stem in NEGATED_STEMS) + r"|cannot)\b"
)


def _uncontracted(found: re.Match[str]) -> str:
    """An auxiliary contracted with its "not" and no apostrophe, apart again, as "didn't" is
    read: "didnt" is "did not", "cannot" "can not" (an opening "didnt he say…?" asks, and
    negates nothing)."""
    word = found.group()
    return f" {word[:-2]} not " if word != "cannot" else " can not "


# The verbs an English question opens with, before its subject ("did they ...", "isn't it ...").
AUXILIARIES = frozenset(
    {
        "do", "does", "did", "is", "are", "was", "were", "am", "has", "have", "had", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "need",
    }
)  # fmt: skip
TYPO_SIMILARITY = 85  # rapidfuzz ratio at which two words count as one with a typo
NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without"}
)

# English function words, and chat's shorthand for some of them ("ppl", people; "abt",
# "thru", "tho", "ur", "b4"): what they stand for is no subject either. And the words a
# supposition wraps a claim in, as "if" does ("Suppose the general is right and…").
STOPWORDS = frozenset(
    """a an the and or but if then of in on at to for from by with about as into over after
    before under between through during is are was were be been being am do does did doing
    have has had having it its this that these those there here what which who whom whose when
    where why how i me my we our you your he him his she her they them their us so than too
    very can could will would shall should may might must just also any some such only own same
    s t d ll m o re ve y says said say tell told really true claim claims hear heard saw seen
    someone people anyone thing things get got
    ppl abt thru tho ur b4
    suppose supposing hypothetically assuming""".split()  # noqa: SIM905
)

# Closed-class words of Russian (the one cased language the bot reads besides English):
# pronouns, prepositions, conjunctions, particles, question words, the forms of "to be", and
# the words a question wraps a claim in ("is it true that", "they say", "really"), and "самый"
# (the very, the most; "это самое", a filler of speech, is no inflected Samoa). Like the
# English stopwords, none names anything, even opening a sentence ("Разве…", "Правда ли…"),
# and none is a content word, but for the negations (kept, as "not" and "without" are).
# Russian's prepositions: the word after one is governed by it ("в месяц", a month).
RUSSIAN_PREPOSITIONS = frozenset(
    """в во на с со к ко по о об обо от до из за под над при про для без через у перед
    между""".split()  # noqa: SIM905
)
RUSSIAN_CLOSED_CLASS = RUSSIAN_PREPOSITIONS | frozenset(
    """а и но или да нет не ни ли же ж ведь вот вон уж ещё еще бы то это этот эта эти тот та те
    так как что чтобы кто где когда куда откуда почему зачем сколько какой какая какие каков
    чей разве неужели правда верно действительно говорят говорил говорила сказали слышал
    слышала слышали пишут якобы будто мол вообще вроде наверное может можно нужно надо
    я ты он она оно мы вы они его её ее их им ему ей нас вас них мне тебе себе свой своя свои
    меня мной мною тебя тобой тобою него нему ним нём неё нее ней нею ею нам нами вам вами ими
    ними себя собой собою мой моя моё мое мои твой твоя твои наш наша наши ваш ваша ваши
    того тому том тем чего чему чём ничего никто ничто сам сама сами сих
    кто-то кого-то кому-то кем-то что-то чего-то какой-то какая-то какие-то какого-то
    кто-нибудь что-нибудь кто-либо кое-кто кое-что некто нечто
    был была было были будет будут есть быть является являются всё все весь вся
    только лишь просто тоже также очень слишком даже уже хоть хотя именно реально самом
    деле тут здесь там сюда туда такое такой такая такие такого таких
    если допустим предположим тогда
    самый самая самое самые самого самой самому самую самым самыми самых""".split()  # noqa: SIM905
    # and the words of an official request to check it: "does it correspond to reality", "a
    # request to check, to clarify", "how far is it founded", "is it confirmed", "are there
    # grounds to believe", "false"
    + """соответствует действительности просьба прошу проверить уточнить насколько обоснован
    обоснованно обоснованным подтверждается подтверждены имеются основания полагать
    ложным""".split()  # noqa: SIM905
)
RUSSIAN_NEGATIONS = frozenset({"не", "нет", "ни", "без"})
ALL_NEGATIONS = NEGATIONS | RUSSIAN_NEGATIONS
NOT_CONTENT = STOPWORDS | (RUSSIAN_CLOSED_CLASS - RUSSIAN_NEGATIONS)

# The marks that end a clause, in letters with case and in Chinese: between a word and what
# it is done to, none stands.
CLAUSE_MARKS = re.compile(r"[,.;:!?()\[\]—–…\"“”«»，。！？；：]")

# What quotes someone, in any script: quotation marks and corner brackets, a colon ("MAH: …",
# "敏昂莱：…"), a dash ("… — MAH", "မင်းအောင်လှိုင် - …"). Not an apostrophe: "didn't".
QUOTING = re.compile(r"[\"“”«»„「」『』:：—–]|\s-\s")
# What an app prints around a post, as a screenshot shows it: its buttons and its counts' words
# ("Like · Comment · Reply", "1.2K views", "Ответить", "Класс!"), a news channel's "LIVE" and
# "BREAKING". How a message reached the person (PASSING_ON), and no names when capitalised
# (knowledge.matching.wording.NOT_NAMES).
APP_WORDS = frozenset(
    """like likes comment comments reply replies follow followers views retweets reposts
    reactions translation translate live breaking ответить нравится поделиться класс репост
    репостов просмотров ретвитов комментарии""".split()  # noqa: SIM905
)

# Words about how a message reached the person and what they ask of it, in English and in
# Russian (its common forms): who passed it on (a relative, a friend, "some guy"), where, and
# whether it is true, or a doubt of it ("propaganda?"; as the young write it too: "ngl",
# "lowkey", "cap", "кринж"). They name
# no subject of a claim: a question holding one that the claim's context lacks is no other
# subject for it (knowledge.matching.context.Comparison.unshared).
PASSING_ON = APP_WORDS | frozenset(
    """uncle uncles aunt aunts auntie cousin cousins friend friends neighbour neighbours neighbor
    neighbors mother mom mum father dad brother sister grandma grandmother grandpa grandfather
    wife husband son daughter colleague colleagues boss family relatives parents nephew niece
    grandson granddaughter stepdad stepmom stepfather stepmother coworker coworkers classmate
    classmates roommate buddy mate mates
    guy guys man woman dude lady person bloke
    facebook fb tiktok whatsapp telegram twitter youtube viber instagram wechat weibo
    messenger signal line threads reddit
    post posts posted video videos message messages forward forwarded forwarding fwd shared share
    sharing sent group groups chat viral news article story link screenshot page channel tv
    radio online internet media
    screenshots meme caption captions headline ticker subtitles tweet tweets thread clip
    true truth real fake false wrong right correct accurate fact facts lie lies lying lied
    rumour rumours rumor rumors hoax legit check checked confirm verify debunk sure know
    heard hearing apparently supposedly allegedly according actually basically literally seriously
    honestly proof evidence pls plz please thanks lol ok okay yes
    doubt doubts doubtful skeptical sceptical propaganda
    ngl fr tbh imo idk lmao lowkey fyi cap sus
    дядя дяди дяде дядю тётя тетя тёти тети тёте тете друг друга другу друзья друзей подруга
    подруги мама мамы маме папа папы брат брата сестра сестры сосед соседа соседи соседей
    коллега коллеги бабушка бабушки дедушка муж мужа жена жены семья семье родственники
    отец отца мать матери сын сына дочь дочка внук внука внучка тесть тестя тёща теща свекровь
    свёкор свекор зять деда кореш кореша
    мужик мужика парень парня чувак человек женщина
    фейсбук фейсбуке телеграм телеграме телеграмме телеграм-канале ватсап ватсапе вотсап
    вотсапе вайбер вайбере вк вконтакте ютуб ютубе тикток тиктоке инстаграм инстаграме
    дзен дзене
    пост посте посты видео сообщение сообщении сообщения переслал переслала переслали
    скрины мем мемы надпись субтитры твит твиты тред коммент комменты комментарий лайк лайки
    лайков репост репосты
    пересылают чат чате чатах группа группе группах канал канале каналах новости статья
    статье ссылка ссылке скриншот скрин ролик ролике интернете соцсетях сми госсми
    правда правду неправда фейк фейки вброс слух слухи проверьте проверить проверка
    вранье враньё ложь брехня доказательства доказательство пруфы обоснованно
    сомневаюсь сомневается сомневаемся сомнения пропаганда пропаганды пропагандой
    лол кст имхо плз пж кринж рофл
    слышал слышала слышали пожалуйста спасибо мой моя моё мое мои моего моей моему моим""".split()  # noqa: SIM905
)

# Scripts written without spaces between words: one word, as English counts them, is roughly
# this many characters. Burmese and Chinese were measured on the built-in claims' translations
# of six English wordings: 3.8-8.7 Burmese code points a word (6.5 on average), 1.3-2.6 Chinese
# characters (2.0); Burmese is taken at 5, where a short rewording ("မဲလိမ်လို့ ဆန္ဒပြတာလား",
# did they protest over vote fraud?) still counts four.
_CHARS_PER_WORD = (
    ((0x1000, 0x109F), 5.0),  # Myanmar
    ((0x0E00, 0x0E7F), 4.0),  # Thai
    ((0x0E80, 0x0EFF), 4.0),  # Lao
    ((0x1780, 0x17FF), 4.0),  # Khmer
    ((0x3040, 0x30FF), 2.0),  # Hiragana, Katakana
    ((0x3400, 0x9FFF), 2.0),  # CJK ideographs
    ((0xAC00, 0xD7AF), 2.5),  # Hangul syllables (spaced, but dense)
)


def _chars_per_word(char: str) -> float:
    code = ord(char)
    for (low, high), width in _CHARS_PER_WORD:
        if low <= code <= high:
            return width
    return 0.0


def _is_token_char(char: str) -> bool:
    # Letters, marks (Burmese and Thai vowel signs are marks) and numbers.
    return unicodedata.category(char)[0] in "LMN"


# ASCII characters that are not part of a word (letters and digits are; ASCII has no marks).
_ASCII_SYMBOLS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c).isspace())}


def _strip_symbols(text: str) -> str:
    """Replace everything that is not part of a word (emoji, punctuation, controls) by a space."""
    if text.isascii():
        return text.translate(_ASCII_SYMBOLS)
    table = _ASCII_SYMBOLS
    other = {
        ord(c): " " for c in set(text) if ord(c) > 127 and not (_is_token_char(c) or c.isspace())
    }
    if other:
        table = {**table, **other}
    return text.translate(table)


def _decamel(match: re.Match[str]) -> str:
    return _CAMEL.sub(" ", match.group(1))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Fold text for comparison: NFKC, no URLs, no @ or # signs, no emoji, casefolded,
    Chinese in simplified characters.

    A tweet's "— Name (@handle) date" tail keeps the name and the date; hashtags written in
    CamelCase are split into words; "n't" becomes "not" so negations survive.
    """
    # Each pattern runs only when the text holds a character it needs (a claim rarely holds
    # a URL, a mention or a hashtag): the same result, in half the time.
    text = zawgyi.to_unicode(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\x00", " ")
    text = without_links(text).strip()
    if "(@" in text:
        text = _TWEET_TAIL.sub(lambda m: f" {m.group(1)} {m.group(2)}", text)
    if "#" in text:
        text = _HASHTAG.sub(_decamel, text)
    if "@" in text:
        text = _MENTION.sub(_decamel, text)
    if "[" in text:
        text = _EDITED_LETTERS.sub(lambda m: m.group(1) or m.group(2), text)
    if "'" in text or "’" in text:
        text = _CONTRACTION.sub(lambda m: f"{m.group(1)} not", text)
    text = text.casefold()
    if has_han(text):
        text = simplified(text)
    text = _CONTRACTED_NEGATIONS.sub(_uncontracted, text)
    if " not" in text or " нет" in text:
        text = _OR_NOT_TAG.sub(" ", text)
    return " ".join(_strip_symbols(text).split())


# Chinese characters: CJK Unified Ideographs, Extension A, Compatibility Ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN}]")


def has_han(text: str) -> bool:
    """True when the text holds Chinese characters."""
    return _HAN.search(text) is not None


_LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B come before it
_CYRILLIC = ("\u0400", "\u04ff")


def _cyrillic(c: str) -> bool:
    return _CYRILLIC[0] <= c <= _CYRILLIC[1]


def starts_cyrillic(word: str) -> bool:
    """True when the word starts with a Cyrillic letter (Russian: its places, peoples and
    names are read in their own ways)."""
    return _cyrillic(word[:1])


@cache
def _chinese_converter(config: str) -> Callable[[str], str]:
    """OpenCC's conversion ``config`` ("t2s", "s2t"), loaded at the first Chinese text (12 ms,
    5 MB)."""
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert


_SURROGATE = re.compile("[\ud800-\udfff]")


def simplified(text: str) -> str:
    """Chinese in simplified characters (OpenCC, phrase by phrase): "緬甸軍方說" is "缅甸军方说".
    Claims and questions are compared so, whichever characters each is written in; written
    Cantonese with its grammar words as Mandarin's ("係唔係", is it?, as "是不是":
    :mod:`knowledge.matching.cantonese`)."""
    return _converted("t2s", cantonese.as_mandarin(text)) if has_han(text) else text


def traditional(text: str) -> str:
    """Chinese in traditional characters: what to look for among claims stored in them."""
    return _converted("s2t", text) if has_han(text) else text


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON may carry one, "\ud800"), which no UTF-8 reader
    takes, as U+FFFD: one character for one."""
    return _SURROGATE.sub("\ufffd", text)


def _converted(config: str, text: str) -> str:
    # OpenCC reads UTF-8: a lone surrogate (JSON may carry one, "\ud800") is no character.
    return _chinese_converter(config)(_SURROGATE.sub("", text))


def split_handles(text: str) -> str:
    """@handles and #hashtags as words, CamelCase split ("@JoeBiden" → "Joe Biden"), case
    kept."""
    if "#" in text:
        text = _HASHTAG.sub(_decamel, text)
    if "@" in text:
        text = _MENTION.sub(_decamel, text)
    return text


_HANDLE = re.compile(r"(?<![\w(])@\w{1,64}")


def without_handles(text: str) -> str:
    """The text without its @handles (a tweet's "(@handle)" tail left in place)."""
    return _HANDLE.sub(" ", text) if "@" in text else text


# Greetings a message may open with, in the languages the bot reads ("hey", "привет", "你好",
# "ဟေ့"), and the words that call the bot itself ("bot", "бот", "机器人", "ဘော့"): whom a
# message speaks to, as people talk to a chat bot and as a phone writes what they say to it
# ("hey bot was the election rigged"), no part of what it asks (:func:`unaddressed`).
GREETINGS_MY = ("မင်္ဂလာပါ", "ဟယ်လို", "ဟလို", "ဟိုင်း", "ဟေ့", "ဟေး")  # "hello", "hi", "hey"
_GREETINGS = (
    "hey", "hi", "hello", "hiya", "heya", "yo", "привет", "здравствуйте", "здравствуй",
    "эй", "хей", "你好", "您好", "嗨", "哈喽", "哈啰", *GREETINGS_MY,
)  # fmt: skip
# The calls no claim opens with as written (no "Bot farms…"): read as a call before a space too.
_CALLED_BARE = ("бот", "机器人", "ဘော့")
_CALLED = ("factbot", "bot", *_CALLED_BARE)
_WORD_ENDS = r"(?![^\W_]|-)"  # no letter, digit, Burmese sign or hyphen follows ("hi-tech")
_CALL = r"(?:{})(?:你好)?{}".format("|".join(map(re.escape, _CALLED)), _WORD_ENDS)
# A greeting, written apart or run into the call that follows it ("ဟေ့ဘော့").
_GREETING = r"(?:{})(?:{}|(?={}))".format("|".join(map(re.escape, _GREETINGS)), _WORD_ENDS, _CALL)
_GAP = r"[\s,!.:，！：。]*"
# Greetings, then the bot called ("hey bot"); or the bot called alone before a comma, a colon
# or "!" ("bot, …", "бот: …"), or one of _CALLED_BARE before a space ("бот правда ли…",
# "机器人 缅甸…").
_ADDRESS = re.compile(
    rf"^\s*(?:(?:{_GREETING}{_GAP})+(?:{_CALL}{_GAP})?"
    rf"|{_CALL}\s*[,!:，！：]\s*"
    rf"|(?:{'|'.join(_CALLED_BARE)})(?:你好)?\s+)",
    re.IGNORECASE,
)
# Punctuation spoken and written out by a phone's speech-to-text, ending a message
# ("…is that true question mark", "…правда или нет вопросительный знак", "…ဟုတ်လား ပုဒ်မ"),
# a word apart (no "заточка"), or after Chinese; not "a full stop" (what came to one). Each
# run bounded, so that a message of spaces is read in time linear in its length.
_SPOKEN_STOP = re.compile(
    r"(?:(?:[\s,]{1,3}|(?<=[\u4e00-\u9fff]))(?:question mark|(?<!\ba )full stop"
    r"|exclamation mark|вопросительный знак|восклицательный знак|точка|问号|句号|ပုဒ်မ)){1,3}"
    r"[\s.?!。？！]{0,3}$",
    re.IGNORECASE,
)


def unaddressed(text: str) -> str:
    """``text`` without the greeting and the call to the bot it opens with, and without the
    punctuation a phone wrote out in words at its end (:data:`_ADDRESS`, :data:`_SPOKEN_STOP`):
    "hey bot was the election rigged question mark" asks "was the election rigged". A message
    of nothing else is left as it is (small talk is answered before any claim is matched)."""
    rest = _SPOKEN_STOP.sub("", _ADDRESS.sub("", text, count=1), count=1)
    return rest if any(c.isalnum() for c in rest) else text


# Chat's shorthand for a word that says what is asked or how its clauses join ("cuz", because;
# "govt", the government): read as the word it stands for, as the claims write it. Shorthand
# for a function word ("abt", "ppl", "tho") is a stopword already.
SHORTHAND = {
    **dict.fromkeys(
        ("cuz", "coz", "cos", "bc", "bcoz", "bcos", "bcuz", "bcz", "becuz", "becoz", "bcause"),
        "because",
    ),
    **dict.fromkeys(("govt", "gvt", "gov't"), "government"),
}
_SHORTHAND = re.compile(
    r"(?<![\w'’@#./-])(" + "|".join(map(re.escape, SHORTHAND)) + r")(?![\w-])", re.IGNORECASE
)


def unabbreviated(text: str) -> str:
    """``text`` with chat's shorthand (:data:`SHORTHAND`) written out, in its capitals: "the
    protests started bc of voter fraud" asks "…because of voter fraud". Two capitals are an
    initialism as often, and are left as typed: "BC" is British Columbia."""

    def written_out(found: re.Match[str]) -> str:
        typed, word = found.group(), SHORTHAND[found.group().casefold()]
        if typed.isupper():
            return typed if len(typed) <= 2 else word.upper()
        return word.capitalize() if typed[0].isupper() else word

    return _SHORTHAND.sub(written_out, text)


def without_tweet_tail(text: str) -> str:
    """The text without a tweet's "— Name (@handle) date" tail."""
    if "(@" in text:
        return _TWEET_TAIL.sub(" ", text.strip())
    return text


# A time of day as a screenshot or a forwarded post shows it ("12:41", "9:05 PM", "21:03:10")
_CLOCK = re.compile(
    r"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?)?(?![\d:])"
)
# A date with its day or month, in any script's digits: "23.6.2021", "06/2021", "6.2021",
# "၂၄.၆.၂၀၂၁"; the day and month before a year of two digits ("24.06.21"); the year first
# ("2021-06-23", "2021.6", "2021/06/23"). And a year of two digits after an apostrophe ("June
# '21") or before "年" and a month ("21年六月"; "坐牢21年", 21 years in prison, is no date), as
# people shorten it.
_DATED = re.compile(
    r"(?:(?<![\d.,/-])|(?<=\D,))(?:(?:\d{1,2}[./]){1,2}(?P<year>\d{4})"
    r"|\d{1,2}[./]\d{1,2}[./](?P<short>\d\d)"
    r"|(?P<iso>\d{4})-\d{1,2}(?:-\d{1,2})?"
    r"|(?P<first>(?:19|20)\d\d)[./](?:0?[1-9]|1[0-2])(?:[./]\d{1,2})?)(?![\d./-])"
    r"|(?<![\w'’])['’](?P<apostrophe>\d\d)(?![\d.,])"
    r"|(?<![\d.,])(?P<han>\d\d)(?=年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)"
)
_CENTURY_TURN = 30  # a year of two digits below this is of this century ("'21"), else the last


def _as_year(found: re.Match[str]) -> str:
    """A date :data:`_DATED` found, written as its year (in the text's digits, four of them
    for one shortened to two); as found where that is no year (1000 to 2199)."""
    year = found.group("year") or found.group("iso") or found.group("first")
    if year is not None:
        return f" {year} " if "1000" <= _ascii(year) < "2200" else found.group()
    two = int(_ascii(found.group("short") or found.group("apostrophe") or found.group("han")))
    return f" {(2000 if two < _CENTURY_TURN else 1900) + two} "


def _ascii(number: str) -> str:
    """Digits of any script as ASCII digits ("၂၀၂၁" as "2021")."""
    return "".join(str(unicodedata.decimal(c)) for c in number)


# A post's counts as an app prints them and a screenshot shows them: a number ("1.2K", "3,418",
# "1,2 тыс.", "2.3w", "2.3万") before the word of what it counts ("views", "likes", "shares",
# "просмотров", "репостов", "转发", "评论"), or after that word or the app's sign for it
# ("👍 2.1K", "💬 1021", "မှတ်ချက် 340", Burmese for comments; "Класс! 1,4 тыс.").
_COUNT = r"\d(?:[\d,.]*\d)?(?:\s?(?:[kmw万千](?!\w)|тыс\b\.?|млн\b\.?))?"
_COUNTED = (
    r"views?|likes?|shares?|comments?|retweets?|reposts?|reactions?|replies|followers|"
    r"subscribers|upvotes?|просмотр\w*|лайк\w*|репост\w*|ретвит\w*|коммент\w*|"
    r"отмет\w*|подписчик\w*|реакци\w*|класс|次浏览|次瀏覽|浏览|瀏覽|阅读|閱讀|转发|轉發|"
    r"评论|評論|点赞|點讚|赞|讚|播放|粉丝|粉絲|မှတ်ချက်|မျှဝေမှု|ကြည့်ရှုမှု|လိုက်ခ်"
)
_SIGNS = "👁👍❤♥💬🗨🔁🔄↪👀"
_COUNTS = re.compile(
    rf"(?<![\w.,]){_COUNT}(?=\s*(?:{_COUNTED})(?!\w))"
    rf"|(?:(?<!\w)(?:{_COUNTED})[\s:!]*|[{_SIGNS}]\ufe0f?\s*){_COUNT}(?![\w.,])",
    re.IGNORECASE,
)

_YEARLIKE = re.compile(r"(?:19|20)\d\d")


def _without_count(match: re.Match[str]) -> str:
    """A post's count (:data:`_COUNTS`) taken out, the word of what it counts kept; not a year
    before that word ("the 2020 views of voters")."""
    found = match.group()
    number = re.search(_COUNT, found)
    if number is None or (number.start() == 0 and _YEARLIKE.fullmatch(number.group())):
        return found
    return f"{found[: number.start()]} "


# How long ago a post was made, as an app shows it: after its "·" ("Reply · 2d", "· 2 ч",
# "· ၂ နာရီ"), or with "ago" ("3 hours ago", "2 часа назад", "2小时前").
_AGE = re.compile(
    r"(?:(?<=·)|(?<=·\s))\d{1,3}\s?(?:[smhdw]|mins?|hrs?|ч|мин|дн|нед|နာရီ|မိနစ်|ရက်)(?!\w)"
    r"|(?<![\d.,])\d{1,3}\s?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|ч|час\w*|мин\w*|"
    r"дн\w*|дней|недел\w*|小时|小時|分钟|分鐘|天|周|週)\s?(?:ago|назад|前)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """The text without URLs, and without a tweet's "— Name (@handle) date" tail: who
    posted it and when is not what it says. Nor is the time a screenshot or a forwarded post
    shows ("12:41", "10:15 AM"), nor the counts and the age an app shows under a post
    ("1.2K views", "👍 2.1K", "Reply · 2d"): taken out. A date written with its day or
    month ("23.6.2021", "06/2021", "2021-06-23", "24.06.21") is read as its year, and a year
    shortened to two digits ("June '21", "21年") as the whole year."""
    text = unicodedata.normalize("NFKC", text)
    text = split_handles(without_tweet_tail(without_links(text)))
    if ":" in text:
        text = _CLOCK.sub(" ", text)
    text = _AGE.sub(" ", _COUNTS.sub(_without_count, text))
    return _DATED.sub(_as_year, text)


def tokens(normalised: str) -> list[str]:
    """The words of a normalised text."""
    return normalised.split()


# A Chinese clause that only asks whether what came before holds, or asks for it to be
# checked: "这是真的吗" (is this true?), "有人核查过这个说法吗" (has anyone checked this
# claim?), "能帮忙核实吗" (can you help verify?), "靠谱吗" (reliable?), "出处？" (source?).
# Of these words alone, as an English clause of stop words alone ("is this true?") is. So is
# a clause that only takes a side on it, as people send a claim without asking: everyone knows
# it ("大家都知道", "人人都知道"), a dare ("证明我错了", prove me wrong; "不服来辩"; "你敢说不是吗";
# "不信你去查"), a laugh or anger ("笑死", "呵呵", "气死我了"), no evidence at all
# ("一点证据都没有"), don't fool me ("别骗我了").
_ZH_ASKING_WORDS = (
    "这个", "这是", "这条", "这些", "那个", "这", "那", "是不是", "是否", "是", "不是",
    "真的", "假的", "真假", "真有其事", "属实", "可信", "能信", "靠谱", "准确", "对不对", "对",
    "有没有", "有人", "有", "没有", "人", "能不能", "能", "可以", "可不可以", "帮忙", "帮我", "帮",
    "请", "麻烦", "你们", "你", "大家", "一下", "下", "过", "吗", "呢", "吧", "啊", "呀", "么",
    "嘛", "了", "的", "还是", "到底", "究竟", "说法", "消息", "事实", "证据", "来源", "出处",
    "核实", "核查", "查核", "查证", "求证", "证实", "确认", "辟谣", "谣言", "查", "看看", "看",
    "都", "知道", "人人", "谁都", "众所周知", "证明", "我", "错了", "错", "不服", "来辩", "来战",
    "敢", "说", "不信", "去", "反驳", "笑死", "呵呵", "哈哈", "气死", "服了", "无语", "离谱",
    "搞笑", "可笑", "别", "骗", "骗人", "一点",
    # and as news and reports write it: "that (statement)", "this", "(the) matter", "basis",
    # "factual basis", "untrue", "reliable", "stand up to", "tenable", "the allegation",
    # "reportedly", "it is said", "independent", "gone through", "the saying"
    "该", "此", "此一", "一事", "依据", "事实依据", "不实", "可靠", "经得起", "站得住脚",
    "指控", "据报道", "据称", "报道", "独立", "经过", "之说",
)  # fmt: skip
_ZH_ASKING = re.compile(
    "(?:" + "|".join(sorted(_ZH_ASKING_WORDS, key=lambda w: (-len(w), w))) + ")+"
)


# A clause holding a Chinese character, as :func:`normalise` leaves it a word: the run between
# the marks that end one, or spaces.
_HAN_CLAUSE = re.compile(f"[^,.;:!?，。！？；：、\\s]*[{HAN}][^,.;:!?，。！？；：、\\s]*")


def without_chinese_asking(text: str) -> str:
    """``text`` with its Chinese clauses that only ask whether the rest holds or take a side
    on it (:data:`_ZH_ASKING_WORDS`) read as :func:`content_words` reads them, where something
    else is said: the question's "吗" on the clause before ("缅甸那些示威者都是拿钱办事的，大家
    都知道": "…拿钱办事的吗，"), what the claim's context reads of a question."""
    if not has_han(text):
        return text
    clauses = list(_HAN_CLAUSE.finditer(text))
    asking = [bool(_ZH_ASKING.fullmatch(simplified(m.group()))) for m in clauses]
    if not any(asking) or all(asking):
        return text
    read, at, before = [], 0, None
    for clause, asks in zip(clauses, asking, strict=True):
        read.append(text[at : clause.start()])
        at = clause.end()
        if not asks:
            read.append(clause.group())
            before = len(read) - 1
        elif before is not None and not read[before].endswith(("吗", "嗎")):
            read[before] += "吗"
    read.append(text[at:])
    return "".join(read)


def content_words(normalised: str) -> list[str]:
    """Words that carry meaning: no stopwords (English, and Russian closed-class words but its
    negations), no one-letter Latin words. Order kept. A Chinese clause that only asks
    whether the one before it holds (:data:`_ZH_ASKING_WORDS`) is the question's "吗" on it:
    "…引发抗议 这是真的吗" reads "…引发抗议吗", as the claims' phrasings ask."""
    words: list[str] = []
    for w in normalised.split():
        if w in NOT_CONTENT or (len(w) == 1 and w.isascii()):
            continue
        if _HAN.match(w) and _ZH_ASKING.fullmatch(w):
            if words and _HAN.search(words[-1]) and not words[-1].endswith("吗"):
                words[-1] += "吗"
            continue
        words.append(w)
    return words


def shared_start(*words: str) -> str:
    """The letters every one of ``words`` starts with ("протестующи" of "протестующих" and
    "протестующие")."""
    first = min(words, key=len, default="")
    end = next((i for i, c in enumerate(first) if any(w[i] != c for w in words)), len(first))
    return first[:end]


def inflected(a: str, b: str, ending: int = 2) -> bool:
    """Whether two folded words are forms of one word: a shared start of at least four
    letters, the shorter at most ``ending`` letters from its end (Мьянма, Мьянме; платил,
    платят; Thai, Thailand)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[: max(4, len(short) - ending)])


def word_count(normalised: str) -> float:
    """How many words a text holds, as English would write it: scripts without spaces
    counted by their characters (:data:`_CHARS_PER_WORD`), a run of digits in them as one
    word ("缅甸2020年大选": Myanmar, 2020, election)."""
    count = 0.0
    for word in normalised.split():
        unspaced = _UNSPACED.search(word)
        width = _chars_per_word(unspaced.group()) if unspaced else 0.0
        if not width:
            count += 1.0
            continue
        numbers = len(_DIGITS.findall(word))
        count += max(1.0, numbers + len(_DIGITS.sub("", word)) / width)
    return count


_UNSPACED = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for (low, high), _ in _CHARS_PER_WORD) + "]"
)


def has_unspaced_script(normalised: str) -> bool:
    """True when the text is written, at least in part, in a script written without spaces
    (Burmese, Thai, Chinese...): two of its characters or more. One alone is a face or a sign
    in a text of another script: the shrug "¯\\_(ツ)_/¯" is no Japanese, and an English question
    ending in it is read as English."""
    found = _UNSPACED.search(normalised)
    return found is not None and _UNSPACED.search(normalised, found.end()) is not None


def mostly_latin(text: str) -> bool:
    """True when most of the text's letters are Latin (the script the matcher's models were
    fitted on: English tweets and debate sentences)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < _LATIN_END)
    return 2 * latin >= len(letters)


def letter_script(text: str) -> str:
    """ "latin" or "cyrillic" when most of the text's letters are (:func:`mostly_latin`), else
    "other" (another script, or no letters)."""
    letters = [c for c in text if c.isalpha()]
    if letters and mostly_latin(text):
        return "latin"
    if 2 * sum(1 for c in letters if _cyrillic(c)) >= len(letters) > 0:
        return "cyrillic"
    return "other"


def trigrams(normalised: str, limit: int = 48) -> list[str]:
    """Distinct three-character pieces of the words of a text, at most ``limit``, spread evenly."""
    grams: list[str] = []
    seen: set[str] = set()
    for word in normalised.split():
        for i in range(len(word) - 2):
            gram = word[i : i + 3]
            if gram not in seen:
                seen.add(gram)
                grams.append(gram)
    if len(grams) <= limit:
        return grams
    step = len(grams) / limit
    return [grams[int(i * step)] for i in range(limit)]


def bigrams(normalised: str, limit: int = 8) -> list[str]:
    """Distinct two-character pieces of the words written in scripts without spaces."""
    grams: list[str] = []
    for word in normalised.split():
        if not _chars_per_word(word[0]):
            continue
        for i in range(len(word) - 1):
            gram = word[i : i + 2]
            if gram not in grams:
                grams.append(gram)
    return grams[:limit]


# Burmese negates a verb with မ before it and, as people speak and write in a chat, ဘူး after
# it ("မယူခဲ့ပါဘူး", did not take; "ဖြစ်မသွားခဲ့ဘူး", did not become); written prose ends a
# negated verb with ပါ or ချေ instead ("မဟုတ်ပါ", is not). The မ opens a syllable of its own:
# a consonant follows it that no asat closes nor virama stacks ("မယူ", "မသွား"), not a
# vowel sign or medial ("မဲ", vote; "မြန်မာ"; "မှု"). A ဘူး before လား asks, expecting yes
# ("မဟုတ်ဘူးလား", isn't it?), as "isn't it…" does in English: no negation.
MY_NOT = "\u1019"  # မ
_MY_NOT_SYLLABLE = r"(?<!\u1039)\u1019(?=[\u1000-\u1021](?![\u1039\u103a]))"
_MY_NEGATED = re.compile(
    _MY_NOT_SYLLABLE  # the nearest before the ending: no other in the verb
    + r"(?P<verb>(?:(?!"
    + _MY_NOT_SYLLABLE
    + r")\S)*?)"
    + r"(?P<end>ဘူး(?!လား)|ပါ(?=\s|$)|ချေ)"
)


BURMESE = "\u1000-\u109f"  # the Myanmar block: Burmese, Shan, Mon… letters and signs
_BURMESE = re.compile(f"[{BURMESE}]")

_DIGITS = re.compile(r"\d+")  # any script's digits ("2020", "၂၀၂၀")

# Where a Burmese syllable starts: a consonant or independent vowel that is not stacked under
# the one before (after a virama) nor closes the syllable before (before an asat, or a dot
# below and an asat).
SYLLABLE_START = re.compile(r"(?<!\u1039)[\u1000-\u102a\u103f](?!\u1037?[\u103a\u1039])")


def burmese_syllables(text: str) -> list[str]:
    """A Burmese text's syllables (:data:`SYLLABLE_START`), its stacked consonants and asats
    kept with the syllable before; "ရဲ့" one syllable; a run of digits one of its own
    ("၂၀၂၀"). What comes before the first syllable (a sign) is kept with it."""
    edges = sorted(
        {m.start() for m in SYLLABLE_START.finditer(text)}
        | {m.start() for m in _DIGITS.finditer(text)}
    )
    edges = [0, *edges[1:]] if edges else [0]
    return [text[a:b] for a, b in itertools.pairwise([*edges, len(text)]) if b > a]


# The markers closing the phrase of who does what a Burmese sentence says ("စစ်တပ်က…").
DOER_MARKERS = ("က", "ဟာ", "သည်")
BURMESE_SAY = "ပြော"  # "say", the verb every Burmese way of saying it opens with
# The markers that close a noun's phrase: who does it (DOER_MARKERS), whose ("ရဲ့"), as a
# syllable of its own inside a word ("ပူတင်ကပေးတဲ့", that Putin gave).
NOUN_MARKERS = frozenset((*DOER_MARKERS, "ရဲ့"))

# The particles that close a Burmese phrase: who does it (DOER_MARKERS), to whom ("ကို"),
# where or when ("မှာ", "တွင်", "သို့"), whose ("ရဲ့", "၏"), with ("နဲ့"), the plural ("တွေ",
# "များ"), "and then" ("ပြီး"), "because" ("လို့", "ကြောင့်"), a sentence's ending ("တယ်") and
# the hearsay "they say" ("တဲ့"). Each is a syllable of its own.
PHRASE_CLOSERS = frozenset(
    (*DOER_MARKERS, "ကို", "မှာ", "တွင်", "သို့", "ရဲ့", "၏", "နဲ့", "တွေ", "များ", "ပြီး",
     "လို့", "ကြောင့်", "တယ်", "တဲ့")
)  # fmt: skip
RUN_TOGETHER = 6  # syllables: a word written apart is shorter ("ဆန္ဒပြသူတွေဟာ" has five)


def phrased_burmese(text: str) -> str:
    """``text`` with each run of Burmese written together, of :data:`RUN_TOGETHER` syllables
    or more, split after the particles that close a phrase (:data:`PHRASE_CLOSERS`): many
    people type Burmese with no space between words ("ဆန္ဒပြသူတွေကပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလား"),
    and what is read word by word (framing words, names, a verb's phrase) is then read phrase
    by phrase. Burmese written apart, and any other script, is as it was; Burmese typed in
    Zawgyi is read in Unicode first (:func:`zawgyi.to_unicode`: its letters stand in another
    order)."""
    if not has_burmese(text):
        return text
    text = zawgyi.to_unicode(text)
    words = []
    for word in text.split():
        syllables = burmese_syllables(word) if has_burmese(word) else []
        if len(syllables) < RUN_TOGETHER:
            words.append(word)
            continue
        phrase = ""
        for syllable, following in itertools.pairwise(syllables):
            phrase += syllable
            # A particle opening a phrase closes none: "ကလေး" (a child) opens with "က".
            if (
                syllable in PHRASE_CLOSERS
                and following not in PHRASE_CLOSERS
                and phrase != syllable
            ):
                words.append(phrase)  # "…တွေက": the plural and who does it, one phrase
                phrase = ""
        words.append(phrase + syllables[-1])
    return " ".join(words)


def has_burmese(text: str) -> bool:
    """True when the text holds a letter or mark of the Myanmar script (one regex search: it
    runs for every candidate a question is compared with)."""
    return _BURMESE.search(text) is not None


def burmese_negations(normalised: str) -> list[re.Match[str]]:
    """The negated verbs of a Burmese text (:data:`_MY_NEGATED`): each from its မ to its ending,
    within one run of letters."""
    return list(_MY_NEGATED.finditer(normalised)) if MY_NOT in normalised else []


def without_burmese_negations(normalised: str) -> str:
    """The text with its Burmese negated verbs said positively: the negating မ and a spoken
    ဘူး taken out ("မယူခဲ့ပါဘူး" → "ယူခဲ့ပါ"), so that what is negated can be looked for in a
    claim's wording. The caller says that the question was negated."""
    negated = burmese_negations(normalised)
    if not negated:
        return normalised
    parts: list[str] = []
    at = 0
    for found in negated:
        end = found.group("end")
        parts += [normalised[at : found.start()], found.group("verb"), "" if end == "ဘူး" else end]
        at = found.end()
    return "".join([*parts, normalised[at:]])
