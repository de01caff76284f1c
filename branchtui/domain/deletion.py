"""Deleting a record: what else the delete does, or why it is refused — one rule for every path
that deletes (a register's d, 会议记录 d, 录入错误, 撤销交纳 …). Storage applies it to every
delete (``Transaction.delete``), so no record is ever left pointing at one that is gone: doctor
finds nothing, and ``import bundle`` of the branch's own ``export bundle`` is accepted (DESIGN:
the round trip is lossless).

What happens to a record that points at a deleted one (domain.references knows every pointer):

- it is the very purpose of the deleted record — a term's or an election's general meeting
  (ORG-4), the term or vacancy an election filled (ORG-4, ORG-8), the 支部党员大会 of a
  development step (NAT-1): the delete is **refused**, naming what refers to it and what to do;
- it exists only for the deleted record — a required pointer (a member's dues payments), a
  ledger entry filing it (SYS-3), the 民主评议 recorded at a meeting: **deleted** with it, and so,
  in turn, is whatever exists only for that;
- a row of a list inside another record exists only for it (an attendance row, an appraisal
  result): the row is **taken out**;
- an optional pointer is context (a study session's meeting, a talk's subject, a meeting's
  venue, a group's leader …): it is **cleared**, and the rules treat it as not filled in; an id
  is taken out of every list of ids (participants, photos …).

A term, a seat or a vacancy asked to be deleted has rules of its own (domain.committee_deletion,
ORG-4…ORG-8): refused when it is the committee's history, else what it ended comes back (the
committee before a term, the vacancy a seat filled, the seat an 出缺 opened: **restored**).
"""

from __future__ import annotations

import dataclasses
import heapq
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.committee_deletion import (
    CommitteeDeletion,
    seat_deletion,
    term_deletion,
    vacancy_deletion,
)
from branchtui.domain.dates import format_date
from branchtui.domain.fields import fields_of
from branchtui.domain.records import (
    TABLES,
    Appraisal,
    BranchData,
    CandidateEvent,
    CommitteeSeat,
    Election,
    Record,
    Term,
    Vacancy,
)
from branchtui.domain.records.branch import ELECTION_KINDS
from branchtui.domain.records.development import CANDIDATE_STEPS
from branchtui.domain.reference_index import (
    ReferenceIndex,
    names_any,
    naming_rows,
    pointer_names_into,
    pointers,
    referring,
)
from branchtui.domain.references import ANY_TABLE, TABLE_NAMED_BY

# What to do instead of deleting a record others rest on.
_CORRECT_IT = "如这条{label}记录有误，请修改而不是删除"
_STEP_FIRST = "如该环节记录有误，请先在发展党员档案中修改或删除该环节"


def _election(election: Election) -> str:
    return f"{format_date(election.date)}{ELECTION_KINDS[election.kind]}"


@dataclasses.dataclass(frozen=True)
class Essential:
    """A pointer that is the referring record's point: the record it names cannot be deleted.
    ``what``: (the referring record, the part holding the pointer) → what the deleted record is
    to it; ``instead``: what the user may do."""

    what: Callable[[Any, Any], str]
    instead: str = _CORRECT_IT


ESSENTIAL: dict[tuple[type, str], Essential] = {
    # ORG-4: the general meeting that elected a committee, or held an election.
    (Term, "elected_at_meeting_id"): Essential(lambda t, _: f"第{t.number}届支部委员会的选举会议"),
    (Election, "meeting_id"): Essential(lambda e, _: f"{_election(e)}的选举大会"),
    # ORG-4, ORG-8: what an election produced or filled.
    (Election, "term_id"): Essential(lambda e, _: f"{_election(e)}产生的任期"),
    (Election, "vacancy_id"): Essential(lambda e, _: f"{_election(e)}补选的空缺"),
    # NAT-1: the 支部党员大会 that discussed or voted on a development step.
    (CandidateEvent, "meeting_id"): Essential(
        lambda c, ev: f"{c.name}「{CANDIDATE_STEPS.get(ev.step, ev.step)}」环节的会议记录",
        _STEP_FIRST,
    ),
}
# Optional pointers whose record exists only for the record pointed at: the 民主评议 entered
# with its meeting (the meeting wizard's step) goes with the meeting.
OWNED: frozenset[tuple[type, str]] = frozenset({(Appraisal, "meeting_id")})
# Records asked to be deleted that have rules of their own (ORG-4…ORG-8).
OWN_RULES: dict[type, Callable[[BranchData, Any], CommitteeDeletion]] = {
    Term: term_deletion,
    CommitteeSeat: seat_deletion,
    Vacancy: vacancy_deletion,
}


@dataclasses.dataclass(frozen=True)
class Deletion:
    """What deleting some records does: ``changes`` (the records deleted, those asked for
    first, and the records changed), or ``refusal``, a Chinese sentence saying why not (then
    ``changes`` is empty). ``restored``: the ids of the changed records that a committee
    record's delete put back as they were before it (domain.committee_deletion)."""

    changes: RecordChanges = dataclasses.field(default_factory=RecordChanges)
    refusal: str = ""
    restored: frozenset[str] = frozenset()

    def also(self, asked: int = 1) -> str:
        """What the delete does beyond the ``asked`` records, in Chinese ("" when nothing)."""
        more = RecordChanges(updates=self.changes.updates, deletes=self.changes.deletes[asked:])
        text = deletion_summary(more, self.restored)
        return f"同时{text}" if more.deletes else text


def deletion(data: BranchData, targets: Iterable[tuple[str, str]]) -> Deletion:
    """Deleting the records ``targets`` names ((table, id) pairs; ids not found are ignored):
    refused when another record rests on one, else every change it makes (module docstring).

    Only the records naming a deleted one are looked at (domain.reference_index, built once
    per delete), in the order a look through every record would take them: the result is the
    same as that look's, order included."""
    index = ReferenceIndex(data)
    erased: dict[str, str] = {}  # id → table
    deleted: list[Record] = []
    for table, record_id in targets:
        record = index.find(table, record_id)
        if record is not None and record_id not in erased:
            erased[record_id] = table
            deleted.append(record)
    if not deleted:
        return Deletion()
    asked = len(deleted)
    # A deleted record may leave another that exists only for it: repeat until nothing more
    # goes, looking each time only where a record may point at those deleted last.
    last = frozenset(erased.values())
    while last:
        into, grown = frozenset(erased.values()), set()
        for table in referring(last):
            records = data.records(table)
            # The records naming a deleted one, in table order; one deleted here may be named
            # by a later record of the same table.
            heap = sorted(index.positions(table, erased.items()))
            done = -1
            while heap:
                position = heapq.heappop(heap)
                if position <= done:
                    continue
                done, record = position, records[position]
                if record.id not in erased and _needs_erased(record, erased, into):
                    erased[record.id] = table
                    deleted.append(record)
                    grown.add(table)
                    for later in index.positions(table, [(record.id, table)]):
                        if later > position:
                            heapq.heappush(heap, later)
        last = frozenset(grown)
    into = frozenset(erased.values())
    referring_records = [
        record
        for table in referring(into)
        for record in _named(data.records(table), index.positions(table, erased.items()))
        if record.id not in erased
    ]
    resting = [
        what for record in referring_records for what in _resting(record, record, erased, into)
    ]
    if resting:
        label = TABLES[deleted[0].TABLE].LABEL
        whats = list(dict.fromkeys(what for what, _ in resting))
        instead = "；".join(dict.fromkeys(how.format(label=label) for _, how in resting))
        return Deletion(refusal=f"该{label}是{'、'.join(whats)}，不能删除；{instead}。")
    own = [(r, OWN_RULES[type(r)](data, r)) for r in deleted[:asked] if type(r) in OWN_RULES]
    for record, found in own:
        if found.refusals:  # the first reason says enough, and fits a notice
            what, instead = found.refusals[0]
            return Deletion(refusal=f"该{record.LABEL}{what}，不能删除；{instead}。")
    updates: dict[str, Any] = {}
    for record in referring_records:
        scrubbed = _scrub(record, erased, into)
        if scrubbed is not record:
            updates[record.id] = scrubbed
    restored = set()
    for _, found in own:
        for table, record_id, values in found.restores:
            current = updates.get(record_id) or index.find(table, record_id)
            if current is not None and record_id not in erased:
                updates[record_id] = dataclasses.replace(current, **values)
                restored.add(record_id)
    changes = RecordChanges(updates=tuple(updates.values()), deletes=tuple(deleted))
    return Deletion(changes, restored=frozenset(restored))


def _named(records: list[Any], positions: set[int]) -> list[Any]:
    return [records[position] for position in sorted(positions)]


def deletion_summary(changes: RecordChanges, restored: frozenset[str] = frozenset()) -> str:
    """What a delete deletes and changes, in Chinese, for a confirmation and the notice;
    ``restored``: the ids of the changed records put back as they were (恢复原状)."""
    text = ""
    if changes.deletes:
        text = "删除" + _counted(changes.deletes)
    cleared = [r for r in changes.updates if r.id not in restored]
    back = [r for r in changes.updates if r.id in restored]
    if cleared:
        text += ("，另有" if text else "另有") + f"{_counted(cleared)}去掉对其的引用"
    if back:
        text += ("，" if cleared else "，另有" if text else "另有") + f"{_counted(back)}恢复原状"
    return text


def _counted(records: Iterable[Record]) -> str:
    counts: dict[str, int] = {}
    for record in records:
        label = TABLES[record.TABLE].LABEL
        counts[label] = counts.get(label, 0) + 1
    return "、".join(f"{label}{n}条" for label, n in counts.items())


# --- how each pointer of a record type behaves ---------------------------------------------

REQUIRED, OPTIONAL, IDS, NESTED, NESTED_LIST = "required", "optional", "ids", "nested", "list"


@dataclasses.dataclass(frozen=True)
class _Pointer:
    name: str
    kind: str
    target: str = ANY_TABLE  # the table pointed into (of a reference)
    nested: type | None = None
    essential: Essential | None = None


_POINTERS: dict[type, tuple[_Pointer, ...]] = {}


def _pointers(cls: type) -> tuple[_Pointer, ...]:
    """How each pointer (and part holding pointers) of a record type or a part's behaves."""
    found = _POINTERS.get(cls)
    if found is None:
        found = _POINTERS[cls] = _pointers_of(cls)
    return found


def _pointers_of(cls: type) -> tuple[_Pointer, ...]:
    out = []
    for p in pointers(cls):
        if p.nested is not None:
            out.append(_Pointer(p.name, NESTED_LIST if p.many else NESTED, nested=p.nested))
            continue
        if p.many:
            kind = IDS
        elif p.name in TABLE_NAMED_BY or (cls, p.name) in OWNED or not _optional(cls, p.name):
            kind = REQUIRED  # a ledger entry exists only to file its record (SYS-3)
        else:
            kind = OPTIONAL
        out.append(_Pointer(p.name, kind, p.target, essential=ESSENTIAL.get((cls, p.name))))
    return tuple(out)


_INTO: dict[tuple[type, frozenset[str]], tuple[_Pointer, ...]] = {}


def _pointers_into(cls: type, into: frozenset[str]) -> tuple[_Pointer, ...]:
    """The pointers of ``cls`` that may point into one of the tables ``into`` (and the parts
    holding such pointers): the only ones a delete of records of those tables must look at."""
    key = (cls, into)
    found = _INTO.get(key)
    if found is None:
        names = pointer_names_into(cls, into)
        found = _INTO[key] = tuple(p for p in _pointers(cls) if p.name in names)
    return found


def _optional(cls: type, name: str) -> bool:
    hint = fields_of(cls)[name].hint
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(hint)
    )


def _points_at(obj: Any, p: _Pointer, value: Any, erased: dict[str, str]) -> bool:
    if not isinstance(value, str) or value not in erased:
        return False
    if p.name in TABLE_NAMED_BY:  # LedgerEntry.record_id: into the table record_table names
        return getattr(obj, TABLE_NAMED_BY[p.name]) in ("", erased[value])
    return p.target in (ANY_TABLE, erased[value])


_RESTS: dict[type, bool] = {}


def _rests_on_any(cls: type) -> bool:
    """Whether ``cls`` or a part of it has an essential pointer (ESSENTIAL): the only records
    that can refuse a delete."""
    found = _RESTS.get(cls)
    if found is None:
        found = _RESTS[cls] = any(
            p.essential is not None or (p.nested is not None and _rests_on_any(p.nested))
            for p in _pointers(cls)
        )
    return found


def _needs_erased(obj: Any, erased: dict[str, str], into: frozenset[str]) -> bool:
    """Whether a pointer of ``obj`` that it exists for points at an erased record (of one of
    the tables ``into``)."""
    return any(
        p.kind == REQUIRED and _points_at(obj, p, getattr(obj, p.name), erased)
        for p in _pointers_into(type(obj), into)
    )


def _resting(
    record: Any, obj: Any, erased: dict[str, str], into: frozenset[str]
) -> list[tuple[str, str]]:
    """(what, what to do instead) for each essential pointer of ``obj`` (``record`` or a part
    of it) at an erased record."""
    found: list[tuple[str, str]] = []
    if not _rests_on_any(type(obj)) or not names_any(obj, erased, into):
        return found
    for p in _pointers_into(type(obj), into):
        value = getattr(obj, p.name)
        if p.nested is not None:
            for item in value if p.kind == NESTED_LIST else [value]:
                if item is not None:
                    found += _resting(record, item, erased, into)
        elif p.essential is not None and _points_at(obj, p, value, erased):
            found.append((p.essential.what(record, obj), p.essential.instead))
    return found


def _scrub(obj: Any, erased: dict[str, str], into: frozenset[str]) -> Any:
    """``obj`` without any pointer to an erased record (the same object when it had none)."""
    changes: dict[str, Any] = {}
    if not names_any(obj, erased, into):
        return obj
    for p in _pointers_into(type(obj), into):
        value = getattr(obj, p.name)
        if p.kind == NESTED_LIST:
            # Only the rows naming an erased record change (an attendance row of hundreds).
            hits = naming_rows(p.nested, value, erased, into)
            if not any(hits):
                continue
            kept = [
                _scrub(item, erased, into) if hit else item
                for item, hit in zip(value, hits, strict=True)
                if not (hit and _needs_erased(item, erased, into))
            ]
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=True)):
                changes[p.name] = kept
        elif p.kind == NESTED:
            if value is not None and (scrubbed := _scrub(value, erased, into)) is not value:
                changes[p.name] = scrubbed
        elif p.kind == IDS:
            kept_ids = [ref for ref in value if not _points_at(obj, p, ref, erased)]
            if len(kept_ids) != len(value):
                changes[p.name] = kept_ids
        elif p.kind == OPTIONAL and _points_at(obj, p, value, erased):
            changes[p.name] = None
    return dataclasses.replace(obj, **changes) if changes else obj
