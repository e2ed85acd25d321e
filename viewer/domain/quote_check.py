"""Whether a citation's quote is in its source's archived text.

Copies of one text differ in ways that do not change its words: line breaks
and runs of spaces, typographic or straight quotes and apostrophes, the kind
of dash and the spaces around it, soft hyphens, compatibility forms (a
no-break space, a ligature) and case. :func:`fold` makes all of those alike;
a quote is found when its folded text is inside the folded archived text.

Case is folded: a quote that starts a sentence of its own ("The envoys
met") where the article had it mid-sentence ("the envoys met") quotes the
same words. A changed word, an added or a missing one, is not found.

Folding a long text costs more than looking for a quote in it: fold each
source's text once (:class:`FoldedTexts` keeps them) and test each quote
with :func:`verify_folded`.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from enum import StrEnum

# Typographic quotes, apostrophes and dashes as their plain forms; soft hyphens
# and zero-width characters, which a copy may or may not keep, dropped.
_TYPOGRAPHY = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark, the typographic apostrophe
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9 quotation mark
    "\u02bc": "'",  # modifier letter apostrophe
    "\u2032": "'",  # prime
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',  # double prime
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # zero-width no-break space (a byte order mark)
}


class Verdict(StrEnum):
    """What checking a citation's quote against its source's text found."""

    VERIFIED = "verified"
    NOT_FOUND = "not_found"
    NO_TEXT = "no_text"  # the source keeps no archived text to check against
    NO_QUOTE = "no_quote"  # the citation quotes nothing

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def meaning(self) -> str:
        """What the verdict means, in a sentence (for a tooltip)."""
        return _MEANINGS[self]


_LABELS = {
    Verdict.VERIFIED: "verified",
    Verdict.NOT_FOUND: "not found",
    Verdict.NO_TEXT: "no archived text",
    Verdict.NO_QUOTE: "no quote",
}
_MEANINGS = {
    Verdict.VERIFIED: "The quote appears word for word in the source's archived text "
    "(line breaks, spacing, case, quote marks and dashes aside).",
    Verdict.NOT_FOUND: "The quote does not appear in the source's archived text: "
    "a word differs, or the text kept is not the one quoted.",
    Verdict.NO_TEXT: "The source keeps no archived text, so the quote cannot be checked.",
    Verdict.NO_QUOTE: "The citation quotes nothing.",
}


def fold(text: str) -> str:
    """``text`` as copies of it compare: typographic quotes, apostrophes and
    dashes made plain, soft hyphens dropped, compatibility forms normalised
    (NFKC), any run of whitespace (line breaks too) one space and none
    around a dash (copies space dashes differently: "round—the last" and
    "round - the last"), case folded."""
    normal = _plain(unicodedata.normalize("NFKC", _plain(text)))
    spaced = " ".join(normal.split())  # any Unicode whitespace
    return spaced.replace(" -", "-").replace("- ", "-").casefold()


def _plain(text: str) -> str:
    """``text`` with :data:`_TYPOGRAPHY` replaced: one C-speed search per
    character (a long text holds few of them; ``str.translate`` with a
    table looks each of its characters up in Python)."""
    for typographic, plain in _TYPOGRAPHY.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def verify(quote: str, archived_text: str) -> Verdict:
    """Whether ``quote`` is in ``archived_text`` (folding both: see :func:`fold`)."""
    if not quote.strip():
        return Verdict.NO_QUOTE
    if not archived_text.strip():
        return Verdict.NO_TEXT
    return verify_folded(quote, fold(archived_text))


def verify_folded(quote: str, folded_text: str) -> Verdict:
    """As :func:`verify`, with the archived text already folded (once per source)."""
    folded_quote = fold(quote)
    if not folded_quote:
        return Verdict.NO_QUOTE
    if not folded_text:
        return Verdict.NO_TEXT
    return Verdict.VERIFIED if folded_quote in folded_text else Verdict.NOT_FOUND


class FoldedTexts:
    """The folded archived texts of the last few sources checked, by the
    source's key, version and text: a changed text is folded again, and so is
    another database's (one opened after, a backup restored and edited) whose
    source has the same key and version but not the same text."""

    def __init__(self, keep: int = 16) -> None:
        self._keep = keep
        self._texts: OrderedDict[tuple[str, int, str], str] = OrderedDict()

    def __len__(self) -> int:
        """How many folded texts are kept."""
        return len(self._texts)

    def verdict(self, quote: str, source_key: str, version: int, archived_text: str) -> Verdict:
        if not quote.strip():
            return Verdict.NO_QUOTE
        if not archived_text.strip():
            return Verdict.NO_TEXT
        place = (source_key, version, archived_text)
        folded = self._texts.get(place)
        if folded is None:
            folded = fold(archived_text)
            self._texts[place] = folded
            while len(self._texts) > self._keep:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(place)
        return verify_folded(quote, folded)
