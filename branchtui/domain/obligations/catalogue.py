"""Every rule ID of RULES.md with its Chinese title and the action that settles it.

``action`` is what the dashboard offers: ``screen:<name>`` (a TUI screen) or ``cli:<command>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from branchtui.domain.obligations.base import BRIEF_CELLS, Obligation
from branchtui.domain.obligations.periods import Period
from branchtui.domain.text_cells import first_fitting


@dataclass(frozen=True)
class RuleEntry:
    """One row of the rule catalogue."""

    rule: str
    title: str
    action: str


_ROWS: tuple[tuple[str, str, str], ...] = (
    ("ORG-1", "建立完整、准确的党员名册", "screen:roster"),
    ("ORG-2", "党员20人以上划分党小组，每组一般不超过10人", "screen:groups"),
    ("ORG-3", "党员50人以上升格党总支，100人以上升格党委", "screen:branch"),
    ("ORG-4", "任期届满按期换届", "screen:committee"),
    ("ORG-5", "配齐党支部书记（必要时增设副书记）", "screen:committee"),
    ("ORG-6", "支部委员会设立纪检委员", "screen:committee"),
    ("ORG-7", "党支部书记空缺1个月内补选到位", "screen:committee"),
    ("ORG-8", "委员出缺3个月内召开党员大会补选", "screen:committee"),
    ("LIFE-1", "支部党员大会每3个月召开1次", "screen:meetings"),
    ("LIFE-2", "党支部委员会每月召开1次", "screen:meetings"),
    ("LIFE-3", "党小组会每月召开1次（不设党小组的每月全体党员学习）", "screen:meetings"),
    ("LIFE-4", "每年组织党员听1-2次党课，书记和中层以上领导干部讲党课", "screen:meetings"),
    ("LIFE-5", "每月第一个工作日开展主题党日，不少于2小时", "screen:meetings"),
    ("LIFE-6", "每年召开1-2次组织生活会", "screen:meetings"),
    ("LIFE-7", "每年开展1次民主评议党员", "screen:appraisal"),
    ("LIFE-8", "党员领导干部以普通党员身份参加组织生活", "screen:meetings"),
    ("LIFE-9", "“三会一课”可与主题党日相结合", "screen:meetings"),
    ("REL-1", "党员外出按规定接转组织关系或开具凭证并登记备案", "screen:relations"),
    ("REL-2", "组织关系在线上接转，不再使用纸质介绍信", "screen:relations"),
    ("REL-3", "因私出国（境）前办理保留或停止党籍审批", "screen:travels"),
    ("REL-4", "流出党员登记建册、发放流动党员活动证、专人联系", "screen:flowing"),
    ("REL-5", "流动党员返回后查验活动证，预备党员按期转正", "screen:flowing"),
    ("REL-6", "流入党员编入支部并反馈情况", "screen:flowing"),
    ("EDU-1", "每年集中学习时间不少于12天", "screen:study"),
    ("EDU-2", "开展主题实践活动", "screen:activities"),
    ("EDU-3", "“七一”及重大节日开展纪念活动", "screen:activities"),
    ("EDU-4", "党员每月按时足额交纳党费", "screen:dues"),
    ("EDU-5", "推广使用《党员证》，一人一证", "screen:certificates"),
    ("EDU-6", "建立党员义务清单并督促履行", "screen:dashboard"),
    ("EDU-7", "重视出勤率，防止党员失去联系", "screen:attendance"),
    ("EDU-8", "严格处置不合格党员", "screen:discipline"),
    ("DEV-1", "建立发展党员信息库，每半年更新一次", "screen:development"),
    ("DEV-2", "非党员职工50人以上建立入党积极分子队伍", "screen:development"),
    ("DEV-3", "严格发展程序，一人一档全程记实", "screen:development"),
    ("CARE-1", "开展谈心谈话", "screen:talks"),
    ("CARE-2", "保障党员权利，党务公开", "screen:announcements"),
    ("CARE-3", "关心帮扶困难党员", "screen:hardship"),
    ("SYS-1", "健全“三会一课”等规章制度", "screen:systems"),
    ("SYS-2", "每年初制订全年工作计划", "screen:plans"),
    ("SYS-3", "会议活动专人记录、拍照，分类归档，建立电子台帐", "screen:ledger"),
    ("SYS-4", "上级党委每年至少检查一次", "screen:inspections"),
    ("BASE-1", "有党员活动场所并配备设施", "screen:venues"),
    ("BASE-2", "活动经费和回拨党费按规定使用", "screen:funds"),
    ("REP-1", "每月17日前向上级党委报告工作情况", "screen:monthly_report"),
    ("REP-2", "八项任务年度评议考核", "screen:assessment"),
    ("REP-3", "对照“五好”党支部标准自查", "screen:assessment"),
    ("REP-4", "总结上报好经验、好做法", "screen:practices"),
    ("NAT-1", "支部党员大会表决须过半数党员到会、赞成票超过应到会正式党员半数", "screen:meetings"),
    ("NAT-2", "支委会决议须过半数委员到会", "screen:meetings"),
    ("NAT-3", "发展党员各阶段按时限进行", "screen:development"),
    ("NAT-4", "按规定标准计算交纳党费", "screen:dues"),
    (
        "NAT-5",
        "连续6个月不交党费、不参加组织生活、不做分配的工作的，按自行脱党处理",
        "screen:discipline",
    ),
    (
        "NAT-6",
        "失联党员满6个月停止党籍，停止党籍2年后仍无联系的按自行脱党除名",
        "screen:lost_contact",
    ),
    ("NAT-7", "民主评议结果分优秀、合格、基本合格、不合格，预备党员不评等次", "screen:appraisal"),
)

CATALOGUE: dict[str, RuleEntry] = {r: RuleEntry(r, t, a) for r, t, a in _ROWS}
RULE_IDS: tuple[str, ...] = tuple(CATALOGUE)
FAMILIES: dict[str, str] = {
    "ORG": "组织体系",
    "LIFE": "组织生活",
    "REL": "组织关系",
    "EDU": "教育管理",
    "DEV": "发展党员",
    "CARE": "党内关怀",
    "SYS": "建章立制",
    "BASE": "基础保障",
    "REP": "报告考核",
    "NAT": "全国性规定",
}


def title(rule_id: str) -> str:
    """The rule's Chinese title."""
    return CATALOGUE[rule_id].title


def obligation(rule_id: str, status: str, **fields: Any) -> Obligation:
    """An Obligation with the catalogue's title and action filled in (either may be overridden)."""
    entry = CATALOGUE[rule_id]
    fields.setdefault("title", entry.title)
    fields.setdefault("action", entry.action)
    return Obligation(rule=rule_id, status=status, **fields)


def period_obligation(rule_id: str, status: str, period: Period, **fields: Any) -> Obligation:
    """An obligation of one month, quarter or year, due on the period's last day."""
    return obligation(
        rule_id, status, period_kind=period.kind, period=period.key, due=period.end, **fields
    )


def needs_data(rule_id: str, needs: str, status: str = "due", **fields: Any) -> Obligation:
    """A rule that cannot be judged yet: it says (in Chinese) which data it needs."""
    fields.setdefault("detail", f"无法判断：{needs}")
    # Too long for the dashboard row: what to enter without its parenthesised hint, which
    # says more than a bare 缺少数据 (the detail keeps the hint).
    bare = needs.split("（", 1)[0]
    fields.setdefault("brief", brief(fields["detail"], needs, bare or needs, "缺少数据，无法判断"))
    return obligation(rule_id, status, needs=needs, **fields)


def brief(*candidates: str) -> str:
    """An obligation's short form: the first candidate within ``BRIEF_CELLS`` (the dashboard's
    row at 80 columns), else the last; candidates go from the fullest to the shortest."""
    return first_fitting(BRIEF_CELLS, *candidates)


def who(names: Sequence[str]) -> str:
    """ "张三", or "张三等5人" for several people, for a short form."""
    if len(names) <= 1:
        return "".join(names)
    return f"{names[0]}等{len(names)}人"
