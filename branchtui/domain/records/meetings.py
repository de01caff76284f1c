"""Meetings of organizational life (三会一课, 主题党日, 组织生活会) and appraisals."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, codes_of, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record
from branchtui.domain.records.meeting_parts import (
    AgendaItem,
    Amendment,
    Lecture,
    LifeMeeting,
    Observer,
    ThemeContent,
    ThemeDay,
    VoteMethod,
)

MeetingKind = Literal[
    "general_meeting",
    "committee_meeting",
    "group_meeting",
    "all_member_study",
    "party_lecture",
    "theme_day",
    "life_meeting",
    "appraisal",
]
MEETING_KINDS = labelled(
    MeetingKind,
    {
        "general_meeting": "支部党员大会",
        "committee_meeting": "支部委员会会议",
        "group_meeting": "党小组会",
        "all_member_study": "全体党员学习",
        "party_lecture": "党课",
        "theme_day": "主题党日",
        "life_meeting": "组织生活会",
        "appraisal": "民主评议党员",
    },
)
# LIFE-5: the content types a 主题党日 may take (ThemeContent, in meeting_parts).
THEME_DAY_CONTENT: list[str] = list(codes_of(ThemeContent))
AttendanceStatus = Literal["present", "absent", "on_leave", "observer"]
ATTENDANCE_STATUSES = labelled(
    AttendanceStatus,
    {
        "present": "出席",
        "absent": "缺席",
        "on_leave": "请假",
        "observer": "列席",
    },
)
AppraisalGrade = Literal["excellent", "qualified", "basically_qualified", "unqualified"]
APPRAISAL_GRADES = labelled(
    AppraisalGrade,
    {
        "excellent": "优秀",
        "qualified": "合格",
        "basically_qualified": "基本合格",
        "unqualified": "不合格",
    },
)
AppraisalStep = Literal[
    "mobilization", "self_review", "peer_review", "organization_review", "handling"
]
APPRAISAL_STEPS = labelled(
    AppraisalStep,
    {
        "mobilization": "学习动员",
        "self_review": "党员自评",
        "peer_review": "党员互评",
        "organization_review": "组织评定",
        "handling": "处理",
    },
)


@dataclass(kw_only=True, slots=True)
class Attendance:
    """One person's attendance at a meeting."""

    member_id: Annotated[str, Spec("党员")]
    status: Annotated[AttendanceStatus, Spec("出席情况")] = "present"
    reason: Annotated[str, Spec("请假事由", doc="请假或缺席原因", max_length=200)] = ""


@dataclass(kw_only=True, slots=True)
class Vote:
    """A motion put to the vote (NAT-1, NAT-2): one per candidate when candidates are voted
    on one by one. ``method`` is a VOTE_METHODS key ('' = not recorded); a secret ballot
    names its 计票人 (``counter_ids``) and 监票人 (``scrutineer_ids``)."""

    motion: Annotated[str, Spec("表决事项", max_length=200)]
    candidate: Annotated[str, Spec("表决对象", doc="逐个表决时的候选人姓名", max_length=40)] = ""
    method: Annotated[VoteMethod | Blank, Spec("表决方式")] = ""
    yes: Annotated[int, Spec("赞成票", ge=0)] = 0
    no: Annotated[int, Spec("反对票", ge=0)] = 0
    abstain: Annotated[int, Spec("弃权票", ge=0)] = 0
    counter_ids: Annotated[list[str], Spec("计票人")] = field(default_factory=list)
    scrutineer_ids: Annotated[list[str], Spec("监票人")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Meeting(Record):
    """会议 / 活动记录: one record of organizational life; may count as several kinds (LIFE-9).

    The first of ``kinds`` is the record's own kind (its title and sequence number); the
    parts a kind needs are ``lecture`` (党课), ``theme_day`` (主题党日) and ``life_meeting``
    (组织生活会); a 民主评议 is an Appraisal record pointing here. ``entered_on`` is the day
    the record was entered (会后补记 is judged from it); ``amendments`` keep earlier versions.
    """

    TABLE = "meetings"
    LABEL = "会议"

    kinds: Annotated[list[MeetingKind], Spec("会议类型", doc="一次会议可同时计为多种")]
    date: Annotated[dt.date, Spec("会议日期")]
    start: Annotated[str, Spec("开始时间", doc="HH:MM")] = ""
    end: Annotated[str, Spec("结束时间", doc="HH:MM")] = ""
    duration_minutes: Annotated[int | None, Spec("时长（分钟）", ge=0)] = None
    place: Annotated[str, Spec("地点", max_length=200)] = ""
    venue_id: Annotated[str | None, Spec("活动场所")] = None
    group_id: Annotated[str | None, Spec("党小组", doc="党小组会所属的党小组")] = None
    topic: Annotated[str, Spec("会议主题", max_length=60)] = ""
    content: Annotated[str, Spec("会议内容摘要", max_length=20000)] = ""
    host_id: Annotated[str | None, Spec("主持人")] = None
    recorder_id: Annotated[str | None, Spec("记录人")] = None
    attendance: Annotated[list[Attendance], Spec("出席情况")] = field(default_factory=list)
    # 应到 / 实到 as written on a paper record entered afterwards (None: counted from the list).
    expected_count: Annotated[
        int | None, Spec("应到人数", doc="按纸质记录补录时填写；为空时按出席名单计算", ge=0)
    ] = None
    present_count: Annotated[
        int | None, Spec("实到人数", doc="按纸质记录补录时填写；为空时按出席名单计算", ge=0)
    ] = None
    observers: Annotated[
        list[Observer],
        Spec("列席人员", doc="本支部党员列席的，记在出席情况中，状态为 observer"),
    ] = field(default_factory=list)
    agenda: Annotated[list[AgendaItem], Spec("议题")] = field(default_factory=list)
    votes: Annotated[list[Vote], Spec("表决情况")] = field(default_factory=list)
    lecture: Annotated[Lecture | None, Spec("党课部分", doc="党课，或在其他会议上讲的党课")] = None
    theme_day: Annotated[ThemeDay | None, Spec("主题党日部分")] = None
    life_meeting: Annotated[LifeMeeting | None, Spec("组织生活会部分")] = None
    study_hours: Annotated[
        float | None, Spec("学习时长（小时）", doc="计入全年集中学习天数", ge=0)
    ] = None
    photo_ids: Annotated[list[str], Spec("照片")] = field(default_factory=list)
    attachment_ids: Annotated[list[str], Spec("附件", doc="签到表、材料的扫描件等")] = field(
        default_factory=list
    )
    criticism: Annotated[bool, Spec("开展批评与自我批评", doc="是否开展批评与自我批评")] = False
    entered_on: Annotated[dt.date | None, Spec("录入日期", doc="晚于会后3个工作日的为会后补记")] = (
        None
    )
    entered_at: Annotated[
        str,
        Spec("录入时间", doc="首次保存的时刻 HH:MM；空为未记录（第13版之前录入的）", max_length=5),
    ] = ""
    entered_by: Annotated[
        str, Spec("录入人", doc="首次保存的登录用户名；空为未记录", max_length=64)
    ] = ""
    amendments: Annotated[list[Amendment], Spec("修改记录", doc="每次修改前的版本")] = field(
        default_factory=list
    )
    minutes_path: Annotated[str, Spec("会议记录文件", doc="会议记录 Markdown 文件的路径")] = ""
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class AppraisalResult:
    """One member's result: the votes for each grade (APPRAISAL_GRADES keys) and the grade
    the organization gave ('' for a 预备党员, NAT-7)."""

    member_id: Annotated[str, Spec("党员")]
    grade: Annotated[AppraisalGrade | Blank, Spec("评议等次")] = ""
    tally: Annotated[dict[AppraisalGrade, int], Spec("各等次得票数", doc="键为等次", ge=0)] = field(
        default_factory=dict
    )


@dataclass(kw_only=True, slots=True)
class Appraisal(Record):
    """民主评议党员 for one year (LIFE-7, NAT-7); amended with its meeting, versioned as it is."""

    TABLE = "appraisals"
    LABEL = "民主评议"

    year: Annotated[int, Spec("年度")]
    steps: Annotated[
        dict[AppraisalStep, dt.date], Spec("评议步骤", doc="各步骤的完成日期（键为步骤）")
    ] = field(default_factory=dict)
    ballots_issued: Annotated[int | None, Spec("发出评议票数", ge=0)] = None
    ballots_returned: Annotated[int | None, Spec("收回评议票数", ge=0)] = None
    ballots_valid: Annotated[int | None, Spec("有效评议票数", ge=0)] = None
    results: Annotated[list[AppraisalResult], Spec("评定结果", doc="每名党员的评定结果")] = field(
        default_factory=list
    )
    meeting_id: Annotated[str | None, Spec("相关会议")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""
    # Versions, as a meeting's (修改历史, SYS-3): when and by whom it was first saved, and each
    # amendment with the version before it.
    entered_on: Annotated[dt.date | None, Spec("录入日期")] = None
    entered_at: Annotated[
        str, Spec("录入时间", doc="首次保存的时刻 HH:MM；空为未记录", max_length=5)
    ] = ""
    entered_by: Annotated[
        str, Spec("录入人", doc="首次保存的登录用户名；空为未记录", max_length=64)
    ] = ""
    amendments: Annotated[list[Amendment], Spec("修改记录", doc="每次修改前的版本")] = field(
        default_factory=list
    )
