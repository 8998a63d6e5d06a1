"""Recorded changes as a moderator reads them (/history): audit entries gathered by the change
they belong to, one line each."""

from __future__ import annotations

import json

from knowledge import audit


def _detail(entry: audit.AuditEntry) -> str:
    """What one audit entry changed, without its action: fields before → after, or the text
    or publisher of a row added."""
    if entry.before and entry.after:
        changed = [k for k in entry.after if entry.before.get(k) != entry.after.get(k)]
        return "; ".join(
            f"{k} {json.dumps(entry.before.get(k), ensure_ascii=False)[:60]} → "
            f"{json.dumps(entry.after.get(k), ensure_ascii=False)[:60]}"
            for k in changed
            if k != "updated_at"
        )
    if entry.after and entry.table_name != "claims":
        return str(entry.after.get("text") or entry.after.get("publisher") or "")[:80]
    return ""


def group_changes(entries: list[audit.AuditEntry]) -> list[list[audit.AuditEntry]]:
    """Audit entries (newest first) gathered by the change they belong to: a claim added with
    its sources and aliases is one change, written as several rows."""
    changes: dict[int, list[audit.AuditEntry]] = {}
    for entry in entries:
        changes.setdefault(entry.change_id, []).append(entry)
    return list(changes.values())


def describe_change(entries: list[audit.AuditEntry]) -> str:
    """One line for one change: when, who, what (fields before → after, the text added)."""
    first = entries[0]
    what = first.action
    if what == "add" and len(entries) > 1:
        # A new claim: its rows of sources and aliases are counted, not listed.
        counts = {"sources": 0, "aliases": 0}
        for entry in entries:
            if entry.table_name in counts:
                counts[entry.table_name] += 1
        parts = [
            f"{n} {name if n != 1 else name.removesuffix('es' if name == 'aliases' else 's')}"
            for name, n in counts.items()
            if n
        ]
        details = [f"with {', '.join(parts)}"] if parts else []
    else:
        ordered = sorted(entries, key=lambda e: e.id)
        details = [d for d in (_detail(e) for e in ordered) if d]
    if details:
        what += ": " + "; ".join(details)
    line = f"{first.at} {first.actor} — {what}"
    if first.reason:
        line += f" (reason: {first.reason})"
    if any(e.undone_by for e in entries):
        line += " [undone]"
    return line
