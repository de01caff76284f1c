"""The frame of every wizard: a title, the steps as a bar, one step shown at a time, a key hint.

The screen that holds the frame decides what each step checks; the frame only moves between
steps and keeps every step mounted, so nothing typed is lost when going back. A step whose
``applies`` is False (a part the meeting's kinds do not have) is skipped and left out of the
numbering.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

DEFAULT_HINT = "Enter/Tab 下一步   Esc/Shift+Tab 上一步   Ctrl+Q 退出"


class WizardStep(Vertical):
    """One step of a wizard, with its Chinese title (``short`` for the step bar)."""

    def __init__(self, title: str, *children: Widget, short: str = "", **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self.step_title = title
        self.short = short or title
        self.applies = True


class WizardFrame(Vertical):
    """Shows ``steps`` one at a time; ``index`` is the step on screen (in ``steps``)."""

    DEFAULT_CSS = """
    WizardFrame { height: 1fr; padding: 0 1; }
    WizardFrame > #wizard-title { text-style: bold; color: $primary; height: 1; }
    WizardFrame > #wizard-progress { color: $text-muted; height: 1; }
    WizardFrame > ContentSwitcher { height: 1fr; margin-top: 1; }
    WizardFrame > #wizard-hint { color: $text-muted; height: 1; }
    """

    index: reactive[int] = reactive(0, init=False)

    def __init__(
        self,
        title: str,
        steps: list[WizardStep],
        *,
        hint: str = DEFAULT_HINT,
        bar: bool = False,
        lazy: bool = False,
        initial: int = 0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.wizard_title = title
        self.steps = steps
        self.hint = hint
        # The steps as one line ("1 基本信息  2 出席 …") instead of "第 n 步 / 共 N 步".
        self.bar = bar
        # Lazy: a step is mounted when first shown (and kept), so a wizard of many steps opens
        # at the cost of one; move with the async go_next / go_back / go_to then.
        self.lazy = lazy
        self.set_reactive(WizardFrame.index, initial)

    def compose(self) -> ComposeResult:
        yield Static(self.wizard_title, id="wizard-title", markup=False)
        yield Static(self._progress(), id="wizard-progress")
        with ContentSwitcher(initial=self.step.id):
            yield from [self.step] if self.lazy else self.steps
        if self.hint:
            yield Static(self.hint, id="wizard-hint", markup=False)

    @property
    def step(self) -> WizardStep:
        return self.steps[self.index]

    @property
    def shown(self) -> list[WizardStep]:
        """The steps that apply, in order."""
        return [s for s in self.steps if s.applies]

    @property
    def is_last(self) -> bool:
        shown = self.shown
        return bool(shown) and self.step is shown[-1]

    @property
    def is_first(self) -> bool:
        shown = self.shown
        return bool(shown) and self.step is shown[0]

    def number(self, step: WizardStep) -> int:
        """The step's number as the user sees it (1-based, among the steps that apply)."""
        return self.shown.index(step) + 1

    async def go_next(self) -> bool:
        """Show the next step that applies; False at the last."""
        later = [s for s in self.shown if self.steps.index(s) > self.index]
        if not later:
            return False
        await self.go_to(later[0])
        return True

    async def go_back(self) -> bool:
        """Show the previous step that applies; False at the first."""
        earlier = [s for s in self.shown if self.steps.index(s) < self.index]
        if not earlier:
            return False
        await self.go_to(earlier[-1])
        return True

    async def go_to(self, step: WizardStep) -> None:
        """Show ``step`` (mounting it first when the frame is lazy) with the cursor in it."""
        if step.parent is None:
            await self.query_one(ContentSwitcher).mount(step)
        index = self.steps.index(step)
        if index == self.index:  # no change, so no watcher: show it and focus it here
            self.query_one(ContentSwitcher).current = step.id
            self.refresh_progress()
            self.call_after_refresh(self.focus_step)
        self.index = index

    def _progress(self) -> Text:
        step = self.steps[self.index]
        shown = self.shown
        if not self.bar or not shown:
            number = shown.index(step) + 1 if step in shown else self.index + 1
            total = len(shown) or len(self.steps)
            return Text(f"第 {number} 步 / 共 {total} 步：{step.step_title}")
        text = Text()
        for number, item in enumerate(shown, 1):
            style = "bold reverse" if item is step else ""
            text.append(f" {number} {item.short} ", style=style)
        if step is not shown[0]:
            text.append("  PgUp 上一步", style="dim")
        return text

    def refresh_progress(self) -> None:
        """Redraw the progress line (after a step starts or stops applying)."""
        self.query_one("#wizard-progress", Static).update(self._progress())

    def watch_index(self, index: int) -> None:
        self.query_one(ContentSwitcher).current = self.steps[index].id
        self.refresh_progress()
        if self.lazy:
            # Nothing in a step now hidden may keep the keys while the new one gets ready.
            self.screen.set_focus(None)
        self.call_after_refresh(self.focus_step)

    def focus_step(self, tries: int = 5) -> None:
        """Put the cursor on the step's first field (or what the step says comes first); a
        step just mounted may need another refresh before its fields can take the focus."""
        first = getattr(self.step, "first_focus", None)
        target = first() if callable(first) else None
        if target is None:
            target = next((w for w in self.step.query("*") if w.focusable), None)
        if target is None:
            return
        if not target.focusable and tries > 0:
            self.call_after_refresh(self.focus_step, tries - 1)
            return
        target.focus()
