"""The meeting wizard's promises: back from the review to step 1 and forward loses nothing; the
draft survives a dropped session and is offered again; a save conflict is reported, not
overwritten; a missing attachment is an error message; a 台账体检 defect opens the field that
fixes it; deletion asks first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import read_file, settle
from textual import events
from textual.widgets import Input, Static
from wizard_helpers import at_review, minutes_text, saved, wizard

from branchtui.domain.records import Meeting
from branchtui.storage.minutes import save_meeting
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.meetings import MeetingsScreen
from branchtui.tui.screens.wizards.meeting import MeetingWizard


def committee(today: dt.date, **fields: object) -> Meeting:
    values: dict[str, object] = {
        "kinds": ["committee_meeting"],
        "date": dt.date(2026, 11, 10),
        "start": "14:30",
        "end": "16:00",
        "place": "党员活动室",
        "host_id": "m01",
        "recorder_id": "m02",
        "topic": "研究发展党员",
    }
    values.update(fields)
    return Meeting(**values)  # type: ignore[arg-type]


async def test_back_from_review_to_step_one_and_forward_loses_nothing(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"\xff\xd8 a scan")
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "1", "enter", *"0900", "enter", *"1100", "enter")
        await pilot.press(*"会议室", "enter", "enter", *"lisi", "enter")
        await pilot.press("down", "space", *"病假", "enter", "pagedown")
        await pilot.press("tab", "tab")  # from 会议主题 and 学习时长 to the agenda
        await pilot.press("a", *"议题一", "enter", *"讨论", "ctrl+s")
        await pilot.press("s", *"ww", "enter", "enter", *"同意", "ctrl+s", "pagedown")
        await pilot.press("a", *"按期转正", "enter", *"zs", "enter", *"1231", "ctrl+s")
        await pilot.press("v", *"表决", "enter", "enter", "enter", *"9", "ctrl+s", "pagedown")
        await pilot.press("p", *str(photo), "enter")
        w = wizard(pilot)
        await settle(pilot, lambda: bool(w.work.meeting.photo_ids))
        await pilot.press("pagedown")
        await at_review(pilot)
        assert w.prepared is not None
        before, minutes = w.work.meeting.to_dict(), w.prepared.text
        await pilot.press("f2", "1")
        assert w.frame.step.id == "step-basics"
        assert w.query_one("#basics-start", Input).value == "09:00"
        assert w.query_one("#basics-place", Input).value == "会议室"
        for _ in range(5):
            await pilot.press("pagedown")
        await at_review(pilot)
        assert w.work.meeting.to_dict() == before
        assert w.prepared.text == minutes
        await pilot.press("ctrl+s")
        await saved(pilot)
    (meeting,) = read_file(branch_dir).meetings
    assert meeting.start == "09:00" and meeting.agenda[0].speeches[0].member_id == "m03"
    assert meeting.agenda[0].decisions[0].due == dt.date(2026, 12, 31)
    assert meeting.votes[0].yes == 9 and len(meeting.photo_ids) == 1
    (attachment,) = read_file(branch_dir).attachments
    assert (branch_dir / "attachments" / attachment.file_name).read_bytes() == b"\xff\xd8 a scan"
    text = minutes_text(branch_dir, meeting)
    assert "王五" in text and "同意" in text and "签到表.jpg" in text


async def test_a_missing_attachment_is_said_not_raised(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "4", "pagedown", "pagedown", "pagedown")
        w = wizard(pilot)
        assert w.frame.step.id == "step-attachments"
        await pilot.press("p", *"/没有/这个/文件.jpg", "enter")
        error = w.query_one("#attachment-error", Static)
        await settle(pilot, lambda: "找不到文件" in str(error.render()))
        await pilot.press("s", *str(branch_dir), "enter")
        await settle(pilot, lambda: "是一个目录" in str(error.render()))
        assert not w.work.meeting.photo_ids and not w.work.attachments


async def test_a_dropped_session_keeps_the_draft_and_offers_it(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2", "enter", *"0830", "enter", "enter", *"三楼会议室")
        await pilot.press("pagedown", "down", "space", *"出差", "enter", "pagedown")
        assert wizard(pilot).frame.step.id == "step-topics"
    # The session ends with the wizard open (an SSH drop): the draft is on disk.
    assert list((branch_dir / "drafts").glob("*.json"))
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m")
        status = str(app.screen.query_one("#meeting-count", Static).render())
        assert "未完成的草稿 1 份" in status
        await pilot.press("n", "2")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("enter")  # 继续填写草稿
        w = wizard(pilot)
        assert w.frame.step.id == "step-topics"
        m = w.work.meeting
        assert (m.start, m.place) == ("08:30", "三楼会议室")
        assert [a.reason for a in m.attendance if a.status == "on_leave"] == ["出差"]
        await pilot.press("enter", "a", *"学习", "ctrl+s", "ctrl+s")  # from 会议主题 to the agenda
        await at_review(pilot)
        await pilot.press("ctrl+s")
        await saved(pilot)
    (meeting,) = read_file(branch_dir).meetings
    assert meeting.place == "三楼会议室" and meeting.agenda[0].title == "学习"
    assert not list((branch_dir / "drafts").glob("*.json"))


async def test_a_save_conflict_is_reported_not_overwritten(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    first = save_meeting(store, committee(today), today=today).meeting
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "e")
        w = wizard(pilot)
        assert w.work.amending and w.work.meeting.id == first.id
        # Meanwhile another session amends the same record.
        other = Meeting.from_dict(first.to_dict())
        other.place = "另一会话改的地点"
        save_meeting(Store.open(branch_dir), other, reason="另一会话", today=today)
        await pilot.press("ctrl+s")  # to the review
        await at_review(pilot)
        await pilot.press("ctrl+s")
        summary = w.query_one("#review-summary", Static)
        await settle(pilot, lambda: "未保存" in str(summary.render()))
        assert isinstance(app.screen, MeetingWizard)
    (stored,) = read_file(branch_dir).meetings
    assert stored.place == "另一会话改的地点" and len(stored.amendments) == 1


async def test_record_checks_open_the_field_that_fixes_a_defect(
    branch_dir: Path, today: dt.date
) -> None:
    store = Store.open(branch_dir)
    save_meeting(store, committee(today, place=""), today=today)
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "c")
        info = app.screen.query_one("#checks-info", Static)
        await settle(pilot, lambda: "处问题" in str(info.render()))
        defects = app.screen.defects  # type: ignore[attr-defined]
        row = next(i for i, d in enumerate(defects) if d.field == "place")
        await pilot.press(*["down"] * row, "enter")
        w = wizard(pilot)
        await settle(pilot, lambda: app.focused is w.query_one("#basics-place"))
        await pilot.press(*"党员活动室", "ctrl+s")
        await at_review(pilot)
        await pilot.press("ctrl+s")
        await saved(pilot)
        await settle(pilot, lambda: "未填写会议地点" not in str(app.screen.defects))  # type: ignore[attr-defined]
    (meeting,) = read_file(branch_dir).meetings
    assert meeting.place == "党员活动室" and len(meeting.amendments) == 1


async def test_delete_asks_first_and_removes_the_minutes(branch_dir: Path, today: dt.date) -> None:
    saved_meeting = save_meeting(Store.open(branch_dir), committee(today), today=today)
    assert saved_meeting.path.exists()
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "d", "enter")  # the first choice keeps it
        assert len(read_file(branch_dir).meetings) == 1
        await pilot.press("d", "down", "enter")
        await settle(pilot, lambda: not app.screen.shown)  # type: ignore[attr-defined]
        assert isinstance(app.screen, MeetingsScreen)
    assert not read_file(branch_dir).meetings
    assert not saved_meeting.path.exists()


async def test_a_priority_key_is_done_at_once(branch_dir: Path, today: dt.date) -> None:
    # PgDn is a priority binding of the wizard: it never bubbles back, so the app must not
    # hold the next keys waiting for it.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2")
        await app.on_event(events.Key("pagedown", None))
        assert app._key_done
        await settle(pilot, lambda: wizard(pilot).frame.step.id == "step-attendance")


async def test_the_review_shows_a_late_entry_at_the_first_save(
    branch_dir: Path, today: dt.date
) -> None:
    # SYS-3: a record entered weeks after the meeting says so before it is saved, with the
    # delay, even when other warnings fill the summary.
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2", *["backspace"] * 10, *"0504", "ctrl+s")
        await at_review(pilot)
        summary = str(wizard(pilot).query_one("#review-summary", Static).render())
    assert "会后补记：会议后第" in summary and "2026-11-27" in summary
    lines = summary.splitlines()
    assert len(lines) <= 7 and "会后补记" in lines[2], lines


def test_review_warnings_that_do_not_fit_are_counted() -> None:
    from branchtui.domain.meetings.checks import Defect
    from branchtui.tui.screens.wizards.meeting_steps.review import review_summary

    defects = [
        Defect("x", "meetings", dt.date(2026, 5, 4), "t", f"f{i}", f"第{i}处问题" * 3, "SYS-3")
        for i in range(9)
    ]
    late = Defect("x", "meetings", dt.date(2026, 5, 4), "t", "entered_on", "会后补记", "SYS-3")
    lines = review_summary([], [*defects, late], 76, 7).plain.splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("台账体检提示10处") and "会后补记" in lines[1]
    assert lines[-1] == "  ……另有5处，保存后在「台账体检」中查看"


async def test_a_draft_taken_over_by_another_login_is_left_to_it(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2", "enter", *"0830", "pagedown")
        w = wizard(pilot)
        assert w.frame.step.id == "step-attendance"
        (path,) = (branch_dir / "drafts").glob("*.json")
        # Meanwhile another login of the secretary continues the same draft (and claims it).
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["state"]["session"] = "another-login"
        doc["meeting"]["place"] = "另一会话的地点"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        await pilot.press("down", "space", *"出差", "enter")
        said = lambda: " ".join(str(n.message) for n in app._notifications)  # noqa: E731
        await settle(pilot, lambda: "另一会话已接着填写这份草稿" in said())
        assert json.loads(path.read_text(encoding="utf-8"))["meeting"]["place"] == "另一会话的地点"
        # This session's record is still its own to save.
        await pilot.press("ctrl+s")
        await at_review(pilot)
        await pilot.press("ctrl+s")
        await saved(pilot)
    assert path.exists()  # the other login's draft is not removed
    (meeting,) = read_file(branch_dir).meetings
    assert [a.reason for a in meeting.attendance if a.status == "on_leave"] == ["出差"]
    assert meeting.place != "另一会话的地点"


async def test_an_agenda_item_past_its_declared_length_is_refused_beside_it(
    branch_dir: Path, today: dt.date
) -> None:
    from branchtui.tui.screens.wizards.form_dialog import FormDialog

    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "1", "enter", *"0900", "enter", *"1100", "enter")
        await pilot.press(*"会议室", "enter", "enter", *"lisi", "enter", "pagedown")
        await pilot.press("tab", "tab")  # from 会议主题 and 学习时长 to the agenda
        await pilot.press("a", *("题" * 61), "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, FormDialog))
        error = app.screen.query_one("#dlg-title-error", Static)
        await settle(pilot, lambda: "不能超过60个字" in str(error.render()))
        assert str(error.render()) == "议题不能超过60个字（现为61个字）"
        assert isinstance(app.screen, FormDialog)  # not taken into the meeting
        await pilot.press("backspace", "ctrl+s")
        await settle(pilot, lambda: not isinstance(app.screen, FormDialog))
        assert wizard(pilot).work.meeting.agenda[0].title == "题" * 60


async def test_officers_away_are_warned_and_steps_start_on_their_first_field(
    branch_dir: Path, today: dt.date
) -> None:
    """The host marked away is warned of at once in the attendance step (the review lists it
    with the record checks); a fixed field's error goes as it is typed; step 3 of a 支委会
    starts on 会议主题 (typing there types) and Shift+Tab comes back to it from the agenda."""
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "2", "enter", *"1600", "enter", *"1500", "pagedown")
        w = wizard(pilot)
        error = w.query_one("#basics-end-error", Static)
        await settle(pilot, lambda: "结束时间应晚于开始时间" in str(error.render()))
        await pilot.press(*["backspace"] * 5, *"1700")
        await settle(pilot, lambda: str(error.render()) == "")
        assert w.work.meeting.host_id == "m01"  # 张三, the secretary, hosts
        await pilot.press("pagedown")
        await settle(pilot, lambda: w.frame.step.id == "step-attendance")
        await pilot.press("space", *"出差", "enter")  # the host on leave
        counts = w.query_one("#attendance-counts", Static)
        warning = "注意：张三是本次会议的主持人，却标为请假；请改为出席，或另选主持人"
        await settle(pilot, lambda: warning in str(counts.render()))
        said = " ".join(str(n.message) for n in app._notifications)
        assert "张三是本次会议的主持人，却标为请假" in said
        await pilot.press("space", "escape", "space")  # 请假 → 缺席 → 出席
        await settle(pilot, lambda: "注意" not in str(counts.render()))
        await pilot.press("pagedown")
        await settle(pilot, lambda: w.frame.step.id == "step-topics")
        topic = w.query_one("#summary-topic", Input)
        await settle(pilot, lambda: app.focused is topic)
        await pilot.press(*"abc")
        assert topic.value == "abc" and not w.work.meeting.agenda
        await pilot.press("enter")
        agenda = w.query_one("#agenda-list")
        await settle(pilot, lambda: app.focused is agenda)
        await pilot.press("shift+tab")
        await settle(pilot, lambda: app.focused is topic)
