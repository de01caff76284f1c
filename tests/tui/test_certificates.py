"""党员证 (EDU-5) by keys: the dashboard's duty opens the form for the member without one, a
number used twice is refused beside the field, and the duty is met after the save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle, text_of
from textual.widgets import Input

from branchtui.tui.app import build_app
from branchtui.tui.screens.certificates import CertificatesScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm


async def test_EDU_5_settled_from_the_dashboard_by_keys(demo_dir: Path, today: dt.date) -> None:
    taken = read_file(demo_dir).certificates[0].number
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        duties = app.screen.query_one(ObligationList)
        await settle(pilot, lambda: "EDU-5" in {ob.rule for ob in duties.shown.values()})
        rules = [ob.rule for ob in duties.shown.values()]
        await pilot.press("home", *["down"] * rules.index("EDU-5"), "enter", "enter")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        assert "杨雨" in str(app.screen.query_one("#field-member_id").render())
        assert app.screen.focused is app.screen.query_one("#field-number")
        await pilot.press(*taken, "ctrl+s")  # someone else's number
        await settle(pilot, lambda: "一人一证" in text_of(app, "#error-number"))
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-number").focus()
        await pilot.press("end", "backspace", "backspace", *"99", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, CertificatesScreen))
        await settle(pilot, lambda: "EDU-5 已完成" in text_of(app, "#register-duties"))
        await pilot.press("n")  # nobody left without one
        await pilot.pause()
        assert isinstance(app.screen, CertificatesScreen)
    data = read_file(demo_dir)
    (card,) = [c for c in data.certificates if c.number == taken[:-2] + "99"]
    assert next(m.name for m in data.members if m.id == card.member_id) == "杨雨"


async def test_EDU_5_n_registers_the_next_member_and_numbers_stay_unique(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "z")
        await settle(pilot, lambda: isinstance(app.screen, CertificatesScreen))
        await settle(pilot, lambda: "EDU-5 待办" in text_of(app, "#register-duties"))
        for number in ("A001", "A002"):
            await pilot.press("n")  # the next member without a card
            await settle(pilot, lambda: isinstance(app.screen, RecordForm))
            await pilot.press("tab", *number, "ctrl+s")
            await settle(pilot, lambda: isinstance(app.screen, CertificatesScreen))
        await settle(pilot, lambda: "显示 2 条" in text_of(app, "#register-count"))
        await pilot.press("e")  # a number given to the other member is refused
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        number = form.query_one("#field-number")
        number.focus()
        other = "A002" if number.value == "A001" else "A001"  # type: ignore[attr-defined]
        await pilot.press("end", "backspace", other[-1], "ctrl+s")
        await settle(pilot, lambda: "编号不能重复" in text_of(app, "#error-number"))
        await pilot.press("escape")  # typed input is not thrown away without asking
        await settle(pilot, lambda: app.screen is not form)
        await pilot.press("down", "enter")  # 放弃已填写的内容
        await settle(pilot, lambda: isinstance(app.screen, CertificatesScreen))
    cards = {c.member_id: c.number for c in read_file(branch_dir).certificates}
    assert cards == {"m01": "A001", "m02": "A002"}  # in roster order, unchanged


async def test_EDU_5_a_number_with_a_stray_character_is_refused_beside_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    before = len(read_file(branch_dir).certificates)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "z")
        await settle(pilot, lambda: isinstance(app.screen, CertificatesScreen))
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press("tab", *"DYZ2026")
        # × has no key of its own: it comes typed by an input method or pasted.
        app.screen.query_one("#field-number", Input).insert_text_at_cursor("×")
        await pilot.press(*"0012")
        assert app.screen.query_one("#field-number", Input).value == "DYZ2026×0012"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "只能包含字母、数字和“-”" in text_of(app, "#error-number"))
        assert text_of(app, "#error-number") == "党员证编号只能包含字母、数字和“-”，4至40位"
        assert isinstance(app.screen, RecordForm)
    assert len(read_file(branch_dir).certificates) == before
