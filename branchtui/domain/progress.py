"""The year's progress at a date: months with a 支委会, quarters with a 党员大会, study days …

Read from the engine's obligations, so the bars and the list of duties always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from branchtui.domain.obligations.base import Obligation
from branchtui.domain.obligations.periods import month_period, quarter_period

# (rule, Chinese label, how it is counted, unit): "month"/"quarter" count periods met so far,
# "amount" reads the engine's (done, required) for the year.
PROGRESS_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("LIFE-2", "支委会", "month", "月"),
    ("LIFE-1", "党员大会", "quarter", "季度"),
    ("LIFE-3", "党小组会", "month", "月"),
    ("LIFE-5", "主题党日", "month", "月"),
    ("REP-1", "月度报告", "month", "月"),
    ("EDU-1", "集中学习", "amount", "天"),
    ("LIFE-4", "党课", "amount", "次"),
    ("LIFE-6", "组织生活会", "amount", "次"),
)


@dataclass(frozen=True)
class ProgressRow:
    """One row of the year's progress: ``done`` of ``required`` ``unit`` for ``label``."""

    rule: str
    label: str
    done: float
    required: float
    unit: str

    @property
    def ratio(self) -> float:
        return min(1.0, self.done / self.required) if self.required > 0 else 1.0


def _period_started(kind: str, key: str, on: dt.date) -> bool:
    year = int(key[:4])
    period = (
        month_period(year, int(key[5:7])) if kind == "month" else quarter_period(year, int(key[-1]))
    )
    return period.start <= on


def _periods_row(
    rule: str, label: str, kind: str, unit: str, found: list[Obligation], on: dt.date
) -> ProgressRow | None:
    periods: dict[str, bool] = {}
    for ob in found:
        in_year = ob.period_kind == kind and ob.period.startswith(f"{on.year:04d}-")
        # An upcoming period (a report not yet due) is not counted against the branch.
        if in_year and ob.status != "upcoming" and _period_started(kind, ob.period, on):
            # A month with several groups counts only when every group met.
            periods[ob.period] = periods.get(ob.period, True) and ob.status == "met"
    if not periods:
        return None
    return ProgressRow(rule, label, sum(periods.values()), len(periods), unit)


def _amount_row(
    rule: str, label: str, unit: str, found: list[Obligation], on: dt.date
) -> ProgressRow | None:
    for ob in found:
        if ob.period == f"{on.year:04d}" and ob.progress is not None:
            return ProgressRow(rule, label, float(ob.progress[0]), float(ob.progress[1]), unit)
    return None


def progress_rows(obligations: Iterable[Obligation], on: dt.date) -> list[ProgressRow]:
    """The year's progress rows at ``on`` (LIFE-1/2/3/4/5/6, REP-1, EDU-1), counting only
    periods begun and not merely upcoming; a month with several groups counts when all met."""
    by_rule: dict[str, list[Obligation]] = {}
    for ob in obligations:
        by_rule.setdefault(ob.rule, []).append(ob)
    rows: list[ProgressRow] = []
    for rule, label, kind, unit in PROGRESS_ROWS:
        found = by_rule.get(rule, [])
        if kind == "amount":
            row = _amount_row(rule, label, unit, found, on)
        else:
            row = _periods_row(rule, label, kind, unit, found, on)
        if row is not None:
            rows.append(row)
    return rows
