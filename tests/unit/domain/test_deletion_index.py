"""A delete looks only at the records naming a deleted one (domain.reference_index) and its
result is the one a look through every record gives, order and wording included; a document
written for a record a delete changed is the one encoding it whole would give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchtui.domain import deletion as rule
from branchtui.domain.codec import encode_compact
from branchtui.domain.deletion import Deletion, deletion
from branchtui.domain.demo import make_demo
from branchtui.domain.records import TABLES, BranchData, Record
from branchtui.domain.reference_index import ReferenceIndex, referring
from branchtui.storage.transaction import scrubbed_document

from .test_deletion import _linked

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo() -> BranchData:
    return _linked(make_demo(today=TODAY, seed=2017, members=30, years=2))


def _every_record(data: BranchData, targets: list[tuple[str, str]]) -> Deletion:
    """The delete as it was before the index: every record of every referring table looked
    at, round after round, then all of them again for what rests on the deleted or changes."""
    erased: dict[str, str] = {}
    deleted: list[Record] = []
    for table, record_id in targets:
        record = data.find(table, record_id)
        if record is not None and record_id not in erased:
            erased[record_id] = table
            deleted.append(record)
    if not deleted:
        return Deletion()
    last = frozenset(erased.values())
    while last:
        into, grown = frozenset(erased.values()), set()
        for table in referring(last):
            for record in data.records(table):
                if record.id not in erased and rule._needs_erased(record, erased, into):
                    erased[record.id] = table
                    deleted.append(record)
                    grown.add(table)
        last = frozenset(grown)
    into = frozenset(erased.values())
    others = [r for t in referring(into) for r in data.records(t) if r.id not in erased]
    resting = [w for r in others for w in rule._resting(r, r, erased, into)]
    if resting:
        label = TABLES[deleted[0].TABLE].LABEL
        whats = list(dict.fromkeys(what for what, _ in resting))
        instead = "；".join(dict.fromkeys(how.format(label=label) for _, how in resting))
        return Deletion(refusal=f"该{label}是{'、'.join(whats)}，不能删除；{instead}。")
    updates = tuple(s for r in others if (s := rule._scrub(r, erased, into)) is not r)
    return Deletion(rule.RecordChanges(updates=updates, deletes=tuple(deleted)))


def _same(data: BranchData, targets: list[tuple[str, str]]) -> Deletion:
    """The same result as the full look; a committee record's rules of its own (which look
    at the records it names, not for those naming it) are left out of both."""
    own, rule.OWN_RULES = rule.OWN_RULES, {}
    try:
        found, expected = deletion(data, targets), _every_record(data, targets)
    finally:
        rule.OWN_RULES = own
    assert found.refusal == expected.refusal
    assert [(r.TABLE, r.id) for r in found.changes.deletes] == [
        (r.TABLE, r.id) for r in expected.changes.deletes
    ]
    assert found.changes.updates == expected.changes.updates
    assert found.also() == expected.also()
    return found


@pytest.mark.parametrize("table", [t for t in TABLES if t != "dues_payments"])
def test_every_record_of_a_table_deleted_as_a_full_look_would(demo: BranchData, table: str) -> None:
    for record in demo.records(table):
        _same(demo, [(table, record.id)])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_several_records_deleted_at_once_as_a_full_look_would(
    demo: BranchData, data: st.DataObject
) -> None:
    every = [(t, r.id) for t in TABLES for r in demo.records(t)]
    _same(demo, data.draw(st.lists(st.sampled_from(every), min_size=2, max_size=8, unique=True)))


def test_the_index_names_the_records_pointing_at_a_member(demo: BranchData) -> None:
    member = demo.members[0]
    index = ReferenceIndex(demo)
    named = index.positions("meetings", [(member.id, "members")])
    expected = {
        i
        for i, m in enumerate(demo.meetings)
        if member.id in {a.member_id for a in m.attendance} | {m.host_id, m.recorder_id}
    }
    assert expected and expected <= named
    assert index.find("members", member.id) is member
    assert index.find("members", "no-such-id") is None


def test_a_document_a_delete_changed_is_the_one_encoding_it_whole_gives(
    demo: BranchData,
) -> None:
    """The store writes a scrubbed record's stored document with only its changed fields
    encoded again (a list that lost rows keeps the rest as stored): the same document, keys in
    the same order, as encoding the whole record."""
    busiest = max(demo.members, key=lambda m: sum(1 for x in demo.meetings if x.host_id == m.id))
    cases = [("members", busiest.id), ("venues", demo.venues[0].id)]
    cases += [("members", m.id) for m in demo.members[::5]]
    checked = 0
    for table, record_id in cases:
        found = deletion(demo, [(table, record_id)])
        for record in found.changes.updates:
            base = demo.find(record.TABLE, record.id)
            stored = {**encode_compact(base), "rev": base.rev}
            written = scrubbed_document(record, base, stored, base.rev + 1)
            whole = {**encode_compact(record), "rev": base.rev + 1}
            assert list(written.items()) == list(whole.items())
            checked += 1
    assert checked > 50
