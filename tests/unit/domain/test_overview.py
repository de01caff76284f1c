"""The 支部概况 figures (ORG-1 … ORG-8) computed by domain/overview.py."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.overview import org_overview
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    Branch,
    BranchData,
    CommitteeSeat,
    Member,
    PartyGroup,
    Term,
    Vacancy,
)

TODAY = dt.date(2026, 11, 27)


def branch(
    members: int, *, group_of: int = 0, term_start: dt.date = dt.date(2025, 6, 1)
) -> BranchData:
    data = BranchData(branch=Branch(name="测试支部", kind="branch"))
    if group_of:
        data.groups.append(PartyGroup(id="g1", name="第一党小组"))
    for i in range(members):
        data.members.append(
            Member(
                name=f"党员{i}",
                gender="male",
                birth_date=dt.date(1990, 1, 1),
                joined=dt.date(2015, 1, 1),
                phone="13800001234",
                group_id="g1" if i < group_of else None,
            )
        )
    data.terms.append(Term(id="t1", start=term_start))
    return data


def finding(data: BranchData, rule: str, profile: str = "plan-2017") -> list[tuple[str, bool]]:
    view = org_overview(data, TODAY, get_profile(profile))
    return [(f.text, f.ok) for f in view.findings if f.rule == rule]


def test_org1_counts_members_missing_required_fields() -> None:
    data = branch(3)
    data.members[0].phone = ""
    assert finding(data, "ORG-1") == [("名册缺项党员1人", False)]
    data.members[0].phone = "13800001234"
    assert finding(data, "ORG-1") == [("名册信息完整", True)]


def test_org2_twenty_members_without_groups_and_group_over_ten() -> None:
    assert finding(branch(19), "ORG-2") == [("党小组设置符合要求", True)]
    assert finding(branch(20), "ORG-2") == [("党员20人，应划分党小组", False)]
    assert finding(branch(20, group_of=11), "ORG-2") == [
        ("党小组超过10人：第一党小组（11人）", False)
    ]
    assert finding(branch(20, group_of=10), "ORG-2") == [("党小组设置符合要求", True)]


def test_org3_thresholds_fifty_and_hundred() -> None:
    assert finding(branch(49), "ORG-3")[0][1] is True
    assert finding(branch(50), "ORG-3") == [("党员50人，达到50人，应升格为党总支", False)]
    assert finding(branch(100), "ORG-3") == [("党员100人，达到100人，应升格为党委", False)]


def test_org4_term_end_depends_on_profile() -> None:
    data = branch(3, term_start=dt.date(2025, 6, 1))
    view = org_overview(data, TODAY, get_profile("plan-2017"))
    assert view.term_end == dt.date(2027, 5, 31)
    assert view.days_left == 185
    assert org_overview(data, TODAY, get_profile("national")).term_end == dt.date(2028, 5, 31)
    ended = branch(3, term_start=dt.date(2024, 11, 1))
    assert finding(ended, "ORG-4") == [("任期已于 2026-10-31 届满，应换届", False)]
    near = branch(3, term_start=dt.date(2025, 1, 15))
    assert finding(near, "ORG-4") == [("任期将于 2027-01-14 届满，请准备换届", False)]


def test_org5_to_org8_seats_and_vacancies() -> None:
    data = branch(3)
    assert finding(data, "ORG-5") == [("未配备书记", False)]
    member = data.members[0]
    data.seats.append(CommitteeSeat(term_id="t1", role="secretary", member_id=member.id))
    data.seats.append(CommitteeSeat(term_id="t1", role="discipline", member_id=member.id))
    assert finding(data, "ORG-5") == [("已配备书记", True)]
    assert finding(data, "ORG-6") == [("已设纪检委员", True)]
    data.vacancies.append(Vacancy(role="secretary", since=TODAY - dt.timedelta(days=32)))
    data.vacancies.append(Vacancy(role="propaganda", since=TODAY - dt.timedelta(days=30)))
    assert finding(data, "ORG-7") == [("书记空缺32天（已超期）", False)]
    assert finding(data, "ORG-8") == [("宣传委员空缺30天（时限92天）", True)]
    view = org_overview(data, TODAY)
    assert [s.holder for s in view.seats] == ["党员0", "党员0"]
