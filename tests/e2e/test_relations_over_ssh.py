"""组织关系 and 党内关怀 over a real ssh -tt login in an 80×24 tmux pane: a member transferred
out through the wizard (REL-1) leaves the roster in the same save, and the talk it calls for
(CARE-1) is recorded from the owed list; a member's ideological fluctuation is entered in 思想动态
(the member found by pinyin initials) and the talk it calls for recorded from it with t; by keys
only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.domain.search import name_initials
from branchtui.storage.store import Store

from .test_tui_over_ssh import (  # noqa: F401 (fixtures: demo_folder, data)
    STEP,
    assert_sound,
    data,
    demo_folder,
    open_app,
    unique_by_initials,
)

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e


def test_a_transfer_out_with_its_talk_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)
    leaving = unique_by_initials(data)

    pane.send("4")
    pane.wait_for("组织关系（REL）", STEP)
    pane.send("t")
    pane.wait_for("REL-1", STEP)
    pane.send("a")
    pane.wait_for("转入还是转出", STEP)
    pane.send("Enter")  # 转出
    pane.wait_for("外出情况（REL-1）", STEP)
    # The member field: the initials typed open the list filtered by them; Enter takes the
    # member and the cursor goes on to 外出时间.
    pane.type(name_initials(leaving.name))
    pane.wait_for("选择外出党员", STEP)
    pane.send("Enter")
    pane.wait_until(lambda s: f"外出党员  {leaving.name}" in s, "选中外出党员", STEP)
    pane.type("12")
    screen = pane.wait_for("建议：转组织关系", STEP)
    assert_sound(screen)
    pane.send("PageDown")
    pane.wait_for("转接信息（REL-2）", STEP)
    pane.send("Tab")
    pane.type("中共厦门某公司党支部")
    pane.send("Tab")
    pane.type("EJ2026112701")
    pane.wait_for("EJ2026112701", STEP)
    pane.send("PageDown")
    screen = pane.wait_for("将移出党员名册", STEP)
    assert_sound(screen)
    pane.send("Enter")
    screen = pane.wait_for("已保存组织关系转接", STEP)
    assert_sound(screen)

    saved = Store.open(data).snapshot()
    member = saved.find("members", leaving.id)
    assert (member.removed_reason, str(member.removed)) == ("transferred_out", "2026-11-27")
    (transfer,) = [t for t in saved.transfers if t.member_id == leaving.id]
    assert (transfer.instrument, transfer.platform_ref) == ("relation_transfer", "EJ2026112701")

    pane.send("7")
    pane.wait_for(f"{leaving.name}转出组织关系，尚未谈话", STEP)
    pane.send("t")
    pane.wait_for("CARE-1", STEP)
    pane.send("o")
    pane.wait_for("须谈心谈话的事项", STEP)
    pane.send("Enter")
    screen = pane.wait_for("新增谈心谈话", STEP)
    assert leaving.name in screen and "转出组织关系" in screen
    assert_sound(screen)
    pane.send("C-s")
    screen = pane.wait_for("CARE-1 已完成", STEP)
    assert_sound(screen)
    talks = [t for t in Store.open(data).snapshot().talks if t.about_id == transfer.id]
    assert [t.member_id for t in talks] == [leaving.id]

    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)


def test_a_fluctuation_and_its_talk_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)
    member = unique_by_initials(data)

    pane.send("7")
    pane.wait_for("思想动态", STEP)
    pane.send("s")
    pane.wait_for("CARE-1", STEP)
    pane.send("a")
    pane.wait_for("新增思想波动", STEP)
    pane.type(name_initials(member.name))  # 党员: the initials open the list, filtered
    pane.wait_for("选择党员", STEP)
    pane.send("Enter")  # taken; the cursor goes on to 发现日期
    pane.wait_for(f"党员  {member.name}", STEP)
    pane.send("Tab")  # 发现日期 (today) → 波动情况
    pane.type("岗位调整后情绪低落")
    pane.send("C-s")
    screen = pane.wait_for(f"{member.name}思想波动，尚未谈话", STEP)
    assert "未谈话" in screen
    assert_sound(screen)

    pane.send("t")
    screen = pane.wait_for("新增谈心谈话", STEP)
    assert member.name in screen and "思想波动" in screen and "专题谈话" in screen
    assert_sound(screen)
    pane.send("C-s")
    screen = pane.wait_for("CARE-1 已完成", STEP)
    assert "已谈话：2026-11-27，专题谈话" in screen
    assert_sound(screen)

    saved = Store.open(data).snapshot()
    (entry,) = [f for f in saved.fluctuations if f.member_id == member.id]
    assert entry.description == "岗位调整后情绪低落"
    (talk,) = [t for t in saved.talks if t.about_id == entry.id]
    assert (talk.member_id, talk.trigger, talk.kind) == (member.id, "fluctuation", "special")

    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
