"""How much one search may ask for: the bounds the search field, the store
and the ``search`` command share (a module of constants only, so that the
command line can name them in its help without loading the search language)."""

from __future__ import annotations

# A longer query is refused whole (the search field takes no more).
MAX_QUERY_CHARS = 1_000
# Words and filters past these are left out of the search, said so in its notes.
MAX_TERMS = 32
MAX_FILTERS = 16
# The most hits one search returns (the `search` command's --limit at most).
MAX_HITS = 1_000_000
