"""No one unauthorised: moderator commands refused and logged on every platform for users,
roles per platform, and the abuse limits of checks."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from knowledge.store import ClaimBase
from tests.reliability_worker import ALIAS_CLAIM, EDIT_CLAIM
from tests.test_secrets import QUESTION, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET

# -- moderator commands from everyone else ----------------------------------------------------

MODERATOR_COMMANDS = {
    "add": "\nclaim: Drinking hot water cures the coronavirus\nverdict: false\nclaimant: A post\n"
    "date: 2020-03-14\nsummary: It does not.\nsource: WHO | Myth busters",
    "cancel": "",
    "source": f"{ALIAS_CLAIM} Evil Corp | We say so | https://evil.example | 2024-01-01",
    "alias": f"{ALIAS_CLAIM} the protesters were heroes",
    "verdict": f"{ALIAS_CLAIM} true | because I say so",
    "edit": f"{ALIAS_CLAIM} claim Something else entirely",
    "translate": f"{ALIAS_CLAIM} ru\nclaim: Протестующие были героями",
    "retract": f"{EDIT_CLAIM} gone",
    "restore": EDIT_CLAIM,
    "history": ALIAS_CLAIM,
    "undo": "",
    "queue": "",
    "link": f"1 {ALIAS_CLAIM}",
    "stats": "",
    "grant": "99",
    "revoke": "1",
    "moderators": "",
    "appeared": f"{ALIAS_CLAIM} https://evil.example/post",
    "image": ALIAS_CLAIM,
}
TABLES = (
    "claims",
    "sources",
    "aliases",
    "claim_translations",
    "roles",
    "audit",
    "queue",
    "chat_settings",
    "claim_images",
)


def snapshot(base: ClaimBase) -> dict[str, list[tuple[Any, ...]]]:
    return {t: base.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


@pytest.fixture
def guarded_core(tmp_path: Path) -> Iterator[Any]:
    """The core with a moderator (telegram:1, slack:U0MODERATOR) and an admin, a queued
    question, and rate limits off (every command must reach the role check)."""
    from bot.access import Access
    from bot.config import Settings
    from bot.core import Core
    from bot.messages import Incoming

    base = ClaimBase.open(tmp_path / "claims.db")
    core = Core(
        base,
        Settings(user_checks_per_minute=0, group_checks_per_minute=0),
        access=Access(admins=frozenset({"telegram:1000", "slack:U0ADMIN"})),
    )
    for who in ("1", "U0MODERATOR"):
        platform = "slack" if who.startswith("U") else "telegram"
        admin = "1000" if platform == "telegram" else "U0ADMIN"
        core.handle(Incoming(platform, admin, admin, f"/grant {platform}:{who}"))
    core.handle(Incoming("telegram", "5", "5", "Is the moon made of green cheese?"))
    assert core.desk.queue.length() == 1
    yield core
    base.close()


def test_every_moderator_command_is_listed_here(guarded_core: Any) -> None:
    from bot.access import Role

    guarded = {c.name for c in guarded_core.commands if c.role > Role.USER}
    assert guarded == set(MODERATOR_COMMANDS)


def refusals(caplog: pytest.LogCaptureFixture, platform: str, user: str) -> list[str]:
    marker = f" for {platform}:{user} "
    return [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("refused /") and marker in r.getMessage()
    ]


def test_console_is_the_operator_and_may_moderate(guarded_core: Any) -> None:
    from adapters import console
    from bot.access import Role
    from bot.messages import ReplyKind

    msg = console.incoming("/moderators")
    assert guarded_core.access.role_of(msg) == Role.ADMIN
    reply = guarded_core.handle(msg)
    assert reply is not None and reply.kind is ReplyKind.TEXT
    assert "telegram:1" in reply.text


async def test_telegram_refuses_and_logs_every_moderator_command_from_a_user(
    guarded_core: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from telegram import Update

    from adapters.telegram_app import build_application
    from tests.fakes.telegram_api import (
        FakeBotAPI,
        group_chat,
        local_requests,
        message_update,
        private_chat,
        user,
    )

    caplog.set_level(logging.WARNING)
    before = snapshot(guarded_core.base)
    stranger = user(4242, "Mallory")
    async with FakeBotAPI() as fake:
        app = build_application(guarded_core, fake.token, api_url=fake.url, **local_requests())
        async with app:
            for chat in (private_chat(4242), group_chat(-100900)):
                for name, args in MODERATOR_COMMANDS.items():
                    payload = message_update(f"/{name} {args}".strip(), chat=chat, sender=stranger)
                    fake.remember_chats(payload)
                    sent_before = len(fake.sent_messages())
                    await app.process_update(Update.de_json({"update_id": 1, **payload}, app.bot))
                    [reply] = fake.sent_messages()[sent_before:]
                    assert reply["text"].startswith(f"Sorry, /{name} is for "), reply["text"]
                    assert reply["text"].endswith("s only.")
    assert snapshot(guarded_core.base) == before
    logged = refusals(caplog, "telegram", "4242")
    assert len(logged) == 2 * len(MODERATOR_COMMANDS)
    assert {line.split()[1] for line in logged} == {f"/{n}" for n in MODERATOR_COMMANDS}


async def test_slack_refuses_and_logs_every_moderator_command_from_a_user(
    guarded_core: Any, caplog: pytest.LogCaptureFixture, slack_fake: Any
) -> None:
    from slack_bolt.request.async_request import AsyncBoltRequest

    from adapters.slack_app import build_app
    from tests.fakes.slack_api import (
        USER,
        command_body,
        event_body,
        mention_event,
        message_event,
        sign,
    )

    caplog.set_level(logging.WARNING)
    before = snapshot(guarded_core.base)
    app = build_app(
        guarded_core,
        token=SLACK_BOT_TOKEN,
        signing_secret=SLACK_SIGNING_SECRET,
        api_url=slack_fake.api_url,
        process_before_response=True,
    )

    async def dispatch(body: str, content_type: str) -> None:
        signed = sign(body, content_type, secret=SLACK_SIGNING_SECRET)
        headers: dict[str, str | Sequence[str]] = dict(signed.headers)
        response = await app.async_dispatch(AsyncBoltRequest(body=signed.body, headers=headers))
        assert response.status == 200

    for n, (name, args) in enumerate(MODERATOR_COMMANDS.items()):
        text = f"{name} {args}".strip()
        # /factcheck <command>, a direct message, and a mention in a channel
        await dispatch(
            command_body(text, response_url=slack_fake.response_url(f"c{n}")),
            "application/x-www-form-urlencoded",
        )
        await dispatch(
            event_body(message_event(text, ts=f"1700000{n}.1"), event_id=f"EvDM{n}"),
            "application/json",
        )
        await dispatch(
            event_body(mention_event(f"/{text}", ts=f"1700000{n}.2"), event_id=f"EvM{n}"),
            "application/json",
        )
    shown = [c.payload for c in slack_fake.messages()]
    assert len(shown) == 3 * len(MODERATOR_COMMANDS)
    for payload in shown:
        assert (
            "is for moderators only" in payload["text"] or "is for admins only" in payload["text"]
        ), payload["text"]
    assert snapshot(guarded_core.base) == before
    logged = refusals(caplog, "slack", USER)
    assert len(logged) == 3 * len(MODERATOR_COMMANDS)


def test_a_moderator_on_one_platform_is_a_user_on_another(guarded_core: Any) -> None:
    """Roles are per platform: telegram:1 is a moderator, slack:1 is not."""
    from bot.messages import Incoming, ReplyKind

    before = snapshot(guarded_core.base)
    reply = guarded_core.handle(Incoming("slack", "D1", "1", "/retract mm-election-fraud"))
    assert reply is not None and reply.kind is ReplyKind.REFUSAL
    assert snapshot(guarded_core.base) == before
    reply = guarded_core.handle(Incoming("telegram", "1", "1", "/queue"))
    assert reply is not None and reply.kind is ReplyKind.TEXT


# -- abuse limits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msg",
    [
        {"platform": "telegram", "chat_id": "-100", "is_direct": False, "text": "/check {q}"},
        {"platform": "telegram", "chat_id": "42", "text": "/check {q}"},
        {"platform": "slack", "chat_id": "C1", "text": "check {q}", "bare_commands": True},
        {"platform": "slack", "chat_id": "C1", "text": "/check {q}"},  # the message shortcut
    ],
    ids=["telegram-group", "telegram-private", "slack-factcheck-check", "slack-shortcut"],
)
def test_the_check_command_counts_against_the_rate_limit(tmp_path: Path, msg: Any) -> None:
    """``/check`` is how groups ask: it must not be a way around the per-user limit."""
    from bot.core import Core
    from bot.messages import Incoming, ReplyKind

    base = ClaimBase.open(tmp_path / "claims.db")
    now = [0.0]
    core = Core(base, clock=lambda: now[0])
    text = msg.pop("text").format(q=QUESTION)
    replies = [core.handle(Incoming(user_id="7", text=text, **msg)) for _ in range(25)]
    base.close()
    kinds = [r.kind if r else None for r in replies]
    assert kinds[:20] == [ReplyKind.ANSWER] * 20
    assert kinds[20] is ReplyKind.REFUSAL
    assert replies[20] is not None and "faster than I can check" in replies[20].text
    assert kinds[21:] == [None] * 4  # told once, then quiet
