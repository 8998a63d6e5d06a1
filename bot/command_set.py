"""Every command the core answers, gathered in one registry: everyone's (``bot.user_commands``),
the moderators' and admins' with their guided dialogues (``bot.moderation``), and the
moderators' links and pictures (``bot.media``), in the order /help lists them."""

from __future__ import annotations

from bot.commands import CommandRegistry
from bot.media import register_media_commands
from bot.moderation import register_moderation_commands
from bot.user_commands import register_user_commands


def all_commands() -> CommandRegistry:
    registry = CommandRegistry()
    register_user_commands(registry)
    register_moderation_commands(registry)
    register_media_commands(registry)
    return registry
