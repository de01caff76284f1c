"""Who should attend, the head counts, and the quorum and verdicts the wizard shows (NAT-1/2)."""

from __future__ import annotations

from branchtui.domain.meetings.roll import (
    Roster,
    expected_people,
    headcount,
    initial_attendance,
    observers_of,
    post_of,
    roll_of,
)
from branchtui.domain.meetings.votes import quorum_line, vote_verdicts
from branchtui.domain.records import Attendance, Observer, Vote
from tests.unit.obligations.conftest import (
    FIVE_SEATS,
    D,
    add_committee,
    add_group,
    add_meeting,
    add_member,
    add_members,
    make_data,
)

DAY = D(2026, 11, 6)


def test_expected_people_per_kind() -> None:
    data = make_data()
    ms = add_members(data, 6)
    gone = add_member(data, "已转出", removed=D(2026, 10, 1))
    late = add_member(data, "新转入", joined=D(2026, 12, 1))
    group = add_group(data, "第一党小组", ms[:3])
    add_committee(data, D(2025, 1, 1), ms[3:6])
    everyone = expected_people(data, ["general_meeting"], DAY)
    assert everyone == ms and gone not in everyone and late not in everyone
    assert expected_people(data, ["committee_meeting"], DAY) == ms[3:6]
    assert expected_people(data, ["group_meeting"], DAY, group.id) == ms[:3]
    # LIFE-9: a group meeting combined with a lecture expects everyone.
    assert expected_people(data, ["group_meeting", "party_lecture"], DAY, group.id) == ms
    starting = initial_attendance(data, ["committee_meeting"], DAY)
    assert [(a.member_id, a.status) for a in starting] == [(m.id, "present") for m in ms[3:6]]


def test_a_roster_made_once_gives_each_day_its_members_in_roster_order() -> None:
    data = make_data()
    ms = add_members(data, 4)
    gone = add_member(data, "已转出", removed=D(2026, 10, 1))
    late = add_member(data, "新转入", joined=D(2026, 12, 1))
    group = add_group(data, "第一党小组", [ms[0], gone, late])
    roster = Roster(data.members)
    # The day of removal still counts (as member_on); the day before joining does not.
    assert roster.on(D(2026, 10, 1)) == [*ms, gone]
    assert roster.on(D(2026, 10, 2)) == ms
    assert roster.on(D(2026, 11, 30)) == ms
    assert roster.on(D(2026, 12, 1)) == [*ms, late]
    assert roster.on(D(2026, 10, 1)) == [*ms, gone]  # asked again, after later days
    roster.on(D(2026, 10, 2)).clear()  # a caller changing its list changes no other's
    assert roster.on(D(2026, 10, 3)) == ms
    # Rolls judged with a shared roster are the rolls judged without one.
    for day in (D(2026, 10, 1), DAY, D(2026, 12, 1)):
        for kinds, group_id in ((["general_meeting"], None), (["group_meeting"], group.id)):
            shared = expected_people(data, kinds, day, group_id, roster)
            assert shared == expected_people(data, kinds, day, group_id)
        meeting = add_meeting(data, "group_meeting", day, attendees=[ms[1]])
        meeting.group_id = group.id
        assert roll_of(meeting, data, roster) == roll_of(meeting, data)
    assert [e.name for e in roll_of(meeting, data, roster)] == [ms[0].name, late.name, ms[1].name]


def test_headcount_of_a_general_meeting_counts_full_members_too() -> None:
    data = make_data()
    full = add_members(data, 5)
    prob = add_member(data, "预备", status="probationary", full_date=None)
    outsider = add_member(data, "外支部", removed=D(2020, 1, 1))
    meeting = add_meeting(data, "general_meeting", DAY, attendees=[*full[:3], prob])
    meeting.attendance += [
        Attendance(member_id=full[3].id, status="on_leave", reason="出差"),
        Attendance(member_id=outsider.id, status="observer", reason="旁听"),
    ]
    meeting.observers.append(Observer(name="陈七", post="机关党委组织员", reason="指导"))
    count = headcount(meeting, data)
    # full[4] is expected but not listed: absent.
    assert (count.expected, count.present, count.on_leave, count.absent) == (6, 4, 1, 1)
    assert (count.full_expected, count.full_present, count.observers) == (5, 3, 2)
    assert count.text == "应到6名，实到4名，请假1名，缺席1名"
    lines = observers_of(meeting, data)
    assert [(o.name, o.reason) for o in lines] == [("外支部", "旁听"), ("陈七", "指导")]


def test_posts_come_from_the_committee_the_group_or_the_roster() -> None:
    data = make_data()
    ms = add_members(data, 4, position="科员")
    add_committee(data, D(2025, 1, 1), ms[:2])
    add_group(data, "第一党小组", ms, leader_id=ms[2].id)
    assert post_of(data, ms[0].id, DAY) == "支部书记"
    assert post_of(data, ms[1].id, DAY) == "组织委员"
    assert post_of(data, ms[2].id, DAY) == "党小组组长"
    assert post_of(data, ms[3].id, DAY) == "科员"


def _general(present: int, full: int = 10, prob: int = 0, **vote: int):
    data = make_data()
    members = add_members(data, full)
    probationary = add_members(data, prob, status="probationary", full_date=None)
    meeting = add_meeting(
        data,
        "general_meeting",
        DAY,
        attendees=members[:present] + probationary,
        votes=[Vote(motion="接收王五为预备党员", method="show_of_hands", **vote)],
    )
    return data, meeting


def test_quorum_just_reached() -> None:
    data, meeting = _general(present=6, yes=6)
    assert (
        quorum_line(meeting, data) == "应到有表决权的正式党员10名，实到6名，超过半数，符合规定人数"
    )
    (verdict,) = vote_verdicts(meeting, data)
    assert verdict.passed and verdict.valid and verdict.method == "举手表决"
    assert verdict.text.endswith("赞成票超过应到会有表决权的正式党员（10名）的半数，通过")


def test_quorum_just_missed() -> None:
    data, meeting = _general(present=5, yes=5)
    assert quorum_line(meeting, data).endswith("未超过半数，不符合规定人数，会议不能作出决定")
    (verdict,) = vote_verdicts(meeting, data)
    assert not verdict.passed and not verdict.valid
    assert verdict.text.endswith("到会人数未超过半数，表决无效")


def test_yes_votes_must_exceed_half_of_those_who_should_attend() -> None:
    data, meeting = _general(present=8, yes=5, no=3)
    (verdict,) = vote_verdicts(meeting, data)
    assert verdict.valid and not verdict.passed and verdict.text.endswith("未通过")


def test_a_probationary_members_vote_is_not_counted() -> None:
    # 6 full members present and 2 probationary: a tally of 8 holds two votes without right.
    data, meeting = _general(present=6, prob=2, yes=8)
    assert quorum_line(meeting, data).startswith("应到有表决权的正式党员10名，实到6名")
    (verdict,) = vote_verdicts(meeting, data)
    assert not verdict.valid and not verdict.passed
    assert "票数合计8超过实到人数6，表决无效" in verdict.text


def test_more_votes_than_voters_is_invalid() -> None:
    data, meeting = _general(present=7, yes=6, no=1, abstain=1)
    (verdict,) = vote_verdicts(meeting, data)
    assert not verdict.valid and "票数合计8超过实到人数7" in verdict.text


def test_committee_quorum_by_nat_2() -> None:
    data = make_data()
    ms = add_members(data, 5)
    add_committee(data, D(2025, 1, 1), ms, FIVE_SEATS)
    held = add_meeting(data, "committee_meeting", DAY, attendees=ms[:3], absent=ms[3:])
    assert quorum_line(held, data) == "应到委员5名，实到3名，超过半数，符合规定人数"
    short = add_meeting(data, "committee_meeting", DAY, attendees=ms[:2], absent=ms[2:])
    assert "未超过半数，不符合规定人数" in quorum_line(short, data)


def test_a_group_meeting_has_a_plain_headcount_and_no_verdict() -> None:
    data = make_data()
    ms = add_members(data, 4)
    group = add_group(data, "第一党小组", ms)
    meeting = add_meeting(
        data,
        "group_meeting",
        DAY,
        attendees=ms[:3],
        group_id=group.id,
        votes=[Vote(motion="推荐", yes=3)],
    )
    assert quorum_line(meeting, data) == "应到4名，实到3名"
    (verdict,) = vote_verdicts(meeting, data)
    assert verdict.passed is None and verdict.text == "赞成3票，不赞成0票，弃权0票"
