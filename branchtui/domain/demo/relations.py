"""The demo's organizational relations: transfers, travel abroad, a flowing member (REL-1…6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.names import make_phone
from branchtui.domain.records import FlowingMember, Member, Talk, Transfer, TravelAbroad
from branchtui.domain.records.care import TalkKind, TalkTrigger
from branchtui.domain.records.relations import TransferDirection, TransferInstrument

OTHER_ORGS = (
    "中共厦门市财政局机关第二支部委员会",
    "中共厦门国际信托有限公司第一支部委员会",
    "中共厦门市产业投资有限公司党支部",
    "中共厦门两岸股权交易中心有限公司党支部",
    "中共福建省某银行厦门分行机关党支部",
)


def _ref(ctx: DemoContext, day: dt.date) -> str:
    # The reference the “厦门党建e家” platform gives a transfer (REL-2).
    return f"EJ{day:%Y%m%d}{ctx.rng.randrange(1000, 10000)}"


def _talk(
    ctx: DemoContext,
    member: Member,
    day: dt.date,
    trigger: TalkTrigger,
    about: str,
    content: str,
    kind: TalkKind = "special",
) -> None:
    ctx.add(
        Talk(
            id=ctx.new_id(),
            member_id=member.id,
            person_name=member.name,
            date=day,
            kind=kind,
            trigger=trigger,
            about_id=about,
            talker_id=ctx.member("secretary").id,
            content=content,
        )
    )


def _transfer(
    ctx: DemoContext,
    member: Member,
    day: dt.date,
    direction: TransferDirection,
    instrument: TransferInstrument,
    reason: str,
    other_org: str | None = None,
    *,
    place_fixed: bool = True,
    **fields: Any,
) -> Transfer:
    # The id is drawn before the organization and the reference: the seed's sequence stays fixed.
    record_id = ctx.new_id()
    return ctx.add(
        Transfer(
            id=record_id,
            member_id=member.id,
            person_name=member.name,
            direction=direction,
            instrument=instrument,
            date=day,
            other_org=other_org or ctx.rng.choice(OTHER_ORGS),
            place_fixed=place_fixed,
            platform_ref=_ref(ctx, day),
            reason=reason,
            **fields,
        )
    )


def _away(ctx: DemoContext, member: Member, start: dt.date, end: dt.date, reason: str) -> None:
    ctx.cast.setdefault("away", {}).setdefault(member.id, []).append((start, end, reason))


def build_transfers(ctx: DemoContext) -> None:
    """Two members transferred out (one was the 宣传委员), two came in before the records began."""
    rng = ctx.rng
    for key in ("propaganda", "transferred_earlier"):
        member = ctx.member(key)
        assert member.removed is not None
        transfer = _transfer(ctx, member, member.removed, "out", "relation_transfer", "工作调动")
        _talk(
            ctx,
            member,
            member.removed - dt.timedelta(days=rng.randint(2, 6)),
            "transfer_out",
            transfer.id,
            "转出前谈心谈话，嘱咐到新单位后及时报到、按时交纳党费",
        )
    for member in ctx.cast["ordinary"][-9:-7]:
        day = ctx.working_day_near(ctx.start - dt.timedelta(days=rng.randint(30, 400)))
        transfer = _transfer(ctx, member, day, "in", "relation_transfer", "工作调动")
        _talk(
            ctx,
            member,
            ctx.working_day_near(day + dt.timedelta(days=rng.randint(3, 10))),
            "transfer_in",
            transfer.id,
            "转入后见面谈话，介绍支部情况，编入党小组",
        )
    # Five months' study away: a 党员证明信, the member stays on the roster (REL-1).
    member = ctx.cast["ordinary"][-10]
    leave = ctx.working_day_near(max(ctx.start, ctx.today - dt.timedelta(days=420)))
    back = leave + dt.timedelta(days=150)
    transfer = _transfer(
        ctx,
        member,
        leave,
        "out",
        "certificate_letter",
        "脱产学习",
        "中共上海国家会计学院委员会",
        months_away=5,
    )
    _talk(
        ctx,
        member,
        leave - dt.timedelta(days=3),
        "going_out",
        transfer.id,
        "外出学习前谈话，开具党员证明信，约定每月汇报思想",
    )
    _away(ctx, member, leave, back, "持党员证明信外出学习")


def build_travel(ctx: DemoContext) -> None:
    """One private trip abroad, approved (保留党籍) before leaving (REL-3)."""
    member = ctx.cast["ordinary"][-7]
    depart = ctx.working_day_near(ctx.days_ago(60, 200))
    back = depart + dt.timedelta(days=9)
    approved = ctx.working_day_near(depart - dt.timedelta(days=14))
    trip = ctx.add(
        TravelAbroad(
            id=ctx.new_id(),
            member_id=member.id,
            destination="日本",
            purpose="旅游探亲",
            depart=depart,
            return_date=back,
            decision="keep",
            approved=approved,
            approval_ref=f"金圆党〔{approved.year}〕{ctx.rng.randint(10, 90)}号",
        )
    )
    _talk(ctx, member, approved, "abroad", trip.id, "出国（境）前谈话，强调外事纪律和保密要求")
    _away(ctx, member, depart, back, "因私出国（境）")


def build_flowing(ctx: DemoContext) -> None:
    """An out-flowing member with a 流动党员活动证 and a named contact person (REL-4)."""
    member = ctx.cast["ordinary"][-6]
    start = ctx.working_day_near(ctx.days_ago(150, 300))
    card = f"LD3502{start.year}{ctx.rng.randrange(10000, 100000)}"
    contact = ctx.member("organization")
    flow = ctx.add(
        FlowingMember(
            id=ctx.new_id(),
            member_id=member.id,
            person_name=member.name,
            direction="outflow",
            place="上海市浦东新区",
            start=start,
            card_number=card,
            contact_person_id=contact.id,
            contact_info=member.phone or make_phone(ctx.rng),
            last_contact=ctx.working_day_near(ctx.days_ago(20, 45)),
            note="派驻上海项目组，时间不确定，每月通过电话和微信联系",
        )
    )
    _transfer(
        ctx,
        member,
        start,
        "out",
        "flow_card",
        "外派项目，地点时间不确定",
        "上海市浦东新区流动党员党支部",
        place_fixed=False,
    )
    _talk(
        ctx, member, start, "going_out", flow.id, "外出流动前谈话，发放流动党员活动证，明确联系人"
    )
    _away(ctx, member, start, ctx.today, "外出流动（持流动党员活动证）")
