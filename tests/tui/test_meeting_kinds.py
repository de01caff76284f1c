"""One meeting of every kind recorded by keys alone (the 支委会 is test_meeting_keystrokes): the
stored record, the minutes file, and the dashboard's obligation for it turning met."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file
from textual.pilot import Pilot
from wizard_helpers import Keys, at_review, minutes_text, saved, status_of, wizard

from branchtui.domain.records import Meeting
from branchtui.tui.app import build_app
from branchtui.tui.obligations import compute_obligations


async def open_new(pilot: Pilot[None], digit: str) -> Keys:
    keys = Keys(pilot)
    await keys("3", "m", "n", digit)
    return keys


async def basics(keys: Keys, start: str, end: str, day: str = "") -> None:
    """Step 1: the date (today unless given), times, place; the usual host; 李四 records."""
    if day:
        await keys(*["backspace"] * 10)
        await keys.type(day)
    await keys("enter")
    await keys.type(start)
    await keys("enter")
    await keys.type(end)
    await keys("enter")
    await keys.type("党员活动室")
    await keys("enter", "enter")
    await keys.type("lisi")
    await keys("enter")


async def agenda(keys: Keys, title: str) -> None:
    # The step starts on its first field (会议主题, left empty here): Tab on to the agenda.
    w = wizard(keys.pilot)
    for _ in range(3):
        if keys.pilot.app.focused is w.query_one("#agenda-list"):
            break
        await keys("tab")
    await keys("a")
    await keys.type(title)
    await keys("enter")
    await keys.type("发言踊跃")
    await keys("ctrl+s")


async def finish(pilot: Pilot[None], keys: Keys) -> None:
    """From the attachments step: the review, then save."""
    await keys("pagedown")
    await at_review(pilot)
    await keys("ctrl+s")
    await saved(pilot)


def only_meeting(data_dir: Path) -> Meeting:
    (meeting,) = read_file(data_dir).meetings
    assert meeting.host_id and meeting.recorder_id == "m02"
    return meeting


async def test_general_meeting_with_a_vote(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "1")
        await basics(keys, "0900", "1100")
        await keys("pagedown")  # all twelve present
        await agenda(keys, "讨论刘芳转正")
        await keys("pagedown", "v")
        await keys.type("刘芳转为正式党员")
        await keys("enter", "enter", "enter")  # no candidate; 举手表决
        await keys.type("10")
        await keys("ctrl+s", "pagedown")
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    assert meeting.kinds == ["general_meeting"]
    (vote,) = meeting.votes
    assert (vote.motion, vote.method, vote.yes) == ("刘芳转为正式党员", "show_of_hands", 10)
    text = minutes_text(branch_dir, meeting)
    assert "2026年第1次党员大会" in text and "赞成10票" in text and "通过" in text
    assert status_of(branch_dir, today, "LIFE-1", "2026-Q4") == "met"


async def test_group_meeting_of_the_first_group(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "3")
        await keys("enter")  # 第一党小组
        w = wizard(pilot)
        assert w.work.meeting.group_id == "g1" and w.work.meeting.host_id == "m01"
        await basics(keys, "1900", "2030")
        assert len(w.work.meeting.attendance) == 5  # the group's five
        await keys("pagedown")
        await agenda(keys, "学习党章")
        await keys("pagedown", "pagedown")
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    assert meeting.kinds == ["group_meeting"] and meeting.group_id == "g1"
    assert "第一党小组2026年第1次党小组会" in minutes_text(branch_dir, meeting)
    found = compute_obligations(branch_dir, read_file(branch_dir), today).obligations
    first = [o for o in found if o.rule == "LIFE-3" and o.period == "2026-11" and "g1" in o.refs]
    assert [o.status for o in first] == ["met"]


async def test_all_member_study_counts_its_hours(branch_dir: Path, today: dt.date) -> None:
    before = compute_obligations(branch_dir, read_file(branch_dir), today).obligations
    (edu1,) = [o for o in before if o.rule == "EDU-1" and o.period == "2026"]
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "4")
        await basics(keys, "0900", "1200")
        await keys("pagedown")
        await keys.type("学习二十届四中全会精神")
        await keys("enter")
        await keys.type("原文学习")
        await keys("tab")
        await keys.type("3")
        await keys("enter")  # on to the agenda list (none at a study), then on
        await keys("pagedown")
        assert wizard(pilot).frame.step.id == "step-attachments"
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    assert meeting.kinds == ["all_member_study"] and meeting.study_hours == 3
    assert meeting.topic == "学习二十届四中全会精神"
    assert "学习二十届四中全会精神" in minutes_text(branch_dir, meeting)
    after = compute_obligations(branch_dir, read_file(branch_dir), today).obligations
    (counted,) = [o for o in after if o.rule == "EDU-1" and o.period == "2026"]
    assert counted.progress and edu1.progress and counted.progress[0] > edu1.progress[0]


async def test_party_lecture_by_the_secretary(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "5")
        await basics(keys, "1400", "1530")
        await keys("pagedown")
        await keys.type("zs")
        await keys("enter", "enter", "enter")  # 张三; no outside lecturer; post as recorded
        await keys.type("牢记初心使命")
        await keys("enter")
        await keys.type("全体党员")
        await keys("enter", "enter", "enter", "enter")  # 12 heard it for 90 minutes, 线下
        await keys.type("讲述党的历史")
        await keys("pagedown")  # no decisions at a lecture: on to attachments
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    lecture = meeting.lecture
    assert lecture is not None and lecture.lecturer_id == "m01"
    assert (lecture.title, lecture.listeners, lecture.duration_minutes) == ("牢记初心使命", 12, 90)
    assert lecture.lecturer_post == "支部书记"
    text = minutes_text(branch_dir, meeting)
    assert "牢记初心使命" in text and "张三" in text
    found = compute_obligations(branch_dir, read_file(branch_dir), today).obligations
    lectures = [o.status for o in found if o.rule == "LIFE-4" and o.period == "2026"]
    assert lectures[:2] == ["met", "met"]  # a lecture this year; the secretary gave it


async def test_theme_day_in_its_window_of_two_hours(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "6")
        await basics(keys, "0900", "1130", day="1102")
        await keys("pagedown")
        await keys.type("重温入党誓词")
        await keys("enter", "enter", "space", "enter", "space", "right", "space")
        await keys("pagedown")
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    assert meeting.date == dt.date(2026, 11, 2)
    day = meeting.theme_day
    assert day is not None and day.theme == "重温入党誓词"
    assert day.content_types == ["政治学习"] and day.required_actions == ["study", "oath"]
    assert "重温入党誓词" in minutes_text(branch_dir, meeting)
    assert status_of(branch_dir, today, "LIFE-5", "2026-11") == "met"


async def test_life_meeting_with_named_criticism(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "7")
        await basics(keys, "1400", "1700")
        await keys("pagedown", "pagedown")  # everyone present; no agenda: on to criticism
        assert wizard(pilot).frame.step.id == "step-life"
        await keys("e")  # 张三's 对照检查
        await keys.type("理论学习不够深入")
        await keys("ctrl+s", "c")
        await keys.type("lisi")
        await keys("enter", "enter")  # 李四 criticizes; no outside name
        await keys.type("联系群众不够")
        await keys("ctrl+s", "r")
        await keys.type("理论学习不深")
        await keys("ctrl+s", "pagedown")
        await finish(pilot, keys)
    meeting = only_meeting(branch_dir)
    life = meeting.life_meeting
    assert life is not None and meeting.criticism
    (exam,) = life.examinations
    assert exam.member_id == "m01" and exam.text == "理论学习不够深入"
    assert [(c.critic_id, c.text) for c in exam.criticisms] == [("m02", "联系群众不够")]
    assert [r.problem for r in life.rectifications] == ["理论学习不深"]
    assert "联系群众不够" in minutes_text(branch_dir, meeting)
    assert status_of(branch_dir, today, "LIFE-6", "2026") == "met"


async def test_appraisal_grades_every_full_member(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await open_new(pilot, "8")
        await basics(keys, "0900", "1130")
        await keys("pagedown", "pagedown")  # attendance; no agenda
        w = wizard(pilot)
        assert w.frame.step.id == "step-appraisal"
        # Roster order: 张三 … 郑丽; 刘芳 (6th) and 郑丽 (10th) are 预备党员: no grade.
        grades = ["1", "2", "2", "2", "2", "5", "1", "2", "2", "5", "2", "2"]
        for grade in grades:
            await keys("down" if grade == "5" else grade)
        status = str(w.query_one("#ap-status").render())
        assert "每名正式党员都已评定等次" in status, status
        await keys("pagedown")
        await finish(pilot, keys)
    data = read_file(branch_dir)
    (appraisal,) = data.appraisals
    (meeting,) = data.meetings
    assert appraisal.meeting_id == meeting.id and appraisal.year == 2026
    grades_of = {r.member_id: r.grade for r in appraisal.results}
    assert grades_of["m06"] == "" and grades_of["m10"] == ""
    assert grades_of["m01"] == "excellent" and grades_of["m02"] == "qualified"
    assert len(grades_of) == 12
    assert "民主评议" in minutes_text(branch_dir, meeting)
    assert status_of(branch_dir, today, "LIFE-7", "2026") == "met"


async def test_theme_day_activists_from_the_development_register(
    demo_dir: Path, today: dt.date
) -> None:
    from branchtui.domain.search import name_initials, search_members

    data = read_file(demo_dir)
    activists = [c for c in data.candidates if c.stage in ("activist", "target")]
    wanted = next(c for c in activists if search_members(activists, name_initials(c.name)) == [c])
    app = build_app(demo_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "m", "n", "6")
        if not hasattr(app.screen, "work"):
            await pilot.press("down", "enter")  # a draft of the demo: start afresh
        await pilot.press("pagedown", "pagedown")
        w = wizard(pilot)
        w.query_one("#theme_day-activist_ids").focus()
        await pilot.press(*name_initials(wanted.name), "enter")
        assert w.work.meeting.theme_day is None or not w.work.meeting.theme_day.activist_ids
        await pilot.press("pagedown")
        assert w.work.meeting.theme_day is not None
        assert w.work.meeting.theme_day.activist_ids == [wanted.id]
        await pilot.press("pagedown")
        await at_review(pilot)
        assert wanted.name in w.prepared.text  # type: ignore[union-attr]
