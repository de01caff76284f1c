"""Pinned screens (SVG snapshots) of the demo branch on a fixed day, at 80×24 and 120×36.

If the demo generator (domain/demo) changes on purpose, re-run with --snapshot-update and look.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from branchtui.domain.demo import make_demo
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app


@pytest.fixture
def demo_app(data_dir: Path, today: dt.date) -> BranchApp:
    store = Store.open(data_dir, create=True)
    store.replace_all(make_demo(today=today, seed=2017, members=20))
    return build_app(data_dir, today=today)


async def _home(pilot: Pilot[Any]) -> None:
    await pilot.press("2", "o")
    await pilot.pause()


async def _roster(pilot: Pilot[Any]) -> None:
    await pilot.press("2", "m")
    await pilot.pause()


async def _member_form(pilot: Pilot[Any]) -> None:
    await pilot.press("2", "m", "e")
    await pilot.pause()


def test_home_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_home)


def test_home_120x36(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_home)


def test_roster_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_roster)


def test_member_form_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_member_form)
