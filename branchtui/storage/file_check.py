"""The whole check of a data file (or a backup of one), as ``branchtui doctor`` makes it.

Parsed as the store parses it (our layout, or any JSON with every repeated key found), its
shape checked, migrated in memory when older, and every record decoded: a file passes only
when the store could open it and write it back. ``doctor`` reports with it, ``backup``
refuses a file that does not pass it, and only a backup that passes it is offered for a
restore. Nothing here changes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from branchtui.domain.codec import decode_many
from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.records import TABLES, BranchData
from branchtui.storage.errors import CorruptFileError, os_reason
from branchtui.storage.layout import RepeatedKeyError, assemble, cut
from branchtui.storage.migrations import (
    BRANCH_TABLE,
    META,
    SCHEMA_VERSION,
    migrate,
    schema_version_of,
)
from branchtui.storage.strict_json import repeated_key
from branchtui.storage.validate import (
    record_type,
    repeated_key_problem,
    shape_problem,
    unreadable_record,
    whole_file_repeat,
)


@dataclass(frozen=True)
class FileCheck:
    """What the check found: ``problem`` (Chinese) when the file is damaged, else its data.

    ``data`` is None for a damaged file and for one written by a newer program (``version``
    above SCHEMA_VERSION: opened read-only, its records not judged here).
    """

    problem: str | None = None
    version: int = SCHEMA_VERSION
    data: BranchData | None = None

    @property
    def newer(self) -> bool:
        return self.problem is None and self.version > SCHEMA_VERSION

    @property
    def empty(self) -> bool:
        """A good file with no branch and no records: restoring it would bring nothing back."""
        data = self.data
        return data is not None and data.branch is None and not any(data.tables.values())


def check_file(path: Path) -> FileCheck:
    """The whole check of ``path``; an unreadable file is a problem too."""
    try:
        payload = path.read_bytes()
    except OSError as exc:
        return FileCheck(problem=f"无法读取（{os_reason(exc)}）")
    return check_bytes(payload)


def check_bytes(payload: bytes) -> FileCheck:
    try:
        raw, repeat = _parsed(payload)
    except (orjson.JSONDecodeError, UnicodeDecodeError):
        return FileCheck(problem="不是有效的 JSON（内容不完整或有语法错误）")
    except RepeatedKeyError as exc:
        return FileCheck(problem=repeated_key_problem(exc))
    if repeat is not None:
        return FileCheck(problem=repeat)
    problem = shape_problem(raw)
    if problem:
        return FileCheck(problem=problem)
    version = schema_version_of(raw)
    if version > SCHEMA_VERSION:
        return FileCheck(version=version)
    if version < SCHEMA_VERSION:
        try:
            raw = migrate(raw)
        except CorruptFileError as exc:
            return FileCheck(problem=exc.message, version=version)
    try:
        return FileCheck(version=version, data=_records(raw))
    except _Unreadable as exc:
        return FileCheck(problem=exc.problem, version=version)


def holds_nothing(raw: Any) -> bool:
    """A parsed file with no branch and no records (a freshly created one): nothing to keep."""
    return isinstance(raw, dict) and not any(v for k, v in raw.items() if k != META)


def _parsed(payload: bytes) -> tuple[Any, str | None]:
    """The file as the store reads it, and what key is written twice (None when none is)."""
    layout = cut(payload)
    if layout is not None:
        return assemble(payload, layout, {}, {})[0], None
    raw = orjson.loads(payload)
    repeated = repeated_key(payload)
    return raw, None if repeated is None else whole_file_repeat(raw, repeated)


class _Unreadable(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _records(raw: dict[str, Any]) -> BranchData:
    """Every record decoded as the store does; _Unreadable names the first that does not read."""

    def decoded(name: str) -> list[Any]:
        docs = list((raw.get(name) or {}).values())
        try:
            return decode_many(record_type(name), docs)
        except DecodeError as exc:
            position = getattr(exc, "position", 0)
            raise _Unreadable(unreadable_record(name, position + 1, docs[position], exc)) from exc

    branches = decoded(BRANCH_TABLE)
    return BranchData(
        branch=branches[0] if branches else None,
        tables={name: decoded(name) for name in TABLES},
    )
