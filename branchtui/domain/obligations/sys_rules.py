"""SYS — rules, plans and ledgers (建章立制): systems, the work plan, records, inspections."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.dates import format_date
from branchtui.domain.ledger_filing import LedgerRow, ledger_rows
from branchtui.domain.markdown import in_quotes
from branchtui.domain.meetings.checks import ledger_defects
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, period_obligation
from branchtui.domain.obligations.periods import judged_periods, period_of
from branchtui.domain.records import PlanItem, SystemDoc
from branchtui.domain.records.ledgers import SYSTEM_KINDS

# SYS-2: the plan is made at the start of the year, by the end of January.
PLAN_DUE = (1, 31)
# SYS-4: the upper committee's yearly inspection is flagged as due from December on.
INSPECTION_DUE_MONTH = 12


def _label(row: LedgerRow) -> str:
    return f"{format_date(row.date)}{in_quotes(row.title)}"


def system_in_force(doc: SystemDoc, on: dt.date) -> bool:
    """Whether a written system counts on ``on``: not abolished by then (SYS-1)."""
    return doc.abolished is None or doc.abolished > on


def missing_system_kinds(docs: list[SystemDoc], on: dt.date) -> list[str]:
    """SYS-1: the required categories (SYSTEM_KINDS codes) with no system in force on ``on``,
    in the plan's order (三会一课, 学习培训, 民主评议, 发展党员, 党内监督, 党务公开)."""
    have = {d.kind for d in docs if system_in_force(d, on)}
    return [kind for kind in SYSTEM_KINDS if kind not in have]


def overdue_plan_items(items: list[PlanItem], on: dt.date) -> list[PlanItem]:
    """SYS-2: the plan's items past their 完成时限 on ``on`` and not done."""
    return [i for i in items if i.done is None and i.due is not None and i.due < on]


@rule("SYS-1")
def check_systems(ctx: Context) -> list[Obligation]:
    """The written systems of 三会一课, study, appraisal, development, supervision, 党务公开."""
    missing = [SYSTEM_KINDS[k] for k in missing_system_kinds(ctx.data.system_docs, ctx.on)]
    progress = (float(len(SYSTEM_KINDS) - len(missing)), float(len(SYSTEM_KINDS)))
    if missing:
        return [
            obligation(
                "SYS-1",
                "due",
                detail=f"尚缺：{'、'.join(missing)}",
                brief=brief(
                    f"尚缺：{'、'.join(missing)}",
                    f"尚缺{len(missing)}项制度：{missing[0]}等",
                    f"尚缺{len(missing)}项制度",
                ),
                progress=progress,
            )
        ]
    return [
        obligation(
            "SYS-1",
            "met",
            detail="各项制度均已建立",
            refs=tuple(d.id for d in ctx.data.system_docs if system_in_force(d, ctx.on)),
            progress=progress,
        )
    ]


@rule("SYS-2")
def check_work_plan(ctx: Context) -> list[Obligation]:
    """A yearly work plan by the end of January; its items kept to their timetable."""
    year = ctx.on.year
    due = dt.date(year, *PLAN_DUE)
    plans = [p for p in ctx.data.work_plans if p.year == year]
    if not plans and period_of("month", due) not in judged_periods("month", ctx.data, ctx.on):
        # A branch set up after January owes its first plan the next January.
        later = dt.date(year + 1, *PLAN_DUE)
        return [
            obligation(
                "SYS-2",
                "not_applicable",
                period_kind="year",
                period=str(year),
                due=later,
                detail=f"支部成立晚于{year}年工作计划期限，{year + 1}年工作计划应于"
                f"{format_date(later)}前制订",
                brief=f"{year + 1}年工作计划应于{format_date(later)}前制订",
            )
        ]
    if not plans:
        return [
            obligation(
                "SYS-2",
                "overdue" if ctx.on > due else "due",
                period_kind="year",
                period=str(year),
                due=due,
                detail=f"{year}年工作计划尚未制订（应于{format_date(due)}前制订）",
                brief=f"{year}年工作计划尚未制订",
            )
        ]
    items = [i for p in plans for i in p.items]
    late = overdue_plan_items(items, ctx.on)
    done = sum(1 for i in items if i.done is not None)
    progress = (float(done), float(len(items))) if items else None
    if late:
        return [
            obligation(
                "SYS-2",
                "overdue",
                period_kind="year",
                period=str(year),
                due=min(i.due for i in late if i.due),
                detail="以下计划项目已过期未完成：" + "、".join(i.content for i in late[:10]),
                brief=brief(
                    "计划项目已过期未完成：" + "、".join(i.content for i in late[:10]),
                    f"{len(late)}个计划项目已过期未完成",
                ),
                refs=tuple(p.id for p in plans),
                progress=progress,
            )
        ]
    return [
        obligation(
            "SYS-2",
            "met",
            period_kind="year",
            period=str(year),
            due=due,
            detail=f"{year}年工作计划已制订，共{len(items)}个项目，已完成{done}个",
            brief=f"{year}年工作计划已制订，完成{done}/{len(items)}项",
            refs=tuple(p.id for p in plans),
            progress=progress,
        )
    ]


@rule("SYS-3")
def check_records(ctx: Context) -> list[Obligation]:
    """Every meeting and activity of the year — what the electronic ledger lists
    (domain.ledger_filing) — has a recorder, photos, and a ledger entry, and its minutes pass
    the 台账体检 (domain.meetings.checks): defects make it a warning."""
    year = ctx.on.year
    records = ledger_rows(ctx.data, year, ctx.on)
    if not records:
        return [
            obligation(
                "SYS-3",
                "not_applicable",
                period_kind="year",
                period=str(year),
                detail=f"{year}年尚无会议和活动记录",
            )
        ]
    no_recorder = [r for r in records if not r.recorder_id]
    no_photo = [r for r in records if not r.photos]
    unfiled = [r for r in records if not r.filed]

    # 台账体检: the recorder is judged above; every other defect makes the duty a warning.
    defects = [
        d
        for d in ledger_defects(ctx.data, ctx.profile, ctx.calendar, year=year, until=ctx.on)
        if d.field != "recorder_id"
    ]
    flawed = list(dict.fromkeys(d.record_id for d in defects))

    # Progress counts the records without any defect: recorder, ledger entry, 台账体检.
    flawed_ids = set(flawed)
    sound = [r for r in records if r.recorder_id and r.filed and r.record_id not in flawed_ids]

    problems = []
    if no_recorder:
        problems.append(f"{len(no_recorder)}条未指定记录人（如{_label(no_recorder[0])}）")
    if unfiled:
        problems.append(f"{len(unfiled)}条未归入台帐")
    if defects:
        first = defects[0]
        problems.append(
            f"台账体检：{len(flawed)}条记录有{len(defects)}处问题（如{first.title}：{first.message}）"
        )
    status = "due" if no_recorder else ("warning" if unfiled or defects else "met")
    detail = "；".join(problems) or f"{year}年{len(records)}条记录均已指定记录人并归入台帐"
    short = "；".join(problems) or f"{year}年{len(records)}条记录均已归档"
    short = brief(
        short,
        f"{len(no_recorder)}条记录未指定记录人"
        if no_recorder
        else f"{len(unfiled)}条记录未归入台帐"
        if unfiled
        else f"台账体检：{len(flawed)}条记录有{len(defects)}处问题"
        if defects
        else short,
    )
    # Whether photos were taken is unknown, so missing photos are reported, not judged.
    if no_photo:
        detail += f"；{len(no_photo)}条没有照片（拍照的请补充上传）"
    return [
        obligation(
            "SYS-3",
            status,
            period_kind="year",
            period=str(year),
            detail=detail,
            brief=brief(detail, short),
            refs=tuple(r.record_id for r in no_recorder)
            or tuple(dict.fromkeys([*flawed, *(r.record_id for r in unfiled)])),
            progress=(float(len(sound)), float(len(records))),
        )
    ]


@rule("SYS-4")
def check_inspection(ctx: Context) -> list[Obligation]:
    """The upper committee inspects the branch's systems once a year."""
    out: list[Obligation] = []
    for year in judged_periods("year", ctx.data, ctx.on):
        found = [i for i in ctx.data.inspections if year.contains(i.date) and i.date <= ctx.on]
        if found:
            status, detail = "met", f"上级党委已于{format_date(found[-1].date)}检查"
        elif ctx.on > year.end:
            status, detail = "overdue", f"{year.label}没有上级党委检查记录"
        elif ctx.on.month >= INSPECTION_DUE_MONTH:
            status, detail = "due", f"{year.label}尚未登记上级党委检查"
        else:
            status, detail = "upcoming", f"{year.label}上级党委检查尚未进行"
        out.append(
            period_obligation(
                "SYS-4",
                status,
                year,
                detail=detail,
                refs=tuple(i.id for i in found),
            )
        )
    return out
