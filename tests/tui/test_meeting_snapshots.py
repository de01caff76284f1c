"""Each step of the meeting wizards pinned at 80×24 on the fixed branch (2026-11-27), and the
会议记录, 民主评议 and 台账体检 screens. Re-run with --snapshot-update after an intended change
and look at the SVGs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from textual.pilot import Pilot
from wizard_helpers import at_review

from branchtui.domain.records import Meeting
from branchtui.storage.minutes import save_meeting
from branchtui.storage.store import Store
from branchtui.tui.app import build_app

Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def committee_basics(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n", "2", "enter", *"1430", "enter", *"1600", "enter")
    await pilot.press(*"党员活动室", "enter")


async def committee_attendance(pilot: Pilot[Any]) -> None:
    await committee_basics(pilot)
    await pilot.press("enter", *"lisi", "enter", "down", "space", *"到党校学习", "enter")


async def committee_topics(pilot: Pilot[Any]) -> None:
    await committee_attendance(pilot)
    # The attendance step's toast (李四, the recorder, on leave) lasts 6 s: whether it is still
    # up when a later step is pinned depends on the machine's speed. Those steps show without it.
    pilot.app.clear_notifications()
    await pilot.press("pagedown", "enter")  # from 会议主题 to the agenda
    await pilot.press("a", *"研究发展党员工作", "enter", *"讨论刘芳转正", "ctrl+s")
    await pilot.press("s", *"hzq", "enter", "enter", *"同意按期转正", "ctrl+s")
    await pilot.press("a", *"部署年底党费收缴", "ctrl+s")


async def committee_decisions(pilot: Pilot[Any]) -> None:
    await committee_topics(pilot)
    await pilot.press("pagedown", "a", *"同意刘芳按期转正并提交党员大会", "enter", *"zs")
    await pilot.press("enter", *"1215", "ctrl+s", "v", *"刘芳按期转正", "enter", "enter")
    await pilot.press("enter", *"3", "ctrl+s")


async def committee_attachments(pilot: Pilot[Any]) -> None:
    await committee_decisions(pilot)
    await pilot.press("pagedown", "p", *"/没有这个文件.jpg", "enter")
    await pilot.pause(0.5)


async def committee_review(pilot: Pilot[Any]) -> None:
    await committee_decisions(pilot)
    await pilot.press("pagedown", "pagedown")
    await at_review(pilot)
    await pilot.pause(0.3)


async def theme_day_basics(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n", "6", "enter", *"0900", "enter", *"1030", "enter")


async def theme_day_topics(pilot: Pilot[Any]) -> None:
    await theme_day_basics(pilot)
    await pilot.press(*"会议室", "enter", "enter", *"lisi", "enter", "pagedown")
    await pilot.press(
        *"重温入党誓词", "enter", "enter", "space", "enter", "space", "right", "space"
    )


async def lecture_topics(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n", "5", "pagedown", "pagedown", *"zs", "enter")


async def life_criticism(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n", "7", "pagedown", "pagedown", "pagedown")
    await pilot.press("e", *"理论学习不够", "ctrl+s", "c", *"lisi", "enter", "enter")
    await pilot.press(*"联系群众不够", "ctrl+s", "r", *"理论学习不深", "ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    # Where the step scrolls to after the dialog closes depends on timing: show its top.
    pilot.app.screen.query_one("#step-life VerticalScroll").scroll_home(animate=False)


async def appraisal_grades(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n", "8", "pagedown", "pagedown", "pagedown")
    # 刘芳 (6th) and 郑丽 (10th) are 预备党员: passed over.
    await pilot.press("1", "2", "2", "2", "2", "down", "1", "2", "2", "down", "2")


async def meetings_list(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m")


async def record_checks(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "c")
    await settle(
        pilot, lambda: "处问题" in str(pilot.app.screen.query_one("#checks-info").render())
    )


async def kind_prompt(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "m", "n")


SCREENS: dict[str, Steps] = {
    "kind_prompt": kind_prompt,
    "committee_1_basics": committee_basics,
    "committee_2_attendance": committee_attendance,
    "committee_3_topics": committee_topics,
    "committee_4_decisions": committee_decisions,
    "committee_5_attachments": committee_attachments,
    "committee_6_review": committee_review,
    "theme_day_1_window": theme_day_basics,
    "theme_day_3_topics": theme_day_topics,
    "lecture_3_topics": lecture_topics,
    "life_meeting_4_criticism": life_criticism,
    "appraisal_4_grades": appraisal_grades,
    "meetings_list": meetings_list,
    "record_checks": record_checks,
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_meeting_screen_80x24(
    name: str, branch_dir: Path, today: dt.date, snap_compare: Any
) -> None:
    store = Store.open(branch_dir)
    for day, place in ((dt.date(2026, 10, 9), ""), (dt.date(2026, 11, 3), "党员活动室")):
        meeting = {
            "kinds": ["committee_meeting"],
            "date": day,
            "start": "09:00",
            "end": "10:30",
            "place": place,
            "host_id": "m01",
            "recorder_id": "m02",
            "topic": "研究本月工作",
        }
        save_meeting(store, Meeting(**meeting), today=today)  # type: ignore[arg-type]

    async def run(pilot: Pilot[Any]) -> None:
        await SCREENS[name](pilot)
        await pilot.app.workers.wait_for_complete()
        # A list scrolled into view after a dialog closes moves by animation: let it end.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.2)
        await pilot.wait_for_scheduled_animations()

    app = build_app(branch_dir, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)
