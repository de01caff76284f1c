"""Pinned screens of 发展党员 at 80×24 on the fixed branch with its development files
(tests/tui/fixture_development.py): the 信息库 by stage, a person's file, the step form with a
date that breaks a rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fixture_development import write_development_fixture
from textual.pilot import Pilot

from branchtui.tui.app import BranchApp, build_app


@pytest.fixture
def dev_app(data_dir: Path, today: dt.date) -> BranchApp:
    write_development_fixture(data_dir, today)
    return build_app(data_dir, today=today)


async def _settled(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _pipeline(pilot: Pilot[Any]) -> None:
    await pilot.press("6", "d")
    await _settled(pilot)


async def _file(pilot: Pilot[Any]) -> None:
    await pilot.press("6", "d", "down", "down", "down", "down", "enter")  # 周文静
    await _settled(pilot)


async def _refused_date(pilot: Pilot[Any]) -> None:
    await pilot.press("6", "d", "down", "down", "enter")  # 马晓东, an activist
    await _settled(pilot)
    pilot.app.screen.focus_step("target")  # type: ignore[attr-defined]
    await pilot.press("e")
    await _settled(pilot)


def test_pipeline_80x24(dev_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(dev_app, terminal_size=(80, 24), run_before=_pipeline)


def test_candidate_file_80x24(dev_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(dev_app, terminal_size=(80, 24), run_before=_file)


def test_step_form_refusing_a_date_80x24(dev_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(dev_app, terminal_size=(80, 24), run_before=_refused_date)
