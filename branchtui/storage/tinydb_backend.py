"""TinyDB behind our own storage and table classes.

TinyDB as shipped rewrites its file in place and keeps query caches and next doc ids that go stale
when another process writes. Here TinyDB's storage is only the dict we loaded (the Store commits it
to disk atomically, once per transaction), and records are found by our own ``id``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

Doc = dict[str, Any]


class LoadedStorage(Storage):
    """TinyDB storage whose data is the in-memory copy of branch.json; disk is not touched here."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.dirty = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        self.data = {}


class RecordTable(Table):
    """A TinyDB table of records found by our ``id`` (doc ids are TinyDB's, reused after deletes)."""

    def __init__(self, storage: Storage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._doc_ids: dict[str, int] | None = None

    def _index(self) -> dict[str, int]:
        if self._doc_ids is None:
            self._doc_ids = {doc["id"]: int(key) for key, doc in self._read_table().items()}
        return self._doc_ids

    def find(self, record_id: str) -> Doc | None:
        """The stored document with our ``id``, or None."""
        doc_id = self._index().get(record_id)
        if doc_id is None:
            return None
        doc = self._read_table()[str(doc_id)]
        return doc  # type: ignore[return-value]

    def docs(self) -> list[Doc]:
        """Every stored document, in file order."""
        return list(self._read_table().values())  # type: ignore[arg-type]

    def _stored(self) -> dict[str, Any]:
        """The table's dict inside the loaded data, created when missing."""
        storage = self._storage
        assert isinstance(storage, LoadedStorage)
        table: dict[str, Any] = storage.data.setdefault(self.name, {})
        return table

    def add(self, doc: Doc) -> None:
        """Insert a new document (its ``id`` must not be stored yet)."""
        # In place: TinyDB's insert copies the whole table twice and drops our id index.
        index = self._index()
        doc_id = self._get_next_id()
        self._stored()[str(doc_id)] = doc
        index[doc["id"]] = doc_id
        self._mark_changed()

    def replace(self, doc: Doc) -> None:
        """Put ``doc`` in place of the stored document with the same ``id``."""
        self.replace_many([doc])

    def replace_many(self, docs: Iterable[Doc]) -> None:
        """Put each of ``docs`` in place of the stored document with the same ``id``."""
        index, stored = self._index(), self._stored()
        for doc in docs:
            stored[str(index[doc["id"]])] = doc
        self._mark_changed()

    def _mark_changed(self) -> None:
        # What TinyDB's own writes do, minus the copies: storage dirty, query cache cleared.
        storage = self._storage
        assert isinstance(storage, LoadedStorage)
        storage.dirty = True
        self._query_cache.clear()

    def drop(self, record_id: str) -> bool:
        """Remove the document with our ``id``; False when there was none."""
        return self.drop_all([record_id]) == 1

    def drop_all(self, record_ids: Iterable[str]) -> int:
        """Remove the documents with these ``id``s in place (TinyDB's remove copies the whole
        table twice per call and drops our id index); how many were there."""
        index, stored = self._index(), self._stored()
        dropped = 0
        for record_id in record_ids:
            doc_id = index.pop(record_id, None)
            if doc_id is not None:
                del stored[str(doc_id)]
                dropped += 1
        if dropped:
            self._mark_changed()
        return dropped

    def fill(self, docs: Iterable[Doc]) -> None:
        """Replace the whole table with ``docs`` in one TinyDB update."""
        self.truncate()
        self.insert_multiple(docs)
        self._doc_ids = None

    def clear_cache(self) -> None:
        """Forget everything derived from the data: query cache, id index and next doc id."""
        super().clear_cache()
        self._doc_ids = None
        self._next_id = None


class BranchDB(TinyDB):
    """The TinyDB database of one branch.json, held in memory between commits."""

    table_class = RecordTable  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__(storage=LoadedStorage)

    @property
    def loaded(self) -> LoadedStorage:
        storage = self.storage
        assert isinstance(storage, LoadedStorage)
        return storage

    @property
    def data(self) -> dict[str, Any]:
        return self.loaded.data

    def records(self, name: str) -> RecordTable:
        table = self.table(name)
        assert isinstance(table, RecordTable)
        return table

    def reload(self, data: dict[str, Any]) -> None:
        """Take ``data`` as the new content; every table's caches and next doc id are reset."""
        self.loaded.data = data
        self.loaded.dirty = False
        for table in self._tables.values():
            table.clear_cache()
