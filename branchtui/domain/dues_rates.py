"""Setting the year's dues (NAT-4): the calculator proposes, the secretary confirms or adjusts.

At the start of each year every member's monthly amount is set from the category and monthly
after-tax income recorded for them (``dues.monthly_dues``). ``rate_proposals`` lists what the
calculator proposes beside what is already set; ``confirm_proposals`` records the proposals of
those still unset in one commit; ``rate_changes`` saves one adjusted rate, keeping the member's
category and income in step so the NAT-4 check compares like with like.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dues import monthly_dues
from branchtui.domain.dues_year import members_of_year
from branchtui.domain.profile import Profile, profile_of
from branchtui.domain.records import BranchData, DuesRate, Member
from branchtui.domain.records.people import DUES_CATEGORIES


@dataclass(frozen=True)
class RateProposal:
    """One member's line of the rate-setting list."""

    member: Member
    proposed: Decimal | None  # the calculator's amount; None when it lacks the income
    current: DuesRate | None  # the rate already set for the year, if any
    problem: str = ""  # why there is no proposal, in Chinese

    @property
    def differs(self) -> bool:
        return (
            self.current is not None
            and self.proposed is not None
            and self.current.amount != self.proposed
        )


def proposal_for(member: Member, profile: Profile) -> tuple[Decimal | None, str]:
    """The calculator's monthly amount for the member's recorded category and income (NAT-4),
    or None and the reason in Chinese."""
    try:
        return monthly_dues(member.dues_category, member.monthly_income, profile), ""
    except ValueError:
        label = DUES_CATEGORIES.get(member.dues_category, member.dues_category)
        return None, f"{label}党员按月收入核定，请填写税后月收入"


def rate_proposals(data: BranchData, year: int) -> list[RateProposal]:
    """Every member who pays dues here in ``year``, with the calculator's amount and the rate
    set so far (the latest recorded for the year wins, as in dues.rate_of_year)."""
    profile = profile_of(data)
    rates = {r.member_id: r for r in data.dues_rates if r.year == year}
    out = []
    for member in members_of_year(data, year):
        if member.removed is not None:
            continue
        proposed, problem = proposal_for(member, profile)
        out.append(RateProposal(member, proposed, rates.get(member.id), problem))
    return out


def confirm_proposals(proposals: list[RateProposal], year: int) -> RecordChanges:
    """The calculator's amounts recorded as the year's rates of the members not yet set
    (one commit); members without a proposal are left for the secretary to fill in."""
    inserts = tuple(
        DuesRate(
            member_id=p.member.id,
            year=year,
            category=p.member.dues_category,
            monthly_income=p.member.monthly_income,
            amount=p.proposed,
        )
        for p in proposals
        if p.current is None and p.proposed is not None
    )
    return RecordChanges(inserts)


def rate_changes(data: BranchData, before: DuesRate | None, rate: DuesRate) -> RecordChanges:
    """Save one rate as confirmed or adjusted; the member's 党费类别 and 月收入 follow the rate's,
    so that the calculator proposes the same amount next time (NAT-4)."""
    changes = RecordChanges(updates=(rate,)) if before is not None else RecordChanges((rate,))
    member = data.find("members", rate.member_id)
    if member is None:
        return changes
    if (member.dues_category, member.monthly_income) != (rate.category, rate.monthly_income):
        moved = dataclasses.replace(
            member, dues_category=rate.category, monthly_income=rate.monthly_income
        )
        changes += RecordChanges(updates=(moved,))
    return changes


def rate_warning(rate: DuesRate, profile: Profile) -> str | None:
    """NAT-4 as the rate is typed: an amount other than the calculator's for the category and
    income entered is allowed (a rounding the branch agreed), but said."""
    try:
        expected = monthly_dues(rate.category, rate.monthly_income, profile)
    except ValueError:
        return None
    if rate.amount is None or rate.amount == expected:
        return None
    return f"按标准应为每月{expected}元"


def rate_proposal(rate: DuesRate, profile: Profile) -> dict[str, object]:
    """The amount the calculator proposes for the category and income as typed (NAT-4), to fill
    in as the income is typed; nothing while the income is missing or not a number."""
    try:
        return {"amount": monthly_dues(rate.category, rate.monthly_income, profile)}
    except ValueError:
        return {}


def rate_defaults(member: Member, year: int, profile: Profile) -> dict[str, object]:
    """A new rate's fields as the form first shows them: the member's category and income,
    and the calculator's amount."""
    proposed, _ = proposal_for(member, profile)
    values: dict[str, object] = {
        "member_id": member.id,
        "year": year,
        "category": member.dues_category,
        "monthly_income": member.monthly_income,
    }
    if proposed is not None:
        values["amount"] = proposed
    return values
