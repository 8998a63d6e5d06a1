"""Moderators' and admins' commands, and the users' side of the loop (notify me, feedback).

Everything here is platform-neutral: the same commands on every platform. Writes go through
:class:`knowledge.desk.Desk`, which records each change with its audit entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot import present
from bot.access import Role
from bot.claimform import (
    OPTIONAL,
    REQUIRED,
    TRANSLATE_USAGE,
    allowed_verdicts,
    claim_from_fields,
    parse_date,
    parse_fields,
    parse_source,
    parse_translation,
    parse_url,
    parse_verdict,
)
from bot.commands import Command, CommandRegistry, Handler
from bot.i18n import N_, _, ngettext, supported
from bot.messages import Incoming, Reply, ReplyKind, parse_number
from knowledge.desk import (
    EDITABLE_FIELDS,
    Actor,
    DeskError,
    describe_change,
    group_changes,
)
from knowledge.models import Status, Translation

if TYPE_CHECKING:
    from bot.core import Core

QUEUE_SHOWN = 10  # /queue lists this many, and says how many more
HISTORY_SHOWN = 20  # /history shows this many changes, newest first
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


def actor(msg: Incoming) -> Actor:
    return Actor(msg.platform, msg.user_id)


def text_reply(text: str) -> Reply:
    return Reply(ReplyKind.TEXT, text)


def refusal(text: str) -> Reply:
    return Reply(ReplyKind.REFUSAL, text)


def resolve_user(msg: Incoming, args: str) -> tuple[str, str]:
    """The (platform, user id) a grant or revoke is about: a user the platform resolved for
    us (a mention it could identify, or the author of the replied-to message), else an id or
    ``platform:id`` written out."""
    if msg.mentioned_user_ids:
        return msg.platform, msg.mentioned_user_ids[0]
    target = args.split()[0] if args.split() else ""
    if not target and msg.reply_to_user_id:
        return msg.platform, msg.reply_to_user_id
    if not target:
        raise DeskError(_("Name the user: their id, platform:id, a reply to them or a mention."))
    if target.startswith(("@", "<")):
        raise DeskError(
            _(
                "I can't look up {name} by name: reply to one of their messages with the "
                "command, or give their numeric user id."
            ).format(name=target[:40])
        )
    platform, _sep, user_id = target.rpartition(":")
    return platform or msg.platform, user_id


# -- the guided dialogue for /add ---------------------------------------------------------

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
LAST_ANSWER = "last_answer"  # the answer /yes and /no rate, per person and chat
LAST_QUEUED = "last_queued"  # the question /notify subscribes to, per person and chat
DIALOGUE_TTL = 24 * 3600.0  # an unfinished /add is forgotten after a day
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


TRANSLATE_STEPS = ("claim", "summary", "verdict")
TRANSLATE_PROMPTS = {
    "claim": N_("The claim in {language}, as it was made?"),
    "summary": N_("Why it was rated so, in {language} (or “skip”)."),
    "verdict": N_("The verdict's words in {language}, e.g. “{example}” (or “skip”)."),
}


@dataclass(slots=True)
class TranslateDialogue:
    """The guided /translate: the claim, the summary and the verdict's words in one language,
    then a preview saved only on "yes" (what ``note N:`` lines add is for the one-message
    form)."""

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
        )

    def prompt(self) -> str:
        if self.confirming:
            lines = [
                _("This is the {language} version that will be saved for {id}:").format(
                    language=self.language, id=self.claim_id
                ),
                _("Claim: “{claim}”").format(claim=self.fields.get("claim", "")),
            ]
            if self.fields.get("summary"):
                lines.append(_("Summary: {summary}").format(summary=self.fields["summary"]))
            if self.fields.get("verdict"):
                lines.append(_("Verdict: {verdict}").format(verdict=self.fields["verdict"]))
            lines.append("\n" + _("Send “yes” to save it, or /cancel to drop it."))
            return "\n".join(lines)
        name = TRANSLATE_STEPS[self.step]
        return f"({self.step + 1}/{len(TRANSLATE_STEPS)}) " + _(TRANSLATE_PROMPTS[name]).format(
            language=self.language, example=present.verdict_label_for("false")
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


def dialogue_of(core: Core, msg: Incoming) -> Dialogue | None:
    """The guided dialogue this person has under way in this chat, if any."""
    data = core.state.get(core.conversation_scope(msg), DIALOGUE_STATE)
    return AddDialogue.from_json(data) or TranslateDialogue.from_json(data)


def _keep(core: Core, msg: Incoming, dialogue: Dialogue) -> None:
    core.state.put(core.conversation_scope(msg), DIALOGUE_STATE, dialogue.to_json(), DIALOGUE_TTL)


def end_dialogue(core: Core, msg: Incoming) -> bool:
    return core.state.pop(core.conversation_scope(msg), DIALOGUE_STATE) is not None


def continue_dialogue(core: Core, msg: Incoming, dialogue: Dialogue, text: str) -> Reply:
    """One answer in the guided /add. The role is checked again at every step: a moderator
    whose role was revoked meanwhile gets their dialogue ended, and nothing is published."""
    if not core.access.allows(msg, Role.MODERATOR):
        end_dialogue(core, msg)
        return refusal(
            _(
                "You are no longer a moderator, so the /add you started has ended; nothing was "
                "added."
            )
        )
    if dialogue.confirming:
        answer = text.strip().casefold()
        if answer in _NO:
            end_dialogue(core, msg)
            return text_reply(_("Dropped; nothing was added."))
        if isinstance(dialogue, TranslateDialogue):
            if answer not in _YES:
                return refusal(_("Send “yes” to save it, or /cancel to drop it."))
            end_dialogue(core, msg)
            return _save_translation(core, msg, dialogue.claim_id, dialogue.translation())
        if answer not in _YES:
            return refusal(_("Send “yes” to publish it, or /cancel to drop it."))
        end_dialogue(core, msg)
        return _save_new_claim(core, msg, dialogue.fields)
    problem = dialogue.feed(text)
    _keep(core, msg, dialogue)
    if problem:
        return refusal(f"{problem}\n{dialogue.prompt()}")
    return text_reply(dialogue.prompt())


# -- command handlers -------------------------------------------------------------------


def _save_new_claim(core: Core, msg: Incoming, fields: dict[str, list[str]]) -> Reply:
    if not core.access.allows(msg, Role.MODERATOR):  # checked again at the moment of saving
        return refusal(_("Sorry, only moderators can add fact-checks; nothing was added."))
    try:
        claim = core.desk.claims.add(claim_from_fields(fields), actor(msg))
    except DeskError as error:
        return refusal(str(error))
    return text_reply(
        _("Added {id}: {verdict} — “{claim}”. /undo reverts it.").format(
            id=claim.id, verdict=present.verdict_label_for(claim.verdict), claim=claim.claim
        )
    )


def _add(core: Core, msg: Incoming, args: str) -> Reply:
    if not args.strip():
        dialogue = AddDialogue()
        _keep(core, msg, dialogue)
        return text_reply(
            _("Let's add a fact-check. Send /cancel at any time to stop.")
            + "\n"
            + dialogue.prompt()
        )
    fields, unknown = parse_fields(args)
    if unknown:
        names = ", ".join(sorted(set(unknown)))
        return refusal(
            _("Unknown field(s): {names}. Fields: {fields}.").format(
                names=names, fields=", ".join((*REQUIRED, *OPTIONAL))
            )
        )
    return _save_new_claim(core, msg, fields)


def _cancel(core: Core, msg: Incoming, args: str) -> Reply:
    if not end_dialogue(core, msg):
        return text_reply(_("There is nothing to cancel."))
    return text_reply(_("Stopped; nothing was added."))


def _split_id(args: str, usage: str) -> tuple[str, str]:
    claim_id, _sep, rest = args.strip().partition(" ")
    if not claim_id:
        raise DeskError(_("Usage: {usage}").format(usage=usage))
    return claim_id, rest.strip()


def _source(core: Core, msg: Incoming, args: str) -> Reply:
    claim_id, rest = _split_id(args, "/source <id> publisher | title | URL | date | what it says")
    source = parse_source(rest)
    core.desk.claims.add_source(claim_id, source, actor(msg))
    none = _("(none)")
    stored = [
        _("publisher {value}").format(value=source.publisher),
        _("title {value}").format(value=source.title or none),
        _("URL {value}").format(value=source.url or none),
        _("date {value}").format(value=present.human_date(source.date) or none),
    ]
    if source.supports:
        stored.append(_("says {value}").format(value=source.supports))
    return text_reply(
        _("Source added to {id}: {stored}. /undo reverts it.").format(
            id=claim_id, stored="; ".join(stored)
        )
    )


def _alias(core: Core, msg: Incoming, args: str) -> Reply:
    claim_id, rest = _split_id(args, "/alias <id> <another way to ask it>")
    if not core.desk.claims.add_alias(claim_id, rest, actor(msg)):
        return text_reply(_("{id} already has that alias.").format(id=claim_id))
    return text_reply(_("Alias added to {id}.").format(id=claim_id))


def _verdict(core: Core, msg: Incoming, args: str) -> Reply:
    usage = "/verdict <id> <verdict> | <reason>"
    claim_id, rest = _split_id(args, usage)
    verdict_text, _sep, reason = rest.partition("|")
    if not verdict_text.strip() or not reason.strip():
        raise DeskError(_("Usage: {usage} — the reason is required.").format(usage=usage))
    verdict = parse_verdict(verdict_text)
    old = core.desk.claims.set_verdict(
        claim_id, verdict, verdict_text.strip(), reason.strip(), actor(msg)
    )
    return text_reply(
        _(
            "{id}: verdict {old} → {new}. People who were given the old verdict recently will "
            "be told."
        ).format(id=claim_id, old=present.label_for(old), new=present.label_for(verdict.key))
    )


def _edit(core: Core, msg: Incoming, args: str) -> Reply:
    usage = "/edit <id> <field> <new value>"
    claim_id, rest = _split_id(args, usage)
    name, _sep, value = rest.partition(" ")
    if not name:
        raise DeskError(_("Usage: {usage}").format(usage=usage))
    if name.casefold() in ("date", "claim_date", "review_date") and value.strip():
        value = parse_date(value)
    if name.casefold() in ("review_url", "url") and value.strip():
        value = parse_url(value)
    if name.casefold() == "verdict":
        raise DeskError(_("Change a verdict with /verdict <id> <verdict> | <reason>."))
    column = core.desk.claims.edit(claim_id, name, value, actor(msg))
    return text_reply(
        _("{id}: {field} changed. /undo reverts it.").format(id=claim_id, field=column)
    )


def _translate(core: Core, msg: Incoming, args: str) -> Reply:
    head, _sep, body = args.strip().partition("\n")
    words = head.split()
    if len(words) < 2:
        raise DeskError(_("Usage: {usage}").format(usage=TRANSLATE_USAGE))
    claim_id, tag, rest = words[0], words[1], " ".join(words[2:])
    language = supported(tag) or (tag.casefold() if re.fullmatch(r"[a-z]{2,3}", tag, re.I) else "")
    if not language:
        raise DeskError(_("{tag} is not a language code (e.g. my, zh, ru).").format(tag=repr(tag)))
    claim = core.desk.claims.get(claim_id)
    text = "\n".join(part for part in (rest, body) if part.strip())
    if not text.strip():  # the guided dialogue, after what there is today
        lines = []
        current = claim.translation(language)
        if current is not None:
            lines.append(_("Today's {language} version:").format(language=language))
            lines.append(_("Claim: “{claim}”").format(claim=current.claim))
            if current.machine_drafted:
                lines.append(_("(machine-drafted, not yet reviewed)"))
        dialogue = TranslateDialogue(claim.id, language)
        _keep(core, msg, dialogue)
        lines.append(
            _(
                "Let's write the {language} version of {id}. Send /cancel at any time to stop."
            ).format(language=language, id=claim.id)
        )
        lines.append(dialogue.prompt())
        return text_reply("\n".join(lines))
    return _save_translation(core, msg, claim_id, parse_translation(language, text))


def _save_translation(core: Core, msg: Incoming, claim_id: str, translation: Translation) -> Reply:
    if not core.access.allows(msg, Role.MODERATOR):  # checked again at the moment of saving
        return refusal(_("Sorry, only moderators can add fact-checks; nothing was added."))
    language = translation.language
    try:
        saved = core.desk.claims.translate(claim_id, translation, actor(msg))
    except DeskError as error:
        return refusal(str(error))
    if not saved:
        return text_reply(
            _("{id} already has exactly that {language} version.").format(
                id=claim_id, language=language
            )
        )
    return text_reply(
        _(
            "{id}: the {language} version is saved; people asking in {language} see it. /undo "
            "reverts it."
        ).format(id=claim_id, language=language)
    )


def _retract(core: Core, msg: Incoming, args: str) -> Reply:
    claim_id, reason = _split_id(args, "/retract <id> [reason]")
    if not core.desk.claims.set_status(claim_id, Status.RETRACTED, actor(msg), reason or None):
        return text_reply(_("{id} is already retracted.").format(id=claim_id))
    return text_reply(
        _("{id} is retracted: hidden from answers, kept in the base.").format(id=claim_id)
    )


def _restore(core: Core, msg: Incoming, args: str) -> Reply:
    claim_id, reason = _split_id(args, "/restore <id>")
    if not core.desk.claims.set_status(claim_id, Status.PUBLISHED, actor(msg), reason or None):
        return text_reply(_("{id} is already published.").format(id=claim_id))
    return text_reply(_("{id} is published again.").format(id=claim_id))


def _history(core: Core, msg: Incoming, args: str) -> Reply:
    claim_id, _rest = _split_id(args, "/history <id>")
    # A change writes a row per source and alias too: read enough rows for the last changes.
    entries = core.desk.claims.history(claim_id, limit=HISTORY_SHOWN * 20)
    if not entries:
        return text_reply(
            _("{id} has no recorded changes (it came with the base).").format(id=claim_id)
        )
    changes = group_changes(entries)
    if len(entries) == HISTORY_SHOWN * 20:
        changes = changes[:-1]  # the oldest may be cut short
    lines = [describe_change(change) for change in changes[:HISTORY_SHOWN]]
    if len(changes) > HISTORY_SHOWN:
        lines.append(
            _("…and earlier changes (the last {count} are shown)").format(count=HISTORY_SHOWN)
        )
    return text_reply(
        _("Changes to {id}, newest first:").format(id=claim_id) + "\n" + "\n".join(lines)
    )


def _undo(core: Core, msg: Incoming, args: str) -> Reply:
    undone = core.desk.undo(actor(msg))
    if undone is None:
        return text_reply(_("You have no change to undo."))
    action, claim_id = undone
    if claim_id:
        return text_reply(
            _("Undone: your last change ({action} on {id}).").format(action=action, id=claim_id)
        )
    return text_reply(_("Undone: your last change ({action}).").format(action=action))


def _queue(core: Core, msg: Incoming, args: str) -> Reply:
    entries = core.desk.queue.entries(limit=QUEUE_SHOWN)
    if not entries:
        return text_reply(_("The queue is empty: every question asked has an answer."))
    open_count = core.desk.queue.length()
    lines = []
    for e in entries:
        when = _("last {date}").format(date=e.last_seen[:10])
        if e.subscribers:
            waiting = ngettext("{count} waiting", "{count} waiting", e.subscribers)
            when += ", " + waiting.format(count=e.subscribers)
        lines.append(f"#{e.id} ×{e.asked} “{e.text[:120]}” ({when})")
    if open_count > len(entries):
        more = open_count - len(entries)
        lines.append(
            ngettext(
                "…{count} more (the least asked)", "…{count} more (the least asked)", more
            ).format(count=more)
        )
    heading = ngettext(
        "Unanswered questions, most asked first ({count} open):",
        "Unanswered questions, most asked first ({count} open):",
        open_count,
    ).format(count=open_count)
    return text_reply(
        heading
        + "\n"
        + "\n".join(lines)
        + "\n\n"
        + _("Resolve one with /link <number> <claim id>, or /add a new fact-check.")
    )


def _link(core: Core, msg: Incoming, args: str) -> Reply:
    usage = "/link <queue number> <claim id>"
    number, _sep, claim_id = args.strip().partition(" ")
    queue_id = parse_number(number.removeprefix("#"))
    if queue_id is None or not claim_id.strip():
        raise DeskError(_("Usage: {usage}, the number as /queue shows it.").format(usage=usage))
    question = core.desk.queue.link(queue_id, claim_id.strip(), actor(msg))
    return text_reply(
        _(
            "Linked “{question}” to {id}; it is now an alias, and anyone waiting is notified."
        ).format(question=question[:120], id=claim_id.strip())
    )


def _stats(core: Core, msg: Incoming, args: str) -> Reply:
    stats = core.desk.answers.stats()
    lines = []
    periods = {"24h": _("Last 24h"), "7d": _("Last 7d")}
    for label in ("24h", "7d"):
        counts = stats[label]
        lines.append(
            _(
                "{period}: {answered} answered, {suggested} suggested, {unanswered} unanswered"
            ).format(
                period=periods[label],
                answered=counts["answer"],
                suggested=counts["suggest"],
                unanswered=counts["none"],
            )
        )
    if stats["top_claims"]:
        top = ", ".join(f"{c} ×{n}" for c, n in stats["top_claims"])
        lines.append(_("Most asked (7d): {claims}").format(claims=top))
    lines.append(_("Queue: {count} open").format(count=stats["queue"]))
    lines.append(
        _("Feedback: {yes} yes, {no} no").format(
            yes=stats["feedback"]["yes"], no=stats["feedback"]["no"]
        )
    )
    return text_reply("\n".join(lines))


def _grant(core: Core, msg: Incoming, args: str) -> Reply:
    platform, user_id = resolve_user(msg, args)
    if not core.desk.roles.grant(platform, user_id, actor(msg)):
        return text_reply(_("{user} is a moderator already.").format(user=f"{platform}:{user_id}"))
    return text_reply(_("{user} is now a moderator.").format(user=f"{platform}:{user_id}"))


def _revoke(core: Core, msg: Incoming, args: str) -> Reply:
    platform, user_id = resolve_user(msg, args)
    if not core.desk.roles.revoke(platform, user_id, actor(msg)):
        return text_reply(_("{user} is not a moderator.").format(user=f"{platform}:{user_id}"))
    # A revoke also ends any /add they have under way, wherever they started it.
    core.state.forget_user(platform, user_id, DIALOGUE_STATE)
    return text_reply(_("{user} is no longer a moderator.").format(user=f"{platform}:{user_id}"))


def _moderators(core: Core, msg: Incoming, args: str) -> Reply:
    rows = core.desk.roles.moderators()
    admins = sorted(core.access.admins)
    lines = [
        _("Admins (from configuration): {admins}").format(admins=", ".join(admins) or _("none"))
    ]
    if rows:
        lines += [
            "- "
            + _("{user} (granted by {by}, {date})").format(
                user=f"{r['platform']}:{r['user_id']}",
                by=r["granted_by"],
                date=r["granted_at"][:10],
            )
            for r in rows
        ]
    else:
        lines.append(_("No moderators yet. Grant one with /grant <user>."))
    return text_reply("\n".join(lines))


def _notify(core: Core, msg: Incoming, args: str) -> Reply:
    arg = args.strip()
    if arg:
        queue_id = parse_number(arg.removeprefix("#"))
        if queue_id is None:
            return refusal(
                _(
                    "Use /notify after a question I could not answer, or /notify <number> with "
                    "the number I gave you then."
                )
            )
    else:
        queue_id = core.state.get(core.conversation_scope(msg), LAST_QUEUED)
    if queue_id is None:
        return refusal(_("Ask a question first; if I can't answer it, /notify tells you later."))
    return core.subscribe(msg, queue_id)


def _feedback_command(helpful: bool) -> Handler:
    def handler(core: Core, msg: Incoming, args: str) -> Reply:
        answer_id = core.state.get(core.conversation_scope(msg), LAST_ANSWER)
        if answer_id is None:
            return refusal(_("Ask a question first, then tell me whether the answer helped."))
        return core.feedback(msg, answer_id, helpful)

    return handler


_ID = r"\S{1,200}"
# What may follow each command's name when it is written without its slash (see
# ``Command.bare_args``); the commands not listed take nothing.
_BARE_ARGS = {
    "notify": r"(#?[0-9]+)?",
    "add": r"|[A-Za-z_ ]{2,20}:.*",
    "source": rf"{_ID}\s+.+",
    "alias": rf"{_ID}\s+.+",
    "verdict": rf"{_ID}\s+[^|]+\|.+",
    "edit": rf"{_ID}\s+(?i:{'|'.join(EDITABLE_FIELDS)})\s+.+",
    "retract": rf"{_ID}(\s+.+)?",
    "translate": rf"{_ID}\s+[A-Za-z_-]{{2,10}}(\s.*)?",
    "restore": _ID,
    "history": _ID,
    "link": r"#?[0-9]+\s+\S+",
    "grant": r"(\S+)?",
    "revoke": r"(\S+)?",
}


def register_moderation_commands(registry: CommandRegistry) -> None:
    user, mod, admin = Role.USER, Role.MODERATOR, Role.ADMIN
    for command in (
        Command(
            "notify",
            "/notify",
            "Tell me when my last unanswered question is checked.",
            _notify,
            user,
        ),
        Command("yes", "/yes", "The last answer helped.", _feedback_command(True), user),
        Command(
            "no",
            "/no",
            "The last answer did not help: a moderator will look.",
            _feedback_command(False),
            user,
        ),
        Command(
            "add",
            "/add",
            "Add a fact-check: `name: value` lines (claim, verdict, "
            "claimant, date, summary, source), or a guided dialogue.",
            _add,
            mod,
        ),
        Command("cancel", "/cancel", "Stop the guided /add dialogue.", _cancel, mod),
        Command(
            "source",
            "/source <id> <publisher | title | URL | date>",
            "Add a source to a fact-check.",
            _source,
            mod,
        ),
        Command(
            "alias", "/alias <id> <text>", "Add another way people ask about a claim.", _alias, mod
        ),
        Command(
            "verdict",
            "/verdict <id> <verdict> | <reason>",
            "Change a verdict, with the reason.",
            _verdict,
            mod,
        ),
        Command(
            "edit",
            "/edit <id> <field> <value>",
            "Change a field: claim, claimant, date, summary, appearance, review_url, ...",
            _edit,
            mod,
        ),
        Command(
            "translate",
            "/translate <id> <language>",
            "Add or replace a fact-check's words in another language: claim, summary, "
            "verdict, note N lines.",
            _translate,
            mod,
        ),
        Command(
            "retract",
            "/retract <id> [reason]",
            "Hide a fact-check from answers (kept).",
            _retract,
            mod,
        ),
        Command("restore", "/restore <id>", "Publish a retracted fact-check again.", _restore, mod),
        Command(
            "history", "/history <id>", "Every recorded change to a fact-check.", _history, mod
        ),
        Command("undo", "/undo", "Revert your last change.", _undo, mod),
        Command("queue", "/queue", "Unanswered questions, most asked first.", _queue, mod),
        Command(
            "link",
            "/link <number> <id>",
            "Answer a queued question with an existing fact-check.",
            _link,
            mod,
        ),
        Command(
            "stats",
            "/stats",
            "Questions answered, suggested and unanswered; feedback.",
            _stats,
            mod,
        ),
        Command("grant", "/grant <user>", "Make a user a moderator.", _grant, admin),
        Command("revoke", "/revoke <user>", "Take the moderator role away.", _revoke, admin),
        Command("moderators", "/moderators", "List admins and moderators.", _moderators, admin),
    ):
        registry.add(replace(command, bare_args=_BARE_ARGS.get(command.name, "")))
