"""Meetings of organizational life (三会一课, 主题党日, 组织生活会) and appraisals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from branchtui.domain.records.base import Record
from branchtui.domain.records.meeting_parts import (
    AgendaItem,
    Amendment,
    Lecture,
    LifeMeeting,
    Observer,
    ThemeDay,
)

MEETING_KINDS = {
    "general_meeting": "支部党员大会",
    "committee_meeting": "支部委员会会议",
    "group_meeting": "党小组会",
    "all_member_study": "全体党员学习",
    "party_lecture": "党课",
    "theme_day": "主题党日",
    "life_meeting": "组织生活会",
    "appraisal": "民主评议党员",
}
# LIFE-5: the content types a 主题党日 may take, in the plan's words.
THEME_DAY_CONTENT = [
    "政治学习",
    "党性教育",
    "专题研讨",
    "实践锻炼",
    "调研考察",
    "交纳党费",
    "谈心谈话",
    "志愿服务",
    "新党员宣誓",
]
ATTENDANCE_STATUSES = {
    "present": "出席",
    "absent": "缺席",
    "on_leave": "请假",
    "observer": "列席",
}
APPRAISAL_GRADES = {
    "excellent": "优秀",
    "qualified": "合格",
    "basically_qualified": "基本合格",
    "unqualified": "不合格",
}
APPRAISAL_STEPS = {
    "mobilization": "学习动员",
    "self_review": "党员自评",
    "peer_review": "党员互评",
    "organization_review": "组织评定",
    "handling": "处理",
}


@dataclass(kw_only=True)
class Attendance:
    """One person's attendance at a meeting."""

    member_id: str
    status: str = "present"
    reason: str = ""


@dataclass(kw_only=True)
class Vote:
    """A motion put to the vote (NAT-1, NAT-2): one per candidate when candidates are voted
    on one by one. ``method`` is a VOTE_METHODS key ('' = not recorded); a secret ballot
    names its 计票人 (``counter_ids``) and 监票人 (``scrutineer_ids``)."""

    motion: str
    candidate: str = ""
    method: str = ""
    yes: int = 0
    no: int = 0
    abstain: int = 0
    counter_ids: list[str] = field(default_factory=list)
    scrutineer_ids: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Meeting(Record):
    """会议 / 活动记录: one record of organizational life; may count as several kinds (LIFE-9).

    The first of ``kinds`` is the record's own kind (its title and sequence number); the
    parts a kind needs are ``lecture`` (党课), ``theme_day`` (主题党日) and ``life_meeting``
    (组织生活会); a 民主评议 is an Appraisal record pointing here. ``entered_on`` is the day
    the record was entered (会后补记 is judged from it); ``amendments`` keep earlier versions.
    """

    TABLE = "meetings"
    LABEL = "会议"

    kinds: list[str]
    date: dt.date
    start: str = ""
    end: str = ""
    duration_minutes: int | None = None
    place: str = ""
    venue_id: str | None = None
    group_id: str | None = None
    topic: str = ""
    content: str = ""
    host_id: str | None = None
    recorder_id: str | None = None
    attendance: list[Attendance] = field(default_factory=list)
    # 应到 / 实到 as written on a paper record entered afterwards (None: counted from the list).
    expected_count: int | None = None
    present_count: int | None = None
    observers: list[Observer] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    lecture: Lecture | None = None
    theme_day: ThemeDay | None = None
    life_meeting: LifeMeeting | None = None
    study_hours: float | None = None
    photo_ids: list[str] = field(default_factory=list)
    attachment_ids: list[str] = field(default_factory=list)
    criticism: bool = False
    entered_on: dt.date | None = None
    amendments: list[Amendment] = field(default_factory=list)
    minutes_path: str = ""
    note: str = ""


@dataclass(kw_only=True)
class AppraisalResult:
    """One member's result: the votes for each grade (APPRAISAL_GRADES keys) and the grade
    the organization gave ('' for a 预备党员, NAT-7)."""

    member_id: str
    grade: str = ""
    tally: dict[str, int] = field(default_factory=dict)


@dataclass(kw_only=True)
class Appraisal(Record):
    """民主评议党员 for one year (LIFE-7, NAT-7)."""

    TABLE = "appraisals"
    LABEL = "民主评议"

    year: int
    steps: dict[str, dt.date] = field(default_factory=dict)
    ballots_issued: int | None = None
    ballots_returned: int | None = None
    ballots_valid: int | None = None
    results: list[AppraisalResult] = field(default_factory=list)
    meeting_id: str | None = None
    note: str = ""
