"""The committee: term ends (ORG-4), holders (ORG-5, ORG-6) and vacancies (ORG-7, ORG-8)."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.committee import (
    by_election_seat,
    current_term,
    days_vacant,
    division_problems,
    effective_term_end,
    elect_committee,
    extension_limit,
    fill_seat,
    holder,
    open_vacancies,
    renewal_reminder_from,
    seat_since_warning,
    seats_of,
    start_term,
    term_end,
    vacancy_deadline,
    vacate_seat,
)
from branchtui.domain.profile import NATIONAL, PLAN_2017
from branchtui.domain.records import BranchData, CommitteeSeat, Member, Term, Vacancy

D = dt.date


def test_term_end_by_branch_kind_and_profile() -> None:
    term = Term(start=D(2024, 3, 15))
    assert term_end(term, "branch", PLAN_2017) == D(2026, 3, 14)
    assert term_end(term, "general_branch", PLAN_2017) == D(2027, 3, 14)
    assert term_end(term, "branch", NATIONAL) == D(2027, 3, 14)
    # A term begun on a leap day runs to 28 February, the day before 1 March (ORG-4).
    assert term_end(Term(start=D(2024, 2, 29)), "branch", PLAN_2017) == D(2026, 2, 28)
    assert term_end(Term(start=D(2024, 2, 29)), "branch", NATIONAL) == D(2027, 2, 28)
    assert term_end(Term(start=D(2023, 3, 1)), "branch", PLAN_2017) == D(2025, 2, 28)
    assert term_end(Term(start=D(2022, 3, 1)), "branch", PLAN_2017) == D(2024, 2, 29)


def test_extension_counts_only_when_approved_and_is_capped() -> None:
    asked = Term(start=D(2024, 3, 15), extension_until=D(2026, 9, 30))
    assert effective_term_end(asked, "branch", PLAN_2017) == D(2026, 3, 14)
    approved = Term(
        start=D(2024, 3, 15), extension_until=D(2026, 9, 30), extension_approved=D(2026, 2, 1)
    )
    assert effective_term_end(approved, "branch", PLAN_2017) == D(2026, 9, 30)
    too_long = Term(
        start=D(2024, 3, 15), extension_until=D(2028, 1, 1), extension_approved=D(2026, 2, 1)
    )
    assert extension_limit(too_long, "branch", PLAN_2017) == D(2027, 3, 14)
    assert effective_term_end(too_long, "branch", PLAN_2017) == D(2027, 3, 14)
    assert renewal_reminder_from(approved, "branch", PLAN_2017) == D(2026, 6, 30)


def _committee() -> tuple[BranchData, dict[str, Member], Term, Term]:
    data = BranchData()
    people = {name: Member(name=name) for name in ("张三", "李四", "王五")}
    data.members.extend(people.values())
    old, new = Term(number=1, start=D(2022, 1, 10)), Term(number=2, start=D(2024, 1, 10))
    data.terms.extend([new, old])
    data.seats.extend(
        [
            CommitteeSeat(
                term_id=old.id, role="secretary", member_id=people["王五"].id, since=old.start
            ),
            CommitteeSeat(
                term_id=new.id, role="discipline", member_id=people["李四"].id, since=new.start
            ),
            CommitteeSeat(
                term_id=new.id,
                role="secretary",
                member_id=people["张三"].id,
                since=new.start,
                until=D(2026, 10, 1),
            ),
        ]
    )
    return data, people, old, new


def test_current_term_and_its_seats_secretary_first() -> None:
    data, _, old, new = _committee()
    assert current_term(data, D(2023, 6, 1)) is old
    assert current_term(data, D(2026, 11, 27)) is new
    assert current_term(data, D(2021, 1, 1)) is None
    assert [s.role for s in seats_of(data, new)] == ["secretary", "discipline"]
    assert seats_of(data, None) == []


def test_holder_on_a_date_follows_the_term_and_the_seat_dates() -> None:
    data, people, _, _ = _committee()
    assert holder(data, "secretary", D(2023, 6, 1)) is people["王五"]
    assert holder(data, "secretary", D(2026, 9, 30)) is people["张三"]
    assert holder(data, "secretary", D(2026, 10, 1)) is None
    assert holder(data, "discipline", D(2026, 11, 27)) is people["李四"]
    assert holder(data, "deputy_secretary", D(2026, 11, 27)) is None


def test_vacancies_open_days_and_deadlines() -> None:
    data = BranchData()
    secretary = Vacancy(role="secretary", since=D(2026, 10, 1))
    filled = Vacancy(role="propaganda", since=D(2026, 1, 5), filled=D(2026, 3, 1))
    later = Vacancy(role="organization", since=D(2026, 11, 1))
    data.vacancies.extend([later, filled, secretary])
    assert open_vacancies(data, D(2026, 11, 27)) == [secretary, later]
    assert open_vacancies(data, D(2026, 2, 1)) == [filled]
    assert days_vacant(secretary, D(2026, 11, 27)) == 57
    assert days_vacant(filled, D(2026, 11, 27)) == 55
    assert days_vacant(later, D(2026, 10, 1)) == 0
    assert vacancy_deadline(secretary, PLAN_2017) == D(2026, 11, 1)
    assert vacancy_deadline(later, PLAN_2017) == D(2027, 2, 1)


def test_filling_a_seat_closes_its_oldest_open_vacancy() -> None:
    # ORG-7/ORG-8: the by-election on 11-20 ends the vacancy; the deadline stops counting.
    data, people, _, new = _committee()
    older = Vacancy(role="secretary", since=D(2026, 10, 1))
    newer = Vacancy(role="secretary", since=D(2026, 11, 1))
    other = Vacancy(role="propaganda", since=D(2026, 9, 1))
    data.vacancies.extend([newer, other, older])
    changes = fill_seat(data, new, "secretary", people["王五"].id, D(2026, 11, 20))
    (seat,) = changes.inserts
    assert isinstance(seat, CommitteeSeat)
    assert (seat.role, seat.member_id, seat.since, seat.term_id) == (
        "secretary",
        people["王五"].id,
        D(2026, 11, 20),
        new.id,
    )
    (closed,) = changes.updates
    assert isinstance(closed, Vacancy)
    assert closed.id == older.id and closed.filled == D(2026, 11, 20) and closed.seat_id == seat.id
    assert older.filled is None  # the records read are not changed in place
    data.seats.append(seat)
    data.vacancies[data.vacancies.index(older)] = closed
    assert holder(data, "secretary", D(2026, 11, 27)) is people["王五"]
    assert [v.id for v in open_vacancies(data, D(2026, 11, 27))] == [other.id, newer.id]


def test_filling_a_seat_without_a_vacancy_changes_nothing_else() -> None:
    data, people, _, new = _committee()
    changes = fill_seat(data, new, "deputy_secretary", people["王五"].id, D(2026, 11, 20))
    assert len(changes.inserts) == 1 and changes.updates == ()


def test_a_vacancy_opened_after_the_appointment_date_stays_open() -> None:
    data, people, _, new = _committee()
    later = Vacancy(role="secretary", since=D(2026, 12, 1))
    data.vacancies.append(later)
    assert fill_seat(data, new, "secretary", people["王五"].id, D(2026, 11, 20)).updates == ()


def test_vacating_a_seat_ends_it_and_opens_a_vacancy_that_day() -> None:
    data, _, _, _new = _committee()
    discipline = next(s for s in data.seats if s.role == "discipline")
    changes = vacate_seat(discipline, D(2026, 11, 2))
    (ended,) = changes.updates
    (vacancy,) = changes.inserts
    assert isinstance(ended, CommitteeSeat) and ended.until == D(2026, 11, 2)
    assert isinstance(vacancy, Vacancy)
    assert (vacancy.role, vacancy.since, vacancy.seat_id) == (
        "discipline",
        D(2026, 11, 2),
        discipline.id,
    )
    assert vacancy_deadline(vacancy, PLAN_2017) == D(2027, 2, 2)  # ORG-8: 3 months


def test_a_new_term_ends_the_committee_and_its_vacancies() -> None:
    data, _, _, _new = _committee()
    vacancy = Vacancy(role="secretary", since=D(2026, 10, 1))
    data.vacancies.append(vacancy)
    term, changes = start_term(data, D(2026, 12, 1))
    assert (term.number, term.start) == (3, D(2026, 12, 1))
    assert changes.inserts == (term,)
    ended = {type(r).__name__: r for r in changes.updates}
    discipline = ended["CommitteeSeat"]
    assert isinstance(discipline, CommitteeSeat) and discipline.until == D(2026, 12, 1)
    closed = ended["Vacancy"]
    assert isinstance(closed, Vacancy) and closed.filled == D(2026, 12, 1) and closed.note == "换届"
    # The secretary's seat had already ended on 10-01: it keeps its own end.
    assert all(getattr(r, "role", "") != "secretary" for r in changes.updates if r is not closed)


def test_the_first_term_is_number_one() -> None:
    term, changes = start_term(BranchData(), D(2026, 1, 5))
    assert term.number == 1 and changes.updates == ()


def test_division_of_work_needs_one_secretary_and_single_named_seats() -> None:
    assert division_problems(["secretary", "organization", "discipline", "other", "other"]) == (
        [],
        [],
    )
    errors, warnings = division_problems(["organization", "propaganda", "other"])
    assert errors == ["新一届支委会应有一名书记（ORG-5）"]
    assert warnings == ["未设纪检委员（ORG-6：支委会应设纪检委员）"]
    errors, _ = division_problems(["secretary", "secretary", "discipline", ""])
    assert errors == ["请为每名当选人确定分工", "书记只能有一名"]


def test_an_elected_committee_replaces_the_old_and_leaves_the_shortfall_vacant() -> None:
    data, people, _, new = _committee()
    term, changes = elect_committee(
        data,
        D(2026, 12, 1),
        [("secretary", people["李四"].id), ("discipline", people["王五"].id)],
        meeting_id="meet1",
        open_seats=1,
    )
    assert term.number == 3 and term.elected_at_meeting_id == "meet1"
    seats = [r for r in changes.inserts if isinstance(r, CommitteeSeat)]
    assert [(s.role, s.member_id, s.term_id, s.since) for s in seats] == [
        ("secretary", people["李四"].id, term.id, D(2026, 12, 1)),
        ("discipline", people["王五"].id, term.id, D(2026, 12, 1)),
    ]
    (vacant,) = [r for r in changes.inserts if isinstance(r, Vacancy)]
    assert (vacant.role, vacant.since, vacant.filled) == ("other", D(2026, 12, 1), None)
    ended = [r for r in changes.updates if isinstance(r, CommitteeSeat)]
    assert [(s.term_id, s.until) for s in ended] == [(new.id, D(2026, 12, 1))]


def test_a_by_election_fills_the_vacancy_and_frees_the_winners_old_seat() -> None:
    # ORG-7: 李四 (纪检委员) is elected 书记: the secretary vacancy closes, a discipline one opens.
    data, people, _, new = _committee()
    vacancy = Vacancy(role="secretary", since=D(2026, 10, 1))
    data.vacancies.append(vacancy)
    changes = by_election_seat(data, vacancy, people["李四"].id, D(2026, 10, 20))
    (opened,) = [r for r in changes.inserts if isinstance(r, Vacancy)]
    assert (opened.role, opened.since) == ("discipline", D(2026, 10, 20))
    (seat,) = [r for r in changes.inserts if isinstance(r, CommitteeSeat)]
    assert (seat.role, seat.member_id, seat.term_id) == ("secretary", people["李四"].id, new.id)
    closed = next(r for r in changes.updates if isinstance(r, Vacancy))
    assert closed.id == vacancy.id and closed.filled == D(2026, 10, 20)
    left = next(r for r in changes.updates if isinstance(r, CommitteeSeat))
    assert left.role == "discipline" and left.until == D(2026, 10, 20)
    with pytest.raises(ValueError, match="尚未登记本届任期"):
        by_election_seat(BranchData(), vacancy, people["李四"].id, D(2026, 10, 20))


def test_a_seat_taken_before_the_term_began_is_warned() -> None:
    term = Term(start=D(2024, 2, 29))
    warning = seat_since_warning(term, D(2023, 1, 1))
    assert warning is not None and warning.startswith("注意：") and "2024-02-29" in warning
    assert seat_since_warning(term, D(2024, 2, 29)) is None
    assert seat_since_warning(term, D(2025, 1, 1)) is None


def test_a_seat_given_to_one_not_yet_a_full_member_that_day_is_warned() -> None:
    """NAT-1, ORG-5: a 预备党员 has no right to be elected; appointing one (or one who had not
    yet joined) is most likely a wrong pick or a wrong date, so the date prompt warns."""
    term = Term(start=D(2025, 6, 18))
    probationary = Member(name="冯雪", status="probationary", joined=D(2026, 3, 1))
    warning = seat_since_warning(term, D(2025, 6, 18), probationary)
    assert warning is not None and warning.startswith("注意：") and "冯雪" in warning
    assert "预备党员" in warning and "再按 Enter" in warning
    full = Member(name="王建国", status="full", joined=D(1998, 7, 1), full_date=D(1999, 7, 1))
    assert seat_since_warning(term, D(2025, 6, 18), full) is None
    converted = Member(name="孙丽", status="full", joined=D(2025, 3, 1), full_date=D(2026, 3, 1))
    assert seat_since_warning(term, D(2025, 6, 18), converted) is not None
    assert seat_since_warning(term, D(2026, 3, 1), converted) is None


def test_the_first_seats_of_a_term_are_dated_from_its_start_by_default() -> None:
    """ORG-5: a new secretary enters the committee elected on the term's first day; the date
    prompt offers that day until a seat of the term is on file, then today."""
    from branchtui.domain.committee import default_seat_since

    data = BranchData()
    term = Term(start=D(2025, 6, 18))
    data.terms.append(term)
    assert default_seat_since(data, term, D(2026, 11, 27)) == D(2025, 6, 18)
    data.seats.append(CommitteeSeat(term_id=term.id, role="secretary", since=D(2025, 6, 18)))
    assert default_seat_since(data, term, D(2026, 11, 27)) == D(2026, 11, 27)
    ahead = Term(start=D(2027, 1, 5))  # registered ahead of its start: today stays
    assert default_seat_since(BranchData(), ahead, D(2026, 11, 27)) == D(2026, 11, 27)
