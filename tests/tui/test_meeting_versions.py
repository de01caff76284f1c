"""修改历史 by keys (SYS-3, SYS-4): a record amended in the wizard lists its two versions; the
first shows the minutes as they were (the old place) and what the amendment changed (地点 and
the member whose attendance changed); a record never amended says so; the list at 80×24."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import on_screen, read_file, screen_text, settle
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown, Static
from wizard_helpers import at_review, saved, wizard

from branchtui.domain.meetings.version_changes import Change
from branchtui.domain.records import Appraisal, AppraisalResult, Attendance, Meeting
from branchtui.storage import minutes as minutes_module
from branchtui.storage.minutes import save_meeting
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.appraisal import AppraisalScreen
from branchtui.tui.screens.appraisal_versions import AppraisalVersionsView
from branchtui.tui.screens.meeting_versions import MeetingVersionsView
from branchtui.tui.screens.meetings import MeetingsScreen
from branchtui.tui.screens.minutes_view import MinutesView
from branchtui.tui.screens.version_changes import VersionChangesView, changes_view

COMMITTEE = ("m01", "m02", "m07")  # 张三 书记, 李四 组织委员, 黄志强 宣传委员


def save_committee(data_dir: Path, today: dt.date, topic: str, day: dt.date) -> Meeting:
    meeting = Meeting(
        kinds=["committee_meeting"],
        date=day,
        start="09:00",
        end="10:30",
        place="党员活动室",
        host_id="m01",
        recorder_id="m02",
        topic=topic,
        attendance=[Attendance(member_id=m) for m in COMMITTEE],
    )
    return save_meeting(Store.open(data_dir), meeting, today=today).meeting


@pytest.fixture
def fixed_author(monkeypatch: pytest.MonkeyPatch) -> None:
    """An amendment saved at 15:42 by zhangsan, whatever the clock and login say."""
    monkeypatch.setattr(minutes_module, "time_of_day", lambda: "15:42")
    monkeypatch.setattr(minutes_module, "current_user", lambda: "zhangsan")


def shown(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_an_amended_record_shows_its_earlier_version_and_what_changed(
    branch_dir: Path, today: dt.date, fixed_author: None
) -> None:
    save_committee(branch_dir, today, "部署年底工作", dt.date(2026, 11, 3))
    save_committee(branch_dir, today, "研究发展党员", dt.date(2026, 11, 10))
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "h")  # the newest, never amended: a message, no screen
        assert isinstance(app.screen, MeetingsScreen)
        assert "该记录没有修改过" in [str(n.message) for n in app._notifications]
        # Amend it by keys: another place, and 李四 on leave instead of present.
        await pilot.press("e")
        w = wizard(pilot)
        for _ in range(15):
            if app.focused is not None and app.focused.id == "basics-place":
                break
            await pilot.press("tab")
        await pilot.press("end", *["backspace"] * 5, *"三楼会议室", "pagedown")
        assert w.frame.step.id == "step-attendance"
        await pilot.press("down", "space", *"到党校学习", "enter", "ctrl+s")
        await at_review(pilot)
        await pilot.press(*"补记地点和请假", "ctrl+s")
        await saved(pilot)

        await pilot.press("h")
        await on_screen(pilot, MeetingVersionsView)
        screen = app.screen
        table = screen.query_one("#versions-table", DataTable)
        assert table.row_count == 2
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(2)]
        assert rows == [
            ["第1版", "2026-11-27", "15:42", "zhangsan", "首次录入"],
            ["第2版", "2026-11-27", "15:42", "zhangsan", "地点、出席"],
        ]
        assert "第1版（2026-11-27 保存，已被修改）" in shown(screen, "#versions-detail")

        await pilot.press("enter")  # the first version's minutes: the old place
        await on_screen(pilot, MinutesView)
        view = app.screen
        text = view.query_one("#minutes-text", Markdown)
        await settle(pilot, lambda: "会议地点" in text.source)
        assert "党员活动室" in text.source and "三楼会议室" not in text.source
        assert "已于" not in text.source  # the first version had not been amended yet
        assert "第1版（2026-11-27 保存，已被修改）" in shown(view, "#minutes-where")

        await pilot.press("c")  # what the second version changed
        await on_screen(pilot, VersionChangesView)
        changes = app.screen
        await pilot.pause()
        said = screen_text(app).replace("\xa0", " ")
        assert "【地点】" in said and "地点：党员活动室 → 三楼会议室" in said
        assert "【出席】" in said and "李四：出席 → 请假（到党校学习）" in said
        title = shown(changes, "#changes-title")
        assert "第1版 → 第2版" in title
        assert "2026-11-27 15:42 由 zhangsan 修改；修改原因：补记地点和请假" in title

        await pilot.press("escape", "escape", "escape")
        assert isinstance(app.screen, MeetingsScreen)
    meeting = next(m for m in read_file(branch_dir).meetings if m.topic == "研究发展党员")
    assert meeting.place == "三楼会议室"
    assert [(a.status, a.reason) for a in meeting.attendance if a.member_id == "m02"] == [
        ("on_leave", "到党校学习")
    ]


async def open_versions(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "h")
    await on_screen(pilot, MeetingVersionsView)
    await pilot.press("down")


def test_the_versions_list_80x24(
    branch_dir: Path, today: dt.date, fixed_author: None, snap_compare: Any
) -> None:
    stored = save_committee(branch_dir, today, "研究发展党员", dt.date(2026, 11, 10))
    store = Store.open(branch_dir)
    for place, reason in (("三楼会议室", "补记地点"), ("党校报告厅", "")):
        amended = Meeting.from_dict(stored.to_dict())
        amended.place = place
        if place == "党校报告厅":
            amended.attendance[2] = Attendance(member_id="m07", status="absent", reason="出差")
        stored = save_meeting(store, amended, reason=reason, today=today).meeting
    app = build_app(branch_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_versions)


def test_a_long_change_is_shown_whole_before_and_after_its_lines_indented() -> None:
    after = "会议传达学习了上级党委关于做好年底党员民主评议工作的通知精神，" * 3
    changes = [
        Change("地点", "地点", "党员活动室", "三楼会议室"),
        Change("内容", "会议内容摘要", "传达上级通知", after),
    ]
    console = Console(width=60, record=True, file=io.StringIO())
    console.print(changes_view(changes))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines[:4] == ["【地点】", "  地点：党员活动室 → 三楼会议室", "", "【内容】"]
    assert lines[4] == "  会议内容摘要："
    assert lines[5].startswith("    修改前 传达上级通知") and lines[6].startswith("    修改后 会议")
    # Wrapped lines of the long text stay under it, and none of it is cut.
    assert len(lines) > 8 and all(line.startswith(" " * 11) for line in lines[7:] if line)
    assert "".join(line.strip() for line in lines[6:]).removeprefix("修改后 ") == after


async def test_a_record_entered_before_schema_13_and_an_appraisal_show_their_versions(
    branch_dir: Path, today: dt.date, fixed_author: None
) -> None:
    """A record entered before its creation was stamped shows 未记录; a 民主评议 amended with
    its meeting lists its versions (h on 民主评议)."""
    store = Store.open(branch_dir)
    old = Meeting(
        kinds=["committee_meeting"],
        date=dt.date(2026, 11, 3),
        topic="部署年底工作",
        entered_on=dt.date(2026, 11, 4),
        attendance=[Attendance(member_id=m) for m in COMMITTEE],
    )
    store.add(old)  # as the migration leaves it: no time, no login
    old = store.snapshot().find("meetings", old.id)
    old.place = "三楼会议室"
    save_meeting(store, old, reason="补记地点", today=today)
    members = [m.id for m in store.snapshot().members]
    meeting = Meeting(
        kinds=["general_meeting", "appraisal"],
        date=dt.date(2026, 11, 20),
        topic="民主评议党员",
        attendance=[Attendance(member_id=m) for m in members],
    )
    results = [AppraisalResult(member_id=m, grade="qualified") for m in members]
    appraisal = Appraisal(year=2026, results=results)
    first = save_meeting(store, meeting, appraisal=appraisal, today=today)
    (stored,) = store.snapshot().appraisals
    graded = [dataclasses.replace(stored.results[0], grade="excellent"), *stored.results[1:]]
    changed = dataclasses.replace(stored, results=graded)
    save_meeting(store, first.meeting, appraisal=changed, reason="更正等次", today=today)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m")
        await on_screen(pilot, MeetingsScreen)
        await pilot.press("down", "h")  # the older record, second in the list
        await on_screen(pilot, MeetingVersionsView)
        table = app.screen.query_one("#versions-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:4] == [
            "第1版",
            "2026-11-04",
            "未记录",
            "未记录",
        ]
        await pilot.press("escape", "escape", "p")
        await on_screen(pilot, AppraisalScreen)
        await pilot.press("h")
        await on_screen(pilot, AppraisalVersionsView)
        table = app.screen.query_one("#versions-table", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["第1版", "2026-11-27", "15:42", "zhangsan", "首次录入"],
            ["第2版", "2026-11-27", "15:42", "zhangsan", "评定结果（1人）"],
        ]
        await pilot.press("down")
        assert "修改原因：更正等次" in str(app.screen.query_one("#versions-detail").render())
