"""停止党籍 of a 因私出国（境） trip and 恢复党籍, by keys (REL-3, 4 a; 名册 2 m).

A trip saved with 停止党籍 whose departure is past takes the member off the roster in the same
save (said beside 党籍处理 before saving, and once saved); a trip registered ahead is refused by
s until she leaves, then REL-3 asks for it and s records it. Her return keeps her off the roster
and says how membership is restored; r (in the register or on her row of the roster's history)
records 本人申请、支部大会讨论、上级党委批准 and puts her back on the roster from that day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle, settle_from_dashboard, text_if_shown, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable

from branchtui.domain.records import Member, TravelAbroad
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.lost_contact import LostContactScreen
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.travels import TravelsScreen
from branchtui.tui.widgets.record_form import RecordForm


def said(app: BranchApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


def member(data_dir: Path, name: str) -> Member:
    return next(m for m in read_file(data_dir).members if m.name == name)


async def travels(pilot: Pilot[Any]) -> None:
    await pilot.press("4", "a")
    await settle(pilot, lambda: isinstance(pilot.app.screen, TravelsScreen))


async def restore(pilot: Pilot[Any], back: type, days: tuple[str, str, str]) -> None:
    """r, then the days of 本人申请, 大会讨论 and 党委批准 with its number; 恢复 stays today."""
    await pilot.press("r")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    applied, meeting, approved = days
    await pilot.press(
        *applied, "enter", *meeting, "enter", *approved, "enter", *"党委12号", "enter"
    )
    await pilot.press("ctrl+s")
    await settle(pilot, lambda: isinstance(pilot.app.screen, back))


async def test_a_trip_saved_with_suspension_takes_her_off_then_r_restores_her(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await travels(pilot)
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press(*"sjg", "enter")
        await pilot.press(*"澳大利亚", "enter", "enter", *"1001", "enter", "enter")
        await pilot.press("enter", "down", "down", "enter")  # 党籍处理：停止党籍
        await pilot.press(*"0920")
        note = "保存后该党员自出境之日（2026-10-01）起停止党籍，移出党员名册"
        await settle(pilot, lambda: note in text_of(app, "#error-decision"))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "孙建国自2026-10-01起停止党籍，已移出党员名册" in said(app))
        sun = member(branch_dir, "孙建国")
        assert (sun.removed, sun.removed_reason) == (dt.date(2026, 10, 1), "suspended")
        assert "恢复党籍" in text_of(app, "#register-detail")
        # Back home: still off the roster, and told how she comes back.
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press(*"1120", "enter")
        await settle(pilot, lambda: "仍停止党籍，不在名册中" in said(app))
        assert "本人申请、支部大会讨论、报上级党委批准后恢复党籍，按 r 记录" in said(app)
        assert member(branch_dir, "孙建国").removed == dt.date(2026, 10, 1)
        await pilot.press("h")  # the returned trip is history now
        await settle(pilot, lambda: "孙建国" in text_of(app, "#register-detail"))
        await restore(pilot, TravelsScreen, ("1121", "1123", "1125"))
        await settle(pilot, lambda: "已恢复党籍，自2026-11-27起重新列入党员名册" in said(app))
        assert "已于2026-11-27恢复党籍" in text_of(app, "#register-detail")
    data = read_file(branch_dir)
    sun = member(branch_dir, "孙建国")
    assert (sun.removed, sun.removed_reason, sun.arrived) == (None, "", today)
    (restored,) = data.restorations
    assert (restored.suspended, restored.applied, restored.approved) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 11, 21),
        dt.date(2026, 11, 25),
    )


def roster_names(app: BranchApp) -> list[str]:
    table = app.screen.query_one("#member-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_a_trip_ahead_is_recorded_by_s_once_she_left_and_restored_from_the_roster(
    branch_dir: Path, today: dt.date
) -> None:
    sun = member(branch_dir, "孙建国")
    leaves = today + dt.timedelta(days=5)
    Store.open(branch_dir).add(
        TravelAbroad(
            member_id=sun.id, destination="日本", depart=leaves, decision="suspend", approved=today
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await travels(pilot)
        await pilot.press("s")
        await settle(pilot, lambda: "尚未出境：自出境之日（2026-12-02）起停止党籍" in said(app))
    assert member(branch_dir, "孙建国").removed is None
    later = today + dt.timedelta(days=10)
    app = build_app(branch_dir, today=later)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "REL-3", TravelsScreen)
        assert "孙建国已出境停止党籍，未移出名册" in text_of(app, "#register-duties")
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: "孙建国已从党员名册移出" in said(app))
        await settle(pilot, lambda: "尚未移出" not in text_if_shown(app, "#register-duties"))
        assert member(branch_dir, "孙建国").removed == leaves
        # The roster's history: r on her row.
        await pilot.press("2", "m")
        await settle(pilot, lambda: isinstance(app.screen, RosterScreen))
        assert "孙建国" not in roster_names(app)
        await pilot.press("h")
        await settle(pilot, lambda: "孙建国" in roster_names(app))
        row = roster_names(app).index("孙建国")
        await pilot.press("home", *["down"] * row)
        await restore(pilot, RosterScreen, ("1203", "1204", "1205"))
        await settle(pilot, lambda: "已恢复党籍" in said(app))
        assert "在册 12 人" in text_of(app, "#roster-count")
    sun = member(branch_dir, "孙建国")
    assert (sun.removed, sun.arrived) == (None, later)


async def test_r_in_the_lost_contact_register_restores_her_and_closes_the_record(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "l")
        await settle(pilot, lambda: isinstance(app.screen, LostContactScreen))
        await pilot.press("s")  # 停止党籍 on 11-20, then restored today
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press(*"1120", "enter")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: "（按 r）" in text_if_shown(app, "#register-detail"))
        await restore(pilot, LostContactScreen, ("1121", "1123", "1125"))
        await settle(pilot, lambda: "已恢复党籍" in said(app))
    data = read_file(edu_dir)
    zheng = data.find("members", "m10")
    assert (zheng.removed, zheng.arrived) == (None, today)
    case = data.find("lost_contacts", "lc1")
    assert (case.suspended, case.found) == (dt.date(2026, 11, 20), today)
