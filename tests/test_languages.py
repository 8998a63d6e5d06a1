"""Which language the bot speaks to whom: the person's choice (/language, kept in the claim
base), else the platform's hint, else the question's language (py3langid), else English; and
the console's --lang. Through the real Telegram and Slack paths: tests/test_languages_chat.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.trust import read_near_misses
from bot.core import Core
from bot.i18n import supported
from bot.language import _identifier, by_script, detect
from bot.messages import Incoming, Reply, ReplyKind
from knowledge.store import ClaimBase
from tests.test_console import factbot

BURMESE_QUESTION = "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေကြတာလား"
ENGLISH_QUESTION = "Were the Myanmar protesters paid terrorists?"


def said(bot: Core, text: str, *, user: str = "7", hint: str | None = None) -> Incoming:
    return Incoming("telegram", user, user, text, language_hint=hint)


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("my", "my"),
        ("my-MM", "my"),
        ("zh-CN", "zh"),
        ("zh_Hans", "zh"),
        ("zh-TW", None),
        ("ru-RU", "ru"),
        ("en-GB", "en"),
        ("de", None),
        ("", None),
        (None, None),
    ],
)
def test_platform_language_tags_map_onto_the_languages_spoken(
    tag: str | None, language: str | None
) -> None:
    assert supported(tag) == language


def test_the_detector_names_every_near_miss_question_in_its_language() -> None:
    questions = read_near_misses()
    wrong = [(q.lang, q.text) for q in questions if detect(q.text) != q.lang]
    assert not wrong
    assert detect("42") is None and detect("/show") is None
    # py3langid on its own, without the script deciding: as measured in docs/languages.md
    by_model = [str(_identifier().classify(q.text)[0]) for q in questions]
    assert by_model == [q.lang for q in questions]


def test_mixed_scripts_go_to_the_detector_and_one_script_decides_alone() -> None:
    assert by_script("缅甸抗议者是收钱的恐怖分子吗") == "zh"
    assert by_script("Протестующим платят?") == "ru"
    assert by_script("ဆန္ဒပြသူတွေ ပိုက်ဆံယူ") == "my"
    assert by_script("Were protesters paid?") == "en"
    mixed = "Myanmar protesters 缅甸抗议者 收钱 恐怖分子 paid"
    assert by_script(mixed) is None
    assert detect(mixed) in ("zh", "en")


def test_choice_beats_the_questions_language_beats_the_last_written_beats_hint(bot: Core) -> None:
    assert bot.language_of(said(bot, ENGLISH_QUESTION), ENGLISH_QUESTION) == "en"
    # The app's language says which menus a person reads, not what they wrote.
    assert bot.language_of(said(bot, BURMESE_QUESTION, hint="en"), BURMESE_QUESTION) == "my"
    # What says no language itself: the language they last wrote a question in, else the
    # platform's hint, else English.
    assert bot.language_of(said(bot, "2", hint="ru"), "2") == "my"
    assert bot.language_of(said(bot, "2", user="9", hint="ru"), "2") == "ru"
    assert bot.language_of(said(bot, "2", user="9", hint="de"), "2") == "en"
    reply = bot.handle(said(bot, "/language zh", hint="ru"))
    assert reply is not None and reply.language == "zh" and "中文" in reply.text
    assert bot.language_of(said(bot, BURMESE_QUESTION, hint="ru"), BURMESE_QUESTION) == "zh"
    assert bot.language_of(said(bot, "x", user="8"), "") == "en"  # another person


def test_a_number_a_button_and_help_after_a_burmese_question_are_burmese(bot: Core) -> None:
    """A person whose app is in English asks in Burmese and is offered checks: the number
    that picks one, the button that shows one, and /help come in Burmese too."""
    # "a film actor says the protesters take money": someone the claim's context lacks, offered
    offered = bot.handle(said(bot, "ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်လို့ ရုပ်ရှင်မင်းသားက ပြောတယ်", hint="en"))
    assert offered is not None and offered.kind == ReplyKind.SUGGEST
    assert offered.language == "my"
    picked = bot.handle(said(bot, "1", hint="en"))
    assert picked is not None and picked.kind == ReplyKind.ANSWER and picked.language == "my"
    assert picked.matches[0].id == offered.matches[0].id and picked.matches[0].translated
    shown = bot.show_claim(offered.matches[0].id, said(bot, "", hint="en"))
    assert shown.language == "my" and shown.matches[0].translated
    helped = bot.handle(said(bot, "/help", hint="en"))
    assert helped is not None and helped.language == "my"
    # Someone else in English stays in English.
    other = bot.handle(said(bot, "/help", user="9", hint="en"))
    assert other is not None and other.language == "en"


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (BURMESE_QUESTION, "mm-protesters-paid"),
        # Run together, as many people type Burmese ("is it true people are afraid because of
        # the protesters?"): read phrase by phrase, answered as when written apart.
        ("ဆန္ဒပြသူတွေကြောင့်လူတွေကြောက်နေကြတာမှန်လား", "mm-protesters-spread-fear"),
    ],
)
def test_a_burmese_question_is_answered_in_burmese(bot: Core, question: str, claim_id: str) -> None:
    reply = bot.handle(said(bot, question))
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert reply.language == "my"
    assert reply.matches[0].id == claim_id


def _replied(bot: Core, question: str, kind: ReplyKind, claim_id: str, user: str = "7") -> Reply:
    """The reply to a Burmese ``question``: of ``kind``, in Burmese, first ``claim_id``."""
    reply = bot.handle(said(bot, question, user=user))
    assert reply is not None and reply.kind == kind and reply.language == "my"
    assert reply.matches[0].id == claim_id
    return reply


def test_burmese_words_a_question_adds_are_looked_up_and_a_name_is_quoted(bot: Core) -> None:
    """Words a Burmese question adds to the claim's: an adverb and a request ("on purpose",
    "please check") are ordinary words, answered; a name added ("that Putin gave") keeps the
    question from an answer, and the offer quotes it, in Burmese, as an English name would be
    (knowledge.matching.burmese_words)."""
    asked = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို တမင် ကြောက်အောင် လုပ်နေတာလား စစ်ပေးပါဦး"
    _replied(bot, asked, ReplyKind.ANSWER, "mm-protesters-spread-fear")
    putin = "ဆန္ဒပြသူတွေဟာ ပူတင်ကပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    offered = _replied(bot, putin, ReplyKind.SUGGEST, "mm-protesters-paid", user="8")
    assert any("“ပူတင်ကပေးတဲ့”" in note for note in offered.notes), offered.notes


def test_burmese_words_in_place_of_the_claims_are_answered_or_quoted(bot: Core) -> None:
    """A verb worded anew in place of the claim's ("threaten" for "make afraid") is answered;
    the election-fraud claim reworded with "မဲမသမာမှု" (dishonesty in the vote) is answered; a
    deed put in place of the claim's ("burning villages" for "terrorising") is offered, and the
    offer quotes the question's own words, not the claim's (knowledge.matching.pieces)."""
    threaten = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်နေတာလား"
    _replied(bot, threaten, ReplyKind.ANSWER, "mm-protesters-spread-fear")
    fraud = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲမသမာမှုကြောင့် ဆန္ဒပြပွဲတွေ ဖြစ်တာလား"
    _replied(bot, fraud, ReplyKind.ANSWER, "mm-election-fraud", user="8")
    burning = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး ရွာတွေကိုမီးရှို့နေတာလား"
    offered = _replied(bot, burning, ReplyKind.SUGGEST, "mm-protesters-paid", user="9")
    (note,) = [n for n in offered.notes if "“" in n]
    assert "“ရွာတွေကို”" in note and "“မီးရှို့နေတာလား”" in note
    assert "ပိုက်ဆံ" not in note  # the claim's own word, though the others offered lack it


def test_language_shows_the_choice_and_auto_forgets_it(base: ClaimBase) -> None:
    bot = Core(base)
    shown = bot.handle(said(bot, "/language", hint="ru"))
    assert shown is not None and shown.language == "ru"
    assert "русский" in shown.text and "/language" in shown.text
    refused = bot.handle(said(bot, "/language klingon"))
    assert refused is not None and refused.kind == ReplyKind.REFUSAL
    assert "klingon" in refused.text
    chosen = bot.handle(said(bot, "/language my"))
    assert chosen is not None and chosen.language == "my" and "မြန်မာ" in chosen.text
    again = Core(base)  # a restart: the choice is in the claim base
    assert again.language_of(said(again, ENGLISH_QUESTION), ENGLISH_QUESTION) == "my"
    back = again.handle(said(again, "/language auto", hint="ru"))
    assert back is not None and back.language == "ru"
    assert again.languages.chosen("telegram", "7") is None


def test_a_command_written_without_its_slash_says_no_language(bot: Core) -> None:
    """Slack's bare "translate … ru" carries Russian words: the refusal is in the person's
    language, and Russian is not kept as what they write."""
    text = "translate mm-protesters-paid ru\nclaim: Протестующие были героями"
    msg = Incoming("slack", "D1", "U1", text, bare_commands=True, language_hint="en")
    reply = bot.handle(msg)
    assert reply is not None and reply.kind == ReplyKind.REFUSAL and reply.language == "en"
    assert bot.languages.written("slack", "U1") is None


def test_language_works_without_its_slash_where_commands_are_bare(bot: Core) -> None:
    for text, language in (("language ru", "ru"), ("language auto", "en")):
        msg = Incoming("slack", "D1", "U1", text, bare_commands=True)
        reply = bot.handle(msg)
        assert reply is not None and reply.kind == ReplyKind.TEXT and reply.language == language
    question = Incoming("slack", "D1", "U1", "language of the protesters?", bare_commands=True)
    assert bot.handle(question) is not None
    assert bot.languages.chosen("slack", "U1") is None  # a question, not /language


def test_help_and_refusals_come_in_the_askers_language(bot: Core) -> None:
    english = bot.handle(said(bot, "/help", hint="en"))
    russian = bot.handle(said(bot, "/help", user="9", hint="ru"))
    assert english is not None and russian is not None
    assert "The commands you can use." in english.text
    assert "Команды, которые вам доступны." in russian.text
    unknown = bot.handle(said(bot, "/frobnicate", user="9", hint="ru"))
    assert unknown is not None and unknown.text.startswith("Я не знаю команду /frobnicate")


def test_ask_lang_answers_in_that_language_and_json_says_which(db_path: Path) -> None:
    run = factbot("ask", ENGLISH_QUESTION, "--lang", "my", db=db_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    assert out.startswith("❌ မှားသည်")
    assert "ရင်းမြစ်များ-" in out  # "Sources:"
    data = json.loads(factbot("ask", ENGLISH_QUESTION, "--lang", "ru", "--json", db=db_path).stdout)
    assert data["language"] == "ru" and data["decision"] == "answer"
    detected = json.loads(factbot("ask", BURMESE_QUESTION, "--json", db=db_path).stdout)
    assert detected["language"] == "my"
    bad = factbot("ask", ENGLISH_QUESTION, "--lang", "xx", db=db_path)
    assert bad.returncode == 2 and b"not a language" in bad.stderr


def test_chat_lang_greets_and_answers_in_that_language(db_path: Path) -> None:
    run = factbot("chat", "--lang", "zh", db=db_path, stdin=b"/help\n")
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    assert out.startswith("Factbot 控制台")
    assert "你可以使用的命令。" in out
