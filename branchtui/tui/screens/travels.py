"""因私出国（境） (REL-3): each trip with the keep/suspend decision approved before leaving.

停止党籍 decided takes the member off the roster from the day she leaves, in the same commit as
the trip once she has left (domain/abroad.py); s records it for a trip registered ahead, d her
return (she stays off the roster), r 恢复党籍 (domain/restoration.py).
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import Static

from branchtui.domain.abroad import (
    returned_note,
    suspend_abroad,
    suspends,
    suspension_pending,
    travel_changes,
    travel_note,
    trip_state,
)
from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.records import BranchData, Record, TravelAbroad
from branchtui.domain.relations import travel_approval_problem
from branchtui.tui.registry.relations import TRAVELS
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.screens.restore_form import open_restoration
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.record_fields import FormSpec


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
    suspending = False  # the form being saved takes the member off the roster
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
        detail=lambda r, d: "",  # filled in by the screen (it depends on today)
    )

    def form_spec(self) -> FormSpec:
        data, today = self.data, self.today

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            errors, notes = _approval_check(record)
            if isinstance(record, TravelAbroad) and (said := travel_note(data, record, today)):
                notes.setdefault("decision", said)
            return errors, notes

        return dataclasses.replace(self.REGISTER.form, check=check)

    def record_changes(
        self, data: BranchData, before: Record | None, after: Record
    ) -> RecordChanges:
        # Whether this save takes her off the roster, said once it is saved (``_saved``).
        self.suspending = isinstance(after, TravelAbroad) and suspension_pending(
            data, after, self.today
        )
        return travel_changes(data, before, after, self.today)

    def _show_detail(self) -> None:
        # The trip's membership as of today: 停止党籍 from the day she left, restored or not.
        trip = self._highlighted()
        shown = self.query_one("#register-detail", Static)
        text = ""
        if isinstance(trip, TravelAbroad):
            text = f"{self._person(trip)}：{trip_state(self.data, trip, self.today)}"
        shown.display = bool(text)
        shown.update(terminal_safe(text))

    def _person(self, trip: TravelAbroad) -> str:
        return person_name(self.data, trip.member_id, UNKNOWN_PERSON)

    def _saved(self, record: Record | None, *, filed: bool = False) -> None:
        super()._saved(record, filed=filed)
        if isinstance(record, TravelAbroad) and self.suspending:
            day = format_date(record.depart)
            self.notify(f"{self._person(record)}自{day}起停止党籍，已移出党员名册", timeout=6)
        self.suspending = False

    # s: 停止党籍 of a trip registered ahead, once she has left ------------------------------

    def action_suspend(self) -> None:
        trip = self._editable()
        if not isinstance(trip, TravelAbroad):
            return
        name = self._person(trip)
        if not suspends(trip):
            self.notify(f"{name}此次出国（境）的党籍处理不是停止党籍", severity="warning")
            return
        if not suspension_pending(self.data, trip, self.today):
            why = (
                f"尚未出境：自出境之日（{format_date(trip.depart)}）起停止党籍"
                if trip.depart > self.today
                else "该党员已不在党员名册中"
            )
            self.notify(why, severity="warning", timeout=6)
            return
        day = format_date(trip.depart)
        changes = suspend_abroad(self.data, trip)
        choices = {"no": "不记录，返回", "yes": f"确认：{name}自{day}起停止党籍，并移出党员名册"}

        def answered(choice: str | None) -> None:
            if choice == "yes":
                done = f"已记录停止党籍，{name}已从党员名册移出"
                self.commit(lambda tx: tx.apply(changes), done)

        self.app.push_screen(ChoicePrompt("记录出境停止党籍？", choices), answered)

    # d: 回国（境）, saying how membership is restored; r: 恢复党籍 ------------------------

    def action_remove(self) -> None:
        trip = self._editable()
        if not isinstance(trip, TravelAbroad):
            return
        self.ask_date(
            "return_date", "回国（境）时间（保留为历史记录）", returned_note(self.data, trip)
        )

    def action_restore_membership(self) -> None:
        trip = self._editable()
        if isinstance(trip, TravelAbroad):
            open_restoration(self, trip.member_id)
