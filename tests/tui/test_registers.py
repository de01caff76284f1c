"""Registers (tui/screens/register.py) through two of them, 活动场所 and 活动经费: add, edit,
delete with a confirmation, errors beside the field, warnings as the rule sees the record, and
the register's duty judged again after the save."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from conftest import read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.funds import FundsScreen
from branchtui.tui.screens.venues import VenuesScreen
from branchtui.tui.widgets.record_form import RecordForm


async def open_form(pilot: Pilot[None], *keys: str) -> RecordForm:
    await pilot.press(*keys)
    await settle(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    return pilot.app.screen  # type: ignore[return-value]


async def test_a_venue_with_equipment_settles_base_1(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "v")
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
        await settle(pilot, lambda: "BASE-1" in text_of(app, "#register-duties"))
        assert "尚未登记党员活动场所" in text_of(app, "#register-duties")
        await open_form(pilot, "a")
        await pilot.press(*"党员活动室", "enter")  # name, then 共用 (a choice) …
        await pilot.press(
            "tab", *"厂区办公楼三楼", "enter", *"党旗,投影仪,书柜"
        )  # Pilot cannot type 、 ；the box reads , too
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
        await settle(pilot, lambda: "已完成" in text_of(app, "#register-duties"))
        assert "党员活动室" in text_of(app, "#register-duties")
    (venue,) = read_file(branch_dir).venues
    assert venue.name == "党员活动室" and venue.address == "厂区办公楼三楼"
    assert venue.equipment == ["党旗", "投影仪", "书柜"]


async def test_a_spending_outside_the_purposes_is_warned_as_typed_and_saved(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "f")
        await settle(pilot, lambda: isinstance(app.screen, FundsScreen))
        form = await open_form(pilot, "a")
        assert form.query_one("#field-date").value == "2026-11-27"  # type: ignore[attr-defined]
        await pilot.press("enter", "tab", *"12x", "enter")  # date kept, 支出, a bad amount
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "请填写数字" in text_of(app, "#error-amount")
        assert isinstance(app.screen, RecordForm)  # nothing saved half, the form stays
        amount = form.query_one("#field-amount")
        amount.focus()
        await pilot.press("end", "backspace", "enter")  # 12 (focus selects all the text)
        form.query_one("#field-purpose").value = "other"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "BASE-2" in text_of(app, "#error-purpose")  # the rule, as the record is typed
        form.query_one("#field-description").focus()
        await pilot.press(*"购买球服", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, FundsScreen))
        await settle(pilot, lambda: "不属于规定用途" in text_of(app, "#register-duties"))
        assert "支出 12 元" in text_of(app, "#register-count")
    (entry,) = read_file(branch_dir).fund_entries
    assert entry.amount == Decimal(12) and entry.purpose == "other"
    assert entry.date == today and entry.description == "购买球服"


async def test_deleting_asks_first_and_escape_keeps_typed_input(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "v")
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
        await open_form(pilot, "a")
        await pilot.press(*"活动室")
        await pilot.press("escape")  # typed something: asked, not thrown away
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # 继续填写
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        assert app.screen.query_one("#field-name").value == "活动室"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
        table = app.screen.query_one("#register-table", DataTable)
        await settle(pilot, lambda: table.row_count == 1)
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("escape")  # not deleted
        await settle(pilot, lambda: isinstance(app.screen, VenuesScreen))
        assert len(read_file(branch_dir).venues) == 1
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")  # 删除
        await settle(pilot, lambda: table.row_count == 0)
    assert read_file(branch_dir).venues == []


async def test_a_drop_down_speaks_chinese_and_enter_moves_on(
    branch_dir: Path, today: dt.date
) -> None:
    """Going down a form with Enter: a list opens, its key in the Footer is in Chinese, and
    Enter on a choice goes on to the next field (not back into the same list)."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "f")
        await settle(pilot, lambda: isinstance(app.screen, FundsScreen))
        form = await open_form(pilot, "a")
        await pilot.press("enter", "enter")  # date kept; the list of 收支类型 opens
        await pilot.pause(0.2)
        footer = " ".join(str(key.render()) for key in form.query(FooterKey))
        assert "收起列表" in footer and "Dismiss" not in footer
        await pilot.press("enter")  # 支出 kept
        await settle(pilot, lambda: app.focused is form.query_one("#field-amount"))
        await pilot.press(*"30", "enter")
        assert form.query_one("#field-amount").value == "30"  # type: ignore[attr-defined]
