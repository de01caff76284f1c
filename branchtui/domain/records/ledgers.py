"""Systems, plans, ledgers, attachments, funds, inspections, reports (SYS, BASE, REP)."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record, RecordId, new_id

# SYS-1: the written systems a branch must have.
SystemKind = Literal[
    "three_meetings", "study", "appraisal", "development", "supervision", "openness"
]
SYSTEM_KINDS = labelled(
    SystemKind,
    {
        "three_meetings": "“三会一课”制度",
        "study": "党员学习培训制度",
        "appraisal": "民主评议党员制度",
        "development": "发展党员制度",
        "supervision": "党内监督制度",
        "openness": "党务公开制度",
    },
)
LedgerCategory = Literal[
    "organization", "life", "education", "development", "care", "system", "support", "other"
]
LEDGER_CATEGORIES = labelled(
    LedgerCategory,
    {
        "organization": "组织建设",
        "life": "组织生活",
        "education": "学习教育",
        "development": "发展党员",
        "care": "党内关怀",
        "system": "制度建设",
        "support": "基础保障",
        "other": "其他",
    },
)
FundDirection = Literal["income", "spending"]
FUND_DIRECTIONS = labelled(FundDirection, {"income": "收入", "spending": "支出"})
# BASE-2: what funds and returned dues may be spent on.
FundPurpose = Literal["activity", "education", "award", "condolence", "other"]
FUND_PURPOSES = labelled(
    FundPurpose,
    {
        "activity": "支部活动",
        "education": "党员教育培训",
        "award": "奖励",
        "condolence": "慰问",
        "other": "其他",
    },
)
FundSource = Literal["enterprise_budget", "returned_dues", "other"]
FUND_SOURCES = labelled(
    FundSource,
    {
        "enterprise_budget": "企业预算（管理费列支）",
        "returned_dues": "回拨党费",
        "other": "其他",
    },
)
AssessmentArea = Literal["ORG", "LIFE", "REL", "EDU", "DEV", "CARE", "SYS", "BASE"]
ASSESSMENT_AREAS = labelled(
    AssessmentArea,
    {
        "ORG": "组织体系",
        "LIFE": "组织生活",
        "REL": "组织关系",
        "EDU": "教育管理",
        "DEV": "发展党员",
        "CARE": "党内关怀",
        "SYS": "建章立制",
        "BASE": "基础保障",
    },
)
# The secretary's own words in the reports, by section (the rest is computed from records).
MonthlyText = Literal["problems", "plans"]
MONTHLY_TEXTS = labelled(MonthlyText, {"problems": "存在的问题", "plans": "下月工作打算"})
YearText = Literal["achievements", "shortcomings", "plans"]
YEAR_TEXTS = labelled(
    YearText,
    {
        "achievements": "工作亮点和成效（补充）",
        "shortcomings": "存在的不足（找差距）",
        "plans": "下年打算（说打算）",
    },
)
FiveGood = Literal["leadership", "members", "activities", "systems", "role"]
FIVE_GOOD = labelled(
    FiveGood,
    {
        "leadership": "支部班子好",
        "members": "党员队伍好",
        "activities": "活动开展好",
        "systems": "制度建设好",
        "role": "作用发挥好",
    },
)


@dataclass(kw_only=True, slots=True)
class SystemDoc(Record):
    """制度 (SYS-1)."""

    TABLE = "system_docs"
    LABEL = "制度"

    kind: Annotated[SystemKind, Spec("制度类别")]
    title: Annotated[str, Spec("制度名称", max_length=200)]
    adopted: Annotated[dt.date | None, Spec("制定时间")] = None
    posted: Annotated[bool, Spec("已上墙公布", doc="是否已上墙公布")] = False
    attachment_id: Annotated[str | None, Spec("制度文本附件")] = None
    # Kept as history from this day on; a category is settled only by a system in force (SYS-1).
    abolished: Annotated[dt.date | None, Spec("废止时间", doc="制度废止或被新制度替代的日期")] = (
        None
    )


@dataclass(kw_only=True, slots=True)
class PlanItem:
    """A project of the year's work plan (SYS-2)."""

    id: RecordId = field(default_factory=new_id)
    content: Annotated[str, Spec("工作内容", max_length=500)]
    form: Annotated[str, Spec("形式", max_length=200)] = ""
    owner_id: Annotated[str | None, Spec("负责人")] = None
    due: Annotated[dt.date | None, Spec("完成时限", doc="计划完成日期")] = None
    progress: Annotated[str, Spec("进展情况", max_length=2000)] = ""
    done: Annotated[dt.date | None, Spec("完成时间")] = None


@dataclass(kw_only=True, slots=True)
class WorkPlan(Record):
    """年度工作计划 (SYS-2)."""

    TABLE = "work_plans"
    LABEL = "年度工作计划"

    year: Annotated[int, Spec("年度")]
    adopted: Annotated[dt.date | None, Spec("计划通过时间")] = None
    items: Annotated[list[PlanItem], Spec("计划项目")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Attachment(Record):
    """附件 / 照片: a file copied into attachments/ under a generated name."""

    TABLE = "attachments"
    LABEL = "附件"

    file_name: Annotated[
        str, Spec("文件名", doc="附件在 attachments/ 目录中的文件名", max_length=255)
    ]
    original_name: Annotated[str, Spec("原文件名", max_length=255)] = ""
    sha256: Annotated[str, Spec("校验值", doc="文件内容的 SHA-256 校验值")] = ""
    size: Annotated[int, Spec("文件大小", doc="字节", ge=0)] = 0
    added: Annotated[dt.date | None, Spec("添加时间")] = None
    description: Annotated[str, Spec("说明", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class LedgerEntry(Record):
    """台帐: a filed item with its category and attachments (SYS-3)."""

    TABLE = "ledger_entries"
    LABEL = "台帐"

    date: Annotated[dt.date, Spec("归档日期")]
    category: Annotated[LedgerCategory, Spec("台帐类别")] = "other"
    title: Annotated[str, Spec("台帐标题", max_length=200)]
    record_table: Annotated[str, Spec("归档记录所在的数据表", doc="数据表名，如 meetings")] = ""
    record_id: Annotated[str | None, Spec("归档的记录", doc="在 record_table 所指的数据表中")] = (
        None
    )
    attachment_ids: Annotated[list[str], Spec("附件")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class FundEntry(Record):
    """经费收支 (BASE-2)."""

    TABLE = "fund_entries"
    LABEL = "经费收支"

    date: Annotated[dt.date, Spec("日期")]
    direction: Annotated[FundDirection, Spec("收支类型")] = "spending"
    amount: Annotated[Decimal, Spec("金额", doc="元", ge=0)]
    source: Annotated[FundSource | Blank, Spec("经费来源")] = ""
    purpose: Annotated[FundPurpose | Blank, Spec("支出用途")] = ""
    description: Annotated[str, Spec("说明", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class Inspection(Record):
    """上级党委检查 (SYS-4)."""

    TABLE = "inspections"
    LABEL = "上级检查"

    date: Annotated[dt.date, Spec("检查日期")]
    inspector: Annotated[str, Spec("检查单位", doc="检查人或检查单位", max_length=100)] = ""
    findings: Annotated[str, Spec("检查意见", max_length=5000)] = ""


@dataclass(kw_only=True, slots=True)
class MonthlyReport(Record):
    """月度工作报告 (REP-1): when it was generated and sent."""

    TABLE = "monthly_reports"
    LABEL = "月度工作报告"

    month: Annotated[str, Spec("报告月份", doc="YYYY-MM")]
    generated: Annotated[dt.date | None, Spec("生成时间")] = None
    sent: Annotated[dt.date | None, Spec("报送时间")] = None
    path: Annotated[str, Spec("报告文件的路径")] = ""
    texts: Annotated[
        dict[MonthlyText, str],
        Spec("书记填写的文字", doc="键为报告部分，值为文字", max_length=5000),
    ] = field(default_factory=dict)


@dataclass(kw_only=True, slots=True)
class YearAssessment(Record):
    """年度考核自评 (REP-2, REP-3)."""

    TABLE = "assessments"
    LABEL = "年度考核自评"

    year: Annotated[int, Spec("年度")]
    scores: Annotated[
        dict[AssessmentArea, float], Spec("各方面自评得分", doc="键为考核项目", ge=0, le=100)
    ] = field(default_factory=dict)
    five_good: Annotated[dict[FiveGood, str], Spec("“五好”自评", doc="键为五好项目，值为评语")] = (
        field(default_factory=dict)
    )
    date: Annotated[dt.date | None, Spec("自评时间")] = None
    texts: Annotated[
        dict[YearText, str],
        Spec("书记填写的述职、总结文字", doc="键为报告部分，值为文字", max_length=5000),
    ] = field(default_factory=dict)


@dataclass(kw_only=True, slots=True)
class PracticeNote(Record):
    """好经验、好做法 summarised and reported (REP-4)."""

    TABLE = "practice_notes"
    LABEL = "经验做法"

    date: Annotated[dt.date, Spec("日期")]
    title: Annotated[str, Spec("经验做法标题", max_length=200)]
    content: Annotated[str, Spec("内容", max_length=5000)] = ""
    reported: Annotated[dt.date | None, Spec("报送时间", doc="上报上级日期")] = None
