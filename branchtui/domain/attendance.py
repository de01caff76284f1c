"""Attendance (EDU-7), lapse of membership duties (NAT-5) and meeting votes (NAT-1, NAT-2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from branchtui.domain.dates import add_months, month_key
from branchtui.domain.records import BranchData, CommitteeSeat, Meeting, Member, Vote

# Kinds of meeting that every member of the branch is expected at.
ALL_MEMBER_KINDS = frozenset(
    {"general_meeting", "all_member_study", "party_lecture", "theme_day", "life_meeting"}
)
ATTENDED = frozenset({"present", "observer"})


def member_on(member: Member, day: dt.date) -> bool:
    """Whether the person was a member of this branch on ``day``."""
    joined = member.joined is None or member.joined <= day
    return joined and (member.removed is None or member.removed >= day)


def _expects(meeting: Meeting) -> str | None:
    """Who is expected though not on the list: "*" for all members, a group id for that
    group's members, None for nobody (committee meetings list their own)."""
    if ALL_MEMBER_KINDS.intersection(meeting.kinds):
        return "*"
    if "group_meeting" in meeting.kinds and meeting.group_id:
        return meeting.group_id
    return None


def _unlisted_status(meeting: Meeting, expects: str | None, member: Member) -> str | None:
    if expects is None or (expects != "*" and expects != member.group_id):
        return None
    return "absent" if member_on(member, meeting.date) else None


def status_at(meeting: Meeting, member: Member) -> str | None:
    """The member's attendance at a meeting: present/absent/on_leave/observer, or None
    when the member was not expected there. Absent from an all-member meeting's list
    counts as absent."""
    for row in meeting.attendance:
        if row.member_id == member.id:
            return row.status
    return _unlisted_status(meeting, _expects(meeting), member)


Roll = tuple[Meeting, dict[str, str], str | None]


class AttendanceBook:
    """Meetings indexed by month with each one's attendance as a dict, built once per
    judgement so that per-member questions do not rescan every attendance list."""

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.rolls: list[Roll] = [
            (m, {a.member_id: a.status for a in m.attendance}, _expects(m)) for m in meetings
        ]
        self.by_month: dict[str, list[Roll]] = {}
        for roll in self.rolls:
            self.by_month.setdefault(month_key(roll[0].date), []).append(roll)

    @staticmethod
    def status(roll: Roll, member: Member) -> str | None:
        """Like ``status_at``, for one of this book's rolls."""
        meeting, listed, expects = roll
        found = listed.get(member.id)
        if found is not None:
            return found
        return _unlisted_status(meeting, expects, member)


def shared_book(cache: dict[str, Any], data: BranchData) -> AttendanceBook:
    """The AttendanceBook of ``data``, kept in a judgement's cache (rules EDU-7 and NAT-5)."""
    book = cache.get("attendance.book")
    if not isinstance(book, AttendanceBook):
        book = cache["attendance.book"] = AttendanceBook(data.meetings)
    return book


@dataclass(frozen=True)
class AttendanceRate:
    """How often a member came: attended / expected (on_leave counts as expected)."""

    member_id: str
    attended: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


def attendance_rates(
    members: Iterable[Member], meetings: Iterable[Meeting], start: dt.date, end: dt.date
) -> dict[str, AttendanceRate]:
    """Each member's attendance at the meetings dated from ``start`` to ``end`` inclusive."""
    book = AttendanceBook(m for m in meetings if start <= m.date <= end)
    out: dict[str, AttendanceRate] = {}
    for member in members:
        seen = [book.status(roll, member) for roll in book.rolls]
        expected = [s for s in seen if s is not None]
        attended = sum(1 for s in expected if s in ATTENDED)
        out[member.id] = AttendanceRate(member.id, attended, len(expected))
    return out


def _month_state(member: Member, book: AttendanceBook, month: str, on: dt.date) -> str | None:
    """'attended', 'excused', 'absent', or None when nothing was expected that month."""
    rolls = [r for r in book.by_month.get(month, ()) if r[0].date <= on]
    expected = [s for s in (book.status(r, member) for r in rolls) if s is not None]
    if not expected:
        return None
    if any(s in ATTENDED for s in expected):
        return "attended"
    return "absent" if "absent" in expected else "excused"


def absence_streak(
    member: Member,
    data: BranchData,
    on: dt.date,
    lookback: int = 24,
    book: AttendanceBook | None = None,
) -> int:
    """Months in a row, ending at ``on``'s month, in which the member missed every meeting
    without leave. Months with no meeting for the member neither count nor break the run;
    a month of leave only breaks it. Pass ``book`` when asking for many members."""
    book = book or AttendanceBook(data.meetings)
    streak = 0
    month = on.replace(day=1)
    for _ in range(lookback):
        state = _month_state(member, book, month_key(month), on)
        if state == "absent":
            streak += 1
        elif state is not None:
            break
        month = add_months(month, -1)
    return streak


@dataclass(frozen=True)
class VoteResult:
    """What a meeting's attendance and tally mean: is it quorate, did each motion pass."""

    entitled: int
    present: int
    quorate: bool
    passed: tuple[tuple[Vote, bool], ...]
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.quorate and not self.problems

    @property
    def message(self) -> str:
        """Plain Chinese: the quorum, each motion's result, or why the vote is invalid."""
        head = f"应到{self.entitled}人，实到{self.present}人"
        if not self.quorate:
            return f"{head}，未超过半数，表决无效"
        parts = [head + "，超过半数"]
        parts += [
            f"“{v.motion}”赞成{v.yes}票，{'通过' if ok else '未通过'}" for v, ok in self.passed
        ]
        parts += list(self.problems)
        return "；".join(parts)


def full_on(member: Member, day: dt.date) -> bool:
    """Whether the member was a 正式党员 (has a vote) on ``day``."""
    if member.full_date is not None:
        return member.full_date <= day
    return member.status == "full"


def _tally_problems(votes: Sequence[Vote], present: int) -> tuple[str, ...]:
    return tuple(
        f"“{v.motion}”票数合计{v.yes + v.no + v.abstain}超过实到人数{present}，表决无效"
        for v in votes
        if v.yes + v.no + v.abstain > present
    )


def general_meeting_vote(meeting: Meeting, members: Iterable[Member]) -> VoteResult:
    """NAT-1: more than half of the members with a vote (正式党员 of the branch on the day)
    present; a motion passes when its yes-votes exceed half of those who should attend."""
    voters = [m for m in members if member_on(m, meeting.date) and full_on(m, meeting.date)]
    present = sum(1 for m in voters if status_at(meeting, m) == "present")
    quorate = present * 2 > len(voters)
    passed = tuple((v, quorate and v.yes * 2 > len(voters)) for v in meeting.votes)
    return VoteResult(
        len(voters), present, quorate, passed, _tally_problems(meeting.votes, present)
    )


def committee_on(seats: Iterable[CommitteeSeat], day: dt.date) -> list[str]:
    """The member ids holding a committee seat on ``day``."""
    return [
        s.member_id
        for s in seats
        if s.member_id
        and (s.since is None or s.since <= day)
        and (s.until is None or s.until >= day)
    ]


def committee_quorum(meeting: Meeting, seats: Iterable[CommitteeSeat]) -> VoteResult:
    """NAT-2: a committee meeting decides only with more than half of the committee present;
    a motion passes with more than half of the committee voting yes."""
    holders = set(committee_on(seats, meeting.date))
    present = sum(1 for a in meeting.attendance if a.member_id in holders and a.status == "present")
    quorate = bool(holders) and present * 2 > len(holders)
    passed = tuple((v, quorate and v.yes * 2 > len(holders)) for v in meeting.votes)
    problems = _tally_problems(meeting.votes, present)
    return VoteResult(len(holders), present, quorate, passed, problems)
