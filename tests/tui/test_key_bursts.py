"""Keys arriving in one burst (one SSH packet) land where the secretary meant them."""

from __future__ import annotations

import datetime as dt
import inspect
import weakref
from collections.abc import Callable
from pathlib import Path
from time import monotonic
from typing import Any

import pytest
from conftest import read_file, settle, text_of
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.key_order import _idle
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.venues import VenuesScreen
from branchtui.tui.screens.wizards.setup import SetupWizard
from branchtui.tui.widgets import record_form
from branchtui.tui.widgets.form_select import FormSelect

NAMED = {"/": "slash", "-": "minus", " ": "space", "、": "ideographic_comma"}
# Textual's names of keys sent on their own (tmux send-keys Enter, Up …).
ENTER, UP, DOWN = events.Key("enter", "\r"), events.Key("up", None), events.Key("down", None)


def burst(app: BranchApp, *keys: str | events.Key) -> None:
    """Post every key at once, without waiting in between, as a terminal packet delivers them:
    the characters of each string, and keys given as events (a new event each time)."""
    for part in keys:
        if isinstance(part, events.Key):
            app.post_message(events.Key(part.key, part.character))
            continue
        for char in part:
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
    # 200 characters pasted into 支部信息's name: each lands in order in the field, and the form
    # judges the result once the burst is in, not once per character.
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
        assert 1 <= len(reviews) < 20  # judged after the burst, not 200 times
        assert "超过" in text_of(app, "#error-name")  # and its message is still shown


@pytest.fixture
def late_repaint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each repaint comes late, as on a loaded server (a form's repaint takes tens of
    milliseconds of CPU), and so does what waits for it (``call_after_refresh``: a wizard
    putting the cursor in the first field of the step it shows)."""
    due: weakref.WeakKeyDictionary[Screen[Any], float] = weakref.WeakKeyDictionary()
    invoke_later = Screen._invoke_later
    invoke_callbacks = Screen._invoke_and_clear_callbacks

    def later(self: Screen[Any], callback: Callable[[], object], sender: Any) -> None:
        due[self] = monotonic() + 0.3
        self.set_timer(0.35, self.refresh)  # the late repaint
        invoke_later(self, callback, sender)

    async def after_repaint(self: Screen[Any]) -> None:
        if monotonic() >= due.get(self, 0.0):
            await invoke_callbacks(self)

    monkeypatch.setattr(Screen, "_invoke_later", later)
    monkeypatch.setattr(Screen, "_invoke_and_clear_callbacks", after_repaint)


@pytest.fixture
def early_repaint(monkeypatch: pytest.MonkeyPatch) -> None:
    """What waits for a repaint runs at once, before the app has handled what was queued on it
    (a focus change): as when the screen has nothing to redraw."""
    invoke_later = Screen._invoke_later

    def at_once(self: Screen[Any], callback: Callable[[], object], sender: Any) -> None:
        function = getattr(callback, "func", callback)
        if inspect.iscoroutinefunction(function):
            invoke_later(self, callback, sender)
        else:
            callback()

    monkeypatch.setattr(Screen, "_invoke_later", at_once)


async def open_venue_form(app: BranchApp, pilot: Pilot[None]) -> record_form.RecordForm:
    await on_dashboard(pilot)
    await pilot.press("9", "v")
    await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
    await pilot.press("a")
    await settle(pilot, lambda: isinstance(app.screen, record_form.RecordForm))
    return app.screen  # type: ignore[return-value]


@pytest.mark.parametrize("repaint", ["early_repaint", "late_repaint"])
async def test_typing_right_after_a_choice_goes_to_the_next_field(
    branch_dir: Path, today: dt.date, repaint: str, request: pytest.FixtureRequest
) -> None:
    # tests/e2e/test_support_over_ssh.py as one burst: Enter chooses 是 in 共用场所's list and
    # the address is typed at once. The cursor moves on to 地址 when the focus comes back to
    # the drop-down after the choice (it moved on after the repaint: an early repaint found the
    # focus not back yet and left it there, a late one came after the settle had let 党 reach
    # the drop-down, which dropped it), and each character waits until it has.
    request.getfixturevalue(repaint)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_venue_form(app, pilot)
        burst(app, "二楼会议室", ENTER, ENTER, UP, ENTER, "党群服务中心二楼")
        address = form.query_one("#field-address", Input)
        await settle(pilot, lambda: address.value.endswith("二楼"))
        assert address.value == "党群服务中心二楼"
        assert form.query_one("#field-shared", FormSelect).value == "yes"
        assert app.focused is address


@pytest.mark.usefixtures("late_repaint")
async def test_the_set_up_wizard_typed_in_one_burst(data_dir: Path, today: dt.date) -> None:
    # Each step of the wizard puts the cursor in its first field after the repaint: what is
    # typed right after the Enter that shows a step waits for it (the settle ended before, and
    # 2025-06-01 went to the step before).
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, SetupWizard))
        burst(app, "第一支部", ENTER, ENTER, "集团党委", ENTER, DOWN, ENTER, DOWN, ENTER)
        burst(app, "2025-06-01", ENTER, "35", ENTER)
        await settle(pilot, lambda: "非党员职工" in text_of(app, "#review"))
        review = text_of(app, "#review")
        assert "第一支部" in review and "集团党委" in review
        assert "本届任期开始：2025-06-01" in review
        assert "非党员职工：35" in review


async def test_text_typed_then_ctrl_s_in_one_burst_is_saved_whole(
    branch_dir: Path, today: dt.date
) -> None:
    # Ctrl+S (a priority binding, acted on as the app receives it) after typed text in the same
    # burst: the record is saved with every character typed before it (94399ff saved the
    # equipment empty: the characters were still queued in the field when the save read it).
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_venue_form(app, pilot)
        burst(app, "二楼会议室", ENTER, ENTER, ENTER, "党群服务中心二楼", ENTER, "投影仪、党旗")
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
    (venue,) = read_file(branch_dir).venues
    assert (venue.name, venue.shared) == ("二楼会议室", False)
    assert venue.address == "党群服务中心二楼"
    assert venue.equipment == ["投影仪", "党旗"]


async def test_a_quiet_screen_is_seen_idle_and_one_with_a_message_to_handle_is_not(
    branch_dir: Path, today: dt.date
) -> None:
    # What the settle relies on: a pump parked on its empty queue counts as idle (asyncio.Event
    # keeps the waiting task's future); else every key would wait for SETTLE_LIMIT.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        screen = app.screen
        await settle(pilot, lambda: _idle(screen, app))
        screen.post_message(events.Callback(callback=lambda: None))
        assert not _idle(screen, app)
