"""Two members with the same name, by keys: saving the second is warned (注意：已有同名党员…),
not refused; the roster and the member pickers then tell them apart (张三（1980年生）,
张三（1990年生）) — never by 身份证号 or phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle, text_of
from textual.widgets import DataTable, OptionList

from branchtui.tui.app import build_app
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker

WARNING = "注意：已有同名党员张三（1980年生）；列表、会议记录和报告中将显示为张三（1990年生）"


async def test_a_second_zhang_san_is_warned_then_told_apart(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        await pilot.press(*"张三", "tab", "enter", "down", "down", "enter")  # 女
        await pilot.press("tab", *"1990-06-01")
        await settle(pilot, lambda: text_of(app, "#error-name") == WARNING)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        assert any(WARNING.removeprefix("注意：") in str(n.message) for n in app._notifications)
        table = app.screen.query_one("#member-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "张三（1980年生）" in names and "张三（1990年生）" in names
        # Every member picker shows the same names.
        members = app.data.active_members
        app.push_screen(MemberPicker("选择党员", members, query="zhangsan"))
        await settle(pilot, lambda: isinstance(app.screen, MemberPicker))
        options = app.screen.query_one("#picker-list", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown == ["张三（1980年生）", "张三（1990年生）"]
        await pilot.press("escape")
        app.push_screen(MembersPicker("选择党员", members, []))
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        options = app.screen.query_one("#members-list", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(line.startswith("[ ] 张三（1990年生）") for line in shown)
    saved = [m for m in read_file(branch_dir).members if m.name == "张三"]
    assert len(saved) == 2
