"""Driving the meeting wizard in Pilot tests: counted keys, typed text, waiting for the review
and the save, and a branch whose committee has seven members."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import read_file, settle
from fixture_branch import fixture_data
from textual.pilot import Pilot

from branchtui.domain.records import BranchData, CommitteeSeat, Meeting
from branchtui.storage.store import Store
from branchtui.tui.obligations import compute_obligations
from branchtui.tui.screens.wizards.meeting import MeetingWizard

# 张三 (m01) 书记, 李四 (m02) 组织委员, 黄志强 (m07) 宣传委员 are the fixture's seats.
MORE_SEATS = (
    ("s4", "deputy_secretary", "m05"),  # 陈晓明
    ("s5", "discipline", "m03"),  # 王五
    ("s6", "other", "m04"),  # 赵六
    ("s7", "other", "m11"),  # 孙建国
)


def seven_seat_data(today: dt.date) -> BranchData:
    data = fixture_data(today)
    data.vacancies.clear()
    for seat_id, role, member_id in MORE_SEATS:
        data.seats.append(
            CommitteeSeat(
                id=seat_id, term_id="t1", role=role, member_id=member_id, since=dt.date(2025, 6, 1)
            )
        )
    return data


def write_seven_seats(data_dir: Path, today: dt.date) -> None:
    Store.open(data_dir, create=True).replace_all(seven_seat_data(today))


class Keys:
    """Presses keys through Pilot, counting every key that is not typed text."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        """Text the user types (not counted): each character as its key."""
        await self.pilot.press(*text)


def wizard(pilot: Pilot[Any]) -> MeetingWizard:
    screen = pilot.app.screen
    assert isinstance(screen, MeetingWizard), screen
    return screen


async def at_review(pilot: Pilot[Any]) -> MeetingWizard:
    """Wait until the review shows the minutes (rendered in a worker)."""
    try:
        await settle(pilot, lambda: getattr(pilot.app.screen, "prepared", None) is not None, 30)
    except AssertionError:
        w = wizard(pilot)
        said = [str(n.message) for n in pilot.app._notifications]
        summary = str(w.query_one("#review-summary").render()) if w.step.STEP_ID == "review" else ""
        raise AssertionError(f"no review at {w.step.STEP_ID}: {summary} {said}") from None
    return wizard(pilot)


async def saved(pilot: Pilot[Any]) -> None:
    """Wait until the wizard has closed after saving."""
    await settle(pilot, lambda: not isinstance(pilot.app.screen, MeetingWizard), 30)


def stored_meetings(data_dir: Path) -> list[Meeting]:
    return read_file(data_dir).meetings


def status_of(data_dir: Path, on: dt.date, rule: str, period: str) -> str:
    """The obligation's status as the dashboard computes it."""
    found = compute_obligations(data_dir, read_file(data_dir), on)
    statuses = [ob.status for ob in found.obligations if ob.rule == rule and ob.period == period]
    assert statuses, f"{rule} {period} not judged"
    return statuses[0]


def minutes_text(data_dir: Path, meeting: Meeting) -> str:
    assert meeting.minutes_path, "no minutes path stored"
    return (data_dir / meeting.minutes_path).read_text(encoding="utf-8")
