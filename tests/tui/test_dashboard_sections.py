"""Where the dashboard lists an obligation, and how the year's bars are drawn, on plain data."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len

from branchtui.domain.obligations import Obligation
from branchtui.tui.text import cut_at_safe_point
from branchtui.tui.widgets.obligation_list import section_of
from branchtui.tui.widgets.progress_view import bar

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


def test_bar_is_coloured_spaces_of_fixed_width() -> None:
    # Spaces are one cell in every terminal; block characters are not (ambiguous width).
    full = bar(10 / 11)
    assert full.plain == " " * 12
    assert [(span.start, span.end) for span in full.spans] == [(0, 11), (11, 12)]
    assert "reverse" in str(full.spans[0].style)
    assert not any("reverse" in str(span.style) for span in bar(0.0).spans)


@pytest.mark.parametrize(
    ("width", "cut"),
    [
        (60, "宣传委员自 2026-10-19 空缺 39 天，应于 2027-01-19 前补选"),
        (40, "宣传委员自 2026-10-19 空缺 39 天..."),  # after the clause
        (30, "宣传委员自 2026-10-19 空缺..."),  # at a space: never "空缺 3"
        (12, "宣传委员..."),  # between CJK characters, not inside the date
    ],
)
def test_cut_at_safe_point(width: int, cut: str) -> None:
    text = "宣传委员自 2026-10-19 空缺 39 天，应于 2027-01-19 前补选"
    assert cut_at_safe_point(text, width) == cut
    assert cell_len(cut) <= width


def test_a_number_and_its_unit_stay_together() -> None:
    assert cut_at_safe_point("袁明阳欠交13个月（2025-08起）", 16) == "袁明阳欠交..."
    assert cut_at_safe_point("欠交13个月", 8) == "欠交..."
