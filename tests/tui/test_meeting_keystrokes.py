"""Issue 8's keystroke budget: a 支委会 of 7 people, one on leave with a reason, two agenda items
and one resolution, from the dashboard in at most 30 keys besides the typed text; the record,
the minutes file and the dashboard's LIFE-2 show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import read_file, settle
from wizard_helpers import (
    Keys,
    at_review,
    minutes_text,
    saved,
    status_of,
    wizard,
    write_seven_seats,
)

from branchtui.tui.app import build_app
from branchtui.tui.screens.dashboard import DashboardScreen

BUDGET = 30


async def test_committee_meeting_of_seven_in_thirty_keys(data_dir: Path, today: dt.date) -> None:
    write_seven_seats(data_dir, today)
    assert status_of(data_dir, today, "LIFE-2", "2026-11") != "met"
    app = build_app(data_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await keys("3", "m", "n", "2")  # 组织生活, 会议记录, 新建, 支部委员会会议
        w = wizard(pilot)
        # Step 1: the date is today; the secretary hosts; the recorder is picked by pinyin.
        await keys("enter")
        await keys.type("1430")
        await keys("enter")
        await keys.type("1600")
        await keys("enter")
        await keys.type("党员活动室")
        await keys("enter", "enter")
        await keys.type("lisi")
        await keys("enter")  # picks 李四 and goes on to step 2
        assert w.frame.step.id == "step-attendance"
        # Step 2: 李四 (the second) is on leave.
        await keys("down", "space")
        await keys.type("到省委党校学习")
        await keys("enter", "pagedown")
        # Step 3 starts on 会议主题 (left empty: the agenda says it); Enter goes on to the agenda.
        await keys("enter")
        # Two agenda items with notes.
        for title, notes in (
            ("研究发展党员工作", "讨论刘芳转正"),
            ("部署年底党费收缴", "按时足额"),
        ):
            await keys("a")
            await keys.type(title)
            await keys("enter")
            await keys.type(notes)
            await keys("ctrl+s")
        await keys("pagedown")
        # Step 4: one resolution with the person responsible.
        await keys("a")
        await keys.type("同意提交支部党员大会讨论刘芳转正")
        await keys("enter")
        await keys.type("zs")
        await keys("enter", "ctrl+s", "pagedown")
        await keys("pagedown")  # no attachments
        await at_review(pilot)
        await keys("ctrl+s")
        await saved(pilot)
        assert keys.count <= BUDGET, f"{keys.count} keys"
        # The toast names the minutes in Chinese, not by the file's coded name.
        said = " ".join(str(n.message) for n in app._notifications)
        assert "会议记录已写入：2026年11月27日 支部委员会会议《研究发展党员工作》" in said
        assert "committee_meeting" not in said and ".md" not in said
        print(f"支委会 recorded in {keys.count} keys (budget {BUDGET})")
        # Back on the dashboard, this month's 支委会 is done.
        await pilot.press("1")
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        await settle(pilot, lambda: bool(dashboard.obligations))
        life2 = [
            ob for ob in dashboard.obligations if ob.rule == "LIFE-2" and ob.period == "2026-11"
        ]
        assert [ob.status for ob in life2] == ["met"]

    (meeting,) = read_file(data_dir).meetings
    assert meeting.kinds == ["committee_meeting"]
    assert (meeting.date, meeting.start, meeting.end, meeting.place) == (
        today,
        "14:30",
        "16:00",
        "党员活动室",
    )
    assert (meeting.host_id, meeting.recorder_id) == ("m01", "m02")
    rows = {a.member_id: (a.status, a.reason) for a in meeting.attendance}
    assert len(rows) == 7 and rows["m02"] == ("on_leave", "到省委党校学习")
    assert sum(1 for s, _ in rows.values() if s == "present") == 6
    assert [a.title for a in meeting.agenda] == ["研究发展党员工作", "部署年底党费收缴"]
    (decision,) = meeting.agenda[0].decisions
    assert decision.text == "同意提交支部党员大会讨论刘芳转正" and decision.owner_id == "m01"
    text = minutes_text(data_dir, meeting)
    assert "2026年第1次会议" in text and "李四（到省委党校学习）" in text
    assert "应到委员7名，实到6名，超过半数，符合规定人数" in text
    assert "同意提交支部党员大会讨论刘芳转正（责任人：张三）" in text
    assert status_of(data_dir, today, "LIFE-2", "2026-11") == "met"
    assert not (data_dir / "drafts").exists() or not list((data_dir / "drafts").glob("*.json"))
