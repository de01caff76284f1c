"""活动经费 (BASE-2): the ledger's totals, the bound of one entry and the warning of a spending
that takes the balance below zero."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from branchtui.domain.records import FundEntry
from branchtui.domain.text_cells import first_fitting

# BASE-2: no branch's activity funds come near 100万元 in one entry; more is a typing error
# (an extra zero or two), refused beside the amount.
FUND_AMOUNT_LIMIT = Decimal(1_000_000)
# The cells the register's status line leaves its summary at 80 columns, after
# 「显示 999 条 / 共 999 条」 and the gap before the summary.
SUMMARY_CELLS = 48


@dataclass(frozen=True)
class FundTotals:
    """Income and spending of some entries of the ledger (元)."""

    income: Decimal
    spending: Decimal

    @property
    def balance(self) -> Decimal:
        return self.income - self.spending


def fund_totals(entries: Iterable[FundEntry]) -> FundTotals:
    """BASE-2: what the entries brought in and spent (an amount not yet typed counts 0)."""
    income, spending = Decimal(0), Decimal(0)
    for entry in entries:
        amount = entry.amount if isinstance(entry.amount, int | Decimal) else Decimal(0)
        if entry.direction == "income":
            income += amount
        else:
            spending += amount
    return FundTotals(income, spending)


def fund_amount_problem(amount: object) -> str | None:
    """BASE-2: one entry of more than ``FUND_AMOUNT_LIMIT`` is refused (a typing error)."""
    if isinstance(amount, int | Decimal) and amount > FUND_AMOUNT_LIMIT:
        return f"单笔金额不能超过{FUND_AMOUNT_LIMIT // 10_000}万元"
    return None


def overspend_warning(entries: Iterable[FundEntry], entry: FundEntry) -> str | None:
    """BASE-2: a spending after which the ledger's balance (every entry, this one included,
    an edited one counted once) is below zero: said, not refused."""
    if entry.direction != "spending":
        return None
    balance = fund_totals([*(e for e in entries if e.id != entry.id), entry]).balance
    if balance >= 0:
        return None
    return f"支出超过结余，保存后结余 {balance} 元"


def totals_line(entries: Iterable[FundEntry]) -> str:
    """The ledger's summary of the entries listed, whole within ``SUMMARY_CELLS``."""
    t = fund_totals(entries)
    i, s, b = t.income, t.spending, t.balance
    return first_fitting(
        SUMMARY_CELLS,
        f"收入 {i} 元  支出 {s} 元  结余 {b} 元",
        f"收入 {i}  支出 {s}  结余 {b}（元）",
        f"收{i} 支{s} 余{b}（元）",
        f"结余 {b} 元",
    )
