"""Opening a project on a server from the window: the start screen's "Connect to a server…",
the password asked apart (never kept in the settings), and who the window works as.

A server project is named by ``postgresql://USER@HOST/DATABASE``. The password comes from the
URL, ``PGPASSWORD`` or ``~/.pgpass`` (libpq reads them); when the server asks for one and none
was given, the window asks for it and keeps it only in memory, with the open project. The
recent list remembers the URL without it (`pg_connect.shown`). The window works as the login:
its layer is the login's (``current_user``), since the server lets a person write only their
own.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from alama.core.errors import AlamaError
from alama.core.store import Store
from alama.core.store.pg_connect import SCHEMES, is_server, shown
from alama.core.targets import open_project, wants_password, with_password
from alama.gui.i18n import error_text

PASSWORD_TRIES = 3


def project_name(store: Store) -> str:
    """A project's short name (the window's title, a default export name): a file's name
    without ``.alama``, a server project's database."""
    url = getattr(store, "url", None)
    if isinstance(url, str) and is_server(url):
        return unquote(urlsplit(url).path.strip("/")) or shown(url)
    return store.path.stem


def may_review(store: Store) -> bool:
    """Whether the person may review: always on a file; on a server, a reviewer or the lead
    of this project (by its ``team_members``); the server refuses anyone else's gold anyway."""
    server = getattr(store, "server", None)
    if server is None or not is_server(getattr(store, "url", None)):
        return True
    from alama.core.store.pg_team import team_members

    try:
        groups = team_members(server.live()).get(str(server.pg.info.user), [])
    except Exception:  # not readable, or the connection lost: the server will decide
        return True
    return bool({"alama_reviewer", "alama_lead"} & set(groups))


def login_of(store: Store, url: str) -> str:
    """Whose layer the window edits on a server: the login (``current_user``)."""
    server = getattr(store, "server", None)
    try:
        return str(server.pg.info.user) if server is not None else ""
    except Exception:  # a connection lost already: the name in the address
        return urlsplit(url).username or ""


def connect_store(parent: QWidget | None, url: str) -> Store | None:
    """The server project at ``url``, asking for the password when the server wants one;
    None when it cannot be opened (said in a box) or the person gave up."""
    title = QCoreApplication.translate("Server", "Connect to a server")
    tried = url
    for _attempt in range(PASSWORD_TRIES + 1):
        try:
            return open_project(tried)
        except AlamaError as error:
            if not wants_password(error):
                QMessageBox.critical(parent, "", error_text(error))
                return None
        password, ok = QInputDialog.getText(
            parent,
            title,
            QCoreApplication.translate("Server", "Password of %1:").replace("%1", shown(url)),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        tried = with_password(url, password)
    return None


class ConnectDialog(QDialog):
    """The start screen's "Connect to a server…": the project's address (user, host,
    database); the password is asked when the server wants it."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a server"))
        self.user = QLineEdit()
        self.host = QLineEdit()
        self.database = QLineEdit()
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://amal@db.example.org/news")
        self.url.textEdited.connect(self._from_url)
        for part in (self.user, self.host, self.database):
            part.textEdited.connect(self._to_url)
        self._from_url(url)
        form = QFormLayout(self)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Address:"), self.url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _from_url(self, url: str) -> None:
        parts = urlsplit(url) if is_server(url) else None
        self.user.setText(parts.username or "" if parts else "")
        self.host.setText(parts.hostname or "" if parts else "")
        self.database.setText(parts.path.strip("/") if parts else "")

    def _to_url(self) -> None:
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip()
        database = quote(self.database.text().strip(), safe="")
        old = urlsplit(self.url.text()) if is_server(self.url.text()) else None
        query = f"?{old.query}" if old and old.query else ""
        self.url.setText(f"{SCHEMES[0]}{user}{'@' if user else ''}{host}/{database}{query}")

    def chosen(self) -> str | None:
        """The address given (without a password: one typed in it is kept out of the recent
        list by the caller), or None when it is not a server's."""
        text = self.url.text().strip()
        return text if is_server(text) else None
