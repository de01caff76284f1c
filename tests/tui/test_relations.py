"""组织关系 by keys at 80×24: a duty settled from the dashboard (REL-3), the transfer wizard out
and in (REL-1) with its effect on the roster in one save, bad input at the field, the 回执
(REL-2), and flowing members' contact and return (REL-4, REL-5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import duties, on_screen, open_duty, read_file, settle, text_of
from textual.pilot import Pilot
from textual.widgets import DataTable, Select
from textual.widgets._select import SelectOverlay

from branchtui.domain.records import FlowingMember, Transfer, TravelAbroad
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.flowing import FlowingScreen
from branchtui.tui.screens.transfers import TransfersScreen
from branchtui.tui.screens.travels import TravelsScreen
from branchtui.tui.screens.wizards.transfer import TransferWizard
from branchtui.tui.widgets.member_field import MemberField
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm


async def choose(pilot: Pilot[None], select_id: str, label: str) -> None:
    """Pick a Select's option by keys: open it, move to the label, Enter."""
    select = pilot.app.screen.query_one(select_id, Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    overlay = select.query_one(SelectOverlay)
    labels = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
    current, target = overlay.highlighted or 0, labels.index(label)
    step = "down" if target >= current else "up"
    await pilot.press(*[step] * abs(target - current), "enter")
    await pilot.pause()
    assert labels[target] == label and not select.expanded


async def test_a_trip_abroad_without_approval_is_settled_from_the_dashboard(
    branch_dir: Path, today: dt.date
) -> None:
    trip = TravelAbroad(member_id="m03", destination="新加坡", depart=dt.date(2026, 12, 20))
    Store.open(branch_dir).add(trip)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "REL-3")
        assert "按 Enter 打开「因私出国（境）」办理" in text_of(app, "#detail-action")
        await pilot.press("enter")
        await on_screen(pilot, TravelsScreen)
        await settle(pilot, lambda: "REL-3 待办" in duties(app))
        table = app.screen.query_one("#register-table", DataTable)
        assert table.get_row_at(table.cursor_row)[2] == "新加坡"  # the trip is highlighted
        await pilot.press("e")
        await on_screen(pilot, RecordForm)
        assert "出境前须办理保留或停止党籍审批" in text_of(app, "#error-decision")
        await choose(pilot, "#field-decision", "保留党籍")
        assert app.screen.query_one("#field-decision", Select).value == "keep"
        app.screen.query_one("#field-approved").focus()
        await pilot.press(*"1125", "ctrl+s")
        await on_screen(pilot, TravelsScreen)
        await settle(pilot, lambda: "REL-3 已完成" in duties(app))
    (saved,) = read_file(branch_dir).travels
    assert (saved.decision, saved.approved) == ("keep", dt.date(2026, 11, 25))


async def test_approval_after_departure_is_said_at_the_field(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        await on_screen(pilot, TravelsScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        form = app.screen
        form.query_one("#field-destination").focus()
        await pilot.press(*"Japan")
        form.query_one("#field-depart").focus()
        await pilot.press(*"1101")
        await choose(pilot, "#field-decision", "停止党籍")
        form.query_one("#field-approved").focus()
        await pilot.press(*"1105")
        await pilot.pause()
        assert "注意：审批时间晚于出境时间" in text_of(app, "#error-approved")
        await pilot.press("ctrl+s")  # a member is required: refused beside the field
        await pilot.pause()
        assert "请选择党员" in text_of(app, "#error-member_id")
        assert isinstance(app.screen, RecordForm)
    assert read_file(branch_dir).travels == []


async def open_transfer_wizard(pilot: Pilot[None]) -> None:
    """组织关系 → 组织关系接转 → a (新增): the transfer wizard's first step."""
    await pilot.press("4", "t")
    await on_screen(pilot, TransfersScreen)
    await pilot.press("a")
    await on_screen(pilot, TransferWizard)


async def pick(pilot: Pilot[None], query: str) -> None:
    """A member field: the pinyin typed opens the list filtered by it, Enter takes the member
    and moves on to the next field."""
    await pilot.press(*query)
    await on_screen(pilot, MemberPicker)
    await pilot.press("enter")
    await on_screen(pilot, TransferWizard)


async def test_transfer_out_wizard_proposes_the_instrument_and_removes_the_member(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_transfer_wizard(pilot)
        await pilot.press("enter")  # 转出
        await settle(pilot, lambda: "外出情况" in text_of(app, "#wizard-progress"))
        await pick(pilot, "zsan")  # 张三, the secretary, leader of 第一党小组
        await pilot.press(*"6")
        await pilot.pause()
        assert "建议：党员证明信" in text_of(app, "#transfer-advice")  # 6 months: a letter
        await pilot.press("backspace", *"7")
        await pilot.pause()
        assert "建议：转组织关系（外出超过6个月且地点固定" in text_of(app, "#transfer-advice")
        await pilot.press("pagedown")
        await settle(pilot, lambda: "转接信息" in text_of(app, "#wizard-progress"))
        await pilot.press("tab", *"XMGS", "tab", *"EJ20261127")
        await pilot.press("pagedown")
        await settle(pilot, lambda: "确认" in text_of(app, "#wizard-progress"))
        review = text_of(app, "#transfer-review")
        assert "张三将移出党员名册（转出组织关系，2026-11-27）" in review
        assert "谈心谈话（CARE-1）" in review
        await pilot.press("enter")
        await on_screen(pilot, TransfersScreen)
        await settle(pilot, lambda: "REL-1 已完成" in duties(app))
        assert "REL-2 已完成" in duties(app)
    data = read_file(branch_dir)
    (transfer,) = data.transfers
    assert (transfer.member_id, transfer.instrument, transfer.months_away) == (
        "m01",
        "relation_transfer",
        7,
    )
    assert (transfer.other_org, transfer.platform_ref) == ("XMGS", "EJ20261127")
    member = data.find("members", "m01")
    assert (member.removed, member.removed_reason) == (today, "transferred_out")
    assert data.find("groups", "g1").leader_id is None  # in the same save


async def test_transfer_in_adds_the_member_and_bad_input_stays_at_its_field(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_transfer_wizard(pilot)
        await pilot.press("down", "enter")  # 转入
        await settle(pilot, lambda: "转入党员" in text_of(app, "#wizard-progress"))
        await pilot.press("pagedown")  # nothing typed: refused beside the name
        await pilot.pause()
        assert "请填写姓名" in text_of(app, "#error-name")
        app.screen.query_one("#field-name").focus()
        await pilot.press(*"Zhou")
        app.screen.query_one("#field-joined").focus()
        await pilot.press(*"2015-07-01")
        app.screen.query_one("#field-phone").focus()
        await pilot.press(*"123", "pagedown")
        await pilot.pause()
        assert "手机号" in text_of(app, "#error-phone") or "电话" in text_of(app, "#error-phone")
        assert "转入党员" in text_of(app, "#wizard-progress")
        await pilot.press("backspace", "backspace", "backspace", *"13900001111", "pagedown")
        await settle(pilot, lambda: "转接信息" in text_of(app, "#wizard-progress"))
        await pilot.press(*"2010-01-01", "pagedown")  # arrived before joining
        await pilot.pause()
        assert "转入日期不能早于入党时间" in text_of(app, "#error-date")
        assert read_file(branch_dir).transfers == []  # nothing saved half
        await pilot.press("escape")  # typed something: asked first
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")  # 继续填写
        await on_screen(pilot, TransferWizard)
        date = app.screen.query_one("#field-date")
        date.focus()
        date.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"1120", "ctrl+s")
        await settle(pilot, lambda: "确认" in text_of(app, "#wizard-progress"))
        assert "Zhou将编入党员名册，转入本支部日期 2026-11-20" in text_of(app, "#transfer-review")
        await pilot.press("ctrl+s")
        await on_screen(pilot, TransfersScreen)
    data = read_file(branch_dir)
    (transfer,) = data.transfers
    newcomer = data.find("members", transfer.member_id)
    assert (newcomer.name, newcomer.arrived, newcomer.phone) == (
        "Zhou",
        dt.date(2026, 11, 20),
        "13900001111",
    )
    assert transfer.direction == "in" and newcomer.removed is None


async def test_the_receipt_is_recorded_and_a_date_before_the_letter_is_refused(
    branch_dir: Path, today: dt.date
) -> None:
    Store.open(branch_dir).add(
        Transfer(
            member_id=None,
            person_name="吴某",
            direction="out",
            instrument="relation_transfer",
            date=dt.date(2026, 9, 1),
            platform_ref="EJ1",
            letter_sent=dt.date(2026, 9, 1),
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "t")
        await on_screen(pilot, TransfersScreen)
        await settle(pilot, lambda: "回执尚未退回" in duties(app) or "回执已" in duties(app))
        assert "REL-2 提醒" in duties(app)
        await pilot.press("r")
        await on_screen(pilot, DatePrompt)
        await pilot.press(*["backspace"] * 10, *"2026-08-01", "enter")
        await pilot.pause()
        assert "回执返回日期不能早于介绍信开出日期" in text_of(app, "#date-error")
        await pilot.press(*["backspace"] * 10, *"2026-09-20", "enter")
        await on_screen(pilot, TransfersScreen)
        await settle(pilot, lambda: "REL-2 已完成" in duties(app))
    (saved,) = read_file(branch_dir).transfers
    assert saved.receipt_returned == dt.date(2026, 9, 20)


async def test_flowing_member_contact_and_return_with_the_card_checked(
    branch_dir: Path, today: dt.date
) -> None:
    Store.open(branch_dir).add(
        FlowingMember(
            member_id="m04",
            person_name="赵六",
            direction="outflow",
            place="深圳",
            start=dt.date(2025, 3, 1),
            card_number="LD-1",
            contact_person_id="m02",
            contact_info="13600004567",
            last_contact=dt.date(2026, 4, 1),
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "f")
        await on_screen(pilot, FlowingScreen)
        await settle(pilot, lambda: "REL-4 提醒" in duties(app))
        await pilot.press("c")
        await on_screen(pilot, DatePrompt)
        await pilot.press("enter")  # today
        await on_screen(pilot, FlowingScreen)
        await settle(pilot, lambda: "REL-4 已完成" in duties(app))
        await pilot.press("d")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")  # 已查验
        await on_screen(pilot, DatePrompt)
        await pilot.press("enter")
        await on_screen(pilot, FlowingScreen)
        await settle(pilot, lambda: "REL-5 已完成" in duties(app))
        table = app.screen.query_one("#register-table", DataTable)
        assert table.row_count == 0  # returned: history (h shows it)
    (flow,) = read_file(branch_dir).flowing_members
    assert (flow.last_contact, flow.end, flow.card_checked) == (today, today, True)


def test_every_relations_and_care_duty_opens_a_screen() -> None:
    from branchtui.domain.obligations.catalogue import CATALOGUE
    from branchtui.tui.screens.obligation_detail import settle_target

    for rule, entry in CATALOGUE.items():
        if rule.startswith(("REL-", "CARE-")):
            screen, how = settle_target(entry.action)
            assert screen is not None and "尚未提供" not in how, rule


async def test_a_member_gone_without_a_register_entry_opens_the_wizard_for_them(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    gone = store.snapshot().find("members", "m08")
    gone.removed, gone.removed_reason = dt.date(2026, 11, 3), "transferred_out"
    store.save(gone)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        ob = next(
            ob for ob in app.screen.query_one(ObligationList).shown.values() if ob.rule == "REL-1"
        )
        await app.open_screen("transfers", ob)
        await on_screen(pilot, TransferWizard)
        await settle(pilot, lambda: "外出情况" in text_of(app, "#wizard-progress"))
        member = app.screen.query_one("#field-member", MemberField)
        assert member.names == "周敏"
        assert str(member.render()).startswith("周敏")  # shown first, before the focused hint
        await pilot.press("tab", *"12", "ctrl+s")  # to the review at once
        await settle(pilot, lambda: "确认" in text_of(app, "#wizard-progress"))
        assert "周敏将移出" not in text_of(app, "#transfer-review")  # already gone: kept as is
        await pilot.press("ctrl+s")
        await on_screen(pilot, TransfersScreen)
        await settle(pilot, lambda: "REL-1 已完成" in duties(app))
    data = read_file(branch_dir)
    assert data.find("members", "m08").removed == dt.date(2026, 11, 3)
    assert [t.member_id for t in data.transfers] == ["m08"]


async def test_transfer_out_says_the_dues_unpaid_and_the_month_stays_owed(
    edu_dir: Path, today: dt.date
) -> None:
    # EDU-4: every member has paid to October; 张三 goes out before paying November.
    from branchtui.domain.profile import get_profile
    from branchtui.domain.report_monthly import monthly_report_context

    note = "注意：张三尚未交纳2026年11月党费，转出前应交清（EDU-4）"
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_transfer_wizard(pilot)
        await pilot.press("enter")  # 转出
        await settle(pilot, lambda: "外出情况" in text_of(app, "#wizard-progress"))
        await pick(pilot, "zsan")  # the cursor goes on to 外出时间
        await pilot.press(*"12", "pagedown")
        await settle(pilot, lambda: "转接信息" in text_of(app, "#wizard-progress"))
        assert text_of(app, "#transfer-dues") == note
        await pilot.press("pagedown")
        await settle(pilot, lambda: "确认" in text_of(app, "#wizard-progress"))
        assert note in text_of(app, "#transfer-review")
        await pilot.press("enter")
        await on_screen(pilot, TransfersScreen)
    data = read_file(edu_dir)
    assert data.find("members", "m01").removed == today
    dues = monthly_report_context(data, "2026-11", get_profile("plan-2017"), today)["dues"]
    assert "张三（已转出）" in dues["unpaid"] and dues["expected"] == 12
