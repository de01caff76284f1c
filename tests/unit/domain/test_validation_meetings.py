"""Field checks of a meeting's parts and of an appraisal's ballots (what blocks saving)."""

from __future__ import annotations

import datetime as dt

from branchtui.domain import records as r
from branchtui.domain.validation import validate

DAY = dt.date(2026, 11, 3)


def test_parts_of_the_minutes_are_checked(today: dt.date) -> None:
    meeting = r.Meeting(
        kinds=["committee_meeting"],
        date=DAY,
        entered_on=DAY - dt.timedelta(days=1),
        agenda=[
            r.AgendaItem(
                title="",
                speeches=[r.Speech(text="同意")],
                decisions=[r.Decision(text=" ")],
            )
        ],
        votes=[r.Vote(motion="补选委员", method="鼓掌", yes=3)],
        observers=[r.Observer(name="")],
        lecture=r.Lecture(listeners=-2, form="电视"),
        theme_day=r.ThemeDay(required_actions=["唱歌"], public_count=-1),
        life_meeting=r.LifeMeeting(rectifications=[r.Rectification(problem="")]),
        study_hours=30,
    )
    errors = validate(meeting, today)
    assert errors["agenda.0.title"] == "请填写议题"
    assert errors["agenda.0.speeches.0.member_id"] == "请选择发言人"
    assert errors["agenda.0.decisions.0.text"] == "请填写决定事项"
    assert errors["votes.0.method"] == "表决方式应为：举手表决、无记名投票"
    assert errors["observers.0.name"] == "请填写列席人员姓名"
    assert errors["lecture.listeners"] == "听课人数应为不小于0的整数"
    assert errors["lecture.form"].startswith("党课形式应为：线下")
    assert errors["theme_day.required_actions"] == "规定动作应为：学习、重温入党誓词、交纳党费"
    assert errors["theme_day.public_count"] == "参加群众人数应为不小于0的整数"
    assert errors["life_meeting.rectifications.0.problem"] == "请填写整改问题"
    assert errors["study_hours"] == "一次会议的学习时长不应超过24小时"
    assert errors["entered_on"] == "录入日期不能早于会议日期"


def test_a_complete_meeting_has_no_errors(today: dt.date) -> None:
    meeting = r.Meeting(
        kinds=["general_meeting"],
        date=DAY,
        agenda=[r.AgendaItem(title="议题", speeches=[r.Speech(name="陈七", text="同意")])],
        votes=[r.Vote(motion="接收预备党员", method="show_of_hands", yes=3)],
        lecture=r.Lecture(title="党课", form="online"),
    )
    assert validate(meeting, today) == {}


def test_appraisal_ballots_and_tallies(today: dt.date) -> None:
    appraisal = r.Appraisal(
        year=2025,
        ballots_issued=10,
        ballots_returned=11,
        results=[r.AppraisalResult(member_id="m1", tally={"excellent": -1, "好": 2})],
    )
    errors = validate(appraisal, today)
    assert errors["ballots_returned"] == "收回票数不能多于发出票数"
    assert errors["results.0.tally"] == "“优秀”票数应为不小于0的整数"
    fine = r.Appraisal(year=2025, ballots_issued=10, ballots_returned=10, ballots_valid=9)
    assert validate(fine, today) == {}


def test_a_trackable_item_is_not_done_on_a_day_to_come(today: dt.date) -> None:
    later = today + dt.timedelta(days=1)
    meeting = r.Meeting(
        kinds=["life_meeting"],
        date=DAY,
        agenda=[r.AgendaItem(title="整改", decisions=[r.Decision(text="落实", done=later)])],
        life_meeting=r.LifeMeeting(rectifications=[r.Rectification(problem="学习", done=later)]),
    )
    errors = validate(meeting, today)
    assert errors["agenda.0.decisions.0.done"] == "落实完成日期不能晚于今天"
    assert errors["life_meeting.rectifications.0.done"] == "整改完成日期不能晚于今天"
    meeting.agenda[0].decisions[0].done = today
    assert "agenda.0.decisions.0.done" not in validate(meeting, today)
