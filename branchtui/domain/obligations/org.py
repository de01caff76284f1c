"""ORG — organization (组织体系): roster, groups, the branch's form, terms and the committee."""

from __future__ import annotations

from collections import Counter

from branchtui.domain import committee, roster
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, needs_data, obligation, who
from branchtui.domain.obligations.indexes import member_names
from branchtui.domain.profile import Profile
from branchtui.domain.records import Member, PartyGroup
from branchtui.domain.records.branch import SEAT_ROLES


def _members(ctx: Context) -> list[Member]:
    return roster.active_members_on(ctx.data.members, ctx.on)


def _groups(ctx: Context) -> list[PartyGroup]:
    on = ctx.on
    return [
        g
        for g in ctx.data.groups
        if (g.created is None or g.created <= on) and (g.dissolved is None or g.dissolved > on)
    ]


def _kind(ctx: Context) -> str:
    return ctx.data.branch.kind if ctx.data.branch else "branch"


@rule("ORG-1")
def roster_complete(ctx: Context) -> list[Obligation]:
    """ORG-1: every member has the required fields; 0 incomplete = met."""
    members = _members(ctx)
    if not members:
        return [needs_data("ORG-1", "需录入党员名册（可在党员名册按 i 从 Excel 导入）")]
    gaps = [(m, missing) for m in members if (missing := roster.missing_fields(m))]
    if not gaps:
        return [obligation("ORG-1", "met", detail=f"名册 {len(members)} 人，信息完整")]
    shown = member_names(ctx)
    names = "；".join(f"{shown[m.id]}缺{'、'.join(missing)}" for m, missing in gaps[:5])
    more = f"等 {len(gaps)} 人" if len(gaps) > 5 else ""
    first, lacks = gaps[0]
    return [
        obligation(
            "ORG-1",
            "due",
            detail=f"名册缺项：{names}{more}",
            brief=brief(
                f"名册缺项：{names}{more}",
                f"名册缺项：{who([shown[m.id] for m, _ in gaps])}（{shown[first.id]}缺{lacks[0]}）",
                f"名册缺项：{who([shown[m.id] for m, _ in gaps])}",
                f"名册{len(gaps)}人信息不全",
            ),
            people=tuple(m.id for m, _ in gaps),
            field=roster.missing_field_names(first)[0],
            progress=(len(members) - len(gaps), len(members)),
        )
    ]


@rule("ORG-2")
def party_groups(ctx: Context) -> list[Obligation]:
    """ORG-2: 20 or more members → party groups; a group over 10 → warning naming it."""
    p = ctx.profile
    members = _members(ctx)
    groups = _groups(ctx)
    if not groups:
        if len(members) >= p.group_required_at:
            text = f"党员 {len(members)} 人，达到{p.group_required_at}人，应划分党小组"
            return [obligation("ORG-2", "due", detail=text)]
        text = f"党员 {len(members)} 人，不足{p.group_required_at}人，可不划分党小组"
        return [obligation("ORG-2", "not_applicable", detail=text)]
    out: list[Obligation] = []
    sizes = Counter(m.group_id for m in members)
    for group in groups:
        size = sizes[group.id]
        if size > p.group_max:
            text = f"党小组“{group.name}”有 {size} 人，一般不超过{p.group_max}人"
            short = brief(
                text, f"{group.name}{size}人，超过{p.group_max}人", f"党小组超过{p.group_max}人"
            )
            out.append(obligation("ORG-2", "warning", detail=text, brief=short, refs=(group.id,)))
    if not out:
        text = f"已划分党小组 {len(groups)} 个，每组不超过{p.group_max}人"
        out.append(obligation("ORG-2", "met", detail=text, refs=tuple(g.id for g in groups)))
    return out


def branch_form_advice(count: int, kind: str, profile: Profile) -> str | None:
    """ORG-3: what the branch should become for its member count (None: its form is right):
    50–99 members → a 党总支, 100 or more → a 党委 (by the profile's numbers)."""
    if count >= profile.committee_at:
        return f"党员{count}人，达到{profile.committee_at}人，应升格为党委"
    if count >= profile.general_branch_at and kind != "general_branch":
        return f"党员{count}人，达到{profile.general_branch_at}人，应升格为党总支"
    return None


@rule("ORG-3")
def branch_form(ctx: Context) -> list[Obligation]:
    """ORG-3: 50–99 members → a general branch; 100 or more → a party committee."""
    count = len(_members(ctx))
    advice = branch_form_advice(count, _kind(ctx), ctx.profile)
    if advice:
        return [obligation("ORG-3", "warning", detail=advice)]
    return [obligation("ORG-3", "met", detail=f"党员 {count} 人，组织形式符合要求")]


@rule("ORG-4")
def term_renewal(ctx: Context) -> list[Obligation]:
    """ORG-4: due from 3 months before the term ends; overdue after it (or an approved
    extension of at most a year) ends."""
    term = committee.current_term(ctx.data, ctx.on)
    if term is None:
        return [needs_data("ORG-4", "需录入支部委员会任期（届次、选举日期）")]
    kind, p = _kind(ctx), ctx.profile
    end = committee.effective_term_end(term, kind, p)
    regular = committee.term_end(term, kind, p)
    notes = [f"第{term.number}届任期{p.term_years(kind)}年，{term.start.isoformat()} 起"]
    if end > regular:
        notes.append(f"经批准延期至 {end.isoformat()}")
    elif term.extension_until is not None and term.extension_approved is None:
        notes.append("延期未登记上级批准，不予计算")
    opens = committee.renewal_reminder_from(term, kind, p)
    # In its last months (3 by default) the renewal is due: the election takes those months
    # (the plan approved by the upper organization, candidates, the general meeting).
    status = "overdue" if ctx.on > end else "due" if ctx.on >= opens else "met"
    notes.append(
        f"应于 {end.isoformat()} 前换届" if status != "met" else f"任期至 {end.isoformat()}"
    )
    extended = "经批准延期，" if end > regular else ""
    to_do = f"应于 {end.isoformat()} 前换届" if status != "met" else f"任期至 {end.isoformat()}"
    return [
        obligation(
            "ORG-4",
            status,
            period_kind="deadline",
            due=end,
            detail="，".join(notes),
            brief=brief(
                "，".join(notes),
                f"第{term.number}届{extended}{to_do}",
                f"第{term.number}届{'延期，' if extended else ''}{to_do}",
            ),
            refs=(term.id,),
        )
    ]


def _seat_rule(ctx: Context, rule_id: str, role: str) -> list[Obligation]:
    term = committee.current_term(ctx.data, ctx.on)
    label = SEAT_ROLES[role]
    if term is None:
        return [needs_data(rule_id, f"需录入本届支部委员会及{label}")]
    holder = committee.holder(ctx.data, role, ctx.on)
    if holder is None:
        return [obligation(rule_id, "due", detail=f"本届支委会未配备{label}", refs=(term.id,))]
    text = f"{label}：{member_names(ctx).get(holder.id, holder.name)}"
    return [obligation(rule_id, "met", detail=text, refs=(term.id,), people=(holder.id,))]


@rule("ORG-5")
def secretary_seat(ctx: Context) -> list[Obligation]:
    """ORG-5: the committee has a secretary."""
    return _seat_rule(ctx, "ORG-5", "secretary")


@rule("ORG-6")
def discipline_seat(ctx: Context) -> list[Obligation]:
    """ORG-6: the committee has a discipline member."""
    return _seat_rule(ctx, "ORG-6", "discipline")


def _vacancy_rule(ctx: Context, rule_id: str, secretary: bool) -> list[Obligation]:
    out: list[Obligation] = []
    for vacancy in committee.open_vacancies(ctx.data, ctx.on):
        if (vacancy.role == "secretary") != secretary:
            continue
        deadline = committee.vacancy_deadline(vacancy, ctx.profile)
        days = committee.days_vacant(vacancy, ctx.on)
        label = SEAT_ROLES.get(vacancy.role, vacancy.role)
        text = f"{label}自 {vacancy.since.isoformat()} 空缺 {days} 天，应于 {deadline.isoformat()} 前补选"
        short = brief(
            text, f"{label}空缺{days}天，{deadline.isoformat()}前补选", f"{label}空缺{days}天"
        )
        status = "overdue" if ctx.on > deadline else "due"
        out.append(
            obligation(
                rule_id,
                status,
                period_kind="deadline",
                due=deadline,
                detail=text,
                brief=short,
                refs=(vacancy.id,),
            )
        )
    if not out:
        what = "书记" if secretary else "委员"
        out.append(obligation(rule_id, "met", detail=f"无{what}空缺"))
    return out


@rule("ORG-7")
def secretary_vacancy(ctx: Context) -> list[Obligation]:
    """ORG-7: a vacant secretary post is filled within 1 month (31 days by default)."""
    return _vacancy_rule(ctx, "ORG-7", secretary=True)


@rule("ORG-8")
def seat_vacancy(ctx: Context) -> list[Obligation]:
    """ORG-8: a vacant committee seat is filled by a by-election within 3 months."""
    return _vacancy_rule(ctx, "ORG-8", secretary=False)
