"""Nothing typed is lost by a stray key: an area key on a half-filled form asks first (a digit
on its drop-down does nothing), Ctrl+Q asks and keeps the meeting wizard's draft with the
step being typed, and keys typed while a dashboard duty opens its form do not land in it."""

from __future__ import annotations

import datetime as dt
import signal
from pathlib import Path
from typing import Any

from conftest import on_screen, open_duty, settle
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from branchtui.domain.meetings.draft import MeetingDraft
from branchtui.storage.drafts import list_drafts, load_draft
from branchtui.tui.app import build_app
from branchtui.tui.screens.area_menu import AreaMenuScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.wizards.meeting import MeetingWizard


def choices(pilot: Pilot[Any]) -> list[str]:
    """The labels of the question on screen."""
    screen = pilot.app.screen
    assert isinstance(screen, ChoicePrompt), screen
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Keys typed faster than the screens change (in one SSH packet): posted at once."""
    characters = {"enter": "\r", "down": None}
    for key in keys:
        pilot.app.post_message(events.Key(key, characters.get(key, key)))


def field(pilot: Pilot[Any], selector: str) -> str:
    return pilot.app.screen.query_one(selector, Input).value


# 1. An area key on a half-filled form -------------------------------------------------------


async def test_a_digit_on_the_gender_drop_down_keeps_the_new_member(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a", *"李晓梅", "tab", "3")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm), app.screen
        assert app.current_mode == "organization"
        assert field(pilot, "#field-name") == "李晓梅"


async def test_leaving_a_half_filled_form_asks_the_discard_question(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a", *"李晓梅")
        # The Footer's 区域 key (a click) or the palette's area entry: the same question as Esc.
        await app.run_action("go_area('life')")
        await on_screen(pilot, ChoicePrompt)
        assert app.screen.prompt_title == "放弃已填写的内容吗？"
        assert choices(pilot) == ["继续填写", "放弃，返回名册"]
        await pilot.press("enter")  # 继续填写
        await on_screen(pilot, MemberForm)
        assert field(pilot, "#field-name") == "李晓梅"
        assert app.current_mode == "organization"
        await app.run_action("go_area('life')")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "enter")  # 放弃
        await settle(pilot, lambda: app.current_mode == "life")
        await on_screen(pilot, AreaMenuScreen)
        await pilot.press("2")  # the form was thrown away as asked: the area's menu
        await on_screen(pilot, AreaMenuScreen)
        assert not app.screen.query(MemberForm)


async def test_an_untouched_form_is_left_at_once(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a", "tab", "3")
        await settle(pilot, lambda: app.current_mode == "life")
        await on_screen(pilot, AreaMenuScreen)


# 2. Ctrl+Q with typed input, and the meeting wizard's draft ----------------------------------


async def start_committee_meeting(pilot: Pilot[Any]) -> MeetingWizard:
    await pilot.press("3", "m", "n", "2", *"1125", "tab", *"1500")
    await on_screen(pilot, MeetingWizard)
    wizard = pilot.app.screen
    assert isinstance(wizard, MeetingWizard)
    return wizard


def the_draft(data_dir: Path) -> MeetingDraft:
    (info,) = list_drafts(data_dir)
    draft = load_draft(data_dir, info.key)
    assert draft is not None
    return draft


async def test_ctrl_q_in_the_meeting_wizard_keeps_what_the_step_holds(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_committee_meeting(pilot)
        await pilot.press("ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert choices(pilot) == ["保存草稿并退出", "放弃并退出", "取消"]
        await pilot.press("enter")
        await settle(pilot, lambda: not app.is_running)
    draft = the_draft(demo_dir)
    assert (draft.meeting.date, draft.meeting.start) == (dt.date(2026, 11, 25), "15:00")
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2")
        await on_screen(pilot, ChoicePrompt)
        assert any(label.startswith("继续填写草稿") for label in choices(pilot))
        await pilot.press("enter")
        await on_screen(pilot, MeetingWizard)
        await settle(pilot, lambda: field(pilot, "#basics-start") == "15:00")
        assert field(pilot, "#basics-date") == "2026-11-25"


async def test_ctrl_q_asks_and_cancel_keeps_the_form(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a", *"李晓梅", "ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert choices(pilot) == ["放弃并退出", "取消"]
        await pilot.press("down", "enter")  # 取消
        await on_screen(pilot, MemberForm)
        assert app.is_running and field(pilot, "#field-name") == "李晓梅"
        await pilot.press("ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")  # 放弃并退出
        await settle(pilot, lambda: not app.is_running)


async def test_a_hang_up_saves_the_step_being_typed(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_committee_meeting(pilot)
        app.hang_up(signal.SIGHUP)  # what the SIGHUP handler runs when the SSH session drops
        await settle(pilot, lambda: not app.is_running)
    draft = the_draft(demo_dir)
    assert (draft.meeting.date, draft.meeting.start) == (dt.date(2026, 11, 25), "15:00")


# 3. Keys typed while a duty opens its form ---------------------------------------------------


async def test_keys_typed_while_the_roster_opens_do_not_replace_the_name(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await open_duty(pilot, "ORG-1")
        detail = app.screen
        assert isinstance(detail, ObligationDetail)
        (member_id,) = detail.obligation.people[:1]
        name = next(m.name for m in app.data.members if m.id == member_id)
        burst(pilot, "enter", "down", "down", "e")  # while the roster flashes by
        await on_screen(pilot, MemberForm)
        await pilot.pause()
        assert field(pilot, "#field-name") == name


async def test_a_key_typed_while_the_meetings_open_is_not_the_date(
    demo_dir: Path, today: dt.date
) -> None:
    for rule in ("LIFE-2", "LIFE-5"):
        app = build_app(demo_dir, today=today)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await open_duty(pilot, rule)
            burst(pilot, "enter", "n")  # while the meetings flash by
            await on_screen(pilot, MeetingWizard)
            await pilot.pause()
            typed = field(pilot, "#basics-date")
            assert typed[:4].isdigit() and "n" not in typed, (rule, typed)


async def test_the_member_editor_opens_with_the_name_kept_from_a_stray_key(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "e")
        await on_screen(pilot, MemberForm)
        form = app.screen
        assert isinstance(form, MemberForm) and form.original is not None
        await pilot.press("x")
        assert field(pilot, "#field-name") == f"{form.original.name}x"


async def test_ctrl_q_in_the_setup_wizard_asks_once_a_name_is_typed(
    data_dir: Path, today: dt.date
) -> None:
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"第一支部", "ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert choices(pilot) == ["放弃并退出", "取消"]
        await pilot.press("down", "enter")
        assert app.is_running and field(pilot, "#name") == "第一支部"


async def test_esc_closing_the_meeting_wizard_keeps_what_the_step_holds(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_committee_meeting(pilot)
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert choices(pilot)[0].startswith("关闭向导（草稿已保存")
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, (ChoicePrompt, MeetingWizard)))
    draft = the_draft(demo_dir)
    assert (draft.meeting.date, draft.meeting.start) == (dt.date(2026, 11, 25), "15:00")
