"""Fixtures of the storage tests: a small branch with several record types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from branchtui.domain.records import (
    AgendaItem,
    Amendment,
    Attendance,
    Branch,
    BranchData,
    Candidate,
    CandidateEvent,
    CommitteeSeat,
    Decision,
    DuesPayment,
    Fluctuation,
    Lecture,
    LedgerEntry,
    Meeting,
    Member,
    Observer,
    PartyGroup,
    PlanItem,
    Speech,
    Talk,
    Term,
    Transfer,
    Vote,
    WorkPlan,
)


def build_sample() -> BranchData:
    """A branch with members, a group, a committee, a meeting, dues, a candidate, a plan, talks
    and a 思想波动 talked about."""
    data = BranchData(branch=Branch(name="第一党支部", upper_committee="机关党委", rev=3))
    group = PartyGroup(name="第一党小组", created=dt.date(2024, 3, 1), rev=1)
    zhang = Member(name="张三", gender="male", joined=dt.date(2010, 7, 1), group_id=group.id, rev=2)
    li = Member(
        name="李四",
        gender="female",
        status="probationary",
        monthly_income=Decimal("6500.50"),
        phone="13800000000",
        rev=1,
    )
    group.leader_id = zhang.id
    term = Term(number=3, start=dt.date(2025, 1, 10), rev=1)
    seat = CommitteeSeat(term_id=term.id, role="secretary", member_id=zhang.id, rev=1)
    meeting = Meeting(
        kinds=["general_meeting", "party_lecture"],
        date=dt.date(2026, 11, 3),
        start="14:30",
        topic="学习党章",
        host_id=zhang.id,
        attendance=[
            Attendance(member_id=zhang.id),
            Attendance(member_id=li.id, status="on_leave", reason="出差"),
        ],
        votes=[
            Vote(
                motion="接收预备党员",
                candidate="王五",
                method="secret_ballot",
                yes=2,
                counter_ids=[zhang.id],
                scrutineer_ids=[li.id],
            )
        ],
        observers=[Observer(name="陈七", post="机关党委组织员", reason="上级党委指导")],
        agenda=[
            AgendaItem(
                title="讨论接收王五为预备党员",
                notes="介绍人介绍情况",
                speeches=[
                    Speech(member_id=zhang.id, text="同意接收"),
                    Speech(name="陈七", text="程序规范"),
                ],
                decisions=[
                    Decision(text="报上级党委审批", owner_id=zhang.id, due=dt.date(2026, 11, 20))
                ],
            )
        ],
        lecture=Lecture(lecturer_id=zhang.id, title="学习党章", listeners=2, duration_minutes=60),
        study_hours=1.5,
        entered_on=dt.date(2026, 11, 4),
        amendments=[
            Amendment(date=dt.date(2026, 11, 5), reason="补记发言", previous={"topic": "党章"})
        ],
        rev=1,
    )
    term.elected_at_meeting_id = meeting.id
    payment = DuesPayment(
        member_id=li.id, month="2026-11", amount=Decimal("65.01"), paid=dt.date(2026, 11, 5), rev=1
    )
    candidate = Candidate(
        name="王五",
        events=[CandidateEvent(step="applied", date=dt.date(2026, 3, 1), note="递交申请书")],
        contact_ids=[zhang.id, li.id],
        training_hours=24.5,
        rev=1,
    )
    plan = WorkPlan(
        year=2026, items=[PlanItem(content="主题党日", owner_id=zhang.id, due=dt.date(2026, 12, 1))]
    )
    transfer = Transfer(
        person_name="赵六", direction="in", instrument="relation_transfer", date=dt.date(2026, 2, 1)
    )
    talk = Talk(member_id=li.id, date=dt.date(2026, 2, 3), about_id=transfer.id, talker_id=zhang.id)
    ledger = LedgerEntry(
        date=dt.date(2026, 11, 3),
        title="党员大会记录",
        record_table="meetings",
        record_id=meeting.id,
    )
    for record in (group, zhang, li, term, seat, meeting, payment, candidate, plan, transfer):
        data.tables[record.TABLE].append(record)
    fluctuation = Fluctuation(
        member_id=li.id,
        noticed=dt.date(2026, 4, 1),
        reporter_id=zhang.id,
        description="岗位调整后情绪低落",
        closed=dt.date(2026, 5, 6),
        resolution="谈心后已安心工作",
    )
    fluctuation_talk = Talk(
        member_id=li.id,
        date=dt.date(2026, 4, 3),
        kind="special",
        trigger="fluctuation",
        about_id=fluctuation.id,
        talker_id=zhang.id,
    )
    data.tables["talks"] += [talk, fluctuation_talk]
    data.tables["fluctuations"].append(fluctuation)
    data.tables["ledger_entries"].append(ledger)
    return data


@pytest.fixture
def sample() -> BranchData:
    return build_sample()
