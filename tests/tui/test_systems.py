"""建章立制 by keys at 80×24: 规章制度 (SYS-1), 年度工作计划 (SYS-2), 电子台帐 (SYS-3) and 上级检查
(SYS-4) settled from the dashboard; errors beside the field with nothing saved; Esc loses nothing typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import (
    dashboard_status,
    duties,
    on_screen,
    read_file,
    screen_text,
    settle,
    settle_from_dashboard,
    text_of,
)
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import LedgerEntry, Meeting, PlanItem, SystemDoc, WorkPlan
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.activities import ActivitiesScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt, TextPrompt
from branchtui.tui.screens.inspections import InspectionsScreen
from branchtui.tui.screens.ledger import LedgerScreen
from branchtui.tui.screens.record_checks import RecordChecksScreen
from branchtui.tui.screens.systems import SystemsScreen
from branchtui.tui.screens.work_plan import WorkPlanScreen
from branchtui.tui.widgets.member_picker import MemberPicker
from branchtui.tui.widgets.record_form import RecordForm


async def back_to_dashboard(pilot: Pilot[None]) -> None:
    """Back on the dashboard by its key, the completed items unfolded (c)."""
    await pilot.press("1")
    await on_screen(pilot, DashboardScreen)
    await pilot.press("c")


# SYS-1 ------------------------------------------------------------------------------------


async def test_settling_sys_1_adds_the_first_missing_system_and_the_list_shrinks(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-1", RecordForm)
        form = app.screen
        assert form.query_one("#field-kind").value == "three_meetings"  # type: ignore[attr-defined]
        assert form.focused is form.query_one("#field-title")  # the category is filled in
        await pilot.press(*"sanhui yike zhidu", "ctrl+s")
        await on_screen(pilot, SystemsScreen)
        await settle(pilot, lambda: "尚缺5项制度" in text_of(app, "#register-headline"))
        assert "“三会一课”制度" not in text_of(app, "#register-headline")
        assert "党务公开制度" in text_of(app, "#register-headline")
        await settle(pilot, lambda: "尚缺5项制度" in duties(app))
    (doc,) = read_file(branch_dir).system_docs
    assert (doc.kind, doc.title) == ("three_meetings", "sanhui yike zhidu")


async def test_all_six_systems_turn_the_dashboard_item_met(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    for kind in ("three_meetings", "study", "appraisal", "development", "supervision"):
        store.add(SystemDoc(kind=kind, title=f"{kind}制度"))  # type: ignore[arg-type]
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-1", RecordForm)
        assert app.screen.query_one("#field-kind").value == "openness"  # type: ignore[attr-defined]
        await pilot.press(*"dangwu gongkai", "ctrl+s")
        await on_screen(pilot, SystemsScreen)
        await settle(pilot, lambda: "六类制度齐全" in text_of(app, "#register-headline"))
        await back_to_dashboard(pilot)
        await settle(pilot, lambda: dashboard_status(app, "SYS-1") == "met")
    assert len(read_file(branch_dir).system_docs) == 6


async def test_an_empty_title_or_a_wrong_date_is_said_at_the_field_and_nothing_is_saved(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "s")
        await on_screen(pilot, SystemsScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        await pilot.press("ctrl+s")  # no category, no title
        await pilot.pause()
        assert "请填写制度名称" in text_of(app, "#error-title")
        assert "制度类别" in text_of(app, "#error-kind")
        app.screen.query_one("#field-title").focus()
        await pilot.press(*"xuexi zhidu")
        app.screen.query_one("#field-adopted").focus()
        await pilot.press(*"2026-02-30", "ctrl+s")
        await pilot.pause()
        assert text_of(app, "#error-adopted")  # the day is said wrong, beside the date
        assert "请填写制度名称" not in text_of(app, "#error-title")
        assert isinstance(app.screen, RecordForm)
        # Esc with typed input asks; 继续填写 keeps every field as typed.
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        assert app.screen.query_one("#field-title").value == "xuexi zhidu"  # type: ignore[attr-defined]
        assert app.screen.query_one("#field-adopted").value == "2026-02-30"  # type: ignore[attr-defined]
    assert read_file(branch_dir).system_docs == []


async def test_escape_on_an_untouched_form_closes_it_without_asking(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "i")
        await on_screen(pilot, InspectionsScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        await pilot.press("escape")
        await on_screen(pilot, InspectionsScreen)
    assert read_file(branch_dir).inspections == []


async def test_an_abolished_system_is_history_and_its_category_missing_again(
    branch_dir: Path, today: dt.date
) -> None:
    Store.open(branch_dir).add(
        SystemDoc(id="s1", kind="study", title="学习制度", adopted=dt.date(2026, 1, 5))
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "s")
        await on_screen(pilot, SystemsScreen)
        await settle(pilot, lambda: "党员学习培训制度" not in text_of(app, "#register-headline"))
        await pilot.press("d")
        await on_screen(pilot, DatePrompt)
        await pilot.press("enter")  # today
        await on_screen(pilot, SystemsScreen)
        await settle(pilot, lambda: "党员学习培训制度" in text_of(app, "#register-headline"))
        assert "尚无" not in text_of(app, "#register-count")
        assert app.screen.shown == []  # type: ignore[attr-defined]
        await pilot.press("h")  # history: the abolished system listed with its date below
        await settle(pilot, lambda: "已于2026-11-27废止" in text_of(app, "#register-detail"))
    (doc,) = read_file(branch_dir).system_docs
    assert doc.abolished == today


async def test_a_system_text_is_attached_from_a_file_and_a_missing_file_is_said(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    title = "投资发展部党支部党员学习培训制度"  # a long name, as branches write them
    Store.open(branch_dir).add(SystemDoc(id="s1", kind="study", title=title))
    text = tmp_path / "study.txt"
    text.write_text("党员学习培训制度全文", encoding="utf-8")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "s")
        await on_screen(pilot, SystemsScreen)
        await pilot.press("f")
        await on_screen(pilot, TextPrompt)
        # The system named whole on one line, the question whole on the next, at 80 columns.
        shown = screen_text(app).replace("\xa0", " ")
        assert f"「{title}」的制度文本" in shown
        assert "文件路径（如 ~/制度/三会一课.pdf）" in shown
        typed = str(tmp_path / "none.txt")
        await pilot.press(*typed, "enter")
        # The prompt stays, the path as typed, what is wrong beside it.
        await settle(pilot, lambda: "找不到文件" in text_of(app, "#prompt-error"))
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one("#prompt-input", Input).value == typed
        assert read_file(branch_dir).system_docs[0].attachment_id is None
        await pilot.press("ctrl+u", *str(text), "enter")
        await settle(pilot, lambda: "附件：study.txt" in text_of(app, "#register-detail"))
    data = read_file(branch_dir)
    (attached,) = data.attachments
    assert data.system_docs[0].attachment_id == attached.id
    assert (branch_dir / "attachments" / attached.file_name).read_text(
        "utf-8"
    ) == "党员学习培训制度全文"


# SYS-2 ------------------------------------------------------------------------------------


async def test_settling_sys_2_makes_the_year_plan_with_its_first_project(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-2", RecordForm)
        assert "新增2026年计划项目" in text_of(app, ".dialog-title")
        await pilot.press(*"zhuti dangri", "enter", *"dangri", "enter")  # 工作内容, 形式
        await pilot.press(*"zs")  # 负责人: the initials typed open the list, filtered
        await on_screen(pilot, MemberPicker)
        await pilot.press("enter")
        await on_screen(pilot, RecordForm)
        app.screen.query_one("#field-due").focus()
        await pilot.press(*"2026-12-31", "ctrl+s")
        await on_screen(pilot, WorkPlanScreen)
        await settle(pilot, lambda: "SYS-2 已完成" in duties(app))
        assert "共 1 个项目" in text_of(app, "#plan-count")
        await back_to_dashboard(pilot)
        await settle(pilot, lambda: dashboard_status(app, "SYS-2") == "met")
    (plan,) = read_file(branch_dir).work_plans
    (item,) = plan.items
    assert plan.year == 2026
    assert (item.content, item.form, item.owner_id, item.due) == (
        "zhuti dangri",
        "dangri",
        "m01",
        dt.date(2026, 12, 31),
    )


def _plan_with_a_late_project(branch_dir: Path) -> None:
    Store.open(branch_dir).add(
        WorkPlan(
            id="p26",
            year=2026,
            adopted=dt.date(2026, 1, 15),
            items=[
                PlanItem(id="i1", content="民主评议党员", due=dt.date(2026, 3, 31)),
                PlanItem(id="i2", content="集中学习", due=dt.date(2026, 12, 20)),
            ],
        )
    )


async def test_an_overdue_project_is_flagged_and_settled_by_its_completion(
    branch_dir: Path, today: dt.date
) -> None:
    _plan_with_a_late_project(branch_dir)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-2", WorkPlanScreen)
        screen = app.screen
        table = screen.query_one("#plan-table")
        await settle(pilot, lambda: table.row_count == 2)  # type: ignore[attr-defined]
        # The cursor on the late project, flagged in its row and counted below.
        assert str(table.get_row_at(table.cursor_row)[0]) == "已过期"  # type: ignore[attr-defined]
        assert "过期未完成 1 个" in text_of(app, "#plan-count")
        await settle(pilot, lambda: "SYS-2 已逾期" in duties(app))
        await pilot.press("c")
        await on_screen(pilot, DatePrompt)
        await pilot.press("ctrl+u", *"2027-01-05", "enter")  # after today: refused beside it
        await pilot.pause()
        assert "不能晚于今天" in str(app.screen.query_one("#date-error").render())
        await pilot.press("ctrl+u", *"2026-04-02", "enter")
        await on_screen(pilot, WorkPlanScreen)
        await settle(pilot, lambda: "SYS-2 已完成" in duties(app))
        await back_to_dashboard(pilot)
        await settle(pilot, lambda: dashboard_status(app, "SYS-2") == "met")
    (plan,) = read_file(branch_dir).work_plans
    assert [i.done for i in plan.items] == [dt.date(2026, 4, 2), None]


async def test_a_project_removed_after_asking_and_the_years_moved_by_keys(
    branch_dir: Path, today: dt.date
) -> None:
    _plan_with_a_late_project(branch_dir)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await on_screen(pilot, WorkPlanScreen)
        table = app.screen.query_one("#plan-table")
        await settle(pilot, lambda: table.row_count == 2)  # type: ignore[attr-defined]
        await pilot.press("d")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("escape")  # not removed
        await on_screen(pilot, WorkPlanScreen)
        await pilot.press("d")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: table.row_count == 1)  # type: ignore[attr-defined]
        await pilot.press("right_square_bracket")
        await settle(pilot, lambda: "2027年工作计划尚未制订" in text_of(app, "#plan-headline"))
        assert table.row_count == 0  # type: ignore[attr-defined]
        await pilot.press("right_square_bracket")  # no plan beyond next year
        await pilot.pause()
        assert "2027年" in text_of(app, "#plan-headline")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot, lambda: "2025年" in text_of(app, "#plan-headline"))
    (plan,) = read_file(branch_dir).work_plans
    assert [i.id for i in plan.items] == ["i2"]


async def test_next_years_plan_made_by_its_adoption_date_chosen_by_year_key(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await on_screen(pilot, WorkPlanScreen)
        await pilot.press("y")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("home", "enter")  # the newest year offered: next year
        await settle(pilot, lambda: "2027年工作计划尚未制订" in text_of(app, "#plan-headline"))
        await pilot.press("t")
        await on_screen(pilot, DatePrompt)
        await pilot.press("enter")  # today
        await settle(pilot, lambda: "计划通过时间：2026-11-27" in text_of(app, "#plan-headline"))
    (plan,) = read_file(branch_dir).work_plans
    assert (plan.year, plan.adopted, plan.items) == (2027, today, [])


async def test_an_empty_content_is_said_at_the_field_and_the_plan_is_not_made(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "p")
        await on_screen(pilot, WorkPlanScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        app.screen.query_one("#field-due").focus()
        await pilot.press(*"12-40", "ctrl+s")
        await pilot.pause()
        assert "请填写工作内容" in text_of(app, "#error-content")
        assert text_of(app, "#error-due")
        assert isinstance(app.screen, RecordForm)
        await pilot.press("escape")
        await on_screen(pilot, ChoicePrompt)  # typed a date: asked before it is thrown away
    assert read_file(branch_dir).work_plans == []


# SYS-3 ------------------------------------------------------------------------------------


async def test_settling_sys_3_files_the_meeting_not_yet_in_the_ledger(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    store.add(
        Meeting(
            id="mt1",
            kinds=["committee_meeting"],
            date=dt.date(2026, 11, 10),
            topic="研究发展党员工作",
            recorder_id="m02",
        )
    )
    store.add(
        Meeting(
            id="mt2", kinds=["committee_meeting"], date=dt.date(2026, 10, 9), topic="研究党费工作"
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-3", LedgerScreen)
        table = app.screen.query_one("#ledger-table")
        await settle(pilot, lambda: table.row_count == 2)  # type: ignore[attr-defined]
        # The cursor on the record without a recorder, said in its row and above the list.
        row = table.get_row_at(table.cursor_row)  # type: ignore[attr-defined]
        assert (str(row[2]), str(row[3]), str(row[5])) == ("研究党费工作", "未指定", "未归档")
        assert "未指定记录人 1 条" in text_of(app, "#ledger-headline")
        await pilot.press("g")  # both filed in one commit; the recorder is still owed
        await settle(pilot, lambda: "已归档 2 条" in text_of(app, "#ledger-headline"))
        await settle(pilot, lambda: "SYS-3 待办" in duties(app))
        await pilot.press("k")  # 台账体检, where the missing recorder is mended
        await on_screen(pilot, RecordChecksScreen)
    entries = read_file(branch_dir).ledger_entries
    assert sorted((e.record_id, e.category) for e in entries) == [
        ("mt1", "life"),
        ("mt2", "life"),
    ]


async def test_filing_the_only_unfiled_meeting_turns_sys_3_met(
    branch_dir: Path, today: dt.date
) -> None:
    Store.open(branch_dir).add(
        Meeting(
            id="mt1",
            kinds=["committee_meeting"],
            date=dt.date(2026, 11, 10),
            topic="研究发展党员工作",
            recorder_id="m02",
        )
    )
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "l")
        await on_screen(pilot, LedgerScreen)
        await settle(pilot, lambda: "未归入台帐" in duties(app))
        await pilot.press("f")
        await settle(pilot, lambda: "已归档 1 条" in text_of(app, "#ledger-headline"))
        await settle(pilot, lambda: "未归入台帐" not in duties(app))
    (entry,) = read_file(branch_dir).ledger_entries
    assert (entry.record_table, entry.record_id, entry.date) == ("meetings", "mt1", today)


async def test_a_meeting_filed_under_organization_is_listed_there(
    branch_dir: Path, today: dt.date
) -> None:
    """SYS-3: an election's general meeting is filed under 组织建设; 电子台帐 lists it under the
    category its entry files it, not 组织生活 as a meeting files by default."""
    held = Meeting(id="mt2", kinds=["general_meeting"], date=dt.date(2026, 11, 3), topic="换届选举")
    entry = LedgerEntry(
        date=held.date,
        category="organization",
        title="换届选举",
        record_table="meetings",
        record_id=held.id,
    )
    with Store.open(branch_dir).transaction() as tx:
        tx.apply(RecordChanges((held, entry)))
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "l")
        await on_screen(pilot, LedgerScreen)
        table = app.screen.query_one("#ledger-table", DataTable)
        await settle(pilot, lambda: table.row_count == 1)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert (row[1], row[2], row[5]) == ("组织建设", "换届选举", "已归档")


async def test_an_activity_recorded_by_keys_is_filed_in_the_ledger_once(
    branch_dir: Path, today: dt.date
) -> None:
    """SYS-3: an activity recorded in 教育管理 → 主题实践活动 is in 电子台帐 as 已归档 under
    学习教育 without a second step; editing it files nothing more; deleting it takes its
    ledger entry with it (none left filing a record that is gone)."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "p")
        await on_screen(pilot, ActivitiesScreen)
        await pilot.press("a")
        await on_screen(pilot, RecordForm)
        await pilot.press("enter", "tab", *"社区志愿服务", "ctrl+s")  # date, kind kept
        await on_screen(pilot, ActivitiesScreen)
        (activity,) = read_file(branch_dir).activities
        await pilot.press("e")  # a correction: no second entry
        await on_screen(pilot, RecordForm)
        app.screen.query_one("#field-note").focus()
        await pilot.press(*"补记", "ctrl+s")
        await on_screen(pilot, ActivitiesScreen)
        await settle(pilot, lambda: read_file(branch_dir).activities[0].note == "补记")
        await pilot.press("8", "l")
        await on_screen(pilot, LedgerScreen)
        table = app.screen.query_one("#ledger-table", DataTable)
        await settle(pilot, lambda: table.row_count > 0)
        assert app.screen.select(activity.id)  # type: ignore[attr-defined]
        row = [str(cell) for cell in table.get_row_at(table.cursor_row)]
        assert (row[1], row[2], row[5]) == ("学习教育", "社区志愿服务", "已归档")
        (entry,) = read_file(branch_dir).ledger_entries
        assert (entry.record_table, entry.record_id, entry.category, entry.date) == (
            "activities",
            activity.id,
            "education",
            today,
        )
        await pilot.press("5", "p")
        await on_screen(pilot, ActivitiesScreen)
        await pilot.press("d")
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "enter")  # 删除
        await settle(pilot, lambda: read_file(branch_dir).activities == [])
    assert read_file(branch_dir).ledger_entries == []


# SYS-4 ------------------------------------------------------------------------------------


async def test_settling_last_years_missing_inspection_asks_for_its_date(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "SYS-4", RecordForm)
        await pilot.press("ctrl+s")  # a past year's inspection: no date offered
        await pilot.pause()
        assert "请填写检查日期" in text_of(app, "#error-date")
        app.screen.query_one("#field-date").focus()
        await pilot.press(*"2025-10-20", "enter", *"jituan dangwei", "tab")
        await pilot.press(*"sanhui yike guifan", "ctrl+s")
        await on_screen(pilot, InspectionsScreen)
        await settle(pilot, lambda: "上级党委已于2025-10-20检查" in duties(app))
        assert "检查意见：sanhui yike guifan" in text_of(app, "#register-detail")
        await back_to_dashboard(pilot)
        await settle(pilot, lambda: dashboard_status(app, "SYS-4", "2025") == "met")
    (inspection,) = read_file(branch_dir).inspections
    assert (inspection.date, inspection.inspector) == (dt.date(2025, 10, 20), "jituan dangwei")
