"""Pinned screens (80×24) of the election wizards, one per step, on the fixed 12-member branch.

The steps are filled in directly (the keys are driven in test_elections.py) so that each picture
shows a step as a secretary sees it with real answers in the steps before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from textual.pilot import Pilot
from textual.widgets import Input

from branchtui.domain.records import Vacancy
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.wizards.appointment import AppointmentForm
from branchtui.tui.screens.wizards.election import ElectionWizard
from branchtui.tui.widgets.member_field import MemberField, MembersField
from branchtui.tui.widgets.voter_roll import VoterRoll
from branchtui.tui.widgets.wizard_frame import WizardFrame

STEPS = (
    "step-plan",
    "step-meeting",
    "step-candidates",
    "step-voters",
    "step-ballots",
    "step-result",
    "step-division",
    "step-review",
)
VOTES = {"m01": "8", "m02": "7", "m03": "6", "m04": "2"}
ROLES = {"m01": "secretary", "m02": "organization", "m03": "discipline"}


@pytest.fixture
def app(branch_dir: Path, today: dt.date) -> BranchApp:
    return build_app(branch_dir, today=today)


def _set(wizard: ElectionWizard, selector: str, value: str) -> None:
    wizard.query_one(selector, Input).value = value


async def _fill(pilot: Pilot[Any], wizard: ElectionWizard, step: str) -> None:
    """Answer one step as the key-driven test does."""
    if step == "step-plan":
        _set(wizard, "#date", "2026-11-20")
        _set(wizard, "#plan-approved", "2026-11-01")
        _set(wizard, "#plan-ref", "示党委〔2026〕8号")
        _set(wizard, "#seats", "3")
    elif step == "step-meeting":
        _set(wizard, "#place", "三楼会议室")
        wizard.query_one("#host", MemberField).value = "m01"
        wizard.query_one("#recorder", MemberField).value = "m02"
        wizard.query_one("#counters", MembersField).value = ["m08"]
        wizard.query_one("#scrutineers", MembersField).value = ["m09"]
    elif step == "step-candidates":
        wizard.query_one("#candidates", MembersField).value = ["m02", "m03", "m01", "m04"]
    elif step == "step-voters":
        roll = wizard.query_one(VoterRoll)
        roll.marks["m11"], roll.reasons["m11"] = "on_leave", "出差"
        roll.show(roll.members, roll.day)
    elif step == "step-ballots":
        _set(wizard, "#ballots-valid", "9")
        _set(wizard, "#ballots-invalid", "0")
        for member_id, votes in VOTES.items():
            _set(wizard, f"#vote-{member_id}", votes)
    elif step == "step-division":
        for member_id, role in ROLES.items():
            wizard.query_one(f"#role-{member_id}").value = role  # type: ignore[attr-defined]
    await pilot.pause()


def to_step(target: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await pilot.press("2", "c")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ElectionWizard))
        wizard = app.screen
        assert isinstance(wizard, ElectionWizard)
        for step in STEPS[: STEPS.index(target)]:
            await _fill(pilot, wizard, step)
            await wizard.action_forward()
            await settle(pilot, lambda s=step: wizard.query_one(WizardFrame).step.id != s)
        await _fill(pilot, wizard, target)  # the step as it looks answered
        if target != "step-review":
            wizard._check(target)  # the values were set, not typed: show the step's checks
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("step", STEPS)
def test_renewal_wizard_step_80x24(app: BranchApp, snap_compare: Any, step: str) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_step(step))


def test_by_election_first_step_80x24(app: BranchApp, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("2", "c")
        await settle(pilot, lambda: isinstance(pilot.app.screen, CommitteeScreen))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ElectionWizard))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_committee_80x24(app: BranchApp, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("2", "c")
        await settle(pilot, lambda: isinstance(pilot.app.screen, CommitteeScreen))

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_appointment_form_80x24(app: BranchApp, snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await pilot.app.open_screen("committee")
        await settle(pilot, lambda: pilot.app.screen is screen)
        assert isinstance(screen, CommitteeScreen)
        vacancy = Vacancy(role="secretary", since=dt.date(2026, 11, 1))
        form = AppointmentForm(
            vacancy,
            data=screen.data,
            store=screen.store,
            profile=screen.profile,
            today=screen.today,
        )
        await pilot.app.push_screen(form)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
