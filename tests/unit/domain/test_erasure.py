"""录入错误: a member entered by mistake goes, with what exists only for them, and no dangling id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.changes import RecordChanges
from branchtui.domain.demo import make_demo
from branchtui.domain.erasure import erase_member, erasure_summary
from branchtui.domain.obligations import obligations_on
from branchtui.domain.records import BranchData, Member
from branchtui.storage.doctor import WARNING, doctor
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo() -> BranchData:
    return make_demo(today=TODAY, seed=2017, members=30, years=2)


def _applied(data: BranchData, changes: RecordChanges) -> BranchData:
    gone = {r.id for r in changes.deletes}
    new = {r.id: r for r in changes.updates}
    tables = {
        name: [new.get(r.id, r) for r in records if r.id not in gone]
        for name, records in data.tables.items()
    }
    return BranchData(branch=data.branch, tables=tables)


def _busiest(data: BranchData) -> Member:
    """The member the most other records point at: a leader, a committee member, a host."""
    seats = {s.member_id for s in data.seats}
    leaders = {g.leader_id for g in data.groups}
    return (
        next(m for m in data.members if m.id in seats and m.id in leaders)
        if (seats & leaders)
        else next(m for m in data.members if m.id in seats)
    )


def test_erasing_the_busiest_member_leaves_no_dangling_reference(demo: BranchData) -> None:
    member = _busiest(demo)
    assert any(member.id in str(r) for r in demo.meetings)  # hosted, recorded or attended
    changes = erase_member(demo, member.id)
    after = _applied(demo, changes)
    assert member.id not in {m.id for m in after.members}
    assert dangling_references(after) == []
    assert not any(member.id in repr(r) for records in after.tables.values() for r in records)
    # Records that existed only for the member went with them; others only lost the pointer.
    deleted_tables = {r.TABLE for r in changes.deletes}
    assert {"members", "dues_payments"} <= deleted_tables
    assert len(after.meetings) == len(demo.meetings)
    assert "删除党员1条" in erasure_summary(changes)


def test_the_erased_member_raises_no_obligation_and_nothing_crashes(demo: BranchData) -> None:
    member = _busiest(demo)
    after = _applied(demo, erase_member(demo, member.id))
    found = obligations_on(after, TODAY)
    assert found  # the rules still run over the scrubbed data
    assert all(member.id not in ob.people for ob in found)
    assert all(member.name not in ob.detail for ob in found)


def test_erasing_through_the_store_commits_once_and_doctor_is_clean(
    tmp_path: Path, demo: BranchData
) -> None:
    store = Store.open(tmp_path / "data", create=True)
    store.replace_all(demo)
    data = store.snapshot()
    member = _busiest(data)
    before = len(store.list_backups())
    with store.transaction() as tx:
        tx.apply(erase_member(data, member.id))
    assert len(store.list_backups()) == before + 1  # one commit, after a backup
    fresh = Store.open(tmp_path / "data").snapshot()
    assert member.id not in {m.id for m in fresh.members}
    assert dangling_references(fresh) == []
    assert not [f for f in doctor(tmp_path / "data") if f.level == WARNING and "指向" in f.message]
