"""困难帮扶 (CARE-3): a member's application, its report to the upper organization, the help."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.records import HardshipCase
from branchtui.tui.registry.care import HARDSHIP
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


def _totals(cases: list[Any]) -> str:
    helped = [c for c in cases if c.helped is not None]
    amount = sum((c.amount or Decimal(0) for c in helped), Decimal(0))
    return f"已帮扶 {len(helped)} 件，共 {amount} 元"


class HardshipScreen(RegisterScreen):
    """Hardship cases: each application is reported up and help is given (CARE-3)."""

    SCREEN_ID = HARDSHIP.id
    BINDINGS: ClassVar[list[BindingType]] = HARDSHIP.bindings()
    REGISTER = Register(
        HardshipCase,
        columns=(
            field_column(HardshipCase, "applied"),
            field_column(HardshipCase, "member_id", "党员"),
            field_column(HardshipCase, "description"),
            field_column(HardshipCase, "reported_up"),
            field_column(HardshipCase, "helped"),
            field_column(HardshipCase, "amount", "金额（元）"),
        ),
        form=FormSpec(
            ("member_id", "applied", "description", "reported_up", "helped", "help", "amount"),
            hints={"help": "如：走访慰问、发放困难补助、组织捐助"},
        ),
        rules=("CARE-3",),
        date_field="applied",
        defaults=lambda data, today: {"applied": today},
        summary=_totals,
    )

    def action_report_up(self) -> None:
        self.ask_date("reported_up", "向上级党组织报告的日期", "已登记上报时间")
