"""Roster files that are not what they claim: devices, FIFOs, huge or wide sheets; merged cells."""

from __future__ import annotations

import datetime as dt
import os
import threading
import zipfile
from pathlib import Path

import pytest

from branchtui.domain.records import BranchData, PartyGroup
from branchtui.domain.roster_plan import plan_import
from branchtui.storage import roster_import
from branchtui.storage.roster_import import RosterFileError, read_rows

TODAY = dt.date(2026, 11, 27)


def _refused(path: Path) -> str:
    """read_rows(path) in a thread: it must answer (not block) with a RosterFileError."""
    outcome: list[BaseException | object] = []

    def attempt() -> None:
        try:
            outcome.append(read_rows(path))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "reading the file blocked"
    (error,) = outcome
    assert isinstance(error, RosterFileError), error
    return error.message


def test_a_fifo_is_not_a_regular_file_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "名册.csv"
    os.mkfifo(fifo)
    assert _refused(fifo) == f"{fifo} 不是普通文件（设备、管道或套接字），请给出名册文件"


def test_a_symlink_to_a_fifo_or_a_device_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "名册.xlsx").symlink_to(fifo)
    assert "不是普通文件" in _refused(tmp_path / "名册.xlsx")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    assert "不是普通文件" in _refused(tmp_path / "zero.csv")
    assert "不是普通文件" in _refused(Path("/dev/null"))


def test_a_symlink_to_a_regular_roster_is_read(xlsx, tmp_path: Path) -> None:
    real = xlsx(tmp_path / "real.xlsx", [["姓名"], ["王五"]])
    (tmp_path / "link.xlsx").symlink_to(real)
    assert read_rows(tmp_path / "link.xlsx")[0] == [["姓名"], ["王五"]]


def test_file_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster_import, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "名册.csv"
    big.write_bytes(b"\xe5\xa7\x93\xe5\x90\x8d\r\n" + b"a,b\r\n" * 300_000)
    assert "超过 1 MB，不像是党员名册" in _refused(big)


def test_unpacked_size_cap(xlsx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = xlsx(tmp_path / "名册.xlsx", [["姓名"], *[["王五" * 50] for _ in range(2000)]])
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(i.file_size for i in archive.infolist())
    monkeypatch.setattr(roster_import, "MAX_UNPACKED_BYTES", unpacked - 1)
    assert "解压后超过" in _refused(path)


def test_row_column_and_cell_caps(xlsx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster_import, "MAX_ROWS", 5)
    monkeypatch.setattr(roster_import, "MAX_COLUMNS", 8)
    monkeypatch.setattr(roster_import, "MAX_CELL_CHARS", 20)
    rows = xlsx(tmp_path / "rows.xlsx", [["姓名"], *[[f"党员{i}"] for i in range(5)]])
    assert _refused(rows) == "rows.xlsx 超过 5 行，不像是党员名册"
    wide = xlsx(tmp_path / "wide.xlsx", [["姓名", *range(9)]])
    assert _refused(wide) == "wide.xlsx 超过 8 列，不像是党员名册，未导入"
    long = xlsx(tmp_path / "long.xlsx", [["姓名", "备注"], ["王五", "很长" * 11]])
    assert "long.xlsx 第2行第2列的内容超过 20 个字符" in _refused(long)
    csv_long = tmp_path / "long.csv"
    csv_long.write_text("姓名,备注\n王五," + "长" * 21 + "\n", encoding="utf-8")
    assert "第2行第2列的内容超过 20 个字符" in _refused(csv_long)


def test_a_merged_group_cell_applies_to_every_merged_row(xlsx, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "名册.xlsx",
        [
            ["支部党员名册"],
            ["姓名", "性别", "党小组", "备注"],
            ["张三", "男", "第一党小组", None],
            ["李四", "女", None, None],
            ["王五", "男", None, None],
            ["赵六", "女", "第二党小组", None],
            ["钱七", "男", None, None],
            ["孙八", "男", None, None],
        ],
        merged=("A1:D1", "C3:C5", "C6:D7"),
    )
    rows, _ = read_rows(path)
    data = BranchData()
    first, second = PartyGroup(name="第一党小组"), PartyGroup(name="第二党小组")
    data.groups.extend([first, second])
    plan = plan_import(rows, data, TODAY, source="名册")
    assert plan.problems == []
    groups = {member.name: member.group_id for _, member in plan.new}
    assert groups == {
        "张三": first.id,
        "李四": first.id,
        "王五": first.id,
        "赵六": second.id,
        "钱七": second.id,
        "孙八": None,  # outside the merged range
    }


def test_a_fifo_from_the_command_line_is_one_chinese_line(cli, branch_dir, tmp_path) -> None:
    fifo = tmp_path / "名册.xlsx"
    os.mkfifo(fifo)
    result = cli("import", "members", fifo, "--data", branch_dir)
    assert result.code == 1
    assert result.err.strip() == f"{fifo} 不是普通文件（设备、管道或套接字），请给出名册文件"


def test_a_folder_is_refused_in_chinese_not_an_internal_error(tmp_path: Path) -> None:
    """A folder typed as the roster (``~/`` then Enter, or ``import members /tmp``) is told as
    such; it was 程序内部出错（IsADirectoryError） with a crash log."""
    assert _refused(tmp_path) == f"{tmp_path} 是一个目录，请给出名册文件"
    (tmp_path / "名册.xlsx").mkdir()
    assert "是一个目录" in _refused(tmp_path / "名册.xlsx")
