"""BASE — basic support (基础保障): the activity venue and the use of funds."""

from __future__ import annotations

from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation
from branchtui.domain.records.ledgers import FUND_PURPOSES, FundEntry

# BASE-2: funds and returned dues may be spent only on these purposes.
ALLOWED_PURPOSES = frozenset({"activity", "education", "award", "condolence"})


def fund_use_problem(entry: FundEntry) -> str | None:
    """BASE-2: why a spending is not one the rules allow (None when it is, is income, or is
    paid from money other than the activity funds and returned dues the rule governs)."""
    if entry.direction != "spending" or entry.purpose in ALLOWED_PURPOSES:
        return None
    if entry.source == "other":
        return None
    if not entry.purpose:
        return "支出须注明用途（支部活动、教育培训、奖励、慰问）"
    return "活动经费和回拨党费只能用于支部活动、教育培训、奖励、慰问（BASE-2）"


@rule("BASE-1")
def check_venue(ctx: Context) -> list[Obligation]:
    """An activity venue (own or shared) with equipment."""
    venues = ctx.data.venues
    if not venues:
        return [obligation("BASE-1", "due", detail="尚未登记党员活动场所")]
    bare = [v for v in venues if not v.equipment]
    if len(bare) == len(venues):
        return [
            obligation(
                "BASE-1",
                "warning",
                detail=f"活动场所“{venues[0].name}”未登记设施设备",
                brief=brief(f"活动场所“{venues[0].name}”未登记设施设备", "活动场所未登记设施设备"),
                refs=tuple(v.id for v in venues),
                needs="设施设备",
            )
        ]
    return [
        obligation(
            "BASE-1",
            "met",
            detail="、".join(f"{v.name}（{'共享' if v.shared else '自有'}）" for v in venues),
            brief=brief(
                "、".join(f"{v.name}（{'共享' if v.shared else '自有'}）" for v in venues),
                f"已有活动场所{len(venues)}处",
            ),
            refs=tuple(v.id for v in venues),
        )
    ]


@rule("BASE-2")
def check_fund_use(ctx: Context) -> list[Obligation]:
    """Funds are spent only on activities, education, awards and condolences."""
    year = ctx.on.year
    spending = [
        f
        for f in ctx.data.fund_entries
        if f.direction == "spending" and f.date.year == year and f.date <= ctx.on
    ]
    if not spending:
        return [
            obligation(
                "BASE-2",
                "not_applicable",
                period_kind="year",
                period=str(year),
                detail=f"{year}年尚无经费支出记录",
            )
        ]
    wrong = [f for f in spending if fund_use_problem(f)]
    if wrong:
        parts = [
            f"{f.date.isoformat()} {f.amount}元 {f.description or '无说明'}"
            f"（用途：{FUND_PURPOSES.get(f.purpose, f.purpose) or '未填'}）"
            for f in wrong[:10]
        ]
        return [
            obligation(
                "BASE-2",
                "warning",
                period_kind="year",
                period=str(year),
                detail="以下支出不属于支部活动、教育培训、奖励、慰问：" + "；".join(parts),
                brief=f"{len(wrong)}笔支出不属于规定用途",
                refs=tuple(f.id for f in wrong),
            )
        ]
    total = sum(f.amount for f in spending)
    return [
        obligation(
            "BASE-2",
            "met",
            period_kind="year",
            period=str(year),
            detail=f"{year}年支出{len(spending)}笔共{total}元，均用于规定用途",
            brief=brief(
                f"{year}年支出{len(spending)}笔共{total}元，均用于规定用途",
                f"{year}年{len(spending)}笔支出均用于规定用途",
            ),
            refs=tuple(f.id for f in spending),
        )
    ]
