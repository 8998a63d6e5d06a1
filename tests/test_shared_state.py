"""Conversation state lives in the claim base (issue 15, "State that survives a restart, and a
second worker"): two real ``factbot telegram --webhook`` processes on one base take alternate
updates of one conversation, a guided /add and then /notify, and carry it on as one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Core
from knowledge.store import ClaimBase
from tests.fakes.telegram_api import BOT_TOKEN, FakeBotAPI, message_update, private_chat, user
from tests.helpers import dm, free_port, listening, wait_until

ROOT = Path(__file__).resolve().parent.parent
SECRET = "two-workers-Secret_1"
MOD = 2


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    with FakeBotAPI.in_thread() as fake:
        yield fake


def test_two_webhook_workers_share_one_conversation(fake: FakeBotAPI, tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    ClaimBase.open(db).close()  # created (and seeded) once, before both start
    ports = [free_port(), free_port()]
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "FACTBOT_ADMINS": f"telegram:{MOD}",
        "FACTBOT_EMBEDDINGS": "off",
    }
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "adapters.cli",
                "telegram",
                "--db",
                str(db),
                "--api-url",
                fake.url,
                "--webhook",
                "https://bot.example.org/hook",
                "--listen",
                f"127.0.0.1:{port}",
                "--webhook-secret",
                SECRET,
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    replies: list[str] = []
    try:
        wait_until(lambda: all(listening(p) for p in ports), seconds=20)

        def say(turn: int, who: int, text: str) -> str:
            """Send one update to worker ``turn % 2``; return the reply's text."""
            before = len(fake.sent_messages())
            update = {
                "update_id": 100 + turn,
                **message_update(text, chat=private_chat(who), sender=user(who, f"U{who}")),
            }
            request = urllib.request.Request(
                f"http://127.0.0.1:{ports[turn % 2]}/hook",
                json.dumps(update).encode(),
                {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
            wait_until(lambda: len(fake.sent_messages()) > before, seconds=20)
            text_sent: str = fake.sent_messages()[-1]["text"]
            return text_sent

        steps = [
            "/add",
            "claim: Purple umbrellas cause rain in Yangon",
            "false",
            "A viral post",
            "2021-03-01",
            "Weather services say umbrellas do not change the weather.",
            "Myanmar weather service | Umbrella myths",
            "do umbrellas make it rain",
            "skip",
            "yes",
        ]
        replies = [say(turn, MOD, text) for turn, text in enumerate(steps)]
        # a question nobody has checked, on one worker; /notify for it on the other
        none = say(20, 42, "Is the moon made of green cheese?")
        notify = say(21, 42, "/notify")
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGINT)
        errors = b""
        for worker in workers:
            try:
                errors += worker.communicate(timeout=15)[1]
            except subprocess.TimeoutExpired:
                worker.kill()
                errors += worker.communicate()[1]
    assert b"Traceback" not in errors, errors.decode()
    assert [w.returncode for w in workers] == [0, 0]
    # each worker carried on from where the other left the dialogue
    for index, reply in enumerate(replies[:8]):
        assert f"({index + 1}/8)" in reply, (index, reply)
    assert "This is what will be published" in replies[8]
    assert "Added" in replies[9], replies
    assert none.startswith("I found no fact-check")
    assert "I'll tell you here" in notify
    base = ClaimBase.open(db)
    try:
        [added] = [c for c in base.list_claims() if "umbrellas" in c.claim.casefold()]
        assert added.aliases[0].text == "do umbrellas make it rain"
        assert base.db.execute("SELECT count(*) FROM subscriptions").fetchone() == (1,)
    finally:
        base.close()


def test_a_dialogue_survives_a_restart(db_path: Path) -> None:
    from bot.access import Access

    def worker() -> Core:
        return Core(ClaimBase.open(db_path), access=Access(admins=frozenset({"telegram:2"})))

    first = worker()
    first.handle(dm("/add", user="2"))
    first.handle(dm("Pigs fly over Yangon", user="2"))
    first.base.close()
    second = worker()
    reply = second.handle(dm("false", user="2"))
    second.base.close()
    assert reply is not None and "(3/8)" in reply.text
