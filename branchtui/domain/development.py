"""Development of new members (NAT-3): each candidate's place in the 25 steps, the steps owed,
and their deadlines.

The steps are declared in domain/development_steps.py; the time limits are those of
发展党员工作细则 (2014) as numbers of the profile. Everything here is a pure function of one
candidate's file, a date and the profile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.dates import add_months, add_years
from branchtui.domain.development_steps import STEP_BY_CODE, STEPS, Step
from branchtui.domain.profile import Profile
from branchtui.domain.records import Candidate

# Categories of people still in development (not a full member, not dropped).
OPEN_STAGES = ("applicant", "activist", "target", "probationary")
# A deadline this close puts its step first (the dashboard's 即将到期 window).
SOON_DAYS = 14
# A training day counted from a record's first to last day; a longer span is a typing error.
MAX_TRAINING_SPAN_DAYS = 31


@dataclass(frozen=True)
class NextStep:
    """A step owed: its deadline (None when no time limit applies), the first day it may be
    taken (``earliest``, e.g. a year after becoming an activist), whether it is overdue on the
    day asked, and whether it is a gap (a later step is on file, this one is not)."""

    step: Step
    deadline: dt.date | None
    overdue: bool
    earliest: dt.date | None = None
    gap: bool = False

    @property
    def code(self) -> str:
        return self.step.code

    @property
    def label(self) -> str:
        """``第2步 党组织派人谈话``."""
        return self.step.title


# --- what the file holds -------------------------------------------------------------------


def training_days(candidate: Candidate) -> int:
    """Days of concentrated training on file: each training record from its date to its last
    day (``until``), a day counted once however many records cover it."""
    days: set[dt.date] = set()
    for event in candidate.events:
        if event.step != "training":
            continue
        last = event.until if event.until and event.until >= event.date else event.date
        span = min((last - event.date).days, MAX_TRAINING_SPAN_DAYS - 1)
        days.update(event.date + dt.timedelta(days=i) for i in range(span + 1))
    return len(days)


def training_hours(candidate: Candidate) -> float:
    """Class hours of concentrated training: the records' hours and any total entered before."""
    return candidate.training_hours + sum(e.hours for e in candidate.events if e.step == "training")


def training_done(candidate: Candidate, profile: Profile) -> bool:
    """NAT-3: concentrated training of ≥3 days or ≥24 class hours."""
    return (
        training_days(candidate) >= profile.target_training_min_days
        or training_hours(candidate) >= profile.target_training_min_hours
    )


def last_review(candidate: Candidate) -> dt.date | None:
    """The latest 培养考察, or the day the person became an activist when none yet."""
    return candidate.date_of("review") or candidate.date_of("activist")


def next_review(candidate: Candidate, profile: Profile) -> dt.date | None:
    """NAT-3: when an activist's next half-yearly review (培养考察) falls due."""
    last = last_review(candidate)
    if last is None:
        return None
    return add_months(last, profile.activist_review_months)


def target_eligible_from(candidate: Candidate, profile: Profile) -> dt.date | None:
    """NAT-3: the first day an activist may become a 发展对象 (after ≥1 year of training)."""
    became = candidate.date_of("activist")
    return add_years(became, profile.activist_training_min_years) if became else None


def probation_start(candidate: Candidate) -> dt.date | None:
    """Probation runs from the 支部党员大会 that received the person (its approval if no vote
    is on file)."""
    return candidate.date_of("branch_vote") or candidate.date_of("approved")


def extension_months(candidate: Candidate, profile: Profile) -> int:
    """The months probation was extended by (0 when it was not); the first extension counts."""
    for event in sorted(candidate.events, key=lambda e: e.date):
        if event.step == "probation_extended":
            return profile.probation_extension_max_months if event.months is None else event.months
    return 0


def probation_end(candidate: Candidate, profile: Profile) -> dt.date | None:
    """NAT-3: the end of probation, 1 year from the branch meeting plus an extension if granted."""
    start = probation_start(candidate)
    if start is None:
        return None
    end = add_years(start, profile.probation_years)
    return add_months(end, extension_months(candidate, profile))


# --- each step's limits --------------------------------------------------------------------


def deadline_of(candidate: Candidate, step: Step, profile: Profile) -> dt.date | None:
    """The last day a step may be taken without being late (None: no time limit)."""
    code = step.code
    if code == "talked":
        applied = candidate.date_of("applied")
        return add_months(applied, profile.applicant_talk_months) if applied else None
    if code == "review":
        return next_review(candidate, profile)
    if code == "approved":
        voted = candidate.date_of("branch_vote")
        return add_months(voted, profile.approval_months) if voted else None
    if code in ("conversion_applied", "conversion_vote"):
        return probation_end(candidate, profile)
    if code == "converted":
        voted = candidate.date_of("conversion_vote")
        return add_months(voted, profile.approval_months) if voted else None
    return None


def earliest_of(candidate: Candidate, step: Step, profile: Profile) -> dt.date | None:
    """The first day a step may be taken (None: as soon as its prerequisites are on file)."""
    if step.code == "target":
        return target_eligible_from(candidate, profile)
    if step.code == "conversion_vote":
        return probation_end(candidate, profile)
    return None


def step_done(candidate: Candidate, step: Step, profile: Profile) -> bool:
    """Whether the file shows the step done. Training is done when it reaches its minimum; the
    conversion vote only when held after probation ended (an extension asks for another)."""
    if step.code == "training":
        return training_done(candidate, profile)
    if step.code == "conversion_vote":
        end = probation_end(candidate, profile)
        votes = [e.date for e in candidate.events if e.step == "conversion_vote"]
        return any(end is None or day >= end for day in votes)
    return candidate.date_of(step.code) is not None


def in_development(candidate: Candidate) -> bool:
    """Still in the 25 steps: not dropped, and not a full member whose file is archived."""
    if candidate.stage in OPEN_STAGES:
        return True
    return candidate.stage == "full" and candidate.date_of("archived") is None


def last_step(candidate: Candidate) -> Step | None:
    """The highest-numbered step with a record on file."""
    recorded = {e.step for e in candidate.events}
    found = [s for s in STEPS if s.code in recorded]
    return found[-1] if found else None


def stage_of(candidate: Candidate) -> int:
    """Which of the five stages the person is in (the stage of the last step on file); 0 for
    a person dropped (终止培养), 1 for a file without records yet."""
    if candidate.stage == "dropped":
        return 0
    last = last_step(candidate)
    return last.stage if last else 1


# --- what is owed ---------------------------------------------------------------------------


def _owed(candidate: Candidate, step: Step, on: dt.date, profile: Profile, gap: bool) -> NextStep:
    deadline = deadline_of(candidate, step, profile)
    earliest = earliest_of(candidate, step, profile)
    return NextStep(step, deadline, deadline is not None and on > deadline, earliest, gap)


def _review_owed(candidate: Candidate, on: dt.date, profile: Profile) -> bool:
    """NAT-3: an activist is reviewed every 6 months until named a target; once eligible to
    become a target the review is asked for only when it falls due."""
    if candidate.date_of("activist") is None or candidate.date_of("target") is not None:
        return False
    due = next_review(candidate, profile)
    eligible = target_eligible_from(candidate, profile)
    return not (eligible is not None and on >= eligible and due is not None and on <= due)


def _open(candidate: Candidate, step: Step) -> bool:
    """A step may be taken once the records it follows are on file."""
    return all(candidate.date_of(code) is not None for code in step.after)


def pending_steps(
    candidate: Candidate, on: dt.date, profile: Profile, soon_days: int = SOON_DAYS
) -> list[NextStep]:
    """Every step owed on ``on``: each step not done whose preceding records are on file (a
    step numbered below the last one on file is a gap), and the half-yearly review of an
    activist. Most urgent first: overdue, then due within ``soon_days``, then those that may
    be taken now, then by number. Empty for a person dropped or whose file is complete."""
    if candidate.stage == "dropped":
        return []
    last = last_step(candidate)
    last_number = last.number if last else 0
    owed: list[NextStep] = []
    for step in STEPS:
        if step.code == "review" or step_done(candidate, step, profile):
            continue
        if _open(candidate, step):
            owed.append(_owed(candidate, step, on, profile, gap=step.number < last_number))
    if _review_owed(candidate, on, profile):
        owed.append(_owed(candidate, STEP_BY_CODE["review"], on, profile, gap=False))

    def urgency(n: NextStep) -> tuple[bool, bool, bool, int]:
        soon = n.deadline is not None and (n.deadline - on).days <= soon_days
        later = n.earliest is not None and n.earliest > on
        return (not n.overdue, not soon, later, n.step.number)

    owed.sort(key=urgency)
    return owed


def next_step(candidate: Candidate, on: dt.date, profile: Profile) -> NextStep | None:
    """The candidate's next step and its deadline on ``on`` (the most urgent step owed); None
    for a person dropped or whose 25 steps are all on file."""
    owed = pending_steps(candidate, on, profile)
    return owed[0] if owed else None
