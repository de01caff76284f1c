"""Dues at a transfer out (EDU-4): before it, the months not yet paid are said (转出前应交清);
after it, the member still owes the months she belonged here, the month of the transfer
included — the monthly report counts her among those owing that month and the dashboard keeps
asking while the months may be paid back (NAT-4) — whereas a member who died or was suspended
owes nothing once gone."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from branchtui.domain.dues import arrears, leaving_dues_note
from branchtui.domain.profile import get_profile
from branchtui.domain.records import DuesPayment, Transfer
from branchtui.domain.relations import transfer_dues_note, transfer_out
from branchtui.domain.report_monthly import monthly_report_context

from .conftest import D, add, add_member, judge, one

ON = D(2026, 11, 27)
PROFILE = get_profile("plan-2017")


def paid(data, member, *months: str) -> None:
    for month in months:
        day = D(int(month[:4]), int(month[5:]), 5)
        add(data, DuesPayment(member_id=member.id, month=month, amount=Decimal(10), paid=day))


def apply(data, changes) -> None:
    for record in changes.inserts:
        data.records(record.TABLE).append(record)
    for record in changes.updates:
        table = data.records(record.TABLE)
        table[:] = [r for r in table if r.id != record.id] + [record]


def going_out(member, instrument: str = "relation_transfer") -> Transfer:
    return Transfer(
        member_id=member.id,
        person_name=member.name,
        direction="out",
        instrument=instrument,  # type: ignore[arg-type]
        date=D(2026, 11, 20),
    )


def test_the_months_unpaid_up_to_the_transfer_are_said_before_it(data) -> None:
    li = add_member(data, "李佳", joined=D(2026, 8, 1))
    assert (
        leaving_dues_note(li, data, ON)
        == "李佳尚未交纳2026年8月至11月共4个月党费，转出前应交清（EDU-4）"
    )
    paid(data, li, "2026-08", "2026-09", "2026-10")
    assert leaving_dues_note(li, data, ON) == "李佳尚未交纳2026年11月党费，转出前应交清（EDU-4）"
    assert transfer_dues_note(data, going_out(li)) == leaving_dues_note(li, data, D(2026, 11, 20))
    # A letter or a flow card keeps her on the roster, paying here: nothing to settle first.
    assert transfer_dues_note(data, going_out(li, "certificate_letter")) == ""
    assert transfer_dues_note(data, going_out(li, "flow_card")) == ""
    paid(data, li, "2026-11")
    assert transfer_dues_note(data, going_out(li)) == ""


def test_a_member_transferred_out_still_owes_the_month_of_the_transfer(data) -> None:
    stays = add_member(data, "留下", joined=D(2026, 8, 1))
    li = add_member(data, "李佳", joined=D(2026, 8, 1))
    paid(data, stays, "2026-08", "2026-09", "2026-10", "2026-11")
    paid(data, li, "2026-08", "2026-09", "2026-10")
    apply(data, transfer_out(data, going_out(li)))
    assert data.find("members", li.id).removed == D(2026, 11, 20)
    dues = monthly_report_context(data, "2026-11", PROFILE, ON)["dues"]
    assert (dues["expected"], dues["paid"], dues["unpaid"]) == (2, 1, ["李佳（已转出）"])
    after = monthly_report_context(data, "2026-11", PROFILE, D(2026, 12, 10))["dues"]
    assert [(a["name"], a["months"]) for a in after["arrears"]] == [("李佳（已转出）", 1)]
    edu_4 = one(judge("EDU-4", data, D(2026, 12, 10)))
    assert edu_4.status == "due" and edu_4.people == (li.id,)
    assert edu_4.detail == "李佳（已转出）欠交1个月（2026-11起）"
    # Paid back within NAT-4's six months, or older than that: no longer asked.
    assert li.id not in arrears(data, D(2027, 6, 1))
    paid(data, li, "2026-11")
    assert one(judge("EDU-4", data, D(2026, 12, 10))).status == "met"


def test_a_member_who_died_or_was_suspended_owes_nothing_once_gone(data) -> None:
    gone = add_member(data, "故去", joined=D(2026, 8, 1))
    data.members[:] = [
        dataclasses.replace(gone, removed=D(2026, 11, 20), removed_reason="deceased")
    ]
    assert arrears(data, D(2026, 12, 10)) == {}
    dues = monthly_report_context(data, "2026-11", PROFILE, ON)["dues"]
    assert dues["expected"] == 0
