"""NAT-1, NAT-2: a meeting without its quorum decides nothing. Its decisions are refused where
they are typed and when it is saved; an old record that has some is printed as 提出的事项, not
as decided; the monthly and year reports say the meeting could not decide, while it still
counts as held (LIFE-2 counts meetings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchtui.domain.meetings.minutes import minutes_context
from branchtui.domain.meetings.votes import can_decide, decision_problems
from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from branchtui.domain.records import AgendaItem, BranchData, Decision, Meeting, Member
from branchtui.storage.errors import InvalidRecordError
from branchtui.storage.minutes import render_minutes, save_meeting
from branchtui.storage.reports import render_monthly, render_year
from branchtui.storage.store import Store
from tests.unit.obligations.conftest import (
    D,
    add_committee,
    add_meeting,
    add_members,
    make_data,
)

DAY = D(2026, 11, 20)
TODAY = D(2026, 11, 27)
DECIDED = "12月1日开展主题党日"


def _branch() -> tuple[BranchData, list[Member]]:
    data = make_data()
    members = add_members(data, 6)
    add_committee(data, D(2025, 1, 1), members[:3])  # a committee of three
    return data, members


def _agenda() -> list[AgendaItem]:
    return [AgendaItem(title="主题党日安排", decisions=[Decision(text=DECIDED)])]


def _committee(data: BranchData, members: list[Member], present: int) -> Meeting:
    """A 支委会 with the first ``present`` of the committee there, the rest absent."""
    return add_meeting(
        data,
        "committee_meeting",
        DAY,
        attendees=members[:present],
        absent=members[present:3],
        topic="研究主题党日",
        agenda=_agenda(),
    )


def test_one_of_three_cannot_decide_two_of_three_can() -> None:
    data, members = _branch()
    one = _committee(data, members, 1)
    assert not can_decide(one, data)
    assert decision_problems(one, data) == {
        "agenda.0.decisions.0.text": "到会委员1名，未超过应到3名的半数，不能作出决定（NAT-2）"
    }
    two = _committee(data, members, 2)
    assert can_decide(two, data) and decision_problems(two, data) == {}


def test_a_general_meeting_without_its_quorum_cannot_decide_either() -> None:
    data, members = _branch()
    meeting = add_meeting(
        data, "general_meeting", DAY, attendees=members[:3], absent=members[3:], agenda=_agenda()
    )
    assert decision_problems(meeting, data) == {
        "agenda.0.decisions.0.text": (
            "到会有表决权的正式党员3名，未超过应到6名的半数，不能作出决定（NAT-1）"
        )
    }


def test_no_rule_or_no_committee_recorded_stops_nothing() -> None:
    data, members = _branch()
    group = add_meeting(data, "group_meeting", DAY, attendees=members[:1], agenda=_agenda())
    assert can_decide(group, data) and decision_problems(group, data) == {}
    bare = make_data()
    people = add_members(bare, 3)
    meeting = add_meeting(bare, "committee_meeting", DAY, attendees=people[:1], agenda=_agenda())
    assert can_decide(meeting, bare)  # no seats recorded: ORG-5's business, not this one's


@pytest.fixture
def store(data_dir: Path) -> Store:
    data, _members = _branch()
    opened = Store.open(data_dir, create=True)
    opened.replace_all(data)
    return opened


def test_saving_decisions_of_an_inquorate_meeting_is_refused(store: Store) -> None:
    data = store.snapshot()
    scratch = BranchData(branch=data.branch, tables={k: list(v) for k, v in data.tables.items()})
    meeting = _committee(scratch, list(data.members), 1)  # not in the store's data
    with pytest.raises(InvalidRecordError) as caught:
        save_meeting(store, meeting, today=TODAY)
    message = caught.value.message
    assert "到会委员1名，未超过应到3名的半数，不能作出决定（NAT-2）" in message
    assert "请删除决定事项" in message
    assert store.snapshot().meetings == []
    assert not (store.data_dir / "minutes").exists()
    # Without its decisions it is saved, and counts as the month's 支委会 (LIFE-2).
    meeting.agenda[0].decisions.clear()
    save_meeting(store, meeting, today=TODAY)
    (life2,) = [
        ob
        for ob in obligations_on(store.snapshot(), TODAY)
        if ob.rule == "LIFE-2" and ob.period == "2026-11"
    ]
    assert life2.status == "met"


def test_an_old_inquorate_record_is_not_printed_as_decided(store: Store) -> None:
    """A record saved before (or whose committee changed since): its minutes, the month's
    report and the year's all say it could not decide."""
    data = store.snapshot()
    scratch = BranchData(branch=data.branch, tables={k: list(v) for k, v in data.tables.items()})
    meeting = _committee(scratch, list(data.members), 1)
    store.add(meeting)
    data = store.snapshot()
    context = minutes_context(meeting, data, get_profile(None))
    assert context["attendance"]["can_decide"] is False
    minutes = render_minutes(store.data_dir, data, meeting)
    assert "应到委员3名，实到1名，未超过半数，不符合规定人数，会议不能作出决定。" in minutes
    assert "决定事项：" not in minutes
    assert f"提出的事项（到会人数未超过半数，会议未能作出决定）：\n\n- {DECIDED}" in minutes
    monthly = render_monthly(store, "2026-11", TODAY)
    row = next(line for line in monthly.splitlines() if "2026年11月20日" in line)
    assert "研究主题党日（到会人数未超过半数，会议不能作出决定）" in row
    year = render_year(store, 2026, TODAY)
    assert (
        "其中2026年11月20日支部委员会会议到会人数未超过半数，会议不能作出决定（NAT-1、NAT-2）。"
        in year
    )
