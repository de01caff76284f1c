"""党内关怀 by keys at 80×24: an owed talk (CARE-1) settled from the dashboard with the form
prefilled, or picked from the owed list; 党务公开 (CARE-2) and 困难帮扶 reported up (CARE-3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import duties, on_screen, open_duty, read_file, settle, text_of

from branchtui.domain.records import HardshipCase, Transfer
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.announcements import AnnouncementsScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.hardship import HardshipScreen
from branchtui.tui.screens.talks import TalksScreen
from branchtui.tui.widgets.member_field import MemberField
from branchtui.tui.widgets.record_form import RecordForm


def transferred_out(branch_dir: Path, member_id: str, name: str, day: dt.date) -> Transfer:
    store = Store.open(branch_dir)
    member = store.snapshot().find("members", member_id)
    member.removed, member.removed_reason = day, "transferred_out"
    store.save(member)
    transfer = Transfer(
        member_id=member_id,
        person_name=name,
        direction="out",
        instrument="relation_transfer",
        date=day,
        platform_ref="EJ9",
    )
    store.add(transfer)
    return transfer


async def test_an_owed_talk_is_settled_from_the_dashboard_with_the_form_prefilled(
    branch_dir: Path, today: dt.date
) -> None:
    transfer = transferred_out(branch_dir, "m05", "陈晓明", dt.date(2026, 11, 16))
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "CARE-1")
        assert "陈晓明于2026-11-16转出组织关系，书记尚未与其谈心谈话" in text_of(
            app, "#detail-body"
        )
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        form = app.screen
        # The member (no longer on the roster) by name, the trigger and the secretary.
        assert form.query_one("#field-member_id", MemberField).names == "陈晓明"
        assert form.query_one("#field-talker_id", MemberField).names == "张三"
        form.query_one("#field-content").focus()
        await pilot.press(*"zhuanchu qian tanhua", "ctrl+s")
        await on_screen(pilot, TalksScreen)
        await settle(pilot, lambda: "CARE-1 已完成" in duties(app))
    (talk,) = read_file(branch_dir).talks
    assert (talk.member_id, talk.about_id, talk.trigger, talk.kind) == (
        "m05",
        transfer.id,
        "transfer_out",
        "special",
    )
    assert (talk.date, talk.talker_id) == (today, "m01")


async def test_owed_talks_are_listed_on_o_and_a_bad_date_stays_at_its_field(
    branch_dir: Path, today: dt.date
) -> None:
    transferred_out(branch_dir, "m03", "王五", dt.date(2026, 11, 2))
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "t")
        await on_screen(pilot, TalksScreen)
        await settle(pilot, lambda: "CARE-1 待办" in duties(app))
        await pilot.press("o")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        date = app.screen.query_one("#field-date")
        date.focus()
        date.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"2026-13-01", "ctrl+s")
        await pilot.pause()
        assert "月份13无效" in text_of(app, "#error-date")
        assert isinstance(app.screen, RecordForm) and read_file(branch_dir).talks == []
        date.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"1120", "ctrl+s")
        await on_screen(pilot, TalksScreen)
        await settle(pilot, lambda: "CARE-1 已完成" in duties(app))
        await pilot.press("o")  # nothing owed now: said so, no list
        await pilot.pause()
        assert isinstance(app.screen, TalksScreen)
    (talk,) = read_file(branch_dir).talks
    assert talk.date == dt.date(2026, 11, 20) and talk.member_id == "m03"


async def test_an_announcement_settles_care_2_for_the_year(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "p")
        await on_screen(pilot, AnnouncementsScreen)
        await settle(pilot, lambda: "2026年尚未登记党务公开" in duties(app))
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        app.screen.query_one("#field-title").focus()
        await pilot.press(*"dangfei gongshi")
        app.screen.query_one("#field-scope").focus()
        await pilot.press(*"quanti dangyuan", "ctrl+s")
        await on_screen(pilot, AnnouncementsScreen)
        await settle(pilot, lambda: "2026年已党务公开1次" in duties(app))
    (saved,) = read_file(branch_dir).announcements
    assert (saved.date, saved.title, saved.scope) == (today, "dangfei gongshi", "quanti dangyuan")


async def test_a_hardship_case_reported_up_by_its_key(branch_dir: Path, today: dt.date) -> None:
    Store.open(branch_dir).add(
        HardshipCase(member_id="m09", applied=dt.date(2026, 11, 10), description="家属重病")
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "h")
        await on_screen(pilot, HardshipScreen)
        await settle(pilot, lambda: "CARE-3 待办" in duties(app))
        await pilot.press("r")
        await on_screen(pilot, DatePrompt)
        await pilot.press(*["backspace"] * 10, *"2026-11-01", "enter")
        await pilot.pause()
        assert "上报时间不能早于申请时间" in text_of(app, "#date-error")
        await pilot.press(*["backspace"] * 10, *"2026-11-12", "enter")
        await on_screen(pilot, HardshipScreen)
        await settle(pilot, lambda: "CARE-3 即将到期" in duties(app))
        assert "吴刚的帮扶申请已上报，待落实" in duties(app)
    (case,) = read_file(branch_dir).hardship_cases
    assert case.reported_up == dt.date(2026, 11, 12)
