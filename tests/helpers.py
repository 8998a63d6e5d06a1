"""Builders for the messages tests send to the core."""

from __future__ import annotations

from bot.messages import Incoming


def dm(text: str, *, platform: str = "telegram", user: str = "42", **kw: object) -> Incoming:
    """A direct message from an ordinary user."""
    return Incoming(platform=platform, chat_id=user, user_id=user, text=text, **kw)  # type: ignore[arg-type]


def group(text: str, *, addressed: bool = False, user: str = "7", **kw: object) -> Incoming:
    """A group message on Telegram."""
    return Incoming(
        platform="telegram",
        chat_id="-100",
        user_id=user,
        text=text,
        is_direct=False,
        addressed=addressed,
        **kw,  # type: ignore[arg-type]
    )
