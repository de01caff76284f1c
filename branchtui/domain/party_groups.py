"""Party groups (党小组, ORG-2): who leads a group, and what moving or removing a member does.

A group leader (组长) leads the group they belong to: a leader moved to another group or
removed from the roster stops leading the old group, which is then without a leader until a
new one is named.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import Member, PartyGroup


def groups_left_by(
    before: Member | None, after: Member, groups: Iterable[PartyGroup]
) -> list[PartyGroup]:
    """The groups ``after`` led and stops leading with this change, each without its leader:
    the member moved out of the group, or was removed from the roster (ORG-2)."""
    left: list[PartyGroup] = []
    for group in groups:
        if group.leader_id != after.id:
            continue
        moved = before is not None and before.group_id == group.id and after.group_id != group.id
        if moved or after.removed is not None:
            left.append(dataclasses.replace(group, leader_id=None))
    return left


def member_saved(
    before: Member | None, after: Member, groups: Iterable[PartyGroup]
) -> RecordChanges:
    """Saving a member (new when ``before`` is None), with the groups it stops leading."""
    left = tuple(groups_left_by(before, after, groups))
    if before is None:
        return RecordChanges(inserts=(after,), updates=left)
    return RecordChanges(updates=(after, *left))


def move_to_group(
    member: Member, group_id: str | None, groups: Iterable[PartyGroup]
) -> RecordChanges:
    """Move a member into a group (``None``: into no group); a group it led loses its leader."""
    return member_saved(member, dataclasses.replace(member, group_id=group_id), groups)


def move_all_to_group(
    members: Iterable[Member], group_id: str | None, groups: Iterable[PartyGroup]
) -> RecordChanges:
    """Move several members into a group in one change: the members first (in the order
    given), then each group left by its leader, without its leader (ORG-2)."""
    groups = list(groups)
    moved: list[Member] = []
    left: dict[str, PartyGroup] = {}
    for member in members:
        after = dataclasses.replace(member, group_id=group_id)
        moved.append(after)
        for group in groups_left_by(member, after, groups):
            left.setdefault(group.id, group)
    return RecordChanges(updates=(*moved, *left.values()))


def appoint_leader(
    group: PartyGroup, member: Member, groups: Iterable[PartyGroup]
) -> RecordChanges:
    """Name ``member`` the group's leader. A leader from outside the group joins it, so that a
    leader always belongs to the group led, and stops leading the group left."""
    led = RecordChanges(updates=(dataclasses.replace(group, leader_id=member.id),))
    if member.group_id == group.id:
        return led
    return led + move_to_group(member, group.id, [g for g in groups if g.id != group.id])
