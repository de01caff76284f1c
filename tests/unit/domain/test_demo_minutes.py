"""The demo's meetings carry real minutes: named speeches, decisions with owner and deadline,
votes with method and tellers, the lecture, the theme day's actions, named criticism."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.demo import make_demo
from branchtui.domain.meetings.checks import ledger_defects
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo() -> BranchData:
    return make_demo(today=TODAY)


def test_committee_meetings_decide_with_owner_and_deadline(demo: BranchData) -> None:
    committee = [m for m in demo.meetings if "committee_meeting" in m.kinds]
    assert committee and all(len(m.agenda) == 2 for m in committee)
    for meeting in committee:
        for item in meeting.agenda:
            assert item.speeches and all(s.member_id for s in item.speeches)
            owned = [d for d in item.decisions if not d.referred]
            assert owned and all(d.owner_id and d.due for d in owned)
    assert any(d.referred for m in committee for i in m.agenda for d in i.decisions)


def test_the_election_votes_candidates_one_by_one_by_secret_ballot(demo: BranchData) -> None:
    elected = {t.elected_at_meeting_id for t in demo.terms if t.elected_at_meeting_id}
    election = next(m for m in demo.meetings if m.id in elected)
    assert len(election.votes) >= 3 and len({v.candidate for v in election.votes}) == len(
        election.votes
    )
    assert all(
        v.method == "secret_ballot" and v.counter_ids and v.scrutineer_ids for v in election.votes
    )
    assert all(v.method for m in demo.meetings for v in m.votes)


def test_lectures_theme_days_and_life_meetings_have_their_parts(demo: BranchData) -> None:
    lectures = [m for m in demo.meetings if "party_lecture" in m.kinds]
    assert all(
        m.lecture and m.lecture.title and m.lecture.summary and m.lecture.listeners
        for m in lectures
    )
    days = [m for m in demo.meetings if "theme_day" in m.kinds]
    assert all(m.theme_day and {"study", "dues"} <= set(m.theme_day.required_actions) for m in days)
    assert any(m.theme_day.activist_ids for m in days if m.theme_day)
    life = [m for m in demo.meetings if "life_meeting" in m.kinds]
    for meeting in life:
        assert meeting.life_meeting and meeting.life_meeting.rectifications
        assert all(c.critic_id for e in meeting.life_meeting.examinations for c in e.criticisms)
    tallied = [r for a in demo.appraisals for r in a.results if r.grade]
    assert tallied and all(
        sum(r.tally.values()) <= a.ballots_valid for a in demo.appraisals for r in a.results
    )


def test_the_ledger_check_finds_only_the_planted_late_entry(demo: BranchData) -> None:
    defects = ledger_defects(demo, get_profile("plan-2017"), WorkCalendar(), until=TODAY)
    assert [(d.field, d.date.year) for d in defects] == [("entered_on", 2025)]
    assert defects[0].message.startswith("会后补记：会议后第6个工作日")
