"""Which record fields point at which tables, and finding references to records that do not exist.

A field named ``<role>_id`` or ``<role>_ids`` is a reference; ROLE_TABLES says where each role
points. A test checks every such field of every record type is known here, so it cannot go stale.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from branchtui.domain.records import TABLES, BranchData
from branchtui.domain.references import (
    ANY_TABLE,
    ROLE_TABLES,
    TABLE_NAMED_BY,
    reference_fields,
    role_of,
)

__all__ = ["ANY_TABLE", "ROLE_TABLES", "TABLE_NAMED_BY", "dangling_references", "role_of"]


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
