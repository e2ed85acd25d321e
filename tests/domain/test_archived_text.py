"""A source's archived text: HTML reduced to what a reader sees, files refused with a reason."""

from __future__ import annotations

import pytest

from viewer.domain.archived_text import (
    ArchivedTextError,
    html_to_text,
    summary,
    text_from_file,
)
from viewer.domain.limits import ARCHIVED_TEXT

PAGE = """<!doctype html>
<html><head><title>Kept out</title>
<style>p { color: red; }</style>
<script>document.write("never run");</script>
</head>
<body>
<!-- a comment <p>hidden</p> -->
<noscript>Turn JavaScript on</noscript>
<template><p>a template</p></template>
<h1>Abraham&nbsp;Accords &amp; after</h1>
<p>Witkoff said the   <b>talks</b>
were &ldquo;going well&rdquo;.</p><p>Second&#8217;s paragraph<br>on two lines</p>
<ul><li>one</li><li>two</li></ul>
</body></html>"""


def test_html_keeps_only_what_a_reader_sees() -> None:
    text = html_to_text(PAGE)
    assert text == (
        "Abraham Accords & after\n\n"
        "Witkoff said the talks were \u201cgoing well\u201d.\n\n"
        "Second\u2019s paragraph\non two lines\n\n"
        "one\ntwo"
    )
    for hidden in ("never run", "color", "comment", "hidden", "JavaScript", "template", "Kept"):
        assert hidden not in text


def test_an_unclosed_script_hides_the_rest_rather_than_showing_code() -> None:
    assert html_to_text("<p>Seen</p><script>alert(1)") == "Seen"


def test_html_file_by_its_extension_and_text_file_as_written() -> None:
    assert text_from_file("page.HTM", b"<p>a &lt;b&gt;</p>") == "a <b>"
    assert text_from_file("notes.txt", b"<p>a</p>\r\n\r\n\r\nb ") == "<p>a</p>\n\nb"
    assert text_from_file("bom.txt", "\ufeffsaid".encode()) == "said"


def test_a_file_that_is_not_utf8_is_refused_with_a_reason() -> None:
    with pytest.raises(ArchivedTextError, match="not UTF-8"):
        text_from_file("latin.txt", "caf\u00e9".encode("latin-1"))


def test_a_text_over_the_limit_is_refused_with_its_size() -> None:
    with pytest.raises(ArchivedTextError, match=f"at most {ARCHIVED_TEXT:,} characters"):
        text_from_file("big.txt", b"word " * (ARCHIVED_TEXT // 5 + 10))


def test_summary_counts_words() -> None:
    assert summary("") == "none"
    assert summary("  \n") == "none"
    assert summary("one") == "1 word"
    assert summary("one two\nthree " * 1000) == "3,000 words"


def test_preformatted_text_keeps_its_line_breaks() -> None:
    assert html_to_text("<p>a\nb</p><pre>line one\nline two</pre>") == "a b\n\nline one\nline two"
