"""思想动态 by keys at 80×24 (CARE-1): a member's ideological fluctuation owes a talk with the
secretary; the duty shows on the dashboard, Enter opens the talk form prefilled, and saving it
turns the duty met. The register itself: add with the member picked by pinyin, t for the talk,
d to close with how it was resolved (kept as history), bad input said at the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import dashboard_status, duties, on_screen, open_duty, read_file, settle, text_of

from branchtui.domain.records import Fluctuation
from branchtui.storage.store import Store
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.fluctuations import FluctuationsScreen
from branchtui.tui.screens.talks import TalksScreen
from branchtui.tui.widgets.member_field import MemberField
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.record_form import RecordForm

NOTICED = dt.date(2026, 11, 20)


def field(app: BranchApp, name: str) -> Any:
    return app.screen.query_one(f"#field-{name}")


def noticed(branch_dir: Path, member_id: str = "m05") -> Fluctuation:
    entry = Fluctuation(
        member_id=member_id,
        noticed=NOTICED,
        reporter_id="m02",
        description="晋升未果，情绪低落",
    )
    Store.open(branch_dir).add(entry)
    return entry


async def assert_talk_form_about(app: BranchApp, name: str) -> None:
    """The talk form, opened about a fluctuation: the member, trigger, kind and talker filled."""
    assert isinstance(app.screen, RecordForm)
    assert app.screen.query_one("#field-member_id", MemberField).names == name
    assert app.screen.query_one("#field-talker_id", MemberField).names == "张三"
    assert field(app, "trigger").value == "fluctuation"
    assert field(app, "kind").value == "special"


async def test_a_fluctuation_duty_is_settled_from_the_dashboard_and_turns_met(
    branch_dir: Path, today: dt.date
) -> None:
    entry = noticed(branch_dir)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_duty(pilot, "CARE-1")
        assert "陈晓明于2026-11-20出现思想波动，书记尚未与其谈心谈话" in text_of(
            app, "#detail-body"
        )
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        await assert_talk_form_about(app, "陈晓明")
        field(app, "content").focus()
        await pilot.press(*"liaojie xiangfa", "ctrl+s")
        await on_screen(pilot, TalksScreen)
        await settle(pilot, lambda: "CARE-1 已完成" in duties(app))
        await pilot.press("1")
        await on_screen(pilot, DashboardScreen)
        await pilot.press("c")  # the completed items unfolded
        await settle(pilot, lambda: dashboard_status(app, "CARE-1") == "met")
    (talk,) = read_file(branch_dir).talks
    assert (talk.member_id, talk.about_id, talk.trigger, talk.kind, talk.talker_id) == (
        "m05",
        entry.id,
        "fluctuation",
        "special",
        "m01",
    )
    assert (talk.date, talk.content) == (today, "liaojie xiangfa")


async def test_the_register_adds_talks_about_and_closes_a_fluctuation_by_keys(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "s")
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "尚无思想波动记录" in text_of(app, "#register-count"))
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        await pilot.press(*"wangwu")  # 党员: typing the pinyin opens the list, filtered by it
        await on_screen(pilot, MemberPicker)
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        await pilot.press("ctrl+s")  # no description yet: said beside it, nothing saved
        await settle(pilot, lambda: "请填写波动情况" in text_of(app, "#error-description"))
        assert read_file(branch_dir).fluctuations == []
        field(app, "description").focus()
        await pilot.press(*"qingxu diluo", "ctrl+s")
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "CARE-1 待办" in duties(app))
        assert "王五思想波动，尚未谈话" in duties(app)
        assert "书记尚未与其谈心谈话，按 t 登记谈话" in text_of(app, "#register-detail")
        # t: the talk about the highlighted entry, prefilled; saved, the duty is met.
        await pilot.press("t")
        await on_screen(pilot, RecordForm)
        await assert_talk_form_about(app, "王五")
        await pilot.press("ctrl+s")
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "CARE-1 已完成" in duties(app))
        assert f"已谈话：{today.isoformat()}，专题谈话" in text_of(app, "#register-detail")
        # d: closed with its date and how it was resolved, which is required.
        await pilot.press("d")
        await on_screen(pilot, RecordForm)
        assert "思想波动化解：王五" in text_of(app, ".dialog-title")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "请填写化解情况" in text_of(app, "#error-resolution"))
        field(app, "resolution").focus()
        await pilot.press(*"yi wending", "ctrl+s")
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "显示 0 条 / 共 1 条" in text_of(app, "#register-count"))
        await pilot.press("h")  # kept as history
        await settle(pilot, lambda: "显示 1 条 / 共 1 条" in text_of(app, "#register-count"))
    (entry,) = read_file(branch_dir).fluctuations
    assert (entry.member_id, entry.noticed, entry.description) == ("m03", today, "qingxu diluo")
    assert (entry.closed, entry.resolution) == (today, "yi wending")
    (talk,) = read_file(branch_dir).talks
    assert (talk.member_id, talk.about_id, talk.trigger) == ("m03", entry.id, "fluctuation")


async def test_closing_before_the_talk_warns_and_a_late_date_is_refused(
    branch_dir: Path, today: dt.date
) -> None:
    noticed(branch_dir, "m04")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7", "s")
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "显示 1 条" in text_of(app, "#register-count"))
        await pilot.press("d")
        await on_screen(pilot, RecordForm)
        closed = field(app, "closed")
        closed.focus()
        closed.value = ""
        await pilot.press(*"2026-11-19")  # before it was noticed
        field(app, "resolution").focus()
        await pilot.press(*"yi huajie", "ctrl+s")
        await settle(pilot, lambda: "化解日期不能早于发现日期" in text_of(app, "#error-closed"))
        assert isinstance(app.screen, RecordForm)
        closed.value = ""
        closed.focus()
        await pilot.press(*"2026-11-25")
        await settle(pilot, lambda: "尚未登记与该党员的谈心谈话" in text_of(app, "#error-closed"))
        await pilot.press("ctrl+s")  # a warning does not block
        await on_screen(pilot, FluctuationsScreen)
        await settle(pilot, lambda: "CARE-1 待办" in duties(app))  # closed, still owed
    (entry,) = read_file(branch_dir).fluctuations
    assert (entry.closed, entry.resolution) == (dt.date(2026, 11, 25), "yi huajie")
