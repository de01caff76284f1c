"""Which meetings of organizational life were held in a period, and the counted duty built on
them: N meetings of a kind in each month, quarter or year (LIFE-1, LIFE-2, LIFE-6; LIFE-3 to
LIFE-8 look meetings up here too)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from branchtui.domain.obligations.base import Context, Obligation
from branchtui.domain.obligations.catalogue import brief, period_obligation
from branchtui.domain.obligations.periods import (
    LOOKBACK_YEARS,
    Period,
    judged_periods,
    periodic_status,
)
from branchtui.domain.records import Meeting
from branchtui.domain.records.meetings import MEETING_KINDS

# The names the dashboard's short forms use (MEETING_KINDS holds the full ones).
SHORT_KINDS = {
    "general_meeting": "党员大会",
    "committee_meeting": "支委会",
    "life_meeting": "组织生活会",
}


def _index(ctx: Context) -> dict[tuple[str, str], list[Meeting]]:
    """Meetings up to the date by (kind, "YYYY-MM"); a record counts for each kind (LIFE-9)."""
    cached: dict[tuple[str, str], list[Meeting]] | None = ctx.cache.get("life.index")
    if cached is None:
        cached = defaultdict(list)
        floor = dt.date(ctx.on.year - LOOKBACK_YEARS, 1, 1)  # older records are never judged
        for meeting in ctx.data.meetings:
            if meeting.date > ctx.on or meeting.date < floor:
                continue
            key = f"{meeting.date.year:04d}-{meeting.date.month:02d}"
            for kind in set(meeting.kinds):
                cached[(kind, key)].append(meeting)
        ctx.cache["life.index"] = cached
    return cached


def held(ctx: Context, kind: str, period: Period) -> list[Meeting]:
    """The meetings of ``kind`` dated within ``period`` and not after the date, oldest first."""
    index = _index(ctx)
    out: list[Meeting] = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        out.extend(index.get((kind, f"{year:04d}-{month:02d}"), ()))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(out, key=lambda m: m.date)


def meeting_ids(meetings: list[Meeting]) -> tuple[str, ...]:
    """The ids of ``meetings``, in their order (an obligation's refs)."""
    return tuple(m.id for m in meetings)


def periodic_meetings(
    ctx: Context, rule_id: str, kind: str, period_kind: str, need: int
) -> list[Obligation]:
    """``rule_id``'s duty of ``need`` meetings of ``kind`` in each judged month, quarter or year."""
    out = []
    label = MEETING_KINDS[kind]
    for period in judged_periods(period_kind, ctx.data, ctx.on):
        found = held(ctx, kind, period)
        status = periodic_status(len(found) >= need, period, ctx.on)
        text = f"{period.label}已召开{label} {len(found)} 次（应 {need} 次）"
        short = f"{period.label}{SHORT_KINDS[kind]}{len(found)}次（应{need}次）"
        out.append(
            period_obligation(
                rule_id,
                status,
                period,
                detail=text,
                brief=brief(text, short),
                refs=meeting_ids(found),
                progress=(float(min(len(found), need)), float(need)),
            )
        )
    return out
