"""Where each record is named: how the pointers of each record type point into which tables,
and, for one delete, which records of a table name an id.

A delete must find every record pointing at the records it deletes (domain.deletion). Looking
through every record of every referring table for each round of a delete made erasing a member
of a 300-member, 10-year branch take seconds; the index is built once per delete, per (referring
table, table pointed into), walking only the pointers that may point into that table, and then
answers "which records name these ids" by dictionary look-ups.

A record found here only *names* the id somewhere a pointer into that table may be: the caller
still judges each one (a ledger entry's ``record_id`` names a record of the table its
``record_table`` says).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from typing import Any

from branchtui.domain.records import TABLES, BranchData
from branchtui.domain.references import (
    ANY_TABLE,
    ROLE_TABLES,
    TABLE_NAMED_BY,
    reference_fields,
    role_of,
)


@dataclasses.dataclass(frozen=True)
class Pointer:
    """A pointer of a record type (or of a part of one): ``name``, whether it is a list
    (``many``: of ids, or of parts), the table it points into (``ANY_TABLE``: any) or, for a
    part holding pointers, its type (``nested``)."""

    name: str
    many: bool
    target: str = ANY_TABLE
    nested: type | None = None


_POINTERS: dict[type, tuple[Pointer, ...]] = {}
_TARGETS: dict[type, frozenset[str]] = {}


def pointers(cls: type) -> tuple[Pointer, ...]:
    """Every pointer (and part holding pointers) of a record type or a part's."""
    found = _POINTERS.get(cls)
    if found is None:
        found = _POINTERS[cls] = _pointers_of(cls)
    return found


def _pointers_of(cls: type) -> tuple[Pointer, ...]:
    out = []
    for name, is_list, nested in reference_fields(cls):
        if nested is not None:
            out.append(Pointer(name, is_list, nested=nested))
        else:
            target = ANY_TABLE if name in TABLE_NAMED_BY else ROLE_TABLES[role_of(name) or ""]
            out.append(Pointer(name, is_list, target))
    return tuple(out)


def targets(cls: type) -> frozenset[str]:
    """The tables a record of ``cls`` (or a part of it) may point into."""
    if cls not in _TARGETS:
        found: set[str] = set()
        for p in pointers(cls):
            found |= targets(p.nested) if p.nested is not None else {p.target}
        _TARGETS[cls] = frozenset(found)
    return _TARGETS[cls]


def pointer_names_into(cls: type, into: frozenset[str]) -> frozenset[str]:
    """The names of the pointers of ``cls`` that may point into one of the tables ``into``
    (and of the parts holding such pointers): a pointer into any table is one of them."""
    return _names_reaching(cls, into | {ANY_TABLE})


_REACHING: dict[tuple[type, frozenset[str]], frozenset[str]] = {}


def _names_reaching(cls: type, reach: frozenset[str]) -> frozenset[str]:
    """The names of the pointers of ``cls`` (and of its parts holding such pointers) whose
    table pointed into is one of ``reach`` (``ANY_TABLE`` only when named in it)."""
    key = (cls, reach)
    found = _REACHING.get(key)
    if found is None:
        found = _REACHING[key] = frozenset(
            p.name
            for p in pointers(cls)
            if (targets(p.nested) & reach if p.nested is not None else p.target in reach)
        )
    return found


@cache
def referring(tables: frozenset[str]) -> tuple[str, ...]:
    """The tables whose records may point into one of ``tables``, in TABLES order."""
    return tuple(name for name, cls in TABLES.items() if targets(cls) & (tables | {ANY_TABLE}))


# How a record type is walked for the ids it holds in pointers into some tables: a function
# adding them (None included: an empty pointer) to a list.
Collect = Callable[[Any, list[Any]], None]
# (type, the tables pointed into, ANY_TABLE only when named) → (walker, whether the type holds
# any such pointer).
_COLLECTORS: dict[tuple[type, frozenset[str]], tuple[Collect, bool]] = {}


def collector(cls: type, reach: frozenset[str]) -> tuple[Collect, bool]:
    """The walker adding to a list every value held by a pointer of ``cls`` (and of its
    parts) into one of the tables ``reach`` (a pointer into any table: when ``ANY_TABLE`` is
    one of them); False when there is none."""
    key = (cls, reach)
    found = _COLLECTORS.get(key)
    if found is None:
        found = _COLLECTORS[key] = _build(cls, reach)
    return found


def _build(cls: type, into: frozenset[str]) -> tuple[Collect, bool]:
    names = _names_reaching(cls, into)
    steps: list[Collect] = []
    for p in pointers(cls):
        if p.name not in names:
            continue
        get = attrgetter(p.name)
        if p.nested is None:
            steps.append(_extend(get) if p.many else _append(get))
            continue
        inner, holds = collector(p.nested, into)
        if not holds:
            continue
        simple = _single_field(p.nested, into)
        if p.many:
            steps.append(_rows(get, inner) if simple is None else _column(get, simple))
        else:
            steps.append(_part(get, inner))
    if not steps:
        return _nothing, False
    if len(steps) == 1:
        return steps[0], True
    return _all(tuple(steps)), True


def _single_field(cls: type, into: frozenset[str]) -> Callable[[Any], Any] | None:
    """The getter of a part's one pointer when it has exactly one, not a list nor a part
    (an attendance row's ``member_id``): its rows are then read in one pass."""
    names = _names_reaching(cls, into)
    found = [p for p in pointers(cls) if p.name in names]
    if len(found) == 1 and not found[0].many and found[0].nested is None:
        return attrgetter(found[0].name)
    return None


def _nothing(obj: Any, out: list[Any]) -> None:
    return None


def _append(get: Callable[[Any], Any]) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        out.append(get(obj))

    return collect


def _extend(get: Callable[[Any], Any]) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        out.extend(get(obj))

    return collect


def _column(get: Callable[[Any], Any], field: Callable[[Any], Any]) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        out.extend(map(field, get(obj)))

    return collect


def _rows(get: Callable[[Any], Any], inner: Collect) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        for item in get(obj):
            inner(item, out)

    return collect


def _part(get: Callable[[Any], Any], inner: Collect) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        part = get(obj)
        if part is not None:
            inner(part, out)

    return collect


def _all(steps: tuple[Collect, ...]) -> Collect:
    def collect(obj: Any, out: list[Any]) -> None:
        for step in steps:
            step(obj, out)

    return collect


def names_any(obj: Any, ids: dict[str, str] | set[str], into: frozenset[str]) -> bool:
    """Whether a pointer of ``obj`` (or of its parts) that may point into one of ``into``
    holds one of ``ids``."""
    collect, holds = collector(type(obj), into | {ANY_TABLE})
    if not holds:
        return False
    found: list[Any] = []
    collect(obj, found)
    return any(value in ids for value in found if type(value) is str)


class ReferenceIndex:
    """For one delete: which records of a table name an id, built per (table, table pointed
    into) the first time it is asked, over ``data`` as it is (not to be changed meanwhile);
    the pointers into any table (a ledger entry's record, a talk's subject) in one index of
    their own."""

    def __init__(self, data: BranchData) -> None:
        self._data = data
        self._built: dict[tuple[str, str], dict[str, list[int]]] = {}
        self._ids: dict[str, dict[str, Any]] = {}

    def find(self, table: str, record_id: str) -> Any | None:
        """The record of ``table`` with ``record_id``, or None."""
        ids = self._ids.get(table)
        if ids is None:
            ids = self._ids[table] = {r.id: r for r in self._data.records(table)}
        return ids.get(record_id)

    def positions(self, table: str, named: Iterable[tuple[str, str]]) -> set[int]:
        """The positions in ``table`` of the records naming one of ``named`` ((id, the table
        of the record it is) pairs) in a pointer that may point into that record's table."""
        out: set[int] = set()
        anywhere = self._index(table, ANY_TABLE)
        for record_id, target in named:
            for index in (self._index(table, target), anywhere):
                found = index.get(record_id)
                if found:
                    out.update(found)
        return out

    def _index(self, table: str, target: str) -> dict[str, list[int]]:
        key = (table, target)
        index = self._built.get(key)
        if index is None:
            index = self._built[key] = {}
            collect, holds = collector(TABLES[table], frozenset({target}))
            if holds:
                for position, record in enumerate(self._data.records(table)):
                    values: list[Any] = []
                    collect(record, values)
                    for value in values:
                        if type(value) is str and value:
                            index.setdefault(value, []).append(position)
        return index


def naming_rows(
    cls: type | None, rows: list[Any], ids: dict[str, str] | set[str], into: frozenset[str]
) -> list[bool]:
    """For each row of a list of parts of type ``cls``: whether it names one of ``ids``
    (as ``names_any``), a row with a single pointer read in one pass."""
    if cls is None:
        return [False] * len(rows)
    single = _single_field(cls, into | {ANY_TABLE})
    if single is not None:
        return [single(row) in ids for row in rows]
    return [names_any(row, ids, into) for row in rows]
