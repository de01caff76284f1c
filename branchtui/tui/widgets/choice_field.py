"""One-line choosers for forms: one of a few choices (‹ 举手表决 ›) and several of many (☑ 党课).

Both are a single focusable line: Left/Right (and Space) change them, Enter moves on, so a
form is filled top to bottom with Enter alone when the defaults are right.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from branchtui.tui.registry.forms import CHOICE_KEYS, TOGGLE_KEYS
from branchtui.tui.registry.spec import keys_of


class Entered(Message):
    """Enter on a form field: the form moves to the next field (or on, after the last)."""

    def __init__(self, field: Widget) -> None:
        super().__init__()
        self.field = field


class ChoiceField(Widget, can_focus=True):
    """One of ``choices`` (key, label); Left/Right or Space change it."""

    DEFAULT_CSS = """
    ChoiceField { height: 1; width: auto; min-width: 12; padding: 0 1; }
    ChoiceField:focus { background: $accent 30%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys_of(CHOICE_KEYS)

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The choice changed."""

        def __init__(self, field: ChoiceField) -> None:
            super().__init__()
            self.field = field

    def __init__(
        self, choices: Sequence[tuple[str, str]], value: str | None = None, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.choices = list(choices)
        keys = [k for k, _ in self.choices]
        self.set_reactive(ChoiceField.index, keys.index(value) if value in keys else 0)

    @property
    def value(self) -> str:
        return self.choices[self.index][0] if self.choices else ""

    @value.setter
    def value(self, key: str) -> None:
        keys = [k for k, _ in self.choices]
        if key in keys:
            self.index = keys.index(key)

    def render(self) -> Text:
        label = self.choices[self.index][1] if self.choices else ""
        many = len(self.choices) > 1
        return Text.assemble(("‹ " if many else "", "dim"), label, (" ›" if many else "", "dim"))

    def action_move(self, step: int) -> None:
        if self.choices:
            self.index = (self.index + step) % len(self.choices)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self))

    def action_enter(self) -> None:
        self.post_message(Entered(self))


class ToggleRow(Widget, can_focus=True):
    """Any of ``choices`` (key, label): Left/Right move, Space ticks or unticks."""

    DEFAULT_CSS = """
    ToggleRow { height: auto; width: 1fr; padding: 0 1; }
    ToggleRow:focus { background: $accent 15%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys_of(TOGGLE_KEYS)

    cursor: reactive[int] = reactive(0)
    ticked: reactive[frozenset[str]] = reactive(frozenset())

    class Changed(Message):
        """A choice was ticked or unticked."""

        def __init__(self, field: ToggleRow) -> None:
            super().__init__()
            self.field = field

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        value: Sequence[str] = (),
        empty: str = "（无）",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.choices = list(choices)
        self.empty = empty
        self.set_reactive(ToggleRow.ticked, frozenset(value))

    @property
    def value(self) -> list[str]:
        """The ticked keys, in the order of the choices."""
        return [k for k, _ in self.choices if k in self.ticked]

    @value.setter
    def value(self, keys: Sequence[str]) -> None:
        self.ticked = frozenset(keys)

    def render(self) -> Text:
        if not self.choices:
            return Text(self.empty, style="dim")
        text = Text()
        for i, (key, label) in enumerate(self.choices):
            mark = "☑" if key in self.ticked else "☐"
            style = "reverse" if self.has_focus and i == self.cursor else ""
            text.append(f"{mark}{label}", style=style)
            text.append("  ")
        return text

    def action_move(self, step: int) -> None:
        if self.choices:
            self.cursor = (self.cursor + step) % len(self.choices)

    def action_tick(self) -> None:
        if not self.choices:
            return
        key = self.choices[self.cursor][0]
        self.ticked = self.ticked ^ {key}
        self.post_message(self.Changed(self))

    def action_enter(self) -> None:
        self.post_message(Entered(self))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
