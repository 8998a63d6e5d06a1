"""The guided dialogues: ``/add`` without fields asks for a fact-check one field at a time,
``/translate <id> <language>`` without words asks for the claim, summary and verdict in that
language; each shows what it will save and saves it only on "yes".

A dialogue under way is kept in the conversation's state (``bot.conversation``) for a day; the
core finds it through the command registry (:meth:`bot.commands.CommandRegistry.continue_with`,
registered by ``bot.moderation``) and hands it the person's next message. A message that comes
after the dialogue was left for a while (:data:`DIALOGUE_IDLE`) is not taken as its answer
unasked: a moderator who comes back hours later to ask about a claim would otherwise see it
taken for the verdict, or the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot import present
from bot.access import Role
from bot.claimform import (
    REQUIRED,
    allowed_verdicts,
    claim_from_fields,
    parse_date,
    parse_source,
    parse_url,
    parse_verdict,
)
from bot.commands import Continuation, Turn, refusal, text_reply
from bot.i18n import N_, _, format_duration, known_language, language_called
from bot.messages import Reply
from bot.texts import clipped
from knowledge.desk import DeskError
from knowledge.models import Translation

FIELD_PROMPTS = {
    "claim": N_("What is the claim, exactly as it was made?"),
    "verdict": N_("The verdict? ({allowed})"),
    "claimant": N_("Who made the claim?"),
    "date": N_("When was it made? (YYYY-MM-DD, YYYY-MM or YYYY)"),
    "summary": N_("Why was it rated so? A short summary."),
    "source": N_(
        "A source: publisher | title | URL | date | what it says (only the publisher is required)."
    ),
    "alias": N_(
        "Other ways people ask about it, one a line (or “skip”): they help me recognise the claim."
    ),
    "review_url": N_("The web address of the published fact-check (or “skip”)."),
}


# The guided /add asks for the required fields, then for aliases and the review's address
# (both may be skipped), then shows the fact-check and publishes it only on "yes".
STEPS = (*REQUIRED, "alias", "review_url")
SKIPPABLE = frozenset({"alias", "review_url"})
# What people type before an answer, as if filling in a form ("verdict: false"): dropped.
_PREFIXES = {
    "claim": ("claim",),
    "verdict": ("verdict", "rating"),
    "claimant": ("claimant", "said by", "by"),
    "date": ("date", "claim date", "when"),
    "summary": ("summary", "reason", "why"),
    "source": ("source", "sources"),
    "alias": ("alias", "aliases"),
    "review_url": ("review url", "review_url", "url", "review"),
}
DIALOGUE_STATE = "dialogue"
DIALOGUE_TTL = 24 * 3600.0  # an unfinished /add is forgotten after a day
DIALOGUE_IDLE = 30 * 60.0  # left this long, the next message is first asked about
_PAUSED = N_(
    "You have an unfinished {command}, left {ago} ago. I haven't taken “{text}” as its answer: "
    "send it again if it is, or /cancel to drop the draft and ask it as a question."
)
_YES = frozenset({"yes", "y", "/yes", "save", "publish", "ok"})
_NO = frozenset({"no", "n", "/no"})


def strip_prefix(name: str, value: str) -> str:
    """``verdict: false`` → ``false`` at the verdict step (any case, any spacing)."""
    for prefix in _PREFIXES.get(name, ()):
        match = re.match(rf"^\s*{re.escape(prefix)}\s*:\s*", value, flags=re.I)
        if match:
            return value[match.end() :]
    return value


@dataclass(slots=True)
class AddDialogue:
    fields: dict[str, list[str]] = field(default_factory=dict)
    step: int = 0

    def prompt(self) -> str:
        if self.confirming:
            return preview(self.fields)
        name = STEPS[self.step]
        return f"({self.step + 1}/{len(STEPS)}) " + _(FIELD_PROMPTS[name]).format(
            allowed=allowed_verdicts()
        )

    @property
    def confirming(self) -> bool:
        """Every field asked: waiting for "yes" to publish the preview."""
        return self.step >= len(STEPS)

    def feed(self, text: str) -> str | None:
        """Take an answer; returns an error to show, or None when it was accepted."""
        name = STEPS[self.step]
        value = strip_prefix(name, text.strip()).strip()
        if name in SKIPPABLE and value.casefold() in ("skip", "none", "-", "no"):
            self.step += 1
            return self._check_whole()
        try:
            if name == "verdict":
                parse_verdict(value)
            elif name == "date":
                value = parse_date(value)
            elif name == "source":
                parse_source(value)
            elif name == "review_url":
                value = parse_url(value)
        except DeskError as error:
            return str(error)
        if not value:
            return _("Please answer, or send /cancel to stop.")
        if name == "alias":
            self.fields[name] = [strip_prefix(name, a).strip() for a in value.splitlines()]
        else:
            self.fields[name] = [" ".join(value.split())]
        self.step += 1
        return self._check_whole()

    def _check_whole(self) -> str | None:
        """Before the preview: the fact-check as a whole must be one /add would accept."""
        if not self.confirming:
            return None
        try:
            claim_from_fields(self.fields)
        except DeskError as error:
            self.step = len(STEPS) - 1
            return str(error)
        return None

    def to_json(self) -> dict[str, object]:
        return {"kind": "add", "fields": self.fields, "step": self.step}

    @classmethod
    def from_json(cls, data: object) -> AddDialogue | None:
        if not isinstance(data, dict) or data.get("kind") != "add":
            return None
        fields = data.get("fields")
        step = data.get("step")
        if not isinstance(fields, dict) or not isinstance(step, int):
            return None
        return cls({str(k): [str(v) for v in vs] for k, vs in fields.items()}, step)


def preview(fields: dict[str, list[str]]) -> str:
    """The fact-check as it will be published, and how to publish it."""
    claim = claim_from_fields(fields)
    lines = [
        _("This is what will be published:"),
        _("Verdict: {verdict}").format(verdict=present.label_for(claim.verdict)),
        _("Claim: “{claim}”").format(claim=claim.claim),
        _("Said by: {who} ({date})").format(who=claim.claimant, date=claim.claim_date),
        _("Summary: {summary}").format(summary=claim.summary),
    ]
    lines += [
        _("Source: {source}").format(
            source=" | ".join(str(p) for p in (s.publisher, s.title, s.url, s.date) if p)
        )
        for s in claim.sources
    ]
    lines += [_("Also asked as: {alias}").format(alias=a.text) for a in claim.aliases]
    if claim.review_url:
        lines.append(_("Fact-check: {url}").format(url=claim.review_url))
    lines.append("\n" + _("Send “yes” to publish it, or /cancel to drop it."))
    return "\n".join(lines)


TRANSLATE_STEPS = ("claim", "summary", "verdict", "claimant", "appearance")
TRANSLATE_PROMPTS = {
    "claim": N_("The claim in {language}, as it was made?"),
    "summary": N_("Why it was rated so, in {language} (or “skip”)."),
    "verdict": N_("The verdict's words in {language}, e.g. “{example}” (or “skip”)."),
    "claimant": N_("Who made the claim, their name as {language} writes it (or “skip”)."),
    "appearance": N_("Where it was made, in {language} (or “skip”)."),
}


@dataclass(slots=True)
class TranslateDialogue:
    """The guided /translate: the claim, the summary, the verdict's words, who made the claim
    and where, in one language, then a preview saved only on "yes" (what ``note N:`` lines add
    is for the one-message form)."""

    claim_id: str
    language: str
    fields: dict[str, str] = field(default_factory=dict)
    step: int = 0

    @property
    def confirming(self) -> bool:
        return self.step >= len(TRANSLATE_STEPS)

    def translation(self) -> Translation:
        return Translation(
            language=self.language,
            claim=self.fields.get("claim", ""),
            summary=self.fields.get("summary", ""),
            rating=self.fields.get("verdict") or None,
            claimant=self.fields.get("claimant") or None,
            appearance=self.fields.get("appearance") or None,
        )

    def prompt(self) -> str:
        if self.confirming:
            lines = [
                _("This is the {language} version that will be saved for {id}:").format(
                    language=language_called(self.language), id=self.claim_id
                ),
                _("Claim: “{claim}”").format(claim=self.fields.get("claim", "")),
            ]
            if self.fields.get("summary"):
                lines.append(_("Summary: {summary}").format(summary=self.fields["summary"]))
            if self.fields.get("verdict"):
                lines.append(_("Verdict: {verdict}").format(verdict=self.fields["verdict"]))
            if self.fields.get("claimant"):
                lines.append(_("Said by: {who}").format(who=self.fields["claimant"]))
            if self.fields.get("appearance"):
                lines.append(_("Where: {where}").format(where=self.fields["appearance"]))
            lines.append("\n" + _("Send “yes” to save it, or /cancel to drop it."))
            return "\n".join(lines)
        name = TRANSLATE_STEPS[self.step]
        return f"({self.step + 1}/{len(TRANSLATE_STEPS)}) " + _(TRANSLATE_PROMPTS[name]).format(
            language=language_called(self.language), example=present.verdict_label_for("false")
        )

    def feed(self, text: str) -> str | None:
        name = TRANSLATE_STEPS[self.step]
        value = " ".join(re.sub(rf"^\s*{name}\s*:\s*", "", text, flags=re.I).split())
        if name != "claim" and value.casefold() in ("skip", "none", "-", "no"):
            value = ""
        elif not value:
            return _("Please answer, or send /cancel to stop.")
        self.fields[name] = value
        self.step += 1
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "translate",
            "claim_id": self.claim_id,
            "language": self.language,
            "fields": self.fields,
            "step": self.step,
        }

    @classmethod
    def from_json(cls, data: object) -> TranslateDialogue | None:
        if not isinstance(data, dict) or data.get("kind") != "translate":
            return None
        fields, step = data.get("fields"), data.get("step")
        claim_id, language = data.get("claim_id"), data.get("language")
        if not isinstance(fields, dict) or not isinstance(step, int):
            return None
        if not isinstance(claim_id, str) or not isinstance(language, str):
            return None
        return cls(claim_id, language, {str(k): str(v) for k, v in fields.items()}, step)


Dialogue = AddDialogue | TranslateDialogue


def dialogue_of(turn: Turn) -> tuple[Dialogue, float] | None:
    """The guided dialogue this person has under way in this chat, if any, with how long it
    has been left (0 for one kept before that was recorded)."""
    data = turn.state.get(turn.conversation, DIALOGUE_STATE)
    dialogue = AddDialogue.from_json(data) or TranslateDialogue.from_json(data)
    if dialogue is None:
        return None
    at = data.get("at") if isinstance(data, dict) else None
    left = turn.state.clock() - at if isinstance(at, int | float) else 0.0
    return dialogue, max(0.0, left)


def keep(turn: Turn, dialogue: Dialogue) -> None:
    """Keep ``dialogue`` as it stands, and when it was last answered."""
    value = {**dialogue.to_json(), "at": turn.state.clock()}
    turn.state.put(turn.conversation, DIALOGUE_STATE, value, DIALOGUE_TTL)


def end_dialogue(turn: Turn) -> bool:
    return turn.state.pop(turn.conversation, DIALOGUE_STATE) is not None


def continue_dialogue(turn: Turn, dialogue: Dialogue, text: str, left: float = 0.0) -> Reply:
    """One answer in a guided /add or /translate, ``left`` seconds after the last. The role is
    checked again at every step: a moderator whose role was revoked meanwhile gets their
    dialogue ended, and nothing is saved. After :data:`DIALOGUE_IDLE` the message is not
    taken: the person is told what is under way, and the same message sent again is."""
    if not turn.allows(Role.MODERATOR):
        end_dialogue(turn)
        return refusal(
            _(
                "You are no longer a moderator, so the /add you started has ended; nothing was "
                "added."
            )
        )
    if left >= DIALOGUE_IDLE:
        keep(turn, dialogue)  # answered from now on
        command = "/add" if isinstance(dialogue, AddDialogue) else "/translate"
        shown = clipped(text, 80)
        paused = _(_PAUSED).format(command=command, ago=format_duration(left), text=shown)
        return refusal(f"{paused}\n\n{dialogue.prompt()}")
    if dialogue.confirming:
        answer = text.strip().casefold()
        if answer in _NO:
            end_dialogue(turn)
            return text_reply(_("Dropped; nothing was added."))
        if isinstance(dialogue, TranslateDialogue):
            if answer not in _YES:
                return refusal(_("Send “yes” to save it, or /cancel to drop it."))
            end_dialogue(turn)
            return save_translation(turn, dialogue.claim_id, dialogue.translation())
        if answer not in _YES:
            return refusal(_("Send “yes” to publish it, or /cancel to drop it."))
        end_dialogue(turn)
        return save_new_claim(turn, dialogue.fields)
    problem = dialogue.feed(text)
    keep(turn, dialogue)
    if problem:
        return refusal(f"{problem}\n{dialogue.prompt()}")
    return text_reply(dialogue.prompt())


def save_new_claim(turn: Turn, fields: dict[str, list[str]]) -> Reply:
    if not turn.allows(Role.MODERATOR):  # checked again at the moment of saving
        return refusal(_("Sorry, only moderators can add fact-checks; nothing was added."))
    try:
        claim = turn.desk.claims.add(claim_from_fields(fields), turn.actor)
    except DeskError as error:
        return refusal(str(error))
    return text_reply(
        _("Added {id}: {verdict} — “{claim}”. /undo reverts it.").format(
            id=claim.id, verdict=present.verdict_label_for(claim.verdict), claim=claim.claim
        )
    )


def save_translation(turn: Turn, claim_id: str, translation: Translation) -> Reply:
    if not turn.allows(Role.MODERATOR):  # checked again at the moment of saving
        return refusal(_("Sorry, only moderators can add fact-checks; nothing was added."))
    language = language_called(translation.language)
    try:
        saved = turn.desk.claims.translate(claim_id, translation, turn.actor)
    except DeskError as error:
        return refusal(str(error))
    if not saved:
        return text_reply(
            _("{id} already has exactly that {language} version.").format(
                id=claim_id, language=language
            )
        )
    saved_reply = _(
        "{id}: the {language} version is saved; people asking in {language} see it. /undo "
        "reverts it."
    ).format(id=claim_id, language=language)
    unknown = unknown_language(translation.language)
    return text_reply(f"{saved_reply}\n{unknown}" if unknown else saved_reply)


def unknown_language(code: str) -> str | None:
    """A warning where CLDR names no language ``code``: a typo ("ry" for "ru") saves a
    version nobody is ever shown. None for a code CLDR names. One it does not may still be a
    language (Mon is "mnw"), so the code is taken, with the warning."""
    if known_language(code) is not None:
        return None
    return _("{tag} is no language code I know by name: check it.").format(tag=repr(code))


def under_way(turn: Turn) -> Continuation | None:
    """The guided dialogue this person has under way in this chat, ready for their answer."""
    found = dialogue_of(turn)
    if found is None:
        return None
    dialogue, left = found
    return Continuation(
        dialogue.confirming, lambda turn, text: continue_dialogue(turn, dialogue, text, left)
    )
