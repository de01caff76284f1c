"""Party groups (党小组, ORG-2): who leads a group, and what moving or removing a member does.

A group leader (组长) leads the group they belong to: a leader moved to another group or
removed from the roster stops leading the old group, which is then without a leader until a
new one is named. An empty group may be deleted (kept as history with its 撤销时间); one with
members may not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

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


def members_in_group_during(
    group: PartyGroup, members: Iterable[Member], start: dt.date, end: dt.date
) -> list[Member]:
    """The members of ``group`` in the roster at some time from ``start`` to ``end``: those
    whose group it is (a removed member keeps the group she left it from), from the day the
    branch answers for them (``counted_from``) to their removal. LIFE-3 judges only a group
    that had members."""
    return [
        m
        for m in members
        if m.group_id == group.id
        and (m.counted_from is None or m.counted_from <= end)
        and (m.removed is None or m.removed > start)
    ]


def groups_by_staffing(
    groups: Iterable[PartyGroup], members: Sequence[Member], start: dt.date, end: dt.date
) -> tuple[list[PartyGroup], list[PartyGroup]]:
    """The groups that existed from ``start`` to ``end`` (created by the end, not dissolved
    before the start): those with members in that time, and those without (LIFE-3 does not
    judge an empty group)."""
    staffed: list[PartyGroup] = []
    empty: list[PartyGroup] = []
    # One pass over the roster: the groups someone belonged to in that time (as
    # members_in_group_during judges each member).
    manned = {
        m.group_id
        for m in members
        if (m.counted_from is None or m.counted_from <= end)
        and (m.removed is None or m.removed > start)
    }
    for group in groups:
        if group.created is not None and group.created > end:
            continue
        if group.dissolved is not None and group.dissolved <= start:
            continue
        (staffed if group.id in manned else empty).append(group)
    return staffed, empty


def dissolve_refusal(group: PartyGroup, members: Iterable[Member]) -> str | None:
    """Why ``group`` cannot be deleted (删除党小组): it still has members, named by count; None
    when it is empty and may go."""
    count = sum(1 for m in members if m.removed is None and m.group_id == group.id)
    if count:
        return f"{group.name}还有{count}名党员，不能删除；请先把他们移出或编入其他党小组"
    return None


def dissolve_group(group: PartyGroup, on: dt.date) -> RecordChanges:
    """Delete an empty group as the roster removes a member: kept as history, dissolved
    (撤销时间) on ``on``, without a leader; its past meetings still name it."""
    return RecordChanges(updates=(dataclasses.replace(group, dissolved=on, leader_id=None),))
