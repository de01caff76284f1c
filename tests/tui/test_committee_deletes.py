"""支委会 d and t: a seat, a vacancy or a term entered by mistake is deleted after a question and
what it ended comes back; the committee's history is refused with the reason (ORG-4…ORG-8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle
from textual.pilot import Pilot
from textual.widgets import DataTable

from branchtui.domain.records import Attendance, Meeting
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.committee import CommitteeScreen
from branchtui.tui.screens.dialogs import ChoicePrompt


def _said(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def _committee(pilot: Pilot[None]) -> tuple[DataTable[str], DataTable[str]]:
    """支委会 opened by its keys: its seat and vacancy lists."""
    await pilot.press("2", "c")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CommitteeScreen))
    screen = pilot.app.screen
    return screen.query_one("#seat-table", DataTable), screen.query_one("#vacancy-table", DataTable)


async def test_an_appointment_by_mistake_is_deleted_and_the_vacancy_is_open_again(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        seats, vacancies = await _committee(pilot)
        await pilot.press("a", *(["down"] * 4), "enter", *"wangwu", "enter", *"1120", "enter")
        await settle(pilot, lambda: vacancies.row_count == 0 and seats.row_count == 4)
        await pilot.press("down", "down", "down", "d")  # 纪检委员 王五, the last row
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        question = app.screen.prompt_title
        assert question.startswith("删除委员：纪检委员王五（2026-11-20 任职）？")
        assert "另有委员空缺1条恢复原状" in question
        await pilot.press("down", "enter")
        await settle(pilot, lambda: vacancies.row_count == 1 and seats.row_count == 3)
        assert "已删除委员：纪检委员王五" in _said(app)
    data = read_file(branch_dir)
    assert not any(s.role == "discipline" for s in data.seats)
    (vacancy,) = data.vacancies
    assert vacancy.id == "v1" and vacancy.filled is None and vacancy.seat_id is None


async def test_a_seat_with_history_is_refused_and_a_vacancy_typed_by_hand_goes(
    branch_dir: Path, today: dt.date
) -> None:
    Store.open(branch_dir).add(
        Meeting(
            kinds=["committee_meeting"],
            date=dt.date(2026, 11, 3),
            attendance=[Attendance(member_id="m01"), Attendance(member_id="m02")],
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        _, vacancies = await _committee(pilot)
        await pilot.press("d")  # 书记 张三 sat at the 支委会 of 11-03
        await settle(pilot, lambda: "不能删除" in _said(app))
        assert (
            "该支委委员已列入1次支委会会议的出席记录（最近一次2026-11-03），不能删除；"
            "如已不再担任，请按 v 登记出缺。"
        ) in _said(app)
        assert not isinstance(app.screen, ChoicePrompt)
        await pilot.press("tab", "d")  # the 纪检委员 vacancy, entered by hand
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: vacancies.row_count == 0)
    data = read_file(branch_dir)
    assert data.vacancies == [] and len(data.seats) == 3


async def test_a_term_registered_by_mistake_is_deleted_and_the_committee_is_back(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        seats, _ = await _committee(pilot)
        await pilot.press("n", "enter")  # 2026-11-27, today
        # (the n worker waits for the answer: pause, not settle, which waits for workers)
        for _ in range(200):
            if isinstance(app.screen, ChoicePrompt):
                break
            await pilot.pause(0.05)
        await pilot.press("down", "enter")  # 确认换届
        await settle(pilot, lambda: seats.row_count == 0)
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        question = app.screen.prompt_title
        assert question == ("删除第2届任期（2026-11-27起）？另有支委委员3条、委员空缺1条恢复原状。")
        await pilot.press("down", "enter")
        await settle(pilot, lambda: seats.row_count == 3)
        assert "已删除第2届任期" in _said(app)
    data = read_file(branch_dir)
    assert [t.id for t in data.terms] == ["t1"]
    assert all(s.until is None for s in data.seats)
    assert data.vacancies[0].filled is None
