"""Moderators' and admins' commands: add and change fact-checks, the queue of unanswered
questions, statistics, and who is a moderator.

Everything here is platform-neutral: the same commands on every platform. Writes go through
:class:`knowledge.desk.Desk`, which records each change with its audit entry. The guided
dialogues ``/add`` and ``/translate`` start here and go on in ``bot.dialogues``; the forms
they read are parsed in ``bot.claimform``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot import present
from bot.access import Role
from bot.claimform import (
    OPTIONAL,
    REQUIRED,
    TRANSLATE_USAGE,
    parse_date,
    parse_fields,
    parse_source,
    parse_translation,
    parse_url,
    parse_verdict,
)
from bot.commands import Command, CommandRegistry, Turn, refusal, text_reply
from bot.dialogues import (
    DIALOGUE_STATE,
    AddDialogue,
    TranslateDialogue,
    end_dialogue,
    keep,
    save_new_claim,
    save_translation,
    under_way,
    unknown_language,
)
from bot.i18n import _, language_called, ngettext, supported
from bot.messages import Incoming, Reply, parse_number
from knowledge.desk import (
    EDITABLE_FIELDS,
    DeskError,
    describe_change,
    group_changes,
)
from knowledge.models import Status

QUEUE_SHOWN = 10  # /queue lists this many, and says how many more
HISTORY_SHOWN = 20  # /history shows this many changes, newest first


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


# -- command handlers -------------------------------------------------------------------


def _add(turn: Turn, args: str) -> Reply:
    if not args.strip():
        dialogue = AddDialogue()
        keep(turn, dialogue)
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
    return save_new_claim(turn, fields)


def _cancel(turn: Turn, args: str) -> Reply:
    if not end_dialogue(turn):
        return text_reply(_("There is nothing to cancel."))
    return text_reply(_("Stopped; nothing was added."))


def _split_id(args: str, usage: str) -> tuple[str, str]:
    claim_id, _sep, rest = args.strip().partition(" ")
    if not claim_id:
        raise DeskError(_("Usage: {usage}").format(usage=usage))
    return claim_id, rest.strip()


def _source(turn: Turn, args: str) -> Reply:
    claim_id, rest = _split_id(args, "/source <id> publisher | title | URL | date | what it says")
    source = parse_source(rest)
    turn.desk.claims.add_source(claim_id, source, turn.actor)
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


def _alias(turn: Turn, args: str) -> Reply:
    claim_id, rest = _split_id(args, "/alias <id> <another way to ask it>")
    if not turn.desk.claims.add_alias(claim_id, rest, turn.actor):
        return text_reply(_("{id} already has that alias.").format(id=claim_id))
    return text_reply(_("Alias added to {id}.").format(id=claim_id))


def _verdict(turn: Turn, args: str) -> Reply:
    usage = "/verdict <id> <verdict> | <reason>"
    claim_id, rest = _split_id(args, usage)
    verdict_text, _sep, reason = rest.partition("|")
    if not verdict_text.strip() or not reason.strip():
        raise DeskError(_("Usage: {usage} — the reason is required.").format(usage=usage))
    verdict = parse_verdict(verdict_text)
    old = turn.desk.claims.set_verdict(
        claim_id, verdict, verdict_text.strip(), reason.strip(), turn.actor
    )
    return text_reply(
        _(
            "{id}: verdict {old} → {new}. People who were given the old verdict recently will "
            "be told."
        ).format(id=claim_id, old=present.label_for(old), new=present.label_for(verdict.key))
    )


def _edit(turn: Turn, args: str) -> Reply:
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
    column = turn.desk.claims.edit(claim_id, name, value, turn.actor)
    return text_reply(
        _("{id}: {field} changed. /undo reverts it.").format(id=claim_id, field=column)
    )


def _translate(turn: Turn, args: str) -> Reply:
    head, _sep, body = args.strip().partition("\n")
    words = head.split()
    if len(words) < 2:
        raise DeskError(_("Usage: {usage}").format(usage=TRANSLATE_USAGE))
    claim_id, tag, rest = words[0], words[1], " ".join(words[2:])
    language = supported(tag) or (tag.casefold() if re.fullmatch(r"[a-z]{2,3}", tag, re.I) else "")
    if not language:
        raise DeskError(_("{tag} is not a language code (e.g. my, zh, ru).").format(tag=repr(tag)))
    claim = turn.desk.claims.get(claim_id)
    text = "\n".join(part for part in (rest, body) if part.strip())
    if not text.strip():  # the guided dialogue, after what there is today
        lines = []
        unknown = unknown_language(language)
        if unknown:
            lines.append(unknown)
        called = language_called(language)
        current = claim.translation(language)
        if current is not None:
            lines.append(_("Today's {language} version:").format(language=called))
            lines.append(_("Claim: “{claim}”").format(claim=current.claim))
            if current.machine_drafted:
                lines.append(_("(machine-drafted, not yet reviewed)"))
        dialogue = TranslateDialogue(claim.id, language)
        keep(turn, dialogue)
        lines.append(
            _(
                "Let's write the {language} version of {id}. Send /cancel at any time to stop."
            ).format(language=called, id=claim.id)
        )
        lines.append(dialogue.prompt())
        return text_reply("\n".join(lines))
    return save_translation(turn, claim_id, parse_translation(language, text))


def _retract(turn: Turn, args: str) -> Reply:
    claim_id, reason = _split_id(args, "/retract <id> [reason]")
    if not turn.desk.claims.set_status(claim_id, Status.RETRACTED, turn.actor, reason or None):
        return text_reply(_("{id} is already retracted.").format(id=claim_id))
    return text_reply(
        _("{id} is retracted: hidden from answers, kept in the base.").format(id=claim_id)
    )


def _restore(turn: Turn, args: str) -> Reply:
    claim_id, reason = _split_id(args, "/restore <id>")
    if not turn.desk.claims.set_status(claim_id, Status.PUBLISHED, turn.actor, reason or None):
        return text_reply(_("{id} is already published.").format(id=claim_id))
    return text_reply(_("{id} is published again.").format(id=claim_id))


def _history(turn: Turn, args: str) -> Reply:
    claim_id, _rest = _split_id(args, "/history <id>")
    # A change writes a row per source and alias too: read enough rows for the last changes.
    entries = turn.desk.claims.history(claim_id, limit=HISTORY_SHOWN * 20)
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


def _undo(turn: Turn, args: str) -> Reply:
    undone = turn.desk.undo(turn.actor)
    if undone is None:
        return text_reply(_("You have no change to undo."))
    action, claim_id = undone
    if claim_id:
        return text_reply(
            _("Undone: your last change ({action} on {id}).").format(action=action, id=claim_id)
        )
    return text_reply(_("Undone: your last change ({action}).").format(action=action))


def _queue(turn: Turn, args: str) -> Reply:
    entries = turn.desk.queue.entries(limit=QUEUE_SHOWN)
    if not entries:
        return text_reply(_("The queue is empty: every question asked has an answer."))
    open_count = turn.desk.queue.length()
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


def _link(turn: Turn, args: str) -> Reply:
    usage = "/link <queue number> <claim id>"
    number, _sep, claim_id = args.strip().partition(" ")
    queue_id = parse_number(number.removeprefix("#"))
    if queue_id is None or not claim_id.strip():
        raise DeskError(_("Usage: {usage}, the number as /queue shows it.").format(usage=usage))
    question = turn.desk.queue.link(queue_id, claim_id.strip(), turn.actor)
    return text_reply(
        _(
            "Linked “{question}” to {id}; it is now an alias, and anyone waiting is notified."
        ).format(question=question[:120], id=claim_id.strip())
    )


def _stats(turn: Turn, args: str) -> Reply:
    stats = turn.desk.answers.stats()
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
        top = ", ".join(
            f"{c} ×{n}"
            if status != Status.RETRACTED
            else _("{id} ×{count} (retracted)").format(id=c, count=n)
            for c, n, status in stats["top_claims"]
        )
        lines.append(_("Most asked (7d): {claims}").format(claims=top))
    lines.append(_("Queue: {count} open").format(count=stats["queue"]))
    lines.append(
        _("Feedback: {yes} yes, {no} no").format(
            yes=stats["feedback"]["yes"], no=stats["feedback"]["no"]
        )
    )
    return text_reply("\n".join(lines))


def _grant(turn: Turn, args: str) -> Reply:
    platform, user_id = resolve_user(turn.msg, args)
    if not turn.desk.roles.grant(platform, user_id, turn.actor):
        return text_reply(_("{user} is a moderator already.").format(user=f"{platform}:{user_id}"))
    return text_reply(_("{user} is now a moderator.").format(user=f"{platform}:{user_id}"))


def _revoke(turn: Turn, args: str) -> Reply:
    platform, user_id = resolve_user(turn.msg, args)
    if not turn.desk.roles.revoke(platform, user_id, turn.actor):
        return text_reply(_("{user} is not a moderator.").format(user=f"{platform}:{user_id}"))
    # A revoke also ends any /add they have under way, wherever they started it.
    turn.state.forget_user(platform, user_id, DIALOGUE_STATE)
    return text_reply(_("{user} is no longer a moderator.").format(user=f"{platform}:{user_id}"))


def _moderators(turn: Turn, args: str) -> Reply:
    rows = turn.desk.roles.moderators()
    admins = sorted(turn.access.admins)
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


_ID = r"\S{1,200}"
# What may follow each command's name when it is written without its slash (see
# ``Command.bare_args``); the commands not listed take nothing.
_BARE_ARGS = {
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
    mod, admin = Role.MODERATOR, Role.ADMIN
    registry.continue_with(under_way)
    for command in (
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
