"""数据备份与恢复 over a real ssh -tt login at 80×24, as a secretary with no shell meets it:
the data file is damaged, the dashboard offers b, the newest usable backup is restored after
the question, and the branch is back (its duties computed); then a backup is made by keys."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.storage.backups import list_backups, newest_good_backup
from branchtui.storage.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_tui_over_ssh import START, STEP, assert_sound, data, demo_folder  # noqa: F401

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e


def test_a_damaged_file_is_restored_by_keys_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811
) -> None:
    members = len(Store.open(data).snapshot().active_members)
    Store.open(data).backup()
    path = data / "branch.json"
    torn = path.with_name("torn")
    torn.write_bytes(path.read_bytes()[:500])
    os.replace(torn, path)
    good = newest_good_backup(data)
    assert good is not None

    pane = tmux()
    pane.start(sshd.ssh_argv([str(branchtui_bin)], env=sshd.login_env(data)))
    screen = pane.wait_for("无法打开数据", START)
    assert "按 b" in screen and "branchtui restore" not in screen
    assert_sound(screen)
    pane.send("b")
    screen = pane.wait_for("最新可用", STEP)
    assert "数据文件已损坏" in screen
    assert_sound(screen)
    pane.send("Home", "r")  # the newest usable backup is the newest one here
    screen = pane.wait_for("从这份备份恢复", STEP)
    assert "当前数据文件无法打开" in screen
    pane.send("Enter")
    pane.wait_for("已从备份恢复", STEP)
    screen = pane.wait_for(f"党员 {members} 名", STEP)  # the file is opened again
    assert_sound(screen)
    assert len(Store.open(data).snapshot().active_members) == members
    pane.send("b")
    pane.wait_for("已备份", STEP)
    assert list_backups(data)[0].reason == "manual"
    pane.send("Escape")
    pane.wait_until(lambda s: "已完成" in s and "正在计算" not in s, "待办计算完成", STEP)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
