"""One 好经验、好做法 (REP-4): its date, title, the text, and when it went up; checked by
domain/validation, written in one commit, nothing lost on Esc."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from branchtui.domain.dates import DateParseError
from branchtui.domain.fields import label_of
from branchtui.domain.records import PracticeNote
from branchtui.domain.validation import validate
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store
from branchtui.tui.registry.reports import FORM_KEYS
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.texts_form import DISCARD_CHOICES
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter

FIELDS = ("date", "title", "reported", "content")
LABELS = {name: label_of(PracticeNote, name) for name in FIELDS}


class PracticeForm(ModalScreen[str | None]):
    """新增 / 编辑经验做法; dismissed with the note's id once saved, else None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(action.binding() for action in FORM_KEYS),
        *MODAL_KEYS,
    ]

    class Done(Message):
        def __init__(self, note_id: str = "", problem: str = "") -> None:
            super().__init__()
            self.note_id = note_id
            self.problem = problem

    def __init__(self, store: Store, today: dt.date, note: PracticeNote | None) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.original = note
        self.saving = False
        self.opened_with: list[str] = []

    def compose(self) -> ComposeResult:
        note = self.original
        with Vertical(id="texts-form"):
            yield Static(
                "编辑经验做法" if note else "新增经验做法", classes="dialog-title", markup=False
            )
            with VerticalScroll(id="texts-parts"):
                yield self._row("date", DateField(self.today, note.date if note else self.today))
                yield self._row("title", Input(note.title if note else "", compact=True))
                reported = note.reported if note else None
                yield self._row("reported", DateField(self.today, reported))
                yield Label(LABELS["content"], classes="text-label")
                yield TextArea(note.content if note else "", id="field-content", classes="text-box")
                yield Static("", id="error-content", classes="field-error", markup=False)
            yield Static("", id="texts-status", classes="form-status", markup=False)
            yield Static(
                "报送时间：上报上级党委的日期，尚未上报的不填。Ctrl+S 保存   Esc 返回   Tab 下一栏",
                classes="hint",
            )
        yield BranchFooter()

    @staticmethod
    def _row(name: str, field: Input) -> Horizontal:
        field.id = f"field-{name}"
        field.compact = True
        error = Static("", id=f"error-{name}", classes="field-error", markup=False)
        return Horizontal(Label(LABELS[name]), field, error, classes="form-row")

    def on_mount(self) -> None:
        self.opened_with = self._typed()
        self.query_one("#field-title", Input).focus()

    def _typed(self) -> list[str]:
        return [
            self.query_one("#field-date", DateField).value,
            self.query_one("#field-title", Input).value,
            self.query_one("#field-reported", DateField).value,
            self.query_one("#field-content", TextArea).text,
        ]

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _collect(self) -> tuple[PracticeNote | None, dict[str, str]]:
        errors: dict[str, str] = {}
        dates: dict[str, dt.date | None] = {}
        for name in ("date", "reported"):
            try:
                dates[name] = self.query_one(f"#field-{name}", DateField).date
            except DateParseError as error:
                errors[name] = error.message
                dates[name] = None
        if dates["date"] is None and "date" not in errors:
            errors["date"] = "请填写日期"
        if errors or dates["date"] is None:
            return None, errors
        values = {
            "date": dates["date"],
            "reported": dates["reported"],
            "title": self.query_one("#field-title", Input).value.strip(),
            "content": self.query_one("#field-content", TextArea).text.strip(),
        }
        if self.original is None:
            return PracticeNote(**values), errors  # type: ignore[arg-type]
        return dataclasses.replace(self.original, **values), errors  # type: ignore[arg-type]

    def action_save(self) -> None:
        if self.saving:
            return
        note, errors = self._collect()
        if note is not None:
            errors = {k.split(".")[0]: v for k, v in validate(note, self.today).items()}
        for name in FIELDS:
            self.query_one(f"#error-{name}", Static).update(errors.get(name, ""))
        status = self.query_one("#texts-status", Static)
        if errors or note is None:
            named = "、".join(LABELS.get(f, f) for f in errors)
            status.update(f"有 {len(errors)} 处需要修改：{named}")
            return
        self.saving = True
        status.update("正在保存")
        self._write(note)

    @work(thread=True, exclusive=True, group="practice-save", description="保存经验做法")
    def _write(self, note: PracticeNote) -> None:
        try:
            with self.store.transaction() as tx:
                if self.original is None:
                    tx.insert(note)
                else:
                    tx.update(note)
        except StoreError as error:
            self.post_message(self.Done(problem=error.message))
            return
        self.post_message(self.Done(note.id))

    @on(Done)
    def _done(self, event: Done) -> None:
        if event.problem:
            self.saving = False
            self.query_one("#texts-status", Static).update(f"未保存：{event.problem}")
            self.notify(event.problem, title="未保存", severity="error", timeout=10)
            return
        self.notify(f"已保存：{self.query_one('#field-title', Input).value.strip()}", timeout=3)
        self.dismiss(event.note_id)

    def action_cancel(self) -> None:
        if self._typed() == self.opened_with:
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        self.app.push_screen(ChoicePrompt("放弃已填写的修改吗？", DISCARD_CHOICES), answered)
