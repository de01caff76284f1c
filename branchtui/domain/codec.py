"""Turn record dataclasses into plain JSON-type dicts and back.

A codec is built once per class from its type hints, so that loading tens of
thousands of records does not pay for reflection on each one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class DecodeError(ValueError):
    """A stored value does not fit the record's field type."""


def _identity(value: Any) -> Any:
    return value


def _decode_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DecodeError(f"日期格式不对：{value!r}") from exc


def _encode_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _decode_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise DecodeError(f"金额格式不对：{value!r}") from exc


def _encode_decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _codec_for(tp: Any) -> tuple[Encoder, Decoder]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            enc, dec = _codec_for(inner[0])
            return (
                lambda v: None if v is None else enc(v),
                lambda v: None if v is None else dec(v),
            )
        return _identity, _identity
    if origin is list:
        enc, dec = _codec_for(args[0]) if args else (_identity, _identity)
        if enc is _identity and dec is _identity:
            return list, lambda v: list(v or [])
        return (lambda v: [enc(x) for x in v], lambda v: [dec(x) for x in (v or [])])
    if origin is dict:
        enc, dec = _codec_for(args[1]) if len(args) == 2 else (_identity, _identity)
        return (
            lambda v: {str(k): enc(x) for k, x in v.items()},
            lambda v: {str(k): dec(x) for k, x in (v or {}).items()},
        )
    if tp is dt.date:
        return _encode_date, _decode_date
    if tp is Decimal:
        return _encode_decimal, _decode_decimal
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return (lambda v: encode(v), lambda v: decode(tp, v))
    if tp in (int, float):
        return _identity, lambda v: None if v is None else tp(v)
    return _identity, _identity


_CODECS: dict[type, list[tuple[str, Encoder, Decoder, bool]]] = {}


def _fields_of(cls: type) -> list[tuple[str, Encoder, Decoder, bool]]:
    codec = _CODECS.get(cls)
    if codec is None:
        hints = typing.get_type_hints(cls)
        codec = []
        for f in dataclasses.fields(cls):
            enc, dec = _codec_for(hints[f.name])
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            codec.append((f.name, enc, dec, required))
        _CODECS[cls] = codec
    return codec


def encode(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a dict of JSON types (dates as ISO strings)."""
    return {name: enc(getattr(obj, name)) for name, enc, _dec, _req in _fields_of(type(obj))}


T = typing.TypeVar("T")


def decode(cls: type[T], data: Any) -> T:
    """Build ``cls`` from a dict; unknown keys are ignored, missing optional ones defaulted."""
    if not isinstance(data, dict):
        raise DecodeError(f"{cls.__name__} 记录应为对象，实际为 {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    for name, _enc, dec, required in _fields_of(cls):
        if name in data:
            kwargs[name] = dec(data[name])
        elif required:
            raise DecodeError(f"{cls.__name__} 记录缺少字段 {name}")
    return cls(**kwargs)
