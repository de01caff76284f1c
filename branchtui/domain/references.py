"""Which record fields point at which tables: a field named ``<role>_id`` or ``<role>_ids``
is a reference, and ROLE_TABLES says where each role points. A test checks every such field of
every record type is known here, so it cannot go stale. Used by the bundle and doctor checks
(storage.references) and by erasing a record entered by mistake (domain.erasure).
"""

from __future__ import annotations

import dataclasses
import typing
from functools import cache

ANY_TABLE = "*"  # a reference to a record of any table (Talk.about_id)
ROLE_TABLES: dict[str, str] = {
    "member": "members",
    "host": "members",
    "recorder": "members",
    "lecturer": "members",
    "leader": "members",
    "talker": "members",
    "reporter": "members",
    "owner": "members",
    "contact_person": "members",
    "participant": "members",
    "contact": "members",
    "introducer": "members",
    "counter": "members",
    "scrutineer": "members",
    "critic": "members",
    "excused": "members",
    "activist": "candidates",
    "group": "groups",
    "term": "terms",
    "seat": "seats",
    "vacancy": "vacancies",
    "meeting": "meetings",
    "elected_at_meeting": "meetings",
    "venue": "venues",
    "attachment": "attachments",
    "photo": "attachments",
    "about": ANY_TABLE,
}
# LedgerEntry.record_id points into the table its record_table field names.
TABLE_NAMED_BY = {"record_id": "record_table"}


def role_of(field_name: str) -> str | None:
    """``member_id`` → ``member``; None for a field that is not a reference."""
    for suffix in ("_ids", "_id"):
        if field_name.endswith(suffix):
            return field_name[: -len(suffix)]
    return None


@cache
def reference_fields(cls: type) -> tuple[tuple[str, bool, type | None], ...]:
    """(field, is_list, nested dataclass) for each reference or nested-record field of ``cls``."""
    hints = typing.get_type_hints(cls)
    out: list[tuple[str, bool, type | None]] = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        nested = next(
            (a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)),
            hint if dataclasses.is_dataclass(hint) else None,
        )
        if nested is not None:
            out.append((f.name, typing.get_origin(hint) is list, nested))  # type: ignore[arg-type]
        elif role_of(f.name) is not None:
            out.append((f.name, f.name.endswith("_ids"), None))
    return tuple(out)
