"""Quorum and verdicts of a meeting, in the words of the minutes (NAT-1, NAT-2).

The rules themselves are ``attendance.general_meeting_vote`` (NAT-1) and
``attendance.committee_quorum`` (NAT-2), the same the duty engine judges with; this module
chooses the rule for a meeting's kinds and words the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from branchtui.domain.attendance import (
    VoteResult,
    committee_quorum,
    general_meeting_vote,
    tally_problem,
)
from branchtui.domain.meetings.roll import headcount, person_name
from branchtui.domain.records import BranchData, Meeting, Vote
from branchtui.domain.records.meeting_parts import VOTE_METHODS


def verdict_rule(meeting: Meeting) -> str | None:
    """The rule a meeting's quorum and votes are judged by: NAT-1 for a 支部党员大会, NAT-2
    for a 支委会, None for meetings that take no binding decision."""
    if "general_meeting" in meeting.kinds:
        return "NAT-1"
    if "committee_meeting" in meeting.kinds:
        return "NAT-2"
    return None


def meeting_verdict(meeting: Meeting, data: BranchData) -> VoteResult | None:
    """Quorum and each motion's result by NAT-1 or NAT-2 (None when neither applies)."""
    rule = verdict_rule(meeting)
    if rule == "NAT-1":
        return general_meeting_vote(meeting, data.members)
    if rule == "NAT-2":
        return committee_quorum(meeting, data.seats)
    return None


def quorum_line(meeting: Meeting, data: BranchData) -> str:
    """The minutes' line on who had to be there: ``应到有表决权的正式党员9名，实到7名，超过
    半数，符合规定人数`` (NAT-1), the committee's (NAT-2), or the plain head count."""
    result = meeting_verdict(meeting, data)
    if result is None:
        count = headcount(meeting, data)
        return f"应到{count.expected}名，实到{count.present}名"
    who = "有表决权的正式党员" if verdict_rule(meeting) == "NAT-1" else "委员"
    head = f"应到{who}{result.entitled}名，实到{result.present}名"
    if result.entitled == 0:
        return f"{head}，无法判断是否符合规定人数（请先录入{'支委会成员' if who == '委员' else '党员'}）"
    if result.quorate:
        return f"{head}，超过半数，符合规定人数"
    return f"{head}，未超过半数，不符合规定人数，会议不能作出决定"


def can_decide(meeting: Meeting, data: BranchData) -> bool:
    """NAT-1, NAT-2: whether the meeting may make decisions. A 支部党员大会 or 支委会 without
    more than half of those who should attend present cannot; a meeting no quorum rule applies
    to, or whose quorum cannot be judged (no committee or voters recorded), is not stopped."""
    result = meeting_verdict(meeting, data)
    return result is None or result.entitled == 0 or result.quorate


def decision_problems(meeting: Meeting, data: BranchData) -> dict[str, str]:
    """NAT-1, NAT-2: each 决定事项 of a meeting that cannot decide, as an error at its field
    (``agenda.0.decisions.1.text``); empty when it can. The meeting still counts as held
    (LIFE-1, LIFE-2 count meetings); its votes stay on record as invalid."""
    if not any(item.decisions for item in meeting.agenda) or can_decide(meeting, data):
        return {}
    message = inquorate_text(meeting, data)
    return {
        f"agenda.{i}.decisions.{j}.text": message
        for i, item in enumerate(meeting.agenda)
        for j, _decision in enumerate(item.decisions)
    }


def inquorate_text(meeting: Meeting, data: BranchData) -> str:
    """Why a meeting cannot decide, in a line that fits beside a field."""
    result = meeting_verdict(meeting, data)
    rule = verdict_rule(meeting) or ""
    who = "委员" if rule == "NAT-2" else "有表决权的正式党员"
    present, entitled = (result.present, result.entitled) if result else (0, 0)
    return f"到会{who}{present}名，未超过应到{entitled}名的半数，不能作出决定（{rule}）"


# What to do with the decisions of a meeting that cannot decide (the wizard and a refused save).
INQUORATE_ADVICE = "请删除决定事项，讨论的意见可记在议题的讨论情况中，待符合规定人数时再作决定"


@dataclass(frozen=True)
class VoteVerdict:
    """One motion's tally and what it means, ready for the minutes and the wizard."""

    vote: Vote
    method: str  # 举手表决 / 无记名投票 / ''
    counters: tuple[str, ...]  # 计票人
    scrutineers: tuple[str, ...]  # 监票人
    passed: bool | None  # None when no rule applies (a vote at a group meeting)
    valid: bool
    text: str  # the tally and the verdict in plain Chinese, on one line (the wizard)
    outcome: str = ""  # the verdict alone ('' when no rule applies): the minutes' 表决结果


def vote_verdicts(meeting: Meeting, data: BranchData) -> list[VoteVerdict]:
    """Each vote with its verdict: passed, not passed, or invalid and why (NAT-1, NAT-2)."""
    result = meeting_verdict(meeting, data)
    out = []
    for i, vote in enumerate(meeting.votes):
        cast = f"赞成{vote.yes}票，不赞成{vote.no}票，弃权{vote.abstain}票"
        if result is None:
            passed, valid, outcome = None, True, ""
        else:
            ok = result.passed[i][1]
            problem = tally_problem(vote, result.present)
            valid = result.quorate and not problem
            passed = ok and valid
            who = "有表决权的正式党员" if verdict_rule(meeting) == "NAT-1" else "委员"
            base = f"应到会{who}（{result.entitled}名）的半数"
            if not result.quorate:
                outcome = "到会人数未超过半数，表决无效"
            elif problem:
                outcome = problem
            elif ok:
                outcome = f"赞成票超过{base}，通过"
            else:
                outcome = f"赞成票未超过{base}，未通过"
        out.append(
            VoteVerdict(
                vote=vote,
                method=VOTE_METHODS.get(vote.method, ""),
                counters=tuple(person_name(data, mid) for mid in vote.counter_ids),
                scrutineers=tuple(person_name(data, mid) for mid in vote.scrutineer_ids),
                passed=passed,
                valid=valid,
                text=f"{cast}；{outcome}" if outcome else cast,
                outcome=outcome,
            )
        )
    return out
