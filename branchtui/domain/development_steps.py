"""The 25 steps of 发展党员工作细则 (2014) in five stages, declared once (NAT-3, DEV-3).

Each step is marked done by one dated record of the candidate's file (``CandidateEvent.step``);
a step may need a second dated record (推优 for step 3, 公示 for step 13) and names what else its
record holds: the people (谈话人 …), a document, the 培养联系人 or 入党介绍人, the training's
days and hours, the 票决 at a 支部党员大会 (NAT-1), the party group, the months of an extension.
The timing rules that read these records are in domain/development.py and
domain/development_rules.py; the file screen, the Markdown 一人一档 and DEV-3 read this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from branchtui.domain.records.development import CANDIDATE_STEPS, CandidateStep

STAGES: dict[int, str] = {
    1: "入党申请人的申请",
    2: "入党积极分子的确定和培养教育",
    3: "发展对象的确定和考察",
    4: "预备党员的接收",
    5: "预备党员的教育考察和转正",
}

# What a step's record may hold besides its date (the form shows a field for each).
PEOPLE = "people"  # free text: 谈话人, 经办人 (people of the upper committee are not members)
DOCUMENT = "document"  # a document's name, number or conclusion
CONTACTS = "contacts"  # 1–2 培养联系人 from the roster (NAT-3)
INTRODUCERS = "introducers"  # 2 入党介绍人 from the roster (NAT-3)
TRAINING = "training"  # last day and class hours (NAT-3: ≥3 days or ≥24 hours)
VOTE = "vote"  # 票决 at a 支部党员大会 (NAT-1)
GROUP = "group"  # the party group the new member joins
MONTHS = "months"  # months of a probation extension (6–12)


@dataclass(frozen=True)
class Step:
    """One of the 25 steps.

    ``code`` is the record that marks it done; ``companion`` a second record it needs (its own
    date, e.g. 推优 before 确定积极分子); ``after`` the records that must be on file, dated no
    later, before this one may be recorded; ``repeats`` a step recorded more than once
    (考察, 培训); ``on_file`` a step whose record DEV-3 requires once a later step is recorded
    (推优, 备案, 预审, 公示, 票决 and the stage decisions).
    """

    number: int
    code: CandidateStep
    name: str
    stage: int
    needs: tuple[str, ...] = ()
    companion: CandidateStep | None = None
    after: tuple[CandidateStep, ...] = ()
    repeats: bool = False
    on_file: bool = False
    people_label: str = "相关人员"
    document_label: str = "材料"

    @property
    def title(self) -> str:
        """``第3步 推荐和确定入党积极分子``."""
        return f"第{self.number}步 {self.name}"


STEPS: tuple[Step, ...] = (
    Step(1, "applied", "递交入党申请书", 1, (DOCUMENT,), on_file=True, document_label="申请书"),
    Step(2, "talked", "党组织派人谈话", 1, (PEOPLE,), after=("applied",), people_label="谈话人"),
    Step(
        3,
        "activist",
        "推荐和确定入党积极分子",
        2,
        (DOCUMENT,),
        companion="recommended",
        after=("applied",),
        on_file=True,
        document_label="推荐方式",
    ),
    Step(4, "activist_filed", "上级党委备案", 2, (DOCUMENT,), after=("activist",), on_file=True),
    Step(5, "contacts_assigned", "指定培养联系人", 2, (CONTACTS,), after=("activist",)),
    Step(
        6,
        "review",
        "培养教育考察",
        2,
        (PEOPLE, DOCUMENT),
        after=("activist",),
        repeats=True,
        people_label="考察人",
        document_label="考察意见",
    ),
    Step(7, "target", "确定发展对象", 3, (DOCUMENT,), after=("activist",), on_file=True),
    Step(8, "target_filed", "报上级党委备案", 3, (DOCUMENT,), after=("target",), on_file=True),
    Step(9, "introducers_assigned", "确定入党介绍人", 3, (INTRODUCERS,), after=("target",)),
    Step(
        10,
        "political_review",
        "进行政治审查",
        3,
        (DOCUMENT,),
        after=("target",),
        on_file=True,
        document_label="政审结论",
    ),
    Step(
        11,
        "training",
        "开展集中培训",
        3,
        (TRAINING, DOCUMENT),
        after=("target",),
        repeats=True,
        document_label="培训班名称",
    ),
    Step(12, "committee_review", "支部委员会审查", 4, (DOCUMENT,), after=("target",)),
    Step(
        13,
        "pre_review",
        "上级党委预审",
        4,
        (DOCUMENT,),
        companion="publicity",
        after=("target",),
        on_file=True,
    ),
    Step(14, "form_filled", "填写入党志愿书", 4, (DOCUMENT,), after=("pre_review",)),
    Step(
        15,
        "branch_vote",
        "支部大会讨论",
        4,
        (VOTE, DOCUMENT),
        after=("pre_review", "publicity", "political_review"),
        on_file=True,
    ),
    Step(
        16,
        "upper_talk",
        "上级党委派人谈话",
        4,
        (PEOPLE,),
        after=("branch_vote",),
        people_label="谈话人",
    ),
    Step(
        17,
        "approved",
        "上级党委审批",
        4,
        (DOCUMENT,),
        after=("branch_vote",),
        on_file=True,
        document_label="批复文号",
    ),
    Step(
        18,
        "approval_filed",
        "再上一级党委组织部门备案",
        4,
        (DOCUMENT,),
        after=("approved",),
        on_file=True,
    ),
    Step(19, "placed", "编入党支部和党小组", 5, (GROUP,), after=("approved",)),
    Step(20, "oath", "入党宣誓", 5, (DOCUMENT,), after=("approved",)),
    Step(
        21,
        "continued_review",
        "继续教育考察",
        5,
        (PEOPLE, DOCUMENT),
        after=("approved",),
        repeats=True,
        people_label="考察人",
        document_label="考察意见",
    ),
    Step(22, "conversion_applied", "提出转正申请", 5, (DOCUMENT,), after=("approved",)),
    Step(
        23,
        "conversion_vote",
        "支部大会讨论",
        5,
        (VOTE, DOCUMENT),
        after=("approved",),
        on_file=True,
    ),
    Step(
        24,
        "converted",
        "上级党委审批",
        5,
        (DOCUMENT,),
        after=("conversion_vote",),
        on_file=True,
        document_label="批复文号",
    ),
    Step(25, "archived", "材料归档", 5, (DOCUMENT,), after=("converted",)),
)
STEP_BY_CODE: dict[str, Step] = {s.code: s for s in STEPS}

# Records that are not a step of their own: outcomes, recorded from the file like a step.
EXTENSION = Step(
    0,
    "probation_extended",
    "延长预备期",
    5,
    (MONTHS, DOCUMENT),
    after=("approved",),
    document_label="支部大会决议",
)
DROPPED = Step(0, "dropped", "终止培养", 0, (DOCUMENT,), document_label="原因")
OUTCOMES: dict[str, Step] = {s.code: s for s in (EXTENSION, DROPPED)}
# The step a companion record belongs to (推优 → step 3, 公示 → step 13).
COMPANION_OF: dict[str, Step] = {s.companion: s for s in STEPS if s.companion}


def step_of(code: str) -> Step | None:
    """The step (or outcome) a record of ``code`` marks; for a companion, the step it belongs to."""
    return STEP_BY_CODE.get(code) or OUTCOMES.get(code) or COMPANION_OF.get(code)


def record_label(code: str) -> str:
    """The Chinese name of one record of the file (``推荐（推优）``)."""
    return CANDIDATE_STEPS.get(code, code)
