"""A meeting's title with the year's sequence number, and its time as the minutes write it.

"中共××党支部委员会2026年第3次会议": each kind is numbered per calendar year (党小组会 per
group), counting every record of that kind (a theme day that is also a lecture counts as both,
LIFE-9), in order of date and start time. The first of a record's ``kinds`` names it.
"""

from __future__ import annotations

from collections.abc import Iterable

from branchtui.domain.dates import format_date_cn
from branchtui.domain.records import BranchData, Meeting
from branchtui.domain.records.meetings import MEETING_KINDS

WEEKDAYS = "一二三四五六日"


def primary_kind(meeting: Meeting) -> str:
    """The record's own kind: the first of its kinds (the wizard puts the chosen one first)."""
    return meeting.kinds[0] if meeting.kinds else ""


def meeting_subject(meeting: Meeting) -> str:
    """What the meeting was about: its topic, else the first agenda item, the lecture's title,
    the theme day's or the 组织生活会's theme; '' when none was entered."""
    if meeting.topic:
        return meeting.topic
    if meeting.agenda:
        return meeting.agenda[0].title
    if meeting.lecture and meeting.lecture.title:
        return meeting.lecture.title
    if meeting.theme_day and meeting.theme_day.theme:
        return meeting.theme_day.theme
    if meeting.life_meeting and meeting.life_meeting.theme:
        return meeting.life_meeting.theme
    return ""


def minutes_caption(meeting: Meeting) -> str:
    """``2026年5月20日 支部委员会会议《研究二季度党建工作安排》``: the minutes as the user is told
    of them (the file's name keeps the kind's code, DESIGN.md)."""
    kind = MEETING_KINDS.get(primary_kind(meeting), "会议")
    subject = meeting_subject(meeting)
    return f"{format_date_cn(meeting.date)} {kind}" + (f"《{subject}》" if subject else "")


def _order(meeting: Meeting) -> tuple[object, ...]:
    return (meeting.date, meeting.start or "99:99", meeting.id)


def sequence_number(meeting: Meeting, meetings: Iterable[Meeting], kind: str | None = None) -> int:
    """The meeting's number among the year's records of ``kind`` (default: its own kind).

    ``meetings`` are the stored ones; the meeting itself counts whether stored yet or not (a
    wizard's draft), and a stored earlier version of it is replaced by it.
    """
    kind = kind or primary_kind(meeting)
    same = [
        m
        for m in meetings
        if m.id != meeting.id
        and kind in m.kinds
        and m.date.year == meeting.date.year
        and (kind != "group_meeting" or m.group_id == meeting.group_id)
    ]
    return 1 + sum(1 for m in same if _order(m) < _order(meeting))


def renumbered_by(
    changed: Meeting, before: Meeting | None, meetings: Iterable[Meeting]
) -> list[Meeting]:
    """The other records whose numbers (their own, or those of LIFE-9's other kinds) may move
    when ``changed`` is saved over ``before`` (None for a new record) or deleted: of the same
    year, sharing one of its kinds, after it (or after where it was) in date order."""
    versions = [v for v in (changed, before) if v is not None]
    return [
        m
        for m in meetings
        if m.id != changed.id
        and any(
            m.date.year == v.date.year and set(m.kinds) & set(v.kinds) and _order(m) > _order(v)
            for v in versions
        )
    ]


def organization_name(data: BranchData) -> str:
    """``中共金融服务部党支部`` (the branch's name with 中共 in front, once)."""
    name = data.branch.name if data.branch else "党支部"
    return name if name.startswith("中共") else f"中共{name}"


def meeting_title(meeting: Meeting, data: BranchData) -> str:
    """The minutes' title, e.g. ``中共××党支部委员会2026年第3次会议``."""
    kind = primary_kind(meeting)
    year = meeting.date.year
    number = sequence_number(meeting, data.meetings)
    org = organization_name(data)
    if kind == "committee_meeting":
        # "中共××支部委员会" already names the committee: not "委员会委员会".
        committee = org if org.endswith("委员会") else f"{org}委员会"
        return f"{committee}{year}年第{number}次会议"
    if kind == "general_meeting":
        return f"{org}{year}年第{number}次党员大会"
    if kind == "group_meeting":
        group = data.find("groups", meeting.group_id)
        name = group.name if group is not None else "党小组"
        return f"{org}{name}{year}年第{number}次党小组会"
    return f"{org}{year}年第{number}次{MEETING_KINDS.get(kind, '会议')}"


def also_counted(meeting: Meeting, data: BranchData) -> list[str]:
    """The other kinds the record counts as, with their numbers (LIFE-9):
    ``["党课（2026年第2次）"]``."""
    out = []
    for kind in meeting.kinds[1:]:
        number = sequence_number(meeting, data.meetings, kind)
        out.append(f"{MEETING_KINDS.get(kind, kind)}（{meeting.date.year}年第{number}次）")
    return out


def half_day(start: str) -> str:
    """上午 / 下午 / 晚上 for a start time ``HH:MM`` ('' when there is none)."""
    try:
        hour = int(start[:2])
    except ValueError:
        return ""
    return "上午" if hour < 12 else "下午" if hour < 18 else "晚上"


def time_text(meeting: Meeting) -> str:
    """``2026年11月3日（星期二）上午 09:00—10:30``; as much as was recorded."""
    day = meeting.date
    text = f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"
    if meeting.start:
        text += f"{half_day(meeting.start)} {meeting.start}"
        if meeting.end:
            text += f"—{meeting.end}"
    return text
