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


def travel_changes(
    data: BranchData, before: Record | None, after: Record, today: dt.date
) -> RecordChanges:
    """Saving a trip: the trip and, when 停止党籍 is decided and she has left by ``today``, her
    removal from the roster in the same commit."""
    saved = RecordChanges(updates=(after,)) if before is not None else RecordChanges((after,))
    if isinstance(after, TravelAbroad) and suspension_pending(data, after, today):
        saved += suspend_abroad(data, after)
    return saved


def travel_note(data: BranchData, trip: TravelAbroad, today: dt.date) -> str:
    """What saving ``trip`` does to the roster, said beside 党籍处理 ('' when nothing)."""
    # The form asks as she types: without the day of departure yet there is nothing to say.
    if not suspends(trip) or not isinstance(trip.depart, dt.date):
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
