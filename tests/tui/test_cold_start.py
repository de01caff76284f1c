"""The first frame comes before the data file is read; keys typed meanwhile are not lost.

Deterministic under load: the read is held by the test, and the order of what happened is
asserted, never how long anything took.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from textual.pilot import Pilot
from textual.widgets import Static

from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.roster import RosterScreen


def info_text(app: Any) -> str:
    return str(app.screen.query_one("#dash-info", Static).render())


async def until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    """Let the app run until ``done()`` holds, without waiting for its workers: the read is
    held back by the test, so waiting for workers would wait for the test itself."""
    for _ in range(1200):  # a hang fails after ~60 s; the events, not the time, are asserted
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("等待超时")


class HeldRead:
    """Store.open held until ``release()``: a big file whose read takes as long as the test
    says; ``events`` records when the read started and ended."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[str] = []
        self.reading, self.gate = threading.Event(), threading.Event()
        real_open = Store.open

        def slow_open(*args: Any, **kwargs: Any) -> Store:
            self.events.append("read started")
            self.reading.set()
            self.gate.wait(60)
            self.events.append("read done")
            return real_open(*args, **kwargs)

        monkeypatch.setattr(Store, "open", slow_open)

    def release(self) -> None:
        self.gate.set()


async def test_dashboard_paints_while_reading_then_replays_keys(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = HeldRead(monkeypatch)
    events = read.events
    real_opening = DashboardScreen._show_opening

    def show_opening(screen: DashboardScreen) -> None:
        real_opening(screen)
        events.append(f"dashboard shows: {info_text(screen.app)}")

    monkeypatch.setattr(DashboardScreen, "_show_opening", show_opening)
    app = build_app(branch_dir, today=today, background=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, read.reading.is_set)
        # The dashboard's frame, with the folder being read, came before the read began.
        first = events[0]
        assert first.startswith("dashboard shows:") and "正在读取数据…" in first
        assert str(branch_dir) in first
        assert events.index("read started") > 0
        assert isinstance(app.screen, DashboardScreen)
        assert "正在读取数据…" in info_text(app)
        await pilot.press("2", "m")  # typed while reading: kept, and done once the data is there
        assert isinstance(app.screen, DashboardScreen) and "read done" not in events
        read.release()
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
    assert events.index("read done") > events.index("read started")


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


async def test_a_second_start_shows_todays_duties_before_reading(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first start computes today's duties; the next one shows them in its first frame
    # (nothing they came from has changed), while the data file is still being read.
    first = build_app(branch_dir, today=today, background=True)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(getattr(first.screen, "obligations", None)))
        computed = [ob.to_json() for ob in first.screen.obligations]  # type: ignore[attr-defined]
        await pilot.app.workers.wait_for_complete()
    read = HeldRead(monkeypatch)
    again = build_app(branch_dir, today=today, background=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, read.reading.is_set)
        screen = again.screen
        assert isinstance(screen, DashboardScreen) and again.store is None
        assert [ob.to_json() for ob in screen.obligations] == computed
        assert "已逾期" in info_text(again) and "正在读取数据" not in info_text(again)
        read.release()
        await settle(pilot, lambda: again.store is not None)
        assert [ob.to_json() for ob in screen.obligations] == computed


async def test_after_another_session_wrote_the_duties_are_computed_again(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_app(branch_dir, today=today, background=True)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(getattr(first.screen, "obligations", None)))
        await pilot.app.workers.wait_for_complete()
    store = Store.open(branch_dir)
    member = store.snapshot().members[0]
    member.phone = ""  # ORG-1 now lacks a phone number: the list must say so
    store.save(member)
    read = HeldRead(monkeypatch)
    again = build_app(branch_dir, today=today, background=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, read.reading.is_set)
        assert "正在读取数据…" in info_text(again)  # no stale list
        read.release()
        screen = again.screen
        await settle(pilot, lambda: bool(getattr(screen, "obligations", None)))
        roster = next(ob for ob in screen.obligations if ob.rule == "ORG-1")  # type: ignore[attr-defined]
        assert member.name in roster.detail and "联系电话" in roster.detail
