"""信息库更新记录 (DEV-1): each half-yearly update of the development register, newest first."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.records import DevelopmentRegisterUpdate
from branchtui.tui.registry.development import REGISTER_UPDATES
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


class RegisterUpdatesScreen(RegisterScreen):
    """The updates of the 入党申请人、积极分子、发展对象 register; one every 6 months (DEV-1)."""

    SCREEN_ID = REGISTER_UPDATES.id
    BINDINGS: ClassVar[list[BindingType]] = REGISTER_UPDATES.bindings()
    REGISTER = Register(
        DevelopmentRegisterUpdate,
        columns=(
            field_column(DevelopmentRegisterUpdate, "date"),
            field_column(DevelopmentRegisterUpdate, "note"),
        ),
        form=FormSpec(
            ("date", "note"),
            hints={"note": "如：2026年下半年更新，核对申请人、积极分子、发展对象名单"},
        ),
        rules=("DEV-1",),
        defaults=lambda data, today: {"date": today},
    )
