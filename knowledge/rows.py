"""A claim and its parts as rows of the claim base's tables, and back: the one place that
knows which column holds which field (:mod:`knowledge.store` reads and writes with these)."""

from __future__ import annotations

import json
from typing import Any

from knowledge.models import Claim, Source, Translation


def claim_row(claim: Claim, *, origin: str, stamp: str) -> dict[str, Any]:
    """A claim as a row of the ``claims`` table (without its sources and aliases)."""
    return {
        "id": claim.id,
        "claim": claim.claim,
        "title": claim.title,
        "claimant": claim.claimant,
        "claimant_role": claim.claimant_role,
        "claim_date": claim.claim_date,
        "appearance": claim.appearance,
        "verdict": claim.verdict,
        "rating": claim.rating,
        "summary": claim.summary,
        "review_url": claim.review_url,
        "review_date": claim.review_date,
        "publisher": claim.publisher,
        "language": claim.language,
        "status": claim.status,
        "origin": origin,
        "created_at": stamp,
        "updated_at": stamp,
    }


def source_row(claim_id: str, source: Source, position: int, stamp: str) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "position": position,
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "date": source.date,
        "supports": source.supports,
        "created_at": stamp,
    }


def translation_row(claim_id: str, translation: Translation, stamp: str) -> dict[str, Any]:
    notes = list(translation.source_notes)
    return {
        "claim_id": claim_id,
        "language": translation.language,
        "claim": translation.claim,
        "summary": translation.summary,
        "rating": translation.rating,
        "source_notes": json.dumps(notes, ensure_ascii=False) if any(notes) else None,
        "machine_drafted": int(translation.machine_drafted),
        "claimant": translation.claimant,
        "appearance": translation.appearance,
        "claimant_role": translation.claimant_role,
        "created_at": stamp,
        "updated_at": stamp,
    }


def translation_from_row(row: dict[str, Any]) -> Translation:
    notes = json.loads(row["source_notes"]) if row["source_notes"] else []
    return Translation(
        language=row["language"],
        claim=row["claim"],
        summary=row["summary"] or "",
        rating=row["rating"],
        source_notes=tuple(n if isinstance(n, str) and n else None for n in notes),
        machine_drafted=bool(row["machine_drafted"]),
        claimant=row["claimant"],
        appearance=row["appearance"],
        claimant_role=row["claimant_role"],
    )


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=row["id"],
        claim=row["claim"],
        verdict=row["verdict"],
        rating=row["rating"],
        summary=row["summary"] or "",
        title=row["title"],
        claimant=row["claimant"],
        claimant_role=row["claimant_role"],
        claim_date=row["claim_date"],
        appearance=row["appearance"],
        review_url=row["review_url"],
        review_date=row["review_date"],
        publisher=row["publisher"],
        language=row["language"],
        status=row["status"],
    )
