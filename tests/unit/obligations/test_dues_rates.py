"""NAT-4: the year's rates proposed by the calculator, confirmed or adjusted; EDU-5 cards."""

from __future__ import annotations

from decimal import Decimal

from branchtui.domain.certificates import card_problems, members_without_card
from branchtui.domain.dues_rates import (
    confirm_proposals,
    rate_changes,
    rate_defaults,
    rate_proposals,
    rate_warning,
)
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import CertificateCard, DuesRate

from .conftest import D, add, add_member, judge, one

ON = D(2026, 11, 27)


def apply(data, changes) -> None:
    for record in changes.inserts:
        add(data, record)
    for record in changes.updates:
        table = data.tables[record.TABLE]
        table[[r.id for r in table].index(record.id)] = record


def test_NAT_4_proposals_confirmed_in_one_go_meet_the_rule(data) -> None:
    worker = add_member(data, monthly_income=Decimal("6000"))
    retiree = add_member(data, dues_category="retired", monthly_income=Decimal("4000"))
    student = add_member(data, dues_category="student")
    unknown = add_member(data)  # working, income not recorded
    proposals = rate_proposals(data, 2026)
    assert [(p.member.id, p.proposed) for p in proposals] == [
        (worker.id, Decimal("90.00")),
        (retiree.id, Decimal("20.00")),
        (student.id, Decimal("0.20")),
        (unknown.id, None),
    ]
    assert "请填写税后月收入" in proposals[3].problem
    changes = confirm_proposals(proposals, 2026)
    assert len(changes.inserts) == 3
    apply(data, changes)
    assert one(judge("NAT-4", data, ON)).status == "due"  # the unknown one is still unset
    form = rate_defaults(unknown, 2026, PLAN_2017)
    assert "amount" not in form and form["category"] == "working"
    rate = DuesRate(
        member_id=unknown.id, year=2026, monthly_income=Decimal("2000"), amount=Decimal("10.00")
    )
    assert rate_warning(rate, PLAN_2017) is None  # 2000 → 0.5 %: agrees
    changes = rate_changes(data, None, rate)
    # The member's income follows the rate, so the calculator agrees next time.
    (moved,) = changes.updates
    assert moved.monthly_income == Decimal("2000")
    apply(data, changes)
    assert one(judge("NAT-4", data, ON)).status == "met"
    assert confirm_proposals(rate_proposals(data, 2026), 2026).inserts == ()


def test_NAT_4_an_adjusted_amount_is_warned_not_refused(data) -> None:
    m = add_member(data, monthly_income=Decimal("3000"))
    rate = DuesRate(member_id=m.id, year=2026, monthly_income=Decimal("3000"), amount=Decimal("20"))
    assert rate_warning(rate, PLAN_2017) == "按标准应为每月15.00元"
    rate.amount = Decimal("15.00")
    assert rate_warning(rate, PLAN_2017) is None
    apply(data, rate_changes(data, None, rate))
    proposal = rate_proposals(data, 2026)[0]
    assert proposal.current is not None and not proposal.differs


def test_EDU_5_one_card_per_member_and_each_number_once(data) -> None:
    a = add_member(data, name="张三")
    b = add_member(data, name="李四")
    add_member(data, name="流入者", inflow=True)
    add(data, CertificateCard(member_id=a.id, number="0001"))
    assert [m.id for m in members_without_card(data)] == [b.id]
    again = CertificateCard(member_id=a.id, number="0002")
    assert "已登记党员证（编号0001）" in card_problems(again, data)["member_id"]
    taken = CertificateCard(member_id=b.id, number=" 0001 ")
    assert "已登记给张三" in card_problems(taken, data)["number"]
    assert card_problems(CertificateCard(member_id=b.id, number="0002"), data) == {}
