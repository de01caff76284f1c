"""Record checks for every type but Member: required text, dates, order of dates, amounts, enums.

The ledger, plan and office records' checks are in validation_ledgers.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from branchtui.domain import records as r
from branchtui.domain.development_applicant import ApplicantDetails
from branchtui.domain.development_rules import applicant_too_young
from branchtui.domain.obligations.catalogue import RULE_IDS
from branchtui.domain.profile import PROFILES
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.domain.records.development import CANDIDATE_STEPS
from branchtui.domain.records.education import DISCIPLINE_STEPS
from branchtui.domain.records.people import GENDERS
from branchtui.domain.validation_fields import (
    Checker,
    check_amount,
    check_choice,
    check_id_number,
    check_month,
    check_name,
    check_past_date,
    check_people,
    check_phone,
    check_required,
    check_year,
    id_birth_date,
    id_gender,
)
from branchtui.domain.validation_ledgers import LEDGER_CHECKS
from branchtui.domain.validation_meetings import appraisal_check, meeting_check


def id_consistency(c: Checker) -> None:
    """The 身份证号 agrees with the birth date and gender entered beside it (Member, Candidate)."""
    number = c.get("id_number")
    if "id_number" in c.errors or not isinstance(number, str) or not number.strip():
        return
    number = number.strip().upper()
    birth, gender = c.get("birth_date"), c.get("gender")
    birth_ok = isinstance(birth, dt.date) and "birth_date" not in c.errors
    if birth_ok and id_birth_date(number) != birth:
        c.add("id_number", "身份证号中的出生日期与填写的出生日期不一致")
    shown = id_gender(number)
    if isinstance(gender, str) and gender in GENDERS and shown != gender:
        c.add("id_number", f"身份证号显示性别为{GENDERS[shown or 'male']}，与填写的性别不一致")


def _branch(c: Checker) -> None:
    c.text("name")
    c.choice("kind")
    c.choice("profile", "规则配置", {k: p.label for k, p in PROFILES.items()})
    c.amount("non_party_staff")
    c.past("created")


def _group(c: Checker) -> None:
    c.text("name")
    c.past("created")
    c.date("dissolved")
    c.order("created", "dissolved")


def _term(c: Checker) -> None:
    number = c.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 100:
        c.add("number", "届次应为1到100的整数")
    c.past("start", required=True)
    c.date("extension_until")
    c.order("start", "extension_until")
    c.past("extension_approved")


def _seat(c: Checker) -> None:
    c.ref("term_id")
    c.choice("role")
    c.past("since")
    c.date("until")
    c.order("since", "until")


def _vacancy(c: Checker) -> None:
    c.choice("role")
    c.past("since", required=True)
    c.past("filled")
    c.order("since", "filled")


def _election(c: Checker) -> None:
    c.choice("kind")
    c.past("date", required=True)
    c.past("plan_approved")
    approved, held = c.get("plan_approved"), c.get("date")
    if isinstance(approved, dt.date) and isinstance(held, dt.date) and approved > held:
        c.add("plan_approved", "上级批复时间不能晚于选举日期")
    seats = c.get("seats")
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= 15:
        c.add("seats", "应选人数应为1到15的整数")
    for name in (
        "voters_expected",
        "voters_present",
        "ballots_issued",
        "ballots_returned",
        "ballots_valid",
        "ballots_invalid",
    ):
        c.amount(name)
    c.choice("shortfall", optional=True)
    seen: set[str] = set()
    for i, candidate in c.items("candidates"):
        member_id = getattr(candidate, "member_id", None)
        if not isinstance(member_id, str) or not member_id:
            c.add(f"candidates.{i}.member_id", "请选择候选人")
        elif member_id in seen:
            c.add(f"candidates.{i}.member_id", "同一候选人不能重复列出")
        else:
            seen.add(member_id)
        c.add(f"candidates.{i}.votes", check_amount(getattr(candidate, "votes", None), "得票数"))
        role = getattr(candidate, "role", "")
        if role:
            c.add(f"candidates.{i}.role", check_choice(role, "分工", SEAT_ROLES))


def _someone(c: Checker, message: str) -> bool:
    """A member of the roster, or (someone not on it) a name: ``message`` at the name when
    neither is given (False then)."""
    if not c.get("member_id") and check_required(c.get("person_name"), "姓名"):
        c.add("person_name", message)
        return False
    return True


def _person(c: Checker, message: str) -> None:
    # Someone not on the roster: the name within the text limits too.
    if _someone(c, message) and not c.get("member_id"):
        c.text("person_name")


def _transfer(c: Checker) -> None:
    _person(c, "请选择党员或填写姓名")
    c.choice("direction")
    c.choice("instrument")
    c.past("date", required=True)
    c.amount("months_away")
    c.past("letter_sent")
    c.past("receipt_returned")
    c.order("letter_sent", "receipt_returned")


def _travel(c: Checker) -> None:
    c.ref("member_id")
    c.text("destination")
    c.date("depart", required=True)
    c.date("return_date")
    c.order("depart", "return_date")
    c.choice("decision", optional=True)
    c.past("approved")


def _restoration(c: Checker) -> None:
    # 恢复党籍: 本人申请 → 支部大会讨论 → 上级党委批准 → 恢复 (domain/restoration.py).
    c.ref("member_id")
    steps = ("applied", "meeting", "approved", "restored")
    for name in ("suspended", *steps):
        c.past(name, required=name != "suspended")
    for before, after in itertools.pairwise(steps):
        c.order(before, after)


def _records_gap(c: Checker) -> None:
    # 建档前无记录可补 (domain/obligations/records_gap.py): a duty of the catalogue, a 说明.
    c.text("rule")
    rule = c.get("rule")
    if isinstance(rule, str) and rule and rule not in RULE_IDS:
        c.add("rule", f"事项应为规则编号（如 EDU-3），没有 {rule}")
    c.text("period")
    c.text("note")
    c.past("marked", required=True)


def _flowing(c: Checker) -> None:
    _person(c, "请选择党员或填写姓名")
    c.choice("direction")
    c.past("start", required=True)
    c.date("end")
    c.order("start", "end")
    c.past("last_contact")
    c.past("reported_back")
    c.order("start", "reported_back")


def _study(c: Checker) -> None:
    c.text("topic")
    c.past("date", required=True)
    c.amount("days", required=True, positive=True)
    days = c.get("days")
    if "days" not in c.errors and days > 31:
        c.add("days", "一次集中学习不应超过31天")


def _activity(c: Checker) -> None:
    c.text("title")
    c.choice("kind")
    c.past("date", required=True)


def _dues_rate(c: Checker) -> None:
    c.ref("member_id")
    c.add("year", check_year(c.get("year"), c.today))
    c.choice("category")
    c.amount("monthly_income")
    c.amount("amount", required=True)


def _dues_payment(c: Checker) -> None:
    c.ref("member_id")
    c.add("month", check_month(c.get("month"), "所属月份"))
    c.amount("amount", required=True, positive=True)
    c.past("paid", required=True)


def _certificate(c: Checker) -> None:
    c.ref("member_id")
    c.text("number")
    c.past("issued")


def _discipline(c: Checker) -> None:
    c.ref("member_id")
    c.text("reason")
    c.past("opened", required=True)
    c.past("closed")
    c.order("opened", "closed")
    opened = c.get("opened")
    for i, step in c.items("steps"):
        name, when = getattr(step, "step", None), getattr(step, "date", None)
        if not isinstance(name, str) or name not in DISCIPLINE_STEPS:
            c.add(f"steps.{i}.step", check_choice(name, "处置步骤", DISCIPLINE_STEPS))
        c.add(f"steps.{i}.date", check_past_date(when, c.today, "步骤日期"))
        if isinstance(when, dt.date) and isinstance(opened, dt.date) and when < opened:
            c.add(f"steps.{i}.date", "步骤日期不能早于立案时间")


def _case_step(c: Checker) -> None:
    """One step of a discipline case, entered on its own (the case checks the order)."""
    c.choice("step")
    c.past("date", required=True)


def _lost_contact(c: Checker) -> None:
    c.ref("member_id")
    c.past("since", required=True)
    for name, label in (
        ("suspended", "停止党籍时间"),
        ("removed", "除名时间"),
        ("found", "恢复联系时间"),
    ):
        c.past(name, label)
        c.order("since", name, "失联起始时间", label)


def _work_assignment(c: Checker) -> None:
    """党员分配工作: a good reason names its start; its range and the dates keep their order."""
    c.ref("member_id")
    c.past("assigned", required=True)
    c.choice("form")
    c.text("content")
    c.date("due")
    c.order("assigned", "due")
    c.past("completed")
    c.order("assigned", "completed")
    excuse = c.get("excuse")
    if c.get("excused_from") is not None or c.get("excused_until") is not None:
        c.text("excuse")  # a date range needs its reason
    c.date("excused_from", required=isinstance(excuse, str) and bool(excuse.strip()))
    c.date("excused_until")
    c.order("excused_from", "excused_until")


def _developed(c: Checker) -> None:
    """A person in development: name, gender, birth date, 身份证号 and phone."""
    c.add("name", check_name(c.get("name")))
    c.choice("gender", optional=True)
    c.past("birth_date")
    c.add("id_number", check_id_number(c.get("id_number"), c.today))
    c.add("phone", check_phone(c.get("phone")))
    id_consistency(c)


def _applicant(c: Checker) -> None:
    """The applicant form: the person, and 申请日期 — given, past, and the applicant 18 or
    more on that day (党章 §1, DEV-3; where NAT-3's month for the talk starts)."""
    _developed(c)
    c.past("applied", required=True)
    birth, applied = c.get("birth_date"), c.get("applied")
    if isinstance(applied, dt.date) and (birth is None or isinstance(birth, dt.date)):
        c.add("applied", applicant_too_young(birth, applied))


def _candidate(c: Checker) -> None:
    _developed(c)
    c.amount("training_hours")
    for i, event in c.items("events"):
        step = getattr(event, "step", None)
        if not isinstance(step, str) or step not in CANDIDATE_STEPS:
            c.add(f"events.{i}.step", check_choice(step, "发展环节", CANDIDATE_STEPS))
        when = getattr(event, "date", None)
        c.add(
            f"events.{i}.date", check_past_date(when, c.today, "环节日期") if when else "请填写日期"
        )
        until = getattr(event, "until", None)
        if when and until and until < when:
            c.add(f"events.{i}.until", "结束日期不能早于环节日期")
        c.add(f"events.{i}.people", check_people(getattr(event, "people", ""), "相关人员"))
        vote = getattr(event, "vote", None)
        if vote is not None and vote.yes + vote.no + vote.abstain > vote.present:
            c.add(f"events.{i}.vote", "赞成、反对、弃权票合计超过实到人数")


def _talk(c: Checker) -> None:
    _someone(c, "请选择或填写谈话对象")
    c.past("date", required=True)
    c.choice("kind")
    c.choice("trigger")


def _fluctuation(c: Checker) -> None:
    c.ref("member_id")
    c.text("description")
    c.past("noticed", required=True)
    c.past("closed")
    c.order("noticed", "closed")
    if c.get("closed") is not None and not str(c.get("resolution") or "").strip():
        c.add("resolution", "已填写化解日期，请填写化解情况")


def _hardship(c: Checker) -> None:
    c.ref("member_id")
    c.text("description")
    c.past("applied", required=True)
    for name, label in (("reported_up", "上报时间"), ("helped", "帮扶时间")):
        c.past(name, label)
        c.order("applied", name, "申请时间", label)
    c.amount("amount")


# Every record type but Member, with its check (Member's lives in validation.py).
RECORD_CHECKS: dict[type, Callable[[Checker], None]] = {
    r.Branch: _branch,
    r.PartyGroup: _group,
    r.Term: _term,
    r.CommitteeSeat: _seat,
    r.Vacancy: _vacancy,
    r.Election: _election,
    r.Meeting: meeting_check,
    r.Appraisal: appraisal_check,
    r.Transfer: _transfer,
    r.TravelAbroad: _travel,
    r.FlowingMember: _flowing,
    r.MembershipRestoration: _restoration,
    r.RecordsGap: _records_gap,
    r.StudySession: _study,
    r.Activity: _activity,
    r.DuesRate: _dues_rate,
    r.DuesPayment: _dues_payment,
    r.CertificateCard: _certificate,
    ApplicantDetails: _applicant,
    r.DisciplineCase: _discipline,
    r.CaseStep: _case_step,
    r.LostContact: _lost_contact,
    r.WorkAssignment: _work_assignment,
    r.Candidate: _candidate,
    r.DevelopmentRegisterUpdate: lambda c: c.past("date", "更新日期", required=True),
    r.Talk: _talk,
    r.Fluctuation: _fluctuation,
    r.HardshipCase: _hardship,
    **LEDGER_CHECKS,
}
