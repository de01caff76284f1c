"""Amending a saved meeting (the earlier version is kept), and the decisions and rectifications
that stay open until done (trackable items)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from branchtui.domain.codec import encode_compact
from branchtui.domain.records import Appraisal, BranchData, Meeting
from branchtui.domain.records.meeting_parts import Amendment

Versioned = TypeVar("Versioned", Meeting, Appraisal)


def amend(
    stored: Versioned,
    edited: Versioned,
    on: dt.date,
    reason: str = "",
    *,
    time: str = "",
    user: str = "",
) -> Versioned:
    """``edited`` as the amendment of ``stored`` (a meeting, or the 民主评议 held at it): the
    stored version (without its own history) is appended to the amendments with the day (and
    time ``HH:MM`` and login name, when known) of the amendment, and when and by whom it was
    first entered are kept. Returns ``edited``; ``stored`` is not changed."""
    previous = encode_compact(stored)
    previous.pop("amendments", None)
    made = Amendment(date=on, time=time, user=user, reason=reason, previous=previous)
    edited.amendments = [*stored.amendments, made]
    edited.entered_on = stored.entered_on
    edited.entered_at, edited.entered_by = stored.entered_at, stored.entered_by
    return edited


def content_changed(stored: Versioned, edited: Versioned) -> bool:
    """Whether ``edited`` says anything else than ``stored`` (its revision, history and when
    it was entered aside): an amendment is kept only then."""
    aside = ("rev", "amendments", "entered_on", "entered_at", "entered_by")
    before, after = encode_compact(stored), encode_compact(edited)
    for name in aside:
        before.pop(name, None)
        after.pop(name, None)
    return before != after


def version_before(meeting: Meeting, index: int) -> Meeting:
    """The record as it was before amendment ``index`` (0 = the first version)."""
    return Meeting.from_dict(meeting.amendments[index].previous)


@dataclass(frozen=True)
class OpenItem:
    """A decision or rectification with a person responsible, not done yet."""

    meeting_id: str
    item_id: str
    kind: str  # "decision" (决定事项) or "rectification" (整改事项)
    text: str
    owner_id: str | None
    due: dt.date | None
    overdue: bool


def open_items(data: BranchData, on: dt.date) -> list[OpenItem]:
    """Every decision (not referred) and rectification not yet done, oldest deadline first;
    ``overdue`` when its deadline has passed at ``on``."""
    out: list[OpenItem] = []
    for meeting in data.meetings:
        for item in meeting.agenda:
            for d in item.decisions:
                if d.done is None and not d.referred and (d.owner_id or d.due):
                    late = d.due is not None and d.due < on
                    out.append(
                        OpenItem(meeting.id, d.id, "decision", d.text, d.owner_id, d.due, late)
                    )
        if meeting.life_meeting is not None:
            for r in meeting.life_meeting.rectifications:
                if r.done is None:
                    late = r.due is not None and r.due < on
                    out.append(
                        OpenItem(
                            meeting.id, r.id, "rectification", r.problem, r.owner_id, r.due, late
                        )
                    )
    return sorted(out, key=lambda i: (i.due or dt.date.max, i.meeting_id, i.item_id))


def mark_done(meeting: Meeting, item_id: str, on: dt.date) -> bool:
    """Mark the decision or rectification ``item_id`` of ``meeting`` done on ``on``; False when
    the meeting has no such item."""
    for item in meeting.agenda:
        for d in item.decisions:
            if d.id == item_id:
                d.done = on
                return True
    if meeting.life_meeting is not None:
        for r in meeting.life_meeting.rectifications:
            if r.id == item_id:
                r.done = on
                return True
    return False


def find_meetings(
    data: BranchData,
    *,
    kind: str | None = None,
    month: str | None = None,
    group_id: str | None = None,
) -> list[Meeting]:
    """Saved records for the meeting list: of a kind (counting every kind of a record,
    LIFE-9), of a month ``YYYY-MM``, of a group; newest first."""
    found = [
        m
        for m in data.meetings
        if (kind is None or kind in m.kinds)
        and (month is None or f"{m.date.year:04d}-{m.date.month:02d}" == month)
        and (group_id is None or m.group_id == group_id)
    ]
    return sorted(found, key=lambda m: (m.date, m.start, m.id), reverse=True)
