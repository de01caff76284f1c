"""Organizational relations (组织关系): what REL-1…REL-6 decide about one case, and what
recording a transfer or a flowing member does to the roster (one commit with the record).

The rule checks (domain/obligations/rel.py) and the screens call these same functions, so the
wizard proposes exactly what the dashboard later expects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TypeVar

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import add_months
from branchtui.domain.dues import leaving_dues_note
from branchtui.domain.member_changes import member_changed
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, FlowingMember, Member, Transfer, TravelAbroad
from branchtui.domain.records.relations import TransferInstrument

_Named = TypeVar("_Named", Transfer, FlowingMember)


def instrument_advice(
    months_away: int | None,
    place_fixed: bool | None,
    profile: Profile,
    *,
    needs_proof: bool = False,
) -> tuple[TransferInstrument, str]:
    """REL-1: the instrument for a member going out, and why, from the answers to its questions.

    Time uncertain → 流动党员活动证; 3 months or less (``no_certificate_max_months``) → none,
    or a 党员证明信 when membership must be proved there; place not fixed (or unknown) →
    活动证; more than 6 months (``transfer_over_months``) → transfer the relation; else
    (6 months or less) → 党员证明信.
    """
    short, long = profile.no_certificate_max_months, profile.transfer_over_months
    if months_away is None:
        return "flow_card", "外出时间不确定，应持流动党员活动证"
    if months_away <= short:
        if needs_proof:
            return (
                "certificate_letter",
                f"短期外出（{short}个月以内）但需证明党员身份，开具党员证明信",
            )
        return "none", f"短期外出{short}个月以内、无需证明党员身份，可不开具凭证"
    if place_fixed is not True:
        return "flow_card", "外出地点不固定，应持流动党员活动证"
    if months_away > long:
        return "relation_transfer", f"外出超过{long}个月且地点固定，应转出组织关系"
    return "certificate_letter", f"外出{long}个月以内，应开具党员证明信"


def proposed_instrument(
    months_away: int | None,
    place_fixed: bool | None,
    profile: Profile,
    *,
    needs_proof: bool = False,
) -> TransferInstrument:
    """REL-1: the instrument alone (see ``instrument_advice``)."""
    return instrument_advice(months_away, place_fixed, profile, needs_proof=needs_proof)[0]


def instrument_fits(transfer: Transfer, profile: Profile) -> bool:
    """Whether a registered going-out has the instrument REL-1 asks for (a transfer in, or one
    without the months recorded, always fits). A short trip may carry a 党员证明信 (membership
    to be proved) or nothing."""
    if transfer.direction != "out" or transfer.months_away is None:
        return True
    proposed = proposed_instrument(transfer.months_away, transfer.place_fixed, profile)
    if proposed == "none":
        return transfer.instrument in ("none", "certificate_letter")
    return transfer.instrument == proposed


def receipt_due(transfer: Transfer, profile: Profile) -> dt.date | None:
    """REL-2: the day by which the 回执 of a relation transferred out should be back, while it is
    not; None when no letter went out or the receipt is recorded."""
    if transfer.direction != "out" or transfer.instrument != "relation_transfer":
        return None
    if transfer.letter_sent is None or transfer.receipt_returned is not None:
        return None
    return transfer.letter_sent + dt.timedelta(days=profile.transfer_receipt_days)


def travel_approval_problem(trip: TravelAbroad) -> tuple[str, str] | None:
    """REL-3: ``("missing", message)`` while the keep/suspend decision or its approval is not
    recorded, ``("late", message)`` when it was approved after departure; None when in order."""
    if not trip.decision:
        return "missing", "出境前须办理保留或停止党籍审批，请选择党籍处理"
    if trip.approved is None:
        return "missing", "请填写党籍审批时间（应在出境前办理）"
    if trip.approved > trip.depart:
        return "late", "审批时间晚于出境时间：党籍审批应在出境前办理"
    return None


# REL-4: what an out-flowing member's register entry must hold, by field, as the rule names it.
OUTFLOW_REQUIRED = {
    "card_number": "流动党员活动证编号",
    "contact_person_id": "联系人",
    "place": "流动去向",
    "contact_info": "联系方式",
}


def outflow_gaps(flow: FlowingMember) -> dict[str, str]:
    """REL-4: the fields an out-flowing member's entry lacks (field → what the rule calls it)."""
    if flow.direction != "outflow":
        return {}
    gaps: dict[str, str] = {}
    for name, label in OUTFLOW_REQUIRED.items():
        value = getattr(flow, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            gaps[name] = label
    return gaps


def contact_due(flow: FlowingMember, profile: Profile) -> dt.date:
    """REL-4: when an out-flowing member not heard from since the last contact (or the start)
    is to be warned about (``flowing_contact_warning_months``)."""
    return add_months(flow.last_contact or flow.start, profile.flowing_contact_warning_months)


def report_back_due(flow: FlowingMember, profile: Profile) -> dt.date:
    """REL-6: when an in-flowing member's participation and dues are next owed to the home
    organization: ``inflow_report_months`` after the last report (or the arrival)."""
    return add_months(flow.reported_back or flow.start, profile.inflow_report_months)


def _named(data: BranchData, record: _Named) -> _Named:
    # The register shows a member's name as the roster has it when one is chosen.
    member = data.find("members", record.member_id)
    if member is None or record.person_name == member.name:
        return record
    return dataclasses.replace(record, person_name=member.name)


def transfer_out(data: BranchData, transfer: Transfer, card_number: str = "") -> RecordChanges:
    """Recording a member going out (REL-1), in one commit: the transfer; for a relation
    transferred, the member leaves the roster as history (转出组织关系 on the transfer's date,
    a group led loses its leader); for a 流动党员活动证, the member is registered as flowing
    out (REL-4) with the card's number."""
    transfer = _named(data, transfer)
    changes = RecordChanges(inserts=(transfer,))
    member = data.find("members", transfer.member_id)
    if member is None:
        return changes
    if transfer.instrument == "relation_transfer" and member.removed is None:
        note = f"转往{transfer.other_org}" if transfer.other_org else ""
        removed = dataclasses.replace(
            member, removed=transfer.date, removed_reason="transferred_out", removed_note=note
        )
        changes += member_changed(data, member, removed)
    if transfer.instrument == "flow_card":
        flow = FlowingMember(
            member_id=member.id,
            person_name=member.name,
            direction="outflow",
            place=transfer.other_org,
            start=transfer.date,
            card_number=card_number,
            contact_info=member.phone,
        )
        changes += RecordChanges(inserts=(flow,))
    return changes


def transfer_dues_note(data: BranchData, transfer: Transfer) -> str:
    """EDU-4, said before a transfer out is saved: the months the member has not paid up to
    the transfer, to be paid first (转出前应交清); '' when none are, or when she stays on the
    roster (a 党员证明信 or 流动党员活动证 keeps her paying here)."""
    if transfer.direction != "out" or transfer.instrument != "relation_transfer":
        return ""
    member = data.find("members", transfer.member_id)
    if member is None or member.removed is not None:
        return ""
    return leaving_dues_note(member, data, transfer.date)


def transfer_in(data: BranchData, transfer: Transfer, member: Member) -> RecordChanges:
    """Recording a member transferring in (REL-1), in one commit: the transfer, and the member
    added to the roster — or, when they were on it before, back on it — arrived on the
    transfer's date (every per-member rule counts from then)."""
    arrived = dataclasses.replace(
        member, arrived=transfer.date, removed=None, removed_reason="", removed_note=""
    )
    transfer = dataclasses.replace(transfer, member_id=member.id, person_name=member.name)
    known = data.find("members", member.id) is not None
    saved = member_changed(data, member if known else None, arrived)
    return RecordChanges(inserts=(transfer,)) + saved


def transfer_saved(data: BranchData, before: Transfer | None, after: Transfer) -> RecordChanges:
    """An edit of a registered transfer (platform reference, letter, 回执 …): the roster is
    not touched again."""
    after = _named(data, after)
    return RecordChanges(updates=(after,)) if before else RecordChanges(inserts=(after,))


def flowing_saved(
    data: BranchData, before: FlowingMember | None, after: FlowingMember
) -> RecordChanges:
    """Saving a flowing member: a member registered as flowing in is marked so in the roster
    (``Member.inflow``, REL-6), in the same commit."""
    after = _named(data, after)
    changes = RecordChanges(updates=(after,)) if before else RecordChanges(inserts=(after,))
    member = data.find("members", after.member_id)
    if after.direction == "inflow" and member is not None and not member.inflow:
        changes += RecordChanges(updates=(dataclasses.replace(member, inflow=True),))
    return changes
