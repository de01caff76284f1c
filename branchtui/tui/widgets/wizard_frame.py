"""The frame of every wizard: a title, "第 n 步 / 共 N 步", one step shown at a time, a key hint.

The screen that holds the frame decides what each step checks; the frame only moves between
steps and keeps every step mounted, so nothing typed is lost when going back.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static


class WizardStep(Vertical):
    """One step of a wizard, with its Chinese title."""

    def __init__(self, title: str, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self.step_title = title


class WizardFrame(Vertical):
    """Shows ``steps`` one at a time; ``index`` is the step on screen."""

    DEFAULT_CSS = """
    WizardFrame { height: 1fr; padding: 0 1; }
    WizardFrame > #wizard-title { text-style: bold; color: $primary; height: 1; }
    WizardFrame > #wizard-progress { color: $text-muted; height: 1; margin-bottom: 1; }
    WizardFrame > ContentSwitcher { height: 1fr; }
    WizardFrame > #wizard-hint { color: $text-muted; height: 1; }
    """

    index: reactive[int] = reactive(0, init=False)

    def __init__(self, title: str, steps: list[WizardStep], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wizard_title = title
        self.steps = steps

    def compose(self) -> ComposeResult:
        yield Static(self.wizard_title, id="wizard-title")
        yield Static(self._progress(), id="wizard-progress")
        with ContentSwitcher(initial=self.steps[0].id):
            yield from self.steps
        yield Static("Enter/Tab 下一步   Esc/Shift+Tab 上一步   Ctrl+Q 退出", id="wizard-hint")

    @property
    def step(self) -> WizardStep:
        return self.steps[self.index]

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def _progress(self) -> str:
        return (
            f"第 {self.index + 1} 步 / 共 {len(self.steps)} 步：{self.steps[self.index].step_title}"
        )

    def watch_index(self, index: int) -> None:
        self.query_one(ContentSwitcher).current = self.steps[index].id
        self.query_one("#wizard-progress", Static).update(self._progress())
        self.call_after_refresh(self.focus_step)

    def focus_step(self) -> None:
        """Put the cursor on the first field of the current step."""
        for widget in self.step.query("*"):
            if widget.focusable:
                widget.focus()
                return
