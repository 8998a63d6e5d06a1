"""The claim base: storage, seed knowledge, interchange formats and the matcher.

Imports nothing from ``bot`` or ``adapters``.
"""

import os

# numpy's matrix products run in one thread (an operator's own setting is kept). OpenBLAS,
# numpy's BLAS, otherwise starts a thread per core at the first product, and those threads
# spin for a while after every product, on the cores where the semantic index's scan and the
# embedding model run next: at a million claims the scan of the codes took 36 ms instead of
# 19, and a question read by the model 103–115 ms at the median instead of 73–104 (2 cores;
# docs/benchmarks.md, "One thread for numpy's products"). The bot's products are small (a
# question against 2,000 claims' vectors); its scans split the work over its own threads.
# Set here, before numpy is imported: the bot imports numpy only when first needed.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
