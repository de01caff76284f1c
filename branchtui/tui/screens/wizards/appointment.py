"""上级党组织指派书记 (ORG-7): when an election cannot be held yet, the organization that set up
the branch appoints the secretary; the vacancy is filled from the day of taking office."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from branchtui.domain.dates import DateParseError, format_date
from branchtui.domain.election_records import election_changes, save_problems
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Election, ElectionCandidate, Vacancy
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store
from branchtui.tui.registry.organization import APPOINTMENT_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed
from branchtui.tui.screens.wizards.election_steps import note, row
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.member_field import MemberField, form_hint
from branchtui.tui.widgets.wrapped_text import WrappedText


class AppointmentForm(ModalScreen[Election | None]):
    """The appointment of a secretary to a vacancy; dismissed with the saved record or None."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(APPOINTMENT_KEYS), *MODAL_KEYS]

    def __init__(
        self, vacancy: Vacancy, *, data: BranchData, store: Store, profile: Profile, today: dt.date
    ) -> None:
        super().__init__()
        self.vacancy, self.data, self.store = vacancy, data, store
        self.profile, self.today = profile, today
        self.opened_with: list[object] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("上级党组织指派书记（ORG-7）", classes="dialog-title")
            yield note(
                f"书记自{format_date(self.vacancy.since)}空缺。选举条件尚不具备时，可由批准"
                "成立党支部的上级党组织指派，待条件成熟后再进行选举。"
            )
            members = self.data.active_members
            yield row(
                "指派人选", MemberField(members, "选择指派的书记", None, id="member"), "member"
            )
            yield row("指派决定日期", DateField(self.today, id="decided", compact=True), "decided")
            yield row(
                "到任日期", DateField(self.today, self.today, id="date", compact=True), "date"
            )
            yield row("文件文号", Input(id="ref", compact=True), "ref")
            yield WrappedText("", id="form-status", classes="form-status", markup=False)
            yield Static(form_hint(True), classes="hint")
        yield BranchFooter()

    def on_mount(self) -> None:
        self.opened_with = self._raw()
        self.query_one("#member", MemberField).focus()

    def _raw(self) -> list[object]:
        return [getattr(w, "value", None) for w in self.query(".form-row > *")]

    def unsaved(self) -> bool:
        """Whether anything was chosen or typed since the form opened (Esc, Ctrl+Q ask)."""
        return self.is_mounted and self._raw() != self.opened_with

    def action_cancel(self) -> None:
        close_unless_typed(self)

    @on(Input.Submitted)
    @on(Entered)
    def _next_field(self, event: Input.Submitted | Entered) -> None:
        event.stop()
        self.focus_next()

    def _date(self, field_id: str) -> tuple[dt.date | None, str]:
        field = self.query_one(f"#{field_id}", DateField)
        try:
            return field.date, field.error() or ""
        except DateParseError as error:
            return None, error.message

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        member = self.query_one("#member", MemberField).value
        if member is None:
            errors["member"] = "请选择指派的书记"
        decided, message = self._date("decided")
        if message or decided is None:
            errors["decided"] = message or "请填写上级党组织作出指派决定的日期"
        day, message = self._date("date")
        if message or day is None:
            errors["date"] = message or "请填写到任日期"
        elif day > self.today:
            errors["date"] = "到任日期不能晚于今天"
        elif day < self.vacancy.since:
            errors["date"] = f"到任日期不能早于空缺起始日期 {format_date(self.vacancy.since)}"
        elif decided is not None and decided > day:
            errors["decided"] = "指派决定日期不能晚于到任日期"
        election = None
        if not errors and member is not None and day is not None:
            election = Election(
                kind="appointment",
                date=day,
                plan_approved=decided,
                plan_ref=self.query_one("#ref", Input).value.strip(),
                vacancy_id=self.vacancy.id,
                candidates=[ElectionCandidate(member_id=member, elected=True)],
            )
            problems = save_problems(election, self.data, self.profile)
            if problems:
                errors["form-status"] = "；".join(problems)
        for name in ("member", "decided", "date"):
            self.query_one(f"#{name}-error", Static).update(errors.get(name, ""))
        self.query_one("#form-status", Static).update(errors.get("form-status", ""))
        if election is not None and not errors:
            self._write(election)

    @work(thread=True, exclusive=True, group="appointment-save", description="保存")
    def _write(self, election: Election) -> None:
        try:
            changes = election_changes(self.data, election, None)
            with self.store.transaction() as tx:
                tx.apply(changes)
        except (StoreError, ValueError) as error:
            message = error.message if isinstance(error, StoreError) else str(error)
            self.app.call_from_thread(self.notify, message, title="未保存", severity="error")
            return
        self.app.call_from_thread(self.dismiss, election)
