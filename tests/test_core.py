"""The bot core: each command, each decision, groups, watch mode, bursts and bad input."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.messages import Decision, Incoming, ReplyKind
from knowledge.store import ClaimBase
from tests.helpers import ASKED_OF_BOTH, add_disagreeing_checks, dm, group

QUESTION = "were the Myanmar protesters paid terrorists?"


def test_a_direct_question_gets_a_verdict_with_claim_claimant_summary_and_sources(
    bot: Core,
) -> None:
    reply = bot.handle(dm(QUESTION))
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert reply.decision == Decision.ANSWER
    view = reply.matches[0]
    assert view.verdict == "false" and view.verdict_label == "False"
    assert view.claim.startswith("[T]hose who directly carry out terrorists attacks")
    assert view.claimant == "Min Aung Hlaing" and view.claim_date == "2021-06"
    assert "coup" in view.summary
    assert len(view.sources) >= 4 and view.sources[0].publisher
    assert 0.72 <= view.score <= 1.0


def test_start_and_help(bot: Core) -> None:
    start = bot.handle(dm("/start"))
    assert start is not None and "Factbot" in start.text and "/help" in start.text
    help_reply = bot.handle(dm("/help"))
    assert help_reply is not None
    for command in bot.commands.visible_to("user"):
        assert command.usage in help_reply.text


def test_check_command_and_bot_suffix(bot: Core) -> None:
    for text in (f"/check {QUESTION}", f"/check@factbot {QUESTION}", f"/CHECK {QUESTION}"):
        reply = bot.handle(group(text, addressed=True))
        assert reply is not None and reply.kind == ReplyKind.ANSWER, text


def test_check_without_text_explains(bot: Core) -> None:
    reply = bot.handle(dm("/check"))
    assert reply is not None and reply.kind == ReplyKind.REFUSAL
    assert "Send me a claim" in reply.text


def test_suggest_lists_candidates_and_show_opens_one(bot: Core) -> None:
    reply = bot.handle(dm("protesters paid"))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert 1 <= len(reply.matches) <= 3
    assert any("short" in n for n in reply.notes)
    shown = bot.handle(dm(f"/show {reply.matches[0].id}"))
    assert shown is not None and shown.kind == ReplyKind.ANSWER
    assert shown.matches[0].id == reply.matches[0].id
    assert bot.show_claim("no-such-claim", dm("x")).kind == ReplyKind.REFUSAL


def test_a_negated_question_is_answered_and_says_so(bot: Core) -> None:
    reply = bot.handle(dm("Were the Myanmar protesters not paid terrorists?"))
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert any("the verdict is about the claim exactly as quoted" in n for n in reply.notes)


def test_a_suggestion_about_something_else_says_what_differs(bot: Core) -> None:
    # Close in wording to the election-fraud check, but about another country: offered, never
    # answered, and the reply names what differs.
    reply = bot.handle(dm("Was the Thai election rigged?"))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert any("“Thai”" in n for n in reply.notes)


@pytest.mark.parametrize(
    "question",
    [
        "Who won the 2020 election in Myanmar?",
        "What happened in the 2020 Myanmar election?",
        "When was the Myanmar election held?",
        "Кто победил на выборах 8 ноября 2020 года в Мьянме — НЛД?",
        "谁赢得了2020年缅甸大选？",
        "၂၀၂၀ မြန်မာ ရွေးကောက်ပွဲမှာ ဘယ်သူ နိုင်လဲ",  # who won the 2020 Myanmar election?
    ],
)
def test_a_question_asking_for_a_fact_gets_no_verdict_but_an_offer_that_says_so(
    bot: Core, question: str
) -> None:
    """Who won, what happened, when: no claim a check rates (each was answered with the
    election-fraud check, "Unsubstantiated", by its place, year and "election")."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST, question
    english = bot.handle(dm("Who won the 2020 election in Myanmar?"))
    assert english is not None
    assert any("asks for a fact" in n for n in english.notes), english.notes


def test_a_number_the_fact_checks_lack_is_quoted_as_written(bot: Core) -> None:
    # Read as 11000000 (not the 11 of "November 2020"), shown as the person wrote it.
    question = "Min Aung Hlaing said 11 million votes were fraudulent in the 2020 election. True?"
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert any("“11 million”" in n for n in reply.notes), reply.notes


@pytest.mark.parametrize(
    "question",
    [
        "Did the Myanmar military kill protesters?",
        "did the junta commit election fraud in myanmar?",
    ],
)
def test_the_claimants_own_side_as_the_doer_is_said_so(bot: Core, question: str) -> None:
    """The claims name the military and the junta (who made them, whom their doers attack):
    the note says who does it differs, not that the claims lack the word."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST, question
    [note] = [n for n in reply.notes if "someone else does" in n]
    assert "“military”" in note or "“junta”" in note, note
    assert not any("Your message mentions" in n for n in reply.notes), reply.notes


@pytest.mark.parametrize(
    "question",
    [
        "Was there an election in Myanmar in 2020?",
        "Did the Myanmar protests turn violent?",
        "Were the protests in Myanmar about the 2020 election?",
        # "vote" is of the check's texts only as what kind of fraud ("voter fraud")
        "Did people in Myanmar vote in the 2020 election?",
    ],
)
def test_a_question_naming_only_what_a_check_is_about_gets_no_verdict(
    bot: Core, question: str
) -> None:
    """Each was answered with the check it names the topic of ("Unsubstantiated", "False"),
    though it says nothing of what the check rates: offered."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST, question


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Are the protesters in Myanmar carrying out attacks?", "names no payment"),
        ("Протестующие в Мьянме совершают теракты?", "об оплате ничего нет"),  # in Russian
    ],
)
def test_a_question_naming_no_payment_is_offered_the_paid_check_saying_so(
    bot: Core, question: str, said: str
) -> None:
    """The paid check asserts the payment: a question without it is offered, not answered,
    and the note, in the asker's language, quotes the check's word for it."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST, question
    [note] = [n for n in reply.notes if said in n]
    assert "“paid”" in note or "«платят»" in note, note


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Each was answered with the check of election fraud ("Unsubstantiated"), though it
        # asks whether people voted: the note quotes the check's word of fraud.
        ("缅甸人民在2020年大选中投票了吗？", "舞弊"),  # did the people vote in the 2020 election?
        ("၂၀၂၀ ရွေးကောက်ပွဲမှာ လူတွေ မဲပေးခဲ့ကြလား", "မဲလိမ်"),  # did people vote in 2020?
        # The check rates the claim that the protesters cause fear; these ask whether they feel
        # it, and got its FALSE: the note says who feels it.
        ("Are the protesters in Myanmar afraid of the army?", "“protesters” feeling fear"),
        ("Протестующие в Мьянме боятся армии?", "страх («боятся») испытывают"),  # in Russian
        # The protesters: is the army paying them? The army, after whom it is done to, was not
        # read as who does it, and it got the paid check's FALSE: the note names the army.
        ("ဆန္ဒပြသူတွေကို စစ်တပ်က ပိုက်ဆံပေးနေတာလား", "စစ်တပ်"),
        # What another said is another claim: "Unsubstantiated" answered neither question.
        (
            "Did Myanmar's election commission say there was no fraud in 2020?",
            "asks what “Myanmar's election commission” said",
        ),
        (
            "Избирательная комиссия Мьянмы заявляла, что фальсификаций в 2020 не было?",
            "«Избирательная комиссия Мьянмы»",
        ),
    ],
)
def test_a_question_saying_something_else_than_a_check_is_offered_saying_what(
    bot: Core, question: str, said: str
) -> None:
    """Offered, not answered, the note in the asker's language saying what differs."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST, question
    assert any(said in note for note in reply.notes), reply.notes


def test_a_long_posts_stray_numbers_are_not_said_to_differ(bot: Core) -> None:
    # A screenshot's text: a header's "3 h" and a count decide nothing in a long post, and the
    # note names only what does (the other place).
    post = (
        "Shared · 3 h\nMy cousin keeps sending me the same story, 45 times this week: the "
        "protesters in Thailand are paid terrorists who work for money, not a political "
        "movement. Is that true?"
    )
    reply = bot.handle(dm(post))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    [note] = [n for n in reply.notes if "Your message mentions" in n]
    assert "“Thailand”" in note and "“3”" not in note and "“45”" not in note


def test_another_speaker_is_named_whole_as_written(bot: Core) -> None:
    """Someone else saying it, in a long post, is another claim (offered); the note quotes
    the name as the message writes it, in its order, not word by word."""
    post = (
        "Junta spokesman Zaw Min Tun says there were over 10 million fake votes in Myanmar's "
        "2020 election. Is that number real?"
    )
    reply = bot.handle(dm(post))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    [note] = [n for n in reply.notes if "Your message mentions" in n]
    assert "“Zaw Min Tun”" in note and "“Tun”" not in note, note


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("缅甸抗议者是被西方国家收买的吗", "西方国家"),  # bought by Western countries?
        ("万斯说缅甸抗议者是收钱的恐怖分子吗", "万斯"),  # Vance says…
    ],
)
def test_a_chinese_suggestion_about_something_else_says_what_differs(
    bot: Core, question: str, named: str
) -> None:
    # Names are no capitals in Chinese: the words the question has in place of the claim's
    # that are no ordinary words are what it names; a question of ten characters is no short
    # one.
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert any(f"“{named}”" in n for n in reply.notes), reply.notes
    assert not any("short" in n for n in reply.notes)


@pytest.mark.parametrize(
    ("question", "asked", "theirs"),
    [
        ("are myanmar soldiers paid terrorists?", "soldiers", "protesters"),
        ("Полиция в Мьянме запугивает местное население?", "полиция", "протестующие"),
        ("缅甸士兵是收钱的恐怖分子吗？", "士兵", "抗议者"),  # soldiers, in Chinese
    ],
)
def test_another_doer_in_the_claims_place_is_offered_saying_which_word(
    bot: Core, question: str, asked: str, theirs: str
) -> None:
    # Soldiers and police are no names, and Myanmar is the claim's own place: what differs is
    # the word standing where every wording of the claim has its doer.
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    [note] = [n for n in reply.notes if f"“{asked}”" in n]
    assert f"“{theirs}”" in note


def test_none_says_so_plainly(bot: Core) -> None:
    reply = bot.handle(dm("is the moon made of cheese?"))
    assert reply is not None and reply.kind == ReplyKind.NONE
    assert reply.decision == Decision.NONE and "no fact-check" in reply.text


def test_unknown_command(bot: Core) -> None:
    reply = bot.handle(dm("/frobnicate now"))
    assert reply is not None and reply.kind == ReplyKind.REFUSAL
    assert "/frobnicate" in reply.text and "/help" in reply.text


def test_bare_commands_only_when_the_platform_asks(bot: Core) -> None:
    slack_help = bot.handle(dm("help", platform="slack", bare_commands=True))
    assert slack_help is not None and slack_help.kind == ReplyKind.TEXT
    as_check = bot.handle(dm("help"))
    assert as_check is not None and as_check.kind != ReplyKind.TEXT


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01\x02", "\ud800\udfff", "💥💥💥💥", "<<<>>>&&&", "\u202e\u200b\u0301"],
)
def test_bad_input_gets_a_polite_reply(bot: Core, text: str) -> None:
    reply = bot.handle(dm(text))
    assert reply is not None and reply.kind in (ReplyKind.REFUSAL, ReplyKind.NONE)
    assert reply.text


def test_a_huge_message_is_checked_on_its_first_part(bot: Core) -> None:
    reply = bot.handle(dm(QUESTION + " " + "x" * 1_000_000))
    assert reply is not None and reply.matches
    assert any("first" in n for n in reply.notes)


def test_groups_are_quiet_unless_addressed(bot: Core) -> None:
    assert bot.handle(group(QUESTION)) is None
    assert bot.handle(group("/frobnicate")) is None
    addressed = bot.handle(group(QUESTION, addressed=True))
    assert addressed is not None and addressed.kind == ReplyKind.ANSWER


def test_watch_mode_is_for_chat_admins(bot: Core) -> None:
    refused = bot.handle(group("/watch on", addressed=True))
    assert refused is not None and refused.kind == ReplyKind.REFUSAL
    assert bot.handle(group(QUESTION)) is None
    on = bot.handle(group("/watch on", addressed=True, chat_admin=True))
    assert on is not None and "on" in on.text
    status = bot.handle(group("/watch", addressed=True))
    assert status is not None and "on" in status.text


def test_watch_mode_corrects_falsehoods_once_per_claim_per_cooldown(base: ClaimBase) -> None:
    now = [1000.0]
    bot = Core(base, clock=lambda: now[0])
    bot.handle(group("/watch on", addressed=True, chat_admin=True))
    first = bot.handle(group(QUESTION))
    assert first is not None and first.kind == ReplyKind.ANSWER
    assert bot.handle(group(QUESTION)) is None  # same claim, within the hour
    assert bot.handle(group("protesters paid")) is None  # suggest: not answered unprompted
    assert bot.handle(group("what a nice day we are having here in the group")) is None
    now[0] += 3601
    assert bot.handle(group(QUESTION)) is not None
    bot.handle(group("/watch off", addressed=True, chat_admin=True))
    now[0] += 7200
    assert bot.handle(group(QUESTION)) is None


def test_watch_mode_corrects_a_post_in_the_posts_language(base: ClaimBase) -> None:
    """The correction answers the post, for the whole group: a Burmese post is corrected in
    Burmese, whatever its writer's app says, and that is not kept as what they write."""
    bot = Core(base)
    bot.handle(group("/watch on", addressed=True, chat_admin=True))
    burmese = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    reply = bot.handle(group(burmese, user="8", language_hint="en"))
    assert reply is not None and reply.kind == ReplyKind.ANSWER and reply.language == "my"
    assert reply.matches[0].translated
    assert bot.languages.written("telegram", "8") is None


def test_watch_mode_survives_a_restart(db_path: object, base: ClaimBase) -> None:
    Core(base).handle(group("/watch on", addressed=True, chat_admin=True))
    again = Core(ClaimBase.open(base.path))
    assert again.chats.watching("telegram", "-100")


def test_watch_mode_does_not_correct_unproven_claims(base: ClaimBase) -> None:
    bot = Core(base)
    bot.handle(group("/watch on", addressed=True, chat_admin=True))
    assert bot.handle(group("was the myanmar election rigged in 2020?")) is None


def test_a_burst_of_forwards_is_answered_once_per_claim(base: ClaimBase) -> None:
    now = [0.0]
    bot = Core(base, clock=lambda: now[0])

    def forward(text: str) -> Incoming:
        return dm(text, forwarded=True)

    replies = []
    for text in (
        QUESTION,
        "Were the Myanmar protesters paid terrorists??",
        "was the myanmar election rigged in 2020?",
        QUESTION,
    ):
        replies.append(bot.handle(forward(text)))
        now[0] += 0.3
    answered = [r for r in replies if r is not None]
    assert [r.matches[0].id for r in answered] == ["mm-protesters-paid", "mm-election-fraud"]
    now[0] += 10
    assert bot.handle(forward(QUESTION)) is not None  # a new batch


def test_search_for_inline_mode(bot: Core) -> None:
    views = bot.search("myanmar protesters", limit=5)
    assert 1 <= len(views) <= 5
    assert all(v.score >= bot.settings.matching.suggest_threshold for v in views)
    assert bot.search("") == []


def test_registry_drives_help(bot: Core) -> None:
    names = [c.name for c in bot.commands]
    assert names[:4] == ["start", "help", "check", "show"]
    with pytest.raises(ValueError):
        from bot.commands import Command

        bot.commands.add(Command("help", "/help", "again", lambda turn, args: None))


def test_rate_limit_is_polite_once_then_quiet_then_recovers(base: ClaimBase) -> None:
    now = [0.0]
    bot = Core(base, clock=lambda: now[0])
    replies = [bot.handle(dm(QUESTION, user="9")) for _ in range(23)]
    assert all(r is not None and r.kind == ReplyKind.ANSWER for r in replies[:20])
    limited = replies[20]
    assert limited is not None and limited.kind == ReplyKind.REFUSAL
    assert "faster than I can check" in limited.text and "seconds" in limited.text
    assert replies[21] is None and replies[22] is None  # told once, not flooded
    other = bot.handle(dm(QUESTION, user="10"))
    assert other is not None and other.kind == ReplyKind.ANSWER  # per user
    now[0] += 3.5  # 20 a minute: one every 3 seconds
    again = bot.handle(dm(QUESTION, user="9"))
    assert again is not None and again.kind == ReplyKind.ANSWER


def test_rate_limit_holds_across_chats_and_per_group(base: ClaimBase) -> None:
    from bot.config import Settings

    now = [0.0]
    bot = Core(
        base,
        settings=Settings(user_checks_per_minute=2, group_checks_per_minute=3),
        clock=lambda: now[0],
    )
    assert bot.handle(dm(QUESTION, user="5")) is not None
    assert bot.handle(group(QUESTION, addressed=True, user="5")) is not None
    refused = bot.handle(group(QUESTION, addressed=True, user="5"))
    assert refused is not None and "you are" in refused.text
    bot.handle(group(QUESTION, addressed=True, user="6"))
    bot.handle(group(QUESTION, addressed=True, user="7"))
    chat_refused = bot.handle(group(QUESTION, addressed=True, user="8"))
    assert chat_refused is not None and "this chat is" in chat_refused.text


def test_naming_the_claimant_does_not_pick_another_of_his_claims(bot: Core) -> None:
    for question in (
        "Min Aung Hlaing said the protests escalated into terrorism",
        "Min Aung Hlaing says protests became terrorism",
    ):
        reply = bot.handle(dm(question, user=question[:20]))
        assert reply is not None and reply.matches, question
        assert reply.matches[0].id == "mm-protests-became-terrorism", question


def test_two_checks_of_one_statement_that_disagree_are_both_shown(base: ClaimBase) -> None:
    # Archives hold a statement checked twice, and the checks do not always agree: the bot
    # shows both and says so, it does not pick one verdict.
    add_disagreeing_checks(base)
    reply = Core(base).handle(dm(ASKED_OF_BOTH))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert {view.id for view in reply.matches[:2]} == {"tax-1", "tax-2"}
    assert any("reached different verdicts" in note for note in reply.notes)


def test_a_negated_chinese_question_says_so_in_chinese(bot: Core) -> None:
    reply = bot.handle(dm("缅甸的抗议者并没有收钱，对吧？"))
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert any("结论针对的是原文引用的说法" in n for n in reply.notes), reply.notes


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Hong Kong မှာ ဆန္ဒပြသူတွေ ပိုက်ဆံယူလား", "“Hong Kong”"),
        ("Sri Lanka protesters were paid to do terrorist attacks?", "“Sri Lanka”"),
        ("Hong Kong mhar sandapya thu twy ka pike san yu p lote tar hman lar", "“Hong Kong”"),
    ],
)
def test_a_name_opening_the_message_is_quoted_whole(bot: Core, question: str, named: str) -> None:
    """The capitalised word opening a message is read as no name by itself, but the note
    quotes the name it begins whole, not its last word ("Kong"), and once (not again as the
    place read in small letters, "sri lanka")."""
    reply = bot.handle(dm(question))
    assert reply is not None and reply.kind != ReplyKind.ANSWER
    notes = [n for n in reply.notes if named.strip("“”") in n]
    assert notes and named in notes[0], reply.notes
    assert notes[0].casefold().count(named.casefold()) == 1, notes[0]


def test_a_note_names_only_what_every_claim_offered_lacks(bot: Core) -> None:
    """Offered the election-fraud check (whose texts hold "2020") and the paid check (whose
    texts do not), the note named "၂၀၂၀" as a year the claims lack; it names the commission
    ("ကော်မရှင်က"), which neither has."""
    reply = bot.handle(dm("၂၀၂၀ ရွေးကောက်ပွဲမှာ ကော်မရှင်က ပိုက်ဆံယူပြီး မဲလိမ်ခဲ့တာလား"))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert len(reply.matches) >= 2
    assert any("ကော်မရှင်က" in note for note in reply.notes), reply.notes
    assert not any("၂၀၂၀" in note for note in reply.notes), reply.notes
