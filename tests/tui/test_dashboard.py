"""The duty dashboard on the demo branch at 2026-11-27, driven by keys at 80×24."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from conftest import info_text, settle
from rich.console import Console
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Input, Static

from branchtui.domain.obligations import Obligation
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.dues import DuesScreen
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.wizards.election import ElectionWizard
from branchtui.tui.widgets.dues_grid import DuesGrid
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.progress_view import ProgressView


async def settled(pilot: Pilot[None]) -> None:
    """Wait for the engine's worker and the redraw after its message."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def listed(app: BranchApp) -> list[Obligation]:
    return list(app.screen.query_one(ObligationList).shown.values())


async def highlight(pilot: Pilot[None], rule: str) -> None:
    """Move the cursor down to the first row of ``rule``, as a user would."""
    app: BranchApp = pilot.app  # type: ignore[assignment]
    rules = [ob.rule for ob in listed(app)]
    await pilot.press("home", *["down"] * rules.index(rule))
    assert app.screen.query_one(ObligationList).highlighted_obligation.rule == rule  # type: ignore[union-attr]


async def test_dashboard_opens_first_with_the_demo_gaps(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "查看日期：2026-11-27 星期五（今天）" in info_text(app)
        rows = listed(app)
        # Overdue first: the 支委会 missed in May 2026.
        assert (rows[0].rule, rows[0].status, rows[0].period) == ("LIFE-2", "overdue", "2026-05")
        open_rules = {ob.rule: ob.status for ob in rows}
        assert open_rules["EDU-4"] == "due"  # two members behind with their dues
        assert open_rules["ORG-8"] == "due"  # the vacant 宣传委员 seat
        assert open_rules["ORG-1"] == "due"  # a member without a phone
        assert open_rules["EDU-5"] == "due"  # a member without a 党员证
        assert open_rules["BASE-2"] == "warning"  # the 'other' fund purpose
        assert all(ob.status not in ("met", "not_applicable") for ob in rows)
        lines = app.screen.query_one(ObligationList)
        headings = [
            str(lines.get_option_at_index(i).prompt)
            for i in range(lines.option_count)
            if lines.get_option_at_index(i).disabled
        ]
        assert headings[0] == "已逾期（1）"
        assert headings[1].startswith("本月")
        assert headings[-1].startswith("已完成") and "按 c 展开" in headings[-1]


async def test_moving_the_date_changes_the_duties(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, DatePrompt)
        await pilot.press(*["backspace"] * 10, *"2026-03-10", "enter")
        await settled(pilot)
        assert "查看日期：2026-03-10" in info_text(app)
        assert "按 t 回到今天" in info_text(app)
        rows = listed(app)
        assert not any(ob.rule == "LIFE-2" and ob.period == "2026-05" for ob in rows)
        march_groups = [ob for ob in rows if ob.rule == "LIFE-3" and ob.period == "2026-03"]
        assert len(march_groups) == 3 and all(ob.status == "due" for ob in march_groups)
        assert "EDU-4" not in {ob.rule for ob in rows}  # nobody was behind in March
        await pilot.press("left_square_bracket")
        await settled(pilot)
        assert "查看日期：2026-03-09" in info_text(app)
        await pilot.press("right_curly_bracket")
        await settled(pilot)
        assert "查看日期：2026-04-09" in info_text(app)
        await pilot.press("t")
        await settled(pilot)
        assert "查看日期：2026-11-27" in info_text(app)
        assert listed(app)[0].rule == "LIFE-2"
        assert "节假日安排为估算" not in info_text(app)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settled(pilot)
        # 2027's holiday schedule is not announced in the holidays package: say so.
        assert "查看日期：2027-01-27" in info_text(app)
        assert "2027年节假日安排为估算" in info_text(app)


async def test_enter_shows_the_detail_with_names(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await highlight(pilot, "EDU-4")
        await pilot.press("enter")
        assert isinstance(app.screen, ObligationDetail)
        body = str(app.screen.query_one("#detail-body", Static).render())
        assert "EDU-4  党员每月按时足额交纳党费" in body
        assert "涉及党员（2人）：袁明阳、黄安琴" in body
        how = str(app.screen.query_one("#detail-action", Static).render())
        assert "按 Enter 打开「党费」办理" in how and "branchtui" not in how  # never a shell
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        # The action key opens the 党费 grid on the first member's oldest unpaid month.
        await pilot.press("enter", "enter")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        row, month = grid.cursor_cell()  # type: ignore[misc]
        assert (row.member.name, month.month, month.state) == ("袁明阳", "2026-08", "arrears")


async def test_detail_names_records_and_action_key_switches_mode(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await highlight(pilot, "ORG-8")
        await pilot.press("enter")
        body = str(app.screen.query_one("#detail-body", Static).render())
        assert "截止：2027-01-19" in body
        assert "委员空缺 2026-10-19 宣传委员" in body  # the ref resolved to a readable line
        assert "按 Enter 打开「支委会」办理" in str(
            app.screen.query_one("#detail-action", Static).render()
        )
        await pilot.press("enter")
        # The vacancy is settled by a 补选: its wizard opens over the committee (ORG-8).
        await settle(pilot, lambda: isinstance(app.screen, ElectionWizard))
        assert app.current_mode == "organization"
        assert isinstance(app.screen_stack[-2], CommitteeScreen)
        await pilot.press("escape")  # the wizard asks before anything is dropped
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 放弃
        await settle(pilot, lambda: isinstance(app.screen, CommitteeScreen))
        await pilot.press("1")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_bad_date_shows_a_chinese_message(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("d", *["backspace"] * 10, *"02-30", "enter")
        assert isinstance(app.screen, DatePrompt)
        error = str(app.screen.query_one("#date-error", Static).render())
        assert "2026年2月没有30日" in error
        assert app.screen.query_one(Input).value == "02-30"
        await pilot.press("escape")
        await settled(pilot)
        assert "查看日期：2026-11-27" in info_text(app)


async def test_filter_and_completed_toggle(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("c")
        assert any(ob.status == "met" for ob in listed(app))
        await pilot.press("f", "down", "enter")  # 状态：已逾期
        assert {ob.status for ob in listed(app)} == {"overdue"}
        assert "筛选：状态：已逾期" in str(app.screen.query_one("#dash-filter-bar").render())
        await pilot.press("f", "home", "enter")  # 全部事项
        assert len(listed(app)) > 200


async def test_progress_view_bars(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        view = app.screen.query_one(ProgressView)
        assert not view.display  # narrow: the list gets the room until p is pressed
        await pilot.press("p")
        assert view.display
        console = Console(width=40, record=True, file=io.StringIO())
        console.print(view.content)
        text = console.export_text()
        assert "2026年进度" in text
        assert "支委会" in text and "10/11 月" in text
        assert "党员大会" in text and "4/4 季度" in text
        assert "集中学习" in text and "10.5/12 天" in text


async def test_palette_moves_the_dashboard_date(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+p", *"待办事项：上个月")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "查看日期：2026-10-27" in info_text(app)


async def test_broken_calendar_file_is_said_once_and_duties_still_shown(
    demo_dir: Path, today: dt.date
) -> None:
    (demo_dir / "calendar.toml").write_text("holidays = [2027-13-01", encoding="utf-8")
    said: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settled(pilot)
        assert listed(app)[0].rule == "LIFE-2"
        await pilot.press("right_square_bracket")
        await settled(pilot)
        assert "查看日期：2026-11-28" in info_text(app)
    assert len(said) == 1
    assert "calendar.toml" in said[0] and "暂按内置节假日计算" in said[0]
