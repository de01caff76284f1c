"""Validating every record type: a correct example passes, a typical mistake is named."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from branchtui.domain import records as r
from branchtui.domain.records import RECORD_TYPES, Record
from branchtui.domain.validation import validate, validate_dict, warnings

D = dt.date
DAY = D(2026, 11, 1)

# One correct record of every type, and the same record with a typical mistake.
EXAMPLES: list[tuple[Record, dict[str, object], str, str]] = [
    (r.Member(name="张三"), {"name": "张"}, "name", "姓名应为2到20个字"),
    (r.PartyGroup(name="第一党小组"), {"name": ""}, "name", "请填写党小组名称"),
    (r.Term(start=DAY), {"number": 0}, "number", "届次应为1到100的整数"),
    (
        r.CommitteeSeat(term_id="t1", role="secretary"),
        {"role": "boss"},
        "role",
        "职务应为：书记、副书记、组织委员、宣传委员、纪检委员、委员",
    ),
    (
        r.Vacancy(role="secretary", since=DAY),
        {"filled": D(2026, 10, 1)},
        "filled",
        "补齐时间不能早于空缺起始时间",
    ),
    (
        r.Election(
            date=DAY,
            plan_approved=D(2026, 10, 20),
            seats=3,
            candidates=[r.ElectionCandidate(member_id="m1", votes=7, elected=True)],
        ),
        {"plan_approved": D(2026, 11, 5)},
        "plan_approved",
        "上级批复时间不能晚于选举日期",
    ),
    (
        r.Meeting(kinds=["theme_day"], date=DAY, start="14:00", end="16:30"),
        {"end": "13:00"},
        "end",
        "结束时间应晚于开始时间",
    ),
    (r.Appraisal(year=2026), {"year": 1900}, "year", "年度应在1921年到2027年之间"),
    (
        r.Transfer(person_name="李四", direction="in", instrument="relation_transfer", date=DAY),
        {"instrument": "letter"},
        "instrument",
        "转接方式应为：转组织关系、党员证明信、流动党员活动证、无需开具",
    ),
    (
        r.TravelAbroad(member_id="m1", destination="新加坡", depart=D(2027, 1, 5)),
        {"return_date": D(2027, 1, 1)},
        "return_date",
        "回国（境）时间不能早于出境时间",
    ),
    (
        r.MembershipRestoration(
            member_id="m1",
            applied=D(2026, 9, 1),
            meeting=D(2026, 9, 10),
            approved=D(2026, 10, 8),
            restored=D(2026, 10, 8),
        ),
        {"approved": D(2026, 9, 5)},
        "approved",
        "党委批准时间不能早于大会讨论时间",
    ),
    (
        r.FlowingMember(person_name="王五", direction="outflow", start=DAY),
        {"last_contact": D(2027, 1, 1)},
        "last_contact",
        "最近联系时间不能晚于今天",
    ),
    (r.StudySession(date=DAY, topic="学习党章", days=0.5), {"days": 0}, "days", "学习天数应大于0"),
    (
        r.Activity(date=DAY, title="社区志愿服务", kind="volunteer"),
        {"kind": "party"},
        "kind",
        "活动类型应为：党员责任区、党员示范岗、志愿服务、在职党员到社区报到、结对帮扶、纪念活动、其他",
    ),
    (
        r.DuesRate(member_id="m1", year=2026, amount=Decimal("45.00")),
        {"amount": Decimal("-1")},
        "amount",
        "每月党费不能为负数",
    ),
    (
        r.DuesPayment(member_id="m1", month="2026-11", amount=Decimal("45.00"), paid=DAY),
        {"month": "2026-13"},
        "month",
        "所属月份应为“2026-11”的格式",
    ),
    (
        r.CertificateCard(member_id="m1", number="35020001"),
        {"number": " "},
        "number",
        "请填写党员证编号",
    ),
    (
        r.DisciplineCase(
            member_id="m1",
            opened=DAY,
            reason="长期不参加组织生活",
            steps=[r.CaseStep(step="talk", date=DAY)],
        ),
        {"steps": [r.CaseStep(step="talk", date=D(2026, 10, 1))]},
        "steps.0.date",
        "步骤日期不能早于立案时间",
    ),
    (
        r.LostContact(member_id="m1", since=D(2026, 1, 1)),
        {"found": D(2025, 12, 1)},
        "found",
        "恢复联系时间不能早于失联起始时间",
    ),
    (
        r.WorkAssignment(
            member_id="m1",
            assigned=D(2026, 3, 1),
            content="负责三号楼党员责任区",
            due=D(2026, 6, 30),
            excuse="因病住院",
            excused_from=D(2026, 5, 1),
            excused_until=D(2026, 7, 31),
        ),
        {"excused_until": D(2026, 4, 1)},
        "excused_until",
        "理由截止日期不能早于理由起始日期",
    ),
    (
        r.Candidate(name="赵六", events=[r.CandidateEvent(step="applied", date=DAY)]),
        {"events": [r.CandidateEvent(step="asked", date=DAY)]},
        "events.0.step",
        "",
    ),
    (
        r.DevelopmentRegisterUpdate(date=DAY),
        {"date": D(2027, 1, 1)},
        "date",
        "更新日期不能晚于今天",
    ),
    (r.Talk(member_id="m1", date=DAY), {"member_id": None}, "person_name", "请选择或填写谈话对象"),
    (
        r.Fluctuation(member_id="m1", noticed=DAY, description="工作调整后情绪低落"),
        {"closed": D(2026, 11, 20)},
        "resolution",
        "已填写化解日期，请填写化解情况",
    ),
    (
        r.Fluctuation(member_id="m1", noticed=DAY, description="工作调整后情绪低落"),
        {"closed": D(2026, 10, 1), "resolution": "谈话后情绪好转"},
        "closed",
        "化解日期不能早于发现日期",
    ),
    (
        r.HardshipCase(member_id="m1", applied=DAY, description="家属重病", amount=Decimal("2000")),
        {"amount": Decimal("NaN")},
        "amount",
        "帮扶金额应为数字",
    ),
    (r.Announcement(date=DAY, title="发展党员公示"), {"title": ""}, "title", "请填写公开事项"),
    (r.SystemDoc(kind="study", title="党员学习培训制度"), {"kind": "misc"}, "kind", ""),
    (
        r.WorkPlan(year=2026, items=[r.PlanItem(content="开展主题党日")]),
        {"items": [r.PlanItem(content="")]},
        "items.0.content",
        "请填写工作内容",
    ),
    (r.LedgerEntry(date=DAY, title="11月主题党日"), {"category": "misc"}, "category", ""),
    (r.Attachment(file_name="a1b2.jpg", size=2048), {"size": -5}, "size", "文件大小不能为负数"),
    (r.Venue(name="党员活动室"), {"name": ""}, "name", "请填写场所名称"),
    (
        r.FundEntry(date=DAY, amount=Decimal("300"), purpose="activity"),
        {"purpose": "banquet"},
        "purpose",
        "支出用途应为：支部活动、党员教育培训、奖励、慰问、其他",
    ),
    (r.Inspection(date=DAY), {"date": D(2027, 1, 1)}, "date", "检查日期不能晚于今天"),
    (
        r.MonthlyReport(month="2026-10", generated=D(2026, 11, 10), sent=D(2026, 11, 12)),
        {"sent": D(2026, 11, 9)},
        "sent",
        "报送时间不能早于生成时间",
    ),
    (
        r.YearAssessment(year=2026, scores={"ORG": 95.0}),
        {"scores": {"ORG": 120.0}},
        "scores.ORG",
        "得分应在0到100之间",
    ),
    (
        r.RecordsGap(rule="EDU-3", period="2026", note="前任书记未留存记录", marked=DAY),
        {"rule": "EDU-99"},
        "rule",
        "事项应为规则编号（如 EDU-3），没有 EDU-99",
    ),
    (
        r.PracticeNote(date=DAY, title="“党员+”志愿服务"),
        {"reported": D(2026, 10, 1)},
        "reported",
        "报送时间不能早于日期",
    ),
]


def test_every_record_type_has_an_example() -> None:
    assert {type(example) for example, *_ in EXAMPLES} == set(RECORD_TYPES)


@pytest.mark.parametrize(
    ("record", "changes", "field", "message"), EXAMPLES, ids=lambda v: getattr(v, "LABEL", None)
)
def test_correct_record_passes_and_mistake_is_named(
    record: Record, changes: dict[str, object], field: str, message: str, today: dt.date
) -> None:
    assert validate(record, today) == {}
    record = copy.deepcopy(record)
    for name, value in changes.items():
        setattr(record, name, value)
    errors = validate(record, today)
    assert field in errors, errors
    if message:
        assert errors[field] == message


def test_meeting_attendance_and_votes(today: dt.date) -> None:
    meeting = r.Meeting(
        kinds=["general_meeting", "party_lecture"],
        date=DAY,
        attendance=[
            r.Attendance(member_id="m1"),
            r.Attendance(member_id="m2", status="on_leave"),
            r.Attendance(member_id="m1", status="absent"),
        ],
        votes=[r.Vote(motion="接收赵六为预备党员", yes=-1)],
        theme_day=r.ThemeDay(content_types=["唱歌"]),
    )
    errors = validate(meeting, today)
    assert errors["attendance.1.reason"] == "请填写请假事由"
    assert errors["attendance.2.member_id"] == "同一人在出席名单中出现两次"
    assert errors["votes.0.yes"] == "赞成票应为不小于0的整数"
    assert errors["theme_day.content_types"].startswith("主题党日内容应为：政治学习")
    assert validate(r.Meeting(kinds=[], date=DAY), today) == {"kinds": "请选择会议类型"}


def test_branch_and_term_warning(today: dt.date) -> None:
    assert validate(r.Branch(name="第一党支部"), today) == {}
    assert (
        validate(r.Branch(name="第一党支部", kind="committee"), today)["kind"]
        == "组织类型应为：党支部、党总支"
    )
    pending = r.Term(start=D(2024, 3, 15), extension_until=D(2026, 9, 30))
    assert validate(pending, today) == {}
    assert warnings(pending, today) == {
        "extension_approved": "延期换届须经上级党组织批准，请填写批准时间"
    }


def test_unknown_things_and_documents_get_a_message_not_an_exception(today: dt.date) -> None:
    assert validate("张三", today) == {"": "未知的记录类型"}
    assert validate_dict("nope", {}, today) == {"": "未知的数据表"}
    assert validate_dict("branch", {"name": "第一党支部", "kind": "x"}, today) == {
        "kind": "组织类型应为：党支部、党总支"
    }
    assert validate_dict("members", {"name": "张三", "joined": "2015-07-01"}, today) == {}
    assert validate_dict("members", {"name": "张"}, today) == {"name": "姓名应为2到20个字"}
    assert validate_dict("members", {"joined": "yesterday"}, today) == {
        "": "记录内容无法识别，请检查后重新填写"
    }


def test_candidate_id_number_agrees_with_birth_date_and_gender(today: dt.date) -> None:
    candidate = r.Candidate(
        name="赵六", gender="female", birth_date=D(1990, 3, 7), id_number="350203199003071236"
    )
    assert validate(candidate, today) == {"id_number": "身份证号显示性别为男，与填写的性别不一致"}
    candidate.id_number = "350203199003071230"
    assert validate(candidate, today) == {"id_number": "身份证号校验位不正确，请核对"}


def test_group_meeting_names_its_group(today: dt.date) -> None:
    meeting = r.Meeting(kinds=["group_meeting"], date=DAY)
    assert validate(meeting, today) == {"group_id": "党小组会请选择党小组"}
    meeting.group_id = "g1"
    assert validate(meeting, today) == {}
