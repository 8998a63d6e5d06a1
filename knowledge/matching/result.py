"""What matching a question gives back: the scored claims and the decision."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.matching.context import Comparison
from knowledge.matching.roles import Role
from knowledge.models import Decision


@dataclass(frozen=True, slots=True)
class Match:
    claim_id: str
    score: float
    matched_text: str  # the phrasing of the claim that matched best
    negation_mismatch: bool = False
    # How the question stands to the claim's context (knowledge.matching.context): compared
    # for the best candidate and those that may be suggested, None for the others.
    context: Comparison | None = None
    # Another of the best candidates checks nearly the same statement and gave another verdict
    # (set on both): neither is answered alone (knowledge.matching.decide.disputes).
    disputed: bool = False
    # Offered because the semantic model reads the question as this claim, where its words
    # (characters, in a script written without spaces) did not (Matcher._offered_by_meaning;
    # beside the words' best, matcher._beside_nearest): its score says nothing of how close
    # the claim is.
    by_meaning: bool = False
    # Offered, not answered, because the semantic model reads the question closer to this
    # claim without this word of it, which the claim's context lacks: another subject in the
    # claim's place ("census" for "election"; Matcher._another_subject).
    left_out: str | None = None

    @property
    def foreign(self) -> tuple[str, ...]:
        """The names and numbers of the question that the claim's context lacks."""
        return self.context.foreign if self.context else ()

    @property
    def foreign_as_written(self) -> tuple[str, ...]:
        """:attr:`foreign`, its numbers as the question writes them ("11 million")."""
        return self.context.foreign_as_written if self.context else ()

    @property
    def sides(self) -> tuple[str, ...]:
        """Of :attr:`foreign`, the claimant's own side put as who did it
        (:attr:`Comparison.sides`)."""
        return self.context.sides if self.context else ()

    @property
    def unread_names(self) -> tuple[str, ...]:
        """In Chinese, the words the question has in place of the claim's that are no
        ordinary words, so may be names (knowledge.matching.names.chinese_names)."""
        return self.context.unread_names if self.context else ()

    @property
    def unrelated(self) -> bool:
        """The question names something else, and nothing the claim is about."""
        return self.context is not None and self.context.unrelated

    @property
    def unanchored(self) -> bool:
        """The question names nothing the claim is about, and speaks of something else."""
        return self.context is not None and self.context.unanchored

    @property
    def anchored(self) -> bool:
        """The question names what the claim is about."""
        return self.context is not None and self.context.anchored

    @property
    def named(self) -> bool:
        """The question names what the claim is about, or who made it."""
        return self.context is not None and (self.context.anchored or self.context.speaker)

    def shares_fewer(self, words: int) -> bool:
        """The question shares fewer than ``words`` of its words (or numbers) with the claim's
        subject, in any form (counted in scripts with letter case only)."""
        echoed = self.context.echoed if self.context else None
        return echoed is not None and echoed < words

    @property
    def shares_no_word(self) -> bool:
        """A Burmese question shares less than a word of content with the claim."""
        return self.context is not None and self.context.shares_no_word

    def shares_too_little(self, words: int) -> bool:
        """Too little in common with the claim to be about it: fewer than ``words`` of the
        question's words (:meth:`shares_fewer`, scripts with letter case) or, in Burmese, less
        than a word (:attr:`shares_no_word`). Chinese is not counted here."""
        return self.shares_fewer(words) or self.shares_no_word

    @property
    def replaced(self) -> tuple[tuple[str, str], ...]:
        """Words of the question standing where the claim has a central word
        (:attr:`Comparison.replaced`)."""
        return self.context.replaced if self.context else ()

    @property
    def unnamed(self) -> tuple[str, str] | None:
        """The class of words the claim asserts in (paying, fraud) and its word of it, where
        the question names none of it (:attr:`Comparison.unnamed`)."""
        return self.context.unnamed if self.context else None

    @property
    def added(self) -> tuple[str, str] | None:
        """The payment a short question names and none of the claim's texts holds, and the
        question's word of it (:attr:`Comparison.added`)."""
        return self.context.added if self.context else None

    @property
    def misfits(self) -> bool:
        """The question names no payment or fraud the claim asserts, puts another word in
        the place of its own, or gives its doers another role: whatever its words share, it
        is asked of something else than this claim (:attr:`unnamed`, :attr:`replaced`,
        :attr:`other_role`)."""
        return bool(self.unnamed or self.replaced or self.other_role)

    @property
    def speaks_of_another(self) -> bool:
        """Whether the question speaks of something the claim does not: a name, place, year
        or doer its context lacks, a negation, a fact asked for, a check that disagrees,
        another word where its first central word stands, another deed of its doers where it
        says what they do, no payment or fraud where it says one, a payment where it says
        none, its doers in another role (feeling the fear it says they cause, paying), or
        nothing of what it says."""
        return (
            bool(self.foreign)
            or self.unrelated
            or self.unanchored
            or self.names_only
            or self.asks_open
            or self.negation_mismatch
            or self.disputed
            or self.opening_replaced
            or self.other_deed
            or self.unnamed is not None
            or self.added is not None
            or self.other_role is not None
            or self.topic_only
        )

    @property
    def other_role(self) -> Role | None:
        """One of the claim's doers in another role than it gives them: feeling the fear it
        says they cause, paying where it says they are paid (:attr:`Comparison.other_role`)."""
        return self.context.other_role if self.context else None

    @property
    def asked_speaker(self) -> str:
        """Whom the question asks whether they said something, where that is not who made
        the claim (:attr:`Comparison.asked_speaker`); empty otherwise."""
        return self.context.asked_speaker if self.context else ""

    @property
    def topic_only(self) -> bool:
        """The question names what the claim is about and nothing it says of it
        (:attr:`Comparison.topic_only`)."""
        return self.context is not None and self.context.topic_only

    @property
    def opening_replaced(self) -> bool:
        """A word of the question stands where the claim's closest phrasing has its first
        central word (:attr:`Comparison.opening_replaced`)."""
        return self.context is not None and self.context.opening_replaced

    @property
    def other_deed(self) -> bool:
        """Another deed of the claim's doers where it says what they do
        (:attr:`Comparison.other_deed`)."""
        return self.context is not None and self.context.other_deed

    @property
    def asks_open(self) -> bool:
        """The question asks for a fact (who won, what happened), not whether a statement
        holds (:attr:`Comparison.asks_open`)."""
        return self.context is not None and self.context.asks_open

    @property
    def setting_only(self) -> bool:
        """All the question shares with the claim is where it is set, and it says something
        else (:attr:`Comparison.setting_only`): no suggestion."""
        return self.context is not None and self.context.setting_only

    @property
    def names_only(self) -> bool:
        """All the question shares with the claim is names."""
        return self.context is not None and self.context.names_only


@dataclass(frozen=True, slots=True)
class MatchResult:
    query: str
    normalised: str
    decision: Decision
    matches: tuple[Match, ...]  # best first; for ``answer`` the answer, for ``suggest`` the picks
    ranked: tuple[Match, ...] = field(default=())  # every scored candidate, best first
    truncated: bool = False
    # The answer model's inputs for the best candidate (ANSWER_FEATURES order) and its output,
    # when it applies.
    features: tuple[float, ...] = ()
    confidence: float | None = None
    embedded: bool = False  # the semantic model was asked (see Matcher.words_suffice)
