"""Photos and screenshots as questions: the text read from them, the limits, known images.

Images are made here with Pillow (tests/imagegen.py). Telegram photos come through the real
PTB adapter (getFile and the file download on the fake Bot API), Slack files through the real
Bolt adapter (files.info and url_private with the bot token on the fake Web API), and the
console through ``factbot ask --image``. Tests that need Tesseract are skipped where it is not
installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PIL")
pytest.importorskip("imagehash")

from PIL import Image

from adapters.telegram_app import build_application
from bot import images, media
from bot.access import Access
from bot.config import Settings
from bot.core import Core
from bot.messages import Decision, ImageReading, ReplyKind
from knowledge.matching.text import simplified
from knowledge.store import ClaimBase
from tests import imagegen
from tests.fakes.slack_api import FakeSlackApi, mention_event, message_event
from tests.fakes.telegram_api import FakeBotAPI, local_requests, message, private_chat, user
from tests.helpers import dm
from tests.test_telegram_app import Harness, telegram_harness

OCR = images.engine().ocr
needs_ocr = pytest.mark.skipif(not OCR, reason="Tesseract OCR is not installed here")
PAID_ID = "mm-protesters-paid"
POST = "Were the Myanmar protesters paid terrorists?"
MODERATOR = 42


def post_screenshot(text: str = POST) -> bytes:
    picture = imagegen.screenshot(text, header="Shared by a friend · 2 h")
    return imagegen.jpeg(imagegen.phone_frame(picture), quality=70)


def photo_update(file_id: str, caption: str | None = None, **kwargs: Any) -> dict[str, Any]:
    payload = message(chat=kwargs.pop("chat", private_chat()), **kwargs)
    payload["photo"] = [
        {
            "file_id": f"{file_id}-small",
            "file_unique_id": f"{file_id}-s",
            "width": 90,
            "height": 60,
        },
        {"file_id": file_id, "file_unique_id": f"{file_id}-u", "width": 900, "height": 600},
    ]
    if caption is not None:
        payload["caption"] = caption
    return {"message": payload}


@pytest.fixture
def moderated(base: ClaimBase) -> Core:
    return Core(base, access=Access(admins=frozenset({f"telegram:{MODERATOR}"})))


@pytest.fixture
async def harness(moderated: Core) -> AsyncIterator[Harness]:
    async with telegram_harness(moderated) as h:
        yield h


# -- reading ---------------------------------------------------------------------------------


@needs_ocr
def test_the_text_of_a_screenshot_is_read() -> None:
    reading = images.read_image(post_screenshot(), "t:1", Settings())
    assert reading.problem is None and reading.text is not None
    assert "Myanmar protesters paid terrorists" in " ".join(reading.text.split())
    assert len(reading.hashes) >= 3 and all(len(h) == 16 for h in reading.hashes)


def needs_ocr_of(language: str, font: str = "sans") -> pytest.MarkDecorator:
    """Skipped where Tesseract or its ``language`` data, or a font to draw it in, is missing
    (.ci/run installs them all)."""
    have = OCR and language in (images._installed_languages() or ())
    return pytest.mark.skipif(
        not (have and imagegen.has_font(font)),
        reason=f"Tesseract's {language} data or a {font} font is not installed here",
    )


@pytest.mark.parametrize(
    ("language", "text", "header", "font"),
    [
        # Read with the English and Burmese data alone it was Latin letters that look like it
        # ("Mpasaa nu..."): 6% of its characters right (docs/benchmarks.md, "Screenshots in
        # Russian and traditional Chinese").
        pytest.param(
            "ru",
            "Правда ли, что протестующим в Мьянме платят за теракты?",
            "Переслано · 3 ч",
            "sans",
            marks=needs_ocr_of("rus"),
        ),
        # Most readers of the built-in check write Burmese, and rumours reach them as
        # screenshots: "Are the protesters taking money and committing terrorism?"
        pytest.param(
            "my",
            "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
            "Shared · 3 h",
            "myanmar",
            marks=needs_ocr_of("mya", font="myanmar"),
        ),
    ],
)
def test_a_screenshot_is_read_and_answered_in_its_language(
    bot: Core, language: str, text: str, header: str, font: str
) -> None:
    """Forwarded and recompressed, with no words of the person's own: read, answered with its
    claim, in its language (a first message, on a platform that gives no hint of it)."""
    picture = imagegen.screenshot(text, kind=font, header=header)
    reading = images.read_image(imagegen.jpeg(picture, quality=70), f"t:{language}", Settings())
    assert reading.text is not None and text in " ".join(reading.text.split())
    reply = bot.handle(dm("", image=reading))
    assert reply is not None and reply.decision == Decision.ANSWER
    assert reply.matches[0].id == PAID_ID
    assert reply.language == language


@needs_ocr_of("chi_tra", font="cjk")
def test_a_traditional_chinese_screenshot_is_read_and_answered(bot: Core) -> None:
    # "Are Myanmar's protesters terrorists paid with money?", in traditional characters,
    # which the simplified data misreads on some processors and reads into simplified
    # characters on others (a Xeon with AMX): Tesseract's network runs on each processor's own
    # vector instructions. Either reading is the question, as the matcher compares Chinese in
    # simplified characters.
    text = "緬甸的抗議者是收錢的恐怖分子嗎？"
    picture = imagegen.screenshot(text, kind="cjk", header="Shared · 3 h")
    reading = images.read_image(imagegen.png(picture), "t:zh", Settings())
    assert reading.text is not None
    assert simplified("抗議者是收錢的恐怖分子") in simplified("".join(reading.text.split()))
    reply = bot.handle(dm("", image=reading))
    assert reply is not None and reply.decision == Decision.ANSWER
    assert reply.matches[0].id == PAID_ID


def test_a_confident_pass_ends_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def one_pass(picture: object, langs: str, timeout: float, page_mode: int) -> tuple[float, str]:
        read.append(langs)
        text = "four words read surely" if langs == "chi_sim+rus+eng" else "garbled"
        return (95.0 * len(text) if text != "garbled" else 10.0, text)

    monkeypatch.setattr(images, "_ocr_pass", one_pass)
    monkeypatch.setattr(images, "_installed_languages", lambda: None)
    picture = imagegen.screenshot("text")
    found = images.ocr_text(picture, "eng+mya,chi_sim+rus+eng,chi_tra+eng", 5.0)
    assert found == "four words read surely"
    assert read == ["eng+mya", "chi_sim+rus+eng"]  # not the traditional Chinese pass


def test_languages_without_data_are_left_out_and_the_operator_told_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(images, "_installed_languages", lambda: frozenset({"eng", "mya", "rus"}))
    monkeypatch.setattr(images, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="bot.images"):
        passes = images.installed_passes("eng+mya,chi_sim+rus+eng,chi_tra+eng")
        again = images.installed_passes("eng+mya,chi_sim+rus+eng,chi_tra+eng")
    assert passes == again == ["eng+mya", "rus+eng", "eng"]
    told = [r.getMessage() for r in caplog.records]
    assert len(told) == 2 and "tesseract-ocr-chi-sim" in told[0] and "chi-tra" in told[1]


@needs_ocr
def test_a_sentence_wrapped_over_lines_is_read_as_one_paragraph_under_its_header() -> None:
    # Its parts are tried alone (bot.media): the lines of one wrapped sentence must stay
    # together, and the header ("Shared · 3 h") stand apart, as the gap above the post shows.
    text = (
        "Someone in our group says the Bangladesh protests only started because the vote was rigged"
    )
    picture = imagegen.screenshot(text, size=36, width=700, header="Shared · 3 h")
    reading = images.read_image(imagegen.png(picture), "t:wrap", Settings())
    assert reading.text is not None
    header, post = reading.text.split("\n\n")
    assert "3" in header and "Bangladesh" not in header
    assert len(post.splitlines()) >= 2  # wrapped
    assert " ".join(post.split()) == text


def test_what_tesseract_reads_on_one_row_is_one_line_and_a_gap_parts_paragraphs() -> None:
    # Tesseract's sparse-text mode parts a row at a gap: "特朗普" (Trump) and "说2020年…"
    # (says…) came as two lines, and the second, alone, was answered as if nobody had said it.
    def line(top: int, height: int, *words: tuple[int, str]) -> Any:
        found = images._Line()
        for left, word in words:
            found.add(word, left, top, height)
        return found

    text = images._layout(
        [
            line(296, 45, (154, "说"), (192, "2020"), (262, "年大选存在")),
            line(301, 28, (65, "特朗普")),
            line(217, 15, (65, "Shared:"), (156, "3h")),
            line(350, 45, (65, "舞弊吗")),
        ]
    )
    assert text == "Shared: 3h\n\n特朗普说 2020 年大选存在\n舞弊吗"


def test_a_screenshots_parts_never_cut_a_wrapped_sentence() -> None:
    read = (
        "9:41 4G 87%\n\nShared: 3h\n\nSomeone in our group says the Bangladesh\n"
        "protests only started because the election\nwas rigged. True or false?"
    )
    parts = media._windows(read)
    whole = (
        "Someone in our group says the Bangladesh protests only started because the election "
        "was rigged. True or false?"
    )
    assert whole in parts
    assert not [p for p in parts if "protests only" in p and "Bangladesh" not in p]
    # A post under its author's name (a line starting with a capital) is a part of its own,
    # and a stray mark none.
    read = "Aye Aye\nThe Myanmar protesters are paid terrorists.\nLike Comment Share\neC"
    assert "The Myanmar protesters are paid terrorists." in media._windows(read)
    assert "eC" not in media._windows(read)
    # A number wrapped to a line of its own stays with its sentence.
    assert media._windows("Did the coup in Myanmar happen on February\n1?") == [
        "Did the coup in Myanmar happen on February 1?"
    ]
    # A line ending on a preposition goes on with the next, capitalised as a name is: its
    # first line alone was answered with the election-fraud check (a Russian screenshot of
    # "were there falsifications in the elections in Belarus?").
    parts = media._windows("Posts\n\nБыли ли фальсификации на выборах в\nБеларуси?")
    assert "Были ли фальсификации на выборах в Беларуси?" in parts
    assert not [p for p in parts if p.endswith(" в")]
    assert media._windows("Were the elections in Myanmar rigged in\nThailand too?") == [
        "Were the elections in Myanmar rigged in Thailand too?"
    ]


@pytest.mark.parametrize(
    "post",
    [
        "Putin told Sputnik that Myanmar's protests escalated to the stage of\nterrorism. Did he?",
        "myanmar resistance fighters work for chinese money, not a political\nmovement. true?",
    ],
)
def test_a_screenshots_header_does_not_turn_a_question_into_a_post(bot: Core, post: str) -> None:
    # The phone's status bar and the app's header made the text read long, and a long post's
    # names beside the claim's place decide nothing: each was answered from a screenshot (the
    # fifth blind probe's, drawn), typed alone each is offered, naming Putin or "chinese".
    read = f"9:41 4G 87%\n\nPosts\n\nShared . 3h\n\n{post}"
    reply = bot.handle(dm("", image=ImageReading("t:hdr", text=read)))
    assert reply is not None and reply.decision != Decision.ANSWER
    typed = bot.handle(dm(" ".join(post.split())))
    assert typed is not None and typed.decision == reply.decision


def test_a_screenshot_of_the_claim_under_a_header_is_still_answered(bot: Core) -> None:
    read = "9:41 4G 87%\n\nPosts\n\nShared . 3h\n\nWere the Myanmar protesters paid\nterrorists?"
    reply = bot.handle(dm("", image=ImageReading("t:hdr", text=read)))
    assert reply is not None and reply.decision == Decision.ANSWER
    assert reply.matches[0].id == PAID_ID


def test_a_20000_by_20000_png_is_refused_before_decoding() -> None:
    bomb = imagegen.png_header_only(20_000, 20_000)
    started = time.perf_counter()
    reading = images.read_image(bomb, "t:bomb", Settings())
    assert reading.problem == "the image has too many pixels" and reading.text is None
    assert time.perf_counter() - started < 1.0
    # under Pillow's own limit too: the setting is what counts
    small_limit = Settings(image_max_pixels=1_000)
    reading = images.read_image(imagegen.png_header_only(100, 100), "t:b2", small_limit)
    assert reading.problem == "the image has too many pixels"
    # ...enforced for that image alone: Pillow's process-wide limit is not lowered, so what
    # other readers open meanwhile (a screenshot of 800 by 600) is read.
    assert Image.MAX_IMAGE_PIXELS is None or Image.MAX_IMAGE_PIXELS >= 40_000_000
    assert images.read_image(imagegen.png(imagegen.scene(1)), "t:ok", Settings()).problem is None


def test_a_large_file_is_refused_before_it_is_opened() -> None:
    reading = images.read_image(b"\xff" * 2_000, "t:big", Settings(image_max_bytes=1_000))
    assert reading.problem == "the image is too large"


def test_a_truncated_jpeg_is_refused_as_damaged() -> None:
    whole = imagegen.jpeg(imagegen.scene(1), quality=90)
    reading = images.read_image(whole[: len(whole) // 2], "t:cut", Settings())
    assert reading.problem == "the image is damaged or cut short"
    reading = images.read_image(b"not an image at all", "t:junk", Settings())
    assert reading.problem == "the file is not an image I can read"


def test_a_gif_of_500_frames_is_read_from_its_first_frame() -> None:
    gif = imagegen.animated_gif(500)
    started = time.perf_counter()
    reading = images.read_image(gif, "t:gif", Settings(), ocr=False)
    assert reading.problem is None and reading.hashes
    assert time.perf_counter() - started < 2.0


@needs_ocr
def test_ocr_over_its_time_limit_is_stopped() -> None:
    reading = images.read_image(post_screenshot(), "t:slow", Settings(ocr_timeout_seconds=0.01))
    assert reading.problem == "reading the image took too long"
    assert reading.hashes  # the picture is still known by its hash


def test_without_an_ocr_engine_the_image_is_queued_and_the_operator_told_once(
    bot: Core, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(images, "engine", lambda: images.Engine(True, True, False))
    monkeypatch.setattr(images, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="bot.images"):
        first = images.read_image(post_screenshot(), "telegram:abc", Settings())
        images.read_image(post_screenshot(), "telegram:abd", Settings())
    assert first.ocr_missing and first.text is None
    assert len([r for r in caplog.records if "cannot be read" in r.getMessage()]) == 1
    reply = bot.handle(dm("", image=first))
    assert reply is not None and reply.kind == ReplyKind.NONE
    assert "can't read images yet" in reply.text
    [entry] = bot.desk.queue.entries()
    assert entry.text == "[image telegram:abc]"
    # a caption is still checked, and the reply says only the caption was
    answered = bot.handle(dm(POST, image=first))
    assert answered is not None and answered.decision == Decision.ANSWER
    assert any("checked the caption only" in note for note in answered.notes)


def test_an_image_that_cannot_be_read_is_told_and_queued(bot: Core) -> None:
    reading = ImageReading("telegram:x", problem="the image is damaged or cut short")
    reply = bot.handle(dm("", image=reading))
    assert reply is not None and "couldn't read that image (the image is damaged" in reply.text
    assert reply.queue_id is not None


# -- Telegram ---------------------------------------------------------------------------------


@needs_ocr
async def test_telegram_a_screenshot_is_read_and_answered_quoting_the_text(
    harness: Harness,
) -> None:
    harness.fake.add_file("shot1", post_screenshot())
    [sent] = await harness.feed(photo_update("shot1"))
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "I read this text in the image" in sent["text"]
    assert "Myanmar protesters paid terrorists" in sent["text"]
    assert harness.fake.downloads == ["photos/shot1"]  # the largest size only


@needs_ocr
async def test_telegram_an_image_document_with_a_caption(harness: Harness) -> None:
    harness.fake.add_file("doc1", imagegen.png(imagegen.screenshot(POST)))
    payload = message(chat=private_chat(), caption="is this true?")
    del payload["photo"]
    payload["document"] = {
        "file_id": "doc1",
        "file_unique_id": "d1",
        "file_name": "shot.png",
        "mime_type": "image/png",
    }
    [sent] = await harness.feed({"message": payload})
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_telegram_hostile_images_get_an_honest_reply_and_are_queued(
    harness: Harness,
) -> None:
    harness.fake.add_file("bomb", imagegen.png_header_only(20_000, 20_000))
    harness.fake.add_file("cut", imagegen.jpeg(imagegen.scene(2))[:3000])
    harness.fake.add_file("gif", imagegen.animated_gif(500))
    [bomb] = await harness.feed(photo_update("bomb"))
    assert "too many pixels" in bomb["text"]
    [cut] = await harness.feed(photo_update("cut"))
    assert "damaged or cut short" in cut["text"]
    [gif] = await harness.feed(photo_update("gif"))
    # Read and found unreadable where Tesseract is installed; where it is not, said so.
    said = ("passed it to the fact-checkers", "couldn't read") if OCR else ("can't read images",)
    assert any(words in gif["text"] for words in said)
    assert len(harness.core.desk.queue.entries()) == 3


async def test_telegram_a_photo_too_large_to_download_is_not_downloaded(
    moderated: Core,
) -> None:
    moderated.settings = Settings(image_max_bytes=1_000)
    async with telegram_harness(moderated) as h:
        h.fake.add_file("big", b"\x00" * 5_000)
        [sent] = await h.feed(photo_update("big"))
        assert "too large" in sent["text"] and h.fake.downloads == []


async def test_telegram_a_bare_photo_in_a_group_is_ignored(harness: Harness) -> None:
    harness.fake.add_file("g1", post_screenshot())
    chat = {"id": -100500, "type": "supergroup", "title": "G"}
    assert await harness.feed(photo_update("g1", chat=chat)) == []
    assert harness.fake.downloads == []


async def test_ocr_runs_off_the_event_loop(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []

    def fake_read(data: bytes, ref: str, settings: Settings, *, ocr: bool = True) -> ImageReading:
        threads.append(threading.current_thread().name)
        return ImageReading(ref, text=POST)

    monkeypatch.setattr(images, "read_image", fake_read)
    harness.fake.add_file("t1", b"whatever")
    [sent] = await harness.feed(photo_update("t1"))
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert threads and threads[0] != threading.main_thread().name


# -- known images ---------------------------------------------------------------------------


def reshares(original: Any) -> dict[str, bytes]:
    return {
        "resized": imagegen.png(imagegen.resized(original, 0.5)),
        "recompressed": imagegen.jpeg(original, quality=25),
        "cropped": imagegen.png(imagegen.cropped(original, 0.04)),
        "caption bar": imagegen.jpeg(imagegen.caption_bar(original), quality=60),
    }


async def test_telegram_a_moderator_attaches_a_picture_and_re_shares_are_answered(
    harness: Harness,
) -> None:
    original = imagegen.scene(7)
    harness.fake.add_file("orig", imagegen.jpeg(original, quality=90))
    photo = photo_update("orig", sender=user(MODERATOR))["message"]
    command = message(f"/image {PAID_ID}", sender=user(MODERATOR), reply_to=photo)
    [added] = await harness.feed({"message": command})
    assert f"Image attached to {PAID_ID}" in added["text"]
    [again] = await harness.feed({"message": command})
    assert "already has that image" in again["text"]
    for name, data in reshares(original).items():
        harness.fake.add_file(name, data)
        [sent] = await harness.feed(photo_update(name, sender=user(43)))
        assert sent["text"].startswith("<b>❌ FALSE</b>"), name
        assert "seen this picture before" in sent["text"], name
    harness.fake.add_file("other", imagegen.jpeg(imagegen.scene(8)))
    [other] = await harness.feed(photo_update("other", sender=user(43)))
    assert "seen this picture before" not in other["text"]
    # audited and undone
    [history] = await harness.feed(
        {"message": message(f"/history {PAID_ID}", sender=user(MODERATOR))}
    )
    assert "add image" in history["text"]
    await harness.feed({"message": message("/undo", sender=user(MODERATOR))})
    harness.fake.add_file("after-undo", imagegen.png(imagegen.resized(original, 0.5)))
    [after] = await harness.feed(photo_update("after-undo", sender=user(43)))
    assert "seen this picture before" not in after["text"]


async def test_telegram_image_needs_a_photo_and_a_moderator(harness: Harness) -> None:
    [usage] = await harness.feed({"message": message(f"/image {PAID_ID}", sender=user(MODERATOR))})
    assert "Reply to a photo" in usage["text"]
    harness.fake.add_file("p", imagegen.png(imagegen.scene(3)))
    photo = photo_update("p", sender=user(43))["message"]
    refused = await harness.feed(
        {"message": message(f"/image {PAID_ID}", sender=user(43), reply_to=photo)}
    )
    assert "moderators only" in refused[0]["text"]
    assert harness.core.base.db.execute("SELECT count(*) FROM claim_images").fetchone()[0] == 0


# -- Slack ------------------------------------------------------------------------------------


@pytest.fixture
def slack_core(base: ClaimBase) -> Core:
    return Core(base)


async def dispatch(fake: FakeSlackApi, core: Core, event: dict[str, Any], event_id: str) -> None:
    from tests.test_slack_app import make_app, send_event

    app = make_app(fake, core)
    response = await send_event(app, event)
    assert response.status == 200


@needs_ocr
async def test_slack_an_image_in_a_direct_message_is_downloaded_with_the_token_and_read(
    slack_fake: FakeSlackApi, slack_core: Core
) -> None:
    file = slack_fake.add_file("F0SHOT", post_screenshot(), "image/jpeg")
    event = message_event("", subtype="file_share", files=[file])
    await dispatch(slack_fake, slack_core, event, "EvImg1")
    assert slack_fake.calls_to("files.info")[0]["file"] == "F0SHOT"
    assert slack_fake.download_tokens == ["xoxb-test-token"]
    [post] = slack_fake.calls_to("chat.postMessage")
    assert "FALSE" in json.dumps(post) and "I read this text in the image" in json.dumps(post)


@needs_ocr
async def test_slack_an_image_with_a_mention_is_answered_in_its_thread(
    slack_fake: FakeSlackApi, slack_core: Core
) -> None:
    file = slack_fake.add_file("F0MENT", post_screenshot(), "image/jpeg")
    event = mention_event("", files=[file])
    await dispatch(slack_fake, slack_core, event, "EvImg2")
    [post] = slack_fake.calls_to("chat.postMessage")
    assert post["thread_ts"] == event["ts"] and "FALSE" in json.dumps(post)


@needs_ocr
async def test_slack_a_bare_mention_in_a_thread_reads_the_image_that_started_it(
    slack_fake: FakeSlackApi, slack_core: Core
) -> None:
    file = slack_fake.add_file("F0THREAD", post_screenshot(), "image/jpeg")
    parent = {"type": "message", "user": "U0OTHER01", "text": "", "ts": "1700000050.000050"}
    slack_fake.threads[("C0CHANNEL1", parent["ts"])] = [{**parent, "files": [file]}]
    event = mention_event("", ts="1700000300.000300", thread_ts=parent["ts"])
    await dispatch(slack_fake, slack_core, event, "EvImg4")
    assert slack_fake.calls_to("conversations.replies")[0]["ts"] == parent["ts"]
    [post] = slack_fake.calls_to("chat.postMessage")
    assert post["thread_ts"] == parent["ts"] and "I read this text in the image" in json.dumps(post)


@needs_ocr
async def test_slack_the_message_shortcut_on_an_image_reads_it(
    slack_fake: FakeSlackApi, slack_core: Core
) -> None:
    from tests.fakes.slack_api import message_shortcut
    from tests.test_slack_app import click, make_app

    file = slack_fake.add_file("F0SHORT", post_screenshot(), "image/jpeg")
    payload = message_shortcut("", response_url=slack_fake.response_url("shortcut"))
    payload["message"]["files"] = [file]
    await click(make_app(slack_fake, slack_core), payload)
    [reply] = slack_fake.calls_to("response_url")
    assert reply["response_type"] == "ephemeral"
    assert "FALSE" in json.dumps(reply) and "I read this text in the image" in json.dumps(reply)


async def test_slack_a_file_not_on_slack_is_never_fetched_with_the_token(
    slack_fake: FakeSlackApi, slack_core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    from adapters import slack_events

    file = slack_fake.add_file("F0ELSE", imagegen.png(imagegen.scene(4)))
    original = slack_fake._file_object

    def elsewhere(file_id: str) -> dict[str, Any]:
        found = original(file_id)
        found["url_private"] = found["url_private_download"] = "https://evil.example/x.png"
        return found

    monkeypatch.setattr(slack_fake, "_file_object", elsewhere)
    event = message_event("", subtype="file_share", files=[file])
    await dispatch(slack_fake, slack_core, event, "EvImg3")
    [post] = slack_fake.calls_to("chat.postMessage")
    assert "the file is not on Slack" in json.dumps(post)
    assert slack_fake.download_tokens == []
    assert slack_events.image_files({"files": [{"id": "F1", "mimetype": "text/plain"}]}) == []


# -- console ----------------------------------------------------------------------------------


@pytest.fixture
def screenshot_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "shot.jpg"
    path.write_bytes(post_screenshot())
    yield path


@needs_ocr
def test_console_ask_image(
    screenshot_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from adapters.cli import main

    status = main(
        ["ask", "--db", str(tmp_path / "c.db"), "--image", str(screenshot_file), "--json"]
    )
    assert status == 0
    out = json.loads(capsys.readouterr().out)
    assert out["decision"] == "answer" and out["matches"][0]["id"] == PAID_ID


def test_console_ask_image_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from adapters.cli import main

    db = tmp_path / "c.db"
    for missing in (tmp_path / "no.png", tmp_path):  # no file there; a folder
        status = main(["ask", "--db", str(db), "--image", str(missing)])
        assert status == 2
        captured = capsys.readouterr()
        assert f"{missing}: no such file" in captured.err
        assert captured.out == ""  # no answer, and nothing queued for the fact-checkers
    assert not db.exists()  # the claim base was not even opened


# -- images on import -----------------------------------------------------------------------


async def test_import_attaches_images_from_files_and_urls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from aiohttp import web

    from adapters.cli import main
    from bot.images import image_hashes
    from knowledge.desk import Desk

    monkeypatch.setenv("FACTBOT_FETCH_ALLOW_PRIVATE", "1")
    local, remote = imagegen.scene(21), imagegen.scene(22)
    (tmp_path / "local.png").write_bytes(imagegen.png(local))

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=imagegen.jpeg(remote, 90), content_type="image/jpeg")

    app = web.Application()
    app.router.add_get("/meme.jpg", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    review = {
        "@type": "ClaimReview",
        "identifier": "test-flood-photo",
        "claimReviewed": "This photo shows the flood in the capital last week",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "image": "local.png",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                {"@type": "ImageObject", "contentUrl": f"http://127.0.0.1:{port}/meme.jpg"},
                {"@type": "ImageObject", "contentUrl": "missing.png"},
            ],
        },
    }
    source = tmp_path / "feed.json"
    source.write_text(json.dumps(review), "utf-8")
    db = tmp_path / "import.db"
    try:
        status = await asyncio.to_thread(main, ["claims", "import", "--db", str(db), str(source)])
    finally:
        await runner.cleanup()
    assert status == 0
    captured = capsys.readouterr()
    assert "2 images attached, 1 could not be read" in captured.out
    assert "missing.png: No such file or directory" in captured.err
    base = ClaimBase.open(db)
    try:
        bot = Core(base)
        for picture in (local, remote):
            shared = ImageReading("t:x", hashes=image_hashes(imagegen.resized(picture, 0.6)))
            reply = bot.handle(dm("", image=shared))
            assert reply is not None and reply.matches[0].id == "test-flood-photo"
        history = Desk(base, bot.matcher).claims.history("test-flood-photo")
        assert {e.action for e in history} >= {"add image"}
    finally:
        base.close()


async def test_a_flood_of_photos_is_downloaded_a_few_at_a_time(
    bot: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Telegram hands the bot 512 updates at once, and each picture may hold 10 MB in memory
    # until it is read: only media.IMAGES_IN_HAND are downloaded or being read at once, the
    # rest wait their turn, and every one is answered in the end.
    readable, full = asyncio.Event(), asyncio.Event()
    reading: list[str] = []

    async def slow_read(data: bytes, ref: str, settings: Settings, *, ocr: bool = True) -> Any:
        reading.append(ref)
        if len(reading) == media.IMAGES_IN_HAND:
            full.set()
        await readable.wait()
        return ImageReading(ref, problem="it could not be read")

    monkeypatch.setattr(media, "read_image", slow_read)
    photos = 3 * media.IMAGES_IN_HAND
    async with FakeBotAPI() as fake:
        app = build_application(bot, fake.token, api_url=fake.url, **local_requests())
        people = range(1000, 1000 + photos)
        for i in people:
            fake.add_file(f"shot{i}", b"a picture")
            fake.push_update(photo_update(f"shot{i}", chat=private_chat(i), sender=user(i)))
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0)
            try:
                await asyncio.wait_for(full.wait(), 10)
                await asyncio.sleep(0.3)  # time enough for the others, were they let in
                in_hand = len(fake.downloads)
                readable.set()
                await fake.wait_for(lambda: len(fake.sent_messages()) == photos, 30)
            finally:
                readable.set()
                await app.updater.stop()
                await app.stop()
    assert in_hand == media.IMAGES_IN_HAND
    assert len(fake.downloads) == photos
    assert sorted(m["chat_id"] for m in fake.sent_messages()) == list(people)
