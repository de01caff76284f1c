"""NAT-3: each candidate's next step, its deadline, and breaches of the limits."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.development import breaches, next_step
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import Candidate, CandidateEvent

D = dt.date


def person(*steps: tuple[str, dt.date, str] | tuple[str, dt.date], **fields: object) -> Candidate:
    events = [CandidateEvent(step=s[0], date=s[1], note=s[2] if len(s) > 2 else "") for s in steps]
    return Candidate(name="甲", events=events, **fields)  # type: ignore[arg-type]


def step_of(c: Candidate, on: dt.date) -> tuple[str, dt.date | None, bool]:
    found = next_step(c, on, PLAN_2017)
    assert found is not None
    return found.step, found.deadline, found.overdue


def test_NAT_3_applicant_talk_within_one_month() -> None:
    c = person(("applied", D(2026, 1, 31)))
    assert step_of(c, D(2026, 2, 28)) == ("talked", D(2026, 2, 28), False)
    assert step_of(c, D(2026, 3, 1)) == ("talked", D(2026, 2, 28), True)


def test_NAT_3_activist_needs_contacts_then_half_yearly_reviews() -> None:
    steps = (("applied", D(2025, 1, 1)), ("activist", D(2025, 3, 1)))
    assert step_of(person(*steps), D(2025, 3, 10))[0] == "assign_contacts"
    c = person(*steps, ("review", D(2025, 9, 1)), contact_ids=["a"])
    assert step_of(c, D(2025, 12, 1)) == ("review", D(2026, 3, 1), False)
    assert step_of(c, D(2026, 3, 2)) == ("review", D(2026, 3, 1), True)


def test_NAT_3_activist_becomes_eligible_after_one_year() -> None:
    c = person(
        ("applied", D(2025, 1, 1)),
        ("activist", D(2025, 3, 1)),
        ("review", D(2025, 9, 1)),
        ("review", D(2026, 2, 20)),
        contact_ids=["a", "b"],
    )
    assert step_of(c, D(2026, 3, 1)) == ("target", None, False)


def test_NAT_3_target_needs_introducers_review_training_pre_review() -> None:
    base = (("activist", D(2024, 1, 1)), ("target", D(2025, 3, 1)))
    assert step_of(person(*base), D(2025, 4, 1))[0] == "assign_introducers"
    c = person(*base, ("political_review", D(2025, 5, 1)), introducer_ids=["a", "b"])
    assert step_of(c, D(2025, 6, 1))[0] == "training"
    c.training_hours = 24
    assert step_of(c, D(2025, 6, 1))[0] == "pre_review"
    c.events.append(CandidateEvent(step="pre_review", date=D(2025, 6, 5)))
    c.events.append(CandidateEvent(step="publicity", date=D(2025, 6, 10)))
    assert step_of(c, D(2025, 6, 20))[0] == "branch_vote"


def test_NAT_3_three_training_days_count_as_enough() -> None:
    days = [("training", D(2025, 5, d)) for d in (6, 7, 8)]
    c = person(
        ("target", D(2025, 3, 1)),
        ("political_review", D(2025, 4, 1)),
        *days,
        introducer_ids=["a", "b"],
    )
    assert step_of(c, D(2025, 6, 1))[0] == "pre_review"


def test_NAT_3_approval_within_three_months_of_branch_vote() -> None:
    c = person(("target", D(2025, 3, 1)), ("branch_vote", D(2026, 6, 30)))
    assert step_of(c, D(2026, 9, 30)) == ("approved", D(2026, 9, 30), False)
    assert step_of(c, D(2026, 10, 1))[2] is True
    assert any("6个月" in b for b in breaches(c, D(2027, 1, 1), PLAN_2017))


def test_NAT_3_probation_one_year_from_branch_vote_extension_once() -> None:
    c = person(("branch_vote", D(2025, 12, 1)), ("approved", D(2026, 1, 10)))
    assert step_of(c, D(2026, 11, 27)) == ("converted", D(2026, 12, 1), False)
    c.events.append(
        CandidateEvent(step="probation_extended", date=D(2026, 12, 1), note="延长6个月")
    )
    assert step_of(c, D(2026, 12, 2)) == ("converted", D(2027, 6, 1), False)
    c.events.append(CandidateEvent(step="probation_extended", date=D(2027, 6, 1), note="6"))
    assert "预备期延长超过一次" in breaches(c, D(2027, 6, 2), PLAN_2017)


def test_NAT_3_branch_vote_without_pre_review_is_a_breach() -> None:
    c = person(
        ("activist", D(2024, 1, 1)),
        ("target", D(2025, 3, 1)),
        ("branch_vote", D(2025, 9, 1)),
        introducer_ids=["a", "b"],
        training_hours=30,
    )
    assert breaches(c, D(2025, 9, 2), PLAN_2017) == ["支部大会讨论前未经上级党委预审"]


def test_NAT_3_full_member_has_no_next_step() -> None:
    c = person(
        ("branch_vote", D(2024, 12, 1)), ("approved", D(2025, 1, 1)), ("converted", D(2025, 12, 1))
    )
    assert next_step(c, D(2026, 1, 1), PLAN_2017) is None
