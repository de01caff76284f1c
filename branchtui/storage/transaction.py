"""What one user action may do to the data, through TinyDB tables, checked before anything is kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.codec import decode_many, encode, encode_compact
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.deletion import deletion
from branchtui.domain.fields import label_of
from branchtui.domain.records import TABLES, Branch, BranchData, Record
from branchtui.storage.atomic import check_json
from branchtui.storage.errors import (
    ConflictError,
    DeleteRefusedError,
    InvalidRecordError,
    StoreError,
)
from branchtui.storage.migrations import BRANCH_TABLE
from branchtui.storage.tinydb_backend import BranchDB, RecordTable


def _document(record: Record | Branch, rev: int, *, verify: bool = True) -> dict[str, Any]:
    # Fields equal to their default are left out (schema 3); the branch's one record is kept whole.
    label = record.LABEL or "记录"
    try:
        doc = encode(record) if isinstance(record, Branch) else encode_compact(record)
    except (TypeError, ValueError) as exc:
        raise InvalidRecordError(f"{label}记录无法保存：含有不能保存的值，未写入磁盘。") from exc
    doc["rev"] = rev
    try:
        check_json(doc)
    except InvalidRecordError as exc:
        raise InvalidRecordError(f"{label}记录无法保存：{exc.message}") from exc
    if verify:
        verify_documents(type(record), [record], [doc])
    return doc


def verify_documents(cls: type, records: list[Any], docs: list[dict[str, Any]]) -> None:
    """Refuse documents that would not read back as the records they were made from.

    A value of the wrong type (a date in a text field, a number where a choice belongs) is
    caught here, before the file is written, not at the next load.
    """
    label = getattr(cls, "LABEL", "") or "记录"
    try:
        decoded: list[Any] = decode_many(cls, docs)
    except DecodeError as exc:
        raise InvalidRecordError(f"{label}记录无法保存：{exc.describe()}，未写入磁盘。") from exc
    for record, back in zip(records, decoded, strict=True):
        back.rev = record.rev  # the document carries the new revision
        if back != record:
            field = next(
                (
                    f.name
                    for f in dataclasses.fields(cls)
                    if getattr(back, f.name) != getattr(record, f.name)
                ),
                "",
            )
            raise InvalidRecordError(
                f"{label}记录无法保存：字段 {field}（{label_of(cls, field)}）的值不是应有的类型，"
                "未写入磁盘。"
            )


class Transaction:
    """Reads and writes of one transaction; the Store commits them once at the end.

    ``decoded``: a table's records as the store last decoded them, for a table this transaction
    has not touched (what a delete reads to find the records pointing at the deleted one)."""

    def __init__(self, db: BranchDB, decoded: Callable[[str], list[Any]] | None = None) -> None:
        self._db = db
        self._decoded = decoded
        self.changed = False
        self.touched: set[str] = set()
        self.raw_used = False
        self._bumped: list[tuple[Record | Branch, int]] = []

    @property
    def raw(self) -> dict[str, Any]:
        """The in-memory data (TinyDB's layout); prefer the record methods."""
        # Whoever edits the raw data may touch any table or document in place.
        self.touched.update(self._db.data)
        self.raw_used = True
        return self._db.data

    def _table(self, table: str) -> RecordTable:
        if table not in TABLES:
            raise StoreError(f"未知的数据表：{table}")
        return self._db.records(table)

    def _keep(self, table: str, record: Record | Branch, rev: int) -> None:
        self._bumped.append((record, record.rev))
        record.rev = rev
        self.touched.add(table)
        self.changed = True

    def roll_back_revisions(self) -> None:
        """Give records their old ``rev`` back: nothing of this transaction was saved."""
        for record, rev in reversed(self._bumped):
            record.rev = rev
        self._bumped.clear()

    @property
    def branch(self) -> Branch | None:
        docs = self._db.records(BRANCH_TABLE).docs()
        return Branch.from_dict(docs[0]) if docs else None

    def set_branch(self, branch: Branch) -> Branch:
        """Save the branch's own record; a stale edit (rev behind the file's) is a conflict."""
        table = self._db.records(BRANCH_TABLE)
        docs = table.docs()
        stored_rev = docs[0].get("rev", 0) if docs else 0
        if docs and branch.rev and stored_rev != branch.rev:
            raise ConflictError("支部信息已被他人修改，请刷新后重新编辑。")
        doc = _document(branch, max(stored_rev, branch.rev) + 1)
        table.fill([doc])
        self._keep(BRANCH_TABLE, branch, doc["rev"])
        return branch

    def get(self, table: str, record_id: str) -> Record | None:
        doc = self._table(table).find(record_id)
        return TABLES[table].from_dict(doc) if doc else None

    def all(self, table: str) -> list[Record]:
        cls = TABLES[table]
        return [cls.from_dict(doc) for doc in self._table(table).docs()]

    def data(self) -> BranchData:
        """Every record as this transaction has it now."""
        decoded = self._decoded
        tables = {
            name: decoded(name)
            if decoded is not None and name not in self.touched
            else self.all(name)
            for name in TABLES
        }
        return BranchData(branch=self.branch, tables=tables)

    def insert(self, record: Record) -> Record:
        rows = self._table(record.TABLE)
        if rows.find(record.id) is not None:
            raise ConflictError(f"{record.LABEL}记录已存在：{record.id}")
        rows.add(_document(record, 1))
        self._keep(record.TABLE, record, 1)
        return record

    def update(self, record: Record) -> Record:
        rows = self._table(record.TABLE)
        current = rows.find(record.id)
        if current is None:
            raise ConflictError(f"这条{record.LABEL}记录已被他人删除，无法保存修改。")
        if current.get("rev", 0) != record.rev:
            raise ConflictError(f"这条{record.LABEL}记录已被他人修改，请刷新后重新编辑。")
        doc = _document(record, record.rev + 1)
        rows.replace(doc)
        self._keep(record.TABLE, record, doc["rev"])
        return record

    def apply(self, changes: RecordChanges) -> None:
        """Insert, update and delete the records a domain rule decided on (in that order)."""
        for record in changes.inserts:
            self.insert(record)
        for record in changes.updates:
            if isinstance(record, Branch):  # the branch's own record, edited in a form
                self.set_branch(record)
            else:
                self.update(record)
        self.delete_all((record.TABLE, record.id, record.rev) for record in changes.deletes)

    def delete(self, table: str, record_id: str, rev: int | None = None) -> None:
        """Delete a record with what its deletion implies (domain.deletion): the records that
        exist only for it go too, other pointers to it are cleared; refused
        (DeleteRefusedError, saying why) when another record rests on it."""
        self.delete_all([(table, record_id, rev)])

    def delete_all(self, targets: Iterable[tuple[str, str, int | None]]) -> None:
        """Delete several records (table, id, rev read with or None) as ``delete`` does one; a
        record already gone is skipped."""
        found: list[tuple[str, str]] = []
        for table, record_id, rev in targets:
            current = self._table(table).find(record_id)
            if current is None:
                continue
            if rev is not None and current.get("rev", 0) != rev:
                raise ConflictError("这条记录已被他人修改，请刷新后再删除。")
            found.append((table, record_id))
        if not found:
            return
        done = deletion(self.data(), found)
        if done.refusal:
            raise DeleteRefusedError(done.refusal)
        for record in done.changes.updates:
            self.update(record)
        for record in done.changes.deletes:
            self._table(record.TABLE).drop(record.id)
            self.touched.add(record.TABLE)
        self.changed = True

    def replace_all(self, data: BranchData) -> None:
        """Make the content exactly ``data`` (revisions kept as they are)."""
        branch_docs = [_document(data.branch, data.branch.rev)] if data.branch else []
        self._db.records(BRANCH_TABLE).fill(branch_docs)
        self.touched.add(BRANCH_TABLE)
        for name in TABLES:
            records = data.tables.get(name, [])
            docs = [_document(r, r.rev, verify=False) for r in records]
            verify_documents(TABLES[name], records, docs)
            if len({d["id"] for d in docs}) != len(docs):
                label = TABLES[name].LABEL
                raise InvalidRecordError(f"{label}中有重复的 id，未保存。")
            self._db.records(name).fill(docs)
            self.touched.add(name)
        self.changed = True
