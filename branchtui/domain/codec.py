"""Records ↔ plain JSON-type dicts, typed by msgspec.

- ``decode(cls, doc)`` / ``decode_many(cls, docs)``: msgspec's strict ``convert`` into the record
  dataclass, after a check that the document names no unknown field (also in its nested rows) and
  gives the record's ``id``. A wrong type, an unknown choice, a missing field, a string where a list
  belongs: ``DecodeError``, whose ``path``, ``label`` and ``problem`` say in Chinese what is wrong.
  They come from ``domain.decode_errors.explain``, run only once msgspec has refused the document.
- ``encode(obj)``: every field, as JSON types (dates ``YYYY-MM-DD``, amounts as strings): bundles.
- ``encode_compact(obj)``: without the fields equal to their default: the data file (schema 3).
- ``omit_defaults(cls, doc)``: the same on a plain dict (migrations).
"""

from __future__ import annotations

import dataclasses
import re
import sys
import typing
from functools import cache
from itertools import chain, repeat
from typing import Any

import msgspec

from branchtui.domain.decode_errors import DecodeError, explain
from branchtui.domain.fields import fields_of, list_item, unwrap, without_none

# Fields written in every stored document even when equal to their default.
_ALWAYS_KEPT = frozenset({"id", "rev"})


# --- decoding --------------------------------------------------------------------------------
T = typing.TypeVar("T")


def decode(cls: type[T], data: Any) -> T:
    """Build ``cls`` from a document; DecodeError when it does not fit the type exactly."""
    try:
        record: T = msgspec.convert(data, cls)
    except msgspec.ValidationError:
        raise explain(cls, data) from None
    if not _keys_known(cls, [data]):
        raise explain(cls, data)
    return record


def decode_many(cls: type[T], docs: list[Any]) -> list[T]:
    """Every document as ``cls`` in one msgspec call; DecodeError with the first bad position."""
    try:
        records: list[T] = msgspec.convert(docs, list[cls])  # type: ignore[valid-type]
        if _keys_known(cls, docs):
            return records
    except msgspec.ValidationError:
        pass
    for position, doc in enumerate(docs):
        try:
            decode(cls, doc)
        except DecodeError as error:
            error.position = position  # type: ignore[attr-defined]
            raise
    raise explain(cls, docs)  # unreachable: a list msgspec refused has a document it refuses


_KEY_PLANS: dict[type, tuple[frozenset[str], bool, list[tuple[str, bool, type]]]] = {}


def _keys_known(cls: type, docs: list[dict[str, Any]]) -> bool:
    """Whether documents msgspec took as ``cls`` name no unknown field (nor do their rows and
    parts), and give the record's id (msgspec fills a missing one in from the default).

    One C-level pass per table (``map``): the check costs little next to the decoding.
    """
    plan = _KEY_PLANS.get(cls)
    if plan is None:
        # Built from the dataclass's own field table, without evaluating every annotation
        # again (msgspec has just done that): a cold start reads the file sooner.
        names = frozenset(cls.__dataclass_fields__)  # type: ignore[attr-defined]
        plan = _KEY_PLANS[cls] = (names, "id" in names, _nested_in_annotations(cls))
    names, need_id, nested = plan
    if not all(map(names.issuperset, docs)):
        return False
    if need_id and not all(map(dict.__contains__, docs, repeat("id"))):
        return False
    for name, many, inner in nested:
        if many:
            rows = list(chain.from_iterable([doc[name] for doc in docs if name in doc]))
        else:
            rows = [part for doc in docs if (part := doc.get(name)) is not None]
        if rows and not _keys_known(inner, rows):
            return False
    return True


_RECORDS = "branchtui.domain.records"
_NAME = re.compile(r"(list\[)?\b([A-Z]\w*)\b")


def _nested_in_annotations(cls: type) -> list[tuple[str, bool, type]]:
    """(field, is a list, record type) of every field holding records (``list[Attendance]``,
    ``Lecture | None``), read from the annotations' text of the record's module."""
    out = []
    names = vars(sys.modules[cls.__module__])
    for f in dataclasses.fields(cls):
        if not isinstance(f.type, str):  # evaluated at import already: read the type itself
            nested = _record_in(f.type)
            if nested is not None:
                out.append((f.name, *nested))
            continue
        for listed, found in _NAME.findall(f.type):
            inner = names.get(found)
            if not isinstance(inner, type) or not inner.__module__.startswith(_RECORDS):
                continue
            if dataclasses.is_dataclass(inner):
                out.append((f.name, bool(listed), inner))
    return out


def _record_in(hint: Any) -> tuple[bool, type] | None:
    """(is a list, record type) when an evaluated annotation holds records, else None."""
    hint = unwrap(without_none(unwrap(hint)[0]))[0]
    many = typing.get_origin(hint) is list
    inner = unwrap(without_none(typing.get_args(hint)[0] if many else hint))[0]
    records = isinstance(inner, type) and dataclasses.is_dataclass(inner)
    return (many, inner) if records and inner.__module__.startswith(_RECORDS) else None


def _nested_records(cls: type) -> list[tuple[str, type]]:
    """(field, record type) of every ``list[SomeRecord]`` field of ``cls``."""
    out = []
    for name, info in fields_of(cls).items():
        inner = list_item(info.hint)
        if isinstance(inner, type) and dataclasses.is_dataclass(inner):
            out.append((name, inner))
    return out


# --- encoding --------------------------------------------------------------------------------
def encode(obj: Any) -> dict[str, Any]:
    """A record as a dict of JSON types, every field included (dates as ISO strings)."""
    out: dict[str, Any] = msgspec.to_builtins(obj)
    return out


def encode_compact(obj: Any) -> dict[str, Any]:
    """Like ``encode`` but without the fields equal to their default (the data file's form)."""
    return _compact(type(obj), encode(obj))


def omit_defaults(cls: type, doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document of ``cls`` without the fields equal to their default (a new dict).

    Works on plain dicts (for migrations): nested records in lists are compacted too.
    """
    return _compact(cls, dict(doc))


def _compact(cls: type, out: dict[str, Any]) -> dict[str, Any]:
    """Drop from ``out`` (in place) every field equal to its default, type included."""
    for name, default, nested in _omission_plan(cls):
        if name not in out:
            continue
        value = out[name]
        if nested is not None and type(value) is list:
            value = out[name] = [
                _compact(nested, dict(item)) if type(item) is dict else item for item in value
            ]
        if default is not _KEEP and value == default and type(value) is type(default):
            del out[name]
    return out


_KEEP = object()


@cache
def _omission_plan(cls: Any) -> tuple[tuple[str, Any, type | None], ...]:
    """Per field: name, its encoded default (``_KEEP`` when always written), nested record type."""
    plan = []
    nested = dict(_nested_records(cls))
    for f in dataclasses.fields(cls):
        default: Any = _KEEP
        if f.name in _ALWAYS_KEPT:
            pass
        elif f.default is not dataclasses.MISSING:
            default = msgspec.to_builtins(f.default)
        elif f.default_factory in (list, dict):
            default = f.default_factory()
        plan.append((f.name, default, nested.get(f.name)))
    return tuple(plan)
