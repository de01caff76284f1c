"""The secretary's own words in a report (存在的问题, 下月工作打算, 述职的不足和打算, 五好自查意见):
one text box per part, saved together with Ctrl+S; Esc asks before dropping anything typed.

The form is modal, so the area keys (1…0) type digits into the text instead of leaving it.
Saving runs ``save`` (a storage function with its own transaction) in a thread; a refusal is
shown in the form and the text stays as typed. Esc is tui/saving.py's, as in every form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from branchtui.domain.report_common import by_text_key
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.reports import FORM_KEYS
from branchtui.tui.saving import close_unless_typed
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.wrapped_text import WrappedText


@dataclass(frozen=True)
class TextPart:
    """One part the secretary writes: its key, its heading, the text so far, what it rests on."""

    key: str
    label: str
    text: str = ""
    note: str = ""  # shown above the box (the evidence of a 五好 criterion, a hint)
    limit: int = 5000  # characters (the record's declared maximum)


def text_parts(labels: Mapping[str, str], kept: Mapping[Any, str] | None) -> list[TextPart]:
    """One part per heading of ``labels`` (MONTHLY_TEXTS, YEAR_TEXTS), with the words a record
    keeps for it (``kept``, keyed by the record's Literal keys)."""
    own = by_text_key(kept)
    return [TextPart(key, label, own.get(key, "")) for key, label in labels.items()]


class TextsForm(ModalScreen[bool | None]):
    """Dismissed with True once saved, None when left without saving."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(action.binding() for action in FORM_KEYS),
        *MODAL_KEYS,
    ]

    class Saved(Message):
        def __init__(self, done: str) -> None:
            super().__init__()
            self.done = done

    class Failed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        title: str,
        parts: list[TextPart],
        save: Callable[[dict[str, str]], str],
        intro: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.parts = parts
        self.save = save
        self.intro = intro
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="texts-form"):
            yield Static(terminal_safe(self.form_title), classes="dialog-title", markup=False)
            if self.intro:
                yield Static(terminal_safe(self.intro), classes="hint", markup=False)
            with VerticalScroll(id="texts-parts"):
                for part in self.parts:
                    yield Label(terminal_safe(part.label), classes="text-label", markup=False)
                    if part.note:
                        yield Static(terminal_safe(part.note), classes="hint", markup=False)
                    yield TextArea(part.text, id=f"text-{part.key}", classes="text-box")
                    error = WrappedText(
                        "", id=f"error-{part.key}", classes="field-error", markup=False
                    )
                    error.display = False
                    yield error
            yield WrappedText("", id="texts-status", classes="form-status", markup=False)
            yield Static(
                "Ctrl+S 保存   Esc 返回   Tab 下一栏   每段换行即为一个自然段", classes="hint"
            )
        yield BranchFooter()

    def on_mount(self) -> None:
        # Words saved before: the cursor waits after them, so what she types adds to them.
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)
        if self.parts:
            self.query_one(f"#text-{self.parts[0].key}", TextArea).focus()

    def typed(self) -> dict[str, str]:
        return {p.key: self.query_one(f"#text-{p.key}", TextArea).text for p in self.parts}

    def changed(self) -> bool:
        typed = self.typed()
        return any(typed[p.key].strip() != p.text.strip() for p in self.parts)

    def action_save(self) -> None:
        if self.saving:
            return
        typed = self.typed()
        errors = {
            p.key: f"不超过 {p.limit} 字，现有 {len(typed[p.key].strip())} 字"
            for p in self.parts
            if len(typed[p.key].strip()) > p.limit
        }
        for part in self.parts:
            error = self.query_one(f"#error-{part.key}", Static)
            error.update(errors.get(part.key, ""))
            error.display = part.key in errors
        status = self.query_one("#texts-status", Static)
        if errors:
            status.update(f"有 {len(errors)} 处需要修改")
            self.query_one(f"#text-{next(iter(errors))}", TextArea).focus()
            return
        self.saving = True
        status.update("正在保存")
        self._write(typed)

    @work(thread=True, exclusive=True, group="texts-save", description="保存文字")
    def _write(self, typed: dict[str, str]) -> None:
        try:
            done = self.save(typed)
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_message(self.Saved(done))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.notify(event.done, timeout=3)
        self.dismiss(True)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.saving = False
        self.query_one("#texts-status", Static).update(f"未保存：{event.text}")
        self.notify(event.text, title="未保存", severity="error", timeout=10)

    def unsaved(self) -> bool:
        return self.changed()

    def action_cancel(self) -> None:
        close_unless_typed(self)
