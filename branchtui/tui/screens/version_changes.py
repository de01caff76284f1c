"""What one amendment of a meeting record changed (SYS-3, SYS-4): the changes the domain lists
(domain/meetings/version_changes.py), grouped by the part of the minutes, before and after."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.version_changes import Change
from branchtui.domain.meetings.versions import MeetingVersion
from branchtui.tui.registry.life import CHANGES_CLOSE
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter

# A change whose line is longer than this is shown before and after on lines of their own.
ONE_LINE_CELLS = 74


def amendment_line(after: MeetingVersion) -> str:
    """``2026-11-27 15:42 由 zhangsan 修改；修改原因：补记地点``: who made ``after``, when, why."""
    when = " ".join(p for p in (format_date(after.saved_on), after.saved_at) if p) or "日期不详"
    who = f" 由 {terminal_safe(after.saved_by)}" if after.saved_by else ""
    why = f"；修改原因：{terminal_safe(after.reason)}" if after.reason else ""
    return f"{when}{who} 修改{why}"


def changes_view(changes: Sequence[Change]) -> Group:
    """The changes under their parts: ``【地点】`` then ``  地点：党员活动室 → 三楼会议室``; a
    long one on three lines (what, 修改前, 修改后), wrapped lines kept indented."""
    lines: list[RenderableType] = []
    part = None
    for change in changes:
        if change.part != part:
            if part is not None:
                lines.append(Text())
            part = change.part
            lines.append(Text(f"【{part}】", style="bold"))
        item = terminal_safe(change.item)
        before, after = terminal_safe(change.before), terminal_safe(change.after)
        line = f"{item}：{before} → {after}"
        if "\n" not in line and cell_len(line) <= ONE_LINE_CELLS:
            lines.append(Padding(Text(line), (0, 0, 0, 2)))
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(Text("修改前", style="red"), Text(before))
        grid.add_row(Text("修改后", style="green"), Text(after))
        lines += [Padding(Text(f"{item}："), (0, 0, 0, 2)), Padding(grid, (0, 0, 0, 4))]
    return Group(*lines)


class VersionChangesView(ModalScreen[None]):
    """What changed from ``before`` to ``after`` (the next version), field by field."""

    DEFAULT_CSS = """
    VersionChangesView { align: left top; background: $surface; }
    VersionChangesView > Vertical { height: 1fr; }
    VersionChangesView #changes-title { height: auto; max-height: 3; padding: 0 1; }
    VersionChangesView #changes-scroll { height: 1fr; padding: 0 1; }
    """
    AUTO_FOCUS = "#changes-scroll"
    BINDINGS: ClassVar[list[BindingType]] = [CHANGES_CLOSE.binding(), *MODAL_KEYS]

    def __init__(
        self, before: MeetingVersion, after: MeetingVersion, changes: Sequence[Change]
    ) -> None:
        super().__init__()
        self.before = before
        self.after = after
        self.changes = list(changes)

    def compose(self) -> ComposeResult:
        title = f"第{self.before.number}版 → 第{self.after.number}版 改了什么"
        with Vertical():
            yield Static(
                Text.assemble((title, "bold"), "\n", amendment_line(self.after)),
                id="changes-title",
            )
            with VerticalScroll(id="changes-scroll", can_focus=True):
                body = changes_view(self.changes) if self.changes else Text("两版内容没有不同。")
                yield Static(body, id="changes-text")
        yield BranchFooter()

    def action_close(self) -> None:
        self.dismiss(None)
