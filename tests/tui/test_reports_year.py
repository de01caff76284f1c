"""年度考核 (REP-2, REP-3), 年度报告, 好经验好做法 (REP-4) and 台账汇编 on the demo branch at
2026-11-27, by keys at 80×24: what is recorded is what a fresh session reads back, and the duty
engine then counts the year's assessment, self-check and practice notes as done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.assessment import AssessmentScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt, TextPrompt
from branchtui.tui.screens.ledger_volumes import LedgerVolumesScreen
from branchtui.tui.screens.practices import PracticesScreen
from branchtui.tui.screens.texts_form import TextsForm
from branchtui.tui.screens.year_documents import YearDocumentsScreen
from branchtui.tui.widgets.record_form import RecordForm


async def shown(pilot: Pilot[Any], cls: type) -> None:
    """Wait for a dialog without waiting for workers (the one that opened it waits for it)."""
    for _ in range(200):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, cls):
            return
    raise AssertionError(f"{cls.__name__} 未出现")


def status(data: BranchData, rule: str, period: str, on: dt.date) -> str:
    found = obligations_on(data, on, get_profile(None))
    return next(o.status for o in found if o.rule == rule and o.period == period)


async def open_assessment(pilot: Pilot[Any]) -> AssessmentScreen:
    app: BranchApp = pilot.app  # type: ignore[assignment]
    await pilot.press("0", "y")
    await settle(
        pilot, lambda: isinstance(app.screen, AssessmentScreen) and app.screen.context is not None
    )
    assert isinstance(app.screen, AssessmentScreen)
    return app.screen


async def test_the_computed_scores_are_recorded_as_the_self_assessment(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_assessment(pilot)
        assert page.year == 2026
        score = page.context["score"]  # type: ignore[index]
        table = app.screen.query_one("#score-table", DataTable)
        assert table.row_count == 8
        # How each score is reached: the first area's share and its deductions.
        first = score["areas"][0]
        detail = str(app.screen.query_one("#assess-detail", Static).render())
        assert detail.startswith(f"{first['name']}：{first['points']:g} × ")
        info = str(app.screen.query_one("#assess-info", Static).render())
        assert f"计算得分 {score['total']:g}/100" in info and "完成比例" in info
        assert status(read_file(demo_dir), "REP-2", "2026", dt.date(2026, 12, 2)) == "due"

        await pilot.press("a")
        await shown(pilot, ChoicePrompt)
        await pilot.press("down", "enter")  # 登记为本年度自评
        await settle(pilot, lambda: bool(read_file(demo_dir).assessments[-1].year == 2026))
        recorded = next(a for a in read_file(demo_dir).assessments if a.year == 2026)
        assert {str(k): v for k, v in recorded.scores.items()} == {
            a["key"]: a["score"] for a in score["areas"]
        }
        assert recorded.date == today
        assert status(read_file(demo_dir), "REP-2", "2026", dt.date(2026, 12, 2)) == "met"

        # e: one area by hand; a score above its points is refused beside the field.
        await settle(pilot, lambda: page.context is not None)
        await pilot.press("e")
        await shown(pilot, TextPrompt)
        await pilot.press(*["backspace"] * 8, *"16", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#prompt-error", Static).render())
        assert error == f"得分应在 0 到 {first['points']:g} 之间"
        await pilot.press(*["backspace"] * 8, *"13.5", "enter")
        await settle(
            pilot,
            lambda: (
                next(a for a in read_file(demo_dir).assessments if a.year == 2026).scores.get(
                    first["key"]
                )
                == 13.5
            ),
        )


async def test_five_good_remarks_are_written_against_their_evidence(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_assessment(pilot)
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        form = app.screen
        assert [p.label for p in form.parts] == list(FIVE_GOOD.values())  # type: ignore[attr-defined]
        assert all(p.note.startswith("依据 ") for p in form.parts)  # type: ignore[attr-defined]
        for _ in FIVE_GOOD:
            await pilot.press(*"达到要求", "tab")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        recorded = next(a for a in read_file(demo_dir).assessments if a.year == 2026)
        assert {str(k): v for k, v in recorded.five_good.items()} == dict.fromkeys(
            FIVE_GOOD, "达到要求"
        )
        assert not recorded.scores  # the scores are not invented by writing remarks
        assert status(read_file(demo_dir), "REP-3", "2026", dt.date(2026, 12, 2)) == "met"
        assert status(read_file(demo_dir), "REP-2", "2026", dt.date(2026, 12, 2)) == "due"
        assert len(ASSESSMENT_AREAS) == 8


async def test_year_documents_preview_edit_and_save(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0", "d")
        await settle(
            pilot, lambda: isinstance(app.screen, YearDocumentsScreen) and bool(app.screen.text)
        )
        page = app.screen
        assert isinstance(page, YearDocumentsScreen)
        assert "2026年度开展党支部基本建设工作情况的报告" in (page.text or "")
        assert "八、年度考核自评" in (page.text or "")
        await pilot.press("o")
        await settle(pilot, lambda: "述职报告" in (page.text or "")[:80])
        assert page.document == "debrief"

        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextsForm))
        await pilot.press("tab", *"党员教育方式单一")  # 存在的不足（找差距）
        assert app.screen.query_one("#text-shortcomings", TextArea).text == "党员教育方式单一"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "党员教育方式单一" in (page.text or ""))

        await pilot.press("s")
        path = demo_dir / "reports" / "2026-debrief.md"
        await settle(pilot, path.exists)
        assert "党员教育方式单一" in path.read_text(encoding="utf-8")


async def test_practice_notes_are_added_reported_and_removed(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0", "p")
        await settle(pilot, lambda: isinstance(app.screen, PracticesScreen))
        page = app.screen
        assert isinstance(page, PracticesScreen)
        before = len(read_file(demo_dir).practice_notes)
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press("ctrl+s")  # no title: refused beside the field
        await pilot.pause()
        assert str(app.screen.query_one("#error-title", Static).render()) != ""
        app.screen.query_one("#field-title", Input).focus()
        await pilot.press(*"微党课", "tab", *"每月讲十分钟", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, PracticesScreen))
        notes = read_file(demo_dir).practice_notes
        assert len(notes) == before + 1
        new = next(n for n in notes if n.title == "微党课")
        assert (new.date, new.content, new.reported) == (today, "每月讲十分钟", None)
        await settle(pilot, lambda: getattr(page._highlighted(), "id", "") == new.id)

        # r: reported today (the default); a date before the note is refused beside the field.
        await pilot.press("r")
        await shown(pilot, DatePrompt)
        await pilot.press(*["backspace"] * 10, *"2026-01-01", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#date-error", Static).render())
        assert error == f"上报日期不能早于经验做法的日期 {today.isoformat()}"
        await pilot.press(*["backspace"] * 10, *"今天", "enter")
        await settle(
            pilot,
            lambda: (
                next(n for n in read_file(demo_dir).practice_notes if n.id == new.id).reported
                == today
            ),
        )

        # d: removed after asking.
        await settle(pilot, lambda: getattr(page._highlighted(), "id", "") == new.id)
        await pilot.press("d")
        await shown(pilot, ChoicePrompt)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: len(read_file(demo_dir).practice_notes) == before)
        assert all(n.id != new.id for n in read_file(demo_dir).practice_notes)


async def test_ledger_volumes_are_counted_previewed_and_saved(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0", "l")
        await settle(
            pilot, lambda: isinstance(app.screen, LedgerVolumesScreen) and bool(app.screen.text)
        )
        page = app.screen
        assert isinstance(page, LedgerVolumesScreen)
        assert "2026年度台账 之01：组织建设" in (page.text or "")
        table = app.screen.query_one("#volume-table", DataTable)
        await settle(pilot, lambda: str(table.get_row("dues")[2]).endswith("条"))
        await pilot.press(*["down"] * 7)  # 08 党费
        await settle(pilot, lambda: "之08：党费" in (page.text or ""))
        await pilot.press("s")
        folder = demo_dir / "reports" / "2026-ledger"
        await settle(pilot, lambda: (folder / "08-党费.md").exists())
        assert sorted(p.name for p in folder.iterdir()) == ["08-党费.md"]
        await pilot.press("g")
        await settle(pilot, lambda: len(list(folder.iterdir())) == 12)
