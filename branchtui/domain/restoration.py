"""恢复党籍: a member under 停止党籍 back on the roster.

停止党籍 takes a member off the roster (NAT-6 失联; REL-3 因私出国（境） with 停止党籍 decided;
a 不合格党员处置 case). Membership is restored on her own application (本人申请), discussed by
the 支部党员大会 and approved by the upper party committee (上级党委批准); those three dates and
the day membership is restored are recorded (``MembershipRestoration``), and in the same commit
she is back on the roster from that day: every per-member duty (dues EDU-4, organizational life
LIFE, 民主评议) counts her again from it (``Member.counted_from``), never for the months she was
suspended. Her open 失联 record, if any, is closed as found (NAT-6 asks no further step).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.lost_contact import open_case
from branchtui.domain.member_changes import member_changed
from branchtui.domain.records import BranchData, Member, MembershipRestoration

HOW = "本人申请、支部大会讨论、报上级党委批准后恢复党籍"


def is_suspended(member: Member | None) -> bool:
    """Whether the member is off the roster under 停止党籍 (and so may be restored)."""
    return (
        member is not None and member.removed is not None and member.removed_reason == "suspended"
    )


def restoration_problems(data: BranchData, record: MembershipRestoration) -> dict[str, str]:
    """Why ``record`` cannot be saved, by field, beyond its own dates' order and past (which
    validation checks): she must be under 停止党籍, and restored after the suspension."""
    member = data.find("members", record.member_id)
    if not is_suspended(member):
        return {"member_id": "该党员不是停止党籍的党员，无需恢复党籍"}
    assert member is not None and member.removed is not None
    # The form asks as she types: a date not given yet is validation's to name.
    if isinstance(record.restored, dt.date) and record.restored <= member.removed:
        return {"restored": f"恢复党籍时间应晚于停止党籍时间{format_date(member.removed)}"}
    return {}


def restore_membership(data: BranchData, record: MembershipRestoration) -> RecordChanges:
    """The restoration recorded and, in the same commit, the member back on the roster from
    ``record.restored`` (counted from then: ``arrived``), her open 失联 record closed."""
    member = data.find("members", record.member_id)
    if member is None:
        return RecordChanges()
    record = dataclasses.replace(record, suspended=member.removed)
    back = dataclasses.replace(
        member, arrived=record.restored, removed=None, removed_reason="", removed_note=""
    )
    changes = RecordChanges(inserts=(record,)) + member_changed(data, member, back)
    case = open_case(data, member.id)
    if case is not None:
        changes += RecordChanges(updates=(dataclasses.replace(case, found=record.restored),))
    return changes


def restored_note(record: MembershipRestoration) -> str:
    """What the secretary is told once the restoration is saved."""
    return (
        f"已恢复党籍，自{format_date(record.restored)}起重新列入党员名册；"
        "党费、组织生活和民主评议从此日起计算"
    )


def restorations_of(data: BranchData, member_id: str) -> list[MembershipRestoration]:
    """The member's restorations, oldest first."""
    found = [r for r in data.restorations if r.member_id == member_id]
    return sorted(found, key=lambda r: r.restored)
