"""活动经费 (BASE-2): totals, the bound of one entry, the overspend warning, the summary's width."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from branchtui.domain.funds import (
    SUMMARY_CELLS,
    fund_amount_problem,
    fund_totals,
    overspend_warning,
    totals_line,
)
from branchtui.domain.records import FundEntry
from branchtui.domain.text_cells import cells
from branchtui.domain.validation import validate

DAY = dt.date(2026, 11, 27)


def entry(direction: str, amount: str, entry_id: str = "") -> FundEntry:
    return FundEntry(
        id=entry_id, date=DAY, direction=direction, amount=Decimal(amount), purpose="activity"
    )  # type: ignore[arg-type]


def test_totals_and_balance() -> None:
    t = fund_totals([entry("income", "3000"), entry("spending", "1200.50")])
    assert (t.income, t.spending, t.balance) == (
        Decimal(3000),
        Decimal("1200.50"),
        Decimal("1799.50"),
    )


def test_a_spending_below_zero_is_warned_an_edit_counted_once() -> None:
    ledger = [entry("income", "3000", "a"), entry("spending", "2000", "b")]
    assert overspend_warning(ledger, entry("spending", "1000")) is None  # exactly spent
    said = overspend_warning(ledger, entry("spending", "1500"))
    assert said is not None and "-500" in said and "超过结余" in said
    assert overspend_warning(ledger, entry("spending", "2900", "b")) is None  # b edited: 3000-2900
    assert overspend_warning(ledger, entry("income", "1")) is None


def test_an_absurd_amount_is_refused_beside_the_amount() -> None:
    assert fund_amount_problem(Decimal(1_000_000)) is None
    assert "100万元" in (fund_amount_problem(Decimal("1000000.01")) or "")
    assert "100万元" in validate(entry("spending", "20000000"), DAY)["amount"]
    assert "amount" not in validate(entry("spending", "999999"), DAY)


def test_the_summary_stays_whole_however_large_the_sums() -> None:
    ledger = [entry("income", "999999.99")] * 12 + [entry("spending", "999999.99")] * 11
    line = totals_line(ledger)
    assert cells(line) <= SUMMARY_CELLS and "999999.99" in line
    assert totals_line([entry("income", "46000"), entry("spending", "24800")]) == (
        "收入 46000 元  支出 24800 元  结余 21200 元"
    )
