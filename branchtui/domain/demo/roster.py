"""The demo branch itself: members, party groups, the committee and 党员证."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from decimal import Decimal
from typing import cast

from branchtui.domain.dates import add_years
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.names import NamePool, chinese_number, make_id_number, make_phone
from branchtui.domain.records import (
    Branch,
    CertificateCard,
    CommitteeSeat,
    Member,
    PartyGroup,
    Term,
    Vacancy,
)
from branchtui.domain.records.branch import BranchKind, ProfileName, SeatRole
from branchtui.domain.records.people import Gender

UPPER_COMMITTEE = "中共厦门金圆投资集团有限公司委员会"
DEPARTMENTS = ("财务管理部", "投资发展部", "风险管理部", "综合管理部", "资产运营部", "金融服务部")
# (position, income range, share of the rank-and-file)
POSITIONS = (
    ("高级经理", 12000, 16000, 15),
    ("经理", 9000, 12000, 25),
    ("主管", 6500, 9000, 25),
    ("专员", 2800, 6500, 35),
)


def build_branch(ctx: DemoContext, members: int) -> None:
    kind: BranchKind = "general_branch" if members >= ctx.profile.general_branch_at else "branch"
    word = "党总支" if kind == "general_branch" else "党支部"
    department = ctx.rng.choice(DEPARTMENTS)
    ctx.data.branch = Branch(
        id=ctx.new_id(),
        name=f"中共厦门金圆投资集团有限公司{department}{word}",
        kind=kind,
        upper_committee=UPPER_COMMITTEE,
        profile=cast(ProfileName, ctx.profile.name),
        non_party_staff=ctx.rng.randint(55, 68) * max(1, members // 30),
        # dues and other counts start where the records start (see dues.dues_start)
        created=ctx.start,
    )


def _birth(ctx: DemoContext, low: int, high: int) -> dt.date:
    return ctx.today - dt.timedelta(days=ctx.rng.randint(low * 365 + 30, high * 365 - 30))


def _member(
    ctx: DemoContext,
    pool: NamePool,
    *,
    age: tuple[int, int],
    position: str,
    income: Decimal | None,
    leader: bool = False,
    retired: bool = False,
) -> Member:
    rng = ctx.rng
    gender: Gender = "male" if rng.random() < 0.55 else "female"
    birth = _birth(ctx, *age)
    joined = add_years(birth, rng.randint(20, 31)) + dt.timedelta(days=rng.randint(0, 300))
    if joined > ctx.today - dt.timedelta(days=400):
        joined = ctx.today - dt.timedelta(days=rng.randint(400, 1500))
    joined = ctx.working_day_near(joined)
    age_now = (ctx.today - birth).days // 365
    education = rng.choice(
        ("硕士研究生", "大学本科", "大学本科")
        if age_now < 45
        else ("大学本科", "大学专科", "硕士研究生")
    )
    return Member(
        id=ctx.new_id(),
        name=pool.draw(gender),
        gender=gender,
        birth_date=birth,
        id_number=make_id_number(rng, birth, gender),
        phone=make_phone(rng),
        education=education,
        position=position,
        joined=joined,
        full_date=add_years(joined, 1),
        is_leader=leader,
        dues_category="retired" if retired else "working",
        monthly_income=income,
    )


def _income(ctx: DemoContext, low: int, high: int) -> Decimal:
    return Decimal(ctx.rng.randrange(low, high, 50))


def build_members(ctx: DemoContext, pool: NamePool, count: int) -> None:
    rng = ctx.rng
    # 中层以上 leaders: two in a department branch, a few more in big ones (each lectures, LIFE-4).
    leaders = max(2, count // 100 + 1)
    retired = 2 if count >= 20 else 1
    people: list[Member] = []
    for i in range(leaders):
        title = "部门总经理" if i == 0 else "部门副总经理"
        low, high = (26000, 32000) if i == 0 else (18000, 24000)
        people.append(
            _member(
                ctx, pool, age=(40, 56), position=title, income=_income(ctx, low, high), leader=True
            )
        )
    for _ in range(retired):
        people.append(
            _member(
                ctx,
                pool,
                age=(61, 72),
                position="退休职工",
                income=_income(ctx, 4000, 7000),
                retired=True,
            )
        )
    weights = [w for *_x, w in POSITIONS]
    while len(people) < count + 2:
        title, low, high, _w = rng.choices(POSITIONS, weights)[0]
        people.append(
            _member(ctx, pool, age=(24, 55), position=title, income=_income(ctx, low, high))
        )
    for member in people:
        ctx.add(member)
    rank_and_file = people[leaders + retired :]
    ctx.cast.update(
        secretary=people[0],
        deputy=people[1],
        leaders=people[:leaders],
        organization=rank_and_file[0],
        discipline=rank_and_file[1],
        propaganda=rank_and_file[2],
        transferred_earlier=rank_and_file[3],
        retired=people[leaders : leaders + retired],
    )
    ordinary = rank_and_file[4:]
    # Two 预备党员: one came through the development file, the other before it was kept here.
    probationary = ordinary[:2]
    for member, (low, high) in zip(probationary, ((120, 170), (250, 320)), strict=True):
        member.status = "probationary"
        member.full_date = None
        member.joined = ctx.working_day_near(ctx.days_ago(low, high))
        member.birth_date = _birth(ctx, 24, 30)
        member.id_number = make_id_number(rng, member.birth_date, member.gender)
    ctx.cast.update(probationary=probationary, ordinary=ordinary[2:])
    ctx.cast["no_phone"] = ordinary[-1]
    ordinary[-1].phone = ""
    for member in people:
        if member.joined and member.joined > ctx.start:
            ctx.arrived[member.id] = member.joined
        if member.full_date and member.full_date > ctx.today:
            member.status, member.full_date = "probationary", None


def remove_members(ctx: DemoContext) -> None:
    """Two members left by transfer: the 宣传委员 40 days ago, another about a year ago."""
    propaganda = ctx.member("propaganda")
    propaganda.removed = ctx.working_day_near(ctx.today - dt.timedelta(days=40))
    earlier = ctx.member("transferred_earlier")
    day = max(ctx.days_ago(250, 400), ctx.start + dt.timedelta(days=45))
    earlier.removed = ctx.working_day_near(min(day, ctx.today - dt.timedelta(days=60)))
    for member in (propaganda, earlier):
        member.removed_reason = "transferred_out"
        member.removed_note = "工作调动，组织关系经“厦门党建e家”平台转出"


def build_groups(ctx: DemoContext) -> None:
    active = [m for m in ctx.data.members if m.removed is None]
    count = max(3, math.ceil(len(active) / ctx.profile.group_max))
    groups = [
        ctx.add(
            PartyGroup(
                id=ctx.new_id(),
                name=f"第{chinese_number(i + 1)}党小组",
                created=ctx.start - dt.timedelta(days=ctx.rng.randint(200, 900)),
            )
        )
        for i in range(count)
    ]
    order = active[:]
    ctx.rng.shuffle(order)
    for i, member in enumerate(order):
        member.group_id = groups[i % count].id
    committee = {ctx.member(k).id for k in ("secretary", "deputy", "organization", "discipline")}
    for group in groups:
        inside = [m for m in order if m.group_id == group.id]
        plain = [m for m in inside if m.id not in committee and m.status == "full"]
        group.leader_id = (plain or inside)[0].id


def build_committee(ctx: DemoContext) -> None:
    """Terms back to the start of history; the current one runs past today and has lost its
    宣传委员 40 days ago (ORG-8 gap)."""
    rng = ctx.rng
    years = ctx.profile.term_years(ctx.branch.kind)
    start = ctx.working_day_near(ctx.today - dt.timedelta(days=rng.randint(180, 365 * years - 120)))
    # Earlier terms back to the start of history, so every month has a committee.
    starts = [start]
    while starts[-1] > ctx.start:
        starts.append(add_years(starts[-1], -years))
    first = rng.randint(1, 4)
    terms = [
        Term(id=ctx.new_id(), number=first + i, start=day) for i, day in enumerate(reversed(starts))
    ]
    for term in terms:
        ctx.add(term)
    current = terms[-1]
    ctx.cast.update(term=current, terms=terms)
    holders: dict[SeatRole, Member] = {
        "secretary": ctx.member("secretary"),
        "deputy_secretary": ctx.member("deputy"),
        "organization": ctx.member("organization"),
        "propaganda": ctx.member("propaganda"),
        "discipline": ctx.member("discipline"),
    }
    before: dict[SeatRole, Member] = {**holders, "discipline": ctx.cast["ordinary"][-2]}
    for previous, following in itertools.pairwise(terms):
        for role, member in before.items():
            ctx.add(
                CommitteeSeat(
                    id=ctx.new_id(),
                    term_id=previous.id,
                    role=role,
                    member_id=member.id,
                    since=previous.start,
                    until=following.start,
                )
            )
    for role, member in holders.items():
        seat = ctx.add(
            CommitteeSeat(
                id=ctx.new_id(),
                term_id=current.id,
                role=role,
                member_id=member.id,
                since=start,
                until=member.removed,
            )
        )
        if member.removed is not None:
            ctx.add(
                Vacancy(
                    id=ctx.new_id(),
                    role=role,
                    since=member.removed,
                    seat_id=seat.id,
                    note=f"{member.name}同志组织关系转出，待党员大会补选",
                )
            )


def committee_on(ctx: DemoContext, day: dt.date) -> list[Member]:
    """The seat holders on ``day``."""
    ids = {
        s.member_id
        for s in ctx.data.seats
        if s.since and s.since <= day and (s.until is None or day < s.until)
    }
    return [m for m in ctx.data.members if m.id in ids and ctx.present_on(m, day)]


def build_certificates(ctx: DemoContext) -> None:
    """A 党员证 for every member but one (EDU-5 gap)."""
    missing = ctx.cast["ordinary"][-3]
    for member in ctx.data.members:
        if member is missing or member.joined is None:
            continue
        issued = max(member.joined, dt.date(2017, 7, 1)) + dt.timedelta(
            days=ctx.rng.randint(20, 90)
        )
        ctx.add(
            CertificateCard(
                id=ctx.new_id(),
                member_id=member.id,
                number=f"3502{ctx.rng.randrange(10**9, 10**10)}",
                issued=min(issued, ctx.today - dt.timedelta(days=1)),
            )
        )
    ctx.cast["no_certificate"] = missing
