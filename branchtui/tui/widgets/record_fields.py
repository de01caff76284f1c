"""The fields of a record form (tui/widgets/record_form.py): what a register's form shows
(FormSpec), each field's widget by its type, reading back what was typed, and the members a
form offers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from branchtui.domain.dates import DateParseError
from branchtui.domain.fields import FieldInfo, literal_codes, without_none
from branchtui.domain.records import BranchData, Member
from branchtui.domain.references import ROLE_TABLES, role_of
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.member_field import MemberField, MembersField

YES_NO = {"yes": "是", "no": "否"}
# Text fields this long or longer are edited in a box of several lines.
LONG_TEXT = 1000
LIST_SEPARATORS = ("、", "，", ",", ";", "；")

# A rule check of the register: (errors, warnings) by field name, for the record as typed.
FormCheck = Callable[[Any], tuple[dict[str, str], dict[str, str]]]


@dataclasses.dataclass(frozen=True)
class FormSpec:
    """What a register's form shows: its fields in order, with what the declarations cannot say.

    A field pointing at members (``host_id``, ``participant_ids`` …, domain.references) is
    picked by name or pinyin. ``choices``: fields whose values are other records (a group, a
    venue), by a function of the data. ``hints``: a line under a field. ``check``: the
    register's rule, run as the user types. ``propose``: values the record as typed implies for
    other fields (the dues calculator's amount from the income, NAT-4), filled in as the user
    types unless she has typed that field herself.
    """

    fields: tuple[str, ...]
    choices: Mapping[str, Callable[[], dict[str, str]]] = dataclasses.field(default_factory=dict)
    hints: Mapping[str, str] = dataclasses.field(default_factory=dict)
    check: FormCheck | None = None
    propose: Callable[[Any], Mapping[str, object]] | None = None


def is_list(info: FieldInfo) -> bool:
    return typing.get_origin(without_none(info.hint)) is list


class LongText(TextArea):
    """A text of several lines (notes, content, findings); ``value`` as for an Input."""

    def __init__(self, text: str, *, id: str) -> None:
        super().__init__(
            text, id=id, classes="long-text", soft_wrap=True, tab_behavior="focus", compact=True
        )

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = text


def field_widget(
    info: FieldInfo,
    value: Any,
    *,
    members: list[Member],
    today: dt.date,
    year: int | None,
    choices: Mapping[str, Callable[[], dict[str, str]]],
) -> Widget:
    """The widget of one field by its type, holding ``value``: a member field for a member
    reference, a date field, a drop-down for choices (``choices``: those of other records) and
    flags, a text box for the rest."""
    name, wid = info.name, f"field-{info.name}"
    base = without_none(info.hint)
    if ROLE_TABLES.get(role_of(name) or "") == "members":
        if name.endswith("_ids"):
            return MembersField(members, f"选择{info.label}", value or [], id=wid)
        return MemberField(members, f"选择{info.label}", value, id=wid)
    if info.is_date:
        return DateField(today, value, required=info.required, year=year, id=wid, compact=True)
    options: dict[str, str] | None = None
    if name in choices:
        options = choices[name]()
    elif base is bool:
        options, value = YES_NO, "yes" if value else "no"
    elif info.choices and not is_list(info):
        options = info.choices
    if options is not None:
        blank = not info.required or value in ("", None)
        return FormSelect(
            [(label, key) for key, label in options.items()],
            value=value if value in options else Select.NULL,
            prompt="请选择",
            allow_blank=blank,
            id=wid,
            compact=True,
        )
    if is_list(info):
        text = "、".join(str(v) for v in value or [])
        return Input(text, placeholder="多项用、分隔", id=wid, compact=True)
    if (info.spec.max_length or 0) >= LONG_TEXT:
        # Notes, content, findings: several lines (Tab leaves the box, Enter is a new line).
        return LongText("" if value is None else str(value), id=wid)
    return Input("" if value is None else str(value), id=wid, compact=True)


def read_field(widget: Widget, info: FieldInfo) -> Any:
    """The typed value of one field from its widget; raises ValueError with a Chinese message."""
    base = without_none(info.hint)
    if isinstance(widget, (MemberField, MembersField)):
        return widget.value
    if isinstance(widget, DateField):
        try:
            return widget.date
        except DateParseError as error:
            raise ValueError(error.message) from None
    if isinstance(widget, Select):
        chosen = widget.value if isinstance(widget.value, str) else None
        if base is bool:
            return chosen == "yes"
        if chosen is None:
            return "" if "" in literal_codes(info.hint) or base is str else None
        return chosen
    text = widget.value.strip() if isinstance(widget, (Input, LongText)) else ""
    if is_list(info):
        for sep in LIST_SEPARATORS[1:]:
            text = text.replace(sep, LIST_SEPARATORS[0])
        return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]
    if base in (int, float, Decimal):
        if not text:
            if info.required:
                raise ValueError(f"请填写{info.label}")
            return None if type(None) in typing.get_args(info.hint) else base(0)
        try:
            return int(text) if base is int else Decimal(text) if base is Decimal else float(text)
        except (ValueError, InvalidOperation):
            example = "如 12" if base is int else "如 12.5"
            raise ValueError(f"请填写数字，{example}") from None
    return text


def members_for(data: BranchData, original: Any, values: Mapping[str, Any]) -> list[Member]:
    """The members a form offers: those on the roster, and any former member the record
    already names (a talk with someone transferred out), so that the name still shows."""
    pairs = list(values.items())
    if original is not None:
        pairs += [(f.name, getattr(original, f.name)) for f in dataclasses.fields(original)]
    named = {
        value
        for name, value in pairs
        if isinstance(value, str) and ROLE_TABLES.get(role_of(name) or "") == "members"
    }
    former = [m for m in data.members if m.removed is not None and m.id in named]
    return [*data.active_members, *former]
