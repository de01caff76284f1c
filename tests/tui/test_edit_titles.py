"""A dialog that changes one record says which: the transfer edit form (4 t, e) is titled
编辑组织关系转接：李四（2026-10-19）, the 困难帮扶 上报 prompt (7 h, r) names the member and the
case, the member form names the member — one helper (tui/captions.py) for them all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from conftest import on_screen, settle, text_of

from branchtui.domain.records import HardshipCase, Transfer
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.hardship import HardshipScreen
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.transfers import TransfersScreen
from branchtui.tui.widgets.record_form import RecordForm


async def test_edit_form_and_date_prompt_name_the_record(branch_dir: Path, today: dt.date) -> None:
    store = Store.open(branch_dir)
    store.add(
        Transfer(
            member_id="m02",
            person_name="李四",
            direction="in",
            instrument="relation_transfer",
            date=dt.date(2026, 10, 19),
            other_org="中共示例二支部",
        )
    )
    store.add(
        HardshipCase(
            member_id="m03",
            applied=dt.date(2026, 10, 1),
            description="家人住院",
            amount=Decimal("0"),
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "t")
        await on_screen(pilot, TransfersScreen)
        await pilot.press("e")
        await on_screen(pilot, RecordForm)
        assert text_of(app, ".dialog-title") == "编辑组织关系转接：李四（2026-10-19）"
        await pilot.press("escape")
        await on_screen(pilot, TransfersScreen)
        await pilot.press("7", "h")
        await on_screen(pilot, HardshipScreen)
        await pilot.press("r")
        await on_screen(pilot, DatePrompt)
        assert text_of(app, ".dialog-title") == (
            "困难帮扶：王五（2026-10-01）\n向上级党组织报告的日期"
        )
        await pilot.press("escape")
        await on_screen(pilot, HardshipScreen)
        await pilot.press("2", "m")
        await on_screen(pilot, RosterScreen)
        await pilot.press("slash", *"zhangsan", "enter", "e")
        await on_screen(pilot, MemberForm)
        await settle(pilot, lambda: app.screen.sub_title == "编辑党员：张三")


def test_a_title_says_a_choice_by_its_label_and_keeps_to_one_line() -> None:
    from branchtui.domain.records import BranchData, FundEntry
    from branchtui.tui.captions import edit_title

    spending = FundEntry(date=dt.date(2026, 11, 3), amount=Decimal(5), purpose="other")
    assert edit_title(spending, BranchData()) == "编辑经费收支：其他（2026-11-03）"
    long = FundEntry(date=dt.date(2026, 11, 3), amount=Decimal(5), description="“七一”" * 10)
    title = edit_title(long, BranchData())
    assert title.startswith("编辑经费收支：「七一」") and title.endswith("...（2026-11-03）")
    assert "“" not in title  # no ambiguous-width quotes in a title
