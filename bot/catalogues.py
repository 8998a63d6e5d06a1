"""Keep the message catalogues in step with the code: extract, update, compile (Babel).

    .venv/bin/python -m bot.catalogues            # extract, update every .po, compile .mo
    .venv/bin/python -m bot.catalogues --check    # exit 1 when a .po or .mo is out of date

The template is ``bot/locale/factbot.pot``; each language's catalogue is
``bot/locale/<code>/LC_MESSAGES/factbot.po`` beside its compiled ``factbot.mo``, which ships in
the package (pyproject's package data), so ``pip install`` needs no build step. How a
translator adds or reviews a language: docs/languages.md.
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from bot.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Command": (3,)}
SOURCES = ("bot", "adapters")
MACHINE_DRAFTED = "machine-drafted"  # translator comment on a translation nobody reviewed yet
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def extract() -> Catalog:
    """Every string the code says, from bot/ and adapters/."""
    # A fixed date: the files change only when a message does, not on every run.
    template = Catalog(
        project="factbot",
        domain=DOMAIN,
        fuzzy=False,
        creation_date=STAMP,
        revision_date=STAMP,
        msgid_bugs_address="https://github.com/ (an issue on the project)",
    )
    for folder in SOURCES:
        found = extract_from_dir(
            ROOT / folder,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True,
        )
        for filename, lineno, message, comments, context in found:
            template.add(
                message,
                locations=[(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=LANGUAGES[language], domain=DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalogue, with the template's messages added and obsolete ones gone."""
    path = po_path(language)
    if path.exists():
        catalog = read(language)
    else:
        catalog = Catalog(locale=LANGUAGES[language], domain=DOMAIN, project="factbot")
    # A copy: Babel moves the template's new messages into the catalogue as they are, and the
    # English catalogue below fills its messages in.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    if language == "en":  # the code's own words: English is always complete
        for message in catalog:
            if message.id:
                message.string = message.id
    catalog.revision_date = STAMP
    catalog.fuzzy = False  # the header: Babel marks a new catalogue's header fuzzy
    catalog.header_comment = (
        f"# Factbot's messages, {LANGUAGES[language]}. A translation commented\n"
        f"# '{MACHINE_DRAFTED}' awaits review by a fluent reader: docs/languages.md.\n"
    )
    catalog.last_translator = "machine-drafted, not yet reviewed"
    return catalog


def files(template: Catalog) -> dict[Path, bytes]:
    """Every catalogue file as it should be, by path."""
    wanted = {LOCALE_DIR / f"{DOMAIN}.pot": _po_bytes(template)}
    for language in LANGUAGES:
        catalog = updated(language, template)
        wanted[po_path(language)] = _po_bytes(catalog)
        wanted[po_path(language).with_suffix(".mo")] = _mo_bytes(catalog)
    return wanted


def _strip_dates(data: bytes) -> bytes:
    """Babel stamps creation and revision dates into headers: compare without them."""
    lines = data.splitlines()
    return b"\n".join(
        line for line in lines if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.catalogues", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only say what is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, data in files(extract()).items():
        if path.suffix == ".mo":
            current = path.read_bytes() if path.exists() else b""
            if current != data:
                stale.append(path)
        elif not path.exists() or _strip_dates(path.read_bytes()) != _strip_dates(data):
            stale.append(path)
        if not args.check and path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        print(f"{'out of date' if args.check else 'written'}: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
