"""What the desk's parts share: who makes a change (:class:`Actor`), a change refused
(:class:`DeskError`), and :func:`recorded`, the one way a change is written: one transaction
holding its rows and their audit entries (:mod:`knowledge.audit`)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from knowledge import audit
from knowledge.store import ClaimBase


class DeskError(ValueError):
    """A change that cannot be made, with a message for the moderator."""


@dataclass(frozen=True, slots=True)
class Actor:
    platform: str
    user_id: str

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


def recorded(
    base: ClaimBase,
    action: str,
    by: Actor,
    claim_id: str | None = None,
    reason: str | None = None,
) -> AbstractContextManager[audit.Change]:
    """A recorded change by ``by``: one transaction with its audit entries."""
    return audit.change(
        base,
        action=action,
        actor=by.key,
        platform=by.platform,
        claim_id=claim_id,
        reason=reason,
    )


def ago(days: float) -> str:
    """The time ``days`` ago, as the claim base writes times."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
