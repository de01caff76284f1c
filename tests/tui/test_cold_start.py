"""The first frame comes before the data file is read; keys typed meanwhile are not lost.

Deterministic under load: the read is held by the test, and the order of what happened is
asserted, never how long anything took.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import info_text, settle
from textual.pilot import Pilot

from branchtui.storage.duties_ahead import KEPT, DutiesAhead, keep_todays_duties
from branchtui.storage.folder_obligations import obligations_for_folder
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens import dashboard as dashboard_module
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.roster import RosterScreen


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
        self.real_open = real_open = Store.open

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


async def test_duties_shown_from_the_cache_are_not_written_there_again(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first start keeps today's duties once; a start that showed them from the cache
    # neither computes nor writes them again (the cache file is left as it is).
    written: list[str] = []
    real = dashboard_module.remember_obligations

    def remember(folder: Path, computed: Any) -> None:
        written.append(computed.key)
        real(folder, computed)

    monkeypatch.setattr(dashboard_module, "remember_obligations", remember)
    computed = computed_here(monkeypatch)
    for _start in range(2):
        app = build_app(branch_dir, today=today, background=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(
                pilot, lambda shown=app: shown.store is not None and "已完成" in info_text(shown)
            )
            await pilot.app.workers.wait_for_complete()
    assert computed == [today] and len(written) == 1 and written[0].startswith(today.isoformat())


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


class PlayedChild:
    """The child forked at launch (storage.duties_ahead), played by the test: it keeps today's
    duties in the cache, or fails, when the test says so."""

    def __init__(self, folder: Path, on: dt.date) -> None:
        self.folder, self.on = folder, on
        read_end, self.write_end = os.pipe()
        os.set_blocking(read_end, False)
        self.process = subprocess.Popen(["true"])  # a real child for the app to reap
        self.handle = DutiesAhead(self.process.pid, read_end, on)

    def ends(self, *, kept: bool) -> None:
        if kept:
            assert keep_todays_duties(self.folder, self.on)
            os.write(self.write_end, KEPT)
        os.close(self.write_end)


def computed_here(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The dates the dashboard computed duties for itself (not shown from the cache)."""
    calls: list[dt.date] = []
    real = dashboard_module.compute_obligations

    def compute(folder: Path, data: Any, on: dt.date, key: str = "") -> Any:
        calls.append(on)
        return real(folder, data, on, key)

    monkeypatch.setattr(dashboard_module, "compute_obligations", compute)
    return calls


def expected_duties(folder: Path, on: dt.date) -> list[dict[str, Any]]:
    found = obligations_for_folder(folder, Store.read_snapshot(folder), on)
    return [ob.to_json() for ob in found.obligations]


async def test_the_first_start_of_a_day_shows_the_duties_computed_ahead_before_reading(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = computed_here(monkeypatch)
    read = HeldRead(monkeypatch)
    child = PlayedChild(branch_dir, today)
    app = build_app(branch_dir, today=today, background=True, duties_ahead=child.handle)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, read.reading.is_set)
        assert "正在读取数据…" in info_text(app)  # nothing in the cache yet: no list
        child.ends(kept=True)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await until(pilot, lambda: bool(screen.obligations))
        assert app.store is None  # shown while this process still reads the file
        assert "已逾期" in info_text(app) and "正在读取数据" not in info_text(app)
        assert [ob.to_json() for ob in screen.obligations] == expected_duties(branch_dir, today)
        read.release()
        await settle(pilot, lambda: app.store is not None)
        assert [ob.to_json() for ob in screen.obligations] == expected_duties(branch_dir, today)
    assert calls == []  # judged once, by the child
    assert child.process.poll() is not None  # reaped


async def test_when_the_file_is_read_first_the_dashboard_waits_for_the_child(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = computed_here(monkeypatch)
    child = PlayedChild(branch_dir, today)
    app = build_app(branch_dir, today=today, background=True, duties_ahead=child.handle)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: app.store is not None)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.obligations == [] and calls == []  # not computed twice
        child.ends(kept=True)
        await until(pilot, lambda: bool(screen.obligations))
        assert [ob.to_json() for ob in screen.obligations] == expected_duties(branch_dir, today)
        await pilot.app.workers.wait_for_complete()
    assert calls == []


@pytest.mark.parametrize("what", ["the child kept nothing", "the file changed since"])
async def test_without_a_valid_result_from_the_child_the_dashboard_computes_them(
    what: str, branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = computed_here(monkeypatch)
    read = HeldRead(monkeypatch)
    child = PlayedChild(branch_dir, today)
    app = build_app(branch_dir, today=today, background=True, duties_ahead=child.handle)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, read.reading.is_set)
        if what == "the child kept nothing":
            child.ends(kept=False)
        else:
            child.ends(kept=True)
            store = read.real_open(branch_dir)
            member = store.snapshot().members[0]
            member.phone = ""  # another session's commit: ORG-1 now lacks a phone number
            store.save(member)
        await until(pilot, lambda: child.process.poll() is not None)
        assert "正在读取数据…" in info_text(app)  # no stale list
        read.release()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await settle(pilot, lambda: bool(screen.obligations))
        assert [ob.to_json() for ob in screen.obligations] == expected_duties(branch_dir, today)
    assert calls == [today]
