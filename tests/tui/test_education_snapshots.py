"""The 教育管理 screens pinned at 80×24 on the fixed branch with the area's cases.

If a screen changes on purpose, re-run with --snapshot-update and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from fixture_education import write_education_fixture
from textual.pilot import Pilot
from textual.widgets import Static

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.widgets.obligation_list import ObligationList


@pytest.fixture
def edu_app(data_dir: Path, today: dt.date) -> BranchApp:
    write_education_fixture(data_dir, today)
    return build_app(data_dir, today=today)


def _opens(key: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("5", key)

        def judged() -> bool:
            found = pilot.app.screen.query("#register-duties")
            return bool(found) and bool(str(found.first(Static).render()))

        await settle(pilot, judged)

    return run_before


@pytest.mark.parametrize(
    "key",
    ["s", "p", "t", "l", "x"],
    ids=["study", "activities", "attendance", "lost", "discipline"],
)
def test_education_screen_80x24(edu_app: BranchApp, snap_compare: Any, key: str) -> None:
    assert snap_compare(edu_app, terminal_size=(80, 24), run_before=_opens(key))


def test_area_menu_80x24(edu_app: BranchApp, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("5")
        await settle(pilot, lambda: bool(pilot.app.screen.query_one(ObligationList).shown))

    assert snap_compare(edu_app, terminal_size=(80, 24), run_before=run_before)
