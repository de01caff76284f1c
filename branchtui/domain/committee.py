"""The branch committee: terms and their ends, seats, holders and vacancies (ORG-4…ORG-8).

A seat is held from ``since`` (inclusive) until ``until`` (exclusive: the day it was left);
a vacancy is open from ``since`` until the day it is ``filled``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from branchtui.domain.attendance import full_on
from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import add_months, add_years
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, CommitteeSeat, Member, Term, Vacancy
from branchtui.domain.records.branch import SEAT_ROLES, SeatRole


def term_end(term: Term, branch_kind: str, profile: Profile) -> dt.date:
    """The last day of a term: the day before its N-th anniversary (ORG-4; N by branch kind and
    profile). A term begun on 29 February has its anniversary on 1 March of a common year, so it
    ends on 28 February (2024-02-29 + 2 years → 2026-02-28)."""
    years = profile.term_years(branch_kind)
    if term.start.month == 2 and term.start.day == 29:
        return add_years(term.start - dt.timedelta(days=1), years)
    return add_years(term.start, years) - dt.timedelta(days=1)


def seat_since_warning(term: Term, since: dt.date, member: Member | None = None) -> str | None:
    """A Chinese warning when a seat is taken before the term began (ORG-4, ORG-5), or by one
    who was not a 正式党员 that day (NAT-1: a 预备党员 has no vote, so cannot be elected): the
    date or the person is likely mistaken, though a user may still confirm it."""
    if since < term.start:
        return f"注意：任职日期早于本届任期开始（{term.start.isoformat()}），再按 Enter 仍按此保存"
    if member is not None and not full_on(member, since):
        return (
            f"注意：{member.name}在{since.isoformat()}还不是正式党员（预备党员没有被选举权），"
            "请核对人选和任职日期，再按 Enter 仍按此保存"
        )
    return None


def extension_limit(term: Term, branch_kind: str, profile: Profile) -> dt.date:
    """The latest a term may run with an approved extension (ORG-4: at most 1 year by default)."""
    return add_years(term_end(term, branch_kind, profile), profile.term_extension_max_years)


def effective_term_end(term: Term, branch_kind: str, profile: Profile) -> dt.date:
    """The term's last day counting an approved extension, capped at ``extension_limit`` (ORG-4).

    An extension without an approval date does not count: postponing needs the upper
    organization's approval.
    """
    regular = term_end(term, branch_kind, profile)
    if term.extension_until is None or term.extension_approved is None:
        return regular
    return min(max(term.extension_until, regular), extension_limit(term, branch_kind, profile))


def renewal_reminder_from(term: Term, branch_kind: str, profile: Profile) -> dt.date:
    """The day the renewal election (换届) reminder starts: months before the end (ORG-4)."""
    return add_months(effective_term_end(term, branch_kind, profile), -profile.term_reminder_months)


def current_term(data: BranchData, on: dt.date) -> Term | None:
    """The term in force on that date: the latest one started by then (ORG-4)."""
    started = [t for t in data.terms if t.start <= on]
    return max(started, key=lambda t: (t.start, t.number)) if started else None


def default_seat_since(data: BranchData, term: Term, today: dt.date) -> dt.date:
    """The date an appointment is offered (ORG-5): the term's first day while none of its seats
    is on file (a new secretary entering the committee elected then), else today."""
    if term.start <= today and not any(s.term_id == term.id for s in data.seats):
        return term.start
    return today


def seats_of(data: BranchData, term: Term | None) -> list[CommitteeSeat]:
    """The seats of a term, secretary first, in the order of SEAT_ROLES (ORG-5, ORG-6)."""
    if term is None:
        return []
    order = {role: index for index, role in enumerate(SEAT_ROLES)}
    seats = [s for s in data.seats if s.term_id == term.id]
    return sorted(seats, key=lambda s: order.get(s.role, len(order)))


def seat_held_on(seat: CommitteeSeat, on: dt.date) -> bool:
    """Whether someone holds the seat on that date."""
    if seat.member_id is None:
        return False
    if seat.since is not None and seat.since > on:
        return False
    return seat.until is None or seat.until > on


def holder(data: BranchData, role: str, on: dt.date) -> Member | None:
    """The member holding ``role`` (e.g. ``secretary``) in the term in force on that date.

    ORG-5 asks for a secretary, ORG-6 for a discipline member; None means nobody holds it.
    """
    for seat in seats_of(data, current_term(data, on)):
        if seat.role == role and seat_held_on(seat, on):
            member = data.find("members", seat.member_id)
            if member is not None:
                return member
    return None


def vacancy_open_on(vacancy: Vacancy, on: dt.date) -> bool:
    """Whether the vacancy exists on that date."""
    return vacancy.since <= on and (vacancy.filled is None or vacancy.filled > on)


def open_vacancies(data: BranchData, on: dt.date) -> list[Vacancy]:
    """Vacancies open on that date, oldest first (ORG-7, ORG-8)."""
    return sorted((v for v in data.vacancies if vacancy_open_on(v, on)), key=lambda v: v.since)


def days_vacant(vacancy: Vacancy, on: dt.date) -> int:
    """Days the seat has been empty on that date (up to its filling); 0 before it opened."""
    end = vacancy.filled if vacancy.filled is not None and vacancy.filled < on else on
    return max(0, (end - vacancy.since).days)


def vacancy_deadline(vacancy: Vacancy, profile: Profile) -> dt.date:
    """The last day to fill a vacancy: a secretary within 31 days (ORG-7), others 3 months (ORG-8)."""
    if vacancy.role == "secretary":
        return vacancy.since + dt.timedelta(days=profile.secretary_vacancy_days)
    return add_months(vacancy.since, profile.member_vacancy_months)


def _new_seat(term: Term, role: SeatRole, member_id: str, since: dt.date) -> CommitteeSeat:
    return CommitteeSeat(term_id=term.id, role=role, member_id=member_id, since=since)


def fill_seat(
    data: BranchData,
    term: Term,
    role: SeatRole,
    member_id: str,
    since: dt.date,
    vacancy: Vacancy | None = None,
) -> RecordChanges:
    """Appoint a member to ``role`` from ``since`` (ORG-7, ORG-8): the new seat, and ``vacancy``
    (by default the role's oldest vacancy open that day) closed by it, filled on ``since``."""
    seat = _new_seat(term, role, member_id, since)
    if vacancy is None:
        open_ones = [v for v in open_vacancies(data, since) if v.role == role]
        vacancy = open_ones[0] if open_ones else None
    closed = (dataclasses.replace(vacancy, filled=since, seat_id=seat.id),) if vacancy else ()
    return RecordChanges(inserts=(seat,), updates=closed)


def vacate_seat(seat: CommitteeSeat, on: dt.date) -> RecordChanges:
    """The holder leaves the seat on ``on``: the seat ends that day and a vacancy opens, from
    which the filling deadline counts (ORG-7: a secretary, ORG-8: any other seat)."""
    vacancy = Vacancy(role=seat.role, since=on, seat_id=seat.id)
    return RecordChanges(inserts=(vacancy,), updates=(dataclasses.replace(seat, until=on),))


def seats_left_by(data: BranchData, member: Member) -> RecordChanges:
    """A member removed from the roster leaves every seat held that day: each ends and a
    vacancy opens on the removal date (ORG-7, ORG-8 count from it)."""
    if member.removed is None:
        return RecordChanges()
    changes = RecordChanges()
    for seat in data.seats:
        if seat.member_id == member.id and seat.until is None:
            changes += vacate_seat(seat, member.removed)
    return changes


def start_term(
    data: BranchData, start: dt.date, meeting_id: str | None = None
) -> tuple[Term, RecordChanges]:
    """A new term from the election on ``start`` (ORG-4), elected at ``meeting_id``: the
    committee in office and its open vacancies end with it (the new one is seated after)."""
    old = current_term(data, start)
    term = Term(number=old.number + 1 if old else 1, start=start, elected_at_meeting_id=meeting_id)
    ending = [s for s in seats_of(data, old) if s.until is None or s.until > start]
    ended = tuple(dataclasses.replace(s, until=start) for s in ending)
    closed = tuple(
        dataclasses.replace(v, filled=start, note="换届") for v in open_vacancies(data, start)
    )
    return term, RecordChanges(inserts=(term,), updates=ended + closed)


# Roles held by one member at most (any number may be plain 委员).
SINGLE_ROLES = ("secretary", "deputy_secretary", "organization", "propaganda", "discipline")


def division_problems(roles: Sequence[str]) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the new committee's division of work (分工), one role per elected
    member: exactly one 书记 (ORG-5), each named seat at most once, a 纪检委员 (ORG-6)."""
    errors: list[str] = []
    if any(r not in SEAT_ROLES for r in roles):
        errors.append("请为每名当选人确定分工")
    secretaries = roles.count("secretary")
    if secretaries == 0:
        errors.append("新一届支委会应有一名书记（ORG-5）")
    for role in SINGLE_ROLES:
        if roles.count(role) > 1:
            errors.append(f"{SEAT_ROLES[role]}只能有一名")
    warnings = [] if "discipline" in roles else ["未设纪检委员（ORG-6：支委会应设纪检委员）"]
    return errors, warnings


def elect_committee(
    data: BranchData,
    start: dt.date,
    division: Sequence[tuple[SeatRole, str]],
    *,
    meeting_id: str | None = None,
    open_seats: int = 0,
) -> tuple[Term, RecordChanges]:
    """The committee elected on ``start`` (ORG-4): a new term (the old committee ends), one seat
    per (role, member) of the division of work, and ``open_seats`` plain seats left vacant
    from that day, to be filled by a by-election (ORG-8) when fewer were elected than seats."""
    term, changes = start_term(data, start, meeting_id)
    seats = tuple(_new_seat(term, role, member_id, start) for role, member_id in division)
    vacant = tuple(
        Vacancy(role="other", since=start, note="换届选举当选人数不足，另行选举")
        for _ in range(open_seats)
    )
    return term, changes + RecordChanges(inserts=seats + vacant)


def by_election_seat(
    data: BranchData, vacancy: Vacancy, member_id: str, on: dt.date
) -> RecordChanges:
    """The vacancy filled on ``on`` by ``member_id`` (ORG-7, ORG-8), by-election or appointment.
    A committee member moving to the vacant seat (a 组织委员 elected 书记) leaves their old
    seat that day, which opens a vacancy of its own. ValueError without a term in force."""
    term = current_term(data, on)
    if term is None:
        raise ValueError("尚未登记本届任期，无法补选")
    moved = RecordChanges()
    for seat in seats_of(data, term):
        if seat.member_id == member_id and seat_held_on(seat, on):
            moved = moved + vacate_seat(seat, on)
    return moved + fill_seat(data, term, vacancy.role, member_id, on, vacancy)
