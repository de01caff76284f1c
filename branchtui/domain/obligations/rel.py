"""REL — organizational relations (组织关系): transfers, travel abroad, flowing members."""

from __future__ import annotations

from branchtui.domain.abroad import suspension_pending
from branchtui.domain.dates import format_date
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, who
from branchtui.domain.obligations.indexes import member_names
from branchtui.domain.probation import conversion_due
from branchtui.domain.records.relations import TRANSFER_INSTRUMENTS, TravelAbroad
from branchtui.domain.relations import (
    contact_due,
    instrument_fits,
    outflow_gaps,
    proposed_instrument,
    receipt_due,
    report_back_due,
    travel_approval_problem,
)

__all__ = ["proposed_instrument"]


def _name_list(ctx: Context, ids: list[str]) -> list[str]:
    names = member_names(ctx)
    return [names.get(i, "（已删除）") for i in ids]


def _names(ctx: Context, ids: list[str]) -> str:
    return "、".join(_name_list(ctx, ids))


@rule("REL-1")
def check_instruments(ctx: Context) -> list[Obligation]:
    """Every member who left is in the register, with the instrument the rules propose."""
    transfers = ctx.data.transfers
    out_ids = {t.member_id for t in transfers if t.direction == "out" and t.member_id}
    unregistered = [
        m.id
        for m in ctx.data.members
        if m.removed_reason == "transferred_out" and m.id not in out_ids
    ]
    mismatched = [t for t in transfers if not instrument_fits(t, ctx.profile)]
    if unregistered:
        return [
            obligation(
                "REL-1",
                "due",
                detail=f"{_names(ctx, unregistered)}已转出，但转接登记中没有记录",
                brief=brief(
                    f"{_names(ctx, unregistered)}已转出，但转接登记中没有记录",
                    f"{who(_name_list(ctx, unregistered))}已转出，转接未登记",
                    f"{len(unregistered)}人已转出，转接未登记",
                ),
                people=tuple(unregistered),
            )
        ]
    if mismatched:
        parts = [
            f"{t.person_name}外出{t.months_away}个月，登记为"
            f"{TRANSFER_INSTRUMENTS.get(t.instrument, t.instrument)}，应为"
            f"{TRANSFER_INSTRUMENTS[proposed_instrument(t.months_away, t.place_fixed, ctx.profile)]}"
            for t in mismatched
        ]
        return [
            obligation(
                "REL-1",
                "warning",
                detail="；".join(parts),
                brief=brief(
                    "；".join(parts),
                    f"{who([t.person_name for t in mismatched])}的外出凭证与外出时长不符",
                    f"{len(mismatched)}件外出凭证与外出时长不符",
                ),
                refs=tuple(t.id for t in mismatched),
                people=tuple(t.member_id for t in mismatched if t.member_id),
            )
        ]
    if not transfers:
        return [obligation("REL-1", "not_applicable", detail="尚无组织关系转接记录")]
    return [
        obligation(
            "REL-1",
            "met",
            detail=f"已登记{len(transfers)}件转接，凭证与外出情况相符",
            refs=tuple(t.id for t in transfers),
        )
    ]


@rule("REL-2")
def check_platform(ctx: Context) -> list[Obligation]:
    """Relation transfers go through the online platform: the register keeps its reference, and
    the 回执 of a letter sent comes back within ``transfer_receipt_days``."""
    moves = [t for t in ctx.data.transfers if t.instrument == "relation_transfer"]
    missing = [t for t in moves if not t.platform_ref.strip()]
    if not moves:
        return [obligation("REL-2", "not_applicable", detail="尚无转组织关系记录")]
    out: list[Obligation] = []
    if missing:
        names = "、".join(t.person_name for t in missing)
        out.append(
            obligation(
                "REL-2",
                "due",
                detail=f"{names}的组织关系转接未登记网上平台编号",
                brief=brief(
                    f"{names}的组织关系转接未登记网上平台编号",
                    f"{who([t.person_name for t in missing])}的转接未登记平台编号",
                    f"{len(missing)}件转接未登记平台编号",
                ),
                refs=tuple(t.id for t in missing),
                people=tuple(t.member_id for t in missing if t.member_id),
                needs="平台转接编号",
                field="platform_ref",
            )
        )
    for t in moves:
        due = receipt_due(t, ctx.profile)
        if due is None or ctx.on <= due or t.letter_sent is None:
            continue
        days = (ctx.on - t.letter_sent).days
        out.append(
            obligation(
                "REL-2",
                "warning",
                period_kind="deadline",
                due=due,
                detail=f"{t.person_name}的组织关系介绍信于{format_date(t.letter_sent)}开出，"
                f"已{days}天，回执尚未退回",
                brief=brief(f"{t.person_name}的介绍信回执已{days}天未退回", "介绍信回执未退回"),
                refs=(t.id,),
                people=(t.member_id,) if t.member_id else (),
            )
        )
    return out or [
        obligation("REL-2", "met", detail=f"{len(moves)}件转接均已记录平台编号，回执无逾期")
    ]


@rule("REL-3")
def check_travel_abroad(ctx: Context) -> list[Obligation]:
    """A private trip abroad needs the keep/suspend decision approved before departure."""
    out: list[Obligation] = []
    for trip in ctx.data.travels:
        if suspension_pending(ctx.data, trip, ctx.on):
            out.append(_suspension_due(ctx, trip))
        problem = travel_approval_problem(trip)
        if problem is None:
            continue
        kind, message = problem
        name = _names(ctx, [trip.member_id])
        returned = trip.return_date is not None and trip.return_date < ctx.on
        if kind == "late":
            if not returned:
                out.append(
                    obligation(
                        "REL-3",
                        "warning",
                        detail=f"{name}赴{trip.destination}：{message}",
                        brief=brief(f"{name}的党籍审批晚于出境", "党籍审批晚于出境"),
                        refs=(trip.id,),
                        people=(trip.member_id,),
                    )
                )
            continue
        if returned and trip.approved:
            continue
        late = trip.depart <= ctx.on
        out.append(
            obligation(
                "REL-3",
                "overdue" if late else "due",
                period_kind="deadline",
                due=trip.depart,
                detail=f"{name}{format_date(trip.depart)}赴"
                f"{trip.destination}，{'已出发' if late else '出发前'}须办理保留或停止党籍审批",
                brief=brief(
                    f"{name}出国（境）{'已出发' if late else '前'}，未办党籍审批",
                    "出国（境）未办党籍审批",
                ),
                refs=(trip.id,),
                people=(trip.member_id,),
            )
        )
    if out:
        return out
    status = "met" if ctx.data.travels else "not_applicable"
    detail = "出国（境）党员均已办理党籍审批" if ctx.data.travels else "尚无因私出国（境）登记"
    return [obligation("REL-3", status, detail=detail)]


def _suspension_due(ctx: Context, trip: TravelAbroad) -> Obligation:
    # 停止党籍 decided for the trip: from the day she left, she is off the roster (domain/abroad).
    name = _names(ctx, [trip.member_id])
    return obligation(
        "REL-3",
        "due",
        period_kind="deadline",
        due=trip.depart,
        detail=f"{name}已于{format_date(trip.depart)}出境，党籍处理为停止党籍："
        "尚未移出党员名册（在因私出国（境）中按 s 记录）",
        brief=brief(f"{name}已出境停止党籍，未移出名册", "出境停止党籍未移出名册"),
        refs=(trip.id,),
        people=(trip.member_id,),
    )


@rule("REL-4")
def check_outflow(ctx: Context) -> list[Obligation]:
    """Out-flowing members: complete register, and contact at least every 6 months."""
    active = [f for f in ctx.data.flowing_members if f.direction == "outflow" and f.end is None]
    if not active:
        return [obligation("REL-4", "not_applicable", detail="目前没有流出党员")]
    out: list[Obligation] = []
    for f in active:
        gaps = outflow_gaps(f)
        missing = list(gaps.values())
        if missing:
            out.append(
                obligation(
                    "REL-4",
                    "due",
                    detail=f"{f.person_name}的流出登记缺少：{'、'.join(missing)}",
                    brief=brief(
                        f"{f.person_name}的流出登记缺少：{'、'.join(missing)}",
                        f"{f.person_name}的流出登记缺{len(missing)}项",
                        f"流出登记缺{len(missing)}项",
                    ),
                    refs=(f.id,),
                    people=(f.member_id,) if f.member_id else (),
                    needs="、".join(missing),
                    field=next(iter(gaps)),
                )
            )
        last = f.last_contact or f.start
        limit = contact_due(f, ctx.profile)
        if ctx.on >= limit:
            out.append(
                obligation(
                    "REL-4",
                    "warning",
                    period_kind="deadline",
                    due=limit,
                    detail=f"{f.person_name}自{format_date(last)}起已"
                    f"{ctx.profile.flowing_contact_warning_months}个月以上未联系",
                    brief=brief(
                        f"{f.person_name}已{ctx.profile.flowing_contact_warning_months}"
                        "个月以上未联系",
                        "流出党员长期未联系",
                    ),
                    refs=(f.id,),
                    people=(f.member_id,) if f.member_id else (),
                )
            )
    return out or [
        obligation(
            "REL-4",
            "met",
            detail=f"{len(active)}名流出党员登记完整、保持联系",
            refs=tuple(f.id for f in active),
        )
    ]


@rule("REL-5")
def check_return(ctx: Context) -> list[Obligation]:
    """On return the flow card is checked; a flowing 预备党员 is converted on time."""
    out: list[Obligation] = []
    members, names = ctx.data.by_id("members"), member_names(ctx)
    outflows = [f for f in ctx.data.flowing_members if f.direction == "outflow"]
    for f in outflows:
        if f.end is not None and f.end <= ctx.on and not f.card_checked:
            out.append(
                obligation(
                    "REL-5",
                    "due",
                    detail=f"{f.person_name}已于{format_date(f.end)}返回，尚未查验流动党员活动证",
                    brief=brief(f"{f.person_name}已返回，尚未查验活动证", "返回党员未查验活动证"),
                    refs=(f.id,),
                    people=(f.member_id,) if f.member_id else (),
                )
            )
        member = members.get(f.member_id or "")
        if member is None or member.status != "probationary" or member.removed:
            continue
        due = conversion_due(member, ctx.profile, ctx.data.candidates)
        if due is None:
            continue
        status = "overdue" if ctx.on > due else "upcoming"
        out.append(
            obligation(
                "REL-5",
                status,
                period_kind="deadline",
                due=due,
                detail=f"外出流动的预备党员{names[member.id]}应于{format_date(due)}前按期转正",
                brief=brief(
                    f"流动的预备党员{names[member.id]}应按期转正", "流动预备党员应按期转正"
                ),
                refs=(f.id,),
                people=(member.id,),
            )
        )
    if out:
        return out
    if not outflows:
        return [obligation("REL-5", "not_applicable", detail="没有流出党员")]
    return [obligation("REL-5", "met", detail="返回党员均已查验活动证")]


@rule("REL-6")
def check_inflow(ctx: Context) -> list[Obligation]:
    """In-flowing members are registered with their home organization and marked flowing."""
    inflows = [f for f in ctx.data.flowing_members if f.direction == "inflow"]
    registered = {f.member_id for f in inflows if f.member_id}
    unregistered = [m.id for m in ctx.data.active_members if m.inflow and m.id not in registered]
    no_home = [f for f in inflows if f.end is None and not f.home_org.strip()]
    if not inflows and not unregistered:
        return [obligation("REL-6", "not_applicable", detail="没有流入党员")]
    problems: list[str] = []
    if unregistered:
        problems.append(f"{_names(ctx, unregistered)}标为流入党员，但未在流动党员登记中")
    if no_home:
        problems.append(f"{'、'.join(f.person_name for f in no_home)}未登记流出地党组织")
    if problems:
        return [
            obligation(
                "REL-6",
                "due",
                detail="；".join(problems),
                brief=brief(
                    "；".join(problems),
                    f"{len(unregistered) + len(no_home)}名流入党员登记不全",
                ),
                refs=tuple(f.id for f in no_home),
                people=tuple(unregistered) + tuple(f.member_id for f in no_home if f.member_id),
                needs="流出地党组织" if no_home else "",
            )
        ]
    current = [f for f in inflows if f.end is None]
    late = [(f, report_back_due(f, ctx.profile)) for f in current]
    late = [(f, due) for f, due in late if ctx.on >= due]
    if late:
        months = ctx.profile.inflow_report_months
        return [
            obligation(
                "REL-6",
                "warning",
                period_kind="deadline",
                due=due,
                detail=f"{f.person_name}自{format_date(f.reported_back or f.start)}起"
                f"{months}个月未向流出地党组织反馈参加组织生活、交纳党费等情况",
                brief=brief(
                    f"{f.person_name}的情况{months}个月未反馈流出地",
                    "流入党员情况未反馈流出地",
                ),
                refs=(f.id,),
                people=(f.member_id,) if f.member_id else (),
            )
            for f, due in late
        ]
    return [
        obligation(
            "REL-6",
            "met",
            detail=f"在册流入党员{len(current)}名，均已登记流出地党组织",
            brief=f"流入党员{len(current)}名，均已登记流出地党组织",
            refs=tuple(f.id for f in current),
        )
    ]
