"""Record checks for every type but Member: required text, dates, order of dates, amounts, enums.

The ledger, plan and office records' checks are in validation_ledgers.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from branchtui.domain import records as r
from branchtui.domain.profile import PROFILES
from branchtui.domain.records.branch import BRANCH_KINDS, SEAT_ROLES
from branchtui.domain.records.care import TALK_KINDS, TALK_TRIGGERS
from branchtui.domain.records.development import CANDIDATE_STEPS
from branchtui.domain.records.education import ACTIVITY_KINDS, DISCIPLINE_STEPS
from branchtui.domain.records.people import DUES_CATEGORIES, GENDERS
from branchtui.domain.records.relations import (
    FLOW_DIRECTIONS,
    MEMBERSHIP_DECISIONS,
    TRANSFER_DIRECTIONS,
    TRANSFER_INSTRUMENTS,
)
from branchtui.domain.validation_fields import (
    Checker,
    check_choice,
    check_id_number,
    check_month,
    check_name,
    check_past_date,
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
    c.text("name", "支部名称", 100)
    c.choice("kind", "组织类型", BRANCH_KINDS)
    c.choice("profile", "规则配置", {k: p.label for k, p in PROFILES.items()})
    c.amount("non_party_staff", "非党员职工人数")
    c.past("created", "成立时间")


def _group(c: Checker) -> None:
    c.text("name", "党小组名称", 50)
    c.past("created", "成立时间")
    c.date("dissolved", "撤销时间")
    c.order("created", "dissolved", "成立时间", "撤销时间")


def _term(c: Checker) -> None:
    number = c.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 100:
        c.add("number", "届次应为1到100的整数")
    c.past("start", "任期开始时间", required=True)
    c.date("extension_until", "延期至")
    c.order("start", "extension_until", "任期开始时间", "延期至")
    c.past("extension_approved", "上级批准延期时间")


def _seat(c: Checker) -> None:
    c.ref("term_id", "任期")
    c.choice("role", "职务", SEAT_ROLES)
    c.past("since", "任职时间")
    c.date("until", "离任时间")
    c.order("since", "until", "任职时间", "离任时间")


def _vacancy(c: Checker) -> None:
    c.choice("role", "空缺职务", SEAT_ROLES)
    c.past("since", "空缺起始时间", required=True)
    c.past("filled", "补齐时间")
    c.order("since", "filled", "空缺起始时间", "补齐时间")


def _transfer(c: Checker) -> None:
    c.text("person_name", "姓名", 40)
    c.choice("direction", "转接方向", TRANSFER_DIRECTIONS)
    c.choice("instrument", "转接方式", TRANSFER_INSTRUMENTS)
    c.past("date", "转接日期", required=True)
    c.amount("months_away", "外出时间（月）")


def _travel(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.text("destination", "前往国家（地区）", 100)
    c.date("depart", "出境时间", required=True)
    c.date("return_date", "回国（境）时间")
    c.order("depart", "return_date", "出境时间", "回国（境）时间")
    c.choice("decision", "党籍处理", MEMBERSHIP_DECISIONS, optional=True)
    c.past("approved", "审批时间")


def _flowing(c: Checker) -> None:
    c.text("person_name", "姓名", 40)
    c.choice("direction", "流动方向", FLOW_DIRECTIONS)
    c.past("start", "流动开始时间", required=True)
    c.date("end", "流动结束时间")
    c.order("start", "end", "流动开始时间", "流动结束时间")
    c.past("last_contact", "最近联系时间")


def _study(c: Checker) -> None:
    c.text("topic", "学习主题")
    c.past("date", "学习日期", required=True)
    c.amount("days", "学习天数", required=True, positive=True)
    days = c.get("days")
    if "days" not in c.errors and days > 31:
        c.add("days", "一次集中学习不应超过31天")


def _activity(c: Checker) -> None:
    c.text("title", "活动名称")
    c.choice("kind", "活动类型", ACTIVITY_KINDS)
    c.past("date", "活动日期", required=True)


def _dues_rate(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.add("year", check_year(c.get("year"), c.today))
    c.choice("category", "党费类别", DUES_CATEGORIES)
    c.amount("monthly_income", "月收入")
    c.amount("amount", "每月党费", required=True)


def _dues_payment(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.add("month", check_month(c.get("month"), "所属月份"))
    c.amount("amount", "交纳金额", required=True, positive=True)
    c.past("paid", "交纳日期", required=True)


def _certificate(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.text("number", "党员证编号", 40)
    c.past("issued", "发证日期")


def _discipline(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.text("reason", "处置原因", 2000)
    c.past("opened", "立案时间", required=True)
    c.past("closed", "结案时间")
    c.order("opened", "closed", "立案时间", "结案时间")
    opened = c.get("opened")
    for i, step in c.items("steps"):
        name, when = getattr(step, "step", None), getattr(step, "date", None)
        if not isinstance(name, str) or name not in DISCIPLINE_STEPS:
            c.add(f"steps.{i}.step", check_choice(name, "处置步骤", DISCIPLINE_STEPS))
        c.add(f"steps.{i}.date", check_past_date(when, c.today, "步骤日期"))
        if isinstance(when, dt.date) and isinstance(opened, dt.date) and when < opened:
            c.add(f"steps.{i}.date", "步骤日期不能早于立案时间")


def _lost_contact(c: Checker) -> None:
    c.ref("member_id", "党员")
    c.past("since", "失联起始时间", required=True)
    for name, label in (
        ("suspended", "停止党籍时间"),
        ("removed", "除名时间"),
        ("found", "恢复联系时间"),
    ):
        c.past(name, label)
        c.order("since", name, "失联起始时间", label)


def _candidate(c: Checker) -> None:
    c.add("name", check_name(c.get("name")))
    c.choice("gender", "性别", GENDERS, optional=True)
    c.past("birth_date", "出生日期")
    c.add("id_number", check_id_number(c.get("id_number"), c.today))
    c.add("phone", check_phone(c.get("phone")))
    id_consistency(c)
    c.amount("training_hours", "集中培训学时")
    for i, event in c.items("events"):
        step = getattr(event, "step", None)
        if not isinstance(step, str) or step not in CANDIDATE_STEPS:
            c.add(f"events.{i}.step", check_choice(step, "发展环节", CANDIDATE_STEPS))
        when = getattr(event, "date", None)
        c.add(
            f"events.{i}.date", check_past_date(when, c.today, "环节日期") if when else "请填写日期"
        )


def _talk(c: Checker) -> None:
    if not c.get("member_id") and check_required(c.get("person_name"), "谈话对象"):
        c.add("person_name", "请选择或填写谈话对象")
    c.past("date", "谈话日期", required=True)
    c.choice("kind", "谈话类型", TALK_KINDS)
    c.choice("trigger", "谈话起因", TALK_TRIGGERS)


def _hardship(c: Checker) -> None:
    c.ref("member_id", "帮扶对象")
    c.text("description", "困难情况", 2000)
    c.past("applied", "申请时间", required=True)
    for name, label in (("reported_up", "上报时间"), ("helped", "帮扶时间")):
        c.past(name, label)
        c.order("applied", name, "申请时间", label)
    c.amount("amount", "帮扶金额")


# Every record type but Member, with its check (Member's lives in validation.py).
RECORD_CHECKS: dict[type, Callable[[Checker], None]] = {
    r.Branch: _branch,
    r.PartyGroup: _group,
    r.Term: _term,
    r.CommitteeSeat: _seat,
    r.Vacancy: _vacancy,
    r.Meeting: meeting_check,
    r.Appraisal: appraisal_check,
    r.Transfer: _transfer,
    r.TravelAbroad: _travel,
    r.FlowingMember: _flowing,
    r.StudySession: _study,
    r.Activity: _activity,
    r.DuesRate: _dues_rate,
    r.DuesPayment: _dues_payment,
    r.CertificateCard: _certificate,
    r.DisciplineCase: _discipline,
    r.LostContact: _lost_contact,
    r.Candidate: _candidate,
    r.DevelopmentRegisterUpdate: lambda c: c.past("date", "更新日期", required=True),
    r.Talk: _talk,
    r.HardshipCase: _hardship,
    **LEDGER_CHECKS,
}
