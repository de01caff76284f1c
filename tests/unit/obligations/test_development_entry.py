"""Recording a step of a development file: the checks the form shows as a date is typed
(errors keep it from being saved, warnings say it is late) and what one save writes: the file,
and the roster's Member when the person is received, placed, converted or dropped."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.development_checks import check_entry
from branchtui.domain.development_entry import (
    StepEntry,
    apply_entry,
    entry_from_record,
    meeting_vote,
    with_entry,
)
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import (
    Attendance,
    Candidate,
    CandidateEvent,
    CandidateVote,
    Meeting,
    Member,
    Vote,
)

from .conftest import D, add, add_members, make_data

TODAY = D(2026, 11, 27)


def person(*steps: tuple[str, dt.date], **fields: object) -> Candidate:
    events = [CandidateEvent(step=s, date=d) for s, d in steps]  # type: ignore[arg-type]
    return Candidate(name="林小红", events=events, **fields)  # type: ignore[arg-type]


def check(c: Candidate, entry: StepEntry, data=None):  # type: ignore[no-untyped-def]
    return check_entry(c, entry, data or make_data(), TODAY, PLAN_2017)


# A target with everything the 支部党员大会 needs on file.
READY = (
    ("applied", D(2024, 3, 1)),
    ("talked", D(2024, 3, 15)),
    ("recommended", D(2024, 6, 1)),
    ("activist", D(2024, 6, 10)),
    ("activist_filed", D(2024, 6, 15)),
    ("contacts_assigned", D(2024, 6, 15)),
    ("review", D(2024, 12, 1)),
    ("review", D(2025, 6, 1)),
    ("target", D(2025, 6, 20)),
    ("target_filed", D(2025, 6, 25)),
    ("introducers_assigned", D(2025, 6, 25)),
    ("political_review", D(2025, 8, 1)),
    ("committee_review", D(2025, 9, 1)),
    ("pre_review", D(2025, 9, 10)),
    ("publicity", D(2025, 9, 12)),
    ("form_filled", D(2025, 9, 20)),
)


def ready(**fields: object) -> Candidate:
    c = person(*READY, introducer_ids=["m1", "m2"], **fields)
    c.events.append(CandidateEvent(step="training", date=D(2025, 7, 1), until=D(2025, 7, 3)))
    return c


def test_a_date_after_today_is_refused() -> None:
    found = check(person(), StepEntry("applied", D(2026, 11, 28)))
    assert found.errors == {"date": "日期不能晚于今天"}


def test_a_step_needs_the_steps_it_follows_on_file_and_dated_before() -> None:
    found = check(person(), StepEntry("talked", D(2026, 11, 1), people="王五"))
    assert found.errors["date"] == "请先记录「递交入党申请书」"
    c = person(("applied", D(2026, 11, 10)))
    found = check(c, StepEntry("talked", D(2026, 11, 1), people="王五"))
    assert found.errors["date"] == "不能早于「递交入党申请书」（2026-11-10）"


def test_NAT_3_a_late_talk_is_saved_with_a_warning() -> None:
    c = person(("applied", D(2026, 9, 1)))
    on_time = check(c, StepEntry("talked", D(2026, 10, 1), people="王五"))
    assert on_time.ok and not on_time.warnings
    late = check(c, StepEntry("talked", D(2026, 10, 2), people="王五"))
    assert late.ok
    assert late.warnings["date"] == "应在收到申请书后1个月内（2026-10-01前）谈话，已晚1天"
    assert check(c, StepEntry("talked", D(2026, 10, 1))).errors == {"people": "请填写谈话人"}


def test_party_constitution_an_applicant_is_eighteen() -> None:
    c = person(birth_date=D(2008, 11, 28))
    assert "年满18周岁" in check(c, StepEntry("applied", D(2026, 11, 27))).errors["date"]
    old_enough = person(birth_date=D(2008, 11, 27))
    assert check(old_enough, StepEntry("applied", D(2026, 11, 27))).ok


def test_DEV_3_naming_an_activist_needs_the_recommendation_before_it() -> None:
    c = person(("applied", D(2026, 1, 5)), ("talked", D(2026, 1, 20)))
    found = check(c, StepEntry("activist", D(2026, 5, 1)))
    assert found.errors == {"companion": "请填写推荐（推优）日期"}
    found = check(c, StepEntry("activist", D(2026, 5, 1), companion=D(2026, 5, 2)))
    assert found.errors == {"companion": "推荐（推优）应在确定入党积极分子之前"}
    entry = StepEntry("activist", D(2026, 5, 1), companion=D(2026, 4, 20))
    assert check(c, entry).ok
    saved = with_entry(c, entry)
    assert (saved.date_of("recommended"), saved.date_of("activist")) == (
        D(2026, 4, 20),
        D(2026, 5, 1),
    )


def test_a_step_is_recorded_once() -> None:
    c = person(("applied", D(2026, 1, 5)))
    found = check(c, StepEntry("applied", D(2026, 2, 5)))
    assert "已于2026-01-05记录" in found.errors["date"]


def test_NAT_3_contacts_are_one_or_two_full_members() -> None:
    data = make_data()
    full, probationary = (
        add_members(data, 3),
        add_members(data, 1, status="probationary", full_date=None),
    )
    c = person(("applied", D(2025, 1, 5)), ("activist", D(2025, 5, 1)))

    def contacts(*ids: str) -> dict[str, str]:
        entry = StepEntry("contacts_assigned", D(2025, 5, 5), member_ids=ids)
        return check(c, entry, data).errors

    assert contacts() == {"members": "培养联系人应为1至2名正式党员（现为0名）"}
    assert contacts(full[0].id) == {}
    assert contacts(full[0].id, full[1].id) == {}
    assert "现为3名" in contacts(*(m.id for m in full))["members"]
    assert "不能担任培养联系人" in contacts(probationary[0].id)["members"]


def test_NAT_3_introducers_are_two_full_members() -> None:
    data = make_data()
    full = add_members(data, 3)
    c = person(("activist", D(2024, 5, 1)), ("target", D(2025, 6, 1)))

    def introducers(*ids: str) -> dict[str, str]:
        entry = StepEntry("introducers_assigned", D(2025, 6, 5), member_ids=ids)
        return check(c, entry, data).errors

    assert introducers(full[0].id) == {"members": "入党介绍人应为2名正式党员（现为1名）"}
    assert introducers(full[0].id, full[1].id) == {}
    assert "现为3名" in introducers(*(m.id for m in full))["members"]


def test_NAT_3_naming_a_target_a_year_after_the_activist() -> None:
    c = person(("applied", D(2025, 1, 5)), ("activist", D(2025, 5, 1)))
    early = check(c, StepEntry("target", D(2026, 4, 30)))
    assert early.errors["date"].endswith("（最早2026-05-01）")
    assert check(c, StepEntry("target", D(2026, 5, 1))).ok


def test_NAT_3_a_review_more_than_six_months_after_the_last_is_late() -> None:
    c = person(("activist", D(2026, 1, 10)), ("review", D(2026, 5, 10)))
    assert check(c, StepEntry("review", D(2026, 11, 10))).warnings == {}
    late = check(c, StepEntry("review", D(2026, 11, 11)))
    assert late.ok and "超过6个月" in late.warnings["date"]


def test_NAT_3_training_says_how_far_it_has_got() -> None:
    c = person(("activist", D(2024, 1, 10)), ("target", D(2025, 3, 1)))
    assert check(c, StepEntry("training", D(2025, 4, 1))).errors == {
        "hours": "请填写培训结束日期或学时"
    }
    found = check(c, StepEntry("training", D(2025, 4, 1), until=D(2025, 4, 2), hours=16))
    assert found.notes["hours"] == "累计2天、16学时（须满3天或24学时）"
    wrong = check(c, StepEntry("training", D(2025, 4, 2), until=D(2025, 4, 1)))
    assert wrong.errors == {"until": "结束日期不能早于开始日期"}


def test_NAT_1_NAT_3_the_branch_vote_needs_pre_review_and_a_valid_vote() -> None:
    data = make_data()
    add_members(data, 10)  # ten 正式党员 with a vote
    c = ready()
    vote = CandidateVote(present=6, yes=6)
    assert check(c, StepEntry("branch_vote", D(2025, 10, 9), vote=vote), data).ok
    missing = person(*[s for s in READY if s[0] != "pre_review"], introducer_ids=["a", "b"])
    found = check(missing, StepEntry("branch_vote", D(2025, 10, 9), vote=vote), data)
    assert found.errors["date"] == "请先记录「上级党委预审」"
    no_vote = check(c, StepEntry("branch_vote", D(2025, 10, 9)), data)
    assert no_vote.errors == {"vote": "请填写实到人数和赞成票（NAT-1）"}
    few = CandidateVote(present=5, yes=5)
    found = check(c, StepEntry("branch_vote", D(2025, 10, 9), vote=few), data)
    assert found.errors["vote"] == "应到10人，实到5人，未超过半数，表决无效（NAT-1）"
    short = CandidateVote(present=8, yes=5, no=3)
    found = check(c, StepEntry("branch_vote", D(2025, 10, 9), vote=short), data)
    assert "未通过" in found.errors["vote"]
    passed = check(c, StepEntry("branch_vote", D(2025, 10, 9), vote=vote), data)
    assert passed.notes["vote"] == "应到10人，实到6人，赞成6票，通过（NAT-1）"


def test_NAT_3_training_short_of_three_days_blocks_the_vote() -> None:
    data = make_data()
    add_members(data, 4)
    c = person(*READY, introducer_ids=["a", "b"])
    vote = CandidateVote(present=4, yes=4)
    found = check(c, StepEntry("branch_vote", D(2025, 10, 9), vote=vote), data)
    assert "集中培训不足3天或24学时" in found.errors["date"]


def test_a_general_meeting_on_the_day_prefills_the_vote() -> None:
    data = make_data()
    ms = add_members(data, 5)
    meeting = add(
        data,
        Meeting(
            kinds=["general_meeting"],
            date=D(2025, 10, 9),
            attendance=[Attendance(member_id=m.id) for m in ms[:4]],
            votes=[Vote(motion="接收林小红为预备党员", yes=4)],
        ),
    )
    found = meeting_vote(data, ready(), D(2025, 10, 9))
    assert found == (meeting.id, CandidateVote(present=4, yes=4))
    assert meeting_vote(data, ready(), D(2025, 10, 10)) == (None, None)


def received(**fields: object) -> Candidate:
    c = ready(**fields)
    c.events.append(
        CandidateEvent(
            step="branch_vote", date=D(2025, 10, 9), vote=CandidateVote(present=6, yes=6)
        )
    )
    return c


def test_NAT_3_approval_makes_a_probationary_member_in_one_change() -> None:
    data = make_data()
    add_members(data, 10)
    c = add(data, received(birth_date=D(1998, 3, 1), gender="female", phone="13900001111"))
    entry = StepEntry("approved", D(2025, 12, 1), document="某党委〔2025〕12号")
    assert check(c, entry, data).ok
    changes = apply_entry(c, entry, data, PLAN_2017)
    (member,) = changes.inserts
    assert isinstance(member, Member)
    assert (member.name, member.status, member.joined) == ("林小红", "probationary", D(2025, 10, 9))
    assert member.phone == "13900001111" and member.birth_date == D(1998, 3, 1)
    (saved,) = changes.updates
    assert isinstance(saved, Candidate) and saved.member_id == member.id
    assert saved.stage == "probationary"


def test_NAT_3_approval_after_three_months_warns_after_six_is_refused() -> None:
    data = make_data()
    add_members(data, 10)
    c = received()
    late = check(c, StepEntry("approved", D(2026, 1, 10)), data)
    assert late.ok and "超过3个月" in late.warnings["date"]
    too_late = check(c, StepEntry("approved", D(2026, 4, 10)), data)
    assert "不能再审批" in too_late.errors["date"]


def probationary_file(data) -> tuple[Candidate, Member]:  # type: ignore[no-untyped-def]
    c = add(data, received())
    changes = apply_entry(c, StepEntry("approved", D(2025, 12, 1)), data, PLAN_2017)
    (member,) = changes.inserts
    (c,) = changes.updates
    data.members.append(member)
    data.candidates[-1] = c
    return c, member  # type: ignore[return-value]


def test_placing_in_a_group_and_converting_update_the_member() -> None:
    data = make_data()
    add_members(data, 10)
    c, member = probationary_file(data)
    placed = apply_entry(c, StepEntry("placed", D(2025, 12, 5), group_id="g1"), data, PLAN_2017)
    saved_member = next(r for r in placed.updates if isinstance(r, Member))
    assert saved_member.group_id == "g1" and saved_member.status == "probationary"
    assert c.member_id == member.id
    c = dataclasses.replace(
        c,
        events=[
            *c.events,
            CandidateEvent(
                step="conversion_vote", date=D(2026, 10, 9), vote=CandidateVote(present=7, yes=7)
            ),
        ],
    )
    entry = StepEntry("converted", D(2026, 11, 20))
    assert check(c, entry, data).ok
    changes = apply_entry(c, entry, data, PLAN_2017)
    full = next(r for r in changes.updates if isinstance(r, Member))
    assert (full.status, full.full_date, full.joined) == ("full", D(2026, 10, 9), D(2025, 10, 9))


def test_dropping_a_probationary_member_removes_them_from_the_roster() -> None:
    data = make_data()
    add_members(data, 10)
    c, _member = probationary_file(data)
    entry = StepEntry("dropped", D(2026, 5, 1))
    assert check(c, entry, data).errors == {"document": "请填写终止培养的原因"}
    entry = dataclasses.replace(entry, document="经支部大会讨论取消预备党员资格")
    changes = apply_entry(c, entry, data, PLAN_2017)
    removed = next(r for r in changes.updates if isinstance(r, Member))
    assert removed.removed == D(2026, 5, 1) and "取消预备党员资格" in removed.removed_note
    dropped = next(r for r in changes.updates if isinstance(r, Candidate))
    assert dropped.stage == "dropped"
    assert (
        check(dropped, StepEntry("oath", D(2026, 5, 2)), data)
        .errors["step"]
        .startswith("此人已终止培养")
    )


def test_editing_a_record_replaces_it_and_its_companion() -> None:
    c = person(
        ("applied", D(2026, 1, 5)),
        ("recommended", D(2026, 4, 1)),
        ("activist", D(2026, 5, 1)),
    )
    index = next(i for i, e in enumerate(c.events) if e.step == "activist")
    entry = entry_from_record(c, index, make_data())
    assert entry.companion == D(2026, 4, 1)
    changed = dataclasses.replace(entry, date=D(2026, 5, 8), companion=D(2026, 4, 2))
    assert check(c, changed).ok  # not "recorded already": it replaces itself
    saved = with_entry(c, changed)
    assert [(e.step, e.date) for e in saved.events] == [
        ("applied", D(2026, 1, 5)),
        ("recommended", D(2026, 4, 2)),
        ("activist", D(2026, 5, 8)),
    ]


def test_NAT_3_an_extension_moves_the_conversion_vote() -> None:
    data = make_data()
    add_members(data, 10)
    c, _ = probationary_file(data)
    early = check(
        c, StepEntry("conversion_vote", D(2026, 10, 8), vote=CandidateVote(present=7, yes=7)), data
    )
    assert early.errors["date"] == "预备期至2026-10-09期满，期满前不能讨论转正"
    extension = StepEntry("probation_extended", D(2026, 10, 9), months=13)
    assert check(c, extension, data).errors == {"months": "延长预备期应为6至12个月"}
    extension = dataclasses.replace(extension, months=6)
    assert check(c, extension, data).ok
    extended = with_entry(c, extension)
    late = check(
        extended,
        StepEntry("conversion_vote", D(2026, 11, 20), vote=CandidateVote(present=7, yes=7)),
        data,
    )
    assert late.errors["date"] == "预备期至2027-04-09期满，期满前不能讨论转正"
