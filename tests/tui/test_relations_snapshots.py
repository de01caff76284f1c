"""Pinned screens of 组织关系 and 党内关怀 on the demo branch at 80×24.

If the demo generator (domain/demo) changes on purpose, re-run with --snapshot-update and look.
"""

from __future__ import annotations

from typing import Any

from conftest import open_register, settle
from textual.pilot import Pilot
from textual.widgets import Static

from branchtui.tui.app import BranchApp


async def _transfers(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "4", "t")


async def _flowing(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "4", "f")


async def _talks(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "7", "t")


async def _fluctuations(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "7", "s")
    await pilot.press("h")  # the demo's one entry is resolved: shown with the history
    await settle(
        pilot,
        lambda: "含已结束" in str(pilot.app.screen.query_one("#register-filter", Static).render()),
    )


async def _wizard_advice(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "4", "t")
    await pilot.press("a")
    await settle(pilot, lambda: pilot.app.screen.query("#field-direction").results() != [])
    await pilot.press("enter")
    await settle(
        pilot,
        lambda: "外出情况" in str(pilot.app.screen.query_one("#wizard-progress", Static).render()),
    )
    pilot.app.screen.query_one("#field-months").focus()
    await pilot.press(*"5")
    await pilot.pause()


def test_transfers_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_transfers)


def test_transfer_wizard_advice_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_wizard_advice)


def test_flowing_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_flowing)


def test_talks_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_talks)


def test_fluctuations_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_fluctuations)
