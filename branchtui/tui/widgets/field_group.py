"""A column of labelled form fields declared as data, each with its Chinese error beside it.

``FieldSpec`` says what a field holds; ``FieldGroup`` builds the widgets, reads them back as
Python values (reporting what cannot be read, in Chinese, by field) and shows errors. The
wizard steps and the small forms (议题, 决定, 表决, 整改 …) are all FieldGroups, so every form
reads, moves (Enter, Up/Down) and reports the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from branchtui.domain.dates import DateParseError, format_date, parse_clock, parse_date
from branchtui.domain.records import Member
from branchtui.tui.registry.forms import FIELD_GROUP_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.widgets.choice_field import ChoiceField, Entered, ToggleRow
from branchtui.tui.widgets.member_field import MemberField, MembersField
from branchtui.tui.widgets.wrapped_text import WrappedText

FieldKind = Literal[
    "text", "long", "int", "number", "time", "date", "member", "members", "choice", "multi"
]


@dataclass(frozen=True)
class FieldSpec:
    """One field: its name in the values, its Chinese label, what it holds."""

    name: str
    label: str
    kind: FieldKind = "text"
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""  # a line under the field
    placeholder: str = ""
    required: bool = False
    max_length: int | None = None  # of text: the record field's declared limit (Spec)
    # Whom a member field picks from when not the form's people (入党积极分子, say).
    people: Callable[[], Sequence[Any]] | None = None


class FieldGroup(Vertical):
    """The fields of ``specs`` with ``values``; Enter and Down move to the next field."""

    DEFAULT_CSS = """
    FieldGroup { height: auto; }
    FieldGroup > .form-field { height: auto; }
    FieldGroup .form-row { height: auto; }
    FieldGroup .form-row > Label { width: 14; padding: 0 1 0 0; text-align: right; }
    FieldGroup .form-row > Input { width: 1fr; max-width: 44; }
    FieldGroup .form-row > TextArea { width: 1fr; height: 4; }
    FieldGroup .form-row > .field-error { width: auto; max-width: 30; }
    FieldGroup .form-hint { padding: 0 0 0 14; color: $text-muted; height: auto; }
    FieldGroup .form-row > Input, FieldGroup .form-row > TextArea { background: $panel; }
    FieldGroup .form-row > MemberField, FieldGroup .form-row > MembersField {
        width: 1fr; max-width: 44; background: $panel;
    }
    FieldGroup .form-row > Input:focus, FieldGroup .form-row > TextArea:focus {
        background: $accent 25%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys_of(FIELD_GROUP_KEYS)

    class Changed(Message):
        """A field's value changed (for live checks)."""

        def __init__(self, group: FieldGroup, name: str) -> None:
            super().__init__()
            self.group = group
            self.name = name

        @property
        def control(self) -> FieldGroup:
            return self.group

    def __init__(
        self,
        specs: Sequence[FieldSpec],
        values: Mapping[str, Any] | None = None,
        *,
        today: dt.date,
        people: Callable[[], Sequence[Member]] = list,
        describe: Callable[[str], str] | None = None,
        prefix: str = "f",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.specs = list(specs)
        self.initial = dict(values or {})
        self.today = today
        self.people = people
        self.describe = describe
        self.prefix = prefix

    def widget_id(self, name: str) -> str:
        return f"{self.prefix}-{name}".replace(".", "-")

    def compose(self) -> ComposeResult:
        for spec in self.specs:
            row = Horizontal(
                Label(spec.label),
                self._widget(spec, self.initial.get(spec.name)),
                WrappedText("", id=f"{self.widget_id(spec.name)}-error", classes="field-error"),
                classes="form-row",
            )
            hint = [Static(spec.hint, classes="form-hint", markup=False)] if spec.hint else []
            yield Vertical(
                row, *hint, classes="form-field", id=f"{self.widget_id(spec.name)}-field"
            )

    def row(self, name: str) -> Widget:
        """The field's line with its label, error and hint (to show or hide it)."""
        return self.query_one(f"#{self.widget_id(name)}-field")

    def _widget(self, spec: FieldSpec, value: Any) -> Widget:
        wid = self.widget_id(spec.name)
        if spec.kind == "long":
            return TextArea(str(value or ""), id=wid, soft_wrap=True, compact=True)
        if spec.kind in ("member", "members"):
            people = spec.people or self.people
            describe = self.describe if spec.people is None else None
            if spec.kind == "members":
                return MembersField(
                    people, f"选择{spec.label}", list(value or []), describe=describe, id=wid
                )
            return MemberField(people, f"选择{spec.label}", value, describe=describe, id=wid)
        if spec.kind == "choice":
            return ChoiceField(spec.choices, value, id=wid)
        if spec.kind == "multi":
            return ToggleRow(spec.choices, list(value or []), id=wid)
        return Input(_text(spec, value), placeholder=spec.placeholder, id=wid, compact=True)

    def field(self, name: str) -> Widget:
        return self.query_one(f"#{self.widget_id(name)}")

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The values as Python values, and a Chinese message per field that cannot be read."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self.specs:
            try:
                values[spec.name] = self._read(spec)
            except ValueError as error:
                errors[spec.name] = getattr(error, "message", None) or str(error)
                values[spec.name] = None
            if spec.required and values[spec.name] in (None, "", []) and spec.name not in errors:
                errors[spec.name] = f"请填写{spec.label}"
            value = values[spec.name]
            if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
                errors.setdefault(
                    spec.name, f"{spec.label}不能超过{spec.max_length}个字（现为{len(value)}个字）"
                )
        return values, errors

    def _read(self, spec: FieldSpec) -> Any:
        widget = self.field(spec.name)
        if isinstance(widget, TextArea):
            return widget.text.strip()
        if isinstance(widget, MembersField):
            return list(widget.value)
        if isinstance(widget, MemberField):
            return widget.value
        if isinstance(widget, ChoiceField | ToggleRow):
            return widget.value
        assert isinstance(widget, Input)
        text = widget.value.strip()
        if spec.kind == "text":
            return text
        if not text:
            return None if spec.kind != "time" else ""
        if spec.kind == "int":
            if not (text.isascii() and text.isdigit()):
                raise ValueError(f"{spec.label}应为整数")
            return int(text)
        if spec.kind == "number":
            try:
                number = float(text)
            except ValueError:
                raise ValueError(f"{spec.label}应为数字，如 1.5") from None
            if number < 0:
                raise ValueError(f"{spec.label}不能为负数")
            return number
        if spec.kind == "time":
            return parse_clock(text)
        try:
            return parse_date(text, self.today)
        except DateParseError as error:
            raise ValueError(error.message) from None

    def fill(self, values: Mapping[str, Any]) -> None:
        """Put ``values`` into the fields named in it (the others keep what they hold)."""
        for spec in self.specs:
            if spec.name not in values:
                continue
            value = values[spec.name]
            widget = self.field(spec.name)
            if isinstance(widget, TextArea):
                widget.text = str(value or "")
            elif isinstance(widget, MembersField):
                widget.value = list(value or [])
            elif isinstance(widget, MemberField):
                widget.value = value or None
            elif isinstance(widget, ChoiceField):
                widget.value = value
            elif isinstance(widget, ToggleRow):
                widget.value = list(value or [])
            elif isinstance(widget, Input):
                widget.value = _text(spec, value)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Each field's message beside it ('' clears it)."""
        for spec in self.specs:
            label = self.query_one(f"#{self.widget_id(spec.name)}-error", Static)
            label.update(errors.get(spec.name, ""))

    def focus_field(self, name: str) -> bool:
        try:
            self.field(name).focus()
        except Exception:
            return False
        return True

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(Entered(event.input))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceField.Changed)
    @on(ToggleRow.Changed)
    @on(MemberField.Changed)
    def _changed(self, event: Message) -> None:
        widget = getattr(event, "input", None) or getattr(event, "text_area", None)
        widget = widget or getattr(event, "field", None)
        name = next(
            (s.name for s in self.specs if widget and widget.id == self.widget_id(s.name)), ""
        )
        if name:
            self._clear_if_valid(name)
        self.post_message(self.Changed(self, name))

    def _clear_if_valid(self, name: str) -> None:
        """A field's message goes as soon as its new value reads well (the step checks the
        rest again on PgDn); it is not left beside a value already fixed."""
        label = self.query_one(f"#{self.widget_id(name)}-error", Static)
        if not str(label.render()):
            return
        spec = next(s for s in self.specs if s.name == name)
        try:
            value = self._read(spec)
        except ValueError:
            return
        if not (spec.required and value in (None, "", [])):
            label.update("")


def _text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def shown_in(widget: Widget, container: Widget) -> bool:
    """Whether ``widget`` and every ancestor up to ``container`` are displayed."""
    node: Any = widget
    while node is not None and node is not container:
        if not node.display:
            return False
        node = node.parent
    return True


def focusable_in(container: Widget) -> list[Widget]:
    """The focusable widgets of ``container`` that are shown, in the order Tab visits them."""
    return [w for w in container.query("*") if w.focusable and shown_in(w, container)]


def focus_after(container: Widget, widget: Widget) -> bool:
    """Focus the next focusable widget after ``widget`` inside ``container``; False when
    ``widget`` was the last one (the form then moves on: saves, or goes to the next step)."""
    focusable = focusable_in(container)
    if widget not in focusable:
        return False
    index = focusable.index(widget)
    if index + 1 >= len(focusable):
        return False
    focusable[index + 1].focus()
    return True
