"""A window under 80×24 or a non-UTF-8 locale is refused with one Chinese line; C works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.tui.terminal_check import locale_problem, size_problem, terminal_problem

if TYPE_CHECKING:
    from tests.e2e.conftest import TmuxPane

TODAY = "2026-11-27"  # tests/conftest.py's fixed today


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C.UTF-8"},
        {"LANG": "zh_CN.UTF-8"},
        {"LANG": "en_US.utf8"},
        {"LANG": "zh_CN.GBK", "LC_ALL": "C.UTF-8"},
        {"LANG": "zh_CN.UTF-8", "LC_CTYPE": "C.UTF-8"},
        {},
        {"LANG": "C"},
        {"LC_ALL": "POSIX"},
    ],
)
def test_utf8_and_neutral_locales_start(env: dict[str, str]) -> None:
    assert locale_problem(env) is None


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "zh_CN.GBK"},
        {"LANG": "zh_CN.GB18030"},
        {"LANG": "zh_CN"},
        {"LC_CTYPE": "en_US.ISO-8859-1", "LANG": "C.UTF-8"},
        # Python sets LC_CTYPE=C.UTF-8 itself when zh_CN.GBK is not installed (PEP 538).
        {"LANG": "zh_CN.GBK", "LC_CTYPE": "C.UTF-8"},
    ],
)
def test_legacy_charsets_are_refused_with_the_fix(env: dict[str, str]) -> None:
    message = locale_problem(env)
    assert message is not None
    assert "UTF-8" in message and "LANG=C.UTF-8" in message


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (0, 0)])
def test_big_enough_or_unknown_sizes_start(size: tuple[int, int]) -> None:
    assert size_problem(*size) is None


@pytest.mark.parametrize("size", [(79, 24), (80, 23), (40, 10)])
def test_small_windows_are_refused_naming_both_sizes(size: tuple[int, int]) -> None:
    message = size_problem(*size)
    assert message is not None
    assert f"{size[0]}×{size[1]}" in message and "80×24" in message


def test_charset_is_told_before_size() -> None:
    # With both wrong, the charset comes first: its fix also makes the next message readable.
    message = terminal_problem(40, 10, {"LANG": "zh_CN.GBK"})
    assert message is not None and "UTF-8" in message


def _run_in_pane(pane: TmuxPane, app: Path, data: Path, env: dict[str, str]) -> TmuxPane:
    argv = ["env", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "LANG"]
    argv += [f"{k}={v}" for k, v in env.items()]
    return pane.start([*argv, str(app), "--demo", "--data", str(data)])


@pytest.mark.e2e
def test_small_window_gets_the_message_not_a_broken_screen(
    tmux: Callable[..., TmuxPane], branchtui_bin: Path, tmp_path: Path
) -> None:
    pane = _run_in_pane(
        tmux(70, 20), branchtui_bin, tmp_path / "d", {"LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY}
    )
    pane.wait_until(lambda _s: pane.dead(), "程序退出", 30)
    said = pane.history()
    assert "当前 70×20，至少需要 80×24" in said and "Traceback" not in said


@pytest.mark.e2e
def test_gbk_locale_gets_the_message(
    tmux: Callable[..., TmuxPane], branchtui_bin: Path, tmp_path: Path
) -> None:
    pane = _run_in_pane(
        tmux(), branchtui_bin, tmp_path / "d", {"LANG": "zh_CN.GBK", "BRANCHTUI_TODAY": TODAY}
    )
    pane.wait_until(lambda _s: pane.dead(), "程序退出", 30)
    said = pane.history()
    assert "不是 UTF-8" in said and "LANG=C.UTF-8" in said and "Traceback" not in said


@pytest.mark.e2e
def test_c_locale_still_shows_chinese(
    tmux: Callable[..., TmuxPane], branchtui_bin: Path, tmp_path: Path
) -> None:
    pane = _run_in_pane(tmux(), branchtui_bin, tmp_path / "d", {"BRANCHTUI_TODAY": TODAY})
    screen = pane.wait_for("待办事项", 40)
    assert "查看日期：2026-11-27" in screen
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "程序退出", 15)
