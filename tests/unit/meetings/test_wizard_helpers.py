"""What the meeting wizards ask of the domain beyond docs/meetings.md: times as typed, and the
attendance kept when the kinds, day or group change in step 1."""

from __future__ import annotations

import pytest

from branchtui.domain.dates import DateParseError, parse_clock
from branchtui.domain.meetings.roll import refit_attendance
from branchtui.domain.records import Attendance
from tests.unit.obligations.conftest import D, add_committee, add_group, add_members, make_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", "14:30"),
        ("1430", "14:30"),
        ("930", "09:30"),
        ("9", "09:00"),
        ("9:5", "09:05"),
        ("9点30", "09:30"),
        ("9点", "09:00"),
        ("１４：３０", "14:30"),
        (" 08.15 ", "08:15"),
        ("", ""),
    ],
)
def test_times_as_typed(text: str, expected: str) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["25:00", "12:60", "abc", "1:2:3", "123456789", "2400"])
def test_not_a_time_is_said_in_chinese(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_clock(text)
    assert "时间" in caught.value.message


def test_refit_keeps_what_the_secretary_said_and_follows_the_kind() -> None:
    data = make_data()
    ms = add_members(data, 6)
    add_committee(data, D(2025, 1, 1), ms[:3])
    group = add_group(data, "第一党小组", ms[3:])
    day = D(2026, 11, 6)
    rows = [
        Attendance(member_id=ms[0].id),
        Attendance(member_id=ms[1].id, status="on_leave", reason="出差"),
        Attendance(member_id=ms[2].id),
    ]
    # From a 支委会 to a 党员大会: everyone is expected; the leave stays.
    general = refit_attendance(rows, data, ["general_meeting"], day)
    assert [(a.member_id, a.status) for a in general] == [
        (ms[0].id, "present"),
        (ms[1].id, "on_leave"),
        *[(m.id, "present") for m in ms[2:]],
    ]
    assert general[1].reason == "出差"
    # To the group's meeting: the committee's untouched rows go, the one on leave stays listed.
    grouped = refit_attendance(general, data, ["group_meeting"], day, group.id)
    assert [a.member_id for a in grouped] == [m.id for m in ms[3:]] + [ms[1].id]


def test_appraisal_year_and_a_result_row_for_everyone() -> None:
    from branchtui.domain.appraisal import appraisal_gaps, appraisal_year, fill_results
    from branchtui.domain.records import Appraisal
    from tests.unit.obligations.conftest import add_member

    assert appraisal_year(D(2027, 1, 15)) == 2026
    assert appraisal_year(D(2027, 3, 31)) == 2026
    assert appraisal_year(D(2026, 12, 20)) == 2026
    data = make_data()
    full = add_members(data, 3)
    prob = add_member(data, "预备", status="probationary", full_date=None)
    appraisal = Appraisal(year=2026)
    fill_results(appraisal, data.members)
    assert [r.member_id for r in appraisal.results] == [m.id for m in [*full, prob]]
    gaps = appraisal_gaps(appraisal, data.members)
    # Nobody is missing any more; the full members still wait for a grade, the 预备党员 do not.
    assert not gaps.missing and list(gaps.ungraded) == full
    fill_results(appraisal, data.members)
    assert len(appraisal.results) == 4


def test_the_usual_host_and_recorder_are_offered() -> None:
    from branchtui.domain.meetings.prefill import default_host, default_recorder
    from tests.unit.obligations.conftest import add_meeting

    data = make_data()
    ms = add_members(data, 5)
    add_committee(data, D(2025, 1, 1), ms[:3])
    group = add_group(data, "第一党小组", ms[3:], leader_id=ms[4].id)
    day = D(2026, 11, 6)
    assert default_host(data, ["committee_meeting"], day, None) == ms[0].id
    assert default_host(data, ["group_meeting"], day, group.id) == ms[4].id
    assert default_recorder(data, ["committee_meeting"], None) is None
    add_meeting(data, "committee_meeting", D(2026, 9, 1), recorder_id=ms[2].id)
    add_meeting(data, "committee_meeting", D(2026, 10, 1), recorder_id=ms[1].id)
    add_meeting(data, "general_meeting", D(2026, 10, 9), recorder_id=ms[3].id)
    assert default_recorder(data, ["committee_meeting"], None) == ms[1].id
    ms[1].removed = D(2026, 10, 20)
    assert default_recorder(data, ["committee_meeting"], None) is None


def test_a_branch_named_as_its_committee_is_not_named_twice() -> None:
    from branchtui.domain.meetings.titles import meeting_title
    from branchtui.domain.records import Meeting

    data = make_data(name="中共示范公司第一支部委员会")
    draft = Meeting(kinds=["committee_meeting"], date=D(2026, 3, 4))
    assert meeting_title(draft, data) == "中共示范公司第一支部委员会2026年第1次会议"


def test_nat2_short_form_names_the_tally_when_the_quorum_was_there() -> None:
    from branchtui.domain.records import Vote
    from tests.unit.obligations.conftest import add_meeting, judge

    data = make_data()
    ms = add_members(data, 3)
    add_committee(data, D(2025, 1, 1), ms)
    add_meeting(
        data,
        "committee_meeting",
        D(2026, 11, 5),
        attendees=ms[:2],
        absent=ms[2:],
        votes=[Vote(motion="表决", yes=3)],
    )
    (ob,) = judge("NAT-2", data, D(2026, 11, 27))
    assert ob.status == "warning" and ob.brief.endswith("表决无效")
    assert "票数合计3超过实到人数2" in ob.detail
