"""What an amendment changed in a meeting record, field by field and in the minutes' words
(SYS-3, SYS-4: an inspector asks what a record said before and what was changed).

``meeting_changes(before, after, data)`` lists each change under the part of the minutes it
belongs to (时间, 地点, 出席, 议程, 决议, 表决 …), naming the field by its declared label, the
person by name and a choice by its Chinese label, e.g. ``出席  李四：出席 → 请假（到党校学习）``.
Items of a list are paired by what identifies them (a person, a decision's id, an agenda
item's title), the rest in order, so an edited title reads as a change and not as one item
removed and another added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from branchtui.domain.dates import format_date
from branchtui.domain.fields import fields_of
from branchtui.domain.meetings.roll import person_name
from branchtui.domain.meetings.theme_day import length_text, minutes_of
from branchtui.domain.records import (
    AgendaItem,
    Attendance,
    BranchData,
    Criticism,
    Decision,
    Lecture,
    LifeMeeting,
    Meeting,
    Observer,
    Rectification,
    SelfExamination,
    Speech,
    ThemeDay,
    Vote,
)
from branchtui.domain.records.meetings import ATTENDANCE_STATUSES

NONE = "（无）"
SHORT = 16  # characters of a decision's or a motion's text that name it

# The parts of the minutes, in their order, and the record fields each holds. Every field of
# Meeting is here or in NOT_CONTENT (a unit test checks), so a new field is never left out.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("会议类型", ("kinds",)),
    ("时间", ("date", "start", "end", "duration_minutes")),
    ("地点", ("place", "venue_id")),
    ("党小组", ("group_id",)),
    ("主持人", ("host_id",)),
    ("记录人", ("recorder_id",)),
    ("主题", ("topic",)),
    ("内容", ("content",)),
    ("出席", ("attendance", "expected_count", "present_count")),
    ("列席", ("observers",)),
    ("议程", ("agenda",)),
    ("表决", ("votes",)),
    ("党课", ("lecture",)),
    ("主题党日", ("theme_day",)),
    ("组织生活会", ("life_meeting", "criticism")),
    ("学习时长", ("study_hours",)),
    ("附件", ("photo_ids", "attachment_ids")),
    ("备注", ("note",)),
)
# The agenda's decisions are a part of their own (决议) after 议程.
DECISIONS = "决议"
# Bookkeeping, not what the meeting was: never compared.
NOT_CONTENT = frozenset(
    {"id", "rev", "entered_on", "entered_at", "entered_by", "amendments", "minutes_path"}
)
# The parts of a kind, compared field by field.
PART_TYPES: dict[str, type] = {
    "lecture": Lecture,
    "theme_day": ThemeDay,
    "life_meeting": LifeMeeting,
}
# Fields that point at a record other than a member, by the table they point into.
REFERENCES = {
    "venue_id": "venues",
    "group_id": "groups",
    "activist_ids": "candidates",
    "photo_ids": "attachments",
    "attachment_ids": "attachments",
}


@dataclass(frozen=True)
class Change:
    """One field changed: the part of the minutes, what in it (a field's label, a person, an
    agenda item), and the text before and after (``（无）`` for nothing)."""

    part: str
    item: str
    before: str
    after: str

    @property
    def text(self) -> str:
        """``地点：党员活动室 → 三楼会议室``."""
        return f"{self.item}：{self.before} → {self.after}"


def changed_parts(changes: Sequence[Change]) -> list[str]:
    """The parts the changes touch, each once, in the minutes' order."""
    return list(dict.fromkeys(c.part for c in changes))


def meeting_changes(before: Meeting, after: Meeting, data: BranchData) -> list[Change]:
    """Every change from ``before`` to ``after`` (two versions of one record), in the order
    of the minutes; names are resolved in ``data``."""
    out: list[Change] = []
    info = fields_of(Meeting)
    for part, names in PARTS:
        for name in names:
            old, new = getattr(before, name), getattr(after, name)
            if name == "duration_minutes":
                # The length the minutes state (recorded, else from start and end), not
                # whether it was typed or computed.
                old, new = minutes_of(before), minutes_of(after)
            if old == new:
                continue
            if name == "duration_minutes":
                shown = (length_text(v) if v is not None else NONE for v in (old, new))
                out.append(Change(part, "会议时长", *shown))
            elif name == "attendance":
                out += _attendance(old, new, data)
            elif name == "agenda":
                out += _agenda(old, new, data)
            elif name == "votes":
                out += _items(part, "", Vote, old, new, data)
            elif name == "observers":
                out += _items(part, "", Observer, old, new, data)
            elif name in ("lecture", "theme_day", "life_meeting"):
                out += _record_changes(part, "", PART_TYPES[name], old, new, data)
            else:
                shown = (_text(name, info[name].choices, v, data) for v in (old, new))
                out.append(Change(part, info[name].label, *shown))
    return out


def _text(name: str, choices: dict[str, str], value: Any, data: BranchData) -> str:
    """A field's value as the minutes would say it."""
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, list):
        return "、".join(_text(name, choices, v, data) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and (name.endswith("_id") or name.endswith("_ids")):
        return _name_of(data, REFERENCES.get(name, "members"), value)
    if isinstance(value, str) and value in choices:
        return choices[value]
    return str(value)


def _name_of(data: BranchData, table: str, record_id: str) -> str:
    if table == "members":
        return person_name(data, record_id)
    record = data.find(table, record_id)
    if record is None:
        return "（已删除）"
    if table == "attachments":
        return str(record.original_name or record.file_name)
    return str(record.name)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else f"{text[:SHORT]}…"


def _attendance_text(row: Attendance | None) -> str:
    if row is None:
        return "未列入名单"
    status = ATTENDANCE_STATUSES.get(row.status, row.status)
    return f"{status}（{row.reason}）" if row.reason else status


def _attendance(old: list[Attendance], new: list[Attendance], data: BranchData) -> list[Change]:
    """出席: one change per person whose attendance (or its reason) changed."""
    before = {a.member_id: a for a in old}
    after = {a.member_id: a for a in new}
    out = []
    for member_id in dict.fromkeys([*after, *before]):
        old_text = _attendance_text(before.get(member_id))
        new_text = _attendance_text(after.get(member_id))
        if old_text != new_text:
            out.append(Change("出席", person_name(data, member_id), old_text, new_text))
    return out


def _agenda(old: list[AgendaItem], new: list[AgendaItem], data: BranchData) -> list[Change]:
    """议程 (titles, notes, speeches), then 决议 (the decisions of every item)."""
    items = _pair(old, new, lambda i: i.title)
    out = []
    for n, (b, a) in enumerate(items, 1):
        if b is None or a is None:
            shown = (x.title if x is not None else NONE for x in (b, a))
            out.append(Change("议程", f"议题{n}", *shown))
            continue
        if b.title != a.title:
            out.append(Change("议程", f"议题{n}", b.title, a.title))
        title = f"议题“{_short(a.title)}”"
        if b.notes != a.notes:
            out.append(Change("议程", f"{title}·讨论情况记录", b.notes or NONE, a.notes or NONE))
        out += _items("议程", title, Speech, b.speeches, a.speeches, data)
    for b, a in items:
        old_decisions = b.decisions if b is not None else []
        new_decisions = a.decisions if a is not None else []
        out += _items(DECISIONS, "", Decision, old_decisions, new_decisions, data)
    return out


# How the items of a list are told apart, and what names one in a change.
KEYS: dict[type, Callable[[Any], object]] = {
    Decision: lambda d: d.id,
    Rectification: lambda r: r.id,
    Vote: lambda v: (v.motion, v.candidate),
    Speech: lambda s: s.member_id or s.name,
    Criticism: lambda c: c.critic_id or c.critic_name,
    SelfExamination: lambda e: e.member_id,
    Observer: lambda o: o.name,
}


def _item_name(item: Any, data: BranchData) -> str:
    if isinstance(item, Decision):
        return f"决定“{_short(item.text)}”"
    if isinstance(item, Rectification):
        return f"整改事项“{_short(item.problem)}”"
    if isinstance(item, Vote):
        who = f"（{item.candidate}）" if item.candidate else ""
        return f"表决“{_short(item.motion)}”{who}"
    if isinstance(item, Speech):
        return f"{person_name(data, item.member_id, item.name)}的发言"
    if isinstance(item, Criticism):
        return f"{person_name(data, item.critic_id, item.critic_name)}的批评意见"
    if isinstance(item, SelfExamination):
        return f"{person_name(data, item.member_id)}的对照检查"
    if isinstance(item, Observer):
        return f"列席人员{item.name}"
    return ""


def _pair(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], object]) -> list[Any]:
    """(before, after) pairs: items with the same key first (in turn), the rest in order;
    an item only on one side is paired with None."""
    left = list(range(len(old)))
    pairs: list[tuple[Any, Any]] = []
    unmatched_new: list[int] = []
    for j, item in enumerate(new):
        found = next((i for i in left if key(old[i]) == key(item)), None)
        if found is None:
            unmatched_new.append(j)
            pairs.append((None, item))
        else:
            left.remove(found)
            pairs.append((old[found], item))
    # Unmatched items on both sides, in order: the same item edited (a retitled agenda item).
    for j, i in zip(unmatched_new, list(left), strict=False):
        pairs[j] = (old[i], new[j])
        left.remove(i)
    return pairs + [(old[i], None) for i in left]


def _items(
    part: str, prefix: str, cls: type, old: Sequence[Any], new: Sequence[Any], data: BranchData
) -> list[Change]:
    """The changes in a list of parts (decisions, votes, speeches …)."""
    out = []
    for b, a in _pair(old, new, KEYS.get(cls, lambda x: x)):
        name = _item_name(a if a is not None else b, data)
        out += _record_changes(part, _join(prefix, name), cls, b, a, data)
    return out


def _record_changes(
    part: str, prefix: str, cls: type, old: Any, new: Any, data: BranchData
) -> list[Change]:
    """Field by field, by declared label; a part only on one side is one change."""
    if old is None or new is None:
        item = prefix or part
        return [Change(part, item, _summary(cls, old, data), _summary(cls, new, data))]
    out = []
    for name, info in fields_of(cls).items():
        b, a = getattr(old, name), getattr(new, name)
        if name == "id" or b == a:
            continue
        inner = _item_type(b or a)
        if inner is not None:
            out += _items(part, _join(prefix, ""), inner, b, a, data)
        else:
            shown = (_text(name, info.choices, v, data) for v in (b, a))
            out.append(Change(part, _join(prefix, info.label), *shown))
    return out


def _item_type(value: Any) -> type | None:
    """The record type of a list of parts (speeches, criticisms …), None for other values."""
    if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
        return type(value[0])
    return None


def _summary(cls: type, value: Any, data: BranchData) -> str:
    """A whole part in a line: ``决定事项：制定方案；责任人：张三``; ``（无）`` for None."""
    if value is None:
        return NONE
    shown = []
    for name, info in fields_of(cls).items():
        v = getattr(value, name)
        if name == "id" or v in (None, "", [], False, 0):
            continue
        if _item_type(v) is not None:
            shown.append(f"{info.label}{len(v)}项")
        else:
            shown.append(f"{info.label}：{_text(name, info.choices, v, data)}")
    return "；".join(shown) or NONE


def _join(prefix: str, label: str) -> str:
    return "·".join(p for p in (prefix, label) if p)
