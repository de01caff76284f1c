"""Counting an election (ORG-4 换届, ORG-7/ORG-8 补选) by 基层组织选举工作条例: the 4/5 quorum,
the 20 % 差额, the ballot count, more than half of the voters present, ties and shortfalls."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.election import (
    Tally,
    ballot_problems,
    candidate_margin,
    election_outcome,
    election_quorum,
    tally_problems,
    voters_on,
)
from branchtui.domain.profile import NATIONAL, PLAN_2017
from branchtui.domain.profile_labels import profile_changes
from branchtui.domain.records import Member

D = dt.date


@pytest.mark.parametrize(
    ("expected", "present", "met", "needed"),
    [
        (10, 9, True, 9),  # 9/10 > 4/5
        (10, 8, False, 9),  # exactly 4/5 is not more than 4/5
        (5, 5, True, 5),  # 4/5 of 5 is 4: five must come
        (5, 4, False, 5),
        (11, 9, True, 9),  # 8.8 → 9 is more
        (11, 8, False, 9),
        (0, 0, False, 1),
    ],
)
def test_quorum_is_more_than_four_fifths_of_the_voters(
    expected: int, present: int, met: bool, needed: int
) -> None:
    quorum = election_quorum(expected, present, PLAN_2017)
    assert (quorum.met, quorum.needed) == (met, needed)
    if expected and met:
        assert "选举有效" in quorum.text and "4/5" in quorum.text
    elif expected:
        assert "不能进行选举" in quorum.text and f"至少须到{needed}名" in quorum.text
    else:
        assert "没有有选举权的党员" in quorum.text


def test_both_profiles_use_the_national_election_numbers() -> None:
    assert election_quorum(10, 9, NATIONAL).met and not election_quorum(10, 8, NATIONAL).met


@pytest.mark.parametrize(
    ("seats", "candidates", "ok", "needed"),
    [
        (5, 6, True, 6),  # 差额 1 = 20 % of 5: just enough
        (5, 5, False, 6),  # 等额 is not a renewal election
        (3, 4, True, 4),  # 20 % of 3 is 0.6: one more candidate
        (3, 3, False, 4),
        (7, 8, False, 9),  # 20 % of 7 is 1.4: two more
        (7, 9, True, 9),
        (10, 12, True, 12),
        (10, 11, False, 12),
    ],
)
def test_renewal_candidates_outnumber_seats_by_a_fifth(
    seats: int, candidates: int, ok: bool, needed: int
) -> None:
    margin = candidate_margin(seats, candidates, PLAN_2017)
    assert (margin.ok, margin.needed) == (ok, needed)
    assert ("不少于应选人数的20%" in margin.text) == ok
    if not ok:
        assert f"至少{needed}名" in margin.text


def test_a_by_election_may_have_as_many_candidates_as_seats() -> None:
    assert candidate_margin(1, 1, PLAN_2017, by_election=True).ok
    margin = candidate_margin(1, 0, PLAN_2017, by_election=True)
    assert not margin.ok and "不能少于应选人数" in margin.text
    assert not candidate_margin(0, 3, PLAN_2017).ok


def test_ballot_count_checks() -> None:
    assert ballot_problems(9, 9, 8, 1, 9) == {}
    assert ballot_problems(9, 8, 8, 0, 9) == {}  # one ballot not returned: still valid
    void = ballot_problems(9, 10, 9, 1, 9)
    assert "选举无效，应重新投票" in void["ballots_returned"]
    assert "多于实到会有选举权的党员9名" in ballot_problems(10, 9, 9, 0, 9)["ballots_issued"]
    assert "合计应等于收回的9张" in ballot_problems(9, 9, 7, 1, 9)["ballots_invalid"]
    assert ballot_problems(None, 9, 9, 0, 9) == {"ballots_issued": "请填写发出选票数"}


def test_tally_checks() -> None:
    names = {"a": "张三", "b": "李四"}
    assert tally_problems({"a": 8, "b": 9}, names, 9, 1) == {
        "": "得票合计17，超过有效票9张×应选1名，计票有误"
    }
    assert tally_problems({"a": 8, "b": 9}, names, 9, 2) == {}
    assert tally_problems({"a": 10}, names, 9, 2) == {"a": "张三得票10，多于有效票9张"}


def _t(*votes: int, runoff: tuple[int | None, ...] = ()) -> list[Tally]:
    names = "甲乙丙丁戊己庚辛"
    extra = list(runoff) + [None] * (len(votes) - len(runoff))
    return [Tally(names[i], names[i], v, extra[i]) for i, v in enumerate(votes)]


def test_more_than_half_of_those_present_is_elected_exactly_half_is_not() -> None:
    # 10 voters present: 5 is exactly half, 6 is more.
    outcome = election_outcome(_t(6, 5, 9), seats=3, present=10)
    assert outcome.elected == ("丙", "甲") and outcome.majority == 6
    assert outcome.shortfall == 1 and outcome.decided
    assert "乙：5票，未超过半数，未当选" in outcome.lines
    assert any("不足的1个名额可另行选举" in line for line in outcome.lines)
    # 9 present: 5 is more than half.
    assert election_outcome(_t(5, 4), seats=1, present=9).elected == ("甲",)


def test_more_over_half_than_seats_takes_the_most_votes() -> None:
    outcome = election_outcome(_t(9, 8, 7, 6), seats=3, present=10)
    assert outcome.elected == ("甲", "乙", "丙") and outcome.shortfall == 0
    assert "丁：6票，超过半数，但应选名额已由得票多的取足，未当选" in outcome.lines


def test_a_tie_for_the_last_seat_is_voted_again() -> None:
    outcome = election_outcome(_t(9, 7, 7, 3), seats=2, present=10)
    assert outcome.elected == ("甲",) and set(outcome.tied) == {"乙", "丙"}
    assert not outcome.decided and outcome.runoff_places == 1
    assert any("应就票数相等的候选人再次投票" in line for line in outcome.lines)
    settled = election_outcome(_t(9, 7, 7, 3, runoff=(None, 4, 6)), seats=2, present=10)
    assert settled.elected == ("甲", "丙") and settled.decided
    assert "丙：7票，再次投票6票，当选" in settled.lines
    again = election_outcome(_t(9, 7, 7, 3, runoff=(None, 5, 5)), seats=2, present=10)
    assert not again.decided and any("再次投票后仍得票相等" in x for x in again.lines)


def test_a_tie_inside_the_seats_needs_no_second_vote() -> None:
    outcome = election_outcome(_t(7, 7, 6), seats=2, present=10)
    assert set(outcome.elected) == {"甲", "乙"} and outcome.decided


def test_nobody_elected_says_so() -> None:
    outcome = election_outcome(_t(4, 3), seats=1, present=9)
    assert outcome.elected == () and "无人当选，应重新组织选举" in outcome.lines


def test_voters_are_full_members_of_the_day() -> None:
    full = Member(name="张三", status="full", joined=D(2010, 1, 1))
    probationary = Member(name="李四", status="probationary", joined=D(2026, 3, 1))
    converted = Member(name="王五", status="full", joined=D(2025, 3, 1), full_date=D(2026, 3, 1))
    gone = Member(name="赵六", joined=D(2010, 1, 1), removed=D(2026, 5, 1))
    people = [full, probationary, converted, gone]
    assert voters_on(people, D(2026, 6, 1)) == [full, converted]
    assert voters_on(people, D(2026, 2, 1)) == [full, gone]  # 王五 still probationary then


def test_switching_profile_names_what_changes() -> None:
    assert profile_changes(PLAN_2017, NATIONAL) == ["党支部任期：2年 → 3年"]
    assert profile_changes(PLAN_2017, PLAN_2017) == []
