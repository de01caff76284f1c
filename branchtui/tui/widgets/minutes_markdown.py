"""A Markdown view for meeting minutes whose tables wrap long cells instead of cutting them.

Textual's Markdown tables end a cell that does not fit with "…": a 党员大会's 请假人员 with
their reasons, a long 议题 or an 整改措施 lost its end in the review step and the minutes
viewer. Here every cell wraps; in a two-column table (项目 | 内容) the labels stay on one line
and the contents wrap beside them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock, MarkdownTable, MarkdownTableContent


class WrappingTableContent(MarkdownTableContent):
    """The cells of a minutes table, wrapped; a two-column table's labels kept whole."""

    DEFAULT_CSS = """
    WrappingTableContent > .cell, WrappingTableContent > .header {
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    def on_mount(self) -> None:
        super().on_mount()
        if len(self.headers) == 2:
            # 项目 | 内容: the labels' own width, the contents wrapped in the rest.
            self.styles.grid_columns = "auto 1fr"


class WrappingTable(MarkdownTable):
    def compose(self) -> ComposeResult:
        headers, rows = self._get_headers_and_rows()
        self._headers, self._rows = headers, rows
        yield WrappingTableContent(headers, rows)


class MinutesMarkdown(Markdown):
    """Markdown with tables that never hide the end of a cell."""

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        if block_name == "table_open":
            return WrappingTable
        return super().get_block_class(block_name)
