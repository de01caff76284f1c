"""A small hand-built branch whose October 2026 is known figure by figure, and a CLI runner.

October 2026 of 第一党支部 (created 2026-01-01, no party groups, four members at the month's end):
- 支委会 on 10-12 (3 of 3 committee members present);
- 主题党日 on 10-08, also counted as 党课 (LIFE-9): 4 expected, 2 present, 1 on leave, 1 absent;
- study: 3 days in March, 2 days on 10-20 → 5 days this year, 7 short of 12;
- dues for October: 赵一 10.00, 钱二 20.50, 孙三 5.00 paid, 李四 (joined 10-15) not: 35.50 元;
- 周五 transferred out on 10-20 (relation transfer; talked with on 10-18);
- candidate 吴六 became an activist on 10-09;
- 钱二 flows out to 上海 since June, contact 13912345678 (must be printed masked);
- the 2026 plan has an item due 2026-11-20 and one due 2026-12-10.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from branchtui.domain.records import (
    Attendance,
    Branch,
    BranchData,
    Candidate,
    CandidateEvent,
    CommitteeSeat,
    DuesPayment,
    FlowingMember,
    Lecture,
    Meeting,
    Member,
    PlanItem,
    StudySession,
    Talk,
    Term,
    ThemeDay,
    Transfer,
    WorkPlan,
)
from branchtui.storage.store import Store

D = dt.date
PHONE = "13912345678"
ID_NUMBER = "350203199001011234"


def build_branch() -> BranchData:
    data = BranchData(
        branch=Branch(
            name="第一党支部",
            upper_committee="中共示例集团有限公司委员会",
            created=D(2026, 1, 1),
        )
    )
    zhao = Member(name="赵一", gender="male", joined=D(2000, 7, 1), phone="13800000001")
    qian = Member(
        name="钱二", gender="female", joined=D(2010, 7, 1), phone=PHONE, id_number=ID_NUMBER
    )
    sun = Member(name="孙三", gender="male", joined=D(2012, 7, 1), phone="13800000003")
    li = Member(
        name="李四", gender="male", joined=D(2026, 10, 15), status="probationary", phone="1380004"
    )
    zhou = Member(
        name="周五",
        joined=D(2015, 7, 1),
        removed=D(2026, 10, 20),
        removed_reason="transferred_out",
    )
    data.members.extend([zhao, qian, sun, li, zhou])
    term = Term(start=D(2026, 1, 1))
    data.terms.append(term)
    for member, role in ((zhao, "secretary"), (qian, "organization"), (sun, "discipline")):
        data.seats.append(
            CommitteeSeat(term_id=term.id, role=role, member_id=member.id, since=D(2026, 1, 1))
        )
    data.meetings.append(
        Meeting(
            kinds=["committee_meeting"],
            date=D(2026, 10, 12),
            topic="研究第四季度工作",
            attendance=[Attendance(member_id=m.id) for m in (zhao, qian, sun)],
        )
    )
    data.meetings.append(
        Meeting(
            kinds=["theme_day", "party_lecture"],
            date=D(2026, 10, 8),
            duration_minutes=150,
            topic="学习党章，书记讲党课",
            theme_day=ThemeDay(content_types=["政治学习", "交纳党费"]),
            lecture=Lecture(lecturer_id=zhao.id),
            attendance=[
                Attendance(member_id=zhao.id),
                Attendance(member_id=sun.id),
                Attendance(member_id=qian.id, status="on_leave", reason="出差"),
            ],
        )
    )
    data.study_sessions.append(StudySession(date=D(2026, 3, 10), days=3, topic="全国两会精神"))
    data.study_sessions.append(StudySession(date=D(2026, 10, 20), days=2, topic="党纪学习"))
    for member, amount in ((zhao, "10.00"), (qian, "20.50"), (sun, "5.00")):
        data.dues_payments.append(
            DuesPayment(
                member_id=member.id, month="2026-10", amount=Decimal(amount), paid=D(2026, 10, 8)
            )
        )
    data.transfers.append(
        Transfer(
            member_id=zhou.id,
            person_name="周五",
            direction="out",
            instrument="relation_transfer",
            date=D(2026, 10, 20),
            other_org="中共示例二支部",
            platform_ref="E-2026-001",
        )
    )
    data.talks.append(
        Talk(member_id=zhou.id, date=D(2026, 10, 18), kind="special", trigger="transfer_out")
    )
    data.candidates.append(
        Candidate(
            name="吴六",
            events=[
                CandidateEvent(step="applied", date=D(2026, 3, 1)),
                CandidateEvent(step="talked", date=D(2026, 3, 20)),
                CandidateEvent(step="activist", date=D(2026, 10, 9)),
            ],
        )
    )
    data.flowing_members.append(
        FlowingMember(
            member_id=qian.id,
            person_name="钱二",
            direction="outflow",
            place="上海市",
            start=D(2026, 6, 1),
            contact_info=PHONE,
            last_contact=D(2026, 10, 2),
        )
    )
    data.work_plans.append(
        WorkPlan(
            year=2026,
            adopted=D(2026, 1, 20),
            items=[
                PlanItem(
                    content="召开组织生活会", form="会议", owner_id=zhao.id, due=D(2026, 11, 20)
                ),
                PlanItem(content="开展民主评议党员", owner_id=zhao.id, due=D(2026, 12, 10)),
            ],
        )
    )
    return data


@pytest.fixture
def branch_data() -> BranchData:
    return build_branch()


@pytest.fixture
def store(data_dir: Path) -> Store:
    """The hand-built branch saved in the test's data folder."""
    opened = Store.open(data_dir, create=True)
    opened.replace_all(build_branch())
    return opened
