"""DEV-3, NAT-3: the 25 steps of a development file in their order — each rule on its own,
as the step form shows it beside the field (errors block the save, the missing meeting only
warns), and over a file already on record (the DEV-3 warning on the dashboard)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.development_checks import check_entry
from branchtui.domain.development_entry import StepEntry
from branchtui.domain.development_order import (
    order_breaches,
    publicity_out_of_order,
    review_before_training_ends,
    step_out_of_order,
    training_after_review,
    vote_meeting_missing,
)
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import Candidate, CandidateEvent, CandidateVote

from .conftest import D, add, add_meeting, add_members, judge, make_data

TODAY = D(2026, 11, 27)

# A 发展对象 up to the concentrated training (step 11), three days from 2025-10-20.
TRAINED = (
    ("applied", D(2024, 4, 1)),
    ("talked", D(2024, 4, 11)),
    ("recommended", D(2024, 7, 18)),
    ("activist", D(2024, 7, 30)),
    ("activist_filed", D(2024, 8, 6)),
    ("contacts_assigned", D(2024, 8, 6)),
    ("review", D(2025, 1, 26)),
    ("review", D(2025, 7, 21)),
    ("target", D(2025, 9, 3)),
    ("target_filed", D(2025, 9, 10)),
    ("introducers_assigned", D(2025, 9, 10)),
    ("political_review", D(2025, 10, 9)),
)
TRAINING_START, TRAINING_END = D(2025, 10, 20), D(2025, 10, 22)


def person(*extra: tuple[str, dt.date]) -> Candidate:
    events = [CandidateEvent(step=s, date=d) for s, d in (*TRAINED, *extra)]  # type: ignore[arg-type]
    events.append(
        CandidateEvent(step="training", date=TRAINING_START, until=TRAINING_END, hours=24)
    )
    return Candidate(name="曾心晨", events=events, introducer_ids=["m1", "m2"])


def check(c: Candidate, entry: StepEntry, data=None):  # type: ignore[no-untyped-def]
    return check_entry(c, entry, data or make_data(), TODAY, PLAN_2017)


# --- DEV-3: each step no earlier than the step before it --------------------------------------


def test_a_step_dated_before_the_step_before_it_is_refused() -> None:
    c = person(("committee_review", D(2025, 10, 30)), ("pre_review", D(2025, 11, 5)))
    assert step_out_of_order(c, "form_filled", D(2025, 11, 4)) == (
        "不能早于第13步「上级党委预审」（2025-11-05）"
    )


def test_a_step_on_the_same_day_as_the_step_before_it_is_allowed() -> None:
    c = person(("committee_review", D(2025, 10, 30)), ("pre_review", D(2025, 11, 5)))
    assert step_out_of_order(c, "form_filled", D(2025, 11, 5)) is None


def test_the_step_before_is_the_nearest_one_on_file() -> None:
    # Step 12 is not on file: step 13 follows step 11, the training (its first day).
    c = person()
    assert step_out_of_order(c, "pre_review", D(2025, 10, 19)) == (
        "不能早于第11步「开展集中培训」（2025-10-20）"
    )
    assert step_out_of_order(c, "pre_review", TRAINING_START) is None


def test_a_step_dated_after_the_step_after_it_is_refused() -> None:
    c = person(("committee_review", D(2025, 10, 30)), ("form_filled", D(2025, 11, 20)))
    assert step_out_of_order(c, "pre_review", D(2025, 11, 21)) == (
        "不能晚于第14步「填写入党志愿书」（2025-11-20）"
    )
    assert step_out_of_order(c, "pre_review", D(2025, 11, 20)) is None


def test_a_filing_follows_the_step_it_files_and_holds_back_nothing() -> None:
    c = person()
    assert step_out_of_order(c, "target_filed", D(2025, 9, 2)) == (
        "不能早于第7步「确定发展对象」（2025-09-03）"
    )
    assert step_out_of_order(c, "target_filed", D(2025, 9, 3)) is None
    # 备案 after the 入党介绍人 were named is no fault: it runs beside the sequence.
    assert step_out_of_order(c, "target_filed", D(2025, 9, 30)) is None


def test_the_form_refuses_step_15_before_step_14_at_the_date() -> None:
    c = person(
        ("committee_review", D(2025, 10, 30)),
        ("pre_review", D(2025, 11, 5)),
        ("publicity", D(2025, 11, 1)),
        ("form_filled", D(2026, 11, 20)),
    )
    found = check(
        c, StepEntry("branch_vote", D(2026, 11, 10), vote=CandidateVote(present=1, yes=1))
    )
    assert found.errors["date"] == "不能早于第14步「填写入党志愿书」（2026-11-20）"


# --- NAT-3: the 支部委员会 reviews after the training has ended --------------------------------


def test_committee_review_before_the_training_ends_is_refused() -> None:
    c = person()
    assert review_before_training_ends(c, D(2025, 10, 21)) == (
        "集中培训至2025-10-22结束，支部委员会审查不能早于该日"
    )
    assert review_before_training_ends(c, TRAINING_END) is None


def test_the_form_refuses_step_12_before_the_training() -> None:
    found = check(person(), StepEntry("committee_review", D(2025, 10, 15)))
    assert found.errors["date"] == "不能早于第11步「开展集中培训」（2025-10-20）"
    found = check(person(), StepEntry("committee_review", D(2025, 10, 21)))
    assert found.errors["date"] == "集中培训至2025-10-22结束，支部委员会审查不能早于该日"
    assert check(person(), StepEntry("committee_review", TRAINING_END)).errors == {}


def test_committee_review_with_training_short_is_only_a_warning() -> None:
    c = person()
    c.events[-1] = dataclasses.replace(c.events[-1], until=None, hours=8)
    found = check(c, StepEntry("committee_review", D(2025, 10, 30)))
    assert found.errors == {}
    assert "集中培训不足3天或24学时" in found.warnings["date"]


def test_a_training_ending_after_the_committee_review_is_refused() -> None:
    c = person(("committee_review", D(2025, 10, 30)))
    assert training_after_review(c, D(2025, 10, 31)) == (
        "集中培训应在支部委员会审查（2025-10-30）前结束"
    )
    assert training_after_review(c, D(2025, 10, 30)) is None
    entry = StepEntry("training", D(2025, 10, 29), until=D(2025, 10, 31), hours=8)
    assert check(c, entry).errors["until"] == "集中培训应在支部委员会审查（2025-10-30）前结束"


# --- DEV-3 公示制: before the 预审, after the 支部委员会审查 ------------------------------------


def test_publicity_after_the_pre_review_is_refused() -> None:
    c = person(("committee_review", D(2025, 10, 30)))
    assert publicity_out_of_order(c, D(2025, 11, 6), D(2025, 11, 5)) == (
        "公示应在上级党委预审（2025-11-05）之前"
    )
    assert publicity_out_of_order(c, D(2025, 11, 5), D(2025, 11, 5)) is None


def test_publicity_before_the_committee_review_is_refused() -> None:
    c = person(("committee_review", D(2025, 10, 30)))
    assert publicity_out_of_order(c, D(2025, 10, 29), D(2025, 11, 5)) == (
        "公示不能早于第12步「支部委员会审查」（2025-10-30）"
    )
    assert publicity_out_of_order(c, D(2025, 10, 30), D(2025, 11, 5)) is None


def test_the_form_refuses_the_reviewers_step_13() -> None:
    # 预审 2025-10-10 with 公示 2025-10-05, both before the 支部委员会审查 of 2025-10-30.
    c = person(("committee_review", D(2025, 10, 30)))
    found = check(c, StepEntry("pre_review", D(2025, 10, 10), companion=D(2025, 10, 5)))
    assert found.errors["date"] == "不能早于第12步「支部委员会审查」（2025-10-30）"
    assert found.errors["companion"] == "公示不能早于第12步「支部委员会审查」（2025-10-30）"
    found = check(c, StepEntry("pre_review", D(2025, 11, 5), companion=D(2025, 11, 8)))
    assert found.errors == {"companion": "公示应在上级党委预审（2025-11-05）之前"}
    assert check(c, StepEntry("pre_review", D(2025, 11, 5), companion=D(2025, 11, 1))).ok


# --- NAT-1 票决制: the 支部大会讨论 points to a 支部党员大会 on file ----------------------------


def test_a_vote_without_a_general_meeting_that_day_warns() -> None:
    data = make_data()
    assert vote_meeting_missing(data.meetings, D(2026, 11, 10), None) == (
        "2026-11-10没有支部党员大会的会议记录，请先记录该会议或按 Ctrl+L 关联会议"
    )
    add_meeting(data, "committee_meeting", D(2026, 11, 10))
    assert vote_meeting_missing(data.meetings, D(2026, 11, 10), None) is not None
    meeting = add_meeting(data, "general_meeting", D(2026, 11, 10))
    assert vote_meeting_missing(data.meetings, D(2026, 11, 10), meeting.id) is None


def test_the_missing_meeting_is_a_warning_and_the_vote_may_be_saved() -> None:
    data = make_data()
    add_members(data, 3, joined=D(2010, 1, 1), status="full")
    c = person(
        ("committee_review", D(2025, 10, 30)),
        ("pre_review", D(2025, 11, 5)),
        ("publicity", D(2025, 11, 1)),
        ("form_filled", D(2025, 11, 10)),
    )
    entry = StepEntry("branch_vote", D(2025, 11, 20), vote=CandidateVote(present=3, yes=3))
    found = check(c, entry, data)
    assert found.errors == {}
    assert "没有支部党员大会的会议记录" in found.warnings["date"]
    add_meeting(data, "general_meeting", D(2025, 11, 20))
    assert "date" not in check(c, entry, data).warnings


# --- DEV-3 over a file on record -----------------------------------------------------------


def test_an_imported_file_out_of_order_is_named_step_by_step() -> None:
    c = person(
        ("committee_review", D(2025, 10, 15)),
        ("pre_review", D(2025, 10, 10)),
        ("publicity", D(2025, 10, 5)),
    )
    assert order_breaches(c) == [
        "第12步「支部委员会审查」（2025-10-15）早于第11步「开展集中培训」（2025-10-20）",
        "第13步「上级党委预审」（2025-10-10）早于第12步「支部委员会审查」（2025-10-15）",
        "支部委员会审查（2025-10-15）：集中培训至2025-10-22结束，支部委员会审查不能早于该日",
        "公示（2025-10-05）：公示不能早于第12步「支部委员会审查」（2025-10-15）",
    ]


def test_a_file_in_order_with_same_day_steps_has_no_breach() -> None:
    c = person(
        ("committee_review", TRAINING_END),
        ("publicity", TRAINING_END),
        ("pre_review", TRAINING_END),
        ("form_filled", TRAINING_END),
    )
    assert order_breaches(c) == []


def test_DEV_3_warns_of_a_file_out_of_order() -> None:
    data = make_data()
    add(data, person(("committee_review", D(2025, 10, 15))))
    warnings = [o for o in judge("DEV-3", data, TODAY) if o.status == "warning"]
    assert len(warnings) == 1
    assert "曾心晨的档案记录顺序有误" in warnings[0].detail
    assert "第12步「支部委员会审查」（2025-10-15）早于第11步" in warnings[0].detail
    add(data, dataclasses.replace(person(("committee_review", D(2025, 10, 30))), name="林小红"))
    warned = [o.detail for o in judge("DEV-3", data, TODAY) if o.status == "warning"]
    assert len(warned) == 1 and "林小红" not in warned[0]
