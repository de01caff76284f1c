"""因私出国（境） (REL-3): each trip with the keep/suspend decision approved before leaving."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.records import Record, TravelAbroad
from branchtui.domain.relations import travel_approval_problem
from branchtui.tui.registry.relations import TRAVELS
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_form import FormSpec


def _approval_check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
    # REL-3 as the secretary types: a trip may be registered before the approval (a warning).
    problem = travel_approval_problem(record) if isinstance(record, TravelAbroad) else None
    if problem is None:
        return {}, {}
    field = "decision" if isinstance(record, TravelAbroad) and not record.decision else "approved"
    return {}, {field: problem[1]}


class TravelsScreen(RegisterScreen):
    """Trips abroad; a returned trip stays as history (h shows it)."""

    SCREEN_ID = TRAVELS.id
    BINDINGS: ClassVar[list[BindingType]] = TRAVELS.bindings()
    REGISTER = Register(
        TravelAbroad,
        columns=(
            field_column(TravelAbroad, "depart"),
            field_column(TravelAbroad, "member_id", "党员"),
            field_column(TravelAbroad, "destination", "前往"),
            field_column(TravelAbroad, "decision"),
            field_column(TravelAbroad, "approved"),
            field_column(TravelAbroad, "return_date", "回国（境）"),
        ),
        form=FormSpec(
            (
                "member_id",
                "destination",
                "purpose",
                "depart",
                "return_date",
                "decision",
                "approved",
                "approval_ref",
                "note",
            ),
            hints={
                "destination": "含港澳台地区",
                "approved": "出境前办理（REL-3）；党员领导干部按干部管理权限审批",
            },
            check=_approval_check,
        ),
        rules=("REL-3",),
        date_field="depart",
        closed_field="return_date",
    )
