"""台账体检 (SYS-3): what inspectors would flag in the year's meeting records and appraisals, one
line per defect with its record; Enter (or f) opens the record's wizard at the step and the
field that fix it. Defects are warnings: the records were saved, and can be fixed any time."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.checks import Defect
from branchtui.domain.meetings.titles import meeting_subject
from branchtui.domain.obligations.base import Obligation
from branchtui.storage.folder_obligations import defects_for_folder
from branchtui.storage.minutes import SavedMeeting
from branchtui.tui.registry.life import RECORD_CHECKS
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.wizards.meeting_steps.base import SHORT_KINDS
from branchtui.tui.text import cut_at_safe_point, terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

# (title, cells): 72 cells and the padding make 80 columns.
COLUMNS = (("日期", 10), ("记录", 16), ("问题", 38), ("规则", 8))


class RecordChecksScreen(DataScreen):
    """The ledger's defects of one year, oldest first."""

    AUTO_FOCUS = "#checks-table"
    SCREEN_ID = RECORD_CHECKS.id
    BINDINGS: ClassVar[list[BindingType]] = RECORD_CHECKS.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None
        self.defects: list[Defect] = []
        self.request = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="checks-info", classes="filter-bar", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="checks-table", cursor_type="row", zebra_stripes=True
        )
        for title, width in COLUMNS:
            table.add_column(title, width=width)
        yield table
        yield Static(id="checks-detail", classes="hint", markup=False)
        yield Static(id="checks-count", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#checks-table", DataTable)

    def reload(self) -> None:
        self.sub_title = "台账体检"
        year = self.year or self.today.year
        self.query_one("#checks-info", Static).update(f"{year}年的会议记录和民主评议（正在检查…）")
        self.request += 1
        self._check(self.request, year)

    @work(thread=True, exclusive=True, group="record-checks", description="台账体检")
    def _check(self, request: int, year: int) -> None:
        found = defects_for_folder(self.branch_app.data_dir, self.data, year=year, on=self.today)
        self.app.call_from_thread(self._show, request, year, found.defects, found.problem)

    def _show(self, request: int, year: int, defects: list[Defect], problem: str) -> None:
        if request != self.request:
            return
        self.defects = defects
        table = self.table
        row = table.cursor_row
        table.clear()
        for i, d in enumerate(defects):
            title = terminal_safe(self._record_label(d))
            table.add_row(
                format_date(d.date),
                Text(cut_at_safe_point(title, 16)),
                Text(cut_at_safe_point(terminal_safe(d.message), 38)),
                d.rule,
                key=str(i),
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        records = len({d.record_id for d in defects})
        info = f"{year}年的会议记录和民主评议：{records}条记录有{len(defects)}处问题"
        if not defects:
            info = f"{year}年的会议记录和民主评议：未发现问题"
        self.query_one("#checks-info", Static).update(info)
        hint = "Enter 打开该记录修改（光标在有问题的地方）   [ ] 换年度"
        self.query_one("#checks-count", Static).update(terminal_safe(problem) or hint)

    def _record_label(self, defect: Defect) -> str:
        """``支委会研究本月工作``: the short kind and the topic (the date has its column)."""
        if defect.table == "appraisals":
            return "民主评议"
        meeting = self.data.find("meetings", defect.record_id)
        if meeting is None or not meeting.kinds:
            return defect.title.split(" ", 1)[-1]
        subject = meeting_subject(meeting)
        return SHORT_KINDS.get(meeting.kinds[0], "会议") + subject

    @on(DataTable.RowHighlighted, "#checks-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The whole of the highlighted defect under the list (the column cuts it)."""
        row = event.cursor_row
        if 0 <= row < len(self.defects):
            d = self.defects[row]
            text = f"{d.title}：{d.message}（{d.rule}）"
        else:
            text = ""
        self.query_one("#checks-detail", Static).update(terminal_safe(text))

    def action_shift_year(self, step: int) -> None:
        self.year = (self.year or self.today.year) + step
        self.reload()

    @on(DataTable.RowSelected, "#checks-table")
    def _chosen(self) -> None:
        self.action_fix()

    def action_fix(self) -> None:
        row = self.table.cursor_row
        if not self.defects or not 0 <= row < len(self.defects):
            return
        defect = self.defects[row]
        meeting_id: str | None = defect.record_id
        path = defect.field
        if defect.table == "appraisals":
            appraisal = self.data.find("appraisals", defect.record_id)
            meeting_id = appraisal.meeting_id if appraisal is not None else None
            path = f"appraisal:{defect.field}"
        meeting = self.data.find("meetings", meeting_id) if meeting_id else None
        if meeting is None:
            self.notify("该评议没有对应的会议记录，无法在向导中修改", severity="warning")
            return
        from branchtui.tui.screens.wizards.meeting_start import amend_work, open_work

        open_work(self, amend_work(self, meeting), self._done, path=path)

    def _done(self, saved: SavedMeeting | None) -> None:
        self.reload()

    def settle(self, obligation: Obligation) -> None:
        """SYS-3's warning lists the records: show the year it is about."""
        if obligation.period[:4].isdigit():
            self.year = int(obligation.period[:4])
            self.reload()
