"""The claim base: storage, seed knowledge, interchange formats and the matcher.

Imports nothing from ``bot`` or ``adapters``.
"""
