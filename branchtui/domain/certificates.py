"""党员证 (EDU-5): one certificate per member, each number used once."""

from __future__ import annotations

from branchtui.domain.records import BranchData, CertificateCard, Member


def members_without_card(data: BranchData) -> list[Member]:
    """Members on the roster without a recorded certificate number (EDU-5); in-flowing members
    hold theirs at home and are left out, as the rule's check does."""
    carded = {c.member_id for c in data.certificates if c.number.strip()}
    return [m for m in data.active_members if m.id not in carded and not m.inflow]


def card_problems(card: CertificateCard, data: BranchData) -> dict[str, str]:
    """What stops a certificate from being saved (EDU-5: 一人一证): the member already has
    one recorded, or the number is another member's."""
    errors: dict[str, str] = {}
    number = card.number.strip() if isinstance(card.number, str) else ""
    for other in data.certificates:
        if other.id == card.id:
            continue
        if other.member_id == card.member_id and card.member_id:
            errors["member_id"] = f"该党员已登记党员证（编号{other.number}），请编辑原记录"
        if number and other.number.strip() == number:
            owner = data.find("members", other.member_id)
            who = owner.name if owner is not None else "其他党员"
            errors["number"] = f"编号{number}已登记给{who}，一人一证，编号不能重复"
    return errors
