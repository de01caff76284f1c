"""台账汇编: the year's records as ledger volumes, one per 台账 category (组织建设 … 制度), each
numbered in date order; the highlighted volume is previewed, and one or all are saved to
reports/YYYY-ledger/ ready to print and bind."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from branchtui.domain.ledger_volume import VOLUMES, ledger_volume
from branchtui.storage.report_paths import ledger_folder
from branchtui.tui.registry.reports import LEDGER_VOLUMES
from branchtui.tui.screens.report_base import PreviewScreen
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.report_preview import ReportPreview

CATEGORIES = list(VOLUMES)


class Counted(Message):
    """How many entries each volume of ``year`` holds (request ``request``)."""

    def __init__(self, request: int, counts: dict[str, int]) -> None:
        super().__init__()
        self.request = request
        self.counts = counts


class LedgerVolumesScreen(PreviewScreen):
    """The twelve categories above, the highlighted volume below."""

    AUTO_FOCUS = "#volume-table"
    SCREEN_ID = LEDGER_VOLUMES.id
    BINDINGS: ClassVar[list[BindingType]] = LEDGER_VOLUMES.bindings()
    COPY_WHAT = "台账"

    def __init__(self) -> None:
        super().__init__()
        self.counting = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="volume-info", classes="list-status", markup=False)
        table: DataTable[str] = DataTable(id="volume-table", cursor_type="row")
        table.add_columns("编号", "类别")
        table.add_column("条数", width=6)  # filled in by a worker: a fixed width, no jump
        for number, (key, label) in enumerate(VOLUMES.items(), start=1):
            table.add_row(f"{number:02d}", label, "…", key=key)
        yield table
        yield ReportPreview(id="volume-preview")
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#volume-table", DataTable)

    @property
    def category(self) -> str:
        row = self.table.cursor_row
        return CATEGORIES[row] if 0 <= row < len(CATEGORIES) else CATEGORIES[0]

    def reload(self) -> None:
        if not self.year:
            self.year = self.today.year - 1 if self.today.month < 3 else self.today.year
        self.sub_title = f"{self.year}年度台账汇编"
        folder = ledger_folder(self.store.data_dir, self.year).relative_to(self.store.data_dir)
        self.query_one("#volume-info", Static).update(
            f"{self.year}年度台账，共{len(VOLUMES)}册，保存到 {folder.as_posix()}/｜Tab 到预览"
        )
        self.counting += 1
        self._count(self.counting, self.year)
        self._show_volume()

    @work(thread=True, exclusive=True, group="ledger-count", description="统计台账条数")
    def _count(self, request: int, year: int) -> None:
        data, today = self.data, self.today
        counts = {key: ledger_volume(data, year, key, today)["count"] for key in CATEGORIES}
        self.post_message(Counted(request, counts))

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        if event.request != self.counting:
            return
        for key, count in event.counts.items():
            self.table.update_cell(key, self.table.ordered_columns[2].key, f"{count}条")

    def _show_volume(self) -> None:
        store, data, year, today, category = (
            self.store,
            self.data,
            self.year,
            self.today,
            self.category,
        )

        def render() -> str:
            # Imported in the worker on first use (Jinja2 …), not on the UI thread.
            from branchtui.storage.reports import render_ledger_volume

            return render_ledger_volume(store, data, year, category, today)[1]

        self.render_preview(f"{year}-{category}", render)

    @on(DataTable.RowHighlighted, "#volume-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_volume()

    @on(DataTable.RowSelected, "#volume-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.preview.focus()

    def _save(self, categories: list[str]) -> None:
        store, year, today = self.store, self.year, self.today

        def save() -> str:
            from branchtui.storage.reports import make_ledger_volumes

            written = make_ledger_volumes(store, year, today, categories=categories)
            folder = written[0].path.parent.relative_to(store.data_dir).as_posix()
            if len(written) == 1:
                return f"已保存{year}年度台账：{folder}/{written[0].path.name}"
            return f"已保存{year}年度台账 {len(written)} 册：{folder}/"

        self.run_job(save)

    def action_save(self) -> None:
        self._save([self.category])

    def action_save_all(self) -> None:
        self._save(CATEGORIES)
