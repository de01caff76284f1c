"""失联党员 (NAT-6): the next step of a lost contact and what recording each step does.

Lost 6 months or more and still not found → 停止党籍; still no contact 2 years after the
suspension → removed as 自行脱党 (党员教育管理工作条例 2019 §31: "停止党籍2年后仍然没有取得
联系的，按照自行脱党予以除名"). The months and years are the profile's.

停止党籍 takes the member off the roster (reason 停止党籍, kept as history): she no longer
takes part in organizational life, pays no dues and is not counted. Recorded here or from the
roster, it is one change (``suspend_membership``) to the member and her open record; the
removal two years later keeps her off the roster with the reason 自行脱党 (domain/exits.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import add_months, add_years, format_date
from branchtui.domain.exits import member_exit
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, LostContact

StepKind = Literal["suspend", "remove"]
STEP_LABELS: dict[StepKind, str] = {"suspend": "停止党籍", "remove": "按自行脱党予以除名"}


@dataclass(frozen=True)
class NextStep:
    """What NAT-6 asks next for a lost contact, and from which day."""

    kind: StepKind
    due: dt.date

    @property
    def label(self) -> str:
        return STEP_LABELS[self.kind]

    @property
    def short(self) -> str:
        return "停止党籍" if self.kind == "suspend" else "除名"


def is_open(case: LostContact) -> bool:
    """Still lost: neither found again nor removed."""
    return case.found is None and case.removed is None


def open_case(data: BranchData, member_id: str) -> LostContact | None:
    """The member's lost-contact record still open (the latest, should there be several)."""
    found = [c for c in data.lost_contacts if c.member_id == member_id and is_open(c)]
    return max(found, key=lambda c: c.since) if found else None


def next_step(case: LostContact, profile: Profile) -> NextStep | None:
    """NAT-6: 停止党籍 once lost ``lost_contact_suspend_months``; then removal
    ``lost_contact_removal_years`` after the suspension. None once found or removed."""
    if not is_open(case):
        return None
    if case.suspended is None:
        return NextStep("suspend", add_months(case.since, profile.lost_contact_suspend_months))
    return NextStep("remove", add_years(case.suspended, profile.lost_contact_removal_years))


def state_of(case: LostContact) -> str:
    """The case's state as the register shows it."""
    if case.found is not None:
        return "已恢复联系"
    if case.removed is not None:
        return "已除名"
    if case.suspended is not None:
        return "已停止党籍"
    return "失联中"


def step_problem(
    case: LostContact, kind: StepKind | Literal["found"], day: dt.date, today: dt.date
) -> str:
    """Why the step ``kind`` (or ``found``) cannot be recorded on ``day`` ('' when it can)."""
    if not is_open(case):
        return f"该党员已{state_of(case).removeprefix('已')}，无需再记录"
    if day > today:
        return "日期不能晚于今天"
    if day < case.since:
        return f"日期不能早于失联起始时间{format_date(case.since)}"
    if kind == "suspend" and case.suspended is not None:
        return f"已于{format_date(case.suspended)}停止党籍"
    if kind == "remove" and case.suspended is None:
        return "须先停止党籍，满2年仍无联系的才能除名"
    if kind == "remove" and case.suspended is not None and day < case.suspended:
        return f"除名日期不能早于停止党籍时间{format_date(case.suspended)}"
    return ""


def early_note(case: LostContact, kind: StepKind, day: dt.date, profile: Profile) -> str:
    """A warning when ``day`` is before the day NAT-6 allows the step ('' otherwise)."""
    step = next_step(case, profile)
    if step is None or step.kind != kind or day >= step.due:
        return ""
    if kind == "suspend":
        return f"失联未满{profile.lost_contact_suspend_months}个月（{format_date(step.due)}满）"
    return f"停止党籍未满{profile.lost_contact_removal_years}年（{format_date(step.due)}满）"


def suspend_membership(
    data: BranchData, member_id: str, day: dt.date, note: str = ""
) -> RecordChanges:
    """NAT-6 停止党籍 on ``day``, from the lost-contact register or the roster alike: the
    member leaves the roster (reason 停止党籍, kept as history) and her open lost-contact record
    records the suspension, in one change. ``note`` is the roster's 移出说明 (said from the
    record when empty)."""
    return _suspended(data, open_case(data, member_id), member_id, day, note)


def remove_as_quit(data: BranchData, member_id: str, day: dt.date, note: str = "") -> RecordChanges:
    """NAT-6's last step on ``day``: the open record is closed as 除名 and the member, off the
    roster since her suspension, is recorded as 自行脱党 (one change)."""
    return _removed(data, open_case(data, member_id), member_id, day, note)


def record_step(data: BranchData, case: LostContact, kind: StepKind, day: dt.date) -> RecordChanges:
    """The case with the step recorded, and the member with it, in the same commit:
    停止党籍 takes her off the roster, 除名 records her as 自行脱党."""
    if kind == "suspend":
        return _suspended(data, case, case.member_id, day, "")
    return _removed(data, case, case.member_id, day, "")


def _suspended(
    data: BranchData, case: LostContact | None, member_id: str, day: dt.date, note: str
) -> RecordChanges:
    changes = RecordChanges()
    if case is not None and case.suspended is None:
        changes = RecordChanges(updates=(dataclasses.replace(case, suspended=day),))
        note = note or f"自{format_date(case.since)}失去联系，经多方查找仍无联系，停止党籍"
    return changes + member_exit(data, member_id, "suspended", day, note or "停止党籍")


def _removed(
    data: BranchData, case: LostContact | None, member_id: str, day: dt.date, note: str
) -> RecordChanges:
    if case is None:
        return member_exit(data, member_id, "quit", day, note or "按自行脱党除名")
    since = format_date(case.suspended) if case.suspended is not None else "（未记录）"
    note = note or f"失联党员，{since}停止党籍后仍无联系，按自行脱党除名"
    removed = dataclasses.replace(case, removed=day)
    return RecordChanges(updates=(removed,)) + member_exit(data, member_id, "quit", day, note)


def found_note(case: LostContact) -> str:
    """What recording 恢复联系 tells the secretary: a member already under 停止党籍 stays off
    the roster until her membership is restored (恢复党籍 is decided, not found:
    domain/restoration.py, r in the register or the roster)."""
    if case.suspended is None:
        return "已记录恢复联系，保留为历史"
    return (
        f"已记录恢复联系；该党员已于{format_date(case.suspended)}停止党籍，仍不在名册中。"
        "本人申请恢复党籍的，经支部大会讨论、报上级党委批准后，按 r 恢复党籍"
    )


def record_found(case: LostContact, day: dt.date) -> RecordChanges:
    """Contact found again on ``day``: the case is kept as history."""
    return RecordChanges(updates=(dataclasses.replace(case, found=day),))
