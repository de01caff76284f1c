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
# Every dated record of a development file (一人一档). The 25 steps of 发展党员工作细则 (2014)
# are declared in domain/development_steps.py, each marked done by one of these records;
# 推优 and 公示 are second records of steps 3 and 13, 延长预备期 and 终止培养 are outcomes.
CandidateStep = Literal[
    "applied",
    "talked",
    "recommended",
    "activist",
    "activist_filed",
    "contacts_assigned",
    "review",
    "target",
    "target_filed",
    "introducers_assigned",
    "political_review",
    "training",
    "committee_review",
    "pre_review",
    "publicity",
    "form_filled",
    "branch_vote",
    "upper_talk",
    "approved",
    "approval_filed",
    "placed",
    "oath",
    "continued_review",
    "conversion_applied",
    "conversion_vote",
    "probation_extended",
    "converted",
    "archived",
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
        "contacts_assigned": "指定培养联系人",
        "review": "培养考察（半年一次）",
        "target": "确定为发展对象",
        "target_filed": "发展对象报上级备案",
        "introducers_assigned": "确定入党介绍人",
        "political_review": "政治审查",
        "training": "集中培训",
        "committee_review": "支部委员会审查",
        "pre_review": "上级党委预审",
        "publicity": "公示",
        "form_filled": "填写入党志愿书",
        "branch_vote": "支部党员大会讨论接收",
        "upper_talk": "上级党委派人谈话",
        "approved": "上级党委审批",
        "approval_filed": "报再上一级党委组织部门备案",
        "placed": "编入党支部和党小组",
        "oath": "入党宣誓",
        "continued_review": "预备期继续教育考察",
        "conversion_applied": "提出转正申请",
        "conversion_vote": "支部党员大会讨论转正",
        "probation_extended": "延长预备期",
        "converted": "上级党委审批转正",
        "archived": "材料归档",
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
class CandidateVote:
    """票决 at a 支部党员大会 (NAT-1): those present with a vote and the tally. Who had a vote
    (应到) is counted from the roster on the day, never typed."""

    present: Annotated[int, Spec("实到有表决权的党员", ge=0)]
    yes: Annotated[int, Spec("赞成票", ge=0)]
    no: Annotated[int, Spec("反对票", ge=0)] = 0
    abstain: Annotated[int, Spec("弃权票", ge=0)] = 0


@dataclass(kw_only=True, slots=True)
class CandidateEvent:
    step: Annotated[CandidateStep, Spec("发展环节")]
    date: Annotated[dt.date, Spec("环节日期")]
    until: Annotated[dt.date | None, Spec("结束日期", doc="集中培训、公示的最后一天")] = None
    hours: Annotated[float, Spec("学时", doc="集中培训的学时", ge=0)] = 0.0
    months: Annotated[int | None, Spec("延长月数", doc="延长预备期的月数（6至12）", ge=0)] = None
    people: Annotated[str, Spec("相关人员", doc="谈话人、经办人等", max_length=200)] = ""
    document: Annotated[str, Spec("材料", doc="文书名称、文号或结论", max_length=200)] = ""
    meeting_id: Annotated[str | None, Spec("会议记录", doc="讨论或表决的会议")] = None
    vote: Annotated[CandidateVote | None, Spec("表决情况", doc="支部党员大会的票决")] = None
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
