"""转入本支部日期 (``arrived``): a member is judged from max(arrived, joined), never before.

The issue's case: a member added today, who joined the party years ago, was told
"连续24个月未交党费…自行脱党". With ``arrived`` set (the member form's default for a new
member is today), no per-member rule looks at the months before.
"""

from __future__ import annotations

import datetime as dt

from branchtui.domain.appraisal import appraisal_gaps
from branchtui.domain.attendance import absence_streak, attendance_rates, member_on
from branchtui.domain.dues import arrears, dues_start
from branchtui.domain.obligations import obligations_on
from branchtui.domain.records import (
    Appraisal,
    AppraisalResult,
    Member,
    TravelAbroad,
)
from branchtui.domain.roster import is_active_on

from .conftest import D, add, add_meeting, add_member, add_members, judge, one

ON = D(2026, 11, 27)


def _newcomer(data, **fields) -> Member:
    return add_member(data, "新来的", joined=D(2005, 7, 1), arrived=ON, **fields)


def test_the_member_is_counted_from_the_later_of_joining_and_arriving() -> None:
    assert Member(name="甲乙", joined=D(2005, 7, 1), arrived=D(2026, 3, 2)).counted_from == D(
        2026, 3, 2
    )
    assert Member(name="甲乙", joined=D(2026, 5, 1), arrived=D(2026, 3, 2)).counted_from == D(
        2026, 5, 1
    )
    assert Member(name="甲乙", joined=D(2005, 7, 1)).counted_from == D(2005, 7, 1)
    assert Member(name="甲乙").counted_from is None


def test_a_member_added_today_owes_no_dues_and_is_no_lapse(data) -> None:
    old_hand = add_member(data, "老党员", joined=D(2005, 7, 1))
    newcomer = _newcomer(data)
    assert dues_start(newcomer, data) == D(2026, 11, 1)
    owed = arrears(data, ON)
    assert newcomer.id not in owed and old_hand.id in owed  # the old hand never paid
    lapse = judge("NAT-5", data, ON)
    assert all(newcomer.id not in ob.people for ob in lapse)
    assert any(old_hand.id in ob.people for ob in lapse)
    texts = [ob.detail for ob in obligations_on(data, ON) if newcomer.id in ob.people]
    assert not any("未交党费" in t or "自行脱党" in t or "欠交" in t for t in texts), texts


def test_without_arrived_the_old_rule_still_counts_from_the_branch_records(data) -> None:
    # A roster entry from before this field: judged as before (from joining / the records).
    legacy = add_member(data, "老名册", joined=D(2005, 7, 1))
    assert dues_start(legacy, data) == D(2024, 1, 1)


def test_meetings_before_arriving_are_not_expected_of_the_member(data) -> None:
    others = add_members(data, 3)
    newcomer = add_member(data, "新来的", joined=D(2005, 7, 1), arrived=D(2026, 10, 15))
    for month in (7, 8, 9, 10, 11):
        add_meeting(data, "theme_day", D(2026, month, 3), attendees=others)
    assert not member_on(newcomer, D(2026, 10, 3)) and member_on(newcomer, D(2026, 11, 3))
    assert not is_active_on(newcomer, D(2026, 10, 14)) and is_active_on(newcomer, ON)
    rate = attendance_rates([newcomer], data.meetings, D(2026, 1, 1), ON)[newcomer.id]
    assert rate.expected == 1  # November only, not the four months before arriving
    assert absence_streak(newcomer, data, ON) == 1
    edu7 = one(judge("EDU-7", data, ON))
    assert newcomer.id not in edu7.people


def test_appraisal_covers_only_members_here_on_its_day(data) -> None:
    here = add_member(data, "在册的")
    later = add_member(data, "后来的", joined=D(2005, 7, 1), arrived=D(2026, 2, 1))
    appraisal = add(
        data,
        Appraisal(
            year=2025,
            steps={"organization_review": D(2026, 1, 20)},
            results=[AppraisalResult(member_id=here.id, grade="qualified")],
        ),
    )
    gaps = appraisal_gaps(appraisal, data.members)
    assert later not in gaps.missing and gaps.missing == ()


def test_a_leader_is_not_judged_for_years_before_arriving(data) -> None:
    add_member(data, "书记甲")
    leader = add_member(data, "新领导", is_leader=True, arrived=D(2026, 9, 1))
    last_year = [ob for ob in judge("LIFE-4", data, ON) if ob.period == "2025" and ob.people]
    assert all(leader.id not in ob.people for ob in last_year)
    this_year = [ob for ob in judge("LIFE-4", data, ON) if ob.period == "2026"]
    assert any(leader.id in ob.people for ob in this_year)  # this year's lecture is still due


def test_events_before_arriving_need_no_talk_here(data) -> None:
    member = add_member(data, "出过国", arrived=D(2026, 6, 1))
    add(data, TravelAbroad(member_id=member.id, destination="新加坡", depart=D(2026, 3, 1)))
    obs = judge("CARE-1", data, ON)
    assert all(member.id not in ob.people for ob in obs)
    add(data, TravelAbroad(member_id=member.id, destination="日本", depart=D(2026, 8, 1)))
    assert any(member.id in ob.people for ob in judge("CARE-1", data, ON))


def test_is_active_uses_the_arrival_date_for_counts() -> None:
    member = Member(name="甲乙", joined=D(2001, 7, 1), arrived=D(2026, 11, 27))
    assert not is_active_on(member, dt.date(2026, 11, 26))
    assert is_active_on(member, dt.date(2026, 11, 27))
