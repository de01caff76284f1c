"""The name a member is shown by, everywhere a name is shown (pickers, lists, minutes, reports,
duties): her name, and only when another member on file has the same name, what tells them
apart — 张伟（1985年生）, else 张伟（男）, 张伟（男，1985年生）, 张伟（1985年3月生）,
张伟（2005年入党）, and failing all of these 张伟（2）in roster order. Never 身份证号 or a phone
number: personal data is masked (DESIGN.md).

A member keeps the same shown name on every screen: it is decided over every member on file,
those removed included (minutes and history lists name them too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from branchtui.domain.records import Member
from branchtui.domain.records.people import GENDERS

Mark = Callable[[Member], str]


def _birth_year(m: Member) -> str:
    return f"{m.birth_date.year}年生" if m.birth_date else ""


def _gender(m: Member) -> str:
    return GENDERS.get(m.gender, "")


def _gender_and_year(m: Member) -> str:
    gender, year = _gender(m), _birth_year(m)
    return f"{gender}，{year}" if gender and year else ""


def _birth_month(m: Member) -> str:
    return f"{m.birth_date.year}年{m.birth_date.month}月生" if m.birth_date else ""


def _joined_year(m: Member) -> str:
    return f"{m.joined.year}年入党" if m.joined else ""


# Tried in order; the first that every namesake has, each a different one, is shown.
MARKS: tuple[Mark, ...] = (_birth_year, _gender, _gender_and_year, _birth_month, _joined_year)


def _marks(namesakes: list[Member]) -> list[str]:
    for mark in MARKS:
        found = [mark(m) for m in namesakes]
        if all(found) and len(set(found)) == len(found):
            return found
    return [str(i) for i in range(1, len(namesakes) + 1)]


def display_names(members: Iterable[Member]) -> dict[str, str]:
    """Each member's shown name by id: the name itself, or with a mark when the name is shared
    (see the module); ``members`` is every member the names must tell apart."""
    people = members if isinstance(members, (list, tuple)) else list(members)
    shown = {m.id: m.name for m in people}
    counts = Counter(shown.values())
    if len(counts) == len(shown):
        return shown  # no two alike: the usual case, kept cheap (rolls of a year ask often)
    shared: dict[str, list[Member]] = {}
    for member in people:
        if counts[member.name] > 1:
            shared.setdefault(member.name, []).append(member)
    for name, namesakes in shared.items():
        for member, mark in zip(namesakes, _marks(namesakes), strict=True):
            shown[member.id] = f"{name}（{mark}）"
    return shown


def name_of(member_id: str | None, members: Iterable[Member], fallback: str = "") -> str:
    """One member's shown name among ``members`` (``fallback`` when not among them)."""
    if member_id is None:
        return fallback
    return display_names(members).get(member_id, fallback)


def namesakes_of(member: Member, members: Iterable[Member]) -> list[Member]:
    """The other members on file with ``member``'s name (the member form warns of them)."""
    return [m for m in members if m.name == member.name and m.id != member.id]


def namesake_warning(member: Member, members: Iterable[Member]) -> str:
    """已有同名党员… said (not refused) when a member is saved with a name already on file,
    with how the two will be told apart; '' when the name is not shared."""
    others = namesakes_of(member, members)
    if not others:
        return ""
    shown = display_names([*others, member])
    them = "、".join(shown[m.id] for m in others)
    return f"已有同名党员{them}；列表、会议记录和报告中将显示为{shown[member.id]}"
