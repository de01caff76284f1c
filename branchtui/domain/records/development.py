"""Developing new members (DEV-1…3, NAT-3): one file per person, every stage dated."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record
from branchtui.domain.records.people import PERSONAL, Gender

CandidateStage = Literal["applicant", "activist", "target", "probationary", "full", "dropped"]
CANDIDATE_STAGES = labelled(
    CandidateStage,
    {
        "applicant": "入党申请人",
        "activist": "入党积极分子",
        "target": "发展对象",
        "probationary": "预备党员",
        "full": "正式党员",
        "dropped": "终止培养",
    },
)
# The dated steps of NAT-3 in the order the rules put them; a stage starts at its step.
CandidateStep = Literal[
    "applied",
    "talked",
    "recommended",
    "activist",
    "activist_filed",
    "review",
    "target",
    "target_filed",
    "political_review",
    "training",
    "pre_review",
    "publicity",
    "branch_vote",
    "approved",
    "oath",
    "probation_extended",
    "converted",
    "dropped",
]
CANDIDATE_STEPS = labelled(
    CandidateStep,
    {
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
    },
)
STEP_STAGE: dict[str, CandidateStage] = {
    "applied": "applicant",
    "activist": "activist",
    "target": "target",
    "approved": "probationary",
    "converted": "full",
    "dropped": "dropped",
}


@dataclass(kw_only=True, slots=True)
class CandidateEvent:
    step: Annotated[CandidateStep, Spec("发展环节")]
    date: Annotated[dt.date, Spec("环节日期")]
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class Candidate(Record):
    """入党申请人 / 积极分子 / 发展对象, with the dated history of every stage."""

    TABLE = "candidates"
    LABEL = "发展党员"

    name: Annotated[str, Spec("姓名", min_length=2, max_length=20)]
    gender: Annotated[Gender | Blank, Spec("性别")] = ""
    birth_date: Annotated[dt.date | None, Spec("出生日期")] = None
    id_number: Annotated[str, Spec("身份证号", doc=PERSONAL)] = ""
    phone: Annotated[str, Spec("联系电话", doc=PERSONAL)] = ""
    position: Annotated[str, Spec("职务", doc="工作单位及职务", max_length=100)] = ""
    events: Annotated[list[CandidateEvent], Spec("发展环节记录", doc="各环节的日期")] = field(
        default_factory=list
    )
    contact_ids: Annotated[list[str], Spec("培养联系人")] = field(default_factory=list)
    introducer_ids: Annotated[list[str], Spec("入党介绍人")] = field(default_factory=list)
    training_hours: Annotated[float, Spec("集中培训学时", ge=0)] = 0.0
    member_id: Annotated[str | None, Spec("名册中的党员", doc="转为正式党员后在名册中的记录")] = (
        None
    )
    note: Annotated[str, Spec("备注", max_length=2000)] = ""

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


@dataclass(kw_only=True, slots=True)
class DevelopmentRegisterUpdate(Record):
    """A dated update of the development register (DEV-1, every half year)."""

    TABLE = "register_updates"
    LABEL = "发展党员信息库更新"

    date: Annotated[dt.date, Spec("更新日期")]
    note: Annotated[str, Spec("备注", max_length=2000)] = ""
