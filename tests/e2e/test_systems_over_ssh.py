"""建章立制 over a real ssh -tt login at 80×24: a late project of the year plan flagged and
completed (SYS-2), a system abolished and its category settled again from the area's duties
(SYS-1), an inspection registered (SYS-4), all by keys."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.storage.store import Store

# The ssh flow's helpers and sample-branch fixtures (tests are imported by file, not package).
sys.path.insert(0, str(Path(__file__).parent))
from test_tui_over_ssh import STEP, assert_sound, data, demo_folder, open_app  # noqa: F401

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e


def test_plan_systems_and_inspection_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811
) -> None:
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)

    pane.send("8")
    pane.wait_for("上级检查", STEP)
    pane.send("p")  # 年度工作计划 of this year
    pane.wait_for("2026年工作计划    计划通过时间", STEP)
    pane.send("a")
    pane.wait_for("新增2026年计划项目", STEP)
    pane.type("专题组织生活会")
    pane.send("Enter")
    pane.type("组织生活会")
    pane.send("Tab")  # past 负责人
    pane.send("Tab")
    pane.type("2026-11-20")  # before today: late as soon as saved
    pane.send("C-s")
    screen = pane.wait_for("SYS-2 已逾期", STEP)
    assert "已过期  专题组织生活会" in screen
    assert_sound(screen)
    pane.send("c")  # the cursor is on the project saved: done today
    pane.wait_for("「专题组织生活会」的完成时间", STEP)
    pane.send("Enter")
    screen = pane.wait_for("SYS-2 已完成", STEP)
    assert "已过期" not in screen
    assert_sound(screen)

    pane.send("Escape")
    pane.wait_for("本方面待办", STEP)
    pane.send("s")  # 规章制度: the first system abolished, its category missing again
    pane.wait_for("六类制度齐全", STEP)
    pane.send("d")
    pane.wait_for("废止时间（保留为历史记录）", STEP)
    pane.send("Enter")
    screen = pane.wait_for("尚缺1项制度：「三会一课」制度", STEP)
    assert_sound(screen)
    pane.send("Escape")
    pane.wait_for("SYS-1  尚缺", STEP)
    pane.send("Tab")  # the area's duties, then the duty's detail and its screen
    pane.send("Enter")
    pane.wait_for("按 Enter 打开「规章制度」办理", STEP)
    pane.send("Enter")
    pane.wait_for("新增制度", STEP)  # the category filled in, the cursor in the title
    pane.type("支部“三会一课”制度（修订）")
    pane.send("C-s")
    pane.wait_for("六类制度齐全", STEP)
    screen = pane.wait_for("SYS-1 已完成", STEP)  # judged again after the save
    assert_sound(screen)

    pane.send("Escape")
    pane.wait_for("本方面待办", STEP)
    pane.send("i")
    pane.wait_for("检查意见", STEP)
    pane.send("a")
    pane.wait_for("新增上级检查", STEP)
    pane.send("Enter")  # today
    pane.type("集团党委督查组")
    pane.send("Tab")
    pane.type("台帐齐全，制度上墙")
    pane.send("C-s")
    screen = pane.wait_for("检查意见：台帐齐全，制度上墙", STEP)
    assert_sound(screen)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)

    saved = Store.open(data).snapshot()
    (plan,) = [p for p in saved.work_plans if p.year == 2026]
    (item,) = [i for i in plan.items if i.content == "专题组织生活会"]
    assert item.form == "组织生活会" and item.done is not None
    current = [d for d in saved.system_docs if d.kind == "three_meetings"]
    assert sorted(d.abolished is None for d in current) == [False, True]
    assert any(i.findings == "台帐齐全，制度上墙" for i in saved.inspections)
