"""``python -m adapters.cli``: the ``factbot`` command without its installed script."""

import sys

from adapters.cli import main

sys.exit(main())
