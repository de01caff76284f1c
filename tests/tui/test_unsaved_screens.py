"""Screens other than the forms hold input too: the roster import's path and preview, the dues
batch's ticks, a prompt's typed line, the appointment form. Each says so with ``unsaved()``,
so Esc, an area key, the palette and Ctrl+Q ask before throwing it away, as the forms do
(tui/leaving.py); the 支部信息 form and the dues grid are covered as they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import on_screen, read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from branchtui.domain.records import Vacancy
from branchtui.tui.app import build_app
from branchtui.tui.leaving import QUIT_QUESTION
from branchtui.tui.saving import DISCARD_QUESTION
from branchtui.tui.screens.area_menu import AreaMenuScreen
from branchtui.tui.screens.branch_info import BranchInfoScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.screens.dues import DuesScreen
from branchtui.tui.screens.roster_import import RosterImportScreen
from branchtui.tui.screens.wizards.appointment import AppointmentForm
from branchtui.tui.widgets.dues_grid import DuesGrid
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.record_form import RecordForm


def question(pilot: Pilot[Any]) -> tuple[str, list[str]]:
    """The question on screen and its choices."""
    screen = pilot.app.screen
    assert isinstance(screen, ChoicePrompt), screen
    options = screen.query_one(OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return screen.prompt_title, labels


def write_csv(path: Path) -> Path:
    path.write_text(
        "姓名,性别,出生日期,入党时间,人员类别\n王小明,男,1990-05-01,2015-07-01,正式党员\n",
        encoding="utf-8",
    )
    return path


async def test_the_roster_import_preview_is_not_dropped_by_leaving(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    roster = write_csv(tmp_path / "名册.csv")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "i")
        await on_screen(pilot, RosterImportScreen)
        await pilot.press(*str(roster), "enter")
        await settle(pilot, lambda: "按 Ctrl+S 导入" in text_of(app, "#import-status"))
        # Esc asks; 继续导入 keeps the preview.
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot) == ("放弃本次导入吗？名册尚未导入", ["继续导入", "放弃，不导入"])
        await pilot.press("enter")
        await on_screen(pilot, RosterImportScreen)
        assert app.screen.query_one("#import-rows", DataTable).row_count == 1
        # An area key (the cursor on the preview) asks the same.
        app.screen.query_one("#import-rows").focus()
        await pilot.press("3")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot)[0] == "放弃本次导入吗？名册尚未导入"
        await pilot.press("enter")
        await on_screen(pilot, RosterImportScreen)
        assert app.current_mode == "organization"
        # Ctrl+Q asks too.
        await pilot.press("ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot) == (QUIT_QUESTION, ["放弃并退出", "取消"])
        await pilot.press("down", "enter")
        await on_screen(pilot, RosterImportScreen)
        # Imported: nothing is left to lose, Esc leaves at once.
        await pilot.press("ctrl+s")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")
        await settle(pilot, lambda: "已导入" in text_of(app, "#import-status"))
        await pilot.press("escape")
        await on_screen(pilot, AreaMenuScreen)
    assert "王小明" in {m.name for m in read_file(branch_dir).members}


async def test_leaving_the_import_by_discarding_saves_nothing(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    roster = write_csv(tmp_path / "名册.csv")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "i")
        await on_screen(pilot, RosterImportScreen)
        await pilot.press(*str(roster), "enter")
        await settle(pilot, lambda: "按 Ctrl+S 导入" in text_of(app, "#import-status"))
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "enter")  # 放弃，不导入
        await on_screen(pilot, AreaMenuScreen)
    assert "王小明" not in {m.name for m in read_file(branch_dir).members}


async def test_the_dues_batch_ticks_are_asked_about_before_they_go(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "f")
        await on_screen(pilot, DuesScreen)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        await pilot.press("right", "m")  # December, every listed member
        await on_screen(pilot, MembersPicker)
        picker = app.screen
        assert isinstance(picker, MembersPicker)
        listed = [m.id for m in picker.members]
        await pilot.press("space")  # the first did not pay
        assert picker.chosen == set(listed[1:])
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot) == ("放弃所做的勾选吗？", ["继续勾选", "放弃所做的勾选"])
        await pilot.press("enter")
        await on_screen(pilot, MembersPicker)
        assert picker.chosen == set(listed[1:])
        await pilot.press("ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot)[0] == QUIT_QUESTION
        await pilot.press("down", "enter")  # 取消
        await on_screen(pilot, MembersPicker)
        await pilot.press("ctrl+s")
        await on_screen(pilot, DuesScreen)
        await settle(pilot, lambda: _december(demo_dir) == set(listed[1:]))


def _december(folder: Path) -> set[str]:
    return {p.member_id for p in read_file(folder).dues_payments if p.month == "2026-12"}


async def test_the_dues_grid_saves_each_key_so_quitting_loses_nothing(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "f")
        await on_screen(pilot, DuesScreen)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        await pilot.press("right")  # December: nobody has paid it yet
        cell = grid.cursor_cell()
        assert cell is not None and cell[1].month == "2026-12"
        await pilot.press("space")
        await settle(pilot, lambda: _december(demo_dir) == {cell[0].member.id})
        await pilot.press("ctrl+q")  # nothing held on screen: no question
        await settle(pilot, lambda: not app.is_running)
    assert _december(demo_dir) == {cell[0].member.id}


async def test_the_branch_info_form_keeps_its_edit_whatever_key_leaves(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b")
        await on_screen(pilot, BranchInfoScreen)
        await pilot.press("e")
        await on_screen(pilot, RecordForm)
        form = app.screen
        name = form.query_one("#field-name", Input)
        name.focus()
        await pilot.press("end", *"新址", "3")  # a digit in a box is typed, not an area key
        assert name.value.endswith("新址3") and app.current_mode == "organization"
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot)[0] == DISCARD_QUESTION
        await pilot.press("enter")
        await pilot.press("ctrl+q")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot)[0] == QUIT_QUESTION
        await pilot.press("down", "enter")
        await on_screen(pilot, RecordForm)
        # The palette to another area: the form stays in its own and is shown again.
        await pilot.press("ctrl+p", *"zzsh")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot, lambda: app.current_mode == "life")
        await pilot.press("2")
        await settle(pilot, lambda: app.screen is form)
        assert name.value.endswith("新址3")


async def test_the_appointment_form_asks_before_dropping_a_choice(
    branch_dir: Path, today: dt.date
) -> None:
    app: Any = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        vacancy = Vacancy(role="secretary", since=dt.date(2026, 11, 1))
        args = {"data": app.data, "store": app.store, "profile": app.profile, "today": today}
        app.push_screen(AppointmentForm(vacancy, **args))
        await on_screen(pilot, AppointmentForm)
        await pilot.press("escape")  # nothing chosen yet: closed at once
        await settle(pilot, lambda: not isinstance(app.screen, AppointmentForm))
        app.push_screen(AppointmentForm(vacancy, **args))
        await on_screen(pilot, AppointmentForm)
        await pilot.press(*"hzq", "enter")  # 黄志强 chosen
        await settle(pilot, lambda: isinstance(app.screen, AppointmentForm))
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot)[0] == DISCARD_QUESTION
        await pilot.press("enter")  # 继续填写
        await on_screen(pilot, AppointmentForm)
        assert app.screen.query_one("#member").value == "m07"


async def test_a_prompt_with_a_typed_line_asks_before_esc_drops_it(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        answers: list[str | None] = []
        app.push_screen(TextPrompt("请假事由"), answers.append)
        await on_screen(pilot, TextPrompt)
        await pilot.press("escape")  # nothing typed: closed at once
        await settle(pilot, lambda: answers == [None])
        app.push_screen(TextPrompt("请假事由"), answers.append)
        await on_screen(pilot, TextPrompt)
        await pilot.press(*"到省委党校学习", "escape")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")  # 继续填写
        await on_screen(pilot, TextPrompt)
        await pilot.press("enter")
        await settle(pilot, lambda: answers == [None, "到省委党校学习"])


async def test_a_dues_payment_typed_in_the_grid_is_asked_about_before_it_goes(
    demo_dir: Path, today: dt.date
) -> None:
    """Enter on a month of the dues grid opens its payment; an amount typed there and Esc asks
    放弃已填写的内容吗？ — 继续填写 keeps the amount, 放弃 leaves the payment as it was."""
    before = read_file(demo_dir).dues_payments
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "f")
        await on_screen(pilot, DuesScreen)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        amount = app.screen.query_one("#field-amount", Input)
        amount.focus()
        await pilot.press("end", "9")
        typed = amount.value
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        assert question(pilot) == (DISCARD_QUESTION, ["继续填写", "放弃已填写的内容"])
        await pilot.press("enter")  # 继续填写
        await on_screen(pilot, RecordForm)
        assert app.screen.query_one("#field-amount", Input).value == typed
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "enter")  # 放弃已填写的内容
        await on_screen(pilot, DuesScreen)
    assert read_file(demo_dir).dues_payments == before
