"""Two members with the same name, by keys: saving the second is warned (注意：已有同名党员…),
not refused; the roster and the member pickers then tell them apart (张三（1980年生）,
张三（1990年生）) — never by 身份证号 or phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle, text_if_shown, text_of
from test_elections import forward, meeting, pick, step
from textual.widgets import DataTable, OptionList

from branchtui.domain.obligations.engine import obligations_on
from branchtui.domain.records import Member
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.voter_roll import VoterRoll

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


async def test_the_election_wizards_voter_roll_tells_namesakes_apart(
    branch_dir: Path, today: dt.date
) -> None:
    """The 补选 wizard's 投票人 step lists two 孙建国 by their shown names, and asks the reason
    of the one marked absent by hers."""
    Store.open(branch_dir).add(
        Member(
            name="孙建国", gender="male", birth_date=dt.date(1985, 2, 1), joined=dt.date(2010, 7, 1)
        )
    )
    duty = next(o for o in obligations_on(read_file(branch_dir), today) if o.rule == "ORG-8")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_screen("committee", duty)
        await settle(pilot, lambda: "补选纪检委员" in text_if_shown(app, "#plan-about"))
        await pilot.press(*"1125", "enter", "enter", "enter")
        await settle(pilot, lambda: step(app) == "step-meeting")
        await meeting(pilot)
        await forward(pilot, "step-candidates")
        await pick(pilot, "oyn")
        await forward(pilot, "step-voters")
        roll = app.screen.query_one(VoterRoll)
        names = [str(roll.get_row_at(i)[0]) for i in range(roll.row_count)]
        assert "孙建国（1970年生）" in names and "孙建国（1985年生）" in names
        assert "孙建国" not in names
        row = names.index("孙建国（1985年生）")
        await pilot.press(*["down"] * row, "space", "r")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        assert app.screen.prompt_title.startswith("孙建国（1985年生）的原因")
