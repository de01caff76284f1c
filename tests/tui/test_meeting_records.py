"""The saved meeting records by keys: listed by kind, month and group; opened in the minutes
viewer; amended (the earlier version kept, the minutes saying the record was amended); deleted
with what points at them, or refused when a record rests on them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import on_screen, read_file, screen_text, settle
from textual.widgets import Markdown, Static
from wizard_helpers import at_review, minutes_text, saved, status_of, wizard

from branchtui.domain.records import Attendance, Meeting, StudySession
from branchtui.storage.doctor import OK, doctor
from branchtui.storage.minutes import save_meeting
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.meetings import MeetingsScreen
from branchtui.tui.screens.minutes_view import MinutesView

RECORDS = (
    # kinds, date, group, topic
    (["committee_meeting"], dt.date(2026, 11, 10), None, "研究发展党员"),
    (["committee_meeting"], dt.date(2026, 10, 9), None, "研究党费收缴"),
    (["group_meeting"], dt.date(2026, 11, 5), "g1", "第一小组学习"),
    (["group_meeting"], dt.date(2026, 11, 6), "g2", "第二小组学习"),
    (["general_meeting"], dt.date(2026, 9, 15), None, "通报工作"),
)


def save_records(data_dir: Path, today: dt.date) -> None:
    store = Store.open(data_dir)
    for kinds, day, group, topic in RECORDS:
        meeting = Meeting(
            kinds=kinds,  # type: ignore[arg-type]
            date=day,
            group_id=group,
            start="09:00",
            end="10:30",
            place="党员活动室",
            host_id="m01",
            recorder_id="m02",
            topic=topic,
        )
        save_meeting(store, meeting, today=today)


def topics(screen: MeetingsScreen) -> list[str]:
    return [m.topic for m in screen.shown]


async def test_records_listed_by_kind_month_and_group(branch_dir: Path, today: dt.date) -> None:
    save_records(branch_dir, today)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m")
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert topics(screen) == [
            "研究发展党员",
            "第二小组学习",
            "第一小组学习",
            "研究党费收缴",
            "通报工作",
        ]
        filters = screen.query_one("#meeting-filters", Static)
        await pilot.press("k", "k")  # 支部党员大会, then 支部委员会会议
        assert topics(screen) == ["研究发展党员", "研究党费收缴"]
        assert "类型：支部委员会会议" in str(filters.render())
        await pilot.press("[")  # this month
        assert topics(screen) == ["研究发展党员"]
        await pilot.press("[")  # October
        assert topics(screen) == ["研究党费收缴"] and "月份：2026-10" in str(filters.render())
        await pilot.press("a", *["k"] * 7)  # all months; round the kinds to all
        assert "全部类型" in str(filters.render()) and len(screen.shown) == 5
        await pilot.press("g")
        assert topics(screen) == ["第一小组学习"] and "党小组：第一党小组" in str(filters.render())
        await pilot.press("g")
        assert topics(screen) == ["第二小组学习"]
        await pilot.press("g")
        assert len(screen.shown) == 5
        count = str(screen.query_one("#meeting-count", Static).render())
        assert "共 5 条记录" in count


async def test_a_record_amended_keeps_its_earlier_version(branch_dir: Path, today: dt.date) -> None:
    save_records(branch_dir, today)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "e")  # the newest: 研究发展党员
        w = wizard(pilot)
        assert w.work.amending
        for _ in range(15):
            if app.focused is not None and app.focused.id == "basics-place":
                break
            await pilot.press("tab")
        await pilot.press("end", *["backspace"] * 5, *"三楼会议室", "ctrl+s")
        await at_review(pilot)
        assert app.focused is not None and app.focused.id == "review-reason"
        await pilot.press(*"补记地点", "ctrl+s")
        await saved(pilot)
        # Opened again from the list: the minutes say the record was amended.
        await pilot.press("enter")
        await on_screen(pilot, MinutesView)
        view = app.screen.query_one("#minutes-text", Markdown)
        await settle(pilot, lambda: "三楼会议室" in view.source)
        assert "本记录已于2026年11月27日修改（补记地点）" in view.source
    meeting = next(m for m in read_file(branch_dir).meetings if m.topic == "研究发展党员")
    assert meeting.place == "三楼会议室"
    (amendment,) = meeting.amendments
    assert amendment.reason == "补记地点" and amendment.previous["place"] == "党员活动室"
    assert "修改前的版本保存在数据文件中" in minutes_text(branch_dir, meeting)


async def test_a_record_opened_and_closed_unchanged_leaves_no_draft(
    branch_dir: Path, today: dt.date
) -> None:
    """e then Esc without a change: nothing to keep, so no 关闭向导（草稿已保存…） question and no
    draft offered at the next 新建 of that kind (an amendment's draft looked like a new one)."""
    save_records(branch_dir, today)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "e")  # the newest: 研究发展党员
        wizard(pilot)
        await pilot.press("pagedown", "pagedown", "escape")
        await on_screen(pilot, MeetingsScreen)
        assert "未完成的草稿" not in screen_text(app)
        drafts = branch_dir / "drafts"
        assert not drafts.exists() or not list(drafts.glob("*.json"))


async def test_a_theme_day_also_counted_as_a_party_lecture(
    branch_dir: Path, today: dt.date
) -> None:
    # LIFE-9: one record counts as several kinds; each part is asked for and each duty met.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "6", "shift+tab", *["right"] * 4, "space")
        w = wizard(pilot)
        await pilot.press("tab", "ctrl+u", *"1102", "enter", *"0830", "enter", *"1100", "enter")
        await pilot.press(*"党员活动室", "enter", "enter", *"lisi", "enter")
        assert w.frame.step.id == "step-attendance"
        await pilot.press("pagedown", *"zs", "enter", "enter", "enter", *"新时代党员的担当")
        await pilot.press("enter", *"全体党员", "enter", "enter", "enter", "enter", *"讲述担当作为")
        await pilot.press("tab", *"学党史悟思想", "enter", "enter", "space", "enter", "space")
        await pilot.press("pagedown", "pagedown")
        await at_review(pilot)
        await pilot.press("ctrl+s")
        await saved(pilot)
    (meeting,) = read_file(branch_dir).meetings
    assert meeting.kinds == ["theme_day", "party_lecture"]
    assert meeting.lecture is not None and meeting.lecture.title == "新时代党员的担当"
    assert meeting.lecture.lecturer_id == "m01"
    assert meeting.theme_day is not None and meeting.theme_day.theme == "学党史悟思想"
    assert meeting.theme_day.required_actions == ["study"]
    text = minutes_text(branch_dir, meeting)
    assert "（本次活动同时计为：党课（2026年第1次））" in text
    assert "## 党课" in text and "## 主题党日活动" in text
    assert status_of(branch_dir, today, "LIFE-5", "2026-11") == "met"
    assert status_of(branch_dir, today, "LIFE-4", "2026") == "met"


async def test_the_minutes_viewer_wraps_long_cells(branch_dir: Path, today: dt.date) -> None:
    # Six on leave with their reasons: the 请假人员 cell is longer than a line; its end (the
    # last reason) is shown, not cut off with "…"; so is the note above the minutes.
    data = read_file(branch_dir)
    reasons = ["参加集团组织的专题培训班", "出差在外地开会", "家中有急事请假", "突发疾病住院治疗"]
    reasons += ["外出流动在外地工作", "陪同上级检查调研组"]
    rows = [
        Attendance(member_id=m.id, status="on_leave", reason=reasons[i])
        if i < len(reasons)
        else Attendance(member_id=m.id)
        for i, m in enumerate(data.members)
    ]
    meeting = Meeting(
        kinds=["general_meeting"],
        date=dt.date(2026, 11, 20),
        start="14:30",
        end="16:30",
        place="党员活动室",
        host_id="m01",
        recorder_id="m07",
        attendance=rows,
        topic="通报工作",
    )
    saved_meeting = save_meeting(Store.open(branch_dir), meeting, today=today)
    saved_meeting.path.unlink()  # rendered again for the view, with a note saying so
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "enter")
        await on_screen(pilot, MinutesView)
        view = app.screen.query_one("#minutes-text", Markdown)
        await settle(pilot, lambda: "陪同上级检查调研组" in view.source)
        await pilot.pause(0.2)
        top = screen_text(app)
        await pilot.press("down", "down", "down")  # the leave list's last line into view
        await pilot.pause(0.2)
        shown = screen_text(app).replace("\xa0", "").replace(" ", "")
    assert "陪同上级检查调研组" in shown.replace("│", "").replace("\n", ""), shown
    assert "…" not in shown
    note = top.replace("\xa0", "").replace(" ", "")
    assert "会议记录文件不存在" in note and "可重新写入文件）" in note  # the whole note


def _link_records(data_dir: Path) -> tuple[str, str]:
    """研究党费收缴 was also a study session (EDU-1); 通报工作 elected the first committee (ORG-4).
    Their ids, in that order."""
    store = Store.open(data_dir)
    data = store.snapshot()
    studied = next(m for m in data.meetings if m.topic == "研究党费收缴")
    general = next(m for m in data.meetings if m.topic == "通报工作")
    term = data.find("terms", "t1")
    term.elected_at_meeting_id = general.id
    with store.transaction() as tx:
        tx.insert(StudySession(date=studied.date, topic="学习党费规定", meeting_id=studied.id))
        tx.update(term)
    return studied.id, general.id


async def test_deleting_a_meeting_says_what_else_goes_and_leaves_no_dangling_pointer(
    branch_dir: Path, today: dt.date
) -> None:
    """d on a meeting a study session names: the question says the session loses the link and
    the ledger entry goes; afterwards doctor finds no pointer to a missing record. d on the
    meeting that elected the committee is refused, saying why, and nothing is asked."""
    save_records(branch_dir, today)
    studied, general = _link_records(branch_dir)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m")
        await on_screen(pilot, MeetingsScreen)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        await pilot.press("down", "down", "down", "d")  # 研究党费收缴
        await on_screen(pilot, ChoicePrompt)
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        assert prompt.prompt_title == (
            "删除：2026-10-09 支委会 研究党费收缴？同时删除台帐1条，另有集中学习1条去掉对其的引用。"
        )
        await pilot.press("down", "enter")
        await settle(pilot, lambda: len(screen.shown) == 4)
        assert "研究党费收缴" not in topics(screen)
        await pilot.press("home", "down", "down", "down", "d")  # 通报工作: elected the committee
        await pilot.pause(0.2)
        assert app.screen is screen  # refused at once: nothing to confirm
        said = " ".join(str(n.message) for n in app._notifications)
        assert "该会议是第1届支部委员会的选举会议，不能删除" in said
        assert len(screen.shown) == 4
    data = read_file(branch_dir)
    assert data.find("meetings", studied) is None and data.find("meetings", general) is not None
    (session,) = data.study_sessions
    assert session.meeting_id is None and session.topic == "学习党费规定"
    assert not [f for f in doctor(branch_dir) if f.level != OK and "指向" in f.message]
    assert dangling_references(data) == []
