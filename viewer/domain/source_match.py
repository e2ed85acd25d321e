"""When two sources are the same work: the forms of a URL, a DOI and a title
that are compared, so that "https://www.Example.com/a/?utm_source=x#top" and
"https://example.com/a" name one page.

Plain functions of the standard library; the import's merge
(:mod:`viewer.store.exchange_merge`) looks sources up by these forms.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def url_form(url: str) -> str:
    """``url`` as compared: scheme and host in lower case, without ``www.``,
    a default port, a trailing slash, ``utm_*`` parameters or a fragment
    (the path and the other parameters keep their case and order). Empty for
    an empty URL."""
    text = url.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"  # the same page, served both ways
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port is not None and (scheme, port) not in {("https", 443), ("https", 80)}:
        host = f"{host}:{port}"
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not name.lower().startswith("utm_")
        ]
    )
    return urlunsplit((scheme, host, parts.path.rstrip("/"), query, ""))


def doi_form(doi: str) -> str:
    """A DOI as compared: without ``https://doi.org/`` or ``doi:``, in lower
    case (DOIs are case-insensitive). Empty for an empty DOI."""
    return _DOI_PREFIX.sub("", doi.strip()).strip().casefold()


def title_form(title: str) -> str:
    """A title as compared: case, accents, punctuation and runs of white
    space folded away ("Trump: Kazakhstan to join" and "TRUMP — Kazakhstan
    to JOIN!" compare equal)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).split())
