"""The baseline for cold start: a bare Textual app with a Header, a 200-row DataTable and a Footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    TITLE = "基准应用"
    BINDINGS: ClassVar = [("ctrl+q", "quit", "退出")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("序号", "姓名", "党小组", "类别", "入党时间")
        table.add_rows(
            (str(n), f"党员{n:03d}", f"第{n % 6 + 1}党小组", "正式党员", "2020-07-01")
            for n in range(200)
        )


if __name__ == "__main__":
    BareApp().run()
