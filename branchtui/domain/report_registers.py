"""Report sections from the registers: relations, care and support, over a window of days.

Talks are reported by kind and reason only, never by what was said; phone numbers are masked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from branchtui.domain.records import BranchData
from branchtui.domain.records.care import TALK_KINDS, TALK_TRIGGERS
from branchtui.domain.records.ledgers import FUND_PURPOSES, SYSTEM_KINDS
from branchtui.domain.records.relations import (
    FLOW_DIRECTIONS,
    MEMBERSHIP_DECISIONS,
    TRANSFER_DIRECTIONS,
    TRANSFER_INSTRUMENTS,
)
from branchtui.domain.report_sections import Row, inside, member_names
from branchtui.domain.roster import mask_phone


def relations(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Transfers and certificates, private travel abroad, and flowing members of the window."""
    names = member_names(data)
    transfers = [
        {
            "name": names.get(t.member_id or "", t.person_name),
            "date": t.date,
            "direction": TRANSFER_DIRECTIONS.get(t.direction, t.direction),
            "instrument": TRANSFER_INSTRUMENTS.get(t.instrument, t.instrument),
            "other_org": t.other_org,
            "online": bool(t.platform_ref),
        }
        for t in sorted(data.transfers, key=lambda t: t.date)
        if inside(t.date, start, end)
    ]
    travels = [
        {
            "name": names.get(t.member_id, ""),
            "destination": t.destination,
            "depart": t.depart,
            "return_date": t.return_date,
            "decision": MEMBERSHIP_DECISIONS.get(t.decision, "未办理审批"),
        }
        for t in sorted(data.travels, key=lambda t: t.depart)
        if inside(t.depart, start, end) or inside(t.return_date, start, end)
    ]
    flowing = [
        {
            "name": names.get(f.member_id or "", f.person_name),
            "direction": FLOW_DIRECTIONS.get(f.direction, f.direction),
            "place": f.place or f.home_org,
            "start": f.start,
            "last_contact": f.last_contact,
            "contact": mask_phone(f.contact_info),
        }
        for f in sorted(data.flowing_members, key=lambda f: f.start)
        if f.start <= end and (f.end is None or f.end >= start)
    ]
    return {"transfers": transfers, "travels": travels, "flowing": flowing}


def care(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Talks (what kind, why — never what was said), hardship help and 党务公开 of the window."""
    names = member_names(data)
    talks = [
        {
            "name": names.get(t.member_id or "", t.person_name),
            "date": t.date,
            "kind": TALK_KINDS.get(t.kind, t.kind),
            "trigger": TALK_TRIGGERS.get(t.trigger, "") if t.trigger else "",
        }
        for t in sorted(data.talks, key=lambda t: t.date)
        if inside(t.date, start, end)
    ]
    hardship = [
        {
            "name": names.get(h.member_id, ""),
            "applied": h.applied,
            "reported_up": h.reported_up,
            "helped": h.helped,
            "help": h.help,
            "amount": h.amount,
        }
        for h in sorted(data.hardship_cases, key=lambda h: h.applied)
        if any(inside(d, start, end) for d in (h.applied, h.reported_up, h.helped))
    ]
    announcements = [
        {"date": a.date, "title": a.title}
        for a in sorted(data.announcements, key=lambda a: a.date)
        if inside(a.date, start, end)
    ]
    by_kind = Counter(t["kind"] for t in talks)
    return {
        "talks": talks,
        "talks_by_kind": [
            {"kind": k, "count": by_kind[k]} for k in TALK_KINDS.values() if k in by_kind
        ],
        "hardship": hardship,
        "announcements": announcements,
    }


def support(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Systems adopted, ledger entries filed, funds spent by purpose, inspections (SYS, BASE)."""
    funds = [f for f in data.fund_entries if inside(f.date, start, end)]
    spent: Counter[str] = Counter()
    for f in funds:
        if f.direction == "spending":
            spent[FUND_PURPOSES.get(f.purpose, f.purpose or "其他")] += f.amount
    return {
        "systems": [
            {"title": s.title or SYSTEM_KINDS.get(s.kind, s.kind), "adopted": s.adopted}
            for s in data.system_docs
            if inside(s.adopted, start, end)
        ],
        "ledger_entries": sum(1 for e in data.ledger_entries if inside(e.date, start, end)),
        "income": sum((f.amount for f in funds if f.direction != "spending"), Decimal("0")),
        "spending": sum(spent.values(), Decimal("0")),
        "spending_by_purpose": [{"purpose": k, "amount": v} for k, v in spent.items()],
        "inspections": [
            {"date": i.date, "inspector": i.inspector, "findings": i.findings}
            for i in sorted(data.inspections, key=lambda i: i.date)
            if inside(i.date, start, end)
        ],
    }
