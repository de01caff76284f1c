"""组织关系转接 (REL-1, REL-2): every transfer and certificate, registered; a new one through the
wizard (screens/wizards/transfer.py), the platform reference and the letter's 回执 kept."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual.binding import BindingType

from branchtui.domain.dates import format_date
from branchtui.domain.obligations import Obligation
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Record, Transfer
from branchtui.domain.records.relations import TRANSFER_INSTRUMENTS
from branchtui.domain.relations import instrument_fits, proposed_instrument, transfer_saved
from branchtui.tui.registry.relations import TRANSFERS
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormCheck, FormSpec


def _receipt(transfer: Any, data: BranchData) -> str:
    if transfer.receipt_returned is not None:
        return "已退回"
    if transfer.letter_sent is not None and transfer.instrument == "relation_transfer":
        return "待退回" if transfer.direction == "out" else ""
    return ""


def _detail(transfer: Any, data: BranchData) -> str:
    # At 80 columns the list keeps the other organization's name; the platform number and
    # the letter's dates of the transfer under the cursor show beneath it (REL-2).
    parts = [f"平台编号：{transfer.platform_ref or '未登记'}"]
    if transfer.letter_sent is not None:
        parts.append(f"介绍信开具：{format_date(transfer.letter_sent)}")
    if transfer.receipt_returned is not None:
        parts.append(f"回执退回：{format_date(transfer.receipt_returned)}")
    return "；".join(parts)


def _saved(data: BranchData, before: Record | None, after: Record) -> Any:
    assert isinstance(after, Transfer)
    return transfer_saved(data, before if isinstance(before, Transfer) else None, after)


def instrument_check(profile: Profile) -> FormCheck:
    """REL-1 as an edit is typed: an instrument other than the months and place call for."""

    def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
        if not isinstance(record, Transfer) or instrument_fits(record, profile):
            return {}, {}
        proposed = proposed_instrument(record.months_away, record.place_fixed, profile)
        return {}, {"instrument": f"按外出时间和地点应为{TRANSFER_INSTRUMENTS[proposed]}（REL-1）"}

    return check


class TransfersScreen(RegisterScreen):
    """The transfer register; a opens the wizard, r records the 回执."""

    SCREEN_ID = TRANSFERS.id
    BINDINGS: ClassVar[list[BindingType]] = TRANSFERS.bindings()
    REGISTER = Register(
        Transfer,
        columns=(
            field_column(Transfer, "date"),
            field_column(Transfer, "direction", "方向"),
            field_column(Transfer, "person_name", "姓名"),
            field_column(Transfer, "instrument", "方式"),
            field_column(Transfer, "other_org"),
            Column("回执", _receipt),
        ),
        form=FormSpec(
            (
                "date",
                "instrument",
                "other_org",
                "months_away",
                "place_fixed",
                "platform_ref",
                "letter_sent",
                "receipt_returned",
                "reason",
                "note",
            ),
            hints={
                "platform_ref": "“厦门党建e家”平台上的转接编号（REL-2）",
                "receipt_returned": "接收方党组织退回介绍信回执之日",
            },
        ),
        rules=("REL-1", "REL-2"),
        changes=_saved,
        detail=_detail,
    )

    def form_spec(self) -> FormSpec:
        return dataclasses.replace(self.REGISTER.form, check=instrument_check(self.profile))

    def action_add(self) -> None:
        self.open_wizard()

    def open_wizard(self, member_id: str | None = None) -> None:
        from branchtui.tui.screens.wizards.transfer import TransferWizard

        wizard = TransferWizard(
            store=self.store,
            data=self.data,
            today=self.today,
            profile=self.profile,
            member_id=member_id,
        )
        self.app.push_screen(wizard, self._saved)

    def action_receipt(self) -> None:
        transfer = self._highlighted()
        if not isinstance(transfer, Transfer):
            self.notify("请先选中一条转接记录", severity="warning")
            return
        if transfer.instrument != "relation_transfer":
            self.notify("只有转组织关系的介绍信有回执", severity="warning")
            return
        self.ask_date("receipt_returned", "介绍信回执退回日期", "已登记回执")

    def settle(self, ob: Obligation) -> None:
        """REL-1 for a member gone without a register entry: the wizard, for that member."""
        if ob.rule == "REL-1" and ob.status == "due" and ob.people and not ob.refs:
            self.open_wizard(ob.people[0])
            return
        super().settle(ob)
