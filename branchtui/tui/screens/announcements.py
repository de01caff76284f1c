"""党务公开 (CARE-2): what was made public, when, how and to whom."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from branchtui.domain.records import Announcement
from branchtui.tui.registry.care import ANNOUNCEMENTS
from branchtui.tui.screens.register import Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec


class AnnouncementsScreen(RegisterScreen):
    """The register of 党务公开: at least one a year keeps members' right to know (CARE-2)."""

    SCREEN_ID = ANNOUNCEMENTS.id
    BINDINGS: ClassVar[list[BindingType]] = ANNOUNCEMENTS.bindings()
    REGISTER = Register(
        Announcement,
        columns=(
            field_column(Announcement, "date"),
            field_column(Announcement, "title"),
            field_column(Announcement, "channel"),
            field_column(Announcement, "scope"),
        ),
        form=FormSpec(
            ("date", "title", "content", "channel", "scope"),
            hints={
                "title": "如：发展对象公示、党费收缴情况、支部年度工作计划",
                "channel": "如：党务公开栏、支部党员大会、工作群",
            },
        ),
        rules=("CARE-2",),
        defaults=lambda data, today: {"date": today},
    )
