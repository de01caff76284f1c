"""Where the dashboard lists an obligation, and how the year's bars count, on plain data."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.obligations import Obligation
from branchtui.tui.widgets.obligation_list import section_of
from branchtui.tui.widgets.progress_view import bar, progress_rows

ON = dt.date(2026, 11, 27)


def ob(rule: str, status: str, **fields: object) -> Obligation:
    return Obligation(rule=rule, title="", status=status, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("obligation", "section"),
    [
        (ob("LIFE-2", "overdue", period_kind="month", due=dt.date(2026, 5, 31)), "overdue"),
        (ob("LIFE-5", "upcoming", due=dt.date(2026, 11, 30)), "month"),
        (ob("LIFE-5", "upcoming", due=dt.date(2026, 12, 3)), "quarter"),
        (ob("ORG-8", "due", due=dt.date(2027, 1, 19)), "other"),
        (ob("EDU-4", "due"), "month"),  # arrears: due now, no date
        (ob("BASE-2", "warning", period_kind="year"), "other"),
        (ob("LIFE-1", "met", period_kind="quarter"), "done"),
        (ob("REL-6", "not_applicable"), "done"),
    ],
)
def test_section_of(obligation: Obligation, section: str) -> None:
    assert section_of(obligation, ON) == section


def test_year_bucket_before_the_last_quarter() -> None:
    march = dt.date(2026, 3, 10)
    assert section_of(ob("EDU-3", "upcoming", due=dt.date(2026, 7, 1)), march) == "year"


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


def test_bar_is_coloured_spaces_of_fixed_width() -> None:
    # Spaces are one cell in every terminal; block characters are not (ambiguous width).
    full = bar(10 / 11)
    assert full.plain == " " * 12
    assert [(span.start, span.end) for span in full.spans] == [(0, 11), (11, 12)]
    assert "reverse" in str(full.spans[0].style)
    assert not any("reverse" in str(span.style) for span in bar(0.0).spans)
