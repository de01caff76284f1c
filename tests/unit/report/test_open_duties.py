"""REP-2 and REP-3 with duties still open: an open duty of the year is not done (it counts
against its area and is named beside the share), a 五好 criterion is never 达到 while one of its
duties is open, and the 民主评议党员 row of the year table says what LIFE-7 says."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import Appraisal, AppraisalResult, Attendance, Meeting
from branchtui.domain.report_scoring import (
    Area,
    Criterion,
    ScoringSheet,
    YearFacts,
    five_good_check,
    in_year,
    score_year,
    share_met,
)
from branchtui.storage.reports import render_year
from branchtui.storage.store import Store

D = dt.date
ON = D(2026, 11, 27)


def _ob(rule: str, status: str, due: dt.date | None = None) -> Obligation:
    return Obligation(rule, rule, status, due=due)


FOUND = [
    _ob("EDU-2", "met"),
    _ob("EDU-3", "met"),
    _ob("EDU-4", "due"),  # 黄安琴 欠交 since September: open, no deadline
    _ob("EDU-5", "due"),
    _ob("ORG-8", "due", D(2027, 1, 19)),  # a seat vacant since October, to fill by January
    _ob("ORG-5", "met"),
]
SHEET = ScoringSheet(
    title="表",
    areas=(
        Area("EDU", "加强党员教育管理", 15, ("EDU-2", "EDU-3", "EDU-4", "EDU-5"), ()),
        Area("ORG", "健全组织体系", 15, ("ORG-5", "ORG-8"), ()),
    ),
    stars=(),
    five_good=(
        Criterion("members", "党员队伍好", ("EDU-2", "EDU-4", "EDU-5"), 0.3),
        Criterion("leadership", "支部班子好", ("ORG-5", "ORG-8"), 0.5),
        Criterion("role", "作用发挥好", ("EDU-2", "EDU-3"), 0.9),
    ),
)
FACTS = YearFacts(2026, False, {}, {}, None, 0, 0)


def test_open_duties_are_not_done_and_are_named() -> None:
    counted = share_met(FOUND, ["EDU-2", "EDU-3", "EDU-4", "EDU-5"], 2026, over=False)
    assert (counted["met"], counted["failed"], counted["open"]) == (2, 2, 2)
    assert counted["open_rules"] == ["EDU-4", "EDU-5"]
    assert counted["share"] == 0.5
    areas = {a["key"]: a for a in score_year(SHEET, FOUND, 2026, FACTS)["areas"]}
    assert areas["EDU"]["score"] == 7.5  # not 15 while EDU-4 and EDU-5 are open
    # The vacancy's deadline is next year, but it is open now: a duty of 2026 not done.
    assert in_year(FOUND[4], 2026)
    assert areas["ORG"]["score"] == 7.5
    # Once done, a duty with a deadline after the year is not this year's.
    assert not in_year(_ob("ORG-8", "met", D(2027, 1, 19)), 2026)


def test_a_criterion_is_never_reached_while_a_duty_of_it_is_open() -> None:
    rows = {r["key"]: r for r in five_good_check(SHEET, FOUND, 2026, False, {})}
    # 1/3 = 33% is above the sheet's 30%, but EDU-4 and EDU-5 are still to be done.
    assert rows["members"]["reached"] is False
    assert rows["members"]["verdict"] == "尚有待办，暂未达到"
    assert rows["members"]["open_rules"] == ["EDU-4", "EDU-5"]
    assert rows["leadership"]["verdict"] == "尚有待办，暂未达到"
    assert rows["role"]["reached"] is True and rows["role"]["verdict"] == "达到"
    # At the year's end a duty still due is simply not done.
    over = {r["key"]: r for r in five_good_check(SHEET, FOUND, 2026, True, {})}
    assert over["members"]["verdict"] == "达到" and over["members"]["open_rules"] == []


def test_the_year_report_scores_open_duties_as_not_done(store: Store) -> None:
    text = render_year(store, 2026, ON)
    line = next(row for row in text.splitlines() if row.startswith("| 强化基础保障 |"))
    assert "待办 BASE-1" in line and not line.endswith("| 5 |")
    assert "| 加强党员教育管理 | 15 | 100.0%" not in text
    five = text[text.index("### （二）") : text.index("### （三）")]
    rows = [row for row in five.splitlines() if row.startswith("| ") and "要求" in row]
    assert len(rows) == 5
    for row in rows:
        assert ("| 达到（要求" in row) == ("待办：" not in row and "| 未达到" not in row), row
    assert any("| 达到（要求" in row for row in rows)  # 支部班子好: nothing of it open


def test_the_appraisal_row_is_the_years_appraisal(store: Store) -> None:
    """LIFE-7: one truth for the table and the sentence under it. The 2025 appraisal held in
    January 2026 is 2025's; 2026 has none yet."""
    data = store.snapshot()
    members = [m for m in data.members if m.removed is None]
    held = Meeting(
        kinds=["life_meeting", "appraisal"],
        date=D(2026, 1, 20),
        topic="2025年度组织生活会暨民主评议党员",
        attendance=[Attendance(member_id=m.id) for m in members],
    )
    store.add(held)
    store.add(
        Appraisal(
            year=2025,
            meeting_id=held.id,
            results=[AppraisalResult(member_id=m.id, grade="qualified") for m in members],
        )
    )
    text = render_year(store, 2026, ON)
    assert "| 民主评议党员 | 0 | 每年1次（年底或次年初） | — |" in text
    assert "LIFE-7：2026年民主评议党员尚未开展（年底或次年初，2027年3月31日前）。" in text
    assert "2026年1月20日召开的民主评议党员会议评议的是2025年度，计入2025年度。" in text
    assert "本年度民主评议党员尚未登记" not in text
    # The 2026 appraisal, held in November: the row and the sentence agree.
    late = Meeting(
        kinds=["life_meeting", "appraisal"],
        date=D(2026, 11, 20),
        topic="2026年度民主评议党员",
        attendance=[Attendance(member_id=m.id) for m in members],
    )
    store.add(late)
    store.add(
        Appraisal(
            year=2026,
            meeting_id=late.id,
            results=[
                # 预备党员 take part without a grade (NAT-7).
                AppraisalResult(member_id=m.id, grade="" if m.name == "李四" else "qualified")
                for m in members
            ],
        )
    )
    text = render_year(store, 2026, ON)
    assert "| 民主评议党员 | 1 | 每年1次（年底或次年初） | 100.0% |" in text
    assert "民主评议党员：参评 4 名" in text
    assert "LIFE-7：" not in text
