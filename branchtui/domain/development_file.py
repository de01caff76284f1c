"""一人一档 (DEV-3): one person's development file as rows, read by the file screen and by the
Markdown export alike: the five stages, each of the 25 steps with its records (date, people,
documents) or what is owed, and the outcomes (延长预备期, 终止培养)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from branchtui.domain.dates import format_date
from branchtui.domain.development import (
    NextStep,
    next_step,
    pending_steps,
    probation_end,
    stage_of,
    training_days,
    training_hours,
)
from branchtui.domain.development_rules import breaches
from branchtui.domain.development_steps import (
    OUTCOMES,
    STAGES,
    STEPS,
    Step,
    record_label,
)
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, CandidateEvent
from branchtui.domain.records.development import CANDIDATE_STAGES
from branchtui.domain.records.people import GENDERS
from branchtui.domain.roster import mask_id_number, mask_phone


@dataclass(frozen=True)
class FileRow:
    """One line of the file. ``kind``: ``stage`` (a heading), ``record`` (on file), ``owed``
    (a step due now), ``later`` (not yet). ``index`` is the record's place in
    ``Candidate.events`` (None for a line without a record)."""

    kind: str
    label: str
    step: Step | None = None
    date: dt.date | None = None
    people: str = ""
    details: str = ""
    state: str = ""
    overdue: bool = False
    index: int | None = None


def _names(ids: list[str], data: BranchData) -> str:
    members = data.by_id("members")
    return "、".join(members[i].name if i in members else "（已删除的党员）" for i in ids)


def record_details(event: CandidateEvent, candidate: Candidate, data: BranchData) -> str:
    """What a record holds besides its date and people, in a few words."""
    parts: list[str] = []
    if event.step == "training":
        last = event.until or event.date
        days = (last - event.date).days + 1 if last >= event.date else 1
        hours = f"、{event.hours:g}学时" if event.hours else ""
        parts.append(f"{days}天{hours}（至{format_date(last)}）")
    if event.vote is not None:
        v = event.vote
        parts.append(f"实到{v.present}人，赞成{v.yes}票、反对{v.no}票、弃权{v.abstain}票")
    if event.months:
        parts.append(f"延长{event.months}个月")
    if event.step == "publicity" and event.until:
        parts.append(f"公示至{format_date(event.until)}")
    if event.step == "placed":
        member = data.find("members", candidate.member_id)
        group = data.find("groups", member.group_id) if member else None
        parts.append(f"编入{group.name}" if group else "未编入党小组")
    if event.document:
        parts.append(event.document)
    if event.note:
        parts.append(event.note)
    return "；".join(parts)


def record_people(event: CandidateEvent, candidate: Candidate, data: BranchData) -> str:
    """Who the record names: the 培养联系人, the 入党介绍人, or the people typed in."""
    if event.step == "contacts_assigned":
        return _names(candidate.contact_ids, data)
    if event.step == "introducers_assigned":
        return _names(candidate.introducer_ids, data)
    return event.people


def _owed_state(owed: NextStep, on: dt.date) -> str:
    if owed.overdue and owed.deadline:
        return f"逾期（期限{format_date(owed.deadline)}）"
    if owed.deadline:
        return f"待办，期限{format_date(owed.deadline)}"
    if owed.earliest and owed.earliest > on:
        return f"{format_date(owed.earliest)}起可办理"
    return "缺记录" if owed.gap else "待办"


def file_rows(
    candidate: Candidate, data: BranchData, on: dt.date, profile: Profile
) -> list[FileRow]:
    """Every line of the file in the order of the 25 steps."""
    owed = {n.code: n for n in pending_steps(candidate, on, profile)}
    by_step: dict[str, list[int]] = {}
    for index, event in enumerate(candidate.events):
        by_step.setdefault(event.step, []).append(index)
    rows: list[FileRow] = []

    def records(step: Step, code: str, label: str) -> None:
        for index in sorted(by_step.get(code, []), key=lambda i: candidate.events[i].date):
            event = candidate.events[index]
            rows.append(
                FileRow(
                    "record",
                    label,
                    step,
                    event.date,
                    record_people(event, candidate, data),
                    record_details(event, candidate, data),
                    "已记录",
                    index=index,
                )
            )

    for stage, name in STAGES.items():
        rows.append(FileRow("stage", f"{'一二三四五'[stage - 1]}、{name}"))
        for step in (s for s in STEPS if s.stage == stage):
            if step.companion:
                records(step, step.companion, record_label(step.companion))
            records(step, step.code, step.title)
            pending = owed.get(step.code)
            if pending is not None and (step.repeats or not by_step.get(step.code)):
                state = _owed_state(pending, on)
                rows.append(FileRow("owed", step.title, step, state=state, overdue=pending.overdue))
            elif not by_step.get(step.code):
                rows.append(FileRow("later", step.title, step))
    for outcome in OUTCOMES.values():
        if by_step.get(outcome.code):
            rows.append(FileRow("stage", "其他"))
            records(outcome, outcome.code, outcome.name)
    return rows


def file_summary(
    candidate: Candidate, data: BranchData, on: dt.date, profile: Profile
) -> dict[str, str]:
    """The file's head: who, the category and stage, the people and totals the rules count."""
    stage = stage_of(candidate)
    end = probation_end(candidate, profile)
    step = next_step(candidate, on, profile)
    member = data.find("members", candidate.member_id)
    return {
        "name": candidate.name,
        "gender": GENDERS.get(candidate.gender, ""),
        "birth_date": format_date(candidate.birth_date),
        "id_number": mask_id_number(candidate.id_number),
        "phone": mask_phone(candidate.phone),
        "position": candidate.position,
        "category": CANDIDATE_STAGES.get(candidate.stage, candidate.stage),
        "stage": f"第{'一二三四五'[stage - 1]}阶段：{STAGES[stage]}" if stage else "已终止培养",
        "contacts": _names(candidate.contact_ids, data),
        "introducers": _names(candidate.introducer_ids, data),
        "training": f"{training_days(candidate)}天、{training_hours(candidate):g}学时",
        "probation_end": format_date(end),
        "member": member.name if member else "",
        "next": next_line(step, on) if step else "",
        "note": candidate.note,
    }


def next_line(step: NextStep, on: dt.date) -> str:
    """``下一步：第6步 培养教育考察，期限2026-12-15（还有18天）``."""
    text = f"下一步：{step.label}"
    if step.deadline is not None:
        left = (step.deadline - on).days
        when = f"已逾期{-left}天" if left < 0 else "今天到期" if left == 0 else f"还有{left}天"
        text += f"，期限{format_date(step.deadline)}（{when}）"
    elif step.earliest is not None and step.earliest > on:
        text += f"，{format_date(step.earliest)}起可办理"
    return text


def file_context(
    candidate: Candidate, data: BranchData, on: dt.date, profile: Profile
) -> dict[str, Any]:
    """What templates/development/file.md.j2 renders (user text is escaped there)."""
    rows = file_rows(candidate, data, on, profile)
    stages: list[dict[str, Any]] = []
    for row in rows:
        if row.kind == "stage":
            stages.append({"title": row.label, "rows": []})
        elif stages:
            stages[-1]["rows"].append(
                {
                    "label": row.label,
                    "date": format_date(row.date),
                    "people": row.people,
                    "details": row.details,
                    "state": row.state if row.kind != "later" else "",
                }
            )
    branch = data.branch
    return {
        "branch": {"name": branch.name if branch else ""},
        "person": file_summary(candidate, data, on, profile),
        "stages": stages,
        "problems": breaches(candidate, on, profile),
        "on": format_date(on),
    }
