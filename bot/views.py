"""A claim as people are shown it: :class:`~bot.messages.ClaimView`, in the asker's language
where the fact-check has a translation into it; the reply to a question built from what
matching decided, with the notes it carries (the fact-check's language, how the question
differs from the fact-checks offered); and a notification's reply."""

from __future__ import annotations

import re

from bot.i18n import N_, _, language_name, supported, use_language
from bot.i18n import current as _current_language
from bot.messages import ClaimView, Reply, ReplyKind, SourceView
from bot.present import label_for
from knowledge import verdicts
from knowledge.matching import Match, MatchResult, MatchSettings
from knowledge.matching.text import STOPWORDS, has_unspaced_script, word_count
from knowledge.models import Claim, Decision


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
        claimant=(translation.claimant if translation else None) or claim.claimant,
        claimant_role=(translation.claimant_role if translation else None) or claim.claimant_role,
        claim_date=claim.claim_date,
        appearance=(translation.appearance if translation else None) or claim.appearance,
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
        by_meaning=match.by_meaning if match else False,
        matched=match is not None,
        translated=translation is not None,
        machine_drafted=bool(translation and translation.machine_drafted),
        language_note=note,
    )


def language_notes(view: ClaimView) -> tuple[str, ...]:
    """The line an answer carries about the language of the fact-check it shows."""
    return (view.language_note,) if view.language_note else ()


def context_notes(matches: tuple[Match, ...], normalised: str, asked: str = "") -> list[str]:
    """What differs between the question and the fact-checks offered: the names and numbers
    it has that they all lack (in Chinese, the words it has in their place that are no ordinary
    words), that it names nothing they are about, that it asks for a fact rather than whether
    a claim holds (:attr:`Match.asks_open`), or the words it puts where the best has a
    central word (:attr:`Match.replaced`: "soldiers" for "protesters"). (In Burmese, the
    word a question adds that may be a name, as a dictionary reads it, is quoted as written:
    knowledge.matching.burmese_words; so is one in place of the claim's words, where it is no
    verb worded anew or the question drops a word of content of the claim's for it.) The
    names are quoted as the question ``asked`` writes them (:func:`names_as_written`)."""
    # The names every offered claim lacks: one only the second lacks is no difference from the
    # first ("၂၀၂၀" offered the election-fraud check, whose texts hold the year, and the paid
    # check, whose texts do not).
    read = [m.foreign_as_written for m in matches if m.context is not None]
    common = [w for w in dict.fromkeys(read[0]) if all(w in f for f in read[1:])] if read else []
    foreign = names_as_written(common, asked)
    if not (foreign and any(m.unrelated for m in matches)):
        # The words no offered claim holds: each unanchored one's unread words, in common.
        unread = [m.unread_names for m in matches if m.unanchored]
        foreign = (
            [w for w in dict.fromkeys(unread[0]) if all(w in u for u in unread)] if unread else []
        )
    if not foreign:  # a word the model reads as another subject in the claim's place
        foreign = list(dict.fromkeys(m.left_out for m in matches if m.left_out))
    if foreign:
        named = ", ".join(f"“{word}”" for word in foreign[:5])
        sides = {side for m in matches for side in m.sides}
        put = {word.casefold() for word, _theirs in matches[0].replaced} if matches else set()
        if put and all(w.casefold() in put for w in foreign):
            # Where they stand in the place of the claim's own word, that is what differs.
            return _replaced_note(matches[0])
        if all(word in sides for word in foreign):
            # The claim names them (who made it, whom its doers act on), never as its doer.
            return [
                _(
                    "Your message has {names} doing it; in the claims checked, someone else "
                    "does: they may be about something else."
                ).format(names=named)
            ]
        return [
            _(
                "Your message mentions {names}, and the claims checked do not: they may be about "
                "something else."
            ).format(names=named)
        ]
    if matches and matches[0].asked_speaker:  # "Did Myanmar's election commission say…?"
        return [
            _(
                "Your message asks what “{speaker}” said; these fact-checks rate what someone "
                "else said, so they may not answer it."
            ).format(speaker=matches[0].asked_speaker)
        ]
    if any(m.unrelated or m.unanchored for m in matches) and not has_unspaced_script(normalised):
        return [_("These fact-checks may be about another place, person or event than yours.")]
    if matches and matches[0].asks_open:  # "who won the 2020 election in Myanmar?"
        return [
            _(
                "Your message asks for a fact (who, what, when, how many); a fact-check rates "
                "a claim, so these may not answer it."
            )
        ]
    # The claim's doers in another role (feeling the fear it says they cause, paying): said
    # before the words lined up in the place of its own, as it says what differs ("боятся"
    # was paired with "намеренно").
    if matches and (role := matches[0].other_role) is not None:
        return [_(_ROLE_NOTES[role.kind]).format(doer=role.doer, word=role.word)]
    if matches and matches[0].replaced:  # another doer or deed where the claim has its own
        return _replaced_note(matches[0])
    if matches and (unnamed := matches[0].unnamed) is not None:
        kind, word = unnamed
        return [_(_UNNAMED_NOTES[kind]).format(word=word)]
    if matches and (added := matches[0].added) is not None:  # "were the officials paid…?"
        return [
            _(
                "Your message speaks of a payment (“{word}”), and these fact-checks do not: "
                "they may be about something else."
            ).format(word=added[1])
        ]
    return []


# What a note says of the claim's doers in another role (knowledge.matching.roles), by kind.
_ROLE_NOTES = {
    # "are the protesters in Myanmar afraid of the army?"
    "feels": N_(
        "Your message has “{doer}” feeling fear (“{word}”); these fact-checks say they cause "
        "it: they may be about something else."
    ),
    # "did the protesters in Myanmar fund terrorism?"
    "pays": N_(
        "Your message has “{doer}” paying (“{word}”); these fact-checks say they are paid: "
        "they may be about something else."
    ),
}
# What a note says of a class of words the claim asserts in and the message names none of
# (knowledge.matching.predicates), by the class's name.
_UNNAMED_NOTES = {
    # "are the protesters carrying out attacks?"
    "payment": N_(
        "These fact-checks say “{word}”, and your message names no payment: they may be about "
        "something else."
    ),
    # "did people in Myanmar vote in the 2020 election?"
    "fraud": N_(
        "These fact-checks say “{word}”, and your message says nothing of fraud or whether the "
        "vote was fair: they may be about something else."
    ),
}


def _replaced_note(best: Match) -> list[str]:
    """The words a question puts where the best claim has its own (:attr:`Match.replaced`)."""
    put = dict.fromkeys(word for word, _theirs in best.replaced)
    theirs = dict.fromkeys(their for _word, their in best.replaced)
    return [
        _(
            "Your message says {words} where these fact-checks say {theirs}: they may be "
            "about someone or something else."
        ).format(
            words=", ".join(f"“{w}”" for w in list(put)[:3]),
            theirs=", ".join(f"“{w}”" for w in list(theirs)[:3]),
        )
    ]


# What may stand between two words of one name, written side by side: spaces, or one more
# capitalised word ("Min" of "Zaw Min Tun", a word the claim's own speaker's name holds too).
_WITHIN_A_NAME = re.compile(r"\s+(?:[^\W\d_][\w'’-]*\s+)?")


def names_as_written(words: list[str], asked: str) -> list[str]:
    """``words`` (what a question names that the claims lack, each as written) in the order
    ``asked`` writes them, those written side by side in it, or around one more capitalised
    word, quoted as the one name they are ("Zaw Min Tun", not "Tun", "Zaw"). A word ``asked``
    does not hold as it is (a number read from its words) stays as it is, after the rest."""
    found: list[tuple[int, int]] = []
    rest: list[str] = []
    for word in words:
        at = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", asked) if asked else None
        if at is None:
            rest.append(word)
        else:
            found.append(at.span())
    spans: list[list[int]] = []
    for start, end in sorted(set(found)):
        if spans and _one_name(asked, spans[-1], start):
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for span in spans:
        # The capitalised word right before a name, no common word, is its first ("Hong" of
        # "Hong Kong", "Sri" of "Sri Lanka": opening a sentence, it was not read as a name).
        before = _WORD_BEFORE.search(asked, 0, span[0]) if asked[span[0]].isupper() else None
        if before is not None and before.group(1).casefold() not in STOPWORDS:
            span[0] = before.start(1)
    # Each once, however it is cased ("Sri Lanka", and the place "sri lanka")
    named: dict[str, str] = {}
    for name in [*(asked[a:b] for a, b in spans), *rest]:
        named.setdefault(name.casefold(), name)
    return list(named.values())


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")


def _one_name(asked: str, span: list[int], start: int) -> bool:
    """Whether the word at ``start`` of ``asked`` goes on the name at ``span``: it overlaps
    it, or both are words (no numbers) with only spaces, or one more capitalised word,
    between them."""
    if start < span[1]:
        return True
    between = asked[span[1] : start]
    middle = between.strip()
    return (
        asked[span[0]].isalpha()
        and asked[start].isalpha()
        and _WITHIN_A_NAME.fullmatch(between) is not None
        and (not middle or middle[0].isupper())
    )


def match_reply(result: MatchResult, claims: dict[str, Claim], settings: MatchSettings) -> Reply:
    """The reply to a question, from what matching decided (``claims``: the matched ones, by id)."""
    notes: list[str] = []
    if result.truncated:
        notes.append(
            _("Your message was long: I checked its first {count} characters.").format(
                count=f"{settings.max_query_chars:,}"
            )
        )
    views = tuple(claim_view(claims[m.claim_id], m) for m in result.matches)
    if any(v.negation_mismatch for v in views):
        notes.append(
            _(
                "Careful: your message says “not” where the claim as checked does not (or "
                "the other way round): the verdict is about the claim exactly as quoted."
            )
        )
    if result.decision == Decision.SUGGEST:
        notes.extend(context_notes(result.matches, result.normalised, result.query))
        if any(m.disputed for m in result.matches):
            notes.append(
                _(
                    "These fact-checks are of nearly the same statement and reached different "
                    "verdicts: compare them before you rely on one."
                )
            )
    if result.decision == Decision.ANSWER and views:
        return Reply(
            ReplyKind.ANSWER,
            query=result.query,
            decision=Decision.ANSWER,
            matches=views,
            notes=(*notes, *language_notes(views[0])),
        )
    if result.decision == Decision.SUGGEST and views:
        if word_count(result.normalised) < settings.min_answer_words:
            notes.append(_("Your question is short, so I can't be sure which claim you mean."))
        return Reply(
            ReplyKind.SUGGEST,
            _("I'm not sure which claim you mean. Is it one of these?"),
            query=result.query,
            decision=Decision.SUGGEST,
            matches=views,
            notes=tuple(notes),
        )
    return Reply(
        ReplyKind.NONE,
        _(
            "I found no fact-check for that yet, so I've passed it to the fact-checkers. "
            "Send /notify to be told when it's checked, or try the claim's key names and "
            "words."
        ),
        query=result.query,
        decision=Decision.NONE,
        notes=tuple(notes),
    )


def notice_reply(
    claim: Claim, language: str, kind: str, question: str | None, old_verdict: str | None
) -> Reply:
    """A notification: the question a person asked has now been checked (``kind``
    "checked"), or the verdict on a claim they were told about changed."""
    with use_language(language):
        view = claim_view(claim, None)
        if kind == "checked":
            header = _("You asked: “{question}” — it has now been checked.").format(
                question=(question or "")[:200]
            )
        else:
            header = _(
                "Update: the verdict on a claim I told you about changed from {old} to {new}."
            ).format(old=label_for(old_verdict or "other"), new=label_for(view.verdict))
    return Reply(
        ReplyKind.ANSWER,
        query=question or claim.claim,
        decision=Decision.ANSWER,
        matches=(view,),
        notes=(header, *language_notes(view)),
        language=language,
    )
