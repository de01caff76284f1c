"""Removing a member: why and when; the record stays as history (removed, removed_reason).

What a reason needs first and what the removal changes are domain/removal.py's: 停止党籍 and
自行脱党 go through the lost-contact register's and the discipline cases' own functions, so a
decision taken here is the same change as one taken there. The reason's note (an error that
stops the save, or 注意：… to know before it) is shown under the reason as it is chosen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import DateParseError
from branchtui.domain.erasure import (
    ENTRY_ERROR,
    ENTRY_ERROR_LABEL,
    erase_member,
    erasure_summary,
)
from branchtui.domain.meetings.roll import person_name
from branchtui.domain.profile import profile_of
from branchtui.domain.records import BranchData, Member, PartyGroup
from branchtui.domain.records.people import REMOVAL_REASONS, RemovalReason
from branchtui.domain.removal import RemovalCheck, removal_changes, removal_check
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.organization import REMOVE_MEMBER_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.wrapped_text import WrappedText

# The reasons offered: those kept as history, and 录入错误, which deletes instead.
REASONS = {**REMOVAL_REASONS, ENTRY_ERROR: ENTRY_ERROR_LABEL}
ERASE_CHOICES = {"keep": "不删除，返回", "erase": "确认删除"}


class RemoveMemberDialog(ModalScreen[bool]):
    """移除党员: reason, date and a note; dismisses True once saved."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(REMOVE_MEMBER_KEYS), *MODAL_KEYS]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member
        self.opened_with: list[object] = []
        self.shown_name = member.name

    @property
    def today(self) -> dt.date:
        return cast(dt.date, self.app.today)  # type: ignore[attr-defined]

    @property
    def data(self) -> BranchData:
        return cast(BranchData, self.app.data)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="remove-dialog"):
            # As every list shows her (张伟（1990年生） beside a namesake), kept once erased.
            self.shown_name = person_name(self.data, self.member.id, self.member.name)
            yield Static(f"移除党员：{self.shown_name}", classes="dialog-title", markup=False)
            yield Static(
                "记录将保留在历史中（名册按 h 可查看）；选“录入错误”则删除。", classes="hint"
            )
            yield Horizontal(
                Label("原因"),
                FormSelect(
                    [(label, key) for key, label in REASONS.items()],
                    prompt="请选择原因",
                    id="remove-reason",
                    compact=True,
                ),
                classes="form-row",
            )
            # Under the reason, the whole width: what 停止党籍 or 自行脱党 needs is a sentence.
            yield WrappedText(
                "", id="error-reason", classes="field-error reason-note", markup=False
            )
            yield Horizontal(
                Label("日期"),
                DateField(self.today, self.today, id="remove-date", compact=True, required=True),
                WrappedText("", id="error-date", classes="field-error", markup=False),
                classes="form-row",
            )
            yield Horizontal(
                Label("说明"),
                Input(id="remove-note", placeholder="如转入单位", compact=True),
                classes="form-row",
            )
            yield Static("Ctrl+S 确认移除   Esc 取消", classes="hint")
        yield BranchFooter()

    def on_mount(self) -> None:
        self.query_one("#remove-reason", Select).focus()
        self.opened_with = self._typed()

    def _typed(self) -> list[object]:
        fields = self.query("#remove-dialog Input, #remove-dialog Select")
        return [getattr(field, "value", None) for field in fields]

    def unsaved(self) -> bool:
        """Whether a reason, a date or a note was entered (Esc then asks before closing)."""
        return self._typed() != self.opened_with

    def action_cancel(self) -> None:
        close_unless_typed(self)

    @on(Select.Changed, "#remove-reason")
    @on(Input.Changed, "#remove-date")
    def _recheck(self) -> None:
        """The reason's note as soon as a reason (or another date) is chosen."""
        reason = self.query_one("#remove-reason", Select).value
        if not isinstance(reason, str) or reason == ENTRY_ERROR:
            self.query_one("#error-reason", Static).update("")
            return
        try:
            day = self.query_one("#remove-date", DateField).date
        except DateParseError:
            return  # the date's own error is shown on saving
        if day is not None:
            self._show_check(self._check(cast(RemovalReason, reason), day))

    def _check(self, reason: RemovalReason, day: dt.date) -> RemovalCheck:
        data = self.data
        return removal_check(data, self.member, reason, day, self.today, profile_of(data))

    def _show_check(self, found: RemovalCheck) -> None:
        shown = found.error or (f"注意：{found.warning}" if found.warning else "")
        self.query_one("#error-reason", Static).update(shown)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "remove-note":
            self.action_confirm()
        else:
            self.focus_next()

    def action_confirm(self) -> None:
        reason = self.query_one("#remove-reason", Select).value
        if reason == ENTRY_ERROR:
            self._confirm_erasure()
            return
        errors: dict[str, str] = {}
        if not isinstance(reason, str):
            errors["reason"] = "请选择移除原因"
        date: dt.date | None = None
        try:
            date = self.query_one("#remove-date", DateField).date
        except DateParseError as error:
            errors["date"] = error.message
        if date is None and "date" not in errors:
            errors["date"] = "请填写日期"
        elif date is not None and date > self.today:
            errors["date"] = "移除日期不能晚于今天"
        self.query_one("#error-reason", Static).update(errors.get("reason", ""))
        self.query_one("#error-date", Static).update(errors.get("date", ""))
        if errors or date is None or not isinstance(reason, str):
            return
        why = cast(RemovalReason, reason)
        found = self._check(why, date)
        self._show_check(found)
        if found.error:
            return
        note = self.query_one("#remove-note", Input).value.strip()
        # A removed leader stops leading their group (ORG-2); a seat held opens (ORG-7, ORG-8);
        # 停止党籍 and 自行脱党 change the 失联 record or 处置 case they belong to as well.
        changes = removal_changes(self.data, self.member, why, date, note)
        removed = dataclasses.replace(
            self.member, removed=date, removed_reason=why, removed_note=note
        )
        self._write(removed, changes)

    def _confirm_erasure(self) -> None:
        """录入错误: the member and what exists only for them go, after one more question."""
        changes = erase_member(self.app.data, self.member.id)  # type: ignore[attr-defined]
        title = (
            f"按录入错误删除“{self.shown_name}”？将{erasure_summary(changes)}，"
            "如同从未录入（删除前自动备份，可按 9、b 在「数据备份与恢复」中恢复）。"
        )

        def answered(choice: str | None) -> None:
            if choice == "erase":
                # The store applies the same rule to the data as it is then (one pass).
                self._write(self.member, changes, erase=True)

        self.app.push_screen(ChoicePrompt(title, ERASE_CHOICES), answered)

    @work(thread=True, exclusive=True, group="member-remove", description="移除党员")
    def _write(self, member: Member, changes: RecordChanges, *, erase: bool = False) -> None:
        try:
            with self.app.store.transaction() as tx:  # type: ignore[attr-defined]
                if erase:
                    tx.delete(Member.TABLE, member.id, member.rev)
                else:
                    tx.apply(changes)
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        left = "、".join(g.name for g in changes.updates if isinstance(g, PartyGroup))
        self.app.call_from_thread(self._done, member, left)

    def _failed(self, text: str) -> None:
        self.query_one("#error-reason", Static).update(text)
        self.notify(text, title="未移除", severity="error", timeout=10)

    def _done(self, member: Member, groups_left: str) -> None:
        if member.removed is None:  # erased as entered by mistake
            self.notify(f"已删除：{self.shown_name}（{ENTRY_ERROR_LABEL}）", timeout=3)
            self.dismiss(True)
            return
        label = REMOVAL_REASONS.get(member.removed_reason, member.removed_reason)
        done = f"已移除：{self.shown_name}（{label}）"
        if groups_left:
            done += f"；{groups_left}组长空缺，请在党小组中指定"
        self.notify(done, timeout=5 if groups_left else 3)
        self.dismiss(True)
