"""教育管理 over a real ssh -tt login at 80×24: dues marked paid in the grid by one key, the
arrears paid back from their list, and the dashboard's EDU-4 met afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.domain.dues import arrears
from branchtui.storage.store import Store

# The sample branch (40 members, seed 7) copied for each test, and how a login is opened.
from tests.e2e.test_tui_over_ssh import STEP, TODAY, assert_sound, data, demo_folder, open_app

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e
__all__ = ["data", "demo_folder"]  # fixtures used by name


def test_dues_marked_and_paid_back_over_ssh(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    on = dt.date.fromisoformat(TODAY)
    owed = arrears(Store.open(data).snapshot(), on)
    assert owed, "示例支部应有欠交党费的党员"
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)

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

    pane.send("a")  # the arrears: each member's months and the day chosen, then paid back
    screen = pane.wait_for(f"欠交{len(owed)}人", STEP)
    assert_sound(screen)
    for left in range(len(owed) - 1, -1, -1):
        pane.send("b")
        pane.wait_for("补交哪几个月", STEP)
        pane.send("Enter")  # all the months payable, the first choice
        pane.wait_for("交纳日期", STEP)
        pane.send("Enter")  # paid today
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
