"""The parts of a meeting's minutes: agenda, speeches, decisions, lecture, theme day,
组织生活会, observers and amendments (what real 台账 minutes hold, issue 8).

People are referred to by member id so that a name stays resolvable after an edit of the
roster (removed members stay as history); ``name`` fields hold the name of someone who is
not in the roster (a representative of the upper committee, a guest lecturer, the public).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.records.base import new_id

# 表决方式.
VOTE_METHODS = {"show_of_hands": "举手表决", "secret_ballot": "无记名投票"}
# 党课形式 and 主题党日形式 (线上/线下).
ACTIVITY_FORMS = {"offline": "线下", "online": "线上", "mixed": "线上线下结合"}
# LIFE-5: a 主题党日's 规定动作; 自选动作 are free text.
THEME_DAY_ACTIONS = {"study": "学习", "oath": "重温入党誓词", "dues": "交纳党费"}
# LIFE-6: how a 组织生活会 is held (召开形式).
LIFE_MEETING_FORMS = {"branch": "以党支部为单位召开", "group": "以党小组为单位召开"}


@dataclass(kw_only=True)
class Speech:
    """发言: one person's words on an agenda item, attributed by name (never "大家一致认为")."""

    member_id: str | None = None
    name: str = ""  # for a speaker outside the roster
    text: str = ""


@dataclass(kw_only=True)
class Decision:
    """决定 / 决议 on an agenda item, with the person responsible (责任人) and deadline (时限).

    ``referred`` marks a matter the committee refers to the general meeting (提交党员大会讨论);
    ``done`` makes a decision with an owner and deadline a trackable item.
    """

    id: str = field(default_factory=new_id)
    text: str
    owner_id: str | None = None
    due: dt.date | None = None
    referred: bool = False
    done: dt.date | None = None


@dataclass(kw_only=True)
class AgendaItem:
    """议题: what was discussed, who said what, and what was decided."""

    title: str
    notes: str = ""
    speeches: list[Speech] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


@dataclass(kw_only=True)
class Observer:
    """列席: someone outside the roster who sat in (a member of the branch who sat in is an
    attendance row with status ``observer``)."""

    name: str
    post: str = ""
    reason: str = ""


@dataclass(kw_only=True)
class Lecture:
    """党课 (LIFE-4) as its own part of the minutes, also when given at another meeting.

    ``lecturer_id`` is a member (LIFE-4 counts the secretary's and leaders' lectures);
    ``lecturer_name`` and ``lecturer_post`` name a lecturer from outside the branch.
    """

    lecturer_id: str | None = None
    lecturer_name: str = ""
    lecturer_post: str = ""
    title: str = ""
    audience: str = ""
    listeners: int | None = None
    duration_minutes: int | None = None
    form: str = "offline"
    summary: str = ""


@dataclass(kw_only=True)
class ThemeDay:
    """主题党日 (LIFE-5): theme, form, the nine content types, 规定动作 and 自选动作, and who
    joined besides the members (入党积极分子 from the development register, the public)."""

    theme: str = ""
    form: str = "offline"
    content_types: list[str] = field(default_factory=list)
    required_actions: list[str] = field(default_factory=list)
    optional_actions: list[str] = field(default_factory=list)
    activist_ids: list[str] = field(default_factory=list)
    public_count: int = 0
    public_note: str = ""


@dataclass(kw_only=True)
class Criticism:
    """A named criticism one person made of another at a 组织生活会."""

    critic_id: str | None = None
    critic_name: str = ""  # when the critic is not in the roster
    text: str


@dataclass(kw_only=True)
class SelfExamination:
    """One member's 对照检查 at a 组织生活会, the criticism received, and the 表态 after it."""

    member_id: str
    text: str = ""
    criticisms: list[Criticism] = field(default_factory=list)
    response: str = ""


@dataclass(kw_only=True)
class Rectification:
    """整改事项: 问题 / 措施 / 责任人 / 时限, tracked until ``done``."""

    id: str = field(default_factory=new_id)
    problem: str
    measure: str = ""
    owner_id: str | None = None
    due: dt.date | None = None
    done: dt.date | None = None


@dataclass(kw_only=True)
class LifeMeeting:
    """组织生活会 (LIFE-6): criticism and self-criticism, the upper committee's word, and the
    rectification list it leaves behind."""

    form: str = "branch"
    theme: str = ""
    last_rectification: str = ""  # how last year's rectification went (通报)
    examinations: list[SelfExamination] = field(default_factory=list)
    upper_delegate: str = ""  # name of the upper committee's representative
    upper_delegate_post: str = ""
    upper_comment: str = ""
    rectifications: list[Rectification] = field(default_factory=list)


@dataclass(kw_only=True)
class Amendment:
    """补正: the record as it was before an amendment (``previous``, a stored document without
    its own amendments), when it was amended and why."""

    date: dt.date
    reason: str = ""
    previous: dict[str, Any] = field(default_factory=dict)
