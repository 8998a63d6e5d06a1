"""Size limits on what enters the claim base, whichever way it comes (a moderator's /add, a
ClaimReview, CSV or TSV import): a fact-check is read by people in a chat message, and one
oversized field (a 200 MB ``claimReviewed``) would make every later question slow.

:func:`claim_problem` says what is wrong with a claim, in words for the person importing it.
"""

from __future__ import annotations

from knowledge.models import Claim

# Characters per field of a claim.
MAX_CHARS = {
    "id": 200,
    "claim": 2_000,
    "summary": 10_000,
    "title": 1_000,
    "claimant": 500,
    "claimant_role": 500,
    "rating": 200,
    "appearance": 2_000,
    "review_url": 2_000,
    "publisher": 500,
    "language": 35,
    "claim_date": 40,
    "review_date": 40,
}
MAX_SOURCE_CHARS = {"publisher": 500, "title": 1_000, "url": 2_000, "date": 40, "supports": 5_000}
MAX_SOURCES = 50
MAX_ALIASES = 200
MAX_ALIAS_CHARS = 2_000
# A CSV or TSV field longer than this rejects its row (Python's csv default field limit).
MAX_CSV_FIELD = 131_072
# Import files: JSON and CSV are read whole, so they are kept smaller than the streamed TSV.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024


def too_long(what: str, value: str | None, limit: int) -> str | None:
    if value is not None and len(value) > limit:
        return f"{what} is {len(value):,} characters, over the limit of {limit:,}"
    return None


def claim_problem(claim: Claim) -> str | None:
    """Why this claim is too big to store, or None."""
    for name, limit in MAX_CHARS.items():
        problem = too_long(name, getattr(claim, name), limit)
        if problem:
            return problem
    if len(claim.sources) > MAX_SOURCES:
        return f"{len(claim.sources)} sources, over the limit of {MAX_SOURCES}"
    if len(claim.aliases) > MAX_ALIASES:
        return f"{len(claim.aliases)} aliases, over the limit of {MAX_ALIASES}"
    for source in claim.sources:
        for name, limit in MAX_SOURCE_CHARS.items():
            problem = too_long(f"a source's {name}", getattr(source, name), limit)
            if problem:
                return problem
    for alias in claim.aliases:
        problem = too_long("an alias", alias.text, MAX_ALIAS_CHARS)
        if problem:
            return problem
    return None
