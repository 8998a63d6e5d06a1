"""The pieces of a question written without spaces or letter case (Burmese, Chinese) that a
claim's texts lack: where capitals cannot show a name, such a piece is what marks another
subject (:mod:`knowledge.matching.context`). The words a question wraps a claim in ("မှန်လား",
"是真的吗") are set aside first; Chinese pieces of ordinary words only, as jieba's dictionary
splits them, are no name (:func:`knowledge.matching.names.chinese_names`); nor is a Burmese
piece the question adds inside the claim's words that its grammar shows is a verb's phrase
(:func:`_added`), nor one it adds anywhere, or has in place of some of the claim's words
while keeping those of content (:func:`_keeps_content`), that a dictionary shows is verbs,
adverbs and grammar only (:func:`_looked_up`, :mod:`knowledge.matching.burmese_words`). A
Burmese negated verb is looked for as the verb, and the negation weighed apart
(:func:`burmese_negation_mismatch`).
Grammar, not topics: nothing here is keyed to a claim.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale
from rapidfuzz.distance import OSA

from knowledge.matching import burmese_words, predicates
from knowledge.matching import names as namelib
from knowledge.matching import numbers as numlib
from knowledge.matching import text as textlib
from knowledge.matching.wording import NOT_NAMES

# The words a Chinese supposition opens with: "if", "suppose", "what if" (framing, and taken
# off a piece's start).
SUPPOSING_ZH = ("如果", "假如", "假设", "要是", "万一")

# The closed-class words a question wraps a claim in, in the scripts written without spaces
# that the built-in base's readers use (as "is it true that", "really" and "I heard" are
# stop words in English, knowledge.matching.text.STOPWORDS): question particles, "is it true",
# "they say", markers of topic, subject, object, tense and plural. They are no subject of their
# own, so they never mark another one. Longest first: taken off the end of a piece (particles
# and endings close a Burmese phrase or a Chinese question; never from inside a word), and the
# few that open a question (LEADING_WORDS) off its start, before what is left is looked for in
# the claim's texts. A single letter is never taken off the start: "က" opens many a name.
FRAMING_WORDS = tuple(
    sorted(
        {
            # Burmese: "true?", "is it so?", "really", "they say", particles and endings
            "မှန်သလား", "မှန်လား", "မှန်ရဲ့လား", "မှန်", "ဟုတ်သလား", "ဟုတ်လား", "ဟုတ်",
            "တကယ်ပဲ", "တကယ်", "အမှန်", "ဆိုတာ", "ဆိုပြီး", "ဆို", "ကြားတယ်", "ကြားရ",
            "ပြောခဲ့တာ", "ပြောတယ်", "ပြောတာ", "ပြော",  # "said", who said it named before
            "ပြောချက်", "ပြောကြားချက်", "ထုတ်ပြန်ချက်",  # "statement", "announcement", his
            "သလား", "လား", "သလဲ", "လဲ", "တဲ့", "ဟာ", "ကို", "မှာ", "တွေ", "များ",
            "ကြောင့်", "လို့",  # "because of", "because" / "that"
            "သည်", "တယ်", "ခဲ့", "နေ", "ပြီ", "တာ", "ကြ", "ပါ", "က",
            "အထိ", "ပဲ", "နဲ့", "ရဲ့",  # "up to", "only", "with", "of" (spoken forms)
            "ပြီး", "ဆီက", "ဆီ", "ကနေ", "မှ", "အတွက်", "တို့",  # "and then", "from (someone)",
            # "to", "from", "from, even", "for", plural of a pronoun (not "than", "can" or "want
            # to": ထက်, နိုင် and ချင် end names, "ထက်ထက်", "ကချင်")
            "လာ", "သွား", "မယ်",  # "come to", "go", "will"
            "ရ",  # "get to", "have to", after a verb ("ကြောက်နေရတာ", having to be afraid)
            "ကြား", "တွေ့",  # "hear", "see" (English: "heard", "saw")
            "မလား", "ပါ့", "ပေးပါ",  # "will it …?", ပါ before it, "please (do it for me)"
            "နော်",  # "…, right?", "…, you know", closing a sentence
            # Chat's particles: "as for", "of course", "you see", a man's polite "sir", "yet"
            # after a request ("ပေးပါဦး", please do), "or" of asking twice ("ဟုတ်ရောဟုတ်ရဲ့လား"),
            # "huh?" after a question ("ဟုတ်လားဟင်"); "yet" as chat spells it ("ပေးပါအုံး"), and
            # a woman's polite particle, as "ဗျ" is a man's ("ဆရာတို့ရှင့်")
            "တော့", "ပေါ့", "လေ", "ဗျာ", "ဗျ", "ဦး", "ရော", "ဟင်", "အုံး", "ရှင့်",
            "တစ်ယောက်",  # "one (person)", the classifier after who: "အစ်ကိုတစ်ယောက်", a brother
            "တစ်ခု",  # "one (thing)": "channel တစ်ခုက", a channel
            "ထဲ", "ဆိုရင်",  # "in" ("group ထဲ", in the group), "if so"
            "ထား",  # "has done", after a verb ("ငွေယူထားတယ်", has taken money)
            "ထင်",  # "I think", after what is thought ("ဖြစ်မယ်ထင်ပါတယ်", it must be, I think)
            # a supposition: "let's say" (after what is supposed), "even if", "if it is true"
            "ဆိုပါစို့", "ဆိုကြပါစို့", "ဆိုရင်တောင်", "မှန်ရင်",
            "တုန်း",  # "while", "back when" ("မော်စကိုသွားတုန်းက", when he went to Moscow)
            "လို",  # "လို့" (that, because) typed without its dot
            "၏", "တွင်", "သို့", "နှင့်", "၍", "သော", "မည်",  # the written forms of those
            # and of "that" (quoting: "လို့", "ဆိုတဲ့"; "…ကြောင်း", that it is so), "at", "with",
            # the object's marker, the nominaliser ("တာ"), and the question's "လား"
            "ဟု", "ဟူသော", "ဟူ၍", "ကြောင်း", "၌", "ဖြင့်", "အား", "ခြင်း", "လော",
            "အတိုင်း",  # "as (it says)": "ဒီခေါင်းစဉ်အတိုင်း", as this headline has it
            "စကား",  # "words" of a saying: "…ဆိုတဲ့စကား", the saying that…
            "ဝါဒ", "သမား",  # "-ism", "-er": a noun of the root's meaning, as "မှု" and "သူ" make
            "နိုင်ငံ", "ပြည်",  # "country", after a place's name (မြန်မာပြည်: Myanmar)
            "သ",  # of "သလား" when the question's "လား" lines up with the claim's
            # Chinese: "is it true", "really", "I heard", "is it or not", particles
            "是真的吗", "是不是真的", "真的吗", "真的", "是不是", "是否", "有没有", "听说", "据说",
            "有人说", "请问", "吗", "呢", "吧", "了", "的", "是", "都", "就", "已经", "才", "在",
            *SUPPOSING_ZH,  # and a supposition's
            # and Cantonese's (names.CANTONESE: "係咪真㗎", is it true?)
            *namelib.CANTONESE,
        },
        key=lambda word: (-len(word), word),  # the same order in every process
    )
)  # fmt: skip

_FRAMING = frozenset(FRAMING_WORDS)

# What the written language ends a word with besides: "what, whether?" ("ရှိပါသနည်း", is
# there?), "according to" ("ပြောကြားချက်အရ"), "it is (that)" ("…ကြခြင်းဖြစ်ကြောင်း"), "in
# order to", "only", "that" before a noun ("ပြောကြားခဲ့သည့်"), "within", "among". Taken off a
# piece as framing words are, to read what is left (:func:`_unframings`), but not counted as
# framing where a question's words are weighed (knowledge.matching.syllables): "ဖြစ်" (is,
# becomes) is what one claim says. Not "in" of a place ("ရှိ"): typed in haste it is "ရိ",
# which ends "အမေရိက", America.
WRITTEN_ENDINGS = frozenset({"သနည်း", "အရ", "ခြင်းဖြစ်", "ဖြစ်", "ရန်", "သာ", "သည့်", "အတွင်း", "အကြား"})
_PIECE_ENDINGS = _FRAMING | WRITTEN_ENDINGS


LEADING_WORDS = tuple(
    sorted(
        (
            "是不是", "有人说", "真的", "听说", "据说", "请问", "တကယ်ပဲ", "တကယ်", "ကြားတယ်",
            *SUPPOSING_ZH, "တကယ်လို့",  # "if", "suppose"
            *namelib.CANTONESE_ASKING,
            "ကျွန်တော့်", "ကျွန်တော်", "ကျွန်မ", "ငါ့", "သူ့", "အဲဒီ",  # "my", "I", "his", "that"
            "ကျနော့်", "ကျနော်", "ကျမ",  # "my", "I" (a man's, a woman's), as chat spells them
            "ယင်း", "ဤ",  # "that", "this", as the written language has them ("ယင်းသတင်း")
        ),
        key=lambda word: (-len(word), word),  # longest first, as FRAMING_WORDS
    )
)  # fmt: skip

# Burmese words of a closed class that are a piece on their own: pronouns, "this" and "that",
# question words, "so", "but", "people", as English holds "i", "my", "this", "who", "what",
# "so", "but" and "people" among its stop words (knowledge.matching.text.STOPWORDS). Alone
# they name nothing the claim lacks.
CLOSED_WORDS = frozenset(
    {
        "ကျွန်တော်", "ကျွန်တော့်", "ကျွန်မ", "ကျွန်ုပ်", "ငါ", "ငါ့", "သူ", "သူ့",
        "ဒါ", "ဒီ", "အဲဒါ", "အဲဒီ", "ထို", "၎င်း", "ဘယ်သူ", "ဘယ်သူ့", "ဘာ", "ဘယ်",
        # "that", "so", "then" as chat spells them (အဲ့ for အဲ)
        "အဲ့", "အဲ့ဒါ", "အဲ့ဒီ", "အဲ့တာ", "အဲ့ဒါကြောင့်", "အဲ့ကြောင့်", "ဒါဆို",
        "ဒါကြောင့်", "ဒါပေမဲ့", "ဒါပေမယ့်", "ပြီးတော့", "သို့မဟုတ်", "လူ", "တစ်ယောက်ယောက်",
        # What a request to a fact-checker wraps the claim in: "correct", "I want to know", "I
        # want to ask", "check", "tell me", "(this) news", "this post", "written"
        "မှန်ကန်", "သိချင်", "မေးချင်", "စစ်ဆေး", "ပြောပြ", "မေး", "ထင်",  # "ask", "think"
        "စိစစ်",  # "verify" ("စိစစ်ပေးပါ", please verify)
        "ဟို", "ဟိုလူ",  # "that (one) there", "that man"
        # "this man", "this old man", "that old man" (as English reads "this guy", no name)
        "ဒီလူ", "ဒီလူကြီး", "ဟိုလူကြီး", "အဲဒီလူ", "အဲ့ဒီလူ", "အဲ့လူ",
        "ကျနော်", "ကျမ",  # "I" (a man's, a woman's), as chat spells them
        *textlib.GREETINGS_MY,  # "hello", "hi", "hey"
        "မှတ်မိ", "သေချာ",  # "remember", "sure" ("သေချာတော့ မမှတ်မိဘူး", I don't remember well)
        "လိုမျိုး", "မေးခိုင်း",  # "something like" (…လိုမျိုး ပြောတာ), "asked (me) to ask"
        "သတင်း", "ဒီသတင်း", "ဒီပို့စ်", "ဒီစာ", "ရေးထား",
        # and as the written language words them: "this", "that", "the said"; "ask", "wish to
        # ask", "wish to know", "confirm", "kindly request", "humbly ask"; a headline; "know"
        # ("သိရှိရပါသည်", it is learned that)
        "ဤ", "ယင်း", "အဆိုပါ", "မေးမြန်း", "မေးမြန်းလို", "မေးလို", "သိလို", "သိရှိလို",
        "အတည်ပြု", "အတည်ပြုလို", "မေတ္တာရပ်ခံ", "မေးမြန်းအပ်", "မေတ္တာရပ်ခံအပ်",
        "ခေါင်းစဉ်", "သတင်းခေါင်းစဉ်", "ဒီခေါင်းစဉ်", "ဒီသတင်းခေါင်းစဉ်", "သိရှိ",
        "ထား",  # "has done" after a verb ("share ထားတယ်", has shared), as "ရေးထား" is "written"
        # What the written language asks a claim with: "is there", "is it consistent with the
        # facts", "the true events", "sound", "basis", "the allegation", "the statement", "the
        # assertion", "wrong", "truly", "accurate", "correctness"
        "ရှိ", "ကိုက်ညီ", "အချက်အလက်", "ဖြစ်ရပ်မှန်", "ခိုင်လုံ", "အခြေခံ", "အခြေခံမှု",
        "စွပ်စွဲချက်", "ပြောဆိုချက်", "အဆို", "မှားယွင်း", "အမှန်ပင်", "အမှန်တကယ်", "တိကျ",
        "မှန်ကန်မှု", "မမှန်ကန်", "ဆိုနိုင်",  # "not correct", "can one say"
        # Laughter and "oh my": chat's interjections, sincere or scornful ("lol", "haha")
        "ဟားဟား", "ဟားဟားဟား", "ဟဲဟဲ", "ဟီးဟီး", "အမလေး",
    }
)  # fmt: skip

# Burmese words of when, relative to now or to the story, as English "now", "then", "after":
# "later", "at first", "now" (spoken, written), "today", "year" (after a number: "၂၀၂၁
# ခုနှစ်"; as the written language has it, "၂၀၂၀ ပြည့်နှစ်"). The dictionary has them as
# nouns, but they name no one and nothing (a year beside them is weighed as a number:
# knowledge.matching.numbers), so a question that adds one, or has one in place of the
# claim's words while keeping its words of content, says no more (:func:`_looked_up`). In
# place of a word of content the question drops they are read as any piece there is
# (:func:`_instead`): "later" for "taking money" is another claim.
WHEN_WORDS = frozenset(
    {"နောက်ပိုင်း", "အစပိုင်း", "အစ", "အခု", "ယခု", "ဒီနေ့", "ခုနှစ်", "ပြည့်နှစ်"}
    # and as people half remember: "a while back" (and "that while back"), "before" (and
    # "that before": "ဟိုအရင်က", back then)
    | {"တလော", "ဟိုတလော", "အရင်", "ဟိုအရင်"}
)
# And the names of the months, of the calendar most write (CLDR's, in full: "ဇွန်", June) and
# of the Myanmar calendar ("နယုန်", "တန်ဆောင်မုန်း"); the day ("ရက်"); the seasons (summer, the
# rains, winter: "နွေ", "မိုး", "ဆောင်း"), with the words closing a phrase of when after them
# ("ဇွန်လကုန်အထိ", until the end of June; "နွေရာသီမှာ", in summer; "ခုနှစ်က", in the year).
MYANMAR_MONTHS = (
    "တန်ခူး", "ကဆုန်", "နယုန်", "ဝါဆို", "ဝါခေါင်", "တော်သလင်း", "သီတင်းကျွတ်",
    "တန်ဆောင်မုန်း", "နတ်တော်", "ပြာသို", "တပို့တွဲ", "တပေါင်း",
)  # fmt: skip
_SEASONS = ("နွေ", "မိုး", "ဆောင်း")
_WHEN_ENDINGS = (
    "ရာသီ", "ကုန်", "ဆန်း", "လယ်", "လ", "ထဲ", "တုန်းက", "နား", "အထိ", "ထိ", "မှာ", "က",
    # after, early in, about, starting from: "ဖေဖော်ဝါရီနောက်ပိုင်း", after February;
    # "နှစ်လယ်လောက်က", around the middle of the year
    "နောက်ပိုင်း", "အစပိုင်း", "လောက်", "ကစပြီး", "ကစ",
)  # fmt: skip


@cache
def _when_words() -> frozenset[str]:
    """:data:`WHEN_WORDS`, the months of both calendars, the seasons, the day and the year."""
    months = Locale.parse("my").months
    named = {
        name for context in ("format", "stand-alone") for name in months[context]["wide"].values()
    }
    return WHEN_WORDS | named | set(MYANMAR_MONTHS) | set(_SEASONS) | {"ရက်", "နှစ်"}


def is_when(word: str) -> bool:
    """Whether a Burmese ``word`` says when and nothing else (:data:`WHEN_WORDS`, a month, the
    day, a season), with what closes a phrase of when after it taken off."""
    known = _when_words()
    while word not in known:
        ending = next((e for e in _WHEN_ENDINGS if word.endswith(e) and len(word) > len(e)), None)
        if ending is None:
            return False
        word = word[: -len(ending)]
    return True


# Who passed a message on, and where, in Burmese (relatives, friends, colleagues; forwarding,
# sharing, posts, media, believing and arguing over it): no subject of a claim, as the words of
# passing a message on are not in English and Russian (textlib.PASSING_ON, which also reads
# the English words Burmese writes them with: "viber", "share", "fwd") and Chinese
# (knowledge.matching.names.PASSING_ON). Whole pieces only, framing words taken off
# ("ဦးလေးက", uncle + the subject's marker).
# Its people (family, friends, neighbours, colleagues, a customer), who may tell the asker
# (_tells), and the rest.
PEOPLE_PASSING_ON = frozenset(
    {
        "အမေ", "အမေ့", "မေမေ", "အဖေ", "အဖေ့", "ဖေဖေ", "ဦးလေး", "အဒေါ်", "ဒေါ်လေး", "အစ်ကို",
        "အစ်မ", "ညီမ", "အဘိုး", "အဘွား", "သူငယ်ချင်း", "မိတ်ဆွေ", "လုပ်ဖော်ကိုင်ဖက်", "အိမ်နီးချင်း",
        "ဆွေမျိုး", "မိသားစု", "ယောက်ျား", "ဇနီး", "ဘကြီး",
        "အဖွား",  # grandmother, as most spell it
        "ဖောက်သည်",  # a customer (who said it in the shop)
        "မေမေ့", "ဖေဖေ့", "အန်တီ", "အန်တီ့", "အန်ကယ်",  # mum's, dad's; auntie, uncle (English)
        "ဝမ်းကွဲ", "အစ်ကိုဝမ်းကွဲ", "အစ်မဝမ်းကွဲ", "ညီမဝမ်းကွဲ",  # a cousin, alone and with the kin word
    }
)  # fmt: skip
PASSING_ON = PEOPLE_PASSING_ON | frozenset(
    {
        "ရုံး", "ဖုန်း",  # the office, the phone it came on
        "ပို့", "လှမ်းပို့", "ပို့ပေး", "ပို့ပေးတာ", "ပို့လာ", "ရှယ်", "မျှဝေ",
        "ပို့စ်", "ဗီဒီယို", "မီဒီယာ", "ဂရုပ်", "ချန်နယ်", "ဖေ့စ်ဘုတ်", "တီဗီ", "ရေဒီယို",
        "ယုံ", "ယုံနေ", "ငြင်း", "ငြင်းနေ",
        "admin", "အက်ဒမင်",  # the group's admin, asked to check ("admin စစ်ပေးပါဦး")
        # evidence, "is there evidence?", "real?" ("ဒါ အစစ်လား"), asking of a rumour
        "အထောက်အထား", "အထောက်အထားရှိ", "အစစ်", "သက်သေ", "သက်သေရှိ",  # evidence, proof
        "စစ်ပေး", "စိစစ်ပေး", "စစ်ဆေးပေး",  # check it (for me), asked of whoever reads it
        # taking a side on it, as a claim is sent without asking: everyone knows, (he is)
        # lying, propaganda, try saying (it is fake), what I read, wrong, the truth
        "လူတိုင်းသိ", "သိ", "လိမ်", "ဝါဒဖြန့်", "ဝါဒဖြန့်ချက်", "ပြောကြည့်", "ဖတ်ရ", "မှား", "အမှန်",
        # what a screenshot shows around a post: Facebook (as spelt otherwise), the app's
        # buttons (like, comment, share) and its counts' words
        "ဖေ့စ်ဘွတ်ခ်", "လိုက်ခ်", "မှတ်ချက်", "မှတ်ချက်ပေးရန်", "မျှဝေရန်", "မျှဝေမှု", "ကော်မန့်",
    }
)  # fmt: skip


# Who else of everyday life tells the asker a rumour: a teacher (and a driver, called so), a
# monk, a landlord, a shop's owner, a vendor, a boss, a waiter, a lad, a girl, a parent. Read
# as who passed it on only where a verb of saying follows ("ဆရာက ပြောတယ်", the teacher says;
# :func:`_tells`): before a deed they are its doers ("ဘုန်းကြီးတွေ ပိုက်ဆံယူ…", monks took money).
EVERYDAY_TELLERS = frozenset(
    {
        "ဆရာ", "ဆရာမ", "ဆရာတော်", "ဘုန်းကြီး", "ဦးဇင်း", "အိမ်ရှင်", "ဆိုင်ရှင်", "ဈေးသည်",
        "သူဌေး", "စားပွဲထိုး", "ကောင်လေး", "ကောင်မလေး", "မိဘ", "ဒရိုင်ဘာ",
    }
)  # fmt: skip
_TELLERS = tuple(sorted(EVERYDAY_TELLERS | PEOPLE_PASSING_ON, key=len, reverse=True))
# One person after who tells it ("ဆရာတော်တစ်ပါး", a monk; "ဦးလေးတစ်ယောက်", an uncle).
_ONE_PERSON = tuple(f"{one}{c}" for one in ("တစ်", "တ") for c in ("ယောက်", "ဦး", "ပါး"))
# The verbs of saying, as a syllable: say, say (of a monk); the verbs of telling that follow
# who told it: those, show, send, share; and of being told: those, hear.
_SAYING = frozenset((textlib.BURMESE_SAY, "မိန့်"))
_TELLING = _SAYING | {"ပြ", "ပို့", "ရှယ်", "share"}
_TOLD = _SAYING | {"ကြား"}

# Where people meet and talk, marked as where one heard it ("လက်ဖက်ရည်ဆိုင်မှာ", at the tea
# shop; "ဘတ်စ်ကားပေါ်မှာ", on the bus): the asker's setting, as a word in small letters is in
# English. Only before a marker of where: "ကျောင်းတွေ" (schools) may be what a claim speaks of.
HEARD_AT = frozenset(
    {
        "ဈေး", "လက်ဖက်ရည်ဆိုင်", "ဆိုင်", "စားသောက်ဆိုင်", "စားသောက်ဆောင်", "ဆေးခန်း", "ဆေးရုံ",
        "ဘုန်းကြီးကျောင်း", "ကျောင်း", "အတန်း", "ရုံး", "အလုပ်", "အလုပ်ခွင်", "မင်္ဂလာဆောင်",
        "အသုဘ", "ကားမှတ်တိုင်", "ဘတ်စ်ကား", "ကား", "ကူးတို့", "ဓာတ်ဆီဆိုင်", "ဘောလုံးပွဲ",
    }
)  # fmt: skip
# Inside, on, near, before a marker of where ("ဈေးထဲမှာ", in the market).
_WHERE_IN = ("ထဲ", "ပေါ်", "နား", "ရှေ့")
_FROM = "က"  # from ("လက်ဖက်ရည်ဆိုင်က", from the tea shop)


# "As a …" with the classifier of a person ("ဆရာမတစ်ဦးအနေဖြင့်", as a teacher;
# "…တစ်ယောက်အနေနဲ့"): who asks, describing themselves, no subject of the claim. Not "…အနေနဲ့"
# alone, which may put a doer ("အစိုးရအနေနဲ့", the government, as such).
AS_SUCH = ("အနေဖြင့်", "အနေနဲ့", "အနေနှင့်")
AS_ONE = tuple(
    f"{one}{person}{a_s}" for one in ("တစ်", "တ") for person in ("ဦး", "ယောက်") for a_s in AS_SUCH
)
# And "(I am) a …", the same classifier closed by the polite "ပါ" ("ကျောင်းသူတစ်ယောက်ပါ။", I am
# a student): who asks, introducing themselves.
AS_ONE += tuple(f"{one}{person}ပါ" for one in ("တစ်", "တ") for person in ("ဦး", "ယောက်"))


def unknown_pieces(
    question: str, phrasing: str, subject: Iterable[str], known: Iterable[str] = ()
) -> list[str]:
    """In scripts written without spaces, or without letter case, names cannot be read from
    capitals: the pieces of at least two characters that the question has in place of, or
    beside, the claim's closest phrasing, and that none of the claim's texts holds ("泰国"
    in place of "缅甸2020年"), once the words a question wraps a claim in
    (:data:`FRAMING_WORDS`: "is it true", question particles) are taken out, with the
    ``known`` names (those the claim's context names in another language: "缅甸" for
    "Myanmar"), and that may be names: in Chinese a piece of ordinary words only, as jieba's
    dictionary reads the question (:func:`knowledge.matching.names.chinese_names`:
    "活动变成", activities become), is none. A question with such pieces speaks of something
    the claim does not."""
    return [p.text for p in read_pieces(question, phrasing, subject, known) if not p.ordinary]


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a question the claim's texts lack (:func:`unknown_pieces`): in Chinese,
    ``names`` are its words that are no ordinary words (none: it is ordinary words only). In
    Burmese its words are not read (``names`` is None), but a verb's phrase the question adds
    inside the claim's words holds none (:func:`_added`)."""

    text: str
    names: tuple[str, ...] | None = None

    @property
    def ordinary(self) -> bool:
        return self.names == ()


def read_pieces(
    question: str,
    phrasing: str,
    subject: Iterable[str],
    known: Iterable[str] = (),
    setting: Iterable[str] = (),
) -> list[Piece]:
    """Every piece :func:`unknown_pieces` reads, ordinary words too. A word the claim's
    ``setting`` holds (who made it, the summary, in any language) is no name foreign to it,
    as in English: "敏昂莱" (Min Aung Hlaing), the speaker, is in the Chinese summary."""
    known = tuple(dict.fromkeys(known))  # a place named a hundred times is one name
    subject = tuple(subject)
    small = small_latin(question)
    asked = textlib.normalise(question)
    # The names known to the claim's context are no piece, nor part of one: taken out before
    # the question is lined up with the phrasing, which may share some of their letters and
    # split them ("မင်းအောင်" and "အောင်လှိုင်" of "မင်းအောင်လှိုင်", Min Aung Hlaing).
    for name in sorted(known, key=len, reverse=True):  # a name holding another first
        asked = asked.replace(name, " ")
    # A Burmese negated verb is looked for as the verb ("မယူခဲ့ပါဘူး", did not take: "ယူ", take):
    # the negation is the question's, weighed apart (negation.mismatch), not a piece.
    asked = textlib.without_burmese_negations(asked)
    closest = textlib.without_burmese_negations(textlib.normalise(phrasing))
    texts = [textlib.normalise(t).replace(" ", "") for t in subject]
    setting = tuple(setting)
    held = [*texts, *known, *(textlib.normalise(t).replace(" ", "") for t in setting)]
    # The setting's words, and whom the message calls to: no subject of the claim either.
    said = setting_words(setting) | _addressed(question)
    pieces = []
    # A piece in place of the claim's words is looked up too where the question keeps every
    # word the claim's phrasing says what happens with: then it words a verb or an aside
    # anew, as a synonym does; another deed takes the claim's own away (_keeps_content).
    reworded = _keeps_content(closest, asked, known)
    # Where it also keeps every noun of the phrasing, it restates the claim: a noun it adds is
    # an aside, read as a word in small letters is in English (burmese_words.may_name).
    restated = reworded and _keeps_nouns(closest, asked, known)
    # The classes the claim asserts, which a question naming none of is read for apart
    asserted = predicates.asserted(subject)
    for tag, i1, i2, j1, j2 in _edits(closest, asked):
        if tag not in ("replace", "insert"):
            continue
        if tag == "replace" and j2 - j1 == 1 and _another_country(asked[j1], closest[i1:i2]):
            pieces.append(Piece(asked[j1], (asked[j1],)))
            continue
        # Read again as whole syllables, an edit can show a framing word it split ("က"
        # kept, "ြောင့်" added, of "ကြောင့်"): unknown only if it is unknown read both ways.
        # (Not as whole syllables only: a typo's mark, "မူ" for "မှု", is no unknown piece.)
        if _unknown(asked, j1, j2, texts, known, held, said, small):
            edges = _cluster_edge(asked, j1, -1), _cluster_edge(asked, j2, 1)
            found = _unknown(asked, *edges, texts, known, held, said, small)
            if tag == "insert" and _inside(closest, i1):
                found = [_added(asked, edges[0], piece) for piece in found]
            if tag == "insert" or (
                reworded and not _drops_deed(closest, i1, i2, asked, texts, asserted)
            ):
                found = [
                    _looked_up(asked, edges[0], p, tag == "insert", closest, restated)
                    for p in found
                ]
            else:
                found = [_worded_anew(asked, edges[0], p, closest, texts) for p in found]
            pieces += [_restated(p, asked, closest) for p in found]
    return pieces


def _restated(piece: Piece, asked: str, phrasing: str) -> Piece:
    """A Burmese ``piece`` of the question ``asked`` that is a word of a closed class the
    claim's ``phrasing`` (normalised) has a word of, and grammar after it
    (:func:`predicates.burmese_restated`: "လူထု", the public, for "ပြည်သူ"; "ငွေအတွက်", for
    money, for "ပိုက်ဆံ"), is the claim's word in other words: ordinary. Not where it is
    marked as who does it ("လူထုက…", the public…): in the doer's place, it is another doer. A
    noun the lexicon holds would otherwise be read as what may be a name, as another doer in
    the claim's place is ("စစ်သား", soldiers)."""
    if piece.ordinary or not textlib.has_burmese(piece.text):
        return piece
    rest = predicates.burmese_restated(_unframed(piece.text), phrasing)
    if rest is None or _marked_doer(asked, piece.text) or piece.text.endswith(_WHERE_MARKERS):
        return piece  # no class word, another doer, or where ("ရပ်ကွက်ထဲမှာ", in the ward)
    kinds = burmese_words.kinds()
    held = [phrasing.replace(" ", "")]  # normalised already, as read_pieces reads it
    if all(kinds.get(w) == burmese_words.GRAMMAR or _held(w, held) for w in _segmented(rest)):
        return Piece(piece.text, ())  # grammar after it, or the phrasing's own words ("ငွေယူ")
    return piece


# The markers of where, after a noun ("မှာ", "တွင်", "၌", at, in): a word of a class of people
# so marked names a place ("ရပ်ကွက်ထဲမှာ", in the ward), not the people it is of.
_WHERE_MARKERS = ("မှာ", "တွင်", "၌")


def _marked_doer(asked: str, text: str) -> bool:
    """Whether ``text``, where ``asked`` first holds it, is marked as who does it: the
    syllable after it, and after its plural, is one of textlib.DOER_MARKERS ("က", not "ကို",
    whom, nor "ကြောက်", fear)."""
    at = asked.find(text)
    if at < 0:
        return False
    after = [s.strip() for s in textlib.burmese_syllables(asked[at + len(text) :])]
    after = [s for s in after if s][:2]
    if after and after[0] in _PLURAL:
        after = after[1:]
    return bool(after) and after[0] in textlib.DOER_MARKERS


def _edits(closest: str, asked: str) -> list[tuple[str, int, int, int, int]]:
    """The opcodes that turn ``closest`` into ``asked`` (difflib's), where an edit, the
    combining marks the two texts share after it, and the edit after those are one: a vowel
    sign in common does not split a word ("ာ" of "ဟာ" and of "အနောက်", west, would leave no
    piece of "အနောက်" whole)."""
    opcodes = difflib.SequenceMatcher(None, closest, asked, autojunk=False).get_opcodes()
    edits: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        marks_only = all(unicodedata.category(c).startswith("M") for c in asked[j1:j2])
        if edits and edits[-1][0] != "equal" and (tag != "equal" or marks_only):
            _, i1, _, j1, _ = edits.pop()
            tag = "replace" if i2 > i1 and j2 > j1 else "insert" if j2 > j1 else "delete"
        edits.append((tag, i1, i2, j1, j2))
    return edits


# Part-of-speech tags (jieba's) of words that open a Chinese claim before who or what it is
# about: places, numbers, times, prepositions ("在缅甸…", in Myanmar).
_SETTING_TAGS = ("ns", "m", "t", "p")


def replaced_opening(
    question: str,
    phrasing: str,
    subject: Iterable[str],
    known: Iterable[str] = (),
    alone: bool = True,
) -> tuple[str, str] | None:
    """The pair :func:`opening_put` finds, where it is all the question says anew, or
    (not ``alone``) beside other new words too."""
    found = opening_put(question, phrasing, subject, known)
    if found is None or (alone and not found[1]):
        return None
    return found[0]


def opening_put(
    question: str, phrasing: str, subject: Iterable[str], known: Iterable[str] = ()
) -> tuple[tuple[str, str], bool] | None:
    """In Chinese, as :attr:`~knowledge.matching.context.Comparison.replaced` reads scripts
    with letter case: the word a question puts in place of the first word of content of the
    claim's closest phrasing (after its place, time and framing words: "抗议者" of
    "缅甸抗议者是收钱的恐怖分子吗", most often who does what the claim says), or of the phrase
    it opens ("抗议活动", protest activities), where that is all the question says anew:
    ("士兵", "抗议者") for "缅甸士兵是收钱的恐怖分子吗"; ("工人罢工", "抗议") for
    "缅甸工人罢工已经升级到恐怖主义阶段了", against "缅甸的抗议活动升级为恐怖主义了吗". The
    question's word is one no text of the claim (``subject``) holds, nor one of their words
    with a character wrong ("抗义者"), nor a name the context knows (``known``); the question
    lacks the phrasing's word. Words as jieba's dictionary splits them. Not the same in
    other words: each word put a word of the class of one it stands for ("示威者",
    demonstrators, for "抗议者"; "示威演变", demonstrations evolve, for "抗议活动升级为",
    protests escalate to: :func:`predicates.restates`), as English reads "demonstrators" for
    "protesters". None otherwise.
    With the pair, whether it is all the question says anew; else the question says more
    beside it ("缅甸士兵在散布恐惧吗", soldiers spreading fear, against
    "缅甸抗议者在当地民众中制造恐惧吗"), and the first such pair is given. A word the claim's
    texts have its doers act on (:func:`_acted_on`: "民众", the people the protesters scare)
    put in the doer's place is another doer by the claim's own words, no rewording: paired
    as all the question says anew, whatever else it adds."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    known = tuple(known)
    asked = textlib.normalise(question)
    said, opening = _opening(textlib.normalise(phrasing), known)
    if opening is None or opening in asked:
        return None
    subject = tuple(subject)
    ours = _spaced_words(asked)
    new = _unheld(ours, subject, known)
    others = _acted_on(subject, known)
    acted_on = [w for w in dict.fromkeys(ours) if w in others]
    if not (new or acted_on):
        return None
    beside: tuple[tuple[str, str], bool] | None = None  # the first with more new beside it
    matcher = difflib.SequenceMatcher(None, said, ours, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or opening not in said[i1:i2]:
            continue
        replaced = [w for w in said[i1:i2] if w not in _FRAMING]
        put = [w for w in ours[j1:j2] if w not in _FRAMING]
        # The opening word, or the phrase it opens ("抗议活动", protest activities), the
        # question holding none of it
        whole = replaced[:1] == [opening] and not any(w in asked for w in replaced)
        if whole and put and set(put) <= set(acted_on):
            return ("".join(put), opening), True
        if not (whole and put and set(put) <= set(new)):
            continue
        # Each word put a word of the class of one it stands for ("示威演变", demonstrations
        # evolve, for "抗议活动升级为", protests escalate to): the claim's words in others.
        if all(any(predicates.restates(w, c, subject) for c in replaced) for w in put):
            continue
        if sorted(put) == sorted(new):
            return ("".join(put), opening), True
        beside = beside or (("".join(put), opening), False)
    return beside


def class_word_put(
    question: str, phrasing: str, subject: Iterable[str], known: Iterable[str] = ()
) -> tuple[str, str] | None:
    """In Chinese: the words a question puts in place of one word of a closed class in the
    claim's closest phrasing (:data:`predicates.CLASSES`: "恐惧", fear, of
    "缅甸抗议者在当地民众中制造恐惧吗"; "恐怖主义", terrorism, of
    "缅甸的抗议活动升级为恐怖主义了吗"), where the question names no word of that class:
    what the claim says, said of another thing ("…制造混乱吗", do they create chaos?;
    "…升级为内战了吗", did they escalate into civil war?). Each word put is one no text of
    the claim (``subject``) holds, as :func:`opening_put` reads new words, none the
    asker checks with (:data:`CHECKING_WORDS_ZH`), no word of the class with a character
    wrong ("摸黑" for "抹黑"), and none restates the claim's word
    (:func:`predicates.restates`). The pair (the words put, the claim's word); None
    otherwise. Words as jieba's dictionary splits them."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    known = tuple(known)
    subject = tuple(subject)
    said, _ = _opening(textlib.normalise(phrasing), known)
    ours = _spaced_words(textlib.normalise(question))
    new = set(_unheld(ours, subject, known)) - CHECKING_WORDS_ZH
    if not new:
        return None
    # Aligned by class: a word of a closed class stands where the phrasing's word of it does
    # ("缅甸的抗议后来变成内战了吗": "变成", become, where it says "升级", escalate).
    matcher = difflib.SequenceMatcher(None, _by_class(said), _by_class(ours), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        put = [w for w in ours[j1:j2] if w not in _FRAMING and w not in CHECKING_WORDS_ZH]
        # Not a preposition of one character ("升级为恐怖主义", escalated into terrorism)
        replaced = [w for w in said[i1:i2] if w not in _FRAMING and len(w) > 1]
        if tag != "replace" or len(replaced) != 1 or not put or not set(put) <= new:
            continue
        theirs = replaced[0]
        kinds = [kind for kind in predicates.CLASSES if predicates.is_of(kind, theirs)]
        if not kinds or any(predicates.names(kind, question, subject) for kind in kinds):
            continue
        # Not a word of the class with a character wrong ("摸黑" for "抹黑", to smear)
        if any(_one_character_off(w, kind.chinese_words) for w in put for kind in kinds):
            continue
        if not any(predicates.restates(w, theirs, subject) for w in put):
            return "".join(put), theirs
    return None


def _by_class(words: Iterable[str]) -> list[str]:
    """``words``, each of a closed class (:data:`predicates.CLASSES`) as that class's name."""
    return [
        next((f"§{kind.name}" for kind in predicates.CLASSES if predicates.is_of(kind, w)), w)
        for w in words
    ]


def _spaced_words(normalised: str) -> list[str]:
    """A normalised Chinese text's words, as jieba's dictionary splits it, without the
    spaces between them (:func:`_tagged`: remembered)."""
    return [w for w, _ in _tagged(normalised) if w.strip()]


def _unheld(ours: list[str], subject: tuple[str, ...], known: tuple[str, ...]) -> list[str]:
    """The words of a question (``ours``), once each and in order, that may be new to a claim:
    of two characters or more, in Chinese, no framing word nor a name the context knows
    (``known``), and that no text of the claim (``subject``) holds, nor one of their words
    with a character wrong (:func:`_claims_hold`)."""
    texts, words = _vocabulary(subject)
    return [
        w
        for w in dict.fromkeys(ours)
        if len(w) > 1
        and textlib.has_han(w)
        and w not in _FRAMING
        and w not in known
        and not _claims_hold(w, texts, words)
    ]


# Tags of jieba's words that can say what a claim says: nouns, verbs, adjectives.
_CONTENT_TAGS = ("n", "v", "a")
DEED_TEXTS = 3  # Chinese texts of a claim before most of them say what it says


def deed_put(
    question: str, phrasing: str, subject: Iterable[str], known: Iterable[str] = ()
) -> tuple[str, str] | None:
    """In Chinese, as :func:`knowledge.matching.context._deed_replaced` reads scripts with
    letter case: a question that holds not one character of what the claim says of whom
    it is about, and says something else of them. What it says: the words of content more
    than half of the claim's Chinese texts (``subject``, at least :data:`DEED_TEXTS`) hold,
    but the closest phrasing's first (:func:`_opening`, most often who does it) and the
    names the context knows (``known``): "收钱" (take money) and "袭击" (attack) of the
    paid check. A character is enough to hold one, as Chinese shortens and rewords ("拿钱",
    "恐袭"). The question's first word of content that no text of the claim holds, paired
    with the first of those words: ("变成", "收钱") in "缅甸的抗议者变成恐怖分子了吗" (did the
    protesters become terrorists?), which shares "抗议者" and "恐怖分子" with "缅甸抗议者是收钱的
    恐怖分子吗" and is the check of the protests turning to terrorism. None otherwise."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    known = tuple(known)
    deed = _deed(tuple(subject), textlib.normalise(phrasing), known)
    if not _holds_none(question, deed):
        return None
    tagged = _tagged(textlib.normalise(question))
    new = _new_words(tagged, tuple(subject), known)
    if not new:
        return None
    # The first after whom the claim is about, where the question names them ("抗议者…变成"),
    # not who says it ("军政府说…")
    _, opening = _opening(textlib.normalise(phrasing), known)
    at = next((i for i, (w, _) in enumerate(tagged) if w == opening), -1)
    return next((w for i, w in new if i > at), new[0][1]), deed[0]


# The words a Chinese message asks with whether something holds, beyond the framing words
# (FRAMING_WORDS): credible, accurate, the saying, the facts, the evidence, a source, checking,
# a rumour, forwarded. What is asked of the claim, none of what it says.
CHECKING_WORDS_ZH = frozenset(
    {
        "可信", "能信", "靠谱", "属实", "准确", "说得对", "说法", "事实", "证据", "来源", "出处",
        "求证", "查证", "核实", "查核", "核查", "谣言", "真假", "转发", "转自", "证实",
        "真的假",  # of "真的假的" (true or false?), as jieba cuts it
    }
)  # fmt: skip


# The set phrases jieba tags apart ("l"): chinese_held reads one only where the claim holds it
# ("升级成", escalated into); the rest are the asker's ("真的假", true or false; "你好", hello)
_SET_PHRASE = "l"
_HELD_TAGS = (*_CONTENT_TAGS, _SET_PHRASE)


@dataclass(frozen=True, slots=True)
class HeldWords:
    """What a Chinese question says, word by word, against one claim's Chinese texts
    (:func:`chinese_held`): the words they hold, and the nouns and the other words they do
    not."""

    held: tuple[str, ...]
    unheld_nouns: tuple[str, ...]
    unheld: tuple[str, ...]  # verbs and adjectives
    # Of :attr:`held`, the verbs and the words of what is done (predicates.says_a_deed): what
    # the question says its doers do, in the claim's words ("制造", "演变成", "舞弊")
    deeds: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        """Of the words of content the question says, the part the claim's texts hold."""
        said = len(self.held) + len(self.unheld_nouns) + len(self.unheld)
        return len(self.held) / said if said else 0.0


def chinese_held(
    question: str,
    subject: Iterable[str],
    known: Iterable[str] = (),
    roles: Iterable[str] = (),
    made: Iterable[str] = (),
) -> HeldWords | None:
    """The words of content of a Chinese ``question`` (jieba's nouns, verbs and adjectives of
    two characters or more, and its set phrases where the claim holds them) that a claim's
    Chinese texts (``subject``) hold, as written, with a character wrong ("收卖" for "收买"),
    or as a word of one closed class with one of theirs (:func:`predicates.same_class`:
    "示威" for "抗议", "老百姓" for "民众"); and those they do not: nouns, and any word
    before the first they hold, where who does it stands; and the rest. Not counted: places,
    times, framing words and the words a question checks with (:data:`CHECKING_WORDS_ZH`),
    how the message reached the asker (:data:`namelib.PASSING_ON`: "群里", "文章", "记得"),
    the names the context knows (``known``) and any word of them ("敏昂莱说" as jieba joins
    it), the words of the claimant's roles (``roles``: "军政府领导人"), where the claim was
    made (words its appearance in Chinese, ``made``, in simplified characters, holds:
    "卫星通讯社", "采访"; :func:`_made_at`), and
    who said it: the nouns just before a verb of saying (:data:`namelib.SAYING`:
    "我舅舅说…", "军方说…"), a word jieba glued to one (:func:`namelib.glued_saying`:
    "时称") and, where something is said, a word for who leads where the claimant's role is
    one (:func:`chinese_heads_named`: "将军"). None for a question in another script."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    known = tuple(known)
    roles = tuple(r for r in roles if textlib.has_han(r))
    made = tuple(made)
    texts, words = _vocabulary(tuple(subject))
    tagged = [(w, tag) for w, tag in _tagged(textlib.normalise(question)) if w.strip()]
    speakers = _speakers(tagged) | set(chinese_heads_named(question, roles))
    held: list[str] = []
    deeds: list[str] = []
    nouns: list[str] = []
    others: list[tuple[int, str]] = []  # with where they stand
    read: set[str] = set()  # the words held or not, each once
    first_held = len(tagged)
    for at, (word, tag) in enumerate(tagged):
        if word in read:
            continue
        if not (
            tag.startswith(_HELD_TAGS)
            and _opens(word, tag, known)
            and word not in CHECKING_WORDS_ZH
            and word not in namelib.PASSING_ON
            and not namelib.glued_saying(word)
            and word not in speakers
            and not any(len(n) > 1 and (n in word or word in n) for n in known)
            and not any(word in role for role in roles)
        ):
            continue
        if _claims_hold(word, texts, words) or any(predicates.same_class(word, o) for o in words):
            read.add(word)
            held.append(word)
            first_held = min(first_held, at)
            if tag.startswith("v") or predicates.says_a_deed(word):
                deeds.append(word)
        elif tag == _SET_PHRASE or _made_at(word, made):
            continue
        elif tag.startswith("n"):
            read.add(word)
            nouns.append(word)
        else:
            read.add(word)
            others.append((at, word))
    # A word the claim lacks before any it holds stands where who does it stands, whatever
    # jieba tags it ("缅甸警察让老百姓害怕吗": "警察", the police, tagged a verb, to police).
    nouns += [word for at, word in others if at < first_held]
    unheld = tuple(word for at, word in others if at >= first_held)
    return HeldWords(tuple(held), tuple(nouns), unheld, tuple(deeds))


def chinese_other_deed(
    held: HeldWords,
    question: str,
    phrasing: str,
    subject: Iterable[str],
    known: Iterable[str] = (),
) -> tuple[str, str] | None:
    """In Chinese, what a question says its doers do where the claim says they do something
    else: the words of it the claim's texts (``subject``) hold (``held``, read by
    :func:`chinese_held`) are who and whom alone, none of what is done; it names no one and
    nothing they lack (a noun: "外国军队", foreign troops, of a question that says the
    claim's alias in its own words); and after them a verb says what no text of the claim
    does ("保护", protect, in "缅甸示威者保护当地民众吗" against "缅甸抗议者在当地民众中制造恐惧吗",
    do they spread fear among the local people?), the question naming no word of a class of
    deeds the claim's texts hold (:func:`predicates.deeds_held`, as typed or by sound: "钱"
    in "拿了钱才上街", took money to take to the streets, is the paid check's payment). That
    verb, paired with the claim's first word of what it says (:func:`_deed`'s, one of a
    class of deeds first). None otherwise."""
    if not held.held or held.deeds or held.unheld_nouns or not held.unheld:
        return None
    # A verb: an adjective says how someone is, as a word of fear no class holds may
    # ("惊恐", terrified), which the semantic model reads
    tags = dict(_tagged(textlib.normalise(question)))
    verb = next((w for w in held.unheld if tags.get(w, "").startswith("v")), None)
    subject = tuple(subject)
    if verb is None or predicates.names_a_deed(question, subject):
        return None
    deed = _deed(subject, textlib.normalise(phrasing), tuple(known))
    theirs = next((w for w in deed if predicates.says_a_deed(w)), deed[0] if deed else None)
    return None if theirs is None else (verb, theirs)


def _made_at(word: str, made: tuple[str, ...]) -> bool:
    """Whether ``word`` says where a claim was made, as its appearance (``made``, in
    simplified characters) does: one of them holds it, or it is a word of an interview
    (:data:`namelib.INTERVIEWS`) and one of them holds one."""
    if any(word in text for text in made):
        return True
    interviews = namelib.INTERVIEWS
    return word in interviews and any(w in text for w in interviews for text in made)


def _claims_hold(word: str, texts: tuple[str, ...], words: frozenset[str]) -> bool:
    """Whether a claim's Chinese texts (:func:`_vocabulary`: the texts and their words) hold
    ``word`` as written, or one of their words with a character wrong ("抗义者")."""
    return any(word in text for text in texts) or _one_character_off(word, words)


def _one_character_off(word: str, known: Iterable[str]) -> bool:
    """Whether ``word`` is one of ``known`` as written, or with a character wrong or two
    swapped."""
    return any(len(o) == len(word) and OSA.distance(word, o) <= 1 for o in known)


def _speakers(tagged: list[tuple[str, str]]) -> frozenset[str]:
    """The nouns just before a verb of saying, adverbs between ("我妈一直说", my mother keeps
    saying): who said it."""
    found: set[str] = set()
    for at, (word, _) in enumerate(tagged):
        if not word.startswith(_CHINESE_SAYING):
            continue
        before = at - 1
        while before >= 0 and tagged[before][1].startswith("d"):
            before -= 1
        while before >= 0 and tagged[before][1].startswith("n"):
            found.add(tagged[before][0])
            before -= 1
    return frozenset(found)


def chinese_topic_only(
    question: str, phrasing: str, subject: Iterable[str], known: Iterable[str] = ()
) -> bool:
    """In Chinese, as :attr:`knowledge.matching.context.Comparison.topic_only` reads scripts
    with letter case: a question that holds not a character of what the claim says
    (:func:`deed_put`'s words, but those sharing a character with how the closest phrasing
    names what it is about: "选举" beside "大选"), and says nothing new either: it names the
    topic ("缅甸2020年有大选吗", was there a general election in Myanmar in 2020?, against
    "缅甸2020年大选存在舞弊吗")."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return False
    known = tuple(known)
    closest = textlib.normalise(phrasing)
    _, opening = _opening(closest, known)
    deed = [
        w for w in _deed(tuple(subject), closest, known) if not (opening and set(w) & set(opening))
    ]
    if not _holds_none(question, deed):
        return False
    return not _new_words(_tagged(textlib.normalise(question)), tuple(subject), known)


def _holds_none(question: str, deed: Iterable[str]) -> bool:
    """Whether there are words of what a claim says (``deed``) and a Chinese ``question``
    holds not one character of any of them."""
    asked = textlib.normalise(question).replace(" ", "")
    characters = {c for word in deed for c in word}
    return bool(characters) and not any(c in asked for c in characters)


def _new_words(
    tagged: tuple[tuple[str, str], ...], subject: tuple[str, ...], known: tuple[str, ...]
) -> list[tuple[int, str]]:
    """The words of content of a question (jieba's, with their tags: ``tagged``) that no text
    of the claim (``subject``) holds, nor one of their words with a character wrong, with
    their places."""
    texts, words = _vocabulary(subject)
    return [
        (i, w)
        for i, (w, tag) in enumerate(tagged)
        if tag.startswith(_CONTENT_TAGS)
        and _opens(w, tag, known)
        and not _claims_hold(w, texts, words)
    ]


@lru_cache(maxsize=1024)
def _deed(subject: tuple[str, ...], closest: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`deed_put`'s words of what a claim says, in the order its closest phrasing
    (normalised) has them, then the rest in order."""
    texts, _ = _vocabulary(subject)
    if len(texts) < DEED_TEXTS:
        return ()
    _, opening = _opening(closest, known)
    found = dict.fromkeys(
        w
        for text in texts
        for w, tag in _tagged(text)
        if tag.startswith(_CONTENT_TAGS) and _opens(w, tag, known)
    )
    held = [
        w
        for w in found
        if 2 * sum(w in text for text in texts) > len(texts)
        and not (opening is not None and (w in opening or opening in w))
    ]
    first = closest.replace(" ", "")
    return tuple(sorted(held, key=lambda w: (first.find(w) < 0, first.find(w), w)))


def leading_word(span: str) -> str:
    """The first word of a Chinese ``span``, as jieba's dictionary splits it ("示威" of
    "示威后来变成", demonstrations later became: the word :func:`opening_put` found
    standing where the claim's first word of content stands); ``span`` itself otherwise."""
    if not textlib.has_han(span):
        return span
    return next((w for w in _words_of(span) if w.strip()), span)


_CHINESE_SAYING = tuple(namelib.SAYING)  # what a word after who said it may open with


# Words for who leads, each one word to jieba: a leader ("领导人", "领袖", "首领"), the head
# ("首脑"), the boss as chat says it ("头目", "头头", "老大"), the commander-in-chief ("总司令").
# A lexical class, as doers.LEADERS in English.
LEADERS_ZH = frozenset(
    {"领导人", "领导", "领袖", "首领", "首脑", "头目", "头头", "老大", "总司令", "司令", "统帅"}
    | {"将军", "军头", "头子"}  # a general; the military's head, and a chief, as said
)


# "Anti-", "against", before whom a side opposes ("反军政府", anti-junta; "抗击").
_AGAINST_ZH = frozenset({"反", "抗", "反对", "对抗", "抵抗"})


# Words for a country's armed forces in Chinese, each one word to jieba: the military ("军方",
# "军队"), those who serve in it ("军人", "士兵", "官兵"), it and the police ("军警"), troops and
# security forces ("部队", "安全部队", "武装部队"), and the police ("警察", "警方"), the other
# arm the state's force acts through, as doers.SERVING reads them in English and Russian. A
# lexical class, as doers.FORCES in English.
FORCES_ZH = frozenset(
    {"军方", "军队", "军人", "士兵", "官兵", "军警", "部队", "安全部队", "武装部队", "警察", "警方"}
)


def chinese_claimants_side(
    question: str, roles: Iterable[str], subject: Iterable[str], known: Iterable[str] = ()
) -> str | None:
    """In Chinese, as :func:`knowledge.matching.context._claimants_side` reads words with
    letter case: the question's first word of content (after places, times, framing words
    and the names the context knows, ``known``) where it is a word of what the claimant is
    (of the claim's Chinese ``roles``: "军方" of "军方领导人") that the claim's Chinese texts
    (``subject``) lack, and no verb of saying (:data:`namelib.SAYING`) nor another word of
    the role follows it: "缅甸军方在2020年大选中舞弊了吗？" (did the military commit fraud in
    the 2020 election?) of a claim the military's leader made; where a role names the armed
    forces, any word for them (:data:`FORCES_ZH`: "缅甸士兵开枪打抗议者是收了钱的吗？", soldiers).
    Who did what the question asks about; None otherwise ("缅甸军方说…", "缅甸军方领导人…")."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    sides = {w for role in roles if textlib.has_han(role) for w in _words_of(role) if len(w) > 1}
    if not sides:
        return None
    forces = bool(sides & FORCES_ZH)
    if forces:
        # A role naming the armed forces ("军方领导人"): any word for them or those who serve
        # in them is the claimant's side ("士兵", soldiers; "军警", the military and police),
        # and a country's army by its initial ("缅军", Myanmar's army).
        sides |= FORCES_ZH
    known = tuple(known)
    asked = [(w, tag) for w, tag in _tagged(textlib.normalise(question)) if w.strip()]
    texts, _ = _vocabulary(tuple(subject))
    for i, (word, tag) in enumerate(asked):
        if not textlib.has_han(word) and any(c.isalpha() for c in word):
            return None  # content in another script comes first ("缅甸的election fraud…")
        if not _opens(word, tag, known):
            continue
        armys = forces and namelib.countrys_army(word)
        if (word not in sides and not armys) or any(word in text for text in texts):
            return None
        if i > 0 and asked[i - 1][0] in _AGAINST_ZH:
            return None  # whom the doers oppose ("反军政府武装", the anti-junta armed forces)
        # What follows, past adverbs ("一直说", has always said)
        following, tag = next(((w, t) for w, t in asked[i + 1 :] if t != "d"), ("", ""))
        saying = following.startswith(_CHINESE_SAYING) or (  # "说", "说的", "称"…
            tag.startswith("v") and following.endswith(_CHINESE_SAYING)  # "老说", keeps saying
        )
        # Another word of the role, or for who leads where the role has one ("军政府首脑", the
        # junta's head, for "军政府领导人"): who made the claim, named by what he is.
        leads = following in LEADERS_ZH and bool(sides & LEADERS_ZH)
        return None if following in sides or leads or saying else word
    return None


def chinese_heads_named(question: str, role_names: Iterable[str]) -> list[str]:
    """The words for who leads (:data:`LEADERS_ZH`: "将军", a general; "首脑", the head) that a
    Chinese ``question`` writes, where one of the claimant's Chinese roles (``role_names``:
    "军政府领导人", the junta's leader) ends with such a word and the question speaks of what
    was said (:data:`namelib.SAYING`): who made the claim, by what he is ("那个将军说…", that
    general says…), as "the general says…" names him in English (as
    :func:`knowledge.matching.doers.burmese_heads_named` reads Burmese)."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return []
    if not any(role.endswith(tuple(LEADERS_ZH)) for role in role_names if textlib.has_han(role)):
        return []
    words = [word for word, _ in _tagged(textlib.normalise(question))]
    if not any(word.startswith(_CHINESE_SAYING) for word in words):
        return []
    return [word for word in dict.fromkeys(words) if word in LEADERS_ZH]


def chinese_compound_doer(
    question: str, subject: Iterable[str], known: Iterable[str] = ()
) -> str | None:
    """A Chinese question opening (after places, times and the words a question opens with)
    with a word of the claim's Chinese texts (``subject``) written onto a noun they lack, a
    verb after them: Chinese puts the head of a compound last, so the two name another thing,
    of which the claim's word only says what kind, and it does what the question asks
    ("缅甸选举委员会宣布2020年选举结果无效了吗", did the election commission annul the 2020
    results?, of the check of election fraud: a commission, no election). A verb of saying
    makes it who says it, another claim too ("缅甸选举委员会自己有没有说过…", did the election
    commission itself ever say…?, "itself" and "whether" between them: :data:`_BEFORE_VERB_ZH`).
    The compound; None otherwise ("缅甸选举结果被操纵了吗", the election's results were
    manipulated?, has no verb after them)."""
    if not textlib.has_han(question) or textlib.has_burmese(question):
        return None
    texts, words = _vocabulary(tuple(subject))
    if not texts:
        return None
    known = tuple(known)
    asked = [(w, tag) for w, tag in _tagged(textlib.normalise(question)) if w.strip()]
    at = next((i for i, (w, tag) in enumerate(asked) if _opens(w, tag, known)), None)
    if at is None or at + 2 >= len(asked):
        return None
    (first, _), (head, head_tag) = asked[at : at + 2]
    # What stands between who does it and the verb: "itself", "also", "ever", "whether"…
    after_tag = next((tag for w, tag in asked[at + 2 :] if w not in _BEFORE_VERB_ZH), "")
    if (
        first in words
        and head_tag.startswith("n")
        and len(head) > 1
        and not any(head in text for text in texts)
        and after_tag.startswith("v")
    ):
        return first + head
    return None


# Words a Chinese sentence puts between who does something and the verb: "itself", "also",
# "all", "once", "ever", "really", "whether or not", "has or has not".
_BEFORE_VERB_ZH = frozenset({"自己", "本身", "也", "都", "曾", "曾经", "真的", "是否", "有没有"})


def chinese_claimant_does(
    question: str, names: Iterable[str], roles: Iterable[str], known: Iterable[str] = ()
) -> str | None:
    """In Chinese, as :func:`knowledge.matching.doers.claimant_does` reads words with letter
    case: who made the claim, by one of his ``names``, opening the question (after places
    and times, the ``known`` names, his ``roles`` written before his name and the words a
    question opens with: "听说", "是不是"…), where nothing in it speaks of saying
    (:data:`namelib.SAYING`) or quotes: "敏昂莱在大选中舞弊了吗？" (did Min Aung Hlaing commit
    fraud in the election?) asks about him, not about what he said. The name; None
    otherwise."""
    text = textlib.normalise(question).replace(" ", "")
    if any(word in text for word in namelib.SAYING) or textlib.QUOTING.search(question):
        return None
    before = sorted(
        {*(textlib.normalise(r).replace(" ", "") for r in roles), *known, *LEADING_WORDS},
        key=len,
        reverse=True,
    )
    opened = True
    while opened and text:
        opened = False
        for word in [*before, "的", "是"]:
            if word and text.startswith(word):
                text, opened = text[len(word) :], True
                break
        else:
            setting = next(
                (w for w, tag in _tagged(text)[:1] if tag.startswith(_SETTING_TAGS)), None
            )
            if setting and not any(text.startswith(n) for n in names):
                text, opened = text[len(setting) :], True
    return next((name for name in names if name and text.startswith(name)), None)


def _words_of(text: str) -> tuple[str, ...]:
    """A Chinese text's words, as jieba's dictionary splits it."""
    return tuple(w for w, _ in _tagged(textlib.normalise(text)))


@lru_cache(maxsize=4096)
def _tagged(normalised: str) -> tuple[tuple[str, str], ...]:
    """:func:`namelib.tagged_words` of a normalised text, remembered: a question is read
    against each of its best candidates, and a claim's roles question after question."""
    return tuple(namelib.tagged_words(normalised))


@lru_cache(maxsize=4096)
def _opening(closest: str, known: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """A Chinese phrasing's words (jieba's) and the first that can be what the claim is
    about (:func:`_opens`), if any: read once a phrasing, the same claims coming up question
    after question."""
    said = [(w, tag) for w, tag in namelib.tagged_words(closest) if w.strip()]
    return tuple(w for w, _ in said), next((w for w, tag in said if _opens(w, tag, known)), None)


# The copula: what follows it in a claim is what its doer is ("缅甸抗议者是收钱的恐怖分子吗",
# the protesters are paid terrorists), which names the doer too.
_COPULA = "是"


@lru_cache(maxsize=1024)
def _acted_on(subject: tuple[str, ...], known: tuple[str, ...]) -> frozenset[str]:
    """The nouns of a claim's Chinese texts (``subject``) that can be what it is about
    (:func:`_opens`), that open none of them and that none says its doer is (after
    :data:`_COPULA`): whom or what its doers act on ("民众", the people the protesters
    scare; "政府", the government whose image they damage)."""
    texts, _ = _vocabulary(subject)
    doers = {_opening(text, known)[1] for text in texts}
    acted_on: set[str] = set()
    for text in texts:
        words = namelib.tagged_words(text)
        copula = next((i for i, (w, _) in enumerate(words) if w == _COPULA), len(words))
        doers.update(w for w, _ in words[copula:])
        acted_on.update(
            w for w, tag in words[:copula] if tag.startswith("n") and _opens(w, tag, known)
        )
    return frozenset(acted_on - doers)


@lru_cache(maxsize=4096)
def _vocabulary(subject: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """A claim's Chinese texts, normalised without spaces, and their words of two characters
    or more as jieba's dictionary splits them (remembered by the texts: an edit makes new)."""
    texts = tuple(textlib.normalise(t).replace(" ", "") for t in subject if textlib.has_han(t))
    words = frozenset(w for text in texts for w, _ in namelib.tagged_words(text) if len(w) > 1)
    return texts, words


def _opens(word: str, tag: str, known: Iterable[str]) -> bool:
    """Whether ``word`` (of a Chinese phrasing, with its jieba tag) can be what the claim is
    about: two characters or more, no place, number, time or preposition, no framing word
    and no name the context knows."""
    return (
        len(word) > 1
        and textlib.has_han(word)
        and not tag.startswith(_SETTING_TAGS)
        and word not in _FRAMING
        and word not in LEADING_WORDS
        and word not in known
        and not _names_place(word)
    )


@lru_cache(maxsize=4096)
def _names_place(word: str) -> bool:
    """Whether a Chinese word names a place (:func:`namelib.unspaced_names`, about 2 ms a
    word), remembered: a question's words are read against each of its best candidates."""
    return bool(namelib.unspaced_names(word))


def _another_country(character: str, replaced: str) -> bool:
    """Whether a question puts ``character`` where the claim's phrasing names a place
    (``replaced``), and it is how Chinese shortens another country's name ("美大选", the US
    election, where the claim says "缅甸2020年大选"). One character is no piece otherwise."""
    countries = namelib.han_initials().get(character)
    if not countries:
        return False
    places = namelib.unspaced_names(replaced)
    return bool(places) and not any(code in countries for _, code in places)


# Who does it, in Burmese: the markers closing the phrase of a sentence's doer, with the
# plural before them and a particle of emphasis after ("စစ်တပ်ကပဲ", the army itself).
_DOER = re.compile(
    rf"^(?P<doer>\S+?)(?:တွေ|များ)?(?:{'|'.join(textlib.DOER_MARKERS)})(?:ပဲ|လည်း|တော့)?$"
)
_HEARSAY = re.compile(r"တဲ့(?:\s|$)")  # "…, they say": what someone said
_DONE_TO = "ကို"  # the marker of whom it is done to
# A word of where or when opening a Burmese sentence before its doer: digits (a year) or a
# phrase closed by a postposition of place or time ("…မှာ", "…တွင်", "…၌": in, at).
_SETTING_WORD = re.compile(r"^[၀-၉0-9]+$|(?:မှာ|တွင်|၌)$")


@lru_cache(maxsize=1024)
def burmese_doers(subject: tuple[str, ...]) -> frozenset[str]:
    """Who a claim's Burmese texts (of ``subject``) open with as doing what they say
    (:func:`burmese_doer`: "ဆန္ဒပြသူ" of "ဆန္ဒပြသူတွေက…")."""
    return frozenset(d for text in subject if (d := burmese_doer(text)) is not None)


@lru_cache(maxsize=1024)
def chinese_doers(subject: tuple[str, ...]) -> frozenset[str]:
    """Who a claim's Chinese texts (of ``subject``) have doing what they say: each one's
    first word that can be what it is about (:func:`_opens`), where it is a noun ("抗议者" of
    "缅甸抗议者在当地民众中制造恐惧吗"; not "发动", launching, of "在缅甸发动袭击的人…")."""
    found: set[str] = set()
    for text in subject:
        if textlib.has_han(text) and not textlib.has_burmese(text):
            said = namelib.tagged_words(textlib.normalise(text))
            first = next(((w, tag) for w, tag in said if _opens(w, tag, ())), None)
            if first is not None and first[1].startswith("n"):
                found.add(first[0])
    return frozenset(found)


def burmese_claimant_opens(
    question: str, names: Iterable[str], subject: Iterable[str]
) -> str | None:
    """Who made the claim, by one of ``names`` (his name or initials as Burmese writes them),
    opening a Burmese question after where and when, unmarked ("မင်းအောင်လှိုင်
    ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား", Min Aung Hlaing in the election committed vote fraud?;
    "မအလ ရုရှားဆီက ပိုက်ဆံယူထားတာလား"), where nothing speaks of saying or quotes and the rest
    names none of the doers of the claim's Burmese texts (``subject``: "မအလ ဆန္ဒပြသူတွေ
    ပိုက်ဆံယူတာ မှန်လား" names who said it): the name; None otherwise."""
    if not textlib.has_burmese(question) or textlib.QUOTING.search(question):
        return None
    asked = textlib.normalise(question)
    if _SAYING_MY in asked or _HEARSAY.search(asked):
        return None
    words = asked.split()
    while words and _SETTING_WORD.search(words[0]):
        words = words[1:]
    name = next((n for n in names if words and n and words[0].startswith(n)), None)
    if name is None:
        return None
    rest = " ".join(words)[len(name) :]
    return None if any(d in rest for d in burmese_doers(tuple(subject))) else name


def burmese_doer(question: str, known: Iterable[str] = ()) -> str | None:
    """The doer a Burmese question opens with: its first word after where and when
    (:data:`_SETTING_WORD`) and whom it is done to (marked so: "ဆန္ဒပြသူတွေကို…"), closed by
    the marker of who does it ("စစ်တပ်က…", the army…; "ရဲတွေဟာ…", the police…;
    "၂၀၂၀ ရွေးကောက်ပွဲမှာ စစ်တပ်က…"), the ``known`` names (who made
    the claim, places) taken out first; None where it opens otherwise, where it speaks of what
    someone said ("ပြော", say; the hearsay "…တဲ့"), or where the doer is a closed-class word
    ("သူတို့", they)."""
    if not textlib.has_burmese(question):
        return None
    asked = textlib.normalise(question)
    for name in known:
        asked = asked.replace(name, " ")
    if _SAYING_MY in asked or _HEARSAY.search(asked):
        return None
    words = asked.split()
    # Where and when come first, as often as not ("၂၀၂၀ ရွေးကောက်ပွဲမှာ စစ်တပ်က…", in the 2020
    # election the army…): the doer follows them.
    while words and _SETTING_WORD.search(words[0]):
        words = words[1:]
    # Whom it is done to may come first, marked so ("ဆန္ဒပြသူတွေကို စစ်တပ်က…", the
    # protesters, the army…): the doer follows.
    if len(words) > 1 and words[0].endswith(_DONE_TO) and len(words[0]) > len(_DONE_TO):
        words = words[1:]
    found = _DOER.match(words[0]) if words else None
    if found is None:
        return None
    doer = found.group("doer")
    if len(doer) < 2 or doer in CLOSED_WORDS or not textlib.has_burmese(doer):
        return None
    return doer


@lru_cache(maxsize=4096)
def setting_words(setting: tuple[str, ...]) -> frozenset[str]:
    """The words a claim's setting writes apart ("စစ်ကောင်စီ", junta, of who made the claim,
    "မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်"), framing words taken off: a piece that is one names nothing
    the claim's context lacks, as an English word of the setting is no foreign name. Whole
    words only: a syllable of one ("သတ်", kill, of "သတ်မှတ်", rate) is no such word.
    Remembered by the setting's texts: reading a summary's words takes milliseconds, and the
    same claims come up question after question."""
    words = (_unframed(w) for text in setting for w in textlib.normalise(text).split())
    return frozenset(w for w in words if w)


def _unknown(
    asked: str,
    start: int,
    end: int,
    texts: list[str],
    known: tuple[str, ...],
    held: list[str],
    said: frozenset[str],
    small: frozenset[str] = frozenset(),
) -> list[Piece]:
    """The pieces of ``asked[start:end]`` that, framing words and ``known`` names taken out,
    still have two characters or more that no text of ``texts`` holds, that are no closed-class
    word alone (:data:`CLOSED_WORDS`) nor a word of the setting (``said``, whole words), with
    the words of each that are no ordinary Chinese words nor in the texts ``held``; none for a
    word in Latin letters the question writes in small letters (``small``: :func:`small_latin`)."""
    pieces = []
    claims = tuple(texts)  # hashable: the frame of how the asker heard it is remembered
    deeds = predicates.deeds_held(claims) if textlib.has_han(asked[start:end]) else ()
    for found in re.finditer(r"\S+", asked[start:end]):
        piece = found.group()
        stages = tuple(_unframings(piece))
        left = stages[-1]  # in a claim text whenever the whole piece is
        for name in known:
            left = _unframed(left.replace(name, ""))
        if len(left) < 2 or left in CLOSED_WORDS or any(map(_passing_on, (*stages, left))):
            continue
        if left in textlib.NOT_CONTENT:
            continue  # an English or Russian function word among Burmese ("true or false?")
        at = start + found.start()
        word_stages = tuple(_unframings(_written_at(asked, at)))
        word = word_stages[-1]
        if word.isdecimal() and len(word) < 4:
            # A number no year, weighed as numbers are (knowledge.matching.numbers: "၂၃", the
            # 23rd); a year the claim lacks stays a piece, whatever digits it shares ("၂၀၁၅")
            continue
        passed_on = (
            any(map(_passing_on, word_stages))
            or _heard_at(word_stages[0])
            or _tells(asked, at)
            or _while_doing(word_stages[0])
            or _before_telling(asked, at, claims)
        )
        # A closed-class word before its framing is taken off too ("မင်္ဂလာပါ", not "မင်္ဂ").
        closed = any(stage in CLOSED_WORDS for stage in word_stages)
        aside = left in said or word in said or word_stages[0] in said
        if not word or closed or passed_on or aside:
            continue  # a piece of a word that is framing or closed only ("ဟုတ်ပါ့မ|လား"), or said
        if any(left in text for text in texts) or _typed_in_haste(word, texts):
            continue
        if _words_held(left, texts):
            continue  # the claim's own words, written as one
        if _held_as_spoken(word, held):
            continue  # the claim's own word, as the written language says it
        if _held_after_whose(word, texts):
            continue  # the claim's own word, another pronoun before it
        names = None
        if textlib.has_han(left):
            names = tuple(namelib.chinese_names(asked, at, at + len(piece), held))
            # A word of a class of deeds the claim's texts hold says what the claim says, in
            # other words, no name ("做票", rig the vote, where they say "舞弊", fraud).
            names = tuple(n for n in names if not any(predicates.is_of(k, n) for k in deeds))
            # A person's age is no name, nor a number of what the claim is about ("我外公80岁了"),
            # nor a bet's stake ("跟朋友打赌100泰铢").
            names = tuple(n for n in names if not _an_age(n, asked) and not _a_stake(n, asked))
        elif left in small or _written_at(asked, at) in small:
            names = ()  # English in small letters, no name ("reason", "level", "fact")
        pieces.append(Piece(piece, names))
    return pieces


def _a_stake(name: str, asked: str) -> bool:
    """Whether the Chinese piece's word ``name`` is the sum ``asked`` bets (numbers.stakes),
    with its money or alone ("100泰铢", "200")."""
    staked = numlib.stakes(asked)
    number = numlib.NUMBER.match(name)
    return bool(staked and number and numlib.digits(number.group()) in staked)


def _an_age(name: str, asked: str) -> bool:
    """Whether the Chinese piece's word ``name`` is a number ``asked`` writes as a person's
    age (numbers.ages)."""
    aged = numlib.ages(asked)
    if not aged:
        return False
    if name.isdecimal():
        return numlib.digits(name) in aged
    written = namelib.chinese_numbers(name)
    return bool(written) and set(written) <= aged


# What a Burmese word is most often typed without, in haste or by ear: the asat, the dot
# below, the visarga, the medials ha and wa, the stacking sign, the vowel "ဲ"; and the long
# vowels typed short, the anusvara typed as its sound ("ပိုက်ဆန်" for "ပိုက်ဆံ", money).
_HASTY_MARKS = re.compile("[\u103a\u1037\u1038\u103e\u103d\u1039\u1032]")
_HASTY_SOUNDS = str.maketrans({"\u1030": "\u102f", "\u102e": "\u102d", "\u1036": "\u1014"})
MIN_HASTY_SYLLABLES = 2  # of a word so read: one syllable so bared is too many others


@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """``text`` without the marks :data:`_HASTY_MARKS` and with the sounds
    :data:`_HASTY_SOUNDS` made one."""
    return _HASTY_MARKS.sub("", text.translate(_HASTY_SOUNDS))


@lru_cache(maxsize=1024)
def _bare_syllables(text: str) -> tuple[str, frozenset[int]]:
    """``text`` bared (:func:`_bare`, spaces taken out), and where its syllables start and end
    in it."""
    syllables = [_bare(s) for s in textlib.burmese_syllables(text.replace(" ", ""))]
    edges = frozenset(itertools.accumulate((len(s) for s in syllables), initial=0))
    return "".join(syllables), edges


def _typed_in_haste(word: str, texts: list[str]) -> bool:
    """Whether a Burmese ``word`` is a word of ``texts`` typed without some of its marks, or
    by ear (:func:`_bare`): "ဆန္ဒပြမူ" for "ဆန္ဒပြမှု" (the protests), "ပိုက်ဆန်" for "ပိုက်ဆံ", a
    typo and no name. Whole syllables of the text, and two or more: "ဆိုင်" (a shop) is no
    "သက်ဆိုင်" (related) typed in haste."""
    if not textlib.has_burmese(word) or len(textlib.burmese_syllables(word)) < MIN_HASTY_SYLLABLES:
        return False
    bare = _bare(word)
    for text in texts:
        joined, edges = _bare_syllables(text)
        at = joined.find(bare)
        while at >= 0:
            if at in edges and at + len(bare) in edges:
                return True
            at = joined.find(bare, at + 1)
    return False


@lru_cache(maxsize=4096)
def small_latin(question: str) -> frozenset[str]:
    """The words of ``question`` written in Latin letters, in small letters, of four letters or
    more, that are common English words (:mod:`.englishlist`) and no name the spelling
    dictionaries write only capitalised ("thailand", "putin"): ordinary words, as English reads
    a word in small letters (in a Burmese question: "reason", "level"; not "usaid" nor "soros",
    which no dictionary holds). Shorter ones may be abbreviations or names ("us", "nld", "pdf"),
    but chat's words are none, of any length (wording.NOT_NAMES: "bro", "lol"); and one who
    does or says what the question tells (:data:`_SMALL_LATIN`) may be a name."""
    # Imported here: the lists' modules also run as scripts (python -m), after the package.
    from knowledge.matching.englishlist import english_words
    from knowledge.matching.propernouns import proper_nouns

    return frozenset(
        found[0]
        for found in _SMALL_LATIN.finditer(question)
        if found[0] in NOT_NAMES
        or (
            len(found[0]) >= MIN_SMALL_LATIN
            and found[0] in english_words()
            and found[0] not in proper_nouns()
        )
    )


MIN_SMALL_LATIN = 4  # letters of a word in small letters read as no name (small_latin)
# A word in small letters, not one who does or says ("trump က…", "…trump ပြောတယ်": the
# doer's marker or a verb of saying right after it may make it a name).
_SMALL_LATIN = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])(?!\s?(?:က(?![\u102b-\u103e])|ပြော))")


# How a Burmese verb's phrase ends: "and then", "so that", "because", the tenses and aspects,
# "can", the nominaliser, "-ly" of a manner, the negation's "not". A word ending so is a
# verb's phrase; names and who does what end bare or with a noun's marker ("ဆိုရိုးစ်",
# Soros; "…က", "…ဟာ"; "…အဆိုအရ", according to; "…ကြောင့်", because of). Not the relative
# "တဲ့" ("ဆိုရိုးစ်ပေးတဲ့ ပိုက်ဆံ", the money Soros gave): it tells which thing, often whose.
VERB_ENDINGS = (
    "ပြီး", "အောင်", "လို့", "တယ်", "တာ", "ခဲ့", "နေ", "နိုင်", "မယ်", "စွာ", "ပြီ", "ဘူး", "ကြ",
)  # fmt: skip

# What closes a sentence after a verb's ending: "they say" (the hearsay "တဲ့" after "…တာ"),
# question and chat particles, "please".
SENTENCE_CLOSERS = (
    "တဲ့", "သလား", "လား", "ပါ", "ဦး", "အုံး", "နော်", "လေ",
    "ဗျာ", "ဗျ", "ရှင့်", "ပေါ့", "ဆို", "ဟင်",
)  # fmt: skip

# What a Burmese personal name may open with: "U", "Daw", and the military ranks ("ဗိုလ်…":
# general, senior general), the "Thakin" of the independence movement.
TITLES = ("ဦး", "ဒေါ်", "ဗိုလ်", "သခင်")

NOUN_MARKERS = textlib.NOUN_MARKERS

_SAYING_MY = textlib.BURMESE_SAY
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z\d]")


def _added(asked: str, edit: int, piece: Piece) -> Piece:
    """A Burmese ``piece`` the question adds inside the claim's words (read from an insertion
    at ``asked[edit:]``, :func:`_inside`: nothing of the claim stands in its place), read as
    no name where the grammar says it is a verb's phrase (:func:`_verbs_phrase`):
    "ခြိမ်းခြောက်ပြီး", threatening and then; "ပုံမှန်နေထိုင်လို့မရအောင်", so that they cannot
    live normally. A piece in place of the claim's words (another doer, another deed) is never
    so read: synonyms and other claims look alike there."""
    if piece.names is not None or not textlib.has_burmese(piece.text):
        return piece
    at, start, end = _placed(asked, edit, piece.text)
    if _verbs_phrase(piece.text, asked[start:end], asked[at:end], asked[end + 1 :]):
        return Piece(piece.text, ())
    return piece


def _instead(asked: str, edit: int, piece: Piece) -> Piece:
    """A Burmese ``piece`` in place of a word of content the claim's phrasing has and the
    question drops (:func:`_keeps_content`): another deed or doer, or a synonym, which look
    alike; unread, and named by its word as the question writes it, so that a reply can say
    what the question has that the claim does not ("ရွာတွေကိုမီးရှို့နေတာလား", burning villages,
    for the claim's "အကြမ်းဖက်")."""
    if piece.names is not None or not textlib.has_burmese(piece.text):
        return piece
    return _by_its_word(asked, edit, piece)


def _worded_anew(
    asked: str,
    edit: int,
    piece: Piece,
    phrasing: str,
    texts: Iterable[str],
) -> Piece:
    """A Burmese ``piece`` in place of a word of content of the claim's closest ``phrasing``
    that the question drops: ordinary where, looked up (:func:`_looked_up`), it names
    nothing and each word of content it is part of says how (an adverb,
    :func:`burmese_words.adverbs`: "တမင်", on purpose; "တဖြည်းဖြည်း", gradually) or is the
    claim's own, a word one of its ``texts`` holds ("ဖျက်ဆီး", destroy, of "တမင်ဖျက်ဆီး", where
    the claim's statement in full has it and the short phrasing "ကြောက်အောင် လုပ်", make
    afraid); else unread (:func:`_instead`). A verb none of them holds stays unread: another
    deed ("မီးရှို့", burn; "လုယက်", loot) and a synonym look alike."""
    looked = _looked_up(asked, edit, piece, False, phrasing)
    if looked.ordinary:
        at, start, end = _placed(asked, edit, piece.text)
        _, read, _ = _in_whole_words(asked[start:end], at - start, len(piece.text))
        kinds, adverbs = burmese_words.kinds(), burmese_words.adverbs()
        words = [w for w in _segmented(_unframed(read)) if kinds.get(w) != burmese_words.GRAMMAR]
        if words and all(w in adverbs or _held(w, texts) for w in words):
            return looked
    return _instead(asked, edit, piece)


# Pronouns of whose something is ("ကိုယ့်", one's own; "မိမိတို့", their own; "သူတို့", theirs),
# and "other" as chat and print write it ("တခြား", "အခြား"), longest first: before a word of
# the claim's, one for another.
_WHOSE = ("မိမိတို့", "သူတို့ရဲ့", "သူတို့", "ကိုယ့်", "ကိုယ်", "မိမိ", "သူ့", "တခြား", "အခြား")


def _held_after_whose(word: str, texts: Iterable[str]) -> bool:
    """Whether a Burmese ``word`` is a pronoun of whose (:data:`_WHOSE`) before a word the
    claim's ``texts`` hold (:func:`_held`): the claim's own word, with another pronoun
    ("ကိုယ့်အကျိုးစီးပွား", one's own interests, where the claim says "မိမိတို့
    အကျိုးစီးပွား", their own interests), no name."""
    whose = next((p for p in _WHOSE if word.startswith(p)), None)
    rest = _unframed(word[len(whose) :]) if whose else ""
    return bool(rest) and _held(rest, texts)


# Words of the written language and the spoken word each says, as the claims' Burmese and the
# chat may say it: "money", "do", "take", "get", "say", "happen", "be afraid", "an interview".
# The written language pairs a word with one of like meaning ("ငွေကြေး", money and currency);
# a piece so written is the claim's word where the spoken one is.
SPOKEN_FORMS = {
    "ငွေကြေး": "ငွေ",
    "ပြုလုပ်": "လုပ်",
    "လုပ်ဆောင်": "လုပ်",
    "ဆောင်ရွက်": "လုပ်",
    "လုပ်ကိုင်": "လုပ်",
    "ရယူ": "ယူ",
    "ရရှိ": "ရ",
    "ပြောကြား": "ပြော",
    "ပြောဆို": "ပြော",
    "ဖြစ်ပေါ်": "ဖြစ်",
    "ဖြစ်ပွား": "ဖြစ်",
    "ကြောက်လန့်": "ကြောက်",
    "တွေ့ဆုံမေးမြန်းခန်း": "အင်တာဗျူး",
}
_WRITTEN = re.compile("|".join(sorted(SPOKEN_FORMS, key=len, reverse=True)))


def _held_as_spoken(word: str, texts: Iterable[str]) -> bool:
    """Whether a Burmese ``word`` has a word of the written language (:data:`SPOKEN_FORMS`)
    and, that said as it is spoken and its framing words taken off, is a word one of
    ``texts`` holds ("ငွေကြေး" for "ငွေ", money; "ငွေကြေးရယူ" for "ငွေယူ", take money)."""
    if not _WRITTEN.search(word):
        return False
    spoken = _unframed(_WRITTEN.sub(lambda found: SPOKEN_FORMS[found.group()], word))
    if len(spoken) < 2 or spoken in CLOSED_WORDS or any(spoken in text for text in texts):
        return True
    words = _segmented(spoken)
    return bool(words) and all(_held(w, texts) for w in words)


def _words_held(piece: str, texts: Iterable[str]) -> bool:
    """Whether a Burmese ``piece`` is the claim's own words written as one: two words or more
    that are no grammar, as the dictionary cuts it, each of which one of ``texts`` holds
    (:func:`_held`), grammar only between them ("နိုင်ငံတကာပုံရိပ်", the international image,
    where the claim's texts say "နိုင်ငံတကာ" and "ပုံရိပ်" apart; "ငွေယူပြီးလုပ်", took money
    and did it). Not a piece with a digit (a number is weighed as numbers are) or letters of
    another script."""
    if not textlib.has_burmese(piece) or any(c.isdigit() or c.isascii() for c in piece):
        return False
    kinds = burmese_words.kinds()
    words = [w for w in _segmented(piece) if kinds.get(w) != burmese_words.GRAMMAR]
    return len(words) >= 2 and all(_held(w, texts) for w in words)


def _held(word: str, texts: Iterable[str]) -> bool:
    """Whether one of ``texts`` (normalised, without spaces) holds ``word``: a word of two
    syllables or more as whole syllables ("ကြောက်ရွံ့" of "ကြောက်ရွံ့အောင်"), a word of one as a
    word the dictionary cuts them into ("ဖျက်" is no word of "ဖျက်ဆီး", destroy, nor "ခံ" of
    "လက်ခံ", accept: one syllable is part of many words)."""
    run = _syllable_run(word)
    if run.count("|") > 2:
        return any(run in _syllable_run(text) for text in texts)
    return any(run in _word_run(text) for text in texts)


@lru_cache(maxsize=4096)
def _syllable_run(text: str) -> str:
    """``text``'s syllables between bars ("|ဆန္ဒ|ပြ|"): a word is held where its run is."""
    return "|" + "|".join(textlib.burmese_syllables(text)) + "|"


@lru_cache(maxsize=1024)
def _word_run(text: str) -> str:
    """``text``'s words, as the dictionary cuts it, between bars ("|ဆန္ဒပြ|သူ|")."""
    return "|" + "|".join(_segmented(text)) + "|"


def _by_its_word(asked: str, edit: int, piece: Piece) -> Piece:
    """``piece`` (read from ``asked[edit:]``) named by the word that holds it, as the question
    writes it apart: what a reply quotes."""
    _, start, end = _placed(asked, edit, piece.text)
    return Piece(piece.text, (asked[start:end],))


def _looked_up(
    asked: str,
    edit: int,
    piece: Piece,
    added: bool = True,
    phrasing: str = "",
    restated: bool = False,
) -> Piece:
    """A Burmese ``piece`` the question adds to the claim's words (read from an insertion at
    ``asked[edit:]``), or has in place of some (``added`` false, in a question that keeps the
    claim's words of content: :func:`_keeps_content`), looked up in a dictionary
    (:func:`burmese_words.may_name`): ordinary where it is verbs, adverbs and grammar only
    ("တမင်", on purpose; "ငြိမ်းချမ်းစွာ", peacefully; "စစ်ပေးပါဦး", please check;
    "ခြိမ်းခြောက်", threaten, for "ကြောက်အောင် လုပ်", make afraid), else named by the word it is
    in, as the question writes it apart. A word opening with a title (:data:`TITLES`) is a
    name's. Nouns are named in place of the claim's words as beside them: synonyms and other
    subjects are both nouns there ("လူထု" for "ပြည်သူ", the public; "စစ်သား", soldiers, for
    "ဆန္ဒပြသူ", protesters). A cause the claim does not give ("နိုင်ငံခြားက လှုံ့ဆော်လို့",
    because foreign countries incited it) is read apart, clause by clause
    (:mod:`knowledge.matching.causes`). The piece is read as the dictionary's words it is part
    of (:func:`_in_whole_words`), and names where it is written onto a noun of the claim's
    ``phrasing``, which it then says what kind of (:func:`_modifies`: "ကြားဖြတ်ရွေးကောက်ပွဲ",
    the by-election)."""
    if piece.names is not None or not textlib.has_burmese(piece.text):
        return piece
    at, start, end = _placed(asked, edit, piece.text)
    named = _by_its_word(asked, edit, piece)
    # Read as the dictionary's words it is part of: a letter the claim shares can split one
    # ("သမာ" of "မသမာ", dishonest, beside the claim's "မ…").
    at, read, head = _in_whole_words(asked[start:end], at - start, len(piece.text))
    at += start
    left = _unframed(read)
    if not left:
        return piece
    if asked[start:end].startswith(TITLES):
        return named
    if is_when(left):
        return Piece(piece.text, ())
    after = read[len(left) :] if read.startswith(left) else ""
    following = asked[at + len(read) : end]
    if _modifies(head, phrasing):
        return named
    # A noun the lexicon knows is no name in a question that restates the claim
    # (``restated``), but where it says what kind of thing the claim's next word is, written
    # apart ("ကျောင်းသားသမဂ္ဂ ရွေးကောက်ပွဲ", the students' union election), who acts, "as
    # such" ("အစိုးရအနေနဲ့", the government, as such), or where the claim's noun says what
    # kind of thing it is ("မဲပုံး", the ballot box).
    common = (
        restated
        and not _modifies_next(read, asked[end + 1 :], phrasing)
        and not any(a_s in asked[start:end] for a_s in AS_SUCH)
        and not _heads_claims_noun(asked[start:end], at - start, len(read), phrasing)
    )
    if burmese_words.may_name(left, after + following, common):
        return named
    return Piece(piece.text, ())


def _heads_claims_noun(word: str, at: int, length: int, phrasing: str) -> bool:
    """Whether, in a ``word`` as the question writes it, a noun the claim's ``phrasing`` lacks
    and the piece read at ``word[at:at + length]`` holds is written right after a noun the
    phrasing holds: Burmese puts the head of a compound last, so the two name another thing,
    of which the claim's is only a kind ("မဲပုံး", a ballot box, of "မဲ", the vote, in
    "မဲလိမ်မှု", vote fraud)."""
    kinds = burmese_words.kinds()
    own = set(_segmented(phrasing.replace(" ", "")))
    words = _segmented(word)
    offset = len(words[0]) if words else 0
    for first, second in itertools.pairwise(words):
        in_piece = offset < at + length and offset + len(second) > at
        if (
            in_piece
            and kinds.get(first) == burmese_words.NAMING == kinds.get(second)
            and first in own
            and second not in own
        ):
            return True
        offset += len(second)
    return False


def _modifies(head: str, phrasing: str) -> bool:
    """Whether the dictionary's word written on after a piece (``head``, :func:`_in_whole_words`)
    is a noun the claim's ``phrasing`` holds: the piece says what kind of thing the claim's is,
    as "by-" and "pro-" do in English (:func:`knowledge.matching.context.compare`):
    "ကြားဖြတ်ရွေးကောက်ပွဲ", the by-election."""
    return (
        textlib.has_burmese(head[:1])
        and burmese_words.kinds().get(head) == burmese_words.NAMING
        and head in phrasing
    )


_PLURAL = frozenset(("တွေ", "များ"))


def _modifies_next(read: str, following: str, phrasing: str) -> bool:
    """Whether a word of content of two syllables or more that the claim's ``phrasing``
    holds follows the piece's first word, in the piece as read (``read``:
    "ကြားဖြတ်ရွေးကောက်ပွဲ", the by-election) or opening the next word written apart
    (``following``: the text after the piece's word; "ကျောင်းသားသမဂ္ဂ ရွေးကောက်ပွဲ", the
    students' union election), where nothing but the plural closes the piece's phrase
    (:data:`textlib.PHRASE_CLOSERS`; "အိမ်မှာ ဆန္ဒပြသူတွေ", at home, the protesters, is two
    phrases): the piece then says what kind of thing the claim's is."""
    after = following.split(maxsplit=1)
    own = textlib.burmese_syllables(read)[-1:]
    apart = bool(after) and (
        _PLURAL.intersection(own) or not textlib.PHRASE_CLOSERS.intersection(own)
    )
    words = [*_segmented(read)[1:], *(_segmented(after[0])[:1] if apart else ())]
    kinds = burmese_words.kinds()
    return any(
        len(textlib.burmese_syllables(word)) >= 2
        and kinds.get(word) != burmese_words.GRAMMAR
        and word in phrasing
        for word in words
    )


@lru_cache(maxsize=1024)
def _segmented(word: str) -> tuple[str, ...]:
    """:func:`burmese_words.segment` of a word as a question writes it, remembered: each of its
    pieces is read against each candidate's phrasing, and a message run together is one word."""
    return tuple(burmese_words.segment(word))


def _in_whole_words(word: str, at: int, length: int) -> tuple[int, str, str]:
    """Where ``word[at:at + length]``, widened to the dictionary's words of ``word`` that it
    overlaps (:func:`burmese_words.segment`, whose words read back as ``word``), starts, what
    it then reads, and the dictionary's word written on after it ("" at the word's end)."""
    begin, stop, offset, head = at, at + length, 0, ""
    for part in _segmented(word):
        part_end = offset + len(part)
        if part_end > at and offset < at + length:
            begin, stop = min(begin, offset), max(stop, part_end)
        elif offset >= stop and not head:
            head = part
        offset = part_end
    return begin, word[begin:stop], head


@lru_cache(maxsize=1024)
def _places_in(phrasing: str) -> tuple[str, ...]:
    """The places a claim's phrasing names (:func:`names.unspaced_names`), remembered: the
    same phrasings come up question after question."""
    return tuple(name for name, _ in namelib.unspaced_names(phrasing))


def _keeps_content(closest: str, asked: str, known: Iterable[str]) -> bool:
    """Whether the question ``asked`` holds, at least in part, each Burmese word of content of
    the claim's ``closest`` phrasing (:func:`_phrasings_words`): every word of two syllables or
    more that the dictionary reads as no grammar, of which the question writes two adjacent
    syllables together ("ဆန္ဒပြ" of "ဆန္ဒပြပွဲ", the protests). Words of one syllable ("ရောက်",
    reach; "လုပ်", do) say little alone, and a question may word them anew. A question that
    drops such a word for another ("ရွာတွေကို မီးရှို့", burn villages, for "အကြမ်းဖက်",
    terrorise) says another deed."""
    joined = asked.replace(" ", "")
    kinds = burmese_words.kinds()
    for word in _phrasings_words(closest, known):
        syllables = textlib.burmese_syllables(word)
        if len(syllables) < 2 or kinds.get(word) == burmese_words.GRAMMAR:
            continue
        if not any(a + b in joined for a, b in itertools.pairwise(syllables)):
            return False
    return True


def _drops_deed(
    closest: str,
    i1: int,
    i2: int,
    asked: str,
    texts: list[str],
    asserted: tuple[predicates.WordClass, ...],
) -> bool:
    """Whether the words of the claim's ``closest`` phrasing an edit puts something else in
    place of (``closest[i1:i2]``, as whole syllables) hold a word of a class of deeds
    (predicates.DEEDS: "ကြောက်", fear, of "ကြောက်အောင် လုပ်", make afraid) that the question
    ``asked`` names nothing of: another deed in its place ("ကူညီ", help), however short the
    claim's word (:func:`_keeps_content` passes over words of one syllable). Not where the
    question says, in words of the claim's ``texts`` the phrasing lacks, another thing the
    claim says ("ပုံမှန်", normal, of "disturbing people's normal lives"); nor for the classes
    the claim asserts (``asserted``, predicates.asserted), which a question naming none of is
    read for apart ("names no fraud", of "did people vote in 2020?")."""
    span = closest[_cluster_edge(closest, i1, -1) : _cluster_edge(closest, i2, 1)]
    if not any(
        kind not in asserted and not predicates.names(kind, asked)
        for kind in predicates.deeds_held((span,))
    ):
        return False
    kinds = burmese_words.kinds()
    phrasing = [closest.replace(" ", "")]
    return not any(
        kinds.get(word) == burmese_words.CONTENT
        and _held(word, texts)
        and not _held(word, phrasing)
        for chunk in asked.split()
        if textlib.has_burmese(chunk)
        for word in _segmented(chunk)
    )


def _keeps_nouns(closest: str, asked: str, known: Iterable[str]) -> bool:
    """Whether the question ``asked`` holds every noun of the claim's ``closest`` phrasing
    (:func:`_phrasings_words`), one syllable long or more: "မဲ" (votes) of "မဲလိမ်မှု" (vote
    fraud), which :func:`_keeps_content` passes over as a word of one syllable."""
    joined = asked.replace(" ", "")
    kinds = burmese_words.kinds()
    return all(
        word in joined
        for word in _phrasings_words(closest, known)
        if kinds.get(word) == burmese_words.NAMING
    )


def _phrasings_words(closest: str, known: Iterable[str]) -> Iterator[str]:
    """The dictionary's words of a claim's Burmese ``closest`` phrasing
    (:func:`burmese_words.segment`) that are no number, place or ``known`` name."""
    names = (*_places_in(closest), *known)
    for chunk in closest.split():
        if not textlib.has_burmese(chunk):
            continue
        for word in _segmented(chunk):
            if not (any(c.isdigit() for c in word) or any(word in n or n in word for n in names)):
                yield word


def _placed(asked: str, edit: int, piece: str) -> tuple[int, int, int]:
    """Where ``piece``, read from ``asked[edit:]``, starts, and where the word written apart
    that holds it starts and ends."""
    at = asked.find(piece, edit)
    start = asked.rfind(" ", 0, at) + 1
    end = asked.find(" ", at)
    return at, start, len(asked) if end < 0 else end


def _verbs_phrase(piece: str, word: str, rest: str, following: str) -> bool:
    """Whether the Burmese ``piece`` is a verb's phrase: the ``word`` it is in (``rest``: the
    piece and what follows it there; ``following``: the text after the word) ends as a verb
    does (:data:`VERB_ENDINGS`, then perhaps :data:`SENTENCE_CLOSERS`), with only framing
    words after the piece (in words run together, the rest of the sentence is no ending),
    opens with no title (:data:`TITLES`), holds no noun's marker from the piece on
    (:data:`NOUN_MARKERS`) nor a verb of saying, no verb of saying follows it (who said it:
    "ဦးဝင်းမြင့် ပြောတာ"), and the piece has no Latin letters or digits (names and numbers are
    read elsewhere)."""
    core = word
    while not core.endswith(VERB_ENDINGS) and (
        closer := next((c for c in SENTENCE_CLOSERS if core.endswith(c)), None)
    ):
        core = core[: -len(closer)]
    syllables = textlib.burmese_syllables(rest)
    return (
        core.endswith(VERB_ENDINGS)
        and _endings_only(rest[len(piece) :])
        and not word.startswith(TITLES)
        and not _LATIN_OR_DIGIT.search(rest)
        and not NOUN_MARKERS.intersection(syllables[1:])
        and _SAYING_MY not in rest
        and not following.startswith(_SAYING_MY)
    )


_ENDINGS = frozenset({*FRAMING_WORDS, *VERB_ENDINGS, *SENTENCE_CLOSERS})


def _inside(closest: str, at: int) -> bool:
    """Whether ``at`` is inside the claim's ``closest`` phrasing: words of it, not endings
    only, stand before and after. What a question adds around the claim (a reason, who did
    it, where, when: "…အကြမ်းဖက်နေတာ ဆိုရိုးစ်ခိုင်းလို့လား", because Soros told them to?) is
    another claim's as often as a rewording's."""
    before, after = closest[:at].replace(" ", ""), closest[at:].replace(" ", "")
    return bool(before) and not _endings_only(after)


@cache
def _as_typed(words: frozenset[str]) -> frozenset[str]:
    """``words`` (Burmese endings), and each typed in haste, without some of the marks
    :data:`_HASTY_MARKS` ("တေ" for "တွေ", "မှနလား" for "မှန်လား"), where that is no word of the
    lexicon ("တဲ" for "တဲ့" is a word of its own; "ဘူ" for "ဘူး" is none) and, for an ending
    longer than a syllable, the end of none ("သမာ" for "သမား", one who does, ends "မသမာ",
    dishonest)."""
    known = burmese_words.kinds()
    ends = "\n".join(known) + "\n"  # a word's end is followed by "\n"
    typed = {
        hasty
        for word in words
        for hasty in _without_marks(word)
        if hasty not in words
        and hasty not in known
        and (len(textlib.burmese_syllables(word)) == 1 or f"{hasty}\n" not in ends)
    }
    return words | typed


def _without_marks(word: str) -> Iterator[str]:
    """``word`` without each non-empty set of its marks :data:`_HASTY_MARKS` ("တွေ" as "တေ";
    "မှန်" as "မှန", "မန်", "မန"; "ဟုတ်လား" as "ဟုတ်လာ"), where two characters or more are left."""
    at = [found.start() for found in _HASTY_MARKS.finditer(word)]
    for count in range(1, len(at) + 1):
        for dropped in itertools.combinations(at, count):
            hasty = "".join(c for i, c in enumerate(word) if i not in dropped)
            if len(hasty) >= 2:
                yield hasty


def _endings_only(text: str) -> bool:
    """Whether ``text`` is Burmese endings only (framing words, a verb's endings, closers),
    any typed in haste (:func:`_as_typed`)."""
    endings = _as_typed(_ENDINGS)
    while text and (ending := _longest_ending(text, endings)):
        text = text[: -len(ending)]
    return not text


def _heard_at(word: str) -> bool:
    """Whether a Burmese ``word`` is a place where people meet and talk (:data:`HEARD_AT`),
    inside or on it (:data:`_WHERE_IN`), marked as where (:data:`_WHERE_MARKERS`) or whence
    ("က", from): "ဈေးထဲမှာ", in the market; "လက်ဖက်ရည်ဆိုင်က", from the tea shop."""
    marker = next((m for m in (*_WHERE_MARKERS, _FROM) if word.endswith(m)), None)
    if marker is None:
        return False
    place = word[: -len(marker)]
    inside = next((w for w in _WHERE_IN if place.endswith(w)), "")
    return place[: len(place) - len(inside)] in HEARD_AT


def _ordinary_nouns(text: str) -> bool:
    """Whether the Burmese ``text`` is the lexicon's words only, none naming a place, a
    person, a time or an armed force, nor a number (:func:`burmese_words.may_name`, nouns
    read as common nouns)."""
    words = burmese_words.segment(text)
    return (
        bool(words)
        and all(burmese_words.common_noun(w) for w in words)
        and not (burmese_words.may_name(text, "", True))
    )


# What the asker was doing when they heard it: a clause closed by "while" ("ရင်း"; "တုန်း",
# at the time of), a verb before it, with "နေ" (going on) or not: "ဘောလုံးပွဲကြည့်ရင်း", while
# watching football; "တန်းစီစောင့်နေတုန်း", while waiting in the queue.
_WHILE = frozenset(("ရင်း", "တုန်း"))
_GOING_ON = "နေ"


def _while_doing(word: str) -> bool:
    """Whether a Burmese ``word`` is a clause of what the asker was doing (:data:`_WHILE`) of
    the lexicon's words, naming no place, person, time or armed force
    (:func:`_ordinary_nouns`)."""
    if not textlib.has_burmese(word):
        return False
    words = burmese_words.segment(word)
    if len(words) < 2 or words[-1] not in _WHILE:
        return False
    doing = words[:-1]
    if doing[-1] == _GOING_ON and len(doing) > 1:
        doing = doing[:-1]
    verb = burmese_words.kinds().get(doing[-1]) == burmese_words.CONTENT
    return verb and _ordinary_nouns(word)


@lru_cache(maxsize=4096)
def _tells(asked: str, at: int) -> bool:
    """Whether the Burmese word written at ``asked[at:]`` is who told the asker: someone the
    writer knows or meets (:data:`PEOPLE_PASSING_ON`, :data:`EVERYDAY_TELLERS`), one of them
    (:data:`_ONE_PERSON`), after what kind ("ဆိုက်ကားဆရာ", the trishaw driver; "ကုန်စုံဆိုင်ဦးလေး",
    the grocery's uncle: nouns that name no place, no time and no armed force,
    :func:`burmese_words.common_noun`, or where people meet), followed by a verb of telling
    (:func:`_a_telling`) in the word or the next, after "က" or directly, or after where it
    was said (:func:`_heard_at`: "…ဆရာက အတန်းထဲမှာ ပြောတယ်", the tutor says in class); or,
    marked by "က" and ending its word, with a verb of saying anywhere after it
    (:func:`_says_later`: "ဆရာတော်တစ်ပါးက တရားပွဲမှာ … မိန့်တယ်", a monk said at a sermon …).
    Remembered: a question's pieces are read against each of its candidates' phrasings."""
    start = asked.rfind(" ", 0, at) + 1
    word, _, following = asked[start:].partition(" ")
    if not textlib.has_burmese(word):
        return False  # a Chinese piece, or one in Latin letters: no Burmese teller in it
    for teller in _TELLERS:
        end = word.find(teller)
        if end < 0:
            continue
        kind, after = word[:end], word[end + len(teller) :]
        after = next((after[len(o) :] for o in _ONE_PERSON if after.startswith(o)), after)
        marked = after.startswith(_FROM)
        if marked:  # "ဆရာက", the teacher + the doer's marker
            after = after[len(_FROM) :]
        said_later = marked and not after and _says_later(asked[start + len(word) :])
        if not after:
            after = following
            # where it was said, between who said it and the verb ("…က အတန်းထဲမှာ ပြောတယ်")
            where, _, then = following.partition(" ")
            if _heard_at(where):
                after = then
        if not (said_later or _a_telling(after)):
            continue
        if not kind or all(burmese_words.common_noun(w) or w in HEARD_AT for w in _segmented(kind)):
            return True
    return False


# What closes a clause of telling or being told ("ပြောတယ်", says; "ကြားခဲ့တာ", what I heard).
_TOLD_CLOSERS = frozenset(("တယ်", "တာ"))


def _before_telling(asked: str, at: int, texts: tuple[str, ...]) -> bool:
    """Whether the Burmese word at ``asked[at:]`` tells how the asker heard it: it stands in
    the frame of ``asked`` (:func:`_frame`) and is of ordinary words only
    (:func:`_ordinary_nouns`): "ကလေးကျောင်းကြိုရင်း မိဘတစ်ယောက်က ပြောတယ် …", picking up the
    child from school, a parent said …"""
    word = _written_at(asked, at)
    if not textlib.has_burmese(word):
        return False
    frame = _frame(asked, texts)
    return frame is not None and at < frame and _ordinary_nouns(_unframed(word))


@lru_cache(maxsize=1024)
def _frame(asked: str, texts: tuple[str, ...]) -> int | None:
    """Where the words of how the asker heard it end in ``asked``: the first word of telling
    or being told (:data:`_TOLD`, a clause of it closed after: "ပြောတယ်", says; "ကြားခဲ့တာ",
    what I heard) that more follows, with no word of the claim's ``texts`` before it
    (:func:`_shares_syllables`); None where there is none. Remembered: a question's pieces
    are read against each of its candidates' phrasings."""
    at = 0
    words = asked.split(" ")
    for i, word in enumerate(words):
        syllables = textlib.burmese_syllables(word)
        if any(
            syllable in _TOLD and not _TOLD_CLOSERS.isdisjoint(syllables[j + 1 :])
            for j, syllable in enumerate(syllables)
        ):
            if not any(words[i + 1 :]) or _shares_syllables(asked[:at], texts):
                return None
            return at
        at += len(word) + 1
    return None


def _shares_syllables(text: str, texts: tuple[str, ...]) -> bool:
    """Whether two syllables in a row of the Burmese ``text``, not both grammar, are in one of
    ``texts`` (normalised, without spaces): a word of the claim's."""
    kinds = burmese_words.kinds()
    syllables = textlib.burmese_syllables(text.replace(" ", ""))
    pairs = {
        a + b
        for a, b in itertools.pairwise(syllables)
        if not (kinds.get(a) == burmese_words.GRAMMAR and kinds.get(b) == burmese_words.GRAMMAR)
    }
    return any(pair in claims for claims in texts for pair in pairs)


def _says_later(text: str) -> bool:
    """Whether a verb of saying (:data:`_SAYING`) is a syllable of the Burmese ``text``."""
    return not _SAYING.isdisjoint(textlib.burmese_syllables(text))


def _a_telling(text: str) -> bool:
    """Whether ``text`` opens with a verb of telling (:data:`_TELLING`), a whole syllable:
    "ပြောတယ်", not "ပြီး" (and then), which opens with the letters of "ပြ"."""
    if text.startswith("share"):
        return True
    syllables = textlib.burmese_syllables(text[:12])
    return bool(syllables) and syllables[0] in _TELLING


def _passing_on(word: str) -> bool:
    """A Burmese word of :data:`PASSING_ON`, or an English or Russian one
    (:data:`textlib.PASSING_ON`) written among Burmese ("viber မှာ share ထားတယ်"); or
    who asks, "as a …" (:data:`AS_ONE`: "ဆရာမတစ်ဦးအနေဖြင့်", as a teacher). Looked for at each
    stage of taking a piece's framing words off (:func:`_unframings`): "အစ်ကိုတစ်ယောက်" (a
    brother) is "အစ်ကို" before its "ကို", the object's marker, would go; "ပို့ထား" (has sent)
    is "ပို့" once its "ထား" (has done) has."""
    return word in PASSING_ON or word in textlib.PASSING_ON or word.endswith(AS_ONE)


# Whom a Burmese message calls to: a word ending in the vocative "ရေ" ("အစ်ကိုရေ", brother!;
# "ဆရာရေ", teacher!) that opens the message, or is followed by a comma or "!"; and the word
# opening it (after a greeting, if any) that a polite particle of address follows before a
# comma or a full stop ("ဆရာ ခင်ဗျာ၊", sir, teacher; "admin ရှင့်။"). A word written apart, of
# a few letters (a run of Burmese written without spaces is no one called to, and is read in
# time linear in its length).
_VOCATIVE = "ရေ"
_POLITE = "(?:ခင်ဗျာ|ခင်ဗျ|ရှင့်|ရှင်)"
_GREETING = "(?:{})".format("|".join(textlib.GREETINGS_MY))
_CALLED = r"(?<!\S)\S{0,15}"  # who is called: a word's start, at most 15 letters
_ADDRESSED = re.compile(
    rf"^{_CALLED}[\u1000-\u109f]{_VOCATIVE}(?=[\s၊,!])"
    rf"|{_CALLED}[\u1000-\u109f]{_VOCATIVE}(?=[၊,!])"
    rf"|^(?:{_GREETING}[\s၊,!]*)?{_CALLED}\S\s?{_POLITE}(?=[၊။,.!])"
)


@lru_cache(maxsize=4096)
def _addressed(question: str) -> frozenset[str]:
    """The words of ``question`` (as written, its commas read) that say whom it calls to
    (:data:`_ADDRESSED`), normalised: no subject of the claim, as an @handle is none in
    English."""
    return frozenset(
        word
        for found in _ADDRESSED.finditer(question)
        for word in textlib.normalise(found.group()).split()
    )


def _written_at(text: str, at: int) -> str:
    """The word written apart that ``text[at]`` is in."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    return text[start : end if end >= 0 else len(text)]


_KILLER = "\u103a"  # Burmese asat: the consonant before it closes the syllable before
_STACKER = "\u1039"  # Burmese virama: the consonant after it is stacked under the one before


def _cluster_edge(text: str, i: int, step: int) -> int:
    """``i``, moved (``step`` -1: back, 1: on) to the edge of the syllable or character it
    falls in: an edit found between code points ("က" kept, "ြောင့်" added, of "ကြောင့်")
    is read as whole syllables. A combining mark, a consonant its asat closes, or one stacked
    under another belongs with what is before it."""
    while 0 < i < len(text) and (
        unicodedata.category(text[i]).startswith("M")
        or text[i + 1 : i + 2] == _KILLER
        or text[i - 1] == _STACKER
    ):
        i += step
    return i


_WHETHER = re.compile(r"(.+)\u1019\1")  # "ဟုတ်မဟုတ်", is or is not: whether it is


def _longest_ending(text: str, endings: frozenset[str]) -> str:
    """The longest of ``endings`` that ``text`` ends with, or "": looked up by length, not
    tried one by one (they are many, and every piece's every stage is read)."""
    for length in _lengths(endings):
        if length <= len(text) and text[-length:] in endings:
            return text[-length:]
    return ""


@lru_cache(maxsize=8)
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    """The lengths of ``words``, longest first."""
    return tuple(sorted({len(word) for word in words}, reverse=True))


def _unframed(piece: str, endings: frozenset[str] = _PIECE_ENDINGS) -> str:
    """``piece`` without the framing words at its end (any typed in haste: :func:`_as_typed`)
    and the leading ones at its start, the longest first, one at a time
    ("…ပေးပါဦး": ဦး, then ပေးပါ); a verb asked "whether or not"
    (V မ V: "ဟုတ်မဟုတ်", "မှန်မမှန်") read as the verb."""
    *_, last = _unframings(piece, endings)
    return last


def _unframings(piece: str, endings: frozenset[str] = _PIECE_ENDINGS) -> Iterator[str]:
    """``piece``, then what is left of it after each step :func:`_unframed` takes: the
    framing words and the written language's endings (:data:`WRITTEN_ENDINGS`) taken off,
    or ``endings`` alone."""
    yield piece
    trimmed = True
    while trimmed and piece:
        trimmed = False
        if whether := _WHETHER.fullmatch(piece):
            piece, trimmed = whether.group(1), True
        if ending := _longest_ending(piece, _as_typed(endings)):
            piece, trimmed = piece[: -len(ending)], True
        if opening := next((w for w in LEADING_WORDS if piece.startswith(w)), None):
            piece, trimmed = piece[len(opening) :], True
        if trimmed:
            yield piece


def burmese_negation_mismatch(question: str, phrasing: str) -> bool:
    """Whether a Burmese question and a claim's Burmese phrasing (both normalised) differ by a
    negation about what they share: the negated verbs (:func:`textlib.burmese_negations`) of
    each that bear on the other, as English counts a "not" whose next words the other holds
    (:func:`knowledge.matching.negation.count`)."""
    return _negations_bearing(question, phrasing) % 2 != _negations_bearing(phrasing, question) % 2


def _negations_bearing(text: str, other: str) -> int:
    """How many negated verbs of ``text`` bear on ``other``: the verb, what opens its run of
    letters before the မ, or the run before it ("အကြမ်းဖက်သမားတွေ မဟုတ်ဘူး", are not
    terrorists; "ပိုက်ဆံ မယူဘူး", took no money), framing words taken off, is in ``other``."""
    joined = other.replace(" ", "")
    count = 0
    for found in textlib.burmese_negations(text):
        start = text.rfind(" ", 0, found.start()) + 1
        before = text.rfind(" ", 0, max(start - 1, 0)) + 1
        near = (found.group("verb"), text[start : found.start()], text[before : max(start - 1, 0)])
        if any(len(piece) >= 2 and piece in joined for piece in map(_unframed, near)):
            count += 1
    return count


SYLLABLE_START = textlib.SYLLABLE_START  # where a Burmese syllable starts


# Burmese letters and signs, no digit ("၂၀၂၀") and no punctuation.
_BURMESE_LETTERS = re.compile("[\u1000-\u103f\u1050-\u109f]+")


def _split_words(words: list[str], texts: list[str]) -> Iterator[str]:
    """The claim's words (``texts``: its Burmese texts, spaces taken out) that a question
    writes in two parts (``words``: its words written apart, in order, their framing taken
    off), each a word of content, with only closed-class words between them: Burmese puts a
    plural, an adverb or a particle inside a compound ("မဲတွေ တကယ် လိမ်ထားတာ": "မဲ", votes, and
    "လိမ်", cheat, of "မဲလိမ်မှု", vote fraud)."""
    parts = [word for word in words if word and word not in CLOSED_WORDS]
    for first, second in itertools.pairwise(parts):
        joined = first + second
        if _BURMESE_LETTERS.fullmatch(joined) and any(joined in text for text in texts):
            yield joined


def shared_syllables(question: str, subject: Iterable[str], known: Iterable[str] = ()) -> int:
    """The most whole syllables of content a Burmese question shares, in one run, with one of
    the claim's texts (``subject``, its Burmese ones): in each word written apart, framing
    words and negations taken off and no closed-class word, the longest run a text holds,
    cut to the word's syllables. A name the claim's context knows (``known``: "မြန်မာ") counts
    whole. Burmese is matched by its characters, and the particles that close every sentence
    ("…ပြီလား", "…တာ မှန်လား") and a syllable's letters ("ောင်" of "ကျောင်း", school, and of
    "ကြောက်အောင်", to frighten) are in any claim: a question sharing fewer than two syllables
    of content with a claim shares no word with it. A claim's word the question writes in two
    parts, with nothing but closed-class words between them, is shared whole ("မဲတွေ တကယ်
    လိမ်ထားတာလား", the votes, really, cheated?: "မဲလိမ်", vote fraud; :func:`_split_words`)."""
    # One matcher a text: its index of the text is built once, for every word of the question.
    texts = [textlib.normalise(t).replace(" ", "") for t in subject if textlib.has_burmese(t)]
    matchers = [(difflib.SequenceMatcher(None, "", t, autojunk=False), len(t)) for t in texts]
    asked = textlib.without_burmese_negations(textlib.normalise(question)).split()
    # Each word written apart, once, without its framing words: not the written language's
    # endings, which leave a word of the claim's ("ငွေအတွက်", for money) one syllable short.
    unframed = {word: _unframed(word, _FRAMING) for word in asked}
    split = _split_words([unframed[word] for word in asked], texts)
    most = max((len(SYLLABLE_START.findall(w)) for w in split), default=0)
    for written, word in unframed.items():
        if any(name and name in written for name in known):
            most = max(most, len(SYLLABLE_START.findall(written)))
            continue
        if len(word) < 2 or word in CLOSED_WORDS or not textlib.has_burmese(word):
            continue
        edges = [m.start() for m in SYLLABLE_START.finditer(word)] + [len(word)]
        for matcher, length in matchers:
            matcher.set_seq1(word)
            at, _, size = matcher.find_longest_match(0, len(word), 0, length)
            start = next((e for e in edges if e >= at), len(word))
            end = max((e for e in edges if e <= at + size), default=0)
            run = _unframed(word[start:end], _FRAMING) if end > start else ""
            if run and run not in CLOSED_WORDS:
                most = max(most, len(SYLLABLE_START.findall(run)))
    return most
