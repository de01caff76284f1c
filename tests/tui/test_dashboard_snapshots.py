"""The dashboard pinned as SVG snapshots on the demo branch at 2026-11-27 (80×24 and 120×36)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_dashboard import highlight, settled
from textual.pilot import Pilot

from branchtui.tui.app import build_app


async def wait_for_duties(pilot: Pilot[None]) -> None:
    await settled(pilot)


def test_dashboard_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_for_duties)


def test_dashboard_120x36_with_progress(
    demo_dir: Path,
    today: dt.date,
    snap_compare: Any,
) -> None:
    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(120, 36), run_before=wait_for_duties)


def test_detail_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    async def open_vacancy(pilot: Pilot[None]) -> None:
        await settled(pilot)
        await highlight(pilot, "ORG-8")  # the vacant seat
        await pilot.press("enter")
        await pilot.pause()

    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_vacancy)


def test_dashboard_back_in_march_80x24(
    demo_dir: Path,
    today: dt.date,
    snap_compare: Any,
) -> None:
    async def go_to_march(pilot: Pilot[None]) -> None:
        await settled(pilot)
        await pilot.press("d", *["backspace"] * 10, *"0310", "enter")
        await settled(pilot)

    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=go_to_march)
