"""活动经费 (BASE-2): income and spending of activity funds and returned dues, by purpose."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.funds import overspend_warning, totals_line
from branchtui.domain.obligations.base_rules import fund_use_problem
from branchtui.domain.records import FundEntry, Record
from branchtui.tui.registry.support import FUNDS
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


def _use_check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
    # BASE-2 as the secretary types: a purpose outside the list is a warning, not a refusal.
    problem = fund_use_problem(record) if isinstance(record, FundEntry) else None
    return {}, ({"purpose": problem} if problem else {})


def _totals(entries: list[Any]) -> str:
    return totals_line(e for e in entries if isinstance(e, FundEntry))


class FundsScreen(RegisterScreen):
    """The funds ledger; each spending names its purpose (BASE-2)."""

    SCREEN_ID = FUNDS.id
    BINDINGS: ClassVar[list[BindingType]] = FUNDS.bindings()
    REGISTER = Register(
        FundEntry,
        columns=(
            field_column(FundEntry, "date"),
            field_column(FundEntry, "direction", "收支"),
            field_column(FundEntry, "amount", "金额（元）"),
            field_column(FundEntry, "source"),
            field_column(FundEntry, "purpose", "用途"),
            field_column(FundEntry, "description"),
        ),
        form=FormSpec(
            ("date", "direction", "amount", "source", "purpose", "description"),
            hints={"purpose": "只能用于支部活动、教育培训、奖励、慰问（BASE-2）"},
            check=_use_check,
        ),
        rules=("BASE-2",),
        defaults=lambda data, today: {"date": today},
        summary=_totals,
    )

    def form_spec(self) -> FormSpec:
        # BASE-2 beside the amount: a spending that takes the balance below zero is said.
        entries = self.data.fund_entries

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            errors, warned = _use_check(record)
            if isinstance(record, FundEntry) and (over := overspend_warning(entries, record)):
                warned = {**warned, "amount": over}
            return errors, warned

        return dataclasses.replace(self.REGISTER.form, check=check)
