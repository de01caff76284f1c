"""Development of new members (NAT-3): each candidate's next step, its deadline, and breaches.

The time limits are those of 发展党员工作细则 (2014) as numbers of the profile.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from branchtui.domain.dates import add_months, add_years
from branchtui.domain.profile import Profile
from branchtui.domain.records import Candidate
from branchtui.domain.records.development import CANDIDATE_STEPS

# Steps that are not dated events of the file but tasks of the branch.
STEP_LABELS = {
    **CANDIDATE_STEPS,
    "assign_contacts": "确定培养联系人（1至2名）",
    "assign_introducers": "确定入党介绍人（2名）",
}
# Stages still in development (not finished, not dropped).
OPEN_STAGES = ("applicant", "activist", "target", "probationary")


@dataclass(frozen=True)
class NextStep:
    """The step a candidate waits for; ``deadline`` None when no time limit applies."""

    step: str
    deadline: dt.date | None
    overdue: bool

    @property
    def label(self) -> str:
        return STEP_LABELS.get(self.step, self.step)


def _step(step: str, deadline: dt.date | None, on: dt.date) -> NextStep:
    return NextStep(step, deadline, deadline is not None and on > deadline)


def training_done(candidate: Candidate, profile: Profile) -> bool:
    """Concentrated training of ≥3 days (dated training events) or ≥24 class hours."""
    days = {e.date for e in candidate.events if e.step == "training"}
    return (
        len(days) >= profile.target_training_min_days
        or candidate.training_hours >= profile.target_training_min_hours
    )


def next_review(candidate: Candidate, profile: Profile) -> dt.date | None:
    """When an activist's next half-yearly review (培养考察) falls due."""
    start = candidate.date_of("activist")
    if start is None:
        return None
    last = max(d for d in (start, candidate.date_of("review")) if d is not None)
    return add_months(last, profile.activist_review_months)


def probation_end(candidate: Candidate, profile: Profile) -> dt.date | None:
    """The end of probation: 1 year from the branch meeting, plus an extension if granted.

    The extension's months are read from the event's note (6–12); 12 when not written.
    """
    start = candidate.date_of("branch_vote") or candidate.date_of("approved")
    if start is None:
        return None
    end = add_years(start, profile.probation_years)
    extensions = [e for e in candidate.events if e.step == "probation_extended"]
    if extensions:
        found = re.search(r"\d+", extensions[-1].note)
        months = int(found.group()) if found else profile.probation_extension_max_months
        months = max(
            profile.probation_extension_min_months,
            min(months, profile.probation_extension_max_months),
        )
        end = add_months(end, months)
    return end


def next_step(candidate: Candidate, on: dt.date, profile: Profile) -> NextStep | None:
    """The next step of a candidate's development and its deadline on ``on``.

    None for a candidate who is a full member or was dropped.
    """
    stage = candidate.stage
    if stage == "applicant":
        applied = candidate.date_of("applied")
        if candidate.date_of("talked") is None and applied is not None:
            return _step("talked", add_months(applied, profile.applicant_talk_months), on)
        return _step("activist", None, on)
    if stage == "activist":
        became = candidate.date_of("activist")
        if not 1 <= len(candidate.contact_ids) <= 2:
            return _step("assign_contacts", became, on)
        review = next_review(candidate, profile)
        eligible = became is not None and on >= add_years(
            became, profile.activist_training_min_years
        )
        if eligible and (review is None or on <= review):
            return _step("target", None, on)
        return _step("review", review, on)
    if stage == "target":
        return _target_step(candidate, on, profile)
    if stage == "probationary":
        return _step("converted", probation_end(candidate, profile), on)
    return None


def _target_step(candidate: Candidate, on: dt.date, profile: Profile) -> NextStep:
    voted = candidate.date_of("branch_vote")
    if voted is not None:
        return _step("approved", add_months(voted, profile.approval_months), on)
    if len(candidate.introducer_ids) != 2:
        return _step("assign_introducers", None, on)
    for step in ("political_review", "training", "pre_review", "publicity"):
        done = (
            training_done(candidate, profile)
            if step == "training"
            else candidate.date_of(step) is not None
        )
        if not done:
            return _step(step, None, on)
    return _step("branch_vote", None, on)


def breaches(candidate: Candidate, on: dt.date, profile: Profile) -> list[str]:
    """What in the candidate's file breaks the rules of NAT-3, in Chinese (empty when none)."""
    out: list[str] = []
    activist = candidate.date_of("activist")
    target = candidate.date_of("target")
    voted = candidate.date_of("branch_vote")
    approved = candidate.date_of("approved")
    min_years = profile.activist_training_min_years
    if activist and target and target < add_years(activist, min_years):
        out.append(f"积极分子培养期不足{min_years}年即确定为发展对象")
    if voted:
        pre_review = candidate.date_of("pre_review")
        if pre_review is None or pre_review > voted:
            out.append("支部大会讨论前未经上级党委预审")
        if len(candidate.introducer_ids) != 2:
            out.append("入党介绍人不是2名")
        if not training_done(candidate, profile):
            out.append(
                f"集中培训不足{profile.target_training_min_days}天"
                f"或{profile.target_training_min_hours}学时"
            )
        limit = add_months(voted, profile.approval_max_months)
        if (approved or on) > limit:
            out.append(f"支部大会通过后超过{profile.approval_max_months}个月未获上级党委审批")
    if sum(1 for e in candidate.events if e.step == "probation_extended") > 1:
        out.append("预备期延长超过一次")
    return out
