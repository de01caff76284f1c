"""Deleting a term, a seat or a vacancy entered by mistake (ORG-4…ORG-8), and what the delete
gives back; domain.deletion applies these with its own rule to every delete of those records.

The committee's records are its history: who held which seat when, how long a seat stayed
empty (ORG-7, ORG-8), which committee decided at a 支委会 (NAT-2 counts the seats held that day).
A record typed by mistake (a term registered with n, an appointment with a, an 出缺 with v) may
be deleted as if never entered, and what it ended comes back:

- a **term**: its seats go with it; the committee before it, ended on its start, is in office
  again and the vacancies its start closed (换届) are open again. Refused when a later term
  followed it, when an election or a general meeting elected it (ORG-4), when one of its seats
  was left, or when its members sat in a recorded 支委会 as its committee;
- a **seat**: the vacancy it filled is open again. Refused when its holder left it, when an
  election produced it, or when the holder sat in a recorded 支委会 while holding it;
- a **vacancy**: the seat it opened is held again (the 出缺 undone). Refused when it was filled
  or closed by a new term, or when it opened because the holder left the roster.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from branchtui.domain.dates import format_date
from branchtui.domain.records import BranchData, CommitteeSeat, Election, Term, Vacancy
from branchtui.domain.records.branch import ELECTION_KINDS, SEAT_ROLES

# The note start_term leaves on the vacancies a new term closed.
RENEWAL_NOTE = "换届"


@dataclasses.dataclass(frozen=True)
class CommitteeDeletion:
    """Why a committee record cannot be deleted ((what, what to do instead) pairs, the most
    telling first; a what reads after "该任期" …), and the records it gives back: (table, id,
    the values they take again)."""

    refusals: tuple[tuple[str, str], ...] = ()
    restores: tuple[tuple[str, str, dict[str, Any]], ...] = ()


def term_deletion(data: BranchData, term: Term) -> CommitteeDeletion:
    """Deleting a term (ORG-4): refused when it is history, else the committee before it
    comes back (module docstring)."""
    refusals: list[tuple[str, str]] = []
    later = [t for t in data.terms if t.id != term.id and t.start > term.start]
    if later:
        after = min(later, key=lambda t: t.start)
        refusals.append(
            (
                f"之后已登记第{after.number}届任期（{format_date(after.start)}起）",
                "已被接替的任期是支委会的历史记录，应保留",
            )
        )
    meeting = data.find("meetings", term.elected_at_meeting_id)
    if meeting is not None:
        refusals.append(
            (
                f"由{format_date(meeting.date)}的支部党员大会选举产生",
                "选举产生的任期是该次选举的记录，应保留",
            )
        )
    seats = [s for s in data.seats if s.term_id == term.id]
    left = [s for s in seats if _left(data, s) is not None]
    if left:
        refusals.append(
            (f"内已有委员离任（{_seat_name(data, left[0])}）", "有离任记录的任期应保留")
        )
    held = _meetings_sat(data, seats)
    if held:
        refusals.append(
            (
                f"内支委会已开会{len(held)}次（最近一次{format_date(held[-1])}）",
                "如本届任期已结束，请按 n 登记新一届任期或按 e 换届选举",
            )
        )
    if refusals:
        return CommitteeDeletion(tuple(refusals))
    return CommitteeDeletion(restores=tuple(_committee_before(data, term)))


def seat_deletion(data: BranchData, seat: CommitteeSeat) -> CommitteeDeletion:
    """Deleting a seat (an appointment, ORG-5…ORG-8): refused when it is history, else the
    vacancy it filled opens again (module docstring)."""
    refusals: list[tuple[str, str]] = []
    if seat.until is not None:
        vacancy = _vacancy_opened_by(data, seat)
        instead = (
            "如出缺登记有误，请删除该空缺（出缺随之撤销）"
            if vacancy is not None and vacancy.filled is None
            else "离任的委员是支委会的历史记录，应保留"
        )
        day = format_date(seat.until)
        what = f"已于{day}离任" if _left(data, seat) else f"已随{day}换届离任"
        refusals.append((what, instead))
    election = _electing(data, seat)
    if election is not None:
        refusals.append(
            (
                f"由{format_date(election.date)}{ELECTION_KINDS[election.kind]}产生",
                "不再担任请按 v 登记出缺",
            )
        )
    held = _meetings_sat(data, [seat])
    if held:
        refusals.append(
            (
                f"已列入{len(held)}次支委会会议的出席记录（最近一次{format_date(held[-1])}）",
                "如已不再担任，请按 v 登记出缺",
            )
        )
    if refusals:
        return CommitteeDeletion(tuple(refusals))
    filled = [
        (Vacancy.TABLE, v.id, {"filled": None, "seat_id": None})
        for v in data.vacancies
        if v.seat_id == seat.id and v.filled is not None
    ]
    return CommitteeDeletion(restores=tuple(filled))


def vacancy_deletion(data: BranchData, vacancy: Vacancy) -> CommitteeDeletion:
    """Deleting a vacancy (an 出缺, ORG-7, ORG-8): refused when it is history, else the seat
    it opened is held again (module docstring)."""
    if vacancy.filled is not None:
        if vacancy.note == RENEWAL_NOTE:
            what, instead = f"已随{format_date(vacancy.filled)}换届结束", "换届前的空缺是历史记录"
        elif vacancy.seat_id and data.find("seats", vacancy.seat_id) is not None:
            what = f"已于{format_date(vacancy.filled)}补齐"
            instead = "如补齐有误，请先删除补齐它的委员（空缺随之恢复）"
        else:
            what, instead = f"已于{format_date(vacancy.filled)}补齐", "已补齐的空缺是历史记录"
        return CommitteeDeletion(((what, instead),))
    seat = data.find("seats", vacancy.seat_id)
    if seat is None or seat.until != vacancy.since:
        return CommitteeDeletion()
    member = data.find("members", seat.member_id)
    if member is not None and member.removed == vacancy.since:
        what = f"因{member.name}{format_date(member.removed)}移出党员名册而产生"
        return CommitteeDeletion(((what, "请按 b 补选，或由上级党组织指派补齐"),))
    return CommitteeDeletion(restores=((CommitteeSeat.TABLE, seat.id, {"until": None}),))


def _left(data: BranchData, seat: CommitteeSeat) -> dt.date | None:
    """The day the holder left the seat (an 出缺, a removal), not the day a new term ended it."""
    if seat.until is None:
        return None
    if any(t.start == seat.until and t.id != seat.term_id for t in data.terms):
        return None if _vacancy_opened_by(data, seat) is None else seat.until
    return seat.until


def _vacancy_opened_by(data: BranchData, seat: CommitteeSeat) -> Vacancy | None:
    return next((v for v in data.vacancies if v.seat_id == seat.id and v.since == seat.until), None)


def _seat_name(data: BranchData, seat: CommitteeSeat) -> str:
    member = data.find("members", seat.member_id)
    role = seat.title or SEAT_ROLES.get(seat.role, seat.role)
    return f"{role}{member.name if member else ''}，{format_date(seat.until)}离任"


def _electing(data: BranchData, seat: CommitteeSeat) -> Election | None:
    """The election that produced ``seat``: its term's renewal electing the holder that day,
    or the by-election (or appointment) of the vacancy the seat filled."""
    filled = {v.id for v in data.vacancies if v.seat_id == seat.id and v.filled is not None}
    for election in data.elections:
        if election.vacancy_id is not None and election.vacancy_id in filled:
            return election
        if (
            election.term_id == seat.term_id
            and election.date == seat.since
            and any(c.elected and c.member_id == seat.member_id for c in election.candidates)
        ):
            return election
    return None


def _meetings_sat(data: BranchData, seats: Iterable[CommitteeSeat]) -> list[dt.date]:
    """The days of the 支委会 whose attendance names a seat's holder while the seat was held
    (NAT-2 counts that seat for the meeting), oldest first."""
    held = [s for s in seats if s.member_id]
    days = []
    for meeting in data.meetings:
        if "committee_meeting" not in meeting.kinds:
            continue
        present = {a.member_id for a in meeting.attendance}
        if any(
            s.member_id in present
            and (s.since is None or s.since <= meeting.date)
            and (s.until is None or meeting.date < s.until)
            for s in held
        ):
            days.append(meeting.date)
    return sorted(days)


def _committee_before(data: BranchData, term: Term) -> list[tuple[str, str, dict[str, Any]]]:
    """The committee ``term``'s start ended, in office again: the seats of the term before it
    that ended that day (not by an 出缺), and the vacancies its start closed."""
    before = [t for t in data.terms if t.id != term.id and t.start < term.start]
    if not before:
        return []
    previous = max(before, key=lambda t: (t.start, t.number))
    back: list[tuple[str, str, dict[str, Any]]] = [
        (CommitteeSeat.TABLE, s.id, {"until": None})
        for s in data.seats
        if s.term_id == previous.id
        and s.until == term.start
        and _vacancy_opened_by(data, s) is None
    ]
    back += [
        (Vacancy.TABLE, v.id, {"filled": None, "note": ""})
        for v in data.vacancies
        if v.filled == term.start and v.note == RENEWAL_NOTE
    ]
    return back
