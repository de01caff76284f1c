"""What saving an election writes (ORG-4, ORG-7, ORG-8), decided here so the wizards only ask.

A 换届选举 saves the Election record, the 支部党员大会 it was held at (with who came; it counts
for LIFE-1 and is filed in the ledger, SYS-3), the new term and its seats (the old committee
ends), and — when fewer were elected than seats and the rest is to be elected again — the
seats left vacant (ORG-8). A 补选 saves the Election, its meeting and the filled vacancy; an
appointment by the upper organization (书记 only, ORG-7) saves the Election and the seat.
All of it is one RecordChanges: one commit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain import committee
from branchtui.domain.changes import RecordChanges
from branchtui.domain.election import (
    Outcome,
    Tally,
    ballot_problems,
    candidate_margin,
    election_outcome,
    election_quorum,
    tally_problems,
)
from branchtui.domain.ledger_filing import entry_filing
from branchtui.domain.member_names import display_names
from branchtui.domain.profile import Profile
from branchtui.domain.records import (
    Attendance,
    BranchData,
    Election,
    Meeting,
    Record,
    Vacancy,
)
from branchtui.domain.records.branch import SEAT_ROLES, SHORTFALLS, SeatRole


def names_of(data: BranchData) -> dict[str, str]:
    return display_names(data.members)


def outcome_of(election: Election, data: BranchData) -> Outcome:
    """The count of ``election``'s votes by the rules (domain.election.election_outcome)."""
    names = names_of(data)
    tallies = [
        Tally(c.member_id, names.get(c.member_id, ""), c.votes, c.runoff_votes)
        for c in election.candidates
    ]
    return election_outcome(tallies, election.seats, election.voters_present or 0)


def with_outcome(election: Election, outcome: Outcome) -> Election:
    """The election with each candidate marked elected or not (roles kept for the elected)."""
    chosen = set(outcome.elected)
    candidates = [
        dataclasses.replace(
            c, elected=c.member_id in chosen, role=c.role if c.member_id in chosen else ""
        )
        for c in election.candidates
    ]
    return dataclasses.replace(election, candidates=candidates)


def vacancy_of(election: Election, data: BranchData) -> Vacancy | None:
    found = data.find("vacancies", election.vacancy_id)
    return found if isinstance(found, Vacancy) else None


def vote_problems(election: Election, data: BranchData, profile: Profile) -> list[str]:
    """Everything that stops the vote from deciding, in Chinese: the quorum, the 差额, the
    ballots, the votes, a tie not yet voted on again, nobody elected."""
    by_election = election.kind == "by_election"
    out: list[str] = []
    quorum = election_quorum(election.voters_expected or 0, election.voters_present or 0, profile)
    if not quorum.met:
        out.append(quorum.text)
    margin = candidate_margin(
        election.seats, len(election.candidates), profile, by_election=by_election
    )
    if not margin.ok:
        out.append(margin.text)
    present = election.voters_present or 0
    ballots = ballot_problems(
        election.ballots_issued,
        election.ballots_returned,
        election.ballots_valid,
        election.ballots_invalid,
        present,
    )
    out += list(ballots.values())
    votes = {c.member_id: c.votes for c in election.candidates}
    out += list(
        tally_problems(votes, names_of(data), election.ballots_valid or 0, election.seats).values()
    )
    if out:
        return out
    outcome = outcome_of(election, data)
    if not outcome.decided:
        out.append(outcome.lines[-1])
    elif not outcome.elected:
        out.append("无人当选，应重新组织选举")
    return out


def save_problems(election: Election, data: BranchData, profile: Profile) -> list[str]:
    """Everything that stops the election from being saved (the wizard's review step)."""
    out: list[str] = []
    if election.kind in ("by_election", "appointment"):
        vacancy = vacancy_of(election, data)
        if vacancy is None or not committee.vacancy_open_on(vacancy, election.date):
            out.append("该空缺不存在或在选举日期已补齐")
        if committee.current_term(data, election.date) is None:
            out.append("选举日期不在任何一届任期内，无法补选")
    if election.kind == "appointment":
        if election.plan_approved is None:
            out.append("请填写上级党组织指派的日期")
        if len([c for c in election.candidates if c.elected]) != 1:
            out.append("请选择上级党组织指派的书记")
        return out
    out += vote_problems(election, data, profile)
    if out:
        return out
    elected = [c for c in election.candidates if c.elected]
    if election.kind == "renewal":
        errors, _ = committee.division_problems([c.role for c in elected])
        out += errors
        if len(elected) < election.seats and not election.shortfall:
            out.append("当选人数少于应选名额，请选择另行选举或减少名额")
    return out


def election_summary(election: Election, data: BranchData, profile: Profile) -> list[str]:
    """The election in lines of plain Chinese: for the review step and the meeting's record."""
    if election.kind == "appointment":
        vacancy = vacancy_of(election, data)
        role = SEAT_ROLES.get(vacancy.role, "") if vacancy else ""
        who = "、".join(names_of(data).get(c.member_id, "") for c in election.candidates)
        ref = f"（{election.plan_ref}）" if election.plan_ref else ""
        return [f"上级党组织指派{who}任{role}{ref}"]
    present = election.voters_present or 0
    quorum = election_quorum(election.voters_expected or 0, present, profile)
    margin = candidate_margin(
        election.seats,
        len(election.candidates),
        profile,
        by_election=election.kind == "by_election",
    )
    lines = [quorum.text, margin.text]
    if election.ballots_issued is not None:
        lines.append(
            f"发出选票{election.ballots_issued}张，收回{election.ballots_returned or 0}张，"
            f"有效票{election.ballots_valid or 0}张，无效票{election.ballots_invalid or 0}张"
        )
    names = names_of(data)
    tellers = [
        f"{label}：{'、'.join(names.get(m, '') for m in ids)}"
        for label, ids in (("计票人", election.counter_ids), ("监票人", election.scrutineer_ids))
        if ids
    ]
    if tellers:
        lines.append("；".join(tellers))
    lines += outcome_of(election, data).lines
    order = list(SEAT_ROLES)
    seated = sorted(
        (c for c in election.candidates if c.elected and c.role), key=lambda c: order.index(c.role)
    )
    division = [f"{names.get(c.member_id, '')}任{SEAT_ROLES[c.role]}" for c in seated]
    if division:
        lines.append("分工：" + "，".join(division))
    if election.shortfall:
        lines.append(f"名额不足的处理：{SHORTFALLS[election.shortfall]}")
    return lines


def meeting_topic(election: Election, data: BranchData) -> str:
    """``选举产生第3届支部委员会`` or ``补选书记``."""
    if election.kind == "renewal":
        old = committee.current_term(data, election.date)
        return f"选举产生第{old.number + 1 if old else 1}届支部委员会"
    vacancy = vacancy_of(election, data)
    return f"补选{SEAT_ROLES.get(vacancy.role, '委员') if vacancy else '委员'}"


def election_meeting(
    election: Election,
    data: BranchData,
    profile: Profile,
    *,
    attendance: list[Attendance],
    start: str,
    place: str,
    host_id: str | None,
    recorder_id: str | None,
    today: dt.date,
) -> Meeting:
    """The 支部党员大会 the election was held at (LIFE-1), its result as the content."""
    return Meeting(
        kinds=["general_meeting"],
        date=election.date,
        start=start,
        place=place,
        topic=meeting_topic(election, data),
        content="\n".join(election_summary(election, data, profile)),
        host_id=host_id,
        recorder_id=recorder_id,
        attendance=attendance,
        entered_on=today,
    )


def election_changes(
    data: BranchData, election: Election, meeting: Meeting | None
) -> RecordChanges:
    """Every record the election writes, for one commit (see the module's docstring).
    ValueError when the vacancy or the term it needs is missing."""
    inserts: list[Record] = []
    if meeting is not None and data.find("meetings", meeting.id) is None:
        inserts.append(meeting)
        # SYS-3: the general meeting is filed as it is entered, under 组织建设.
        held = RecordChanges((meeting,))
        inserts += entry_filing(data, held, meeting.date, category="organization").inserts
    meeting_id = meeting.id if meeting is not None else None
    elected = [c for c in election.candidates if c.elected]
    if election.kind == "renewal":
        division: list[tuple[SeatRole, str]] = [(c.role or "other", c.member_id) for c in elected]
        short = election.seats - len(elected) if election.shortfall == "re_elect" else 0
        term, seats = committee.elect_committee(
            data, election.date, division, meeting_id=meeting_id, open_seats=max(0, short)
        )
        saved = dataclasses.replace(election, meeting_id=meeting_id, term_id=term.id)
        return RecordChanges(tuple(inserts)) + seats + RecordChanges((saved,))
    vacancy = vacancy_of(election, data)
    if vacancy is None or len(elected) != 1:
        raise ValueError("补选须有一个空缺和一名当选人")
    (winner,) = elected
    candidates = [
        dataclasses.replace(c, role=vacancy.role if c.elected else "") for c in election.candidates
    ]
    saved = dataclasses.replace(election, meeting_id=meeting_id, candidates=candidates)
    filled = committee.by_election_seat(data, vacancy, winner.member_id, election.date)
    return RecordChanges(tuple(inserts)) + filled + RecordChanges((saved,))
