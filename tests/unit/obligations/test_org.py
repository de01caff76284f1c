"""ORG rules: roster, groups, branch form, terms, committee seats and vacancies."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.obligations.org import branch_form_advice
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import Vacancy
from tests.unit.obligations.conftest import (
    add,
    add_committee,
    add_group,
    add_member,
    add_members,
    add_term,
    judge,
    make_data,
    one,
)

D = dt.date
ON = D(2026, 11, 27)


def test_org1_incomplete_roster_is_due_and_names_the_gaps() -> None:
    data = make_data()
    add_members(data, 3)
    gap = add_member(data, "李四", phone="", birth_date=None)
    ob = one(judge("ORG-1", data, ON))
    assert ob.status == "due"
    assert "李四缺出生日期、联系电话" in ob.detail
    assert ob.people == (gap.id,)


def test_org1_complete_roster_is_met() -> None:
    data = make_data()
    add_members(data, 3)
    assert one(judge("ORG-1", data, ON)).status == "met"


def test_org1_without_members_says_what_data_it_needs() -> None:
    ob = one(judge("ORG-1", make_data(), ON))
    # The dashboard row of a new branch names what to enter, not a bare 缺少数据.
    assert ob.short == "需录入党员名册"
    assert ob.status == "due" and "党员名册" in ob.needs


@pytest.mark.parametrize(("count", "status"), [(19, "not_applicable"), (20, "due")])
def test_org2_exactly_twenty_members_need_groups(count: int, status: str) -> None:
    data = make_data()
    add_members(data, count)
    assert one(judge("ORG-2", data, ON)).status == status


def test_org2_group_over_ten_members_is_a_warning_naming_it() -> None:
    data = make_data()
    ms = add_members(data, 21)
    add_group(data, "第一党小组", ms[:10])
    big = add_group(data, "第二党小组", ms[10:])
    ob = one(judge("ORG-2", data, ON))
    assert ob.status == "warning" and "第二党小组" in ob.detail and ob.refs == (big.id,)


def test_org2_groups_of_ten_are_met() -> None:
    data = make_data()
    ms = add_members(data, 20)
    add_group(data, "第一党小组", ms[:10])
    add_group(data, "第二党小组", ms[10:])
    assert one(judge("ORG-2", data, ON)).status == "met"


@pytest.mark.parametrize(
    ("count", "kind", "status", "target"),
    [
        (49, "branch", "met", ""),
        (50, "branch", "warning", "党总支"),
        (50, "general_branch", "met", ""),
        (99, "general_branch", "met", ""),
        (100, "general_branch", "warning", "党委"),
        (100, "branch", "warning", "党委"),
    ],
)
def test_org3_fifty_and_hundred_members(count: int, kind: str, status: str, target: str) -> None:
    data = make_data(kind=kind)
    add_members(data, count)
    ob = one(judge("ORG-3", data, ON))
    assert ob.status == status
    assert f"应升格为{target}" in ob.detail if target else "升格" not in ob.detail


def test_org3_removed_members_do_not_count() -> None:
    data = make_data()
    add_members(data, 50)
    add_member(data, removed=D(2026, 1, 1)).removed = D(2026, 1, 1)
    data.members[0].removed = D(2026, 6, 1)
    assert one(judge("ORG-3", data, ON)).status == "met"


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (D(2026, 8, 25), "met"),
        (D(2026, 8, 26), "due"),  # 3 months before the last day: due, not upcoming
        (D(2026, 11, 26), "due"),  # the last day of the 2-year term
        (D(2026, 11, 27), "overdue"),
    ],
)
def test_org4_term_reminder_and_last_day(on: dt.date, status: str) -> None:
    data = make_data()
    add_term(data, D(2024, 11, 27))
    ob = one(judge("ORG-4", data, on))
    assert ob.status == status and ob.due == D(2026, 11, 26)


def test_org4_national_profile_has_a_three_year_term() -> None:
    data = make_data(profile="national")
    add_term(data, D(2024, 11, 27))
    ob = one(judge("ORG-4", data, ON))
    assert ob.status == "met" and ob.due == D(2027, 11, 26)


@pytest.mark.parametrize(("on", "status"), [(D(2027, 6, 30), "due"), (D(2027, 7, 1), "overdue")])
def test_org4_approved_extension_last_day(on: dt.date, status: str) -> None:
    data = make_data()
    add_term(
        data, D(2024, 11, 27), extension_until=D(2027, 6, 30), extension_approved=D(2026, 10, 1)
    )
    ob = one(judge("ORG-4", data, on))
    assert ob.status == status and ob.due == D(2027, 6, 30)
    assert "经批准延期" in ob.detail


def test_org4_extension_is_capped_at_one_year_and_needs_approval() -> None:
    data = make_data()
    add_term(
        data, D(2024, 11, 27), extension_until=D(2028, 6, 30), extension_approved=D(2026, 1, 1)
    )
    assert one(judge("ORG-4", data, D(2027, 11, 27))).status == "overdue"
    unapproved = make_data()
    add_term(unapproved, D(2024, 11, 27), extension_until=D(2027, 6, 30))
    ob = one(judge("ORG-4", unapproved, ON))
    assert ob.status == "overdue" and "未登记上级批准" in ob.detail


def test_org4_without_a_term_says_what_it_needs() -> None:
    ob = one(judge("ORG-4", make_data(), ON))
    assert ob.status == "due" and "任期" in ob.needs


def test_org5_org6_committee_with_secretary_and_discipline_member_is_met() -> None:
    data = make_data()
    ms = add_members(data, 5)
    add_committee(data, D(2025, 1, 10), ms)
    assert one(judge("ORG-5", data, ON)).status == "met"
    ob = one(judge("ORG-6", data, ON))
    assert ob.status == "met" and ob.people == (ms[2].id,)


def test_org5_org6_missing_secretary_and_discipline_member_are_due() -> None:
    data = make_data()
    ms = add_members(data, 5)
    add_committee(data, D(2025, 1, 10), ms, roles=("deputy_secretary", "organization"))
    assert one(judge("ORG-5", data, ON)).status == "due"
    ob = one(judge("ORG-6", data, ON))
    assert ob.status == "due" and "纪检委员" in ob.detail


@pytest.mark.parametrize(("days", "status"), [(31, "due"), (32, "overdue")])
def test_org7_secretary_vacancy_31_vs_32_days(days: int, status: str) -> None:
    data = make_data()
    vacancy = add(data, Vacancy(role="secretary", since=ON - dt.timedelta(days=days)))
    ob = one(judge("ORG-7", data, ON))
    assert ob.status == status and ob.refs == (vacancy.id,)
    assert one(judge("ORG-8", data, ON)).status == "met"  # not a member seat


def test_org7_filled_vacancy_is_met() -> None:
    data = make_data()
    add(data, Vacancy(role="secretary", since=D(2026, 1, 1), filled=D(2026, 1, 20)))
    assert one(judge("ORG-7", data, ON)).status == "met"


@pytest.mark.parametrize(
    ("since", "status"), [(D(2026, 8, 27), "due"), (D(2026, 8, 26), "overdue")]
)
def test_org8_member_seat_vacancy_three_months(since: dt.date, status: str) -> None:
    data = make_data()
    add(data, Vacancy(role="propaganda", since=since))
    ob = one(judge("ORG-8", data, ON))
    assert ob.status == status and "宣传委员" in ob.detail


@pytest.mark.parametrize(
    ("count", "kind", "says"),
    [
        (49, "branch", None),
        (50, "branch", "应升格为党总支"),
        (50, "general_branch", None),
        (99, "general_branch", None),
        (100, "general_branch", "应升格为党委"),
        (100, "branch", "应升格为党委"),
    ],
)
def test_org3_advice_at_the_thresholds(count: int, kind: str, says: str | None) -> None:
    advice = branch_form_advice(count, kind, PLAN_2017)
    assert (advice is None) == (says is None)
    if says:
        assert says in advice and f"党员{count}人" in advice
