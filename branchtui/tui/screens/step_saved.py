"""What a saved step of a development file tells the user: the step, whether it was late, and
what changed in the roster with it (a new 预备党员, a conversion, a removal)."""

from __future__ import annotations

import dataclasses

from textual.notifications import SeverityLevel

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import BranchData, Member


@dataclasses.dataclass(frozen=True)
class StepSaved:
    """What the form saved: the step's name, and what the user should know about it."""

    name: str
    warnings: tuple[str, ...]
    roster: str  # what changed in the roster, '' when nothing


def roster_change(changes: RecordChanges, data: BranchData) -> str:
    """What the save does to the roster, in words for the notice."""
    for member in changes.inserts:
        if isinstance(member, Member):
            return f"已在党员名册中登记{member.name}为预备党员"
    for member in changes.updates:
        if not isinstance(member, Member):
            continue
        before = data.find("members", member.id)
        if member.removed is not None and (before is None or before.removed is None):
            return f"{member.name}已移出党员名册（取消预备党员资格）"
        if before is not None and before.status != member.status and member.status == "full":
            return f"{member.name}在党员名册中转为正式党员"
        return f"已更新党员名册中{member.name}的记录"
    return ""


def saved_notice(saved: StepSaved) -> tuple[str, SeverityLevel]:
    """The notice after a save, and its severity: a warning when the step was late."""
    text = f"已记录：{saved.name}"
    if saved.roster:
        text += f"；{saved.roster}"
    if saved.warnings:
        return text + "。注意：" + "；".join(saved.warnings), "warning"
    return text, "information"
