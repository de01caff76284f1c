"""教育管理 and 导入名册 pinned as SVG snapshots at 80×24: the dues grid of the demo branch
(arrears, NAT-5's warning, the duties above), and a roster file's preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import settle
from textual.pilot import Pilot
from textual.widgets import DataTable

from branchtui.tui.app import build_app
from branchtui.tui.screens.dues import DuesScreen


async def _dues_grid(pilot: Pilot[None]) -> None:
    await pilot.press("5", "f")
    await settle(pilot, lambda: isinstance(pilot.app.screen, DuesScreen))
    await settle(pilot, lambda: "EDU-4" in str(pilot.app.screen.query_one("#dues-duties").render()))
    await pilot.press(*["down"] * 6, "left")  # 黄安琴's October: in arrears


def test_dues_grid_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_dues_grid)


def test_roster_import_preview_80x24(
    branch_dir: Path,
    today: dt.date,
    snap_compare: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "在册党员"
    sheet.append(["序号", "姓名", "性别", "出生年月", "入党时间", "所在党小组", "手机号码", "籍贯"])
    sheet.append([1, "王小明", "男", "1990-05", "2015-07-01", "第一党小组", "13812345678", "福建"])
    sheet.append([2, "李红", "女", "1992-03-08", "2026-06-01", "", "13912345678", "福建"])
    sheet.append([3, "赵大", "男", "不详", "2010-07-01", "", "13712345678", "福建"])
    sheet.append([4, "钱多", "男", "1980-01-01", "2001-07-01", "第九党小组", "", "福建"])
    book.save(tmp_path / "名册.xlsx")
    monkeypatch.chdir(tmp_path)  # a relative path: the snapshot does not show tmp folders

    async def preview(pilot: Pilot[None]) -> None:
        await pilot.press("2", "i")
        await pilot.press(*"名册.xlsx", "enter")
        table = pilot.app.screen.query_one("#import-rows", DataTable)
        await settle(pilot, lambda: table.row_count == 4)
        await pilot.press("tab", "tab", "tab", "down", "down")  # to the list: 赵大's reason

    app = build_app(branch_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=preview)
