"""The safe store: TinyDB in memory, one atomic commit per transaction, under a writers' lock.

Public API used by the TUI and CLI:
    Store.open(data_dir, create=False) -> Store
    store.snapshot() -> BranchData          (reloads first if another session wrote)
    store.refresh() -> bool                 (True when the file had changed)
    store.read_only / store.notice          (a file of a newer branchtui: read-only, and why)
    with store.transaction() as tx: ...     (one commit per user action)
        tx.branch / tx.set_branch(branch)
        tx.get(table, id) / tx.all(table)
        tx.insert(record) / tx.update(record)
        tx.delete(table, id, rev=None)      (with what the delete implies, or refused: domain.deletion)
        tx.apply(changes)                   (a domain rule's RecordChanges)
        tx.replace_all(data)
    store.add(record) / store.save(record) / store.remove(table, id, rev=None) / store.set_branch(b)
    store.replace_all(data, reason="replace")
    store.backup(reason="manual") / store.list_backups() / store.newest_good_backup()
    store.restore(backup)
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from branchtui.domain.codec import decode_many
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.records import TABLES, Branch, BranchData, Record
from branchtui.storage import backups
from branchtui.storage.atomic import dumps, remove_leftover_temps, write_atomic
from branchtui.storage.errors import (
    ConflictError,
    CorruptFileError,
    NewerSchemaError,
    NotInitializedError,
    ReadOnlyError,
    StoreError,
)
from branchtui.storage.file_read import Stamp, corrupt_file_error, read_data_file
from branchtui.storage.layout import (
    Blocks,
    encode_table,
    file_chunks,
    fill_from_file,
    table_chunks,
)
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.lock import write_lock
from branchtui.storage.migrations import (
    BRANCH_TABLE,
    META,
    SCHEMA_VERSION,
    empty_file,
    migrate,
    new_meta,
    schema_version_of,
)
from branchtui.storage.modes import claim_folder, file_mode
from branchtui.storage.tinydb_backend import BranchDB
from branchtui.storage.transaction import Transaction
from branchtui.storage.validate import (
    record_type,
    unreadable_record,
)

__all__ = ["SCHEMA_VERSION", "Store", "Transaction", "corrupt_file_error"]


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector while building ~10^6 acyclic objects (halves a big load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Store:
    """One branch's data folder. Not shared between threads without the store's own mutex."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE
        self.read_only = False
        self.notice: str | None = None
        self._db = BranchDB()
        self._loaded = False
        self._stamp: Stamp | None = None
        self._file_version = SCHEMA_VERSION
        self._decoded: dict[str, list[Any]] = {}
        # Per table in _decoded, the documents its records were decoded from (same order).
        self._decoded_docs: dict[str, list[Any]] = {}
        # After a reload: per changed table, id -> (previous document, its decoded record).
        self._reusable: dict[str, dict[str, tuple[Any, Any]]] = {}
        # Per table, its documents in blocks with their hashes (and bytes once a commit wrote them).
        self._blocks: dict[str, Blocks] = {}
        self._snapshot: BranchData | None = None
        self._mutex = threading.RLock()

    # --- opening and loading -------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = False) -> Store:
        """Open the data folder; ``create`` makes an empty branch file when there is none."""
        store = cls(Path(data_dir))
        if not store.path.exists():
            if not create:
                raise NotInitializedError(
                    f"数据目录 {store.data_dir} 中还没有支部数据，请先运行 branchtui init。"
                )
            store._create()
        store._remove_leftovers()
        store._load()
        if store._file_version < SCHEMA_VERSION and not store.read_only:
            with store.transaction():
                pass  # the transaction commits the migration, after a "migrate" backup
        return store

    @classmethod
    def read_snapshot(cls, data_dir: Path | str) -> BranchData:
        """The data as the file holds it now, for a reader that changes nothing: no lock is
        taken, no leftover temp file removed, an older file is migrated in memory only."""
        store = cls(Path(data_dir))
        store._load()
        return store.snapshot()

    def _create(self) -> None:
        claim_folder(self.data_dir)
        with write_lock(self.data_dir):
            if not self.path.exists():
                write_atomic(self.path, dumps(empty_file()), file_mode(self.data_dir))

    def _remove_leftovers(self) -> None:
        # Under the lock: a live writer's temp file is never taken for a leftover.
        with contextlib.suppress(StoreError), write_lock(self.data_dir):
            remove_leftover_temps(self.path)

    def _stat(self) -> Stamp | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _read_file(self) -> tuple[dict[str, Any], Stamp, dict[str, Blocks], set[str] | None]:
        """The parsed file, its stamp, its blocks and the tables that changed (None: any)."""
        # Blocks of a read-only (newer) file were never shape-checked: not reused.
        known = self._blocks if self._loaded and not self.read_only else {}
        return read_data_file(self.path, known, self._db.data)

    def _load(self) -> None:
        with _no_gc():
            self._load_file()

    def _load_file(self) -> None:
        previous, decoded, decoded_docs = self._db.data, self._decoded, self._decoded_docs
        raw, stamp, blocks, changed = self._read_file()
        version = schema_version_of(raw)
        self.read_only = version > SCHEMA_VERSION
        self.notice = None
        if self.read_only:
            self.notice = NewerSchemaError(
                f"数据文件由更新版本的 branchtui 写入（数据版本 {version}，本程序支持 "
                f"{SCHEMA_VERSION}），已以只读方式打开；请升级 branchtui 后再修改。"
            ).message
        elif version < SCHEMA_VERSION:
            raw = migrate(raw)  # in memory; the next transaction commits it
            blocks, changed = {}, None
        # Tables another session left as they were keep their decoded records (no re-decoding);
        # in a changed table, every record whose document is unchanged is reused too.
        self._decoded, self._decoded_docs, self._reusable = {}, {}, {}
        for name, records in decoded.items():
            if not self._loaded or name not in raw:
                continue
            old_docs = previous.get(name)
            if raw[name] is old_docs or (changed is None and raw[name] == old_docs):
                self._decoded[name] = records
                if name in decoded_docs:  # (equal to the new ones, in the records' order)
                    self._decoded_docs[name] = decoded_docs[name]
            elif old_docs:
                pairs = zip(old_docs.values(), records, strict=False)
                self._reusable[name] = {doc.get("id"): (doc, rec) for doc, rec in pairs}
        self._db.reload(raw)
        self._blocks = blocks  # they describe the data just loaded, and only that
        self._file_version = version
        self._stamp = stamp
        self._loaded = True
        self._snapshot = None
        if not self.read_only:
            # Decode every record now: a file whose records do not read is never written back.
            try:
                for name in (BRANCH_TABLE, *TABLES):
                    self._decoded_table(name)
            except CorruptFileError:
                self._drop()
                raise

    def _drop(self) -> None:
        """Forget the in-memory copy; the next read loads the file again."""
        self._db.reload({})
        self._loaded = False
        self._stamp = None
        self._decoded.clear()
        self._decoded_docs.clear()
        self._reusable.clear()
        self._blocks = {}
        self._snapshot = None

    # --- reading -------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Reload when another session replaced the file; True when it had changed."""
        with self._mutex:
            if self._loaded and self._stat() == self._stamp:
                return False
            self._load()
            return True

    def _decoded_table(self, name: str) -> list[Any]:
        cached = self._decoded.get(name)
        if cached is None:
            docs = self._db.records(name).docs()
            cached = self._decode(name, docs)
            self._decoded[name] = cached
            self._decoded_docs[name] = docs
        return cached

    def _cached_pairs(self, name: str) -> tuple[list[Any], list[Any]] | None:
        """The documents of a table and the records decoded from them, when both are held."""
        records, docs = self._decoded.get(name), self._decoded_docs.get(name)
        if records is None or docs is None or len(records) != len(docs):
            return None
        return docs, records

    def _decode(self, name: str, docs: list[Any]) -> list[Any]:
        """The table's records; a document decoded at the last load from equal bytes is reused."""
        reusable = self._reusable.pop(name, {})
        records = [_reuse(reusable, doc) for doc in docs] if reusable else [None] * len(docs)
        todo = [i for i, record in enumerate(records) if record is None]
        try:
            fresh: list[Any] = decode_many(record_type(name), [docs[i] for i in todo])
        except DecodeError as exc:
            position = todo[getattr(exc, "position", 0)]
            problem = unreadable_record(name, position + 1, docs[position], exc)
            raise corrupt_file_error(self.path, problem) from exc
        for i, record in zip(todo, fresh, strict=True):
            records[i] = record
        return records

    def snapshot(self) -> BranchData:
        """The whole branch as records; cheap (one stat) when nothing changed since last time."""
        with self._mutex:
            self.refresh()
            if self._snapshot is None:
                with _no_gc():
                    self._snapshot = self._build_snapshot()
            return self._snapshot

    def _build_snapshot(self) -> BranchData:
        branches = self._decoded_table(BRANCH_TABLE)
        return BranchData(
            branch=branches[0] if branches else None,
            tables={name: list(self._decoded_table(name)) for name in TABLES},
        )

    # --- writing -------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.notice} 不能保存修改。")

    @contextlib.contextmanager
    def transaction(self, *, reason: str = "commit") -> Iterator[Transaction]:
        """One commit for everything done in the block; on any error nothing is written."""
        with self._mutex:
            self._check_writable()
            with write_lock(self.data_dir):
                tx: Transaction | None = None
                try:
                    if not self._loaded or self._stat() != self._stamp:
                        self._load()
                    self._check_writable()
                    migrating = self._file_version < SCHEMA_VERSION
                    tx = Transaction(self._db, self._decoded_table, self._cached_pairs)
                    yield tx
                    if tx.changed or migrating:
                        self._commit("migrate" if migrating else reason, tx.touched, tx.raw_used)
                except BaseException:
                    if tx is not None:
                        tx.roll_back_revisions()
                    self._drop()
                    raise

    def _commit(self, reason: str, touched: set[str], raw_used: bool) -> None:
        data = self._db.data
        data[META] = {**(data.get(META) or {}), **new_meta()}
        migrating = self._file_version < SCHEMA_VERSION
        if raw_used or migrating:
            self._blocks = {}  # documents may have been edited in place
        dumps(data[META])  # the meta is checked like any document
        fill_from_file(self.path, self._blocks)  # a session's first commit: bytes read, not encoded
        tables: dict[str, list[bytes]] = {}
        for name, table in data.items():
            if name == META:
                continue
            blocks = self._blocks.get(name)
            if name in touched or blocks is None or any(b.data is None for b in blocks):
                blocks = self._blocks[name] = encode_table(table, blocks)
            tables[name] = table_chunks(blocks)
        payload = file_chunks(data[META], tables)
        if self._stat() != self._stamp:
            raise ConflictError("数据文件在保存时被其他程序改动，本次修改未保存，请刷新后重试。")
        mode = file_mode(self.data_dir, self.path)
        # A copy of the file this store read whole: the newest good backup, for the rotation.
        linked = backups.link_backup(self.data_dir, reason)
        write_atomic(self.path, payload, mode)
        self._stamp = self._stat()
        migrated = self._file_version < SCHEMA_VERSION
        self._file_version = SCHEMA_VERSION
        self._db.loaded.dirty = False
        if migrated:
            self._decoded.clear()
            self._decoded_docs.clear()
        for name in touched:
            records = self._decoded.pop(name, None)
            docs = self._decoded_docs.pop(name, None)
            # The next snapshot decodes only the documents this commit wrote: every other one
            # is the very object its record was decoded from (not when the documents may have
            # been edited in place through ``tx.raw``).
            if records and docs and len(docs) == len(records) and not (raw_used or migrated):
                pairs = zip(docs, records, strict=True)
                self._reusable[name] = {doc.get("id"): (doc, rec) for doc, rec in pairs}
        self._snapshot = None
        # The commit is already durable; a failed clean-up of old backups must not undo it.
        with contextlib.suppress(OSError):
            backups.rotate_backups(self.data_dir, good=linked)

    def replace_all(self, data: BranchData, *, reason: str = "replace") -> None:
        """Replace the whole content with ``data`` in one commit (demo, import bundle)."""
        with self.transaction(reason=reason) as tx:
            tx.replace_all(data)

    # One commit per call, for the common single-record actions.
    def add(self, record: Record) -> Record:
        with self.transaction() as tx:
            return tx.insert(record)

    def save(self, record: Record) -> Record:
        with self.transaction() as tx:
            return tx.update(record)

    def remove(self, table: str, record_id: str, rev: int | None = None) -> None:
        with self.transaction() as tx:
            tx.delete(table, record_id, rev)

    def set_branch(self, branch: Branch) -> Branch:
        with self.transaction() as tx:
            return tx.set_branch(branch)

    # --- backups -------------------------------------------------------------------------
    def backup(self, reason: str = "manual") -> backups.Backup:
        """Take a backup of the current file now."""
        return backups.make_backup(self.data_dir, reason)

    def list_backups(self) -> list[backups.Backup]:
        return backups.list_backups(self.data_dir)

    def newest_good_backup(self) -> backups.Backup | None:
        return backups.newest_good_backup(self.data_dir)

    def restore(self, backup: backups.Backup | str | Path) -> backups.Backup | None:
        """Put a backup back (the current file is backed up first) and reload."""
        with self._mutex:
            kept = backups.restore(self.data_dir, backup)
            self._drop()
            self.refresh()
            if self._file_version < SCHEMA_VERSION and not self.read_only:
                with self.transaction():
                    pass
            return kept


def _reuse(reusable: dict[str, tuple[Any, Any]], doc: Any) -> Any:
    """The record decoded earlier from an equal document, or None."""
    if not reusable or not isinstance(doc, dict):
        return None
    found = reusable.get(doc.get("id"))  # type: ignore[arg-type]
    if found is not None and (found[0] is doc or found[0] == doc):
        return found[1]
    return None
