"""民主评议党员 (LIFE-7, NAT-7): who lacks a result, and grades the rules forbid.

Shared by the LIFE-7 and NAT-7 checks and the appraisal wizard: one function, one rule.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from branchtui.domain import roster
from branchtui.domain.profile import Profile
from branchtui.domain.records import Appraisal, AppraisalResult, Member
from branchtui.domain.records.meetings import APPRAISAL_GRADES


@dataclass(frozen=True)
class AppraisalGaps:
    """What an appraisal lacks (LIFE-7) or holds against the rules (NAT-7)."""

    missing: tuple[Member, ...]  # active members without a result
    ungraded: tuple[Member, ...]  # full members without a valid grade
    graded_probationary: tuple[Member, ...]  # 预备党员 given a grade (NAT-7 forbids it)
    # (member id, grade) of every result, of anyone, graded other than the four (NAT-7).
    invalid: tuple[tuple[str, str], ...] = ()

    @property
    def complete(self) -> bool:
        """Whether LIFE-7 is satisfied: every member has a result and each grade is right."""
        return not (self.missing or self.ungraded or self.graded_probationary)


@dataclass(frozen=True)
class ExcellentCap:
    """优秀 against its cap: at most ``appraisal_excellent_max_share`` of the full members to be
    appraised (all of them, not only those graded so far, so the first 优秀 is not over it)."""

    excellent: int
    graded: int  # full grades given so far
    appraised: int  # full members the appraisal covers (预备党员 get no grade, NAT-7)
    cap: int

    @property
    def exceeded(self) -> bool:
        return self.excellent > self.cap


def excellent_cap(appraisal: Appraisal, members: list[Member], profile: Profile) -> ExcellentCap:
    """How many were rated 优秀, of how many graded, and the most the profile allows: its share
    of the full members active on the appraisal's day (LIFE-7, NAT-7)."""
    graded = sum(1 for r in appraisal.results if r.grade in APPRAISAL_GRADES)
    excellent = sum(1 for r in appraisal.results if r.grade == "excellent")
    day = appraisal_day(appraisal)
    appraised = sum(
        1 for m in roster.active_members_on(members, day) if roster.status_on(m, day) == "full"
    )
    cap = math.floor(appraised * profile.appraisal_excellent_max_share)
    return ExcellentCap(excellent, graded, appraised, cap)


def appraisal_day(appraisal: Appraisal) -> dt.date:
    """The day membership and status count: the organization's review, else the year's end."""
    return appraisal.steps.get("organization_review") or dt.date(appraisal.year, 12, 31)


def appraisal_gaps(
    appraisal: Appraisal, members: list[Member], on: dt.date | None = None
) -> AppraisalGaps:
    """Members of ``on`` (default: the appraisal's day) without a result, full members without
    a valid grade, and 预备党员 with a grade: 优秀/合格/基本合格/不合格 are for full members
    only (LIFE-7, NAT-7); ``invalid`` lists grades that are none of those four."""
    day = on or appraisal_day(appraisal)
    results = {r.member_id: r.grade for r in appraisal.results}
    invalid = tuple(
        (r.member_id, r.grade)
        for r in appraisal.results
        if r.grade and r.grade not in APPRAISAL_GRADES
    )
    missing, ungraded, graded = [], [], []
    for member in roster.active_members_on(members, day):
        if member.id not in results:
            missing.append(member)
            continue
        grade = results[member.id]
        if roster.status_on(member, day) == "probationary":
            if grade:
                graded.append(member)
        elif grade not in APPRAISAL_GRADES:
            ungraded.append(member)
    return AppraisalGaps(tuple(missing), tuple(ungraded), tuple(graded), invalid)


def appraisal_year(day: dt.date) -> int:
    """The year an appraisal held on ``day`` is for: LIFE-7 holds it at the year's end or early
    the next year (until March), so January to March count for the year before."""
    return day.year - 1 if day.month <= 3 else day.year


def fill_results(appraisal: Appraisal, members: list[Member]) -> None:
    """Give every member of the appraisal's day a result row (no grade yet), in roster order:
    LIFE-7 wants a result for everyone, 预备党员 included (they take part, NAT-7)."""
    have = {r.member_id for r in appraisal.results}
    for member in roster.active_members_on(members, appraisal_day(appraisal)):
        if member.id not in have:
            appraisal.results.append(AppraisalResult(member_id=member.id))
