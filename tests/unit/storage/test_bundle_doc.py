"""docs/bundle.md lists every table and field of the records, and every reference is known."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

from branchtui.domain.records import RECORD_TYPES, TABLES, Branch
from branchtui.storage.bundle_doc import render_bundle_doc
from branchtui.storage.references import ROLE_TABLES, TABLE_NAMED_BY, role_of

DOC = Path(__file__).resolve().parents[3] / "docs" / "bundle.md"


def _all_classes() -> list[type]:
    seen: list[type] = []

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            for arg in (hints[f.name], *typing.get_args(hints[f.name])):
                if isinstance(arg, type) and dataclasses.is_dataclass(arg):
                    walk(arg)

    for cls in (Branch, *RECORD_TYPES):
        walk(cls)
    return seen


def test_docs_bundle_md_is_up_to_date() -> None:
    # Regenerate with: python -m branchtui.storage.bundle_doc > docs/bundle.md
    assert DOC.read_text(encoding="utf-8") == render_bundle_doc()


def test_every_table_and_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, cls in TABLES.items():
        assert re.search(rf"^### (committee\.)?{name} — {re.escape(cls.LABEL)}$", text, re.M)
    for cls in _all_classes():
        for f in dataclasses.fields(cls):
            assert f"| `{f.name}` |" in text, (cls.__name__, f.name)


def test_every_reference_field_points_at_a_known_table() -> None:
    for cls in _all_classes():
        for f in dataclasses.fields(cls):
            role = role_of(f.name)
            if role is None or f.name in TABLE_NAMED_BY:
                continue
            assert role in ROLE_TABLES, f"{cls.__name__}.{f.name}: add it to ROLE_TABLES"
            assert ROLE_TABLES[role] in (*TABLES, "*")
