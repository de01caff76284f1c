"""The branch committee: terms and their ends, seats, holders and vacancies (ORG-4…ORG-8).

A seat is held from ``since`` (inclusive) until ``until`` (exclusive: the day it was left);
a vacancy is open from ``since`` until the day it is ``filled``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import add_months, add_years
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, CommitteeSeat, Member, Term, Vacancy
from branchtui.domain.records.branch import SEAT_ROLES, SeatRole


def term_end(term: Term, branch_kind: str, profile: Profile) -> dt.date:
    """The last day of a term: start + N years − 1 day (ORG-4; N by branch kind and profile)."""
    return add_years(term.start, profile.term_years(branch_kind)) - dt.timedelta(days=1)


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


def fill_seat(
    data: BranchData, term: Term, role: SeatRole, member_id: str, since: dt.date
) -> RecordChanges:
    """Appoint a member to ``role`` from ``since`` (ORG-7, ORG-8): the new seat, and the role's
    oldest vacancy open that day closed by it (filled on ``since``, linked to the seat)."""
    seat = CommitteeSeat(term_id=term.id, role=role, member_id=member_id, since=since)
    open_ones = [v for v in open_vacancies(data, since) if v.role == role]
    closed = (
        (dataclasses.replace(open_ones[0], filled=since, seat_id=seat.id),) if open_ones else ()
    )
    return RecordChanges(inserts=(seat,), updates=closed)


def vacate_seat(seat: CommitteeSeat, on: dt.date) -> RecordChanges:
    """The holder leaves the seat on ``on``: the seat ends that day and a vacancy opens, from
    which the filling deadline counts (ORG-7: a secretary, ORG-8: any other seat)."""
    vacancy = Vacancy(role=seat.role, since=on, seat_id=seat.id)
    return RecordChanges(inserts=(vacancy,), updates=(dataclasses.replace(seat, until=on),))


def start_term(data: BranchData, start: dt.date) -> tuple[Term, RecordChanges]:
    """A new term from the election on ``start`` (ORG-4): the committee in office and its open
    vacancies end with it (the new committee is appointed seat by seat)."""
    old = current_term(data, start)
    term = Term(number=old.number + 1 if old else 1, start=start)
    ending = [s for s in seats_of(data, old) if s.until is None or s.until > start]
    ended = tuple(dataclasses.replace(s, until=start) for s in ending)
    closed = tuple(
        dataclasses.replace(v, filled=start, note="换届") for v in open_vacancies(data, start)
    )
    return term, RecordChanges(inserts=(term,), updates=ended + closed)
