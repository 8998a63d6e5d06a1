"""``factbot eval``: measure the matcher on claim-retrieval data (CLEF format), through
:func:`adapters.cli.evaluate.evaluate`."""

from __future__ import annotations

import argparse

from adapters.cli.commands import Commands, Context


def add_commands(commands: Commands) -> None:
    parser = commands.add(
        "eval",
        "measure the matcher on claim-retrieval data (CLEF format)",
        measure,
        environment=("FACTBOT_CONFIG", "FACTBOT_EMBEDDINGS"),
        example="factbot eval --claims vclaims.tsv --queries queries.dev.tsv "
        "--qrels qrels.dev.tsv --out run.jsonl",
    )
    parser.add_argument("--claims", required=True, help="vclaims.tsv: the claims to search")
    parser.add_argument("--queries", required=True, help="queries TSV: qid, text")
    parser.add_argument("--out", required=True, help="write one JSON line per query here")
    parser.add_argument("--qrels", help="TREC qrels: print MAP@1, MAP@5, MRR, Recall@10")


def measure(args: argparse.Namespace, context: Context) -> int:
    """``--db`` is ignored: the evaluation never touches a real claim base."""
    from adapters.cli import evaluate

    return evaluate.evaluate(args.claims, args.queries, args.out, args.qrels, context.settings)
