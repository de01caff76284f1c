"""Systems, plans, ledgers, attachments, funds, inspections, reports (SYS, BASE, REP)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from branchtui.domain.records.base import Record, new_id

# SYS-1: the written systems a branch must have.
SYSTEM_KINDS = {
    "three_meetings": "“三会一课”制度",
    "study": "党员学习培训制度",
    "appraisal": "民主评议党员制度",
    "development": "发展党员制度",
    "supervision": "党内监督制度",
    "openness": "党务公开制度",
}
LEDGER_CATEGORIES = {
    "organization": "组织建设",
    "life": "组织生活",
    "education": "学习教育",
    "development": "发展党员",
    "care": "党内关怀",
    "system": "制度建设",
    "support": "基础保障",
    "other": "其他",
}
# BASE-2: what funds and returned dues may be spent on.
FUND_PURPOSES = {
    "activity": "支部活动",
    "education": "党员教育培训",
    "award": "奖励",
    "condolence": "慰问",
    "other": "其他",
}
FUND_SOURCES = {
    "enterprise_budget": "企业预算（管理费列支）",
    "returned_dues": "回拨党费",
    "other": "其他",
}
ASSESSMENT_AREAS = {
    "ORG": "组织体系",
    "LIFE": "组织生活",
    "REL": "组织关系",
    "EDU": "教育管理",
    "DEV": "发展党员",
    "CARE": "党内关怀",
    "SYS": "建章立制",
    "BASE": "基础保障",
}
FIVE_GOOD = {
    "leadership": "支部班子好",
    "members": "党员队伍好",
    "activities": "活动开展好",
    "systems": "制度建设好",
    "role": "作用发挥好",
}


@dataclass(kw_only=True)
class SystemDoc(Record):
    """制度 (SYS-1)."""

    TABLE = "system_docs"
    LABEL = "制度"

    kind: str
    title: str
    adopted: dt.date | None = None
    posted: bool = False
    attachment_id: str | None = None


@dataclass(kw_only=True)
class PlanItem:
    """A project of the year's work plan (SYS-2)."""

    id: str = field(default_factory=new_id)
    content: str
    form: str = ""
    owner_id: str | None = None
    due: dt.date | None = None
    progress: str = ""
    done: dt.date | None = None


@dataclass(kw_only=True)
class WorkPlan(Record):
    """年度工作计划 (SYS-2)."""

    TABLE = "work_plans"
    LABEL = "年度工作计划"

    year: int
    adopted: dt.date | None = None
    items: list[PlanItem] = field(default_factory=list)


@dataclass(kw_only=True)
class Attachment(Record):
    """附件 / 照片: a file copied into attachments/ under a generated name."""

    TABLE = "attachments"
    LABEL = "附件"

    file_name: str
    original_name: str = ""
    sha256: str = ""
    size: int = 0
    added: dt.date | None = None
    description: str = ""


@dataclass(kw_only=True)
class LedgerEntry(Record):
    """台帐: a filed item with its category and attachments (SYS-3)."""

    TABLE = "ledger_entries"
    LABEL = "台帐"

    date: dt.date
    category: str = "other"
    title: str
    record_table: str = ""
    record_id: str | None = None
    attachment_ids: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class FundEntry(Record):
    """经费收支 (BASE-2)."""

    TABLE = "fund_entries"
    LABEL = "经费收支"

    date: dt.date
    direction: str = "spending"
    amount: Decimal
    source: str = ""
    purpose: str = ""
    description: str = ""


@dataclass(kw_only=True)
class Inspection(Record):
    """上级党委检查 (SYS-4)."""

    TABLE = "inspections"
    LABEL = "上级检查"

    date: dt.date
    inspector: str = ""
    findings: str = ""


@dataclass(kw_only=True)
class MonthlyReport(Record):
    """月度工作报告 (REP-1): when it was generated and sent."""

    TABLE = "monthly_reports"
    LABEL = "月度工作报告"

    month: str
    generated: dt.date | None = None
    sent: dt.date | None = None
    path: str = ""


@dataclass(kw_only=True)
class YearAssessment(Record):
    """年度考核自评 (REP-2, REP-3)."""

    TABLE = "assessments"
    LABEL = "年度考核自评"

    year: int
    scores: dict[str, float] = field(default_factory=dict)
    five_good: dict[str, str] = field(default_factory=dict)
    date: dt.date | None = None


@dataclass(kw_only=True)
class PracticeNote(Record):
    """好经验、好做法 summarised and reported (REP-4)."""

    TABLE = "practice_notes"
    LABEL = "经验做法"

    date: dt.date
    title: str
    content: str = ""
    reported: dt.date | None = None
