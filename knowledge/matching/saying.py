"""Who says a claim, and where a message was seen: verbs of saying (English, Russian), the
words of passing a message on, someone the base never heard of opening a sentence or a
reported clause before a verb of saying ("hun sen says…", "…что путин сказал"), who made a
claim named by initials, title or a mistyped Burmese name, and the platforms and forwarded
channels a message names as where it came from. Grammar and where messages are shared, not
topics: :mod:`~knowledge.matching.context` reads a question's names with these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from knowledge import urls
from knowledge.matching import names as namelib
from knowledge.matching import text as textlib
from knowledge.matching.persons import common_word, person_noun, stands_for_someone
from knowledge.matching.pieces import FRAMING_WORDS, SYLLABLE_START
from knowledge.matching.pieces import PASSING_ON as BURMESE_PASSING_ON
from knowledge.matching.wording import (
    NOT_NAMES,
    SENTENCE,
    WORD,
    any_same,
    fold,
    is_stopword,
    latin,
    misspelt_of,
    same_name,
)

SPEAKER_WORDS = 3  # words of a name opening a sentence before a verb of saying ("hun sen says")
# Whose: a word after one of these names someone by what they are to the writer, never by name
# ("my coworker says…", "our teacher said…"; in Russian, textlib.PASSING_ON has "мой…").
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their"})


# Verbs of saying, in English and Russian, that follow who said something.
SAYING = frozenset(
    """says said say claims claimed claim tells told states stated announces announced tweets
    tweeted writes wrote insists insisted believes believed thinks thought argues argued
    alleges alleged warns warned admits admitted confirms confirmed denies denied reports
    reported accuses accused blames blamed asserts asserted maintains maintained contends
    contended
    saying claiming telling stating insisting alleging repeating repeats repeated
    yelling yells yelled yell shouting shouts shouted shout screaming screams screamed
    сказал сказала сказали говорит говорил говорила говорят заявил заявила заявили заявляет
    утверждает утверждал утверждала считает считал написал написала пишет признал признала
    обвинил обвинила сообщил сообщила отрицает""".split()  # noqa: SIM905
)


# Who speaks for another by office: "the junta spokesman says…", "пресс-секретарь хунты
# заявил…", "军政府发言人说…", "စစ်ကောင်စီ ပြောခွင့်ရပုဂ္ဂိုလ်က ပြောတယ်". What such a person says is their
# own claim, even of the claimant's side: a closed class, read in every language.
SPOKESPEOPLE = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople spokespersons
    spokesman's spokeswoman's spokesperson's""".split()  # noqa: SIM905
)
# In Russian, by the start of the word (any case): a press secretary, a speaker for a body;
# in the scripts written without spaces, as the word is written: "发言人" (spokesperson),
# "ပြောခွင့်ရ" (authorised to speak), "ပြောရေးဆိုခွင့်" (the right to speak for).
_SPOKESPEOPLE_RU = re.compile(r"(?<![\w-])(?:пресс-?секретар|спикер)\w*", re.IGNORECASE)
SPOKESPEOPLE_UNSPACED = ("发言人", "發言人", "ပြောခွင့်ရ", "ပြောရေးဆိုခွင့်")


def spokesperson(text: str) -> str | None:
    """The word of ``text`` naming someone who speaks for another by office
    (:data:`SPOKESPEOPLE`), as written; None where it names none."""
    words: list[str] = WORD.findall(text)
    if said := next((word for word in words if fold(word) in SPOKESPEOPLE), None):
        return said
    if found := _SPOKESPEOPLE_RU.search(text):
        return found.group()
    return next((word for word in SPOKESPEOPLE_UNSPACED if word in text), None)


# Words judging what someone says, beside a verb of saying: "Is the junta right that…",
# "according to the military", "это всё пропаганда военных".
JUDGING = frozenset(
    """right wrong lie lies lying lied according claim claims propaganda
    прав права правы врёт врет врут лжёт лжет лгут пропаганда пропаганды словам""".split()  # noqa: SIM905
    # and nouns of what someone said: "the commander-in-chief's assertion that…", "по версии
    # хунты…" (in the junta's version), "проверить утверждение главнокомандующего…"
    + """assertion assertions statement statements allegation allegations remarks narrative
    утверждение утверждения утверждению заявление заявления заявлению версии версия
    тезис тезиса тезису""".split()  # noqa: SIM905
    # and where he said it: "Min Aung Hlaing interview: …", "Мин Аун Хлайн интервью …"
    + ["interview", "interviews", "интервью"]
)


# Russian verbs of saying by their stems, for the forms SAYING does not list ("заявлял",
# "говорили", "утверждали"): a word opening with one and ending as a verb in the past or
# present does ("заявление", a statement, does not).
RUSSIAN_SAYING_STEMS = tuple(
    "сказ говор заяв утвержд счита написа пиш призна обвин сообщ отрица".split()  # noqa: SIM905
    # keeps saying, assures, repeats, shouts, and chat's "втирает" (feeds someone a line)
    + "тверд уверя заверя повторя крич втира".split()  # noqa: SIM905
)

# The endings of a Russian verb in the past or the present ("заявил", "говорят", "платит").
RUSSIAN_VERB_ENDING = re.compile(r"(?:л|ла|ло|ли|ет|ёт|ит|ат|ят|ут|ют)$")


def is_saying(word: str) -> bool:
    """Whether a folded ``word`` is a verb of saying: :data:`SAYING`, or a Russian form of
    one of :data:`RUSSIAN_SAYING_STEMS`."""
    return word in SAYING or (
        word.startswith(RUSSIAN_SAYING_STEMS) and bool(RUSSIAN_VERB_ENDING.search(word))
    )


def saying_typed(word: str) -> bool:
    """Whether a folded ``word`` is a verb of saying as chat types one: as such
    (:func:`is_saying`), in "-ing" or with its "g" dropped ("saying", "sayin", "claimin"), or
    misspelt (:func:`misspelt_of`: "гаварит" for "говорит")."""
    if is_saying(word) or word in _SAYING_ASKED:
        return True
    for ending in ("ing", "in"):
        stem = word.removesuffix(ending)
        if stem != word and (is_saying(stem) or stem in _SAYING_ASKED):
            return True
    return len(word) >= 5 and bool(misspelt_of(word, SAYING))


def speaks_of_it(words: Iterable[str]) -> bool:
    """Whether ``words`` ask what someone says (:func:`is_saying`), or whether they are right
    (:data:`JUDGING`)."""
    return any(w in JUDGING or is_saying(w) for w in words)


# Who may be said to say something where no one is named: hearsay ("they say…", "people are
# saying…", "говорят…"), not a speaker of the message.
NO_ONE_NAMED = frozenset(
    {"they", "people", "some", "many", "everyone", "everybody", "folks", "i", "we"}
    | {"они", "люди", "все", "многие", "я", "мы"}
    | {"let", "lets"}  # a supposition: "Let's say the general is right…"
)
# Verbs of hearing a rumour: "I heard…", "слышал, что…".
_HEARING = frozenset(
    {"hear", "heard", "hearing", "слышал", "слышала", "слышали", "слыхал", "поговаривают"}
)


HEARSAY_WORDS = 4  # words opening a message, up to the verb: "people are saying", "и все говорят"


@lru_cache(maxsize=4096)
def hearsay(question: str) -> frozenset[str]:
    """The words (folded) of a verb of saying or hearing that opens a message with no one
    named as who says it: how a rumour is passed on ("Говорят, военные в Мьянме платят…",
    they say the military pays…; "people are saying…", "I heard that…"). No one said it whose
    side the message could be asking about. Remembered: a question is read against each of
    its best candidates."""
    opening = re.split(r"[,:;.!?—–\n]", textlib.plain(question), maxsplit=1)[0]
    words = [fold(w) for w in WORD.findall(opening)][:HEARSAY_WORDS]
    at = next((i for i, w in enumerate(words) if is_saying(w) or w in _HEARING), None)
    if at is None or not all(w in NO_ONE_NAMED or is_stopword(w) for w in words[:at]):
        return frozenset()
    return frozenset({words[at]})


def is_passing_on(word: str) -> bool:
    """A word of :data:`textlib.PASSING_ON`; in Russian, in any of its forms ("канала", "группы",
    "дядей": the same word as :func:`any_same` reads names)."""
    return word in textlib.PASSING_ON or (
        textlib.starts_cyrillic(word) and any_same(word, textlib.PASSING_ON)
    )


@lru_cache(maxsize=4096)
def speakers_named(question: str, unknown: frozenset[str], known: frozenset[str]) -> frozenset[str]:
    """The words opening a sentence of ``question`` before a verb of saying (:data:`SAYING`,
    in small letters): one word, capitalised or not ("Putin said…", "putin said…"), or up to
    :data:`SPEAKER_WORDS` typed in small letters ("xi jinping said…", "hun sen says…"), each
    that is no stopword in ``unknown`` and none a word of the claim's context (``known``) in
    any form: "min aung hliang said" names who made the claim, misspelt. Who passed it on is
    nobody named ("my uncle says", "Коллега утверждает…"), nor is anyone after "my", "our"…
    (:data:`POSSESSIVES`: "my coworker says"), nor "people" ("people say");
    words written capitalised are read as names or places elsewhere (:func:`read_words`:
    "United States Steel announced" names a place, and no speaker)."""
    found: set[str] = set()
    for sentence in SENTENCE.split(textlib.plain(question)):
        for words in _clauses(WORD.findall(sentence)):
            found.update(_speaker(words, unknown, known, sentence))
    return frozenset(found)


# The words opening a reported clause ("is it true that…", "правда ли, что…"): who speaks in
# it opens it, as who speaks opens a sentence.
_THAT = frozenset({"that", "что"})


def _clauses(words: list[str]) -> list[list[str]]:
    """A sentence's ``words``, and those after each word opening a reported clause
    (:data:`_THAT`)."""
    return [words, *(words[i + 1 :] for i, w in enumerate(words[:-1]) if w.casefold() in _THAT)]


def relations(question: str) -> frozenset[str]:
    """The words, in small letters, naming who said something by what they are to the writer:
    after one of :data:`POSSESSIVES`, opening a sentence before a verb of saying ("coworker"
    of "my coworker says…"; "old" and "teacher" of "My old teacher said…"). No name, and
    nothing a claim is about, as who passed a claim on is not (:func:`is_passing_on`)."""
    found: set[str] = set()
    for sentence in SENTENCE.split(textlib.plain(question)):
        for words in _clauses(WORD.findall(sentence)):
            k = _saying_at(words)
            if k is not None and any(fold(w) in POSSESSIVES for w in words[:k]):
                found.update(fold(w) for w in words[:k] if fold(w) not in POSSESSIVES)
    return frozenset(found)


def _saying_at(words: list[str]) -> int | None:
    """Where among the first words of ``words`` a verb of saying in small letters follows
    up to :data:`SPEAKER_WORDS` words of who said it."""
    last = min(SPEAKER_WORDS, len(words) - 1)
    return next((k for k in range(1, last + 1) if words[k].islower() and is_saying(words[k])), None)


def _speaker(
    words: list[str], unknown: frozenset[str], known: frozenset[str], sentence: str = ""
) -> list[str]:
    """The words opening ``words`` (of ``sentence``) before a verb of saying that name a
    speaker (:func:`speakers_named`); none across a comma ("я запутался, отец говорит…", I
    am confused, father says…: "запутался" names no one)."""
    k = _saying_at(words)
    if k is None or (k > 1 and not all(w.islower() for w in words[:k])):
        return []  # no verb of saying; names written capitalised are read as such (read_words)
    if sentence and re.search(r"[^\w,]+".join(map(re.escape, words[: k + 1])), sentence) is None:
        return []  # a comma between them
    if any(fold(w) in POSSESSIVES for w in words[:k]):
        return []  # someone's relation to the writer, not a name (relations)
    if fold(words[k - 1]) == "to":
        return []  # an infinitive says no one says it ("dare you to say otherwise")
    named = [
        w
        for w in map(fold, words[:k])
        if not (
            is_stopword(w)
            or w in NOT_NAMES
            or w in _BEFORE_SAYING
            or w in NO_ONE_NAMED
            or stands_for_someone(w)
        )
    ]
    if named and _described(words[:k]):
        # "the conductor said…", "a retired nurse said…": who passed it on, by what they
        # are; a word beside that may still be a name ("a biden aide said…").
        named = [w for w in named if not common_word(w)]
    if named and all(
        w in unknown and not is_passing_on(w) and not any_same(w, known) for w in named
    ):
        return named
    return []


# The words governing the noun after them, an article between or not: a place or a time
# before who speaks ("в автобусе кондуктор сказал…", on the bus the conductor said; "at the
# market the shopkeeper said…"), no speaker.
_GOVERNING = textlib.RUSSIAN_PREPOSITIONS | frozenset(
    {"at", "in", "on", "from", "during", "after", "before", "near", "outside", "inside", "with"}
)
_ARTICLES = frozenset({"a", "an", "the", "this", "that"})


def _described(words: list[str]) -> bool:
    """Whether a word of ``words`` (before a verb of saying) that no preposition governs is a
    word for someone by what they are (:func:`~knowledge.matching.persons.person_noun`: "the
    conductor", "таксист", "однокурсник из бишкека", "учитель истории", a teacher of
    history); no office's, a spokesman's either (those speak for themselves or a body)."""
    folded = [fold(w) for w in words]
    return any(person_noun(word) for at, word in enumerate(folded) if not _governed(folded, at))


def _governed(folded: list[str], at: int) -> bool:
    """Whether a preposition governs the ``at``-th of the ``folded`` words, an article
    between or not ("в автобусе", "at the rally")."""
    before = folded[at - 1] if at else ""
    return before in _GOVERNING or (
        before in _ARTICLES and at >= 2 and folded[at - 2] in _GOVERNING
    )


# Where people see and share what they forward (a closed class, as the chat abbreviations
# are): the platforms, in English and Russian ("фейсбуке", "телеграме": inflected).
_PLATFORMS = (
    "facebook", "fb", "twitter", "youtube", "tiktok", "whatsapp", "telegram", "viber",
    "wechat", "weibo", "instagram", "messenger", "reddit", "vk", "фейсбук", "телеграм",
    "вайбер", "ютуб", "тикток", "инстаграм", "ватсап", "вотсап", "твиттер", "вконтакте",
    "slack", "discord", "signal", "слак", "дискорд", "threads", "одноклассник", "дзен",
)  # fmt: skip


# The words before a platform that make it where the message was seen ("on Facebook", "in a
# Telegram group", "из телеграма"), not what it speaks of ("paid by Facebook").
_SEEN_ON = frozenset({"on", "in", "from", "via", "at", "в", "во", "из", "через"})

# The Burmese postpositions after a platform that make it where the message was seen or came
# from ("Telegram မှာ", on Telegram; "facebook ကနေ", from Facebook; "viber ထဲ", in Viber; and
# "က", from, before a verb of sending: "Telegram ကပို့တာ", sent from Telegram). Not "က"
# alone: it also marks who did it ("Facebook က ပိုက်ဆံပေးတာ", Facebook paid).
# Matched by whole syllables: "မှ" (from) is no "မှန်" (true) or "မှား" (wrong).
_SEEN_ON_MY = tuple(
    tuple(textlib.burmese_syllables(word))
    for word in ("မှာ", "ကနေ", "ထဲ", "ပေါ်", "မှ", "ကပို့", "ကရှယ်", "ကမျှဝေ")
)


# What a platform names before it is where a message was shared ("Viber group", "Telegram
# channel", in any language's sentence), not what it speaks of.
_SHARED_IN = frozenset(
    {"group", "groups", "chat", "channel", "page", "post", "video", "story", "thread",
     "workspace", "группа", "группе", "чат", "чате", "канал", "канале", "тред", "треде"}
)  # fmt: skip


def _platform(word: str) -> bool:
    return any(
        word == name or (len(name) >= 4 and word.startswith(name) and len(word) - len(name) <= 2)
        for name in _PLATFORMS
    )


@lru_cache(maxsize=4096)
def initials_of(name: str) -> str:
    """The initials of a name (:attr:`ClaimContext.speaker_initials`), folded; empty for a
    name of fewer than three words or Burmese syllables, whose initials name too much."""
    if textlib.has_burmese(name):
        starts = SYLLABLE_START.findall(textlib.normalise(name).replace(" ", ""))
        return "".join(starts) if len(starts) >= 3 else ""
    if textlib.has_unspaced_script(name):
        return ""
    words = WORD.findall(textlib.plain(name))
    return "".join(fold(w)[0] for w in words) if len(words) >= 3 else ""


@lru_cache(maxsize=4096)
def initials_named(question: str, initials: frozenset[str]) -> frozenset[str]:
    """The words of ``question`` that are the ``initials`` of who made the claim, folded:
    written in capitals ("MAH says…"), or in small letters where a verb of saying follows
    ("mah says…", as a question typed without capitals names them)."""
    if not initials:
        return frozenset()
    words = WORD.findall(textlib.plain(question))
    return frozenset(
        folded
        for i, word in enumerate(words)
        if (folded := fold(word)) in initials
        and (
            word.isupper()
            or (word.islower() and i + 1 < len(words) and is_saying(fold(words[i + 1])))
        )
    )


# A Burmese name's letters and marks (code points) per one mistyped: "မင်းအောင်လှိုင်", 15 of
# them, may be typed two off (a mark left out, ူ for ု), as an English name of five letters one
# off (any_same). Chinese names, of two to four characters, are read by their sound instead
# (knowledge.matching.homophones).
NAME_CODE_POINTS_PER_TYPO = 6


@lru_cache(maxsize=1024)
def mistyped_name(joined: str, name: str) -> str | None:
    """The run of ``joined`` (a question without its spaces) that is ``name`` (Burmese, of
    :data:`NAME_CODE_POINTS_PER_TYPO` code points or more) mistyped: as few edits off as a run
    can be, and at most one per :data:`NAME_CODE_POINTS_PER_TYPO`; a run that opens or ends
    inside a syllable is none (a longer name holding it, another word running on)."""
    most = len(name) // NAME_CODE_POINTS_PER_TYPO
    if not most or not textlib.has_burmese(name):
        return None
    best: tuple[int, str] | None = None
    for size in range(len(name) - most, len(name) + most + 1):
        for at in range(len(joined) - size + 1):
            if not SYLLABLE_START.match(joined, at):
                continue
            if at + size < len(joined) and not SYLLABLE_START.match(joined, at + size):
                continue
            run = joined[at : at + size]
            edits = OSA.distance(run, name, score_cutoff=most)
            if edits <= most and (best is None or edits < best[0]):
                best = (edits, run)
    return best[1] if best else None


def burmese_initials_named(question: str, initials: frozenset[str]) -> list[str]:
    """The Burmese ``initials`` of who made the claim that open a word of ``question`` and
    end a syllable there ("မအလက…", "မအလ ပြောတာ…"; not the letters opening "မအလုပ်")."""
    words = textlib.normalise(question).split()
    return [
        found
        for found in initials
        if textlib.has_burmese(found)
        and any(
            word.startswith(found)
            and (len(word) == len(found) or SYLLABLE_START.match(word, len(found)))
            for word in words
        )
    ]


TITLE_SYLLABLES = 6  # "ဗိုလ်ချုပ်မှူးကြီး" has 5; more, run together, is a phrase, not a title


def burmese_titles_named(question: str, names: Iterable[str]) -> list[str]:
    """The Burmese word written just before the name of who made the claim (``names``, as
    the question writes them), ending in no particle: his title ("ဗိုလ်ချုပ်မှူးကြီး
    မင်းအောင်လှိုင်က…", Senior General Min Aung Hlaing), as a capitalised word before it is in
    English (:func:`titles_named`); not a word ending in one ("ပူတင်နဲ့ မင်းအောင်လှိုင်…",
    Putin and…; "ရုရှားက…", Russia's…)."""
    normalised = textlib.normalise(question)
    titles = []
    for name in names:
        for found in re.finditer(r"(\S+?)\s*" + re.escape(name), normalised):
            title = found.group(1)
            if (
                textlib.has_burmese(title)
                and not title.endswith(FRAMING_WORDS)
                and len(textlib.burmese_syllables(title)) <= TITLE_SYLLABLES
            ):
                titles.append(title)
    return titles


@lru_cache(maxsize=4096)
def titles_named(question: str, speakers: frozenset[str]) -> frozenset[str]:
    """The capitalised words written in one run with the name of who made the claim (two of
    its words, or its one), folded: a title ("Senior General Min Aung Hlaing"), not another
    name."""
    if not speakers:
        return frozenset()
    titles: set[str] = set()
    for sentence in SENTENCE.split(textlib.plain(question)):
        run: list[str] = []
        for word in [*WORD.findall(sentence), ""]:
            if word[:1].isupper():
                run.append(fold(word))
                continue
            named = {s for s in speakers if any(same_name(w, s, 1) for w in run)}
            if len(named) >= min(2, len(speakers)):
                titles.update(w for w in run if not any(same_name(w, s, 1) for s in speakers))
            run = []
    return frozenset(titles)


@lru_cache(maxsize=4096)
def seen_on(question: str) -> frozenset[str]:
    """The platforms a question names as where its message was seen or shared: after "on",
    "in", "from" (an article between too: "in a Telegram group"), in English and Russian. They
    name no other subject; a platform said otherwise ("paid by Facebook") still does."""
    words = [fold(w) for w in WORD.findall(textlib.plain(question))]
    seen = {
        word
        for i, word in enumerate(words)
        if _platform(word)
        and (
            any(before in _SEEN_ON for before in words[max(0, i - 2) : i])
            or (i + 1 < len(words) and words[i + 1] in _SHARED_IN)
        )
    }
    if textlib.has_burmese(question):
        written = textlib.plain(question).split()
        seen |= {
            word
            for word, after in zip(map(fold, written), written[1:], strict=False)
            if _platform(word) and _opens_with_where(after)
        }
    return frozenset(seen)


def _opens_with_where(word: str) -> bool:
    """Whether a Burmese ``word`` opens with one of :data:`_SEEN_ON_MY`, syllable for syllable."""
    syllables = tuple(textlib.burmese_syllables(word))
    return any(syllables[: len(where)] == where for where in _SEEN_ON_MY)


# Where the writer, or someone he names by what they are to him, lives, works, writes from or
# comes from: the place that follows is his setting, not what the claim he asks about is
# about ("Writing from Nairobi.", "my grandma in Yangon keeps asking me", "My Malaysian
# friend said…", "Я з Харкова", "Однокурсник из Бишкека говорит…"). In English and Russian.
_PEOPLE_EN = (
    r"friends?|uncles?|aunts?|aunties?|cousins?|colleagues?|co-?workers?|classmates?"
    r"|neighbou?rs?|teachers?|students?|(?:tour\s+)?guides?|boss|relatives?|family|grandma"
    r"|grandmother|grandpa|grandfather|mother|mom|mum|dad|father|brothers?|sisters?|sons?"
    r"|daughters?|wife|husband|roommates?|flatmates?|pen\s*pals?|in-laws"
)
_PEOPLE_RU = (
    r"однокурсни\w*|одноклассни\w*|друг|друзья|подруг\w*|коллег\w*|сосед\w*|знаком\w+"
    r"|родственни\w+|брат\w*|сестр\w*|дядя|тётя|тетя|мама|папа|бабушка|дедушка|учител\w*"
    r"|преподавател\w*|студент\w*"
)
_WHEREABOUTS = re.compile(
    r"(?i)(?:\b(?:i['’]?m|i\s+am|i\s+was|we['’]?re|we\s+are|i|we)\s+"
    r"(?:(?:currently|now|still|originally)\s+)?"
    r"(?:(?:living|live|lived|working|work|worked|studying|study|teaching|teach|staying|"
    r"stay|based|born|raised|grew\s+up|writing|moved)\s+)?(?:here\s+)?(?:in|from|to)"
    r"|\b(?:writing|asking|messaging|texting|posting|greetings|hello|hi)\s+from"
    r"|\b(?:over\s+)?here\s+in|\bback\s+home\s+in"
    rf"|\b(?:my|our|a|an)\s+(?:\w+\s+)?(?:{_PEOPLE_EN})\s+(?:(?:who\s+(?:lives?|works?|is|are|"
    r"was)|living|working|based|back\s+home)\s+)?(?:here\s+)?(?:in|from)"
    r"|(?<!\w)(?:я|мы)\s+(?:(?:сам[аи]?|родом|сейчас|живу|живём|живем|работаю|учусь|пишу)\s+)*"
    r"(?:из|з|с|в|у)|(?<!\w)(?:живу|живём|живем|работаю|учусь|пишу|спрашиваю)\s+(?:сейчас\s+)?"
    r"(?:в|во|из|з|у)|(?<!\w)у\s+нас\s+в"
    rf"|(?<!\w)(?:{_PEOPLE_RU})\s+(?:\w+\s+)?(?:из|з|с|в))\s+(?P<place>[^\s,.;:!?()]+"
    r"(?:\s+[^\s,.;:!?()]+){0,2})"
)
# "My Malaysian friend said…": a word of where someone comes from, before what he is to the
# writer.
_FROM_WHERE = re.compile(rf"(?i)\b(?:my|our|a|an)\s+(?P<place>\w+)\s+(?:{_PEOPLE_EN})\b")
# "From Chiang Mai: …", "Из Таунджи: …": a message opening with where it is sent from, set
# apart by a colon or a dash (not "From Hong Kong to Myanmar, …").
_SENT_FROM = re.compile(
    r"(?i)^\s*(?:from|из)\s+(?P<place>[^\s,.;:!?()]+(?:\s+[^\s,.;:!?()]+){0,2})\s*[:—–]"
)


@lru_cache(maxsize=4096)
def whereabouts(question: str, named: frozenset[str]) -> frozenset[str]:
    """Of the ``named`` words of ``question`` (folded), those naming where its writer, or
    someone he names by what they are to him, lives, works, writes from or comes from
    (:data:`_WHEREABOUTS`): the words that follow such a phrase, as long as each is named.
    The writer's setting, no subject of the claim he asks about: a question naming nothing
    the claim is about beside it is still unanchored. Not a word the question writes
    elsewhere too ("were the protesters in Hong Kong paid? my friend from Hong Kong says
    so")."""
    plain = textlib.plain(question)
    found: set[str] = set()
    rest = plain
    for pattern in (_WHEREABOUTS, _FROM_WHERE, _SENT_FROM):
        for match in pattern.finditer(plain):
            taken: list[str] = []
            for word in map(fold, WORD.findall(match.group("place"))):
                if word not in named:
                    break
                taken.append(word)
            found.update(taken)
            if len(taken) > 1:
                found.add(" ".join(taken))
        rest = pattern.sub(" ", rest)
    return frozenset(found - {fold(word) for word in WORD.findall(rest)})


# The same in Chinese, around a place read in it (names.unspaced_names): "我是马来西亚华人",
# "在新加坡打工，…", "我们瑞丽这边…", "新加坡的朋友说…". Not "我们香港的抗议者" (our Hong Kong
# protesters), nor "在香港抗议的人" (those protesting in Hong Kong): a verb of living, working or
# studying, or what someone is to the writer, must follow.
_ZH_BEFORE = re.compile(
    r"(?:(?:我|咱)(?:们|家)?(?:现在|目前|一直|以前|从小|人)?(?:在|住在|生活在|来自|是|从)|来自)$"
)
_ZH_IN = re.compile(r"(?:^|[\s，,。.！!？?：:；;])(?:我|咱)?(?:们)?(?:现在|目前|一直|以前)?在$")
_ZH_LIVING = ("打工", "工作", "留学", "读书", "上学", "生活", "定居", "做生意", "住")
_ZH_AFTER_US = ("这边", "那边", "这里")
_ZH_PEOPLE = re.compile(r"^(?:的)?(?:朋友|同事|同学|亲戚|老师|家人|导游|老板|华人|华侨)")
# In Burmese: a place, "မှာ" (at, in), and a verb of living, growing up, being born, working or
# studying ("Japan မှာ နေတဲ့ ဦးလေး", an uncle living in Japan; "Korea မှာ အလုပ်လုပ်နေတာ", working in
# Korea), not as what people there are ("…မှာ နေတဲ့ ဆန္ဒပြသူတွေ", protesters living there: a
# relative clause, "…တဲ့", must name someone the writer knows); or "က" (from) and someone the
# writer knows ("Singapore က သူငယ်ချင်း", a friend from Singapore).
_MY_LIVING = ("နေ", "ကြီး", "မွေး", "အလုပ်လုပ်", "ကျောင်းတက်", "ပညာသင်", "အခြေချ", "ရောက်နေ")
_MY_AT = "မှာ"
_MY_FROM = "က"
_MY_RELATIVE = "တဲ့"
# Who passed a message on (pieces.PASSING_ON), longest first: "အဒေါ်" before "အ…".
_MY_PEOPLE = tuple(sorted(BURMESE_PASSING_ON, key=len, reverse=True))
_MY_SELF = ("ကျွန်တော်", "ကျွန်မ", "ကျနော်", "ကျမ", "ငါ", "ကျုပ်")  # I
_MY_SELF_REACH = 24  # code points before the place the writer names himself in


@lru_cache(maxsize=4096)
def whereabouts_unspaced(question: str, places: frozenset[str]) -> frozenset[str]:
    """Of ``places`` read in a Chinese or Burmese ``question`` (normalised, as written there),
    those naming where its writer, or someone he knows (in Burmese, one of
    :data:`pieces.PASSING_ON`), lives, works or comes from (:data:`_ZH_BEFORE`…,
    :data:`_MY_LIVING`): his setting, no subject of the claim, as :func:`whereabouts` reads
    it in English."""
    text = textlib.normalise(question)
    found: set[str] = set()
    for place in places:
        spots = [m.start() for m in re.finditer(re.escape(place), text)]
        # Every time it is written: "我是香港人，香港的抗议者…" asks of Hong Kong too.
        if spots and all(_writers_place(text[:at], text[at + len(place) :]) for at in spots):
            found.add(place)
    return frozenset(found)


def _writers_place(before: str, after: str) -> bool:
    """Whether a place written between ``before`` and ``after`` is where the writer, or
    someone he knows (:data:`_MY_PEOPLE` in Burmese), lives or comes from."""
    if textlib.has_han(before[-4:] + after[:4]):
        return bool(
            _ZH_BEFORE.search(before)
            or (_ZH_IN.search(before) and after.startswith(_ZH_LIVING))
            or (before.endswith(("我们", "咱们")) and after.startswith(_ZH_AFTER_US))
            or _ZH_PEOPLE.match(after)
        )
    rest = after.lstrip()
    if rest.startswith(_MY_FROM):
        return rest[len(_MY_FROM) :].lstrip().startswith(_MY_PEOPLE)
    if not rest.startswith(_MY_AT):
        return False
    rest = rest[len(_MY_AT) :].lstrip()
    verb = next((v for v in _MY_LIVING if rest.startswith(v)), None)
    if verb is None:
        return False
    rest = rest[len(verb) :]
    # "…နေတဲ့ X": living there, said of X, who must be someone the writer knows; else the
    # writer must say it of himself ("ကျွန်မ Australia မှာ ကြီးလာတာ"): Burmese is read as set
    # in Myanmar, so another country left out for who knows whom would set a (b) there.
    clause = rest.split()[0] if rest.split() else ""
    if _MY_RELATIVE in clause:
        following = rest[rest.find(_MY_RELATIVE) + len(_MY_RELATIVE) :].lstrip()
        return following.startswith(_MY_PEOPLE)
    return any(pronoun in before[-_MY_SELF_REACH:] for pronoun in _MY_SELF)


# "Forwarded from <channel> /", "Shared from …:", "Переслано из канала «…»", "转发自…：": where a
# forwarded post came from, as a chat client copies it out with the post, up to what sets it
# apart from the post (a slash, a colon, a bar, a quotation mark, a dash, a line's end).
_FORWARDED_FROM = re.compile(
    r"(?i)(?:\b(?:forwarded|shared|reposted|переслано|репост)\s+(?:from|из|с)|转发自|轉發自)\s*"
    r"(?:(?:канала|группы|чата|channel|group|chat)\s+)?[«\"“‘']?"
    r"(?P<source>[^/:|«»\"“”‘’'\n—–：「]{1,60}?)[»\"”’']?\s*(?=[/:|\n—–：「]|\s-\s|$)"
)


# A page, group or channel named in quotation marks ("the FB page 'Asia Truth Report'",
# "канал «Правда Мьянмы»"): where the post was seen.
_PAGE_NAMED = re.compile(
    r"(?i)\b(?:page|group|channel|account|паблик\w*|канал\w*|групп\w*|страниц\w*)\s*"
    r"[«\"“‘'](?P<source>[^«»\"“”‘’'\n]{1,60}?)[»\"”’']"
)


@lru_cache(maxsize=4096)
def forwarded_from(question: str) -> frozenset[str]:
    """The words of where a forwarded post came from (:data:`_FORWARDED_FROM`: "Forwarded
    from ✊ Spring Revolution Daily / …"), or of the page, group or channel it was seen on,
    named in quotation marks (:data:`_PAGE_NAMED`), folded: who passed it on, not what it
    speaks of, as a platform it was seen on (:func:`seen_on`). Not a word the post itself
    writes as well ("Forwarded from Thailand Today: the protesters in Thailand…")."""
    plain = textlib.plain(question)
    rest = plain
    words: set[str] = set()
    for pattern in (_FORWARDED_FROM, _PAGE_NAMED):
        for match in pattern.finditer(plain):
            words.update(fold(word) for word in WORD.findall(match.group("source")))
        rest = pattern.sub(" ", rest)
    return frozenset(words - {fold(word) for word in WORD.findall(rest)})


# What a site's name adds to an outlet's ("sputniknews", "myanmar-now" is no outlet "Myanmar").
_OUTLET_WORDS = ("news", "times", "daily", "post", "tv", "online", "today", "media")


@lru_cache(maxsize=4096)
def published_by(question: str) -> frozenset[str]:
    """The words of a question that name the site one of its links is on, folded: where the
    link was published, as a link's preview shows it ("… | The Irrawaddy", "— Radio Free
    Asia" for ``rfa.org``, "— ТАСС" for ``tass.ru``), not what it speaks of. A word is the
    site's name (:func:`knowledge.urls.site_names`) in Latin letters, or that name without a
    word an outlet's name adds ("Sputnik" for ``sputniknews.com``); a run of capitalised words
    is, by its initials."""
    sites = urls.site_names(question)
    if not sites:
        return frozenset()
    written = WORD.findall(textlib.plain(question))
    words = {fold(w) for w in written if _names_site(latin(fold(w)), sites)}
    run: list[str] = []  # capitalised words in a row, for their initials
    for word in [*written, ""]:
        if word[:1].isupper():
            run.append(word)
            continue
        for start in range(len(run) - 1):
            if "".join(w[0] for w in run[start:]).casefold() in sites:
                words.update(fold(w) for w in run[start:])
                break
        run = []
    return frozenset(words)


def _names_site(word: str, sites: frozenset[str]) -> bool:
    return word in sites or any(
        site.startswith(word) and site[len(word) :].strip("-") in _OUTLET_WORDS for site in sites
    )


@lru_cache(maxsize=4096)
def speaks_of_saying(question: str) -> bool:
    """Whether ``question`` speaks of what someone said, or of whether they are right: a verb
    of saying or judging in a script with spaces (:func:`speaks_of_it`), "说" and its kin in
    Chinese (:data:`names.SAYING`), "ပြော" (say) in Burmese. Remembered: a question is read
    against each of its best candidates."""
    if textlib.has_burmese(question):
        return textlib.BURMESE_SAY in question
    if textlib.has_han(question):
        return any(word in question for word in namelib.SAYING)
    words = WORD.findall(fold(question))
    # A rumour said by no one named (:func:`hearsay`) is no one's words the message speaks of.
    if rumour := hearsay(question):
        words = [w for w in words if w not in rumour]
    return (
        speaks_of_it(words)
        or any(w in _SAYING_ASKED for w in words)
        or _headline_attributed(question)
    )


HEADLINE_SPEAKER_WORDS = 4  # "Junta chief:", "Myanmar's military leader:"
_HEADLINE_SPEAKER = re.compile(r"^\s*([^:\n]+?)\s*:\s+\S")


def _headline_attributed(question: str) -> bool:
    """Whether a message opens as a headline gives what someone said: a few words, then a
    colon, then their words ("Junta chief: those behind attacks 'work for money'", "Глава
    хунты: …"). Not where those words only say how it was passed on ("Fwd:", "Forwarded
    message:", "Переслано из канала:")."""
    found = _HEADLINE_SPEAKER.match(textlib.plain(question))
    if found is None:
        return False
    words = [fold(w) for w in WORD.findall(found.group(1))]
    return 0 < len(words) <= HEADLINE_SPEAKER_WORDS and not all(
        is_stopword(w) or is_passing_on(w) or _platform(w) for w in words
    )


# Verbs of saying as a question asks about them ("did he tell…", "did Sputnik report…"),
# beside SAYING's forms.
_SAYING_ASKED = frozenset(
    {"tell", "report", "announce", "write", "state", "insist", "admit", "deny", "confirm"}
    | {"allege", "accuse", "tweet"}
)


# Words that may stand between who speaks and the verb ("X has said", "X also said"; an
# adverb in "-ly" too, "X reportedly said").
_BEFORE_SAYING = frozenset(
    {"has", "had", "have", "also", "just", "once", "уже", "также", "якобы"}
    | {"keeps", "kept", "keep", "still", "always", "again", "now", "even"}  # "X keeps saying"
)


# The auxiliaries opening a question that asks whether someone said something ("Did the
# election commission say…", "Has the UN claimed…").
_ASKING_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had"})
ASKED_SPEAKER_WORDS = 5  # words before the verb of saying, at most
# A sentence and what ends it, for whether it asks ("…?") or states.
_SENTENCE_ENDED = re.compile(r"[^.!?\n]+[.!?\n]*")
# Where a sentence's last clause starts: what follows may only ask whether it holds ("…, true?").
_LAST_CLAUSE = re.compile(r"[,;:—–]|\s-\s")


@lru_cache(maxsize=4096)
def asked_whether_said(question: str) -> tuple[str, ...]:
    """Whom a question asks whether they said something, in English and Russian: the words
    before a verb of saying, a few at most, where an auxiliary opens the sentence
    ("Did Myanmar's election commission say there was no fraud in 2020?": "Myanmar's",
    "election", "commission"), or where the sentence itself is the question ("Избирательная
    комиссия Мьянмы заявляла, что фальсификаций в 2020 не было?"), not followed by a clause
    asking only whether it holds ("X says…, true?" passes on what X said, and asks whether it
    holds). The words are as the question writes them. Whether that is who made the claim, or
    who passed it on, is the caller's to read; what the question asks is then what they said.
    Empty where it asks nothing of the kind. Remembered, as :func:`hearsay` is."""
    for found in _SENTENCE_ENDED.finditer(textlib.plain(question)):
        sentence = found.group()
        written = WORD.findall(sentence)
        words = [fold(w) for w in written]
        # Small words may come first ("so did the general say…", "and does…").
        opening = next((i for i, w in enumerate(words[:3]) if w in _ASKING_AUXILIARIES), None)
        if opening is not None and all(is_stopword(w) for w in words[:opening]):
            first = opening + 2  # the auxiliary, and a word at least of who
        elif (
            sentence.rstrip().endswith("?")
            and words
            and words[0] not in _ASKING_OTHERWISE
            and not _asks_if_it_holds(sentence)
        ):
            first, opening = 1, -1
        else:
            continue
        for at in range(first, min(len(words), opening + ASKED_SPEAKER_WORDS + 2)):
            following = words[at + 1] if at + 1 < len(words) else ""
            verb = is_saying(words[at]) or words[at] in _SAYING_ASKED
            if verb and following not in _MAKES_A_NOUN:
                if opening < 0 and any(w in _ASKING_OTHERWISE for w in words[1:at]):
                    break  # "Looking back, was the fraud claim ever verified?": no one's words
                return tuple(written[opening + 1 : at])
    return ()


# Words opening an English question that asks something else than whether someone said it
# ("Is the election fraud claim true?": "claim" is a noun there).
_ASKING_OTHERWISE = frozenset(
    """is are was were am can could will would should may might must why how what who whom
    whose when where which""".split()  # noqa: SIM905
)
# A verb of being after a word of saying makes it a noun ("the claim is…", "the report was…").
_MAKES_A_NOUN = frozenset({"is", "are", "was", "were", "true", "false"})


def _asks_if_it_holds(sentence: str) -> bool:
    """Whether a sentence's last clause asks only whether what comes before holds ("…, true?",
    "…, это правда?", "… - is that right?"): words of passing a message on and judging it."""
    clauses = _LAST_CLAUSE.split(sentence)
    if len(clauses) < 2:
        return False
    last = [fold(w) for w in WORD.findall(clauses[-1])]
    return bool(last) and all(is_stopword(w) or is_passing_on(w) or w in JUDGING for w in last)


def said_by(question: str, names: Iterable[str]) -> bool:
    """Whether one of ``names`` (as the question writes them) is written right before a verb
    of saying in small letters (:func:`is_saying`; "United States" is no one saying), "has"
    or an adverb between them at most: who says something in the question ("Zaw Min Tun
    says…", "Leonid Slutsky reportedly said…", "Шойгу заявил…")."""
    wanted = {fold(n) for n in names}
    if not wanted:
        return False
    for sentence in SENTENCE.split(textlib.plain(question)):
        written = WORD.findall(sentence)
        words = [fold(w) for w in written]
        for i, word in enumerate(words[:-1]):
            if word not in wanted:
                continue
            verb = i + 1
            if verb + 1 < len(words) and (
                words[verb] in _BEFORE_SAYING or words[verb].endswith("ly")
            ):
                verb += 1  # "has said", "reportedly said"
            if written[verb].islower() and is_saying(words[verb]):
                return True
    return False
