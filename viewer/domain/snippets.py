"""A search hit's snippet: where in a record's own text its query matched.

The index holds folded text (see :func:`viewer.domain.query.searchable`), so
a snippet is cut from the record's real text here, its matches found as the
index finds them (:func:`viewer.domain.query.term_matches`) and marked
between :data:`~viewer.domain.query.MATCH_START` and
:data:`~viewer.domain.query.MATCH_END`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from viewer.domain.query import MATCH_END, MATCH_START, Term, term_matches

SNIPPET_WORDS = 12
# A snippet is at most this long, however long a word without spaces is.
SNIPPET_CHARS = 240
# How far into one text a snippet looks for matches: far enough for any note
# a person reads, and a bound on the work for a 100,000-character one.
SCAN_CHARS = 20_000
# How many matches are tried as a snippet's place.
_TRIED = 100
_WORD = re.compile(r"\S+")
_NO_MARKS = str.maketrans("", "", MATCH_START + MATCH_END)


def shown_text(text: str | None) -> str:
    """A record's text as a snippet quotes it: NFC, without the match marks."""
    text = text or ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_NO_MARKS) if MATCH_START in text or MATCH_END in text else text


def snippet(texts: Sequence[str], terms: tuple[Term, ...], words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of the one of ``texts`` (a record's label, body and
    evidence, in that order) that holds the most of ``terms``, where most of
    them match, each match marked; "…" where the text goes on. With no match
    in any text, the start of the first text that is not empty."""
    best: tuple[int, str, list[tuple[int, int, int]]] | None = None
    for raw in texts:
        text = shown_text(raw)
        if not text.strip():
            continue
        found = term_matches(text[:SCAN_CHARS], terms)
        score = len({term for _start, _end, term in found})
        if best is None or score > best[0]:
            best = (score, text, found)
    if best is None:
        return ""
    _score, text, found = best
    return _cut(text, found, max(1, words))


def _cut(text: str, found: list[tuple[int, int, int]], words: int) -> str:
    spans = [(match.start(), match.end()) for match in _WORD.finditer(text[:SCAN_CHARS])]
    starts = [start for start, _end in spans]
    tried = sorted(found)[:_TRIED]
    first_word, best_score = 0, -1
    for start, _end, _term in tried if spans else ():
        # A little before the match, so that it reads in its context, and as
        # far back as the text's end allows, so that a short one shows whole.
        candidate = bisect_right(starts, start) - 1 - words // 4
        candidate = max(0, min(candidate, len(spans) - words))
        last = spans[min(len(spans), candidate + words) - 1][1]
        score = len({t for s, e, t in tried if s >= spans[candidate][0] and e <= last})
        if score > best_score:
            first_word, best_score = candidate, score
    begin = spans[first_word][0] if spans else 0
    end = spans[min(len(spans), first_word + words) - 1][1] if spans else len(text)
    inside = sorted((s, e) for s, e, _t in found if s < end and e > begin)
    if end - begin > SNIPPET_CHARS:  # a very long word: keep the first match in view
        if inside:
            begin = max(begin, inside[0][0] - SNIPPET_CHARS // 4)
        end = begin + SNIPPET_CHARS
    pieces = ["…"] if text[:begin].strip() else []
    at = begin
    for start, stop in inside:
        start, stop = max(start, at), min(stop, end)
        if start >= stop:
            continue
        pieces += [text[at:start], MATCH_START, text[start:stop], MATCH_END]
        at = stop
    pieces.append(text[at:end])
    if text[end:].strip():
        pieces.append("…")
    return "".join(pieces)
