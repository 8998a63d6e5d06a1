"""Fact-checks in several languages: the built-in ones in Burmese, Chinese and Russian
(machine-drafted, marked so), answers in the asker's language or the original with a note,
/translate audited and undoable, and translations carried by import and export."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.core import Core
from bot.messages import Incoming, ReplyKind
from knowledge import interchange
from knowledge.desk import Actor
from knowledge.store import ClaimBase

PAID = "mm-protesters-paid"
QUESTION = "Were the Myanmar protesters paid terrorists?"
# The same question as each language writes it (the built-in aliases): the answer is in the
# language a question is written in.
QUESTIONS = {
    "en": QUESTION,
    "my": "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",
    "zh": "缅甸抗议者是收钱的恐怖分子吗",
    "ru": "Протестующим в Мьянме платят за теракты?",
}
MOD = "telegram:1"


def asker(text: str, hint: str | None, user: str = "7") -> Incoming:
    return Incoming("telegram", user, user, text, language_hint=hint)


def moderator(text: str) -> Incoming:
    return Incoming("telegram", "1", "1", text)


def moderated(base: ClaimBase) -> Core:
    bot = Core(base)
    bot.desk.roles.grant("telegram", "1", Actor("cli", "admin"))
    return bot


def test_every_built_in_fact_check_has_machine_drafted_burmese_chinese_and_russian(
    base: ClaimBase,
) -> None:
    for claim in base.list_claims():
        assert claim.language == "en"
        languages = {t.language for t in claim.translations}
        assert languages == {"my", "zh", "ru"}, claim.id
        for translation in claim.translations:
            assert translation.claim and translation.summary, (claim.id, translation.language)
            assert translation.machine_drafted
            assert translation.claim != claim.claim


def test_an_answer_is_in_the_askers_language_with_a_note_that_it_is_machine_drafted(
    bot: Core,
) -> None:
    reply = bot.handle(asker(QUESTIONS["ru"], "ru"))
    assert reply is not None and reply.kind == ReplyKind.ANSWER and reply.language == "ru"
    view = reply.matches[0]
    assert view.translated and view.machine_drafted
    assert view.claim.startswith("Те, кто непосредственно совершает")
    assert view.summary.startswith("Ложь:")
    assert any("сделан машиной" in note for note in reply.notes)
    english = bot.handle(asker(QUESTIONS["en"], "en", user="8"))
    assert english is not None and english.matches[0].claim.startswith("[T]hose who")
    assert not english.matches[0].translated and not english.matches[0].language_note


def test_without_a_translation_the_original_is_shown_with_a_one_line_note(base: ClaimBase) -> None:
    base.db.execute("DELETE FROM claim_translations WHERE language = 'zh'")
    bot = Core(base)
    reply = bot.handle(asker(QUESTIONS["zh"], "zh"))
    assert reply is not None and reply.language == "zh"
    assert reply.matches[0].claim.startswith("[T]hose who")
    assert reply.notes[-1] == "这条事实核查还没有中文 (简体)版本：以下是它发布时的原文。"


def test_translate_adds_replaces_is_audited_and_undone(base: ClaimBase) -> None:
    bot = moderated(base)
    reply = bot.handle(
        moderator(
            f"/translate {PAID} ru\nclaim: Нападающие работают за деньги.\n"
            "summary: Ложь: протесты были мирными.\nverdict: Ложь\n"
            "note 2: AAPP насчитала 883 погибших."
        )
    )
    assert reply is not None and reply.kind == ReplyKind.TEXT, reply
    assert "/undo" in reply.text
    translation = bot.base.get(PAID).translation("ru")  # type: ignore[union-attr]
    assert translation is not None and not translation.machine_drafted
    assert translation.claim == "Нападающие работают за деньги."
    assert translation.source_notes == (None, "AAPP насчитала 883 погибших.")
    card = bot.handle(asker(QUESTIONS["ru"], "ru"))
    assert card is not None
    view = card.matches[0]
    assert view.claim == "Нападающие работают за деньги." and not view.machine_drafted
    assert view.sources[1].supports == "AAPP насчитала 883 погибших."
    assert view.sources[0].supports and view.sources[0].supports.startswith("The U.K.-based")
    assert not any("машиной" in note for note in card.notes)
    history = bot.handle(moderator(f"/history {PAID}"))
    assert history is not None and "translate ru" in history.text
    undone = bot.handle(moderator("/undo"))
    assert undone is not None and "translate ru" in undone.text
    back = bot.base.get(PAID).translation("ru")  # type: ignore[union-attr]
    assert back is not None and back.machine_drafted  # the built-in draft again
    assert back.claim.startswith("Те, кто непосредственно")


def test_translate_refuses_what_it_cannot_store(base: ClaimBase) -> None:
    bot = moderated(base)
    for text in (
        f"/translate {PAID}",
        f"/translate {PAID} ru\nsummary: no claim line",
        f"/translate {PAID} ru\nclaim: x\nnote 9: no such source",
        f"/translate {PAID} r!\nclaim: x",
        "/translate no-such-claim ru\nclaim: x",
    ):
        reply = bot.handle(moderator(text))
        assert reply is not None and reply.kind == ReplyKind.REFUSAL, text
    shown = bot.handle(moderator(f"/translate {PAID} my"))  # starts the guided dialogue
    assert shown is not None and "machine-drafted" in shown.text and "(1/5)" in shown.text
    bot.handle(moderator("/cancel"))
    user = bot.handle(asker(f"/translate {PAID} ru\nclaim: x", None, user="99"))
    assert user is not None and user.kind == ReplyKind.REFUSAL


def test_translate_names_the_language_and_warns_of_a_code_no_language_has(base: ClaimBase) -> None:
    bot = moderated(base)
    thai = bot.handle(moderator(f"/translate {PAID} th"))
    assert thai is not None and "the Thai (th) version" in thai.text
    assert "no language code" not in thai.text
    bot.handle(moderator("/cancel"))
    typo = bot.handle(moderator(f"/translate {PAID} ry"))  # "ru" mistyped: warned, not refused
    assert typo is not None and typo.text.startswith("'ry' is no language code I know by name")
    bot.handle(moderator("/cancel"))
    # A code CLDR has no name for may still be a language (Mon is "mnw"): saved, with the warning.
    saved = bot.handle(moderator(f"/translate {PAID} mnw\nclaim: x"))
    assert saved is not None and "the mnw version is saved" in saved.text
    assert "'mnw' is no language code I know by name" in saved.text
    assert bot.base.get(PAID).translation("mnw") is not None  # type: ignore[union-attr]


def test_export_and_import_carry_translations_with_their_language(
    base: ClaimBase, tmp_path: Path
) -> None:
    document = interchange.export_claimreview(base.list_claims())
    review = next(r for r in document["@graph"] if r["identifier"] == PAID)
    entries = {t["inLanguage"]: t for t in review["factbot:translations"]}
    assert set(entries) == {"my", "zh", "ru"}
    assert entries["zh"]["factbot:machineDrafted"] is True
    assert entries["zh"]["itemReviewed"]["author"]["name"] == "敏昂莱"
    assert entries["zh"]["itemReviewed"]["author"]["jobTitle"] == "缅甸军政府领导人、军方领导人"
    assert (
        review["itemReviewed"]["author"]["jobTitle"]
        == "Myanmar junta leader, head of the military, the Tatmadaw"
    )
    for suffix, content in (
        (".json", json.dumps(document, ensure_ascii=False)),
        (".csv", _csv(base)),
    ):
        path = tmp_path / f"export{suffix}"
        path.write_text(content, encoding="utf-8")
        fresh = ClaimBase.open(tmp_path / f"fresh{suffix}.db", seed=False)
        interchange.import_file(fresh, path)
        assert fresh.get(PAID) == base.get(PAID), suffix


def test_a_reimport_updates_a_translation_as_a_recorded_change(
    base: ClaimBase, tmp_path: Path
) -> None:
    document = interchange.export_claimreview(base.list_claims())
    review = next(r for r in document["@graph"] if r["identifier"] == PAID)
    review["factbot:translations"][0]["claimReviewed"] = "reviewed by a person"
    review["factbot:translations"][0].pop("factbot:machineDrafted")
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    summary = interchange.import_file(base, path, actor="cli:import")
    assert summary.updated == 1
    changed = base.get(PAID).translation(review["factbot:translations"][0]["inLanguage"])  # type: ignore[union-attr]
    assert changed is not None and changed.claim == "reviewed by a person"
    assert not changed.machine_drafted


# A person reviewed the Russian translation of PAID: it is theirs, the seed does not touch it.
REVIEWED_RU = (
    "UPDATE claim_translations SET machine_drafted = 0 WHERE claim_id = ? AND language = 'ru'",
    [PAID],
)


@contextmanager
def reopened(db_path: Path, *changes: str | tuple[str, list[str]]) -> Iterator[ClaimBase]:
    """The seeded base as an earlier version left it (``changes``, SQL with its parameters;
    no record of the seed file it took in), opened again: what the seed completes on
    opening."""
    base = ClaimBase.open(db_path)
    for change in (*changes, "DELETE FROM seeds"):
        sql, parameters = (change, []) if isinstance(change, str) else change
        base.db.execute(sql, parameters)
    base.db.conn.commit()
    base.close()
    again = ClaimBase.open(db_path)
    try:
        yield again
    finally:
        again.close()


def test_a_base_seeded_before_translations_gets_them_on_opening(db_path: Path) -> None:
    with reopened(db_path, "DELETE FROM claim_translations") as again:
        assert {t.language for t in again.get(PAID).translations} == {"my", "zh", "ru"}  # type: ignore[union-attr]


def test_who_made_the_claim_and_where_are_shown_as_the_language_writes_them(bot: Core) -> None:
    """The built-in translations carry the claimant's name and the appearance in their
    language (machine-drafted, as the rest); a reply in that language shows them."""
    reply = bot.handle(asker(QUESTIONS["my"], "my"))
    assert reply is not None and reply.kind == ReplyKind.ANSWER and reply.language == "my"
    view = reply.matches[0]
    assert view.claimant == "မင်းအောင်လှိုင်"
    assert view.appearance is not None and "Sputnik" in view.appearance
    assert view.appearance.startswith("ရုရှားနိုင်ငံပိုင်")
    chinese = bot.handle(asker(QUESTIONS["zh"], "zh", user="8"))
    assert chinese is not None and chinese.matches[0].claimant == "敏昂莱"
    english = bot.handle(asker(QUESTIONS["en"], "en", user="9"))
    assert english is not None and english.matches[0].claimant == "Min Aung Hlaing"


def test_a_base_seeded_before_translations_named_the_claimant_gets_the_names(
    db_path: Path,
) -> None:
    forgotten = "UPDATE claim_translations SET claimant = NULL, appearance = NULL"
    with reopened(db_path, forgotten, REVIEWED_RU) as again:
        claim = again.get(PAID)
        assert claim is not None
        assert claim.translation("zh").claimant == "敏昂莱"  # type: ignore[union-attr]
        assert claim.translation("my").appearance  # type: ignore[union-attr]
        assert claim.translation("ru").claimant is None  # type: ignore[union-attr]


def test_a_machine_draft_of_where_the_claim_was_made_follows_the_seed(db_path: Path) -> None:
    """An earlier seed drafted the Burmese appearance with "Sputnik" in Latin letters only;
    the draft now writes it as Burmese does too. A translation a person reviewed keeps its own."""
    earlier = "UPDATE claim_translations SET appearance = 'Sputnik နှင့် အင်တာဗျူး'"
    with reopened(db_path, earlier, REVIEWED_RU) as again:
        claim = again.get(PAID)
        assert claim is not None
        assert "Sputnik (စပွတ်နစ်)" in claim.translation("my").appearance  # type: ignore[union-attr,operator]
        assert claim.translation("ru").appearance == "Sputnik နှင့် အင်တာဗျူး"  # type: ignore[union-attr]


def test_translate_sets_who_made_the_claim_and_where(base: ClaimBase) -> None:
    bot = moderated(base)
    saved = bot.handle(
        moderator(
            f"/translate {PAID} zh\nclaim: 直接发动恐怖袭击的人只是为了钱。\n"
            "said by: 敏昂莱\nrole: 军政府首脑\nwhere: 接受卫星通讯社采访"
        )
    )
    assert saved is not None and "/undo" in saved.text
    translation = bot.base.get(PAID).translation("zh")  # type: ignore[union-attr]
    assert translation is not None and not translation.machine_drafted
    assert (translation.claimant, translation.appearance) == ("敏昂莱", "接受卫星通讯社采访")
    assert translation.claimant_role == "军政府首脑"
    reply = bot.handle(asker(QUESTIONS["zh"], "zh", user="8"))
    assert reply is not None and reply.matches[0].appearance == "接受卫星通讯社采访"
    assert reply.matches[0].claimant_role == "军政府首脑"
    wrong = bot.handle(moderator(f"/translate {PAID} zh\nclaim: x\nspeaker: y"))
    assert wrong is not None and "claimant, role, appearance" in wrong.text


def _csv(base: ClaimBase) -> str:
    out = io.StringIO()
    interchange.export_csv(base.list_claims(), out)
    return out.getvalue()


def test_translate_alone_is_a_guided_dialogue_saved_on_yes(base: ClaimBase) -> None:
    bot = moderated(base)
    steps = [
        (f"/translate {PAID} ru", "(1/5)"),
        ("claim: Нападающие работают за деньги.", "(2/5)"),
        ("skip", "(3/5)"),
        ("Ложь", "(4/5)"),
        ("Мин Аун Хлайн", "(5/5)"),
        ("skip", "Said by: Мин Аун Хлайн"),
    ]
    for text, expected in steps:
        reply = bot.handle(moderator(text))
        assert reply is not None and expected in reply.text, (text, reply)
    assert bot.base.get(PAID).translation("ru").machine_drafted  # type: ignore[union-attr]
    assert bot.languages.written("telegram", "1") is None  # a translation is not what they write
    saved = bot.handle(moderator("yes"))
    assert saved is not None and "/undo" in saved.text
    translation = bot.base.get(PAID).translation("ru")  # type: ignore[union-attr]
    assert translation is not None and not translation.machine_drafted
    assert (translation.claim, translation.summary, translation.rating) == (
        "Нападающие работают за деньги.",
        "",
        "Ложь",
    )
    assert (translation.claimant, translation.appearance) == ("Мин Аун Хлайн", None)
    started = bot.handle(moderator(f"/translate {PAID} zh"))
    assert started is not None and "(1/5)" in started.text
    cancelled = bot.handle(moderator("/cancel"))
    assert cancelled is not None and cancelled.kind == ReplyKind.TEXT
    assert bot.base.get(PAID).translation("zh").machine_drafted  # type: ignore[union-attr]


def test_what_the_claimant_is_is_shown_beside_the_name_in_each_language(bot: Core) -> None:
    """The seed's author.jobTitle ("Myanmar junta leader") and its machine-drafted
    translations: shown with the name, brackets as the language writes them."""
    from bot import present
    from bot.i18n import use_language

    for language, name in (
        ("en", "Min Aung Hlaing (Myanmar junta leader, head of the military, the Tatmadaw)"),
        ("zh", "敏昂莱（缅甸军政府领导人、军方领导人）"),
        ("my", "မင်းအောင်လှိုင် (မြန်မာ စစ်ကောင်စီ ခေါင်းဆောင်၊ စစ်ခေါင်းဆောင်၊ တပ်မတော်)"),
        ("ru", "Мин Аун Хлайн (глава военной хунты Мьянмы, глава армии Татмадо)"),
    ):
        reply = bot.handle(asker(QUESTIONS[language], language, user=f"role-{language}"))
        assert reply is not None and reply.kind == ReplyKind.ANSWER, language
        with use_language(language):
            assert present.claimant(reply.matches[0]) == name


def test_a_base_seeded_before_claims_had_roles_gets_them_unless_a_person_changed_it(
    db_path: Path,
) -> None:
    edited = "mm-election-fraud"  # a moderator changed it since it was seeded
    with reopened(
        db_path,
        "UPDATE claims SET claimant_role = NULL",
        "UPDATE claim_translations SET claimant_role = NULL",
        ("UPDATE claims SET updated_at = '2030-01-01' WHERE id = ?", [edited]),
        REVIEWED_RU,
    ) as again:
        paid, fraud = again.get(PAID), again.get(edited)
        assert paid is not None and fraud is not None
        assert paid.claimant_role == "Myanmar junta leader, head of the military, the Tatmadaw"
        assert fraud.claimant_role is None
        assert paid.translation("zh").claimant_role == "缅甸军政府领导人、军方领导人"  # type: ignore[union-attr]
        assert paid.translation("ru").claimant_role is None  # type: ignore[union-attr]
