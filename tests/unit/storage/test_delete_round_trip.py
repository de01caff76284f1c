"""A delete through the store (Transaction.delete, domain.deletion): what points at the record is
cleared or goes in the same commit, or the delete is refused and nothing is written; the
branch's own export is always importable again (DESIGN: the round trip is lossless)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.changes import RecordChanges
from branchtui.domain.demo import make_demo
from branchtui.domain.records import BranchData, Meeting, StudySession
from branchtui.storage.bundle import export_bundle, import_bundle
from branchtui.storage.doctor import WARNING, doctor
from branchtui.storage.errors import DeleteRefusedError
from branchtui.storage.minutes import delete_meeting
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "data", create=True)
    store.replace_all(make_demo(today=TODAY, seed=2017, members=20, years=2))
    return store


def _studied_meeting(store: Store) -> tuple[Meeting, StudySession]:
    """A filed meeting that a study session names as the same study (EDU-1)."""
    data = store.snapshot()
    filed = {e.record_id for e in data.ledger_entries}
    meeting = next(m for m in reversed(data.meetings) if m.id in filed)
    session = StudySession(date=meeting.date, topic="学习党章", meeting_id=meeting.id)
    store.add(session)
    return meeting, session


def _by_id(data: BranchData) -> dict[str, object]:
    return {name: {r.id: r.to_dict() for r in records} for name, records in data.tables.items()}


def _pointer_warnings(data_dir: Path) -> list[str]:
    return [f.message for f in doctor(data_dir) if f.level == WARNING and "指向" in f.message]


def test_a_meeting_a_study_session_names_deleted_and_the_export_imports_again(
    store: Store, tmp_path: Path
) -> None:
    meeting, session = _studied_meeting(store)
    before = export_bundle(store, tmp_path / "之前.json")
    assert import_bundle(before, tmp_path / "copy1").find("study_sessions", session.id)
    delete_meeting(store, meeting.id, meeting.rev)
    fresh = Store.open(store.data_dir).snapshot()
    assert fresh.find("meetings", meeting.id) is None
    kept = fresh.find("study_sessions", session.id)
    assert kept is not None and kept.meeting_id is None and kept.topic == "学习党章"
    assert meeting.id not in {e.record_id for e in fresh.ledger_entries}  # SYS-3: unfiled
    assert dangling_references(fresh) == []
    assert _pointer_warnings(store.data_dir) == []
    after = export_bundle(store, tmp_path / "之后.json")
    imported = import_bundle(after, tmp_path / "copy2")  # refused before: a dangling pointer
    assert _by_id(imported) == _by_id(fresh)


def test_a_meeting_that_elected_the_committee_is_refused_and_nothing_is_written(
    store: Store,
) -> None:
    data = store.snapshot()
    term = next(t for t in data.terms if t.elected_at_meeting_id)
    meeting = data.find("meetings", term.elected_at_meeting_id)
    backups = len(store.list_backups())
    payload = (store.data_dir / "branch.json").read_bytes()
    with pytest.raises(DeleteRefusedError) as refused:
        delete_meeting(store, meeting.id, meeting.rev)
    assert refused.value.message.startswith(f"该会议是第{term.number}届支部委员会的选举会议")
    assert (store.data_dir / "branch.json").read_bytes() == payload
    assert len(store.list_backups()) == backups
    assert store.snapshot().find("meetings", meeting.id) is not None


def test_every_way_to_delete_takes_the_same_rule(store: Store) -> None:
    """store.remove, tx.delete and tx.apply(deletes) all clear the pointer in one commit."""
    for way in ("remove", "delete", "apply"):
        meeting, session = _studied_meeting(store)
        backups = len(store.list_backups())
        if way == "remove":
            store.remove("meetings", meeting.id, meeting.rev)
        else:
            with store.transaction() as tx:
                if way == "delete":
                    tx.delete("meetings", meeting.id, meeting.rev)
                else:
                    tx.apply(RecordChanges(deletes=(meeting,)))
        assert len(store.list_backups()) == backups + 1  # one commit
        data: BranchData = Store.open(store.data_dir).snapshot()
        assert data.find("study_sessions", session.id).meeting_id is None, way
        assert dangling_references(data) == [], way
