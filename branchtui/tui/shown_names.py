"""The names a picker or a list shows: domain.member_names decided over every member on file
(the app's data), so that a member is called the same in a picker as in the minutes and the
reports — 张伟（1985年生） and 张伟（1990年生）, plain names otherwise."""

from __future__ import annotations

from collections.abc import Sequence

from branchtui.domain.member_names import display_names
from branchtui.domain.records import Member


def shown_names(app: object, members: Sequence[Member]) -> dict[str, str]:
    """Each of ``members`` by id with her shown name among everyone in ``app``'s data (and
    ``members`` themselves, should one not be on file yet)."""
    data = getattr(app, "data", None)
    everyone: list[Member] = list(getattr(data, "members", None) or [])
    known = {m.id for m in everyone}
    names = display_names([*everyone, *(m for m in members if m.id not in known)])
    return {m.id: names[m.id] for m in members}
