"""What a claim asserts in a closed class of words, and a question that names nothing of it.

Where most of a claim's texts say that someone is paid ("paid terrorists", "work for money",
"платят", "收钱", "ပိုက်ဆံယူ"), the payment is what the claim asserts; who they are and what
they do is what it takes as given. A question naming no payment in any word asks something
else of them: whether they do what they are said to be paid for ("Are the protesters in
Myanmar carrying out attacks?"), or what they became. Where most say an election was rigged
("election fraud", "stolen", "фальсификации", "舞弊", "မဲလိမ်"), the fraud is what it asserts:
a question naming no fraud, nor whether the election was fair, asks something else of the
election ("Did people in Myanmar vote in the 2020 election?", "缅甸2020年大选的投票率高吗？",
was the turnout high?). Either shares most of its words with the claim, and neither is the
claim.

A word of a class put in the place of a claim's word of the same class says it in other words
(:func:`restates`): "rigged" for "fraud", "demonstrators" for "protesters" (:data:`PROTEST`),
"местных жителей" for "местного населения" (:data:`PEOPLE`), "bombers" for "those who carry
out attacks" (:data:`ATTACK`).

Each class (:data:`PAYMENT`, :data:`FRAUD`; :data:`FEAR`, which
:mod:`~knowledge.matching.roles` reads for who feels it) is a closed class of words, as the
stop words and the kinds of election (:mod:`~knowledge.matching.kinds`) are, in the four
languages the bot reads; a question is read for them as typed, in any form and misspelt
("payed", "fruad", "плотят", "фальсефикации", "dengi" for "деньги"). Burmese is read by sound,
syllable by syllable ("ပိုက်ဆန်" is "ပိုက်ဆံ" typed as it sounds; "မဲလိန်" is "မဲလိမ်"), and
typed in Latin letters as Burmese ("pike san yu", "mae lain"); Chinese typed by sound is read
as the claim's words or the class's ("收前" for "收钱", "作币" for "作弊":
:mod:`~knowledge.matching.homophones`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.matching import homophones
from knowledge.matching import text as textlib
from knowledge.matching.burglish import as_burmese, burmese_key, looks_burmese
from knowledge.matching.englishlist import english_words
from knowledge.matching.wording import WORD, fold, latin, misspelt_of


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True, slots=True)
class WordClass:
    """A closed class of words, in the four languages, as they are written: ``english`` whole
    words; Russian by the ``russian_stems`` of their forms, less the words
    ``russian_not`` opens that are none, and ``russian_words`` whole, for one misspelt or
    typed in Latin letters; Chinese ``chinese_words``, and the ``chinese_characters`` each of
    the class alone; Burmese ``burmese`` words."""

    name: str
    english: frozenset[str]
    russian_stems: tuple[str, ...]
    russian_not: tuple[str, ...]
    russian_words: frozenset[str]
    chinese_words: tuple[str, ...]
    chinese_characters: tuple[str, ...]
    burmese: tuple[str, ...]


# Paying and money: a wage, a fee, funding, sponsoring, bribing, hiring, being bought.
PAYMENT = WordClass(
    name="payment",
    english=frozenset(
        _words(
            """pay pays paid paying payed payment payments payroll paycheck paychecks payout
            payouts money moneys cash funds fund funded funding funder funders salary salaries
            wage wages bribe bribes bribed bribing bribery hire hired hireling hirelings
            mercenary mercenaries sponsor sponsors sponsored bankroll bankrolled bought
            dollars"""
        )
    ),
    # paying ("платят", "заплатили", "оплачивают", "проплачены"), money ("деньги", "денег";
    # chat's "бабло", "бабки"), a wage, a fee, funding, sponsoring, bribing, hiring
    # ("наёмники") and being bought ("куплены", "продажные")
    russian_stems=_words(
        """плат плач заплат проплат оплат оплач проплач выплат деньг денег денежн бабл бабк
        бабос зарплат гонорар финансир спонсир подкуп наемн куплен продажн"""
    ),
    # a platform, a dress, a scarf, a plateau, crying
    russian_not=_words("платформ плать платк плато плакат плачет плачут плачь"),
    russian_words=frozenset(
        _words(
            """платят платит платили заплатили оплачивают проплачены деньги денег деньгами
            бабло бабки зарплата гонорар финансируют спонсируют подкупили наемники"""
        )
    ),
    # money, taking it, buying someone, hiring, a wage, a reward, a bribe, funding, paying, a
    # backer; as words and as words for one typed by sound ("收卖" for "收买")
    chinese_words=_words("收钱 拿钱 收买 雇佣 薪水 报酬 贿赂 资助 付费 金主 买通"),
    chinese_characters=_words("钱 雇 薪 酬 贿"),
    # money, and money got ("ငွေရ", "ပိုက်ဆံရ"), hired, a bribe
    burmese=("ပိုက်ဆံ", "ပိုက်ဆံရ", "ငွေကြေး", "ငွေရ", "ငွေ", "ငှား", "လာဘ်"),
)

# Election fraud, and whether an election was fair: rigging, stealing, cheating, faking,
# manipulating, ballots stuffed or bought; fair, free, honest, legitimate.
FRAUD = WordClass(
    name="fraud",
    english=frozenset(
        _words(
            """fraud frauds fraudulent frauded rig rigs rigged rigging steal steals stole stolen
            stealing theft cheat cheats cheated cheating fake faked fakes falsify falsified
            falsification manipulate manipulated manipulation manipulating fix fixed fixing
            irregular irregularities irregularity tamper tampered tampering fair fairly
            unfair free freely legit legitimate illegitimate honest dishonest clean stuffing
            stuffed bogus sham crooked doctored forged forgery scam swindle swindled"""
        )
    ),
    # falsifying ("фальсификации", "сфальсифицировали"), rigging ("подтасовали"), stealing
    # ("украли"), cheating ("мошенничество", "жульничество", chat's "мухлёж"), faking
    # ("подделка", "вброс"), irregularities ("нарушения"), honest or not ("честные",
    # "нечестные"), legitimate
    russian_stems=_words(
        """фальсиф сфальсиф подтасов украл украд краж мошен жульн мухл фальш поддел подлог
        вброс махинац нарушен нечестн честн нелегитим легитим сфабрик карусел"""
    ),
    russian_not=(),
    russian_words=frozenset(
        _words(
            """фальсификации фальсификация фальсифицировали сфальсифицировали
            сфальсифицированы фальсифицированы подтасовали украли мошенничество жульничество
            мухлеж подделка вброс нарушения честные нечестные"""
        )
    ),
    # fraud, cheating, faking, rigging (a hand in it, "做了手脚", ballots made up),
    # manipulation, stealing, unfair or fair, buying votes, irregularities
    chinese_words=_words(
        """舞弊 作弊 造假 作假 做手脚 动手脚 做了手脚 做的手脚 动了手脚 做票 操纵 操控
        篡改 窃取 不公 公正 公平 欺诈 黑幕 猫腻 贿选 买票 灌票 假选举 违规"""
    ),
    chinese_characters=("偷",),  # stolen ("被偷了")
    # vote cheating, stealing votes, dishonest, cheating, not right, illegal, unfair
    burmese=("မဲလိမ်", "မဲခိုး", "မဲမသမာ", "မသမာ", "လိမ်", "မမှန်မကန်", "တရားမဝင်", "မတရား", "ခိုး"),
)


# Fear, felt or caused: what a claim that someone spreads fear speaks of
# (:mod:`~knowledge.matching.roles` reads who feels it). Not among the classes a question
# must name (:func:`asserted`): a claim of fear says more of its doers than the fear.
FEAR = WordClass(
    name="fear",
    english=frozenset(
        _words(
            """fear fears feared fearing fearful afraid scare scares scared scaring frighten
            frightens frightened frightening terrify terrifies terrified terrifying terrorise
            terrorises terrorised terrorising terrorize terrorizes terrorized terrorizing
            intimidate intimidates intimidated intimidating intimidation panic threaten
            threatens threatened threatening"""
        )
    ),
    russian_stems=_words(
        """страх страш пуга пугн запуг испуг напуг перепуг ужас боят боял боит боим боюсь
        опасают угрожа"""
    ),
    russian_not=(),
    russian_words=frozenset(),
    # fear, being afraid, dread, panic, intimidating, threatening ("威胁", as Burmese's
    # "ခြိမ်းခြောက်")
    chinese_words=_words("恐惧 害怕 惧怕 畏惧 恐慌 恐吓 威胁 威吓"),
    chinese_characters=("吓",),
    # fear, startled, frightened (as both spellings write it), threatened
    burmese=("ကြောက်", "လန့်", "ခြောက်လှန့်", "ချောက်လှန့်", "ခြိမ်းခြောက်"),
)


# Doing it on purpose: what a claim that someone acts deliberately says of it, said in other
# words ("deliberately" for "on purpose", "специально" and "нарочно" for "намеренно").
# Restated only (:func:`restates`), never a class a question must name.
INTENT = WordClass(
    name="intent",
    english=frozenset(
        _words(
            """purpose purposely purposefully deliberate deliberately intentional intentionally
            intended knowingly wilfully willfully consciously"""
        )
    ),
    # on purpose ("намеренно", "нарочно", "специально", "умышленно"), with aim ("целенаправленно"),
    # knowingly ("сознательно"), premeditated ("преднамеренно")
    russian_stems=_words("намерен нарочн специальн умышлен целенаправлен сознательн преднамерен"),
    russian_not=(),
    russian_words=frozenset(_words("намеренно нарочно специально умышленно целенаправленно")),
    chinese_words=_words("故意 有意 蓄意 刻意 存心 成心 特意"),
    chinese_characters=(),
    burmese=("တမင်", "ရည်ရွယ်ချက်ရှိရှိ"),
)


# Becoming something else: what a claim that something grew into another thing says of it,
# said in other words ("turned into" for "escalated to", "превратились" for "переросли",
# "演变成" for "升级为"). Restated only (:func:`restates`), never a class a question must name.
CHANGE = WordClass(
    name="change",
    english=frozenset(
        _words(
            """become becomes became becoming turn turns turned turning escalate escalates
            escalated escalating escalation grow grows grew grown evolve evolves evolved
            devolve devolved degenerate degenerated descend descended morph morphed spiral
            spiralled spiraled transform transformed change changes changed changing stage
            phase"""
        )
    ),
    # grew into ("переросли"), turned into ("превратились"), escalated ("эскалировали"),
    # reached ("дошли"), went over ("перешли"), slid into ("скатились"), degenerated
    # ("выродились"), turned out as ("обернулись"), became ("стали", "становятся"); the stage
    # reached ("стадии", "этапа")
    russian_stems=_words(
        """перерос превратил превращ эскалир эскалац дошл дошел дошёл перешл перешел скатил
        скатыва выродил вырожда обернул стал станов стади этап"""
    ),
    # Stalin, steel
    russian_not=_words("сталин сталь"),
    russian_words=frozenset(_words("переросли превратились эскалировали")),
    # and rose to ("上升为"), worsened ("恶化"), intensified ("激化"), headed for ("走向")
    chinese_words=_words(
        "升级 变成 演变 演化 发展 沦为 转变 变为 成为 变质 蜕变 阶段 地步 上升 恶化 激化 走向"
    ),
    chinese_characters=(),
    burmese=("ဖြစ်သွား", "ပြောင်းသွား", "ကူးပြောင်း", "ရောက်သွား", "တိုးမြင့်", "အဆင့်"),
)


# Of :data:`DAMAGE` (below), the words that damage a name by themselves: what they act on is whose
# name ("discredit the authorities", "дискредитируют власть", "抹黑政府"), not a thing
# damaged.
_SMEARING = frozenset(
    _words(
        """tarnish tarnishes tarnished tarnishing smear smears smeared smearing discredit
        discredits discredited discrediting defame defames defamed defaming slander slanders
        slandered denigrate denigrated denigrating sully sullied besmirch besmirched embarrass
        embarrasses embarrassed embarrassing disgrace disgraces disgraced disgracing"""
    )
)
_SMEARING_RUSSIAN = ("очерн", "дискредит", "клевет", "позор")
SMEARING_CHINESE = ("抹黑", "诋毁", "败坏", "丑化", "污蔑", "中伤", "搞臭")


# Damaging, and damaging a name: destroying, ruining, tarnishing, smearing, discrediting ("ruin"
# for "destroy the image", "портят" for "разрушают", "抹黑" for "破坏形象"). Restated only
# (:func:`restates`), never a class a question must name.
DAMAGE = WordClass(
    name="damage",
    english=_SMEARING
    | frozenset(
        _words(
            """damage damages damaged damaging destroy destroys destroyed destroying ruin ruins
            ruined ruining undermine undermines undermined undermining wreck wrecks wrecked
            wrecking"""
        )
    ),
    # spoiling ("портят", "испортили"), destroying ("разрушают"), blackening ("очерняют"),
    # discrediting, damage ("ущерб"), undermining ("подрывают" is a blast too: ATTACK's),
    # slander ("клевещут"), shaming ("позорят")
    russian_stems=(*_words("портя портит испорт испорч разруш ущерб"), *_SMEARING_RUSSIAN),
    russian_not=(),
    russian_words=frozenset(_words("портят разрушают очерняют дискредитируют")),
    # destroying, harming, smearing ("抹黑", to blacken), defaming, ruining, disfiguring
    chinese_words=(*_words("破坏 损害 毁坏 损毁"), *SMEARING_CHINESE),
    chinese_characters=(),
    # destroying, being destroyed; harming; spoiling it, a name spoilt; shaming, lowering
    # one's dignity
    burmese=("ဖျက်ဆီး", "ပျက်စီး", "ထိခိုက်", "ပျက်အောင်", "နာမည်ပျက်", "အရှက်ခွဲ", "သိက္ခာချ"),
)


def smears(word: str) -> bool:
    """Whether ``word`` is one of :data:`DAMAGE` that damages a name by itself."""
    folded = fold(word)
    return folded in _SMEARING or folded.startswith(_SMEARING_RUSSIAN)


# Protesting: the protests, and who protests, in other words ("demonstrators" for
# "protesters", "демонстрация" for "протесты", "示威" for "抗议"), and as plain speech says it:
# taking to the streets ("上街", "လမ်းထွက်", "လမ်းပေါ်ထွက်"), voicing one's will
# ("ဆန္ဒထုတ်ဖော်"). Restated only (:func:`restates`), never a class a question must name.
PROTEST = WordClass(
    name="protest",
    english=frozenset(
        _words(
            """protest protests protested protesting protester protesters protestor protestors
            demonstration demonstrations demonstrator demonstrators demo demos rally rallies
            march marches marcher marchers uprising uprisings"""
        )
    ),
    # a protest, who protests ("протестующие", "протестанты"), a demonstration and who
    # demonstrates ("демонстрация", "демонстранты"), a rally ("митинг", "манифестация")
    russian_stems=_words("протест демонстрац демонстрант митинг манифест"),
    russian_not=(),
    russian_words=frozenset(_words("протесты протестующие демонстрации демонстранты митинги")),
    chinese_words=_words("抗议 示威 游行 上街"),
    chinese_characters=(),
    burmese=("ဆန္ဒပြ", "ဆန္ဒထုတ်ဖော်", "ဆန္ဒထွက်ပြ", "လမ်းထွက်", "လမ်းပေါ်ထွက်"),
)


# The people a claim speaks of, in other words ("local residents" for "the local population",
# "местных жителей" for "местного населения", "老百姓" for "民众"). Restated only
# (:func:`restates`), never a class a question must name.
PEOPLE = WordClass(
    name="people",
    english=frozenset(
        _words(
            """people population populations populace public locals residents inhabitants
            civilians villagers citizens townspeople"""
        )
    ),
    # the population ("население"), residents ("жители"), citizens ("граждане"), people
    # ("люди", "людей", "народ")
    russian_stems=_words("населен жител граждан люд народ"),
    russian_not=(),
    russian_words=frozenset(_words("население населения жители жителей граждане люди народ")),
    chinese_words=_words("民众 老百姓 百姓 人民 居民 当地人 群众 平民 市民 村民"),
    chinese_characters=(),
    # the people, locals, the public, civilians; who live in a village, a ward, a town
    burmese=("ပြည်သူ", "ဒေသခံ", "လူထု", "အရပ်သား", "ရွာသား", "ရွာ", "ရပ်ကွက်", "မြို့ခံ"),
)


# Attacking, and who attacks: terror, bombs and shooting ("bombers" for "those who carry out
# terrorist attacks", "взрывы" for "теракты", "爆炸" for "袭击", "ဗုံးခွဲ" for
# "အကြမ်းဖက်"). Restated only (:func:`restates`), never a class a question must name; like
# who protests, restated only in the place of the claim's word of its class: soldiers who
# shoot are still other doers than the protesters.
ATTACK = WordClass(
    name="attack",
    english=frozenset(
        _words(
            """attack attacks attacked attacking attacker attackers terror terrorist terrorists
            terrorism bomb bombs bombed bombing bombings bomber bombers blast blasts explosion
            explosions shoot shoots shooting shootings shooter shooters gunmen ambush
            ambushes ambushed"""
        )
    ),
    # terror and terrorist attacks ("террор", "теракты"), attacks and who attacks
    # ("нападения", "нападающие", "атаки"), blasts ("взрывы", "подрывы"), bombs, shooting
    # ("стрельба", "обстрелы"), militants ("боевики")
    russian_stems=_words(
        "террор теракт нападен нападающ нападавш атак взрыв подрыв бомб стрельб обстрел боевик"
    ),
    russian_not=(),
    russian_words=frozenset(_words("теракты терроризм террористы нападения взрывы боевики")),
    chinese_words=_words("恐怖 恐袭 袭击 攻击 爆炸 炸弹 枪击 开枪"),
    chinese_characters=(),
    # terror, violence ("အကြမ်းဖက်"), attacking, bombing, shooting
    burmese=("အကြမ်းဖက်", "တိုက်ခိုက်", "ဗုံးခွဲ", "ဗုံးပစ်", "ပစ်ခတ်", "သေနတ်ပစ်"),
)


# A name, what damaging it is done to: the image, the reputation, the standing ("reputation"
# for "image", "репутацию" for "имидж", "声誉" for "形象", "ဂုဏ်သိက္ခာ" for "ပုံရိပ်").
# Restated only in the place of the claim's word of its class, as who takes part is: a
# question damaging another thing ("Did the Myanmar protesters damage government
# buildings?" against "…destroying the image of the current government") asks another
# claim (:mod:`~knowledge.matching.context`).
REPUTE = WordClass(
    name="repute",
    english=frozenset(
        _words(
            """image images reputation reputations rep name standing prestige credibility
            honour honor dignity"""
        )
    ),
    # the image ("имидж", "образ"), the reputation, prestige, authority ("авторитет"),
    # dignity ("достоинство")
    russian_stems=_words("имидж образ репутац престиж авторитет достоинств"),
    # education ("образование"), a sample ("образец"), figurative ("образный")
    russian_not=_words("образов образц образн"),
    russian_words=frozenset(_words("имидж репутацию репутация престиж авторитет")),
    # the image (and "形像", as it is often written), reputation, a good name, prestige,
    # standing, face
    chinese_words=_words("形象 形像 声誉 名声 名誉 信誉 威信 声望 面子 颜面"),
    chinese_characters=(),
    # the image, dignity, prestige, a good name
    burmese=("ပုံရိပ်", "ဂုဏ်သိက္ခာ", "သိက္ခာ", "ဂုဏ်", "နာမည်"),
)


# The classes a word restates a claim's word in (:func:`restates`): what is said of someone,
# which a word of the class restates wherever the claim says it; and who takes part, which a
# word restates only in the place of the claim's word of its class: the people put in the
# place of the protesters are another doer ("Жители Мьянмы сеют страх?").
_PREDICATES = (PAYMENT, FRAUD, FEAR, INTENT, CHANGE, DAMAGE)
_PARTICIPANTS = (PROTEST, PEOPLE, ATTACK, REPUTE)
# The classes of what someone does or what happens (:func:`says_a_deed`)
DEEDS = (PAYMENT, FRAUD, FEAR, CHANGE, DAMAGE)
# Every closed class, what is said and who takes part
CLASSES = (*_PREDICATES, *_PARTICIPANTS)


@lru_cache(maxsize=8)
def _chinese(kind: WordClass) -> re.Pattern[str]:
    return re.compile("|".join((*kind.chinese_characters, *kind.chinese_words)))


@lru_cache(maxsize=8)
def _spelt(kind: WordClass) -> frozenset[str]:
    """The class's whole words a word typed may be a misspelling of."""
    russian = kind.russian_words
    return kind.english | russian | frozenset(latin(w) for w in russian)


def _of_class(kind: WordClass, word: str) -> bool:
    """Whether a folded ``word`` is one of ``kind`` as written (a Chinese word: holds one of
    its words, "被雇佣" its "雇佣")."""
    if word in kind.english:
        return True
    if textlib.has_han(word):
        return any(w in word for w in kind.chinese_words)
    russian = word.replace("ё", "е")
    return russian.startswith(kind.russian_stems) and not (
        kind.russian_not and russian.startswith(kind.russian_not)
    )


def burmese_restated(word: str, phrasing: str) -> str | None:
    """The rest of a Burmese ``word`` (a piece a question has that a claim's ``phrasing``
    lacks) after the word of a closed class it opens with, where the phrasing holds a word of
    that class: "" of "လူထု" (the public) where it says "ပြည်သူ" (the people), "အတွက်" of
    "ငွေအတွက်" (for money) where it says "ပိုက်ဆံ". None where it opens with no such word:
    another doer ("စစ်သား", soldiers) is of no class the phrasing holds."""
    for kind in CLASSES:
        opening = max((w for w in kind.burmese if word.startswith(w)), key=len, default=None)
        if opening is not None and any(w in phrasing for w in kind.burmese):
            return word[len(opening) :]
    return None


def same_class(word: str, claims: str) -> bool:
    """Whether a question's ``word`` and a claim's word ``claims`` are of one closed class as
    written: one word in two ("demonstrations" and "protests"; "rigged" and "fraud"), not a
    word of a class the claim says, whichever of its words it stands against."""
    a, b = fold(word), fold(claims)
    return not _says_absence(a) and any(
        _of_class(kind, a) and _of_class(kind, b) for kind in CLASSES
    )


def is_of(kind: WordClass, word: str) -> bool:
    """Whether ``word`` (in any case) is a word of ``kind`` as written."""
    return _of_class(kind, fold(word))


def of_doers_class(word: str, doers: frozenset[str]) -> bool:
    """Whether ``word`` is of a class of who takes part that one of a claim's ``doers`` (the
    words its texts open with, :func:`~knowledge.matching.doers.openers_of`) is of: "bombings"
    or "bombers" where a text opens "Those attacking…" names its doers by what they do."""
    folded = fold(word)
    return any(
        _of_class(kind, folded) and any(_of_class(kind, fold(d)) for d in doers)
        for kind in _PARTICIPANTS
    )


def says_a_deed(word: str) -> bool:
    """Whether ``word`` says, in a closed class, what someone does or what happens: paying,
    fraud, fear, becoming something else, damaging (:data:`DEEDS`); not how
    (:data:`INTENT`), nor who takes part."""
    folded = fold(word)
    return any(_of_class(kind, folded) for kind in DEEDS)


def restates(word: str, claims: str, subject: tuple[str, ...]) -> bool:
    """Whether a question's ``word`` (in letters with case, or Chinese), put where a claim has
    the word ``claims``, says in other words what the claim says: both of one closed class as
    written (:data:`PAYMENT`, :data:`FRAUD`, :data:`FEAR`, :data:`INTENT`, :data:`CHANGE`,
    :data:`DAMAGE`, :data:`PROTEST`, :data:`PEOPLE`, :data:`ATTACK`: "rigged" for "fraud",
    "抹黑" for "破坏", "被雇佣" for "收钱", "специально" for "намеренно", "превратились" for
    "переросли", "demonstrators" for "protesters", "жителей" for "населения", "bombers" for
    "attackers"), or of a class of
    what is said of someone that most of the claim's texts (``subject``) say (:func:`says`):
    "запугивают" (intimidate) says the fear the claim speaks of, whichever of its words it
    stands against. Who takes part restates only a word of its class: the people in the
    protesters' place are another doer."""
    if same_class(word, claims):
        return True
    a = fold(word)
    return not _says_absence(a) and any(
        _of_class(kind, a) and says(kind, subject) for kind in _PREDICATES
    )


def _says_absence(word: str) -> bool:
    """Whether a folded word is of a class and says the contrary: "free and fair" (a fraud's
    absence) restates no fraud."""
    return (
        word in _ABSENCE
        or word.startswith(_ABSENCE_RUSSIAN)
        or any(w in word for w in _ABSENCE_CHINESE)
    )


# Words of a class that say its absence ("Was the election free and fair?" names fraud, and
# says none was done): no rewording of a claim that asserts it.
_ABSENCE = frozenset(_words("fair fairly free freely legit legitimate honest clean"))
_ABSENCE_RUSSIAN = ("честн", "легитим")
_ABSENCE_CHINESE = ("公正", "公平", "合法", "干净", "诚实", "不公")


# Words in letters with case, apart from any script written around them ("缅甸的election
# fraud是真的吗", as Chinese mixes English in).
_LETTERS = re.compile(r"[a-z]+|[а-яё]+")
_ASAT = "\u103a"  # the Burmese mark that ends a syllable, often left off as people type


def _in_text(kind: WordClass, text: str) -> bool:
    """Whether ``text`` holds a word of ``kind`` as written, in any of the four languages
    (Burmese with or without the marks that end its syllables: "မဲလိမ" for "မဲလိမ်")."""
    if _chinese(kind).search(textlib.normalise(text)):
        return True
    bare = text.replace(_ASAT, "")
    if any(w in text or w.replace(_ASAT, "") in bare for w in kind.burmese):
        return True
    return any(_of_class(kind, w) for w in _LETTERS.findall(fold(text)))


@lru_cache(maxsize=1024)
def says(kind: WordClass, subject: tuple[str, ...]) -> bool:
    """Whether more than half of a claim's texts (``subject``, at least three) hold a word of
    ``kind``: what the claim asserts."""
    return len(subject) >= 3 and 2 * sum(_in_text(kind, t) for t in subject) > len(subject)


@lru_cache(maxsize=1024)
def deeds_held(subject: tuple[str, ...]) -> tuple[WordClass, ...]:
    """The classes of what someone does or what happens (:data:`DEEDS`) that any of a claim's
    texts (``subject``) holds a word of: what it may say was done, in any of its words
    (remembered: the same claims come up question after question)."""
    return tuple(kind for kind in DEEDS if any(_in_text(kind, t) for t in subject))


def names_a_deed(question: str, subject: tuple[str, ...]) -> bool:
    """Whether ``question`` names (:func:`names`) a word of a class of deeds a claim's texts
    (``subject``) hold (:func:`deeds_held`): what the claim says was done, in the claim's
    words or others of their class, however else it is worded."""
    return any(names(kind, question, subject) for kind in deeds_held(subject))


@lru_cache(maxsize=1024)
def asserted(subject: tuple[str, ...]) -> tuple[WordClass, ...]:
    """The classes a claim's texts (``subject``) assert in a word (:func:`says`), remembered
    as :func:`deeds_held` is (each comparison asks it twice)."""
    return tuple(kind for kind in (PAYMENT, FRAUD) if says(kind, subject))


def names(kind: WordClass, question: str, held: tuple[str, ...] = ()) -> bool:
    """Whether ``question`` names a word of ``kind``: as written, or typed otherwise. In
    letters with case, misspelt by an edit ("mony", "fruad", "плотят": no English word,
    "here" is no "hire") or Russian typed in Latin letters ("dengi"); Burmese typed in Latin
    letters, read as Burmese (preferring the claim's texts, ``held``: "pike san"); in Burmese,
    a word of the class sounding the same ("ပိုက်ဆန်"); in Chinese, the claim's own word or
    the class's typed by sound ("收前", "作币")."""
    if _in_text(kind, question):
        return True
    if textlib.has_burmese(question):
        return _sounds_burmese(kind, question)
    if textlib.has_han(question):
        pairs = homophones.corrections(question, held, kind.chinese_words)
        return bool(pairs) and _in_text(kind, homophones.corrected(question, pairs))
    if looks_burmese(question):
        typed = as_burmese(question, [t for t in held if textlib.has_burmese(t)])
        return _in_text(kind, typed) or _sounds_burmese(kind, typed)
    known = english_words()
    spelt = _spelt(kind)
    return any(
        len(w) >= 4 and w not in known and misspelt_of(w, spelt, edits=1, last_letter=True)
        for w in WORD.findall(fold(question))
    )


# Onsets typed alike in Latin letters: "th" is typed for "သ" and for "ထ" ("ma thamar" for
# "မသမာ" reads back as "မထမ").
_TYPED_ALIKE = {"th": "ht", "ht": "th"}


def _alike(key: str) -> tuple[str, ...]:
    onset, _, rest = key.partition(" ")
    other = _TYPED_ALIKE.get(onset)
    return (key,) if other is None else (key, f"{other} {rest}")


@lru_cache(maxsize=8)
def _burmese_sounds(kind: WordClass) -> tuple[tuple[frozenset[str], ...], ...]:
    """Each Burmese word of ``kind`` of two syllables or more as the sound keys of its
    syllables, with the onsets typed alike (:data:`_TYPED_ALIKE`). A word of one syllable is
    read as written only: by sound it is too many others ("ခိုး", steal, sounds as "ကို", the
    marker of whom it is done to, with its onset's "h" left out)."""
    sounds = (
        tuple(
            frozenset(k for key in burmese_key(s) for k in _alike(key))
            for s in textlib.burmese_syllables(word)
        )
        for word in kind.burmese
    )
    return tuple(word for word in sounds if len(word) > 1)


def _sounds_burmese(kind: WordClass, question: str) -> bool:
    """Whether a run of the question's Burmese syllables sounds as a word of ``kind`` does."""
    asked = [frozenset(burmese_key(s.strip())) for s in textlib.burmese_syllables(question)]
    for word in _burmese_sounds(kind):
        for at in range(len(asked) - len(word) + 1):
            if all(asked[at + i] & keys for i, keys in enumerate(word)):
                return True
    return False


def first_word(kind: WordClass, texts: Iterable[str]) -> str | None:
    """The first word of ``kind`` in ``texts`` (a claim's phrasing first), as written: what a
    reply says the question does not."""
    for text in texts:
        if found := _chinese(kind).search(textlib.normalise(text)):
            return found.group()
        if burmese := next((w for w in kind.burmese if w in text), None):
            return burmese
        for word in WORD.finditer(text):
            if _of_class(kind, fold(word.group())):
                return word.group()
    return None
