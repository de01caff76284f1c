"""NAT-3: each candidate's place in the 25 steps, the steps owed, their deadlines and breaches.

Every time limit is tested on its boundary day and the day after (1 month, 6 months, 1 year,
3 and 6 months for approval, probation of 1 year and its extension).
"""

from __future__ import annotations

import datetime as dt

from branchtui.domain.development import (
    next_step,
    pending_steps,
    probation_end,
    stage_of,
    training_days,
    training_done,
)
from branchtui.domain.development_rules import (
    approval_timing,
    breaches,
    conversion_timing,
    extension_problem,
    review_late,
    talk_late,
    target_too_early,
)
from branchtui.domain.development_steps import STAGES, STEP_BY_CODE, STEPS
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import Candidate, CandidateEvent

D = dt.date


def person(*steps: tuple[str, dt.date], **fields: object) -> Candidate:
    events = [CandidateEvent(step=s, date=d) for s, d in steps]  # type: ignore[arg-type]
    return Candidate(name="甲", events=events, **fields)  # type: ignore[arg-type]


def step_of(c: Candidate, on: dt.date) -> tuple[str, dt.date | None, bool]:
    found = next_step(c, on, PLAN_2017)
    assert found is not None
    return found.code, found.deadline, found.overdue


def test_the_25_steps_in_five_stages_in_order() -> None:
    assert [s.number for s in STEPS] == list(range(1, 26))
    assert [len([s for s in STEPS if s.stage == n]) for n in STAGES] == [2, 4, 5, 7, 7]
    assert STEPS[0].name == "递交入党申请书" and STEPS[-1].name == "材料归档"
    assert STEP_BY_CODE["activist"].companion == "recommended"  # 推优 (DEV-3)
    assert STEP_BY_CODE["pre_review"].companion == "publicity"  # 公示 (DEV-3)
    on_file = {s.code for s in STEPS if s.on_file}
    assert {
        "activist_filed",
        "target_filed",
        "pre_review",
        "branch_vote",
    } <= on_file  # 备案 预审 票决


def test_NAT_3_applicant_talk_within_one_month() -> None:
    c = person(("applied", D(2026, 1, 31)))
    assert step_of(c, D(2026, 2, 28)) == ("talked", D(2026, 2, 28), False)
    assert step_of(c, D(2026, 3, 1)) == ("talked", D(2026, 2, 28), True)
    assert talk_late(D(2026, 1, 31), D(2026, 2, 28), PLAN_2017) is None
    assert "已晚1天" in (talk_late(D(2026, 1, 31), D(2026, 3, 1), PLAN_2017) or "")


def test_NAT_3_after_the_talk_the_next_step_is_naming_an_activist() -> None:
    c = person(("applied", D(2026, 1, 5)), ("talked", D(2026, 1, 20)))
    assert step_of(c, D(2026, 3, 1)) == ("activist", None, False)
    assert stage_of(c) == 1


def test_NAT_3_activist_steps_then_half_yearly_reviews() -> None:
    steps = (("applied", D(2025, 1, 1)), ("talked", D(2025, 1, 10)), ("activist", D(2025, 3, 1)))
    c = person(*steps)
    owed = [n.code for n in pending_steps(c, D(2025, 3, 10), PLAN_2017)]
    # The steps after naming the activist, in order (the review's deadline is months away),
    # and naming the target, which may not be taken for a year yet.
    assert owed == ["activist_filed", "contacts_assigned", "review", "target"]
    c = person(
        *steps,
        ("activist_filed", D(2025, 3, 5)),
        ("contacts_assigned", D(2025, 3, 5)),
        ("review", D(2025, 9, 1)),
        contact_ids=["a"],
    )
    assert step_of(c, D(2025, 12, 1)) == ("review", D(2026, 3, 1), False)
    assert step_of(c, D(2026, 2, 28)) == ("review", D(2026, 3, 1), False)
    assert step_of(c, D(2026, 3, 2)) == ("review", D(2026, 3, 1), True)
    assert stage_of(c) == 2


def test_NAT_3_review_every_six_months_boundary() -> None:
    assert review_late(D(2025, 3, 1), D(2025, 9, 1), PLAN_2017) is None
    assert "超过6个月" in (review_late(D(2025, 3, 1), D(2025, 9, 2), PLAN_2017) or "")


def test_NAT_3_activist_becomes_eligible_after_one_year() -> None:
    c = person(
        ("applied", D(2025, 1, 1)),
        ("talked", D(2025, 1, 10)),
        ("recommended", D(2025, 2, 20)),
        ("activist", D(2025, 3, 1)),
        ("activist_filed", D(2025, 3, 5)),
        ("contacts_assigned", D(2025, 3, 5)),
        ("review", D(2025, 9, 1)),
        ("review", D(2026, 2, 20)),
        contact_ids=["a", "b"],
    )
    assert step_of(c, D(2026, 2, 28)) == ("review", D(2026, 8, 20), False)
    assert step_of(c, D(2026, 3, 1)) == ("target", None, False)
    assert target_too_early(c, D(2026, 2, 28), PLAN_2017) == (
        "入党积极分子培养教育满1年后方可确定为发展对象（最早2026-03-01）"
    )
    assert target_too_early(c, D(2026, 3, 1), PLAN_2017) is None


def test_NAT_3_target_needs_introducers_review_training_pre_review() -> None:
    base = (
        ("applied", D(2023, 9, 1)),
        ("talked", D(2023, 9, 10)),
        ("recommended", D(2023, 12, 20)),
        ("activist", D(2024, 1, 1)),
        ("activist_filed", D(2024, 1, 5)),
        ("contacts_assigned", D(2024, 1, 5)),
        ("review", D(2024, 7, 1)),
        ("target", D(2025, 3, 1)),
    )
    assert step_of(person(*base), D(2025, 4, 1))[0] == "target_filed"
    c = person(
        *base,
        ("target_filed", D(2025, 3, 5)),
        ("introducers_assigned", D(2025, 3, 5)),
        ("political_review", D(2025, 5, 1)),
        introducer_ids=["a", "b"],
    )
    assert step_of(c, D(2025, 6, 1))[0] == "training"
    c.events.append(CandidateEvent(step="training", date=D(2025, 5, 6), hours=24))
    assert step_of(c, D(2025, 6, 1))[0] == "committee_review"
    assert stage_of(c) == 3


def test_NAT_3_three_training_days_or_24_hours_count_as_enough() -> None:
    two_days = person(("target", D(2025, 3, 1)))
    two_days.events.append(
        CandidateEvent(step="training", date=D(2025, 5, 6), until=D(2025, 5, 7), hours=16)
    )
    assert training_days(two_days) == 2 and not training_done(two_days, PLAN_2017)
    three = person(("target", D(2025, 3, 1)))
    three.events.append(CandidateEvent(step="training", date=D(2025, 5, 6), until=D(2025, 5, 8)))
    assert training_days(three) == 3 and training_done(three, PLAN_2017)
    hours = person(("target", D(2025, 3, 1)))
    hours.events += [
        CandidateEvent(step="training", date=D(2025, 5, 6), hours=16),
        CandidateEvent(step="training", date=D(2025, 6, 6), hours=8),
    ]
    assert training_done(hours, PLAN_2017)
    days = [("training", D(2025, 5, d)) for d in (6, 7, 8)]  # three single days
    assert training_done(person(*days), PLAN_2017)


def test_NAT_3_approval_within_three_months_at_most_six() -> None:
    c = person(("target", D(2025, 3, 1)), ("branch_vote", D(2026, 6, 30)))
    assert step_of(c, D(2026, 9, 30)) == ("approved", D(2026, 9, 30), False)
    assert step_of(c, D(2026, 10, 1))[2] is True
    vote = D(2026, 6, 30)
    assert approval_timing(vote, D(2026, 9, 30), PLAN_2017) == ("", "")
    assert approval_timing(vote, D(2026, 10, 1), PLAN_2017)[0] == "warning"
    assert approval_timing(vote, D(2026, 12, 30), PLAN_2017)[0] == "warning"  # 6 months
    assert approval_timing(vote, D(2026, 12, 31), PLAN_2017)[0] == "error"
    assert any("6个月" in b for b in breaches(c, D(2026, 12, 31), PLAN_2017))
    assert not any("6个月" in b for b in breaches(c, D(2026, 12, 30), PLAN_2017))


def test_NAT_3_probation_one_year_from_branch_vote() -> None:
    c = person(("branch_vote", D(2025, 12, 1)), ("approved", D(2026, 1, 10)))
    assert probation_end(c, PLAN_2017) == D(2026, 12, 1)
    assert conversion_timing(c, D(2026, 11, 30), PLAN_2017)[0] == "error"
    assert conversion_timing(c, D(2026, 12, 1), PLAN_2017) == ("", "")
    assert conversion_timing(c, D(2026, 12, 2), PLAN_2017)[0] == "warning"
    for code in ("approval_filed", "placed", "oath", "continued_review", "conversion_applied"):
        c.events.append(CandidateEvent(step=code, date=D(2026, 2, 1)))  # type: ignore[arg-type]
    found = next_step(c, D(2026, 11, 27), PLAN_2017)
    assert found is not None and found.code == "conversion_vote"
    assert (found.earliest, found.deadline, found.overdue) == (
        D(2026, 12, 1),
        D(2026, 12, 1),
        False,
    )
    assert step_of(c, D(2026, 12, 2)) == ("conversion_vote", D(2026, 12, 1), True)


def test_NAT_3_probation_extended_once_by_six_to_twelve_months() -> None:
    c = person(("branch_vote", D(2025, 12, 1)), ("approved", D(2026, 1, 10)))
    end = D(2026, 12, 1)
    assert extension_problem(c, 6, D(2026, 11, 30), PLAN_2017)  # before probation ends
    assert extension_problem(c, 5, end, PLAN_2017) == "延长预备期应为6至12个月"
    assert extension_problem(c, 13, end, PLAN_2017) == "延长预备期应为6至12个月"
    assert extension_problem(c, 6, end, PLAN_2017) is None
    assert extension_problem(c, 12, end, PLAN_2017) is None
    c.events.append(CandidateEvent(step="probation_extended", date=end, months=6))
    assert probation_end(c, PLAN_2017) == D(2027, 6, 1)
    assert extension_problem(c, 6, D(2027, 6, 1), PLAN_2017) == "预备期只能延长一次"
    c.events.append(CandidateEvent(step="probation_extended", date=D(2027, 6, 1), months=6))
    assert "预备期延长超过一次" in breaches(c, D(2027, 6, 2), PLAN_2017)
    # The first extension counts: the second does not move the end.
    assert probation_end(c, PLAN_2017) == D(2027, 6, 1)


def test_NAT_3_conversion_vote_again_after_an_extension() -> None:
    c = person(
        ("branch_vote", D(2025, 12, 1)),
        ("approved", D(2026, 1, 10)),
        ("conversion_vote", D(2026, 12, 1)),
    )
    c.events.append(CandidateEvent(step="probation_extended", date=D(2026, 12, 1), months=12))
    owed = {n.code: n for n in pending_steps(c, D(2027, 1, 5), PLAN_2017)}
    assert owed["conversion_vote"].earliest == D(2027, 12, 1)


def test_NAT_3_branch_vote_without_pre_review_is_a_breach() -> None:
    c = person(
        ("activist", D(2024, 1, 1)),
        ("target", D(2025, 3, 1)),
        ("political_review", D(2025, 5, 1)),
        ("publicity", D(2025, 8, 20)),
        ("branch_vote", D(2025, 9, 1)),
        introducer_ids=["a", "b"],
        training_hours=30,
    )
    assert breaches(c, D(2025, 9, 2), PLAN_2017) == ["支部大会讨论前未经上级党委预审"]


def test_NAT_3_full_member_with_file_archived_has_no_next_step() -> None:
    c = person(
        ("branch_vote", D(2024, 12, 1)), ("approved", D(2025, 1, 1)), ("converted", D(2025, 12, 1))
    )
    found = next_step(c, D(2026, 1, 1), PLAN_2017)
    # Only the records skipped before are owed (gaps); the 25th step is owed too.
    assert found is not None and found.gap
    owed = {n.code for n in pending_steps(c, D(2026, 1, 1), PLAN_2017)}
    assert "archived" in owed and "applied" in owed
    late = ("conversion_vote", "converted", "archived")
    everything = person(*[(s.code, D(2025 if s.code in late else 2024, 12, 2)) for s in STEPS])
    assert next_step(everything, D(2026, 1, 1), PLAN_2017) is not None  # training too short
    everything.training_hours = 24
    assert next_step(everything, D(2026, 1, 1), PLAN_2017) is None


def test_NAT_3_a_dropped_person_owes_nothing() -> None:
    c = person(("applied", D(2026, 1, 5)), ("dropped", D(2026, 2, 1)))
    assert next_step(c, D(2026, 11, 27), PLAN_2017) is None
    assert stage_of(c) == 0
