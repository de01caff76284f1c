"""The installed branchtui over a real ssh -tt login in an 80×24 tmux pane, driven by keys."""

from __future__ import annotations

import getpass
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from branchtui.domain.records import Member
from branchtui.domain.search import name_initials, search_members
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.store import Store

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

TODAY = "2026-11-27"  # tests/conftest.py's fixed today
BRANCHTUI = Path(sys.executable).parent / "branchtui"

pytestmark = pytest.mark.e2e

START = 40.0  # seconds: a cold Textual start over ssh on a loaded 2-core machine
STEP = 20.0
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One sample branch per module, made by the installed CLI; each test works on a copy."""
    if not BRANCHTUI.exists():
        pytest.skip(f"未找到已安装的 branchtui：{BRANCHTUI}")
    folder = tmp_path_factory.mktemp("demo") / "data"
    subprocess.run(
        [str(BRANCHTUI), "demo", "--data", str(folder), "--members", "40", "--seed", "7"],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY},
    )
    return folder


@pytest.fixture
def data(demo_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_folder, folder)
    return folder


def members_of(folder: Path) -> list[Member]:
    return [m for m in Store.open(folder).snapshot().members if m.removed is None]


def unique_by_initials(folder: Path) -> Member:
    """A member that the pinyin initials alone find, so the search result is unambiguous."""
    active = members_of(folder)
    for member in sorted(active, key=lambda m: m.name):
        if search_members(active, name_initials(member.name)) == [member]:
            return member
    raise AssertionError("示例支部中没有首字母唯一的党员")


def open_app(pane: TmuxPane, sshd: Sshd, app: Path, data: Path) -> str:
    pane.start(sshd.ssh_argv([str(app)], env=sshd.login_env(data)))
    # The dashboard paints first, then fills in once the obligations are computed.
    pane.wait_for("待办事项", START)
    return pane.wait_until(lambda s: "正在计算" not in s and "已完成" in s, "待办计算完成", STEP)


def assert_sound(screen: str) -> None:
    """What a user would notice at once: a traceback, or a line wider than the terminal."""
    assert "Traceback" not in screen, screen
    for line in screen.split("\n"):
        assert cell_len(line) <= 80, f"超出 80 列：{line!r}"


def assert_box_closed(screen: str) -> None:
    """Each line of the dashboard's box ends on its border in the last column: CJK widths add up."""
    boxed = [line.rstrip() for line in screen.split("\n") if line.startswith("│")]
    assert len(boxed) >= 5, screen
    for line in boxed:
        assert line.endswith("│") and cell_len(line) == 80, f"边框错位：{line!r}"


def assert_columns_aligned(screen: str, names: list[str]) -> None:
    """In roster rows the join date starts in the same cell column whatever the name's width."""
    columns = set()
    for line in screen.split("\n"):
        match = DATE.search(line)
        if match and any(line.strip().startswith(name) for name in names):
            columns.add(cell_len(line[: match.start()]))
    assert len(columns) == 1, f"入党时间列未对齐：{sorted(columns)}\n{screen}"


def press(pane: TmuxPane, key: str) -> None:
    """A key that moves focus; what is typed right after it reaches the new focus."""
    pane.send(key)


def search(pane: TmuxPane, query: str) -> str:
    press(pane, "/")
    pane.type(query)
    return pane.wait_for(f"搜索：{query}", STEP)


def clear_search(pane: TmuxPane) -> None:
    """Back to the list (Enter), then Esc drops the search and the roster sorts by name again."""
    press(pane, "Enter")
    pane.send("Escape")
    pane.wait_for("排序：", STEP)


def add_member(pane: TmuxPane, name: str) -> None:
    pane.send("a")
    pane.wait_for("新增党员", STEP)
    pane.type(name)
    pane.wait_for(f"姓名 {name}", STEP)
    pane.send("C-s")
    pane.wait_for(f"已保存：{name}", STEP)


def test_secretary_works_over_ssh(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    pane = tmux()
    screen = open_app(pane, sshd, branchtui_bin, data)
    assert "规则配置：2017年实施方案" in screen and "已逾期" in screen
    assert_sound(screen)
    assert_box_closed(screen)

    pane.send("2m")  # 组织体系, then its 党员名册
    # The whole frame, not one drawn only in part (over ssh on a loaded machine a capture can
    # land while the terminal is still receiving it): the title and full dates are there.
    screen = pane.wait_until(
        lambda s: "党员名册" in s and "在册" in s and DATE.search(s) is not None,
        "名册显示完整",
        STEP,
    )
    assert_sound(screen)
    names = [m.name for m in members_of(data)]
    assert_columns_aligned(screen, names)

    wanted = unique_by_initials(data)
    screen = search(pane, name_initials(wanted.name))
    screen = pane.wait_for("显示 1 人", STEP)
    assert wanted.name in screen
    assert_sound(screen)

    clear_search(pane)
    pane.wait_for("显示 40 人", STEP)
    add_member(pane, "周卫东")
    saved = [m for m in members_of(data) if m.name == "周卫东"]
    assert len(saved) == 1 and saved[0].rev == 1
    # The file keeps Chinese readable (UTF-8, not \u escapes) for whoever opens it.
    assert "周卫东".encode() in (data / DATA_FILE).read_bytes()
    screen = pane.wait_for("在册 41 人", STEP)
    assert_sound(screen)

    pane.send("1")
    screen = pane.wait_for("查看日期", STEP)
    assert_sound(screen)
    assert_box_closed(screen)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
    assert "Traceback" not in pane.screen()


def test_two_sessions_on_one_folder(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    first, second = tmux(), tmux()
    open_app(first, sshd, branchtui_bin, data)
    open_app(second, sshd, branchtui_bin, data)
    for pane in (first, second):
        pane.send("2m")
        pane.wait_for("在册", STEP)

    # Both add while the other has the roster open: both saves are kept.
    add_member(first, "林晓红")
    add_member(second, "陈建国")
    names = {m.name for m in members_of(data)}
    assert {"林晓红", "陈建国"} <= names

    # The second sees a member the first adds while it looks at the roster, after a refresh.
    second.wait_for("在册 42 人", STEP)
    add_member(first, "欧阳青青")
    second.send("C-r")
    second.wait_for("在册 43 人", STEP)
    search(second, "oyqq")
    assert "欧阳青青" in second.wait_for("显示 1 人", STEP)
    clear_search(second)
    search(second, "lxh")
    second.wait_for("显示 1 人", STEP)
    press(second, "Enter")

    # Both open the same member; the later save is refused with a clear message.
    search(first, "lxh")
    first.wait_for("显示 1 人", STEP)
    press(first, "Enter")
    for pane in (first, second):
        pane.send("e")
        pane.wait_for("姓名 林晓红", STEP)
        pane.send("End")
    first.type("甲")
    first.send("C-s")
    first.wait_for("已保存：林晓红甲", STEP)
    second.type("乙")
    second.send("C-s")
    screen = second.wait_for("已被他人修改", STEP)
    assert_sound(screen)
    names = {m.name for m in members_of(data)}
    assert "林晓红甲" in names and "林晓红乙" not in names


def test_keys_sent_in_one_packet_reach_the_new_focus(
    sshd: Sshd, tmux: Callable[..., TmuxPane], branchtui_bin: Path, data: Path
) -> None:
    # Over ssh a fast typist's keys arrive together: each must land where the previous one led.
    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)
    wanted = unique_by_initials(data)
    query = name_initials(wanted.name)
    pane.type(f"2m/{query}")  # area, roster, search box, query: one send-keys, one packet
    screen = pane.wait_for(f"搜索：{query}", STEP)
    screen = pane.wait_for("显示 1 人", STEP)
    assert wanted.name in screen
    assert_sound(screen)

    pane.send("Escape")
    pane.wait_for("显示 40 人", STEP)
    pane.type("a周卫东")  # the form opens and the name goes into its first field
    screen = pane.wait_for("姓名 周卫东", STEP)
    assert_sound(screen)
    pane.send("C-s")
    pane.wait_for("已保存：周卫东", STEP)
    assert [m.name for m in members_of(data)].count("周卫东") == 1


def test_forcecommand_login_opens_the_app_whatever_is_asked(
    sshd_with: Callable[[str], Sshd],
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,
) -> None:
    # The set-up of docs/server.md: the server, not the client, chooses the program and its env.
    server = sshd_with(
        f"Match User {getpass.getuser()}\n"
        f"    ForceCommand {branchtui_bin}\n"
        f"    SetEnv LANG=C.UTF-8 BRANCHTUI_HOME={data} BRANCHTUI_TODAY={TODAY}"
        " TEXTUAL_COLOR_SYSTEM=256\n"
    )
    pane = tmux()
    pane.start(server.ssh_argv(["bash"]))
    pane.wait_for("待办事项", START)
    screen = pane.wait_until(lambda s: "正在计算" not in s and "已完成" in s, "待办计算完成", STEP)
    assert_sound(screen)
    assert_box_closed(screen)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出界面即断开连接", STEP)
