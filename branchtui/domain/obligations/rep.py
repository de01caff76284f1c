"""REP — reporting and assessment: the monthly report, the year's assessment, good practices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, period_obligation
from branchtui.domain.obligations.periods import (
    deadline_status,
    judged_periods,
    next_period,
    periodic_status,
)
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD


def report_deadline(month_start: dt.date, report_due_day: int) -> dt.date:
    """REP-1: the report for a month is sent by day ``report_due_day - 1`` of the next month."""
    following = next_period_start(month_start)
    return following.replace(day=report_due_day - 1)


def next_period_start(month_start: dt.date) -> dt.date:
    return (month_start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@rule("REP-1")
def monthly_reports(ctx: Context) -> list[Obligation]:
    """REP-1: a work report for every month, sent before the 17th of the next month.

    Only a recorded sent date settles it: a report generated but not sent up is still due.
    """
    reports = {r.month: r for r in ctx.data.monthly_reports}
    out: list[Obligation] = []
    for period in judged_periods("month", ctx.data, ctx.on):
        due = report_deadline(period.start, ctx.profile.report_due_day)
        report = reports.get(period.key)
        sent = report.sent if report is not None else None
        fields: dict[str, Any] = {"period_kind": "month", "period": period.key, "due": due}
        if report is not None and sent and sent <= ctx.on:
            fields["refs"] = (report.id,)
            if sent <= due:
                text = f"{period.label}工作报告已于 {sent.isoformat()} 报送"
                short = brief(text, f"{period.label}报告已于{sent.isoformat()}报送")
                out.append(obligation("REP-1", "met", detail=text, brief=short, **fields))
            else:
                text = f"{period.label}工作报告于 {sent.isoformat()} 报送，晚于 {due.isoformat()}"
                short = brief(text, f"{period.label}报告{sent.isoformat()}报送，逾期")
                out.append(obligation("REP-1", "warning", detail=text, brief=short, **fields))
            continue
        status = deadline_status(False, due, ctx.on, opens=next_period(period).start)
        if status is None:
            continue
        text = f"{period.label}工作报告应于 {due.isoformat()} 前报送上级党委"
        short = brief(text, f"{period.label}工作报告尚未报送")
        if report is not None and report.generated is not None:
            made = report.generated.isoformat()
            text = f"{period.label}工作报告已于 {made} 生成，尚未登记报送日期（应于 {due.isoformat()} 前报送）"
            short = brief(text, f"{period.label}报告已生成，未登记报送")
        out.append(obligation("REP-1", status, detail=text, brief=short, **fields))
    return out


def _year_end_check(
    ctx: Context, rule_id: str, complete: dict[int, tuple[bool, str, str, str]]
) -> list[Obligation]:
    """A duty for each year, due at its end (from December on): met when ``complete[year]``,
    which is (done, text, the record's id, the text's short form)."""
    out: list[Obligation] = []
    for period in judged_periods("year", ctx.data, ctx.on):
        year = period.start.year
        done, text, ref, short = complete.get(year, (False, "", "", ""))
        due, opens = period.end, dt.date(year, 12, 1)
        fields: dict[str, Any] = {"period_kind": "year", "period": period.key, "due": due}
        if ref:
            fields["refs"] = (ref,)
        status = deadline_status(done, due, ctx.on, opens=opens)
        if status is None:
            continue
        detail = f"{period.label}{text}"
        fields["brief"] = brief(detail, f"{period.label}{short}")
        out.append(obligation(rule_id, status, detail=detail, **fields))
    return out


@rule("REP-2")
def year_assessment(ctx: Context) -> list[Obligation]:
    """REP-2: a year self-assessment with a score for each of the eight task areas."""
    state: dict[int, tuple[bool, str, str, str]] = {}
    for a in ctx.data.assessments:
        missing = [label for key, label in ASSESSMENT_AREAS.items() if key not in a.scores]
        if missing:
            text = "年度考核自评未评分：" + "、".join(missing)
            state[a.year] = (False, text, a.id, f"年度考核自评{len(missing)}项未评分")
        else:
            total = sum(a.scores[k] for k in ASSESSMENT_AREAS)
            text = f"年度考核自评已完成，八项合计 {total:g} 分"
            state[a.year] = (True, text, a.id, f"考核自评已完成，合计{total:g}分")
    defaults = "年度考核自评（八项任务评分）尚未完成"
    for period in judged_periods("year", ctx.data, ctx.on):
        state.setdefault(period.start.year, (False, defaults, "", "年度考核自评尚未完成"))
    return _year_end_check(ctx, "REP-2", state)


@rule("REP-3")
def five_good(ctx: Context) -> list[Obligation]:
    """REP-3: a self-check against the five criteria of a 五好 branch."""
    state: dict[int, tuple[bool, str, str, str]] = {}
    for a in ctx.data.assessments:
        missing = [label for key, label in FIVE_GOOD.items() if not a.five_good.get(key)]
        if missing:
            text = "“五好”自查未完成：" + "、".join(missing)
            state[a.year] = (False, text, a.id, f"“五好”自查{len(missing)}项未完成")
        else:
            state[a.year] = (True, "“五好”党支部自查已完成", a.id, "“五好”党支部自查已完成")
    for period in judged_periods("year", ctx.data, ctx.on):
        state.setdefault(
            period.start.year, (False, "“五好”党支部自查尚未开展", "", "“五好”自查尚未开展")
        )
    return _year_end_check(ctx, "REP-3", state)


@rule("REP-4")
def good_practices(ctx: Context) -> list[Obligation]:
    """REP-4: good practices are summarised and reported, at least once a year."""
    out: list[Obligation] = []
    for period in judged_periods("year", ctx.data, ctx.on):
        notes = [
            n
            for n in ctx.data.practice_notes
            if n.reported is not None and period.contains(n.reported) and n.reported <= ctx.on
        ]
        text = f"{period.label}已上报好经验、好做法 {len(notes)} 篇"
        out.append(
            period_obligation(
                "REP-4",
                periodic_status(bool(notes), period, ctx.on),
                period,
                detail=text,
                refs=tuple(n.id for n in notes),
            )
        )
    return out
