"""Years at the edges are a one-line Chinese error naming the supported range, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchtui.domain.records import Branch
from branchtui.storage.store import Store

RANGE = "支持的日期为 1901年至2099年"


@pytest.fixture
def branch_dir(data_dir: Path) -> Path:
    store = Store.open(data_dir, create=True)
    with store.transaction() as tx:
        tx.set_branch(Branch(name="第一党支部"))
    return data_dir


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["todo", "--on", "0001-01-01"], "--on 的日期无效（0001-01-01）：1年超出范围"),
        (["todo", "--on", "9999-12-31"], "--on 的日期无效（9999-12-31）：9999年超出范围"),
        (["todo", "--on", "1900-12-31"], "1900年超出范围"),
        (["report", "monthly", "--month", "0001-01"], "--month 的月份无效：1年超出范围"),
        (["report", "monthly", "--month", "9999-12"], "--month 的月份无效：9999年超出范围"),
        (["report", "year", "--year", "1"], "--year 的年份无效：1年超出范围"),
        (["report", "year", "--year", "1900"], "--year 的年份无效：1900年超出范围"),
        (["report", "year", "--year", "9999"], "--year 的年份无效：9999年超出范围"),
    ],
)
def test_out_of_range_is_one_chinese_line(cli, one_line, branch_dir, args, said) -> None:
    result = cli(*args, "--data", branch_dir)
    assert result.code == 1
    line = one_line(result.err)
    assert said in line and RANGE in line
    assert not (branch_dir / "logs").exists()


def test_an_empty_on_is_an_error(cli, one_line, branch_dir) -> None:
    result = cli("todo", "--on", "", "--data", branch_dir)
    assert result.code == 1
    assert "请输入日期" in one_line(result.err)


@pytest.mark.parametrize("day", ["1901-01-01", "2099-12-31"])
def test_the_edges_themselves_work(cli, branch_dir, day) -> None:
    result = cli("todo", "--on", day, "--data", branch_dir)
    assert result.code == 0, result.err
    assert "合计" in result.out


def test_a_pinned_today_out_of_range_is_ignored(monkeypatch) -> None:
    from branchtui.storage import locations

    monkeypatch.setenv("BRANCHTUI_TODAY", "0001-01-01")
    assert locations.today().year >= 2026
