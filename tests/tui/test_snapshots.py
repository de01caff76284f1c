"""Pinned screens (SVG snapshots) of the demo branch on a fixed day, at 80×24 and 120×36.

If the demo generator (domain/demo) changes on purpose, re-run with --snapshot-update and look.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from branchtui.tui.app import BranchApp


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
