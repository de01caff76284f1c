"""A form's drop-down: choosing with Enter moves on to the next field, as Enter does in a box.

Textual's Select keeps the cursor after a choice, so a secretary going down a form with Enter
(「Enter 下一项」) would open the same list again instead of reaching the next field.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.binding import BindingType
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from branchtui.tui.registry.forms import FORM_SELECT_KEYS, SELECT_LIST_KEYS
from branchtui.tui.registry.spec import keys_of

# The open list's one key is shown in the Footer, in Textual's English ("Dismiss menu"): said in
# Chinese. Bindings are merged when a class is made, so they are merged again here.
SelectOverlay.BINDINGS = keys_of(SELECT_LIST_KEYS)
SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()


class FormSelect(Select[str]):
    """A Select that hands the cursor to the next field once an option is chosen.

    A digit typed on it while its form holds typed input is not the area key it is elsewhere
    (the user meant a choice; leaving would ask to throw the form away): it says how to leave.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys_of(FORM_SELECT_KEYS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stay":
            from branchtui.tui.saving import typed

            return typed(self.screen)  # else the digit goes on to the area keys
        return True

    def action_stay(self) -> None:
        self.notify("表单尚未保存：Ctrl+S 保存，或 Esc 取消后再切换", timeout=4)

    moving_on = False  # an option was chosen: the focus coming back moves on

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self, _event: SelectOverlay.UpdateSelection) -> None:
        # Select's own handler (run after this one) sets the value, closes the list and asks
        # for the focus back (app.call_later): the cursor moves on when that focus arrives.
        # (Moving on after the repaint instead raced with it: before the focus came back it
        # did nothing, and the keys typed next went to the drop-down.)
        self.moving_on = True

    @on(events.Focus)
    def _focused(self) -> None:
        if self.moving_on:
            self.moving_on = False
            if not self.expanded:
                self.screen.focus_next()

    @on(events.Blur)
    def _blurred(self) -> None:
        self.moving_on = False  # chosen while the select itself had the focus: it stays
