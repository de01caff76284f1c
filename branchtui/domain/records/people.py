"""Members and party groups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from branchtui.domain.records.base import Record

GENDERS = {"male": "男", "female": "女"}
MEMBER_STATUSES = {"full": "正式党员", "probationary": "预备党员"}
REMOVAL_REASONS = {
    "transferred_out": "转出组织关系",
    "deceased": "去世",
    "quit": "自行脱党",
    "expelled": "开除党籍",
    "suspended": "停止党籍",
    "other": "其他",
}
DUES_CATEGORIES = {
    "working": "在职",
    "retired": "离退休",
    "student": "学生",
    "unemployed": "无固定收入",
    "low_income": "低收入",
}


@dataclass(kw_only=True)
class Member(Record):
    """党员: a person in the roster (ORG-1). Removed members stay as history."""

    TABLE = "members"
    LABEL = "党员"

    name: str
    gender: str = ""
    ethnicity: str = "汉族"
    birth_date: dt.date | None = None
    id_number: str = ""
    phone: str = ""
    education: str = ""
    position: str = ""
    joined: dt.date | None = None
    full_date: dt.date | None = None
    status: str = "full"
    group_id: str | None = None
    is_leader: bool = False
    inflow: bool = False
    dues_category: str = "working"
    monthly_income: Decimal | None = None
    removed: dt.date | None = None
    removed_reason: str = ""
    removed_note: str = ""
    note: str = ""

    @property
    def active(self) -> bool:
        return self.removed is None


@dataclass(kw_only=True)
class PartyGroup(Record):
    """党小组 (ORG-2); members point at their group with ``group_id``."""

    TABLE = "groups"
    LABEL = "党小组"

    name: str
    leader_id: str | None = None
    created: dt.date | None = None
    dissolved: dt.date | None = None
