"""修改历史 of a 民主评议 (SYS-3, SYS-4): its versions, each with when and by whom it was saved,
the reason given and what it changed (the grades of how many members, the steps, the votes) —
kept as a meeting's are, since the appraisal is amended with its meeting."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.versions import (
    NOT_RECORDED,
    appraisal_version_summary,
    appraisal_versions,
)
from branchtui.domain.records import Appraisal
from branchtui.tui.registry.life import APPRAISAL_VERSION_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.meeting_versions import COLUMNS
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter


class AppraisalVersionsView(ModalScreen[None]):
    """The versions of one year's 民主评议, the first first; the current one last."""

    DEFAULT_CSS = """
    AppraisalVersionsView { align: left top; background: $surface; }
    AppraisalVersionsView > Vertical { height: 1fr; }
    AppraisalVersionsView #versions-title { height: auto; max-height: 2; padding: 0 1; }
    AppraisalVersionsView #versions-detail {
        height: auto; min-height: 2; max-height: 4; padding: 0 1; margin-bottom: 1;
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#versions-table"
    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(APPRAISAL_VERSION_KEYS), *MODAL_KEYS]

    def __init__(self, appraisal: Appraisal) -> None:
        super().__init__()
        self.appraisal = appraisal
        self.versions = appraisal_versions(appraisal)

    def compose(self) -> ComposeResult:
        count = len(self.versions)
        with Vertical():
            yield Static(
                f"修改历史：{self.appraisal.year}年民主评议党员\n"
                f"共{count}个版本，第{count}版为当前版本",
                id="versions-title",
                markup=False,
            )
            yield Static(id="versions-detail", markup=False)
            table: DataTable[str | Text] = DataTable(id="versions-table", cursor_type="row")
            for title, width in COLUMNS:
                table.add_column(title, width=width)
            for index, version in enumerate(self.versions):
                summary = appraisal_version_summary(self.versions, index)
                table.add_row(
                    f"第{version.number}版",
                    format_date(version.saved_on) or "不详",
                    version.saved_at or NOT_RECORDED,
                    cut_at_safe_point(terminal_safe(version.saved_by), 10) or NOT_RECORDED,
                    Text(cut_at_safe_point(summary, 35)),
                    key=str(version.number),
                )
            yield table
        yield BranchFooter()

    @on(DataTable.RowHighlighted, "#versions-table")
    def _highlighted(self) -> None:
        row = self.query_one("#versions-table", DataTable).cursor_row
        version = self.versions[min(max(row, 0), len(self.versions) - 1)]
        lines = [
            f"{version.header}  本版改动："
            f"{appraisal_version_summary(self.versions, version.number - 1)}"
        ]
        if version.reason:
            lines.append(f"修改原因：{terminal_safe(version.reason)}")
        if version.problem:
            lines.append(version.problem)
        self.query_one("#versions-detail", Static).update("\n".join(lines))

    def action_close(self) -> None:
        self.dismiss(None)
