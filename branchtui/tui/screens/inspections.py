"""上级检查 (SYS-4): the upper committee's inspections of the branch's systems, once a year at
least, with the inspector and the findings in full."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import BranchData, Inspection
from branchtui.tui.registry.systems import INSPECTIONS
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


def _findings(record: Any, _data: BranchData) -> str:
    return f"检查意见：{record.findings}" if isinstance(record, Inspection) else ""


class InspectionsScreen(RegisterScreen):
    """The inspections register; one in a year settles that year's SYS-4."""

    SCREEN_ID = INSPECTIONS.id
    BINDINGS: ClassVar[list[BindingType]] = INSPECTIONS.bindings()
    REGISTER = Register(
        Inspection,
        columns=(
            field_column(Inspection, "date", width=10),
            field_column(Inspection, "inspector", width=24),
            field_column(Inspection, "findings", width=34),
        ),
        form=FormSpec(
            ("date", "inspector", "findings"),
            hints={
                "inspector": "如：集团党委组织部检查组",
                "findings": "各项党建工作制度落实情况的检查意见、整改要求",
            },
        ),
        rules=("SYS-4",),
        defaults=lambda data, today: {"date": today},
        detail=_findings,
        empty="尚未登记上级检查，按 a 新增",
    )

    def settle(self, ob: Obligation) -> None:
        """SYS-4 of a past year with no inspection: a new one whose date is asked, not today."""
        if ob.status == "overdue" and ob.period != str(self.today.year) and not ob.refs:
            self._form(None, {"date": None})
            return
        super().settle(ob)
