"""The roster (党员名册, ORG-1): completeness, counts, groups, ages and masked personal data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from branchtui.domain.dates import years_between
from branchtui.domain.records import Member, PartyGroup
from branchtui.domain.records.people import MEMBER_STATUSES

# ORG-1: the fields a complete roster entry has, with the labels users see.
REQUIRED_FIELDS: dict[str, str] = {
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "joined": "入党时间",
    "status": "党员类别（正式/预备）",
    "phone": "联系电话",
}
# The key under which members without a group are counted.
NO_GROUP = ""


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_field_names(member: Member) -> list[str]:
    """The code names of the required fields (ORG-1) this member lacks, in roster order: the
    first is where the member form that settles ORG-1 starts.

    A status outside 正式/预备 counts as missing.
    """
    missing: list[str] = []
    for field_name in REQUIRED_FIELDS:
        value = getattr(member, field_name, None)
        if _blank(value) or (field_name == "status" and value not in MEMBER_STATUSES):
            missing.append(field_name)
    return missing


def missing_fields(member: Member) -> list[str]:
    """The Chinese labels of the required fields (ORG-1) this member lacks, in roster order."""
    return [REQUIRED_FIELDS[name] for name in missing_field_names(member)]


def incomplete_members(members: Iterable[Member]) -> list[tuple[Member, list[str]]]:
    """Active members missing a required field, each with what is missing (ORG-1: 0 = met)."""
    return [(m, gaps) for m in members if m.removed is None and (gaps := missing_fields(m))]


def is_active_on(member: Member, on: dt.date) -> bool:
    """Whether the member belonged to the branch on that date: joined and arrived by then
    (``Member.counted_from``), not yet removed.

    A member without a date joined counts as belonging (the roster may be incomplete).
    """
    start = member.counted_from
    if start is not None and start > on:
        return False
    return member.removed is None or member.removed > on


def active_members_on(members: Iterable[Member], on: dt.date) -> list[Member]:
    """The members who belonged to the branch on that date."""
    return [m for m in members if is_active_on(m, on)]


def status_on(member: Member, on: dt.date) -> str:
    """``full`` or ``probationary`` on that date: 预备 until the recorded conversion (转正)."""
    if member.full_date is not None:
        return "full" if member.full_date <= on else "probationary"
    return member.status


def count_by_status(members: Iterable[Member], on: dt.date | None = None) -> dict[str, int]:
    """Active members by status (every key of MEMBER_STATUSES present), at ``on`` if given."""
    counts = dict.fromkeys(MEMBER_STATUSES, 0)
    for member in members:
        if on is None:
            if member.removed is None:
                counts[member.status] = counts.get(member.status, 0) + 1
        elif is_active_on(member, on):
            status = status_on(member, on)
            counts[status] = counts.get(status, 0) + 1
    return counts


def members_of_group(members: Iterable[Member], group_id: str | None) -> list[Member]:
    """Active members of a group; ``None`` or ``NO_GROUP`` gives those without a group."""
    wanted = group_id or None
    return [m for m in members if m.removed is None and (m.group_id or None) == wanted]


def group_sizes(members: Iterable[Member], groups: Iterable[PartyGroup] = ()) -> dict[str, int]:
    """Active members per group id (ORG-2); every given group appears, even when empty.

    Members without a group are counted under ``NO_GROUP`` when there are any.
    """
    sizes: Counter[str] = Counter({g.id: 0 for g in groups if g.dissolved is None})
    for member in members:
        if member.removed is None:
            sizes[member.group_id or NO_GROUP] += 1
    return dict(sizes)


def count_by_group(members: Iterable[Member], groups: Iterable[PartyGroup]) -> dict[str, int]:
    """Active members per group *name* for display; members without a group under 未分组."""
    names = {g.id: g.name for g in groups}
    counts: dict[str, int] = {}
    for group_id, size in group_sizes(members, groups).items():
        label = names.get(group_id, "未分组") if group_id else "未分组"
        counts[label] = counts.get(label, 0) + size
    return counts


def age_on(member: Member, on: dt.date) -> int | None:
    """Age in whole years on that date; None without a birth date."""
    return years_between(member.birth_date, on) if member.birth_date else None


def party_years_on(member: Member, on: dt.date) -> int | None:
    """Whole years since joining the party (党龄 counts from 转正 when recorded)."""
    since = member.full_date or member.joined
    return years_between(since, on) if since else None


def mask_id_number(text: str | None) -> str:
    """``350203********1234`` for lists and reports: first 6 and last 4 kept (DESIGN: 个人信息)."""
    value = (text or "").strip()
    if len(value) <= 4:
        return "*" * len(value)
    if len(value) <= 10:
        return "*" * (len(value) - 4) + value[-4:]
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(text: str | None) -> str:
    """``138****5678`` for a mobile, ``0592-****567`` for a landline, ``****567`` for a local
    number; short text fully masked."""
    value = (text or "").strip()
    if "-" in value:
        area, _, number = value.partition("-")
        keep = min(3, max(0, len(number) - 4))
        return f"{area}-{'*' * (len(number) - keep)}{number[len(number) - keep :]}"
    if len(value) < 7:
        return "*" * len(value)
    if len(value) < 11:  # a local number without area code: at least four digits hidden
        return "*" * (len(value) - 3) + value[-3:]
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
