"""Members and party groups."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from branchtui.domain.choices import Blank, labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record

Gender = Literal["male", "female"]
GENDERS = labelled(Gender, {"male": "男", "female": "女"})
MemberStatus = Literal["full", "probationary"]
MEMBER_STATUSES = labelled(MemberStatus, {"full": "正式党员", "probationary": "预备党员"})
RemovalReason = Literal["transferred_out", "deceased", "quit", "expelled", "suspended", "other"]
REMOVAL_REASONS = labelled(
    RemovalReason,
    {
        "transferred_out": "转出组织关系",
        "deceased": "去世",
        "quit": "自行脱党",
        "expelled": "开除党籍",
        "suspended": "停止党籍",
        "other": "其他",
    },
)
DuesCategory = Literal["working", "retired", "student", "unemployed", "low_income"]
DUES_CATEGORIES = labelled(
    DuesCategory,
    {
        "working": "在职",
        "retired": "离退休",
        "student": "学生",
        "unemployed": "无固定收入",
        "low_income": "低收入",
    },
)
PERSONAL = "个人信息，数据包中不打码"


@dataclass(kw_only=True, slots=True)
class Member(Record):
    """党员: a person in the roster (ORG-1). Removed members stay as history."""

    TABLE = "members"
    LABEL = "党员"

    name: Annotated[str, Spec("姓名", min_length=2, max_length=20, synonyms=("党员姓名",))]
    gender: Annotated[Gender | Blank, Spec("性别")] = ""
    ethnicity: Annotated[str, Spec("民族", max_length=20)] = "汉族"
    birth_date: Annotated[
        dt.date | None, Spec("出生日期", synonyms=("出生年月", "出生年月日", "出生时间"))
    ] = None
    id_number: Annotated[
        str,
        Spec(
            "身份证号",
            doc=PERSONAL,
            synonyms=("公民身份号码", "身份证号码", "身份证", "公民身份证号码"),
        ),
    ] = ""
    phone: Annotated[
        str,
        Spec(
            "联系电话",
            doc=PERSONAL,
            synonyms=("手机", "手机号码", "手机号", "电话", "联系方式"),
        ),
    ] = ""
    education: Annotated[str, Spec("学历", max_length=40, synonyms=("文化程度", "最高学历"))] = ""
    position: Annotated[
        str,
        Spec(
            "职务",
            doc="工作单位及职务",
            max_length=100,
            synonyms=("工作岗位", "职务职称", "岗位", "现任职务"),
        ),
    ] = ""
    joined: Annotated[
        dt.date | None,
        Spec(
            "入党时间",
            doc="入党日期；预备党员为支部大会通过之日",
            synonyms=("入党日期", "入党年月"),
        ),
    ] = None
    full_date: Annotated[
        dt.date | None, Spec("转正时间", doc="转为正式党员日期", synonyms=("转正日期", "转正年月"))
    ] = None
    probation_extension_months: Annotated[
        int | None,
        Spec(
            "延长预备期",
            doc="支部大会决定延长预备期的月数（6至12个月，只能延长一次）；"
            "有发展党员档案的在档案中登记",
            ge=0,
        ),
    ] = None
    arrived: Annotated[
        dt.date | None,
        Spec(
            "转入本支部日期",
            doc="组织关系转入本支部之日；本支部发展的党员不填。各项按党员计算的规定从此日"
            "（与入党时间中较晚者）起算",
            synonyms=("转入日期", "转入时间", "转入本支部时间", "组织关系转入时间"),
        ),
    ] = None
    status: Annotated[
        MemberStatus, Spec("党员类别", synonyms=("人员类别", "党籍状态", "党员类型"))
    ] = "full"
    group_id: Annotated[str | None, Spec("党小组", doc="所属党小组", synonyms=("所在党小组",))] = (
        None
    )
    is_leader: Annotated[
        bool, Spec("中层以上干部", doc="中层以上领导干部（LIFE-4 讲党课、LIFE-8 双重组织生活）")
    ] = False
    inflow: Annotated[bool, Spec("流入党员", doc="是否为流入党员")] = False
    dues_category: Annotated[DuesCategory, Spec("党费类别")] = "working"
    monthly_income: Annotated[Decimal | None, Spec("月收入（元）", doc="税后", ge=0)] = None
    removed: Annotated[dt.date | None, Spec("移出时间", doc="离开名册的日期（记录保留为历史）")] = (
        None
    )
    removed_reason: Annotated[RemovalReason | Blank, Spec("移出原因")] = ""
    removed_note: Annotated[str, Spec("移出说明", max_length=500)] = ""
    note: Annotated[str, Spec("备注", max_length=2000)] = ""

    @property
    def active(self) -> bool:
        return self.removed is None

    @property
    def counted_from(self) -> dt.date | None:
        """The first day this branch answers for the member's duties: the later of 入党时间 and
        转入本支部日期 (``arrived``); None when neither is known. Every per-member rule (dues,
        attendance, lapse, appraisal, leaders' duties) counts from here, never from before."""
        if self.arrived is None:
            return self.joined
        if self.joined is None or self.joined < self.arrived:
            return self.arrived
        return self.joined


@dataclass(kw_only=True, slots=True)
class PartyGroup(Record):
    """党小组 (ORG-2); members point at their group with ``group_id``."""

    TABLE = "groups"
    LABEL = "党小组"

    name: Annotated[str, Spec("党小组名称", max_length=50)]
    leader_id: Annotated[str | None, Spec("党小组长")] = None
    created: Annotated[dt.date | None, Spec("成立时间")] = None
    dissolved: Annotated[dt.date | None, Spec("撤销时间")] = None
