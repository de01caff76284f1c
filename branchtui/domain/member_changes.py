"""What saving a member does beyond the member: the one place every path that adds, edits or
removes a member (the form, the removal dialog, a transfer, an exit decision) goes through.

- A group leader moved out of the group or removed stops leading it (ORG-2,
  domain.party_groups).
- A member removed from the roster leaves the committee seats they held on that day, and each
  seat's vacancy opens from it (ORG-7 for the secretary, ORG-8 for the others).
"""

from __future__ import annotations

from branchtui.domain.changes import RecordChanges
from branchtui.domain.committee import seats_left_by
from branchtui.domain.party_groups import member_saved
from branchtui.domain.records import BranchData, Member


def member_changed(data: BranchData, before: Member | None, after: Member) -> RecordChanges:
    """Saving ``after`` (new when ``before`` is None), with its consequences for the groups it
    led and the seats it held."""
    changes = member_saved(before, after, data.groups)
    if after.removed is not None and (before is None or before.removed is None):
        changes += seats_left_by(data, after)
    return changes
