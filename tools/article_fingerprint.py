"""Fingerprint the source article of the bundled dataset, for the test that judges its quotes.

The bundled dataset (``resources/data/abraham-accords.json``) is built from one
Fox News article (6 November 2025) that is not ours to copy: no licence lets
its text into the repository. ``tests/store/test_dataset_quotes.py`` still has
to judge every quote against it, from a fresh clone. So this script keeps in
``tests/store/data/seed_article_fingerprint.json`` only what the test needs:

- ``long_sentences``: the SHA-256 of every sentence of the article that has
  :data:`LONG_SENTENCE_WORDS` or more words, as its folded words joined by one
  space (see :func:`folded_words`). A quote whose words hold such a run
  reproduces a whole sentence.
- ``quotes_found``: the SHA-256 of the folded text (:func:`fold`, the app's own
  folding from :mod:`viewer.domain.quote_check`) of every
  quote of the dataset that appears in the folded article. A quote changed
  by a word is no longer in the list.

Neither list can be turned back into the article. Rerun the script when a
quote of the dataset changes (from the repository's root, with the project's
Python; the article is the one of ``seeds/``)::

    .venv/bin/python tools/article_fingerprint.py PATH/TO/ARTICLE.txt

``--check`` compares instead of writing, and fails if the file is stale. Only
quotes found in the article are listed: a quote that is not stays out, and the
test names it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from viewer.domain.quote_check import fold

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "resources" / "data" / "abraham-accords.json"
FINGERPRINT = ROOT / "tests" / "store" / "data" / "seed_article_fingerprint.json"

LONG_SENTENCE_WORDS = 10

# A word: letters and digits, joined by inner dots, apostrophes, hyphens or
# slashes ("u.s", "kazakhstan's", "bin-salman", "wong/getty").
_WORD = re.compile(r"[^\W_]+(?:[.'/-][^\W_]+)*")

# Abbreviations the article (and English news prose) uses before a name or a
# number: their dot never ends a sentence. Compared without the final dot.
ABBREVIATIONS = frozenset(
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt",
        "prof", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "ft", "mt",
    }
)  # fmt: skip
# A dot, "!" or "?", with any closing quotes or brackets, then a space or the end.
_CANDIDATE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(?=\s|$)")
# What a sentence may start with after an end: a capital, a digit, an opening quote or bracket.
_SENTENCE_START = re.compile(r"\s+[\"'\u2018\u201c(\[]*\s*[A-Z0-9]")
# Initials ("Y.") and dotted acronyms ("U.S.", "D.C.", "a.m."), seen without their last dot.
_DOTTED = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def folded_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` once folded, without the punctuation between them."""
    return tuple(_WORD.findall(fold(text)))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words_digest(words: tuple[str, ...]) -> str:
    return digest(" ".join(words))


def _ends_sentence(line: str, end: re.Match[str]) -> bool:
    before = line[: end.start()].rsplit(None, 1)
    token = before[-1].lstrip("\"'\u2018\u201c([") if before else ""
    abbreviated = token.casefold() in ABBREVIATIONS or _DOTTED.fullmatch(token) is not None
    if end.group().startswith(".") and abbreviated:
        return False
    rest = line[end.end() :]
    return not rest.strip() or _SENTENCE_START.match(rest) is not None


def sentences(article: str) -> list[str]:
    """The sentences of ``article``, each stripped, in order.

    A line break ends a sentence (the seed article keeps each paragraph,
    headline, byline and caption on a line of its own, most without a final
    dot). Within a line a sentence ends at ".", "!" or "?", with any closing
    quotes or brackets after it, when a space follows and the next text
    starts with a capital, a digit, or an opening quote or bracket. A dot
    ends nothing after a known abbreviation (:data:`ABBREVIATIONS`: "Nov.",
    "Sept.", "Mr."...), an initial ("Lucas Y. Tomlinson") or a dotted acronym
    ("U.S.", "D.C."): such an abbreviation is taken never to close a sentence,
    which holds for the seed article.
    """
    found: list[str] = []
    for line in article.splitlines():
        start = 0
        for end in _CANDIDATE_END.finditer(line):
            if _ends_sentence(line, end):
                found.append(line[start : end.end()].strip())
                start = end.end()
        found.append(line[start:].strip())
    return [sentence for sentence in found if sentence]


def dataset_quotes(dataset: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, quote) for every citation with a quote, in every list of records.

    ``where`` names the record: "events/witkoff-remarks-america-business-forum-2025".
    """
    for kind, records in dataset.items():
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            where = f"{kind}/{record.get('key', index)}"
            for citation in record.get("citations", ()):
                quote = citation.get("quote") or ""
                if quote.strip():
                    yield where, quote


def long_sentence_digests(article: str) -> list[str]:
    digests = {
        words_digest(words)
        for words in map(folded_words, sentences(article))
        if len(words) >= LONG_SENTENCE_WORDS
    }
    return sorted(digests)


def found_quote_digests(article: str, quotes: list[str]) -> list[str]:
    folded_article = fold(article)
    return sorted({digest(fold(quote)) for quote in quotes if fold(quote) in folded_article})


def long_sentence_in(quote: str, long_sentences: set[str]) -> tuple[str, ...] | None:
    """The words of the first whole long sentence that ``quote`` reproduces, if any."""
    words = folded_words(quote)
    for first in range(len(words)):
        for last in range(first + LONG_SENTENCE_WORDS, len(words) + 1):
            if words_digest(words[first:last]) in long_sentences:
                return words[first:last]
    return None


def fingerprint(article: str, dataset: Mapping[str, Any]) -> dict[str, Any]:
    quotes = [quote for _where, quote in dataset_quotes(dataset)]
    return {
        "about": (
            "What tests/store/test_dataset_quotes.py needs of the article the bundled dataset"
            " cites (Fox News, 6 November 2025), whose text is not ours to copy: SHA-256"
            " digests only. Written by tools/article_fingerprint.py; rerun it when a quote"
            " changes."
        ),
        "long_sentence_words": LONG_SENTENCE_WORDS,
        "long_sentences": long_sentence_digests(article),
        "quotes_found": found_quote_digests(article, quotes),
    }


def _serialised(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path, help="the seed article, as text")
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    arguments = parser.parse_args(argv)
    article = arguments.article.read_text(encoding="utf-8")
    dataset = json.loads(DATASET.read_text(encoding="utf-8"))
    text = _serialised(fingerprint(article, dataset))
    if arguments.check:
        current = FINGERPRINT.read_text(encoding="utf-8") if FINGERPRINT.exists() else ""
        if current != text:
            print(f"{FINGERPRINT} is stale: rerun without --check", file=sys.stderr)
            return 1
        print(f"{FINGERPRINT} is up to date")
        return 0
    FINGERPRINT.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINT.write_text(text, encoding="utf-8")
    print(f"wrote {FINGERPRINT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
