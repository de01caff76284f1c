"""发展党员 over a real ssh -tt login in an 80×24 tmux pane: find an applicant by pinyin in the
信息库, record the talk (NAT-3) with the next-step key, and read the step back from the file."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from branchtui.domain.records import Candidate
from branchtui.domain.search import name_initials, search_members
from branchtui.storage.store import Store

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

TODAY = "2026-11-27"
pytestmark = pytest.mark.e2e

START = 40.0  # seconds: a cold Textual start over ssh on a loaded 2-core machine
STEP = 20.0


@pytest.fixture
def data(tmp_path: Path, branchtui_bin: Path) -> Path:
    folder = tmp_path / "data"
    subprocess.run(
        [str(branchtui_bin), "demo", "--data", str(folder), "--members", "30", "--seed", "11"],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY},
    )
    return folder


def waiting_for_talk(folder: Path) -> Candidate:
    """The demo's applicant whose talk is still to be held (applied less than a month ago)."""
    people = Store.open(folder).snapshot().candidates
    (fresh,) = [c for c in people if [e.step for e in c.events] == ["applied"]]
    assert search_members(people, name_initials(fresh.name))[0] is fresh
    return fresh


def assert_sound(screen: str) -> None:
    assert "Traceback" not in screen, screen
    for line in screen.split("\n"):
        assert cell_len(line) <= 80, f"超出 80 列：{line!r}"


def test_record_a_step_over_ssh(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    person = waiting_for_talk(data)
    pane = tmux()
    pane.start(sshd.ssh_argv([str(branchtui_bin)], env=sshd.login_env(data)))
    pane.wait_for("待办事项", START)
    pane.wait_until(lambda s: "正在计算" not in s and "已完成" in s, "待办计算完成", STEP)

    pane.send("6")
    pane.wait_for("本方面待办", STEP)
    pane.send("d")
    screen = pane.wait_for("信息库上次更新", STEP)
    assert "第2步 党组织派人谈话" in screen
    assert_sound(screen)

    pane.send("/")
    pane.type(name_initials(person.name))
    pane.wait_for(f"搜索：{name_initials(person.name)}", STEP)
    pane.send("Enter")
    pane.send("n")
    screen = pane.wait_for("记录发展环节", STEP)
    assert "第2步 党组织派人谈话" in screen
    assert_sound(screen)

    pane.send("C-u")
    pane.type("2099-01-01")
    pane.wait_for("日期不能晚于今天", STEP)  # the rule beside the field, as it is typed
    pane.send("C-u")
    pane.type("今天")
    pane.wait_gone("日期不能晚于今天", STEP)
    pane.send("Tab")
    pane.type("王书记")
    pane.send("C-s")
    screen = pane.wait_for("已记录：第2步 党组织派人谈话", STEP)
    assert_sound(screen)

    saved = Store.open(data).snapshot().find("candidates", person.id)
    talk = next(e for e in saved.events if e.step == "talked")
    assert (talk.date, talk.people) == (dt.date(2026, 11, 27), "王书记")

    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
    assert "Traceback" not in pane.screen()
