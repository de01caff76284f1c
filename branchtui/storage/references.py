"""Which record fields point at which tables, and finding references to records that do not exist.

A field named ``<role>_id`` or ``<role>_ids`` is a reference; ROLE_TABLES says where each role
points. A test checks every such field of every record type is known here, so it cannot go stale.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from branchtui.domain.records import TABLES, BranchData

ANY_TABLE = "*"  # a reference to a record of any table (Talk.about_id)
ROLE_TABLES: dict[str, str] = {
    "member": "members",
    "host": "members",
    "recorder": "members",
    "lecturer": "members",
    "leader": "members",
    "talker": "members",
    "owner": "members",
    "contact_person": "members",
    "participant": "members",
    "contact": "members",
    "introducer": "members",
    "counter": "members",
    "scrutineer": "members",
    "critic": "members",
    "activist": "candidates",
    "group": "groups",
    "term": "terms",
    "seat": "seats",
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


def _references(obj: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """(field path, target table, id) for every reference held by ``obj``."""
    for name, is_list, nested in reference_fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, name)
        if nested is not None:
            items = value if is_list else [value]
            for i, item in enumerate(items):
                if item is not None:
                    where = f"{path}{name}[{i}]." if is_list else f"{path}{name}."
                    yield from _references(item, where)
            continue
        if name in TABLE_NAMED_BY:
            target = getattr(obj, TABLE_NAMED_BY[name]) or ANY_TABLE
        else:
            target = ROLE_TABLES.get(role_of(name) or "", "")
        for ref in value if is_list else [value]:
            if ref:
                yield f"{path}{name}", target, ref


def dangling_references(data: BranchData) -> list[str]:
    """Every reference to a record that does not exist, as one Chinese line each."""
    ids = {name: {r.id for r in records} for name, records in data.tables.items()}
    every_id = set().union(*ids.values()) if ids else set()
    problems = []
    for name, records in data.tables.items():
        label = TABLES[name].LABEL
        for record in records:
            for field, target, ref in _references(record, ""):
                known = every_id if target == ANY_TABLE else ids.get(target, set())
                if ref not in known:
                    where = TABLES[target].LABEL if target in TABLES else "任何数据表"
                    problems.append(
                        f"{label}记录 {record.id} 的 {field} 指向不存在的{where}记录 {ref}"
                    )
    return problems
