"""The order of the 25 steps of 发展党员工作细则 (NAT-3, DEV-3), one function per rule.

Each function answers, in Chinese, what is wrong with one date of a candidate's file, or None.
The step form calls them as a date is typed (domain/development_checks.py) and
``order_breaches`` calls the same functions over what is already on file, so that an imported
file whose records are out of order shows a DEV-3 warning on the dashboard.

The steps follow one another in their numbered order; a step may fall on the same day as the
step before it. The filings with the upper committee (备案, steps 4, 8 and 18) run beside the
sequence: each follows the step it files and holds back no later step.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from branchtui.domain.dates import format_date
from branchtui.domain.development_steps import STEP_BY_CODE, STEPS, Step
from branchtui.domain.records import Candidate, Meeting

# 备案 with the upper committee: dated after the step filed, not part of the sequence.
FILINGS = ("activist_filed", "target_filed", "approval_filed")


def _first(candidate: Candidate, code: str) -> dt.date | None:
    """The earliest record of a step (a step recorded more than once began on it)."""
    dates = [e.date for e in candidate.events if e.step == code]
    return min(dates) if dates else None


def _sequence(candidate: Candidate) -> list[tuple[Step, dt.date]]:
    """The steps of the sequence on file, by number, each with its first date."""
    out = []
    for step in STEPS:
        if step.code in FILINGS:
            continue
        day = _first(candidate, step.code)
        if day is not None:
            out.append((step, day))
    return out


def _named(step: Step, day: dt.date) -> str:
    return f"第{step.number}步「{step.name}」（{format_date(day)}）"


def previous_step(candidate: Candidate, number: int) -> tuple[Step, dt.date] | None:
    """The highest-numbered step of the sequence on file below step ``number``."""
    before = [(s, d) for s, d in _sequence(candidate) if s.number < number]
    return before[-1] if before else None


def next_step_on_file(candidate: Candidate, number: int) -> tuple[Step, dt.date] | None:
    """The lowest-numbered step of the sequence on file above step ``number``."""
    after = [(s, d) for s, d in _sequence(candidate) if s.number > number]
    return after[0] if after else None


def step_out_of_order(candidate: Candidate, code: str, day: dt.date) -> str | None:
    """DEV-3, NAT-3: a step is dated no earlier than the step before it on file and (unless it
    recurs, like 考察 and 培训) no later than the step after it; the same day is allowed. A
    备案 (step 4, 8, 18) only follows the step it files."""
    step = STEP_BY_CODE.get(code)
    if step is None:
        return None
    if code in FILINGS:
        filed = _first(candidate, step.after[0])
        if filed is not None and day < filed:
            return f"不能早于{_named(STEP_BY_CODE[step.after[0]], filed)}"
        return None
    before = previous_step(candidate, step.number)
    if before is not None and day < before[1]:
        return f"不能早于{_named(*before)}"
    later = None if step.repeats else next_step_on_file(candidate, step.number)
    if later is not None and day > later[1]:
        return f"不能晚于{_named(*later)}"
    return None


def training_end(candidate: Candidate) -> dt.date | None:
    """The last day of concentrated training on file (a record's last day, else its date)."""
    ends = [e.until or e.date for e in candidate.events if e.step == "training"]
    return max(ends, default=None)


def review_before_training_ends(candidate: Candidate, reviewed: dt.date) -> str | None:
    """NAT-3, DEV-3: the 支部委员会 reviews a 发展对象 (step 12) after the concentrated training
    (step 11) has ended; its last day is allowed."""
    end = training_end(candidate)
    if end is not None and reviewed < end:
        return f"集中培训至{format_date(end)}结束，支部委员会审查不能早于该日"
    return None


def training_after_review(candidate: Candidate, last_day: dt.date) -> str | None:
    """The same rule seen from a training record: it ends no later than the 支部委员会审查
    already on file."""
    reviewed = candidate.date_of("committee_review")
    if reviewed is not None and last_day > reviewed:
        return f"集中培训应在支部委员会审查（{format_date(reviewed)}）前结束"
    return None


def publicity_out_of_order(
    candidate: Candidate, publicity: dt.date, pre_review: dt.date | None
) -> str | None:
    """DEV-3 (公示制): the 发展对象 is publicised before the upper committee's pre-review
    (step 13) and after the step before it on file (支部委员会审查); same days allowed."""
    if pre_review is not None and publicity > pre_review:
        return f"公示应在上级党委预审（{format_date(pre_review)}）之前"
    before = previous_step(candidate, STEP_BY_CODE["pre_review"].number)
    if before is not None and publicity < before[1]:
        return f"公示不能早于{_named(*before)}"
    return None


def vote_meeting_missing(
    meetings: Iterable[Meeting], day: dt.date, meeting_id: str | None
) -> str | None:
    """NAT-1, DEV-3 (票决制): the 支部大会讨论 of steps 15 and 23 is a 支部党员大会 whose record
    is on file for that day; a warning (the vote may have been held before records were kept)."""
    if any("general_meeting" in m.kinds and m.date == day for m in meetings):
        return None
    return f"{format_date(day)}没有支部党员大会的会议记录，请先记录该会议或按 Ctrl+L 关联会议"


def order_breaches(candidate: Candidate) -> list[str]:
    """DEV-3: what in a file already on record is out of the steps' order, in Chinese (empty
    when none) — the same rules the step form applies, for files imported or typed before."""
    out: list[str] = []
    sequence = _sequence(candidate)
    for (before, first), (step, day) in itertools.pairwise(sequence):
        if day < first:
            out.append(f"{_named(step, day)}早于{_named(before, first)}")
    for code in FILINGS:
        day_filed = _first(candidate, code)
        filed_step = STEP_BY_CODE[code].after[0]
        filed = _first(candidate, filed_step)
        if day_filed is not None and filed is not None and day_filed < filed:
            filing = _named(STEP_BY_CODE[code], day_filed)
            out.append(f"{filing}早于{_named(STEP_BY_CODE[filed_step], filed)}")
    reviewed = _first(candidate, "committee_review")
    late = review_before_training_ends(candidate, reviewed) if reviewed else None
    if reviewed is not None and late:
        out.append(f"支部委员会审查（{format_date(reviewed)}）：{late}")
    publicity = candidate.date_of("publicity")
    if publicity is not None:
        problem = publicity_out_of_order(candidate, publicity, candidate.date_of("pre_review"))
        if problem:
            out.append(f"公示（{format_date(publicity)}）：{problem}")
    return out
