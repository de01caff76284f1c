"""Keys arriving in one burst (one SSH packet) land where the secretary meant them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import settle, text_of
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.widgets import record_form

NAMED = {"/": "slash", "-": "minus", " ": "space"}


def burst(app: BranchApp, keys: str) -> None:
    """Post every key at once, without waiting in between, as a terminal packet delivers them."""
    for char in keys:
        app.post_message(events.Key(NAMED.get(char, char), char))


async def on_dashboard(pilot: Pilot[None]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, DashboardScreen))


async def test_mode_switch_then_search_typed_in_one_burst(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        burst(app, "2m/wh")  # "h" would toggle the history if it reached the table
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.pause()
        search = app.screen.query_one("#roster-search", Input)
        await settle(pilot, lambda: search.value == "wh")
        assert app.focused is search
        assert not app.screen.show_history


async def test_add_key_then_name_typed_in_one_burst(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        burst(app, "2ma钱七")
        await settle(
            pilot,
            lambda: isinstance(app.screen, MemberForm) and bool(app.screen.query("#field-name")),
        )
        name = app.screen.query_one("#field-name", Input)
        await settle(pilot, lambda: name.value == "钱七")
        assert app.focused is name


async def test_date_key_then_date_typed_in_one_burst(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        await pilot.pause()
        field = None

        def typed() -> bool:
            nonlocal field
            if not isinstance(app.screen, DatePrompt):
                return False
            field = app.screen.query_one("#date-input", Input)
            return field.value.endswith("2026-12-01")

        burst(app, "d")
        app.post_message(events.Key("ctrl+u", None))  # clear the prefilled date, as a user would
        burst(app, "2026-12-01")
        await settle(pilot, typed)
        assert app.focused is field


async def test_enter_on_member_then_typing_in_one_burst(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        burst(app, "2m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.pause()
        app.post_message(events.Key("enter", "\r"))
        burst(app, "甲")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        name = app.screen.query_one("#field-name", Input)
        await settle(pilot, lambda: name.value.endswith("甲"))
        assert app.focused is name


async def test_a_pasted_line_lands_whole_and_in_order(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 200 characters pasted into 支部信息's name: each lands in order in the field and the form
    # judges the result. (Each key settles, so the form is checked after each: letting typed
    # characters skip settling lost the first one typed after a drop-down's choice, see
    # tests/e2e/test_support_over_ssh.py.)
    reviews: list[object] = []
    original = record_form.review

    def counted(record: Any, today: dt.date) -> Any:
        reviews.append(record)
        return original(record, today)

    monkeypatch.setattr(record_form, "review", counted)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        await pilot.press("2", "b", "e")
        await settle(pilot, lambda: isinstance(app.screen, record_form.RecordForm))
        name = app.screen.query_one("#field-name", Input)
        await pilot.press("ctrl+u")
        await settle(pilot, lambda: name.value == "")
        reviews[:] = []
        line = ("中共厦门某某科技有限公司第一支部委员会" * 11)[:200]
        burst(app, line)
        await settle(pilot, lambda: name.value == line)
        await pilot.pause()
        assert reviews  # judged
        assert "超过" in text_of(app, "#error-name")  # and its message is still shown
