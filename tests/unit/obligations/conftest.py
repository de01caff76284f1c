"""Small builders of BranchData shared by the tests of every rule module.

Typical use::

    data = make_data(created=dt.date(2024, 1, 1))
    ms = add_members(data, 20)
    add_meeting(data, ["committee_meeting"], dt.date(2026, 11, 3), attendees=ms)
    obs = judge("LIFE-2", data, dt.date(2026, 11, 27))
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

import branchtui.domain.obligations.engine  # noqa: F401 (registers every rule's check)
from branchtui.domain.obligations.base import (
    BRIEF_CELLS,
    RULE_CHECKS,
    Context,
    Obligation,
    RuleCheck,
)
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import (
    Attendance,
    Branch,
    BranchData,
    CommitteeSeat,
    Meeting,
    Member,
    PartyGroup,
    Record,
    Term,
)
from branchtui.domain.text_cells import cells

D = dt.date
START = D(2024, 1, 1)  # when the default test branch was created
# The module of obligations/ that holds each rule family's checks.
MODULE_OF_FAMILY = {
    "ORG": "org",
    "LIFE": "life",
    "REL": "rel",
    "EDU": "edu",
    "DEV": "dev",
    "CARE": "care",
    "SYS": "sys_rules",
    "BASE": "base_rules",
    "REP": "rep",
    "NAT": "nat",
}


def make_data(
    *,
    created: dt.date | None = START,
    kind: str = "branch",
    non_public: bool = False,
    profile: str = "plan-2017",
    name: str = "测试党支部",
    non_party_staff: int | None = None,
) -> BranchData:
    """An empty branch's data (no members, no records)."""
    branch = Branch(
        name=name,
        kind=kind,
        non_public=non_public,
        profile=profile,
        created=created,
        non_party_staff=non_party_staff,
        upper_committee="上级党委",
    )
    return BranchData(branch=branch)


def add(data: BranchData, record: Record) -> Any:
    """Append any record to its table; returns the record."""
    data.tables[record.TABLE].append(record)
    return record


def add_member(data: BranchData, name: str | None = None, **fields: Any) -> Member:
    """A member with every ORG-1 required field filled; override any field by keyword."""
    n = len(data.tables["members"]) + 1
    values: dict[str, Any] = {
        "name": name or f"党员{n:03d}",
        "gender": "male" if n % 2 else "female",
        "birth_date": D(1980, 1, 1) + dt.timedelta(days=n),
        "joined": D(2005, 7, 1),
        "full_date": D(2006, 7, 1),
        "status": "full",
        "phone": f"138{n:08d}",
    }
    values.update(fields)
    return add(data, Member(**values))


def add_members(data: BranchData, count: int, **fields: Any) -> list[Member]:
    """``count`` complete members."""
    return [add_member(data, **fields) for _ in range(count)]


def add_group(
    data: BranchData, name: str, members: Sequence[Member] = (), **fields: Any
) -> PartyGroup:
    """A party group; the given members are put in it."""
    group = add(data, PartyGroup(name=name, **fields))
    for m in members:
        m.group_id = group.id
    return group


def add_meeting(
    data: BranchData,
    kinds: list[str] | str,
    date: dt.date,
    *,
    attendees: Sequence[Member] = (),
    absent: Sequence[Member] = (),
    minutes: int | None = 120,
    **fields: Any,
) -> Meeting:
    """A meeting record of one or several kinds; ``attendees`` present, ``absent`` absent."""
    if isinstance(kinds, str):
        kinds = [kinds]
    attendance = [Attendance(member_id=m.id, status="present") for m in attendees]
    attendance += [Attendance(member_id=m.id, status="absent") for m in absent]
    return add(
        data,
        Meeting(
            kinds=list(kinds),
            date=date,
            duration_minutes=minutes,
            attendance=attendance,
            topic=fields.pop("topic", "会议"),
            **fields,
        ),
    )


def add_term(data: BranchData, start: dt.date, **fields: Any) -> Term:
    """A committee term starting at ``start``."""
    number = len(data.tables["terms"]) + 1
    return add(data, Term(number=fields.pop("number", number), start=start, **fields))


def add_seat(
    data: BranchData, term: Term, role: str, member: Member | None, **fields: Any
) -> CommitteeSeat:
    """A committee seat of ``term`` held by ``member`` since the term's start."""
    return add(
        data,
        CommitteeSeat(
            term_id=term.id,
            role=role,
            member_id=member.id if member else None,
            since=fields.pop("since", term.start),
            **fields,
        ),
    )


# A committee of five with every usual seat (NAT-2 tests: more than half is three).
FIVE_SEATS = ("secretary", "deputy_secretary", "organization", "propaganda", "discipline")


def add_committee(
    data: BranchData, start: dt.date, members: list[Member], roles: tuple[str, ...] = ()
) -> Term:
    """A term with seats: by default secretary, organization, discipline for members[0..2]."""
    roles = roles or ("secretary", "organization", "discipline")
    term = add_term(data, start)
    for role, member in zip(roles, members, strict=False):
        add_seat(data, term, role, member)
    return term


def make_context(
    data: BranchData, on: dt.date, profile: Profile | str | None = None, calendar: Any = None
) -> Context:
    """The Context a rule function reads (default profile: the branch's; default calendar)."""
    if not isinstance(profile, Profile):
        profile = get_profile(profile or (data.branch.profile if data.branch else None))
    if calendar is None:
        from branchtui.domain.calendar import WorkCalendar

        calendar = WorkCalendar()
    return Context(data=data, on=on, profile=profile, calendar=calendar)


def judge(
    rule_id: str,
    data: BranchData,
    on: dt.date,
    profile: Profile | str | None = None,
    calendar: Any = None,
) -> list[Obligation]:
    """The obligations that the check of ``rule_id`` yields on ``on``."""
    return RULE_CHECKS[rule_id](make_context(data, on, profile, calendar))


def statuses(obligations: list[Obligation]) -> list[str]:
    return [o.status for o in obligations]


def one(obligations: list[Obligation], period: str | None = None) -> Obligation:
    """The single obligation (of that period when given); fails the test otherwise."""
    found = [o for o in obligations if period is None or o.period == period]
    assert len(found) == 1, [(o.period, o.status) for o in obligations]
    return found[0]


@pytest.fixture
def data() -> BranchData:
    """An empty branch created on 2024-01-01."""
    return make_data()


@pytest.fixture(autouse=True)
def every_short_form_fits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Obligation]]:
    """Every obligation judged in these tests has a short form within BRIEF_CELLS, so that the
    dashboard's row at 80 columns never has to cut it (each rule's own test feeds it)."""
    judged: list[Obligation] = []

    def watched(check: RuleCheck) -> RuleCheck:
        @functools.wraps(check)
        def run(ctx: Context) -> list[Obligation]:
            found = check(ctx)
            judged.extend(found)
            return found

        return run

    for rule_id, check in list(RULE_CHECKS.items()):
        monkeypatch.setitem(RULE_CHECKS, rule_id, watched(check))
    yield judged
    too_wide = [(ob.rule, ob.short) for ob in judged if cells(ob.short) > BRIEF_CELLS]
    assert too_wide == [], f"short forms wider than {BRIEF_CELLS} cells"
