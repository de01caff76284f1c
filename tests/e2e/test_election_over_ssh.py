"""组织体系 over a real ssh -tt login in an 80×24 tmux pane: a committee member leaves, the seat is
filled by a 补选 at a 支部党员大会 through the wizard (ORG-8: quorum, votes, result), by keys
only, and the duty is met in the same save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchtui.domain import committee
from branchtui.domain.election import voters_on
from branchtui.domain.obligations.engine import obligations_on
from branchtui.domain.records import Member
from branchtui.domain.search import name_initials, search_members
from branchtui.storage.store import Store

from .test_tui_over_ssh import (  # noqa: F401 (fixtures: demo_folder, data)
    STEP,
    TODAY,
    assert_sound,
    data,
    demo_folder,
    open_app,
)

if TYPE_CHECKING:
    from tests.e2e.conftest import Sshd, TmuxPane

pytestmark = pytest.mark.e2e
DAY = dt.date.fromisoformat(TODAY)


def found_by_initials(people: list[Member], among: list[Member]) -> list[Member]:
    """Members of ``people`` that their pinyin initials alone find among ``among``."""
    return [m for m in people if search_members(among, name_initials(m.name)) == [m]]


def test_a_by_election_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., TmuxPane],
    branchtui_bin: Path,
    data: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    before = Store.open(data).snapshot()
    term = committee.current_term(before, DAY)
    (vacancy,) = committee.open_vacancies(before, DAY)  # the demo's 宣传委员 left in October
    assert vacancy.role != "secretary" and term is not None
    voters = voters_on(before.active_members, DAY)
    unique = found_by_initials(voters, before.active_members)
    host, recorder, counter, scrutineer, candidate = unique[:5]

    pane = tmux()
    open_app(pane, sshd, branchtui_bin, data)
    pane.send("2")
    pane.wait_for("组织体系（ORG）", STEP)
    pane.send("c")
    pane.wait_for("空缺职务", STEP)
    pane.send("b")
    screen = pane.wait_for("第 1 步 / 共 7 步：选举方案", STEP)
    assert "ORG-8" in screen
    assert_sound(screen)
    pane.send("Enter", "Enter", "Enter")  # today; no approval needed; no document number
    pane.wait_for("选举大会", STEP)
    pane.send("Enter")  # 09:00 kept
    pane.type("党员活动室")
    pane.send("Enter")
    officers = ((host, "主持人"), (recorder, "记录人"), (counter, "计票人"), (scrutineer, "监票人"))
    for member, label in officers:
        pane.type(name_initials(member.name))  # the initials open the list, filtered by them
        pane.wait_for(f"选择{label}", STEP)
        pane.send("Enter")  # taken: a one-member field moves on by itself
        pane.wait_until(lambda s, n=member.name: n in s and "选举大会" in s, member.name, STEP)
        if label == "计票人":
            pane.send("Enter")  # a several-members field keeps the cursor: on to 监票人
    pane.send("PageDown")
    pane.wait_for("候选人须为正式党员", STEP)
    pane.type(name_initials(candidate.name))
    pane.wait_for("选择候选人", STEP)
    pane.send("Enter")
    screen = pane.wait_for("补选可等额选举", STEP)
    assert_sound(screen)
    pane.send("PageDown")
    screen = pane.wait_for("选举有效", STEP)
    assert f"应到会有选举权的党员{len(voters)}名，实到{len(voters)}名" in screen
    assert_sound(screen)
    pane.send("PageDown")
    pane.wait_for("各候选人得票", STEP)
    pane.send("Tab", "Tab")
    pane.type(str(len(voters)))
    pane.send("Tab")
    pane.type("0")
    pane.send("Tab")
    pane.type(str(len(voters) - 1))
    pane.send("PageDown")
    screen = pane.wait_for(f"{candidate.name}：{len(voters) - 1}票，当选", STEP)
    assert_sound(screen)
    pane.send("PageDown")
    screen = pane.wait_for("按 Ctrl+S 保存", STEP)
    assert "不能保存" not in screen
    pane.send("C-s")
    screen = pane.wait_for("已保存补选", STEP)
    assert_sound(screen)

    after = Store.open(data).snapshot()
    seat = next(s for s in after.seats if s.role == vacancy.role and s.since == DAY)
    assert (seat.member_id, seat.term_id) == (candidate.id, term.id)
    assert after.find("vacancies", vacancy.id).filled == DAY
    election = next(e for e in after.elections if e.kind == "by_election")
    assert election.voters_present == len(voters) and election.vacancy_id == vacancy.id
    assert [o.status for o in obligations_on(after, DAY) if o.rule == "ORG-8"] == ["met"]
    pane.send("C-q")
    pane.wait_until(lambda _s: pane.dead(), "退出后 ssh 会话结束", STEP)
