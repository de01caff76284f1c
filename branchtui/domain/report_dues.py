"""The dues sections of a work report (EDU-4, NAT-4): the month's dues, who is behind at the
month's end, and a window's total. Members appear by name only (DESIGN.md, personal data)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from branchtui.domain.dates import add_months, month_key
from branchtui.domain.dues import arrears, collected_after_leaving, dues_start
from branchtui.domain.records import BranchData
from branchtui.domain.report_sections import Row, member_names
from branchtui.domain.roster import active_members_on


def dues_of_month(data: BranchData, month: dt.date, at: dt.date) -> Row:
    """The dues of the month starting ``month``: who owed them (members on ``at``, and those
    who transferred out during the month: they owe it here, EDU-4; in-flowing members
    excepted), who paid, how much came in, and who has not paid."""
    key = month_key(month)
    left = [
        m
        for m in data.members
        if collected_after_leaving(m) and m.removed is not None and month <= m.removed <= at
    ]
    owing = [
        m
        for m in [*active_members_on(data.members, at), *left]
        if not m.inflow and (begin := dues_start(m, data)) is not None and begin <= month
    ]
    gone = {m.id for m in left}
    payments = [p for p in data.dues_payments if p.month == key]
    payers = {p.member_id for p in payments}
    names = member_names(data)
    unpaid = sorted((m for m in owing if m.id not in payers), key=lambda m: names[m.id])
    return {
        "month": key,
        "expected": len(owing),
        "paid": len(owing) - len(unpaid),
        "collected": sum((p.amount for p in payments), Decimal("0")),
        "unpaid": [names[m.id] + ("（已转出）" if m.id in gone else "") for m in unpaid],
    }


def month_end_arrears(data: BranchData, start: dt.date, on: dt.date) -> list[Row]:
    """Who is behind with dues (EDU-4) when the month starting ``start`` is reported on ``on``.

    A month that is over counts itself (its dues fell due at its end: the same months the
    dashboard shows from the next day on); a month still running counts up to the month before.
    Members who had left by then are not listed, but for those who transferred out: they
    still owe the months they belonged here (EDU-4).
    """
    following = add_months(start, 1)
    at = following if on >= following else on
    end = following - dt.timedelta(days=1)
    names = member_names(data)
    active = {m.id: m for m in active_members_on(data.members, min(end, on))}
    # Who transferred out still owes the months of here (EDU-4); other leavers do not.
    active |= {m.id: m for m in data.members if collected_after_leaving(m)}
    rows = []
    for member_id, owed in arrears(data, at).items():
        member = active.get(member_id)
        if member is None:
            continue
        gone = "（已转出）" if member.removed is not None and member.removed <= at else ""
        rows.append(
            {
                "name": names[member.id] + gone,
                "months": len(owed.months),
                "first": owed.months[0],
                "last": owed.months[-1],
            }
        )
    return sorted(rows, key=lambda r: (-r["months"], r["name"]))


def dues_of_window(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Dues for the months of the window: total collected and payments counted."""
    first, last = month_key(start), month_key(end)
    payments = [p for p in data.dues_payments if first <= p.month <= last]
    return {
        "collected": sum((p.amount for p in payments), Decimal("0")),
        "payments": len(payments),
    }
