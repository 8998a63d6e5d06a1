"""Benchmarks of the matcher on public claim-retrieval data (read from ../shared/bench)."""

import knowledge  # noqa: F401  (first: it sets numpy's threads as the bot runs them)
