"""The dues grid: one row per member, one column per month of the year, moved over by cell.

Each cell is one Chinese character (两格宽, no ambiguous-width symbols): 已 paid, 少 paid less
than the year's amount, 欠 in arrears (may still be paid back), 超 in arrears beyond the
back-payment limit, 未 this month not yet paid, - nothing owed (before the member's dues
start here, or after removal); a later month not yet paid is blank. A member's name is red
when NAT-5's warning applies (3 months or more unpaid in a row).
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import DataTable

from branchtui.domain.dates import month_key
from branchtui.domain.dues_year import DuesMonth, DuesRow
from branchtui.tui.shown_names import shown_names
from branchtui.tui.text import terminal_safe

MARKS = {
    "paid": ("已", "green"),
    "partial": ("少", "yellow"),
    "arrears": ("欠", "bold red"),
    "beyond": ("超", "red reverse"),
    "not_due": ("-", "dim"),
}
LEGEND = "已=已交 少=未交足 欠=欠交 超=超6个月 未=本月未交 -=无需交纳"
FIRST_MONTH_COLUMN = 2  # 姓名, 标准, then January


class DuesGrid(DataTable[str | Text]):
    """A year of dues; ``show(rows, year, today, warn_at)`` redraws it, keeping the cursor."""

    DEFAULT_CSS = """
    DuesGrid {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", fixed_columns=1, zebra_stripes=True)
        self.rows_shown: list[DuesRow] = []
        self.year = 0

    def on_mount(self) -> None:
        self.add_column("姓名", key="name")
        self.add_column("标准", key="amount")
        for month in range(1, 13):
            self.add_column(str(month), key=f"m{month:02d}")
        self.add_column("欠", key="arrears")

    def show(self, rows: list[DuesRow], year: int, today: dt.date, warn_at: int) -> None:
        """Redraw with ``rows`` of ``year``; the cursor stays on the same member and month."""
        member_id, column = self.cursor_member_id(), self.cursor_coordinate.column
        self.rows_shown = rows
        self.year = year
        self.clear()
        this_month = month_key(today)
        names = shown_names(self.app, [row.member for row in rows])  # 张伟（1985年生）
        for row in rows:
            name = Text(terminal_safe(names[row.member.id]), no_wrap=True, overflow="ellipsis")
            if row.streak >= warn_at:
                name.stylize("bold red")
            elif row.member.removed is not None:
                name.stylize("dim")
            # An amount not yet set for the year (the calculator's) is dimmed.
            amount = Text("" if row.amount is None else f"{row.amount:g}")
            if not row.rate_set:
                amount.stylize("dim italic")
            arrears = Text(str(row.arrears), style="bold red") if row.arrears else ""
            cells = [_mark(m, this_month) for m in row.months]
            self.add_row(name, amount, *cells, arrears, key=row.member.id)
        if member_id is not None:
            self.move_to(member_id, None, column)
        elif rows:  # first shown: this month's column
            month = today.month if year == today.year else 1
            self.move_cursor(row=0, column=FIRST_MONTH_COLUMN + month - 1)

    def cursor_member_id(self) -> str | None:
        row = self.cursor_row_data()
        return row.member.id if row is not None else None

    def cursor_row_data(self) -> DuesRow | None:
        index = self.cursor_coordinate.row
        return self.rows_shown[index] if 0 <= index < len(self.rows_shown) else None

    def cursor_month(self) -> str | None:
        """The month (``YYYY-MM``) of the cursor's column; None on the name or totals."""
        month = self.cursor_coordinate.column - FIRST_MONTH_COLUMN + 1
        return f"{self.year:04d}-{month:02d}" if 1 <= month <= 12 else None

    def cursor_cell(self) -> tuple[DuesRow, DuesMonth] | None:
        row, month = self.cursor_row_data(), self.cursor_month()
        if row is None or month is None:
            return None
        found = row.month(month)
        return (row, found) if found is not None else None

    def move_to(self, member_id: str, month: str | None, column: int | None = None) -> bool:
        """Put the cursor on the member's row, in ``month``'s column (or ``column``)."""
        for index, row in enumerate(self.rows_shown):
            if row.member.id == member_id:
                if month is not None and month[:4] == f"{self.year:04d}":
                    column = FIRST_MONTH_COLUMN + int(month[5:]) - 1
                target = column if column is not None else FIRST_MONTH_COLUMN
                self.move_cursor(row=index, column=target)
                return True
        return False


def _mark(month: DuesMonth, this_month: str) -> str | Text:
    if month.state == "open":
        return Text("未", style="yellow") if month.month == this_month else ""
    text, style = MARKS[month.state]
    return Text(text, style=style)
