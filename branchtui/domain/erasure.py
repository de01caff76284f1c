"""录入错误: erase a member entered by mistake, and what was recorded about them, as if never entered.

Removing a member for a real reason (转出, 去世 …) keeps the record as history. A roster entry
made in error is different: it, and every obligation it raised, must go. What happens to the
records that point at the member (decided here, one rule for every reference field):

- a record that exists only for this member (a required ``member_id``: dues payments and rates,
  党员证, discipline and lost-contact cases, hardship cases, trips abroad) is deleted, and so,
  in turn, is whatever exists only for a deleted record;
- a ledger entry filing a deleted record is deleted with it (SYS-3: it exists only to file it);
- a row inside a record that exists only for the member (an attendance row, an appraisal result,
  a 组织生活会 self-examination) is taken out of its list;
- an optional pointer (a group's leader, a seat's holder, a meeting's host or recorder, a
  lecturer, a talk's member or talker, a transfer's member, a plan item's owner …) is cleared:
  the record stays, without the person, and the rules treat it as not filled in (a group
  without a leader, a seat without a holder);
- the member's id is taken out of every list of ids (participants, tellers, contacts …).

No reference to an erased record is left behind (``storage.references.dangling_references``
finds none), so nothing that resolves ids can fail on it.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.fields import fields_of
from branchtui.domain.records import TABLES, BranchData, Record
from branchtui.domain.references import TABLE_NAMED_BY, reference_fields

ENTRY_ERROR = "entry_error"
ENTRY_ERROR_LABEL = "录入错误"


def erase_member(data: BranchData, member_id: str) -> RecordChanges:
    """The member deleted with everything that exists only for them; other records scrubbed."""
    return erase_record(data, "members", member_id)


def erase_record(data: BranchData, table: str, record_id: str) -> RecordChanges:
    """A record of any table deleted (a register entry made by mistake) with everything that
    exists only for it; every other pointer to it cleared, as for a member."""
    erased: dict[str, str] = {record_id: table}  # id → table
    deleted: list[Record] = [r for r in data.records(table) if r.id == record_id]
    # Deleting a record may leave another that exists only for it (a talk about a deleted trip
    # is not: its pointer is optional): repeat until nothing more goes.
    grew = True
    while grew:
        grew = False
        for table, records in data.tables.items():
            for record in records:
                if record.id not in erased and _needs_erased(record, erased):
                    erased[record.id] = table
                    deleted.append(record)
                    grew = True
    updates = []
    for records in data.tables.values():
        for record in records:
            if record.id in erased:
                continue
            scrubbed = _scrub(record, erased)
            if scrubbed is not record:
                updates.append(scrubbed)
    return RecordChanges(updates=tuple(updates), deletes=tuple(deleted))


def _optional(cls: type, name: str) -> bool:
    hint = fields_of(cls)[name].hint
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(hint)
    )


def _points_at(obj: Any, name: str, value: Any, erased: dict[str, str]) -> bool:
    if not isinstance(value, str) or value not in erased:
        return False
    if name in TABLE_NAMED_BY:  # LedgerEntry.record_id: only into the table record_table names
        return getattr(obj, TABLE_NAMED_BY[name]) in ("", erased[value])
    return True


def _needs_erased(obj: Any, erased: dict[str, str]) -> bool:
    """Whether a required (not optional) pointer of ``obj`` points at an erased record; a
    ledger entry's ``record_id`` counts as required: it exists only to file that record."""
    cls = type(obj)
    for name, is_list, nested in reference_fields(cls):  # type: ignore[arg-type]
        required = nested is None and not is_list and not _optional(cls, name)
        required = required or name in TABLE_NAMED_BY
        if required and _points_at(obj, name, getattr(obj, name), erased):
            return True
    return False


def _scrub(obj: Any, erased: dict[str, str]) -> Any:
    """``obj`` without any pointer to an erased record (the same object when it had none)."""
    cls = type(obj)
    changes: dict[str, Any] = {}
    for name, is_list, nested in reference_fields(cls):  # type: ignore[arg-type]
        value = getattr(obj, name)
        if nested is not None:
            if is_list:
                kept = [_scrub(item, erased) for item in value if not _needs_erased(item, erased)]
                if len(kept) != len(value) or any(
                    a is not b for a, b in zip(kept, value, strict=True)
                ):
                    changes[name] = kept
            elif value is not None:
                scrubbed = _scrub(value, erased)
                if scrubbed is not value:
                    changes[name] = scrubbed
        elif is_list:
            kept_ids = [ref for ref in value if ref not in erased]
            if len(kept_ids) != len(value):
                changes[name] = kept_ids
        elif _points_at(obj, name, value, erased) and _optional(cls, name):
            changes[name] = None
    return dataclasses.replace(obj, **changes) if changes else obj


def erasure_summary(changes: RecordChanges) -> str:
    """What an erasure deletes and changes, in Chinese, for the confirmation and the notice."""
    counts: dict[str, int] = {}
    for record in changes.deletes:
        label = TABLES[record.TABLE].LABEL
        counts[label] = counts.get(label, 0) + 1
    parts = [f"{label}{n}条" for label, n in counts.items()]
    text = "删除" + "、".join(parts)
    if changes.updates:
        text += f"，另有{len(changes.updates)}条记录去掉对其的引用"
    return text
