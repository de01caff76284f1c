"""导入名册 (ORG-1) in the TUI: a real .xlsx built with openpyxl, previewed with the column
mapping and each row's outcome in Chinese, imported in one commit after confirmation, with
progress for a long file; files that are not rosters refused beside the path."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import openpyxl
from conftest import read_file, settle, text_of
from textual.message import Message
from textual.widgets import DataTable

from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.roster_import import ImportProgress, RosterImportScreen

HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "入党时间",
    "人员类别",
    "所在党小组",
    "手机号码",
    "籍贯",
]
GENERATED = 400  # enough rows for the progress to be reported more than once


def generated_name(n: int) -> str:
    """The n-th of 400 distinct Chinese names (names are checked: Chinese characters only)."""
    return (
        "赵钱孙李周吴郑冯陈褚"[n % 10]
        + "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"[n // 10 % 20]
        + "明华"[n // 200]
    )


def write_roster(path: Path, zhang_id_number: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "在册党员"
    sheet.append(["第一党支部党员名册"])
    sheet.append([*HEADER, "身份证号"])
    sheet.append([1, "王小明", "男", "1990-05-01", "2015-07-01", "正式党员", "", "13812345678"])
    sheet.append([2, "李红", "女", "1992-03-08", "2026-06-01", "预备党员", "", "13912345678"])
    sheet.append([3, "赵大", "男", "生日不详", "2010-07-01", "正式党员", "", "13712345678"])
    sheet.append([4, "钱多", "男", "1980-01-01", "2001-07-01", "正式党员", "第九党小组", ""])
    row = [5, "张三", "男", "1980-03-05", "2005-07-01", "正式党员", "", "", "", zhang_id_number]
    sheet.append(row)
    for n in range(GENERATED):
        sheet.append([6 + n, generated_name(n), "女", "1990-01-01", "2012-07-01", "正式党员"])
    book.save(path)
    return path


async def test_ORG_1_import_previews_then_saves_the_good_rows(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    zhang = next(m for m in Store.open(branch_dir).snapshot().members if m.id == "m01")
    roster = write_roster(tmp_path / "党员名册.xlsx", zhang.id_number)
    seen: list[Message] = []
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await pilot.press("2", "m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, RosterImportScreen))
        await pilot.press(*str(roster), "enter")
        table = app.screen.query_one("#import-rows", DataTable)
        await settle(pilot, lambda: table.row_count > 0)
        summary = text_of(app, "#import-summary")
        assert "表头在第2行" in summary and "出生年月→出生日期" in summary
        assert "手机号码→联系电话" in summary and "未识别的列（忽略）：序号、籍贯" in summary
        assert f"新增 {GENERATED + 2} 人" in summary and "有问题 2 行" in summary
        assert "重复 1 人" in summary
        rows = {str(table.get_row_at(i)[1]): table.get_row_at(i) for i in range(5)}
        assert str(rows["赵大"][2]) == "有问题" and "出生年月" in str(rows["赵大"][3])
        assert "不存在" in str(rows["钱多"][3]) and "--" not in str(rows["钱多"][3])
        assert str(rows["张三"][2]) == "重复"
        # The group that does not exist yet is made when the secretary chooses so.
        await pilot.press("tab", "enter", "down", "enter")
        await settle(pilot, lambda: "将新建党小组：第九党小组" in text_of(app, "#import-summary"))
        assert "有问题 1 行" in text_of(app, "#import-summary")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")
        await settle(pilot, lambda: "已导入：新增党员" in text_of(app, "#import-status"))
        # The row left out stays listed with its reason: she still has to enter 赵大 (ORG-1).
        left = [table.get_row_at(i) for i in range(table.row_count)]
        assert [(str(r[1]), str(r[2])) for r in left] == [("赵大", "有问题")]
        assert "出生年月" in str(left[0][3])
        assert "未导入1行（见下表）" in text_of(app, "#import-summary")
        assert "按 a 逐个新增" in text_of(app, "#import-summary")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        assert f"在册 {12 + GENERATED + 3} 人" in text_of(app, "#roster-count")
    reports: list[Any] = [m for m in seen if isinstance(m, ImportProgress)]
    assert {r.what for r in reports} == {"读取", "检查"}
    assert any(r.what == "检查" and r.done == r.total > GENERATED for r in reports)
    data = read_file(branch_dir)
    names = {m.name for m in data.members}
    assert {"王小明", "李红", "钱多", generated_name(GENERATED - 1)} <= names
    assert "赵大" not in names
    assert [g.name for g in data.groups if g.name == "第九党小组"] == ["第九党小组"]
    assert len([b for b in Store.open(branch_dir).list_backups() if b.reason == "import"]) == 1


async def test_ORG_1_files_that_are_not_rosters_are_refused_beside_the_path(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "i")  # from the area's menu
        await settle(pilot, lambda: isinstance(app.screen, RosterImportScreen))
        await pilot.press("enter")
        assert "请输入名册文件的路径" in text_of(app, "#import-path-error")
        await pilot.press(*str(fifo), "enter")
        await settle(pilot, lambda: "不是普通文件" in text_of(app, "#import-path-error"))
        await pilot.press("ctrl+u", *str(tmp_path / "没有.xlsx"), "enter")
        await settle(pilot, lambda: "找不到文件" in text_of(app, "#import-path-error"))
        await pilot.press("ctrl+s")  # nothing read, nothing imported
        assert "请先输入文件路径" in text_of(app, "#import-status")
    assert len(read_file(branch_dir).members) == 12
