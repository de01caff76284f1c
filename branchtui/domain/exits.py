"""Members leaving the roster by a decision (自行脱党, 开除党籍): kept as history.

A decision that ends a membership (a discipline case's last step, EDU-8; a lost contact's
removal, NAT-6) takes the member off the roster in the same commit as the decision itself:
the member record stays, with the date, the reason and a note (the roster's 历史).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.member_changes import member_changed
from branchtui.domain.records import BranchData
from branchtui.domain.records.people import RemovalReason


def member_exit(
    data: BranchData, member_id: str, reason: RemovalReason, day: dt.date, note: str
) -> RecordChanges:
    """The member removed from the roster on ``day`` for ``reason`` (a group they led loses its
    leader, ORG-2); no change when the member is unknown or already removed."""
    member = data.find("members", member_id)
    if member is None or member.removed is not None:
        return RecordChanges()
    after = dataclasses.replace(member, removed=day, removed_reason=reason, removed_note=note)
    return member_changed(data, member, after)
