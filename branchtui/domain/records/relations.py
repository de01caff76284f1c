"""Organizational relations: transfers, private travel abroad, flowing members."""

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record

TransferDirection = Literal["in", "out"]
TRANSFER_DIRECTIONS = labelled(TransferDirection, {"in": "转入", "out": "转出"})
TransferInstrument = Literal["relation_transfer", "certificate_letter", "flow_card", "none"]
TRANSFER_INSTRUMENTS = labelled(
    TransferInstrument,
    {
        "relation_transfer": "转组织关系",
        "certificate_letter": "党员证明信",
        "flow_card": "流动党员活动证",
        "none": "无需开具",
    },
)
MembershipDecision = Literal["keep", "suspend"]
MEMBERSHIP_DECISIONS = labelled(MembershipDecision, {"keep": "保留党籍", "suspend": "停止党籍"})
FlowDirection = Literal["outflow", "inflow"]
FLOW_DIRECTIONS = labelled(FlowDirection, {"outflow": "流出", "inflow": "流入"})


@dataclass(kw_only=True, slots=True)
class Transfer(Record):
    """组织关系转接 (REL-1, REL-2)."""

    TABLE = "transfers"
    LABEL = "组织关系转接"

    member_id: Annotated[str | None, Spec("党员")] = None
    person_name: Annotated[str, Spec("姓名", max_length=40)]
    direction: Annotated[TransferDirection, Spec("转接方向")]
    instrument: Annotated[TransferInstrument, Spec("转接方式", doc="转接凭证")]
    date: Annotated[dt.date, Spec("转接日期")]
    other_org: Annotated[str, Spec("对方党组织", max_length=200)] = ""
    months_away: Annotated[int | None, Spec("外出时间（月）", doc="预计外出月数", ge=0)] = None
    place_fixed: Annotated[bool | None, Spec("外出地点固定", doc="外出地点是否固定")] = None
    platform_ref: Annotated[
        str, Spec("平台编号", doc="全国党员管理信息系统中的编号", max_length=100)
    ] = ""
    letter_sent: Annotated[
        dt.date | None, Spec("介绍信开出日期", doc="组织关系介绍信（或党员证明信）开出之日")
    ] = None
    receipt_returned: Annotated[
        dt.date | None, Spec("回执返回日期", doc="接收方党组织退回介绍信回执之日（REL-2）")
    ] = None
    reason: Annotated[str, Spec("转接原因", max_length=500)] = ""
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class TravelAbroad(Record):
    """因私出国（境） with the membership decision taken before leaving (REL-3)."""

    TABLE = "travels"
    LABEL = "因私出国（境）"

    member_id: Annotated[str, Spec("党员")]
    destination: Annotated[str, Spec("前往国家（地区）", max_length=100)]
    purpose: Annotated[str, Spec("事由", max_length=500)] = ""
    depart: Annotated[dt.date, Spec("出境时间")]
    return_date: Annotated[dt.date | None, Spec("回国（境）时间")] = None
    decision: Annotated[MembershipDecision | Blank, Spec("党籍处理")] = ""
    approved: Annotated[dt.date | None, Spec("审批时间")] = None
    approval_ref: Annotated[str, Spec("批准文号", max_length=100)] = ""
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class FlowingMember(Record):
    """流动党员, out of or into the branch (REL-4, REL-5, REL-6)."""

    TABLE = "flowing_members"
    LABEL = "流动党员"

    member_id: Annotated[str | None, Spec("党员")] = None
    person_name: Annotated[str, Spec("姓名", max_length=40)]
    direction: Annotated[FlowDirection, Spec("流动方向")]
    place: Annotated[str, Spec("流入或流出地", max_length=200)] = ""
    start: Annotated[dt.date, Spec("流动开始时间")]
    end: Annotated[dt.date | None, Spec("流动结束时间")] = None
    card_number: Annotated[str, Spec("活动证编号", doc="流动党员活动证编号", max_length=40)] = ""
    contact_person_id: Annotated[str | None, Spec("联系人")] = None
    contact_info: Annotated[str, Spec("联系方式", max_length=200)] = ""
    last_contact: Annotated[dt.date | None, Spec("最近联系时间")] = None
    home_org: Annotated[str, Spec("原所在党组织", max_length=200)] = ""
    card_checked: Annotated[bool, Spec("已查验活动证", doc="是否已查验流动党员活动证")] = False
    reported_back: Annotated[
        dt.date | None,
        Spec(
            "情况反馈日期",
            doc="最近一次向流出地党组织反馈其参加组织生活、交纳党费等情况之日（REL-6）",
        ),
    ] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class MembershipRestoration(Record):
    """恢复党籍: a member under 停止党籍 (NAT-6 失联, REL-3 因私出国（境）) back on the roster from
    ``restored``, on her own application, discussed by the 支部大会 and approved by the upper
    party committee (domain/restoration.py)."""

    TABLE = "restorations"
    LABEL = "恢复党籍"

    member_id: Annotated[str, Spec("党员")]
    suspended: Annotated[
        dt.date | None, Spec("停止党籍时间", doc="恢复前停止党籍之日（名册中的移出时间）")
    ] = None
    applied: Annotated[dt.date, Spec("本人申请时间", doc="本人申请恢复党籍之日")]
    meeting: Annotated[dt.date, Spec("大会讨论时间", doc="支部党员大会讨论之日")]
    approved: Annotated[dt.date, Spec("党委批准时间", doc="上级党委批准之日")]
    approval_ref: Annotated[str, Spec("批准文号", max_length=100)] = ""
    restored: Annotated[
        dt.date, Spec("恢复党籍时间", doc="恢复党籍之日；各项按党员计算的规定从此日起重新计算")
    ]
    note: Annotated[str, Spec("备注", max_length=2000)] = ""
