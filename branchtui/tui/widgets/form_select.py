"""A form's drop-down: choosing with Enter moves on to the next field, as Enter does in a box.

Textual's Select keeps the cursor after a choice, so a secretary going down a form with Enter
(「Enter 下一项」) would open the same list again instead of reaching the next field.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

# The open list's one key is shown in the Footer, in Textual's English ("Dismiss menu"): said in
# Chinese. Bindings are merged when a class is made, so they are merged again here.
SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "收起列表", tooltip="收起下拉列表")]
SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()


class FormSelect(Select[str]):
    """A Select that hands the cursor to the next field once an option is chosen."""

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self, _event: SelectOverlay.UpdateSelection) -> None:
        # Select's own handler (run after this one) sets the value and focuses the select:
        # move on once that is done.
        self.call_after_refresh(self._move_on)

    def _move_on(self) -> None:
        if self.has_focus and not self.expanded:
            self.screen.focus_next()
