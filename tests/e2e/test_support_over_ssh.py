"""基础保障 over a real ssh -tt login at 80×24: a spending flagged by BASE-2 is put right in
the funds ledger (Enter goes down the form, through its drop-downs, as the hint says), and a
shared venue with its equipment is added (BASE-1), all by keys."""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.storage.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_tui_over_ssh import STEP, assert_sound, data, demo_folder, open_app  # noqa: F401

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e


def test_funds_and_a_venue_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811
) -> None:
    before = Store.open(data).snapshot()
    (flagged,) = [
        f
        for f in before.fund_entries
        if f.direction == "spending" and f.purpose == "other" and f.date.year == 2026
    ]
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)

    pane.send("9")
    pane.wait_for("活动经费", STEP)
    pane.send("f")
    screen = pane.wait_for("BASE-2 提醒", STEP)
    assert "1笔支出不属于规定用途" in screen
    assert_sound(screen)
    pane.send("e")  # the newest row: the flagged spending
    pane.wait_for("编辑经费收支", STEP)
    # 日期 → 收支类型 (Enter opens the list, Enter keeps 支出 and moves on) → 金额 → 经费来源
    for _ in range(4):
        pane.send("Enter")
    pane.send("Enter")  # the sources' list opens on the current one (企业预算)
    # The list is open: 回拨党费 is shown as one of its options, not only in the form's warning
    # (活动经费和回拨党费只能…, which alone made this wait pass before the list opened).
    pane.wait_until(lambda s: "回拨党费" in s.replace("和回拨党费", ""), "经费来源列表", STEP)
    pane.send("Down", "Down", "Enter")  # 其他: not the party's activity funds
    screen = pane.wait_for("经费来源 其他", STEP)
    assert_sound(screen)
    pane.send("C-s")
    screen = pane.wait_for("BASE-2 已完成", STEP)
    assert "支出均用于规定用途" in screen

    pane.send("Escape")
    pane.wait_for("本方面待办", STEP)
    pane.send("v")
    pane.wait_for("BASE-1 已完成", STEP)
    pane.send("a")
    pane.wait_for("新增活动场所", STEP)
    pane.type("二楼会议室")
    pane.send("Enter")
    pane.send("Enter", "Up", "Enter")  # 共用场所: 是
    pane.type("党群服务中心二楼")
    pane.send("Enter")
    pane.type("投影仪、党旗")
    pane.send("C-s")
    pane.wait_for("已保存活动场所", STEP)
    screen = pane.wait_gone("新增活动场所", STEP)
    assert "二楼会议室" in screen
    assert_sound(screen)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)

    saved = Store.open(data).snapshot()
    (entry,) = [f for f in saved.fund_entries if f.id == flagged.id]
    assert (entry.source, entry.purpose, entry.amount) == ("other", "other", flagged.amount)
    assert entry.amount == Decimal(flagged.amount)
    (venue,) = [v for v in saved.venues if v.name == "二楼会议室"]
    assert venue.shared is True
    assert venue.address == "党群服务中心二楼"
    assert venue.equipment == ["投影仪", "党旗"]
