"""Why a document does not fit its record type, said in Chinese (the codec's refusals).

- ``DecodeError``: which field (``path``, its ``label``) and what is wrong (``problem``).
- ``explain(cls, doc)``: a walk over the field types, run only once msgspec has refused the
  document; msgspec's own (English) message is never shown.
- ``expected_of(hint)`` / ``shown(value)``: what a type allows and what a value is, in Chinese.
- ``record_where`` / ``record_message``: which stored record a problem is in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import orjson

from branchtui.domain.choices import CHOICE_LABELS
from branchtui.domain.fields import fields_of, list_item, unwrap, without_none

Path = tuple[str | int, ...]


class DecodeError(ValueError):
    """A document does not fit its record type; every part in Chinese but the field's code path.

    ``kind``: "missing" (a required field is absent), "unknown" (a field the type does not have),
    or "value" (a wrong type or choice); ``label`` is the Chinese label of the innermost field.
    """

    def __init__(self, path: Path, kind: str, problem: str, label: str = "") -> None:
        self.path, self.kind, self.problem, self.label = path, kind, problem, label
        super().__init__(self.describe())

    @property
    def where(self) -> str:
        """The field's path as the JSON names it (``attendance[2].status``)."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def describe(self) -> str:
        """One Chinese phrase: which field and what is wrong with it."""
        named = f"{self.where}（{self.label}）" if self.label else self.where
        if self.kind == "missing":
            return f"缺少字段 {named}"
        if self.kind == "unknown":
            return f"含有未知的字段 {self.where}"
        if not self.path:
            return self.problem
        return f"字段 {named}{self.problem}"


# --- explaining a refusal in Chinese -------------------------------------------------------------
def explain(cls: type, data: Any, path: Path = ()) -> DecodeError:
    """What is wrong with a document of ``cls``, as a DecodeError (never raised here)."""
    found = _record_problem(cls, data, path, "")
    return found or DecodeError(path, "value", "内容无法识别")


def _record_problem(cls: type, data: Any, path: Path, label: str) -> DecodeError | None:
    if type(data) is not dict:
        return DecodeError(path, "value", f"应为对象，实际为{shown(data)}", label)
    fields = fields_of(cls)
    for key in data:
        if key not in fields:
            return DecodeError((*path, str(key)), "unknown", "")
    for name, info in fields.items():
        if name not in data:
            if info.required or name == "id":
                return DecodeError((*path, name), "missing", "", info.label)
            continue
        found = _value_problem(info.hint, data[name], (*path, name), info.label)
        if found is not None:
            return found
    return None


def _value_problem(hint: Any, value: Any, path: Path, label: str) -> DecodeError | None:
    hint, _ = unwrap(hint)
    if _accepts(hint, value):
        return None
    item = list_item(hint)
    if item is not None and type(value) is list:
        for i, element in enumerate(value):
            found = _inner_problem(item, element, (*path, i), label)
            if found is not None:
                return found
    dict_args = typing.get_args(without_none(hint))
    if typing.get_origin(without_none(hint)) is dict and type(value) is dict:
        key_type, value_type = dict_args
        for key, element in value.items():
            if not _accepts(unwrap(key_type)[0], key):
                expected = expected_of(key_type)
                return DecodeError(path, "value", f"的键应为{expected}，实际为{shown(key)}", label)
            found = _value_problem(value_type, element, (*path, str(key)), label)
            if found is not None:
                return found
    inner = without_none(hint)
    if isinstance(inner, type) and dataclasses.is_dataclass(inner) and type(value) is dict:
        return _record_problem(inner, value, path, label)
    return DecodeError(path, "value", _mismatch(hint, value), label)


def _inner_problem(item: Any, value: Any, path: Path, label: str) -> DecodeError | None:
    if isinstance(item, type) and dataclasses.is_dataclass(item):
        return _record_problem(item, value, path, label)
    return _value_problem(item, value, path, label)


def _mismatch(hint: Any, value: Any) -> str:
    inner = without_none(hint)
    if inner is dt.date and type(value) is str:
        return f"日期格式不对：应为 YYYY-MM-DD 的有效日期，实际为{shown(value)}"
    if inner is Decimal and type(value) is str:
        return f'金额格式不对：应为数字文本（如 "12.50"），实际为{shown(value)}'
    return f"应为{expected_of(hint)}，实际为{shown(value)}"


def _accepts(hint: Any, value: Any) -> bool:
    """Whether msgspec's strict conversion takes ``value`` as ``hint`` (records: not judged)."""
    hint, _ = unwrap(hint)
    origin = typing.get_origin(hint)
    if hint is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_accepts(arg, value) for arg in typing.get_args(hint))
    if origin is Literal:
        return type(value) is str and value in typing.get_args(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return type(value) is list and all(_accepts(item, v) for v in value)
    if origin is dict:
        key, item = typing.get_args(hint)
        return type(value) is dict and all(
            _accepts(key, k) and _accepts(item, v) for k, v in value.items()
        )
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return type(value) is dict and _record_problem(hint, value, (), "") is None
    return _scalar_accepts(hint, value)


def _scalar_accepts(hint: Any, value: Any) -> bool:
    if hint is type(None):
        return value is None
    if hint is str:
        return type(value) is str
    if hint is bool:
        return type(value) is bool
    if hint is int:
        return type(value) is int
    if hint is float:
        return type(value) in (int, float)
    if hint is dt.date:
        if type(value) is not str or len(value) != 10:
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if hint is Decimal:
        if type(value) in (int, float):
            return True
        if type(value) is not str:
            return False
        try:
            Decimal(value)
        except InvalidOperation:
            return False
        return True
    return False


SCALAR_NAMES: dict[Any, str] = {
    str: "文本",
    int: "整数",
    float: "数字",
    bool: " true 或 false",
    dt.date: "日期（YYYY-MM-DD）",
    Decimal: '金额（如 "12.50"）',
    type(None): "null",
}


def expected_of(hint: Any) -> str:
    """What a type allows, in Chinese (choices with their labels)."""
    hint, _ = unwrap(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        literals = [a for a in args if typing.get_origin(unwrap(a)[0]) is Literal]
        if literals and len(literals) == len([a for a in args if a is not type(None)]):
            text = _choices_text(literals)
            return text + ("，或 null" if type(None) in args else "")
        return "，或".join(expected_of(a) for a in args)
    if origin is Literal:
        return _choices_text([hint])
    if origin is list:
        return f"数组（每项为{expected_of(typing.get_args(hint)[0])}）"
    if origin is dict or (isinstance(hint, type) and dataclasses.is_dataclass(hint)):
        return "对象"
    return SCALAR_NAMES.get(hint, "其他类型")


def _choices_text(literals: list[Any]) -> str:
    parts = []
    for literal in literals:
        labels = CHOICE_LABELS.get(literal, {})
        for code in typing.get_args(literal):
            label = labels.get(code, "")
            if code == "":
                parts.append(f'空文本 ""（{label}）' if label else '空文本 ""')
            elif label and label != code:
                parts.append(f"{label}（{code}）")
            else:
                parts.append(code)
    return "以下之一：" + "、".join(parts)


_KINDS = {
    list: "数组",
    dict: "对象",
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "布尔值",
    type(None): "null",
}


def shown(value: Any, limit: int = 40) -> str:
    """A value as the JSON would write it, kind first and cut short: ``数组 ["zz"]``."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        text = "…"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    kind = _KINDS.get(type(value), "值")
    return text if value is None else f"{kind} {text}"


# --- naming the record a problem is in ------------------------------------------------------------
_NAMING_FIELDS = ("name", "title", "person_name", "topic", "motion", "content")


def record_where(cls: type, position: int, doc: Any, table: str = "") -> str:
    """``「党员」（members）第 3 条记录（id 4f2…，姓名 张三）`` for messages about a stored record."""
    label = getattr(cls, "LABEL", "") or "记录"
    named = f"「{label}」（{table}）" if table else f"「{label}」"
    details = []
    if isinstance(doc, dict):
        record_id = doc.get("id")
        if isinstance(record_id, str) and record_id:
            details.append(f"id {record_id[:32]}")
        fields = fields_of(cls)
        for key in _NAMING_FIELDS:
            value = doc.get(key)
            if key in fields and isinstance(value, str) and value.strip():
                text = value.strip()
                text = text if len(text) <= 20 else text[:19] + "…"
                details.append(f"{fields[key].label} {text}")
                break
    extra = f"（{'，'.join(details)}）" if details else ""
    return f"{named}第 {position} 条记录{extra}"


def record_message(cls: type, position: int, doc: Any, error: DecodeError, table: str = "") -> str:
    """The whole Chinese line about a record that does not read: where it is and what is wrong."""
    return f"{record_where(cls, position, doc, table)}：{error.describe()}"
