"""The one way the window opens a web link: checked, shown in full, then opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.domain.validation import url_problem

Ask = Callable[[QWidget | None, str], bool]
# The parent, why the link was not opened, and the whole address (maybe empty).
Warn = Callable[[QWidget | None, str, str], None]
COPY_ADDRESS = "Copy address"


class LinkOpener(QObject):
    """Decides whether an external link may be opened, asks, and opens it.

    Links come from the database, which anyone may have edited or imported:
    only complete http and https addresses are opened, and only after the
    person has seen the whole address (a link text can hide where it goes).

    Signals:
        refused(str): a link was not opened; the reason, as the warning says it.
        opened(str): a link was handed to the web browser; the url.

    ``open_url``, ``ask`` and ``warn`` are the outside world (browser and
    dialogs); tests pass their own, the window keeps the defaults.
    """

    refused = Signal(str)
    opened = Signal(str)

    def __init__(
        self,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        ask: Ask | None = None,
        warn: Warn | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self._ask: Ask = ask or _ask_in_dialog
        self._warn: Warn = warn or _warn_in_dialog

    def request(self, url: str, parent: QWidget | None) -> bool:
        """Open ``url`` if it is a safe web link and the person agrees; True if opened."""
        problem = link_problem(url)
        # Tolerant parsing percent-encodes stray characters ("|", "<") as browsers do;
        # Qt must still read a web address with a host, or the check proved nothing.
        qurl = QUrl(url, QUrl.ParsingMode.TolerantMode)
        if problem is None and (
            not qurl.isValid() or qurl.scheme().lower() not in ("http", "https") or not qurl.host()
        ):
            problem = f"{url[:60]!r} is not a web address this app can open safely"
        if problem is not None:
            self._refuse(problem, url, parent)
            return False
        host = qurl.host(QUrl.ComponentFormattingOption.FullyEncoded)
        question = (
            f"Open this link in your web browser?\n\n{url}\n\n"
            # The host as Qt will open it, in ASCII: "https://bank.example@evil.example"
            # goes to evil.example, and look-alike letters show as xn-- names.
            f"Site: {host}"
        )
        if not self._ask(parent, question):
            return False
        if not self._open_url(qurl):
            self._refuse(f"No program could open {url[:60]!r}.", url, parent)
            return False
        self.opened.emit(url)
        return True

    def _refuse(self, reason: str, url: str, parent: QWidget | None) -> None:
        # The reason quotes the start of the address; the warning shows all of it.
        self._warn(parent, reason, url)
        self.refused.emit(reason)


def link_problem(url: str) -> str | None:
    """Why ``url`` must not be opened, or None when it may be."""
    if not url.strip():
        return "There is no link to open."
    if any(not character.isprintable() for character in url):
        return f"{url[:60]!r} holds invisible or control characters"
    return url_problem(url)


def _ask_in_dialog(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Open link", text, parent=parent)
    # Plain text: a url or a reason may hold "<" and must show as written.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box.exec() == QMessageBox.StandardButton.Yes


def warning_text(reason: str, url: str) -> str:
    """What "Link not opened" says: the reason, then the whole address."""
    return f"{reason}\n\nThe whole address:\n{url}" if url.strip() else reason


def _warn_in_dialog(parent: QWidget | None, reason: str, url: str) -> None:
    text = warning_text(reason, url)
    box = QMessageBox(QMessageBox.Icon.Warning, "Link not opened", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    # Someone may still want the address (to look at it, or to open it by hand).
    copy = box.addButton(COPY_ADDRESS, QMessageBox.ButtonRole.ActionRole) if url else None
    box.exec()
    if copy is not None and box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(url)
