"""The dashboard and `branchtui todo` list the same obligations for the same folder and date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import settle

from branchtui.cli import run
from branchtui.tui.app import build_app
from branchtui.tui.screens.dashboard import DashboardScreen

# Holidays that move November's first working day, so the folder's overrides matter.
CALENDAR = "holidays = [2026-11-02, 2026-11-03]\nworkdays = [2026-11-28]\n"


def todo_json(folder: Path, day: dt.date, capsys: pytest.CaptureFixture[str]) -> list[Any]:
    capsys.readouterr()
    assert run(["todo", "--json", "--on", day.isoformat(), "--data", str(folder)]) == 0
    doc: list[Any] = json.loads(capsys.readouterr().out)
    return doc


async def dashboard_json(folder: Path, today: dt.date, back_days: int) -> list[Any]:
    app = build_app(folder, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await settle(pilot, lambda: bool(screen.obligations))
        for _ in range(back_days):
            before = screen.request
            await pilot.press("left_square_bracket")
            await settle(pilot, lambda before=before: screen.request > before)
        await settle(pilot, lambda: "正在计算" not in str(screen.query_one("#dash-info").render()))
        assert screen.on_date == today - dt.timedelta(days=back_days)
        return [ob.to_json() for ob in screen.obligations]


@pytest.mark.parametrize("back_days", [0, 2])
async def test_same_folder_same_date_same_list(
    branch_dir: Path, today: dt.date, back_days: int, capsys: pytest.CaptureFixture[str]
) -> None:
    (branch_dir / "calendar.toml").write_text(CALENDAR, encoding="utf-8")
    day = today - dt.timedelta(days=back_days)
    from_todo = todo_json(branch_dir, day, capsys)
    from_dashboard = await dashboard_json(branch_dir, today, back_days)
    assert from_dashboard == from_todo
    theme = next(o for o in from_todo if o["rule"] == "LIFE-5" and o["period"] == "2026-11")
    assert theme["due"] == "2026-11-06"  # both read the overrides: first working day 11-04


async def test_a_broken_calendar_file_is_said_by_both_and_both_use_the_built_in_one(
    branch_dir: Path, today: dt.date, capsys: pytest.CaptureFixture[str]
) -> None:
    (branch_dir / "calendar.toml").write_text("holidays = [2026-13-01\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["todo", "--json", "--data", str(branch_dir)]) == 0
    captured = capsys.readouterr()
    assert "calendar.toml" in captured.err and "暂按内置节假日计算" in captured.err
    from_todo = json.loads(captured.out)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await settle(pilot, lambda: bool(screen.obligations))
        assert [ob.to_json() for ob in screen.obligations] == from_todo
        assert any("calendar.toml" in str(n.message) for n in app._notifications)
