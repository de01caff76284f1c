"""One rule for member fields in every form (widgets/member_field.py): typing a name, its pinyin or
initials opens the member list filtered by it and Enter there takes the highlighted member (a
one-member field then moves on), Enter on the field moves on, Space lists every member,
Backspace clears. The hint under each form and the F1 help say so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import on_screen, read_file, settle, text_of
from fixture_development import write_development_fixture
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from branchtui.domain.records import Vacancy
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.candidate_file import CandidateFileScreen
from branchtui.tui.screens.help import HelpScreen
from branchtui.tui.screens.step_form import StepForm
from branchtui.tui.screens.talks import TalksScreen
from branchtui.tui.screens.wizards.appointment import AppointmentForm
from branchtui.tui.screens.wizards.election import ElectionWizard
from branchtui.tui.screens.wizards.form_dialog import FormDialog
from branchtui.tui.screens.wizards.meeting import MeetingWizard
from branchtui.tui.screens.wizards.transfer import TransferWizard
from branchtui.tui.widgets.field_group import FieldSpec
from branchtui.tui.widgets.member_field import MEMBER_HINT, MemberField, MembersField
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.record_form import RecordForm


def focused(app: BranchApp) -> Widget:
    widget = app.focused
    assert widget is not None
    return widget


async def test_a_register_form_picks_a_member_by_typing_and_enter_moves_on(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "t")
        await on_screen(pilot, TalksScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        hint = " ".join(str(s.render()) for s in app.screen.query(".hint").results(Static))
        assert "Enter 下一项" in hint and MEMBER_HINT in hint
        member = app.screen.query_one("#field-member_id", MemberField)
        assert app.focused is member
        # Enter moves on, as the hint says: no list opens, nothing is chosen.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm) and focused(app).id == "field-person_name"
        assert member.value is None
        # Space lists every member; Esc leaves the field as it was.
        await pilot.press("shift+tab", "space")
        await on_screen(pilot, MemberPicker)
        assert len(app.screen.shown) == 12  # type: ignore[attr-defined]
        await pilot.press("escape")
        await on_screen(pilot, RecordForm)
        assert member.value is None and app.focused is member
        # Typing the pinyin opens the list filtered by it; Enter takes 王五 and moves on.
        await pilot.press(*"wangwu")
        await on_screen(pilot, MemberPicker)
        assert [m.name for m in app.screen.shown] == ["王五"]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        assert member.value == "m03" and focused(app).id == "field-person_name"
        # Backspace on the field clears it; the initials pick again.
        await pilot.press("shift+tab", "backspace")
        assert member.value is None
        await pilot.press(*"ww", "enter")
        await settle(pilot, lambda: member.value == "m03")
        app.screen.query_one("#field-content").focus()
        await pilot.press(*"tanxin", "ctrl+s")
        await on_screen(pilot, TalksScreen)
    (talk,) = read_file(branch_dir).talks
    assert (talk.member_id, talk.content) == ("m03", "tanxin")


async def test_f1_on_a_member_field_says_the_rule(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "t", "a")
        await on_screen(pilot, RecordForm)
        await pilot.press("f1")
        await on_screen(pilot, HelpScreen)
        lines = text_of(app, "#help-keys").splitlines()
        typed = next(line for line in lines if "查找党员" in line)
        assert "输入姓名、拼音或首字母查找，Enter 选定" in typed
        assert any(line.startswith("空格") and "列出全部党员" in line for line in lines)
        assert any(line.startswith("Enter") and "下一项" in line for line in lines)
        assert any(line.startswith("Backspace/Del") and "清除" in line for line in lines)


async def test_several_members_are_added_by_typing_and_the_cursor_stays(
    data_dir: Path, today: dt.date
) -> None:
    write_development_fixture(data_dir, today)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "d", "slash", *"mxd", "enter", "o")
        await on_screen(pilot, CandidateFileScreen)
        app.screen.focus_step("contacts_assigned")  # type: ignore[attr-defined]
        await pilot.press("e")
        await on_screen(pilot, StepForm)
        contacts = app.screen.query_one("#field-members", MembersField)
        assert contacts.value == ["m03", "m04"]  # 王五, 赵六
        contacts.focus()
        await pilot.press("backspace")  # the last one goes
        assert contacts.value == ["m03"]
        await pilot.press(*"zs")
        await on_screen(pilot, MemberPicker)
        await pilot.press("enter")
        await on_screen(pilot, StepForm)
        # Added (in the list's order), the cursor still here for the next name.
        assert contacts.value == ["m03", "m01"] and app.focused is contacts
        # Space: every member as a list to tick.
        await pilot.press("space")
        await on_screen(pilot, MembersPicker)
        await pilot.press("escape")
        await on_screen(pilot, StepForm)
        await pilot.press("enter")  # on to the next field
        await pilot.pause()
        assert app.focused is not contacts
        await pilot.press("ctrl+s")
        await on_screen(pilot, CandidateFileScreen)
    candidate = read_file(data_dir).find("candidates", "c2")
    assert set(candidate.contact_ids) == {"m01", "m03"}


# The same keys in every form that holds a member field ------------------------------------


async def register_form(pilot: Pilot[Any]) -> Widget:
    await pilot.press("7", "t", "a")
    await on_screen(pilot, RecordForm)
    return pilot.app.screen.query_one("#field-member_id")


async def meeting_basics(pilot: Pilot[Any]) -> Widget:
    await pilot.press("3", "m", "n", "2")
    await on_screen(pilot, MeetingWizard)
    field = pilot.app.screen.query_one("#basics-recorder_id")
    field.focus()
    await pilot.press("backspace")
    return field


async def meeting_dialog(pilot: Pilot[Any]) -> Widget:
    app = pilot.app
    specs = [FieldSpec("owner_id", "责任人", "member"), FieldSpec("due", "时限", "date")]
    members = app.data.active_members  # type: ignore[attr-defined]
    app.push_screen(FormDialog("决定事项", specs, today=app.today, people=lambda: members))  # type: ignore[attr-defined]
    await on_screen(pilot, FormDialog)
    return app.screen.query_one("#dlg-owner_id")


async def election_meeting(pilot: Pilot[Any]) -> Widget:
    await pilot.press("2", "c", "e")
    await on_screen(pilot, ElectionWizard)
    wizard = pilot.app.screen
    assert isinstance(wizard, ElectionWizard)
    wizard.frame.index = 1  # 选举大会: the cursor goes to its first field, then to 主持人
    await settle(pilot, lambda: getattr(pilot.app.focused, "id", None) == "start")
    field = wizard.query_one("#host")
    field.focus()
    await settle(pilot, lambda: pilot.app.focused is field)
    return field


async def transfer_out(pilot: Pilot[Any]) -> Widget:
    await pilot.press("4", "t", "a")
    await on_screen(pilot, TransferWizard)
    await pilot.press("enter")  # 转出
    await settle(
        pilot, lambda: pilot.app.focused is not None and pilot.app.focused.id == "field-member"
    )
    return pilot.app.screen.query_one("#field-member")


async def appointment(pilot: Pilot[Any]) -> Widget:
    app: Any = pilot.app
    vacancy = Vacancy(role="secretary", since=dt.date(2026, 11, 1))
    form = AppointmentForm(
        vacancy, data=app.data, store=app.store, profile=app.profile, today=app.today
    )
    app.push_screen(form)
    await on_screen(pilot, AppointmentForm)
    return form.query_one("#member")


FORMS: dict[str, Callable[[Pilot[Any]], Awaitable[Widget]]] = {
    "register": register_form,
    "meeting-basics": meeting_basics,
    "meeting-dialog": meeting_dialog,
    "election": election_meeting,
    "transfer": transfer_out,
    "appointment": appointment,
}


@pytest.mark.parametrize("form", FORMS, ids=list(FORMS))
async def test_every_form_takes_a_member_the_same_way(
    form: str, branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await FORMS[form](pilot)
        assert isinstance(field, MemberField) and app.focused is field
        screen = app.screen
        await pilot.press(*"ls")  # 李四's initials
        await on_screen(pilot, MemberPicker)
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is screen)
        assert field.value == "m02"
        await settle(pilot, lambda: app.focused is not field)  # on to the next field
