"""Attendance (EDU-7), lapse of membership duties (NAT-5) and meeting votes (NAT-1, NAT-2)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from branchtui.domain.dates import month_number
from branchtui.domain.records import BranchData, CommitteeSeat, Meeting, Member, Vote

# Kinds of meeting that every member of the branch is expected at.
ALL_MEMBER_KINDS = frozenset(
    {"general_meeting", "all_member_study", "party_lecture", "theme_day", "life_meeting"}
)
ATTENDED = frozenset({"present", "observer"})


def member_on(member: Member, day: dt.date) -> bool:
    """Whether the person was a member of this branch on ``day`` (joined and arrived by then)."""
    start = member.counted_from
    return (start is None or start <= day) and (member.removed is None or member.removed >= day)


def expected_scope(kinds: Iterable[str], group_id: str | None) -> str | None:
    """Who a meeting of ``kinds`` expects though not on its list: "*" for all members, a group
    id for that group's members, None for nobody (committee meetings list their own)."""
    kinds = set(kinds)
    if ALL_MEMBER_KINDS.intersection(kinds):
        return "*"
    if "group_meeting" in kinds and group_id:
        return group_id
    return None


def _expects(meeting: Meeting) -> str | None:
    return expected_scope(meeting.kinds, meeting.group_id)


def _unlisted_status(meeting: Meeting, expects: str | None, member: Member) -> str | None:
    if expects is None or (expects != "*" and expects != member.group_id):
        return None
    return "absent" if member_on(member, meeting.date) else None


Roll = tuple[Meeting, dict[str, str], str | None]
# The meetings a member may be absent from without being on the list: (date, listed statuses).
Unlisted = list[tuple[dt.date, dict[str, str]]]


def _roll(meeting: Meeting) -> Roll:
    return meeting, {a.member_id: a.status for a in meeting.attendance}, _expects(meeting)


@dataclass
class MonthRolls:
    """One month's rolls, each member's listed statuses, and the meetings that expect
    members who are not on their list (all members, or a group's members)."""

    rolls: list[Roll]
    listed: dict[str, list[tuple[dt.date, str]]]
    everyone: Unlisted
    groups: dict[str, Unlisted]

    @classmethod
    def of(cls, meetings: Iterable[Meeting]) -> MonthRolls:
        rolls = [_roll(m) for m in meetings]
        listed: dict[str, list[tuple[dt.date, str]]] = {}
        everyone: Unlisted = []
        groups: dict[str, Unlisted] = {}
        for meeting, statuses, expects in rolls:
            day = meeting.date
            for member_id, status in statuses.items():
                if status is not None:
                    listed.setdefault(member_id, []).append((day, status))
            if expects == "*":
                everyone.append((day, statuses))
            elif expects is not None:
                groups.setdefault(expects, []).append((day, statuses))
        return cls(rolls, listed, everyone, groups)


class AttendanceBook:
    """Meetings grouped by month, each month's attendance indexed the first time it is asked
    for, so that per-member questions do not rescan every attendance list (nor index years
    that no rule looks at)."""

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.meetings = list(meetings)
        self._by_number: dict[int, list[Meeting]] = {}
        for meeting in self.meetings:
            self._by_number.setdefault(month_number(meeting.date), []).append(meeting)
        self._months: dict[int, MonthRolls] = {}
        self._rolls: list[Roll] | None = None

    @property
    def rolls(self) -> list[Roll]:
        """Every meeting's roll, in the order the meetings were given."""
        if self._rolls is None:
            self._rolls = [_roll(m) for m in self.meetings]
        return self._rolls

    @staticmethod
    def status(roll: Roll, member: Member) -> str | None:
        """The member's attendance in one of this book's rolls: present/absent/on_leave/observer,
        or None when the member was not expected there. Absent from an all-member meeting's
        list counts as absent."""
        meeting, listed, expects = roll
        found = listed.get(member.id)
        if found is not None:
            return found
        return _unlisted_status(meeting, expects, member)

    def month(self, number: int) -> MonthRolls:
        """The rolls of month ``number`` (year × 12 + month − 1)."""
        found = self._months.get(number)
        if found is None:
            found = self._months[number] = MonthRolls.of(self._by_number.get(number, ()))
        return found

    def rolls_between(self, start: dt.date, end: dt.date) -> Iterator[Roll]:
        """The rolls of the meetings dated from ``start`` to ``end`` inclusive."""
        for number in range(month_number(start), month_number(end) + 1):
            if number in self._by_number:
                for roll in self.month(number).rolls:
                    if start <= roll[0].date <= end:
                        yield roll


@dataclass(frozen=True)
class AttendanceRate:
    """How often a member came: attended / expected (on_leave counts as expected)."""

    member_id: str
    attended: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


def _window(member: Member, days: list[dt.date]) -> int:
    """How many of the sorted ``days`` the person was a member on."""
    start = member.counted_from
    low = bisect_left(days, start) if start is not None else 0
    high = bisect_right(days, member.removed) if member.removed is not None else len(days)
    return max(0, high - low)


def attendance_rates(
    members: Iterable[Member],
    meetings: Iterable[Meeting],
    start: dt.date,
    end: dt.date,
    book: AttendanceBook | None = None,
) -> dict[str, AttendanceRate]:
    """Each member's attendance at the meetings dated from ``start`` to ``end`` inclusive.

    Pass ``book`` (of the same meetings) when one is at hand, to reuse its indexes.
    """
    people = {m.id: m for m in members}
    if book is None:
        book = AttendanceBook(m for m in meetings if start <= m.date <= end)
    # Members who joined, arrived or left within the window need each meeting's date checked.
    partial = {
        m.id
        for m in people.values()
        if ((since := m.counted_from) is not None and since > start)
        or (m.removed is not None and m.removed < end)
    }
    listed: Counter[str] = Counter()
    attended: Counter[str] = Counter()
    # Meetings that expect unlisted members: their dates, and the listed rows among them.
    everyone: list[dt.date] = []
    groups: dict[str, list[dt.date]] = {}
    everyone_listed: Counter[str] = Counter()
    group_listed: dict[str, Counter[str]] = {}
    partial_listed: Counter[str] = Counter()
    for meeting, statuses, expects in book.rolls_between(start, end):
        day = meeting.date
        if None in statuses.values():  # a row without a status counts as not listed
            statuses = {k: v for k, v in statuses.items() if v is not None}
        listed.update(statuses.keys())
        attended.update([k for k, v in statuses.items() if v in ATTENDED])
        if expects is None:
            continue
        if expects == "*":
            everyone.append(day)
            everyone_listed.update(statuses.keys())
        else:
            groups.setdefault(expects, []).append(day)
            group_listed.setdefault(expects, Counter()).update(statuses.keys())
        for member_id in partial.intersection(statuses):
            member = people[member_id]
            if (expects == "*" or expects == member.group_id) and member_on(member, day):
                partial_listed[member_id] += 1
    everyone.sort()
    for days in groups.values():
        days.sort()
    out: dict[str, AttendanceRate] = {}
    for member in people.values():
        mid, group = member.id, member.group_id or ""
        unlisted = _window(member, everyone) + _window(member, groups.get(group, []))
        if mid in partial:
            unlisted -= partial_listed[mid]
        else:
            unlisted -= everyone_listed[mid] + group_listed.get(group, Counter())[mid]
        out[mid] = AttendanceRate(mid, attended[mid], listed[mid] + unlisted)
    return out


def _month_state(member: Member, rolls: MonthRolls, on: dt.date) -> str | None:
    """'attended', 'excused', 'absent', or None when nothing was expected that month."""
    statuses = [s for day, s in rolls.listed.get(member.id, ()) if day <= on]
    if any(s in ATTENDED for s in statuses):
        return "attended"
    if "absent" in statuses:
        return "absent"
    unlisted = rolls.everyone + rolls.groups.get(member.group_id or "", [])
    for day, listed in unlisted:
        if day <= on and listed.get(member.id) is None and member_on(member, day):
            return "absent"
    return "excused" if statuses else None


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
    current = month_number(on)
    streak = 0
    for number in range(current, current - lookback, -1):
        state = _month_state(member, book.month(number), on)
        if state == "absent":
            streak += 1
        elif state is not None:
            break
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
            # NAT-1, NAT-2: without its quorum the meeting cannot decide; only a motion put
            # to the vote anyway is an invalid vote (nothing voted is never called 表决无效).
            verdict = "表决无效" if self.passed else "会议不能作出决定"
            return f"{head}，未超过半数，{verdict}"
        parts = [head + "，超过半数"]
        for v, ok in self.passed:
            # A tally with more votes than voters is invalid, not passed (its problem says so).
            problem = tally_problem(v, self.present)
            parts.append(problem or f"“{v.motion}”赞成{v.yes}票，{'通过' if ok else '未通过'}")
        return "；".join(parts)


def full_on(member: Member, day: dt.date) -> bool:
    """Whether the member was a 正式党员 (has a vote) on ``day``."""
    if member.full_date is not None:
        return member.full_date <= day
    return member.status == "full"


def tally_problem(vote: Vote, present: int) -> str:
    """Why a tally is invalid ('' when it is not): more votes than voters present."""
    cast = vote.yes + vote.no + vote.abstain
    if cast > present:
        return f"“{vote.motion}”票数合计{cast}超过实到人数{present}，表决无效"
    return ""


def _tally_problems(votes: Sequence[Vote], present: int) -> tuple[str, ...]:
    return tuple(p for p in (tally_problem(v, present) for v in votes) if p)


def general_meeting_vote(meeting: Meeting, members: Iterable[Member]) -> VoteResult:
    """NAT-1: more than half of the members with a vote (正式党员 of the branch on the day)
    present; a motion passes when its yes-votes exceed half of those who should attend."""
    voters = voters_on(members, meeting.date)
    listed: dict[str, str | None] = {}
    for row in meeting.attendance:
        # The first row wins (a member listed twice is refused on save).
        listed.setdefault(row.member_id, row.status)
    # Unlisted voters are never present, so only the list needs reading.
    present = sum(1 for m in voters if listed.get(m.id) == "present")
    return vote_result(len(voters), present, meeting.votes)


def voters_on(members: Iterable[Member], day: dt.date) -> list[Member]:
    """NAT-1: who has a vote at a 支部党员大会 on ``day``: the branch's 正式党员 then."""
    return [m for m in members if member_on(m, day) and full_on(m, day)]


def vote_result(entitled: int, present: int, votes: Sequence[Vote]) -> VoteResult:
    """NAT-1: quorate when more than half of the ``entitled`` voters are present; a motion
    passes when its yes-votes exceed half of the entitled (a 票决 typed from a paper record
    is judged by this too)."""
    quorate = present * 2 > entitled
    passed = tuple((v, quorate and v.yes * 2 > entitled) for v in votes)
    return VoteResult(entitled, present, quorate, passed, _tally_problems(votes, present))


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
