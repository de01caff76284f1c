"""The year's progress rows (domain.progress): periods met so far, amounts of the year."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.obligations import Obligation, obligations_on
from branchtui.domain.progress import progress_rows
from tests.unit.obligations.conftest import add_committee, add_meeting, add_members, make_data

ON = dt.date(2026, 11, 27)


def ob(rule: str, status: str, **fields: object) -> Obligation:
    return Obligation(rule=rule, title="", status=status, **fields)  # type: ignore[arg-type]


def test_progress_counts_periods_met_so_far() -> None:
    found = [
        ob(
            "LIFE-2",
            "met" if month != 5 else "overdue",
            period_kind="month",
            period=f"2026-{month:02d}",
        )
        for month in range(1, 12)
    ]
    found.append(ob("LIFE-2", "met", period_kind="month", period="2025-12"))  # another year
    # Two groups in October, one missed: the month does not count.
    found += [
        ob("LIFE-3", "met", period_kind="month", period="2026-10"),
        ob("LIFE-3", "overdue", period_kind="month", period="2026-10"),
        ob("LIFE-3", "met", period_kind="month", period="2026-11"),
    ]
    # November's report is only due in December: not counted against the branch.
    found += [
        ob("REP-1", "met", period_kind="month", period="2026-10"),
        ob("REP-1", "upcoming", period_kind="month", period="2026-11"),
    ]
    found.append(ob("EDU-1", "due", period_kind="year", period="2026", progress=(10.5, 12.0)))
    rows = {row.label: (row.done, row.required, row.unit) for row in progress_rows(found, ON)}
    assert rows["支委会"] == (10, 11, "月")
    assert rows["党小组会"] == (1, 2, "月")
    assert rows["月度报告"] == (1, 1, "月")
    assert rows["集中学习"] == (10.5, 12.0, "天")
    assert "党员大会" not in rows  # no data, no bar


def test_rows_from_the_engine_count_this_years_meetings() -> None:
    # LIFE-2: a branch since January 2026 with a 支委会 in March and November only.
    data = make_data(created=dt.date(2026, 1, 1))
    members = add_members(data, 5)
    add_committee(data, dt.date(2026, 1, 1), members)
    for day in (dt.date(2026, 3, 5), dt.date(2026, 11, 3)):
        add_meeting(data, ["committee_meeting"], day, attendees=members[:3])
    add_meeting(data, ["general_meeting"], dt.date(2026, 2, 10), attendees=members)
    rows = {row.rule: row for row in progress_rows(obligations_on(data, ON), ON)}
    assert (rows["LIFE-2"].done, rows["LIFE-2"].required) == (2, 11)
    assert (rows["LIFE-1"].done, rows["LIFE-1"].required) == (1, 4)
    assert rows["LIFE-2"].label == "支委会" and rows["LIFE-2"].unit == "月"
    assert 0 < rows["LIFE-2"].ratio < 1


def test_a_year_looked_at_in_january_counts_only_january() -> None:
    data = make_data(created=dt.date(2025, 1, 1))
    members = add_members(data, 3)
    add_committee(data, dt.date(2025, 1, 1), members)
    january = dt.date(2026, 1, 20)
    add_meeting(data, ["committee_meeting"], dt.date(2026, 1, 8), attendees=members)
    rows = {row.rule: row for row in progress_rows(obligations_on(data, january), january)}
    assert (rows["LIFE-2"].done, rows["LIFE-2"].required) == (1, 1)
    assert rows["LIFE-2"].ratio == 1.0
