"""numpy, imported when first used rather than when the modules using it are.

Importing numpy costs about 0.1 s, a fifth of what `factbot ask` takes to start; a question
decided by words on a base of a few thousand claims needs none of it (FTS5 ranks the words,
the embedding model is not asked). The matching modules that use numpy therefore write::

    if TYPE_CHECKING:
        import numpy as np
    else:
        from knowledge.deferred import numpy as np

and numpy is imported by the first ``np.<name>`` that runs. The type checker sees numpy
itself. Unlike ``importlib.util.LazyLoader`` (whose first attribute access races between
threads before Python 3.12, CPython issue 114763) the import goes through
``importlib.import_module``, which holds the import lock: a thread arriving meanwhile waits for
the whole module, never sees half of it. ``tests/test_console.py`` checks that a question
decided by words imports no numpy.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class Deferred(ModuleType):
    """A module's stand-in that imports it on the first attribute asked for, then holds a copy
    of its names (so later lookups are plain attribute reads)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"deferred {name}")
        self._deferred_name = name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._deferred_name)
        self.__dict__.update(vars(module))
        return getattr(module, attribute)


numpy = Deferred("numpy")
