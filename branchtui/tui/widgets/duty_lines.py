"""The duties a screen settles, one line each above its list, judged again after every save.

Registers, the dues grid and the attendance list show the rules they settle as the dashboard
judges them: ``DutyLines(rules).judge(data)`` computes the obligations off the UI thread and
shows those of its rules; a later call makes an earlier, slower answer count for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.widgets import Static

from branchtui.domain.obligations import STATUS_LABELS, Obligation
from branchtui.domain.records import BranchData
from branchtui.tui.obligations import ObligationsComputed, compute_obligations
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.obligation_list import STATUS_STYLES

if TYPE_CHECKING:
    from branchtui.tui.app import BranchApp


def duty_lines(obligations: list[Obligation]) -> Text:
    """One line per duty: its rule ID, status and short detail (markup-safe)."""
    text = Text()
    for ob in obligations:
        if text:
            text.append("\n")
        text.append(f"{ob.rule} ", style="bold")
        text.append(STATUS_LABELS.get(ob.status, ob.status), style=STATUS_STYLES.get(ob.status, ""))
        text.append(f"  {terminal_safe(ob.short)}")
    return text


class DutyLines(Static):
    """The obligations of ``rules`` at the app's today, one line each."""

    def __init__(self, rules: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="register-duties")
        self.rules = frozenset(rules)
        self.request = 0

    def judge(self, data: BranchData) -> None:
        """Judge the rules again over ``data`` (a snapshot taken after the latest save)."""
        self.request += 1
        self._judge(self.request, data)

    @work(thread=True, exclusive=True, group="duty-lines", description="检查规则")
    def _judge(self, request: int, data: BranchData) -> None:
        app = cast("BranchApp", self.app)
        self.post_message(
            ObligationsComputed(request, compute_obligations(app.data_dir, data, app.today))
        )

    @on(ObligationsComputed)
    def _judged(self, message: ObligationsComputed) -> None:
        message.stop()
        if message.request == self.request:
            mine = [ob for ob in message.result.obligations if ob.rule in self.rules]
            self.update(duty_lines(mine))
