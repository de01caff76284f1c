"""台账体检: each defect inspectors flag, in Chinese, with the record and the field to fix."""

from __future__ import annotations

from branchtui.domain.appraisal import excellent_cap
from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.meetings.checks import appraisal_defects, ledger_defects, meeting_defects
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    Appraisal,
    AppraisalResult,
    Attendance,
    Criticism,
    Lecture,
    LifeMeeting,
    SelfExamination,
    ThemeDay,
    Vote,
)
from tests.unit.obligations.conftest import (
    FIVE_SEATS,
    D,
    add,
    add_committee,
    add_meeting,
    add_member,
    add_members,
    make_data,
)

PROFILE = get_profile("plan-2017")
CALENDAR = WorkCalendar()
DAY = D(2026, 11, 2)  # a Monday
FULL = {"start": "09:00", "place": "党员活动室"}


def _messages(meeting, data) -> dict[str, str]:
    """The first defect found for each field."""
    found: dict[str, str] = {}
    for d in meeting_defects(meeting, data, PROFILE, CALENDAR):
        found.setdefault(d.field, d.message)
    return found


def test_a_complete_record_has_no_defect() -> None:
    data = make_data()
    ms = add_members(data, 3)
    add_committee(data, D(2025, 1, 1), ms)
    meeting = add_meeting(
        data,
        "committee_meeting",
        DAY,
        attendees=ms,
        host_id=ms[0].id,
        recorder_id=ms[1].id,
        entered_on=D(2026, 11, 5),
        votes=[Vote(motion="同意", method="show_of_hands", yes=3)],
        **FULL,
    )
    assert meeting_defects(meeting, data, PROFILE, CALENDAR) == []


def test_missing_basics_and_reasons() -> None:
    data = make_data()
    ms = add_members(data, 3)
    meeting = add_meeting(data, "general_meeting", DAY, attendees=ms[:1], absent=ms[1:2])
    found = _messages(meeting, data)
    assert found["start"] == "未填写会议时间"
    assert found["place"] == "未填写会议地点"
    assert found["host_id"] == "未指定主持人"
    assert found["recorder_id"] == "未指定记录人"
    assert found["attendance.1.reason"] == f"{ms[1].name}缺席，未说明原因"
    # ms[2] was expected but is not on the list at all: absent without reason too.
    assert found["attendance"] == f"{ms[2].name}缺席，未说明原因"
    (defect,) = [d for d in meeting_defects(meeting, data, PROFILE, CALENDAR) if d.field == "place"]
    assert defect.record_id == meeting.id and defect.title == "2026-11-02 支部党员大会“会议”"


def test_headcounts_written_on_paper_must_match_the_list() -> None:
    data = make_data()
    ms = add_members(data, 4)
    meeting = add_meeting(
        data, "general_meeting", DAY, attendees=ms, expected_count=3, present_count=5, **FULL
    )
    found = _messages(meeting, data)
    assert found["present_count"] == "实到5名多于应到3名"
    assert found["expected_count"] == "应到3名，与名单的4人不符"
    meeting.expected_count = 6
    assert _messages(meeting, data)["present_count"] == "实到5名，与出席名单的4人不符"


def test_votes_without_counts_method_or_tellers_or_with_too_many_votes() -> None:
    data = make_data()
    ms = add_members(data, 4)
    meeting = add_meeting(
        data,
        "general_meeting",
        DAY,
        attendees=ms[:3],
        absent=ms[3:],
        votes=[
            Vote(motion="接收预备党员"),
            Vote(motion="补选委员", candidate="张三", method="secret_ballot", yes=3, no=1),
        ],
        **FULL,
    )
    found = _messages(meeting, data)
    assert found["votes.0.yes"] == "表决事项“接收预备党员”未记录票数"
    assert found["votes.0.method"] == "表决事项“接收预备党员”未记录表决方式（举手或无记名投票）"
    assert (
        found["votes.1.counter_ids"]
        == "表决事项“补选委员”（张三）为无记名投票，未记录计票人和监票人"
    )
    assert found["votes.1.yes"] == "“补选委员”票数合计4超过实到人数3，表决无效"


def test_a_committee_meeting_with_under_half_the_committee() -> None:
    data = make_data()
    ms = add_members(data, 5)
    add_committee(data, D(2025, 1, 1), ms, FIVE_SEATS)
    meeting = add_meeting(data, "committee_meeting", DAY, attendees=ms[:2], **FULL)
    meeting.attendance += [
        Attendance(member_id=m.id, status="on_leave", reason="出差") for m in ms[2:]
    ]
    defect = next(d for d in meeting_defects(meeting, data, PROFILE, CALENDAR) if d.rule == "NAT-2")
    assert defect.message == "到会委员2名，未超过应到5名的半数，会议不能作出决定"


def test_late_entry_shows_the_delay() -> None:
    data = make_data()
    meeting = add_meeting(data, "theme_day", DAY, entered_on=D(2026, 11, 5), **FULL)
    assert "entered_on" not in _messages(meeting, data)  # 3 working days: on time
    meeting.entered_on = D(2026, 11, 9)  # Mon → next Mon: 5 working days
    assert (
        _messages(meeting, data)["entered_on"] == "会后补记：会议后第5个工作日（2026-11-09）才录入"
    )


def test_life_meeting_without_named_criticism_and_contentless_parts() -> None:
    data = make_data()
    m = add_member(data)
    meeting = add_meeting(
        data,
        ["life_meeting", "theme_day", "party_lecture"],
        DAY,
        life_meeting=LifeMeeting(
            examinations=[
                SelfExamination(member_id=m.id, criticisms=[Criticism(text="大家一致认为很好")])
            ]
        ),
        theme_day=ThemeDay(theme="主题"),
        lecture=Lecture(),
        **FULL,
    )
    found = _messages(meeting, data)
    assert found["life_meeting.examinations"] == "组织生活会未记录点名道姓的批评意见"
    assert found["theme_day.content_types"] == "主题党日未记录活动内容（内容类型、规定动作）"
    assert found["lecture.title"] == "党课未记录题目"
    assert found["lecture.summary"] == "党课未记录内容提要"
    meeting.life_meeting.examinations[0].criticisms[0].critic_id = m.id
    meeting.theme_day.required_actions = ["oath"]
    meeting.lecture = Lecture(title="党课", summary="提要")
    assert not {
        "life_meeting.examinations",
        "theme_day.content_types",
        "lecture.title",
        "lecture.summary",
    } & set(_messages(meeting, data))


def test_appraisal_with_too_many_excellent_or_a_graded_probationary_member() -> None:
    data = make_data()
    full = add_members(data, 6)
    prob = add_member(data, "预备", status="probationary", full_date=None)
    grades = ["excellent", "excellent", "excellent", "qualified", "qualified", "qualified"]
    results = [AppraisalResult(member_id=m.id, grade=g) for m, g in zip(full, grades, strict=True)]
    results.append(AppraisalResult(member_id=prob.id, grade="qualified"))
    appraisal = add(data, Appraisal(year=2025, results=results))
    messages = [d.message for d in appraisal_defects(appraisal, data, PROFILE)]
    assert messages == [
        # The 预备党员 takes part but is not one of the 参评正式党员 (NAT-7).
        "评为优秀3名，超过参评正式党员6名的1/3（最多2名）",
        "预备为预备党员，参加评议但不评定等次",
    ]


def test_the_excellent_cap_counts_every_full_member_not_only_those_graded_so_far() -> None:
    """The first 优秀 given is within the cap: it is a share of the whole list (LIFE-7)."""
    data = make_data()
    full = add_members(data, 6)
    add_member(data, "预备", status="probationary", full_date=None)
    appraisal = add(
        data,
        Appraisal(year=2025, results=[AppraisalResult(member_id=full[0].id, grade="excellent")]),
    )
    cap = excellent_cap(appraisal, data.members, PROFILE)
    assert (cap.excellent, cap.graded, cap.appraised, cap.cap) == (1, 1, 6, 2)
    assert not cap.exceeded
    assert appraisal_defects(appraisal, data, PROFILE) == []


def test_ledger_defects_by_year() -> None:
    data = make_data()
    old = add_meeting(data, "theme_day", D(2025, 3, 3))
    new = add_meeting(data, "theme_day", D(2026, 3, 2))
    assert {d.record_id for d in ledger_defects(data, PROFILE, CALENDAR, year=2026)} == {new.id}
    assert {d.record_id for d in ledger_defects(data, PROFILE, CALENDAR)} == {old.id, new.id}


def test_tellers_away_from_the_meeting_are_flagged() -> None:
    """计票人 and 监票人 must be at the meeting, like the host and the recorder."""
    data = make_data()
    ms = add_members(data, 4)
    vote = Vote(
        motion="接收预备党员",
        method="secret_ballot",
        yes=3,
        counter_ids=[ms[3].id],
        scrutineer_ids=[ms[1].id],
    )
    meeting = add_meeting(
        data, "general_meeting", DAY, attendees=ms[:3], absent=ms[3:], votes=[vote], **FULL
    )
    found = _messages(meeting, data)
    assert found["votes.0.counter_ids"] == f"计票人{ms[3].name}未出席本次会议"
    assert "votes.0.scrutineer_ids" not in found
