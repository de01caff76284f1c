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


# Dates and amounts repeat across a big file (one day, many records): immutable, so shared.
_SHARED_LIMIT = 100_000
_DATES: dict[str, dt.date] = {}
_DECIMALS: dict[str, Decimal] = {}


def _decode_date(value: Any) -> dt.date | None:
    if type(value) is str:
        found = _DATES.get(value)
        if found is not None:
            return found
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        parsed = dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DecodeError(f"日期格式不对：{value!r}") from exc
    if type(value) is str:
        if len(_DATES) >= _SHARED_LIMIT:
            _DATES.clear()
        _DATES[value] = parsed
    return parsed


def _encode_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _decode_decimal(value: Any) -> Decimal | None:
    if type(value) is str:
        found = _DECIMALS.get(value)
        if found is not None:
            return found
    if value is None or value == "":
        return None
    try:
        parsed = Decimal(str(value))
    except InvalidOperation as exc:
        raise DecodeError(f"金额格式不对：{value!r}") from exc
    if type(value) is str:
        if len(_DECIMALS) >= _SHARED_LIMIT:
            _DECIMALS.clear()
        _DECIMALS[value] = parsed
    return parsed


def _encode_decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _codec_for(tp: Any, compact: bool = False) -> tuple[Encoder, Decoder]:
    """Encoder and decoder of one field type; ``compact`` encoders omit nested defaults."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            enc, dec = _codec_for(inner[0], compact)
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
        enc, dec = _codec_for(args[0], compact) if args else (_identity, _identity)
        if enc is _identity and dec is _identity:
            return list, lambda v: list(v or [])
        return (lambda v: [enc(x) for x in v], lambda v: [dec(x) for x in (v or [])])
    if origin is dict:
        enc, dec = _codec_for(args[1], compact) if len(args) == 2 else (_identity, _identity)
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
        return (_compact_encoder_of(tp) if compact else _encoder_of(tp)), _decoder_of(tp)
    if tp in (int, float):
        return _identity, lambda v: None if v is None else tp(v)
    return _identity, _identity


_NONE_SAFE: set[Decoder] = {_decode_date, _decode_decimal}
_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {}
_COMPACT_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {}
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


# Always written, even when equal to their default: every stored document names its id and rev.
_ALWAYS_KEPT = frozenset({"id", "rev"})


def _omittable_default(f: dataclasses.Field[Any], enc: Encoder) -> tuple[bool, Any]:
    """(True, encoded default) when a field equal to its default may be left out of a document."""
    if f.name in _ALWAYS_KEPT:
        return False, None
    if f.default is not dataclasses.MISSING:
        return True, enc(f.default)
    if f.default_factory in (list, dict):
        return True, f.default_factory()
    return False, None


def _compile_compact(cls: type) -> None:
    """Generate an encoder that leaves out every field equal to its default.

    The decoder fills a missing field with its default, so the record reads back the same;
    values are compared with their type too (``0`` is not taken for a default ``False``).
    """
    hints = typing.get_type_hints(cls)
    env: dict[str, Any] = {}
    lines = ["def encode_compact(obj):", "    out = {}"]
    for i, f in enumerate(dataclasses.fields(cls)):
        enc, _dec = _codec_for(hints[f.name], compact=True)
        name = repr(f.name)
        value = f"obj.{f.name}" if enc is _identity else f"e{i}(obj.{f.name})"
        env[f"e{i}"] = enc
        omit, default = _omittable_default(f, _codec_for(hints[f.name])[0])
        if not omit:
            lines.append(f"    out[{name}] = {value}")
            continue
        env[f"v{i}"] = default
        env[f"t{i}"] = type(default)
        lines += [
            f"    v = {value}",
            f"    if v != v{i} or type(v) is not t{i}:",
            f"        out[{name}] = v",
        ]
    lines.append("    return out")
    exec(compile("\n".join(lines), f"<compact codec {cls.__name__}>", "exec"), env)
    _COMPACT_ENCODERS[cls] = env["encode_compact"]


def _compiled(
    cache: dict[type, Callable[[Any], Any]], build: Callable[[type], None], cls: type
) -> Any:
    """The generated function of ``cls`` in ``cache``, built on first use."""
    function = cache.get(cls)
    if function is None:
        build(cls)
        function = cache[cls]
    return function


def _compact_encoder_of(cls: type) -> Callable[[Any], dict[str, Any]]:
    return _compiled(_COMPACT_ENCODERS, _compile_compact, cls)


def encode_compact(obj: Any) -> dict[str, Any]:
    """Like ``encode`` but without the fields equal to their default (the data file's form)."""
    return _compact_encoder_of(type(obj))(obj)


def omit_defaults(cls: type, doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document of ``cls`` without the fields equal to their default (a new dict).

    Works on plain dicts (for migrations): nested records in lists are compacted too.
    """
    out = dict(doc)
    for name, omit, default, nested in _omission_plan(cls):
        if name not in out:
            continue
        value = out[name]
        if nested is not None and isinstance(value, list):
            value = out[name] = [
                omit_defaults(nested, item) if isinstance(item, dict) else item for item in value
            ]
        if omit and value == default and type(value) is type(default):
            del out[name]
    return out


_PLANS: dict[type, list[tuple[str, bool, Any, type | None]]] = {}


def _omission_plan(cls: type) -> list[tuple[str, bool, Any, type | None]]:
    """Per field: name, whether it may be left out, its encoded default, its nested record type."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = []
        for f in dataclasses.fields(cls):
            omit, default = _omittable_default(f, _codec_for(hints[f.name])[0])
            plan.append((f.name, omit, default, _nested_record_type(hints[f.name])))
        _PLANS[cls] = plan
    return plan


def _nested_record_type(tp: Any) -> type | None:
    """The dataclass of a ``list[SomeRecord]`` field (optional or not), else None."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = inner[0] if len(inner) == 1 else None
    if typing.get_origin(tp) is not list:
        return None
    args = typing.get_args(tp)
    if args and isinstance(args[0], type) and dataclasses.is_dataclass(args[0]):
        return args[0]
    return None


def _encoder_of(cls: type) -> Callable[[Any], dict[str, Any]]:
    return _compiled(_ENCODERS, _compile, cls)


def _decoder_of(cls: type) -> Callable[[Any], Any]:
    return _compiled(_DECODERS, _compile, cls)


def encode(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a dict of JSON types (dates as ISO strings)."""
    return _encoder_of(type(obj))(obj)


T = typing.TypeVar("T")


def decode(cls: type[T], data: Any) -> T:
    """Build ``cls`` from a dict; unknown keys are ignored, missing optional ones defaulted."""
    result: T = _decoder_of(cls)(data)
    return result
