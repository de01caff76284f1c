"""A 支委会 without its quorum decides nothing (NAT-2): the fixed branch's committee is 张三,
李四 and 黄志强; with two of the three on leave the wizard refuses a 决定事项 beside its field,
refuses to save one kept from before the attendance changed, and the meeting, once saved without
decisions, still counts as held (LIFE-2 counts meetings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle
from textual.pilot import Pilot
from textual.widgets import Static
from wizard_helpers import at_review, saved, wizard

from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.wizards.form_dialog import FormDialog

TOO_FEW = "到会委员1名，未超过应到3名的半数，不能作出决定（NAT-2）"


def errors_shown(pilot: Pilot[Any]) -> str:
    return " ".join(str(w.render()) for w in pilot.app.screen.query(".field-error"))


async def two_on_leave(pilot: Pilot[Any]) -> None:
    """A new 支委会: 2 of its 3 members on leave, one 议题, at the decisions step."""
    await pilot.press("3", "m", "n", "2", "pagedown")
    await pilot.press("down", "space", *"出差", "enter", "down", "space", *"病假", "enter")
    await pilot.press("pagedown", "tab", "tab", "a", *"主题党日安排", "ctrl+s", "pagedown")
    await settle(pilot, lambda: wizard(pilot).step.STEP_ID == "decisions")


async def test_an_inquorate_committee_refuses_a_decision_beside_its_field(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await two_on_leave(pilot)
        w = wizard(pilot)
        quorum = str(w.query_one("#quorum-line", Static).render())
        assert "应到委员3名，实到1名，未超过半数，不符合规定人数，会议不能作出决定" in quorum
        await pilot.press("a", *"12月1日开展主题党日", "ctrl+s")
        await settle(pilot, lambda: TOO_FEW in errors_shown(pilot))
        assert isinstance(app.screen, FormDialog)  # not taken
        await pilot.press("escape")  # it asks before the typed words go
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: app.screen is w)
        assert not any(item.decisions for item in w.work.meeting.agenda)
        # Saved without decisions, the meeting is held and counts (LIFE-2).
        await pilot.press("ctrl+s")
        await at_review(pilot)
        summary = str(w.query_one("#review-summary").render())
        assert "LIFE-2" in summary
        await pilot.press("ctrl+s")
        await saved(pilot)
    (meeting,) = read_file(branch_dir).meetings
    assert meeting.kinds == ["committee_meeting"] and not meeting.agenda[0].decisions


async def test_a_decision_kept_from_before_the_leave_is_not_saved(
    branch_dir: Path, today: dt.date
) -> None:
    """Typed while all were marked present, then two marked on leave: the decisions step
    says why beside its list and the review does not save."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2", "pagedown", "pagedown")
        await pilot.press("tab", "tab", "a", *"主题党日安排", "ctrl+s", "pagedown")
        w = wizard(pilot)
        await settle(pilot, lambda: w.step.STEP_ID == "decisions")
        await pilot.press("a", *"12月1日开展主题党日", "ctrl+s")
        await settle(pilot, lambda: app.screen is w and bool(w.work.meeting.agenda[0].decisions))
        await pilot.press("f2", "2")  # back to the attendance
        await settle(pilot, lambda: w.step.STEP_ID == "attendance")
        await pilot.press("down", "space", *"出差", "enter", "down", "space", *"病假", "enter")
        await pilot.press("pagedown", "pagedown")
        await settle(pilot, lambda: w.step.STEP_ID == "decisions")
        await pilot.press("pagedown")  # refused: the step stays, the reason under the list
        error = w.query_one("#decision-error", Static)
        await settle(pilot, lambda: TOO_FEW in str(error.render()))
        assert w.step.STEP_ID == "decisions"
        assert "请删除决定事项" in str(error.render())
        await pilot.press("ctrl+s")  # Ctrl+S goes to the review only past the same check
        await pilot.pause()
        assert w.step.STEP_ID == "decisions" and w.prepared is None
    assert read_file(branch_dir).meetings == []
