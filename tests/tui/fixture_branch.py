"""A small fixed branch for Pilot and snapshot tests: 12 members, 2 groups, one committee."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from branchtui.domain.records import (
    Branch,
    BranchData,
    CommitteeSeat,
    Member,
    PartyGroup,
    Term,
    Vacancy,
)
from branchtui.storage.store import Store

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(birth: dt.date, serial: int, gender: str) -> str:
    """A 身份证号 with a valid GB 11643 check character."""
    order = serial * 2 + (1 if gender == "male" else 0)
    first17 = f"350203{birth:%Y%m%d}{order:03d}"
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


# (name, gender, birth, joined, status, group index or None, phone)
PEOPLE = [
    ("张三", "male", dt.date(1980, 3, 5), dt.date(2005, 7, 1), "full", 0, "13800001234"),
    ("李四", "female", dt.date(1985, 6, 12), dt.date(2008, 6, 20), "full", 0, "13900002345"),
    ("王五", "male", dt.date(1990, 1, 20), dt.date(2012, 5, 4), "full", 0, "13700003456"),
    ("赵六", "female", dt.date(1992, 9, 9), dt.date(2015, 10, 1), "full", 0, "13600004567"),
    ("陈晓明", "male", dt.date(1978, 12, 1), dt.date(2000, 7, 1), "full", 0, "15000005678"),
    ("刘芳", "female", dt.date(1995, 4, 18), dt.date(2026, 3, 1), "probationary", 1, "15100006789"),
    ("黄志强", "male", dt.date(1988, 8, 8), dt.date(2010, 12, 12), "full", 1, "15200007890"),
    ("周敏", "female", dt.date(1991, 2, 14), dt.date(2014, 7, 1), "full", 1, "18600008901"),
    ("吴刚", "male", dt.date(1983, 11, 30), dt.date(2006, 9, 10), "full", 1, "18700009012"),
    ("郑丽", "female", dt.date(1997, 7, 7), dt.date(2025, 12, 1), "probationary", None, ""),
    ("孙建国", "male", dt.date(1970, 10, 1), dt.date(1995, 7, 1), "full", 1, "18800000123"),
    ("欧阳娜", "female", dt.date(1993, 5, 20), dt.date(2016, 6, 30), "full", None, "18900001234"),
]


def fixture_data(today: dt.date) -> BranchData:
    """The fixed branch; ids are deterministic so snapshots do not change."""
    data = BranchData()
    data.branch = Branch(
        id="b0",
        name="中共示范公司第一支部委员会",
        kind="branch",
        upper_committee="中共示范集团委员会",
        created=dt.date(2025, 6, 1),
    )
    groups = [
        PartyGroup(id="g1", name="第一党小组", leader_id="m01", created=dt.date(2025, 6, 1)),
        PartyGroup(id="g2", name="第二党小组", leader_id="m07", created=dt.date(2025, 6, 1)),
    ]
    data.groups.extend(groups)
    for index, (name, gender, birth, joined, status, group, phone) in enumerate(PEOPLE, 1):
        data.members.append(
            Member(
                id=f"m{index:02d}",
                name=name,
                gender=gender,
                birth_date=birth if index != 12 else None,
                id_number=id_number(birth, index, gender),
                phone=phone,
                joined=joined,
                status=status,
                group_id=groups[group].id if group is not None else None,
            )
        )
    term = Term(id="t1", number=1, start=dt.date(2025, 6, 1))
    data.terms.append(term)
    for seat_id, role, member_id in (
        ("s1", "secretary", "m01"),
        ("s2", "organization", "m02"),
        ("s3", "propaganda", "m07"),
    ):
        data.seats.append(
            CommitteeSeat(
                id=seat_id, term_id="t1", role=role, member_id=member_id, since=term.start
            )
        )
    data.vacancies.append(Vacancy(id="v1", role="discipline", since=dt.date(2026, 10, 8)))
    return data


def write_fixture(data_dir: Path, today: dt.date) -> Store:
    """Create the data folder holding the fixed branch; returns an open Store."""
    store = Store.open(data_dir, create=True)
    store.replace_all(fixture_data(today))
    return store
