"""修改历史 (SYS-3, SYS-4): the versions of one meeting record, each with when and by whom it
was saved and what it changed; Enter shows a version's minutes, c what the next version
changed. What a secretary shows an inspection that asks what a record said before."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.version_changes import meeting_changes
from branchtui.domain.meetings.versions import (
    NOT_RECORDED,
    MeetingVersion,
    version_summary,
    versions_of,
)
from branchtui.domain.records import BranchData, Meeting
from branchtui.tui.registry.life import VERSION_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter

# (title, cells): 77 cells with the padding, so the list fits 80 columns.
COLUMNS = (("版本", 6), ("保存日期", 10), ("时间", 6), ("修改人", 10), ("本版改动", 35))
UNKNOWN = NOT_RECORDED  # a time or login name not stored (saved before schema 13)


class MeetingVersionsView(ModalScreen[None]):
    """The versions of ``meeting``, the first first; the current one last."""

    DEFAULT_CSS = """
    MeetingVersionsView { align: left top; background: $surface; }
    MeetingVersionsView > Vertical { height: 1fr; }
    MeetingVersionsView #versions-title { height: auto; max-height: 2; padding: 0 1; }
    MeetingVersionsView #versions-detail {
        height: auto; min-height: 2; max-height: 4; padding: 0 1; margin-bottom: 1;
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#versions-table"
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(VERSION_KEYS), *MODAL_KEYS]

    def __init__(self, data_dir: Path, data: BranchData, meeting: Meeting, title: str) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.data = data
        self.meeting = meeting
        self.title_text = title
        self.versions = versions_of(meeting)

    def compose(self) -> ComposeResult:
        count = len(self.versions)
        with Vertical():
            yield Static(
                f"修改历史：{terminal_safe(self.title_text)}\n共{count}个版本，第{count}版为当前版本",
                id="versions-title",
                markup=False,
            )
            yield Static(id="versions-detail", markup=False)
            table: DataTable[str | Text] = DataTable(id="versions-table", cursor_type="row")
            for title, width in COLUMNS:
                table.add_column(title, width=width)
            for index, version in enumerate(self.versions):
                summary = version_summary(self.versions, index, self.data)
                table.add_row(
                    f"第{version.number}版",
                    format_date(version.saved_on) or "不详",
                    version.saved_at or UNKNOWN,
                    cut_at_safe_point(terminal_safe(version.saved_by), 10) or UNKNOWN,
                    Text(cut_at_safe_point(summary, 35)),
                    key=str(version.number),
                )
            yield table
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#versions-table", DataTable)

    @property
    def selected(self) -> MeetingVersion:
        row = self.table.cursor_row
        return self.versions[min(max(row, 0), len(self.versions) - 1)]

    @on(DataTable.RowHighlighted, "#versions-table")
    def _highlighted(self) -> None:
        self.query_one("#versions-detail", Static).update(self._detail(self.selected))

    def _detail(self, version: MeetingVersion) -> str:
        """The whole of what the row cuts short: the parts changed and the reason given."""
        index = version.number - 1
        lines = [f"{version.header}  本版改动：{version_summary(self.versions, index, self.data)}"]
        if version.reason:
            lines.append(f"修改原因：{terminal_safe(version.reason)}")
        if version.problem:
            lines.append(version.problem)
        return "\n".join(lines)

    @on(DataTable.RowSelected, "#versions-table")
    def _chosen(self) -> None:
        self.action_view()

    def action_view(self) -> None:
        version = self.selected
        if version.meeting is None:
            self.notify(version.problem, severity="warning", timeout=8)
            return
        from branchtui.tui.screens.minutes_view import MinutesView

        if version.current:
            header, compare = version.header, None
        else:
            header = (
                f"{version.header}\n按该版保存的内容生成；按 c 查看第{version.number + 1}版改了什么"
            )
            compare = self.action_compare
        self.app.push_screen(
            MinutesView(
                self.data_dir,
                self.data,
                version.meeting,
                header=header,
                from_file=version.current,
                compare=compare,
            )
        )

    def action_compare(self) -> None:
        version = self.selected
        if version.current:
            self.notify(
                f"第{version.number}版是当前版本，之后没有修改；在较早的版本上按 c 对比",
                timeout=6,
            )
            return
        after = self.versions[version.number]
        if version.meeting is None or after.meeting is None:
            problem = version.problem or after.problem
            self.notify(problem, severity="warning", timeout=8)
            return
        from branchtui.tui.screens.version_changes import VersionChangesView

        changes = meeting_changes(version.meeting, after.meeting, self.data)
        self.app.push_screen(VersionChangesView(version, after, changes))

    def action_close(self) -> None:
        self.dismiss(None)
