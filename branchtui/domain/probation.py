"""Probation (预备期) of the members in the roster (NAT-3, REL-5): when each 预备党员 is due
for conversion (转正), whether or not her development is on file here.

A 预备党员 received through the development file (发展党员信息库) has her probation counted
there (from the 支部党员大会, plus an extension if granted, domain/development.py); NAT-3 shows
its steps. One entered in the roster by hand or by import has no file: her probation runs a
year (``probation_years``) from 入党时间, extended by the months recorded on her entry
(延长预备期, once, 6–12 months), and the conversion is recorded there too (党员类别 正式党员
and 转正时间).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from branchtui.domain.dates import add_months, add_years
from branchtui.domain.development import in_development, probation_end
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, Member


@dataclass(frozen=True)
class Conversion:
    """A 预备党员 without a development file in progress, and the day her conversion is due."""

    member: Member
    due: dt.date


def file_of(member: Member, candidates: Iterable[Candidate]) -> Candidate | None:
    """The development file linked to ``member`` (its ``member_id``), not a dropped one."""
    for candidate in candidates:
        if candidate.member_id == member.id and candidate.stage != "dropped":
            return candidate
    return None


def conversion_due(
    member: Member, profile: Profile, candidates: Iterable[Candidate] = ()
) -> dt.date | None:
    """NAT-3: the day a 预备党员's probation ends and her conversion is due: as her development
    file counts it when one is linked (an extension included), else a probation year after
    入党时间 plus the extension recorded on her entry. None for a full member or without
    入党时间."""
    if member.status != "probationary" or member.full_date is not None:
        return None
    candidate = file_of(member, candidates)
    end = probation_end(candidate, profile) if candidate is not None else None
    if end is not None:
        return end
    if member.joined is None:
        return None
    end = add_years(member.joined, profile.probation_years)
    return add_months(end, member.probation_extension_months or 0)


def conversions_without_file(data: BranchData, profile: Profile) -> list[Conversion]:
    """NAT-3: the 预备党员 in the roster whose conversion no development file in progress
    tracks (entered by hand or imported), each with her due date, earliest first. A member
    whose file is in progress is left to the file's steps (no double counting)."""
    out: list[Conversion] = []
    for member in data.active_members:
        candidate = file_of(member, data.candidates)
        if candidate is not None and in_development(candidate):
            continue
        due = conversion_due(member, profile, data.candidates)
        if due is not None:
            out.append(Conversion(member, due))
    return sorted(out, key=lambda c: (c.due, c.member.name))
