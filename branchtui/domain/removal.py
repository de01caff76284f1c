"""移除党员 from the roster (名册, d): what each reason needs first, and what the removal changes
— through the same functions as the registers that record those decisions, so that a decision
taken from the roster and one taken from its register are one and the same change.

- 停止党籍 (NAT-6): for a member lost 6 months or more and still not found, so her open 失联
  record is needed (lost_contact.suspend_membership records the suspension on both); before the
  6 months it is a warning. A 因私出国（境） trip with 停止党籍 decided (REL-3), or a 不合格党员
  处置 case (EDU-8, which takes the step), is also a ground.
- 自行脱党: a member with an open 失联 record only 2 years after her suspension (NAT-6,
  lost_contact.remove_as_quit); any other after NAT-5's 6 months in a row without dues,
  organizational life or assigned work — a warning when the records do not show them (they
  may be incomplete).
- 自行脱党 or 开除党籍 of a member with an open 不合格党员处置 case is that case's step and
  closes it (discipline.add_step).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.changes import RecordChanges
from branchtui.domain.discipline import add_step, open_cases, step_problems, step_warnings
from branchtui.domain.exits import member_exit
from branchtui.domain.lapse import quit_warning
from branchtui.domain.lost_contact import (
    early_note,
    open_case,
    remove_as_quit,
    step_problem,
    suspend_membership,
)
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, CaseStep, DisciplineCase, Member
from branchtui.domain.records.education import DisciplineStep
from branchtui.domain.records.people import RemovalReason

# The roster's reasons that are a step of a 不合格党员处置 case.
CASE_STEPS: dict[str, DisciplineStep] = {
    "suspended": "suspend",
    "quit": "quit",
    "expelled": "expel",
}
NO_GROUND_FOR_SUSPENSION = (
    "停止党籍须先登记失联：失去联系满6个月、经多方查找仍无联系的，才停止党籍（NAT-6）；"
    "请先在失联党员中登记"
)


@dataclass(frozen=True)
class RemovalCheck:
    """What stops a removal (``error``) or should be known before it is saved (``warning``)."""

    error: str = ""
    warning: str = ""


def abroad_suspended(data: BranchData, member_id: str) -> bool:
    """Whether a 因私出国（境） trip of the member has 停止党籍 as its decision (REL-3)."""
    return any(t.member_id == member_id and t.decision == "suspend" for t in data.travels)


def _case_for(data: BranchData, member: Member, reason: str) -> DisciplineCase | None:
    if reason not in CASE_STEPS:
        return None
    return open_cases(data).get(member.id)


def removal_check(
    data: BranchData,
    member: Member,
    reason: RemovalReason,
    day: dt.date,
    today: dt.date,
    profile: Profile,
) -> RemovalCheck:
    """Whether ``member`` may leave the roster for ``reason`` on ``day`` (see the module)."""
    lost = open_case(data, member.id)
    if reason == "suspended" and lost is not None:
        return RemovalCheck(
            step_problem(lost, "suspend", day, today), early_note(lost, "suspend", day, profile)
        )
    if reason == "quit" and lost is not None:
        return RemovalCheck(
            step_problem(lost, "remove", day, today), early_note(lost, "remove", day, profile)
        )
    case = _case_for(data, member, reason)
    if case is not None:
        step = CaseStep(step=CASE_STEPS[reason], date=day)
        problems = step_problems(case, step)
        also = step_warnings(data, case, step, profile).get("step", "")
        warning = "将作为处置步骤记入该党员的不合格党员处置案件" + (f"：{also}" if also else "")
        return RemovalCheck(next(iter(problems.values()), ""), warning)
    if reason == "suspended" and not abroad_suspended(data, member.id):
        return RemovalCheck(NO_GROUND_FOR_SUSPENSION)
    if reason == "quit":
        return RemovalCheck(warning=quit_warning(member, data, day, profile))
    return RemovalCheck()


def removal_changes(
    data: BranchData, member: Member, reason: RemovalReason, day: dt.date, note: str
) -> RecordChanges:
    """The member removed from the roster for ``reason`` on ``day``, with the records the
    decision belongs to (her 失联 record, her 处置 case) changed in the same commit."""
    lost = open_case(data, member.id)
    if reason == "suspended" and lost is not None:
        return suspend_membership(data, member.id, day, note)
    if reason == "quit" and lost is not None:
        return remove_as_quit(data, member.id, day, note)
    case = _case_for(data, member, reason)
    if case is not None:
        step = CaseStep(step=CASE_STEPS[reason], date=day, note=note)
        return add_step(data, case, step)
    if reason == "suspended":
        return suspend_membership(data, member.id, day, note)
    return member_exit(data, member.id, reason, day, note)
