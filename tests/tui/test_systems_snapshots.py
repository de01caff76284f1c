"""Pinned screens of 建章立制 on the demo branch at 80×24: 规章制度, 年度工作计划 (with its project
form), 电子台帐 and 上级检查.

If the demo generator (domain/demo) changes on purpose, re-run with --snapshot-update and look.
"""

from __future__ import annotations

from typing import Any

from conftest import open_register, settle
from textual.pilot import Pilot

from branchtui.tui.app import BranchApp
from branchtui.tui.widgets.record_form import RecordForm


async def _systems(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "8", "s")


async def _plans(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "8", "p")


async def _plan_item_form(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "8", "p")
    await pilot.press("e")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    await pilot.pause()


async def _ledger(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "8", "l")


async def _inspections(pilot: Pilot[Any]) -> None:
    await open_register(pilot, "8", "i")


def test_systems_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_systems)


def test_work_plan_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_plans)


def test_plan_item_form_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_plan_item_form)


def test_inspections_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_inspections)


def test_ledger_80x24(demo_app: BranchApp, snap_compare: Any) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_ledger)
