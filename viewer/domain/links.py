"""Which web addresses the app opens, and what it warns about before opening one.

Addresses come from the database, which anyone may have edited or imported,
so the policy is strict and lives here, apart from Qt:

- only complete ``http`` and ``https`` addresses open (:func:`link_problem`);
- an address with a user name or password before its site
  (``https://apple.com@evil.example``) is refused: browsers go to the part
  after the ``@``, so that part only serves to make an address look like
  another;
- a site name whose letters mix scripts, such as "apple.com" with a Cyrillic
  "a" (U+0430) for its first letter, or that is spelled wholly in Cyrillic or
  Greek letters that look Latin, is an imitation: :func:`imitation_warning`
  says so, and the question shows the name as the browser sends it
  (``xn--pple-43d.com``).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from viewer.domain.quoting import quoted
from viewer.domain.validation import url_problem

WEB_SCHEMES = ("http", "https")
# Scripts that are written together in one name: Japanese mixes kana and
# kanji, Chinese may add Bopomofo, Korean Hangul and Hanja; Latin letters may
# join any of these (a brand or an abbreviation). Any other mix is suspect.
_MIXES_IN_USE = (
    frozenset({"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "CJK", "LATIN"}),
    frozenset({"CJK", "BOPOMOFO", "LATIN"}),
    frozenset({"CJK", "HANGUL", "LATIN"}),
)
# Cyrillic and Greek letters that pass for Latin ones, with the letter they imitate.
_LOOK_ALIKES = dict(zip("аеорсухіјѕԁӏԛԝһүԍкαικνορυχϳ", "aeopcyxijsdlqwhygkaikvopuxj", strict=True))


def link_problem(url: str) -> str | None:
    """Why ``url`` must not be opened, or None when it may be (after the question)."""
    if not url.strip():
        return "There is no link to open."
    if not url.isprintable():
        return f"The address {quoted(url)} holds invisible or control characters."
    problem = url_problem(url)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"{quoted(url)} is not a web address (http or https)."
    if "@" in parts.netloc:
        user, _, site = parts.netloc.rpartition("@")
        return (
            f"The address {quoted(url)} names a user ({quoted(user)}) before its site: "
            f"it would open {quoted(site)}, not what it seems to. Such addresses only "
            "serve to pass for another, so this app does not open them."
        )
    return None


def host_of(url: str) -> str:
    """The site name of ``url`` as written (lower case), or "" if it has none."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def imitation_warning(host: str) -> str | None:
    """A warning when the site name ``host`` imitates another, or None.

    It does when one of its labels mixes scripts (other than mixes in use,
    such as Japanese), or when a label spelled wholly in Cyrillic or Greek
    letters that look Latin stands beside Latin ones ("apple" in Cyrillic
    letters, ``xn--80ak6aa92e.com``).
    """
    name = unicodedata.normalize("NFKC", host).lower()
    labels = [_unicode_label(label) for label in name.split(".") if label]
    name = ".".join(labels)
    scripts = [_scripts(label) for label in labels]
    mixed = [found for found in scripts if len(found) > 1 and not _in_use(found)]
    latin_beside = any(found == {"LATIN"} for found in scripts)
    disguised = latin_beside and any(
        found <= {"CYRILLIC", "GREEK"} and found and all(_looks_latin(ch) for ch in label)
        for label, found in zip(labels, scripts, strict=True)
    )
    if not mixed and not disguised:
        return None
    named = sorted({script.title() for found in scripts for script in found})
    letters = " and ".join(named)
    looks_like = "".join(_LOOK_ALIKES.get(ch, ch) for ch in name)
    imitated = (
        f" It looks like {looks_like!r}, but it is not that site."
        if looks_like != name and looks_like.isascii()
        else ""
    )
    return (
        f"Warning: this site's name mixes {letters} letters, as names made to "
        f"imitate another do.{imitated}"
    )


def _unicode_label(label: str) -> str:
    """An ``xn--`` label as the letters it stands for (the browser shows those)."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def _scripts(label: str) -> set[str]:
    """The scripts of the letters of ``label`` ("LATIN", "CYRILLIC"...)."""
    found = set()
    for ch in label:
        if ch.isalpha():
            found.add(unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0])
    return found


def _in_use(scripts: set[str]) -> bool:
    return any(scripts <= mix for mix in _MIXES_IN_USE)


def _looks_latin(ch: str) -> bool:
    return not ch.isalpha() or ch in _LOOK_ALIKES
