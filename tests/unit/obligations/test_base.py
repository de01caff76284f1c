"""BASE-1…2: the venue and the use of funds."""

from __future__ import annotations

from decimal import Decimal

from branchtui.domain.records import FundEntry, Venue

from .conftest import D, add, judge, one, statuses

ON = D(2026, 11, 27)


def spend(data, purpose: str, amount: str = "500") -> FundEntry:
    return add(
        data,
        FundEntry(date=D(2026, 10, 1), amount=Decimal(amount), purpose=purpose, description="支出"),
    )


def test_BASE_1_fires_without_venue(data) -> None:
    assert statuses(judge("BASE-1", data, ON)) == ["due"]


def test_BASE_1_warns_without_equipment(data) -> None:
    add(data, Venue(name="三楼会议室"))
    ob = one(judge("BASE-1", data, ON))
    assert (ob.status, ob.needs) == ("warning", "设施设备")


def test_BASE_1_met_with_equipped_venue(data) -> None:
    add(data, Venue(name="党员活动室", shared=True, equipment=["投影仪", "图书资料"]))
    ob = one(judge("BASE-1", data, ON))
    assert ob.status == "met"
    assert "共享" in ob.detail


def test_BASE_2_warns_on_spending_outside_allowed_purposes(data) -> None:
    spend(data, "activity")
    bad = spend(data, "other", "3000")
    ob = one(judge("BASE-2", data, ON))
    assert ob.status == "warning"
    assert ob.refs == (bad.id,)
    assert "3000元" in ob.detail


def test_BASE_2_met_when_all_spending_allowed(data) -> None:
    for purpose in ("activity", "education", "award", "condolence"):
        spend(data, purpose)
    assert statuses(judge("BASE-2", data, ON)) == ["met"]


def test_BASE_2_does_not_judge_money_from_other_sources(data) -> None:
    """The rule governs the activity funds and returned dues: a spending paid from elsewhere
    (其他, e.g. the trade union's money) is not the branch's funds to account for."""
    entry = spend(data, "other", "1800")
    entry.source = "other"
    assert statuses(judge("BASE-2", data, ON)) == ["met"]


def test_BASE_2_income_is_not_judged(data) -> None:
    add(data, FundEntry(date=D(2026, 1, 5), direction="income", amount=Decimal("2000")))
    assert statuses(judge("BASE-2", data, ON)) == ["not_applicable"]
