"""教育管理 by keys: 集中学习 (EDU-1), 主题实践活动 (EDU-2, EDU-3), 出勤 (EDU-7), 失联党员
(NAT-6) and 不合格党员处置 (EDU-8, NAT-5) — each duty seen open, settled by keys, and met."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import read_file, settle, table_rows, text_of
from textual.pilot import Pilot

from branchtui.domain.obligations.catalogue import CATALOGUE
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.registry import screen_for_target
from branchtui.tui.screens.activities import ActivitiesScreen
from branchtui.tui.screens.attendance import AttendanceScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.discipline import DisciplineScreen
from branchtui.tui.screens.lost_contact import LostContactScreen
from branchtui.tui.screens.study import StudyScreen
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm


def duty(app: BranchApp, rule: str, year: str = "") -> str:
    """The register's line of ``rule`` (of ``year`` when given)."""
    lines = [
        line
        for line in text_of(app, "#register-duties").splitlines()
        if line.startswith(f"{rule} ") and year in line
    ]
    assert lines, text_of(app, "#register-duties")
    return "\n".join(lines)


async def opened(pilot: Pilot[None], screen: type, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot, lambda: isinstance(pilot.app.screen, screen))


async def form(pilot: Pilot[None], *keys: str) -> RecordForm:
    await opened(pilot, RecordForm, *keys)
    return pilot.app.screen  # type: ignore[return-value]


async def test_study_sessions_and_meeting_hours_settle_edu_1(edu_dir: Path, today: dt.date) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, StudyScreen, "5", "s")
        await settle(pilot, lambda: "EDU-1" in text_of(app, "#register-duties"))
        assert "待办" in duty(app, "EDU-1", "2026年") and "还差11天" in duty(app, "EDU-1", "2026年")
        assert text_of(app, "#register-headline") == (
            "2026年合计1天（集中学习0天，会议学习1天），要求不少于12天，还差11天"
        )
        (meeting_row,) = table_rows(app)
        assert meeting_row[-1] == "会议8学时" and meeting_row[1] == "1"
        await pilot.press("e")  # the meeting's hours are edited in the meeting record
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        edit = await form(pilot, "a")
        await pilot.press("enter", *"x", "enter")  # date kept; a bad number of days
        await pilot.press(*"二十届四中全会精神", "ctrl+s")
        await pilot.pause()
        assert "请填写数字" in text_of(app, "#error-days")
        assert isinstance(app.screen, RecordForm)  # nothing saved half
        edit.query_one("#field-days").focus()
        await pilot.press(*"11", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, StudyScreen))
        await settle(pilot, lambda: "已完成" in duty(app, "EDU-1", "2026年"))
        assert text_of(app, "#register-headline") == (
            "2026年合计12天（集中学习11天，会议学习1天），要求不少于12天，已达到"
        )
    (session,) = read_file(edu_dir).study_sessions
    assert (session.days, session.topic, session.date) == (11, "二十届四中全会精神", today)
    # Everyone but the two lost members (NAT-6), until someone is unticked.
    assert sorted(session.participant_ids) == [
        f"m{i:02d}" for i in range(1, 13) if i not in (10, 11)
    ]


async def test_a_practice_activity_and_the_july_first_commemoration_settle_edu_2_and_3(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, ActivitiesScreen, "5", "p")
        await settle(pilot, lambda: "EDU-2" in text_of(app, "#register-duties"))
        assert "待办" in duty(app, "EDU-2", "2026年")
        await form(pilot, "a")
        await pilot.press("enter", "tab", *"社区志愿服务", "ctrl+s")  # date, kind kept
        await settle(pilot, lambda: isinstance(app.screen, ActivitiesScreen))
        await settle(pilot, lambda: "已完成" in duty(app, "EDU-2", "2026年"))
        commemoration = await form(pilot, "c")
        assert commemoration.query_one("#field-kind").value == "commemoration"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "不在七一前后" in text_of(app, "#error-date")  # the rule, as the record is typed
        await pilot.press(*"0628")  # focus selects the date: typing replaces it
        await pilot.pause()
        assert text_of(app, "#error-date") == ""
        commemoration.query_one("#field-title").focus()
        await pilot.press(*"重温入党誓词", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ActivitiesScreen))
        await settle(pilot, lambda: "已于2026-06-28开展" in text_of(app, "#register-duties"))
    kinds = sorted((a.kind, a.date) for a in read_file(edu_dir).activities)
    assert kinds == [("commemoration", dt.date(2026, 6, 28)), ("volunteer", today)]


async def test_an_absent_member_registered_as_lost_settles_edu_7(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, AttendanceScreen, "5", "t")
        await settle(pilot, lambda: "EDU-7" in text_of(app, "#register-duties"))
        assert "王五连续3个月以上未参加组织生活" in text_of(app, "#register-duties")
        first = table_rows(app, "#attendance-table")[0]
        assert first[0] == "王五" and first[4:7] == ["0%", "3个月", "连续3个月以上缺席"]
        assert ["郑丽", "", "3", "0", "0%", "3个月", "已登记失联"] in table_rows(
            app, "#attendance-table"
        )
        lost = await form(pilot, "l")
        assert lost.query_one("#field-member_id").value == "m03"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, LostContactScreen))
        await pilot.press("escape")  # back to the attendance, not the area's menu
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        await settle(pilot, lambda: "EDU-7 已完成" in text_of(app, "#register-duties"))
        assert "缺席的3人已跟进" in text_of(app, "#register-duties")
        assert table_rows(app, "#attendance-table")[0][6] == "已登记失联"
    found = [c for c in read_file(edu_dir).lost_contacts if c.member_id == "m03"]
    assert [(c.since, c.found) for c in found] == [(today, None)]


async def test_suspension_then_removal_settle_nat_6_and_the_member_leaves_the_roster(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, LostContactScreen, "5", "l")
        await settle(pilot, lambda: "NAT-6" in text_of(app, "#register-duties"))
        assert text_of(app, "#register-duties").count("已逾期") == 2
        assert [r[0] for r in table_rows(app)] == ["郑丽", "孙建国"]
        assert table_rows(app)[0][2:5] == ["失联中", "停止党籍", "2026-11-01"]
        await opened(pilot, DatePrompt, "x")  # 除名 before 停止党籍: refused, nothing saved
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, LostContactScreen))
        assert read_file(edu_dir).lost_contacts[0].removed is None
        await opened(pilot, DatePrompt, "s")
        await opened(pilot, ChoicePrompt, "enter")
        await pilot.press("down", "enter")  # 确认
        await settle(pilot, lambda: table_rows(app)[0][2] == "已停止党籍")
        await settle(pilot, lambda: "郑丽失联，2028-11-27除名" in text_of(app, "#register-duties"))
        await pilot.press("down")
        await opened(pilot, DatePrompt, "x")
        await opened(pilot, ChoicePrompt, "enter")
        assert "移出党员名册（原因：自行脱党）" in str(
            app.screen.query_one("OptionList").get_option_at_index(1).prompt
        )
        await pilot.press("down", "enter")
        await settle(pilot, lambda: len(table_rows(app)) == 1)  # kept as history (h shows it)
        await settle(pilot, lambda: "已逾期" not in text_of(app, "#register-duties"))
    data = read_file(edu_dir)
    zheng, sun = data.find("members", "m10"), data.find("members", "m11")
    # 停止党籍 takes 郑丽 off the roster, in the same commit as her record (NAT-6).
    assert (zheng.removed, zheng.removed_reason) == (today, "suspended")
    assert data.find("lost_contacts", "lc1").suspended == today
    assert (sun.removed, sun.removed_reason) == (today, "quit")
    assert "按自行脱党除名" in sun.removed_note
    assert data.find("lost_contacts", "lc2").removed == today


async def test_a_case_opened_from_nat_5_goes_step_by_step_to_met(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, DisciplineScreen, "5", "x")
        await settle(pilot, lambda: "NAT-5" in text_of(app, "#register-duties"))
        assert "NAT-5 待办  欧阳娜连续6个月未交党费" in text_of(app, "#register-duties")
        await opened(pilot, ChoicePrompt, "o")  # three warned: pick one
        await form(pilot, "down", "down", "enter")  # 欧阳娜
        assert app.screen.query_one("#field-reason").value == "连续6个月未交党费（NAT-5）"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DisciplineScreen))
        await settle(pilot, lambda: "尚未记录处置步骤" in duty(app, "EDU-8"))
        assert "欧阳娜" not in duty(app, "NAT-5")  # followed up by the case now
        step = await form(pilot, "s")
        assert step.query_one("#field-step").value == "talk"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DisciplineScreen))
        await settle(pilot, lambda: "处置进行中：谈话提醒" in duty(app, "EDU-8"))
        assert f"处置步骤：{today}谈话提醒" in text_of(app, "#register-detail")
        await form(pilot, "d")  # 结案 asks for the date and the outcome
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#error-outcome") == "请填写处置结果"
        app.screen.query_one("#field-outcome").focus()
        await pilot.press(*"经谈话已补交党费", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DisciplineScreen))
        await settle(pilot, lambda: "EDU-8 已完成" in text_of(app, "#register-duties"))
    (case,) = read_file(edu_dir).discipline_cases
    assert (case.member_id, case.closed, case.outcome) == ("m12", today, "经谈话已补交党费")
    assert [(s.step, s.date) for s in case.steps] == [("talk", today)]


async def test_quitting_closes_the_case_and_removes_the_member_with_history(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, AttendanceScreen, "5", "t")
        await form(pilot, "x")  # a case for 王五, from the attendance
        assert app.screen.query_one("#field-reason").value == "连续3个月未参加组织生活（EDU-7）"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DisciplineScreen))
        step = await form(pilot, "s")
        step.query_one("#field-step").value = "quit"  # type: ignore[attr-defined]
        await pilot.pause()
        warned = text_of(app, "#error-step")
        assert "须连续6个月未尽党员义务，王五目前最长连续3个月" in warned
        assert "从党员名册移出" in warned
        await pilot.press("ctrl+s")  # a warning does not block
        await settle(pilot, lambda: isinstance(app.screen, DisciplineScreen))
        await settle(pilot, lambda: "EDU-8 已完成" in text_of(app, "#register-duties"))
        assert table_rows(app) == []  # closed: history
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        wang = next(r for r in table_rows(app, "#attendance-table") if r[0] == "王五")
        assert wang[5:] == ["", "已移出"]  # listed for the year, no longer flagged
    data = read_file(edu_dir)
    wang = data.find("members", "m03")
    assert (wang.removed, wang.removed_reason) == (today, "quit")
    assert wang.removed_note == "自行脱党：连续3个月未参加组织生活（EDU-7）"
    (case,) = data.discipline_cases
    assert case.closed == today and case.outcome == f"{today}自行脱党，已从党员名册移出"


async def test_the_dashboard_opens_the_lost_contact_it_names(edu_dir: Path, today: dt.date) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(app.screen.query(ObligationList)))
        await settle(pilot, lambda: any(ob.rule == "NAT-6" for ob in _listed(app)))
        shown = _listed(app)
        index = next(i for i, ob in enumerate(shown) if ob.rule == "NAT-6")
        await pilot.press("home", *["down"] * index, "enter", "enter")
        await settle(pilot, lambda: isinstance(app.screen, LostContactScreen))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LostContactScreen)
        highlighted = screen.shown[screen.table.cursor_row]
        assert highlighted.id in shown[index].refs


def _listed(app: BranchApp) -> list:
    if not isinstance(app.screen, DashboardScreen):
        return []
    return list(app.screen.query_one(ObligationList).shown.values())


@pytest.mark.parametrize("rule", ["EDU-1", "EDU-2", "EDU-3", "EDU-7", "EDU-8", "NAT-5", "NAT-6"])
def test_each_duty_of_these_screens_opens_one_in_the_education_area(rule: str) -> None:
    action = CATALOGUE[rule].action
    assert action.startswith("screen:")
    spec = screen_for_target(action.removeprefix("screen:"))
    assert spec is not None and spec.area == "education"
    assert rule in spec.help  # the menu line names what it settles
