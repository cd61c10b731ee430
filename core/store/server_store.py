"""`ServerStore`: an Alama project on a PostgreSQL server, with the methods of a file's `Store`.

The same mixins (documents, spans, review, relations, suggestions, assignments, counts, what
export and agreement read) run over `ServerConnection`; what differs is here. Search reads the
normalized copy in ``documents_search`` through its trigram index (``pg_trgm``); the lead's
import writes that copy in the same transaction as the documents (annotators may not write it).
The operations of a file as a file (a backup copy, a handed-out copy cut down in place, a merge
source attached to the target) are refused in one line.

Who may do what is the server's to say: opened as an annotator, the store reads what the
policies show them (their assigned documents and their own layer) and writes their own layer
only; any other write is refused in one line and nothing of it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, Self

from alama.core import folding
from alama.core.errors import InputError
from alama.core.labels import LabelSet
from alama.core.model import NewDocument

from .base import now
from .merge_stage import Source, StagedSpans
from .project import StoreRows
from .server import ServerConnection, file_only
from .tokens import Bounds


class ServerStore(StoreRows, ServerConnection):
    """An open Alama project on a PostgreSQL server."""

    @classmethod
    def create(cls, url: str, labels: LabelSet | None = None) -> Self:
        """Set a server project up (``alama init postgresql://…``, by the database's owner)
        and open it; a new one gets the label set (the default one unless given)."""
        from .pg_connect import set_up

        set_up(url)
        store = cls.open(url)
        try:
            if store._meta("created_at") is None:
                with store.transaction():
                    store.set_labels(labels or LabelSet.default())
                    store._set_meta("created_at", now())
        except BaseException:
            store.close()
            raise
        return store

    # --- documents and search --------------------------------------------------------------

    def add_documents(self, items: Sequence[NewDocument]) -> list[tuple[int, bool]]:
        """As a file's, and the search copy of the new documents written with them."""
        for item in items:
            if "\x00" in item.text:
                raise InputError(
                    f"{item.source or item.doc_id or 'a text'}: the text holds a NUL character, "
                    "which a server cannot store"
                )
        with self.transaction():
            added = super().add_documents(items)
            self.conn.executemany(
                self.sql.insert_ignore("documents_search", "doc, norm"),
                [
                    (doc, folding.normalize(item.text))
                    for item, (doc, is_new) in zip(items, added, strict=True)
                    if is_new
                ],
            )
        return added

    def search(self, query: str) -> list[int]:
        """Ids of documents containing ``query``, ignoring diacritics, tatweel and hamza forms
        and the case of letters, in project order (the trigram index answers ``ILIKE``)."""
        needle = folding.normalize(query).strip()
        if not needle:
            return []
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT s.doc FROM documents_search s JOIN documents d ON d.id = s.doc "
            "WHERE s.norm ILIKE ? ESCAPE '\\' ORDER BY d.position",
            (f"%{escaped}%",),
        ).fetchall()
        found = [int(row[0]) for row in rows]
        if self.unindexed():  # documents moved in without their copy: searched here
            have = set(found)
            folded = needle.lower()
            for doc, text in self.conn.execute(
                "SELECT id, text FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM documents_search s WHERE s.doc = d.id)"
            ):
                if doc not in have and folded in folding.normalize(text).lower():
                    found.append(doc)
            order = {doc: n for n, doc in enumerate(self.document_ids())}
            found.sort(key=lambda doc: order.get(doc, 0))
        return found

    def unindexed(self) -> int:
        """How many documents the search copy does not have (the lead's import writes it)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM documents_search s WHERE s.doc = d.id)"
        ).fetchone()
        return int(row[0])

    def index_for_search(self, batch: int = 500) -> int:
        """Add the search copy of the documents that lack one; how many (none where the login
        may not write it: `search` reads those documents' texts)."""
        if self.read_only_reason is not None or not self.unindexed():
            return 0
        try:
            with self.transaction():
                rows = self.conn.execute(
                    "SELECT id, text FROM documents d WHERE NOT EXISTS "
                    "(SELECT 1 FROM documents_search s WHERE s.doc = d.id)"
                ).fetchall()
                self.conn.executemany(
                    self.sql.insert_ignore("documents_search", "doc, norm"),
                    [(doc, folding.normalize(text)) for doc, text in rows],
                )
        except InputError:  # refused to this login
            return 0
        return len(rows)

    def fill_record_tokens(
        self,
        make: Callable[[list[tuple[str, Bounds]]], list[tuple[str, bytes | None]]],
        batch: int = 200,
    ) -> int:
        """As a file's; where the login may not write the tokens (an annotator), none are kept
        and the export makes them as it goes."""
        try:
            return super().fill_record_tokens(make, batch)
        except InputError:
            return 0

    # --- what only a file does -------------------------------------------------------------

    def keep_only(self, annotator: str, order: Sequence[int]) -> NoReturn:
        raise file_only("cutting a project down to one annotator's copy")

    def backup_into(self, temp: Path) -> None:
        """Copy what this login may read of the project (the lead: all of it), as it is at
        this moment (one snapshot), into the new file ``temp``: what a handout cuts down."""
        import tempfile

        from .pg_transfer import to_file
        from .project import Store

        with tempfile.TemporaryDirectory(prefix="alama-copy-") as folder:
            copy = Path(folder) / "copy.alama"
            with self.pg.transaction():
                self.pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                to_file(self.pg, copy)
            with Store.open(copy) as store:
                store.backup_into(temp)

    def stage(self, documents: Any, source: Source) -> int:
        raise file_only("staging a merge source")

    @contextmanager
    def reading_sources(self) -> Iterator[None]:
        raise file_only("attaching merge sources")
        yield  # pragma: no cover

    def write_staged(self, layers: Sequence[str], latest: str) -> StagedSpans:
        raise file_only("writing staged merge sources")
