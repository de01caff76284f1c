"""The safe store (v0 API; the storage issue hardens what is underneath).

Public API used by the TUI and CLI:
    Store.open(data_dir, create=False) -> Store
    store.snapshot() -> BranchData          (reloads first if another session wrote)
    store.refresh() -> bool                 (True when the file had changed)
    with store.transaction() as tx: ...     (one commit per user action)
        tx.branch / tx.set_branch(branch)
        tx.get(table, id) / tx.all(table)
        tx.insert(record) / tx.update(record) / tx.delete(table, id, rev=None)
    store.add(record) / store.save(record) / store.remove(table, id, rev=None) / store.set_branch(b)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from branchtui.domain.records import TABLES, Branch, BranchData, Record
from branchtui.storage.errors import (
    ConflictError,
    CorruptFileError,
    NotInitializedError,
    StoreError,
)
from branchtui.storage.locations import DATA_FILE, LOCK_FILE

SCHEMA_VERSION = 1


class Transaction:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.changed = False

    @property
    def branch(self) -> Branch | None:
        doc = self.raw.get("branch")
        return Branch.from_dict(doc) if doc else None

    def set_branch(self, branch: Branch) -> Branch:
        branch.rev += 1
        self.raw["branch"] = branch.to_dict()
        self.changed = True
        return branch

    def _table(self, table: str) -> dict[str, Any]:
        if table not in TABLES:
            raise StoreError(f"未知的数据表：{table}")
        return self.raw.setdefault(table, {})

    def get(self, table: str, record_id: str) -> Record | None:
        doc = self._table(table).get(record_id)
        return TABLES[table].from_dict(doc) if doc else None

    def all(self, table: str) -> list[Record]:
        cls = TABLES[table]
        return [cls.from_dict(doc) for doc in self._table(table).values()]

    def insert(self, record: Record) -> Record:
        rows = self._table(record.TABLE)
        if record.id in rows:
            raise ConflictError(f"{record.LABEL}记录已存在：{record.id}")
        record.rev = 1
        rows[record.id] = record.to_dict()
        self.changed = True
        return record

    def update(self, record: Record) -> Record:
        rows = self._table(record.TABLE)
        current = rows.get(record.id)
        if current is None:
            raise ConflictError(f"这条{record.LABEL}记录已被他人删除，无法保存修改。")
        if current.get("rev", 0) != record.rev:
            raise ConflictError(f"这条{record.LABEL}记录已被他人修改，请刷新后重新编辑。")
        record.rev += 1
        rows[record.id] = record.to_dict()
        self.changed = True
        return record

    def delete(self, table: str, record_id: str, rev: int | None = None) -> None:
        rows = self._table(table)
        current = rows.get(record_id)
        if current is None:
            return
        if rev is not None and current.get("rev", 0) != rev:
            raise ConflictError("这条记录已被他人修改，请刷新后再删除。")
        del rows[record_id]
        self.changed = True


class Store:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DATA_FILE
        self.lock_path = data_dir / LOCK_FILE
        self.read_only = False
        self._raw: dict[str, Any] = {}
        self._stamp: tuple[int, int, int] | None = None
        self._snapshot: BranchData | None = None

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> Store:
        store = cls(Path(data_dir))
        if not store.path.exists():
            if not create:
                raise NotInitializedError(f"数据目录 {data_dir} 中还没有支部数据，请先运行初始化。")
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            with store.transaction() as tx:
                tx.changed = True
        store.refresh()
        return store

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _read(self) -> dict[str, Any]:
        try:
            raw = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {"_meta": {"schema_version": SCHEMA_VERSION}}
        except orjson.JSONDecodeError as exc:
            raise CorruptFileError(f"数据文件 {self.path} 已损坏（{exc}）。") from exc
        if not isinstance(raw, dict):
            raise CorruptFileError(f"数据文件 {self.path} 的格式不对。")
        return raw

    def refresh(self) -> bool:
        stamp = self._stat()
        if stamp == self._stamp and self._snapshot is not None:
            return False
        self._raw = self._read()
        self._stamp = stamp
        self._snapshot = None
        return True

    def snapshot(self) -> BranchData:
        self.refresh()
        if self._snapshot is None:
            data = {"branch": self._raw.get("branch")}
            for table in TABLES:
                data[table] = list((self._raw.get(table) or {}).values())
            self._snapshot = BranchData.from_dict(data)
        return self._snapshot

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            raw = self._read()
            tx = Transaction(raw)
            yield tx
            if tx.changed:
                self._write(raw)
            self._raw = raw
            self._stamp = self._stat()
            self._snapshot = None
        except BaseException:
            self._stamp = None
            self._snapshot = None
            raise
        finally:
            os.close(fd)

    def _write(self, raw: dict[str, Any]) -> None:
        raw.setdefault("_meta", {})["schema_version"] = SCHEMA_VERSION
        payload = orjson.dumps(raw)
        tmp = self.path.with_name(f".{DATA_FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        dfd = os.open(self.data_dir, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)

    def replace_all(self, data: BranchData) -> None:
        """Replace the whole content with ``data`` in one commit (demo, import bundle)."""
        with self.transaction() as tx:
            meta = tx.raw.get("_meta", {})
            tx.raw.clear()
            tx.raw["_meta"] = meta
            tx.raw["branch"] = data.branch.to_dict() if data.branch else None
            for table, records in data.tables.items():
                tx.raw[table] = {r.id: r.to_dict() for r in records}
            tx.changed = True

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
