"""电子台帐 (SYS-3): the year's meetings and activities with their recorder, photos and whether
they are filed (domain.ledger_filing); f files the highlighted one, g every one not yet filed,
k opens 台账体检 to mend a record (a missing recorder is set in the meeting's wizard)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.dates import format_date
from branchtui.domain.ledger_filing import LedgerRow, filing_changes, ledger_rows
from branchtui.domain.obligations import Obligation
from branchtui.domain.records.ledgers import LEDGER_CATEGORIES
from branchtui.tui.registry.systems import LEDGER
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.footer import BranchFooter

COLUMNS = (("日期", 10), ("类别", 8), ("会议或活动", 28), ("记录人", 6), ("照片", 4), ("归档", 6))


class LedgerScreen(DataScreen):
    """The year's records as the electronic ledger lists them."""

    SCREEN_ID = LEDGER.id
    BINDINGS: ClassVar[list[BindingType]] = LEDGER.bindings()
    AUTO_FOCUS = "#ledger-table"

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None  # None: this year
        self.rows: list[LedgerRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield DutyLines(("SYS-3",), id="register-duties")
        yield Static(id="ledger-headline", classes="register-headline", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="ledger-table", cursor_type="row", zebra_stripes=True
        )
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        yield table
        yield BranchFooter()

    @property
    def shown_year(self) -> int:
        return self.year if self.year is not None else self.today.year

    def reload(self) -> None:
        year = self.shown_year
        self.sub_title = f"{LEDGER.title}：{year}年"
        table = self.query_one("#ledger-table", DataTable)
        current = self._highlighted()
        self.rows = ledger_rows(self.data, year, self.today)[::-1]  # newest first
        table.clear()
        for row in self.rows:
            recorder = self.data.find("members", row.recorder_id) if row.recorder_id else None
            table.add_row(
                format_date(row.date),
                LEDGER_CATEGORIES.get(row.category, row.category),
                terminal_safe(row.title),
                terminal_safe(getattr(recorder, "name", ""))
                if recorder
                else Text("未指定", style="bold red"),
                str(row.photos) if row.photos else "无",
                "已归档" if row.filed else Text("未归档", style="bold yellow"),
                key=row.record_id,
            )
        if current is not None:
            self.select(current.record_id)
        unfiled = sum(1 for r in self.rows if not r.filed)
        nobody = sum(1 for r in self.rows if not r.recorder_id)
        headline = (
            f"{year}年会议和活动 {len(self.rows)} 条，已归档 {len(self.rows) - unfiled} 条"
            + (f"，未指定记录人 {nobody} 条（按 k 去修改）" if nobody else "")
            if self.rows
            else f"{year}年尚无会议和活动记录"
        )
        self.query_one("#ledger-headline", Static).update(headline)
        self.query_one(DutyLines).judge(self.data)

    def _highlighted(self) -> LedgerRow | None:
        row = self.query_one("#ledger-table", DataTable).cursor_row
        if not self.rows or row is None or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def select(self, record_id: str) -> bool:
        for index, row in enumerate(self.rows):
            if row.record_id == record_id:
                self.query_one("#ledger-table", DataTable).move_cursor(row=index)
                return True
        return False

    def action_file(self) -> None:
        row = self._highlighted()
        if row is None:
            self.notify("请先选中一条记录", severity="warning")
        elif row.filed:
            self.notify(f"「{row.title}」已归入台帐", timeout=3)
        else:
            changes = filing_changes([row], self.today)
            self.commit(lambda tx: tx.apply(changes), f"已将「{row.title}」归入台帐")

    def action_file_all(self) -> None:
        unfiled = [r for r in self.rows if not r.filed]
        if not unfiled:
            self.notify(f"{self.shown_year}年的记录均已归档", timeout=3)
            return
        changes = filing_changes(unfiled, self.today)
        self.commit(lambda tx: tx.apply(changes), f"已将{len(unfiled)}条记录归入台帐")

    def action_checks(self) -> None:
        self.run_worker(self.branch_app.open_screen("record_checks"), group="open-checks")

    def action_shift_year(self, delta: int) -> None:
        year = self.shown_year + delta
        if not 1921 <= year <= self.today.year:
            self.notify(f"只能查看1921年到{self.today.year}年的台帐", severity="warning")
            return
        self.year = None if year == self.today.year else year
        self.reload()

    def settle(self, ob: Obligation) -> None:
        """SYS-3 opened from the duties: its year, the cursor on the first record it names."""
        if ob.period.isdigit():
            self.year = None if int(ob.period) == self.today.year else int(ob.period)
            self.reload()
        for ref in ob.refs:
            if self.select(ref):
                return
