"""The forms moderators fill in, read: a fact-check as ``name: value`` lines (``/add``, and
each answer of its guided dialogue) and a fact-check's words in another language
(``/translate``). Dates, web addresses, sources and verdicts are read as people write them;
what cannot be read is refused with a :class:`~knowledge.desk.DeskError` saying how to write it.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta

from bot.i18n import _
from knowledge import verdicts
from knowledge.desk import DeskError
from knowledge.models import Alias, Claim, Source, Translation

REQUIRED = ("claim", "verdict", "claimant", "date", "summary", "source")
OPTIONAL = ("alias", "rating", "role", "appearance", "review_url", "title", "id", "language")
_KEY_LINE = re.compile(r"^\s*([A-Za-z_ ]{2,20}?)\s*:\s*(.*)$")


def allowed_verdicts() -> str:
    return ", ".join(v.key for v in verdicts.SCALE)


def parse_fields(text: str) -> tuple[dict[str, list[str]], list[str]]:
    """``key: value`` lines → {key: [values]}; lines without a key continue the last value.
    Also returns unknown keys."""
    fields: dict[str, list[str]] = {}
    unknown: list[str] = []
    known = (*REQUIRED, *OPTIONAL)
    last: str | None = None
    for line in text.splitlines():
        match = _KEY_LINE.match(line)
        key = match.group(1).strip().casefold().replace(" ", "_") if match else ""
        key = {
            "sources": "source",
            "aliases": "alias",
            "url": "review_url",
            "claimant_role": "role",  # what the claimant is: "Myanmar junta leader"
        }.get(key, key)
        if match and key in known:
            fields.setdefault(key, []).append(match.group(2).strip())
            last = key
        elif match and " " not in match.group(1).strip():
            unknown.append(key)
        elif last is not None and line.strip():
            fields[last][-1] = f"{fields[last][-1]} {line.strip()}".strip()
    return fields, unknown


_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH = r"([A-Za-z]{3,9})\.?"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
# The date forms moderators write, each read as (year, month, day) groups in some order.
_DATE_FORMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?"), ("y", "m", "d")),
    (re.compile(rf"{_ORDINAL}\s+{_MONTH},?\s+(\d{{4}})"), ("d", "M", "y")),
    (re.compile(rf"{_MONTH}\s+{_ORDINAL},?\s+(\d{{4}})"), ("M", "d", "y")),
    (re.compile(rf"{_MONTH},?\s+(\d{{4}})"), ("M", "y")),
    (re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})"), ("a", "b", "y")),
)
DATE_FORMS_HELP = "2020-03-25, 25 March 2020, March 25, 2020, March 2020 or 2020"


def _read_date(value: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from a date as people write it, or None when it is no date form.
    ``03/04/2020`` is read only when the day is unmistakable (over 12, or equal to the month)."""
    for pattern, order in _DATE_FORMS:
        match = pattern.fullmatch(value)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        if "M" in parts:
            month = _MONTHS.get(parts["M"].casefold())
            if month is None:
                return None
            parts["m"] = str(month)
        if "a" in parts:
            first, second = int(parts["a"]), int(parts["b"])
            if first <= 12 and second <= 12 and first != second:
                raise DeskError(
                    _(
                        "The date {value} could be day/month or month/day: write it as "
                        "{year}-MM-DD."
                    ).format(value=repr(value), year=parts["y"])
                )
            day, month = (first, second) if first > 12 or second <= 12 else (second, first)
            parts["d"], parts["m"] = str(day), str(month)
        year = int(parts["y"])
        month_text, day_text = parts.get("m"), parts.get("d")
        return year, int(month_text) if month_text else None, int(day_text) if day_text else None
    return None


def parse_date(value: str, *, today: date | None = None) -> str:
    """A date in one of the common forms, as ISO (YYYY, YYYY-MM or YYYY-MM-DD); refuses a date
    that does not exist or lies in the future."""
    value = " ".join(value.strip().rstrip(".").split())
    read = _read_date(value)
    if read is None:
        raise DeskError(
            _("The date {value} is not a date I can read: write it as {forms}.").format(
                value=repr(value), forms=DATE_FORMS_HELP
            )
        )
    year, month, day = read
    try:
        first_day = date(year, month or 1, day or 1)
    except ValueError:
        raise DeskError(_("The date {value} does not exist.").format(value=repr(value))) from None
    # A day's grace: the moderator's "today" may already be tomorrow in UTC terms.
    if first_day > (today or datetime.now(UTC).date()) + timedelta(days=1):
        raise DeskError(_("The date {value} is in the future.").format(value=repr(value)))
    iso = f"{year:04d}"
    if month:
        iso += f"-{month:02d}"
        if day:
            iso += f"-{day:02d}"
    return iso


_BARE_ADDRESS = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?", flags=re.I)
_WEB_ADDRESS = re.compile(
    r"https?://(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}(?::\d+)?(?:[/?#]\S*)?", flags=re.I
)


def parse_url(value: str) -> str:
    """A web address; one written without its scheme (``www.afp.com/x``) gets ``https://``."""
    value = value.strip()
    if _BARE_ADDRESS.fullmatch(value):
        value = f"https://{value}"
    if not _WEB_ADDRESS.fullmatch(value):
        raise DeskError(
            _("{value} is not a web address: write it as https://…").format(value=repr(value))
        )
    return value


def _looks_like_address(value: str) -> bool:
    """Meant as an address, whether or not it is a good one (``ftp//nasa``, ``javascript:x``)."""
    if any(c.isspace() for c in value):
        return False
    return (
        "//" in value
        or value.casefold().startswith("www.")
        or bool(_BARE_ADDRESS.fullmatch(value))
        or bool(re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value, flags=re.I))
    )


def _date_or_none(value: str) -> str | None:
    """The ISO date when ``value`` is written as a date (refused if it does not exist)."""
    return parse_date(value) if _read_date(" ".join(value.rstrip(".").split())) else None


MAX_TYPED_ID = 60
SOURCE_FORMAT = "publisher | title | URL | date | what it says"


def parse_source(value: str) -> Source:
    """``publisher | title | URL | date | what it says`` — only the publisher is required.

    An address or a date is recognised wherever it stands; the URL's place and the date's
    place take nothing else (leave a place empty: ``WHO | Myth busters | | 2020-03-20``), so a
    mistyped address or date is refused rather than stored as words."""
    parts = [p.strip() for p in value.split("|")]
    if not parts or not parts[0]:
        raise DeskError(
            _("A source needs at least its publisher: {format}").format(format=SOURCE_FORMAT)
        )
    url: str | None = None
    when: str | None = None
    words: list[str] = []
    for place, part in enumerate(parts[1:], start=1):
        if not part:
            continue
        if url is None and _looks_like_address(part):
            url = parse_url(part)
        elif when is None and (found := _date_or_none(part)) is not None:
            when = found
        elif place == 2:
            raise DeskError(
                _(
                    "{part} stands where the URL goes, but it is not a web address (https://…). "
                    "A source is {format}; leave the place empty when there is no URL."
                ).format(part=repr(part), format=SOURCE_FORMAT)
            )
        elif place == 3:
            raise DeskError(
                _(
                    "{part} stands where the date goes, but it is not a date: write it as "
                    "{forms}, or leave the place empty."
                ).format(part=repr(part), forms=DATE_FORMS_HELP)
            )
        else:
            words.append(part)
    return Source(
        publisher=parts[0],
        title=words[0] if words else None,
        url=url,
        date=when,
        supports=" | ".join(words[1:]) or None,
    )


def parse_verdict(value: str) -> verdicts.Verdict:
    verdict = verdicts.parse_verdict(value)
    if verdict is None:
        raise DeskError(
            _("Unknown verdict {value}. Allowed verdicts: {allowed}.").format(
                value=repr(value), allowed=allowed_verdicts()
            )
        )
    return verdict


def claim_from_fields(fields: dict[str, list[str]]) -> Claim:
    missing = [name for name in REQUIRED if not any(v.strip() for v in fields.get(name, []))]
    if missing:
        raise DeskError(
            _("Missing: {fields}. Each goes on its own line as `name: value`.").format(
                fields=", ".join(missing)
            )
        )

    def one(name: str) -> str | None:
        values = [v for v in fields.get(name, []) if v.strip()]
        return values[0].strip() if values else None

    verdict_text = one("verdict") or ""
    verdict = parse_verdict(verdict_text)
    claim_text = one("claim") or ""
    if len(claim_text) > 2000:
        raise DeskError(_("The claim is over 2,000 characters; quote the claim itself."))
    review_url = one("review_url")
    claim_id = re.sub(r"[^a-z0-9-]+", "-", (one("id") or "").casefold()).strip("-")
    if len(claim_id) > MAX_TYPED_ID:
        raise DeskError(
            _("The id is over {count} characters; choose a shorter one.").format(count=MAX_TYPED_ID)
        )
    return Claim(
        id=claim_id,
        claim=claim_text,
        verdict=verdict.key,
        rating=one("rating")
        or (verdict_text if verdicts.normalise_rating(verdict_text) else verdict.label),
        summary=one("summary") or "",
        title=one("title"),
        claimant=one("claimant"),
        claimant_role=one("role"),
        claim_date=parse_date(one("date") or ""),
        appearance=one("appearance"),
        review_url=parse_url(review_url) if review_url else None,
        language=one("language"),
        sources=tuple(parse_source(v) for v in fields.get("source", []) if v.strip()),
        aliases=tuple(Alias(v.strip()) for v in fields.get("alias", []) if v.strip()),
    )


TRANSLATE_USAGE = (
    "/translate <id> <language>, then one field a line: claim: …, summary: …, "
    "verdict: … (the verdict's words), claimant:, role: … and appearance: … (who made the claim, "
    "what they are and where, as the language writes them), note 1: … (what source 1 says), …"
)
# The names a /translate line may start with, and the field each fills.
_TRANSLATION_FIELDS = {
    "claim": "claim",
    "summary": "summary",
    "verdict": "verdict",
    "rating": "verdict",
    "claimant": "claimant",
    "said by": "claimant",
    "role": "claimant_role",
    "claimant role": "claimant_role",
    "appearance": "appearance",
    "where": "appearance",
}
_NOTE_KEY = re.compile(r"^\s*(?:note|source)\s*(\d{1,2})\s*:\s*(.*)$", flags=re.I)


def parse_translation(language: str, text: str) -> Translation:
    """The fields of a /translate message: ``claim:`` (required), ``summary:``, ``verdict:``,
    ``claimant:`` (or ``said by:``), ``role:``, ``appearance:`` (or ``where:``) and ``note N:``
    lines; a line without a name continues the one before."""
    fields: dict[str, str] = {}
    notes: dict[int, str] = {}
    last: tuple[str, int] | None = None
    for line in text.splitlines():
        note = _NOTE_KEY.match(line)
        named = _KEY_LINE.match(line)
        key = named.group(1).strip().casefold() if named else ""
        if note:
            number = int(note.group(1))
            notes[number] = note.group(2).strip()
            last = ("note", number)
        elif named and key in _TRANSLATION_FIELDS:
            key = _TRANSLATION_FIELDS[key]
            fields[key] = named.group(2).strip()
            last = (key, 0)
        elif named and " " not in named.group(1).strip():
            raise DeskError(
                _(
                    "Unknown field {name}: use claim, summary, verdict, claimant, role, "
                    "appearance and note 1, note 2, …"
                ).format(name=repr(key))
            )
        elif last is not None and line.strip():
            if last[0] == "note":
                notes[last[1]] = f"{notes[last[1]]} {line.strip()}".strip()
            else:
                fields[last[0]] = f"{fields[last[0]]} {line.strip()}".strip()
    if not fields.get("claim"):
        raise DeskError(_("Usage: {usage}").format(usage=TRANSLATE_USAGE))
    if any(n < 1 for n in notes):
        raise DeskError(_("Sources are numbered from 1."))
    ordered = tuple(notes.get(n) for n in range(1, max(notes, default=0) + 1))
    return Translation(
        language=language,
        claim=fields["claim"],
        summary=fields.get("summary", ""),
        rating=fields.get("verdict") or None,
        source_notes=ordered,
        machine_drafted=False,  # a moderator wrote it
        claimant=fields.get("claimant") or None,
        appearance=fields.get("appearance") or None,
        claimant_role=fields.get("claimant_role") or None,
    )
