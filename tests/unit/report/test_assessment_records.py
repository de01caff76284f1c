"""The year's self-assessment as the 年度考核 screen records it (REP-2, REP-3), the sent-date
check the 月度报告 screen shows beside its field (REP-1), and the demo's sample scores."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.demo.office import SHEET_POINTS
from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD
from branchtui.storage.assessment import AssessmentError, save_five_good, save_scores
from branchtui.storage.reports import ReportError, sent_problem
from branchtui.storage.scoring_file import load_scoring_sheet
from branchtui.storage.store import Store

ON = dt.date(2026, 12, 20)


def _duty(store: Store, rule: str) -> str:
    found = obligations_on(store.snapshot(), ON, get_profile(None))
    return next(o.status for o in found if o.rule == rule and o.period == "2026")


def test_scores_are_kept_area_by_area_and_settle_rep2_when_all_eight_are_in(store: Store) -> None:
    save_scores(store, 2026, {"ORG": 14.0, "LIFE": 23.5}, ON)
    assert _duty(store, "REP-2") == "due"
    save_scores(store, 2026, {k: 5.0 for k in ASSESSMENT_AREAS if k not in ("ORG",)}, ON)
    [recorded] = [a for a in store.snapshot().assessments if a.year == 2026]
    assert recorded.scores["ORG"] == 14.0 and recorded.scores["LIFE"] == 5.0
    assert recorded.date == ON
    assert _duty(store, "REP-2") == "met"


def test_a_score_out_of_range_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(AssessmentError, match="得分应在0到100之间"):
        save_scores(store, 2026, {"ORG": 120.0}, ON)
    assert store.snapshot().assessments == []


def test_five_good_remarks_settle_rep3_and_an_empty_one_is_removed(store: Store) -> None:
    save_five_good(store, 2026, dict.fromkeys(FIVE_GOOD, "达到"), ON)
    assert _duty(store, "REP-3") == "met"
    save_five_good(store, 2026, {"role": "  "}, ON)
    [recorded] = [a for a in store.snapshot().assessments if a.year == 2026]
    assert "role" not in recorded.five_good and len(recorded.five_good) == 4
    assert _duty(store, "REP-3") == "due"
    assert recorded.scores == {}


def test_sent_problem_says_why_a_date_cannot_be_the_sent_date() -> None:
    today = dt.date(2026, 11, 27)
    assert sent_problem("2026-11", dt.date(2026, 11, 27), today) is None
    assert sent_problem("2026-11", dt.date(2026, 10, 31), today) == (
        "报送日期 2026-10-31 早于2026年11月，未登记。"
    )
    assert sent_problem("2026-10", dt.date(2026, 11, 28), today) == (
        "报送日期 2026-11-28 晚于今天（2026-11-27），未登记。"
    )
    with pytest.raises(ReportError):
        sent_problem("2026-13", today, today)


def test_demo_scores_use_the_shipped_sheets_points() -> None:
    sheet = load_scoring_sheet(None)
    assert {a.key: a.points for a in sheet.areas} == SHEET_POINTS
    assert set(SHEET_POINTS) == set(ASSESSMENT_AREAS)
