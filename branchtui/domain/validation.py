"""Validation of records before they are saved: field name → Chinese message, empty when valid.

``validate(record, today)`` works for every record type and never raises; ``review`` adds the
warnings that do not block saving (a 转正 less than a year after joining). The per-field
helpers (``check_id_number``, ``check_phone``, …) are for screens that check as the user types.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchtui.domain.codec import decode
from branchtui.domain.dates import add_years
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.fields import fields_of
from branchtui.domain.records import TABLES, Branch, Member, Record, Term
from branchtui.domain.records.people import (
    REMOVAL_REASONS,
)
from branchtui.domain.validation_fields import (
    check_amount,
    check_choice,
    check_date,
    check_id_number,
    check_month,
    check_name,
    check_past_date,
    check_phone,
    check_required,
    check_time,
    check_year,
    id_birth_date,
    id_gender,
)
from branchtui.domain.validation_records import RECORD_CHECKS, Checker, id_consistency

__all__ = [
    "check_amount",
    "check_choice",
    "check_date",
    "check_id_number",
    "check_month",
    "check_name",
    "check_past_date",
    "check_phone",
    "check_required",
    "check_time",
    "check_year",
    "id_birth_date",
    "id_gender",
    "review",
    "validate",
    "validate_dict",
    "warnings",
]

# The party was founded on 1 July 1921: nobody joined before.
PARTY_FOUNDED = dt.date(1921, 7, 1)
# Probation lasts a year (NAT-3; an extension only lengthens it), extended once by 6–12 months.
PROBATION_YEARS = 1
EXTENSION_MONTHS = (6, 12)
# Members join at 18 or older (党章 §1).
JOINING_AGE = 18
# A message for what no check could read: never shown for records built by our own code.
UNREADABLE = "记录内容无法识别，请检查后重新填写"


def _member(c: Checker) -> None:
    """Member (ORG-1): name, gender, dates, 身份证号, phone, status and removal."""
    c.add("name", check_name(c.get("name")))
    c.choice("gender", optional=True)
    c.past("birth_date")
    c.add("id_number", check_id_number(c.get("id_number"), c.today))
    c.add("phone", check_phone(c.get("phone")))
    c.past("joined")
    joined = c.get("joined")
    if "joined" not in c.errors and isinstance(joined, dt.date) and joined < PARTY_FOUNDED:
        c.add("joined", "入党时间不能早于1921年7月1日")
    c.past("full_date")
    c.order("joined", "full_date")
    if c.get("full_date") == c.get("joined") and c.get("joined") is not None:
        c.add("full_date", "转正时间应晚于入党时间")
    c.past("arrived")
    c.order("joined", "arrived")  # only a member already in the party transfers in
    c.choice("status")
    if c.get("status") == "probationary" and c.get("full_date") is not None:
        c.add("full_date", "预备党员尚未转正，不应填写转正时间")
    _member_probation(c)
    c.choice("dues_category")
    c.amount("monthly_income", "月收入")
    _member_age(c)
    id_consistency(c)
    _member_removal(c)


def _member_probation(c: Checker) -> None:
    """NAT-3: probation lasts a year from 入党时间, so a 正式党员 who joined less than a year ago
    must have a recorded 转正时间; one who joined longer ago may lack it (history entered
    later, or imported). An extension is of 6 to 12 months."""
    months = c.get("probation_extension_months")
    low, high = EXTENSION_MONTHS
    if months is not None and not (isinstance(months, int) and low <= months <= high):
        c.add("probation_extension_months", f"延长预备期应为{low}至{high}个月")
    joined = c.get("joined")
    if c.get("status") != "full" or c.get("full_date") is not None or "joined" in c.errors:
        return
    if isinstance(joined, dt.date) and add_years(joined, PROBATION_YEARS) > c.today:
        c.add("status", "入党不满1年，应为预备党员（已转正请填写转正时间）")


def _member_age(c: Checker) -> None:
    birth, joined = c.get("birth_date"), c.get("joined")
    if "birth_date" in c.errors or "joined" in c.errors:
        return
    if isinstance(birth, dt.date) and isinstance(joined, dt.date):
        if joined < birth:
            c.add("joined", "入党时间不能早于出生日期")
        elif add_years(birth, JOINING_AGE) > joined:
            c.add("joined", f"入党时应年满{JOINING_AGE}周岁，请核对入党时间或出生日期")


def _member_removal(c: Checker) -> None:
    removed, reason = c.get("removed"), c.get("removed_reason")
    if removed is not None:
        c.past("removed")
        c.order("joined", "removed")
        c.add("removed_reason", check_choice(reason, "移出原因", REMOVAL_REASONS))
    elif reason not in ("", None):
        c.add("removed", "已填写移出原因，请填写移出时间")


def _run(record: object, today: dt.date) -> Checker:
    c = Checker(record, today)
    if isinstance(record, Member):
        _member(c)
    else:
        check = RECORD_CHECKS.get(type(record))
        if check is None:
            c.add("", "未知的记录类型")
            return c
        check(c)
    c.declared_limits()
    return c


def validate(record: object, today: dt.date) -> dict[str, str]:
    """What is wrong with a record, by field name (``attendance.2.status`` for list items).

    Empty when the record may be saved. Works for every type of ``domain.records``; never raises.
    """
    try:
        return _run(record, today).errors
    except Exception:  # a validator must answer, whatever it is given
        return {"": UNREADABLE}


def warnings(record: object, today: dt.date) -> dict[str, str]:
    """Things worth a second look that do not block saving; never raises."""
    found: dict[str, str] = {}
    if isinstance(record, Member):
        joined, full = record.joined, record.full_date
        if isinstance(joined, dt.date) and isinstance(full, dt.date) and joined < full:
            try:
                short = full < add_years(joined, 1)
            except (OverflowError, ValueError):
                short = False
            if short:
                found["full_date"] = "转正时间距入党不满1年（预备期一般为1年），请核对"
    elif isinstance(record, Term) and record.extension_until and not record.extension_approved:
        found["extension_approved"] = "延期换届须经上级党组织批准，请填写批准时间"
    return found


def review(record: object, today: dt.date) -> tuple[dict[str, str], dict[str, str]]:
    """``(errors, warnings)`` for a form's review step."""
    return validate(record, today), warnings(record, today)


def validate_dict(table: str, data: Any, today: dt.date) -> dict[str, str]:
    """Validate a stored or imported document of a table; an unreadable one gets one message."""
    types: dict[str, type[Record]] = {**TABLES, Branch.TABLE: Branch}
    record_type = types.get(table) if isinstance(table, str) else None
    if record_type is None:
        return {"": "未知的数据表"}
    if not isinstance(data, dict):
        return {"": UNREADABLE}
    try:
        # The content is judged here, not the document's identity: a missing id is no error.
        record = decode(record_type, data if "id" in data else {"id": "", **data})
    except DecodeError as error:
        info = fields_of(record_type).get(str(error.path[0])) if len(error.path) == 1 else None
        if error.kind == "value" and info is not None and info.choices:
            return {info.name: check_choice(None, info.label, info.choices) or UNREADABLE}
        return {"": UNREADABLE}
    except Exception:  # any malformed document is reported, not raised
        return {"": UNREADABLE}
    return validate(record, today)
