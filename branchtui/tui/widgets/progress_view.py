"""The year's progress as bars; the rows themselves come from domain.progress."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from branchtui.domain.progress import ProgressRow

BAR_WIDTH = 12


def _number(value: float) -> str:
    return f"{value:g}"


def bar(ratio: float, style: str = "green", width: int = BAR_WIDTH) -> Text:
    """A bar of coloured spaces: block characters are ambiguous-width and break CJK columns."""
    filled = round(ratio * width)
    # Reverse video keeps the filled part visible on terminals without colour.
    return Text.assemble((" " * filled, f"reverse {style}"), (" " * (width - filled), "on grey23"))


class ProgressView(Static):
    """The year's bars; ``show(rows, year)`` redraws them."""

    def show(self, rows: list[ProgressRow], year: int) -> None:
        grid = Table.grid(padding=(0, 1))
        grid.title = f"{year}年进度"
        grid.title_justify = "left"
        grid.title_style = "bold"
        grid.add_column(width=10, no_wrap=True)
        grid.add_column(width=BAR_WIDTH, no_wrap=True)
        grid.add_column(no_wrap=True)
        for row in rows:
            style = "green" if row.ratio >= 1 else "yellow"
            amount = f"{_number(row.done)}/{_number(row.required)} {row.unit}"
            grid.add_row(row.label, bar(row.ratio, style), amount)
        if not rows:
            grid.add_row("暂无数据", "", "")
        self.update(grid)
