"""集中学习 (EDU-1): the study days a year counts, from study sessions and meetings.

A study session counts its days; a meeting counts the study hours recorded at it, turned into
days at the profile's hours per day, unless a study session already stands for that meeting
(it links the meeting) — then only the session counts, never both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Meeting, StudySession


def study_days_of(meeting: Meeting, profile: Profile) -> float:
    """The study days a meeting's recorded study hours count for (EDU-1)."""
    return (meeting.study_hours or 0) / profile.study_hours_per_day


@dataclass(frozen=True)
class StudyYear:
    """What counts towards one year's study days up to a date (EDU-1)."""

    year: int
    required: float
    sessions: tuple[StudySession, ...]
    meetings: tuple[Meeting, ...]  # meetings with study hours that no session stands for
    session_days: float
    meeting_days: float

    @property
    def total(self) -> float:
        return self.session_days + self.meeting_days

    @property
    def missing(self) -> float:
        """Days still short of the requirement (0 when met)."""
        return max(0.0, self.required - self.total)

    @property
    def met(self) -> bool:
        return self.total >= self.required


def study_year(data: BranchData, year: int, on: dt.date, profile: Profile) -> StudyYear:
    """The study sessions and meeting study hours of ``year`` dated on or before ``on`` (EDU-1)."""
    linked = {s.meeting_id for s in data.study_sessions if s.meeting_id}
    sessions = tuple(s for s in data.study_sessions if s.date.year == year and s.date <= on)
    meetings = tuple(
        m
        for m in data.meetings
        if m.study_hours and m.date.year == year and m.date <= on and m.id not in linked
    )
    return StudyYear(
        year=year,
        required=profile.study_days_per_year,
        sessions=sessions,
        meetings=meetings,
        session_days=sum(s.days for s in sessions),
        meeting_days=sum(study_days_of(m, profile) for m in meetings),
    )


def format_days(value: float) -> str:
    """``12``, ``10.5``, ``0.25``: days as a secretary writes them."""
    return f"{round(value, 2):g}"
