"""Group leaders (ORG-2): a leader moved to another group or removed stops leading the old one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.party_groups import (
    appoint_leader,
    dissolve_group,
    dissolve_refusal,
    groups_by_staffing,
    groups_left_by,
    member_saved,
    move_to_group,
)
from branchtui.domain.records import Member, PartyGroup

D = dt.date


def _groups() -> tuple[PartyGroup, PartyGroup, Member, Member]:
    first, second = PartyGroup(name="第一党小组"), PartyGroup(name="第二党小组")
    leader = Member(name="张三", group_id=first.id)
    other = Member(name="李四", group_id=second.id)
    first.leader_id = leader.id
    second.leader_id = other.id
    return first, second, leader, other


def test_a_leader_moved_to_another_group_stops_leading_the_old_one() -> None:
    first, second, leader, _ = _groups()
    changes = move_to_group(leader, second.id, [first, second])
    moved, left = changes.updates
    assert isinstance(moved, Member) and moved.group_id == second.id
    assert isinstance(left, PartyGroup) and left.id == first.id and left.leader_id is None
    assert changes.inserts == ()
    assert first.leader_id == leader.id  # the records read are not changed in place


def test_a_leader_taken_out_of_every_group_stops_leading() -> None:
    first, second, leader, _ = _groups()
    left = groups_left_by(leader, dataclasses.replace(leader, group_id=None), [first, second])
    assert [g.id for g in left] == [first.id]


def test_a_leader_removed_from_the_roster_stops_leading() -> None:
    first, second, leader, _ = _groups()
    removed = dataclasses.replace(leader, removed=D(2026, 11, 1), removed_reason="transferred_out")
    changes = member_saved(leader, removed, [first, second])
    assert changes.updates[0] is removed
    (left,) = changes.updates[1:]
    assert isinstance(left, PartyGroup) and left.id == first.id and left.leader_id is None


def test_moving_or_editing_an_ordinary_member_leaves_the_leaders_alone() -> None:
    first, second, leader, other = _groups()
    ordinary = Member(name="王五", group_id=first.id)
    assert move_to_group(ordinary, second.id, [first, second]).updates[1:] == ()
    renamed = dataclasses.replace(leader, phone="13800000000")
    assert member_saved(leader, renamed, [first, second]).updates == (renamed,)
    assert groups_left_by(other, other, [first, second]) == []


def test_a_new_member_is_inserted() -> None:
    first, second, _, _ = _groups()
    new = Member(name="赵六", group_id=first.id)
    changes = member_saved(None, new, [first, second])
    assert changes.inserts == (new,) and changes.updates == ()


def test_appointing_a_leader_from_another_group_moves_them_and_frees_the_old_group() -> None:
    first, second, leader, _other = _groups()
    changes = appoint_leader(second, leader, [first, second])
    led, moved, left = changes.updates
    assert isinstance(led, PartyGroup) and led.id == second.id and led.leader_id == leader.id
    assert isinstance(moved, Member) and moved.group_id == second.id
    assert isinstance(left, PartyGroup) and left.id == first.id and left.leader_id is None


def test_appointing_a_member_of_the_group_changes_only_the_group() -> None:
    first, second, _leader, _ = _groups()
    member = Member(name="王五", group_id=first.id)
    (led,) = appoint_leader(first, member, [first, second]).updates
    assert isinstance(led, PartyGroup) and led.leader_id == member.id


def test_a_group_with_members_cannot_be_deleted_and_an_empty_one_is_kept_as_history() -> None:
    first, second, leader, other = _groups()
    gone = dataclasses.replace(other, removed=D(2026, 5, 1), removed_reason="transferred_out")
    assert dissolve_refusal(first, [leader, gone]) == (
        "第一党小组还有1名党员，不能删除；请先把他们移出或编入其他党小组"
    )
    assert dissolve_refusal(second, [leader, gone]) is None  # only a removed member left
    (kept,) = dissolve_group(second, D(2026, 11, 27)).updates
    assert isinstance(kept, PartyGroup)
    assert (kept.id, kept.dissolved, kept.leader_id) == (second.id, D(2026, 11, 27), None)


def test_groups_by_staffing_counts_members_in_the_roster_during_the_time() -> None:
    first, second, leader, other = _groups()
    other = dataclasses.replace(other, removed=D(2026, 10, 20), removed_reason="transferred_out")
    third = PartyGroup(name="第三党小组", created=D(2026, 12, 1))
    dissolved = PartyGroup(name="旧党小组", dissolved=D(2026, 9, 1))
    groups = [first, second, third, dissolved]
    october = groups_by_staffing(groups, [leader, other], D(2026, 10, 1), D(2026, 10, 31))
    assert october == ([first, second], [])
    november = groups_by_staffing(groups, [leader, other], D(2026, 11, 1), D(2026, 11, 30))
    assert november == ([first], [second])
