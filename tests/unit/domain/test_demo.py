"""The demo branch (``branchtui demo``): deterministic, well-formed, and realistically imperfect."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.dates import add_months, add_years, month_key
from branchtui.domain.demo import id_number_valid, make_demo
from branchtui.domain.dues import arrears
from branchtui.domain.obligations import obligations_on
from branchtui.domain.records import BranchData
from branchtui.domain.records.meetings import APPRAISAL_GRADES, ATTENDANCE_STATUSES, MEETING_KINDS
from branchtui.domain.validation import validate
from branchtui.domain.validation_fields import check_id_number
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)
PROBLEMS = ("overdue", "due", "warning")


@pytest.fixture(scope="module")
def demo() -> BranchData:
    return make_demo(today=TODAY)


def _ids(value: Any) -> list[str]:
    """Every ``id`` inside a record, nested ones (plan items) included."""
    out = []
    if dataclasses.is_dataclass(value):
        if hasattr(value, "id"):
            out.append(value.id)
        for f in dataclasses.fields(value):
            out += _ids(getattr(value, f.name))
    elif isinstance(value, list):
        for item in value:
            out += _ids(item)
    return out


def test_same_seed_gives_byte_identical_data(demo: BranchData) -> None:
    again = make_demo(today=TODAY)
    assert orjson.dumps(again.to_dict()) == orjson.dumps(demo.to_dict())


def test_another_seed_gives_another_branch(demo: BranchData) -> None:
    other = make_demo(today=TODAY, seed=2018)
    assert {m.name for m in other.members} != {m.name for m in demo.members}
    assert other.to_dict() != demo.to_dict()


def test_branch_is_a_jinyuan_department_branch(demo: BranchData) -> None:
    assert demo.branch is not None
    assert demo.branch.name.startswith("中共厦门金圆投资集团有限公司")
    assert demo.branch.name.endswith("党支部")
    assert demo.branch.kind == "branch"
    assert demo.branch.upper_committee == "中共厦门金圆投资集团有限公司委员会"
    assert demo.branch.profile == "plan-2017"
    assert 50 <= (demo.branch.non_party_staff or 0) <= 70
    big = make_demo(today=TODAY, members=60, years=1)
    assert big.branch is not None and big.branch.kind == "general_branch"
    assert big.branch.name.endswith("党总支")


def test_roster_has_thirty_distinct_members_in_small_groups(demo: BranchData) -> None:
    active = demo.active_members
    assert len(active) == 30
    assert len({m.name for m in demo.members}) == len(demo.members)
    assert len(demo.groups) == 3
    assert [g.name for g in demo.groups] == ["第一党小组", "第二党小组", "第三党小组"]
    sizes = Counter(m.group_id for m in active)
    assert None not in sizes and max(sizes.values()) <= 10
    for group in demo.groups:
        leader = demo.find("members", group.leader_id)
        assert leader is not None and leader.group_id == group.id
    statuses = Counter(m.status for m in active)
    assert statuses["probationary"] == 2
    assert all(m.full_date is None for m in active if m.status == "probationary")
    assert Counter(m.dues_category for m in active)["retired"] == 2
    assert any(m.is_leader and m.position == "部门总经理" for m in active)
    removed = [m for m in demo.members if m.removed is not None]
    assert len(removed) == 2 and {m.removed_reason for m in removed} == {"transferred_out"}


def test_every_id_number_is_a_valid_xiamen_one(demo: BranchData) -> None:
    people = list(demo.members) + list(demo.candidates)
    for person in people:
        number = person.id_number
        assert id_number_valid(number), number
        assert check_id_number(number, TODAY) is None
        assert number.startswith("3502")
        assert number[6:14] == f"{person.birth_date:%Y%m%d}"
        assert (int(number[16]) % 2 == 1) == (person.gender == "male")


def test_ids_are_unique_across_all_tables(demo: BranchData) -> None:
    ids = [demo.branch.id] if demo.branch else []
    for records in demo.tables.values():
        ids += _ids(records)
    assert len(ids) == len(set(ids))
    assert all(len(i) == 32 for i in ids)


def test_all_references_resolve(demo: BranchData) -> None:
    assert dangling_references(demo) == []
    members = demo.by_id("members")
    for seat in demo.seats:
        assert seat.member_id in members
        assert demo.find("terms", seat.term_id) is not None
    for meeting in demo.meetings:
        assert meeting.host_id in members and meeting.recorder_id in members
        assert {a.member_id for a in meeting.attendance} <= members.keys()


def test_every_record_passes_validation(demo: BranchData) -> None:
    assert validate(demo.branch, TODAY) == {}
    for table, records in demo.tables.items():
        for record in records:
            assert validate(record, TODAY) == {}, (table, record.id)


def test_committee_term_runs_past_today_with_one_open_vacancy(demo: BranchData) -> None:
    current = max(demo.terms, key=lambda t: t.start)
    assert current.start < TODAY < add_years(current.start, 2)
    seats = {s.role: s for s in demo.seats if s.term_id == current.id}
    assert set(seats) == {
        "secretary",
        "deputy_secretary",
        "organization",
        "propaganda",
        "discipline",
    }
    open_vacancies = [v for v in demo.vacancies if v.filled is None]
    assert len(open_vacancies) == 1
    vacancy = open_vacancies[0]
    assert vacancy.role == "propaganda" and 35 <= (TODAY - vacancy.since).days <= 45
    assert seats["propaganda"].until == vacancy.since
    assert demo.find("meetings", current.elected_at_meeting_id) is not None


def test_one_committee_month_is_missed_in_the_last_year(demo: BranchData) -> None:
    held = {month_key(m.date) for m in demo.meetings if "committee_meeting" in m.kinds}
    last_year = [month_key(add_months(TODAY.replace(day=1), -i)) for i in range(1, 13)]
    assert len([m for m in last_year if m not in held]) == 1


def test_meetings_follow_the_plan(demo: BranchData) -> None:
    calendar = WorkCalendar()
    kinds = Counter(k for m in demo.meetings for k in m.kinds)
    assert set(kinds) <= set(MEETING_KINDS)
    theme_days = [m for m in demo.meetings if "theme_day" in m.kinds]
    assert len(theme_days) == 25
    for meeting in theme_days:
        assert meeting.date == calendar.first_working_day(meeting.date.year, meeting.date.month)
        assert (meeting.duration_minutes or 0) >= 120
    assert kinds["group_meeting"] == 3 * 25
    statuses = Counter(a.status for m in demo.meetings for a in m.attendance)
    assert set(statuses) <= set(ATTENDANCE_STATUSES)
    assert statuses["present"] > 10 * statuses["on_leave"] > 0 and statuses["absent"] > 0
    assert all(a.reason for m in demo.meetings for a in m.attendance if a.status == "on_leave")
    for year in (2025, 2026):
        lectures = [m for m in demo.meetings if "party_lecture" in m.kinds and m.date.year == year]
        secretary = next(m for m in demo.members if m.position == "部门总经理")
        assert len(lectures) == 2 and secretary.id in {
            m.lecture.lecturer_id for m in lectures if m.lecture
        }


def test_appraisal_grades_everyone_but_probationary_members(demo: BranchData) -> None:
    appraisal = next(a for a in demo.appraisals if a.year == 2025)
    assert list(appraisal.steps) == [
        "mobilization",
        "self_review",
        "peer_review",
        "organization_review",
        "handling",
    ]
    members = demo.by_id("members")
    for result in appraisal.results:
        member = members[result.member_id]
        full = member.full_date is not None and member.full_date <= dt.date(2025, 12, 31)
        assert (result.grade in APPRAISAL_GRADES) if full else result.grade == ""


def test_exactly_two_members_are_behind_with_dues(demo: BranchData) -> None:
    behind = arrears(demo, TODAY)
    assert sorted(len(a.months) for a in behind.values()) == [2, 3]
    rates = Counter((r.member_id, r.year) for r in demo.dues_rates)
    assert max(rates.values()) == 1
    assert all(r.amount > 0 for r in demo.dues_rates)


def test_study_days_reach_twelve_except_this_year_so_far(demo: BranchData) -> None:
    days = Counter[int]()
    for session in demo.study_sessions:
        days[session.date.year] += session.days
    assert days[2025] >= 12
    assert 9 <= days[2026] < 12


def test_registers_show_the_expected_cases(demo: BranchData) -> None:
    stages = Counter(c.stage for c in demo.candidates)
    assert stages == {"applicant": 2, "activist": 2, "target": 1, "probationary": 1}
    converted = next(c for c in demo.candidates if c.stage == "probationary")
    member = demo.find("members", converted.member_id)
    assert member is not None and member.status == "probationary"
    assert converted.date_of("branch_vote") == member.joined
    assert Counter(t.direction for t in demo.transfers) == {"out": 4, "in": 2}
    assert all(t.platform_ref for t in demo.transfers)
    assert [t.decision for t in demo.travels] == ["keep"]
    assert demo.travels[0].approved < demo.travels[0].depart
    flow = demo.flowing_members[0]
    assert flow.direction == "outflow" and flow.card_number and flow.contact_person_id
    triggers = {t.trigger for t in demo.talks}
    assert {"transfer_in", "transfer_out", "going_out", "abroad"} <= triggers
    assert len(demo.system_docs) == 6
    assert [p.year for p in demo.work_plans] == [2025, 2026]
    assert [f.purpose for f in demo.fund_entries].count("other") == 1
    assert len(demo.certificates) == len(demo.members) - 1
    assert sum(1 for m in demo.active_members if not m.phone) == 1


def test_monthly_reports_go_out_by_the_sixteenth(demo: BranchData) -> None:
    """REP-1: the report on month M goes up in month M+1 before the 17th."""
    reports = {r.month: r for r in demo.monthly_reports}
    assert "2026-11" not in reports  # November's report is due in December
    assert reports["2026-10"].sent and reports["2026-10"].sent <= dt.date(2026, 11, 16)
    assert len(reports) == 24
    for month, report in reports.items():
        year, number = map(int, month.split("-"))
        following = dt.date(year + number // 12, number % 12 + 1, 1)
        assert report.sent and following <= report.sent <= following.replace(day=16)


def test_demo_saves_and_loads_through_the_store(demo: BranchData, data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    store.replace_all(demo)
    assert store.snapshot().to_dict() == demo.to_dict()


def test_stress_size_builds() -> None:
    # Its time is printed, not judged: timings belong to benchmarks/, not to pass/fail tests.
    started = time.perf_counter()
    data = make_demo(today=TODAY, members=1000, years=10)
    seconds = time.perf_counter() - started
    total = sum(len(records) for records in data.tables.values())
    attendance = sum(len(m.attendance) for m in data.meetings)
    print(
        f"\nstress demo: {total} records, {len(data.meetings)} meetings, "
        f"{attendance} attendances, {seconds:.1f} s"
    )
    assert len(data.active_members) == 1000 and len(data.groups) == 100
    assert max(Counter(m.group_id for m in data.active_members).values()) <= 10
    assert len(data.meetings) > 12000


def test_dashboard_shows_the_intended_gaps_and_no_others(demo: BranchData) -> None:
    found = {ob.rule for ob in obligations_on(demo, TODAY) if ob.status in PROBLEMS}
    assert {"LIFE-2", "EDU-4", "ORG-8", "ORG-1", "EDU-5", "BASE-2"} <= found
    unintended = {"CARE-1", "NAT-2", "LIFE-8", "DEV-1", "SYS-1", "SYS-2", "REL-3", "REL-4"}
    assert not found & unintended
