"""Recorded changes: every write a moderator makes goes through a :class:`Change`.

A change is one transaction holding the rows it touched and, for each, an ``audit`` entry with
who, on which platform, when, why, and the row before and after (as JSON). Undo replays the
``before`` side of a change, as a new change of its own; nothing is lost, because the audit log
keeps every version. Claims are never deleted: undoing the creation of a claim retracts it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from knowledge.store import ClaimBase, now_iso

# The primary key of each audited table.
KEYS: dict[str, tuple[str, ...]] = {
    "claims": ("id",),
    "sources": ("id",),
    "aliases": ("id",),
    "roles": ("platform", "user_id"),
    "queue": ("id",),
    "claim_images": ("id",),
    "claim_translations": ("id",),
}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    change_id: int
    action: str
    claim_id: str | None
    actor: str
    platform: str
    at: str
    reason: str | None
    table_name: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undone_by: int | None


class Change:
    """Row writes inside one transaction, each recorded in the audit log."""

    def __init__(
        self,
        base: ClaimBase,
        change_id: int,
        *,
        action: str,
        actor: str,
        platform: str,
        claim_id: str | None,
        reason: str | None,
    ) -> None:
        self.base = base
        self.db = base.db
        self.id = change_id
        self.action = action
        self.actor = actor
        self.platform = platform
        self.claim_id = claim_id
        self.reason = reason
        self.at = now_iso()

    def _row(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        where = " AND ".join(f"{k} = ?" for k in key)
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE {where}", list(key.values())))
        return rows[0] if rows else None

    def _record(
        self,
        table: str,
        key: dict[str, Any],
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        claim_id: str | None,
    ) -> None:
        self.db.table("audit").insert(
            {
                "change_id": self.id,
                "action": self.action,
                "claim_id": claim_id or self.claim_id,
                "actor": self.actor,
                "platform": self.platform,
                "at": self.at,
                "reason": self.reason,
                "table_name": table,
                "row_key": json.dumps(key, sort_keys=True),
                "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
                "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            }
        )

    def insert(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Insert a row; returns its key."""
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = self.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
        )
        key = {k: row[k] for k in KEYS[table] if k in row} or {"id": cursor.lastrowid}
        after = self._row(table, key)
        self._record(table, key, None, after, _claim_of(table, after))
        return key

    def update(self, table: str, key: dict[str, Any], changes: dict[str, Any]) -> bool:
        """Change some columns of one row; False when the row does not exist or nothing
        changes."""
        before = self._row(table, key)
        if before is None:
            return False
        changes = {k: v for k, v in changes.items() if before.get(k) != v}
        if not changes:
            return False
        if table == "claims":
            changes.setdefault("updated_at", now_iso())
        assignments = ", ".join(f"{k} = ?" for k in changes)
        where = " AND ".join(f"{k} = ?" for k in key)
        self.db.execute(
            f"UPDATE {table} SET {assignments} WHERE {where}",
            [*changes.values(), *key.values()],
        )
        self._record(table, key, before, self._row(table, key), _claim_of(table, before))
        return True

    def delete(self, table: str, key: dict[str, Any]) -> bool:
        """Remove a row (used by undo for rows that a change added; claims are never
        deleted). The audit log keeps the row."""
        if table == "claims":
            raise ValueError("claims are retracted, never deleted")
        before = self._row(table, key)
        if before is None:
            return False
        where = " AND ".join(f"{k} = ?" for k in key)
        self.db.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
        self._record(table, key, before, None, _claim_of(table, before))
        return True


def _claim_of(table: str, row: dict[str, Any] | None) -> str | None:
    if row is None:
        return None
    if table == "claims":
        return str(row["id"])
    value = row.get("claim_id")
    return str(value) if value is not None else None


@contextmanager
def change(
    base: ClaimBase,
    *,
    action: str,
    actor: str,
    platform: str,
    claim_id: str | None = None,
    reason: str | None = None,
) -> Iterator[Change]:
    """A recorded change, in one transaction with its audit entries."""
    with base.transaction() as db:
        row = db.execute("SELECT coalesce(max(change_id), 0) + 1 FROM audit").fetchone()
        yield Change(
            base,
            int(row[0]),
            action=action,
            actor=actor,
            platform=platform,
            claim_id=claim_id,
            reason=reason,
        )


def entries(base: ClaimBase, *, claim_id: str | None = None, limit: int = 50) -> list[AuditEntry]:
    """Audit entries, newest first; for one claim when ``claim_id`` is given."""
    where, params = ("WHERE claim_id = ?", [claim_id]) if claim_id else ("", [])
    rows = base.query(f"SELECT * FROM audit {where} ORDER BY id DESC LIMIT ?", [*params, limit])
    return [_entry(row) for row in rows]


def _entry(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        change_id=row["change_id"],
        action=row["action"],
        claim_id=row["claim_id"],
        actor=row["actor"],
        platform=row["platform"],
        at=row["at"],
        reason=row["reason"],
        table_name=row["table_name"],
        before=json.loads(row["before"]) if row["before"] else None,
        after=json.loads(row["after"]) if row["after"] else None,
        undone_by=row["undone_by"],
    )


def last_change(base: ClaimBase, actor: str) -> list[AuditEntry]:
    """The entries of this actor's most recent change that has not been undone (and is not
    itself an undo)."""
    row = base.conn.execute(
        "SELECT max(change_id) FROM audit WHERE actor = ? AND undone_by IS NULL "
        "AND action != 'undo'",
        [actor],
    ).fetchone()
    if not row or row[0] is None:
        return []
    rows = base.query("SELECT * FROM audit WHERE change_id = ? ORDER BY id", [row[0]])
    return [_entry(r) for r in rows]


def undo(base: ClaimBase, actor: str, platform: str) -> tuple[str, str | None] | None:
    """Revert the actor's last change. Returns (the action undone, its claim id), or None."""
    undone = last_change(base, actor)
    if not undone:
        return None
    first = undone[0]
    with change(
        base,
        action="undo",
        actor=actor,
        platform=platform,
        claim_id=first.claim_id,
        reason=f"undo of change {first.change_id} ({first.action})",
    ) as c:
        for entry in reversed(undone):
            key = json.loads(
                base.conn.execute("SELECT row_key FROM audit WHERE id = ?", [entry.id]).fetchone()[
                    0
                ]
            )
            if entry.before is None:  # the change added this row
                if entry.table_name == "claims":
                    c.update("claims", key, {"status": "retracted"})
                else:
                    c.delete(entry.table_name, key)
            elif entry.after is None:  # the change removed this row
                c.insert(entry.table_name, entry.before)
            else:
                columns = {k: v for k, v in entry.before.items() if k not in KEYS[entry.table_name]}
                c.update(entry.table_name, key, columns)
        base.conn.execute(
            "UPDATE audit SET undone_by = ? WHERE change_id = ?", [c.id, first.change_id]
        )
    return first.action, first.claim_id
