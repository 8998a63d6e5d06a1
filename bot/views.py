"""A claim as people are shown it: :class:`~bot.messages.ClaimView`, in the asker's language
where the fact-check has a translation into it, and the notes an answer carries about it (its
language, how the question differs from the fact-checks offered)."""

from __future__ import annotations

from bot.i18n import _, language_name, supported
from bot.i18n import current as _current_language
from bot.messages import ClaimView, SourceView
from knowledge import verdicts
from knowledge.matching import Match
from knowledge.matching.text import has_unspaced_script
from knowledge.models import Claim


def claim_view(claim: Claim, match: Match | None) -> ClaimView:
    """A claim as shown; ``match`` None when it was asked for by id, not matched to a question.

    In the asker's language where the fact-check has a translation into it; otherwise as it
    was published, with a one-line note saying so."""
    language = _current_language()
    original = claim.language or "en"
    translation = claim.translation(language) if language != original else None
    note = None
    if translation is not None:
        notes = translation.source_notes
        sources = tuple(
            SourceView(
                s.publisher,
                s.title,
                s.url,
                s.date,
                (notes[i] if i < len(notes) and notes[i] else None) or s.supports,
            )
            for i, s in enumerate(claim.sources)
        )
        if translation.machine_drafted:
            note = _(
                "This translation was drafted by a machine and has not yet been reviewed by a "
                "fact-checker."
            )
    else:
        sources = tuple(
            SourceView(s.publisher, s.title, s.url, s.date, s.supports) for s in claim.sources
        )
        if language != original and supported(original) != language:
            note = _(
                "There is no {language} version of this fact-check yet: here it is as it "
                "was published."
            ).format(language=language_name(language))
    return ClaimView(
        id=claim.id,
        claim=translation.claim if translation else claim.claim,
        claimant=claim.claimant,
        claim_date=claim.claim_date,
        appearance=claim.appearance,
        verdict=claim.verdict,
        verdict_label=verdicts.get(claim.verdict).label,
        rating=(translation.rating if translation else None) or claim.rating,
        summary=(translation.summary if translation else None) or claim.summary,
        review_url=claim.review_url,
        review_date=claim.review_date,
        publisher=claim.publisher,
        sources=sources,
        score=match.score if match else 1.0,
        negation_mismatch=match.negation_mismatch if match else False,
        matched=match is not None,
        translated=translation is not None,
        machine_drafted=bool(translation and translation.machine_drafted),
        language_note=note,
    )


def language_notes(view: ClaimView) -> tuple[str, ...]:
    """The line an answer carries about the language of the fact-check it shows."""
    return (view.language_note,) if view.language_note else ()


def context_notes(matches: tuple[Match, ...], normalised: str) -> list[str]:
    """What differs between the question and the fact-checks offered: the names and numbers
    it has that they lack, or that it names nothing they are about. (In scripts without
    spaces or letter case names cannot be read: there a paraphrase and another subject look
    alike, and nothing is said.)"""
    foreign = list(dict.fromkeys(word for m in matches for word in m.foreign))
    if any(m.unrelated for m in matches) and foreign:
        named = ", ".join(f"“{word}”" for word in foreign[:5])
        return [
            _(
                "Your message mentions {names}, and these fact-checks do not: they may be about "
                "something else."
            ).format(names=named)
        ]
    if any(m.unrelated or m.unanchored for m in matches) and not has_unspaced_script(normalised):
        return [_("These fact-checks may be about another place, person or event than yours.")]
    return []
