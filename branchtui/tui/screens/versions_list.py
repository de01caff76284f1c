"""The list of a record's versions (修改历史, SYS-3, SYS-4): one row per version with when and
by whom it was saved (未记录 when not stored) and what it changed, the whole of it and the
reason under the title. The meeting's and the 民主评议's version screens are made of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.versions import NOT_RECORDED, RecordVersion
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

# (title, cells): 77 cells with the padding, so the list fits 80 columns.
COLUMNS = (("版本", 6), ("保存日期", 10), ("时间", 6), ("修改人", 10), ("本版改动", 35))


class VersionsList(ModalScreen[None]):
    """``versions`` of one record, the first first; ``summary(index)`` says what a version
    changed. Subclasses add their keys (``BINDINGS``) and what Enter does."""

    DEFAULT_CSS = """
    VersionsList { align: left top; background: $surface; }
    VersionsList > Vertical { height: 1fr; }
    VersionsList #versions-title { height: auto; max-height: 2; padding: 0 1; }
    VersionsList #versions-detail {
        height: auto; min-height: 2; max-height: 4; padding: 0 1; margin-bottom: 1;
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#versions-table"

    def __init__(
        self,
        title: str,
        versions: Sequence[RecordVersion[Any]],
        summary: Callable[[int], str],
    ) -> None:
        super().__init__()
        self.title_text = title
        self.versions = list(versions)
        self.summary = summary

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
                table.add_row(
                    f"第{version.number}版",
                    format_date(version.saved_on) or "不详",
                    version.saved_at or NOT_RECORDED,
                    cut_at_safe_point(terminal_safe(version.saved_by), 10) or NOT_RECORDED,
                    Text(cut_at_safe_point(self.summary(index), 35)),
                    key=str(version.number),
                )
            yield table
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#versions-table", DataTable)

    @property
    def selected(self) -> RecordVersion[Any]:
        row = self.table.cursor_row
        return self.versions[min(max(row, 0), len(self.versions) - 1)]

    @on(DataTable.RowHighlighted, "#versions-table")
    def _highlighted(self) -> None:
        self.query_one("#versions-detail", Static).update(self._detail(self.selected))

    def _detail(self, version: RecordVersion[Any]) -> str:
        """The whole of what the row cuts short: the parts changed and the reason given."""
        lines = [f"{version.header}  本版改动：{self.summary(version.number - 1)}"]
        if version.reason:
            lines.append(f"修改原因：{terminal_safe(version.reason)}")
        if version.problem:
            lines.append(version.problem)
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
