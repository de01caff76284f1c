"""The branch itself and its committee: terms, seats and vacancies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from branchtui.domain.records.base import Record

BRANCH_KINDS = {"branch": "党支部", "general_branch": "党总支"}
PROFILE_NAMES = {"plan-2017": "2017年实施方案（默认）", "national": "全国现行规定"}

SEAT_ROLES = {
    "secretary": "书记",
    "deputy_secretary": "副书记",
    "organization": "组织委员",
    "propaganda": "宣传委员",
    "discipline": "纪检委员",
    "other": "委员",
}


@dataclass(kw_only=True)
class Branch(Record):
    """党支部 / 党总支: the organization this data file belongs to."""

    TABLE = "branch"
    LABEL = "支部信息"

    name: str
    kind: str = "branch"
    upper_committee: str = ""
    non_public: bool = False
    profile: str = "plan-2017"
    non_party_staff: int | None = None
    created: dt.date | None = None


@dataclass(kw_only=True)
class Term(Record):
    """任期 / 届: one committee term, from an election to the next."""

    TABLE = "terms"
    LABEL = "任期"

    number: int = 1
    start: dt.date
    elected_at_meeting_id: str | None = None
    extension_until: dt.date | None = None
    extension_approved: dt.date | None = None
    extension_ref: str = ""
    note: str = ""


@dataclass(kw_only=True)
class CommitteeSeat(Record):
    """委员: a seat of the committee held by a member during a term."""

    TABLE = "seats"
    LABEL = "支委委员"

    term_id: str
    role: str
    title: str = ""
    member_id: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(kw_only=True)
class Vacancy(Record):
    """空缺: a seat without a holder since a date (ORG-7, ORG-8)."""

    TABLE = "vacancies"
    LABEL = "委员空缺"

    role: str
    since: dt.date
    filled: dt.date | None = None
    seat_id: str | None = None
    note: str = ""


@dataclass(kw_only=True)
class Venue(Record):
    """活动场所 (BASE-1)."""

    TABLE = "venues"
    LABEL = "活动场所"

    name: str
    shared: bool = False
    address: str = ""
    equipment: list[str] = field(default_factory=list)
