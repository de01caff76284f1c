"""Organizational relations: transfers, private travel abroad, flowing members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.records.base import Record

TRANSFER_DIRECTIONS = {"in": "转入", "out": "转出"}
TRANSFER_INSTRUMENTS = {
    "relation_transfer": "转组织关系",
    "certificate_letter": "党员证明信",
    "flow_card": "流动党员活动证",
    "none": "无需开具",
}
MEMBERSHIP_DECISIONS = {"keep": "保留党籍", "suspend": "停止党籍"}
FLOW_DIRECTIONS = {"outflow": "流出", "inflow": "流入"}


@dataclass(kw_only=True)
class Transfer(Record):
    """组织关系转接 (REL-1, REL-2)."""

    TABLE = "transfers"
    LABEL = "组织关系转接"

    member_id: str | None = None
    person_name: str
    direction: str
    instrument: str
    date: dt.date
    other_org: str = ""
    months_away: int | None = None
    place_fixed: bool | None = None
    platform_ref: str = ""
    reason: str = ""
    note: str = ""


@dataclass(kw_only=True)
class TravelAbroad(Record):
    """因私出国（境） with the membership decision taken before leaving (REL-3)."""

    TABLE = "travels"
    LABEL = "因私出国（境）"

    member_id: str
    destination: str
    purpose: str = ""
    depart: dt.date
    return_date: dt.date | None = None
    decision: str = ""
    approved: dt.date | None = None
    approval_ref: str = ""
    note: str = ""


@dataclass(kw_only=True)
class FlowingMember(Record):
    """流动党员, out of or into the branch (REL-4, REL-5, REL-6)."""

    TABLE = "flowing_members"
    LABEL = "流动党员"

    member_id: str | None = None
    person_name: str
    direction: str
    place: str = ""
    start: dt.date
    end: dt.date | None = None
    card_number: str = ""
    contact_person_id: str | None = None
    contact_info: str = ""
    last_contact: dt.date | None = None
    home_org: str = ""
    card_checked: bool = False
    note: str = ""
