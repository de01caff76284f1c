"""The dashboard's rows at 80×24, read off the screen: each keeps its meaning whole."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from test_dashboard import settled
from textual.pilot import Pilot

from branchtui.domain.obligations import Obligation
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.obligation_list import ObligationList


def screen_lines(app: BranchApp) -> list[str]:
    """The terminal's lines as the user sees them (a CJK character once, not twice)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


ROW = re.compile(r"│ (\S+) +([A-Z]+-\d+) ")


def row_of(lines: list[str], ob: Obligation) -> str:
    """The screen line of ``ob``: its rule ID and its due date (or no date) on one line."""
    due = ob.due.isoformat() if ob.due else ""
    found = [line for line in lines if f" {ob.rule} " in line and due in line]
    assert found, f"{ob.rule} 未显示"
    return found[0]


def assert_rows_whole(lines: list[str], shown: list[Obligation]) -> int:
    """Every obligation row on screen shows its detail or its short form whole; the count."""
    rows = [line for line in lines if ROW.match(line)]
    for line in rows:
        rule = ROW.match(line).group(2)  # type: ignore[union-attr]
        texts = [
            terminal_safe(text) for ob in shown if ob.rule == rule for text in (ob.detail, ob.short)
        ]
        assert any(text in line for text in texts), f"{rule} 的说明被截断：{line}"
        assert "..." not in line
    return len(rows)


async def read_rows(pilot: Pilot[None]) -> tuple[list[str], list[Obligation]]:
    app: BranchApp = pilot.app  # type: ignore[assignment]
    await settled(pilot)
    assert isinstance(app.screen, DashboardScreen)
    shown = list(app.screen.query_one(ObligationList).shown.values())
    return screen_lines(app), shown


async def test_rows_at_80_columns_show_whole_details_or_short_forms(
    demo_dir: Path,
    today: dt.date,
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        lines, shown = await read_rows(pilot)
        assert all(len(line) <= 80 for line in lines)
        assert assert_rows_whole(lines, shown) >= 10
        vacancy = next(ob for ob in shown if ob.rule == "ORG-8")
        days = (today - dt.date.fromisoformat(vacancy.detail.split()[1])).days
        assert f"空缺{days}天" in row_of(lines, vacancy)  # the whole number: 39, not "3"
        may = next(ob for ob in shown if ob.rule == "LIFE-2" and ob.status == "overdue")
        assert "0 次（应 1 次）" in row_of(lines, may) or "0次（应1次）" in row_of(lines, may)


async def test_rows_keep_their_meaning_beside_the_scroll_bar(
    demo_dir: Path,
    today: dt.date,
) -> None:
    # With the completed duties shown the list scrolls: the scroll bar takes two columns.
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("c")
        lines, shown = await read_rows(pilot)
        assert any("▄" in line or "▀" in line or "█" in line for line in lines)  # it scrolls
        assert assert_rows_whole(lines, shown) >= 10
        for _ in range(3):  # further down, among the completed duties
            await pilot.press("pagedown")
            await pilot.pause()
            assert assert_rows_whole(screen_lines(app), shown) >= 10
