"""Global keys: help lists the screen's keys, the palette reaches actions, home shows ORG figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from branchtui.tui.app import build_app
from branchtui.tui.screens.help import HelpScreen
from branchtui.tui.screens.member_form import MemberForm


async def test_help_lists_keys_of_current_screen(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert "新增" in keys and "按姓名、拼音、首字母搜索" in keys and "帮助" in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_new_member_form(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"新增党员")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, MemberForm):
                break
        assert isinstance(app.screen, MemberForm)
        assert app.screen.original is None


async def test_home_shows_committee_and_org_figures(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "o")
        await pilot.pause()
        committee = str(app.screen.query_one("#home-committee", Static).render())
        assert "书记：张三" in committee
        assert "纪检委员空缺 50 天" in committee
        assert "2025-06-01 至 2027-05-31" in committee
        members = str(app.screen.query_one("#home-members", Static).render())
        assert "共 12 人" in members and "预备党员 2" in members
