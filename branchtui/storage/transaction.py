"""What one user action may do to the data, through TinyDB tables, checked before anything is kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.codec import decode_many, encode, encode_compact, omit_defaults
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


def scrubbed_document(
    record: Record, base: Record, stored: dict[str, Any], rev: int
) -> dict[str, Any]:
    """The document of ``record``, made from ``base`` (decoded from the ``stored`` document) by
    a delete taking pointers out of some fields: those fields (holding other objects than
    ``base``'s) are encoded again, every other field keeps its stored value as it is; a list
    that only lost rows keeps the stored form of the rows left.

    Nothing new enters such a record (only ids and rows naming a deleted record leave it), so
    the document is not decoded again to be checked as a whole: its new values are checked."""
    cls = type(record)
    doc: dict[str, Any] = {}
    fresh: dict[str, Any] = {}
    for name in _field_names(cls):
        value, before = getattr(record, name), getattr(base, name)
        if value is before:
            if name in stored:
                doc[name] = stored[name]
            continue
        kept = _rows_left(value, before, stored.get(name))
        if kept is None:
            fresh[name] = doc[name] = encode(value)
        elif kept:
            doc[name] = kept
    label = record.LABEL or "记录"
    try:
        check_json(fresh)
    except InvalidRecordError as exc:
        raise InvalidRecordError(f"{label}记录无法保存：{exc.message}") from exc
    compact = omit_defaults(cls, fresh)
    for name in fresh:
        if name in compact:
            doc[name] = compact[name]
        else:
            del doc[name]
    doc["rev"] = rev
    return doc


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _rows_left(value: Any, before: Any, stored: Any) -> list[Any] | None:
    """The stored rows of a list that only lost some (``value`` holds only rows of ``before``,
    in order; ``stored`` is ``before`` as stored), else None."""
    if type(value) is not list or type(before) is not list or type(stored) is not list:
        return None
    if len(stored) != len(before):
        return None
    position = {id(row): i for i, row in enumerate(before)}
    kept = [position.get(id(row), -1) for row in value]
    if -1 in kept or kept != sorted(kept):
        return None
    return [stored[i] for i in kept]


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


# The documents of a table and the records decoded from them (same order), as the store
# holds them, or None when it holds none.
Cached = Callable[[str], tuple[list[Any], list[Any]] | None]


class Transaction:
    """Reads and writes of one transaction; the Store commits them once at the end.

    ``decoded``: a table's records as the store last decoded them, for a table this transaction
    has not touched (what a delete reads to find the records pointing at the deleted one);
    ``cached``: the documents those records were decoded from, so that in a touched table only
    the documents this transaction wrote are decoded again."""

    def __init__(
        self,
        db: BranchDB,
        decoded: Callable[[str], list[Any]] | None = None,
        cached: Cached | None = None,
    ) -> None:
        self._db = db
        self._decoded = decoded
        self._cached = cached
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
            else self._current(name)
            for name in TABLES
        }
        return BranchData(branch=self.branch, tables=tables)

    def _current(self, table: str) -> list[Record]:
        """A touched table's records: a document this transaction did not write is the very
        object the store decoded a record from, and that record is taken as it is."""
        pairs = None if self._cached is None or self.raw_used else self._cached(table)
        if pairs is None:
            return self.all(table)
        # The cached documents are alive (held in ``pairs``): no other object has their id().
        known = {id(doc): record for doc, record in zip(*pairs, strict=True)}
        docs = self._table(table).docs()
        fresh = iter(decode_many(TABLES[table], [d for d in docs if id(d) not in known]))
        return [known[id(d)] if id(d) in known else next(fresh) for d in docs]

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

    def update_all(
        self, records: Sequence[Record], scrubbed_from: dict[str, Record] | None = None
    ) -> None:
        """Update several records as ``update`` does each; the documents of a table are checked
        in one pass (a delete may change thousands of meetings). ``scrubbed_from``: by id, the
        record as stored that a delete's update was made from by taking pointers out
        (domain.deletion): its document is the stored one with those fields encoded again."""
        by_table: dict[str, list[Record]] = {}
        for record in records:
            by_table.setdefault(record.TABLE, []).append(record)
        for table, group in by_table.items():
            rows = self._table(table)
            docs, checked = [], []
            for record in group:
                current = rows.find(record.id)
                if current is None:
                    raise ConflictError(f"这条{record.LABEL}记录已被他人删除，无法保存修改。")
                if current.get("rev", 0) != record.rev:
                    raise ConflictError(f"这条{record.LABEL}记录已被他人修改，请刷新后重新编辑。")
                base = (scrubbed_from or {}).get(record.id)
                if base is not None and base.rev == record.rev:
                    docs.append(scrubbed_document(record, base, current, record.rev + 1))
                else:
                    docs.append(_document(record, record.rev + 1, verify=False))
                    checked.append(len(docs) - 1)
            verify_documents(TABLES[table], [group[i] for i in checked], [docs[i] for i in checked])
            rows.replace_many(docs)
            for record, doc in zip(group, docs, strict=True):
                self._keep(table, record, doc["rev"])

    def apply(self, changes: RecordChanges) -> None:
        """Insert, update and delete the records a domain rule decided on (in that order)."""
        for record in changes.inserts:
            self.insert(record)
        self.update_all([r for r in changes.updates if not isinstance(r, Branch)])
        for record in changes.updates:
            if isinstance(record, Branch):  # the branch's own record, edited in a form
                self.set_branch(record)
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
        data = self.data()
        done = deletion(data, found)
        if done.refusal:
            raise DeleteRefusedError(done.refusal)
        stored = {
            record.id: record
            for table in {r.TABLE for r in done.changes.updates}
            for record in data.records(table)
        }
        self.update_all(done.changes.updates, scrubbed_from=stored)
        gone: dict[str, list[str]] = {}
        for record in done.changes.deletes:
            gone.setdefault(record.TABLE, []).append(record.id)
        for table, ids in gone.items():
            self._table(table).drop_all(ids)
            self.touched.add(table)
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
