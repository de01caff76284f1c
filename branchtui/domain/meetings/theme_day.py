"""LIFE-5: a 主题党日's date window (with the explanation the wizard shows) and its length."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from branchtui.domain.dates import format_date
from branchtui.domain.profile import Profile
from branchtui.domain.records import Meeting

if TYPE_CHECKING:  # the holidays package behind the calendar takes ~250 ms to import
    from branchtui.domain.calendar import WorkCalendar


@dataclass(frozen=True)
class ThemeDayWindow:
    """When a month's 主题党日 may be held, whether ``day`` is allowed, and why, in Chinese."""

    first: dt.date
    last: dt.date
    day: dt.date
    allowed: bool
    explanation: str


def theme_day_window(
    day: dt.date, calendar: WorkCalendar, profile: Profile, non_public: bool = False
) -> ThemeDayWindow:
    """LIFE-5: the first working day of ``day``'s month, up to ``theme_day_max_delay_days``
    working days later; non-public enterprises may also use a weekend or holiday."""
    delay = profile.theme_day_max_delay_days
    first, last = calendar.theme_day_window(day.year, day.month, delay)
    allowed = calendar.theme_day_allowed(day, delay, non_public)
    rule = (
        f"{day.year}年{day.month}月的主题党日应在第一个工作日（{format_date(first)}）开展，"
        f"确有特殊情况可顺延至{format_date(last)}"
    )
    if non_public:
        rule += "；非公企业、社会组织也可在本月的周末或节假日开展"
    if allowed:
        explanation = f"{format_date(day)}在规定时间内（{rule}）"
    else:
        explanation = f"{format_date(day)}不在规定时间内：{rule}"
    if calendar.is_estimate(day.year):
        explanation += "（该年节假日安排为估算）"
    return ThemeDayWindow(first, last, day, allowed, explanation)


def minutes_of(meeting: Meeting) -> int | None:
    """The meeting's length in minutes: as recorded, else from its start and end times."""
    if meeting.duration_minutes is not None:
        return meeting.duration_minutes
    try:
        start = dt.datetime.strptime(meeting.start, "%H:%M")
        end = dt.datetime.strptime(meeting.end, "%H:%M")
    except ValueError:
        return None
    return int((end - start).total_seconds() // 60) if end > start else None


def length_text(minutes: int) -> str:
    """``2小时30分``, ``45分钟``, ``2小时``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}分钟"
    return f"{hours}小时{rest}分" if rest else f"{hours}小时"


def theme_day_length_problem(meeting: Meeting, profile: Profile) -> str:
    """Why a 主题党日 is too short for LIFE-5 ('' when it lasts long enough)."""
    minutes = minutes_of(meeting)
    if minutes is None:
        return f"{format_date(meeting.date)} 的主题党日未记录时长"
    need = profile.theme_day_min_hours
    if minutes < need * 60:
        return (
            f"{format_date(meeting.date)} 的主题党日仅 {minutes // 60} 小时 {minutes % 60} 分，"
            f"应不少于{need}小时"
        )
    return ""


def theme_day_problem(
    meeting: Meeting, calendar: WorkCalendar, profile: Profile, non_public: bool = False
) -> str:
    """Why a 主题党日 does not satisfy LIFE-5 ('' when it does): its date, else its length."""
    window = theme_day_window(meeting.date, calendar, profile, non_public)
    if not window.allowed:
        return window.explanation
    return theme_day_length_problem(meeting, profile)
