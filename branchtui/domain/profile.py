"""Rule profiles: every number of RULES.md as a named setting.

``plan-2017`` holds the plan's numbers and is the default; ``national`` holds the
newer national ones (since 2018 a 党支部's term is 3 years, like a 党总支's).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData


@dataclass(frozen=True)
class Profile:
    """The rule numbers in force (规则配置)."""

    name: str
    label: str
    # ORG
    group_required_at: int = 20
    group_max: int = 10
    general_branch_at: int = 50
    committee_at: int = 100
    term_years_branch: int = 2
    term_years_general_branch: int = 3
    term_reminder_months: int = 3
    term_extension_max_years: int = 1
    secretary_vacancy_days: int = 31
    member_vacancy_months: int = 3
    # ORG-4, ORG-7, ORG-8 elections (基层组织选举工作条例): more than this share of the voters
    # expected must be present; renewal candidates outnumber the seats by at least this share.
    election_quorum_share: Fraction = Fraction(4, 5)
    election_margin_share: Fraction = Fraction(1, 5)
    # LIFE
    general_meetings_per_quarter: int = 1
    committee_meetings_per_month: int = 1
    group_meetings_per_month: int = 1
    lectures_per_year_min: int = 1
    lectures_per_year_full: int = 2
    theme_day_max_delay_days: int = 2
    theme_day_min_hours: int = 2
    life_meetings_per_year: int = 1
    # LIFE-7 / NAT-7: at most this share of the graded members are rated 优秀
    appraisal_excellent_max_share: Fraction = Fraction(1, 3)
    # REL
    transfer_over_months: int = 6
    no_certificate_max_months: int = 3
    flowing_contact_warning_months: int = 6
    # REL-2: a transfer letter whose 回执 is not back this many days after it was sent → warning
    transfer_receipt_days: int = 30
    # REL-6: an in-flowing member's participation and dues reported home at least this often
    inflow_report_months: int = 6
    # EDU
    study_days_per_year: float = 12
    # EDU-1: study hours recorded at a meeting count as days at this rate (NAT-3: 3 days = 24 h)
    study_hours_per_day: float = 8
    absence_warning_months: int = 3
    # DEV
    development_register_update_months: int = 6
    activist_team_staff_at: int = 50
    applicant_talk_months: int = 1
    activist_training_min_years: int = 1
    activist_review_months: int = 6
    target_training_min_days: int = 3
    target_training_min_hours: int = 24
    approval_months: int = 3
    approval_max_months: int = 6
    probation_years: int = 1
    probation_extension_min_months: int = 6
    probation_extension_max_months: int = 12
    # REP
    report_due_day: int = 17
    # SYS-3: a record entered more than this many working days after the meeting is 会后补记
    late_entry_working_days: int = 3
    # NAT-4 dues: (upper bound of monthly after-tax pay, rate) for working members
    dues_brackets_working: tuple[tuple[Decimal | None, Decimal], ...] = (
        (Decimal("3000"), Decimal("0.005")),
        (Decimal("5000"), Decimal("0.01")),
        (Decimal("10000"), Decimal("0.015")),
        (None, Decimal("0.02")),
    )
    dues_brackets_retired: tuple[tuple[Decimal | None, Decimal], ...] = (
        (Decimal("5000"), Decimal("0.005")),
        (None, Decimal("0.01")),
    )
    dues_minimum_monthly: Decimal = Decimal("0.20")
    dues_back_payment_max_months: int = 6
    # NAT-5, NAT-6
    lapse_warning_months: int = 3
    lapse_months: int = 6
    lost_contact_suspend_months: int = 6
    lost_contact_removal_years: int = 2

    def term_years(self, branch_kind: str) -> int:
        """A committee's term in years for a branch of this kind (ORG-4)."""
        if branch_kind == "general_branch":
            return self.term_years_general_branch
        return self.term_years_branch

    def numbers(self) -> dict[str, Any]:
        """Every setting by name, for reports that print the numbers in force."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("name", "label")
        }


PLAN_2017 = Profile(name="plan-2017", label="2017年实施方案（默认）")
NATIONAL = Profile(name="national", label="全国现行规定", term_years_branch=3)
PROFILES: dict[str, Profile] = {p.name: p for p in (PLAN_2017, NATIONAL)}
DEFAULT_PROFILE = PLAN_2017.name


def get_profile(name: str | None) -> Profile:
    """The profile of that name; the default one when the name is empty or unknown."""
    return PROFILES.get(name or DEFAULT_PROFILE, PLAN_2017)


def profile_of(data: BranchData) -> Profile:
    """The profile the branch's data names (the default one before set-up)."""
    return get_profile(data.branch.profile if data.branch else None)
