"""Validating a member (ORG-1) and the single-field checks screens call as the user types."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.records import Member
from branchtui.domain.validation import (
    check_id_number,
    check_name,
    check_phone,
    id_birth_date,
    id_gender,
    review,
    validate,
    warnings,
)
from branchtui.domain.validation_fields import ID_WEIGHTS, id_check_char

D = dt.date


def make_id(area: str, birth: str, sequence: str) -> str:
    """A valid 身份证号 computed by the GB 11643 rule, independently of the code under test."""
    body = area + birth + sequence
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


MALE_ID = make_id("350203", "19900307", "123")  # 17th digit 3: male
FEMALE_ID = make_id("110105", "19851224", "042")  # 17th digit 2: female


def member(**changes: object) -> Member:
    fields: dict[str, object] = {
        "name": "张三",
        "gender": "male",
        "birth_date": D(1990, 3, 7),
        "id_number": MALE_ID,
        "phone": "13812345678",
        "joined": D(2015, 7, 1),
        "full_date": D(2016, 7, 1),
        "status": "full",
    }
    fields.update(changes)
    return Member(**fields)  # type: ignore[arg-type]


def test_a_complete_member_is_valid(today: dt.date) -> None:
    assert MALE_ID == "350203199003071236"
    assert validate(member(), today) == {}
    assert review(member(), today) == ({}, {})


def test_known_checksums() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert check_id_number("11010519491231002X") is None
    assert check_id_number("11010519491231002x") is None
    assert id_birth_date(FEMALE_ID) == D(1985, 12, 24)
    assert id_gender(FEMALE_ID) == "female"
    assert id_gender(MALE_ID) == "male"


@pytest.mark.parametrize("position", range(17))
def test_flipping_any_digit_breaks_the_checksum(position: int) -> None:
    digit = str((int(MALE_ID[position]) + 1) % 10)
    wrong = MALE_ID[:position] + digit + MALE_ID[position + 1 :]
    assert check_id_number(wrong) is not None


def test_id_number_messages() -> None:
    assert check_id_number(MALE_ID[:-1] + "0") == "身份证号校验位不正确，请核对"
    assert check_id_number("35020319900307") == "身份证号应为18位，现在是14位"
    assert check_id_number("35020A199003071236") == "身份证号前17位应为数字"
    assert (
        check_id_number(make_id("350203", "19900230", "123"))
        == "身份证号中的出生日期（第7–14位）无效"
    )
    assert (
        check_id_number(make_id("350203", "20300101", "123"), D(2026, 11, 27))
        == "身份证号中的出生日期晚于今天"
    )
    assert check_id_number("") is None


def test_id_number_must_agree_with_birth_date_and_gender(today: dt.date) -> None:
    assert validate(member(birth_date=D(1990, 3, 8)), today) == {
        "id_number": "身份证号中的出生日期与填写的出生日期不一致"
    }
    errors = validate(member(gender="female"), today)
    assert errors == {"id_number": "身份证号显示性别为男，与填写的性别不一致"}


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "19912345678",
        "0592-1234567",
        "010-12345678",
        "05921234567",
        "+86 138 1234 5678",
        "",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert check_phone(phone) is None


@pytest.mark.parametrize(
    "phone", ["12812345678", "1381234567", "138123456789", "592-1234567", "电话", "0592-12345"]
)
def test_invalid_phones(phone: str) -> None:
    assert (
        check_phone(phone)
        == "联系电话应为11位手机号（如13812345678）或带区号的固定电话（如0592-1234567）"
    )


def test_names() -> None:
    assert check_name("张三") is None
    assert check_name("阿依古丽·买买提") is None
    assert check_name("John Smith") is None
    assert check_name("张") == "姓名应为2到20个字"
    assert check_name("张" * 21) == "姓名应为2到20个字"
    assert check_name("张三3") == "姓名只能包含汉字、字母和间隔号“·”"
    assert check_name("  ") == "请填写姓名"


def test_dates_in_the_future_and_joining_age(today: dt.date) -> None:
    assert (
        validate(member(birth_date=D(2027, 1, 1), id_number=""), today)["birth_date"]
        == "出生日期不能晚于今天"
    )
    assert validate(
        member(joined=D(2026, 12, 1), full_date=None, status="probationary"), today
    ) == {"joined": "入党时间不能晚于今天"}
    assert validate(member(joined=D(2008, 3, 6), full_date=D(2009, 3, 6)), today) == {
        "joined": "入党时应年满18周岁，请核对入党时间或出生日期"
    }
    assert validate(member(joined=D(2008, 3, 7), full_date=D(2009, 3, 7)), today) == {}


def test_conversion_date_order_and_warning(today: dt.date) -> None:
    assert validate(member(full_date=D(2015, 1, 1)), today) == {
        "full_date": "转正时间不能早于入党时间"
    }
    early = member(full_date=D(2016, 3, 1))
    assert validate(early, today) == {}
    assert warnings(early, today) == {
        "full_date": "转正时间距入党不满1年（预备期一般为1年），请核对"
    }


def test_a_full_member_who_joined_less_than_a_year_ago_needs_a_conversion_date(
    today: dt.date,
) -> None:
    # NAT-3: probation is a year; 李晓梅 joined 2026-05-20 and cannot be 正式 on 2026-11-27.
    recent = member(joined=D(2026, 5, 20), full_date=None, status="full")
    assert validate(recent, today) == {
        "status": "入党不满1年，应为预备党员（已转正请填写转正时间）"
    }
    assert (
        validate(member(joined=D(2026, 5, 20), full_date=None, status="probationary"), today) == {}
    )
    # A year ago or more without 转正时间: history entered later (or imported), accepted.
    assert validate(member(joined=D(2025, 11, 27), full_date=None, status="full"), today) == {}
    assert validate(member(joined=D(2014, 4, 4), full_date=None, status="full"), today) == {}
    # With a 转正时间 the date's own checks speak (a short probation is a warning).
    converted = member(joined=D(2025, 5, 20), full_date=D(2026, 5, 20), status="full")
    assert validate(converted, today) == {}


def test_a_probation_extension_is_of_6_to_12_months(today: dt.date) -> None:
    extended = member(joined=D(2025, 5, 20), full_date=None, status="probationary")
    for months in (6, 12):
        extended.probation_extension_months = months
        assert validate(extended, today) == {}
    for months in (3, 13):
        extended.probation_extension_months = months
        assert validate(extended, today) == {
            "probation_extension_months": "延长预备期应为6至12个月"
        }


def test_status_gender_and_removal(today: dt.date) -> None:
    assert validate(member(status="预备"), today)["status"] == "党员类别应为：正式党员、预备党员"
    assert validate(member(status="probationary"), today) == {
        "full_date": "预备党员尚未转正，不应填写转正时间"
    }
    assert validate(member(gender="x"), today)["gender"] == "性别应为：男、女"
    assert "removed_reason" in validate(member(removed=D(2025, 1, 1)), today)
    assert validate(member(removed=D(2025, 1, 1), removed_reason="deceased"), today) == {}
    assert validate(member(removed_reason="deceased"), today) == {
        "removed": "已填写移出原因，请填写移出时间"
    }


def test_incomplete_roster_entries_may_still_be_saved(today: dt.date) -> None:
    # Missing fields are ORG-1's to count, not a reason to refuse the save.
    bare = Member(name="李四")
    assert validate(bare, today) == {}


def test_the_arrival_date_is_not_in_the_future_nor_before_joining() -> None:
    import datetime as dt

    from branchtui.domain.records import Member
    from branchtui.domain.validation import validate

    today = dt.date(2026, 11, 27)
    member = Member(name="张三", joined=dt.date(2010, 7, 1), arrived=dt.date(2026, 12, 1))
    assert validate(member, today)["arrived"] == "转入本支部日期不能晚于今天"
    member.arrived = dt.date(2009, 1, 1)
    assert validate(member, today)["arrived"] == "转入本支部日期不能早于入党时间"
    member.arrived = today
    assert "arrived" not in validate(member, today)
