"""A 支委会 recorded by keys over a real ssh -tt login in an 80×24 tmux pane; the ssh client is
killed mid-wizard; after logging in again the draft is offered, the wizard continues where it
was, and saving writes the minutes and settles LIFE-2 in `branchtui todo --json`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.conftest import ScreenTimeout

# The sample branch (40 members, seed 7) copied for each test, and how a login is opened.
from tests.e2e.test_tui_over_ssh import BRANCHTUI, TODAY, data, demo_folder, open_app
from tests.e2e.test_tui_over_ssh import assert_sound as sound

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

STEP = 20.0

pytestmark = pytest.mark.e2e


def todo(folder: Path) -> list[dict[str, object]]:
    out = subprocess.run(
        [str(BRANCHTUI), "todo", "--data", str(folder), "--json"],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY},
    )
    found: list[dict[str, object]] = json.loads(out.stdout)
    return found


def life2(folder: Path, period: str) -> str:
    (status,) = [
        o["status"] for o in todo(folder) if o["rule"] == "LIFE-2" and o["period"] == period
    ]
    return str(status)


def assert_sound(screen: str) -> None:
    """No traceback, no line past 80 columns, and no program error said in Chinese either."""
    sound(screen)
    assert "出错" not in screen, screen


def kill_ssh_client(pane: TmuxPane) -> None:
    """SIGKILL the ssh client of the pane (as a dropped connection would end it)."""
    pane_pid = int(pane._tmux("display-message", "-p", "-t", pane.name, "#{pane_pid}").stdout)
    targets = [pane_pid]
    children = Path(f"/proc/{pane_pid}/task/{pane_pid}/children")
    if children.exists():
        targets += [int(p) for p in children.read_text().split()]
    for pid in targets:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
        if cmdline.endswith(b"ssh"):
            os.kill(pid, signal.SIGKILL)
            return
    raise AssertionError("找不到 ssh 客户端进程")


__all__ = ["data", "demo_folder"]  # fixtures used by name


def new_committee_meeting(pane: TmuxPane, sshd: Sshd, data: Path) -> str:
    """Log in, open 组织生活 → 会议记录 → n → 2; the screen once the wizard shows."""
    open_app(pane, sshd, BRANCHTUI, data)
    pane.send("3")
    pane.wait_for("会议记录", STEP)
    pane.send("m")
    pane.wait_for("应到/实到", STEP)
    pane.send("n")
    pane.wait_for("新建哪一种会议记录", STEP)
    pane.send("2")
    return pane.wait_for("新建会议记录：支部委员会会议", STEP)


def offered_draft(pane: TmuxPane, sshd: Sshd, data: Path) -> str:
    """Log in again and ask for a new 支委会: the screen offering the draft."""
    open_app(pane, sshd, BRANCHTUI, data)
    pane.send("3")
    pane.wait_for("会议记录", STEP)
    pane.send("m")
    pane.wait_for("未完成的草稿 1 份", STEP)
    pane.send("n")
    pane.wait_for("新建哪一种会议记录", STEP)
    pane.send("2")
    return pane.wait_for("有未完成的草稿", STEP)


def test_committee_meeting_survives_a_dropped_ssh_session(
    sshd: Sshd, tmux: Callable[..., TmuxPane], data: Path
) -> None:
    assert life2(data, "2026-04") == "overdue"
    pane = tmux()
    screen = new_committee_meeting(pane, sshd, data)
    assert_sound(screen)
    # Step 1: the meeting of April, entered late; the recorder is the usual one.
    pane.send("C-u")
    pane.type("2026-04-28")
    pane.send("Enter")
    pane.type("1430")
    pane.send("Enter")
    pane.type("1600")
    pane.send("Enter")
    pane.type("党员活动室")
    pane.wait_for("地点 党员活动室", STEP)
    pane.send("PageDown")
    screen = pane.wait_for("请假0名", STEP)
    assert_sound(screen)
    # Step 2: the second on the list is on leave.
    pane.send("Down", "Space")
    pane.wait_for("请假事由", STEP)
    pane.type("外出学习")
    pane.send("Enter")
    pane.wait_for("请假1名", STEP)
    pane.send("PageDown")
    pane.wait_for("议题（a 添加", STEP)
    # Step 3: from 会议主题 (its first field) to the agenda; one item, then the connection drops.
    pane.send("Enter")
    pane.send("a")
    pane.wait_for("第1个议题", STEP)
    pane.type("研究四月份发展党员工作")
    pane.send("C-s")
    screen = pane.wait_for("1. 研究四月份发展党员工作", STEP)
    assert_sound(screen)
    drafts = list((data / "drafts").glob("*.json"))
    assert len(drafts) == 1 and "研究四月份发展党员工作" in drafts[0].read_text(encoding="utf-8")
    kill_ssh_client(pane)
    pane.wait_until(lambda _s: pane.dead(), "ssh 客户端已结束", STEP)

    again = tmux()
    screen = offered_draft(again, sshd, data)
    assert "2026-04-28" in screen
    again.send("Enter")  # 继续填写草稿
    screen = again.wait_for("1. 研究四月份发展党员工作", STEP)
    assert_sound(screen)
    again.send("PageDown")
    again.wait_for("决定事项（a 添加）", STEP)
    again.send("a")
    again.wait_for("决定事项", STEP)
    again.type("同意吸收两名积极分子为发展对象")
    again.send("C-s")
    again.wait_for("同意吸收两名积极分子为发展对象", STEP)
    again.send("PageDown")
    again.wait_for("添加照片", STEP)
    again.send("PageDown")
    screen = again.wait_for("保存后计入", STEP * 2)
    assert "LIFE-2" in screen
    assert_sound(screen)
    again.send("C-s")
    # Saved: the wizard closes onto the list, which holds the new record.
    screen = again.wait_for("支委会        研究四月份发展党员工作", STEP)
    assert "未完成的草稿" not in screen
    assert_sound(screen)

    minutes = list((data / "minutes" / "2026").glob("04-28-committee_meeting-*.md"))
    assert len(minutes) == 1
    text = minutes[0].read_text(encoding="utf-8")
    assert "研究四月份发展党员工作" in text and "外出学习" in text
    assert "同意吸收两名积极分子为发展对象" in text
    assert life2(data, "2026-04") == "met"
    assert not list((data / "drafts").glob("*.json"))
    again.send("C-q")
    again.wait_until(lambda _s: again.dead(), "退出后 ssh 会话结束", STEP)


def test_a_dropped_session_keeps_the_step_being_typed(
    sshd: Sshd, tmux: Callable[..., TmuxPane], data: Path
) -> None:
    """The connection drops on step 1 before the step is left: SIGHUP saves the draft with
    the date and start time typed there (Textual itself would die at once on SIGHUP)."""
    pane = tmux()
    new_committee_meeting(pane, sshd, data)
    # The cursor is in the date once Ctrl+U empties it (a key sent before it is there is not).
    for _attempt in range(5):
        pane.send("C-u")
        try:
            pane.wait_for("会议日期 如 2026-11-27", 2.0)
            break
        except ScreenTimeout:
            continue
    pane.type("1125")
    pane.wait_for("会议日期 1125", STEP)
    pane.send("Tab")
    pane.type("1500")
    pane.wait_for("开始时间 1500", STEP)
    kill_ssh_client(pane)
    pane.wait_until(lambda _s: pane.dead(), "ssh 客户端已结束", STEP)

    again = tmux()
    screen = offered_draft(again, sshd, data)
    assert "支委会 2026-11-25" in screen
    again.send("Enter")  # 继续填写草稿
    screen = again.wait_for("开始时间 15:00", STEP)
    assert "会议日期 2026-11-25" in screen
    assert_sound(screen)
