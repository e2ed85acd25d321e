"""The one way the window opens a web link: checked, shown, asked, then opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from viewer.domain.display_text import CUT_MARK, characters_text, one_line
from viewer.domain.links import WEB_SCHEMES, host_of, imitation_warning, link_problem
from viewer.domain.quoting import quoted

# The parent and the question; True to open.
Ask = Callable[[QWidget | None, str], bool]
# The parent, why the link was not opened, and the whole address (maybe empty).
Warn = Callable[[QWidget | None, str, str], None]
COPY_ADDRESS = "Copy address"
# The most of an address a question or warning shows: its start and its end.
ADDRESS_SHOWN = 400
_ADDRESS_END = 60


class LinkOpener(QObject):
    """Decides whether an external link may be opened, asks, and opens it.

    Links come from the database, which anyone may have edited or imported:
    only complete http and https addresses are opened, never one that names
    a user before its site, and only after the person has seen where it goes
    (see :mod:`viewer.domain.links`). The question names the site as the
    browser will reach it, in ASCII (``xn--`` for letters beyond it), and
    warns when the name imitates another; a long address is shown shortened,
    its whole text a button away.

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
        self._asking = ""
        self._ask: Ask = ask or (lambda parent, text: _ask_in_dialog(parent, text, self._asking))
        self._warn: Warn = warn or _warn_in_dialog

    def request(self, url: str, parent: QWidget | None) -> bool:
        """Open ``url`` if it is a safe web link and the person agrees; True if opened."""
        problem = link_problem(url)
        # Tolerant parsing percent-encodes stray characters ("|", "<") as browsers do;
        # Qt must still read a web address with a host and no user, or the check
        # proved nothing.
        qurl = QUrl(url, QUrl.ParsingMode.TolerantMode)
        if problem is None and (
            not qurl.isValid()
            or qurl.scheme().lower() not in WEB_SCHEMES
            or not qurl.host()
            or qurl.userInfo()
        ):
            problem = f"{quoted(url)} is not a web address this app can open safely."
        if problem is not None:
            self._refuse(problem, url, parent)
            return False
        self._asking = url
        try:
            agreed = self._ask(parent, question_text(url, qurl))
        finally:
            self._asking = ""
        if not agreed:
            return False
        if not self._open_url(qurl):
            self._refuse(f"No program could open {quoted(url)}.", url, parent)
            return False
        self.opened.emit(url)
        return True

    def _refuse(self, reason: str, url: str, parent: QWidget | None) -> None:
        # The reason quotes the start of the address; the warning shows more of it.
        self._warn(parent, reason, url)
        self.refused.emit(reason)


def question_text(url: str, qurl: QUrl) -> str:
    """What "Open link" asks: the address (shortened when long), the site as
    the browser will reach it, and a warning when the site's name imitates another."""
    # The host as Qt will open it, in ASCII: look-alike letters show as xn-- names.
    ascii_host = one_line(qurl.host(QUrl.ComponentFormattingOption.FullyEncoded))
    written = host_of(url)
    site = ascii_host if written.isascii() else f"{ascii_host} (written {one_line(written)})"
    parts = [f"Open this link in your web browser?\n\n{shown_address(url)}\n\nSite: {site}"]
    warning = imitation_warning(written)
    if warning is not None:
        parts.append(warning)
    return "\n\n".join(parts)


def shown_address(url: str) -> str:
    """``url`` as a dialog shows it: whole up to :data:`ADDRESS_SHOWN` characters,
    else its start and its end around a note saying how long it is."""
    if len(url) <= ADDRESS_SHOWN:
        return url
    start = one_line(url[: ADDRESS_SHOWN - _ADDRESS_END], ADDRESS_SHOWN)
    end = one_line(url[-_ADDRESS_END:], _ADDRESS_END)
    return (
        f"{start}{CUT_MARK}{end}\n({characters_text(len(url))} in all; "
        f"the middle is left out here: “{COPY_ADDRESS}” copies the whole address)"
    )


def warning_text(reason: str, url: str) -> str:
    """What "Link not opened" says: the reason, then the address."""
    return f"{reason}\n\nThe whole address:\n{shown_address(url)}" if url.strip() else reason


def _message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    # Plain text: a url or a reason may hold "<" and must show as written.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def _ask_in_dialog(parent: QWidget | None, text: str, url: str) -> bool:
    box = _message_box(QMessageBox.Icon.Question, "Open link", text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    copy = _copy_button(box, url) if len(url) > ADDRESS_SHOWN else None
    while True:
        box.exec()
        # Copying answers nothing: the question stays until Yes, No or Escape.
        if copy is None or box.clickedButton() is not copy:
            return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def _warn_in_dialog(parent: QWidget | None, reason: str, url: str) -> None:
    text = warning_text(reason, url)
    box = _message_box(QMessageBox.Icon.Warning, "Link not opened", text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    # Someone may still want the address (to look at it, or to open it by hand).
    if url:
        _copy_button(box, url)
    box.exec()


def _copy_button(box: QMessageBox, url: str) -> QPushButton:
    copy = box.addButton(COPY_ADDRESS, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(url))
    return copy
