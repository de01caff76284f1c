"""Small dialogs shared by screens: one line of text, one date, one choice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from branchtui.tui.registry.dialogs import CHOICE_PROMPT_KEYS, DATE_PROMPT_KEYS, TEXT_PROMPT_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.wrapped_text import WrappedText


class TextPrompt(ModalScreen[str | None]):
    """Asks for one line; ``check`` returns a Chinese message when the text is not acceptable."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(TEXT_PROMPT_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        title: str,
        value: str = "",
        check: Callable[[str], str | None] | None = None,
        *,
        suggester: Suggester | None = None,
        error: str = "",
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.check = check
        self.suggester = suggester  # completes as typed (→ accepts): a file's path
        self.error = error  # asked again: what was wrong with ``value``, beside it

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt_title, classes="dialog-title", markup=False)
            # The placeholder and the field's own shade show where to type before anything is.
            yield Input(
                self.value,
                placeholder="在此输入",
                id="prompt-input",
                compact=True,
                suggester=self.suggester,
            )
            yield WrappedText(self.error, id="prompt-error", classes="field-error", markup=False)
            yield Static("Enter 确定   Esc 取消", classes="hint")
        yield BranchFooter()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        message = self.check(text) if self.check else None
        if message:
            self.query_one("#prompt-error", Static).update(message)
            return
        self.dismiss(text)

    def unsaved(self) -> bool:
        """Text typed and not yet taken with Enter (a reason, a remark): Esc, Ctrl+Q and the
        palette ask before it is thrown away (tui/leaving.py)."""
        typed = self.query_one("#prompt-input", Input).value.strip()
        return self.is_mounted and typed not in ("", self.value.strip())

    def action_cancel(self) -> None:
        from branchtui.tui.saving import close_unless_typed  # saving asks with a ChoicePrompt

        close_unless_typed(self)


class DatePrompt(ModalScreen[dt.date | None]):
    """Asks for one date (2026-11-27, 1127, 今天 …); ``check`` returns a Chinese message when
    the date is not acceptable (the prompt stays open with it beside the field); ``warn`` returns a
    warning shown beside the field, which a second Enter on the same date accepts."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(DATE_PROMPT_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        title: str,
        today: dt.date,
        value: dt.date | None = None,
        check: Callable[[dt.date], str | None] | None = None,
        warn: Callable[[dt.date], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.today = today
        self.value = value or today
        self.check = check
        self.warn = warn
        self._warned: dt.date | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt_title, classes="dialog-title", markup=False)
            yield DateField(self.today, self.value, id="date-input", compact=True, required=True)
            yield WrappedText("", id="date-error", classes="field-error", markup=False)
            yield Static("Enter 确定   Esc 取消", classes="hint")
        yield BranchFooter()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        field = self.query_one(DateField)
        message = field.error()
        if not message and self.check is not None and field.date is not None:
            message = self.check(field.date)
        if message:
            self.query_one("#date-error", Static).update(message)
            return
        # A warning (注意：…) is shown once beside the field; Enter again on the same date keeps it.
        warning = self.warn(field.date) if self.warn is not None and field.date else None
        if warning and self._warned != field.date:
            self._warned = field.date
            self.query_one("#date-error", Static).update(warning)
            return
        self.dismiss(field.date)


class ChoicePrompt(ModalScreen[str | None]):
    """Pick one of ``choices`` (key → Chinese label) with arrows and Enter."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(CHOICE_PROMPT_KEYS), *MODAL_KEYS]

    def __init__(self, title: str, choices: dict[str, str]) -> None:
        super().__init__()
        self.prompt_title = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt_title, classes="dialog-title question", markup=False)
            yield OptionList(*(Option(v, id=k) for k, v in self.choices.items()))
            yield Static("上下键选择   Enter 确定   Esc 取消", classes="hint")
        yield BranchFooter()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
