"""集中学习 (EDU-1): study sessions, with the study hours recorded at meetings beside them.

The year's total against the profile's required days stands above the list, counted by the
same function as EDU-1 (domain/study.py): sessions, plus meetings' study hours that no session
stands for. Those meetings are listed read-only; their hours are edited in the meeting record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.lost_contact import is_open
from branchtui.domain.meetings.titles import primary_kind
from branchtui.domain.profile import Profile, profile_of
from branchtui.domain.records import BranchData, Meeting, Record, StudySession
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.domain.study import format_days, study_days_of, study_year
from branchtui.tui.registry.education import STUDY
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec

PRESENT = ("present", "observer")


def _counted_meetings(data: BranchData) -> list[Meeting]:
    """Meetings whose study hours count for EDU-1 (no study session stands for them)."""
    linked = {s.meeting_id for s in data.study_sessions if s.meeting_id}
    return [m for m in data.meetings if m.study_hours and m.id not in linked]


def _meeting_label(meeting: Meeting) -> str:
    kind = MEETING_KINDS.get(primary_kind(meeting), "会议")
    topic = f" {meeting.topic}" if meeting.topic else ""
    return f"{meeting.date.isoformat()} {kind}{topic}"[:40]


def _days(record: Any, data: BranchData) -> str:
    if isinstance(record, Meeting):
        return format_days(study_days_of(record, profile_of(data)))
    return format_days(record.days)


def _topic(record: Any, data: BranchData) -> str:
    return record.topic or (_meeting_label(record) if isinstance(record, Meeting) else "")


def _test(record: Any, data: BranchData) -> str:
    return "" if isinstance(record, Meeting) else ("是" if record.test_held else "否")


def _people(record: Any, data: BranchData) -> str:
    if isinstance(record, Meeting):
        count = sum(1 for a in record.attendance if a.status in PRESENT)
    else:
        count = len(record.participant_ids)
    return f"{count}人" if count else ""


def _source(record: Any, data: BranchData) -> str:
    if isinstance(record, Meeting):
        return f"会议{record.study_hours:g}学时"
    return "关联会议" if record.meeting_id else "集中学习"


def _headline(data: BranchData, year: int, today: dt.date, profile: Profile) -> str:
    studied = study_year(data, year, today, profile)
    line = (
        f"{year}年合计{format_days(studied.total)}天（集中学习{format_days(studied.session_days)}"
        f"天，会议学习{format_days(studied.meeting_days)}天），"
        f"要求不少于{format_days(studied.required)}天"
    )
    if studied.met:
        return line + "，已达到"
    return line + f"，还差{format_days(studied.missing)}天"


def _defaults(data: BranchData, today: dt.date) -> dict[str, Any]:
    # Concentrated study is for every member: start from all (but those lost, NAT-6) and
    # untick who was away.
    lost = {c.member_id for c in data.lost_contacts if is_open(c)}
    people = [m.id for m in data.active_members if m.id not in lost]
    return {"date": today, "days": 1, "participant_ids": people}


class StudyScreen(RegisterScreen):
    """The study register; EDU-1's count of the year above it."""

    SCREEN_ID = STUDY.id
    BINDINGS: ClassVar[list[BindingType]] = STUDY.bindings()
    REGISTER = Register(
        StudySession,
        columns=(
            field_column(StudySession, "date", "日期"),
            Column("天数", _days),
            Column("学习主题", _topic, 30),
            Column("测试", _test),
            Column("参加", _people),
            Column("来源", _source),
        ),
        form=FormSpec(
            ("date", "days", "topic", "test_held", "participant_ids", "meeting_id", "note"),
            hints={
                "days": "半天填 0.5；全年合计不少于12天（EDU-1）",
                "meeting_id": "与某次会议是同一次学习时选择，该会议的学习时间不再另计",
            },
        ),
        rules=("EDU-1",),
        defaults=_defaults,
        headline=_headline,
        related=_counted_meetings,
        related_note="这是会议记录中的学习时间，请在“组织生活”的会议记录中修改",
    )

    def form_spec(self) -> FormSpec:
        data = self.data
        # This year's and last year's meetings, and any already linked: a list of ten years'
        # meetings would take a second to open the form and to scroll through.
        since = dt.date(self.today.year - 1, 1, 1)
        linked = {s.meeting_id for s in data.study_sessions if s.meeting_id}
        meetings = sorted(
            (m for m in data.meetings if m.date >= since or m.id in linked),
            key=lambda m: m.date,
            reverse=True,
        )
        choices = {m.id: _meeting_label(m) for m in meetings}
        hours = {m.id: m.study_hours for m in meetings if m.study_hours}

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            warned: dict[str, str] = {}
            if isinstance(record, StudySession):
                if not record.participant_ids:
                    warned["participant_ids"] = "尚未选择参加学习的党员"
                if record.meeting_id in hours:
                    warned["meeting_id"] = (
                        f"该会议记录的{hours[record.meeting_id]:g}学时将不再另计，只计本次学习天数"
                    )
            return {}, warned

        return dataclasses.replace(
            self.REGISTER.form, choices={"meeting_id": lambda: choices}, check=check
        )
