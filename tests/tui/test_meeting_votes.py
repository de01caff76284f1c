"""Votes through the wizard (NAT-1): quorum just reached and just missed, and a 预备党员's vote not
counted; the verdict is computed as the attendance and the tally are keyed in, and an invalid
vote is said plainly. The fixed branch has 10 正式党员 and 2 预备党员 (刘芳, 郑丽)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static
from wizard_helpers import wizard

from branchtui.tui.app import build_app
from branchtui.tui.widgets.record_list import RecordList


async def vote_at_general_meeting(pilot: Pilot[None], on_leave: int, yes: int) -> tuple[str, str]:
    """A 党员大会 with the first ``on_leave`` of the roster on leave and one vote: the quorum
    line and the vote's line as step 4 shows them."""
    await pilot.press("3", "m", "n", "1", "pagedown")
    for _ in range(on_leave):  # the first five of the roster are 正式党员
        await pilot.press("space", *"出差", "enter", "down")
    await pilot.press("pagedown", "pagedown", "v", *"接收预备党员", "enter", "enter", "enter")
    await pilot.press(*str(yes), "ctrl+s")
    w = wizard(pilot)
    quorum = str(w.query_one("#quorum-line", Static).render())
    votes = w.query_one("#vote-list", RecordList)
    return quorum, str(votes.get_option_at_index(0).prompt)


async def test_quorum_just_reached_and_the_motion_passes(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        quorum, vote = await vote_at_general_meeting(pilot, on_leave=4, yes=6)
    assert "应到有表决权的正式党员10名，实到6名，超过半数，符合规定人数" in quorum
    assert "赞成6票" in vote and "通过" in vote and "未通过" not in vote


async def test_quorum_just_missed_makes_the_vote_invalid(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        quorum, vote = await vote_at_general_meeting(pilot, on_leave=5, yes=5)
    assert "实到5名，未超过半数，不符合规定人数，会议不能作出决定" in quorum
    assert "到会人数未超过半数，表决无效" in vote


async def test_yes_votes_must_exceed_half_of_those_entitled(
    branch_dir: Path, today: dt.date
) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        _quorum, vote = await vote_at_general_meeting(pilot, on_leave=4, yes=5)
    assert "赞成票未超过应到会有表决权的正式党员（10名）的半数，未通过" in vote


async def test_probationary_members_have_no_vote(branch_dir: Path, today: dt.date) -> None:
    app = build_app(branch_dir, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        # Everyone present: twelve people, ten with a vote; twelve "yes" cannot be.
        quorum, vote = await vote_at_general_meeting(pilot, on_leave=0, yes=12)
    assert "实到10名" in quorum and "预备党员出席2名：有发言权，无表决权，不计入票数" in quorum
    assert "票数合计12超过实到人数10，表决无效" in vote
