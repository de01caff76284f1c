"""Each obligation's short form: within BRIEF_CELLS, and still saying what matters in full."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.demo import make_demo
from branchtui.domain.obligations import obligations_on
from branchtui.domain.obligations.base import BRIEF_CELLS
from branchtui.domain.records import Vacancy
from branchtui.domain.text_cells import cells, first_fitting
from tests.unit.obligations.conftest import add, add_committee, add_members, make_data

D = dt.date


def test_cells_counts_cjk_as_two() -> None:
    assert cells("空缺39天") == 2 * 2 + 2 + 2
    assert cells("2026-11-27") == 10
    assert cells("「七一」") == 8
    assert first_fitting(6, "宣传委员", "宣传") == "宣传"
    assert first_fitting(2, "宣传委员", "宣传") == "宣传"  # the last one when none fits
    # Combining marks take no cell, ambiguous ones (·, №) two; the same character measured
    # again (from the per-character memo) counts the same.
    assert cells("e\u0301") == 1 and cells("e\u0301e\u0301") == 2
    assert cells("·№") == 4 and cells("·№·") == 6
    assert first_fitting(4, "·№x", "短") == "短" and first_fitting(5, "·№x", "短") == "·№x"


@pytest.mark.parametrize(("seed", "members", "years"), [(2017, 32, 3), (7, 60, 10), (11, 120, 2)])
def test_every_short_form_of_a_demo_branch_fits(seed: int, members: int, years: int) -> None:
    data = make_demo(today=D(2026, 11, 27), seed=seed, members=members, years=years)
    days = [D(2026, month, day) for month in range(1, 13) for day in (1, 16)]
    for day in [*days, D(2027, 3, 1)]:
        for ob in obligations_on(data, day):
            assert cells(ob.short) <= BRIEF_CELLS, (day, ob.rule, ob.short)


def test_a_vacancy_keeps_its_whole_day_count_and_deadline() -> None:
    # The dashboard once showed "空缺 4" for 40 days: the short form says 40 whole.
    data = make_data(created=D(2025, 1, 1))
    add_committee(data, D(2025, 1, 1), add_members(data, 3))
    add(data, Vacancy(role="propaganda", since=D(2026, 10, 18)))
    (ob,) = [o for o in obligations_on(data, D(2026, 11, 27)) if o.rule == "ORG-8"]
    assert ob.short == "宣传委员空缺40天，2027-01-18前补选"
    assert "空缺 40 天" in ob.detail


def test_a_missed_committee_meeting_says_how_many_of_how_many() -> None:
    data = make_data(created=D(2026, 4, 1))
    add_committee(data, D(2026, 4, 1), add_members(data, 3))
    found = obligations_on(data, D(2026, 11, 27))
    may = next(o for o in found if o.rule == "LIFE-2" and o.period == "2026-05")
    assert may.short == "2026年5月支委会0次（应1次）"
    general = next(o for o in found if o.rule == "LIFE-1" and o.period == "2026-Q2")
    assert general.short == "2026年第2季度党员大会0次（应1次）"


def test_a_detail_that_fits_is_its_own_short_form() -> None:
    data = make_data(created=D(2026, 4, 1))
    ms = add_members(data, 3)
    add_committee(data, D(2026, 4, 1), ms)
    (secretary,) = [o for o in obligations_on(data, D(2026, 11, 27)) if o.rule == "ORG-5"]
    assert secretary.short == secretary.detail == f"书记：{ms[0].name}"
    assert secretary.to_json()["brief"] == secretary.short
