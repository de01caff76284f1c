"""The first frame comes before the data file is read; keys typed meanwhile are not lost."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from textual.widgets import Static

from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.roster import RosterScreen


def info_text(app: Any) -> str:
    return str(app.screen.query_one("#dash-info", Static).render())


async def test_dashboard_paints_while_reading_then_replays_keys(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_open = Store.open

    def slow_open(*args: Any, **kwargs: Any) -> Store:
        gate.wait(20)  # a big file: the read takes as long as the test says
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Store, "open", slow_open)
    app = build_app(branch_dir, today=today, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.pause()
        assert "正在读取数据…" in info_text(app)
        assert str(branch_dir) in info_text(app)
        await pilot.press("2")  # typed while reading: kept, and done once the data is there
        assert isinstance(app.screen, DashboardScreen)
        gate.set()
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))


async def test_corrupt_file_shows_message_and_restore_way(branch_dir: Path, today: dt.date) -> None:
    (branch_dir / "branch.json").write_text("{ not json", encoding="utf-8")
    app = build_app(branch_dir, today=today, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "无法打开数据" in info_text(app))
        text = info_text(app)
        assert "已损坏" in text and "文件未被改动" in text
        assert "Traceback" not in text
        await pilot.press("2")  # no data: the task areas stay closed, nothing crashes
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
