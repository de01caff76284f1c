"""活动经费 (BASE-2) by keys at 80×24: a spending beyond the balance is warned beside the amount
and saved; an absurd amount is refused there, the rest of the input kept; the ledger's summary
line stays whole however large its sums."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from conftest import on_screen, read_file, screen_text, settle, text_of
from textual.widgets import Input

from branchtui.domain.records import FundEntry
from branchtui.domain.text_cells import cells
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.funds import FundsScreen
from branchtui.tui.widgets.record_form import RecordForm


async def test_a_spending_beyond_the_balance_is_warned_and_saved(
    demo_dir: Path, today: dt.date
) -> None:
    before = len(read_file(demo_dir).fund_entries)
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "f")
        await on_screen(pilot, FundsScreen)
        assert "结余 21200 元" in text_of(app, "#register-count")
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        form = app.screen
        await pilot.press("enter", "tab", *"30000")  # date kept, 支出, more than is left
        await settle(pilot, lambda: "超过结余" in text_of(app, "#error-amount"))
        assert "-8800" in text_of(app, "#error-amount")  # what would be left, beside the amount
        form.query_one("#field-purpose").value = "activity"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # a warning, not a refusal
        await on_screen(pilot, FundsScreen)
        await settle(pilot, lambda: "结余 -8800 元" in text_of(app, "#register-count"))
    assert len(read_file(demo_dir).fund_entries) == before + 1


async def test_an_absurd_amount_is_refused_and_the_input_stays(
    demo_dir: Path, today: dt.date
) -> None:
    before = read_file(demo_dir).fund_entries
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "f")
        await on_screen(pilot, FundsScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        form = app.screen
        form.query_one("#field-description").focus()
        await pilot.press(*"七一慰问")
        form.query_one("#field-amount").focus()
        await pilot.press(*"20000000", "ctrl+s")  # two zeros too many
        await settle(pilot, lambda: "不能超过100万元" in text_of(app, "#error-amount"))
        assert isinstance(app.screen, RecordForm)
        assert form.query_one("#field-amount", Input).value == "20000000"
        assert form.query_one("#field-description").value == "七一慰问"  # type: ignore[attr-defined]
    assert read_file(demo_dir).fund_entries == before


async def test_the_summary_line_is_whole_at_80_columns(branch_dir: Path, today: dt.date) -> None:
    store = Store.open(branch_dir)
    for i in range(23):
        direction = "income" if i < 12 else "spending"
        amount = Decimal("999999.99")
        store.add(FundEntry(date=today, direction=direction, amount=amount, purpose="activity"))  # type: ignore[arg-type]
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "f")
        await on_screen(pilot, FundsScreen)
        await settle(pilot, lambda: "23 条" in text_of(app, "#register-count"))
        line = text_of(app, "#register-count")
        assert cells(line) <= 78, line  # inside the padding of the status line
        (row,) = [r for r in screen_text(app).replace("\xa0", " ").splitlines() if "显示" in r]
        assert "999999.99（元）" in row  # the balance, whole, on the screen
