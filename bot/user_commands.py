"""The commands everyone may use: what the bot does (/start, /help), a check or a fact-check
by its id (/check, /show), watch mode in a group (/watch), who am I (/whoami), the language
I answer in (/language), and the users' side of the loop with the fact-checkers: be told when
a question is checked (/notify), and say whether an answer helped (/yes, /no).
"""

from __future__ import annotations

import logging

from bot.access import Role
from bot.commands import ROLE_NAMES, Command, CommandRegistry, Handler, Turn, refusal
from bot.conversation import LAST_ANSWER, LAST_QUEUED
from bot.i18n import LANGUAGES, _, language_name, supported, use_language
from bot.i18n import current as _current_language
from bot.messages import Platform, Reply, ReplyKind, parse_number
from bot.texts import EXAMPLE_QUESTION

log = logging.getLogger(__name__)


def _start(turn: Turn, args: str) -> Reply:
    return Reply(
        ReplyKind.TEXT,
        _(
            "Hello! I'm Factbot. Send me a claim you saw and I'll tell you what fact-checkers "
            "found: the verdict, the claim as it was checked, who made it and when, and the "
            "sources.\n\nTry: {example}\n\nSend /help for all commands."
        ).format(example=_(EXAMPLE_QUESTION)),
    )


def _help(turn: Turn, args: str) -> Reply:
    msg = turn.msg
    role = turn.role
    intro = (
        _("Send me any claim and I'll look it up.")
        if msg.is_direct
        else _("In groups I answer /check, mentions and replies to my messages.")
    )
    return Reply(ReplyKind.TEXT, f"{intro}\n\n{turn.commands.help_text(role)}")


def _check(turn: Turn, args: str) -> Reply | None:
    # A check asked for with /check (how groups ask, and Slack's message shortcut) counts
    # against the same abuse limits as any other.
    return turn.checker.check_asked(args, turn.msg)


def _show(turn: Turn, args: str) -> Reply:
    claim_id = args.split(maxsplit=1)[0] if args.split() else ""
    if not claim_id:
        return Reply(ReplyKind.REFUSAL, _("Use /show <id>, with the id of a fact-check."))
    return turn.checker.show_claim(claim_id[:80], turn.msg)


def _watch_command(turn: Turn, args: str) -> Reply:
    msg = turn.msg
    if msg.is_direct:
        return Reply(ReplyKind.TEXT, _("Watch mode is for group chats."))
    choice = args.strip().casefold()
    if choice not in ("on", "off", ""):
        return Reply(
            ReplyKind.REFUSAL, _("Use /watch on, /watch off, or /watch to see the setting.")
        )
    if not choice:
        if turn.chats.watching(msg.platform, msg.chat_id):
            return Reply(ReplyKind.TEXT, _("Watch mode is on in this chat."))
        return Reply(ReplyKind.TEXT, _("Watch mode is off in this chat."))
    if not (msg.chat_admin or turn.role >= Role.ADMIN):
        log.warning("refused /watch for %s:%s (not a chat admin)", msg.platform, msg.user_id)
        return Reply(ReplyKind.REFUSAL, _("Sorry, only this group's admins can switch watch mode."))
    turn.chats.set_watch(
        msg.platform, msg.chat_id, choice == "on", by=f"{msg.platform}:{msg.user_id}"
    )
    if choice == "on":
        return Reply(
            ReplyKind.TEXT,
            _(
                "Watch mode is on: I'll reply on my own only to messages that repeat a claim "
                "fact-checkers rated false or misleading, at most once an hour per claim."
            ),
        )
    return Reply(ReplyKind.TEXT, _("Watch mode is off: I'll answer only when asked."))


def _whoami(turn: Turn, args: str) -> Reply:
    """What a deployer needs to put themselves in FACTBOT_ADMINS."""
    msg = turn.msg
    role = turn.role
    lines = [
        _("Platform: {platform}").format(platform=msg.platform),
        _("User id: {user}").format(user=msg.user_id),
        _("Role: {role}").format(role=_(ROLE_NAMES[role])),
    ]
    if msg.platform == Platform.CONSOLE:
        lines.append(_("At the console you are the operator, always an admin."))
    elif role < Role.ADMIN:
        lines.append(
            _(
                "To make this account an admin, add {entry} to FACTBOT_ADMINS where the bot "
                "runs (comma-separated) and restart it."
            ).format(entry=f"{msg.platform}:{msg.user_id}")
        )
    return Reply(ReplyKind.TEXT, "\n".join(lines))


def _language(turn: Turn, args: str) -> Reply:
    """Show or choose the language I answer this person in."""
    msg = turn.msg
    choice = args.strip()
    available = ", ".join(f"{code} ({language_name(code)})" for code in LANGUAGES)
    if not choice:
        chosen = turn.languages.chosen(msg.platform, msg.user_id)
        current = _current_language()
        if chosen:
            said = _("I answer you in {language}: your choice.")
        else:
            said = _("I answer you in {language}: the language you write in, or your app's.")
        return Reply(
            ReplyKind.TEXT,
            said.format(language=language_name(current))
            + "\n"
            + _("Choose with /language <code>: {languages}; /language auto to go back.").format(
                languages=available
            ),
        )
    if choice.casefold() in ("auto", "reset"):
        turn.languages.choose(msg.platform, msg.user_id, None)
        automatic = turn.checker.language_of(turn.msg)
        with use_language(automatic):
            text = _("I'll answer in the language you write in, or your app's, again.")
        return Reply(ReplyKind.TEXT, text, language=automatic)
    language = supported(choice)
    if language is None:
        return Reply(
            ReplyKind.REFUSAL,
            _("I don't speak “{choice}” yet. I speak: {languages}.").format(
                choice=choice[:20], languages=available
            ),
        )
    turn.languages.choose(msg.platform, msg.user_id, language)
    with use_language(language):
        text = _("From now on I answer you in {language}.").format(language=language_name(language))
    return Reply(ReplyKind.TEXT, text, language=language)


def _notify(turn: Turn, args: str) -> Reply:
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
        queue_id = turn.state.get(turn.conversation, LAST_QUEUED)
    if queue_id is None:
        return refusal(_("Ask a question first; if I can't answer it, /notify tells you later."))
    return turn.checker.subscribe(turn.msg, queue_id)


def _feedback_command(helpful: bool) -> Handler:
    def handler(turn: Turn, args: str) -> Reply:
        answer_id = turn.state.get(turn.conversation, LAST_ANSWER)
        if answer_id is None:
            return refusal(_("Ask a question first, then tell me whether the answer helped."))
        return turn.checker.feedback(turn.msg, answer_id, helpful)

    return handler


def register_user_commands(registry: CommandRegistry) -> None:
    registry.add(Command("start", "/start", "What this bot does.", _start))
    registry.add(Command("help", "/help", "The commands you can use.", _help))
    registry.add(
        Command(
            "check", "/check <text>", "Fact-check a claim (in groups too).", _check, bare_args=".+"
        )
    )
    registry.add(
        Command(
            "show",
            "/show <id>",
            "Show one fact-check in full, by its id.",
            _show,
            bare_args=r"\S{1,200}",
        )
    )
    registry.add(
        Command(
            "whoami", "/whoami", "Your platform, user id and role (for FACTBOT_ADMINS).", _whoami
        )
    )
    registry.add(
        Command(
            "language",
            "/language [code]",
            "Show or choose the language I answer you in (en, my, zh, ru).",
            _language,
            bare_args=r"(?i:auto|reset|[a-z]{2,3}(?:[-_][a-z]{2,4})?)?",
        )
    )
    registry.add(
        Command(
            "watch",
            "/watch on|off",
            "Group admins: correct false claims in this group unprompted.",
            _watch_command,
            groups_only=True,
            bare_args="(?i:on|off)?",
        )
    )
    registry.add(
        Command(
            "notify",
            "/notify",
            "Tell me when my last unanswered question is checked.",
            _notify,
            bare_args=r"(#?[0-9]+)?",
        )
    )
    registry.add(Command("yes", "/yes", "The last answer helped.", _feedback_command(True)))
    registry.add(
        Command(
            "no",
            "/no",
            "The last answer did not help: a moderator will look.",
            _feedback_command(False),
        )
    )
