"""分配工作 (NAT-5) by keys: work assigned 7 months ago and not done makes NAT-5 due naming the
member, on the register and the dashboard; marking it done (d, today) takes it away; a good
reason (r) does too while it runs; the dashboard's NAT-5 opens a case in 不合格党员处置 whose
reason names the work, as for dues and attendance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import on_screen, read_file, settle, table_rows, text_of
from fixture_education import write_education_fixture

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import WorkAssignment
from branchtui.tui.app import BranchApp, build_app
from branchtui.tui.screens.assignments import AssignmentsScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import DatePrompt
from branchtui.tui.screens.discipline import DisciplineScreen
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_form import RecordForm

LATE = "NAT-5 待办  周敏连续7个月未完成分配的工作"


def with_late_work(data_dir: Path) -> None:
    """周敏 (who pays and attends) was given work due on 2026-04-27, not done."""
    write_education_fixture(data_dir, dt.date(2026, 11, 27)).add(
        WorkAssignment(
            id="w1",
            member_id="m08",
            assigned=dt.date(2026, 3, 1),
            content="负责三号楼党员责任区",
            form="responsibility_area",
            due=dt.date(2026, 4, 27),
        )
    )


def listed(app: BranchApp) -> list[Obligation]:
    if not isinstance(app.screen, DashboardScreen):
        return []
    return list(app.screen.query_one(ObligationList).shown.values())


def nat_5_names(app: BranchApp, name: str) -> list[Obligation]:
    return [ob for ob in listed(app) if ob.rule == "NAT-5" and name in ob.detail]


async def test_work_left_undone_7_months_is_due_until_it_is_marked_done(
    edu_dir: Path, today: dt.date
) -> None:
    app = build_app(edu_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "w")
        await on_screen(pilot, AssignmentsScreen)
        await settle(pilot, lambda: "NAT-5" in text_of(app, "#register-duties"))
        assert "周敏" not in text_of(app, "#register-duties")
        assert table_rows(app) == []
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        await pilot.press(*"zhoumin")  # the member: the pinyin typed opens the list, filtered
        await on_screen(pilot, MemberPicker)
        await pilot.press("enter")  # taken; the cursor goes on to the next field
        await on_screen(pilot, RecordForm)
        await pilot.press(*"0301", "ctrl+s")  # no content yet: refused beside it
        await pilot.pause()
        assert text_of(app, "#error-content") == "请填写工作内容"
        assert isinstance(app.screen, RecordForm)
        assert read_file(edu_dir).work_assignments == []
        assert app.focused is not None and app.focused.id == "field-content"
        await pilot.press(*"负责三号楼党员责任区", "enter", *"0427")
        await settle(pilot, lambda: "已逾期7个月未完成" in text_of(app, "#error-due"))
        assert "应按自行脱党处理（NAT-5）" in text_of(app, "#error-due")  # a warning, as typed
        await pilot.press("ctrl+s")
        await on_screen(pilot, AssignmentsScreen)
        await settle(pilot, lambda: LATE in text_of(app, "#register-duties"))
        assert table_rows(app) == [
            ["周敏", "设岗定责", "负责三号楼党员责任区", "2026-04-27", "逾期7个月"]
        ]
        await pilot.press("1")  # the dashboard names her too
        await settle(pilot, lambda: bool(nat_5_names(app, "周敏")))
        (ob,) = nat_5_names(app, "周敏")
        assert ob.status == "due" and "未完成党组织分配的工作“负责三号楼党员责任区”" in ob.detail
        await pilot.press("5", "w")
        await on_screen(pilot, AssignmentsScreen)
        await pilot.press("d")  # 完成: today unless changed
        await on_screen(pilot, DatePrompt)
        await pilot.press("enter")
        await on_screen(pilot, AssignmentsScreen)
        await settle(pilot, lambda: table_rows(app) == [])  # done work is history
        await settle(pilot, lambda: "周敏" not in text_of(app, "#register-duties"))
        await pilot.press("h")
        await settle(pilot, lambda: len(table_rows(app)) == 1)
        assert table_rows(app)[0][4] == "已完成"
        await pilot.press("1")
        await on_screen(pilot, DashboardScreen)
        await settle(pilot, lambda: any(ob.rule == "NAT-5" for ob in listed(app)))
        assert nat_5_names(app, "周敏") == []
    (work,) = read_file(edu_dir).work_assignments
    assert (work.member_id, work.assigned, work.due, work.completed) == (
        "m08",
        dt.date(2026, 3, 1),
        dt.date(2026, 4, 27),
        today,
    )


async def test_a_good_reason_still_running_takes_the_member_off_nat_5(
    data_dir: Path, today: dt.date
) -> None:
    with_late_work(data_dir)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "w")
        await on_screen(pilot, AssignmentsScreen)
        await settle(pilot, lambda: LATE in text_of(app, "#register-duties"))
        await pilot.press("r")
        await on_screen(pilot, RecordForm)
        assert app.screen.query_one("#field-excused_from").value == "2026-11-27"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # dates without the reason: refused
        await pilot.pause()
        assert text_of(app, "#error-excuse") == "请填写正当理由"
        await pilot.press(*"因病住院", "enter", *"1001", "ctrl+s")
        await on_screen(pilot, AssignmentsScreen)
        await settle(pilot, lambda: "周敏" not in text_of(app, "#register-duties"))
        assert table_rows(app)[0][4] == "有正当理由"
        assert "正当理由：因病住院（2026-10-01至今）" in text_of(app, "#register-detail")
    (work,) = read_file(data_dir).work_assignments
    assert (work.excuse, work.excused_from, work.excused_until) == (
        "因病住院",
        dt.date(2026, 10, 1),
        None,
    )


async def test_the_dashboard_opens_a_case_naming_the_work(data_dir: Path, today: dt.date) -> None:
    with_late_work(data_dir)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(nat_5_names(app, "周敏")))
        shown = listed(app)
        index = next(i for i, ob in enumerate(shown) if ob.rule == "NAT-5" and "周敏" in ob.detail)
        assert shown[index].refs == ("w1",)
        await pilot.press("home", *["down"] * index, "enter")
        await on_screen(pilot, ObligationDetail)
        assert "分配工作 2026-03-01 负责三号楼党员责任区 周敏" in text_of(app, "#detail-body")
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        assert isinstance(app.screen_stack[-2], DisciplineScreen)
        reason = app.screen.query_one("#field-reason").value  # type: ignore[attr-defined]
        assert reason == "连续7个月未完成党组织分配的工作“负责三号楼党员责任区”（NAT-5）"
