"""The yearly ledger volumes about persons (台账汇编, SYS-3): the roster, 发展党员, 党费, 组织关系
and 谈心谈话. Personal data is masked as everywhere in reports: no 身份证号, phone numbers
masked, talks by kind and reason only, never what was said."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.dates import format_month_cn
from branchtui.domain.ledger_tables import Table, date_cell, dated_table, in_year
from branchtui.domain.records import BranchData
from branchtui.domain.records.care import TALK_KINDS, TALK_TRIGGERS
from branchtui.domain.records.development import CANDIDATE_STEPS
from branchtui.domain.records.people import GENDERS, MEMBER_STATUSES
from branchtui.domain.records.relations import (
    FLOW_DIRECTIONS,
    MEMBERSHIP_DECISIONS,
    TRANSFER_DIRECTIONS,
    TRANSFER_INSTRUMENTS,
)
from branchtui.domain.report_sections import member_names
from branchtui.domain.roster import mask_phone


def roster_tables(data: BranchData, year: int) -> list[Table]:
    end = dt.date(year, 12, 31)
    groups = {g.id: g.name for g in data.groups}
    names = member_names(data)
    rows = [
        (
            m.joined,
            [
                names[m.id],
                GENDERS.get(m.gender, ""),
                f"{m.birth_date.year}年{m.birth_date.month}月" if m.birth_date else "",
                date_cell(m.joined),
                date_cell(m.full_date),
                MEMBER_STATUSES.get(m.status, m.status),
                groups.get(m.group_id or "", ""),
                mask_phone(m.phone),
                f"{date_cell(m.removed)}减少" if m.removed and m.removed <= end else "",
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
    return [dated_table(f"{year}年党员名册（身份证号不列入，电话已打码）", columns, rows)]


def development_tables(data: BranchData, year: int) -> list[Table]:
    rows = [
        (e.date, [date_cell(e.date), c.name, CANDIDATE_STEPS.get(e.step, e.step), e.note])
        for c in data.candidates
        for e in c.events
        if in_year(e.date, year)
    ]
    return [dated_table("发展党员工作环节（一人一档摘要）", ["日期", "姓名", "环节", "说明"], rows)]


def dues_tables(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    prefix = f"{year:04d}-"
    rows = [
        (
            p.paid,
            [
                format_month_cn(p.month),
                names.get(p.member_id, ""),
                f"{p.amount:.2f}",
                date_cell(p.paid),
            ],
        )
        for p in data.dues_payments
        if p.month.startswith(prefix)
    ]
    return [dated_table(f"{year}年党费交纳", ["所属月份", "姓名", "金额（元）", "交纳日期"], rows)]


def relations_tables(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    transfers = [
        (
            t.date,
            [
                date_cell(t.date),
                names.get(t.member_id or "", t.person_name),
                TRANSFER_DIRECTIONS.get(t.direction, t.direction),
                TRANSFER_INSTRUMENTS.get(t.instrument, t.instrument),
                t.other_org,
                "是" if t.platform_ref else "",
            ],
        )
        for t in data.transfers
        if in_year(t.date, year)
    ]
    travels = [
        (
            t.depart,
            [
                date_cell(t.depart),
                names.get(t.member_id, ""),
                t.destination,
                date_cell(t.return_date),
                MEMBERSHIP_DECISIONS.get(t.decision, "未办理审批"),
            ],
        )
        for t in data.travels
        if in_year(t.depart, year) or in_year(t.return_date, year)
    ]
    flowing = [
        (
            f.start,
            [
                date_cell(f.start),
                names.get(f.member_id or "", f.person_name),
                FLOW_DIRECTIONS.get(f.direction, f.direction),
                f.place or f.home_org,
                mask_phone(f.contact_info),
                date_cell(f.last_contact),
            ],
        )
        for f in data.flowing_members
        if f.start.year <= year and (f.end is None or f.end.year >= year)
    ]
    return [
        dated_table(
            "组织关系接转和凭证",
            ["日期", "姓名", "方向", "方式", "对方组织", "线上办理"],
            transfers,
        ),
        dated_table(
            "因私出国（境）", ["出发日期", "姓名", "前往", "返回日期", "党籍处理"], travels
        ),
        dated_table(
            "流动党员", ["开始日期", "姓名", "方向", "地点", "联系方式", "最近联系"], flowing
        ),
    ]


def talks_tables(data: BranchData, year: int) -> list[Table]:
    names = member_names(data)
    talks = [
        (
            t.date,
            [
                date_cell(t.date),
                names.get(t.member_id or "", t.person_name),
                TALK_KINDS.get(t.kind, t.kind),
                TALK_TRIGGERS.get(t.trigger, "") if t.trigger else "",
            ],
        )
        for t in data.talks
        if in_year(t.date, year)
    ]
    hardship = [
        (
            h.applied,
            [
                date_cell(h.applied),
                names.get(h.member_id, ""),
                date_cell(h.reported_up),
                date_cell(h.helped),
                h.help,
            ],
        )
        for h in data.hardship_cases
        if any(in_year(d, year) for d in (h.applied, h.reported_up, h.helped))
    ]
    return [
        dated_table("谈心谈话（只记类别和缘由）", ["日期", "谈话对象", "类别", "缘由"], talks),
        dated_table(
            "困难党员帮扶", ["申请日期", "姓名", "上报日期", "帮扶日期", "帮扶措施"], hardship
        ),
    ]
