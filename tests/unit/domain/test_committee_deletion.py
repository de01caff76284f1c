"""Deleting a term, a seat or a vacancy entered by mistake (ORG-4…ORG-8, domain.deletion with
domain.committee_deletion): what it ended comes back; the committee's history is refused with
a Chinese reason and what to do instead."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.committee import (
    current_term,
    elect_committee,
    fill_seat,
    holder,
    open_vacancies,
    start_term,
    vacate_seat,
)
from branchtui.domain.deletion import Deletion, deletion
from branchtui.domain.records import (
    Attendance,
    BranchData,
    CommitteeSeat,
    Election,
    ElectionCandidate,
    Meeting,
    Member,
    Term,
    Vacancy,
)
from branchtui.storage.references import dangling_references

D = dt.date
START = D(2024, 1, 10)


def _branch() -> tuple[BranchData, dict[str, Member], Term]:
    """A committee in office since 2024-01-10: 张三 书记, 李四 组织委员, 王五 纪检委员; the
    宣传委员 seat vacant since 2026-10-01."""
    data = BranchData()
    people = {name: Member(name=name) for name in ("张三", "李四", "王五", "赵六")}
    data.members.extend(people.values())
    term = Term(number=2, start=START)
    data.terms.append(term)
    for role, name in (("secretary", "张三"), ("organization", "李四"), ("discipline", "王五")):
        data.seats.append(
            CommitteeSeat(term_id=term.id, role=role, member_id=people[name].id, since=START)
        )
    data.vacancies.append(Vacancy(role="propaganda", since=D(2026, 10, 1)))
    return data, people, term


def _apply(data: BranchData, changes: RecordChanges) -> BranchData:
    gone = {r.id for r in changes.deletes}
    new = {r.id: r for r in changes.updates}
    out = BranchData(branch=data.branch)
    for name, records in data.tables.items():
        out.tables[name] = [new.get(r.id, r) for r in records if r.id not in gone]
    for record in changes.inserts:
        out.tables[record.TABLE].append(record)
    return out


def _delete(data: BranchData, table: str, record_id: str) -> tuple[Deletion, BranchData]:
    found = deletion(data, [(table, record_id)])
    assert not found.refusal, found.refusal
    after = _apply(data, found.changes)
    assert dangling_references(after) == []
    return found, after


def _committee_meeting(day: dt.date, *people: Member) -> Meeting:
    return Meeting(
        kinds=["committee_meeting"],
        date=day,
        attendance=[Attendance(member_id=p.id) for p in people],
    )


# Terms (ORG-4) -----------------------------------------------------------------------------


def test_a_term_registered_by_mistake_goes_and_the_committee_before_it_is_back() -> None:
    """n pressed by mistake on 2026-11-27: the committee and the open vacancy ended with it."""
    data, people, old = _branch()
    new, changes = start_term(data, D(2026, 11, 27))
    data = _apply(data, changes)
    assert holder(data, "secretary", D(2026, 11, 28)) is None
    assert open_vacancies(data, D(2026, 11, 28)) == []

    found, after = _delete(data, "terms", new.id)
    assert [r.id for r in found.changes.deletes] == [new.id]
    assert found.also() == "另有支委委员3条、委员空缺1条恢复原状"
    assert current_term(after, D(2026, 11, 28)).id == old.id
    assert holder(after, "secretary", D(2026, 11, 28)).id == people["张三"].id
    (vacancy,) = open_vacancies(after, D(2026, 11, 28))
    assert vacancy.role == "propaganda" and vacancy.filled is None and vacancy.note == ""


def test_a_new_term_takes_its_seats_with_it() -> None:
    data, people, _ = _branch()
    new, changes = start_term(data, D(2026, 11, 27))
    data = _apply(data, changes)
    seated = fill_seat(data, new, "secretary", people["赵六"].id, D(2026, 11, 27))
    data = _apply(data, seated)
    found, after = _delete(data, "terms", new.id)
    assert {r.TABLE for r in found.changes.deletes} == {"terms", "seats"}
    assert found.also().startswith("同时删除支委委员1条")
    assert holder(after, "secretary", D(2026, 11, 28)).id == people["张三"].id


def test_a_term_followed_by_another_is_history() -> None:
    data, _, old = _branch()
    _, changes = start_term(data, D(2026, 11, 27))
    data = _apply(data, changes)
    found = deletion(data, [("terms", old.id)])
    assert found.refusal == (
        "该任期之后已登记第3届任期（2026-11-27起），不能删除；已被接替的任期是支委会的历史记录，应保留。"
    )
    assert found.changes == RecordChanges()


def test_a_term_whose_committee_met_is_history() -> None:
    """NAT-2 counted its seats at the 支委会 held under it."""
    data, people, term = _branch()
    data.meetings.append(_committee_meeting(D(2026, 11, 20), people["张三"], people["李四"]))
    data.meetings.append(_committee_meeting(D(2025, 3, 3), people["张三"]))
    data.meetings.append(Meeting(kinds=["general_meeting"], date=D(2026, 11, 21)))
    found = deletion(data, [("terms", term.id)])
    assert found.refusal == (
        "该任期内支委会已开会2次（最近一次2026-11-20），不能删除；"
        "如本届任期已结束，请按 n 登记新一届任期或按 e 换届选举。"
    )


def test_a_term_elected_at_a_general_meeting_is_that_election_s_record() -> None:
    data, people, _ = _branch()
    meeting = Meeting(kinds=["general_meeting"], date=D(2026, 11, 20))
    data.meetings.append(meeting)
    new, changes = elect_committee(
        data, D(2026, 11, 20), [("secretary", people["赵六"].id)], meeting_id=meeting.id
    )
    data = _apply(data, changes)
    found = deletion(data, [("terms", new.id)])
    assert "由2026-11-20的支部党员大会选举产生" in found.refusal
    assert "不能删除" in found.refusal


def test_a_term_with_a_seat_left_is_history() -> None:
    data, _, term = _branch()
    secretary = data.seats[0]
    data = _apply(data, vacate_seat(secretary, D(2026, 6, 1)))
    found = deletion(data, [("terms", term.id)])
    assert found.refusal == (
        "该任期内已有委员离任（书记张三，2026-06-01离任），不能删除；有离任记录的任期应保留。"
    )


# Seats (ORG-5…ORG-8) ------------------------------------------------------------------------


def test_an_appointment_by_mistake_goes_and_the_vacancy_it_filled_is_open_again() -> None:
    data, people, term = _branch()
    appointed = fill_seat(data, term, "propaganda", people["赵六"].id, D(2026, 11, 27))
    data = _apply(data, appointed)
    assert open_vacancies(data, D(2026, 11, 28)) == []
    (seat,) = appointed.inserts
    found, after = _delete(data, "seats", seat.id)
    assert found.also() == "另有委员空缺1条恢复原状"
    (vacancy,) = open_vacancies(after, D(2026, 11, 28))
    assert vacancy.since == D(2026, 10, 1) and vacancy.seat_id is None


def test_a_seat_left_is_history_and_its_vacancy_is_what_to_delete() -> None:
    data, _, _ = _branch()
    seat = data.seats[1]
    data = _apply(data, vacate_seat(seat, D(2026, 11, 1)))
    found = deletion(data, [("seats", seat.id)])
    assert found.refusal == (
        "该支委委员已于2026-11-01离任，不能删除；如出缺登记有误，请删除该空缺（出缺随之撤销）。"
    )


def test_a_seat_the_holder_sat_at_a_committee_meeting_in_is_history() -> None:
    data, people, _ = _branch()
    data.meetings.append(_committee_meeting(D(2026, 11, 20), people["李四"]))
    found = deletion(data, [("seats", data.seats[1].id)])
    assert found.refusal == (
        "该支委委员已列入1次支委会会议的出席记录（最近一次2026-11-20），不能删除；"
        "如已不再担任，请按 v 登记出缺。"
    )
    # The secretary was not at it: appointing her was no less real, but no record rests on it.
    assert not deletion(data, [("seats", data.seats[0].id)]).refusal


def test_a_seat_an_election_produced_is_that_election_s_record() -> None:
    data, people, term = _branch()
    election = Election(
        date=START,
        term_id=term.id,
        candidates=[ElectionCandidate(member_id=people["王五"].id, votes=9, elected=True)],
    )
    data.elections.append(election)
    found = deletion(data, [("seats", data.seats[2].id)])
    assert found.refusal.startswith("该支委委员由2024-01-10换届选举产生，不能删除；")
    assert "不再担任请按 v 登记出缺" in found.refusal


# Vacancies (ORG-7, ORG-8) -------------------------------------------------------------------


def test_an_exit_by_mistake_is_undone_by_deleting_its_vacancy() -> None:
    data, people, _ = _branch()
    seat = data.seats[1]
    data = _apply(data, vacate_seat(seat, D(2026, 11, 27)))
    assert holder(data, "organization", D(2026, 11, 28)) is None
    vacancy = next(v for v in data.vacancies if v.seat_id == seat.id)
    found, after = _delete(data, "vacancies", vacancy.id)
    assert found.also() == "另有支委委员1条恢复原状"
    assert holder(after, "organization", D(2026, 11, 28)).id == people["李四"].id


def test_a_vacancy_typed_by_hand_goes_alone() -> None:
    data, _, _ = _branch()
    vacancy = data.vacancies[0]
    found, _ = _delete(data, "vacancies", vacancy.id)
    assert found.changes.deletes == (vacancy,) and found.also() == ""


def test_a_filled_vacancy_is_history_and_its_seat_is_what_to_delete() -> None:
    data, people, term = _branch()
    data = _apply(data, fill_seat(data, term, "propaganda", people["赵六"].id, D(2026, 11, 2)))
    found = deletion(data, [("vacancies", data.vacancies[0].id)])
    assert found.refusal == (
        "该委员空缺已于2026-11-02补齐，不能删除；如补齐有误，请先删除补齐它的委员（空缺随之恢复）。"
    )


def test_a_vacancy_a_new_term_closed_is_history() -> None:
    data, _, _ = _branch()
    _, changes = start_term(data, D(2026, 11, 27))
    data = _apply(data, changes)
    found = deletion(data, [("vacancies", data.vacancies[0].id)])
    assert found.refusal == "该委员空缺已随2026-11-27换届结束，不能删除；换届前的空缺是历史记录。"


def test_a_vacancy_opened_by_a_member_leaving_the_roster_is_real() -> None:
    data, people, _ = _branch()
    left = dataclasses.replace(people["李四"], removed=D(2026, 11, 1), removed_reason="deceased")
    data.members[1] = left
    data = _apply(data, vacate_seat(data.seats[1], D(2026, 11, 1)))
    vacancy = next(v for v in data.vacancies if v.seat_id == data.seats[1].id)
    found = deletion(data, [("vacancies", vacancy.id)])
    assert found.refusal == (
        "该委员空缺因李四2026-11-01移出党员名册而产生，不能删除；请按 b 补选，或由上级党组织指派补齐。"
    )
