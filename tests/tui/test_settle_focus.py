"""A duty about a missing field, settled from the dashboard by keys at 80×24, opens its form
with the cursor in the field that is missing (``Obligation.field``), so the secretary types
the value at once: ORG-1's phone, EDU-5's 党员证编号, REL-2's 平台编号, REL-4's 活动证编号."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import on_screen, read_file, settle, settle_from_dashboard, text_of

from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.certificates import CertificatesScreen
from branchtui.tui.screens.flowing import FlowingScreen
from branchtui.tui.screens.member_form import MemberForm
from branchtui.tui.screens.roster import RosterScreen
from branchtui.tui.screens.transfers import TransfersScreen
from branchtui.tui.widgets.record_form import RecordForm


async def test_ORG_1_opens_the_member_in_the_phone_she_lacks(
    demo_dir: Path, today: dt.date
) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "ORG-1", MemberForm)
        form = app.screen
        assert "程勇诗" in str(form.sub_title)
        assert form.focused is form.query_one("#field-phone")  # 联系电话, not 姓名
        await pilot.press(*"13900001234", "ctrl+s")  # typed at once, nothing else moved
        await on_screen(pilot, RosterScreen)
    member = next(m for m in read_file(demo_dir).members if m.name == "程勇诗")
    assert member.phone == "13900001234"


async def test_ORG_1_starts_in_the_first_required_field_missing(
    demo_dir: Path, today: dt.date
) -> None:
    store = Store.open(demo_dir)
    member = next(m for m in store.snapshot().members if m.name == "程勇诗")
    member.birth_date = None  # lacks 出生日期 (and 联系电话, further down)
    store.save(member)
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "ORG-1", MemberForm)
        assert app.screen.focused is app.screen.query_one("#field-birth_date")


async def test_EDU_5_opens_the_card_form_in_its_number(demo_dir: Path, today: dt.date) -> None:
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "EDU-5", RecordForm)
        form = app.screen
        assert "杨雨" in str(form.query_one("#field-member_id").render())
        assert form.focused is form.query_one("#field-number")
        await pilot.press(*"DY-2026-0099", "ctrl+s")
        await on_screen(pilot, CertificatesScreen)
        await settle(pilot, lambda: "EDU-5 已完成" in text_of(app, "#register-duties"))
    assert "DY-2026-0099" in {c.number for c in read_file(demo_dir).certificates}


@pytest.mark.parametrize(
    ("rule", "table", "field", "typed", "screen"),
    [
        ("REL-2", "transfers", "platform_ref", "EJ202402280001", TransfersScreen),
        ("REL-4", "flowing_members", "card_number", "LD3502202699999", FlowingScreen),
    ],
)
async def test_a_relations_duty_opens_its_record_in_the_field_it_lacks(
    demo_dir: Path, today: dt.date, rule: str, table: str, field: str, typed: str, screen: type
) -> None:
    # REL-2: the demo's first transfer of relations (刘雪秀) without its 平台编号; REL-4: its
    # out-flowing member (彭娜) without her 活动证编号.
    store = Store.open(demo_dir)
    record = store.snapshot().records(table)[0]
    setattr(record, field, "")
    store.save(record)
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, rule, RecordForm)
        form = app.screen
        assert form.focused is form.query_one(f"#field-{field}")
        await pilot.press(*typed, "ctrl+s")
        await on_screen(pilot, screen)
    saved = read_file(demo_dir).find(table, record.id)
    assert getattr(saved, field) == typed
