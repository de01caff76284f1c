"""The branch overview (支部概况): the ORG-1 … ORG-8 figures at a date, as plain data.

Screens show these figures; every judgement here cites its rule ID.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from branchtui.domain import committee, roster
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.org import branch_form_advice
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import BranchData, Term
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.domain.records.people import MEMBER_STATUSES


@dataclass(frozen=True)
class SeatLine:
    """One seat of the current committee and who holds it."""

    role: str
    role_label: str
    holder: str


@dataclass(frozen=True)
class VacancyLine:
    """An open vacancy with the days it has been open and its limit (ORG-7, ORG-8)."""

    role_label: str
    since: dt.date
    days_open: int
    limit_days: int

    @property
    def overdue(self) -> bool:
        return self.days_open > self.limit_days


@dataclass(frozen=True)
class Finding:
    """One ORG figure: the rule, what it says now, and whether it needs attention."""

    rule: str
    text: str
    ok: bool


@dataclass
class Overview:
    """What the 支部概况 screen shows."""

    member_count: int
    by_status: dict[str, int]
    by_group: dict[str, int]
    seats: list[SeatLine]
    vacancies: list[VacancyLine]
    term: Term | None
    term_end: dt.date | None
    days_left: int | None
    findings: list[Finding] = field(default_factory=list)


def org_overview(data: BranchData, on: dt.date, profile: Profile | None = None) -> Overview:
    """The ORG-1 … ORG-8 figures of ``data`` at ``on`` under ``profile``."""
    branch = data.branch
    kind = branch.kind if branch else "branch"
    profile = profile or get_profile(branch.profile if branch else None)
    members = data.active_members
    counts = roster.count_by_status(members, on)
    by_status = {label: counts.get(key, 0) for key, label in MEMBER_STATUSES.items()}
    by_group = roster.count_by_group(members, data.groups)
    names = display_names(data.members)

    term = committee.current_term(data, on)
    seats: list[SeatLine] = []
    term_end = None
    days_left = None
    if term is not None:
        term_end = committee.effective_term_end(term, kind, profile)
        days_left = (term_end - on).days
        for seat in committee.seats_of(data, term):
            if seat.until is not None and seat.until < on:
                continue
            label = seat.title or SEAT_ROLES.get(seat.role, seat.role)
            seats.append(SeatLine(seat.role, label, names.get(seat.member_id or "", "（空缺）")))
    vacancies = [
        VacancyLine(
            SEAT_ROLES.get(v.role, v.role),
            v.since,
            committee.days_vacant(v, on),
            (committee.vacancy_deadline(v, profile) - v.since).days,
        )
        for v in committee.open_vacancies(data, on)
    ]
    held = {s.role for s in seats if s.holder != "（空缺）"}

    findings: list[Finding] = []
    incomplete = [m for m in members if roster.missing_fields(m)]
    findings.append(
        Finding(
            "ORG-1",
            f"名册缺项党员{len(incomplete)}人" if incomplete else "名册信息完整",
            not incomplete,
        )
    )
    active_groups = [g for g in data.groups if g.dissolved is None]
    if len(members) >= profile.group_required_at and not active_groups:
        findings.append(Finding("ORG-2", f"党员{len(members)}人，应划分党小组", False))
    sizes = roster.group_sizes(members, active_groups)
    group_names = {g.id: g.name for g in active_groups}
    big = [
        f"{group_names[gid]}（{n}人）"
        for gid, n in sizes.items()
        if gid in group_names and n > profile.group_max
    ]
    if big:
        findings.append(
            Finding("ORG-2", f"党小组超过{profile.group_max}人：" + "、".join(big), False)
        )
    elif active_groups or len(members) < profile.group_required_at:
        findings.append(Finding("ORG-2", "党小组设置符合要求", True))
    findings.append(_size_finding(len(members), kind, profile))
    findings.append(_term_finding(term, term_end, days_left, kind, profile, on))
    findings.append(
        Finding("ORG-5", "已配备书记" if "secretary" in held else "未配备书记", "secretary" in held)
    )
    has_discipline = "discipline" in held
    findings.append(
        Finding("ORG-6", "已设纪检委员" if has_discipline else "未设纪检委员", has_discipline)
    )
    for v in vacancies:
        rule = "ORG-7" if v.role_label == SEAT_ROLES["secretary"] else "ORG-8"
        state = "已超期" if v.overdue else f"时限{v.limit_days}天"
        findings.append(
            Finding(rule, f"{v.role_label}空缺{v.days_open}天（{state}）", not v.overdue)
        )
    return Overview(
        len(members), by_status, by_group, seats, vacancies, term, term_end, days_left, findings
    )


def _size_finding(count: int, kind: str, profile: Profile) -> Finding:
    """ORG-3: 50–99 members → a general branch; 100 or more → a party committee."""
    advice = branch_form_advice(count, kind, profile)
    if advice:
        return Finding("ORG-3", advice, False)
    return Finding("ORG-3", f"党员{count}人，组织形式符合要求", True)


def _term_finding(
    term: Term | None,
    end: dt.date | None,
    days_left: int | None,
    kind: str,
    profile: Profile,
    on: dt.date,
) -> Finding:
    """ORG-4: reminder from N months before the term ends; overdue after it ends."""
    if term is None or end is None or days_left is None:
        return Finding("ORG-4", "尚未登记本届任期", False)
    if days_left < 0:
        return Finding("ORG-4", f"任期已于 {end.isoformat()} 届满，应换届", False)
    if on >= committee.renewal_reminder_from(term, kind, profile):
        return Finding("ORG-4", f"任期将于 {end.isoformat()} 届满，请准备换届", False)
    return Finding("ORG-4", f"任期至 {end.isoformat()}", True)
