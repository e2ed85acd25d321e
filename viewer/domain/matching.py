"""Telling whether two records are likely the same: folded names and titles,
normalised URLs and DOIs, and how alike two titles are.

Pure functions on strings, shared by Tools ▸ Find Duplicates and the merge
on import: both must agree on what "the same URL" or "the same title" is.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Titles at least this alike (after folding) are near-identical: a typo, a
# dropped word in a long title, a different dash or quote mark.
TITLE_SIMILARITY = 0.9

# What a DOI may be written with in front of it ("https://doi.org/10.1/x").
_DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi.org/",
    "doi:",
)

# Query parameters that say how a reader came to a page, not which page it is.
_TRACKING = ("utm_",)
_TRACKING_NAMES = frozenset({"fbclid", "gclid"})


def fold_text(text: str) -> str:
    """``text`` as compared: accents dropped (NFKD), case folded, punctuation
    and symbols made spaces, runs of whitespace one space, trimmed.

    "Émirats  Arabes-Unis" and "emirats arabes unis" fold alike.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":  # a combining accent: dropped
            continue
        kept.append(char if category[0] in "LN" else " ")
    return " ".join("".join(kept).casefold().split())


def fold_name(name: str) -> str:
    """A party's or a person's name as compared (see :func:`fold_text`)."""
    return fold_text(name)


def fold_title(title: str) -> str:
    """A source's title as compared (see :func:`fold_text`)."""
    return fold_text(title)


def normalise_url(url: str) -> str:
    """``url`` as compared: scheme and host in lower case, ``http`` taken as
    ``https``, no ``www.``, no default port, no trailing slash, no fragment,
    no tracking parameters (``utm_*``, ``fbclid``, ``gclid``), the others in
    their order. "" for an empty URL; text that is not a web address is
    only trimmed and folded to lower case."""
    text = url.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text.lower()
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return text.lower()
    host = parts.hostname.lower().removeprefix("www.")
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith(_TRACKING) and name.lower() not in _TRACKING_NAMES
    ]
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(query), ""))


def normalise_doi(doi: str) -> str:
    """A DOI as compared: trimmed, in lower case (DOIs ignore case), without
    a resolver's address or a ``doi:`` in front. "" for none."""
    text = doi.strip().lower()
    for prefix in _DOI_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return text.strip()


def title_similarity(first: str, second: str) -> float:
    """How alike two titles are once folded, from 0 (nothing shared) to 1 (the same)."""
    a, b = fold_title(first), fold_title(second)
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def near_titles(first: str, second: str, threshold: float = TITLE_SIMILARITY) -> bool:
    """Whether two titles are near-identical (see :data:`TITLE_SIMILARITY`)."""
    return title_similarity(first, second) >= threshold
