"""The yearly ledger volume (台账汇编): every record of a year, in date order, numbered, one
document per 台账 category, ready to print and bind (SYS-3).

Each volume is a list of tables (domain.ledger_tables); the template numbers the rows. The
volumes about persons (roster, 发展党员, 党费, 组织关系, 谈心谈话) are built in
domain.ledger_people, where personal data is masked as everywhere in reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from branchtui.domain.dates import format_date_cn, format_month_cn
from branchtui.domain.ledger_people import (
    development_tables,
    dues_tables,
    relations_tables,
    roster_tables,
    talks_tables,
)
from branchtui.domain.ledger_tables import Table, date_cell, dated_table, in_year
from branchtui.domain.obligations.sys_rules import system_in_force
from branchtui.domain.records import BranchData
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.domain.records.education import ACTIVITY_KINDS
from branchtui.domain.records.ledgers import FUND_PURPOSES, SYSTEM_KINDS
from branchtui.domain.records.meetings import APPRAISAL_GRADES
from branchtui.domain.report_sections import meeting_rows, member_names

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


def _meetings(data: BranchData, year: int, kinds: tuple[str, ...], title: str) -> Table:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = [
        (
            r["date"],
            [
                date_cell(r["date"]),
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
    return dated_table(title, ["日期", "类别", "议题", "主讲", "记录人", "实到/应到"], rows)


def _organization(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    events: list[tuple[dt.date | None, list[str]]] = []
    for term in data.terms:
        if in_year(term.start, year):
            events.append(
                (
                    term.start,
                    [date_cell(term.start), f"第{term.number}届支部委员会任期开始", term.note],
                )
            )
    for seat in data.seats:
        role = seat.title or SEAT_ROLES.get(seat.role, seat.role)
        if in_year(seat.since, year):
            events.append(
                (
                    seat.since,
                    [date_cell(seat.since), f"{names.get(seat.member_id or '', '')}任{role}", ""],
                )
            )
        if in_year(seat.until, year):
            events.append(
                (
                    seat.until,
                    [
                        date_cell(seat.until),
                        f"{names.get(seat.member_id or '', '')}不再担任{role}",
                        "",
                    ],
                )
            )
    for vacancy in data.vacancies:
        role = SEAT_ROLES.get(vacancy.role, vacancy.role)
        if in_year(vacancy.since, year):
            events.append((vacancy.since, [date_cell(vacancy.since), f"{role}空缺", vacancy.note]))
        if in_year(vacancy.filled, year):
            events.append((vacancy.filled, [date_cell(vacancy.filled), f"{role}补选到位", ""]))
    for group in data.groups:
        if in_year(group.created, year):
            events.append((group.created, [date_cell(group.created), f"成立{group.name}", ""]))
        if in_year(group.dissolved, year):
            events.append((group.dissolved, [date_cell(group.dissolved), f"撤销{group.name}", ""]))
    support = [
        (
            f.date,
            [
                date_cell(f.date),
                "收入" if f.direction != "spending" else "支出",
                f"{f.amount:.2f}",
                FUND_PURPOSES.get(f.purpose, f.purpose),
                f.description,
            ],
        )
        for f in data.fund_entries
        if in_year(f.date, year)
    ]
    inspections = [
        (i.date, [date_cell(i.date), i.inspector, i.findings])
        for i in data.inspections
        if in_year(i.date, year)
    ]
    return [
        dated_table("组织设置与班子变动", ["日期", "事项", "说明"], events),
        dated_table("活动经费收支", ["日期", "收支", "金额（元）", "用途", "说明"], support),
        dated_table("上级检查", ["日期", "检查单位", "检查意见"], inspections),
    ]


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
        dated_table(f"{year}年度民主评议党员结果", ["姓名", "评议等次"], rows),
    ]


def _education(data: BranchData, year: int) -> list[Table]:
    study = [
        (
            s.date,
            [
                date_cell(s.date),
                s.topic,
                f"{s.days:g}",
                str(len(s.participant_ids)),
                "是" if s.test_held else "",
            ],
        )
        for s in data.study_sessions
        if in_year(s.date, year)
    ]
    activities = [
        (
            a.date,
            [
                date_cell(a.date),
                ACTIVITY_KINDS.get(a.kind, a.kind),
                a.title,
                str(len(a.participant_ids)),
            ],
        )
        for a in data.activities
        if in_year(a.date, year)
    ]
    return [
        dated_table("集中学习", ["日期", "内容", "天数", "参加人数", "学后测试"], study),
        _meetings(data, year, ("party_lecture",), "党课"),
        dated_table("主题实践活动", ["日期", "类别", "名称", "参加人数"], activities),
    ]


def _plans(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    items = [
        (
            i.due,
            [
                i.content,
                i.form,
                names.get(i.owner_id or "", ""),
                date_cell(i.due),
                i.progress,
                date_cell(i.done),
            ],
        )
        for p in data.work_plans
        if p.year == year
        for i in p.items
    ]
    reports = [
        (None, [format_month_cn(r.month), date_cell(r.generated), date_cell(r.sent)])
        for r in sorted(data.monthly_reports, key=lambda r: r.month)
        if r.month.startswith(f"{year:04d}-")
    ]
    notes = [
        (n.date, [date_cell(n.date), n.title, date_cell(n.reported)])
        for n in data.practice_notes
        if in_year(n.date, year)
    ]
    return [
        dated_table(
            f"{year}年度工作计划",
            ["工作内容", "形式", "责任人", "完成时间", "进度", "完成日期"],
            items,
        ),
        dated_table("月度工作报告", ["月份", "生成日期", "报送日期"], reports),
        dated_table("好经验、好做法", ["日期", "标题", "上报日期"], notes),
    ]


def _systems(data: BranchData, year: int) -> list[Table]:
    end = dt.date(year, 12, 31)
    systems = [
        (
            s.adopted,
            [
                s.title or SYSTEM_KINDS.get(s.kind, s.kind),
                date_cell(s.adopted),
                "是" if s.posted else "",
            ],
        )
        for s in data.system_docs
        if (s.adopted is None or s.adopted <= end) and system_in_force(s, end)
    ]
    announcements = [
        (a.date, [date_cell(a.date), a.title, a.channel])
        for a in data.announcements
        if in_year(a.date, year)
    ]
    return [
        dated_table("规章制度（截至年底）", ["制度", "建立日期", "上墙"], systems),
        dated_table("党务公开", ["日期", "公开事项", "方式"], announcements),
    ]


_BUILDERS: dict[str, Callable[[BranchData, int], list[Table]]] = {
    "organization": _organization,
    "roster": roster_tables,
    "three_meetings": lambda d, y: [_meetings(d, y, THREE_MEETINGS, "“三会一课”会议")],
    "theme_days": lambda d, y: [_meetings(d, y, ("theme_day",), "主题党日")],
    "life_appraisal": _life_appraisal,
    "education": _education,
    "development": development_tables,
    "dues": dues_tables,
    "relations": relations_tables,
    "talks": talks_tables,
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
