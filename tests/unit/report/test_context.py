"""The figures of the monthly and year report contexts for the hand-built branch (conftest.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData
from branchtui.domain.report_context import (
    monthly_report_context,
    parse_month_key,
    year_report_context,
)

D = dt.date
PLAN = get_profile("plan-2017")
ON = D(2026, 11, 27)


@pytest.fixture
def october(branch_data: BranchData) -> dict:
    return monthly_report_context(branch_data, "2026-10", PLAN, ON)


def test_title_branch_and_deadline(october: dict) -> None:
    assert october["title"] == "关于第一党支部2026年10月开展党支部基本建设工作情况的报告"
    assert october["branch"]["upper_committee"] == "中共示例集团有限公司委员会"
    # REP-1: the report on October goes up by 16 November.
    assert october["period"]["due"] == D(2026, 11, 16)
    assert october["judged_on"] == D(2026, 10, 31)


def test_roster_and_its_changes(october: dict) -> None:
    assert october["roster"] == {
        "total": 4,
        "full": 3,
        "probationary": 1,
        "inflow": 0,
        "groups": 0,
    }
    changes = october["changes"]
    assert [r["name"] for r in changes["joined"]] == ["李四"]
    assert [(r["name"], r["other_org"]) for r in changes["transferred_out"]] == [
        ("周五", "中共示例二支部")
    ]
    assert changes["removed"] == []  # 周五's removal is the transfer, listed once


def test_theme_day_attendance_and_combined_lecture(october: dict) -> None:
    (day,) = october["theme_days"]
    assert (day["expected"], day["present"], day["on_leave"], day["absent"]) == (4, 2, 1, 1)
    assert day["rate"] == 0.5
    assert day["hours"] == 2.5
    lecture = next(k for k in october["three_meetings"] if k["kind"] == "party_lecture")
    assert lecture["count"] == 1
    assert lecture["meetings"][0]["combined"] == ["主题党日"]
    assert lecture["meetings"][0]["lecturer"] == "赵一"
    committee = next(k for k in october["three_meetings"] if k["kind"] == "committee_meeting")
    assert committee["meetings"][0]["rate"] == 1.0


def test_study_days_so_far_against_the_year(october: dict) -> None:
    study = october["study"]
    assert (study["days"], study["year_days"], study["required"], study["remaining"]) == (
        2,
        5,
        12,
        7,
    )
    assert not study["met"]


def test_dues_of_the_month(october: dict) -> None:
    dues = october["dues"]
    # 周五, transferred out on 10-20 without paying, owes October here (EDU-4).
    assert (dues["expected"], dues["paid"]) == (5, 3)
    assert dues["collected"] == Decimal("35.50")
    assert dues["unpaid"] == ["周五（已转出）", "李四"]


def test_development_talks_and_relations(october: dict) -> None:
    assert october["development"]["events"] == [
        {"name": "吴六", "date": D(2026, 10, 9), "step": "确定为入党积极分子"}
    ]
    stages = {s["stage"]: s["count"] for s in october["development"]["stages"]}
    assert stages["activist"] == 1
    assert [(t["name"], t["kind"]) for t in october["care"]["talks"]] == [("周五", "专题谈话")]
    (flowing,) = october["relations"]["flowing"]
    assert flowing["contact"] == "139****5678"  # personal data masked


def test_open_obligations_carry_rule_ids(october: dict) -> None:
    rows = october["obligations"]["open"]
    assert rows and all(r["status"] in ("overdue", "due") for r in rows)
    # No 支部党员大会 yet in the fourth quarter: LIFE-1 is still due at the end of October.
    assert any(r["rule"] == "LIFE-1" and r["status"] == "due" for r in rows)
    statuses = [r["status"] for r in rows]
    assert statuses == sorted(statuses, key=("overdue", "due").index)


def test_next_months_plan_items_only(october: dict) -> None:
    assert october["next_plan"]["label"] == "2026年11月"
    assert [i["content"] for i in october["next_plan"]["rows"]] == ["召开组织生活会"]
    assert october["next_plan"]["rows"][0]["owner"] == "赵一"


def test_profile_in_force_is_named_with_its_numbers(branch_data: BranchData) -> None:
    national = monthly_report_context(
        branch_data, "2026-10", get_profile("national"), ON, with_settings=True
    )
    assert national["profile"]["name"] == "national"
    numbers = {n["label"]: n["value"] for n in national["profile"]["numbers"]}
    assert numbers["党支部任期"] == "3年"
    assert numbers["每年集中学习不少于"] == "12天"
    assert "3000元以下0.5%" in numbers["在职党员党费比例（税后月收入）"]


def test_the_settings_are_left_out_unless_asked_for(october: dict) -> None:
    # An upper committee does not expect the rule numbers; the profile is still named.
    assert october["profile"]["numbers"] == []
    assert october["profile"]["label"] == "2017年实施方案（默认）"


def test_a_month_not_over_is_judged_today(branch_data: BranchData) -> None:
    context = monthly_report_context(branch_data, "2026-11", PLAN, ON)
    assert context["judged_on"] == ON
    assert not context["period"]["complete"]


def test_year_context_counts_against_the_profile(branch_data: BranchData) -> None:
    year = year_report_context(branch_data, 2026, PLAN, ON)
    kinds = {k["kind"]: k for k in year["meetings_by_kind"]}
    assert kinds["theme_day"]["count"] == 1
    assert kinds["general_meeting"]["required"] == "每季度1次，全年4次"
    # A branch without groups holds an all-member study each month instead (LIFE-3).
    assert "group_meeting" not in kinds
    assert kinds["all_member_study"]["required"] == "不设党小组的每月1次"
    assert year["study"]["year_days"] == 5
    assert year["dues"]["collected"] == Decimal("35.50")
    assert (year["plan"]["total"], year["plan"]["done"]) == (2, 0)
    assert year["title"] == "关于第一党支部2026年度开展党支部基本建设工作情况的报告"
    assert not year["period"]["complete"]


@pytest.mark.parametrize("text", ["2026-1", "2026/10", "十月", "2026-10-01"])
def test_month_keys_are_strict(text: str) -> None:
    with pytest.raises(ValueError):
        parse_month_key(text)
