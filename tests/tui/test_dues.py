"""党费 (EDU-4, NAT-4, NAT-5) by keys at 80×24: the grid settles the dashboard's duty, the
6-month back-payment limit is refused beside the field, a theme day is paid in one commit,
the year's rates are confirmed from the calculator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from branchtui.domain.obligations.catalogue import CATALOGUE
from branchtui.domain.records import Member
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.registry import screen_for_target
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.dues import DuesScreen
from branchtui.tui.screens.dues_arrears import DuesArrearsScreen
from branchtui.tui.screens.dues_rates import DuesRatesScreen
from branchtui.tui.widgets.dues_grid import DuesGrid
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm


def cursor(app: BranchApp) -> tuple[str, str, str]:
    cell = app.screen.query_one(DuesGrid).cursor_cell()
    assert cell is not None
    return cell[0].member.name, cell[1].month, cell[1].state


async def open_dues(pilot: Pilot[None]) -> DuesScreen:
    await pilot.press("5", "f")
    await settle(pilot, lambda: isinstance(pilot.app.screen, DuesScreen))
    screen: DuesScreen = pilot.app.screen  # type: ignore[assignment]
    await settle(pilot, lambda: "EDU-4" in text_of(pilot.app, "#dues-duties"))
    return screen


async def confirm(pilot: Pilot[None]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, ChoicePrompt))
    await pilot.press("enter")


async def test_EDU_4_settled_from_the_dashboard_by_keys(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, DashboardScreen))
        duties = app.screen.query_one(ObligationList)
        await settle(pilot, lambda: "EDU-4" in {ob.rule for ob in duties.shown.values()})
        rules = [ob.rule for ob in duties.shown.values()]
        await pilot.press("home", *["down"] * rules.index("EDU-4"), "enter", "enter")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        assert cursor(app) == ("袁明阳", "2026-08", "arrears")
        # NAT-5's warning, as the dashboard judges it
        await settle(pilot, lambda: "袁明阳连续3个月未交党费" in text_of(app, "#dues-duties"))
        await pilot.press("space")  # one key: August paid at the year's rate
        await settle(pilot, lambda: cursor(app)[2] == "paid")
        assert "已交" in text_of(app, "#dues-status")
        await pilot.press("a")  # the arrears list: 补交 the rest
        await settle(pilot, lambda: isinstance(app.screen, DuesArrearsScreen))
        table = app.screen.query_one(DataTable)
        await settle(pilot, lambda: table.row_count == 2)
        await pilot.press("b")
        await confirm(pilot)  # all the months, the first choice
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("enter")  # paid today
        await settle(pilot, lambda: table.row_count == 1)
        await pilot.press("b")
        await confirm(pilot)
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("enter")
        await settle(pilot, lambda: table.row_count == 0)
        assert "全体党员党费已交至上月" in text_of(app, "#rows-status")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: "EDU-4 已完成" in text_of(app, "#dues-duties"))
    data = read_file(demo_dir)
    names = {m.id: m.name for m in data.members}
    back = sorted((names[p.member_id], p.month) for p in data.dues_payments if p.note == "补交")
    assert back == [
        ("袁明阳", "2026-09"),
        ("袁明阳", "2026-10"),
        ("黄安琴", "2026-09"),
        ("黄安琴", "2026-10"),
    ]
    august = [p for p in data.dues_payments if names[p.member_id] == "袁明阳"]
    rate = next(r for r in data.dues_rates if r.member_id == august[0].member_id and r.year == 2026)
    assert [p.amount for p in august if p.month == "2026-08"] == [rate.amount]


async def test_NAT_4_a_month_beyond_six_is_refused_beside_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        # The fixed branch was set up in June 2025 and nobody has paid: April is beyond reach.
        grid.move_to("m01", "2026-04")
        await pilot.pause()
        assert cursor(app) == ("张三", "2026-04", "beyond")
        await pilot.press("space")  # too old to pay back: said beside the grid, nothing saved
        await pilot.pause()
        assert "未记录：超过补交期限" in text_of(app, "#dues-status")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press("tab", *"30", "ctrl+s")  # month kept (2026-04), amount 30
        await settle(pilot, lambda: "超过补交期限" in text_of(app, "#error-month"))
        assert "最多补交6个月（2026-05起）" in text_of(app, "#error-month")
        assert isinstance(app.screen, RecordForm)  # nothing saved half, the form stays
        month = app.screen.query_one("#field-month")
        month.focus()
        await pilot.press("end", "backspace", "5", "ctrl+s")  # 2026-05: within the limit
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: cursor(app) == ("张三", "2026-05", "paid"))
    (payment,) = read_file(branch_dir).dues_payments
    assert (payment.member_id, payment.month, payment.amount) == ("m01", "2026-05", Decimal(30))
    assert payment.paid == today


async def test_theme_day_marks_every_present_member_in_one_commit(
    demo_dir: Path, today: dt.date
) -> None:
    store = Store.open(demo_dir)
    with store.transaction() as tx:
        for p in tx.all("dues_payments"):
            if p.month == "2026-11":  # type: ignore[attr-defined]
                tx.delete("dues_payments", p.id)
    data = store.snapshot()
    day = next(m for m in data.meetings if m.date == dt.date(2026, 11, 2))
    present = {a.member_id for a in day.attendance if a.status == "present"}
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("enter")  # the theme day is listed first
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        await pilot.press("ctrl+s")  # everyone present, as ticked
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: _paid(demo_dir))
    november = [p for p in read_file(demo_dir).dues_payments if p.month == "2026-11"]
    assert {p.member_id for p in november} == present
    assert {p.paid for p in november} == {dt.date(2026, 11, 2)}


def _paid(folder: Path) -> bool:
    return any(p.month == "2026-11" for p in read_file(folder).dues_payments)


async def test_NAT_4_rates_confirmed_from_the_calculator_then_adjusted(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    with store.transaction() as tx:
        for index, member in enumerate(tx.all("members")):
            assert isinstance(member, Member)
            if index:  # 张三 has no income recorded: left for the secretary
                member.monthly_income = Decimal(2000 + 1000 * index)
                tx.update(member)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        await settle(pilot, lambda: "NAT-4 待办" in text_of(app, "#dues-duties"))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, DuesRatesScreen))
        assert "未核定12人（1人缺月收入）" in text_of(app, "#rows-info")
        await pilot.press("c")
        await confirm(pilot)
        await settle(pilot, lambda: "未核定1人" in text_of(app, "#rows-info"))
        rates = app.screen
        table = rates.query_one(DataTable)
        index = [p.member.name for p in rates.shown].index("张三")  # type: ignore[attr-defined]
        table.move_cursor(row=index)
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        form.query_one("#field-monthly_income").focus()
        await pilot.press(*"6000", "tab", *"50")
        await settle(pilot, lambda: "按标准应为每月90.00元" in text_of(app, "#error-amount"))
        await pilot.press("ctrl+s")  # an adjusted amount is warned, not refused
        await settle(pilot, lambda: isinstance(app.screen, DuesRatesScreen))
        await settle(pilot, lambda: "未核定0人" in text_of(app, "#rows-info"))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: "NAT-4 提醒" in text_of(app, "#dues-duties"))
    data = read_file(branch_dir)
    assert len({r.member_id for r in data.dues_rates if r.year == 2026}) == 12
    zhang = next(m for m in data.members if m.id == "m01")
    assert zhang.monthly_income == Decimal(6000)  # the member's income follows the rate
    assert [r.amount for r in data.dues_rates if r.member_id == "m01"] == [Decimal(50)]


async def test_whole_month_for_the_listed_members(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        assert cursor(app)[1] == "2026-11"  # the cursor starts in this month
        await pilot.press("right", "m")  # December, paid ahead by everyone listed
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: cursor(app)[2] == "paid")
        await pilot.press("x")  # one of them undone again
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: cursor(app)[2] == "open")
    data = read_file(demo_dir)
    december = {p.member_id for p in data.dues_payments if p.month == "2026-12"}
    assert len(december) == len([m for m in data.active_members if not m.inflow]) - 1


async def test_whole_month_lets_the_secretary_untick_members(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        grid = app.screen.query_one(DuesGrid)
        await settle(pilot, lambda: grid.cursor_cell() is not None)
        await pilot.press("right", "m")  # December
        await settle(pilot, lambda: isinstance(app.screen, MembersPicker))
        picker: MembersPicker = app.screen  # type: ignore[assignment]
        listed = [m.id for m in picker.members]
        assert picker.chosen == set(listed)  # all ticked by default
        await pilot.press("space", "down", "enter")  # the first two unticked
        count = picker.query_one("#members-count", Static)
        await settle(pilot, lambda: str(count.render()).startswith(f"已选 {len(listed) - 2} 人"))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DuesScreen))
        await settle(pilot, lambda: _december(demo_dir) == set(listed[2:]))


def _december(folder: Path) -> set[str]:
    return {p.member_id for p in read_file(folder).dues_payments if p.month == "2026-12"}


async def test_back_payment_of_the_oldest_month_on_a_chosen_day(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, DuesArrearsScreen))
        table = app.screen.query_one(DataTable)
        await settle(pilot, lambda: table.row_count == 2)
        name = str(table.get_row_at(0)[0])
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ChoicePrompt))
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0].startswith("2026-09至2026-10共2个月")
        assert labels[1].startswith("2026-09共1个月")
        await pilot.press("down", "enter")  # only the oldest month
        await settle(pilot, lambda: isinstance(app.screen, DatePrompt))
        await pilot.press("ctrl+u", *"1128", "enter")  # tomorrow is refused at the field
        await settle(pilot, lambda: "不能晚于今天" in text_of(app, "#date-error"))
        await pilot.press("ctrl+u", *"1120", "enter")
        await settle(pilot, lambda: isinstance(app.screen, DuesArrearsScreen))
        await settle(pilot, lambda: "1个月" in str(table.get_row_at(0)[1]))
    data = read_file(demo_dir)
    member = next(m for m in data.members if m.name == name)
    back = [(p.month, p.paid) for p in data.dues_payments if p.note == "补交"]
    assert back == [("2026-09", dt.date(2026, 11, 20))]
    assert member.id in {p.member_id for p in data.dues_payments if p.note == "补交"}


async def test_theme_day_needs_a_meeting_of_the_month(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DuesScreen)
        assert "2026-11没有会议记录" in text_of(app, "#dues-status")
    assert read_file(branch_dir).dues_payments == []


@pytest.mark.parametrize(
    ("rule", "area"),
    [
        ("EDU-4", "education"),
        ("NAT-4", "education"),
        ("EDU-5", "education"),
        ("ORG-1", "organization"),
    ],
)
def test_these_duties_open_a_screen_of_their_area(rule: str, area: str) -> None:
    action = CATALOGUE[rule].action
    assert action.startswith("screen:")  # never a shell command
    spec = screen_for_target(action.removeprefix("screen:"))
    assert spec is not None and spec.area == area


async def test_the_dues_screen_does_not_warn_of_a_member_already_handled_in_a_case(
    demo_dir: Path, today: dt.date
) -> None:
    """NAT-5 above the grid is the dashboard's: once a 处置 case is open for 袁明阳, neither
    says 请及时谈话 of him (the grid's own streak judgement used to keep warning)."""
    from branchtui.domain.records import DisciplineCase

    store = Store.open(demo_dir)
    (member,) = [m for m in store.snapshot().members if m.name == "袁明阳"]
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_screen("dues")
        await settle(pilot, lambda: "袁明阳连续3个月未交党费" in text_of(app, "#dues-duties"))
        assert "袁明阳" in text_of(app, "#dues-duties").split("NAT-5", 1)[1]
        store.add(
            DisciplineCase(member_id=member.id, opened=today, reason="连续3个月未交党费（NAT-5）")
        )
        await app.open_screen("dues")

        def nat_5() -> str:
            lines = text_of(app, "#dues-duties").splitlines()
            return next((line for line in lines if line.startswith("NAT-5")), "")

        await settle(pilot, lambda: "跟进" in nat_5())
        assert "袁明阳" not in nat_5() and "请及时谈话" not in nat_5()


async def test_NAT_4_the_form_proposes_the_amount_as_the_income_is_typed(
    branch_dir: Path, today: dt.date
) -> None:
    """Typing 月收入 fills 每月党费 with the calculator's amount (NAT-4); an amount the user
    typed herself is kept when the income changes again; the list shows money as 50.00."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dues(pilot)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, DuesRatesScreen))
        rates = app.screen
        index = [p.member.name for p in rates.shown].index("张三")  # type: ignore[attr-defined]
        rates.query_one(DataTable).move_cursor(row=index)
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        amount = form.query_one("#field-amount", Input)
        form.query_one("#field-monthly_income").focus()
        await pilot.press(*"5000")
        await settle(pilot, lambda: amount.value == "50.00")
        await pilot.press("tab", *"60", "shift+tab", "end", "0")  # income 50000, amount typed
        await settle(pilot, lambda: "按标准应为每月1000.00元" in text_of(app, "#error-amount"))
        assert amount.value == "60"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DuesRatesScreen))
        await settle(pilot, lambda: "60.00" in str(app.screen.query_one(DataTable).get_row("m01")))
    data = read_file(branch_dir)
    assert [r.amount for r in data.dues_rates if r.member_id == "m01"] == [Decimal(60)]
