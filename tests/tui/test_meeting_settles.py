"""Every LIFE-*, NAT-1/2/7 and EDU-7 duty settled from the dashboard opens the right place,
prefilled: a new record of the rule's kind dated in the duty's period (a 党小组会 for its group,
a 主题党日 with its window explained), or the saved record a warning is about, to amend; EDU-7
opens the member's attendance (no meeting settles an absence)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import on_screen, open_duty, read_file, settle, settle_from_dashboard, text_of
from fixture_branch import fixture_data
from fixture_education import write_education_fixture
from textual.pilot import Pilot
from textual.widgets import Static
from wizard_helpers import at_review, minutes_text, saved, wizard

from branchtui.domain.obligations.base import Obligation
from branchtui.domain.records import (
    Appraisal,
    AppraisalResult,
    Attendance,
    BranchData,
    Criticism,
    LifeMeeting,
    Meeting,
    Rectification,
    SelfExamination,
    Vote,
)
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.obligations import compute_obligations
from branchtui.tui.screens.attendance import AttendanceScreen
from branchtui.tui.screens.dashboard import DashboardScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.obligation_detail import ObligationDetail
from branchtui.tui.screens.wizards.form_dialog import FormDialog
from branchtui.tui.screens.wizards.meeting import MeetingWizard
from branchtui.tui.widgets.obligation_list import ObligationList
from branchtui.tui.widgets.record_list import RecordList

NEW_RECORDS = {
    "LIFE-1": ["general_meeting"],
    "LIFE-2": ["committee_meeting"],
    "LIFE-3": ["group_meeting"],
    "LIFE-4": ["party_lecture"],
    "LIFE-5": ["theme_day"],
    "LIFE-6": ["life_meeting"],
    "LIFE-7": ["life_meeting", "appraisal"],
}


async def settle_duty(pilot: Pilot[Any], rule: str) -> tuple[Obligation, MeetingWizard]:
    """From the dashboard: the first duty of ``rule``, its detail, Enter."""
    await open_duty(pilot, rule)
    detail = pilot.app.screen
    assert isinstance(detail, ObligationDetail)
    ob = detail.obligation
    await pilot.press("enter")
    await on_screen(pilot, MeetingWizard)
    return ob, wizard(pilot)


async def discard_and_go_home(pilot: Pilot[Any]) -> None:
    w = pilot.app.screen
    unchanged = isinstance(w, MeetingWizard) and w._unchanged_amendment()
    await pilot.press("escape")
    if not unchanged:  # a saved record opened and left as it was closes without asking
        await on_screen(pilot, ChoicePrompt)
        await pilot.press("down", "down", "enter")  # 放弃草稿
    await settle(pilot, lambda: not isinstance(pilot.app.screen, (MeetingWizard, ChoicePrompt)))
    await pilot.press("1")


def period_of(day: dt.date, ob: Obligation) -> str:
    if ob.period_kind == "month":
        return f"{day:%Y-%m}"
    if ob.period_kind == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


async def test_each_meeting_duty_opens_a_new_record_prefilled(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        for rule, kinds in NEW_RECORDS.items():
            ob, w = await settle_duty(pilot, rule)
            m = w.work.meeting
            assert m.kinds == kinds and not w.work.amending, (rule, m.kinds)
            if rule == "LIFE-7":  # held at the year's end or early the next year: today
                assert m.date == today
            else:
                # The first duty shown is an overdue one: recorded afterwards, in its period.
                assert ob.status == "overdue" and period_of(m.date, ob) == ob.period, rule
                assert m.date < today
            if rule == "LIFE-3":
                (group,) = [r for r in ob.refs if r.startswith("g")]
                assert m.group_id == group
                group_members = [p.id for p in read_file(branch_dir).members if p.group_id == group]
                assert [a.member_id for a in m.attendance] == group_members
            else:
                assert m.group_id is None
            if rule == "LIFE-5":
                info = text_of(app, "#basics-info")
                assert "LIFE-5" in info and "规定时间" in info, info
            await discard_and_go_home(pilot)
        # A theme day still to come opens dated in its window, to be saved once it is held.
        await open_row(pilot, lambda o: o.rule == "LIFE-5" and o.status == "upcoming")
        await pilot.press("enter")
        await on_screen(pilot, MeetingWizard)
        assert wizard(pilot).work.meeting.date == dt.date(2026, 12, 1)
        info = text_of(app, "#basics-info")
        assert "会议尚未召开：可先填写" in info and "2026-12-01在规定时间内" in info
        await discard_and_go_home(pilot)
        # The secretary has yet to lecture: the lecture is theirs, with their post.
        await open_row(pilot, lambda o: o.rule == "LIFE-4" and "书记张三讲党课" in o.detail)
        await pilot.press("enter")
        await on_screen(pilot, MeetingWizard)
        w = wizard(pilot)
        await pilot.press("pagedown", "pagedown")
        await settle(pilot, lambda: w.frame.step.id == "step-topics")
        await pilot.press("ctrl+s")
        await at_review(pilot)
        lecture = w.work.meeting.lecture
        assert lecture is not None and lecture.lecturer_id == "m01"
        # Heard by all present: the eleven members at the end of 2025 (刘芳 joined in 2026).
        assert lecture.lecturer_post == "支部书记" and lecture.listeners == 11
        await discard_and_go_home(pilot)
    assert not list((branch_dir / "drafts").glob("*.json"))


def warned_data(today: dt.date) -> tuple[BranchData, dict[str, str]]:
    """The fixed branch with a record behind each warning: a 党员大会 vote without quorum
    (NAT-1), a 支委会 of one of three (NAT-2), a 支委会 merged with a theme day (LIFE-9), a
    leading cadre absent from his group (LIFE-8), a 预备党员 graded (NAT-7)."""
    data = fixture_data(today)
    data.members[0].is_leader = True  # 张三, of the first group

    def rows(present: set[str], everyone: list[str]) -> list[Attendance]:
        return [
            Attendance(member_id=i)
            if i in present
            else Attendance(member_id=i, status="absent", reason="出差")
            for i in everyone
        ]

    all_ids = [m.id for m in data.members]
    committee = ["m01", "m02", "m07"]
    records = {
        "NAT-1": Meeting(
            kinds=["general_meeting"],
            date=dt.date(2026, 11, 6),
            start="09:00",
            end="10:00",
            attendance=rows({"m01", "m02"}, all_ids),
            votes=[Vote(motion="接收预备党员", method="show_of_hands", yes=2)],
        ),
        "NAT-2": Meeting(
            kinds=["committee_meeting"],
            date=dt.date(2026, 11, 9),
            attendance=rows({"m01"}, committee),
        ),
        "LIFE-9": Meeting(
            kinds=["committee_meeting", "theme_day"],
            date=dt.date(2026, 11, 2),
            attendance=rows(set(committee), committee),
        ),
        "LIFE-8": Meeting(
            kinds=["group_meeting"],
            group_id="g1",
            date=dt.date(2026, 11, 5),
            attendance=rows({"m02", "m03", "m04", "m05"}, ["m01", "m02", "m03", "m04", "m05"]),
        ),
        "NAT-7": Meeting(
            kinds=["life_meeting", "appraisal"],
            date=dt.date(2026, 1, 20),
            attendance=rows(set(all_ids), all_ids),
        ),
    }
    data.meetings.extend(records.values())
    graded = [AppraisalResult(member_id=i, grade="qualified") for i in all_ids if i != "m06"]
    data.appraisals.append(Appraisal(year=2025, meeting_id=records["NAT-7"].id, results=graded))
    return data, {rule: m.id for rule, m in records.items()}


async def test_each_warning_opens_the_record_it_is_about(data_dir: Path, today: dt.date) -> None:
    data, ids = warned_data(today)
    Store.open(data_dir, create=True).replace_all(data)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        for rule, step in (
            ("NAT-1", "step-decisions"),  # the vote and the quorum line
            ("NAT-2", "step-decisions"),
            ("LIFE-9", "step-basics"),  # the kinds
            ("NAT-7", "step-appraisal"),  # the grades
            ("LIFE-7", "step-appraisal"),
        ):
            ob, w = await settle_duty(pilot, rule)
            expected = ids["NAT-7" if rule == "LIFE-7" else rule]
            assert w.work.amending and w.work.meeting.id == expected, (rule, ob.brief)
            await settle(pilot, lambda w=w, step=step: w.frame.step.id == step)
            await discard_and_go_home(pilot)
        # LIFE-8: the absent leader's own group meets next.
        ob, w = await settle_duty(pilot, "LIFE-8")
        assert ob.people == ("m01",) and not w.work.amending
        assert w.work.meeting.kinds == ["group_meeting"] and w.work.meeting.group_id == "g1"
        await discard_and_go_home(pilot)


async def test_an_absence_duty_opens_the_members_attendance(data_dir: Path, today: dt.date) -> None:
    write_education_fixture(data_dir, today)
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_from_dashboard(pilot, "EDU-7", AttendanceScreen)
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        await settle(pilot, lambda: screen.table.row_count > 0)
        await settle(pilot, lambda: screen.rows[screen.table.cursor_row].member.name == "王五")


def life_meeting_with_a_late_rectification(today: dt.date) -> BranchData:
    data = fixture_data(today)
    everyone = [Attendance(member_id=m.id) for m in data.members]
    life = LifeMeeting(
        theme="对照党章党规找差距",
        examinations=[
            SelfExamination(
                member_id="m01",
                text="理论学习不够",
                criticisms=[Criticism(critic_id="m02", text="联系群众不够")],
            )
        ],
        rectifications=[
            Rectification(problem="学习不深", owner_id="m01", due=dt.date(2026, 9, 30))
        ],
    )
    data.meetings.append(
        Meeting(
            kinds=["life_meeting"],
            date=dt.date(2026, 6, 10),
            start="14:00",
            end="17:00",
            place="党员活动室",
            host_id="m01",
            recorder_id="m02",
            attendance=everyone,
            criticism=True,
            life_meeting=life,
        )
    )
    return data


async def open_row(pilot: Pilot[Any], wanted: Callable[[Obligation], bool]) -> Obligation:
    """On the dashboard: open the detail of the first duty ``wanted`` picks."""
    await on_screen(pilot, DashboardScreen)
    duties = pilot.app.screen.query_one(ObligationList)
    await settle(pilot, lambda: any(wanted(o) for o in duties.shown.values()))
    shown = list(duties.shown.values())
    row = next(i for i, o in enumerate(shown) if wanted(o))
    await pilot.press("home", *["down"] * row, "enter")
    await on_screen(pilot, ObligationDetail)
    return shown[row]


async def test_a_late_rectification_is_marked_done_from_its_warning(
    data_dir: Path, today: dt.date
) -> None:
    # LIFE-6: the rectification list is trackable: its warning opens the 组织生活会, the item
    # is marked done there (not on a day to come), and the warning goes.
    Store.open(data_dir, create=True).replace_all(life_meeting_with_a_late_rectification(today))
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        ob = await open_row(pilot, lambda o: o.rule == "LIFE-6" and o.status == "warning")
        assert "学习不深（时限2026-09-30）" in ob.detail
        await pilot.press("enter")
        await on_screen(pilot, MeetingWizard)
        w = wizard(pilot)
        assert w.work.amending
        # Opened at the rectification list.
        await settle(pilot, lambda: w.frame.step.id == "step-life")
        await settle(pilot, lambda: getattr(app.focused, "id", "") == "rectification-list")
        await pilot.press("enter")
        await on_screen(pilot, FormDialog)
        for _ in range(12):
            if app.focused is not None and (app.focused.id or "").endswith("-done"):
                break
            await pilot.press("tab")
        await pilot.press(*"2026-12-01", "ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        said = lambda: " ".join(str(s.render()) for s in dialog.query(Static))  # noqa: E731
        await settle(pilot, lambda: "整改完成日期不能晚于今天" in said())
        await pilot.press(*["backspace"] * 10, *"1120", "ctrl+s")
        await on_screen(pilot, MeetingWizard)
        rectifications = w.query_one("#rectification-list", RecordList)
        assert "2026-11-20完成" in str(rectifications.get_option_at_index(0).prompt)
        await pilot.press("ctrl+s")
        await at_review(pilot)
        await pilot.press(*"整改完成", "ctrl+s")
        await saved(pilot)
    (meeting,) = read_file(data_dir).meetings
    assert meeting.life_meeting is not None
    assert meeting.life_meeting.rectifications[0].done == dt.date(2026, 11, 20)
    assert "2026年11月20日完成" in minutes_text(data_dir, meeting)
    found = compute_obligations(data_dir, read_file(data_dir), today).obligations
    assert [o.status for o in found if o.rule == "LIFE-6" and o.period != "2025"] == ["met"]


async def test_a_theme_day_still_to_come_is_drafted_then_refused_at_saving(
    branch_dir: Path, today: dt.date
) -> None:
    """LIFE-5's coming theme day: as the note says, the draft goes on (PgDn as F2), the review
    says it cannot be saved before the day, and Ctrl+S saves nothing."""
    before = len(read_file(branch_dir).meetings)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_row(pilot, lambda o: o.rule == "LIFE-5" and o.status == "upcoming")
        await pilot.press("enter")
        await on_screen(pilot, MeetingWizard)
        w = wizard(pilot)
        assert w.work.meeting.date == dt.date(2026, 12, 1)
        await pilot.press("pagedown")
        await settle(pilot, lambda: w.frame.step.id == "step-attendance")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: w.frame.step.id == "step-review")
        summary = w.query_one("#review-summary", Static)
        await settle(pilot, lambda: "会议尚未召开" in str(summary.render()))
        assert "会议召开后才能保存" in str(summary.render())
        await pilot.press("ctrl+s")
        said = lambda: " ".join(str(n.message) for n in app._notifications)  # noqa: E731
        await settle(pilot, lambda: "会议尚未召开（2026-12-01）" in said())
        assert isinstance(app.screen, MeetingWizard)
    assert len(read_file(branch_dir).meetings) == before
    assert list((branch_dir / "drafts").glob("*.json"))  # the draft is kept
