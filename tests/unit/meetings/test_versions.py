"""A meeting record's versions and what each amendment changed, in the minutes' words (SYS-3,
SYS-4: what an inspector asks to see)."""

from __future__ import annotations

import dataclasses

from branchtui.domain.meetings.edits import amend
from branchtui.domain.meetings.version_changes import (
    NOT_CONTENT,
    PARTS,
    Change,
    changed_parts,
    meeting_changes,
)
from branchtui.domain.meetings.versions import version_summary, versions_of
from branchtui.domain.records import (
    AgendaItem,
    Attendance,
    BranchData,
    Criticism,
    Decision,
    Lecture,
    LifeMeeting,
    Meeting,
    Member,
    SelfExamination,
    Speech,
    Vote,
)
from tests.unit.obligations.conftest import D, add_member, make_data


def branch() -> tuple[BranchData, Member, Member, Member]:
    data = make_data()
    return data, add_member(data, "张三"), add_member(data, "李四"), add_member(data, "王五")


def committee(*people: Member, **fields: object) -> Meeting:
    values: dict[str, object] = {
        "kinds": ["committee_meeting"],
        "date": D(2026, 11, 10),
        "start": "09:00",
        "end": "10:30",
        "place": "党员活动室",
        "topic": "研究发展党员",
        "attendance": [Attendance(member_id=p.id) for p in people],
        "entered_on": D(2026, 11, 10),
    }
    values.update(fields)
    return Meeting(**values)  # type: ignore[arg-type]


def edited(meeting: Meeting) -> Meeting:
    return Meeting.from_dict(meeting.to_dict())


def test_a_record_never_amended_has_one_version_the_current_one() -> None:
    data, zhang, li, _ = branch()
    (only,) = versions_of(committee(zhang, li))
    assert only.current and only.number == 1 and only.saved_on == D(2026, 11, 10)
    assert only.header == "第1版（2026-11-10 保存，当前版本）"
    assert version_summary([only], 0, data) == "首次录入"


def test_each_version_as_it_stood_with_its_day_time_author_and_reason() -> None:
    data, zhang, li, _ = branch()
    first = committee(zhang, li)
    second = edited(first)
    second.place = "三楼会议室"
    amend(first, second, D(2026, 11, 20), "补记地点", time="15:42", user="zhangsan")
    third = edited(second)
    third.topic = "研究发展党员工作"
    amend(second, third, D(2026, 11, 27))
    v1, v2, v3 = versions_of(third)
    assert [v.number for v in (v1, v2, v3)] == [1, 2, 3] and v3.current and not v1.current
    assert v1.meeting is not None and v1.meeting.place == "党员活动室"
    assert v1.meeting.amendments == [] and v1.saved_on == D(2026, 11, 10)
    assert (v1.saved_at, v1.saved_by, v1.reason) == ("", "", "")
    assert v2.meeting is not None and v2.meeting.place == "三楼会议室"
    assert v2.meeting.topic == "研究发展党员"
    # Version 2's minutes said then that the record had been amended once.
    assert [a.date for a in v2.meeting.amendments] == [D(2026, 11, 20)]
    assert (v2.saved_on, v2.saved_at, v2.saved_by, v2.reason) == (
        D(2026, 11, 20),
        "15:42",
        "zhangsan",
        "补记地点",
    )
    assert v1.header == "第1版（2026-11-10 保存，已被修改）"
    assert v2.header == "第2版（2026-11-20 保存，已被修改）"
    assert v3.header == "第3版（2026-11-27 保存，当前版本）"
    versions = [v1, v2, v3]
    assert [version_summary(versions, i, data) for i in range(3)] == ["首次录入", "地点", "主题"]


def test_a_version_that_no_longer_reads_is_named_not_a_crash() -> None:
    data, zhang, _, _ = branch()
    first = committee(zhang)
    second = edited(first)
    amend(first, second, D(2026, 11, 20))
    second.amendments[0].previous["place"] = 42
    v1, v2 = versions_of(second)
    assert v1.meeting is None and "第1版的内容无法读取" in v1.problem and "地点" in v1.problem
    assert version_summary([v1, v2], 1, data) == "无法比较"
    assert v2.meeting is second


def test_place_and_one_attendance_changed() -> None:
    data, zhang, li, wang = branch()
    before = committee(zhang, li, wang)
    after = edited(before)
    after.place = "三楼会议室"
    after.attendance[1] = Attendance(member_id=li.id, status="on_leave", reason="到党校学习")
    changes = meeting_changes(before, after, data)
    assert changes == [
        Change("地点", "地点", "党员活动室", "三楼会议室"),
        Change("出席", "李四", "出席", "请假（到党校学习）"),
    ]
    assert [c.text for c in changes] == [
        "地点：党员活动室 → 三楼会议室",
        "李四：出席 → 请假（到党校学习）",
    ]
    assert changed_parts(changes) == ["地点", "出席"]
    assert meeting_changes(before, edited(before), data) == []


def test_the_length_the_minutes_state_not_how_it_was_entered() -> None:
    data, zhang, _, _ = branch()
    before = committee(zhang, duration_minutes=90)
    after = edited(before)
    after.duration_minutes = None  # the wizard counts it from 09:00–10:30: the same length
    assert meeting_changes(before, after, data) == []
    after.end = "11:00"
    assert [c.text for c in meeting_changes(before, after, data)] == [
        "结束时间：10:30 → 11:00",
        "会议时长：1小时30分 → 2小时",
    ]


def test_time_kinds_people_and_the_roll_in_chinese() -> None:
    data, zhang, li, wang = branch()
    before = committee(zhang, li, host_id=zhang.id)
    after = edited(before)
    after.kinds = ["committee_meeting", "party_lecture"]
    after.date, after.end = D(2026, 11, 11), "11:00"
    after.host_id, after.recorder_id = li.id, wang.id
    after.attendance = [Attendance(member_id=zhang.id), Attendance(member_id=wang.id)]
    after.study_hours = 1.5
    texts = [(c.part, c.text) for c in meeting_changes(before, after, data)]
    assert texts == [
        ("会议类型", "会议类型：支部委员会会议 → 支部委员会会议、党课"),
        ("时间", "会议日期：2026-11-10 → 2026-11-11"),
        ("时间", "结束时间：10:30 → 11:00"),
        ("时间", "会议时长：1小时30分 → 2小时"),
        ("主持人", "主持人：张三 → 李四"),
        ("记录人", "记录人：（无） → 王五"),
        ("出席", "王五：未列入名单 → 出席"),
        ("出席", "李四：出席 → 未列入名单"),
        ("学习时长", "学习时长（小时）：（无） → 1.5"),
    ]


def test_agenda_speeches_and_decisions() -> None:
    data, zhang, li, _ = branch()
    decision = Decision(text="制定发展计划", owner_id=zhang.id, due=D(2026, 12, 1))
    item = AgendaItem(
        title="研究发展党员",
        notes="讨论刘芳转正",
        speeches=[Speech(member_id=zhang.id, text="同意")],
        decisions=[decision],
    )
    before = committee(zhang, li, agenda=[item, AgendaItem(title="部署党费收缴")])
    after = edited(before)
    first, second = after.agenda
    first.title = "研究发展党员工作"  # retitled: a change, not one removed and one added
    first.speeches.append(Speech(member_id=li.id, text="赞成按期转正"))
    first.decisions[0].owner_id = li.id
    second.decisions.append(Decision(text="年底前收齐党费", owner_id=li.id, referred=True))
    after.agenda.append(AgendaItem(title="其他事项"))
    texts = [(c.part, c.text) for c in meeting_changes(before, after, data)]
    assert texts == [
        ("议程", "议题1：研究发展党员 → 研究发展党员工作"),
        (
            "议程",
            "议题“研究发展党员工作”·李四的发言：（无） → 发言人：李四；发言内容：赞成按期转正",
        ),
        ("议程", "议题3：（无） → 其他事项"),
        ("决议", "决定“制定发展计划”·责任人：张三 → 李四"),
        (
            "决议",
            "决定“年底前收齐党费”：（无） → 决定事项：年底前收齐党费；责任人：李四；提交党员大会：是",
        ),
    ]
    assert changed_parts(meeting_changes(before, after, data)) == ["议程", "决议"]


def test_votes_lecture_and_life_meeting_by_their_labels() -> None:
    data, zhang, li, _ = branch()
    vote = Vote(motion="刘芳按期转正", method="show_of_hands", yes=5)
    life = LifeMeeting(examinations=[SelfExamination(member_id=zhang.id, text="学习不够")])
    before = committee(zhang, li, votes=[vote], life_meeting=life)
    after = edited(before)
    after.votes[0].method, after.votes[0].yes, after.votes[0].no = "secret_ballot", 4, 1
    after.votes[0].counter_ids = [li.id]
    after.lecture = Lecture(lecturer_id=zhang.id, title="新时代党员的担当")
    assert after.life_meeting is not None
    after.life_meeting.examinations[0].criticisms.append(
        Criticism(critic_id=li.id, text="联系群众不够")
    )
    texts = [(c.part, c.text) for c in meeting_changes(before, after, data)]
    assert texts == [
        ("表决", "表决“刘芳按期转正”·表决方式：举手表决 → 无记名投票"),
        ("表决", "表决“刘芳按期转正”·赞成票：5 → 4"),
        ("表决", "表决“刘芳按期转正”·反对票：0 → 1"),
        ("表决", "表决“刘芳按期转正”·计票人：（无） → 李四"),
        ("党课", "党课：（无） → 授课人：张三；党课题目：新时代党员的担当；授课形式：线下"),
        (
            "组织生活会",
            "张三的对照检查·李四的批评意见：（无） → 提出批评的人：李四；批评意见：联系群众不够",
        ),
    ]


def test_every_field_of_a_meeting_is_compared_or_bookkeeping() -> None:
    compared = [name for _, names in PARTS for name in names]
    assert len(compared) == len(set(compared))
    fields = {f.name for f in dataclasses.fields(Meeting)}
    assert set(compared) | NOT_CONTENT == fields and not set(compared) & NOT_CONTENT
