"""Members leaving the roster by a decision (停止党籍, 自行脱党, 开除党籍): kept as history.

A decision that ends or suspends a membership (a discipline case's step, EDU-8; a lost
contact's suspension or removal, NAT-6; the roster's 移除党员) takes the member off the roster
in the same commit as the decision itself: the member record stays, with the date, the reason
and a note (the roster's 历史).

停止党籍 already takes the member off the roster (no organizational life, no dues, not counted:
NAT-6), so a later 自行脱党 or 开除党籍 keeps the day they left and only changes the reason,
with both steps in the note.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.member_changes import member_changed
from branchtui.domain.records import BranchData
from branchtui.domain.records.people import REMOVAL_REASONS, RemovalReason

NOTE_MAX = 500


def member_exit(
    data: BranchData, member_id: str, reason: RemovalReason, day: dt.date, note: str
) -> RecordChanges:
    """The member removed from the roster on ``day`` for ``reason`` (a group they led loses its
    leader, ORG-2); a member under 停止党籍 keeps her removal day and takes the final reason.
    No change when the member is unknown or already removed otherwise."""
    member = data.find("members", member_id)
    if member is None:
        return RecordChanges()
    if member.removed is not None:
        if member.removed_reason != "suspended" or reason == "suspended":
            return RecordChanges()
        # 停止党籍 then 除名/开除: she left the roster on the suspension day, not on this one.
        step = (
            f"{format_date(day)}：{note}"
            if note
            else f"{format_date(day)}{REMOVAL_REASONS[reason]}"
        )
        both = f"{member.removed_note}；{step}" if member.removed_note else step
        after = dataclasses.replace(member, removed_reason=reason, removed_note=both[:NOTE_MAX])
        return RecordChanges(updates=(after,))
    after = dataclasses.replace(
        member, removed=day, removed_reason=reason, removed_note=note[:NOTE_MAX]
    )
    return member_changed(data, member, after)
