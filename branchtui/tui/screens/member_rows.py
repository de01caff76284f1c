"""A list with one row per member, a line about it above and a status line below; Enter on a
row runs the screen's main action (欠费补交 and 党费标准 are such lists)."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from branchtui.domain.records import Member
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.footer import BranchFooter

Row = TypeVar("Row")


class MemberRowsScreen(DataScreen, Generic[Row]):
    """Subclasses set ``COLUMNS``, fill ``shown`` in ``reload`` and say whose each row is."""

    COLUMNS: ClassVar[tuple[str, ...]]
    AUTO_FOCUS = "#rows-table"

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="rows-info", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="rows-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*self.COLUMNS)
        yield table
        yield Static(id="rows-status", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#rows-table", DataTable)

    def member_of(self, row: Row) -> Member:
        raise NotImplementedError

    def highlighted(self) -> Row | None:
        try:
            index = self.table.cursor_row
        except Exception:  # before the table is mounted
            return None
        return self.shown[index] if self.shown and 0 <= index < len(self.shown) else None

    def select(self, member_id: str) -> bool:
        """Move the cursor to the member's row; False when the member is not listed."""
        for index, row in enumerate(self.shown):
            if self.member_of(row).id == member_id:
                self.table.move_cursor(row=index)
                return True
        return False

    def show_info(self, text: str) -> None:
        self.query_one("#rows-info", Static).update(text)

    def show_status(self, text: str) -> None:
        self.query_one("#rows-status", Static).update(text)

    def row_chosen(self) -> None:
        """Enter on a row."""

    @on(DataTable.RowSelected, "#rows-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.row_chosen()
