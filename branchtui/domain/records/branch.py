"""The branch itself and its committee: terms, seats and vacancies."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record

BranchKind = Literal["branch", "general_branch"]
BRANCH_KINDS = labelled(BranchKind, {"branch": "党支部", "general_branch": "党总支"})
ProfileName = Literal["plan-2017", "national"]
PROFILE_NAMES = labelled(
    ProfileName, {"plan-2017": "2017年实施方案（默认）", "national": "全国现行规定"}
)
SeatRole = Literal[
    "secretary", "deputy_secretary", "organization", "propaganda", "discipline", "other"
]
SEAT_ROLES = labelled(
    SeatRole,
    {
        "secretary": "书记",
        "deputy_secretary": "副书记",
        "organization": "组织委员",
        "propaganda": "宣传委员",
        "discipline": "纪检委员",
        "other": "委员",
    },
)


@dataclass(kw_only=True, slots=True)
class Branch(Record):
    """党支部 / 党总支: the organization this data file belongs to."""

    TABLE = "branch"
    LABEL = "支部信息"

    name: Annotated[str, Spec("支部名称", max_length=40)]
    kind: Annotated[BranchKind, Spec("组织类型")] = "branch"
    upper_committee: Annotated[str, Spec("上级党委", max_length=60)] = ""
    non_public: Annotated[bool, Spec("非公企业党组织", doc="是否为非公有制企业党组织")] = False
    profile: Annotated[ProfileName, Spec("规则配置", doc="采用的规则配置")] = "plan-2017"
    non_party_staff: Annotated[
        int | None, Spec("非党员职工人数", doc="单位非党员职工人数", ge=0)
    ] = None
    created: Annotated[dt.date | None, Spec("成立时间")] = None


@dataclass(kw_only=True, slots=True)
class Term(Record):
    """任期 / 届: one committee term, from an election to the next."""

    TABLE = "terms"
    LABEL = "任期"

    number: Annotated[int, Spec("届次", doc="第几届", ge=1, le=100)] = 1
    start: Annotated[dt.date, Spec("任期开始时间", doc="选举日期")]
    elected_at_meeting_id: Annotated[
        str | None, Spec("选举会议", doc="选举产生本届委员会的党员大会")
    ] = None
    extension_until: Annotated[dt.date | None, Spec("延期至", doc="延期换届至")] = None
    extension_approved: Annotated[dt.date | None, Spec("上级批准延期时间")] = None
    extension_ref: Annotated[str, Spec("延期批准文号", max_length=100)] = ""
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class CommitteeSeat(Record):
    """委员: a seat of the committee held by a member during a term."""

    TABLE = "seats"
    LABEL = "支委委员"

    term_id: Annotated[str, Spec("任期", doc="所属任期")]
    role: Annotated[SeatRole, Spec("职务")]
    title: Annotated[str, Spec("职务的其他称呼", max_length=40)] = ""
    member_id: Annotated[str | None, Spec("党员")] = None
    since: Annotated[dt.date | None, Spec("任职时间")] = None
    until: Annotated[dt.date | None, Spec("离任时间")] = None


@dataclass(kw_only=True, slots=True)
class Vacancy(Record):
    """空缺: a seat without a holder since a date (ORG-7, ORG-8)."""

    TABLE = "vacancies"
    LABEL = "委员空缺"

    role: Annotated[SeatRole, Spec("空缺职务")]
    since: Annotated[dt.date, Spec("空缺起始时间")]
    filled: Annotated[dt.date | None, Spec("补齐时间")] = None
    seat_id: Annotated[str | None, Spec("委员职位", doc="对应的委员职位")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


ElectionKind = Literal["renewal", "by_election", "appointment"]
ELECTION_KINDS = labelled(
    ElectionKind,
    {"renewal": "换届选举", "by_election": "补选", "appointment": "上级党组织指派"},
)
# ORG-4: when fewer are elected than the seats, the rest are elected again (另行选举, left as
# vacancies for a by-election) or, with the voters' consent, the seats are reduced (减少名额).
Shortfall = Literal["re_elect", "reduce"]
SHORTFALLS = labelled(Shortfall, {"re_elect": "不足名额另行选举", "reduce": "减少名额，不再选举"})


@dataclass(kw_only=True, slots=True)
class ElectionCandidate:
    """A candidate of an election with the votes counted and, once elected, the seat taken."""

    member_id: Annotated[str, Spec("候选人")]
    votes: Annotated[int, Spec("得票数", doc="赞成票", ge=0)] = 0
    runoff_votes: Annotated[
        int | None, Spec("再次投票得票数", doc="得票相等不能确定当选人时再次投票的得票", ge=0)
    ] = None
    elected: Annotated[bool, Spec("当选", doc="是否当选")] = False
    role: Annotated[SeatRole | Blank, Spec("分工", doc="当选后担任的职务")] = ""


@dataclass(kw_only=True, slots=True)
class Election(Record):
    """换届选举 / 补选 (ORG-4, ORG-7, ORG-8): the plan's approval, the candidates, who could
    vote and came, the ballots and the votes; or the upper organization's appointment."""

    TABLE = "elections"
    LABEL = "选举"

    kind: Annotated[ElectionKind, Spec("选举类型")] = "renewal"
    date: Annotated[dt.date, Spec("选举日期", doc="召开党员大会选举或上级指派的日期")]
    plan_approved: Annotated[
        dt.date | None, Spec("上级批复时间", doc="上级党组织批复选举方案（或指派决定）的日期")
    ] = None
    plan_ref: Annotated[str, Spec("批复文号", max_length=100)] = ""
    seats: Annotated[int, Spec("应选人数", ge=1, le=15)] = 1
    candidates: Annotated[list[ElectionCandidate], Spec("候选人")] = field(default_factory=list)
    voters_expected: Annotated[
        int | None, Spec("应到会有选举权党员数", doc="正式党员，不含经批准不计入的", ge=0)
    ] = None
    voters_present: Annotated[int | None, Spec("实到会有选举权党员数", ge=0)] = None
    excused_ids: Annotated[
        list[str], Spec("不计入应到会人数的党员", doc="因病、出国半年以上等经上级党组织同意")
    ] = field(default_factory=list)
    ballots_issued: Annotated[int | None, Spec("发出选票", ge=0)] = None
    ballots_returned: Annotated[int | None, Spec("收回选票", ge=0)] = None
    ballots_valid: Annotated[int | None, Spec("有效票", ge=0)] = None
    ballots_invalid: Annotated[int | None, Spec("无效票", ge=0)] = None
    counter_ids: Annotated[list[str], Spec("计票人")] = field(default_factory=list)
    scrutineer_ids: Annotated[list[str], Spec("监票人")] = field(default_factory=list)
    shortfall: Annotated[Shortfall | Blank, Spec("名额不足的处理")] = ""
    meeting_id: Annotated[str | None, Spec("选举会议", doc="进行选举的支部党员大会")] = None
    term_id: Annotated[str | None, Spec("任期", doc="换届选举产生的任期")] = None
    vacancy_id: Annotated[str | None, Spec("补选的空缺")] = None
    note: Annotated[str, Spec("备注", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class Venue(Record):
    """活动场所 (BASE-1)."""

    TABLE = "venues"
    LABEL = "活动场所"

    name: Annotated[str, Spec("场所名称", max_length=100)]
    shared: Annotated[bool, Spec("共用场所", doc="是否与其他单位共用")] = False
    address: Annotated[str, Spec("地址", max_length=200)] = ""
    equipment: Annotated[list[str], Spec("设施设备")] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class RecordsGap(Record):
    """建档前无记录可补: the secretary's word that a periodic duty (``rule``, e.g. EDU-3, for
    ``period``, e.g. "2026") which fell due before the branch's records begin has no record to
    enter — none was kept, or the previous secretary's is lost. The duty then reads 不适用
    with ``note`` (domain/obligations/records_gap.py); deleting the mark undoes it."""

    TABLE = "records_gaps"
    LABEL = "建档前无记录"

    rule: Annotated[str, Spec("事项", doc="规则编号，如 EDU-3", min_length=1, max_length=20)]
    period: Annotated[
        str, Spec("期间", doc="月 2026-05、季度 2026-Q2 或年 2026", min_length=1, max_length=10)
    ]
    note: Annotated[str, Spec("说明", doc="为何无记录可补", min_length=1, max_length=200)]
    marked: Annotated[dt.date, Spec("标记时间")]
