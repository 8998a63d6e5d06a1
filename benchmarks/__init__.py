"""Benchmarks of the matcher on public claim-retrieval data (read from ../shared/bench)."""
