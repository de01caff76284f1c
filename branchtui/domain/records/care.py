"""Care and rights: talks, ideological fluctuations, hardship cases, announcements (CARE-1…3)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from branchtui.domain.choices import labelled
from branchtui.domain.fields import Spec
from branchtui.domain.records.base import Record

TalkKind = Literal["daily", "special", "reminder", "admonishing"]
TALK_KINDS = labelled(
    TalkKind,
    {
        "daily": "日常谈话",
        "special": "专题谈话",
        "reminder": "提醒谈话",
        "admonishing": "诫勉谈话",
    },
)
TalkTrigger = Literal[
    "",
    "transfer_in",
    "transfer_out",
    "going_out",
    "abroad",
    "fluctuation",
    "handling",
    "discipline",
    "application",
]
TALK_TRIGGERS = labelled(
    TalkTrigger,
    {
        "": "无",
        "transfer_in": "转入组织关系",
        "transfer_out": "转出组织关系",
        "going_out": "外出流动",
        "abroad": "出国（境）",
        "fluctuation": "思想波动",
        "handling": "需组织处理",
        "discipline": "需受党纪处分",
        "application": "入党申请",
    },
)


@dataclass(kw_only=True, slots=True)
class Talk(Record):
    """谈心谈话 (CARE-1); ``about_id`` names the event that required it."""

    TABLE = "talks"
    LABEL = "谈心谈话"

    member_id: Annotated[str | None, Spec("党员")] = None
    person_name: Annotated[
        str, Spec("谈话对象", doc="谈话对象姓名（非本支部党员时填写）", max_length=40)
    ] = ""
    date: Annotated[dt.date, Spec("谈话日期")]
    kind: Annotated[TalkKind, Spec("谈话类型")] = "daily"
    trigger: Annotated[TalkTrigger, Spec("谈话起因")] = ""
    about_id: Annotated[
        str | None, Spec("相关记录", doc="引发这次谈话的记录（如组织关系转接）的 id")
    ] = None
    talker_id: Annotated[str | None, Spec("谈话人")] = None
    content: Annotated[str, Spec("内容", max_length=5000)] = ""


@dataclass(kw_only=True, slots=True)
class Fluctuation(Record):
    """思想波动 (CARE-1): a member seen to waver in thought, or with a 倾向性、苗头性 problem;
    the secretary must talk with the member (a Talk whose ``about_id`` is this record).
    ``closed`` keeps a settled entry as history, with how it was resolved."""

    TABLE = "fluctuations"
    LABEL = "思想波动"

    member_id: Annotated[str, Spec("党员")]
    noticed: Annotated[dt.date, Spec("发现日期")]
    reporter_id: Annotated[str | None, Spec("发现人", doc="发现或反映情况的本支部党员")] = None
    reporter_name: Annotated[
        str, Spec("反映人", doc="发现或反映情况的人（非本支部党员时填写）", max_length=40)
    ] = ""
    description: Annotated[
        str, Spec("波动情况", doc="思想波动或倾向性、苗头性问题的简要情况", max_length=2000)
    ]
    closed: Annotated[dt.date | None, Spec("化解日期", doc="思想问题解决、不再关注的日期")] = None
    resolution: Annotated[str, Spec("化解情况", doc="如何做工作、结果如何", max_length=2000)] = ""


@dataclass(kw_only=True, slots=True)
class HardshipCase(Record):
    """困难帮扶 (CARE-3): application received, reported up, help given."""

    TABLE = "hardship_cases"
    LABEL = "困难帮扶"

    member_id: Annotated[str, Spec("帮扶对象")]
    applied: Annotated[dt.date, Spec("申请时间")]
    description: Annotated[str, Spec("困难情况", max_length=2000)]
    reported_up: Annotated[dt.date | None, Spec("上报时间", doc="上报上级日期")] = None
    helped: Annotated[dt.date | None, Spec("帮扶时间")] = None
    help: Annotated[str, Spec("帮扶措施", max_length=2000)] = ""
    amount: Annotated[Decimal | None, Spec("帮扶金额", doc="元", ge=0)] = None


@dataclass(kw_only=True, slots=True)
class Announcement(Record):
    """党务公开 (CARE-2)."""

    TABLE = "announcements"
    LABEL = "党务公开"

    date: Annotated[dt.date, Spec("公开日期")]
    title: Annotated[str, Spec("公开事项", max_length=200)]
    content: Annotated[str, Spec("内容", max_length=5000)] = ""
    channel: Annotated[str, Spec("公开方式", doc="公开栏、会议、网络等", max_length=100)] = ""
    scope: Annotated[
        str, Spec("公开范围", doc="如：支部全体党员、本单位职工、社会", max_length=100)
    ] = ""
