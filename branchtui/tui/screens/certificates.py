"""党员证 (EDU-5): the register of certificate numbers, one per member; n goes to the next
member without one, and the dashboard's duty opens the form for the member it names."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.certificates import card_problems, members_without_card
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import CertificateCard, Record
from branchtui.tui.registry.education import CERTIFICATES
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


class CertificatesScreen(RegisterScreen):
    """The certificate register; the members still without a number are named above it."""

    SCREEN_ID = CERTIFICATES.id
    BINDINGS: ClassVar[list[BindingType]] = CERTIFICATES.bindings()
    REGISTER = Register(
        CertificateCard,
        columns=(
            field_column(CertificateCard, "member_id", "党员"),
            field_column(CertificateCard, "number"),
            field_column(CertificateCard, "issued"),
        ),
        form=FormSpec(
            ("member_id", "number", "issued"),
            hints={"number": "《党员证》上的编号；一人一证（EDU-5）"},
        ),
        rules=("EDU-5",),
        date_field="issued",
        empty="尚未登记党员证，按 n 为未登记的党员逐个登记",
    )

    def form_spec(self) -> FormSpec:
        # EDU-5 beside the field: one card per member, each number once.
        data = self.data

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            if not isinstance(record, CertificateCard):
                return {}, {}
            return card_problems(record, data), {}

        return dataclasses.replace(self.REGISTER.form, check=check)

    def action_next_missing(self) -> None:
        missing = members_without_card(self.data)
        if not missing:
            self.notify("党员均已登记党员证（EDU-5）", timeout=3)
            return
        self._form(None, {"member_id": missing[0].id})

    def settle(self, ob: Obligation) -> None:
        """EDU-5: the form for the first member the duty names who has no certificate."""
        without = {m.id for m in members_without_card(self.data)}
        for member_id in ob.people:
            if member_id in without:
                self._form(None, {"member_id": member_id}, focus=ob.field or None)
                return
        super().settle(ob)
