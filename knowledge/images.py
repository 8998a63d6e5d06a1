"""Known images: the perceptual hashes moderators attached to fact-checks (``claim_images``).

A hash is 64 bits written as 16 hex digits (imagehash's DCT hash). Two pictures are the same
when their hashes differ in at most ``max_distance`` bits; the incoming picture brings a few
hashes (the whole picture and crops of it, see ``bot.images``), and the nearest wins.
"""

from __future__ import annotations

from knowledge.store import ClaimBase


def distance(a: str, b: str) -> int:
    """Bits that differ between two hex hashes (64 when they cannot be compared)."""
    try:
        return (int(a, 16) ^ int(b, 16)).bit_count()
    except ValueError:
        return 64


def claims_for_image(
    base: ClaimBase, hashes: tuple[str, ...], max_distance: int
) -> list[tuple[str, int]]:
    """Published fact-checks with an image within ``max_distance`` bits of any of these
    hashes: (claim id, distance), nearest first."""
    if not hashes:
        return []
    rows = base.conn.execute(
        "SELECT i.claim_id, i.phash FROM claim_images AS i "
        "JOIN claims AS c ON c.id = i.claim_id AND c.status = 'published'"
    )
    best: dict[str, int] = {}
    for claim_id, known in rows:
        near = min(distance(known, h) for h in hashes)
        if near <= max_distance and near < best.get(claim_id, 65):
            best[claim_id] = near
    return sorted(best.items(), key=lambda item: (item[1], item[0]))
