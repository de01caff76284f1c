"""台账体检: the defects inspectors find in meeting records, in Chinese, with the record and field.

Defects are warnings — a record with defects can be saved and fixed later — shown by the
wizard before saving, by ``branchtui check records`` and on the dashboard (SYS-3: every
meeting is recorded, fully, by a named recorder). Each names the rule it serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from branchtui.domain.appraisal import appraisal_gaps, excellent_cap
from branchtui.domain.attendance import tally_problem
from branchtui.domain.dates import format_date
from branchtui.domain.markdown import in_quotes
from branchtui.domain.meetings.roll import (
    Headcount,
    RollEntry,
    Roster,
    headcount,
    person_name,
    roll_of,
)
from branchtui.domain.meetings.titles import primary_kind
from branchtui.domain.meetings.votes import meeting_verdict, verdict_rule
from branchtui.domain.profile import Profile
from branchtui.domain.records import Appraisal, BranchData, Meeting
from branchtui.domain.records.meetings import MEETING_KINDS

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar


@dataclass(frozen=True)
class Defect:
    """One thing an inspector would flag: which record, which field, what, by which rule."""

    record_id: str
    table: str  # "meetings" or "appraisals"
    date: dt.date
    title: str  # ``2026-03-05 支部委员会会议“研究本月工作”``
    field: str  # where to fix it: ``place``, ``attendance.3.reason``, ``votes.0.method``
    message: str
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "table": self.table,
            "date": self.date.isoformat(),
            "title": self.title,
            "field": self.field,
            "message": self.message,
            "rule": self.rule,
        }


def record_title(meeting: Meeting) -> str:
    """How a defect names its record: date, kind and topic."""
    kind = MEETING_KINDS.get(primary_kind(meeting), "会议")
    topic = in_quotes(meeting.topic) if meeting.topic else ""
    return f"{format_date(meeting.date)} {kind}{topic}"


def working_days_between(calendar: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


class _Found:
    """Collects one record's defects."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.title = record_title(meeting)
        self.items: list[Defect] = []

    def add(self, field: str, message: str, rule: str = "SYS-3") -> None:
        m = self.meeting
        self.items.append(Defect(m.id, "meetings", m.date, self.title, field, message, rule))


def _basics(found: _Found) -> None:
    m = found.meeting
    for field, missing, message in (
        ("start", not m.start, "未填写会议时间"),
        ("place", not m.place.strip(), "未填写会议地点"),
        ("host_id", not m.host_id, "未指定主持人"),
        ("recorder_id", not m.recorder_id, "未指定记录人"),
    ):
        if missing:
            found.add(field, message)


def _attendance(found: _Found, data: BranchData, roll: list[RollEntry], count: Headcount) -> None:
    m = found.meeting
    here = {e.member_id for e in roll if e.status in ("present", "observer")}
    for field, who, member_id in (
        ("host_id", "主持人", m.host_id),
        ("recorder_id", "记录人", m.recorder_id),
    ):
        if member_id and roll and member_id not in here:
            found.add(field, f"{who}{person_name(data, member_id)}未出席本次会议")
    for i, vote in enumerate(m.votes):  # a secret ballot's tellers are there too
        for field, who, ids in (
            ("counter_ids", "计票人", vote.counter_ids),
            ("scrutineer_ids", "监票人", vote.scrutineer_ids),
        ):
            away = [person_name(data, x) for x in ids if roll and x not in here]
            if away:
                found.add(f"votes.{i}.{field}", f"{who}{'、'.join(away)}未出席本次会议")
    rows = {row.member_id: i for i, row in reversed(list(enumerate(m.attendance)))}
    for entry in roll:
        if entry.status in ("absent", "on_leave") and not entry.reason.strip():
            what = "缺席" if entry.status == "absent" else "请假"
            where = (
                f"attendance.{rows[entry.member_id]}.reason"
                if entry.member_id in rows
                else "attendance"
            )
            found.add(where, f"{entry.name}{what}，未说明原因", "EDU-7")
    expected = m.expected_count if m.expected_count is not None else count.expected
    present = m.present_count if m.present_count is not None else count.present
    if present > expected:
        found.add("present_count", f"实到{present}名多于应到{expected}名")
    listed_present = count.present  # the roll's 出席
    listed_expected = count.expected  # the roll's 应到 (COUNTED)
    if m.present_count is not None and roll and m.present_count != listed_present:
        found.add("present_count", f"实到{m.present_count}名，与出席名单的{listed_present}人不符")
    if m.expected_count is not None and roll and m.expected_count != listed_expected:
        found.add("expected_count", f"应到{m.expected_count}名，与名单的{listed_expected}人不符")


def _votes(found: _Found, data: BranchData, count: Headcount) -> None:
    m = found.meeting
    result = meeting_verdict(m, data)
    present = result.present if result is not None else count.present
    for i, vote in enumerate(m.votes):
        name = f"表决事项“{vote.motion}”" + (f"（{vote.candidate}）" if vote.candidate else "")
        if vote.yes + vote.no + vote.abstain == 0:
            found.add(f"votes.{i}.yes", f"{name}未记录票数")
        if not vote.method:
            found.add(f"votes.{i}.method", f"{name}未记录表决方式（举手或无记名投票）")
        elif vote.method == "secret_ballot" and not (vote.counter_ids and vote.scrutineer_ids):
            found.add(f"votes.{i}.counter_ids", f"{name}为无记名投票，未记录计票人和监票人")
        problem = tally_problem(vote, present)
        if problem:
            found.add(f"votes.{i}.yes", problem, verdict_rule(m) or "SYS-3")
    judged = result is not None and result.entitled > 0  # no committee recorded: ORG-5's
    if (
        result is not None
        and judged
        and not result.quorate
        and (m.votes or verdict_rule(m) == "NAT-2")
    ):
        who = "委员" if verdict_rule(m) == "NAT-2" else "有表决权的正式党员"
        found.add(
            "attendance",
            f"到会{who}{result.present}名，未超过应到{result.entitled}名的半数，会议不能作出决定",
            verdict_rule(m) or "SYS-3",
        )


def _parts(found: _Found) -> None:
    m = found.meeting
    if "life_meeting" in m.kinds:
        life = m.life_meeting
        named = life is not None and any(
            c.text.strip() and (c.critic_id or c.critic_name.strip())
            for e in life.examinations
            for c in e.criticisms
        )
        if not named:
            found.add("life_meeting.examinations", "组织生活会未记录点名道姓的批评意见", "LIFE-6")
    if "theme_day" in m.kinds:
        day = m.theme_day
        if day is None or not (day.content_types or day.required_actions or day.optional_actions):
            found.add(
                "theme_day.content_types", "主题党日未记录活动内容（内容类型、规定动作）", "LIFE-5"
            )
    if "party_lecture" in m.kinds:
        lecture = m.lecture
        if lecture is None or not lecture.title.strip():
            found.add("lecture.title", "党课未记录题目", "LIFE-4")
        if (lecture is None or not lecture.summary.strip()) and not m.content.strip():
            found.add("lecture.summary", "党课未记录内容提要", "LIFE-4")


def _late_entry(found: _Found, profile: Profile, calendar: WorkCalendar) -> None:
    m = found.meeting
    if m.entered_on is None:
        return
    delay = working_days_between(calendar, m.date, m.entered_on)
    if delay > profile.late_entry_working_days:
        found.add(
            "entered_on",
            f"会后补记：会议后第{delay}个工作日（{format_date(m.entered_on)}）才录入",
        )


def meeting_defects(
    meeting: Meeting,
    data: BranchData,
    profile: Profile,
    calendar: WorkCalendar,
    roster: Roster | None = None,
) -> list[Defect]:
    """What an inspector would flag in one meeting record (the wizard checks its draft too);
    ``roster`` is ``Roster(data.members)`` when many records are checked."""
    found = _Found(meeting)
    roll = roll_of(meeting, data, roster)  # one roll and count for every check of the record
    count = headcount(meeting, data, roll)
    _basics(found)
    _attendance(found, data, roll, count)
    _votes(found, data, count)
    _parts(found)
    _late_entry(found, profile, calendar)
    return found.items


def appraisal_defects(appraisal: Appraisal, data: BranchData, profile: Profile) -> list[Defect]:
    """Too many 优秀 (the profile's cap), or a 预备党员 given a grade (NAT-7)."""
    meeting = data.find("meetings", appraisal.meeting_id)
    day = meeting.date if meeting is not None else dt.date(appraisal.year, 12, 31)
    title = f"{appraisal.year}年度民主评议党员"
    out = []
    cap = excellent_cap(appraisal, data.members, profile)
    if cap.exceeded:
        share = profile.appraisal_excellent_max_share
        message = (
            f"评为优秀{cap.excellent}名，超过参评正式党员{cap.appraised}名的"
            f"{share.numerator}/{share.denominator}（最多{cap.cap}名）"
        )
        out.append(Defect(appraisal.id, "appraisals", day, title, "results", message, "LIFE-7"))
    for member in appraisal_gaps(appraisal, data.members).graded_probationary:
        message = f"{member.name}为预备党员，参加评议但不评定等次"
        out.append(Defect(appraisal.id, "appraisals", day, title, "results", message, "NAT-7"))
    return out


def ledger_defects(
    data: BranchData,
    profile: Profile,
    calendar: WorkCalendar,
    *,
    year: int | None = None,
    until: dt.date | None = None,
) -> list[Defect]:
    """Every defect of the ledger (records dated in ``year``, up to ``until``), by date."""
    out: list[Defect] = []
    roster = Roster(data.members)
    for m in data.meetings:
        if (year is None or m.date.year == year) and (until is None or m.date <= until):
            out += meeting_defects(m, data, profile, calendar, roster)
    for a in data.appraisals:
        # Dated by its meeting (a year's appraisal is often held early the next year).
        out += [
            d
            for d in appraisal_defects(a, data, profile)
            if (year is None or d.date.year == year) and (until is None or d.date <= until)
        ]
    return sorted(out, key=lambda d: (d.date, d.record_id))
