"""The yearly ledger volume (台账汇编): every record of a year, in date order, numbered, one
document per 台账 category, ready to print and bind (SYS-3).

Each volume is a list of tables (title, column headings, rows of cell texts); the template
numbers the rows. Personal data is masked as everywhere in reports: no 身份证号, phone numbers
masked, talks by kind and reason only, never what was said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from branchtui.domain.dates import format_date_cn
from branchtui.domain.obligations.sys_rules import system_in_force
from branchtui.domain.records import BranchData
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.domain.records.care import TALK_KINDS, TALK_TRIGGERS
from branchtui.domain.records.development import CANDIDATE_STEPS
from branchtui.domain.records.education import ACTIVITY_KINDS
from branchtui.domain.records.ledgers import FUND_PURPOSES, SYSTEM_KINDS
from branchtui.domain.records.meetings import APPRAISAL_GRADES
from branchtui.domain.records.people import GENDERS, MEMBER_STATUSES
from branchtui.domain.records.relations import (
    FLOW_DIRECTIONS,
    MEMBERSHIP_DECISIONS,
    TRANSFER_DIRECTIONS,
    TRANSFER_INSTRUMENTS,
)
from branchtui.domain.report_sections import meeting_rows, member_names
from branchtui.domain.roster import mask_phone

# The 台账 categories of the yearly volume, in binding order.
VOLUMES = {
    "organization": "组织建设",
    "roster": "党员名册",
    "three_meetings": "三会一课",
    "theme_days": "主题党日",
    "life_appraisal": "组织生活会与民主评议",
    "education": "学习教育与党课",
    "development": "发展党员",
    "dues": "党费",
    "relations": "组织关系",
    "talks": "谈心谈话",
    "plans": "计划总结",
    "systems": "制度",
}
THREE_MEETINGS = ("general_meeting", "committee_meeting", "group_meeting", "all_member_study")

Table = dict[str, Any]


def _d(day: dt.date | None) -> str:
    return format_date_cn(day)


def _table(
    title: str, columns: list[str], rows: Sequence[tuple[dt.date | None, list[str]]]
) -> Table:
    """A table with its rows in date order (undated rows last)."""
    ordered = sorted(rows, key=lambda r: (r[0] is None, r[0] or dt.date.min))
    return {"title": title, "columns": columns, "rows": [cells for _, cells in ordered]}


def _in(day: dt.date | None, year: int) -> bool:
    return day is not None and day.year == year


def _meetings(data: BranchData, year: int, kinds: tuple[str, ...], title: str) -> Table:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = [
        (
            r["date"],
            [
                _d(r["date"]),
                "、".join(r["kind_labels"]) + (f"（{r['group']}）" if r["group"] else ""),
                r["topic"],
                r["lecturer"],
                r["recorder"] or "（未指定）",
                f"{r['present']}/{r['expected']}",
            ],
        )
        for r in meeting_rows(data, start, end)
        if any(k in kinds for k in r["kinds"])
    ]
    return _table(title, ["日期", "类别", "议题", "主讲", "记录人", "实到/应到"], rows)


def _organization(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    events: list[tuple[dt.date | None, list[str]]] = []
    for term in data.terms:
        if _in(term.start, year):
            events.append(
                (term.start, [_d(term.start), f"第{term.number}届支部委员会任期开始", term.note])
            )
    for seat in data.seats:
        role = seat.title or SEAT_ROLES.get(seat.role, seat.role)
        if _in(seat.since, year):
            events.append(
                (seat.since, [_d(seat.since), f"{names.get(seat.member_id or '', '')}任{role}", ""])
            )
        if _in(seat.until, year):
            events.append(
                (
                    seat.until,
                    [_d(seat.until), f"{names.get(seat.member_id or '', '')}不再担任{role}", ""],
                )
            )
    for vacancy in data.vacancies:
        role = SEAT_ROLES.get(vacancy.role, vacancy.role)
        if _in(vacancy.since, year):
            events.append((vacancy.since, [_d(vacancy.since), f"{role}空缺", vacancy.note]))
        if _in(vacancy.filled, year):
            events.append((vacancy.filled, [_d(vacancy.filled), f"{role}补选到位", ""]))
    for group in data.groups:
        if _in(group.created, year):
            events.append((group.created, [_d(group.created), f"成立{group.name}", ""]))
        if _in(group.dissolved, year):
            events.append((group.dissolved, [_d(group.dissolved), f"撤销{group.name}", ""]))
    support = [
        (
            f.date,
            [
                _d(f.date),
                "收入" if f.direction != "spending" else "支出",
                f"{f.amount:.2f}",
                FUND_PURPOSES.get(f.purpose, f.purpose),
                f.description,
            ],
        )
        for f in data.fund_entries
        if _in(f.date, year)
    ]
    inspections = [
        (i.date, [_d(i.date), i.inspector, i.findings])
        for i in data.inspections
        if _in(i.date, year)
    ]
    return [
        _table("组织设置与班子变动", ["日期", "事项", "说明"], events),
        _table("活动经费收支", ["日期", "收支", "金额（元）", "用途", "说明"], support),
        _table("上级检查", ["日期", "检查单位", "检查意见"], inspections),
    ]


def _roster(data: BranchData, year: int) -> list[Table]:
    end = dt.date(year, 12, 31)
    groups = {g.id: g.name for g in data.groups}
    rows = [
        (
            m.joined,
            [
                m.name,
                GENDERS.get(m.gender, ""),
                f"{m.birth_date.year}年{m.birth_date.month}月" if m.birth_date else "",
                _d(m.joined),
                _d(m.full_date),
                MEMBER_STATUSES.get(m.status, m.status),
                groups.get(m.group_id or "", ""),
                mask_phone(m.phone),
                f"{_d(m.removed)}减少" if m.removed and m.removed <= end else "",
            ],
        )
        for m in data.members
        if (m.joined is None or m.joined <= end) and (m.removed is None or m.removed.year >= year)
    ]
    columns = [
        "姓名",
        "性别",
        "出生年月",
        "入党时间",
        "转正时间",
        "党员类别",
        "党小组",
        "联系电话",
        "备注",
    ]
    return [_table(f"{year}年党员名册（身份证号不列入，电话已打码）", columns, rows)]


def _life_appraisal(data: BranchData, year: int) -> list[Table]:
    rows = []
    for a in data.appraisals:
        if a.year != year:
            continue
        for result in a.results:
            name = member_names(data).get(result.member_id, "")
            rows.append((None, [name, APPRAISAL_GRADES.get(result.grade or "", "不评等次")]))
    return [
        _meetings(data, year, ("life_meeting", "appraisal"), "组织生活会和民主评议会议"),
        _table(f"{year}年度民主评议党员结果", ["姓名", "评议等次"], rows),
    ]


def _education(data: BranchData, year: int) -> list[Table]:
    study = [
        (
            s.date,
            [
                _d(s.date),
                s.topic,
                f"{s.days:g}",
                str(len(s.participant_ids)),
                "是" if s.test_held else "",
            ],
        )
        for s in data.study_sessions
        if _in(s.date, year)
    ]
    activities = [
        (
            a.date,
            [_d(a.date), ACTIVITY_KINDS.get(a.kind, a.kind), a.title, str(len(a.participant_ids))],
        )
        for a in data.activities
        if _in(a.date, year)
    ]
    return [
        _table("集中学习", ["日期", "内容", "天数", "参加人数", "学后测试"], study),
        _meetings(data, year, ("party_lecture",), "党课"),
        _table("主题实践活动", ["日期", "类别", "名称", "参加人数"], activities),
    ]


def _development(data: BranchData, year: int) -> list[Table]:
    rows = [
        (e.date, [_d(e.date), c.name, CANDIDATE_STEPS.get(e.step, e.step), e.note])
        for c in data.candidates
        for e in c.events
        if _in(e.date, year)
    ]
    return [_table("发展党员工作环节（一人一档摘要）", ["日期", "姓名", "环节", "说明"], rows)]


def _dues(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    prefix = f"{year:04d}-"
    rows = [
        (p.paid, [p.month, names.get(p.member_id, ""), f"{p.amount:.2f}", _d(p.paid)])
        for p in data.dues_payments
        if p.month.startswith(prefix)
    ]
    return [_table(f"{year}年党费交纳", ["所属月份", "姓名", "金额（元）", "交纳日期"], rows)]


def _relations(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    transfers = [
        (
            t.date,
            [
                _d(t.date),
                names.get(t.member_id or "", t.person_name),
                TRANSFER_DIRECTIONS.get(t.direction, t.direction),
                TRANSFER_INSTRUMENTS.get(t.instrument, t.instrument),
                t.other_org,
                "是" if t.platform_ref else "",
            ],
        )
        for t in data.transfers
        if _in(t.date, year)
    ]
    travels = [
        (
            t.depart,
            [
                _d(t.depart),
                names.get(t.member_id, ""),
                t.destination,
                _d(t.return_date),
                MEMBERSHIP_DECISIONS.get(t.decision, "未办理审批"),
            ],
        )
        for t in data.travels
        if _in(t.depart, year) or _in(t.return_date, year)
    ]
    flowing = [
        (
            f.start,
            [
                _d(f.start),
                names.get(f.member_id or "", f.person_name),
                FLOW_DIRECTIONS.get(f.direction, f.direction),
                f.place or f.home_org,
                mask_phone(f.contact_info),
                _d(f.last_contact),
            ],
        )
        for f in data.flowing_members
        if f.start.year <= year and (f.end is None or f.end.year >= year)
    ]
    return [
        _table(
            "组织关系接转和凭证",
            ["日期", "姓名", "方向", "方式", "对方组织", "线上办理"],
            transfers,
        ),
        _table("因私出国（境）", ["出发日期", "姓名", "前往", "返回日期", "党籍处理"], travels),
        _table("流动党员", ["开始日期", "姓名", "方向", "地点", "联系方式", "最近联系"], flowing),
    ]


def _talks(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    talks = [
        (
            t.date,
            [
                _d(t.date),
                names.get(t.member_id or "", t.person_name),
                TALK_KINDS.get(t.kind, t.kind),
                TALK_TRIGGERS.get(t.trigger, "") if t.trigger else "",
            ],
        )
        for t in data.talks
        if _in(t.date, year)
    ]
    hardship = [
        (
            h.applied,
            [_d(h.applied), names.get(h.member_id, ""), _d(h.reported_up), _d(h.helped), h.help],
        )
        for h in data.hardship_cases
        if any(_in(d, year) for d in (h.applied, h.reported_up, h.helped))
    ]
    return [
        _table("谈心谈话（只记类别和缘由）", ["日期", "谈话对象", "类别", "缘由"], talks),
        _table("困难党员帮扶", ["申请日期", "姓名", "上报日期", "帮扶日期", "帮扶措施"], hardship),
    ]


def _plans(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    items = [
        (
            i.due,
            [i.content, i.form, names.get(i.owner_id or "", ""), _d(i.due), i.progress, _d(i.done)],
        )
        for p in data.work_plans
        if p.year == year
        for i in p.items
    ]
    reports = [
        (None, [r.month, _d(r.generated), _d(r.sent)])
        for r in sorted(data.monthly_reports, key=lambda r: r.month)
        if r.month.startswith(f"{year:04d}-")
    ]
    notes = [
        (n.date, [_d(n.date), n.title, _d(n.reported)])
        for n in data.practice_notes
        if _in(n.date, year)
    ]
    return [
        _table(
            f"{year}年度工作计划",
            ["工作内容", "形式", "责任人", "完成时间", "进度", "完成日期"],
            items,
        ),
        _table("月度工作报告", ["月份", "生成日期", "报送日期"], reports),
        _table("好经验、好做法", ["日期", "标题", "上报日期"], notes),
    ]


def _systems(data: BranchData, year: int) -> list[Table]:
    end = dt.date(year, 12, 31)
    systems = [
        (
            s.adopted,
            [s.title or SYSTEM_KINDS.get(s.kind, s.kind), _d(s.adopted), "是" if s.posted else ""],
        )
        for s in data.system_docs
        if (s.adopted is None or s.adopted <= end) and system_in_force(s, end)
    ]
    announcements = [
        (a.date, [_d(a.date), a.title, a.channel]) for a in data.announcements if _in(a.date, year)
    ]
    return [
        _table("规章制度（截至年底）", ["制度", "建立日期", "上墙"], systems),
        _table("党务公开", ["日期", "公开事项", "方式"], announcements),
    ]


_BUILDERS: dict[str, Callable[[BranchData, int], list[Table]]] = {
    "organization": _organization,
    "roster": _roster,
    "three_meetings": lambda d, y: [_meetings(d, y, THREE_MEETINGS, "“三会一课”会议")],
    "theme_days": lambda d, y: [_meetings(d, y, ("theme_day",), "主题党日")],
    "life_appraisal": _life_appraisal,
    "education": _education,
    "development": _development,
    "dues": _dues,
    "relations": _relations,
    "talks": _talks,
    "plans": _plans,
    "systems": _systems,
}


def ledger_volume(data: BranchData, year: int, category: str, on: dt.date) -> dict[str, Any]:
    """The volume of ``category`` (a key of VOLUMES) for ``year``, made on ``on``."""
    tables = _BUILDERS[category](data, year)
    branch = data.branch.name if data.branch and data.branch.name else "本支部"
    number = list(VOLUMES).index(category) + 1
    return {
        "title": f"{branch}{year}年度台账 之{number:02d}：{VOLUMES[category]}",
        "branch": branch,
        "year": year,
        "category": category,
        "label": VOLUMES[category],
        "number": number,
        "tables": tables,
        "count": sum(len(t["rows"]) for t in tables),
        "generated_cn": format_date_cn(on),
    }
