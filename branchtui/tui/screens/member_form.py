"""The member form: every Member field, checked by domain/validation, saved through the Store."""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Select, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import DateParseError
from branchtui.domain.fields import label_of
from branchtui.domain.meetings.roll import person_name
from branchtui.domain.member_changes import member_changed
from branchtui.domain.member_names import namesake_warning
from branchtui.domain.records import Member, PartyGroup
from branchtui.domain.records.people import DUES_CATEGORIES, GENDERS, MEMBER_STATUSES
from branchtui.domain.validation import validate
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.organization import MEMBER_FORM_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed, focus_keeping
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.wrapped_text import WrappedText

YES_NO = {"no": "否", "yes": "是"}
TEXT_FIELDS = ("name", "ethnicity", "id_number", "phone", "education", "position")
DATE_FIELDS = ("birth_date", "joined", "full_date", "arrived")
# Field order on screen; each label is the field's declaration (domain.fields), not repeated here.
FORM_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "phone",
    "education",
    "position",
    "joined",
    "full_date",
    "probation_extension_months",
    "arrived",
    "status",
    "group_id",
    "is_leader",
    "inflow",
    "dues_category",
    "monthly_income",
    "note",
)
LABELS = {name: label_of(Member, name) for name in FORM_FIELDS}
# What the secretary is told under a field whose meaning is not obvious.
HINTS = {"arrived": "党费、出勤等从此日与入党时间中较晚者起算；新增党员默认今天"}


DISCARD_CHOICES = {"stay": "继续填写", "discard": "放弃，返回名册"}


class MemberForm(DataScreen):
    """新增 / 编辑党员. Errors appear beside their field; the rest of the input stays."""

    BINDINGS: ClassVar[list[BindingType]] = keys_of(MEMBER_FORM_KEYS)

    class Saved(Message):
        """The member was written to the data file."""

        def __init__(self, member: Member, groups_left: str = "") -> None:
            super().__init__()
            self.member = member
            self.groups_left = groups_left  # the groups it stopped leading, by name

    class SaveFailed(Message):
        """The store refused the write (e.g. someone else changed the record)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, member: Member | None, *, focus: str | None = None) -> None:
        super().__init__()
        self.original = member
        self.focus_first = focus  # the field the cursor starts in (else the name)
        self.saving = False
        self.opened_with: list[object] = []
        self.errors: dict[str, str] = {}  # shown since the last save
        self.discard_choices = DISCARD_CHOICES

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        with VerticalScroll(id="member-form"):
            for field, label in LABELS.items():
                yield Horizontal(
                    Label(label),
                    self._widget(field),
                    WrappedText("", id=f"error-{field}", classes="field-error", markup=False),
                    classes="form-row",
                )
                if field in HINTS:
                    yield Static(HINTS[field], classes="hint", markup=False)
        yield WrappedText("", id="form-status", classes="form-status", markup=False)
        yield BranchFooter()

    def _widget(self, field: str) -> Widget:
        m = self.original
        value: Any = getattr(m, field) if m is not None else None
        wid = f"field-{field}"
        if field in DATE_FIELDS:
            if field == "arrived" and m is None:
                value = self.today  # a member entered now arrives now, unless told otherwise
            return DateField(self.today, value, id=wid, compact=True)
        if field in ("gender", "status", "dues_category", "group_id", "is_leader", "inflow"):
            options = self._options(field)
            current = _select_value(field, value, m)
            return FormSelect(
                [(label, key) for key, label in options.items()],
                value=current if current in options else Select.NULL,
                prompt="请选择",
                allow_blank=field in ("gender", "group_id"),
                id=wid,
                compact=True,
            )
        if field == "probation_extension_months":
            text = "" if value is None else str(value)
            return Input(text, placeholder="月数（6至12），未延长不填", id=wid, compact=True)
        if field == "monthly_income":
            return Input("" if value is None else str(value), id=wid, compact=True)
        default = "汉族" if field == "ethnicity" and m is None else ""
        return Input(str(value or default), id=wid, compact=True)

    def _options(self, field: str) -> dict[str, str]:
        if field == "gender":
            return GENDERS
        if field == "status":
            return MEMBER_STATUSES
        if field == "dues_category":
            return DUES_CATEGORIES
        if field == "group_id":
            return {g.id: g.name for g in self.data.groups if g.dissolved is None}
        return YES_NO

    def reload(self) -> None:
        original = self.original
        self.sub_title = (
            f"编辑党员：{person_name(self.data, original.id)}" if original else "新增党员"
        )

    def on_mount(self) -> None:
        self.opened_with = self._typed()
        if self.focus_first in LABELS:  # a missing field the duty settled names (ORG-1)
            self.query_one(f"#field-{self.focus_first}").focus()
            return
        name = self.query_one("#field-name", Input)
        if self.original is None:
            name.focus()
        else:  # the name on file is not replaced by a stray key
            focus_keeping(name)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _collect(self) -> tuple[Member, dict[str, str]]:
        """The member as typed, and the errors of fields that could not even be read."""
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for field in TEXT_FIELDS:
            values[field] = self.query_one(f"#field-{field}", Input).value.strip()
        values["note"] = self.query_one("#field-note", Input).value.strip()
        for field in DATE_FIELDS:
            try:
                values[field] = self.query_one(f"#field-{field}", DateField).date
            except DateParseError as error:
                errors[field] = error.message
                values[field] = None
        for field in ("gender", "status", "dues_category", "group_id"):
            chosen = self.query_one(f"#field-{field}", Select).value
            values[field] = chosen if isinstance(chosen, str) else None
        values["gender"] = values["gender"] or ""
        values["status"] = values["status"] or ""
        values["dues_category"] = values["dues_category"] or "working"
        for field in ("is_leader", "inflow"):
            values[field] = self.query_one(f"#field-{field}", Select).value == "yes"
        income = self.query_one("#field-monthly_income", Input).value.strip()
        values["monthly_income"] = None
        if income:
            try:
                values["monthly_income"] = Decimal(income)
            except InvalidOperation:
                errors["monthly_income"] = "请填写金额数字，如 6500 或 6500.50"
        months = self.query_one("#field-probation_extension_months", Input).value.strip()
        values["probation_extension_months"] = None
        if months:
            if months.isdigit():
                values["probation_extension_months"] = int(months)
            else:
                errors["probation_extension_months"] = "请填写月数，如 6"
        if self.original is None:
            member = Member(**values)
        else:
            member = dataclasses.replace(self.original, **values)
        return member, errors

    def _namesake(self) -> str:
        """注意：已有同名党员… for the name typed (a warning: a second 张伟 may be saved)."""
        member, _errors = self._collect()
        warned = namesake_warning(member, self.data.members) if member.name else ""
        return f"注意：{warned}" if warned else ""

    @on(Input.Changed, "#field-name")
    @on(Input.Changed, "#field-birth_date")
    @on(Select.Changed, "#field-gender")
    def _name_changed(self) -> None:
        if "name" in self.errors:
            return  # an error from the last save stays until the next one
        self.query_one("#error-name", Static).update(self._namesake())

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.errors = errors
        for field in LABELS:
            self.query_one(f"#error-{field}", Static).update(errors.get(field, ""))
        if "name" not in errors:
            self.query_one("#error-name", Static).update(self._namesake())
        status = self.query_one("#form-status", Static)
        if errors:
            named = "、".join(LABELS.get(f, f) for f in errors)
            status.update(f"有 {len(errors)} 处需要修改：{named}")
            first = next((f for f in LABELS if f in errors), None)
            if first is not None:
                self.query_one(f"#field-{first}").focus()
        else:
            status.update("")

    def action_save(self) -> None:
        if self.saving:
            return
        member, errors = self._collect()
        for field, message in validate(member, self.today).items():
            errors.setdefault(field, message)
        self._show_errors(errors)
        if errors:
            return
        self.saving = True
        self.query_one("#form-status", Static).update("正在保存")
        # A leader moved to another group stops leading the old one (ORG-2).
        self._write(member, member_changed(self.data, self.original, member))

    @work(thread=True, exclusive=True, group="member-save", description="保存党员")
    def _write(self, member: Member, changes: RecordChanges) -> None:
        try:
            with self.store.transaction() as tx:
                tx.apply(changes)
        except StoreError as error:
            self.post_message(self.SaveFailed(error.message))
            return
        left = "、".join(g.name for g in changes.updates if isinstance(g, PartyGroup))
        self.post_message(self.Saved(member, left))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        done = f"已保存：{event.member.name}"
        warned = namesake_warning(event.member, self.data.members)
        if warned:
            done += f"；注意：{warned}"
        if event.groups_left:
            done += f"；{event.groups_left}组长空缺，请在党小组中指定"
        self.notify(done, timeout=5 if event.groups_left or warned else 3)
        self.dismiss(None)

    @on(SaveFailed)
    def _failed(self, event: SaveFailed) -> None:
        self.saving = False
        self.query_one("#form-status", Static).update(f"未保存：{event.text}")
        self.notify(event.text, title="未保存", severity="error", timeout=10)

    def _typed(self) -> list[object]:
        """Every field's raw value, to tell whether anything was typed since the form opened."""
        fields = self.query("#member-form Input, #member-form Select")
        return [getattr(field, "value", None) for field in fields]

    def unsaved(self) -> bool:
        return self._typed() != self.opened_with

    def action_cancel(self) -> None:
        close_unless_typed(self)


def _select_value(field: str, value: Any, member: Member | None) -> Any:
    if field in ("is_leader", "inflow"):
        return "yes" if value else "no"
    if field == "status" and member is None:
        return "full"
    if field == "dues_category" and member is None:
        return "working"
    return value
