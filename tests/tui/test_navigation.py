"""The house: ten areas on the number keys, every screen within three keys, settling a duty
opens its screen, the palette finds by pinyin, the day moves at midnight, errors stay polite."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from textual.command import CommandList
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Static

from branchtui.storage import locations
from branchtui.tui.app import build_app
from branchtui.tui.registry import AREAS, SCREEN_BY_ID
from branchtui.tui.screens.area_menu import AreaMenuScreen
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.data_tools import DataToolsScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.remove_member import RemoveMemberDialog
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.talks import TalksScreen
from branchtui.tui.screens.wizards.election import ElectionWizard

PAGES = [s for s in SCREEN_BY_ID.values() if s.area != "dashboard"]


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.id)
async def test_every_screen_is_its_area_number_and_letter_away_from_anywhere(
    branch_dir: Path, today: dt.date, spec: Any
) -> None:
    area = next(a for a in AREAS if a.id == spec.area)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        # Start deep inside another area: the roster (or the committee, for the roster itself).
        start = "committee" if spec.id == "roster" else "roster"
        await app.open_screen(start)
        await pilot.pause()
        await pilot.press(area.key, spec.key)
        await settle(pilot, lambda: getattr(app.screen, "SCREEN_ID", "") == spec.id)
        assert app.current_mode == spec.area


async def test_area_key_returns_to_its_menu_and_keeps_an_open_form(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, AreaMenuScreen))
        menu = str(app.screen.query_one("#area-info", Static).render())
        assert "组织体系" in menu
        # A form is a modal: the number keys type into it and nothing is lost.
        await pilot.press("m", "a")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)


async def test_area_menu_lists_its_duties(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, AreaMenuScreen))
        duties = app.screen.query_one("#area-duties")
        await settle(pilot, lambda: bool(duties.shown))  # type: ignore[attr-defined]
        rules = {ob.rule for ob in duties.shown.values()}  # type: ignore[attr-defined]
        assert "ORG-8" in rules  # the demo's vacant 宣传委员 seat
        assert all(rule.startswith("ORG-") for rule in rules)


async def test_settling_a_duty_opens_its_screen_inside_its_area(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, AreaMenuScreen))
        duties = app.screen.query_one("#area-duties")
        await settle(pilot, lambda: bool(duties.shown))  # type: ignore[attr-defined]
        await pilot.press("tab")  # from the screens to the duties
        await settle(pilot, lambda: app.focused is duties)
        for option_id, ob in duties.shown.items():  # type: ignore[attr-defined]
            if ob.rule == "ORG-8":
                duties.highlighted = duties.get_option_index(option_id)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ObligationDetail))
        await pilot.press("enter")  # 办理: the committee, with the by-election of the vacancy
        await settle(pilot, lambda: isinstance(app.screen, ElectionWizard))
        assert isinstance(app.screen_stack[-2], CommitteeScreen)
        assert app.current_mode == "organization"
        await pilot.press("escape")  # give up the by-election (asked first)
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, AreaMenuScreen))


@pytest.mark.parametrize(
    ("typed", "opens"),
    [
        ("zwh", CommitteeScreen),
        ("dymc", RosterScreen),
        ("dangyuanmingce", RosterScreen),
        # The screen 谈心谈话 ranks above its action "谈话记录按年份筛选", which starts with 谈话.
        ("tanhua", TalksScreen),
        # 移除党员 by one of its reasons (开除党籍), declared as its keywords.
        ("kaichu", RemoveMemberDialog),
        # 数据备份与恢复 (9 b), and its export run at once (the path asked first).
        ("beifen", DataToolsScreen),
        ("daochu", TextPrompt),
    ],
)
async def test_palette_finds_screens_by_pinyin_and_initials(
    branch_dir: Path, today: dt.date, typed: str, opens: type
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *typed)
        commands = app.screen.query_one(CommandList)
        await settle(pilot, lambda: commands.option_count > 0 and commands.highlighted is not None)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, opens))


async def test_a_session_open_past_midnight_shows_the_new_day(
    branch_dir: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locations, "today", lambda: today)
    app = build_app(branch_dir)  # no fixed date: the clock decides
    async with app.run_test(size=(80, 24)) as pilot:
        info = lambda: str(app.screen.query_one("#dash-info", Static).render())  # noqa: E731
        await settle(pilot, lambda: "2026-11-27" in info() and "正在计算" not in info())
        tomorrow = today + dt.timedelta(days=1)
        monkeypatch.setattr(locations, "today", lambda: tomorrow)
        app.check_new_day()
        await settle(pilot, lambda: "2026-11-28 星期六（今天）" in info())


def _said(messages: list[str]) -> Any:
    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            messages.append(message.notification.message)

    return hook


async def test_a_full_disk_while_saving_is_said_in_chinese_and_the_app_goes_on(
    branch_dir: Path, today: dt.date
) -> None:
    said: list[str] = []
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24), message_hook=_said(said)) as pilot:
        await pilot.press("2", "m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        id_number = "110101199003077777"

        def full_disk(_tx: object) -> None:
            member_id = id_number  # a local holding personal data: never in the log
            raise OSError(errno.ENOSPC, f"No space left on device ({member_id})")

        app.screen.commit(full_disk, "已保存")  # type: ignore[attr-defined]
        # Not settle(): it waits on the workers, and this one failed on purpose.
        for _ in range(100):
            await pilot.pause(0.05)
            if any("磁盘空间不足" in s for s in said):
                break
        assert any("磁盘空间不足" in s for s in said)
        assert isinstance(app.screen, RosterScreen) and app.is_running
        await pilot.press("slash", *"zs")  # still answering keys
        await pilot.pause(0.2)
        assert app.screen.query_one("#roster-search").value == "zs"  # type: ignore[attr-defined]
    logs = list((branch_dir / "logs").glob("*.log"))
    assert logs
    text = logs[0].read_text(encoding="utf-8")
    assert "OSError" in text and id_number not in text and "member_id =" not in text


async def test_a_program_error_closes_with_one_chinese_line_and_a_log_without_locals(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    phone = "13912345678"

    def broken() -> None:
        secret = phone  # noqa: F841 - a local holding personal data
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.call_later(broken)
            await pilot.pause(0.5)
    assert app.return_code == 1
    assert app.error_lines and app.error_lines[0].startswith("程序内部出错（RuntimeError）")
    assert "Traceback" not in app.error_lines[0]
    text = next((branch_dir / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "RuntimeError: boom" in text and phone not in text
