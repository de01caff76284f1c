"""不合格党员处置 (EDU-8): a case's steps, its closing, and the exits that end a membership.

The steps go 谈话提醒, 批评教育, 警示诫勉, 组织处置, 停止党籍 and end, for some, in an exit:
自行脱党 (NAT-5: six months without good reason of not paying dues, not attending, not doing
assigned work) or 开除党籍. An exit closes the case and takes the member off the roster, with
the reason and date, in the same commit (domain/exits.py). 停止党籍 takes her off the roster
too (the same change as the lost-contact register's and the roster's, domain/lost_contact.py)
and leaves the case open for what follows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.exits import member_exit
from branchtui.domain.lapse import quit_warning
from branchtui.domain.lost_contact import suspend_membership
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, CaseStep, DisciplineCase
from branchtui.domain.records.education import DISCIPLINE_STEPS
from branchtui.domain.records.people import RemovalReason

# The steps that end a membership, with the roster's removal reason for each.
EXIT_STEPS: dict[str, RemovalReason] = {"quit": "quit", "expel": "expelled"}


# The steps that are a 党纪处分 (a disciplinary sanction, not only 组织处理): of the ladder,
# only 开除党籍 is one (谈话提醒 … 停止党籍 handle an unqualified member; 自行脱党 is a removal).
SANCTION_STEPS = frozenset({"expel"})


def sanctioned(case: DisciplineCase) -> bool:
    """Whether the case records a 党纪处分 (CARE-1 then owes an admonishing talk, 诫勉谈话,
    instead of a reminding one)."""
    return any(s.step in SANCTION_STEPS for s in case.steps)


def step_label(step: str) -> str:
    return DISCIPLINE_STEPS.get(step, step)


def last_step(case: DisciplineCase) -> CaseStep | None:
    """The latest step by date (the later entry of two on one day)."""
    if not case.steps:
        return None
    return max(enumerate(case.steps), key=lambda pair: (pair[1].date, pair[0]))[1]


def step_problems(case: DisciplineCase, step: CaseStep) -> dict[str, str]:
    """Why ``step`` cannot be added to ``case``, by field (the record's own checks aside)."""
    found: dict[str, str] = {}
    if isinstance(step.date, dt.date) and step.date < case.opened:
        found["date"] = f"步骤日期不能早于立案时间{format_date(case.opened)}"
    if case.closed is not None:
        found["step"] = f"该案件已于{format_date(case.closed)}结案，不能再添加步骤"
    return found


def step_warnings(
    data: BranchData, case: DisciplineCase, step: CaseStep, profile: Profile
) -> dict[str, str]:
    """What an added step will also do, said before it is saved; and, for 自行脱党, when the
    member has not yet gone NAT-5's months without paying dues or attending."""
    member = data.find("members", case.member_id)
    name = member.name if member is not None else "该党员"
    active = member is not None and member.removed is None
    if step.step == "suspend" and active:
        return {"step": f"保存后将{name}从党员名册移出（停止党籍），案件继续处置"}
    if step.step not in EXIT_STEPS:
        return {}
    notes = [f"保存后将结案，并将{name}从党员名册移出（{step_label(step.step)}）"]
    if step.step == "quit" and member is not None and active and isinstance(step.date, dt.date):
        missing = quit_warning(member, data, step.date, profile)
        if missing:
            notes.insert(0, missing)
    return {"step": "；".join(notes)}


def add_step(data: BranchData, case: DisciplineCase, step: CaseStep) -> RecordChanges:
    """The case with ``step`` added in date order. An exit step also closes the case (its
    outcome, unless one is written, says the exit) and removes the member from the roster."""
    steps = sorted([*case.steps, step], key=lambda s: s.date)
    after = dataclasses.replace(case, steps=steps)
    reason = EXIT_STEPS.get(step.step)
    if step.step == "suspend":
        note = f"停止党籍：{case.reason}"
        return RecordChanges(updates=(after,)) + suspend_membership(
            data, case.member_id, step.date, note
        )
    if reason is None:
        return RecordChanges(updates=(after,))
    label = step_label(step.step)
    outcome = case.outcome.strip() or f"{format_date(step.date)}{label}，已从党员名册移出"
    after = dataclasses.replace(after, closed=step.date, outcome=outcome)
    note = f"{label}：{case.reason}"[:500]
    return RecordChanges(updates=(after,)) + member_exit(
        data, case.member_id, reason, step.date, note
    )


def close_problems(case: DisciplineCase) -> dict[str, str]:
    """Closing a case needs its date and its outcome (EDU-8 asks for both)."""
    found: dict[str, str] = {}
    if case.closed is None:
        found["closed"] = "请填写结案时间"
    if not case.outcome.strip():
        found["outcome"] = "请填写处置结果"
    last = last_step(case)
    if case.closed is not None and last is None:
        found["closed"] = "尚未记录处置步骤，请先添加步骤"
    elif case.closed is not None and last is not None and case.closed < last.date:
        found["closed"] = f"结案时间不能早于最后一个步骤的日期{format_date(last.date)}"
    return found


def open_cases(data: BranchData) -> dict[str, DisciplineCase]:
    """Each member's open case (the latest opened, when there are several)."""
    found: dict[str, DisciplineCase] = {}
    for case in sorted(data.discipline_cases, key=lambda c: c.opened):
        if case.closed is None:
            found[case.member_id] = case
    return found
