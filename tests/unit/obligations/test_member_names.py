"""Members with the same name are told apart wherever a name is shown, by one function
(domain.member_names.display_names): 张伟（1985年生） and 张伟（1990年生） in the minutes' 签到,
the monthly report's 尚未交, the duties; only when names collide, and never by 身份证号 or
phone. Saving a second 张伟 is warned, not refused."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.ledger_volume import ledger_volume
from branchtui.domain.meetings.minutes import minutes_context
from branchtui.domain.member_names import display_names, namesake_warning
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    Attendance,
    CommitteeSeat,
    Lecture,
    Meeting,
    Member,
    Term,
)
from branchtui.domain.report_monthly import monthly_report_context

from .conftest import D, add, add_member, judge

ON = D(2026, 11, 27)
PROFILE = get_profile("plan-2017")


def two_zhang_wei(data) -> tuple[Member, Member]:
    older = add_member(
        data,
        "张伟",
        gender="male",
        birth_date=D(1985, 3, 1),
        id_number="350203198503010011",
        phone="13800000001",
    )
    younger = add_member(data, "张伟", gender="female", birth_date=D(1990, 6, 1))
    return older, younger


def test_names_get_a_mark_only_when_they_collide(data) -> None:
    older, younger = two_zhang_wei(data)
    other = add_member(data, "李四")
    shown = display_names(data.members)
    assert shown == {older.id: "张伟（1985年生）", younger.id: "张伟（1990年生）", other.id: "李四"}
    assert not any(
        "350203" in name or "1380000" in name for name in shown.values()
    )  # never 身份证号 or phone


def test_the_mark_falls_back_to_gender_and_year_then_more() -> None:
    def member(gender: str, born: dt.date | None, joined: dt.date | None = None) -> Member:
        return Member(name="王芳", gender=gender, birth_date=born, joined=joined)  # type: ignore[arg-type]

    same_year = [member("male", D(1985, 1, 1)), member("female", D(1985, 5, 1))]
    assert list(display_names(same_year).values()) == ["王芳（男）", "王芳（女）"]
    three = [*same_year, member("male", D(1990, 1, 1))]
    assert list(display_names(three).values()) == [
        "王芳（男，1985年生）",
        "王芳（女，1985年生）",
        "王芳（男，1990年生）",
    ]
    twins = [
        member("male", D(1985, 1, 1), D(2005, 1, 1)),
        member("male", D(1985, 1, 2), D(2008, 1, 1)),
    ]
    assert list(display_names(twins).values()) == ["王芳（2005年入党）", "王芳（2008年入党）"]
    unknown = [member("", None), member("", None)]
    assert list(display_names(unknown).values()) == ["王芳（1）", "王芳（2）"]


def test_saving_a_namesake_is_warned_with_how_they_will_be_told_apart(data) -> None:
    older = add_member(data, "张伟", gender="male", birth_date=D(1985, 3, 1))
    new = Member(name="张伟", gender="female", birth_date=D(1990, 6, 1))
    assert namesake_warning(new, data.members) == (
        "已有同名党员张伟（1985年生）；列表、会议记录和报告中将显示为张伟（1990年生）"
    )
    assert namesake_warning(older, data.members) == ""  # itself is no namesake
    assert namesake_warning(Member(name="李四"), data.members) == ""


def test_minutes_sign_in_and_lecturer_tell_them_apart(data) -> None:
    older, younger = two_zhang_wei(data)
    meeting = add(
        data,
        Meeting(
            kinds=["party_lecture"],
            date=D(2026, 11, 3),
            topic="党课",
            attendance=[
                Attendance(member_id=older.id),
                Attendance(member_id=younger.id, status="on_leave", reason="出差"),
            ],
            lecture=Lecture(lecturer_id=younger.id, title="党课"),
        ),
    )
    context = minutes_context(meeting, data, PROFILE)
    assert context["attendance"]["present"] == ["张伟（1985年生）"]
    assert context["attendance"]["on_leave"] == [{"name": "张伟（1990年生）", "reason": "出差"}]
    assert context["lecture"]["lecturer"] == "张伟（1990年生）"


def test_life_4_names_the_secretary_so_a_namesakes_lecture_is_seen_not_to_count(data) -> None:
    older, younger = two_zhang_wei(data)
    term = add(data, Term(start=D(2025, 1, 1)))
    add(
        data, CommitteeSeat(term_id=term.id, role="secretary", member_id=older.id, since=term.start)
    )
    add(
        data,
        Meeting(
            kinds=["party_lecture"],
            date=D(2026, 11, 3),
            topic="党课",
            lecture=Lecture(lecturer_id=younger.id, title="党课"),
        ),
    )
    secretary = [o for o in judge("LIFE-4", data, ON) if "2026年书记" in o.detail]
    assert [o.detail for o in secretary] == ["2026年书记张伟（1985年生）讲党课：尚未讲"]


def test_monthly_report_names_who_has_not_paid_apart(data) -> None:
    two_zhang_wei(data)
    dues = monthly_report_context(data, "2026-11", PROFILE, ON)["dues"]
    assert dues["unpaid"] == ["张伟（1985年生）", "张伟（1990年生）"]
    edu_4 = [o for o in judge("EDU-4", data, D(2026, 12, 5)) if o.status == "due"]
    assert "张伟（1985年生）欠交" in edu_4[0].detail and "张伟（1990年生）欠交" in edu_4[0].detail


def test_the_ledgers_roster_volume_tells_them_apart(data) -> None:
    """台账 之02：党员名册 names each member as the lists do, never by 身份证号 or phone."""
    two_zhang_wei(data)
    (roster,) = ledger_volume(data, 2026, "roster", ON)["tables"]
    names = [row[0] for row in roster["rows"]]
    assert "张伟（1985年生）" in names and "张伟（1990年生）" in names
    assert "张伟" not in names
    assert not any("350203198503010011" in cell for row in roster["rows"] for cell in row)
