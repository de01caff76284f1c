"""Education and management: study, activities, dues, certificates, discipline, lost contact,
and the work the branch assigns to members (设岗定责 …, NAT-5)."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from branchtui.domain.choices import labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record
from branchtui.domain.records.people import DuesCategory

ActivityKind = Literal[
    "responsibility_area",
    "model_post",
    "volunteer",
    "community_report",
    "pairing_help",
    "commemoration",
    "other",
]
ACTIVITY_KINDS = labelled(
    ActivityKind,
    {
        "responsibility_area": "党员责任区",
        "model_post": "党员示范岗",
        "volunteer": "志愿服务",
        "community_report": "在职党员到社区报到",
        "pairing_help": "结对帮扶",
        "commemoration": "纪念活动",
        "other": "其他",
    },
)
# How the plan (2017, 四.2) has members take on work: 设岗定责, 党员责任区, 党员示范岗 …
WorkForm = Literal[
    "post_duty",
    "responsibility_area",
    "model_post",
    "tackling_group",
    "contact_masses",
    "pairing_help",
    "volunteer",
    "voluntary_labour",
    "community_report",
    "other",
]
WORK_FORMS = labelled(
    WorkForm,
    {
        "post_duty": "设岗定责",
        "responsibility_area": "党员责任区",
        "model_post": "党员示范岗",
        "tackling_group": "党员攻关小组",
        "contact_masses": "党员联系群众",
        "pairing_help": "结对帮扶",
        "volunteer": "志愿服务",
        "voluntary_labour": "义务劳动",
        "community_report": "在职党员到社区报到",
        "other": "其他",
    },
)
DisciplineStep = Literal[
    "talk", "criticism", "warning", "organizational", "suspend", "quit", "expel"
]
DISCIPLINE_STEPS = labelled(
    DisciplineStep,
    {
        "talk": "谈话提醒",
        "criticism": "批评教育",
        "warning": "警示诫勉",
        "organizational": "组织处置",
        "suspend": "停止党籍",
        "quit": "自行脱党",
        "expel": "开除党籍",
    },
)


@dataclass(kw_only=True, slots=True)
class StudySession(Record):
    """集中学习: counts in the year's study days (EDU-1)."""

    TABLE = "study_sessions"
    LABEL = "集中学习"

    date: Annotated[dt.date, Spec("学习日期")]
    days: Annotated[float, Spec("学习天数", doc="折合学习天数", ge=0, le=31)] = 1.0
    topic: Annotated[str, Spec("学习主题", max_length=200)]
    test_held: Annotated[bool, Spec("进行了测试", doc="是否进行了测试")] = False
    participant_ids: Annotated[list[str], Spec("参加学习的党员")] = field(default_factory=list)
    meeting_id: Annotated[str | None, Spec("相关会议")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class Activity(Record):
    """主题实践活动 (EDU-2) and commemorations (EDU-3)."""

    TABLE = "activities"
    LABEL = "主题实践活动"

    date: Annotated[dt.date, Spec("活动日期")]
    kind: Annotated[ActivityKind, Spec("活动类型")] = "other"
    title: Annotated[str, Spec("活动名称", max_length=200)]
    participant_ids: Annotated[list[str], Spec("参加活动的党员")] = field(default_factory=list)
    photo_ids: Annotated[list[str], Spec("照片")] = field(default_factory=list)
    recorder_id: Annotated[str | None, Spec("记录人")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class DuesPayment(Record):
    """党费交纳: one member's dues for one month (EDU-4, NAT-4)."""

    TABLE = "dues_payments"
    LABEL = "党费交纳"

    member_id: Annotated[str, Spec("党员")]
    month: Annotated[str, Spec("所属月份", doc="YYYY-MM")]
    amount: Annotated[Decimal, Spec("交纳金额", doc="元", ge=0)]
    paid: Annotated[dt.date, Spec("交纳日期")]
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class DuesRate(Record):
    """The monthly amount set for a member at the start of a year (NAT-4)."""

    TABLE = "dues_rates"
    LABEL = "党费标准"

    member_id: Annotated[str, Spec("党员")]
    year: Annotated[int, Spec("年度")]
    category: Annotated[DuesCategory, Spec("党费类别")] = "working"
    monthly_income: Annotated[
        Decimal | None, Spec("月收入", doc="核定党费所依据的月收入（元，税后）", ge=0)
    ] = None
    amount: Annotated[Decimal, Spec("每月党费", doc="每月应交党费（元）", ge=0)]


# EDU-5: a 党员证 number as printed on the card: letters, digits and hyphens (no ×, spaces or
# full-width characters, which come from typing the number by hand).
CARD_NUMBER = r"[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9]"


@dataclass(kw_only=True, slots=True)
class CertificateCard(Record):
    """党员证 (EDU-5)."""

    TABLE = "certificates"
    LABEL = "党员证"

    member_id: Annotated[str, Spec("党员")]
    number: Annotated[
        str,
        Spec(
            "党员证编号",
            doc="字母、数字和“-”",
            max_length=40,
            pattern=CARD_NUMBER,
            pattern_hint="只能包含字母、数字和“-”，4至40位",
        ),
    ]
    issued: Annotated[dt.date | None, Spec("发证日期")] = None


@dataclass(kw_only=True, slots=True)
class CaseStep:
    step: Annotated[DisciplineStep, Spec("处置步骤")]
    date: Annotated[dt.date, Spec("步骤日期")]
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class DisciplineCase(Record):
    """不合格党员处置 with its steps and outcome (EDU-8, NAT-5)."""

    TABLE = "discipline_cases"
    LABEL = "不合格党员处置"

    member_id: Annotated[str, Spec("党员")]
    opened: Annotated[dt.date, Spec("立案时间")]
    reason: Annotated[str, Spec("处置原因", max_length=2000)]
    steps: Annotated[list[CaseStep], Spec("处置步骤")] = field(default_factory=list)
    outcome: Annotated[str, Spec("处置结果", max_length=2000)] = ""
    closed: Annotated[dt.date | None, Spec("结案时间")] = None


@dataclass(kw_only=True, slots=True)
class LostContact(Record):
    """失联党员 (NAT-6): since when, and what was done."""

    TABLE = "lost_contacts"
    LABEL = "失联党员"

    member_id: Annotated[str, Spec("党员")]
    since: Annotated[dt.date, Spec("失联起始时间")]
    suspended: Annotated[dt.date | None, Spec("停止党籍时间")] = None
    removed: Annotated[dt.date | None, Spec("除名时间")] = None
    found: Annotated[dt.date | None, Spec("恢复联系时间")] = None
    note: Annotated[
        str, Spec("寻找情况", doc="为寻找、联系该党员所做的工作及结果", max_length=2000)
    ] = ""


@dataclass(kw_only=True, slots=True)
class WorkAssignment(Record):
    """党员分配工作: work the branch gave a member (设岗定责, 责任区 …). Past its due date, not
    done and without a good reason, it counts toward NAT-5 month by month."""

    TABLE = "work_assignments"
    LABEL = "分配工作"

    member_id: Annotated[str, Spec("党员")]
    assigned: Annotated[dt.date, Spec("分配日期", doc="党组织分配这项工作的日期")]
    form: Annotated[WorkForm, Spec("工作形式")] = "post_duty"
    content: Annotated[str, Spec("工作内容", doc="岗位或任务", max_length=200)]
    due: Annotated[dt.date | None, Spec("完成期限", doc="留空表示长期")] = None
    completed: Annotated[dt.date | None, Spec("完成日期")] = None
    excuse: Annotated[
        str, Spec("正当理由", doc="未能完成的正当理由，如：因病住院", max_length=200)
    ] = ""
    excused_from: Annotated[dt.date | None, Spec("理由起始日期")] = None
    excused_until: Annotated[dt.date | None, Spec("理由截止日期", doc="留空表示至今")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""
