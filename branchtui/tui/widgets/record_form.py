"""A form for any record type, built from its field declarations (domain.fields).

Each field's widget follows its type: a date field for dates, a choice for Literal values and
flags, a member field for a member reference, a text box for the rest. Errors from
domain.validation (and the register's own rule check) appear beside their field; the rest of the
input stays. Warnings — rules the record breaks but that do not block saving — are shown as the
user types. Ctrl+S saves in one transaction; Esc asks before throwing typed input away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from branchtui.domain.changes import RecordChanges
from branchtui.domain.fields import FieldInfo, fields_of
from branchtui.domain.records import Member
from branchtui.domain.references import ROLE_TABLES, role_of
from branchtui.domain.validation import review
from branchtui.storage.store import Store
from branchtui.tui.key_order import after_keys
from branchtui.tui.registry.forms import RECORD_FORM_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed, save_changes
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.member_field import MemberField, MembersField, form_hint
from branchtui.tui.widgets.record_fields import FormSpec, field_widget, read_field
from branchtui.tui.widgets.wrapped_text import WrappedText

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

LABEL_WIDTH = 16  # a label's column (app.tcss .form-row > Label), widened for a longer label

# What a form edits: a stored record, or a part kept inside one (a project of the work plan),
# any dataclass whose fields are declared with domain.fields.Spec.
Edited = TypeVar("Edited", bound="DataclassInstance")


class RecordForm(ModalScreen[Edited | None]):
    """新增 / 编辑 one record; dismissed with the saved record, or None when cancelled.

    A part kept inside a record (not a record of its own) is edited the same way when the
    caller gives ``title`` and ``changes`` (what saving it does to the record holding it)."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(RECORD_FORM_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        record_type: type[Edited],
        spec: FormSpec,
        *,
        store: Store,
        today: dt.date,
        members: list[Member],
        original: Edited | None = None,
        defaults: Mapping[str, Any] | None = None,
        changes: Callable[[Edited | None, Edited], RecordChanges] | None = None,
        title: str = "",
        focus: str | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__()
        self.year = year  # a form tied to a year: its short dates are in it, others refused
        self.record_type = record_type
        self.focus_first = focus  # the field the cursor starts in (else the first)
        self.spec = spec
        self.store = store
        self.today = today
        self.members = members
        self.original = original
        self.defaults = dict(defaults or {})
        self.changes = changes or _insert_or_update
        self.form_title = (
            title or f"{'编辑' if original else '新增'}{getattr(record_type, 'LABEL', '')}"
        )
        self.infos = fields_of(record_type)
        self.touched: set[str] = set()
        self.proposed: dict[str, str] = {}  # text the form filled in itself, by field (propose)
        self.check_pending = False  # a check of the typed record is queued
        self.opened_with: list[object] = []
        self.saving = False

    # Building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog record-form"):
            yield Static(self.form_title, classes="dialog-title", markup=False)
            with VerticalScroll(id="record-fields"):
                # Every label on one line: the column is as wide as the form's longest one.
                label_cells = max(
                    (cell_len(self.infos[n].label) for n in self.spec.fields), default=0
                )
                for name in self.spec.fields:
                    info = self.infos[name]
                    label = Label(info.label)
                    label.styles.width = max(LABEL_WIDTH, label_cells + 2)
                    yield Horizontal(
                        label,
                        self._widget(info),
                        WrappedText("", id=f"error-{name}", classes="field-error", markup=False),
                        classes="form-row",
                        id=f"row-{name}",
                    )
                    if name in self.spec.hints:
                        yield Static(self.spec.hints[name], classes="hint field-hint", markup=False)
            yield WrappedText("", id="form-status", classes="form-status", markup=False)
            yield Static(form_hint(self._has_members()), classes="hint")
        yield BranchFooter()

    def _has_members(self) -> bool:
        return any(ROLE_TABLES.get(role_of(name) or "") == "members" for name in self.spec.fields)

    def _value(self, name: str) -> Any:
        if self.original is not None:
            return getattr(self.original, name)
        if name in self.defaults:
            return self.defaults[name]
        field = next(f for f in dataclasses.fields(self.record_type) if f.name == name)
        if field.default is not dataclasses.MISSING:
            return field.default
        if field.default_factory is not dataclasses.MISSING:
            return field.default_factory()
        return None

    def _widget(self, info: FieldInfo) -> Widget:
        return field_widget(
            info,
            self._value(info.name),
            members=self.members,
            today=self.today,
            year=self.year,
            choices=self.spec.choices,
        )

    def on_mount(self) -> None:
        self.opened_with = self._raw()
        if self.focus_first in self.spec.fields:
            self.query_one(f"#field-{self.focus_first}").focus()
            return
        first = [w for w in self.query("#record-fields .form-row > *") if w.focusable]
        if first:
            first[0].focus()

    # Reading ------------------------------------------------------------------------------

    def _raw(self) -> list[object]:
        """Every field's raw value, to tell whether anything was typed since the form opened."""
        return [getattr(w, "value", None) for w in self.query("#record-fields .form-row > *")]

    def _read(self, info: FieldInfo) -> Any:
        """The typed value of one field; raises ValueError with a Chinese message."""
        return read_field(self.query_one(f"#field-{info.name}"), info)

    def _collect(self) -> tuple[Edited | None, dict[str, str], dict[str, str]]:
        """(the record as typed, errors, warnings) by field name."""
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name in self.spec.fields:
            try:
                values[name] = self._read(self.infos[name])
            except ValueError as error:
                errors[name] = str(error)
                values[name] = self._value(name)
        try:
            if self.original is not None:
                record = dataclasses.replace(self.original, **values)
            else:
                record = self.record_type(**{**self.defaults, **values})
        except TypeError:  # a required field could not be read: its error says which
            return None, errors, {}
        found, warned = review(record, self.today)
        if self.spec.check is not None:
            extra_errors, extra_warnings = self.spec.check(record)
            found = {**extra_errors, **found}
            warned = {**extra_warnings, **warned}
        for name, message in found.items():
            errors.setdefault(name, message)
        return record, errors, warned

    # Checking as the user types -----------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(MemberField.Changed)
    @on(MembersField.Changed)
    def _changed(self, event: Any) -> None:
        widget = (
            getattr(event, "input", None)
            or getattr(event, "select", None)
            or getattr(event, "text_area", None)
            or event.control
        )
        name = (getattr(widget, "id", None) or "").removeprefix("field-")
        if name in self.spec.fields and getattr(widget, "value", None) != self.proposed.get(name):
            self.touched.add(name)
        # The whole record is judged once the keys typed in one burst are in (a paste costs one
        # review and rule check, not one per character); a key typed alone is judged at once.
        if not self.check_pending:
            self.check_pending = True
            after_keys(self, self._check_typed)

    def _check_typed(self) -> None:
        if not self.check_pending or not self.is_attached:  # judged by a save meanwhile
            return
        self.check_pending = False
        record, errors, warned = self._collect()
        if record is not None and self.spec.propose is not None and self._fill(record):
            record, errors, warned = self._collect()
        self._show(errors, warned, only=self.touched)

    def _fill(self, record: Any) -> bool:
        """Put the proposed values into the text fields the user has not typed; whether any
        changed."""
        assert self.spec.propose is not None
        filled = False
        for name, value in self.spec.propose(record).items():
            if name not in self.spec.fields or name in self.touched or value is None:
                continue
            widget = self.query_one(f"#field-{name}")
            text = str(value)
            if isinstance(widget, Input) and widget.value != text:
                self.proposed[name] = text
                widget.value = text
                filled = True
        return filled

    @on(Input.Submitted)
    @on(Entered)
    def _next_field(self, event: Input.Submitted | Entered) -> None:
        event.stop()
        self.focus_next()

    def _show(
        self, errors: dict[str, str], warned: dict[str, str], *, only: set[str] | None = None
    ) -> None:
        for name in self.spec.fields:
            shown = only is None or name in only
            message = errors.get(name) if shown else None
            if message is None and name in warned:
                message = f"注意：{warned[name]}"
            self._say(f"error-{name}", message or "")
        if only is None and errors:
            named = "、".join(self.infos[n].label for n in self.spec.fields if n in errors)
            self._say("form-status", f"有 {len(errors)} 处需要修改：{named}")
        else:
            extra = [m for n, m in warned.items() if n not in self.spec.fields]
            self._say("form-status", "；".join(f"注意：{m}" for m in extra))

    def _say(self, static_id: str, text: str) -> None:
        static = self.query_one(f"#{static_id}", Static)
        if str(static.content) != text:  # an update lays the dialog out: only new text
            static.update(text)

    # Saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.saving:
            return
        record, errors, warned = self._collect()
        self.check_pending = False  # the whole form is judged here
        self._show(errors, warned)
        if errors or record is None:
            first = next((n for n in self.spec.fields if n in errors), None)
            if first is not None:
                self.query_one(f"#field-{first}").focus()
            return
        self.saving = True
        self.query_one("#form-status", Static).update("正在保存")
        self._write(record, self.changes(self.original, record))

    def _write(self, record: Edited, changes: RecordChanges) -> None:
        save_changes(
            self,
            self.store,
            changes,
            saved=lambda: self.dismiss(record),
            failed=self._failed,
            group="record-save",
        )

    def _failed(self, message: str) -> None:
        self.saving = False
        self.query_one("#form-status", Static).update(f"未保存：{message}")
        self.notify(message, title="未保存", severity="error", timeout=10)

    def unsaved(self) -> bool:
        return self._raw() != self.opened_with

    def action_cancel(self) -> None:
        close_unless_typed(self)


def _insert_or_update(original: Any, record: Any) -> RecordChanges:
    return RecordChanges(updates=(record,)) if original is not None else RecordChanges((record,))
