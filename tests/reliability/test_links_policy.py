"""Issue 10, "links": only web addresses open, none that passes for another.

An address with a user name before its site is refused, saying why; a site
whose name mixes scripts is shown as the browser reaches it (punycode) with
a warning that it imitates another; a long address is shortened in the
question; anything that is not http or https is refused as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from viewer.domain.links import imitation_warning, link_problem
from viewer.ui.browse.link_opener import COPY_ADDRESS, LinkOpener

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")

# "apple.com" with a Cyrillic a (U+0430) for its first letter, and wholly in Cyrillic.
MIXED = "\u0430pple.com"
ALL_CYRILLIC = "\u0430\u0440\u0440\u04cf\u0435.com"


@dataclass
class World:
    """The browser and the link dialogs, recorded instead of shown."""

    answer: bool = True
    opened: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    warned: list[tuple[str, str]] = field(default_factory=list)

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    def ask(self, _parent: object, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def warn(self, _parent: object, reason: str, url: str) -> None:
        self.warned.append((reason, url))

    def opener(self) -> LinkOpener:
        return LinkOpener(open_url=self.open_url, ask=self.ask, warn=self.warn)


@pytest.mark.parametrize(
    ("url", "user", "site"),
    [
        ("https://user@host.example/", "user", "host.example"),
        ("https://apple.com@evil.example/login", "apple.com", "evil.example"),
        ("http://name:secret@bank.example:8080/", "name:secret", "bank.example:8080"),
    ],
)
def test_an_address_with_a_user_before_its_site_is_refused_saying_why(
    url: str, user: str, site: str
) -> None:
    world = World()
    assert world.opener().request(url, None) is False
    assert world.opened == [] and world.asked == []
    [(reason, address)] = world.warned
    assert address == url
    assert f"names a user ({user!r}) before its site" in reason
    assert f"it would open {site!r}, not what it seems to" in reason
    assert "does not open them" in reason


def test_an_at_sign_after_the_site_is_no_user() -> None:
    world = World()
    assert world.opener().request("https://medium.example/@someone/post", None) is True
    assert world.opened == ["https://medium.example/@someone/post"]


@pytest.mark.parametrize("host", [MIXED, ALL_CYRILLIC, "g\u03bf\u03bfgle.com"])
def test_a_site_that_imitates_another_is_shown_in_punycode_with_a_warning(host: str) -> None:
    world = World(answer=False)
    url = f"https://{host}/account"
    assert world.opener().request(url, None) is False  # the person said no
    [question] = world.asked
    ascii_host = host.encode("idna").decode("ascii")
    assert ascii_host.startswith("xn--")
    assert f"Site: {ascii_host} (written {host})" in question
    assert "mixes" in question and "as names made to imitate another do" in question
    assert "but it is not that site" in question
    assert world.opened == []


def test_the_imitated_name_is_named() -> None:
    warning = imitation_warning(MIXED)
    assert warning is not None
    assert "mixes Cyrillic and Latin letters" in warning
    assert "It looks like 'apple.com', but it is not that site." in warning
    # The browser's own spelling of the same name is read as the letters it stands for.
    assert imitation_warning("xn--pple-43d.com") == warning


@pytest.mark.parametrize(
    "host",
    [
        "apple.com",
        "\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",  # a Russian name under .рф
        "m\u00fcnchen.de",
        "\u65e5\u672c\u8a9e\u3072\u3089\u304c\u306a\u30ab\u30bf\u30ab\u30ca.jp",  # Japanese
        "\u043f\u0440\u0438\u043c\u0435\u0440.com",  # Cyrillic under .com, not all look Latin
    ],
)
def test_names_in_one_script_or_a_mix_in_use_are_not_warned_about(host: str) -> None:
    assert imitation_warning(host) is None
    world = World()
    assert world.opener().request(f"https://{host}/", None) is True
    assert "imitate" not in world.asked[0]


def test_a_long_address_is_shortened_in_the_question_and_copied_whole(qtbot: QtBot) -> None:
    url = "https://example.org/" + "x" * 5_000 + "/the-end"
    seen: list[str] = []

    def copy_then_no(box: QMessageBox) -> None:
        seen.append(box.text())
        buttons = {button.text(): button for button in box.findChildren(QPushButton)}
        if not QGuiApplication.clipboard().text():
            qtbot.mouseClick(buttons[COPY_ADDRESS], Qt.MouseButton.LeftButton)
            QTimer.singleShot(0, lambda: poll())  # the question stays after copying
        else:
            box.button(QMessageBox.StandardButton.No).click()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            copy_then_no(box)
        else:
            QTimer.singleShot(10, poll)

    QGuiApplication.clipboard().clear()
    QTimer.singleShot(0, poll)
    world = World()
    opener = LinkOpener(open_url=world.open_url)  # the real question, in a dialog
    assert opener.request(url, None) is False
    assert world.opened == []
    assert len(seen) == 2 and seen[0] == seen[1]
    assert len(seen[0]) < 700
    assert "https://example.org/xxx" in seen[0] and "xxx/the-end" in seen[0]
    assert "(5,028 characters in all; the middle is left out here" in seen[0]
    assert QGuiApplication.clipboard().text() == url


def test_a_short_address_is_shown_whole() -> None:
    world = World()
    url = "https://example.org/a?b=1#c"
    assert world.opener().request(url, None) is True
    assert world.asked == [f"Open this link in your web browser?\n\n{url}\n\nSite: example.org"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.org/",
        "https://example.org/\x1b[2J",
        "https://example.org/\u202egnp.exe",
        "//example.org/",
        "",
    ],
)
def test_anything_but_a_plain_web_address_is_refused(url: str) -> None:
    world = World()
    assert world.opener().request(url, None) is False
    assert world.opened == [] and world.asked == []
    assert len(world.warned) == 1
    assert link_problem(url) is not None
