"""DEV — developing new members (发展党员): the register, the activist team, each file."""

from __future__ import annotations

from branchtui.domain.dates import add_months, format_date
from branchtui.domain.development import in_development, last_step
from branchtui.domain.development_order import order_breaches
from branchtui.domain.development_steps import STEPS, record_label
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, needs_data, obligation
from branchtui.domain.obligations.periods import UPCOMING_DAYS
from branchtui.domain.records import Candidate


def missing_on_file(candidate: Candidate) -> list[str]:
    """DEV-3: the records (推优, 备案, 预审, 公示, 票决 and the stage decisions) a file must
    hold once a later step is on it, by their Chinese names, in the order of the 25 steps."""
    last = last_step(candidate)
    if last is None:
        return [record_label("applied")]
    out = []
    for step in STEPS:
        if step.number > last.number or not step.on_file:
            continue
        for code in (step.code, step.companion):
            if code and candidate.date_of(code) is None:
                out.append(record_label(code))
    return out


@rule("DEV-1")
def check_register_update(ctx: Context) -> list[Obligation]:
    """The register of applicants, activists and targets is updated every half year."""
    updates = sorted(u.date for u in ctx.data.register_updates if u.date <= ctx.on)
    months = ctx.profile.development_register_update_months
    if not updates:
        return [
            obligation(
                "DEV-1",
                "due",
                detail="尚无发展党员信息库更新记录",
            )
        ]
    due = add_months(updates[-1], months)
    if ctx.on > due:
        status = "overdue"
    elif (due - ctx.on).days <= UPCOMING_DAYS:
        status = "upcoming"
    else:
        status = "met"
    return [
        obligation(
            "DEV-1",
            status,
            period_kind="deadline",
            due=due,
            detail=f"上次更新于{format_date(updates[-1])}，应于{format_date(due)}前再次更新",
            brief=f"发展党员信息库上次更新于{format_date(updates[-1])}",
        )
    ]


@rule("DEV-2")
def check_activist_team(ctx: Context) -> list[Obligation]:
    """A branch with 50 or more non-party staff builds an activist team."""
    staff = ctx.data.branch.non_party_staff if ctx.data.branch else None
    need = ctx.profile.activist_team_staff_at
    if staff is None:
        return [
            needs_data(
                "DEV-2",
                "非党员职工人数",
                detail="未填写非党员职工人数，无法判断是否须建立积极分子队伍",
                brief="未填写非党员职工人数",
            )
        ]
    if staff < need:
        return [obligation("DEV-2", "not_applicable", detail=f"非党员职工{staff}人，不足{need}人")]
    activists = [c for c in ctx.data.candidates if c.stage in ("activist", "target")]
    if activists:
        return [
            obligation(
                "DEV-2",
                "met",
                detail=f"非党员职工{staff}人，现有积极分子和发展对象{len(activists)}人",
                brief=brief(
                    f"非党员职工{staff}人，现有积极分子和发展对象{len(activists)}人",
                    f"非党员职工{staff}人，积极分子等{len(activists)}人",
                ),
                refs=tuple(c.id for c in activists),
            )
        ]
    return [
        obligation(
            "DEV-2",
            "due",
            detail=f"非党员职工{staff}人（{need}人以上），但没有入党积极分子",
            brief=brief(
                f"非党员职工{staff}人（{need}人以上），但没有入党积极分子",
                f"非党员职工{staff}人，没有入党积极分子",
            ),
        )
    ]


@rule("DEV-3")
def check_files(ctx: Context) -> list[Obligation]:
    """Every stage of a candidate's development is on file with its date (一人一档)."""
    people = [c for c in ctx.data.candidates if in_development(c)]
    if not people:
        return [obligation("DEV-3", "not_applicable", detail="目前没有在培养的发展对象")]
    out: list[Obligation] = []
    for c in people:
        missing = missing_on_file(c)
        if missing:
            labels = "、".join(missing)
            out.append(
                obligation(
                    "DEV-3",
                    "due",
                    detail=f"{c.name}的档案缺少以下环节的记录：{labels}",
                    brief=brief(
                        f"{c.name}的档案缺少记录：{labels}",
                        f"{c.name}的档案缺{len(missing)}个环节的记录",
                        f"档案缺{len(missing)}个环节的记录",
                    ),
                    refs=(c.id,),
                    needs=labels,
                )
            )
        disorder = order_breaches(c)
        if disorder:
            out.append(
                obligation(
                    "DEV-3",
                    "warning",
                    detail=f"{c.name}的档案记录顺序有误：{'；'.join(disorder)}",
                    brief=brief(
                        f"{c.name}：{disorder[0]}",
                        f"{c.name}的档案有{len(disorder)}处记录顺序有误",
                        f"{c.name}的档案记录顺序有误",
                    ),
                    refs=(c.id,),
                )
            )
    return out or [
        obligation(
            "DEV-3",
            "met",
            detail=f"{len(people)}人的各环节均有记录",
            refs=tuple(c.id for c in people),
        )
    ]
