"""因私出国（境） with 停止党籍 decided (REL-3): the member off the roster while abroad.

The plan: 因私事出国（境）的党员在出国（境）前应办理保留或停止党籍审批手续. The decision is taken
before leaving and is for the time abroad, so 停止党籍 takes effect on the day of departure
(出境时间): from that day she leaves the roster (reason 停止党籍, kept as history), as NAT-6's
suspension does (domain/lost_contact.py, domain/exits.py) — no organizational life, no dues, not
counted. Saving a trip so decided whose departure is today or past is one commit with her
removal; a trip registered ahead is recorded on the day she leaves (s in the register, and
REL-3 reminds of it until it is). Coming back does not restore membership: 本人申请、支部大会
讨论、报上级党委批准后恢复党籍 (domain/restoration.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.exits import member_exit
from branchtui.domain.records import BranchData, Record, TravelAbroad
from branchtui.domain.restoration import HOW, is_suspended, restorations_of


def suspends(trip: TravelAbroad) -> bool:
    """Whether the trip's decision is 停止党籍."""
    return trip.decision == "suspend"


def suspension_pending(data: BranchData, trip: TravelAbroad, on: dt.date) -> bool:
    """Whether the trip has 停止党籍 decided, she has left (by ``on``) and is still on the
    roster: her removal is to be recorded."""
    if not suspends(trip) or not isinstance(trip.depart, dt.date) or trip.depart > on:
        return False
    member = data.find("members", trip.member_id)
    if member is None or member.removed is not None:
        return False
    # Back on the roster since (恢复党籍, or transferred in again): nothing left to record.
    return member.counted_from is None or member.counted_from <= trip.depart


def _note(trip: TravelAbroad) -> str:
    ref = f"（{trip.approval_ref}）" if trip.approval_ref else ""
    return f"因私出国（境）赴{trip.destination}，出境期间停止党籍{ref}"


def suspend_abroad(data: BranchData, trip: TravelAbroad) -> RecordChanges:
    """The member off the roster on the day of departure, reason 停止党籍."""
    return member_exit(data, trip.member_id, "suspended", trip.depart, _note(trip))


def taken_off_by(data: BranchData, trip: TravelAbroad) -> bool:
    """Whether the member is off the roster by this trip's 停止党籍 (left on its departure day
    and not restored since)."""
    member = data.find("members", trip.member_id)
    return (
        suspends(trip)
        and is_suspended(member)
        and member is not None
        and (member.removed == trip.depart)
    )


def _left_under_suspension(trip: TravelAbroad, today: dt.date) -> bool:
    return suspends(trip) and isinstance(trip.depart, dt.date) and trip.depart <= today


def travel_changes(
    data: BranchData, before: Record | None, after: Record, today: dt.date
) -> RecordChanges:
    """Saving a trip: the trip and, when 停止党籍 is decided and she has left by ``today``, her
    removal from the roster in the same commit. An edit correcting a trip that took her off
    (another decision, another day of departure, another member) corrects the roster with it:
    she is back on it, or off it from the day now recorded."""
    saved = RecordChanges(updates=(after,)) if before is not None else RecordChanges((after,))
    if not isinstance(after, TravelAbroad):
        return saved
    if isinstance(before, TravelAbroad) and taken_off_by(data, before):
        member = data.find("members", before.member_id)
        same = after.member_id == before.member_id
        if member is not None and (
            not same or not suspends(after) or after.depart != before.depart
        ):
            back = dataclasses.replace(member, removed=None, removed_reason="", removed_note="")
            if same and _left_under_suspension(after, today):
                note = _note(after)
                back = dataclasses.replace(
                    back, removed=after.depart, removed_reason="suspended", removed_note=note
                )
            saved += RecordChanges(updates=(back,))
        if same:
            return saved
    if suspension_pending(data, after, today):
        saved += suspend_abroad(data, after)
    return saved


def travel_note(data: BranchData, trip: TravelAbroad, today: dt.date) -> str:
    """What saving ``trip`` does to the roster, said beside 党籍处理 ('' when nothing)."""
    # The form asks as she types: without the day of departure yet there is nothing to say.
    if not isinstance(trip.depart, dt.date):
        return ""
    saved = data.find("travels", trip.id)
    if saved is not None and taken_off_by(data, saved) and trip.member_id == saved.member_id:
        if not suspends(trip):
            return "该党员因此次出国（境）停止党籍已移出名册；改为保留党籍，保存后重新列入名册"
        if trip.depart != saved.depart:
            return f"保存后该党员的移出时间随之改为出境之日（{format_date(trip.depart)}）"
        return ""
    if not suspends(trip):
        return ""
    member = data.find("members", trip.member_id)
    if member is not None and member.removed is not None:
        return ""
    day = format_date(trip.depart)
    if trip.depart > today:
        return f"自出境之日（{day}）起停止党籍；出境后按 s 记录，该党员随即移出党员名册"
    return f"保存后该党员自出境之日（{day}）起停止党籍，移出党员名册"


def returned_note(data: BranchData, trip: TravelAbroad) -> str:
    """What registering the return tells the secretary: under 停止党籍 she stays off the
    roster until her membership is restored."""
    if not suspends(trip) or not is_suspended(data.find("members", trip.member_id)):
        return "已登记回国（境），保留为历史"
    return f"已登记回国（境）；该党员仍停止党籍，不在名册中。{HOW}，按 r 记录"


def trip_state(data: BranchData, trip: TravelAbroad, today: dt.date) -> str:
    """A line on the trip's membership, for the register's detail."""
    if not suspends(trip):
        return "保留党籍" if trip.decision == "keep" else "党籍处理未填写"
    if suspension_pending(data, trip, today):
        return f"停止党籍：已于{format_date(trip.depart)}出境，尚未移出党员名册（按 s 记录）"
    member = data.find("members", trip.member_id)
    if trip.depart > today:
        return f"停止党籍：自出境之日（{format_date(trip.depart)}）起"
    if is_suspended(member):
        return f"停止党籍：已移出党员名册；{HOW}（按 r）"
    back = [r for r in restorations_of(data, trip.member_id) if r.restored > trip.depart]
    if back:
        return f"停止党籍：已于{format_date(back[0].restored)}恢复党籍"
    return "停止党籍：该党员已不在名册中" if member and member.removed else "停止党籍"
