"""月度报告 (REP-1) on the demo branch at 2026-11-27, by keys at 80×24: the November report is
produced, the secretary's words edited, the file saved into reports/, the sent date recorded,
and REP-1 for November shows met on the dashboard; copying sends OSC 52 to the terminal."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

from conftest import open_duty, read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TextArea

from branchtui.domain.obligations import Obligation
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.monthly_report import MonthlyReportScreen
from branchtui.tui.screens.texts_form import TextsForm
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.report_preview import ReportPreview

TITLE = "2026年11月开展党支部基本建设工作情况的报告"
PROBLEMS = "党员学习测试参与率不高"


def screen(app: BranchApp) -> MonthlyReportScreen:
    assert isinstance(app.screen, MonthlyReportScreen), app.screen
    return app.screen


async def open_monthly(pilot: Pilot[Any]) -> MonthlyReportScreen:
    app: BranchApp = pilot.app  # type: ignore[assignment]
    await pilot.press("0", "m")
    await settle(
        pilot, lambda: isinstance(app.screen, MonthlyReportScreen) and bool(app.screen.text)
    )
    return screen(app)


def preview_lines(app: BranchApp) -> str:
    """What the preview shows, once laid out at its width (as one text)."""
    preview = app.screen.query_one(ReportPreview)
    return "\n".join(preview.text_lines()) if preview.ready else ""


def month_row(app: BranchApp, month: str) -> list[str]:
    table = app.screen.query_one("#month-table", DataTable)
    return [str(cell) for cell in table.get_row(month)]


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def test_november_is_produced_edited_saved_sent_and_rep1_met(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_monthly(pilot)
        # October went up on time; November is the month at hand and not produced yet.
        assert page.month == "2026-11"
        assert TITLE in page.text  # type: ignore[operator]
        await settle(pilot, lambda: "2026年11月开展党支部基本建设" in preview_lines(app))
        assert "一、组织体系建设情况" in preview_lines(app)
        assert month_row(app, "2026-11")[4] == "未生成"
        assert month_row(app, "2026-10")[4] == "已报送"

        # e: the secretary's words; the area keys type into the text, they do not leave it.
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await type_text(pilot, PROBLEMS + "3次")
        assert app.screen.query_one("#text-problems", TextArea).text == PROBLEMS + "3次"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        saved = read_file(demo_dir).monthly_reports
        assert [r.texts for r in saved if r.month == "2026-11"] == [{"problems": PROBLEMS + "3次"}]

        # Opened again, what she types goes after her words, not in front of them.
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await type_text(pilot, "已提醒")
        assert app.screen.query_one("#text-problems", TextArea).text == PROBLEMS + "3次已提醒"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        # The preview is rendered again with the words in section 八.
        await settle(pilot, lambda: PROBLEMS in (page.text or ""))
        assert month_row(app, "2026-11")[5] == "1/2段"

        # s: the file in reports/, with the words; producing it is not sending it.
        await pilot.press("s")
        path = demo_dir / "reports" / "2026-11-monthly.md"
        await settle(pilot, lambda: month_row(app, "2026-11")[4] == "已生成，未报送")
        assert PROBLEMS + "3次" in path.read_text(encoding="utf-8")
        assert TITLE in path.read_text(encoding="utf-8")
        record = next(r for r in read_file(demo_dir).monthly_reports if r.month == "2026-11")
        assert (record.generated, record.sent) == (today, None)

        # t: the sent date (today by default) settles REP-1.
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("enter")
        await settle(pilot, lambda: month_row(app, "2026-11")[4] == "已报送")
        record = next(r for r in read_file(demo_dir).monthly_reports if r.month == "2026-11")
        assert record.sent == today

        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("c")  # show the met duties too
        duties = app.screen.query_one(ObligationList)

        def november() -> Obligation | None:
            return next(
                (o for o in duties.shown.values() if o.rule == "REP-1" and o.period == "2026-11"),
                None,
            )

        await settle(pilot, lambda: november() is not None)
        found = november()
        assert found is not None and found.status == "met"
        assert found.detail == "2026年11月工作报告已于 2026-11-27 报送"


async def test_a_sent_date_before_the_month_is_refused_beside_the_field(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_monthly(pilot)
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press(*["backspace"] * 10, *"2026-10-31", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        error = str(app.screen.query_one("#date-error", Static).render())
        assert error == "报送日期 2026-10-31 早于2026年11月，未登记。"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        record = [r for r in read_file(demo_dir).monthly_reports if r.month == "2026-11"]
        assert record == []


async def test_escape_asks_before_the_words_are_dropped(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_monthly(pilot)
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await type_text(pilot, "下月")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 继续填写
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        assert app.screen.query_one("#text-problems", TextArea).text == "下月"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 放弃修改，返回
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        assert [r for r in read_file(demo_dir).monthly_reports if r.month == "2026-11"] == []
        # Nothing typed: Esc leaves at once.
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))


async def test_settling_rep1_opens_the_month_it_is_about(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        duty = Obligation("REP-1", "报告", "overdue", period_kind="month", period="2025-12")
        await app.open_screen("monthly_report", duty)
        await settle(pilot, lambda: getattr(app.screen, "month", "") == "2025-12")
        page = screen(app)
        await settle(pilot, lambda: "2025年12月开展" in (page.text or ""))
        assert page.year == 2025 and len(page.months) == 12
        table = app.screen.query_one("#month-table", DataTable)
        assert page.months[table.cursor_row] == "2025-12"


async def test_rep1_on_the_dashboard_opens_the_monthly_report_by_keys(
    demo_dir: Path, today: dt.date
) -> None:
    # A secretary behind ForceCommand has no shell: the duty's Enter is the way to settle it.
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "REP-1")
        assert "按 Enter 打开「月度报告」办理" in text_of(app, "#detail-action")
        await pilot.press("enter")
        await settle(pilot, lambda: getattr(app.screen, "month", "") == "2026-11")
        assert app.current_mode == "reports"


async def test_years_move_with_braces_but_not_into_the_future(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_monthly(pilot)
        assert page.months[0] == "2026-11" and len(page.months) == 11
        await pilot.press("left_curly_bracket")
        await settle(pilot, lambda: page.year == 2025 and bool(page.text))
        assert page.months == [f"2025-{m:02d}" for m in range(12, 0, -1)]
        assert page.month == "2025-12"
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert page.year == 2026
        # Not before the branch was set up: no years of months "not sent" that never were due.
        created = read_file(demo_dir).branch.created  # type: ignore[union-attr]
        assert created is not None
        await pilot.press(*["left_curly_bracket"] * (2027 - created.year))
        await pilot.pause()
        assert page.year == created.year


async def test_copy_sends_the_report_as_osc52(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_monthly(pilot)
        written: list[str] = []
        assert app._driver is not None
        app._driver.write = written.append  # type: ignore[method-assign]
        await pilot.press("c")
        text = page.text or ""
        sequence = "\x1b]52;c;" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "\a"
        assert written == [sequence]
        assert TITLE in base64.b64decode(written[0][7:-1]).decode("utf-8")


async def test_a_sent_date_before_the_report_was_generated_is_refused(
    demo_dir: Path, today: dt.date
) -> None:
    """REP-1: generated on 11-27, the report cannot have gone up on 11-01; 生成 stays 11-27."""
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_monthly(pilot)
        await pilot.press("s")
        await settle(pilot, lambda: month_row(app, "2026-11")[4] == "已生成，未报送")
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("ctrl+u", *"2026-11-01", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        error = str(app.screen.query_one("#date-error", Static).render())
        assert error == "报送日期 2026-11-01 早于报告的生成日期 2026-11-27，未登记。"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        assert month_row(app, "2026-11")[1:3] == ["2026-11-27", "—"]
        record = next(r for r in read_file(demo_dir).monthly_reports if r.month == "2026-11")
        assert (record.generated, record.sent) == (today, None)


async def test_the_words_saved_after_the_file_are_in_the_file(
    demo_dir: Path, today: dt.date
) -> None:
    """The row says 已生成: the file says what the secretary wrote, without pressing s again."""
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_monthly(pilot)
        await pilot.press("s")
        path = demo_dir / "reports" / "2026-11-monthly.md"
        await settle(pilot, lambda: month_row(app, "2026-11")[4] == "已生成，未报送")
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await type_text(pilot, "宣传委员空缺尚未补选")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, MonthlyReportScreen))
        text = path.read_text(encoding="utf-8")
        eight = text[text.index("## 八") : text.index("## 九")]
        assert "宣传委员空缺尚未补选" in eight
        assert month_row(app, "2026-11")[4] == "已生成，未报送"


async def test_months_before_the_branch_was_set_up_are_not_listed(
    demo_dir: Path, today: dt.date
) -> None:
    """The demo branch was set up on 2024-11-01: 2024 lists November and December only."""
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_monthly(pilot)
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(pilot, lambda: page.year == 2024 and bool(page.text))
        assert page.months == ["2024-12", "2024-11"]
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert page.year == 2024
