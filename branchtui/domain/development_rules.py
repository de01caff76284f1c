"""The time limits and conditions of 发展党员工作细则 (NAT-3, DEV-3, NAT-1), one function each.

Each function answers, in Chinese, what is wrong with one date or one choice of a candidate's
file, or None. The step form calls them as a date is typed (domain/development_entry.py), and
``breaches`` calls the same functions over what is already on file, so that a file imported
or entered before these checks still shows its faults on the dashboard (NAT-3 warnings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from branchtui.domain.attendance import full_on, member_on, vote_result, voters_on
from branchtui.domain.dates import add_months, add_years, format_date
from branchtui.domain.development import (
    probation_end,
    target_eligible_from,
    training_days,
    training_done,
    training_hours,
)
from branchtui.domain.profile import Profile
from branchtui.domain.records import Candidate, CandidateVote, Member, Vote

# 党章 第一条: 年满十八岁 may apply.
APPLICANT_MIN_AGE = 18


def applicant_too_young(birth: dt.date | None, applied: dt.date) -> str | None:
    """党章 §1 (DEV-3, the national rules): only a person of 18 or more on the day of the
    application may apply to join (when the birth date is known)."""
    if birth is not None and add_years(birth, APPLICANT_MIN_AGE) > applied:
        return f"申请入党须年满{APPLICANT_MIN_AGE}周岁（出生日期{format_date(birth)}）"
    return None


def talk_late(applied: dt.date | None, talked: dt.date, profile: Profile) -> str | None:
    """NAT-3: the branch talks with an applicant within 1 month of the application."""
    if applied is None:
        return None
    limit = add_months(applied, profile.applicant_talk_months)
    if talked > limit:
        return (
            f"应在收到申请书后{profile.applicant_talk_months}个月内"
            f"（{format_date(limit)}前）谈话，已晚{(talked - limit).days}天"
        )
    return None


def review_late(previous: dt.date | None, review: dt.date, profile: Profile) -> str | None:
    """NAT-3: an activist is reviewed (培养考察) at least every 6 months."""
    if previous is None:
        return None
    limit = add_months(previous, profile.activist_review_months)
    if review > limit:
        return (
            f"距上次考察（{format_date(previous)}）超过{profile.activist_review_months}个月，"
            f"应在{format_date(limit)}前考察"
        )
    return None


def target_too_early(candidate: Candidate, target: dt.date, profile: Profile) -> str | None:
    """NAT-3: an activist is trained at least 1 year before becoming a 发展对象."""
    eligible = target_eligible_from(candidate, profile)
    if eligible is not None and target < eligible:
        return (
            f"入党积极分子培养教育满{profile.activist_training_min_years}年后方可确定为"
            f"发展对象（最早{format_date(eligible)}）"
        )
    return None


def _not_full_members(ids: Iterable[str], members: Mapping[str, Member], day: dt.date) -> list[str]:
    out = []
    for member_id in ids:
        member = members.get(member_id)
        if member is None or not member_on(member, day) or not full_on(member, day):
            out.append(member.name if member else "（已删除的党员）")
    return out


def contacts_problem(ids: list[str], members: Mapping[str, Member], day: dt.date) -> str | None:
    """NAT-3: an activist has 1 or 2 培养联系人, who are 正式党员 of the branch."""
    if not 1 <= len(ids) <= 2:
        return f"培养联系人应为1至2名正式党员（现为{len(ids)}名）"
    if len(set(ids)) != len(ids):
        return "培养联系人重复"
    wrong = _not_full_members(ids, members, day)
    if wrong:
        return f"{'、'.join(wrong)}当时不是本支部正式党员，不能担任培养联系人"
    return None


def introducers_problem(ids: list[str], members: Mapping[str, Member], day: dt.date) -> str | None:
    """NAT-3: a 发展对象 has 2 入党介绍人, who are 正式党员 of the branch."""
    if len(ids) != 2 or len(set(ids)) != 2:
        return f"入党介绍人应为2名正式党员（现为{len(set(ids))}名）"
    wrong = _not_full_members(ids, members, day)
    if wrong:
        return f"{'、'.join(wrong)}当时不是本支部正式党员，不能担任入党介绍人"
    return None


def training_short(candidate: Candidate, profile: Profile) -> str | None:
    """NAT-3: concentrated training of ≥3 days or ≥24 class hours before the branch meeting."""
    if training_done(candidate, profile):
        return None
    return (
        f"集中培训不足{profile.target_training_min_days}天或{profile.target_training_min_hours}"
        f"学时（已有{training_days(candidate)}天、{training_hours(candidate):g}学时）"
    )


def vote_unready(candidate: Candidate, voted: dt.date, profile: Profile) -> list[str]:
    """NAT-3, DEV-3: what must be on file, dated no later, before the 支部党员大会 votes on
    receiving a 发展对象: the upper committee's pre-review (预审), the publicity (公示), the
    political review, 2 入党介绍人 and enough concentrated training."""
    out = []
    for code, what in (
        ("pre_review", "支部大会讨论前未经上级党委预审"),
        ("publicity", "支部大会讨论前未进行公示"),
        ("political_review", "支部大会讨论前未完成政治审查"),
    ):
        day = candidate.date_of(code)
        if day is None or day > voted:
            out.append(what)
    if len(set(candidate.introducer_ids)) != 2:
        out.append("入党介绍人不是2名")
    short = training_short(candidate, profile)
    if short:
        out.append(short)
    return out


def vote_verdict(
    candidate: Candidate, members: Iterable[Member], day: dt.date, vote: CandidateVote
) -> tuple[bool, str]:
    """NAT-1: whether the 票决 at the 支部党员大会 on ``day`` is valid and passed, and why:
    more than half of the members with a vote present, yes-votes above half of them."""
    entitled = len(voters_on(members, day))
    if vote.present > entitled:
        return False, f"实到{vote.present}人超过应到会有表决权的正式党员{entitled}人（按名册）"
    motion = Vote(motion=f"{candidate.name}", yes=vote.yes, no=vote.no, abstain=vote.abstain)
    result = vote_result(entitled, vote.present, [motion])
    head = f"应到{entitled}人，实到{vote.present}人"
    if not result.quorate:
        return False, f"{head}，未超过半数，表决无效（NAT-1）"
    if result.problems:
        return False, f"{head}；赞成、反对、弃权合计超过实到人数，表决无效（NAT-1）"
    if not result.passed[0][1]:
        return False, f"{head}，赞成{vote.yes}票未超过应到会正式党员半数，未通过（NAT-1）"
    return True, f"{head}，赞成{vote.yes}票，通过（NAT-1）"


def approval_timing(voted: dt.date | None, approved: dt.date, profile: Profile) -> tuple[str, str]:
    """NAT-3: the upper committee approves within 3 months of the branch meeting, at most 6.

    ``("error", …)`` past 6 months, ``("warning", …)`` past 3, ``("", "")`` in time.
    """
    if voted is None:
        return "", ""
    longest = add_months(voted, profile.approval_max_months)
    if approved > longest:
        return "error", (
            f"支部大会（{format_date(voted)}）后超过{profile.approval_max_months}个月"
            f"（{format_date(longest)}后）不能再审批"
        )
    limit = add_months(voted, profile.approval_months)
    if approved > limit:
        return "warning", (
            f"支部大会后超过{profile.approval_months}个月审批（应在{format_date(limit)}前，"
            f"特殊情况最长{profile.approval_max_months}个月）"
        )
    return "", ""


def conversion_timing(candidate: Candidate, voted: dt.date, profile: Profile) -> tuple[str, str]:
    """NAT-3: the branch meeting discusses conversion when probation has ended (1 year from
    the meeting that received the person, plus an extension), and promptly."""
    end = probation_end(candidate, profile)
    if end is None:
        return "", ""
    if voted < end:
        return "error", f"预备期至{format_date(end)}期满，期满前不能讨论转正"
    if voted > end:
        return "warning", f"预备期已于{format_date(end)}期满，晚{(voted - end).days}天讨论转正"
    return "", ""


def extension_problem(
    candidate: Candidate, months: int | None, day: dt.date, profile: Profile
) -> str | None:
    """NAT-3: probation may be extended once, by 6 to 12 months, when it ends."""
    low, high = profile.probation_extension_min_months, profile.probation_extension_max_months
    if sum(1 for e in candidate.events if e.step == "probation_extended") >= 1:
        return "预备期只能延长一次"
    if months is None or not low <= months <= high:
        return f"延长预备期应为{low}至{high}个月"
    end = probation_end(candidate, profile)
    if end is not None and day < end:
        return f"延长预备期由预备期满（{format_date(end)}）时的支部大会决定"
    return None


def breaches(candidate: Candidate, on: dt.date, profile: Profile) -> list[str]:
    """What in the candidate's file breaks the rules of NAT-3, in Chinese (empty when none)."""
    out: list[str] = []
    target = candidate.date_of("target")
    voted = candidate.date_of("branch_vote")
    if target and target_too_early(candidate, target, profile):
        years = profile.activist_training_min_years
        out.append(f"积极分子培养期不足{years}年即确定为发展对象")
    if len(candidate.contact_ids) > 2:
        out.append("培养联系人超过2名")
    if voted:
        out += vote_unready(candidate, voted, profile)
        level, _ = approval_timing(voted, candidate.date_of("approved") or on, profile)
        if level == "error":
            months = profile.approval_max_months
            out.append(f"支部大会通过后超过{months}个月未获上级党委审批")
    extensions = [e for e in candidate.events if e.step == "probation_extended"]
    if len(extensions) > 1:
        out.append("预备期延长超过一次")
    low, high = profile.probation_extension_min_months, profile.probation_extension_max_months
    if any(e.months is not None and not low <= e.months <= high for e in extensions):
        out.append(f"延长预备期不在{low}至{high}个月之间")
    converted = [e.date for e in candidate.events if e.step == "conversion_vote"]
    end = probation_end(candidate, profile)
    if converted and end and candidate.date_of("converted") and max(converted) < end:
        out.append("预备期未满即讨论转正")
    return out
