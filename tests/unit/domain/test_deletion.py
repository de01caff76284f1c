"""Every delete (domain.deletion): refused with a Chinese reason when another record rests on the
record, else nothing is left pointing at it — over the demo branch, every table."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchtui.domain.changes import RecordChanges
from branchtui.domain.deletion import deletion
from branchtui.domain.demo import make_demo
from branchtui.domain.records import (
    TABLES,
    Attachment,
    BranchData,
    Candidate,
    CandidateEvent,
    Election,
    ElectionCandidate,
    Meeting,
    StudySession,
    Talk,
)
from branchtui.storage.references import dangling_references

TODAY = dt.date(2026, 11, 27)
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _linked(data: BranchData) -> BranchData:
    """The demo with every kind of pointer at a meeting the demo lacks: an election held at
    the term's general meeting, a development step voted at a meeting, a study session that
    was a meeting's study, a talk about a meeting, and a photo of it that is also a system's text."""
    term = next(t for t in data.terms if t.elected_at_meeting_id)
    chair = next(s.member_id for s in data.seats if s.term_id == term.id and s.member_id)
    data.elections.append(
        Election(
            date=term.start,
            seats=1,
            candidates=[ElectionCandidate(member_id=chair, votes=10, elected=True)],
            meeting_id=term.elected_at_meeting_id,
            term_id=term.id,
        )
    )
    held = sorted(data.meetings, key=lambda m: m.date)
    voted, studied = held[-3], held[-2]
    person: Candidate = data.candidates[0]
    person.events.append(
        CandidateEvent(step="branch_vote", date=voted.date, meeting_id=voted.id, document="决议")
    )
    data.study_sessions.append(
        StudySession(date=studied.date, topic="学习党章", meeting_id=studied.id)
    )
    data.talks.append(Talk(date=studied.date, about_id=studied.id, content="会后谈心"))
    photo = Attachment(file_name="photo.jpg", original_name="合影.jpg")
    data.attachments.append(photo)
    studied.photo_ids.append(photo.id)
    data.system_docs[0].attachment_id = photo.id
    return data


@pytest.fixture(scope="module")
def demo() -> BranchData:
    return _linked(make_demo(today=TODAY, seed=2017, members=30, years=2))


def _applied(data: BranchData, changes: RecordChanges) -> BranchData:
    gone = {r.id for r in changes.deletes}
    new = {r.id: r for r in changes.updates}
    tables = {
        name: [new.get(r.id, r) for r in records if r.id not in gone]
        for name, records in data.tables.items()
    }
    return BranchData(branch=data.branch, tables=tables)


def _holds(data: BranchData, table: str, record_id: str) -> None:
    """Deleting the record: refused with a Chinese reason and no change, or the record gone
    and nothing left pointing at a record that is not there."""
    found = deletion(data, [(table, record_id)])
    if found.refusal:
        assert CHINESE.search(found.refusal) and "不能删除" in found.refusal
        assert found.changes == RecordChanges()
        return
    assert found.changes.deletes[0].id == record_id
    after = _applied(data, found.changes)
    assert data.find(table, record_id) is not None
    assert after.find(table, record_id) is None
    assert dangling_references(after) == []


def test_the_linked_demo_starts_clean(demo: BranchData) -> None:
    assert dangling_references(demo) == []
    assert all(demo.records(name) for name in ("elections", "study_sessions", "talks"))


@pytest.mark.parametrize("table", list(TABLES))
def test_deleting_records_of_every_table_leaves_no_dangling_reference(
    demo: BranchData, table: str
) -> None:
    records = demo.records(table)
    if not records:
        pytest.skip(f"演示数据中没有{TABLES[table].LABEL}")
    for record in {r.id: r for r in (records[0], records[len(records) // 2], records[-1])}.values():
        _holds(demo, table, record.id)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_deleting_any_record_is_refused_or_leaves_no_dangling_reference(
    demo: BranchData, data: st.DataObject
) -> None:
    table = data.draw(st.sampled_from([t for t in TABLES if demo.records(t)]))
    record = data.draw(st.sampled_from(demo.records(table)))
    _holds(demo, table, record.id)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_deleting_several_records_at_once_is_refused_or_clean(
    demo: BranchData, data: st.DataObject
) -> None:
    every = [(t, r.id) for t in TABLES for r in demo.records(t)]
    targets = data.draw(st.lists(st.sampled_from(every), min_size=2, max_size=6, unique=True))
    found = deletion(demo, targets)
    if found.refusal:
        assert "不能删除" in found.refusal and found.changes == RecordChanges()
    else:
        assert dangling_references(_applied(demo, found.changes)) == []


def test_a_meeting_that_was_a_study_session_goes_and_the_session_stays(demo: BranchData) -> None:
    """A study session's meeting and a talk's subject are context: cleared, not in the way;
    the ledger entry filing the meeting exists only for it (SYS-3) and goes with it."""
    session = next(s for s in demo.study_sessions if s.meeting_id)
    meeting = demo.find("meetings", session.meeting_id)
    found = deletion(demo, [("meetings", meeting.id)])
    assert not found.refusal
    deleted = {(r.TABLE, r.id) for r in found.changes.deletes}
    assert ("meetings", meeting.id) in deleted
    assert {r.TABLE for r in found.changes.deletes} == {"meetings", "ledger_entries"}
    (kept_session,) = [r for r in found.changes.updates if isinstance(r, StudySession)]
    assert kept_session.id == session.id and kept_session.meeting_id is None
    assert kept_session.topic == session.topic
    (kept_talk,) = [r for r in found.changes.updates if isinstance(r, Talk)]
    assert kept_talk.about_id is None and kept_talk.content == "会后谈心"
    assert session.meeting_id == meeting.id  # the data read is not changed
    assert found.also() == "同时删除台帐1条，另有集中学习1条、谈心谈话1条去掉对其的引用"


def test_a_meeting_that_elected_the_committee_cannot_be_deleted(demo: BranchData) -> None:
    """ORG-4: the general meeting that elected a term and held its election is their record."""
    term = next(t for t in demo.terms if t.elected_at_meeting_id)
    found = deletion(demo, [("meetings", term.elected_at_meeting_id or "")])
    assert found.refusal == (
        f"该会议是第{term.number}届支部委员会的选举会议、{term.start:%Y-%m-%d}换届选举的选举大会，"
        "不能删除；如这条会议记录有误，请修改而不是删除。"
    )
    assert found.changes == RecordChanges()


def test_the_meeting_of_a_development_step_cannot_be_deleted(demo: BranchData) -> None:
    """NAT-1: the 支部党员大会 that voted on a step is its record; the step goes first."""
    person = demo.candidates[0]
    event = next(e for e in person.events if e.meeting_id)
    found = deletion(demo, [("meetings", event.meeting_id or "")])
    assert found.refusal.startswith(f"该会议是{person.name}「")
    assert "环节的会议记录，不能删除；如该环节记录有误，请先在发展党员档案中" in found.refusal
    # Deleting the person (录入错误) takes the step with them: nothing rests on the meeting.
    both = deletion(demo, [("candidates", person.id), ("meetings", event.meeting_id or "")])
    assert not both.refusal


def test_a_term_an_election_produced_cannot_be_deleted(demo: BranchData) -> None:
    election = demo.elections[0]
    found = deletion(demo, [("terms", election.term_id or "")])
    assert "换届选举产生的任期" in found.refusal and "不能删除" in found.refusal


def test_nothing_rests_on_a_member_erasing_one_is_never_refused(demo: BranchData) -> None:
    for member in demo.members[::3]:
        assert not deletion(demo, [("members", member.id)]).refusal


def test_an_appraisal_held_at_a_meeting_goes_with_it(demo: BranchData) -> None:
    appraisal = next(a for a in demo.appraisals if a.meeting_id)
    found = deletion(demo, [("meetings", appraisal.meeting_id or "")])
    assert not found.refusal
    assert appraisal.id in {r.id for r in found.changes.deletes}


def test_a_venue_goes_and_the_meetings_held_there_keep_their_place(demo: BranchData) -> None:
    venue = demo.venues[0]
    held = [m for m in demo.meetings if m.venue_id == venue.id]
    found = deletion(demo, [("venues", venue.id)])
    assert found.changes.deletes == (venue,)
    assert {m.id for m in found.changes.updates} == {m.id for m in held}
    assert all(m.venue_id is None and m.place for m in found.changes.updates)
    assert found.also() == f"另有会议{len(held)}条去掉对其的引用"


def test_a_record_not_there_deletes_nothing(demo: BranchData) -> None:
    assert deletion(demo, [("meetings", "no-such-id")]) == deletion(demo, [])
    assert deletion(demo, []).changes == RecordChanges() and deletion(demo, []).also() == ""


def test_a_meeting_nothing_points_at_asks_nothing_more(demo: BranchData) -> None:
    filed = {e.record_id for e in demo.ledger_entries}
    pointed = {s.meeting_id for s in demo.study_sessions} | {t.about_id for t in demo.talks}
    pointed |= {a.meeting_id for a in demo.appraisals} | {
        t.elected_at_meeting_id for t in demo.terms
    }
    lone = Meeting(kinds=["committee_meeting"], date=TODAY, topic="单独的会")
    data = BranchData(branch=demo.branch, tables={**demo.tables, "meetings": [lone]})
    assert lone.id not in filed | pointed
    found = deletion(data, [("meetings", lone.id)])
    assert found.changes.deletes == (lone,) and found.also() == ""
