"""A dashboard obligation opens the right wizard, prefilled: kinds, date, group, window."""

from __future__ import annotations

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.meetings.prefill import prefill_for
from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from branchtui.domain.records import Appraisal, AppraisalResult, Vote
from tests.unit.obligations.conftest import (
    D,
    add,
    add_committee,
    add_group,
    add_meeting,
    add_members,
    make_data,
)

PROFILE = get_profile("plan-2017")
CALENDAR = WorkCalendar()
ON = D(2026, 11, 27)


def _open(rule: str, period: str, data, status: str | None = None):
    obs = [
        o
        for o in obligations_on(data, ON, PROFILE, CALENDAR)
        if o.rule == rule and o.period == period
    ]
    ob = next(o for o in obs if status is None or o.status == status)
    return prefill_for(ob, data, ON, CALENDAR, PROFILE)


def test_committee_meetings_of_this_and_a_past_month() -> None:
    data = make_data(created=D(2026, 1, 1))
    now = _open("LIFE-2", "2026-11", data)
    assert now.kinds == ("committee_meeting",) and now.date == ON
    past = _open("LIFE-2", "2026-10", data)
    assert past.date == D(2026, 10, 31)


def test_group_meetings_open_for_their_group() -> None:
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 4)
    group = add_group(data, "第一党小组", ms)
    found = _open("LIFE-3", "2026-11", data)
    assert found.kinds == ("group_meeting",) and found.group_id == group.id


def test_theme_day_is_dated_in_its_window_with_the_window_explained() -> None:
    data = make_data(created=D(2026, 1, 1))
    coming = _open("LIFE-5", "2026-12", data)
    assert coming.kinds == ("theme_day",) and coming.date == D(2026, 12, 1)
    assert coming.window.startswith("2026-12-01在规定时间内")
    late = _open("LIFE-5", "2026-11", data)
    assert late.date == ON and "不在规定时间内" in late.window


def test_appraisal_opens_a_life_meeting_with_appraisal() -> None:
    data = make_data(created=D(2025, 1, 1))
    found = _open("LIFE-7", "2025", data)
    assert found.kinds == ("life_meeting", "appraisal") and found.date == ON


def test_an_incomplete_appraisal_is_amended_not_held_again() -> None:
    # LIFE-7: the year's appraisal exists but two members have no result: its meeting opens.
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 4)
    meeting = add_meeting(data, ["life_meeting", "appraisal"], D(2026, 1, 20), attendees=ms)
    results = [AppraisalResult(member_id=m.id, grade="qualified") for m in ms[:2]]
    add(data, Appraisal(year=2025, meeting_id=meeting.id, results=results))
    found = _open("LIFE-7", "2025", data)
    assert found.record_id == meeting.id and found.field == "appraisal:results"


def test_a_probationary_members_grade_opens_its_appraisal() -> None:
    # NAT-7: a 预备党员 graded: the appraisal's meeting opens to correct it.
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 3)
    ms[2].status, ms[2].full_date = "probationary", None
    meeting = add_meeting(data, ["life_meeting", "appraisal"], D(2026, 1, 20), attendees=ms)
    results = [AppraisalResult(member_id=m.id, grade="qualified") for m in ms]
    add(data, Appraisal(year=2025, meeting_id=meeting.id, results=results))
    found = _open("NAT-7", "2025", data, "warning")
    assert found.kinds == ("life_meeting", "appraisal") and found.record_id == meeting.id


def test_an_invalid_vote_opens_its_meeting() -> None:
    # NAT-1 and NAT-2: the meeting whose vote or quorum failed opens to be corrected.
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 6)
    add_committee(data, D(2026, 1, 1), ms[:3])
    general = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 6),
        attendees=ms[:2],
        votes=[Vote(motion="决议", yes=2)],
    )
    committee = add_meeting(data, "committee_meeting", D(2026, 11, 9), attendees=ms[:1])
    found = _open("NAT-1", "", data, "warning")
    assert found.kinds == ("general_meeting",) and found.record_id == general.id
    assert found.field == "votes"
    found = _open("NAT-2", "", data, "warning")
    assert found.kinds == ("committee_meeting",) and found.record_id == committee.id


def test_a_leader_absent_from_group_life_opens_the_groups_meeting() -> None:
    # LIFE-8: the leading cadre's own group meets next.
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 4)
    ms[0].is_leader = True
    group = add_group(data, "第一党小组", ms)
    add_meeting(data, "group_meeting", D(2026, 11, 5), attendees=ms[1:], absent=ms[:1])
    found = _open("LIFE-8", "2026", data, "warning")
    assert found.kinds == ("group_meeting",) and found.group_id == group.id
    assert found.record_id is None and found.field == ""
