"""The reports area pinned as SVG snapshots on the demo branch at 2026-11-27: the monthly report
preview at 120×36, and each reports screen at 80×24 (every key in the Footer, nothing cut)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import settle
from textual.pilot import Pilot
from textual.widgets import DataTable

from branchtui.tui.app import build_app
from branchtui.tui.widgets.report_preview import ReportPreview


def _previewed(pilot: Pilot[Any], words: str) -> bool:
    previews = pilot.app.screen.query(ReportPreview)
    return bool(previews) and previews.first().ready and words in previews.first().source


def _opened(keys: str, words: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await settle(pilot, lambda: _previewed(pilot, words))
        await pilot.pause()

    return run_before


MONTHLY = _opened("0m", "2026年11月开展党支部基本建设工作情况的报告")


def test_monthly_report_preview_120x36(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(120, 36), run_before=MONTHLY)


def test_monthly_report_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=MONTHLY)


def test_assessment_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("0", "y")
        await settle(pilot, lambda: getattr(pilot.app.screen, "context", None) is not None)
        await pilot.pause()

    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_year_documents_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    app = build_app(demo_dir, today=today)
    run_before = _opened("0d", "2026年度开展党支部基本建设工作情况的报告")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_practices_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("0", "p")
        await settle(pilot, lambda: getattr(pilot.app.screen, "SCREEN_ID", "") == "practices")
        await pilot.pause()

    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_ledger_volumes_80x24(demo_dir: Path, today: dt.date, snap_compare: Any) -> None:
    opened = _opened("0l", "2026年度台账 之01：组织建设")

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        table = pilot.app.screen.query_one("#volume-table", DataTable)
        # The entries are counted by another worker: every volume's count on screen.
        await settle(pilot, lambda: all(str(table.get_row_at(i)[2]) != "…" for i in range(12)))
        await pilot.pause()

    app = build_app(demo_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
