"""The duty engine: every obligation of RULES.md at a date, judged from plain data.

``obligations_on(data, on)`` runs the check registered for each rule ID (one function per
rule, in the family modules imported below) and lists the results overdue first.

The data starts when the branch was set up here (``Branch.created``, see periods.branch_start):
a month's, quarter's or year's duty whose deadline passed before then is not called overdue
(nothing could have been recorded yet) but due, saying the records before the start are to be
entered (建档前的记录待补录). One rule for every periodic duty, applied here; such a duty the
secretary marked 建档前无记录可补 (records_gap.py) reads 不适用 with her 说明 instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from branchtui.domain.dates import format_date

# Importing a family module registers its checks; each is named here, so a missing module is an
# ImportError at start-up, never a rule silently left unjudged.
from branchtui.domain.obligations import (  # noqa: F401
    base_rules,
    care,
    dev,
    edu,
    life,
    nat,
    org,
    rel,
    rep,
    sys_rules,
)
from branchtui.domain.obligations.base import RULE_CHECKS, STATUSES, Context, Obligation
from branchtui.domain.obligations.catalogue import RULE_IDS, brief
from branchtui.domain.obligations.periods import branch_start, period_label
from branchtui.domain.obligations.records_gap import GapKey, gaps_by_duty, without_records
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData, RecordsGap

_RULE_ORDER = {rule_id: index for index, rule_id in enumerate(RULE_IDS)}
_STATUS_ORDER = {status: index for index, status in enumerate(STATUSES)}

if TYPE_CHECKING:  # the holidays package takes ~250 ms to import: only when first computing
    from branchtui.domain.calendar import WorkCalendar


def unjudged_rules() -> list[str]:
    """Rule IDs of the catalogue that no registered check judges, in catalogue order (the
    engine test requires none)."""
    return [rule_id for rule_id in RULE_IDS if rule_id not in RULE_CHECKS]


def _sort_key(ob: Obligation) -> tuple[int, dt.date, int, str]:
    return (
        _STATUS_ORDER.get(ob.status, len(STATUSES)),
        ob.due or dt.date.max,
        _RULE_ORDER.get(ob.rule, len(_RULE_ORDER)),
        ob.period,
    )


def obligations_on(
    data: BranchData,
    on: dt.date,
    profile: Profile | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Obligation]:
    """Every obligation at ``on``: overdue, due, warning, upcoming, met, not applicable;
    within a status the nearest due date first.

    ``profile`` defaults to the branch's own; ``calendar`` to the built-in Chinese calendar
    (pass the one with the data folder's calendar.toml overrides when there is one).
    """
    if profile is None:
        profile = get_profile(data.branch.profile if data.branch else None)
    if calendar is None:
        from branchtui.domain.calendar import WorkCalendar

        calendar = WorkCalendar()
    ctx = Context(data=data, on=on, profile=profile, calendar=calendar)
    start = branch_start(data)
    gaps = gaps_by_duty(data)
    found: list[Obligation] = []
    for rule_id in RULE_IDS:
        found.extend(before_records(ob, start, gaps) for ob in RULE_CHECKS[rule_id](ctx))
    return sorted(found, key=_sort_key)


def before_records(
    ob: Obligation, start: dt.date | None, gaps: dict[GapKey, RecordsGap] | None = None
) -> Obligation:
    """A periodic duty (of a month, quarter or year) overdue since a deadline before ``start``,
    the day the records begin: due instead, its records to be entered (待补录); 不适用 when
    ``gaps`` holds the secretary's 建档前无记录可补 for its rule and period. Any other
    obligation as it is: a standing or deadline duty (a conversion, a vacancy) is still owed."""
    if start is None or ob.status != "overdue" or not ob.period or ob.due is None:
        return ob
    if ob.due >= start:
        return ob
    gap = gaps.get((ob.rule, ob.period)) if gaps else None
    if gap is not None:
        return without_records(ob, gap)
    label = period_label(ob.period_kind, ob.period)
    detail = f"{ob.detail}（在{format_date(start)}建档之前，记录待补录）"
    short = brief(
        detail,
        f"{ob.short}（建档前，待补录）",
        f"{ob.short}（待补录）",
        f"{label}建档前的记录待补录",
    )
    return dataclasses.replace(ob, status="due", detail=detail, brief=short, before_start=True)
