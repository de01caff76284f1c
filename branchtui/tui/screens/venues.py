"""活动场所 (BASE-1): the branch's venues, own or shared, with their equipment."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.records import Venue
from branchtui.tui.registry.support import VENUES
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


class VenuesScreen(RegisterScreen):
    """The venue register: a branch needs one, with equipment (BASE-1)."""

    SCREEN_ID = VENUES.id
    BINDINGS: ClassVar[list[BindingType]] = VENUES.bindings()
    REGISTER = Register(
        Venue,
        columns=(
            field_column(Venue, "name"),
            field_column(Venue, "shared", "共用"),
            field_column(Venue, "address"),
            field_column(Venue, "equipment"),
        ),
        form=FormSpec(
            ("name", "shared", "address", "equipment"),
            hints={"equipment": "如：投影仪、党旗、入党誓词墙、书柜，用、分隔"},
        ),
        rules=("BASE-1",),
        date_field=None,
    )
