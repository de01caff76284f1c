"""A small form in a dialog (one 议题, 决定, 表决, 整改事项 …): Enter from field to field, Ctrl+S or
Enter on the last field to accept, Esc to cancel (asking first when something was typed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from branchtui.domain.records import Member
from branchtui.tui.registry.forms import FORM_DIALOG_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.field_group import FieldGroup, FieldSpec, focus_after
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.member_field import MEMBER_HINT
from branchtui.tui.widgets.wrapped_text import WrappedText

Values = dict[str, Any]
DISCARD_CHOICES = {"stay": "继续填写", "discard": "放弃本次填写的内容"}


class FormDialog(ModalScreen[Values | None]):
    """Dismissed with the values read from the fields, or None when cancelled.

    ``check`` adds errors by field name (a rule that needs several fields); ``preview`` is a
    line recomputed after every change (a vote's verdict, a count), shown above the buttons.
    """

    DEFAULT_CSS = """
    FormDialog > .dialog { width: 78; }
    FormDialog #form-scroll { height: auto; max-height: 16; }
    FormDialog #form-preview { height: auto; color: $accent; }
    FormDialog #form-status { height: auto; color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(FORM_DIALOG_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        values: Mapping[str, Any] | None = None,
        *,
        today: dt.date,
        people: Callable[[], Sequence[Member]] = list,
        describe: Callable[[str], str] | None = None,
        check: Callable[[Values], dict[str, str]] | None = None,
        preview: Callable[[Values], str] | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.group = FieldGroup(
            specs, values, today=today, people=people, describe=describe, prefix="dlg"
        )
        self.check = check
        self.preview = preview
        self.note = note
        self.opened_with: Values | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.form_title, classes="dialog-title", markup=False)
            if self.note:
                yield Static(self.note, classes="hint", markup=False)
            with VerticalScroll(id="form-scroll"):
                yield self.group
            yield Static("", id="form-preview", markup=False)
            yield WrappedText("", id="form-status", markup=False)
            members = MEMBER_HINT + "  " if self._has_members() else ""
            yield Static(f"Enter 下一项  {members}Ctrl+S 确定  Esc 取消", classes="hint")
        yield BranchFooter()

    def _has_members(self) -> bool:
        return any(spec.kind in ("member", "members") for spec in self.group.specs)

    def on_mount(self) -> None:
        self.opened_with = self.group.read()[0]
        self._preview()
        fields = [w for w in self.group.query("*") if w.focusable]
        if fields:
            fields[0].focus()

    def _preview(self) -> None:
        if self.preview is not None:
            values, _errors = self.group.read()
            self.query_one("#form-preview", Static).update(self.preview(values))

    @on(FieldGroup.Changed)
    def _changed(self) -> None:
        self._preview()

    @on(Entered)
    def _entered(self, event: Entered) -> None:
        event.stop()
        if not focus_after(self.group, event.field):
            self.action_accept()

    def action_accept(self) -> None:
        values, errors = self.group.read()
        if self.check is not None and not errors:
            errors = self.check(values)
        self.group.show_errors(errors)
        status = self.query_one("#form-status", Static)
        if errors:
            status.update(f"有 {len(errors)} 处需要修改")
            first = next(s.name for s in self.group.specs if s.name in errors)
            self.group.focus_field(first)
            return
        self.dismiss(values)

    def unsaved(self) -> bool:
        return self.group.read()[0] != self.opened_with

    def action_cancel(self) -> None:
        if not self.unsaved():
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        self.app.push_screen(ChoicePrompt("放弃本次填写的内容吗？", DISCARD_CHOICES), answered)
