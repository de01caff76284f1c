"""Field checks of a meeting record and its parts, and of an appraisal: what blocks saving.

These are the hard errors shown beside a field (a bad time, a negative count, an unknown
choice). What an inspector would flag but the secretary may save and fix later (a missing
recorder, an absentee without reason) is in ``domain.meetings.checks``.
"""

from __future__ import annotations

from branchtui.domain.records.meeting_parts import (
    ACTIVITY_FORMS,
    LIFE_MEETING_FORMS,
    THEME_DAY_ACTIONS,
    VOTE_METHODS,
)
from branchtui.domain.records.meetings import (
    APPRAISAL_GRADES,
    APPRAISAL_STEPS,
    ATTENDANCE_STATUSES,
    MEETING_KINDS,
    THEME_DAY_CONTENT,
)
from branchtui.domain.validation_fields import (
    Checker,
    check_choice,
    check_past_date,
    check_required,
    check_time,
    check_year,
)

# Long free text (notes, a speech, a lecture's summary) may run to a few pages.
LONG_TEXT = 20000


def _count(c: Checker, where: str, value: object, label: str) -> None:
    """A head count or number of votes: an integer ≥ 0 (None allowed)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        c.add(where, f"{label}应为不小于0的整数")


def _attendance(c: Checker) -> None:
    seen: set[str] = set()
    for i, entry in c.items("attendance"):
        member_id, status = getattr(entry, "member_id", None), getattr(entry, "status", None)
        if isinstance(member_id, str) and member_id in seen:
            c.add(f"attendance.{i}.member_id", "同一人在出席名单中出现两次")
        if isinstance(member_id, str):
            seen.add(member_id)
        if not isinstance(status, str) or status not in ATTENDANCE_STATUSES:
            c.add(f"attendance.{i}.status", check_choice(status, "出席情况", ATTENDANCE_STATUSES))
        elif status == "on_leave":
            c.add(
                f"attendance.{i}.reason", check_required(getattr(entry, "reason", None), "请假事由")
            )
    for i, observer in c.items("observers"):
        c.add(
            f"observers.{i}.name", check_required(getattr(observer, "name", None), "列席人员姓名")
        )


def _agenda(c: Checker) -> None:
    for i, item in c.items("agenda"):
        c.add(f"agenda.{i}.title", check_required(getattr(item, "title", None), "议题"))
        for j, speech in enumerate(getattr(item, "speeches", None) or []):
            where = f"agenda.{i}.speeches.{j}"
            if not getattr(speech, "member_id", None) and not getattr(speech, "name", ""):
                c.add(f"{where}.member_id", "请选择发言人")
            c.add(
                f"{where}.text",
                check_required(getattr(speech, "text", None), "发言内容", LONG_TEXT),
            )
        for j, decision in enumerate(getattr(item, "decisions", None) or []):
            where = f"agenda.{i}.decisions.{j}"
            c.add(
                f"{where}.text", check_required(getattr(decision, "text", None), "决定事项", 2000)
            )
            done = getattr(decision, "done", None)
            c.add(f"{where}.done", check_past_date(done, c.today, "落实完成日期"))


def _votes(c: Checker) -> None:
    for i, vote in c.items("votes"):
        c.add(f"votes.{i}.motion", check_required(getattr(vote, "motion", None), "表决事项"))
        method = getattr(vote, "method", "")
        if method not in ("", None):
            c.add(f"votes.{i}.method", check_choice(method, "表决方式", VOTE_METHODS))
        for part, label in (("yes", "赞成票"), ("no", "反对票"), ("abstain", "弃权票")):
            value = getattr(vote, part, None)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                c.add(f"votes.{i}.{part}", f"{label}应为不小于0的整数")


def _parts(c: Checker) -> None:
    lecture = c.get("lecture")
    if lecture is not None:
        _count(c, "lecture.listeners", getattr(lecture, "listeners", None), "听课人数")
        _count(c, "lecture.duration_minutes", getattr(lecture, "duration_minutes", None), "时长")
        c.add(
            "lecture.form", check_choice(getattr(lecture, "form", None), "党课形式", ACTIVITY_FORMS)
        )
    day = c.get("theme_day")
    if day is not None:
        for content in getattr(day, "content_types", None) or []:
            if content not in THEME_DAY_CONTENT:
                c.add(
                    "theme_day.content_types", f"主题党日内容应为：{'、'.join(THEME_DAY_CONTENT)}"
                )
        for action in getattr(day, "required_actions", None) or []:
            if action not in THEME_DAY_ACTIONS:
                c.add(
                    "theme_day.required_actions",
                    check_choice(action, "规定动作", THEME_DAY_ACTIONS),
                )
        c.add(
            "theme_day.form", check_choice(getattr(day, "form", None), "活动形式", ACTIVITY_FORMS)
        )
        _count(c, "theme_day.public_count", getattr(day, "public_count", None), "参加群众人数")
    life = c.get("life_meeting")
    if life is not None:
        c.add(
            "life_meeting.form",
            check_choice(getattr(life, "form", None), "召开形式", LIFE_MEETING_FORMS),
        )
        for i, review in enumerate(getattr(life, "examinations", None) or []):
            for j, criticism in enumerate(getattr(review, "criticisms", None) or []):
                where = f"life_meeting.examinations.{i}.criticisms.{j}"
                c.add(
                    f"{where}.text",
                    check_required(getattr(criticism, "text", None), "批评意见", 2000),
                )
        for i, item in enumerate(getattr(life, "rectifications", None) or []):
            where = f"life_meeting.rectifications.{i}"
            c.add(
                f"{where}.problem", check_required(getattr(item, "problem", None), "整改问题", 2000)
            )
            done = getattr(item, "done", None)
            c.add(f"{where}.done", check_past_date(done, c.today, "整改完成日期"))


def meeting_check(c: Checker) -> None:
    """A meeting record: kinds, date, times, attendance, agenda, votes and the kind's parts."""
    kinds = c.get("kinds")
    if not isinstance(kinds, list) or not kinds:
        c.add("kinds", "请选择会议类型")
    elif any(not isinstance(k, str) or k not in MEETING_KINDS for k in kinds):
        c.add("kinds", check_choice(None, "会议类型", MEETING_KINDS))
    c.past("date", required=True)
    if isinstance(kinds, list) and "group_meeting" in kinds and not c.get("group_id"):
        c.add("group_id", "党小组会请选择党小组")
    c.add("start", check_time(c.get("start"), "开始时间"))
    c.add("end", check_time(c.get("end"), "结束时间"))
    start, end = c.get("start"), c.get("end")
    if "start" not in c.errors and "end" not in c.errors and start and end and end <= start:
        c.add("end", "结束时间应晚于开始时间")
    c.amount("duration_minutes")
    _count(c, "expected_count", c.get("expected_count"), "应到人数")
    _count(c, "present_count", c.get("present_count"), "实到人数")
    c.amount("study_hours")
    hours = c.get("study_hours")
    if "study_hours" not in c.errors and hours is not None and hours > 24:
        c.add("study_hours", "一次会议的学习时长不应超过24小时")
    c.past("entered_on")
    c.order("date", "entered_on")
    _attendance(c)
    _agenda(c)
    _votes(c)
    _parts(c)


def appraisal_check(c: Checker) -> None:
    """An appraisal: year, the five steps' dates, ballots, tallies and grades (NAT-7)."""
    c.add("year", check_year(c.get("year"), c.today))
    steps = c.get("steps")
    if isinstance(steps, dict):
        for step, when in steps.items():
            if not isinstance(step, str) or step not in APPRAISAL_STEPS:
                c.add("steps", check_choice(step, "评议步骤", APPRAISAL_STEPS))
            c.add("steps", check_past_date(when, c.today, "评议步骤日期"))
    ballots = {}
    for name, label in (
        ("ballots_issued", "发出票数"),
        ("ballots_returned", "收回票数"),
        ("ballots_valid", "有效票数"),
    ):
        ballots[name] = c.get(name)
        _count(c, name, ballots[name], label)
    issued, returned, valid = ballots.values()
    if not c.errors.keys() & ballots.keys():
        if issued is not None and returned is not None and returned > issued:
            c.add("ballots_returned", "收回票数不能多于发出票数")
        if returned is not None and valid is not None and valid > returned:
            c.add("ballots_valid", "有效票数不能多于收回票数")
    for i, result in c.items("results"):
        grade = getattr(result, "grade", None)
        if grade not in ("", None) and not (isinstance(grade, str) and grade in APPRAISAL_GRADES):
            c.add(f"results.{i}.grade", check_choice(grade, "评议等次", APPRAISAL_GRADES))
        for key, count in (getattr(result, "tally", None) or {}).items():
            if key not in APPRAISAL_GRADES:
                c.add(f"results.{i}.tally", check_choice(key, "评议等次", APPRAISAL_GRADES))
            _count(c, f"results.{i}.tally", count, f"“{APPRAISAL_GRADES.get(key, key)}”票数")
