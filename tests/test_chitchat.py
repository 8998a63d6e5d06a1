"""Messages that are not claims: small talk, a bare link, a number picking a suggestion."""

from __future__ import annotations

import pytest

from bot.chitchat import only_links, picked_number, small_talk
from bot.config import Settings
from bot.core import GOODBYE, THANKS, Core
from bot.i18n import _, use_language
from bot.media import TEXTS
from bot.messages import Attachment, Decision, ReplyKind
from knowledge.store import ClaimBase
from tests.helpers import dm, group


@pytest.mark.parametrize(
    "text",
    ["hi", "Hello!", "who are you?", "what can you do?", "hi bot", "hi, thanks", "Привет!",
     "你好", "မင်္ဂလာပါ", "how do I use this?", "как это работает?", "это как работает?",
     "这个怎么用？", "在吗", "ဒါဘာလဲ", "who are you? real person or a bot",
     "how does this work? do I just paste the link here?", "ты кто вообще? бот?",
     "как этим пользоваться? просто кинуть ссылку?", "你是谁？机器人吗",
     "這個怎麼用？直接貼連結就可以嗎", "မင်းက ဘယ်သူလဲ၊ လူလား bot လား",
     "ဒါ ဘယ်လို သုံးရမလဲ၊ link ပို့ရုံပဲလား"],
)  # fmt: skip
def test_a_greeting_is_told_what_the_bot_does_and_is_not_queued(bot: Core, text: str) -> None:
    reply = bot.handle(dm(text))
    assert reply is not None and reply.kind == ReplyKind.TEXT
    assert "Factbot" in reply.text and "/help" in reply.text
    assert reply.decision is None and reply.queue_id is None
    assert bot.desk.queue.entries() == []


@pytest.mark.parametrize(
    ("text", "language", "answer"),
    [
        ("thanks", "en", THANKS), ("Thank you very much 🙏", "en", THANKS), ("ok", "en", THANKS),
        ("спасибо", "ru", THANKS), ("谢谢", "zh", THANKS), ("ကျေးဇူးတင်ပါတယ်", "my", THANKS),
        ("bye", "en", GOODBYE), ("thanks, bye!", "en", GOODBYE), ("пока", "ru", GOODBYE),
        ("再见", "zh", GOODBYE), ("拜拜", "zh", GOODBYE), ("спс", "ru", THANKS),
        ("ကျေးဇူးအများကြီးတင်ပါတယ်", "my", THANKS), ("lol", "en", THANKS),
        ("понятно", "ru", THANKS), ("收到", "zh", THANKS), ("ဟုတ်ကဲ့", "my", THANKS),
        ("thanks, that helps", "en", THANKS), ("ахахах лол", "ru", THANKS),
        ("哈哈哈哈哈", "zh", THANKS), ("ကျေးဇူးပါ ဗျ", "my", THANKS), ("謝謝", "zh", THANKS),
        ("🙏🙏🙏", "en", THANKS), ("👍🏽", "en", THANKS), ("ahahaha", "en", THANKS),
    ],
)  # fmt: skip
def test_thanks_and_goodbyes_get_a_short_answer_in_their_language_not_the_introduction(
    bot: Core, text: str, language: str, answer: str
) -> None:
    reply = bot.handle(dm(text))
    assert reply is not None and reply.kind == ReplyKind.TEXT
    with use_language(language):
        assert reply.text == _(answer)
    assert "Factbot" not in reply.text
    assert reply.decision is None and reply.queue_id is None
    assert bot.desk.queue.entries() == []


@pytest.mark.parametrize(
    "text",
    ["hi, were the Myanmar protesters paid terrorists?", "thanks to the junta, protests grew",
     "who are you to say the election was rigged", "What is this claim about paid protesters?",
     "haha the junta says protesters are paid", "что это за бред про протестующих?",
     "hit the protesters", "he said the protesters were paid", "bot", "😡", "🙏 paid protesters?",
     "လူလား", "哈哈，缅甸抗议者是收钱的恐怖分子"],
)  # fmt: skip
def test_a_claim_that_opens_like_small_talk_is_checked(text: str) -> None:
    assert small_talk(text) is None


def test_small_talk_in_a_group_is_ignored_unless_addressed(bot: Core) -> None:
    assert bot.handle(group("hi")) is None
    reply = bot.handle(group("hi", addressed=True))
    assert reply is not None and reply.kind == ReplyKind.TEXT


def test_a_bare_link_not_read_here_is_told_the_truth_and_queued_with_the_link(
    base: ClaimBase,
) -> None:
    bot = Core(base, Settings(fetch_links="off"))
    link = "https://example.com/news/rumour?id=7"
    reply = bot.handle(dm(link))
    assert reply is not None and reply.kind == ReplyKind.NONE and reply.fetch is None
    assert "I don't open links here" in reply.text
    [entry] = bot.desk.queue.entries()
    assert entry.text == link and reply.queue_id == entry.id
    assert only_links(f"look: {link}") == []  # words beside it: checked as a claim


def test_nothing_to_queue_is_not_said_to_be_queued(bot: Core) -> None:
    reply = bot.handle(dm("the the the"))
    assert reply is not None
    assert "passed it to the fact-checkers" not in reply.text
    assert bot.desk.queue.entries() == []


def test_a_number_after_suggestions_picks_that_suggestion(bot: Core) -> None:
    suggestions = bot.handle(dm("protesters"))
    assert suggestions is not None and suggestions.kind == ReplyKind.SUGGEST
    assert len(suggestions.matches) >= 2
    second = suggestions.matches[1].id
    picked = bot.handle(dm("2"))
    assert picked is not None and picked.kind == ReplyKind.ANSWER
    assert picked.matches[0].id == second
    out_of_range = bot.handle(dm("9"))
    assert out_of_range is not None and out_of_range.kind == ReplyKind.REFUSAL
    assert "1 to" in out_of_range.text
    # another person's suggestions are not theirs to pick
    other = bot.handle(dm("1", user="43"))
    assert other is None or other.kind != ReplyKind.ANSWER


def test_a_number_past_a_single_suggestion_says_there_was_one(bot: Core) -> None:
    single = bot.handle(dm("Was the 2015 election in Myanmar rigged?"))
    assert single is not None and single.kind == ReplyKind.SUGGEST and len(single.matches) == 1
    past = bot.handle(dm("2"))
    assert past is not None and past.kind == ReplyKind.REFUSAL
    assert past.text == "There was one suggestion: send 1 to see it."
    picked = bot.handle(dm("1"))
    assert picked is not None and picked.matches[0].id == single.matches[0].id


@pytest.mark.parametrize(
    "between", ["were the Myanmar protesters paid terrorists?", "Is the moon made of cheese?"]
)
def test_a_number_after_a_later_answer_does_not_pick_from_an_older_list(
    bot: Core, between: str
) -> None:
    suggestions = bot.handle(dm("protesters"))
    assert suggestions is not None and suggestions.kind == ReplyKind.SUGGEST
    later = bot.handle(dm(between))
    assert later is not None and later.decision in (Decision.ANSWER, Decision.NONE)
    reply = bot.handle(dm("1"))
    assert reply is not None and reply.decision != Decision.ANSWER
    assert "You chose this fact-check." not in reply.notes


def test_small_talk_between_keeps_the_suggestions_to_pick_from(bot: Core) -> None:
    suggestions = bot.handle(dm("protesters"))
    assert suggestions is not None and suggestions.kind == ReplyKind.SUGGEST
    assert bot.handle(dm("thanks")) is not None
    picked = bot.handle(dm("1"))
    assert picked is not None and picked.matches[0].id == suggestions.matches[0].id


def test_a_number_with_no_suggestions_before_is_checked_as_text(bot: Core) -> None:
    reply = bot.handle(dm("2"))
    assert reply is not None and reply.decision != Decision.ANSWER


def test_a_voice_message_is_answered_in_the_persons_language_and_queued(bot: Core) -> None:
    bot.handle(dm("မင်္ဂလာပါ"))  # a Burmese reader
    voice = Attachment("voice", "telegram:voice1")
    reply = bot.handle(dm("", attachment=voice))
    assert reply is not None and reply.kind == ReplyKind.NONE and reply.language == "my"
    with use_language("my"):
        assert reply.text == _(TEXTS["voice_unread"])
    [entry] = bot.desk.queue.entries()
    assert entry.text == "[voice telegram:voice1]" and reply.queue_id == entry.id


def test_words_with_a_file_that_find_nothing_are_queued_with_the_file(bot: Core) -> None:
    video = Attachment("video", "slack:F9")
    reply = bot.handle(dm("Is the moon made of cheese?", attachment=video))
    assert reply is not None and reply.kind == ReplyKind.NONE
    assert reply.text == TEXTS["video_unread"]
    [entry] = bot.desk.queue.entries()
    assert entry.text == "[video slack:F9] Is the moon made of cheese?"


@pytest.mark.parametrize(
    ("text", "number"),
    [("2", 2), ("#3", 3), ("1.", 1), ("၂", 2), ("two", None), ("2020 vote", None)],
)
def test_picked_number(text: str, number: int | None) -> None:
    assert picked_number(text) == number
