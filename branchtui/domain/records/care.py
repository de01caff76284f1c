"""Care and rights: talks, hardship cases, announcements (CARE-1…3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from branchtui.domain.records.base import Record

TALK_KINDS = {
    "daily": "日常谈话",
    "special": "专题谈话",
    "reminder": "提醒谈话",
    "admonishing": "诫勉谈话",
}
TALK_TRIGGERS = {
    "": "无",
    "transfer_in": "转入组织关系",
    "transfer_out": "转出组织关系",
    "going_out": "外出流动",
    "abroad": "出国（境）",
    "fluctuation": "思想波动",
    "handling": "需组织处理",
    "discipline": "需受党纪处分",
    "application": "入党申请",
}


@dataclass(kw_only=True)
class Talk(Record):
    """谈心谈话 (CARE-1); ``about_id`` names the event that required it."""

    TABLE = "talks"
    LABEL = "谈心谈话"

    member_id: str | None = None
    person_name: str = ""
    date: dt.date
    kind: str = "daily"
    trigger: str = ""
    about_id: str | None = None
    talker_id: str | None = None
    content: str = ""


@dataclass(kw_only=True)
class HardshipCase(Record):
    """困难帮扶 (CARE-3): application received, reported up, help given."""

    TABLE = "hardship_cases"
    LABEL = "困难帮扶"

    member_id: str
    applied: dt.date
    description: str
    reported_up: dt.date | None = None
    helped: dt.date | None = None
    help: str = ""
    amount: Decimal | None = None


@dataclass(kw_only=True)
class Announcement(Record):
    """党务公开 (CARE-2)."""

    TABLE = "announcements"
    LABEL = "党务公开"

    date: dt.date
    title: str
    content: str = ""
    channel: str = ""
