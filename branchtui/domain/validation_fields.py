"""Checks of single fields that screens call as the user types; each returns a Chinese message or None.

None of them raises, whatever they are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from branchtui.domain.fields import Spec, fields_of

# GB 11643-1999: weights of the first 17 digits and the check character for sum mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# The earliest plausible date in a record (birth dates of the oldest members included).
EARLIEST = dt.date(1900, 1, 1)

_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}", re.ASCII)
_NAME = re.compile(r"[\u3400-\u9fffA-Za-z]+(?:[·• ][\u3400-\u9fffA-Za-z]+)*")
_PEOPLE_SEPARATOR = re.compile(r"[、，,；;\s]+")
_PERSON = re.compile(r"[\u3400-\u9fffA-Za-z·•]{2,30}(?:[（(][\u3400-\u9fffA-Za-z·•]{1,20}[)）])?")
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a 身份证号."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(text: str) -> dt.date | None:
    """The birth date written in an 18-character 身份证号, or None when there is none."""
    if not isinstance(text, str) or len(text) != 18 or not text[6:14].isascii():
        return None
    if not text[6:14].isdigit():
        return None
    try:
        return dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None


def id_gender(text: str) -> str | None:
    """``male`` when the 17th digit of a 身份证号 is odd, ``female`` when even, else None."""
    if not isinstance(text, str) or len(text) != 18 or text[16] not in "0123456789":
        return None
    return "male" if int(text[16]) % 2 else "female"


def check_id_number(text: object, today: dt.date | None = None) -> str | None:
    """None for a valid 18-character 身份证号 (GB 11643 checksum), else what is wrong."""
    if not isinstance(text, str):
        return "身份证号格式不正确"
    value = text.strip().upper()
    if not value:
        return None
    if len(value) != 18:
        return f"身份证号应为18位，现在是{len(value)}位"
    if not (value[:17].isascii() and value[:17].isdigit()):
        return "身份证号前17位应为数字"
    if value[17] not in "0123456789X":
        return "身份证号最后一位应为数字或X"
    birth = id_birth_date(value)
    if birth is None or birth < EARLIEST:
        return "身份证号中的出生日期（第7–14位）无效"
    if today is not None and birth > today:
        return "身份证号中的出生日期晚于今天"
    if id_check_char(value[:17]) != value[17]:
        return "身份证号校验位不正确，请核对"
    return None


def check_phone(text: object) -> str | None:
    """None for a mainland mobile (1[3-9] + 9 digits) or landline (0592-1234567), else a message."""
    if not isinstance(text, str):
        return "联系电话格式不正确"
    value = text.strip().replace(" ", "")
    if not value:
        return None
    if value.startswith("+86"):
        value = value[3:]
    if _MOBILE.fullmatch(value.replace("-", "")) or _LANDLINE.fullmatch(value):
        return None
    return "联系电话应为11位手机号（如13812345678）或带区号的固定电话（如0592-1234567）"


def check_name(text: object, label: str = "姓名") -> str | None:
    """None for a person's name of 2–20 characters: 汉字, letters and the separator ·."""
    if not isinstance(text, str) or not text.strip():
        return f"请填写{label}"
    value = text.strip()
    if not 2 <= len(value) <= 20:
        return f"{label}应为2到20个字"
    if not _NAME.fullmatch(value):
        return f"{label}只能包含汉字、字母和间隔号“·”"
    return None


def check_people(text: object, label: str = "相关人员") -> str | None:
    """None for empty text or names of people (谈话人, 考察人 …) separated by 、 or ，: each of
    汉字 and letters with an optional post in brackets (张三（组织委员）), never a date or a number."""
    if not isinstance(text, str):
        return f"{label}格式不正确"
    value = text.strip()
    if not value:
        return None
    if any(ch.isdigit() for ch in value):
        return f"{label}应填写姓名，不能是日期或数字"
    for part in _PEOPLE_SEPARATOR.split(value):
        if part and not _PERSON.fullmatch(part):
            return f"{label}应填写姓名（可注明职务），多人用“、”分隔"
    return None


def check_required(text: object, label: str, max_length: int = 200) -> str | None:
    """None for non-empty text of at most ``max_length`` characters."""
    if not isinstance(text, str) or not text.strip():
        return f"请填写{label}"
    if len(text) > max_length:
        return f"{label}不能超过{max_length}个字"
    return None


def check_past_date(value: object, today: dt.date, label: str) -> str | None:
    """None for an empty date or one between 1900 and today; dates to come are refused."""
    if value is None:
        return None
    if not isinstance(value, dt.date):
        return f"{label}格式不正确"
    if value > today:
        return f"{label}不能晚于今天"
    if value < EARLIEST:
        return f"{label}不能早于1900年"
    return None


def check_date(value: object, label: str) -> str | None:
    """None for an empty date or a plausible one (1900–2200); dates to come are allowed."""
    if value is None:
        return None
    if not isinstance(value, dt.date):
        return f"{label}格式不正确"
    if not EARLIEST <= value <= dt.date(2200, 12, 31):
        return f"{label}不在合理范围内"
    return None


def check_amount(value: object, label: str, *, positive: bool = False) -> str | None:
    """None for an empty or finite amount ≥ 0 (> 0 when ``positive``)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return f"{label}应为数字"
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    if not finite:
        return f"{label}应为数字"
    if value < 0:
        return f"{label}不能为负数"
    if positive and value == 0:
        return f"{label}应大于0"
    return None


def check_choice(value: object, label: str, choices: dict[str, str]) -> str | None:
    """None when ``value`` is one of the keys of a label dictionary."""
    if isinstance(value, str) and value in choices:
        return None
    return f"{label}应为：{'、'.join(choices.values())}"


def check_month(value: object, label: str = "月份") -> str | None:
    """None for a stored month ``YYYY-MM``."""
    if isinstance(value, str):
        match = _MONTH.fullmatch(value)
        if match and 1900 <= int(match.group(1)) <= 2200 and 1 <= int(match.group(2)) <= 12:
            return None
    return f"{label}应为“2026-11”的格式"


def check_year(value: object, today: dt.date, label: str = "年度") -> str | None:
    """None for a year from 1921 to next year."""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{label}应为四位年份"
    if not 1921 <= value <= today.year + 1:
        return f"{label}应在1921年到{today.year + 1}年之间"
    return None


def check_time(value: object, label: str) -> str | None:
    """None for an empty time or ``HH:MM``."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value, re.ASCII):
        return None
    return f"{label}应为“14:30”的格式"


class Checker:
    """Collects the first message per field of one record; reads fields defensively.

    A field's label, text limit and choices come from its declaration (``domain.fields``);
    pass ``label`` only where a message needs other words than the field's own name.
    """

    def __init__(self, record: object, today: dt.date) -> None:
        self.record = record
        self.today = today
        self.errors: dict[str, str] = {}
        self.declared = fields_of(type(record)) if dataclasses.is_dataclass(record) else {}

    def get(self, name: str) -> Any:
        return getattr(self.record, name, None)

    def label(self, name: str) -> str:
        """The declared Chinese label of a field of the record."""
        info = self.declared.get(name)
        return info.label if info is not None else name

    def add(self, name: str, message: str | None) -> None:
        if message:
            self.errors.setdefault(name, message)

    def text(self, name: str, label: str | None = None, max_length: int | None = None) -> None:
        info = self.declared.get(name)
        limit = max_length or (info.spec.max_length if info else None) or 200
        self.add(name, check_required(self.get(name), label or self.label(name), limit))

    def past(self, name: str, label: str | None = None, *, required: bool = False) -> None:
        value, label = self.get(name), label or self.label(name)
        self.add(name, f"请填写{label}" if required and value is None else None)
        self.add(name, check_past_date(value, self.today, label))

    def date(self, name: str, label: str | None = None, *, required: bool = False) -> None:
        value, label = self.get(name), label or self.label(name)
        self.add(name, f"请填写{label}" if required and value is None else None)
        self.add(name, check_date(value, label))

    def order(
        self,
        first: str,
        second: str,
        first_label: str | None = None,
        second_label: str | None = None,
    ) -> None:
        """The later date must not come before the earlier one."""
        a, b = self.get(first), self.get(second)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
            first_label, second_label = (
                first_label or self.label(first),
                second_label or self.label(second),
            )
            self.add(second, f"{second_label}不能早于{first_label}")

    def amount(
        self,
        name: str,
        label: str | None = None,
        *,
        required: bool = False,
        positive: bool = False,
    ) -> None:
        value, label = self.get(name), label or self.label(name)
        self.add(name, f"请填写{label}" if required and value is None else None)
        self.add(name, check_amount(value, label, positive=positive))

    def choice(
        self,
        name: str,
        label: str | None = None,
        choices: dict[str, str] | None = None,
        *,
        optional: bool = False,
    ) -> None:
        value = self.get(name)
        if optional and value in ("", None):
            return
        info = self.declared.get(name)
        choices = choices if choices is not None else (info.choices if info else {})
        self.add(name, check_choice(value, label or self.label(name), choices))

    def ref(self, name: str, label: str | None = None) -> None:
        """A required link to another record (a member, a term)."""
        value = self.get(name)
        if not isinstance(value, str) or not value:
            self.add(name, f"请选择{label or self.label(name)}")

    def declared_limits(self) -> None:
        """Every text field of the record, and of the records in its lists and parts, within
        its declared ``max_length`` and ``pattern`` (``domain.fields``); empty text passes."""
        _limits(self, self.record, "")

    def items(self, name: str) -> list[tuple[int, Any]]:
        value = self.get(name)
        return list(enumerate(value)) if isinstance(value, list | tuple) else []


def _limits(c: Checker, record: object, prefix: str) -> None:
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return
    for name, info in fields_of(type(record)).items():
        value = getattr(record, name, None)
        where = f"{prefix}{name}"
        if isinstance(value, str):
            c.add(where, check_declared(value, info.spec))
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                _limits(c, item, f"{where}.{i}.")
        else:
            _limits(c, value, f"{where}.")


def check_declared(value: str, spec: Spec) -> str | None:
    """None for empty text or text within a field's declared length and format."""
    if not value:
        return None
    if spec.max_length is not None and len(value) > spec.max_length:
        return f"{spec.label}不能超过{spec.max_length}个字（现为{len(value)}个字）"
    if spec.pattern is not None and not re.fullmatch(spec.pattern, value.strip()):
        return f"{spec.label}{spec.pattern_hint or '格式不正确'}"
    return None
