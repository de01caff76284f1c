"""The installed launcher on the first start of a day: today's duties are computed by a child
forked before Textual loads (storage.duties_ahead); the secretary sees them, and no process
of it is left behind — not while the TUI runs, not after quitting."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.e2e.conftest import TmuxPane

pytestmark = pytest.mark.e2e

TODAY = "2026-11-27"  # tests/conftest.py's fixed today


def processes_of(folder: Path) -> list[int]:
    """Live processes whose command line names ``folder`` (the TUI, and its child while it runs)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if str(folder).encode() in argv:
            found.append(int(entry.name))
    return found


def children_of(pid: int) -> list[str]:
    """Its children, zombies included (a child never reaped stays listed here)."""
    return (Path(f"/proc/{pid}/task/{pid}/children")).read_text().split()


def test_first_start_of_a_day_shows_the_duties_and_leaves_no_process(
    tmux: Callable[..., TmuxPane], branchtui_bin: Path, tmp_path: Path
) -> None:
    data, cache = tmp_path / "d", tmp_path / "cache"
    env = {"LANG": "C.UTF-8", "BRANCHTUI_TODAY": TODAY, "XDG_CACHE_HOME": str(cache)}
    subprocess.run(
        [str(branchtui_bin), "demo", "--data", str(data)],
        check=True,
        capture_output=True,
        env={**os.environ, **env},
    )
    assert not (cache / "branchtui" / "duties").exists()  # nothing kept: the first start
    pane = tmux().start([str(branchtui_bin), "--data", str(data)], env)
    screen = pane.wait_for("已完成", 60)
    assert "已逾期" in screen and "正在读取数据" not in screen and "Traceback" not in screen
    assert len(list((cache / "branchtui" / "duties").glob("*.json"))) == 1
    (tui,) = processes_of(data)  # the child has ended …
    assert children_of(tui) == []  # … and was reaped
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "程序退出", 15)
    assert processes_of(data) == []
    assert "Traceback" not in pane.history()


def test_a_session_ending_keeps_the_next_days_duties_for_tomorrows_first_start(
    tmux: Callable[..., TmuxPane], branchtui_bin: Path, tmp_path: Path
) -> None:
    """Unpinned, quitting starts a process computing the next three days' duties: tomorrow's
    first start (or Monday's) shows them from the cache unless the file has changed."""
    import datetime as dt
    import time

    data, cache = tmp_path / "d", tmp_path / "cache"
    env = {"LANG": "C.UTF-8", "XDG_CACHE_HOME": str(cache)}
    subprocess.run(
        [str(branchtui_bin), "demo", "--data", str(data)],
        check=True,
        capture_output=True,
        env={**os.environ, **env},
    )
    today = dt.date.today()
    pane = tmux().start([str(branchtui_bin), "--data", str(data)], env)
    pane.wait_for("已完成", 60)
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "程序退出", 15)
    deadline = time.monotonic() + 60
    while processes_of(data) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_of(data) == []  # the days-ahead process has ended too
    kept = sorted(p.name.rsplit("-", 3)[-3:] for p in (cache / "branchtui" / "duties").iterdir())
    dates = [dt.date(int(y), int(m), int(d.removesuffix(".json"))) for y, m, d in kept]
    assert dates == [today + dt.timedelta(days=n) for n in range(4)]
    assert "Traceback" not in pane.history()
