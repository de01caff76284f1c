"""A meeting record's versions (SYS-3, SYS-4: an inspection sees what a record said before it
was amended, when each version was saved, by whom, and what each amendment changed).

A record amended n times has n + 1 versions. Version k ≤ n is ``amendments[k-1].previous``
as it then stood, with the amendments made before it (so its minutes say what they said
then); the last version is the record itself. Version 1 was saved the day the record was
entered; version k > 1 by amendment k-1 (its day, and its time and login name when stored).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.dates import format_date
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.meetings.version_changes import changed_parts, meeting_changes
from branchtui.domain.records import BranchData, Meeting


@dataclass(frozen=True)
class MeetingVersion:
    """One saved version of a meeting record.

    ``meeting`` is None when the stored version cannot be read any more (``problem`` says
    why); ``reason`` is the reason given for the amendment that made this version ('' for the
    first); ``saved_at`` (HH:MM) and ``saved_by`` (login name) are '' when not stored.
    """

    number: int
    meeting: Meeting | None
    saved_on: dt.date | None
    saved_at: str = ""
    saved_by: str = ""
    reason: str = ""
    current: bool = False
    problem: str = ""

    @property
    def header(self) -> str:
        """``第1版（2026-11-10 保存，已被修改）`` or ``第2版（2026-11-27 保存，当前版本）``."""
        state = "当前版本" if self.current else "已被修改"
        saved = f"{format_date(self.saved_on)} 保存" if self.saved_on else "保存日期不详"
        return f"第{self.number}版（{saved}，{state}）"


def versions_of(meeting: Meeting) -> list[MeetingVersion]:
    """Every version of ``meeting``, the first first; one version for a record never amended."""
    amendments = meeting.amendments
    out: list[MeetingVersion] = []
    for index in range(len(amendments) + 1):
        made = amendments[index - 1] if index > 0 else None  # the amendment that saved it
        saved: tuple[dt.date | None, str, str, str]
        if made is not None:
            saved = (made.date, made.time, made.user, made.reason)
        else:
            saved = (meeting.entered_on, "", "", "")
        number = index + 1
        if index == len(amendments):
            out.append(MeetingVersion(number, meeting, *saved, current=True))
            continue
        try:
            earlier = Meeting.from_dict(amendments[index].previous)
        except DecodeError as error:
            problem = f"第{number}版的内容无法读取（{error}）"
            out.append(MeetingVersion(number, None, *saved, problem=problem))
            continue
        # As it then stood: the amendments made before it, the day the record was entered.
        earlier.amendments = list(amendments[:index])
        earlier.entered_on = meeting.entered_on
        out.append(MeetingVersion(number, earlier, *saved))
    return out


def version_summary(versions: list[MeetingVersion], index: int, data: BranchData) -> str:
    """What version ``index`` (0-based) changed from the one before, in a line: ``首次录入``,
    ``地点、出席``, ``内容未改动``, or ``无法比较`` when either cannot be read."""
    if index == 0:
        return "首次录入"
    before, after = versions[index - 1].meeting, versions[index].meeting
    if before is None or after is None:
        return "无法比较"
    parts = changed_parts(meeting_changes(before, after, data))
    return "、".join(parts) if parts else "内容未改动"
