"""教育管理 over a real ssh -tt login at 80×24: a study session brings EDU-1 to its 12 days,
and NAT-5's warning becomes a case with its first step (EDU-8), all by keys."""

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


def test_study_and_a_case_from_a_warning_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811
) -> None:
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)

    pane.send("5")
    pane.wait_for("不合格党员处置", STEP)
    pane.send("s")  # 集中学习: the year's total above the list
    screen = pane.wait_for("2026年合计10.5天", STEP)
    assert "还差1.5天" in screen
    assert_sound(screen)
    pane.send("a")
    pane.wait_for("新增集中学习", STEP)
    pane.send("Enter")  # the date stays today; the days field is next, its text selected
    pane.type("1.5")
    pane.send("Enter")
    pane.type("学习二十届四中全会精神")
    pane.wait_for("学习主题 学习二十届四中全会精神", STEP)
    pane.send("C-s")
    screen = pane.wait_for("要求不少于12天，已达到", STEP)
    screen = pane.wait_for("EDU-1 已完成  2026年", STEP)
    assert_sound(screen)

    pane.send("Escape")
    pane.wait_for("本方面待办", STEP)
    pane.send("x")  # 不合格党员处置, with NAT-5's warning above the list
    pane.wait_for("NAT-5 提醒", STEP)
    pane.send("o")  # one member warned: the form opens with the reason filled in
    screen = pane.wait_for("连续3个月未交党费（NAT-5）", STEP)
    assert_sound(screen)
    pane.send("C-s")
    pane.wait_for("尚未记录处置步骤", STEP)
    pane.send("s")
    pane.wait_for("添加处置步骤", STEP)
    pane.send("C-s")  # 谈话提醒, today
    screen = pane.wait_for("处置进行中", STEP)
    assert_sound(screen)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)

    saved = Store.open(data).snapshot()
    assert any(s.topic == "学习二十届四中全会精神" and s.days == 1.5 for s in saved.study_sessions)
    (case,) = [c for c in saved.discipline_cases if c.closed is None]
    assert case.reason == "连续3个月未交党费（NAT-5）"
    assert [s.step for s in case.steps] == ["talk"]
