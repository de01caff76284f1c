"""Which obligations a meeting record settles (LIFE-9: one record may count as several kinds).

The answer comes from the duty engine itself — the rules of organizational life, study days and
votes are run with the record in place, and the obligations that name it are returned — so a
wizard's "本记录计入" can never disagree with the dashboard.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from branchtui.domain.obligations import engine
from branchtui.domain.obligations.base import Context, Obligation
from branchtui.domain.profile import Profile, get_profile
from branchtui.domain.records import Appraisal, BranchData, Meeting

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar

# The rules a meeting record can count for.
MEETING_RULES = (
    "LIFE-1",
    "LIFE-2",
    "LIFE-3",
    "LIFE-4",
    "LIFE-5",
    "LIFE-6",
    "LIFE-7",
    "LIFE-9",
    "EDU-1",
    "NAT-1",
    "NAT-2",
)


def with_record(
    data: BranchData, meeting: Meeting, appraisal: Appraisal | None = None
) -> BranchData:
    """The data as it would be with ``meeting`` (and its appraisal) saved; ``data`` is unchanged."""
    tables = dict(data.tables)
    tables["meetings"] = [m for m in data.meetings if m.id != meeting.id] + [meeting]
    if appraisal is not None:
        tables["appraisals"] = [a for a in data.appraisals if a.id != appraisal.id] + [appraisal]
    return BranchData(branch=data.branch, tables=tables)


def settled_by(
    meeting: Meeting,
    data: BranchData,
    *,
    profile: Profile | None = None,
    calendar: WorkCalendar | None = None,
    appraisal: Appraisal | None = None,
    on: dt.date | None = None,
) -> list[Obligation]:
    """The obligations that count ``meeting`` (or its ``appraisal``), judged at ``on`` (default:
    the meeting's day): ``met`` ones it settles, ``warning`` ones that say why it does not
    (a theme day outside its window, a vote without quorum), in rule order."""
    if profile is None:
        profile = get_profile(data.branch.profile if data.branch else None)
    if calendar is None:
        from branchtui.domain.calendar import WorkCalendar

        calendar = WorkCalendar()
    trial = with_record(data, meeting, appraisal)
    ids = {meeting.id} | {a.id for a in trial.appraisals if a.meeting_id == meeting.id}
    ctx = Context(data=trial, on=on or meeting.date, profile=profile, calendar=calendar)
    out: list[Obligation] = []
    for rule_id in MEETING_RULES:  # the engine has every rule's check (its test says so)
        out += [ob for ob in engine.RULE_CHECKS[rule_id](ctx) if ids.intersection(ob.refs)]
    return out
