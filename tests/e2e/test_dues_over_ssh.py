"""教育管理 over a real ssh -tt login at 80×24: dues marked paid in the grid by one key, the
arrears paid back from their list, and the dashboard's EDU-4 met afterwards."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from branchtui.domain.dues import arrears
from branchtui.storage.store import Store

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

TODAY = "2026-11-27"  # tests/conftest.py's fixed today
START = 40.0  # seconds: a cold Textual start over ssh on a loaded 2-core machine
STEP = 20.0

pytestmark = pytest.mark.e2e


@pytest.fixture
def data(tmp_path: Path, branchtui_bin: Path) -> Path:
    """The demo branch made by the installed CLI: two members behind with their dues."""
    folder = tmp_path / "data"
    subprocess.run(
        [str(branchtui_bin), "demo", "--data", str(folder), "--members", "40", "--seed", "7"],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY},
    )
    return folder


def assert_sound(screen: str) -> None:
    assert "Traceback" not in screen, screen
    for line in screen.split("\n"):
        assert cell_len(line) <= 80, f"超出 80 列：{line!r}"


def test_dues_marked_and_paid_back_over_ssh(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    on = dt.date.fromisoformat(TODAY)
    owed = arrears(Store.open(data).snapshot(), on)
    assert owed, "示例支部应有欠交党费的党员"
    pane = tmux()
    pane.start(sshd.ssh_argv([str(branchtui_bin)], env=sshd.login_env(data)))
    pane.wait_for("待办事项", START)
    pane.wait_until(lambda s: "正在计算" not in s and "已完成" in s, "待办计算完成", STEP)

    pane.send("5")
    pane.wait_for("党员证", STEP)
    pane.send("f")  # 党费: the grid opens on this month's column
    screen = pane.wait_for("EDU-4 待办", STEP)
    assert "已=已交" in screen
    assert_sound(screen)
    pane.send("Right")  # December, not yet paid by anyone
    pane.send("Space")
    pane.wait_for("2026-12  已交", STEP)
    december = [p for p in Store.open(data).snapshot().dues_payments if p.month == "2026-12"]
    assert len(december) == 1 and december[0].paid == on

    pane.send("a")  # the arrears: each member's months paid back after a confirmation
    screen = pane.wait_for(f"欠交{len(owed)}人", STEP)
    assert_sound(screen)
    for left in range(len(owed) - 1, -1, -1):
        pane.send("b")
        pane.wait_for("补交，记为已交", STEP)
        pane.send("Enter")
        pane.wait_for(f"欠交{left}人", STEP)
    pane.wait_for("全体党员党费已交至上月", STEP)
    pane.send("Escape")
    screen = pane.wait_for("EDU-4 已完成", STEP)
    assert_sound(screen)
    back = [p for p in Store.open(data).snapshot().dues_payments if p.note == "补交"]
    assert sorted({p.member_id for p in back}) == sorted(owed)
    assert len(back) == sum(len(a.payable) for a in owed.values())

    pane.send("1")  # the dashboard agrees
    pane.wait_for("查看日期", STEP)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
    assert "Traceback" not in pane.screen()
