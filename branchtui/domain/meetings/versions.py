"""A meeting record's versions, and a 民主评议's (SYS-3, SYS-4: an inspection sees what a record
said before it was amended, when each version was saved, by whom, and what each amendment
changed).

A record amended n times has n + 1 versions. Version k ≤ n is ``amendments[k-1].previous``
as it then stood, with the amendments made before it (so its minutes say what they said
then); the last version is the record itself. Version 1 was saved when the record was entered
(its day, time and login name; records entered before schema 13 hold only the day); version
k > 1 by amendment k-1 (its day, and its time and login name when stored).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

from branchtui.domain.dates import format_date
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.meetings.version_changes import changed_parts, meeting_changes
from branchtui.domain.records import Appraisal, BranchData, Meeting

R = TypeVar("R", Meeting, Appraisal)
NOT_RECORDED = "未记录"  # a time or login name a version does not hold (saved before schema 13)


@dataclass(frozen=True)
class RecordVersion(Generic[R]):
    """One saved version of a record (a meeting, a 民主评议).

    ``record`` is None when the stored version cannot be read any more (``problem`` says
    why); ``reason`` is the reason given for the amendment that made this version ('' for the
    first); ``saved_at`` (HH:MM) and ``saved_by`` (login name) are '' when not stored.
    """

    number: int
    record: R | None
    saved_on: dt.date | None
    saved_at: str = ""
    saved_by: str = ""
    reason: str = ""
    current: bool = False
    problem: str = ""

    @property
    def meeting(self) -> R | None:
        """The version's record (the name the meeting screens read it by)."""
        return self.record

    @property
    def header(self) -> str:
        """``第1版（2026-11-10 保存，已被修改）`` or ``第2版（2026-11-27 保存，当前版本）``."""
        state = "当前版本" if self.current else "已被修改"
        saved = f"{format_date(self.saved_on)} 保存" if self.saved_on else "保存日期不详"
        return f"第{self.number}版（{saved}，{state}）"


# The versions of a meeting record (the screens' name for them).
MeetingVersion = RecordVersion[Meeting]


def versions_of(meeting: Meeting) -> list[RecordVersion[Meeting]]:
    """Every version of ``meeting``, the first first; one version for a record never amended."""
    return record_versions(meeting, Meeting)


def appraisal_versions(appraisal: Appraisal) -> list[RecordVersion[Appraisal]]:
    """Every version of a 民主评议, as ``versions_of`` a meeting's."""
    return record_versions(appraisal, Appraisal)


def record_versions(record: R, cls: type[R]) -> list[RecordVersion[R]]:
    """Every version of ``record`` (of type ``cls``), the first first."""
    amendments = record.amendments
    out: list[RecordVersion[R]] = []
    for index in range(len(amendments) + 1):
        made = amendments[index - 1] if index > 0 else None  # the amendment that saved it
        saved: tuple[dt.date | None, str, str, str]
        if made is not None:
            saved = (made.date, made.time, made.user, made.reason)
        else:
            saved = (record.entered_on, record.entered_at, record.entered_by, "")
        number = index + 1
        if index == len(amendments):
            out.append(RecordVersion(number, record, *saved, current=True))
            continue
        try:
            earlier = cls.from_dict(amendments[index].previous)
        except DecodeError as error:
            problem = f"第{number}版的内容无法读取（{error}）"
            out.append(RecordVersion(number, None, *saved, problem=problem))
            continue
        # As it then stood: the amendments made before it, when the record was entered.
        earlier.amendments = list(amendments[:index])
        earlier.entered_on = record.entered_on
        earlier.entered_at, earlier.entered_by = record.entered_at, record.entered_by
        out.append(RecordVersion(number, earlier, *saved))
    return out


def version_summary(versions: list[RecordVersion[Meeting]], index: int, data: BranchData) -> str:
    """What version ``index`` (0-based) changed from the one before, in a line: ``首次录入``,
    ``地点、出席``, ``内容未改动``, or ``无法比较`` when either cannot be read."""
    if index == 0:
        return "首次录入"
    before, after = versions[index - 1].meeting, versions[index].meeting
    if before is None or after is None:
        return "无法比较"
    parts = changed_parts(meeting_changes(before, after, data))
    return "、".join(parts) if parts else "内容未改动"


def appraisal_version_summary(versions: list[RecordVersion[Appraisal]], index: int) -> str:
    """What version ``index`` (0-based) of a 民主评议 changed from the one before, in a line:
    ``首次录入``, ``评定结果（2人）、评议步骤``, ``内容未改动``, or ``无法比较``."""
    if index == 0:
        return "首次录入"
    before, after = versions[index - 1].record, versions[index].record
    if before is None or after is None:
        return "无法比较"
    parts = []
    was = {r.member_id: r for r in before.results}
    now = {r.member_id: r for r in after.results}
    moved = sum(1 for m in was.keys() | now.keys() if was.get(m) != now.get(m))
    if moved:
        parts.append(f"评定结果（{moved}人）")
    if before.steps != after.steps:
        parts.append("评议步骤")
    ballots = ("ballots_issued", "ballots_returned", "ballots_valid")
    if any(getattr(before, b) != getattr(after, b) for b in ballots):
        parts.append("评议票数")
    if before.year != after.year:
        parts.append("年度")
    if before.note != after.note:
        parts.append("备注")
    return "、".join(parts) if parts else "内容未改动"
