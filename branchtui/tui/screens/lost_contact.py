"""失联党员 (NAT-6): who was lost since when, the efforts to find them, and the next step.

The next step and its date come from domain/lost_contact.py (6 months → 停止党籍, 2 years
after → 按自行脱党除名). Each step is recorded by its key with a date: s 停止党籍 (the member
leaves the roster, reason 停止党籍, in the same commit — as 名册's 移除 does), x 除名 (she is
recorded as 自行脱党), d 恢复联系, r 恢复党籍 (domain/restoration.py: she is back on the roster).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar, Literal

from textual.binding import BindingType

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.lost_contact import (
    StepKind,
    early_note,
    found_note,
    is_open,
    next_step,
    record_found,
    record_step,
    state_of,
    step_problem,
)
from branchtui.domain.meetings.roll import UNKNOWN_PERSON, person_name
from branchtui.domain.obligations import Obligation
from branchtui.domain.profile import profile_of
from branchtui.domain.records import BranchData, LostContact, Record
from branchtui.domain.restoration import HOW, is_suspended
from branchtui.tui.registry.education import LOST_CONTACT
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.screens.restore_form import open_restoration
from branchtui.tui.widgets.record_fields import FormSpec

STEP_TITLES = {"suspend": "停止党籍", "remove": "按自行脱党除名", "found": "恢复联系"}


def _next(record: Any, data: BranchData) -> tuple[str, str]:
    step = next_step(record, profile_of(data))
    return ("", "") if step is None else (step.short, format_date(step.due))


def _detail(record: Any, data: BranchData) -> str:
    name = person_name(data, record.member_id, UNKNOWN_PERSON)
    line = f"{name}：自{format_date(record.since)}失联，{state_of(record)}"
    if record.suspended is not None:
        line += f"（{format_date(record.suspended)}停止党籍）"
        if is_suspended(data.find("members", record.member_id)):
            line += f"；{HOW}（按 r）"
    step = next_step(record, profile_of(data))
    if step is not None:
        line += f"；下一步：{format_date(step.due)}{step.label}（NAT-6）"
    if record.note:
        line += f"\n寻找情况：{record.note}"
    return line


class LostContactScreen(RegisterScreen):
    """The lost-contact register, with NAT-6's next step for each."""

    SCREEN_ID = LOST_CONTACT.id
    BINDINGS: ClassVar[list[BindingType]] = LOST_CONTACT.bindings()
    REGISTER = Register(
        LostContact,
        columns=(
            field_column(LostContact, "member_id"),
            field_column(LostContact, "since", "失联起始"),
            Column("状态", lambda r, d: state_of(r)),
            Column("下一步", lambda r, d: _next(r, d)[0]),
            Column("日期", lambda r, d: _next(r, d)[1]),
            field_column(LostContact, "note"),
        ),
        form=FormSpec(
            ("member_id", "since", "note"),
            hints={"note": "如：电话、走访家属、联系原单位和社区，及其结果"},
        ),
        rules=("NAT-6",),
        date_field="since",
        closed_field="found",
        is_history=lambda r: not is_open(r),
        defaults=lambda data, today: {"since": today},
        detail=_detail,
        empty="尚无失联党员，按 a 登记",
    )

    def form_spec(self) -> FormSpec:
        data = self.data

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            # One open record per member: a second would give two next steps.
            if isinstance(record, LostContact) and any(
                other.member_id == record.member_id and other.id != record.id and is_open(other)
                for other in data.lost_contacts
            ):
                return {"member_id": "该党员已在失联登记中"}, {}
            return {}, {}

        return dataclasses.replace(self.REGISTER.form, check=check)

    def start_for(self, member_id: str) -> None:
        """Register ``member_id`` as lost (from the attendance screen)."""
        open_one = next(
            (c for c in self.data.lost_contacts if c.member_id == member_id and is_open(c)), None
        )
        if open_one is not None:
            self.select(open_one.id)
            self.notify("该党员已在失联登记中", severity="warning")
            return
        self._form(None, {"member_id": member_id})

    # The steps, by key ----------------------------------------------------------------------

    def action_suspend(self) -> None:
        self._ask_step("suspend")

    def action_remove_member(self) -> None:
        self._ask_step("remove")

    def action_remove(self) -> None:  # d: 恢复联系
        self._ask_step("found")

    def action_restore_membership(self) -> None:  # r: 恢复党籍 (domain/restoration.py)
        case = self._editable()
        if isinstance(case, LostContact):
            open_restoration(self, case.member_id)

    def _ask_step(self, kind: StepKind | Literal["found"]) -> None:
        case = self._editable()
        if not isinstance(case, LostContact):
            return
        if not is_open(case):
            self.notify(f"该党员{state_of(case)}，无需再记录", severity="warning")
            return
        title = f"{STEP_TITLES[kind]}：{self._person(case)}的日期"
        self.app.push_screen(
            DatePrompt(title, self.today), lambda day: self._step_dated(case, kind, day)
        )

    def _step_dated(
        self, case: LostContact, kind: StepKind | Literal["found"], day: dt.date | None
    ) -> None:
        if day is None:
            return
        problem = step_problem(case, kind, day, self.today)
        if problem:
            self.notify(problem, title="未记录", severity="error", timeout=8)
            return
        if kind == "found":
            self._confirmed(record_found(case, day), found_note(case))
            return
        step: StepKind = kind
        early = early_note(case, step, day, self.profile)
        what = f"{format_date(day)}{STEP_TITLES[kind]}：{self._person(case)}"
        member = self.data.find("members", case.member_id)
        if step == "suspend":
            what += "，并移出党员名册"
        elif member is not None and member.removed is None:
            what += "，并移出党员名册（原因：自行脱党）"
        else:
            what += "，名册中记为自行脱党"
        title = f"{early}，仍要记录？" if early else f"记录{STEP_TITLES[kind]}？"
        changes = record_step(self.data, case, step, day)
        done = (
            "已记录停止党籍，并从党员名册移出"
            if step == "suspend"
            else "已除名，名册中记为自行脱党"
        )
        choices = {"no": "不记录，返回", "yes": f"确认：{what}"}
        self.app.push_screen(ChoicePrompt(title, choices), self._answered(changes, done))

    def _answered(self, changes: RecordChanges, done: str) -> Callable[[str | None], None]:
        def answered(choice: str | None) -> None:
            if choice == "yes":
                self._confirmed(changes, done)

        return answered

    def _confirmed(self, changes: RecordChanges, done: str) -> None:
        self.commit(lambda tx: tx.apply(changes), done)

    def _person(self, case: LostContact) -> str:
        return person_name(self.data, case.member_id, UNKNOWN_PERSON)

    def settle(self, ob: Obligation) -> None:
        for ref in ob.refs:
            if self.select(ref):
                return
        if ob.people:
            self.start_for(ob.people[0])
