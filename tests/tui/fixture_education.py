"""The fixed branch with the education area's cases, for Pilot and snapshot tests.

On 2026-11-27: dues paid to October by all but 赵六 (3 months unpaid → NAT-5 warning) and
欧阳娜 (6 months → due); three 主题党日 (September to November) that 王五 missed (EDU-7,
NAT-5 warning), the last with 8 study hours (1 day of EDU-1); 郑丽 lost since May (停止党籍
overdue, NAT-6) and 孙建国 suspended in November 2024 (除名 overdue); no study sessions,
activities or discipline cases yet.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from fixture_branch import fixture_data

from branchtui.domain.records import Attendance, DuesPayment, LostContact, Meeting
from branchtui.storage.store import Store

LAST_PAID = {"m04": "2026-07", "m12": "2026-04"}  # 赵六, 欧阳娜
ABSENT = {"m03", "m10", "m11"}  # 王五 missed the theme days; 郑丽 and 孙建国 are lost
THEME_DAYS = (dt.date(2026, 9, 2), dt.date(2026, 10, 9), dt.date(2026, 11, 3))


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def write_education_fixture(data_dir: Path, today: dt.date) -> Store:
    data = fixture_data(today)
    for member in data.members:
        assert member.joined is not None
        start = max(member.joined, dt.date(2025, 6, 1))
        for month in _months(f"{start:%Y-%m}", LAST_PAID.get(member.id, "2026-10")):
            data.dues_payments.append(
                DuesPayment(
                    id=f"p-{member.id}-{month}",
                    member_id=member.id,
                    month=month,
                    amount=Decimal("10.00"),
                    paid=dt.date(int(month[:4]), int(month[5:]), 5),
                )
            )
    for index, day in enumerate(THEME_DAYS, 1):
        data.meetings.append(
            Meeting(
                id=f"td{index}",
                kinds=["theme_day"],
                date=day,
                topic=f"第{index}次主题党日",
                duration_minutes=120,
                attendance=[
                    Attendance(member_id=m.id, status="absent" if m.id in ABSENT else "present")
                    for m in data.members
                ],
                study_hours=8 if index == 3 else None,
            )
        )
    data.lost_contacts.append(LostContact(id="lc1", member_id="m10", since=dt.date(2026, 5, 1)))
    data.lost_contacts.append(
        LostContact(
            id="lc2",
            member_id="m11",
            since=dt.date(2024, 3, 1),
            suspended=dt.date(2024, 11, 1),
            note="电话停机，原住址已搬离",
        )
    )
    store = Store.open(data_dir, create=True)
    store.replace_all(data)
    return store
