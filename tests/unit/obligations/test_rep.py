"""REP rules: the monthly report, the year's assessment, 五好 self-check, good practices."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.records import MonthlyReport, PracticeNote, YearAssessment
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD
from tests.unit.obligations.conftest import add, judge, make_data, one

D = dt.date
ON = D(2026, 11, 27)


@pytest.mark.parametrize(
    ("sent", "status"), [(D(2026, 11, 16), "met"), (D(2026, 11, 17), "warning")]
)
def test_rep1_report_sent_on_the_16th_vs_17th(sent: dt.date, status: str) -> None:
    data = make_data()
    add(data, MonthlyReport(month="2026-10", generated=sent, sent=sent))
    ob = one(judge("REP-1", data, ON), "2026-10")
    assert ob.status == status and ob.due == D(2026, 11, 16)


@pytest.mark.parametrize(("on", "status"), [(D(2026, 11, 16), "due"), (D(2026, 11, 17), "overdue")])
def test_rep1_unsent_report_is_overdue_from_the_17th(on: dt.date, status: str) -> None:
    assert one(judge("REP-1", make_data(), on), "2026-10").status == status


def test_rep1_this_months_report_is_upcoming_near_the_months_end() -> None:
    assert judge("REP-1", make_data(created=D(2026, 11, 1)), D(2026, 11, 10)) == []
    assert one(judge("REP-1", make_data(created=D(2026, 11, 1)), ON)).status == "upcoming"
    ob = one(judge("REP-1", make_data(created=D(2026, 11, 1)), D(2026, 12, 2)))
    assert ob.status == "due" and ob.period == "2026-11"


def _assessment(year: int, areas: dict[str, float], five: dict[str, str]) -> YearAssessment:
    return YearAssessment(year=year, scores=areas, five_good=five, date=D(year, 12, 20))


def test_rep2_rep3_complete_year_assessment_is_met() -> None:
    data = make_data(created=D(2025, 1, 1))
    scores = dict.fromkeys(ASSESSMENT_AREAS, 10.0)
    five = dict.fromkeys(FIVE_GOOD, "达到")
    add(data, _assessment(2025, scores, five))
    ob = one(judge("REP-2", data, ON), "2025")
    assert ob.status == "met" and "80 分" in ob.detail
    assert one(judge("REP-3", data, ON), "2025").status == "met"


def test_rep2_rep3_missing_area_and_criterion_fire() -> None:
    data = make_data(created=D(2025, 1, 1))
    scores = dict.fromkeys(list(ASSESSMENT_AREAS)[:-1], 10.0)
    five = dict.fromkeys(list(FIVE_GOOD)[:4], "达到")
    add(data, _assessment(2025, scores, five))
    ob = one(judge("REP-2", data, ON), "2025")
    assert ob.status == "overdue" and "基础保障" in ob.detail
    ob3 = one(judge("REP-3", data, ON), "2025")
    assert ob3.status == "overdue" and "作用发挥好" in ob3.detail


def test_rep2_this_years_assessment_is_due_in_december() -> None:
    data = make_data(created=D(2026, 1, 1))
    assert judge("REP-2", data, D(2026, 10, 1)) == []
    assert one(judge("REP-2", data, D(2026, 12, 1))).status == "due"


def test_rep4_a_reported_practice_note_meets_the_year() -> None:
    data = make_data(created=D(2026, 1, 1))
    assert one(judge("REP-4", data, ON)).status == "due"
    add(data, PracticeNote(date=D(2026, 5, 1), title="党员责任区做法", reported=D(2026, 5, 10)))
    assert one(judge("REP-4", data, ON)).status == "met"


def test_rep4_unreported_note_does_not_count_and_last_year_is_overdue() -> None:
    data = make_data(created=D(2025, 1, 1))
    add(data, PracticeNote(date=D(2025, 5, 1), title="未上报"))
    assert one(judge("REP-4", data, ON), "2025").status == "overdue"
