"""Nothing is cut at 80×24: every screen of the registry on the demo branch, each register's
add form and the F1 help show their column headings, field labels and titles whole (no
ellipsis, no heading past the list's right edge, no label wrapped in two), as a user at a
plain 80-column terminal reads them (layout_cuts.py says what counts as a cut)."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pytest
from conftest import settle, until
from layout_cuts import screen_cuts
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, Static

from branchtui.tui.app import build_app
from branchtui.tui.registry import AREAS, AreaSpec, ScreenSpec
from branchtui.tui.screens.help import HelpScreen

SCREENS = [(area, spec) for area in AREAS for spec in area.screens]
# Actions that open a form or a wizard for a new record, whatever is selected.
OPENS_A_FORM = ("add", "new", "new_term", "add_commemoration")


def screen_class(spec: ScreenSpec) -> type:
    module_name, _, class_name = spec.factory.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


async def cuts_shown(pilot: Pilot[Any], where: str) -> list[str]:
    # Not settle: a wizard's worker waits for the user and would never complete.
    await pilot.pause(0.3)
    return [f"{where}：{cut}" for cut in screen_cuts(pilot.app)]


async def open_screen(pilot: Pilot[Any], area: AreaSpec, spec: ScreenSpec) -> None:
    keys = [area.key] if area.id == "dashboard" else [area.key, spec.key]
    await pilot.press(*keys)
    kind = screen_class(spec)
    await settle(pilot, lambda: isinstance(pilot.app.screen, kind))


@pytest.mark.parametrize(("area", "spec"), SCREENS, ids=[s.id for _, s in SCREENS])
async def test_nothing_is_cut_at_80x24(
    demo_dir: Path, today: dt.date, area: AreaSpec, spec: ScreenSpec
) -> None:
    app = build_app(demo_dir, today=today)
    found: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, area, spec)
        screen = app.screen
        await settle(pilot, lambda: True)  # the screen's list, read by a worker
        found += await cuts_shown(pilot, spec.title)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        found += await cuts_shown(pilot, f"{spec.title}的帮助")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        edit = next((a for a in spec.actions if a.action == "edit"), None)
        if edit is not None and _has_rows(screen):
            await pilot.press(edit.key.split(",")[0])
            await until(pilot, lambda: app.screen is not screen)
            found += await cuts_shown(pilot, f"{spec.title}的{edit.title}")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
        add = next((a for a in spec.actions if a.action in OPENS_A_FORM), None)
        if add is not None:
            await pilot.press(add.key.split(",")[0])
            await until(pilot, lambda: app.screen is not screen)
            found += await cuts_shown(pilot, f"{spec.title}的{add.title}")
            form = app.screen
            await pilot.press("f1")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
            found += await cuts_shown(pilot, f"{spec.title}的{add.title}的帮助")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is form)
    assert found == []


def _has_rows(screen: Any) -> bool:
    """Whether the screen lists a record to edit (its first list has a row under the cursor)."""
    tables = screen.query(DataTable)
    return bool(tables) and tables.first(DataTable).row_count > 0


def test_the_checker_finds_a_cut_heading_a_wrapped_label_and_an_ellipsis() -> None:
    """The checker is able to fail: a heading wider than its column, a heading past the right
    edge, a label wrapped in two and an ellipsis are each reported."""
    from textual.app import App, ComposeResult

    class Cut(App[None]):
        def compose(self) -> ComposeResult:
            table: DataTable[str] = DataTable()
            table.add_column("平台编号", width=4)
            table.add_column("对方党组织" * 7)
            table.add_column("帮扶金额")
            yield table
            label = Label("前往国家（地区）")
            label.styles.width = 10
            yield label
            yield Static("已召开…会")

    import asyncio

    async def run() -> list[str]:
        app = Cut()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return screen_cuts(app)

    found = asyncio.run(run())
    assert any("平台编号" in f and "放不下" in f for f in found), found
    assert any("帮扶金额" in f and "右边" in f for f in found), found
    assert any("前往国家（地区）" in f for f in found), found
    assert any("已召开…会" in f for f in found), found


async def test_a_date_in_a_message_beside_a_field_is_never_split(
    data_dir: Path, today: dt.date
) -> None:
    """The 日期 prompt's message, long enough to wrap just where a date stands, moves the
    whole date to the next line (a number split in two misreads as two numbers)."""
    from branchtui.tui.screens.dialogs import DatePrompt

    app = build_app(data_dir, today=today)

    def check(date: dt.date) -> str:
        room = app.screen.query_one("#date-error").content_region.width
        return "注" * ((room - 4) // 2) + "2026-11-27之前不行"  # the date straddles the edge

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DatePrompt("日期", today, check=check))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#date-error")
        assert "2026-11-27" in str(error.render())
        assert error.size.height == 2
        found = screen_cuts(app)
    assert not any("拆成两行" in cut for cut in found), found


async def test_a_candidate_file_shows_every_stage_and_heading_whole(
    demo_dir: Path, today: dt.date
) -> None:
    """一人一档 at 80×24: the five stage headings (入党积极分子的确定和培养教育 the longest) and
    the column headings are whole."""
    from conftest import table_rows

    from branchtui.domain.development_steps import STAGES
    from branchtui.tui.screens.candidate_file import CandidateFileScreen

    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "d")
        await settle(pilot, lambda: app.screen.query(DataTable).first().row_count > 0)
        await pilot.press("down", "enter")  # the first applicant, below the first stage row
        await settle(pilot, lambda: isinstance(app.screen, CandidateFileScreen))
        found = await cuts_shown(pilot, "一人一档")
        rows = table_rows(app, "#file-table")
    stages = [row[1] for row in rows if row[0] in "一二三四五" and row[0]]
    assert stages == list(STAGES.values())
    assert found == []
