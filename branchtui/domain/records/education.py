"""Education and management: study, activities, dues, certificates, discipline, lost contact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from branchtui.domain.records.base import Record

ACTIVITY_KINDS = {
    "responsibility_area": "党员责任区",
    "model_post": "党员示范岗",
    "volunteer": "志愿服务",
    "community_report": "在职党员到社区报到",
    "pairing_help": "结对帮扶",
    "commemoration": "纪念活动",
    "other": "其他",
}
DISCIPLINE_STEPS = {
    "talk": "谈话提醒",
    "criticism": "批评教育",
    "warning": "警示诫勉",
    "organizational": "组织处置",
    "suspend": "停止党籍",
    "quit": "自行脱党",
    "expel": "开除党籍",
}


@dataclass(kw_only=True)
class StudySession(Record):
    """集中学习: counts in the year's study days (EDU-1)."""

    TABLE = "study_sessions"
    LABEL = "集中学习"

    date: dt.date
    days: float = 1.0
    topic: str
    test_held: bool = False
    participant_ids: list[str] = field(default_factory=list)
    meeting_id: str | None = None
    note: str = ""


@dataclass(kw_only=True)
class Activity(Record):
    """主题实践活动 (EDU-2) and commemorations (EDU-3)."""

    TABLE = "activities"
    LABEL = "主题实践活动"

    date: dt.date
    kind: str = "other"
    title: str
    participant_ids: list[str] = field(default_factory=list)
    photo_ids: list[str] = field(default_factory=list)
    recorder_id: str | None = None
    note: str = ""


@dataclass(kw_only=True)
class DuesPayment(Record):
    """党费交纳: one member's dues for one month (EDU-4, NAT-4)."""

    TABLE = "dues_payments"
    LABEL = "党费交纳"

    member_id: str
    month: str
    amount: Decimal
    paid: dt.date
    note: str = ""


@dataclass(kw_only=True)
class DuesRate(Record):
    """The monthly amount set for a member at the start of a year (NAT-4)."""

    TABLE = "dues_rates"
    LABEL = "党费标准"

    member_id: str
    year: int
    category: str = "working"
    monthly_income: Decimal | None = None
    amount: Decimal


@dataclass(kw_only=True)
class CertificateCard(Record):
    """党员证 (EDU-5)."""

    TABLE = "certificates"
    LABEL = "党员证"

    member_id: str
    number: str
    issued: dt.date | None = None


@dataclass(kw_only=True)
class CaseStep:
    step: str
    date: dt.date
    note: str = ""


@dataclass(kw_only=True)
class DisciplineCase(Record):
    """不合格党员处置 with its steps and outcome (EDU-8, NAT-5)."""

    TABLE = "discipline_cases"
    LABEL = "不合格党员处置"

    member_id: str
    opened: dt.date
    reason: str
    steps: list[CaseStep] = field(default_factory=list)
    outcome: str = ""
    closed: dt.date | None = None


@dataclass(kw_only=True)
class LostContact(Record):
    """失联党员 (NAT-6): since when, and what was done."""

    TABLE = "lost_contacts"
    LABEL = "失联党员"

    member_id: str
    since: dt.date
    suspended: dt.date | None = None
    removed: dt.date | None = None
    found: dt.date | None = None
    note: str = ""
