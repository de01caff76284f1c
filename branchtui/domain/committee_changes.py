"""How the branch committee changed over a window of days, in plain Chinese lines for the work
reports (ORG-4 换届, ORG-7 and ORG-8 补选 or 指派, a member leaving a seat).

A new term is one line with its division of work; a seat taken otherwise names how (补选, 上级
党组织指派, or plainly 任); a seat left names the holder, unless the whole committee ended with a
new term that same day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.member_names import display_names
from branchtui.domain.records import BranchData, CommitteeSeat
from branchtui.domain.records.branch import SEAT_ROLES

ROLE_ORDER = list(SEAT_ROLES)


@dataclass(frozen=True)
class CommitteeChange:
    """One change of the committee: its day and what happened."""

    date: dt.date
    text: str


def _how_seated(data: BranchData, seat: CommitteeSeat) -> str:
    """``补选`` or ``上级党组织指派`` when an election filled the seat's vacancy, else ''."""
    vacancies = {v.id for v in data.vacancies if v.seat_id == seat.id and v.filled == seat.since}
    for election in data.elections:
        if election.vacancy_id in vacancies:
            return "补选" if election.kind == "by_election" else "上级党组织指派"
    return ""


def committee_changes(data: BranchData, start: dt.date, end: dt.date) -> list[CommitteeChange]:
    """The committee's changes from ``start`` to ``end`` (inclusive), in date order."""
    names = display_names(data.members)
    out: list[CommitteeChange] = []
    new_terms = {t.id: t for t in data.terms if start <= t.start <= end}
    term_starts = {t.start for t in new_terms.values()}
    for term in new_terms.values():
        seated = sorted(
            (s for s in data.seats if s.term_id == term.id and s.since == term.start),
            key=lambda s: ROLE_ORDER.index(s.role),
        )
        division = "、".join(
            f"{names.get(s.member_id or '', '')}任{SEAT_ROLES[s.role]}" for s in seated
        )
        text = f"换届选举产生第{term.number}届支部委员会" + (f"：{division}" if division else "")
        out.append(CommitteeChange(term.start, text))
    for seat in data.seats:
        name, role = names.get(seat.member_id or "", ""), SEAT_ROLES[seat.role]
        elected_with_term = (
            seat.term_id in new_terms and seat.since == new_terms[seat.term_id].start
        )
        if seat.since and start <= seat.since <= end and name and not elected_with_term:
            how = _how_seated(data, seat)
            text = f"{how}{name}为{role}" if how == "补选" else f"{how}{name}任{role}"
            out.append(CommitteeChange(seat.since, text))
        if seat.until and start <= seat.until <= end and name and seat.until not in term_starts:
            out.append(CommitteeChange(seat.until, f"{name}不再担任{role}"))
    return sorted(out, key=lambda c: c.date)
