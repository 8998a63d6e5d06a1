"""``python -m adapters.cli``: the ``factbot`` command without its installed script."""

from adapters.cli import script

script()
