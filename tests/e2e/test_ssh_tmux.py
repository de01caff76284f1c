"""The harness itself: a real ssh -tt login inside an 80×24 tmux pane carries UTF-8 both ways."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e

ECHO = Path(__file__).with_name("echo_terminal.py")


def test_chinese_crosses_ssh_into_an_80x24_pane(sshd: Sshd, tmux, tmp_path: Path) -> None:
    pane: TmuxPane = tmux()
    argv = sshd.ssh_argv([sys.executable, str(ECHO)], env=sshd.login_env(tmp_path / "data"))
    pane.start(argv)
    screen = pane.wait_for("请输入：")
    assert "终端 80x24" in screen
    assert "LANG=C.UTF-8 编码=utf-8" in screen
    assert "今天=2026-11-27" in screen
    assert f"数据={tmp_path / 'data'}" in screen.replace("\n", "")
    rows = [line for line in pane.lines() if line.startswith("│")]
    assert len(rows) == 3
    # The second bar sits in the same cell column on every row: wide characters count twice.
    assert {cell_len(row[: row.index("│", 1)]) for row in rows} == {9}
    pane.type("出席 zs")
    pane.send("Enter")
    assert "收到：出席 zs" in pane.wait_for("收到：")
    pane.send("Enter")
    pane.wait_until(lambda _s: pane.dead(), "ssh 会话结束")
