"""Platform-neutral presentation helpers: labels, dates, confidence words, plain text.

Adapters use these so a verdict reads the same on every platform; they add their own markup.
"""

from __future__ import annotations

import calendar
import re

from bot.messages import ClaimView
from knowledge import verdicts


def verdict_label(view: ClaimView) -> str:
    """E.g. "❌ FALSE" — the symbol and the label, loud."""
    return verdict_label_for(view.verdict)


def verdict_label_for(key: str) -> str:
    """The loud label for a scale key, e.g. "❌ FALSE"."""
    verdict = verdicts.get(key)
    return f"{verdict.symbol} {verdict.label.upper()}"


def rating_note(view: ClaimView) -> str | None:
    """The publisher's own words when they say more than the label does."""
    if view.rating.casefold() != view.verdict_label.casefold():
        return f"Rated “{view.rating}”"
    return None


def human_date(value: str | None) -> str | None:
    """ISO dates as people write them: 2021-06-14 → 14 June 2021; 2021-06 → June 2021."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    if not month or not 1 <= int(month) <= 12:
        return year
    month_name = calendar.month_name[int(month)]
    return f"{int(day)} {month_name} {year}" if day else f"{month_name} {year}"


def confidence(score: float) -> str:
    """How close the match was, in words and as a percentage.

    The words follow the matcher's scale (knowledge.matching.MatchSettings): a near-exact match
    scores 0.8 or more; suggestions start at 0.45; an answer the answer model is sure of may
    score lower, because the question is worded differently from the claim — and it says so.
    """
    percent = round(score * 100)
    if score >= 0.8:
        words = "very close match"
    elif score >= 0.6:
        words = "close match"
    elif score >= 0.45:
        words = "partial match"
    else:
        words = "loose wording match"
    return f"{words} ({percent}%)"


def attribution(view: ClaimView) -> str | None:
    """Who made the claim, when and where: "Min Aung Hlaing, June 2021 — Interview ..."."""
    who = view.claimant or "Unknown claimant"
    when = human_date(view.claim_date)
    line = f"{who}, {when}" if when else who
    if view.appearance:
        line += f" — {view.appearance}"
    return line


def source_line(source_publisher: str, title: str | None, date: str | None) -> str:
    parts = [source_publisher]
    if title:
        parts.append(title)
    when = human_date(date)
    if when:
        parts.append(when)
    return ", ".join(parts)
