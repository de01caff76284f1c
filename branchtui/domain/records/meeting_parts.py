"""The parts of a meeting's minutes: agenda, speeches, decisions, lecture, theme day,
组织生活会, observers and amendments (what real 台账 minutes hold, issue 8).

People are referred to by member id so that a name stays resolvable after an edit of the
roster (removed members stay as history); ``name`` fields hold the name of someone who is
not in the roster (a representative of the upper committee, a guest lecturer, the public).
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from branchtui.domain.choices import labelled, same_values
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import RecordId, new_id

# 表决方式.
VoteMethod = Literal["show_of_hands", "secret_ballot"]
VOTE_METHODS = labelled(VoteMethod, {"show_of_hands": "举手表决", "secret_ballot": "无记名投票"})
# 党课形式 and 主题党日形式 (线上/线下).
ActivityForm = Literal["offline", "online", "mixed"]
ACTIVITY_FORMS = labelled(
    ActivityForm, {"offline": "线下", "online": "线上", "mixed": "线上线下结合"}
)
# LIFE-5: a 主题党日's 规定动作; 自选动作 are free text.
ThemeDayAction = Literal["study", "oath", "dues"]
THEME_DAY_ACTIONS = labelled(
    ThemeDayAction, {"study": "学习", "oath": "重温入党誓词", "dues": "交纳党费"}
)
# LIFE-5: the content types a 主题党日 may take, in the plan's words.
ThemeContent = Literal[
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
same_values(ThemeContent)
# LIFE-6: how a 组织生活会 is held (召开形式).
LifeMeetingForm = Literal["branch", "group"]
LIFE_MEETING_FORMS = labelled(
    LifeMeetingForm, {"branch": "以党支部为单位召开", "group": "以党小组为单位召开"}
)


@dataclass(kw_only=True, slots=True)
class Speech:
    """发言: one person's words on an agenda item, attributed by name (never "大家一致认为")."""

    member_id: Annotated[str | None, Spec("发言人")] = None
    name: Annotated[str, Spec("发言人姓名", doc="非本支部党员时填写", max_length=40)] = ""
    text: Annotated[str, Spec("发言内容", max_length=5000)] = ""


@dataclass(kw_only=True, slots=True)
class Decision:
    """决定 / 决议 on an agenda item, with the person responsible (责任人) and deadline (时限).

    ``referred`` marks a matter the committee refers to the general meeting (提交党员大会讨论);
    ``done`` makes a decision with an owner and deadline a trackable item.
    """

    id: Annotated[RecordId, Spec("事项编号", doc="用于跟踪落实")] = field(default_factory=new_id)
    text: Annotated[str, Spec("决定事项", max_length=2000)]
    owner_id: Annotated[str | None, Spec("责任人")] = None
    due: Annotated[dt.date | None, Spec("完成时限")] = None
    referred: Annotated[bool, Spec("提交党员大会", doc="是否提交支部党员大会讨论决定")] = False
    done: Annotated[dt.date | None, Spec("落实完成日期")] = None


@dataclass(kw_only=True, slots=True)
class AgendaItem:
    """议题: what was discussed, who said what, and what was decided."""

    title: Annotated[str, Spec("议题", max_length=60)]
    notes: Annotated[str, Spec("讨论情况记录", max_length=20000)] = ""
    speeches: Annotated[list[Speech], Spec("发言", doc="逐人记录")] = field(default_factory=list)
    decisions: Annotated[list[Decision], Spec("决定事项")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Observer:
    """列席: someone outside the roster who sat in (a member of the branch who sat in is an
    attendance row with status ``observer``)."""

    name: Annotated[str, Spec("列席人员姓名", max_length=40)]
    post: Annotated[str, Spec("职务", max_length=100)] = ""
    reason: Annotated[str, Spec("列席原因", max_length=200)] = ""


@dataclass(kw_only=True, slots=True)
class Lecture:
    """党课 (LIFE-4) as its own part of the minutes, also when given at another meeting.

    ``lecturer_id`` is a member (LIFE-4 counts the secretary's and leaders' lectures);
    ``lecturer_name`` and ``lecturer_post`` name a lecturer from outside the branch.
    """

    lecturer_id: Annotated[str | None, Spec("授课人", doc="本支部党员")] = None
    lecturer_name: Annotated[str, Spec("授课人姓名", doc="非本支部党员时填写", max_length=40)] = ""
    lecturer_post: Annotated[str, Spec("授课人职务", max_length=100)] = ""
    title: Annotated[str, Spec("党课题目", max_length=200)] = ""
    audience: Annotated[str, Spec("授课对象", max_length=200)] = ""
    listeners: Annotated[int | None, Spec("听课人数", ge=0)] = None
    duration_minutes: Annotated[int | None, Spec("授课时长（分钟）", ge=0)] = None
    form: Annotated[ActivityForm, Spec("授课形式")] = "offline"
    summary: Annotated[str, Spec("内容提要", max_length=20000)] = ""


@dataclass(kw_only=True, slots=True)
class ThemeDay:
    """主题党日 (LIFE-5): theme, form, the nine content types, 规定动作 and 自选动作, and who
    joined besides the members (入党积极分子 from the development register, the public)."""

    theme: Annotated[str, Spec("活动主题", max_length=200)] = ""
    form: Annotated[ActivityForm, Spec("活动形式")] = "offline"
    content_types: Annotated[list[ThemeContent], Spec("活动内容类型")] = field(default_factory=list)
    required_actions: Annotated[list[ThemeDayAction], Spec("规定动作")] = field(
        default_factory=list
    )
    optional_actions: Annotated[list[str], Spec("自选动作")] = field(default_factory=list)
    activist_ids: Annotated[list[str], Spec("参加活动的入党积极分子")] = field(default_factory=list)
    public_count: Annotated[int, Spec("参加活动的群众人数", ge=0)] = 0
    public_note: Annotated[str, Spec("参加活动的群众情况说明", max_length=500)] = ""


@dataclass(kw_only=True, slots=True)
class Criticism:
    """A named criticism one person made of another at a 组织生活会."""

    critic_id: Annotated[str | None, Spec("提出批评的人")] = None
    critic_name: Annotated[
        str, Spec("提出批评的人的姓名", doc="非本支部党员时填写", max_length=40)
    ] = ""
    text: Annotated[str, Spec("批评意见", max_length=5000)]


@dataclass(kw_only=True, slots=True)
class SelfExamination:
    """One member's 对照检查 at a 组织生活会, the criticism received, and the 表态 after it."""

    member_id: Annotated[str, Spec("作对照检查的党员")]
    text: Annotated[str, Spec("对照检查发言摘要", max_length=20000)] = ""
    criticisms: Annotated[list[Criticism], Spec("收到的批评意见", doc="逐人记录")] = field(
        default_factory=list
    )
    response: Annotated[str, Spec("表态发言", max_length=5000)] = ""


@dataclass(kw_only=True, slots=True)
class Rectification:
    """整改事项: 问题 / 措施 / 责任人 / 时限, tracked until ``done``."""

    id: Annotated[RecordId, Spec("整改事项编号", doc="用于跟踪落实")] = field(
        default_factory=new_id
    )
    problem: Annotated[str, Spec("存在问题", max_length=2000)]
    measure: Annotated[str, Spec("整改措施", max_length=2000)] = ""
    owner_id: Annotated[str | None, Spec("整改责任人")] = None
    due: Annotated[dt.date | None, Spec("整改时限")] = None
    done: Annotated[dt.date | None, Spec("整改完成日期")] = None


@dataclass(kw_only=True, slots=True)
class LifeMeeting:
    """组织生活会 (LIFE-6): criticism and self-criticism, the upper committee's word, and the
    rectification list it leaves behind."""

    form: Annotated[LifeMeetingForm, Spec("召开形式")] = "branch"
    theme: Annotated[str, Spec("会议主题", max_length=200)] = ""
    last_rectification: Annotated[
        str, Spec("上年度整改情况通报", doc="上年度查摆问题整改落实情况", max_length=5000)
    ] = ""
    examinations: Annotated[
        list[SelfExamination], Spec("对照检查", doc="党员对照检查和相互批评")
    ] = field(default_factory=list)
    upper_delegate: Annotated[str, Spec("上级党委到会指导人员", doc="姓名", max_length=40)] = ""
    upper_delegate_post: Annotated[str, Spec("上级党委到会指导人员职务", max_length=100)] = ""
    upper_comment: Annotated[str, Spec("上级党委点评意见", max_length=5000)] = ""
    rectifications: Annotated[list[Rectification], Spec("整改清单")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Amendment:
    """补正: the record as it was before an amendment (``previous``, a stored document without
    its own amendments), when it was amended (day, and time of day ``HH:MM``), by whom (the
    login name, each SSH user having their own) and why. Time and login are stored from
    schema 10 on; older amendments hold only the day."""

    date: Annotated[dt.date, Spec("修改日期")]
    time: Annotated[str, Spec("修改时间", doc="HH:MM", max_length=5)] = ""
    user: Annotated[str, Spec("修改人", doc="保存修改的登录用户名", max_length=64)] = ""
    reason: Annotated[str, Spec("修改原因", max_length=500)] = ""
    previous: Annotated[dict[str, Any], Spec("修改前的记录")] = field(default_factory=dict)
