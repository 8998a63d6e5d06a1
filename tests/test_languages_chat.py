"""The asker's language through the real python-telegram-bot and slack-bolt paths, against the
local fakes: Telegram's language_code, /language kept across restarts, Slack's user locale,
and a question typed in Zawgyi."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from myanmar import converter

from bot.core import Core
from knowledge.store import ClaimBase
from tests.fakes.slack_api import USER, FakeSlackApi, message_event
from tests.fakes.telegram_api import (
    bot_message,
    callback_update,
    message_update,
    private_chat,
    user,
)
from tests.test_slack_app import button, header, make_app, send_event, send_new
from tests.test_telegram_app import telegram_harness

BURMESE_QUESTION = "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေကြတာလား"
CHINESE_QUESTION = "缅甸抗议者是收钱的恐怖分子吗"
ENGLISH_QUESTION = "Were the Myanmar protesters paid terrorists?"


def speaker(user_id: int, language_code: str | None) -> dict[str, Any]:
    sender = user(user_id, "Thiha")
    if language_code:
        sender["language_code"] = language_code
    return sender


def asked(text: str, user_id: int = 42, language_code: str | None = "my") -> dict[str, Any]:
    return message_update(text, chat=private_chat(user_id), sender=speaker(user_id, language_code))


def buttons(sent: dict[str, Any]) -> list[str]:
    return [b["text"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]


async def test_telegram_language_code_my_gets_a_burmese_card(bot: Core) -> None:
    async with telegram_harness(bot) as h:
        [sent] = await h.feed(asked(BURMESE_QUESTION))
    text = sent["text"]
    assert text.startswith("<b>❌ မှားသည်</b>")  # the verdict word
    assert "<b>ပြောဆိုချက်-</b>" in text  # "Claim:"
    assert "<b>ရင်းမြစ်များ</b>" in text  # "Sources"
    assert "ကိုက်ညီမှု-" in text  # "Match:"
    assert "၂၀၂၁" in text  # dates with Burmese digits
    assert buttons(sent) == ["👍 မေးခွန်းကို ဖြေပေးသည်", "👎 ကျွန်ုပ် မေးသည်မဟုတ်"]
    assert "Sources" not in text and "That answers it" not in str(sent["reply_markup"])


async def test_telegram_burmese_typed_with_no_spaces_gets_its_card(bot: Core) -> None:
    """Through the real python-telegram-bot stack: a Burmese question run together ("is it
    true people are afraid because of the protesters?"), as many people type Burmese, is read
    phrase by phrase and answered with its check, in Burmese."""
    question = "ဆန္ဒပြသူတွေကြောင့်လူတွေကြောက်နေကြတာမှန်လား"
    async with telegram_harness(bot) as h:
        [sent] = await h.feed(asked(question, language_code="en"))
    assert sent["text"].startswith("<b>❌ မှားသည်</b>")
    assert "ကြောက်ရွံ့" in sent["text"]  # the fear check's claim, in its Burmese words


async def test_telegram_a_name_added_to_a_burmese_question_is_quoted_in_its_offer(
    bot: Core,
) -> None:
    """Through the real python-telegram-bot stack: "did the protesters take the money Putin
    gave?" is offered, not answered, and the offer says, in Burmese, that the message mentions
    "ပူတင်ကပေးတဲ့" (that Putin gave), which the checks do not: the words a Burmese question
    adds are looked up in a dictionary (knowledge.matching.burmese_words). The same question
    with "on purpose" and "please check" added instead is answered."""
    putin = "ဆန္ဒပြသူတွေဟာ ပူတင်ကပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    plain = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို တမင် ကြောက်အောင် လုပ်နေတာလား စစ်ပေးပါဦး"
    async with telegram_harness(bot) as h:
        [offered] = await h.feed(asked(putin))
        [answered] = await h.feed(asked(plain, user_id=43))
    assert offered["text"].startswith("မည်သည့် ပြောဆိုချက်ကို")  # "Which claim do you mean?"
    assert "“ပူတင်ကပေးတဲ့”" in offered["text"]
    assert answered["text"].startswith("<b>❌ မှားသည်</b>")


async def test_telegram_suggestions_and_notices_follow_the_language(bot: Core) -> None:
    async with telegram_harness(bot) as h:
        [sent] = await h.feed(asked("ဆန္ဒပြသူ", language_code="my"))
        assert "ဤအထဲတွင် မပါ" in buttons(sent)  # "None of these"
        [none] = await h.feed(asked("Луна сделана из сыра?", user_id=43, language_code="ru"))
    assert "Я пока не нашёл фактчека" in none["text"]
    assert buttons(none) == ["🔔 Сообщить, когда проверят"]


async def test_telegram_a_burmese_question_from_an_app_in_english_is_answered_in_burmese(
    bot: Core,
) -> None:
    """The app's language says which menus a person reads, not what they write: the answer,
    the button that shows one of the checks offered, and the number that picks one."""
    question = "ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်လို့ ရုပ်ရှင်မင်းသားက ပြောတယ်"  # a film actor says …
    async with telegram_harness(bot) as h:
        [offered] = await h.feed(asked(question, language_code="en"))
        assert offered["text"].startswith("မည်သည့် ပြောဆိုချက်ကို")  # "Which claim do you mean?"
        data = offered["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        shown = {**bot_message(offered["text"]), "reply_markup": offered["reply_markup"]}
        sender = speaker(42, "en")
        await h.feed(callback_update(data, on_message=shown, sender=sender))
        card = h.fake.calls[-1]
        assert card.method == "sendMessage"
        assert card.params["text"].startswith("<b>❌ မှားသည်</b>")
        [picked] = await h.feed(asked("1", language_code="en"))
        assert picked["text"].startswith("<b>❌ မှားသည်</b>")
        [english] = await h.feed(asked(ENGLISH_QUESTION, language_code="en"))
        assert english["text"].startswith("<b>❌ FALSE</b>")


async def test_telegram_language_ru_switches_and_survives_a_restart(db_path: Path) -> None:
    base = ClaimBase.open(db_path)
    async with telegram_harness(Core(base)) as h:
        [chosen] = await h.feed(asked("/language ru", language_code="en"))
        assert chosen["text"] == "Теперь я отвечаю вам на языке: русский."
        [card] = await h.feed(asked(ENGLISH_QUESTION, language_code="en"))
        assert card["text"].startswith("<b>❌ ЛОЖЬ</b>")
    base.close()
    again = ClaimBase.open(db_path)  # a new process: a new base connection, bot and app
    try:
        async with telegram_harness(Core(again)) as h:
            [card] = await h.feed(asked(ENGLISH_QUESTION, language_code="en"))
            [shown] = await h.feed(asked("/language", language_code="en"))
    finally:
        again.close()
    assert card["text"].startswith("<b>❌ ЛОЖЬ</b>")
    assert "<b>Утверждение:</b>" in card["text"]
    assert shown["text"].startswith("Я отвечаю вам на языке: русский — это ваш выбор.")


async def test_telegram_a_zawgyi_question_is_answered(bot: Core) -> None:
    zawgyi = str(converter.convert(BURMESE_QUESTION, "unicode", "zawgyi"))
    assert zawgyi != BURMESE_QUESTION
    async with telegram_harness(bot) as h:
        [sent] = await h.feed(asked(zawgyi, language_code=None))
    assert sent["text"].startswith("<b>❌ မှားသည်</b>")  # detected as Burmese, once converted
    # the built-in fact-check's Burmese version, marked as machine-drafted
    assert "အကြမ်းဖက်တိုက်ခိုက်မှုများကို တိုက်ရိုက်ကျူးလွန်သူများသည်" in sent["text"]
    assert "စက်ဖြင့် မူကြမ်းရေးထား" in sent["text"]


BURGLISH_QUESTION = "sandapya thu twy ka lu twy ko kyout aung lote nay tae lo MAH pyaw tl, hman lar"


async def test_telegram_burmese_typed_in_latin_letters_is_answered_in_burmese(bot: Core) -> None:
    """Through the real python-telegram-bot stack, from an app set to English: Burmese typed in
    Latin letters ("the protesters make people afraid, MAH says, is it true?") is read in
    Burmese script and answered with the fear check, in Burmese."""
    async with telegram_harness(bot) as h:
        [sent] = await h.feed(asked(BURGLISH_QUESTION, language_code="en"))
    assert sent["text"].startswith("<b>❌ မှားသည်</b>")
    assert "ကြောက်ရွံ့" in sent["text"]  # the fear check's claim, in its Burmese words


async def test_slack_burmese_typed_in_latin_letters_is_answered_in_burmese(
    slack_fake: FakeSlackApi, bot: Core
) -> None:
    """The same through slack-bolt, from a workspace whose user locale is English."""
    slack_fake.users[USER] = {"locale": "en-US"}
    app = make_app(slack_fake, bot)
    await send_event(app, message_event(BURGLISH_QUESTION))
    [post] = slack_fake.calls_to("chat.postMessage")
    assert header(post) == "❌ မှားသည်"
    assert "ကြောက်ရွံ့" in str(post["blocks"])


async def test_slack_user_with_locale_zh_cn_gets_chinese_where_the_question_says_no_language(
    slack_fake: FakeSlackApi, bot: Core
) -> None:
    """The locale is the app's language; a question's own language comes first."""
    slack_fake.users[USER] = {"locale": "zh-CN"}
    app = make_app(slack_fake, bot)
    await send_event(app, message_event("42"))  # no language of its own: the locale's
    [post] = slack_fake.calls_to("chat.postMessage")
    assert "我还没有找到相关的事实核查" in str(post["blocks"])  # "I found no fact-check yet"
    [lookup] = slack_fake.calls_to("users.info")
    assert lookup["user"] == USER and str(lookup["include_locale"]).lower() in ("1", "true")
    await send_new(app, message_event(CHINESE_QUESTION, ts="1700000201.000200"))
    chinese = slack_fake.calls_to("chat.postMessage")[-1]
    assert header(chinese) == "❌ 错误"
    assert "*说法：*" in str(chinese["blocks"])  # "Claim:"
    assert button(chinese, "factcheck_feedback")["text"]["text"] == "👍 回答了我的问题"
    await send_new(app, message_event(ENGLISH_QUESTION, ts="1700000202.000200"))
    assert header(slack_fake.calls_to("chat.postMessage")[-1]) == "❌ FALSE"
    # the locale is asked once per person, not per message
    assert len(slack_fake.calls_to("users.info")) == 1
    assert len(slack_fake.calls_to("chat.postMessage")) == 3


VERDICT_WORDS = {"my": "မှားသည်", "zh": "错误", "ru": "ЛОЖЬ"}
CLAIM_OPENINGS = {  # the built-in fact-checks' translated claims, as the cards show them
    "my": {"mm-protesters-paid": "အကြမ်းဖက်တိုက်ခိုက်မှုများကို"},
    "zh": {"mm-protesters-paid": "那些直接实施恐怖袭击的人"},
    "ru": {"mm-protesters-paid": "Те, кто непосредственно"},
}


async def test_near_miss_questions_in_zawgyi_and_three_languages_through_telegram(
    bot: Core,
) -> None:
    """The near-miss set's reworded questions in Burmese (Unicode and Zawgyi), Chinese and
    Russian, asked with language_code set: every answer is in that language and cites its
    claim; a claim about something else is never answered."""
    from benchmarks.trust import read_near_misses

    # Group c (another claim about the same place: some are answered, docs/benchmarks.md)
    # is measured by benchmarks.trust and held in check by tests/test_near_misses.py.
    questions = [q for q in read_near_misses() if q.lang in VERDICT_WORDS and q.group in "ab"]
    zawgyi = [
        (q, str(converter.convert(q.text, "unicode", "zawgyi")))
        for q in questions
        if q.lang == "my"
    ]
    asked_all = [(q, q.text) for q in questions] + zawgyi
    answered = {"my": 0, "zh": 0, "ru": 0, "zawgyi": 0}
    async with telegram_harness(bot) as h:
        for n, (question, text) in enumerate(asked_all):
            [sent] = await h.feed(asked(text, user_id=1000 + n, language_code=question.lang))
            card = sent["text"]
            if "<b>❌" not in card.split("\n", 1)[0] and "<b>❓" not in card.split("\n", 1)[0]:
                continue  # suggestions or nothing: no answer to check
            assert question.group == "a", (question.text, card[:80])
            if question.claim != "mm-election-fraud":
                assert card.startswith(f"<b>❌ {VERDICT_WORDS[question.lang]}</b>"), card[:80]
            opening = CLAIM_OPENINGS[question.lang].get(question.claim)
            if opening:
                assert opening in card, (question.text, card[:200])
            translated = bot.base.get(question.claim).translation(question.lang)  # type: ignore[union-attr]
            assert translated is not None and translated.claim[:20] in card
            answered["zawgyi" if text != question.text else question.lang] += 1
    assert answered["zawgyi"] == answered["my"] > 0
    assert answered["zh"] > 0 and answered["ru"] > 0
