"""What the minutes templates print (templates/minutes/<kind>.md.j2): plain values only.

Names are resolved, posts looked up, counts, quorum and verdicts computed here, so a template
(and a user's own copy of one) only lays them out. User text stays plain ``str``: the template
environment escapes every printed string for Markdown; long text comes as a list of lines.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from branchtui.domain.meetings.checks import working_days_between
from branchtui.domain.meetings.roll import headcount, observers_of, person_name, post_of, roll_of
from branchtui.domain.meetings.theme_day import length_text, minutes_of
from branchtui.domain.meetings.titles import (
    also_counted,
    meeting_title,
    organization_name,
    primary_kind,
    time_text,
)
from branchtui.domain.meetings.votes import can_decide, quorum_line, verdict_rule, vote_verdicts
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.edu import study_days_of
from branchtui.domain.profile import Profile
from branchtui.domain.records import Appraisal, BranchData, Meeting
from branchtui.domain.records.meeting_parts import (
    ACTIVITY_FORMS,
    LIFE_MEETING_FORMS,
    THEME_DAY_ACTIONS,
)
from branchtui.domain.records.meetings import APPRAISAL_GRADES, APPRAISAL_STEPS, MEETING_KINDS

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar

Context = dict[str, Any]
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """``1`` → 一, ``10`` → 十, ``12`` → 十二, ``23`` → 二十三 (agenda items, votes)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else DIGITS[tens]
    return f"{head}十{DIGITS[ones] if ones else ''}" if n < 100 else str(n)


def lines(text: str) -> list[str]:
    """Long text as its non-empty lines (each becomes a paragraph of the minutes)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _person(data: BranchData, member_id: str | None, day: dt.date, name: str = "") -> Context:
    return {
        "name": person_name(data, member_id, name),
        "post": post_of(data, member_id, day) if member_id else "",
    }


def _attendance(meeting: Meeting, data: BranchData) -> Context:
    roll = roll_of(meeting, data, names=display_names(data.members))
    count = headcount(meeting, data)
    return {
        "counts": {
            "expected": meeting.expected_count
            if meeting.expected_count is not None
            else count.expected,
            "present": meeting.present_count
            if meeting.present_count is not None
            else count.present,
            "on_leave": count.on_leave,
            "absent": count.absent,
            "observers": count.observers,
            "full_expected": count.full_expected,
            "full_present": count.full_present,
        },
        "show_full": "general_meeting" in meeting.kinds,
        "present": [e.name for e in roll if e.status == "present"],
        "leaders_present": [e.name for e in roll if e.status == "present" and e.leader],
        "on_leave": [{"name": e.name, "reason": e.reason} for e in roll if e.status == "on_leave"],
        "absent": [{"name": e.name, "reason": e.reason} for e in roll if e.status == "absent"],
        "observers": [
            {"name": o.name, "post": o.post, "reason": o.reason}
            for o in observers_of(meeting, data)
        ],
        "quorum_line": quorum_line(meeting, data),
        # NAT-1, NAT-2: without its quorum the meeting decides nothing (its minutes say so).
        "can_decide": can_decide(meeting, data),
    }


def _agenda(meeting: Meeting, data: BranchData) -> list[Context]:
    day = meeting.date
    return [
        {
            "number": chinese_number(i),
            "title": item.title,
            "notes": lines(item.notes),
            "speeches": [
                {**_person(data, s.member_id, day, s.name), "lines": lines(s.text)}
                for s in item.speeches
            ],
            "decisions": [
                {
                    "text": d.text,
                    "owner": person_name(data, d.owner_id),
                    "due": d.due,
                    "referred": d.referred,
                    "done": d.done,
                }
                for d in item.decisions
            ],
        }
        for i, item in enumerate(meeting.agenda, start=1)
    ]


def _votes(meeting: Meeting, data: BranchData) -> Context:
    verdicts = vote_verdicts(meeting, data)
    count = headcount(meeting, data)
    rule = verdict_rule(meeting)
    entitled = {"NAT-1": "有表决权的正式党员", "NAT-2": "委员"}.get(rule or "", "")
    return {
        "who": entitled or "与会人员",
        "rows": [
            {
                "number": chinese_number(i),
                "motion": v.vote.motion,
                "candidate": v.vote.candidate,
                "method": v.method or "未记录",
                "yes": v.vote.yes,
                "no": v.vote.no,
                "abstain": v.vote.abstain,
                "counters": "、".join(v.counters),
                "scrutineers": "、".join(v.scrutineers),
                "verdict": v.outcome,
            }
            for i, v in enumerate(verdicts, start=1)
        ],
        "expected": count.full_expected if rule == "NAT-1" else count.expected,
        "present": count.full_present if rule == "NAT-1" else count.present,
    }


def _lecture(meeting: Meeting, data: BranchData) -> Context | None:
    lecture = meeting.lecture
    if lecture is None:
        return None
    lecturer = _person(data, lecture.lecturer_id, meeting.date, lecture.lecturer_name)
    minutes = lecture.duration_minutes
    return {
        "lecturer": lecturer["name"],
        "post": lecture.lecturer_post or lecturer["post"],
        "title": lecture.title,
        "audience": lecture.audience,
        "listeners": lecture.listeners,
        "duration": length_text(minutes) if minutes else "",
        "form": ACTIVITY_FORMS.get(lecture.form, lecture.form),
        "summary": lines(lecture.summary),
    }


def _theme_day(meeting: Meeting, data: BranchData) -> Context | None:
    day = meeting.theme_day
    if day is None:
        return None
    activists = data.by_id("candidates")
    return {
        "theme": day.theme,
        "form": ACTIVITY_FORMS.get(day.form, day.form),
        "content_types": "、".join(day.content_types),
        "required_actions": "、".join(THEME_DAY_ACTIONS.get(a, a) for a in day.required_actions),
        "optional_actions": "、".join(day.optional_actions),
        "activists": "、".join(
            activists[i].name if i in activists else "（已删除）" for i in day.activist_ids
        ),
        "public_count": day.public_count,
        "public_note": day.public_note,
    }


def _life_meeting(meeting: Meeting, data: BranchData) -> Context | None:
    life = meeting.life_meeting
    if life is None:
        return None
    day = meeting.date
    return {
        "form": LIFE_MEETING_FORMS.get(life.form, life.form),
        "theme": life.theme,
        "last_rectification": lines(life.last_rectification),
        "examinations": [
            {
                **_person(data, e.member_id, day),
                "lines": lines(e.text),
                "criticisms": [
                    {
                        "critic": person_name(data, c.critic_id, c.critic_name),
                        "lines": lines(c.text),
                    }
                    for c in e.criticisms
                ],
                "response": lines(e.response),
            }
            for e in life.examinations
        ],
        "upper_delegate": life.upper_delegate,
        "upper_delegate_post": life.upper_delegate_post,
        "upper_comment": lines(life.upper_comment),
        "rectifications": [
            {
                "problem": r.problem,
                "measure": r.measure,
                "owner": person_name(data, r.owner_id),
                "due": r.due,
                "done": r.done,
            }
            for r in life.rectifications
        ],
    }


def _appraisal(appraisal: Appraisal | None, data: BranchData, profile: Profile) -> Context | None:
    if appraisal is None:
        return None
    members = display_names(data.members)
    share = profile.appraisal_excellent_max_share
    steps = {str(k): v for k, v in appraisal.steps.items()}
    return {
        "year": appraisal.year,
        "steps": [
            {"label": label, "date": steps.get(key)} for key, label in APPRAISAL_STEPS.items()
        ],
        "ballots_issued": appraisal.ballots_issued,
        "ballots_returned": appraisal.ballots_returned,
        "ballots_valid": appraisal.ballots_valid,
        "grades": list(APPRAISAL_GRADES.values()),
        "results": [
            {
                "name": members.get(r.member_id, "（已删除）"),
                "tally": [
                    next((n for k, n in r.tally.items() if k == key), 0) for key in APPRAISAL_GRADES
                ],
                "grade": APPRAISAL_GRADES.get(
                    r.grade, "预备党员不评定等次" if not r.grade else r.grade
                ),
            }
            for r in appraisal.results
        ],
        "excellent_rule": f"评为优秀的不超过参评正式党员的{share.numerator}/{share.denominator}",
    }


def _entry(meeting: Meeting, profile: Profile, calendar: WorkCalendar | None) -> Context:
    late = ""
    if meeting.entered_on is not None and calendar is not None:
        delay = working_days_between(calendar, meeting.date, meeting.entered_on)
        if delay > profile.late_entry_working_days:
            late = f"会后补记：会议后第{delay}个工作日录入"
    return {
        "entered_on": meeting.entered_on,
        "late": late,
        "amendments": [{"date": a.date, "reason": a.reason} for a in meeting.amendments],
    }


def minutes_context(
    meeting: Meeting,
    data: BranchData,
    profile: Profile,
    *,
    appraisal: Appraisal | None = None,
    calendar: WorkCalendar | None = None,
) -> Context:
    """Everything the minutes of ``meeting`` print; ``appraisal`` is the 民主评议 held at it
    (default: the one pointing at it in ``data``); ``calendar`` lets the 会后补记 delay show."""
    if appraisal is None:
        appraisal = next((a for a in data.appraisals if a.meeting_id == meeting.id), None)
    venue = data.find("venues", meeting.venue_id)
    minutes = minutes_of(meeting)
    study = ""
    if meeting.study_hours:
        days = study_days_of(meeting, profile)
        study = f"学习时长{meeting.study_hours:g}小时，折合集中学习{round(days, 2):g}天"
    attachments = data.by_id("attachments")
    return {
        "title": meeting_title(meeting, data),
        "organization": organization_name(data),
        "kind": primary_kind(meeting),
        "kind_label": MEETING_KINDS.get(primary_kind(meeting), "会议"),
        "also": also_counted(meeting, data),
        "group": (g.name if (g := data.find("groups", meeting.group_id)) else ""),
        "date": meeting.date,
        "time": time_text(meeting),
        "duration": length_text(minutes) if minutes else "",
        "place": meeting.place or (venue.name if venue is not None else ""),
        "host": _person(data, meeting.host_id, meeting.date),
        "recorder": _person(data, meeting.recorder_id, meeting.date),
        "topic": meeting.topic,
        "content": lines(meeting.content),
        "attendance": _attendance(meeting, data),
        "agenda": _agenda(meeting, data),
        "votes": _votes(meeting, data),
        "lecture": _lecture(meeting, data),
        "theme_day": _theme_day(meeting, data),
        "life_meeting": _life_meeting(meeting, data),
        "appraisal": _appraisal(appraisal, data, profile),
        "study": study,
        "attachments": [
            attachments[i].original_name or attachments[i].file_name
            for i in [*meeting.photo_ids, *meeting.attachment_ids]
            if i in attachments
        ],
        "note": lines(meeting.note),
        **_entry(meeting, profile, calendar),
    }
