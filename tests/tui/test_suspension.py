"""停止党籍 by keys, from the 失联 register (5 l s) and from the roster (2 m d): either way the
member leaves the roster with the reason 停止党籍 and her 失联 record says so (NAT-6); the
roster's 移除党员 asks for the ground first (a 失联 record), says it beside the reason, and asks
before Esc throws away what was chosen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.lost_contact import LostContactScreen
from branchtui.tui.screens.remove_member import RemoveMemberDialog
from branchtui.tui.screens.roster import RosterScreen

SUSPENDED = 5  # 停止党籍 in the reasons, after the prompt: 转出, 去世, 自行脱党, 开除党籍


def names(app: BranchApp) -> list[str]:
    table = app.screen.query_one("#member-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def row_of(app: BranchApp, name: str) -> list[str]:
    table = app.screen.query_one("#member-table", DataTable)
    return [str(c) for c in table.get_row_at(names(app).index(name))]


async def roster(pilot: Pilot[None]) -> None:
    await pilot.press("2", "m")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RosterScreen))


async def remove_dialog(pilot: Pilot[None], pinyin: str) -> RemoveMemberDialog:
    await pilot.press("slash", *pinyin, "enter", "d")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RemoveMemberDialog))
    screen = pilot.app.screen
    assert isinstance(screen, RemoveMemberDialog)
    return screen


async def reason(pilot: Pilot[None], downs: int) -> None:
    await pilot.press("enter", *(["down"] * downs), "enter")
    await pilot.pause()


async def test_suspension_in_the_register_takes_her_off_the_roster(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await roster(pilot)
        assert "郑丽" in names(app)
        await pilot.press("5", "l")
        await settle(pilot, lambda: isinstance(app.screen, LostContactScreen))
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: "郑丽失联，2028-11-27除名" in text_of(app, "#register-duties"))
        await roster(pilot)
        await settle(pilot, lambda: "郑丽" not in names(app))
        assert "在册 11 人" in text_of(app, "#roster-count")
        await pilot.press("h")
        await settle(pilot, lambda: "郑丽" in names(app))
        assert row_of(app, "郑丽")[3] == "停止党籍"
    data = read_file(edu_dir)
    zheng = data.find("members", "m10")
    assert (zheng.removed, zheng.removed_reason) == (today, "suspended")
    assert data.find("lost_contacts", "lc1").suspended == today


async def test_suspension_from_the_roster_records_it_on_the_lost_contact_too(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await roster(pilot)
        await remove_dialog(pilot, "zhengli")
        await reason(pilot, SUSPENDED)
        assert text_of(app, "#error-reason") == ""  # lost since May: over 6 months
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await settle(pilot, lambda: "郑丽" not in names(app))
    data = read_file(edu_dir)
    zheng = data.find("members", "m10")
    assert (zheng.removed, zheng.removed_reason) == (today, "suspended")
    assert data.find("lost_contacts", "lc1").suspended == today


async def test_suspension_without_a_lost_contact_is_refused_beside_the_reason(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await roster(pilot)
        await remove_dialog(pilot, "wangwu")
        await reason(pilot, SUSPENDED)
        said = text_of(app, "#error-reason")
        assert said.startswith("停止党籍须先登记失联：失去联系满6个月") and "NAT-6" in said
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RemoveMemberDialog)
    assert read_file(edu_dir).find("members", "m03").removed is None


async def test_quit_without_six_months_is_said_before_saving(edu_dir: Path, today: dt.date) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await roster(pilot)
        await remove_dialog(pilot, "wangwu")
        await reason(pilot, 3)  # 自行脱党
        assert text_of(app, "#error-reason").startswith(
            "注意：按自行脱党处理须连续6个月未尽党员义务，王五目前最长连续3个月"
        )


async def test_esc_asks_before_throwing_the_removal_away(edu_dir: Path, today: dt.date) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await roster(pilot)
        await remove_dialog(pilot, "wangwu")
        await pilot.press("escape")  # nothing chosen yet: closes at once
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        dialog = await remove_dialog(pilot, "wangwu")
        await reason(pilot, 1)  # 转出组织关系
        await pilot.press("tab", *"调往集团总部")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        assert app.screen.prompt_title == "放弃已填写的内容吗？"  # type: ignore[attr-defined]
        await pilot.press("enter")  # 继续填写
        await settle(pilot, lambda: app.screen is dialog)
        assert dialog.query_one("#remove-note", Input).value == "调往集团总部"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 放弃已填写的内容
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
    assert read_file(edu_dir).find("members", "m03").removed is None
