"""Saving a member: whatever way a member leaves (removal, transfer out, an exit decision), a
group they led loses its leader (ORG-2) and a seat they held opens a vacancy (ORG-7, ORG-8)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.committee import holder, open_vacancies
from branchtui.domain.exits import member_exit
from branchtui.domain.member_changes import member_changed
from branchtui.domain.obligations import obligations_on
from branchtui.domain.records import Branch, BranchData, CommitteeSeat, Member, PartyGroup, Term

D = dt.date


def branch_with_secretary() -> tuple[BranchData, Member]:
    data = BranchData(branch=Branch(name="第一党支部", created=D(2025, 1, 1)))
    secretary = Member(name="张三", joined=D(2000, 1, 1))
    other = Member(name="李四", joined=D(2001, 1, 1))
    term = Term(start=D(2025, 6, 1))
    group = PartyGroup(name="第一党小组", leader_id=secretary.id)
    secretary = dataclasses.replace(secretary, group_id=group.id)
    data.members.extend([secretary, other])
    data.groups.append(group)
    data.terms.append(term)
    data.seats.append(
        CommitteeSeat(term_id=term.id, role="secretary", member_id=secretary.id, since=term.start)
    )
    return data, secretary


def apply(data: BranchData, changes: object) -> BranchData:
    for record in (*changes.updates, *changes.inserts):  # type: ignore[attr-defined]
        table = data.records(record.TABLE)
        table[:] = [r for r in table if r.id != record.id] + [record]
    return data


def test_a_secretary_removed_leaves_the_seat_and_the_vacancy_counts_from_that_day() -> None:
    data, secretary = branch_with_secretary()
    removed = dataclasses.replace(secretary, removed=D(2026, 10, 8), removed_reason="deceased")
    apply(data, member_changed(data, secretary, removed))
    assert holder(data, "secretary", D(2026, 10, 9)) is None
    (vacancy,) = open_vacancies(data, D(2026, 10, 9))
    assert (vacancy.role, vacancy.since) == ("secretary", D(2026, 10, 8))
    assert data.groups[0].leader_id is None
    # ORG-7: a month to fill it — overdue after that, counted from the removal.
    (org7,) = [ob for ob in obligations_on(data, D(2026, 11, 27)) if ob.rule == "ORG-7"]
    assert org7.status == "overdue"


def test_an_exit_decision_goes_through_the_same_consequences() -> None:
    data, secretary = branch_with_secretary()
    apply(data, member_exit(data, secretary.id, "expelled", D(2026, 9, 1), "开除党籍决定"))
    assert [v.since for v in open_vacancies(data, D(2026, 9, 2))] == [D(2026, 9, 1)]


def test_editing_a_member_who_stays_changes_no_seat() -> None:
    data, secretary = branch_with_secretary()
    renamed = dataclasses.replace(secretary, phone="13800000000")
    assert member_changed(data, secretary, renamed).inserts == ()
    assert holder(data, "secretary", D(2026, 11, 27)) is not None
