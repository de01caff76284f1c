"""The roster (ORG-1): what is missing, who belongs when, counts, ages and masking."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.records import Member, PartyGroup
from branchtui.domain.roster import (
    REQUIRED_FIELDS,
    active_members_on,
    age_on,
    count_by_group,
    count_by_status,
    group_sizes,
    incomplete_members,
    is_active_on,
    mask_id_number,
    mask_phone,
    members_of_group,
    missing_fields,
    party_years_on,
    status_on,
)

D = dt.date


def complete(**changes: object) -> Member:
    fields: dict[str, object] = {
        "name": "张三",
        "gender": "male",
        "birth_date": D(1990, 3, 7),
        "joined": D(2015, 7, 1),
        "full_date": D(2016, 7, 1),
        "status": "full",
        "phone": "13812345678",
    }
    fields.update(changes)
    return Member(**fields)  # type: ignore[arg-type]


def test_required_fields_are_the_six_of_org_1() -> None:
    assert list(REQUIRED_FIELDS) == ["name", "gender", "birth_date", "joined", "status", "phone"]
    assert REQUIRED_FIELDS["joined"] == "入党时间"


def test_missing_fields_lists_chinese_labels_in_roster_order() -> None:
    assert missing_fields(complete()) == []
    member = complete(gender="", phone="  ", birth_date=None)
    assert missing_fields(member) == ["性别", "出生日期", "联系电话"]
    assert missing_fields(complete(status="unknown")) == ["党员类别（正式/预备）"]


def test_incomplete_members_skips_removed_ones() -> None:
    gap = complete(name="李四", phone="")
    gone = complete(name="王五", phone="", removed=D(2020, 1, 1), removed_reason="deceased")
    assert [(m.name, gaps) for m, gaps in incomplete_members([complete(), gap, gone])] == [
        ("李四", ["联系电话"])
    ]


def test_active_at_a_date_respects_joining_and_removal() -> None:
    member = complete(
        joined=D(2020, 5, 1), removed=D(2024, 6, 30), removed_reason="transferred_out"
    )
    assert not is_active_on(member, D(2020, 4, 30))
    assert is_active_on(member, D(2020, 5, 1))
    assert is_active_on(member, D(2024, 6, 29))
    assert not is_active_on(member, D(2024, 6, 30))
    assert active_members_on([member, complete(name="李四")], D(2025, 1, 1))[0].name == "李四"


def test_status_and_counts_at_a_date() -> None:
    probationer = complete(
        name="李四", joined=D(2026, 1, 10), full_date=None, status="probationary"
    )
    converted = complete(name="王五", joined=D(2025, 6, 1), full_date=D(2026, 6, 1))
    assert status_on(converted, D(2026, 5, 31)) == "probationary"
    assert status_on(converted, D(2026, 6, 1)) == "full"
    members = [complete(), probationer, converted]
    assert count_by_status(members) == {"full": 2, "probationary": 1}
    assert count_by_status(members, on=D(2026, 3, 1)) == {"full": 1, "probationary": 2}
    assert count_by_status([], on=D(2026, 3, 1)) == {"full": 0, "probationary": 0}


def test_groups_sizes_and_members() -> None:
    first, second = PartyGroup(name="第一党小组"), PartyGroup(name="第二党小组")
    members = [
        complete(group_id=first.id),
        complete(name="李四", group_id=first.id),
        complete(name="王五"),
        complete(name="赵六", group_id=first.id, removed=D(2025, 1, 1), removed_reason="quit"),
    ]
    assert group_sizes(members, [first, second]) == {first.id: 2, second.id: 0, "": 1}
    assert count_by_group(members, [first, second]) == {
        "第一党小组": 2,
        "第二党小组": 0,
        "未分组": 1,
    }
    assert [m.name for m in members_of_group(members, first.id)] == ["张三", "李四"]
    assert [m.name for m in members_of_group(members, None)] == ["王五"]


def test_age_and_years_of_membership() -> None:
    member = complete(birth_date=D(1990, 11, 28), joined=D(2015, 7, 1), full_date=D(2016, 7, 1))
    assert age_on(member, D(2026, 11, 27)) == 35
    assert age_on(member, D(2026, 11, 28)) == 36
    assert party_years_on(member, D(2026, 11, 27)) == 10
    assert age_on(complete(birth_date=None), D(2026, 11, 27)) is None


def test_masking_keeps_only_what_identifies_the_row() -> None:
    assert mask_id_number("350203199003071236") == "350203********1236"
    assert mask_id_number("") == ""
    assert mask_id_number("123") == "***"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0592-1234567") == "0592-****567"
    assert mask_phone("12345") == "*****"
    assert mask_phone("1380004") == "****004"  # never the whole number
    assert mask_phone(None) == ""
