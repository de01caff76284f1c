"""What a secretary trips on at 80×24: hidden quit, English texts, ambiguous widths, lost input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import read_file, settle
from rich.cells import cell_len
from rich.console import Console
from textual.command import CommandInput, CommandList, SearchIcon
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList
from textual.widgets._footer import FooterKey, FooterLabel

from branchtui.domain.obligations import Obligation
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.commands import BranchPalette
from branchtui.tui.registry import AREAS, SCREEN_BY_ID
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.help import HelpScreen
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.obligation_list import obligation_row

# Every declared screen, and every area's menu.
PLACES = (*SCREEN_BY_ID, *(f"area:{a.id}" for a in AREAS if a.id != "dashboard"))


async def go(app: BranchApp, place: str) -> None:
    """Open a declared screen, or an area's menu ("area:<id>"), as the keys would."""
    if place.startswith("area:"):
        await app.action_go_area(place.removeprefix("area:"))
    else:
        await app.open_screen(place)


# A lowercase Latin word of 3+ letters is English text; key names are capitalised (Enter, Esc).
ENGLISH = re.compile(r"(?<![A-Za-z])[a-z]{3,}")


def footer_keys(screen: object) -> dict[str, FooterKey]:
    """The Footer's keys by action ("app.quit" in a dialog is "quit" too)."""
    keys = screen.query(FooterKey)  # type: ignore[attr-defined]
    return {key.action.removeprefix("app."): key for key in keys}


async def footer_ready(pilot: Pilot[None]) -> None:
    """Wait until the Footer has laid out its keys (it composes after a refresh)."""
    # Not settle(): a dialog opened by a worker keeps that worker waiting until it closes.
    for _ in range(200):
        await pilot.pause(0.05)
        if "quit" in footer_keys(pilot.app.screen):
            break
    await pilot.pause(0.1)
    assert "quit" in footer_keys(pilot.app.screen)


@pytest.mark.parametrize("place", PLACES)
async def test_quit_and_help_visible_in_footer_at_80(
    branch_dir: Path, today: dt.date, place: str
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(app, place)
        await footer_ready(pilot)
        keys = footer_keys(app.screen)
        assert keys["quit"].render().plain == "^Q 退出"
        assert keys["help"].render().plain == "F1 帮助"
        # Inside the 80 columns, not scrolled off the right edge.
        assert max(k.region.right for k in keys.values()) <= 80
        labels = [label.region.right for label in app.screen.query(FooterLabel)]
        assert max(labels, default=0) <= 80


async def test_group_label_is_followed_by_a_space(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await footer_ready(pilot)
        label = next(lb for lb in app.screen.query(FooterLabel) if "前后一月" in str(lb.render()))
        after = [k for k in app.screen.query(FooterKey) if k.region.x >= label.region.right]
        assert (
            after and after[0].region.x > label.region.right
        )  # "前后一月 d 日期", not "前后一月d"


async def test_member_form_footer_shows_quit(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a")
        await footer_ready(pilot)
        keys = footer_keys(app.screen)
        assert {"save", "cancel", "quit", "help"} <= set(keys)


async def test_help_is_chinese_and_lists_enter_on_dashboard(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        for place in PLACES:
            await go(app, place)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            for line in app.screen.lines:
                assert not ENGLISH.search(line), line
            if place == "dashboard":
                assert any(line.startswith("Enter") and "详情" in line for line in app.screen.lines)
                assert any(line.startswith("F1/?") for line in app.screen.lines)
            await pilot.press("escape")


async def test_help_columns_line_up_in_cells(data_dir: Path, today: dt.date) -> None:
    app = build_app(data_dir, today=today)  # the wizard: "Shift+Tab/Esc" is the longest key
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        starts = {cell_len(re.split(r"  (?=[^\x00-\x7f])", line)[0]) for line in app.screen.lines}
        assert len(starts) == 1


async def test_roster_search_footer_says_how_to_leave(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "slash")
        await settle(pilot, lambda: "search" not in footer_keys(app.screen))
        await footer_ready(pilot)
        keys = {k.render().plain for k in app.screen.query(FooterKey)}
        assert "Esc 返回" in keys and "Enter/Down 到列表" in keys and "^Q 退出" in keys
        assert "/ 搜索" not in keys  # "/" is typed into the box there
        await pilot.press(*"zs", "down")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        assert isinstance(app.focused, DataTable) and screen.query_text == "zs"
        assert screen.selected is not None and screen.selected.name == "张三"
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert screen.query_text == "" and isinstance(app.focused, DataTable)
        assert not screen.query_one("#roster-search", Input).display


async def test_palette_is_chinese_without_system_commands(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, BranchPalette)
        assert palette.query_one(CommandInput).placeholder.startswith("输入功能名称")
        assert palette.query_one(SearchIcon).icon == "找"
        options = palette.query_one(CommandList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert titles and not any(ENGLISH.search(t) for t in titles)
        assert not any("Theme" in t or "Quit" in t for t in titles)
        await pilot.press(*"xqz")
        await pilot.pause(1.0)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("没有找到匹配的功能" in text for text in shown)
        assert not any("No matches" in text for text in shown)


async def test_palette_runs_help_and_quit(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"按键帮助")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape", "ctrl+p", *"退出")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot, lambda: app._exit_renderables is not None and not app.is_running)


async def test_palette_during_setup_offers_only_what_runs(data_dir: Path, today: dt.date) -> None:
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        # The app's 帮助 and 退出, and the set-up wizard's own keys (本页：下一步, 上一步).
        shown = sorted(title.split("\n")[0] for title in titles)
        assert shown == ["本页：上一步", "本页：下一步", "通用：按键帮助", "通用：退出"]
        assert not any("刷新" in t for t in titles)


async def test_ctrl_c_says_in_chinese_how_to_quit(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        (note,) = list(app._notifications)
        assert "Ctrl+Q" in note.message and note.title == "要退出吗？"
        assert app.is_running


async def test_header_title_uses_no_ambiguous_dash(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m")
        await pilot.pause()
        assert app.format_title("党支部工作", "党员名册").plain == "党支部工作｜党员名册"


async def test_member_picker_notes_line_up(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g", "m")
        await pilot.pause()
        assert isinstance(app.screen, MembersPicker)
        options = app.screen.query_one("#members-list", OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        # 张三 / 欧阳娜 / 孙建国: the group name starts in the same terminal column.
        columns = {cell_len(line[: line.index("党小组") - 2]) for line in lines if "党小组" in line}
        assert len(columns) == 1


async def test_moving_a_leader_leaves_no_stale_leader(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "2", "g", "m", *"hzq", "enter", "ctrl+s"
        )  # 黄志强, leader of 第二党小组, into the first
        table = app.screen.query_one("#group-table", DataTable)
        await settle(pilot, lambda: str(table.get_row_at(1)[1]) == "未指定")
        messages = [n.message for n in app._notifications]
        assert any("第二党小组组长空缺" in m for m in messages)
    second = next(g for g in read_file(branch_dir).groups if g.id == "g2")
    assert second.leader_id is None


async def test_committee_assign_shows_holders_and_vacancies(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c", "a")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        labels = set(app.screen.choices.values())
        assert {"书记（现任：张三）", "纪检委员（空缺）", "副书记"} <= labels


async def test_member_form_escape_asks_before_discarding(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "a", "escape")  # nothing typed: leaves at once
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("a", *"wxm", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("enter")  # 继续填写 is first
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert app.screen.query_one("#field-name", Input).value == "wxm"
        await pilot.press("escape", "down", "enter")  # 放弃，返回名册
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)


def test_obligation_rows_have_no_ambiguous_quotes() -> None:
    # The row shows the detail (or its short form), not the title.
    ob = Obligation("REP-3", "对照“五好”党支部标准自查", "due", detail="“五好”自查，“七一”前后……")
    console = Console(width=80, record=True, color_system=None)
    console.print(obligation_row(ob))
    text = console.export_text()
    assert "「五好」" in text and "「七一」" in text
    assert not set("“”…") & set(text)
    assert terminal_safe("‘a’—b") == "『a』－b"


async def test_dialogs_show_quit_and_help_and_f1_works(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "d")
        await footer_ready(pilot)
        keys = {k.render().plain for k in app.screen.query(FooterKey)}
        # The dialog's own keys, not the roster's underneath.
        assert {"^S 确认移除", "Esc 取消", "^Q 退出", "F1 帮助"} <= keys and "a 新增" not in keys
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any("确认移除" in line for line in app.screen.lines)
        await pilot.press("escape", "escape", "2", "c", "a")
        await footer_ready(pilot)
        assert isinstance(app.screen, ChoicePrompt)
        assert {"quit", "help", "dismiss(None)"} <= set(footer_keys(app.screen))


async def test_new_term_asks_before_ending_the_committee(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c", "n", "enter")  # start date: today
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoicePrompt)
        assert "3名委员同时卸任" in app.screen.prompt_title
        await pilot.press("enter")  # 取消 is first: a stray Enter changes nothing
        await pilot.pause(0.3)
        assert len(read_file(branch_dir).terms) == 1
        await pilot.press("n", "enter")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")  # 确认换届
        await settle(pilot, lambda: len(read_file(branch_dir).terms) == 2)
