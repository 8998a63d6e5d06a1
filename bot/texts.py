"""What a message's text must be to be checked: cleaned of what cannot be processed, and
refused (with a word on what to send instead) when it holds nothing to check."""

from __future__ import annotations

import unicodedata

from bot.i18n import N_, _

EXAMPLE_QUESTION = N_("Were the Myanmar protesters paid terrorists?")
REPLACEMENT = "\ufffd"


def split_head(text: str) -> tuple[str, str]:
    """The first word and the rest (which may span lines)."""
    parts = text.split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0], parts[1] if len(parts) > 1 else ""


def clipped(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" where it is longer: a
    person's words quoted back to them."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clean_text(text: str) -> str:
    """Text safe to process: lone surrogates, NUL and other control characters become U+FFFD."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(
        c if c in "\n\t\r" or unicodedata.category(c) not in ("Cc", "Cs") else REPLACEMENT
        for c in text
    )


def unusable_text(text: str) -> str | None:
    """Why a text cannot be checked, or None when it can."""
    if not text.strip():
        return _(
            "Send me a claim to check, for example: “{example}” — or /help for what I can do."
        ).format(example=_(EXAMPLE_QUESTION))
    sample = text[:2000]
    letters = sum(1 for c in sample if c.isalnum())
    undecodable = sample.count(REPLACEMENT)
    if letters < max(2, len(sample.strip()) // 5) or undecodable > len(sample) // 10:
        return _(
            "That doesn't look like text I can check. Send the claim in words, for example: "
            "“{example}”"
        ).format(example=_(EXAMPLE_QUESTION))
    return None
