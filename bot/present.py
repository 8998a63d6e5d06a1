"""Platform-neutral presentation helpers: labels, dates, confidence words, plain text.

Adapters use these so a verdict reads the same on every platform; they add their own markup.
"""

from __future__ import annotations

import re

from bot.i18n import N_, _, format_day, to_local_digits
from bot.messages import ClaimView
from knowledge import verdicts

# The scale's labels as people read them; knowledge.verdicts holds the English ones (a test
# checks the two agree), this module translates them.
VERDICT_LABELS: dict[str, str] = {
    "true": N_("True"),
    "mostly-true": N_("Mostly true"),
    "mixed": N_("Half true"),
    "mostly-false": N_("Mostly false"),
    "false": N_("False"),
    "pants-fire": N_("Pants on fire"),
    "misleading": N_("Misleading"),
    "unproven": N_("Unproven"),
    "satire": N_("Satire"),
    "outdated": N_("Outdated"),
    "other": N_("Other"),
}


def label_for(key: str) -> str:
    """A scale key's label in the asker's language, e.g. "False" or "မှားသည်"."""
    verdict = verdicts.get(key)
    return _(VERDICT_LABELS.get(verdict.key, verdict.label))


def verdict_label(view: ClaimView) -> str:
    """E.g. "❌ FALSE" — the symbol and the label, loud."""
    return verdict_label_for(view.verdict)


def verdict_label_for(key: str) -> str:
    """The loud label for a scale key, e.g. "❌ FALSE"."""
    verdict = verdicts.get(key)
    return f"{verdict.symbol} {label_for(key).upper()}"


def rating_note(view: ClaimView) -> str | None:
    """The publisher's own words when they say more than the label does."""
    said = view.rating.casefold()
    if said not in (view.verdict_label.casefold(), label_for(view.verdict).casefold()):
        return _("Rated “{rating}”").format(rating=view.rating)
    return None


def human_date(value: str | None) -> str | None:
    """ISO dates as people write them: 2021-06-14 → 14 June 2021; 2021-06 → June 2021 (in the
    asker's language: ၁၄ ဇွန် ၂၀၂၁, 2021年6月14日, 14 июня 2021 г.)."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    if not month or not 1 <= int(month) <= 12:
        return format_day(int(year))
    try:
        return format_day(int(year), int(month), int(day) if day else None)
    except ValueError:  # 2021-02-30: not a day, say the month
        pass
    try:
        return format_day(int(year), int(month))
    except ValueError:  # 0000-06-14: no year a calendar has, said as written
        return value


def confidence(view: ClaimView) -> str:
    """How close the match was, in words and as a percentage.

    The words follow the matcher's scale (knowledge.matching.MatchSettings): a near-exact match
    scores 0.8 or more; suggestions start at 0.45; an answer the answer model is sure of may
    score lower, because the question is worded differently from the claim — and it says so.
    A claim offered because the semantic model reads the question as it, where the words did
    not, is "close in meaning": its words' score would call it loose.
    """
    if view.by_meaning:
        return _("close in meaning")
    score = view.score
    percent = round(score * 100)
    if score >= 0.8:
        words = _("very close match ({percent}%)")
    elif score >= 0.6:
        words = _("close match ({percent}%)")
    elif score >= 0.45:
        words = _("partial match ({percent}%)")
    else:
        words = _("loose wording match ({percent}%)")
    return words.format(percent=to_local_digits(str(percent)))


def claimant(view: ClaimView, unknown: str | None = None) -> str:
    """Who made the claim, with what they are where that is known: "Min Aung Hlaing (Myanmar
    junta leader)"; ``unknown`` (default "Unknown claimant") where neither is."""
    if view.claimant and view.claimant_role:
        # Translators: who made a claim, and what they are ("Min Aung Hlaing (Myanmar junta
        # leader)"); the brackets as the language writes them.
        return _("{name} ({role})").format(name=view.claimant, role=view.claimant_role)
    return view.claimant or view.claimant_role or unknown or _("Unknown claimant")


def attribution(view: ClaimView) -> str | None:
    """Who made the claim, when and where: "Min Aung Hlaing (Myanmar junta leader), June 2021
    — Interview ..."."""
    who = claimant(view)
    when = human_date(view.claim_date)
    # Translators: who made a claim, then when ("Min Aung Hlaing, June 2021"), with the
    # language's comma.
    line = _("{who}, {when}").format(who=who, when=when) if when else who
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
