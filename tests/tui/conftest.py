"""Fixtures for Pilot and snapshot tests: the fixed branch, and no blinking cursor."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkerCancelled

sys.path.insert(0, str(Path(__file__).parent))

from fixture_branch import write_fixture
from fixture_education import write_education_fixture

from branchtui.domain.demo import make_demo
from branchtui.domain.records import BranchData
from branchtui.storage.store import Store


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A steady cursor, so that screenshots do not depend on timing."""
    original = Input._on_mount

    def on_mount(self: Input, event: Any) -> None:
        self.cursor_blink = False
        original(self, event)

    monkeypatch.setattr(Input, "_on_mount", on_mount)


@pytest.fixture
def branch_dir(data_dir: Path, today: dt.date) -> Path:
    """A data folder holding the fixed 12-member branch."""
    write_fixture(data_dir, today)
    return data_dir


@pytest.fixture
def edu_dir(data_dir: Path, today: dt.date) -> Path:
    """A data folder holding the fixed branch with the education area's cases (fixture_education)."""
    write_education_fixture(data_dir, today)
    return data_dir


@cache
def demo_doc(today: dt.date) -> dict[str, object]:
    # Building the demo takes most of a second: once per session, copied into each folder.
    return make_demo(today=today, seed=2017).to_dict()


@pytest.fixture
def demo_dir(data_dir: Path, today: dt.date) -> Path:
    """A data folder holding the demo branch (seed 2017) as of ``today``."""
    Store.open(data_dir, create=True).replace_all(BranchData.from_dict(demo_doc(today)))
    return data_dir


@pytest.fixture
def demo_app(data_dir: Path, today: dt.date) -> Any:
    """The app on a 20-member demo branch (seed 2017) as of ``today``, for snapshots."""
    from branchtui.tui.app import build_app

    store = Store.open(data_dir, create=True)
    store.replace_all(make_demo(today=today, seed=2017, members=20))
    return build_app(data_dir, today=today)


def read_file(data_dir: Path) -> BranchData:
    """What the data file holds, read by a fresh session (as another login would see it)."""
    return Store.open(data_dir).snapshot()


def file_text(data_dir: Path) -> str:
    """The data file's raw text (UTF-8, Chinese kept readable)."""
    return (data_dir / "branch.json").read_text(encoding="utf-8")


async def settle(pilot: Pilot[Any], done: Callable[[], bool], seconds: float = 10) -> None:
    """Wait for workers and messages until ``done()`` holds (the machine may be busy)."""
    for _ in range(int(seconds / 0.05)):
        # An exclusive worker replaced by a newer one ends cancelled: no failure, done() decides.
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("等待超时")


def text_of(app: Any, selector: str) -> str:
    """What a Static of the screen shown says."""
    return str(app.screen.query_one(selector, Static).render())


def text_if_shown(app: Any, selector: str) -> str:
    """What a Static of the screen shown says; "" while the screen has no such Static."""
    found = app.screen.query(selector)
    return str(found.first(Static).render()) if found else ""


def duties(app: Any) -> str:
    """The duty lines a register shows above its list (#register-duties)."""
    return text_of(app, "#register-duties")


def info_text(app: Any) -> str:
    """The dashboard's info line (#dash-info)."""
    return text_of(app, "#dash-info")


def table_rows(app: Any, table: str = "#register-table") -> list[list[str]]:
    """Every row of a DataTable of the screen shown, as cell texts."""
    grid = app.screen.query_one(table, DataTable)
    return [[str(c) for c in grid.get_row_at(i)] for i in range(grid.row_count)]


def dashboard_status(app: Any, rule: str, period: str = "") -> str | None:
    """The status of the dashboard's first row of ``rule`` (of ``period`` when given)."""
    from branchtui.tui.widgets.obligation_list import ObligationList

    shown = app.screen.query_one(ObligationList).shown.values()
    found = [ob.status for ob in shown if ob.rule == rule and (not period or ob.period == period)]
    return found[0] if found else None


def screen_text(app: Any) -> str:
    """What the terminal shows, row by row (from a screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(m.group(2)), []).append(
            (float(m.group(1)), html.unescape(m.group(3)))
        )
    return "\n".join("".join(t for _, t in sorted(v)) for _, v in sorted(rows.items()))


async def until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    """Let the app run until ``done()`` holds without waiting for workers (settle would wait
    for a dialog worker that awaits the user)."""
    for _ in range(200):
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("等待超时")


async def open_register(pilot: Pilot[Any], *keys: str) -> None:
    """Press ``keys`` (an area, then a screen) and wait until the register's duties are judged."""
    await pilot.press(*keys)
    await settle(pilot, lambda: bool(text_if_shown(pilot.app, "#register-duties")))


async def on_screen(pilot: Pilot[Any], kind: type) -> None:
    """Wait until the screen shown is a ``kind``."""
    await settle(pilot, lambda: isinstance(pilot.app.screen, kind))


async def open_duty(pilot: Pilot[Any], rule: str) -> None:
    """On the dashboard: wait for a duty of ``rule``, move the cursor to it and open its detail,
    as a user would."""
    from branchtui.tui.screens.dashboard import DashboardScreen
    from branchtui.tui.screens.obligation_detail import ObligationDetail
    from branchtui.tui.widgets.obligation_list import ObligationList

    await on_screen(pilot, DashboardScreen)
    duties = pilot.app.screen.query_one(ObligationList)
    await settle(pilot, lambda: any(ob.rule == rule for ob in duties.shown.values()))
    rules = [ob.rule for ob in duties.shown.values()]
    await pilot.press("home", *["down"] * rules.index(rule), "enter")
    await on_screen(pilot, ObligationDetail)


async def settle_from_dashboard(pilot: Pilot[Any], rule: str, screen: type) -> None:
    """Open the detail of a duty of ``rule`` on the dashboard, press Enter to settle it and
    wait for the ``screen`` it goes to."""
    await open_duty(pilot, rule)
    await pilot.press("enter")
    await on_screen(pilot, screen)
