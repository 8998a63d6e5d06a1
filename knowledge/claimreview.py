"""schema.org ClaimReview JSON-LD → :class:`~knowledge.models.Claim` records.

Reads what Google's Fact Check Tools require and recommend: ``claimReviewed``,
``reviewRating`` (``alternateName`` is the textual verdict), ``url``, ``author``,
``datePublished``, ``itemReviewed`` (a Claim with ``author``, ``datePublished``,
``appearance``), plus ``citation`` (the sources) and Factbot's own ``factbot:aliases`` and
``factbot:translations`` (the review in other languages, each with its ``inLanguage``).
Input may be one object, a list, or a document with an ``@graph``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from knowledge import verdicts
from knowledge.models import Alias, Claim, Source, Translation

ALIASES_KEY = "factbot:aliases"
# The review in other languages: [{"inLanguage", "claimReviewed", "reviewBody",
# "reviewRating": {"alternateName"}, "citation": [{"text"}…] in source order,
# "factbot:machineDrafted"}].
TRANSLATIONS_KEY = "factbot:translations"
MACHINE_DRAFTED_KEY = "factbot:machineDrafted"
VERDICT_KEY = "factbot:verdict"  # our scale's key, so an export reads back the same
MAX_ID_LENGTH = 40
MAX_KEPT_ID = 200
STEM_LENGTH = 24
# An identifier kept as the claim's id as it is: printable, no spaces, no control characters.
_KEPT_ID = re.compile(rf"[^\s\x00-\x1f\x7f]{{1,{MAX_KEPT_ID}}}")


class ClaimReviewError(ValueError):
    """One review that cannot be imported, with the reason."""


def iter_reviews(document: Any) -> Iterator[dict[str, Any]]:
    """The ClaimReview objects in a JSON-LD document: one object, a list, or an @graph."""
    if isinstance(document, list):
        for item in document:
            yield from iter_reviews(item)
    elif isinstance(document, dict):
        if "@graph" in document:
            yield from iter_reviews(document["@graph"])
        elif _is_type(document, "ClaimReview"):
            yield document


def parse(document: Any) -> tuple[list[Claim], list[str]]:
    """All claims a document holds, and a reason for each review that could not be read."""
    claims: list[Claim] = []
    problems: list[str] = []
    for index, review in enumerate(iter_reviews(document)):
        try:
            claims.append(review_to_claim(review))
        except ClaimReviewError as error:
            problems.append(f"review {index + 1}: {error}")
    return claims, problems


def review_to_claim(review: dict[str, Any]) -> Claim:
    text = _text(review.get("claimReviewed"))
    if not text:
        raise ClaimReviewError("claimReviewed is missing")
    rating_obj = review.get("reviewRating") or {}
    if not isinstance(rating_obj, dict):
        raise ClaimReviewError("reviewRating is not an object")
    rating = _text(rating_obj.get("alternateName")) or _text(rating_obj.get("name"))
    if not rating:
        raise ClaimReviewError("reviewRating.alternateName (the textual rating) is missing")
    own = _text(review.get(VERDICT_KEY))
    verdict = (own if own in verdicts.BY_KEY else None) or verdicts.normalise_rating(rating)
    verdict = verdict or "other"
    item = review.get("itemReviewed") or {}
    if not isinstance(item, dict):
        item = {}
    url = _text(review.get("url"))
    sources = tuple(_source(c) for c in _as_list(review.get("citation")) if _source_ok(c))
    aliases = tuple(
        Alias(_text(a.get("text")) or "", _text(a.get("inLanguage")))
        for a in _as_list(review.get(ALIASES_KEY))
        if isinstance(a, dict) and _text(a.get("text"))
    )
    translations = tuple(
        t for t in (_translation(v) for v in _as_list(review.get(TRANSLATIONS_KEY))) if t
    )
    return Claim(
        id=make_id(_text(review.get("identifier")), url, text),
        claim=text,
        verdict=verdict,
        rating=rating,
        summary=_text(review.get("reviewBody")) or _text(review.get("description")) or "",
        title=_text(review.get("name")) or _text(review.get("headline")),
        claimant=_name(item.get("author")),
        claimant_role=_role(item.get("author")),
        claim_date=_text(item.get("datePublished")),
        appearance=_appearance(item.get("appearance") or item.get("firstAppearance")),
        review_url=url,
        review_date=_text(review.get("datePublished")),
        publisher=_name(review.get("author")) or _name(review.get("publisher")),
        language=_language(review.get("inLanguage")),
        sources=sources,
        aliases=aliases,
        translations=translations,
    )


def _translation(value: Any) -> Translation | None:
    """One entry of ``factbot:translations``; None when it lacks a language or a claim."""
    if not isinstance(value, dict):
        return None
    language = _language(value.get("inLanguage"))
    text = _text(value.get("claimReviewed"))
    if not language or not text:
        return None
    rating = value.get("reviewRating")
    notes = tuple(
        (_text(c.get("text")) if isinstance(c, dict) else None)
        for c in _as_list(value.get("citation"))
    )
    item = value.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    return Translation(
        language=language,
        claim=text,
        summary=_text(value.get("reviewBody")) or "",
        rating=_text(rating.get("alternateName")) if isinstance(rating, dict) else None,
        source_notes=notes,
        machine_drafted=value.get(MACHINE_DRAFTED_KEY) is True,
        claimant=_name(item.get("author")),
        appearance=_appearance(item.get("appearance")),
        claimant_role=_role(item.get("author")),
    )


def translation_to_claimreview(translation: Translation) -> dict[str, Any]:
    """A translation as an entry of ``factbot:translations`` (read back the same)."""
    entry: dict[str, Any] = {
        "inLanguage": translation.language,
        "claimReviewed": translation.claim,
    }
    if translation.summary:
        entry["reviewBody"] = translation.summary
    if translation.rating:
        entry["reviewRating"] = {"@type": "Rating", "alternateName": translation.rating}
    if any(translation.source_notes):
        entry["citation"] = [
            {"@type": "CreativeWork", **({"text": note} if note else {})}
            for note in translation.source_notes
        ]
    item: dict[str, Any] = {}
    if translation.claimant or translation.claimant_role:
        item["author"] = _author(translation.claimant, translation.claimant_role)
    if translation.appearance:
        item["appearance"] = _appearances(translation.appearance)
    if item:
        entry["itemReviewed"] = {"@type": "Claim", **item}
    if translation.machine_drafted:
        entry[MACHINE_DRAFTED_KEY] = True
    return entry


def make_id(identifier: str | None, url: str | None, text: str) -> str:
    """A stable claim id: the review's identifier, else a short one made from its URL or text.

    An identifier that is already a usable id (no spaces, at most ``MAX_KEPT_ID`` characters)
    is kept exactly, so every id survives an export and import; any other is slugged. A made
    id is a few words and seven hex digits of a hash, e.g. ``drinking-hot-water-cures-0cb4b23``:
    short enough to type after /show."""
    if identifier:
        identifier = identifier.strip()
        if _KEPT_ID.fullmatch(identifier):
            return identifier
        slug = _slug(identifier)
        if slug and len(slug) <= MAX_ID_LENGTH:
            return slug
    basis = url or text
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:7]
    stem = _short_stem(_slug(url.rstrip("/").rsplit("/", 1)[-1] if url else text))
    return f"{stem}-{digest}" if stem else digest


def _short_stem(slug: str) -> str:
    """The slug's first words, cut at a word's end to at most ``STEM_LENGTH`` characters."""
    words: list[str] = []
    for word in slug.split("-"):
        if len("-".join([*words, word])) > STEM_LENGTH:
            break
        words.append(word)
    return "-".join(words) or slug[:STEM_LENGTH].strip("-")


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _is_type(obj: dict[str, Any], name: str) -> bool:
    kind = obj.get("@type")
    return name in kind if isinstance(kind, list) else kind == name


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _role(value: Any) -> str | None:
    """What the one author is (schema.org's ``jobTitle``): "Myanmar junta leader". None for
    several authors, whose roles would not say whose is whose."""
    if isinstance(value, list):
        return _role(value[0]) if len(value) == 1 else None
    if isinstance(value, dict):
        return _text(value.get("jobTitle"))
    return None


def _author(name: str | None, role: str | None) -> dict[str, Any]:
    """Who made the claim, as ClaimReview's ``itemReviewed.author``."""
    author: dict[str, Any] = {"@type": "Person"}
    if name:
        author["name"] = name
    if role:
        author["jobTitle"] = role
    return author


def _appearance(value: Any) -> str | None:
    """Where the claim appeared, as text: each appearance's name and its URL (the URLs are
    how a link someone sends is matched, see knowledge.links), joined with "; "."""
    parts = []
    for item in _as_list(value):
        if isinstance(item, dict):
            parts.append(_text(item.get("name")) or _text(item.get("headline")))
            parts.append(_text(item.get("url")))
        else:
            parts.append(_text(item))
    return "; ".join(dict.fromkeys(p for p in parts if p)) or None


def _appearances(appearance: str) -> dict[str, Any] | list[dict[str, Any]]:
    """``appearance`` text as ClaimReview appearances: a web address as its ``url``."""
    parts = [p.strip() for p in appearance.split("; ") if p.strip()]
    if not any(_WEB.fullmatch(p) for p in parts):
        return {"@type": "CreativeWork", "name": appearance}
    return [
        {"@type": "CreativeWork", "url": p}
        if _WEB.fullmatch(p)
        else {"@type": "CreativeWork", "name": p}
        for p in parts
    ]


_WEB = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


def _source_ok(citation: Any) -> bool:
    if isinstance(citation, str):
        return bool(_text(citation))
    if isinstance(citation, dict):
        publisher = _name(citation.get("publisher") or citation.get("author"))
        return bool(publisher or _text(citation.get("url")))
    return False


def _source(citation: Any) -> Source:
    if isinstance(citation, str):  # a bare URL
        return Source(publisher=_host(citation), url=citation)
    url = _text(citation.get("url"))
    publisher = _name(citation.get("publisher") or citation.get("author")) or _host(url or "")
    return Source(
        publisher=publisher,
        title=_text(citation.get("name")) or _text(citation.get("headline")),
        url=url,
        date=_text(citation.get("datePublished")),
        supports=_text(citation.get("text")) or _text(citation.get("description")),
    )


def _host(url: str) -> str:
    match = re.match(r"(?:[a-z]+://)?(?:www\.)?([^/]+)", url)
    return match.group(1) if match else url


def to_claimreview(claim: Claim) -> dict[str, Any]:
    """One claim as a ClaimReview object that :func:`review_to_claim` reads back the same."""
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.claim,
        "reviewRating": {"@type": "Rating", "alternateName": claim.rating},
        "reviewBody": claim.summary,
        VERDICT_KEY: claim.verdict,
    }
    if claim.title:
        review["name"] = claim.title
    if claim.review_url:
        review["url"] = claim.review_url
    if claim.review_date:
        review["datePublished"] = claim.review_date
    if claim.publisher:
        review["author"] = {"@type": "Organization", "name": claim.publisher}
    if claim.language:
        review["inLanguage"] = claim.language
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant or claim.claimant_role:
        item["author"] = _author(claim.claimant, claim.claimant_role)
    if claim.claim_date:
        item["datePublished"] = claim.claim_date
    if claim.appearance:
        item["appearance"] = _appearances(claim.appearance)
    review["itemReviewed"] = item
    citations = []
    for source in claim.sources:
        cite: dict[str, Any] = {
            "@type": "CreativeWork",
            "publisher": {"@type": "Organization", "name": source.publisher},
        }
        for key, value in (
            ("name", source.title),
            ("url", source.url),
            ("datePublished", source.date),
            ("text", source.supports),
        ):
            if value:
                cite[key] = value
        citations.append(cite)
    if citations:
        review["citation"] = citations
    if claim.aliases:
        review[ALIASES_KEY] = [
            {"text": a.text, **({"inLanguage": a.language} if a.language else {})}
            for a in claim.aliases
        ]
    if claim.translations:
        review[TRANSLATIONS_KEY] = [translation_to_claimreview(t) for t in claim.translations]
    return review
