"""``factbot claims import|export|list|show|embed``: the operator's tools for the claim base.
Each action imports what it runs when it runs, so declaring them costs the other commands
nothing at start-up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.cli.commands import Commands, Context
from adapters.cli.help import BASE_ENV, MATCHING_ENV

if TYPE_CHECKING:
    from knowledge.store import ClaimBase

EXIT_USAGE = 2


def add_commands(commands: Commands) -> None:
    claims = commands.group(
        "claims",
        "import, export, list, show and embed claims",
        dest="claims_command",
        environment=MATCHING_ENV,
        example="factbot claims list",
    )
    add_import(claims)
    add_export(claims)
    add_list(claims)
    add_show(claims)
    add_embed(claims)


@contextmanager
def _opened(context: Context) -> Iterator[ClaimBase]:
    from knowledge.store import ClaimBase

    base = ClaimBase.open(context.db)
    try:
        yield base
    finally:
        base.close()


def add_import(commands: Commands) -> None:
    parser = commands.add(
        "import",
        "import ClaimReview JSON-LD, CSV or a CLEF/PolitiFact TSV",
        import_claims,
        environment=MATCHING_ENV,
        example="factbot claims import --replace examples/claimreview-myanmar-2021.json",
    )
    parser.add_argument("file", help="a .json/.jsonld, .csv or .tsv file")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="afterwards, retract every claim the file does not hold (the built-in Myanmar "
        "fact-checks too): the base answers from this file alone",
    )


def import_claims(args: argparse.Namespace, context: Context) -> int:
    from adapters.cli.importing import import_file

    with _opened(context) as base:
        return import_file(base, Path(args.file), context.settings, replace=args.replace)


def add_export(commands: Commands) -> None:
    parser = commands.add(
        "export",
        "export the published claims",
        export_claims,
        environment=BASE_ENV,
        example="factbot claims export --format csv -o claims.csv",
    )
    parser.add_argument(
        "--format", choices=["claimreview", "csv"], default="claimreview", help="the file format"
    )
    parser.add_argument("-o", "--output", help="write here (default: standard output)")


def export_claims(args: argparse.Namespace, context: Context) -> int:
    import json

    from knowledge import interchange

    output: str | None = args.output
    with _opened(context) as base:
        claims = base.list_claims()
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
        try:
            if args.format == "csv":
                interchange.export_csv(claims, out)
            else:
                json.dump(interchange.export_claimreview(claims), out, ensure_ascii=False, indent=2)
                out.write("\n")
        finally:
            if output:
                out.close()
    if output:
        print(f"exported {len(claims)} claims to {output}", file=sys.stderr)
    return 0


def add_list(commands: Commands) -> None:
    parser = commands.add(
        "list",
        "list the claims, one a line: id, status, verdict, claim",
        list_claims,
        environment=BASE_ENV,
        example="factbot claims list --retracted",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--retracted", action="store_true", help="only the retracted claims")
    which.add_argument("--published", action="store_true", help="only the published claims")


def list_claims(args: argparse.Namespace, context: Context) -> int:
    from adapters.console import terminal_safe
    from knowledge import verdicts

    with _opened(context) as base:
        for claim in base.list_claims(include_retracted=True):
            retracted = claim.status != "published"
            if (args.retracted and not retracted) or (args.published and retracted):
                continue
            # Retracted claims are marked at the front, where a reader's eye starts.
            mark = "RETRACTED" if retracted else "published"
            label = verdicts.get(claim.verdict).label
            text = terminal_safe(claim.claim[:90], keep="")
            print(f"{claim.id}\t{mark}\t{label}\t{text}")
    return 0


def add_show(commands: Commands) -> None:
    parser = commands.add(
        "show",
        "show one claim in full",
        show_claim,
        environment=BASE_ENV,
        example="factbot claims show mm-election-fraud",
    )
    parser.add_argument("id", help="the claim's id, as claims list shows it")


def show_claim(args: argparse.Namespace, context: Context) -> int:
    from adapters.console import render_claim, terminal_safe
    from bot.views import claim_view

    with _opened(context) as base:
        found = base.get(args.id)
        if found is None:
            print(f"factbot: no claim with id {args.id!r}", file=sys.stderr)
            return 1
        print(terminal_safe(render_claim(claim_view(found, None))))
        if found.aliases:
            aliases = "\n".join(f"- {a.text}" for a in found.aliases)
            print(terminal_safe(f"Aliases:\n{aliases}"))
        print(f"Status: {found.status}")
    return 0


def add_embed(commands: Commands) -> None:
    parser = commands.add(
        "embed",
        "compute the semantic vectors of new and changed claims (needs factbot[embeddings])",
        embed_claims,
        environment=MATCHING_ENV,
        example="factbot claims embed --limit 1000",
    )
    parser.add_argument("--limit", type=int, help="embed at most this many claims (default: all)")
    parser.add_argument("--threads", type=int, help="the model's threads (default: all cores)")


def embed_claims(args: argparse.Namespace, context: Context) -> int:
    """Vectors for the published claims that have none or a stale one (optional extra)."""
    import time

    from adapters.cli.progress import EmbeddingProgress
    from knowledge.matching import embeddings

    try:
        embedder = embeddings.load_embedder(
            "on", engine=context.settings.matching.embedding_engine, num_threads=args.threads
        )
    except embeddings.EmbeddingsUnavailable as error:
        print(f"factbot: claims embed: {error}", file=sys.stderr)
        return EXIT_USAGE
    assert embedder is not None
    with _opened(context) as base:
        index = embeddings.VectorIndex(base, embedder)
        start = time.perf_counter()
        with EmbeddingProgress() as progress:
            done = index.sync(limit=args.limit, progress=progress)
        seconds = time.perf_counter() - start
        print(
            f"embedded {done:,} claims with {embedder.name} in {seconds:.1f} s;"
            f" {len(index):,} of {base.count():,} published claims have a vector"
        )
    return 0
