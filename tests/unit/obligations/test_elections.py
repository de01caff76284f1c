"""Saving an election (domain.election_records): what it writes, and the duties it settles —
ORG-4 after a 换届, ORG-7/ORG-8 after a 补选 or an appointment, LIFE-1 and SYS-3 for its meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.election_records import (
    election_changes,
    election_meeting,
    election_summary,
    outcome_of,
    save_problems,
    with_outcome,
)
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import (
    Attendance,
    BranchData,
    CommitteeSeat,
    Election,
    ElectionCandidate,
    Meeting,
    Term,
    Vacancy,
)
from tests.unit.obligations.conftest import add, add_committee, add_members, judge, make_data, one

D = dt.date
DAY = D(2026, 11, 20)


def apply(data: BranchData, changes: RecordChanges) -> None:
    for record in changes.inserts:
        data.tables[record.TABLE].append(record)
    for record in changes.updates:
        table = data.tables[record.TABLE]
        table[[r.id for r in table].index(record.id)] = record


def branch() -> tuple[BranchData, list]:
    data = make_data()
    people = add_members(data, 10)
    add_members(data, 2, status="probationary", full_date=None, joined=D(2026, 3, 1))
    add_committee(data, D(2024, 11, 27), people)  # ends 2026-11-26: ORG-4 overdue on the 27th
    return data, people


def renewal(people: list, votes: tuple[int, ...], **fields: object) -> Election:
    candidates = [
        ElectionCandidate(member_id=p.id, votes=v) for p, v in zip(people, votes, strict=False)
    ]
    values: dict[str, object] = {
        "date": DAY,
        "plan_approved": D(2026, 11, 1),
        "seats": 3,
        "candidates": candidates,
        "voters_expected": 10,
        "voters_present": 9,
        "ballots_issued": 9,
        "ballots_returned": 9,
        "ballots_valid": 9,
        "ballots_invalid": 0,
    }
    values.update(fields)
    return Election(**values)  # type: ignore[arg-type]


def meeting_for(election: Election, data: BranchData, people: list) -> Meeting:
    attendance = [Attendance(member_id=p.id) for p in people[:9]]
    attendance.append(Attendance(member_id=people[9].id, status="on_leave", reason="出差"))
    return election_meeting(
        election,
        data,
        PLAN_2017,
        attendance=attendance,
        start="09:00",
        place="三楼会议室",
        host_id=people[0].id,
        recorder_id=people[1].id,
        today=DAY,
    )


def test_a_renewal_makes_the_new_committee_and_settles_org4() -> None:
    data, people = branch()
    assert one(judge("ORG-4", data, D(2026, 11, 27))).status == "overdue"
    election = renewal(people, (8, 7, 6, 2))
    election = with_outcome(election, outcome_of(election, data))
    assert [c.elected for c in election.candidates] == [True, True, True, False]
    roles = ("secretary", "organization", "discipline")
    election.candidates[:3] = [
        dataclasses.replace(c, role=r) for c, r in zip(election.candidates[:3], roles, strict=True)
    ]
    assert save_problems(election, data, PLAN_2017) == []
    meeting = meeting_for(election, data, people)
    assert meeting.topic == "选举产生第2届支部委员会"
    assert "超过应到会人数的4/5" in meeting.content and "分工：" in meeting.content
    apply(data, election_changes(data, election, meeting))
    (term,) = [t for t in data.terms if t.number == 2]
    assert term.start == DAY and term.elected_at_meeting_id == meeting.id
    (saved,) = data.elections
    assert saved.term_id == term.id and saved.meeting_id == meeting.id
    new_seats = [s for s in data.seats if s.term_id == term.id]
    assert sorted(s.role for s in new_seats) == sorted(roles)
    on = D(2026, 11, 27)
    assert one(judge("ORG-4", data, on)).status == "met"
    assert one(judge("ORG-5", data, on)).status == "met"
    life = [o for o in judge("LIFE-1", data, on) if meeting.id in o.refs]
    assert life and life[0].status == "met"
    assert (data.ledger_entries[0].record_id, data.ledger_entries[0].category) == (
        meeting.id,
        "organization",
    )


def test_a_renewal_without_quorum_or_margin_cannot_be_saved() -> None:
    data, people = branch()
    short = renewal(people, (8, 7, 6, 2), voters_present=8, ballots_issued=8, ballots_returned=8)
    short = dataclasses.replace(short, ballots_valid=8)
    problems = save_problems(short, data, PLAN_2017)
    assert any("未超过应到会人数的4/5" in p for p in problems)
    equal = renewal(people, (8, 7, 6))
    assert any("至少4名" in p for p in save_problems(equal, data, PLAN_2017))


def test_too_few_elected_asks_and_leaves_the_rest_vacant() -> None:
    data, people = branch()
    election = renewal(people, (8, 7, 4, 3))
    election = with_outcome(election, outcome_of(election, data))
    election.candidates[0].role = "secretary"
    election.candidates[1].role = "discipline"
    assert save_problems(election, data, PLAN_2017) == [
        "当选人数少于应选名额，请选择另行选举或减少名额"
    ]
    election = dataclasses.replace(election, shortfall="re_elect")
    assert save_problems(election, data, PLAN_2017) == []
    assert "名额不足的处理：不足名额另行选举" in election_summary(election, data, PLAN_2017)
    apply(data, election_changes(data, election, meeting_for(election, data, people)))
    (vacant,) = [v for v in data.vacancies if v.filled is None]
    assert (vacant.role, vacant.since) == ("other", DAY)
    ob = one(judge("ORG-8", data, D(2026, 11, 27)))
    assert ob.status == "due" and ob.due == D(2027, 2, 20)


def test_a_tie_must_be_voted_again_before_saving() -> None:
    data, people = branch()
    election = renewal(people, (7, 5, 5, 1), seats=2)
    problems = save_problems(with_outcome(election, outcome_of(election, data)), data, PLAN_2017)
    assert problems and "再次投票" in problems[0]


def _vacancy(data: BranchData, role: str) -> Vacancy:
    """The holder of ``role`` left on 10-10; the seat has been vacant since."""
    for seat in data.seats:
        if seat.role == role:
            seat.until = D(2026, 10, 10)
    return add(data, Vacancy(role=role, since=D(2026, 10, 10), seat_id=None))


def test_a_by_election_fills_the_secretary_vacancy_org7() -> None:
    data, people = branch()
    vacancy = _vacancy(data, "secretary")
    assert one(judge("ORG-7", data, D(2026, 11, 27))).status == "overdue"
    election = Election(
        kind="by_election",
        date=DAY,
        seats=1,
        vacancy_id=vacancy.id,
        candidates=[ElectionCandidate(member_id=people[3].id, votes=9)],
        voters_expected=10,
        voters_present=10,
        ballots_issued=10,
        ballots_returned=10,
        ballots_valid=10,
        ballots_invalid=0,
    )
    election = with_outcome(election, outcome_of(election, data))
    assert save_problems(election, data, PLAN_2017) == []  # 等额 is allowed in a by-election
    meeting = meeting_for(election, data, people)
    assert meeting.topic == "补选书记"
    apply(data, election_changes(data, election, meeting))
    assert one(judge("ORG-7", data, D(2026, 11, 27))).status == "met"
    (seat,) = [s for s in data.seats if s.role == "secretary" and s.until is None]
    assert seat.member_id == people[3].id and seat.since == DAY
    assert data.elections[0].candidates[0].role == "secretary"


def test_an_appointment_by_the_upper_organization_fills_the_secretary() -> None:
    data, people = branch()
    vacancy = _vacancy(data, "secretary")
    election = Election(
        kind="appointment",
        date=DAY,
        plan_approved=D(2026, 11, 18),
        plan_ref="某党委〔2026〕5号",
        vacancy_id=vacancy.id,
        candidates=[ElectionCandidate(member_id=people[4].id, elected=True)],
    )
    assert save_problems(election, data, PLAN_2017) == []
    assert election_summary(election, data, PLAN_2017) == [
        f"上级党组织指派{people[4].name}任书记（某党委〔2026〕5号）"
    ]
    apply(data, election_changes(data, election, None))
    assert one(judge("ORG-7", data, D(2026, 11, 27))).status == "met"
    assert data.meetings == [] and isinstance(data.seats[-1], CommitteeSeat)


def test_a_by_election_needs_an_open_vacancy_and_a_term() -> None:
    data, people = branch()
    data.tables["terms"] = [Term(number=1, start=D(2027, 1, 1))]
    election = Election(
        kind="appointment",
        date=DAY,
        plan_approved=DAY,
        vacancy_id="nothing",
        candidates=[ElectionCandidate(member_id=people[0].id, elected=True)],
    )
    assert save_problems(election, data, PLAN_2017) == [
        "该空缺不存在或在选举日期已补齐",
        "选举日期不在任何一届任期内，无法补选",
    ]
