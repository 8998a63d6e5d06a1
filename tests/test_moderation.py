"""Moderators in the chat: roles, adding and correcting fact-checks, audit and undo, the queue,
notifications, corrections, feedback and statistics — all through the bot core."""

from __future__ import annotations

import logging

import pytest

from bot.access import Access
from bot.core import Core
from bot.messages import Reply, ReplyKind
from knowledge.store import ClaimBase
from tests.helpers import dm

ADMIN, MOD, USER = "1", "2", "3"

NEW_CLAIM = """/add
claim: Drinking hot water cures the coronavirus
verdict: false
claimant: Viral WhatsApp message
date: 2020-03-14
summary: No evidence supports it; health agencies say hot water does not kill the virus.
source: World Health Organization | Myth busters | https://www.who.int/myth-busters | 2020-03-20
alias: does hot water kill covid
"""


@pytest.fixture
def desk_bot(base: ClaimBase) -> Core:
    bot = Core(base, access=Access(admins=frozenset({f"telegram:{ADMIN}"})))
    granted = bot.handle(dm(f"/grant {MOD}", user=ADMIN))
    assert granted is not None and "now a moderator" in granted.text
    return bot


def say(bot: Core, text: str, user: str = MOD, reply_to_user_id: str | None = None) -> Reply:
    reply = bot.handle(dm(text, user=user, reply_to_user_id=reply_to_user_id))
    assert reply is not None
    return reply


def test_a_user_is_refused_and_the_attempt_logged(
    desk_bot: Core, caplog: pytest.LogCaptureFixture
) -> None:
    before = desk_bot.base.count(status=None)
    with caplog.at_level(logging.WARNING):
        for command in (NEW_CLAIM, "/retract mm-election-fraud", "/grant 99", "/queue", "/undo"):
            reply = say(desk_bot, command, user=USER)
            assert reply.kind == ReplyKind.REFUSAL and "only" in reply.text
    assert desk_bot.base.count(status=None) == before
    assert desk_bot.base.get("mm-election-fraud").status == "published"  # type: ignore[union-attr]
    assert sum("refused" in r.message for r in caplog.records) == 5


def test_admin_grants_by_reply_and_revokes(desk_bot: Core) -> None:
    assert "now a moderator" in say(desk_bot, "/grant", user=ADMIN, reply_to_user_id="55").text
    assert say(desk_bot, "/queue", user="55").kind == ReplyKind.TEXT
    listing = say(desk_bot, "/moderators", user=ADMIN).text
    assert "telegram:55" in listing and f"telegram:{MOD}" in listing
    assert "no longer" in say(desk_bot, "/revoke telegram:55", user=ADMIN).text
    assert say(desk_bot, "/queue", user="55").kind == ReplyKind.REFUSAL
    assert say(desk_bot, "/grant 77", user=MOD).kind == ReplyKind.REFUSAL  # moderators can't


def test_help_shows_moderator_commands_to_moderators_only(desk_bot: Core) -> None:
    assert "/retract" in say(desk_bot, "/help").text
    user_help = say(desk_bot, "/help", user=USER).text
    assert "/retract" not in user_help and "/check" in user_help
    assert "/grant" in say(desk_bot, "/help", user=ADMIN).text


def test_add_in_one_message_then_users_get_it(desk_bot: Core) -> None:
    added = say(desk_bot, NEW_CLAIM)
    assert added.kind == ReplyKind.TEXT and "Added" in added.text
    answer = say(desk_bot, "Does drinking hot water cure the coronavirus?", user=USER)
    assert answer.kind == ReplyKind.ANSWER
    view = answer.matches[0]
    assert view.verdict == "false" and view.claimant == "Viral WhatsApp message"
    assert view.sources[0].url == "https://www.who.int/myth-busters"
    assert view.sources[0].date == "2020-03-20" and view.sources[0].title == "Myth busters"
    history = say(desk_bot, f"/history {view.id}").text
    assert f"telegram:{MOD}" in history and "add" in history


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("verdict: false", "verdict: totally bogus"), "Allowed verdicts"),
        (lambda t: t.replace("claimant: Viral WhatsApp message\n", ""), "Missing: claimant"),
        (lambda t: "\n".join(x for x in t.splitlines() if not x.startswith("source")), "source"),
        (lambda t: t.replace("2020-03-14", "2020-02-31"), "does not exist"),
        (lambda t: t.replace("https://www.who.int/myth-busters", "javascript:alert(1)"), "web"),
        (lambda t: t + "verdikt: true\n", "Unknown field(s): verdikt"),
    ],
)
def test_add_validation_is_precise(desk_bot: Core, edit: object, expected: str) -> None:
    before = desk_bot.base.count(status=None)
    reply = say(desk_bot, edit(NEW_CLAIM))  # type: ignore[operator]
    assert reply.kind == ReplyKind.REFUSAL and expected in reply.text, reply.text
    assert desk_bot.base.count(status=None) == before


def test_guided_add_dialogue(desk_bot: Core) -> None:
    assert "(1/8)" in say(desk_bot, "/add").text
    # what people type as if filling in a form ("claim: …", "Verdict: …") is dropped
    assert "(2/8)" in say(desk_bot, "claim: The moon landing was staged in a studio").text
    wrong = say(desk_bot, "nonsense-verdict")
    assert wrong.kind == ReplyKind.REFUSAL and "(2/8)" in wrong.text
    for step in ("Verdict: false", "A blog", "date: 2019-07-20", "Evidence confirms the landings."):
        say(desk_bot, step)
    assert "(7/8)" in say(desk_bot, "source: NASA | Apollo 11 mission overview").text
    assert "(8/8)" in say(desk_bot, "was apollo filmed in hollywood\nfake moon landing").text
    bad_url = say(desk_bot, "javascript:alert(1)")
    assert bad_url.kind == ReplyKind.REFUSAL and "(8/8)" in bad_url.text
    preview = say(desk_bot, "https://example.org/moon").text
    assert "Claim: “The moon landing was staged in a studio”" in preview
    assert "Verdict: False" in preview and "Also asked as: fake moon landing" in preview
    assert "Fact-check: https://example.org/moon" in preview
    assert say(desk_bot, "was the moon landing staged?", user=USER).kind != ReplyKind.ANSWER
    done = say(desk_bot, "yes")
    assert "Added" in done.text
    answer = say(desk_bot, "was apollo filmed in hollywood?", user=USER)
    assert answer.kind == ReplyKind.ANSWER and answer.matches[0].claimant == "A blog"
    assert answer.matches[0].review_url == "https://example.org/moon"


def test_a_guided_dialogues_steps_are_no_check_the_words_decide(desk_bot: Core) -> None:
    # bot.runner runs on the event loop only checks that read no model; a dialogue's last
    # step adds a claim, and embeds it, so its steps are not such checks (a worker thread's).
    question = "was the moon landing staged?"
    assert desk_bot.decided_by_words(dm(question, user=MOD))
    assert not desk_bot.decided_by_words(dm("/add", user=MOD))
    say(desk_bot, "/add")
    assert not desk_bot.decided_by_words(dm(question, user=MOD))  # the claim's text
    assert desk_bot.decided_by_words(dm(question, user=USER))  # someone else asking it
    assert desk_bot.decided_by_words(dm(f"/check {question}", user=USER))


def test_guided_add_steps_may_be_skipped_and_the_preview_dropped(desk_bot: Core) -> None:
    before = desk_bot.base.count(status=None)
    say(desk_bot, "/add")
    for step in ("Pigs can fly over Yangon", "false", "A post", "2021", "They cannot.", "BBC"):
        say(desk_bot, step)
    say(desk_bot, "skip")
    preview = say(desk_bot, "skip").text
    assert "Also asked as" not in preview and "Send “yes” to publish" in preview
    assert "Dropped" in say(desk_bot, "no").text
    assert desk_bot.base.count(status=None) == before


def test_a_dialogue_left_for_a_while_does_not_take_the_next_message_unasked(
    base: ClaimBase,
) -> None:
    """A moderator who left /add and comes back hours later to ask about a claim is told
    what is under way; the same message sent again is the answer."""
    now = [1_000_000.0]
    bot = Core(base, access=Access(admins=frozenset({f"telegram:{ADMIN}"})), clock=lambda: now[0])
    say(bot, f"/grant {MOD}", user=ADMIN)
    say(bot, "/add")
    assert "(2/8)" in say(bot, "The moon landing was staged in a studio").text
    now[0] += 10 * 60  # a short pause: answered as before
    assert "(3/8)" in say(bot, "false").text
    now[0] += 3 * 3600
    question = "were the myanmar protesters paid?"
    paused = say(bot, question)
    assert paused.kind == ReplyKind.REFUSAL
    assert "unfinished /add, left 3 hours ago" in paused.text and f"“{question}”" in paused.text
    assert "(3/8) Who made the claim?" in paused.text
    assert "(4/8)" in say(bot, "A blog").text  # sent again at once: the answer
    now[0] += 2 * 3600
    assert "left 2 hours ago" in say(bot, "2019").text
    assert "nothing was added" in say(bot, "/cancel").text
    assert say(bot, question).kind == ReplyKind.ANSWER  # a check again


def test_cancel_stops_the_dialogue(desk_bot: Core) -> None:
    say(desk_bot, "/add")
    assert "nothing was added" in say(desk_bot, "/cancel").text
    assert say(desk_bot, "is the moon made of cheese?").kind == ReplyKind.NONE  # a check again


def test_source_alias_verdict_edit_retract_restore(desk_bot: Core) -> None:
    cid = "mm-election-fraud"
    assert (
        "Source added" in say(desk_bot, f"/source {cid} Reuters | Myanmar vote | 2020-11-10").text
    )
    assert "Alias added" in say(desk_bot, f"/alias {cid} did the NLD cheat in the vote").text
    assert say(desk_bot, "did the NLD cheat in the vote?", user=USER).matches[0].id == cid
    no_reason = say(desk_bot, f"/verdict {cid} false")
    assert no_reason.kind == ReplyKind.REFUSAL and "reason" in no_reason.text
    changed = say(desk_bot, f"/verdict {cid} false | new evidence reviewed")
    assert "Unproven → False" in changed.text
    claim = desk_bot.base.get(cid)
    assert claim is not None and claim.verdict == "false" and claim.rating == "false"
    assert "changed" in say(desk_bot, f"/edit {cid} claimant Senior General Min Aung Hlaing").text
    assert say(desk_bot, f"/edit {cid} colour blue").kind == ReplyKind.REFUSAL
    assert "retracted" in say(desk_bot, f"/retract {cid} under review").text
    gone = say(desk_bot, "was the myanmar election rigged in 2020?", user=USER)
    assert all(m.id != cid for m in gone.matches)
    assert desk_bot.base.get(cid) is not None  # kept
    assert "published again" in say(desk_bot, f"/restore {cid}").text
    history = say(desk_bot, f"/history {cid}").text
    for action in ("add source", "add alias", "verdict", "edit claimant", "retract", "restore"):
        assert action in history
    assert "new evidence reviewed" in history


def test_undo_reverts_changes_one_by_one(desk_bot: Core) -> None:
    cid = "mm-election-fraud"
    say(desk_bot, f"/edit {cid} summary first edit")
    say(desk_bot, f"/edit {cid} summary second edit")
    say(desk_bot, f"/alias {cid} a brand new alias")
    assert "add alias" in say(desk_bot, "/undo").text
    assert all(a.text != "a brand new alias" for a in desk_bot.base.get(cid).aliases)  # type: ignore[union-attr]
    say(desk_bot, "/undo")
    assert desk_bot.base.get(cid).summary == "first edit"  # type: ignore[union-attr]
    say(desk_bot, "/undo")
    assert desk_bot.base.get(cid).summary.startswith("Unsubstantiated")  # type: ignore[union-attr]
    assert "no change" in say(desk_bot, "/undo").text
    # undoing an added claim retracts it: hidden, not destroyed
    say(desk_bot, NEW_CLAIM)
    say(desk_bot, "/undo")
    ids = [c.id for c in desk_bot.base.list_claims(include_retracted=True) if "hot" in c.claim]
    assert ids and desk_bot.base.get(ids[0]).status == "retracted"  # type: ignore[union-attr]


def test_undo_is_per_moderator(desk_bot: Core) -> None:
    say(desk_bot, "/grant 8", user=ADMIN)
    say(desk_bot, "/edit mm-election-fraud summary by moderator 2")
    assert "no change" in say(desk_bot, "/undo", user="8").text
    assert desk_bot.base.get("mm-election-fraud").summary == "by moderator 2"  # type: ignore[union-attr]


def test_queue_link_and_notification_delivered_once(base: ClaimBase, desk_bot: Core) -> None:
    question = "Did Myanmar's military use civilians as human shields?"
    for user in ("30", "31", "30"):
        none = say(desk_bot, question, user=user)
        assert none.kind == ReplyKind.NONE and none.queue_id is not None
    say(desk_bot, "is the moon made of cheese?", user="32")
    assert "tell you" in say(desk_bot, "/notify", user="30").text
    queue = say(desk_bot, "/queue").text
    assert queue.index("human shields") < queue.index("cheese")
    assert "×3" in queue and "1 waiting" in queue

    say(
        desk_bot,
        NEW_CLAIM.replace(
            "Drinking hot water cures the coronavirus",
            "Myanmar security forces used civilians as human shields",
        ).replace("does hot water kill covid", "human shields Myanmar"),
    )
    # the new claim answers the queued question: resolved, subscriber notified
    assert "human shields" not in say(desk_bot, "/queue").text
    pending = desk_bot.pending_notifications("telegram")
    assert [(n.chat_id, n.kind) for n, _ in pending] == [("30", "checked")]
    note, reply = pending[0]
    assert reply.kind == ReplyKind.ANSWER and "now been checked" in reply.notes[0]
    # survives a restart, and is delivered once
    again = Core(ClaimBase.open(base.path))
    assert len(again.pending_notifications("telegram")) == 1
    again.notification_delivered(note.id)
    assert desk_bot.pending_notifications("telegram") == []
    assert base.db.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == 0


def test_link_resolves_with_an_existing_claim(desk_bot: Core) -> None:
    question = "Were the people resisting the junta bribed by foreign sponsors?"
    none = say(desk_bot, question, user="40")
    assert none.kind == ReplyKind.NONE and none.queue_id
    desk_bot.subscribe(dm("x", user="40"), none.queue_id)
    linked = say(desk_bot, f"/link {none.queue_id} mm-protesters-paid")
    assert "Linked" in linked.text
    assert [n.kind for n, _ in desk_bot.pending_notifications("telegram")] == ["checked"]
    again = say(desk_bot, question, user="41")
    assert again.kind == ReplyKind.ANSWER and again.matches[0].id == "mm-protesters-paid"


def test_verdict_change_notifies_people_given_the_old_verdict(desk_bot: Core) -> None:
    answer = say(desk_bot, "was the myanmar election rigged in 2020?", user="50")
    assert answer.kind == ReplyKind.ANSWER
    say(desk_bot, "/verdict mm-election-fraud false | audit found no fraud")
    pending = desk_bot.pending_notifications("telegram")
    assert [(n.chat_id, n.kind) for n, _ in pending] == [("50", "updated")]
    assert "from Unproven to False" in pending[0][1].notes[0]


def test_a_notice_comes_in_the_language_the_person_wrote_in(desk_bot: Core) -> None:
    """A Burmese question, from an app with no language set: the notice that its verdict
    changed is in Burmese too."""
    answer = say(desk_bot, "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား", user="51")
    assert answer.kind == ReplyKind.ANSWER and answer.language == "my"
    say(desk_bot, "/verdict mm-election-fraud false | audit found no fraud")
    [(note, reply)] = desk_bot.pending_notifications("telegram")
    assert note.chat_id == "51" and reply.language == "my"
    assert reply.matches[0].translated


def test_feedback_no_sends_the_question_to_the_queue(desk_bot: Core) -> None:
    answer = say(desk_bot, "were the Myanmar protesters paid terrorists?", user="60")
    assert answer.answer_id is not None
    assert "passed your question" in say(desk_bot, "/no", user="60").text
    assert "paid terrorists" in say(desk_bot, "/queue").text
    other = say(desk_bot, "was the myanmar election rigged in 2020?", user="61")
    assert "Thanks" in say(desk_bot, "/yes", user="61").text
    assert other.answer_id != answer.answer_id
    stats = say(desk_bot, "/stats").text
    assert "2 answered" in stats and "Feedback: 1 yes, 1 no" in stats and "Queue: 1 open" in stats


def test_stats_marks_a_most_asked_claim_retracted_since(desk_bot: Core) -> None:
    say(desk_bot, NEW_CLAIM)
    for user in ("70", "71"):
        answer = say(desk_bot, "Does drinking hot water cure the coronavirus?", user=user)
        assert answer.kind == ReplyKind.ANSWER
    added = answer.matches[0].id
    say(desk_bot, "were the Myanmar protesters paid terrorists?", user="72")
    assert f"Most asked (7d): {added} ×2, mm-protesters-paid ×1" in say(desk_bot, "/stats").text
    say(desk_bot, "/undo")  # the /add undone: the claim is retracted
    stats = say(desk_bot, "/stats").text
    assert f"Most asked (7d): {added} ×2 (retracted), mm-protesters-paid ×1" in stats


def test_console_operator_is_admin(base: ClaimBase) -> None:
    bot = Core(base, access=Access(admins=frozenset()))
    reply = bot.handle(dm("/grant telegram:5", platform="console", user="operator"))
    assert reply is not None and "now a moderator" in reply.text


# -- rough edges a first week of moderating found ----------------------------------------


@pytest.mark.parametrize(
    ("source", "url", "when"),
    [
        (
            "AFP | Hot water myth | www.afp.com/x | 25 March 2020",
            "https://www.afp.com/x",
            "2020-03-25",
        ),
        (
            "AFP | Hot water myth | https://www.afp.com/x | March 25, 2020",
            "https://www.afp.com/x",
            "2020-03-25",
        ),
        ("AFP | Hot water myth | afp.com/x | 2020/03/25", "https://afp.com/x", "2020-03-25"),
        ("AFP | Hot water myth | | Mar 2020", None, "2020-03"),
        ("AFP | Hot water myth | http://afp.com | 25.03.2020", "http://afp.com", "2020-03-25"),
    ],
)
def test_source_stores_its_url_and_date(desk_bot: Core, source: str, url: str, when: str) -> None:
    reply = say(desk_bot, f"/source mm-election-fraud {source}")
    assert reply.kind == ReplyKind.TEXT and "Source added" in reply.text, reply.text
    assert f"URL {url or '(none)'};" in reply.text  # what was stored, read back
    added = desk_bot.base.get("mm-election-fraud").sources[-1]  # type: ignore[union-attr]
    assert (added.publisher, added.title, added.url, added.date) == (
        "AFP",
        "Hot water myth",
        url,
        when,
    )
    assert added.supports is None  # nothing ended up in the note


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("NASA | Moon | ftp//nasa | 2020-03-20", "not a web address"),
        ("NASA | Moon | not-a-url | 2020-03-20", "where the URL goes"),
        ("NASA | Moon | ftp://nasa.gov/x", "not a web address"),
        ("NASA | Moon | https://nasa.gov | last Tuesday", "where the date goes"),
        ("NASA | Moon | https://nasa.gov | 04/03/2020", "day/month or month/day"),
        ("NASA | Moon | https://nasa.gov | 31 February 2020", "does not exist"),
        ("NASA | Moon | https://nasa.gov | 2099-01-01", "in the future"),
    ],
)
def test_source_refuses_what_it_cannot_read(desk_bot: Core, source: str, expected: str) -> None:
    before = len(desk_bot.base.get("mm-election-fraud").sources)  # type: ignore[union-attr]
    reply = say(desk_bot, f"/source mm-election-fraud {source}")
    assert reply.kind == ReplyKind.REFUSAL and expected in reply.text, reply.text
    assert len(desk_bot.base.get("mm-election-fraud").sources) == before  # type: ignore[union-attr]


def test_a_claim_date_in_the_future_is_refused(desk_bot: Core) -> None:
    for future in ("2099-01-01", "2099", "1 January 2099"):
        reply = say(desk_bot, NEW_CLAIM.replace("2020-03-14", future))
        assert reply.kind == ReplyKind.REFUSAL and "in the future" in reply.text, reply.text
        edit = say(desk_bot, f"/edit mm-election-fraud date {future}")
        assert edit.kind == ReplyKind.REFUSAL and "in the future" in edit.text
    # common forms are read and stored as ISO
    assert "Added" in say(desk_bot, NEW_CLAIM.replace("2020-03-14", "14 March 2020")).text
    added = [c for c in desk_bot.base.list_claims() if "hot water" in c.claim]
    assert added[0].claim_date == "2020-03-14"


def test_queue_says_how_many_more_it_did_not_list(desk_bot: Core) -> None:
    diseases = "measles polio mumps rubella tetanus rabies cholera typhoid dengue malaria ebola"
    for n, disease in enumerate(diseases.split()):
        for _ in range(n + 1):  # measles is asked least
            desk_bot.desk.queue.add(f"do {disease} vaccines contain microchips?")
    listing = say(desk_bot, "/queue").text
    assert "(11 open)" in listing
    assert listing.count("\n#") == 10 and "…1 more" in listing
    assert "measles" not in listing and "ebola" in listing  # the least asked is left out


def test_history_shows_an_add_once(desk_bot: Core) -> None:
    claim_id = say(desk_bot, NEW_CLAIM).text.split()[1].rstrip(":")
    say(desk_bot, f"/source {claim_id} AFP | Hot water myth | https://www.afp.com/x")
    history = say(desk_bot, f"/history {claim_id}").text.splitlines()[1:]
    assert len(history) == 2, history
    assert "add source: AFP" in history[0]
    assert "— add: with 1 source, 1 alias" in history[1]


def test_show_tells_a_missing_id_from_a_retracted_one(desk_bot: Core) -> None:
    missing = say(desk_bot, "/show bad-id", user=USER)
    assert missing.kind == ReplyKind.REFUSAL and "no fact-check with the id bad-id" in missing.text
    say(desk_bot, "/retract mm-election-fraud checking")
    gone = say(desk_bot, "/show mm-election-fraud", user=USER)
    assert "no longer available" in gone.text


def test_show_is_not_a_match(desk_bot: Core) -> None:
    from adapters import console

    shown = say(desk_bot, "/show mm-election-fraud", user=USER)
    assert shown.kind == ReplyKind.ANSWER and not shown.matches[0].matched
    text = console.render(shown)
    assert "Match:" not in text and "id mm-election-fraud" in text
    asked = say(desk_bot, "was the 2020 election in Myanmar rigged by fraud?", user=USER)
    assert asked.matches[0].matched and "Match:" in console.render(asked)


def test_generated_ids_are_short_and_typeable(desk_bot: Core) -> None:
    reply = say(desk_bot, NEW_CLAIM)
    claim_id = reply.text.split()[1].rstrip(":")
    assert claim_id.startswith("drinking-hot-water-cures-") and len(claim_id) <= 32
    assert "--" not in claim_id and claim_id.replace("-", "").isalnum()
    assert say(desk_bot, f"/show {claim_id}", user=USER).kind == ReplyKind.ANSWER


@pytest.mark.parametrize("platform", ["telegram", "slack"])
def test_whoami_gives_what_factbot_admins_needs(base: ClaimBase, platform: str) -> None:
    bot = Core(base, access=Access(admins=frozenset({f"{platform}:{ADMIN}"})))
    stranger = bot.handle(dm("/whoami", platform=platform, user="U777"))
    assert stranger is not None and stranger.kind == ReplyKind.TEXT
    assert f"Platform: {platform}" in stranger.text and "User id: U777" in stranger.text
    assert (
        "Role: user" in stranger.text and f"add {platform}:U777 to FACTBOT_ADMINS" in stranger.text
    )
    admin = bot.handle(dm("/whoami", platform=platform, user=ADMIN))
    assert admin is not None and "Role: admin" in admin.text and "FACTBOT_ADMINS" not in admin.text
    bot.handle(dm("/grant U778", platform=platform, user=ADMIN))
    moderator = bot.handle(dm("/whoami", platform=platform, user="U778"))
    assert moderator is not None and "Role: moderator" in moderator.text
    console = bot.handle(dm("/whoami", platform="console", user="operator"))
    assert console is not None and "Role: admin" in console.text


def test_history_shows_the_last_twenty_changes_whole(desk_bot: Core) -> None:
    claim = NEW_CLAIM + "".join(f"alias: hot water question {n}\n" for n in range(30))
    claim_id = say(desk_bot, claim).text.split()[1].rstrip(":")
    for n in range(25):
        say(desk_bot, f"/edit {claim_id} summary version {n}")
    lines = say(desk_bot, f"/history {claim_id}").text.splitlines()[1:]
    assert len(lines) == 21 and "earlier changes" in lines[-1]
    assert "version 24" in lines[0] and "version 5" in lines[19]


def test_what_the_claimant_is_is_added_edited_shown_and_undone(desk_bot: Core) -> None:
    added = say(desk_bot, NEW_CLAIM.replace("date:", "role: a chain message\ndate:"))
    assert "Added" in added.text
    answer = say(desk_bot, "Does drinking hot water cure the coronavirus?", user=USER)
    view = answer.matches[0]
    assert view.claimant_role == "a chain message"
    cid = "mm-election-fraud"
    assert "changed" in say(desk_bot, f"/edit {cid} role Commander-in-Chief").text
    assert desk_bot.base.get(cid).claimant_role == "Commander-in-Chief"  # type: ignore[union-attr]
    assert "edit claimant_role" in say(desk_bot, f"/history {cid}").text
    say(desk_bot, "/undo")
    undone = desk_bot.base.get(cid)
    assert undone is not None
    assert undone.claimant_role == "Myanmar junta leader, head of the military, the Tatmadaw"
    assert say(desk_bot, f"/edit {cid} role {'x' * 501}").kind == ReplyKind.REFUSAL
