"""Who should attend a meeting, who came, and the head counts of the minutes.

应到 (expected) is everyone the meeting's kinds expect — all members of the branch on the day,
the committee, or the group — plus anyone the secretary listed as present, on leave or absent;
an expected person not on the list counts as absent (as for EDU-7). 列席 (observers) are not
counted in 应到: members who sat in are attendance rows with status ``observer``, others are the
meeting's ``observers``. For a 支部党员大会 the counts of 正式党员 are given too (NAT-1).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from branchtui.domain.attendance import committee_on, expected_scope, full_on, member_on
from branchtui.domain.member_names import display_names
from branchtui.domain.records import Attendance, BranchData, Meeting, Member
from branchtui.domain.records.branch import SEAT_ROLES

COUNTED = ("present", "on_leave", "absent")  # the statuses that make up 应到
UNKNOWN_PERSON = "（已删除）"


class Roster:
    """The members with the days the branch answers for each (``counted_from`` to
    ``removed``), worked out once for the rolls of many meetings (台账体检 of a year).

    Who is a member changes only on the day someone is counted from and the day after someone
    is removed; between two such days every meeting has the same members, listed once."""

    def __init__(self, members: Iterable[Member]) -> None:
        self._spans = [(m, m.counted_from, m.removed) for m in members]
        changes = {start for _, start, _ in self._spans if start is not None}
        changes |= {
            removed + dt.timedelta(days=1)
            for _, _, removed in self._spans
            if removed is not None and removed < dt.date.max
        }
        self._changes = sorted(changes)
        self._between: dict[int, list[Member]] = {}

    def on(self, day: dt.date) -> list[Member]:
        """The members of the branch on ``day`` (as ``member_on`` judges), in roster order."""
        stretch = bisect_right(self._changes, day)
        found = self._between.get(stretch)
        if found is None:
            found = self._between[stretch] = [
                m
                for m, start, removed in self._spans
                if (start is None or start <= day) and (removed is None or removed >= day)
            ]
        return list(found)


def expected_people(
    data: BranchData,
    kinds: Iterable[str],
    day: dt.date,
    group_id: str | None = None,
    roster: Roster | None = None,
) -> list[Member]:
    """The people who should attend a meeting of ``kinds`` on ``day``, in roster order: all
    members (大会, 学习, 党课, 主题党日, 组织生活会, 民主评议), the committee (支委会), the group.
    ``roster`` is ``Roster(data.members)`` when the caller has one for many meetings."""
    kinds = list(kinds)
    scope = expected_scope(kinds, group_id)
    if roster is not None:
        on_day = roster.on(day)
    else:  # one meeting: a Roster would cost more than it saves
        on_day = [m for m in data.members if member_on(m, day)]
    if scope == "*":
        return on_day
    wanted: set[str] = set()
    if "committee_meeting" in kinds:
        wanted.update(committee_on(data.seats, day))
    return [m for m in on_day if (scope is not None and m.group_id == scope) or m.id in wanted]


def initial_attendance(
    data: BranchData, kinds: Iterable[str], day: dt.date, group_id: str | None = None
) -> list[Attendance]:
    """The wizard's starting list: every expected person, present."""
    return [Attendance(member_id=m.id) for m in expected_people(data, kinds, day, group_id)]


def refit_attendance(
    attendance: list[Attendance],
    data: BranchData,
    kinds: Iterable[str],
    day: dt.date,
    group_id: str | None = None,
) -> list[Attendance]:
    """The attendance after the meeting's kinds, day or group changed in the wizard: everyone
    now expected is on it (present unless the secretary said otherwise); a row the secretary
    touched (not present, or with a reason) is kept; an untouched present row of someone no
    longer expected is dropped. Expected people come first, in roster order."""
    rows = {row.member_id: row for row in attendance}
    out: list[Attendance] = []
    for member in expected_people(data, kinds, day, group_id):
        found = rows.pop(member.id) if member.id in rows else None
        out.append(found or Attendance(member_id=member.id))
    out += [r for r in rows.values() if r.status != "present" or r.reason.strip()]
    return out


class RollEntry(NamedTuple):
    """One person on a meeting's roll, with what the minutes and the wizard show of them (a
    named tuple: a year's 台账体检 makes some ten thousand)."""

    member_id: str
    name: str
    status: str
    reason: str
    expected: bool  # on the list because the meeting's kinds expect them
    full: bool  # a 正式党员 on the day (has a vote, NAT-1)
    leader: bool  # a leading cadre (LIFE-8)


def roll_of(
    meeting: Meeting,
    data: BranchData,
    roster: Roster | None = None,
    names: Mapping[str, str] | None = None,
) -> list[RollEntry]:
    """Everyone on the meeting's roll: expected people first (roster order), then others listed.
    ``roster``: as for ``expected_people``. ``names``: the shown names (``display_names``) when
    the roll is shown; the counts and checks of a year's records do without them."""
    listed: dict[str, Attendance] = {}
    for row in meeting.attendance:
        # The first row wins (a member listed twice is refused on save).
        listed.setdefault(row.member_id, row)
    expected = expected_people(data, meeting.kinds, meeting.date, meeting.group_id, roster)
    out: list[RollEntry] = []
    day = meeting.date
    for member in expected:  # as _entry for a member on the roster (a year's 台账体检 has 10⁴)
        found = listed.pop(member.id, None)
        status, reason = ("absent", "") if found is None else (found.status, found.reason)
        full, leader = full_on(member, day), bool(member.is_leader)
        name = names.get(member.id, member.name) if names else member.name
        out.append(RollEntry(member.id, name, status, reason, True, full, leader))
    members = data.by_id("members") if listed else {}
    for member_id, row in listed.items():
        entry = _entry(member_id, members.get(member_id), row.status, row.reason, False, meeting)
        out.append(entry._replace(name=names[member_id]) if names and member_id in names else entry)
    return out


def _entry(
    member_id: str, member: Member | None, status: str, reason: str, expected: bool, m: Meeting
) -> RollEntry:
    return RollEntry(
        member_id,
        member.name if member else UNKNOWN_PERSON,
        status,
        reason,
        expected,
        bool(member and full_on(member, m.date)),
        bool(member and member.is_leader),
    )


@dataclass(frozen=True)
class Headcount:
    """应到 / 实到 / 请假 / 缺席 / 列席, and of 应到 and 实到 the 正式党员 (for a general meeting)."""

    expected: int
    present: int
    on_leave: int
    absent: int
    observers: int
    full_expected: int
    full_present: int

    @property
    def text(self) -> str:
        """``应到10名，实到8名，请假1名，缺席1名``."""
        return (
            f"应到{self.expected}名，实到{self.present}名，"
            f"请假{self.on_leave}名，缺席{self.absent}名"
        )


def headcount(meeting: Meeting, data: BranchData, roll: list[RollEntry] | None = None) -> Headcount:
    """The meeting's head counts, live from its attendance (the wizard's step 2 shows them);
    ``roll`` is the meeting's ``roll_of`` when the caller has it already."""
    if roll is None:
        roll = roll_of(meeting, data)
    by_status = dict.fromkeys((*COUNTED, "observer"), 0)
    full_expected = full_present = 0
    for e in roll:  # one pass: the 台账体检 counts every meeting of a year
        if e.status in by_status:
            by_status[e.status] += 1
            if e.full and e.status != "observer":
                full_expected += 1
                full_present += e.status == "present"
    return Headcount(
        expected=by_status["present"] + by_status["on_leave"] + by_status["absent"],
        present=by_status["present"],
        on_leave=by_status["on_leave"],
        absent=by_status["absent"],
        observers=by_status["observer"] + len(meeting.observers),
        full_expected=full_expected,
        full_present=full_present,
    )


def person_name(data: BranchData, member_id: str | None, fallback: str = "") -> str:
    """A member's shown name (domain.member_names: 张伟（1985年生） when two share a name;
    removed members stay resolvable); ``fallback`` for someone outside the roster;
    "（已删除）" for an id that no longer exists."""
    if member_id:
        return display_names(data.members).get(member_id, UNKNOWN_PERSON)
    return fallback


def post_of(data: BranchData, member_id: str | None, day: dt.date) -> str:
    """A member's post as the minutes print it: the committee seat held that day (支部书记 …),
    else 党小组组长, else the position in the roster, else 党员."""
    if not member_id:
        return ""
    roles = {s.member_id: s.role for s in data.seats if s.member_id in committee_on([s], day)}
    if member_id in roles:
        label = SEAT_ROLES.get(roles[member_id], "委员")
        return f"支部{label}" if label in ("书记", "副书记") else label
    if any(g.leader_id == member_id for g in data.groups):
        return "党小组组长"
    member = data.find("members", member_id)
    return (member.position if member is not None else "") or "党员"


@dataclass(frozen=True)
class ObserverLine:
    """One 列席 person as the minutes list them."""

    name: str
    post: str
    reason: str


def observers_of(meeting: Meeting, data: BranchData) -> list[ObserverLine]:
    """Members who sat in (status ``observer``) and the people from outside, in that order."""
    out = [
        ObserverLine(e.name, post_of(data, e.member_id, meeting.date), e.reason)
        for e in roll_of(meeting, data, names=display_names(data.members))
        if e.status == "observer"
    ]
    out += [ObserverLine(o.name, o.post, o.reason) for o in meeting.observers]
    return out


# Who runs a meeting (主持人, 记录人) or its secret ballot (计票人, 监票人): they must be there.
OFFICER_LABELS = {
    "host": "主持人",
    "recorder": "记录人",
    "counter": "计票人",
    "scrutineer": "监票人",
}
AWAY = ("absent", "on_leave")


def officers_of(meeting: Meeting) -> list[tuple[str, str]]:
    """(role, member id) of the meeting's host, recorder and its votes' tellers."""
    out = [("host", meeting.host_id or ""), ("recorder", meeting.recorder_id or "")]
    for vote in meeting.votes:
        out += [("counter", m) for m in vote.counter_ids]
        out += [("scrutineer", m) for m in vote.scrutineer_ids]
    return [(role, m) for role, m in out if m]


def officers_away(
    attendance: Iterable[Attendance], officers: Iterable[tuple[str, str]]
) -> dict[int, str]:
    """The attendance rows (by index) of officers marked 缺席 or 请假, each with what they do
    (``主持人、计票人``): a meeting's host, recorder and tellers take part in it."""
    roles: dict[str, list[str]] = {}
    for role, member_id in officers:
        label = OFFICER_LABELS[role]
        if label not in roles.setdefault(member_id, []):
            roles[member_id].append(label)
    return {
        i: "、".join(roles[row.member_id])
        for i, row in enumerate(attendance)
        if row.status in AWAY and row.member_id in roles
    }


def officer_problem(what: str, status: str) -> str:
    """What is said of an officer marked away: ``是本次会议的主持人，却标为缺席…``."""
    marked = "缺席" if status == "absent" else "请假"
    return f"是本次会议的{what}，却标为{marked}；请改为出席，或另选{what}"
