"""Developing new members (DEV-1…3, NAT-3): one file per person, every stage dated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from branchtui.domain.records.base import Record

CANDIDATE_STAGES = {
    "applicant": "入党申请人",
    "activist": "入党积极分子",
    "target": "发展对象",
    "probationary": "预备党员",
    "full": "正式党员",
    "dropped": "终止培养",
}
# The dated steps of NAT-3 in the order the rules put them; a stage starts at its step.
CANDIDATE_STEPS = {
    "applied": "递交入党申请书",
    "talked": "党组织派人谈话",
    "recommended": "推荐（推优）",
    "activist": "确定为入党积极分子",
    "activist_filed": "积极分子报上级备案",
    "review": "培养考察（半年一次）",
    "target": "确定为发展对象",
    "target_filed": "发展对象报上级备案",
    "political_review": "政治审查",
    "training": "集中培训",
    "pre_review": "上级党委预审",
    "publicity": "公示",
    "branch_vote": "支部党员大会讨论接收",
    "approved": "上级党委审批",
    "oath": "入党宣誓",
    "probation_extended": "延长预备期",
    "converted": "转为正式党员",
    "dropped": "终止培养",
}
STEP_STAGE = {
    "applied": "applicant",
    "activist": "activist",
    "target": "target",
    "approved": "probationary",
    "converted": "full",
    "dropped": "dropped",
}


@dataclass(kw_only=True)
class CandidateEvent:
    step: str
    date: dt.date
    note: str = ""


@dataclass(kw_only=True)
class Candidate(Record):
    """入党申请人 / 积极分子 / 发展对象, with the dated history of every stage."""

    TABLE = "candidates"
    LABEL = "发展党员"

    name: str
    gender: str = ""
    birth_date: dt.date | None = None
    id_number: str = ""
    phone: str = ""
    position: str = ""
    events: list[CandidateEvent] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    introducer_ids: list[str] = field(default_factory=list)
    training_hours: float = 0.0
    member_id: str | None = None
    note: str = ""

    @property
    def stage(self) -> str:
        stage = "applicant"
        for event in sorted(self.events, key=lambda e: e.date):
            stage = STEP_STAGE.get(event.step, stage)
        return stage

    def date_of(self, step: str) -> dt.date | None:
        """The latest date of a step, or None when it has not happened."""
        dates = [e.date for e in self.events if e.step == step]
        return max(dates) if dates else None


@dataclass(kw_only=True)
class DevelopmentRegisterUpdate(Record):
    """A dated update of the development register (DEV-1, every half year)."""

    TABLE = "register_updates"
    LABEL = "发展党员信息库更新"

    date: dt.date
    note: str = ""
