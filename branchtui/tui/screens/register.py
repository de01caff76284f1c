"""A register (登记簿): the records of one table in a list, with the duties they settle above.

Most task areas keep registers — 活动场所, 经费收支, 谈心谈话, 党务公开 … — that are read,
added to, corrected and closed the same way. A screen for one declares a ``Register`` (which
table, which columns, which form fields, which rules: tui/screens/register_spec.py) and its keys
in the registry (``register_actions``); this base does the rest: the list sorted newest first,
filtered by year, the form (tui/widgets/record_form.py), removing with a confirmation or closing
with a date (kept as history), and the register's duties judged again after every save, as the
dashboard does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.fields import fields_of
from branchtui.domain.ledger_filing import entry_filing
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import BranchData, Record
from branchtui.domain.validation import validate
from branchtui.tui.captions import about_record, edit_title
from branchtui.tui.registry import screen_spec
from branchtui.tui.saving import ask_delete
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.register_columns import Cell as Cell  # re-exported
from branchtui.tui.screens.register_columns import Column as Column  # re-exported
from branchtui.tui.screens.register_columns import field_column as field_column  # re-exported
from branchtui.tui.screens.register_columns import fit_cell, fit_widths
from branchtui.tui.screens.register_spec import Register as Register  # re-exported
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.duty_lines import duty_lines as duty_lines  # re-exported
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.record_fields import FormSpec, members_for
from branchtui.tui.widgets.record_form import RecordForm


class RegisterScreen(DataScreen):
    """A register's list. Subclasses set ``SCREEN_ID``, ``BINDINGS`` (from their ScreenSpec)
    and ``REGISTER``."""

    REGISTER: ClassVar[Register]
    SCREEN_ID: ClassVar[str]
    AUTO_FOCUS = "#register-table"

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None  # None: every year
        self.show_closed = False
        self.shown: list[Record] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield DutyLines(self.REGISTER.rules, id="register-duties")
        if self.REGISTER.headline is not None:
            yield Static(id="register-headline", classes="register-headline", markup=False)
        yield Static(id="register-filter", classes="filter-bar", markup=False)
        table: DataTable[str | Text] = DataTable(
            id="register-table", cursor_type="row", zebra_stripes=True
        )
        for column in self.REGISTER.columns:
            table.add_column(column.label, width=column.width)
        yield table
        yield Static(id="register-count", classes="list-status", markup=False)
        if self.REGISTER.detail is not None:
            yield Static(id="register-detail", classes="register-detail", markup=False)
        yield BranchFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#register-table", DataTable)

    # Listing ------------------------------------------------------------------------------

    def _records(self) -> list[Record]:
        reg = self.REGISTER
        records = list(self.data.records(reg.record_type.TABLE))
        if reg.related is not None:
            records += list(reg.related(self.data))
        if not self.show_closed:
            records = [r for r in records if not reg.history(r, self.today)]
        if reg.date_field and self.year is not None:
            records = [r for r in records if _year_of(r, reg.date_field) == self.year]
        if (field := reg.date_field) is not None:
            records.sort(key=lambda r: getattr(r, field) or dt.date.min, reverse=True)
        if reg.order is not None:
            records.sort(key=reg.order)
        return records

    def reload(self) -> None:
        self.sub_title = screen_spec(self.SCREEN_ID).title
        data = self.data
        highlighted = self._highlighted()
        self.shown = self._records()
        table = self.table
        columns = list(self.REGISTER.columns)
        rows = [[terminal_safe(self.cell(c, r, data)) for c in columns] for r in self.shown]
        # Every heading on screen at 80 columns: the widest free text gives up cells.
        room = (table.size.width or self.app.size.width) - table.styles.scrollbar_size_vertical
        widths = fit_widths(columns, rows, room)
        table.clear(columns=True)
        for column, width in zip(columns, widths, strict=True):
            table.add_column(column.label, width=width if width is not None else column.width)
        for record, row in zip(self.shown, rows, strict=True):
            table.add_row(
                *(fit_cell(c, w) for c, w in zip(row, widths, strict=True)), key=record.id
            )
        if highlighted is not None:
            self.select(highlighted.id)
        self._show_filter()
        total = len(data.records(self.REGISTER.record_type.TABLE))
        if self.REGISTER.related is not None:
            total += len(list(self.REGISTER.related(data)))
        count = f"显示 {len(self.shown)} 条 / 共 {total} 条" if total else self.REGISTER.empty
        if total and self.REGISTER.summary is not None:
            count += f"    {self.REGISTER.summary(self.shown)}"
        self.query_one("#register-count", Static).update(count)
        if (headline := self.REGISTER.headline) is not None:
            year = self.year if self.year is not None else self.today.year
            line = headline(data, year, self.today, self.profile)
            self.query_one("#register-headline", Static).update(terminal_safe(line))
        self._show_detail()
        if self.REGISTER.rules:
            self.query_one(DutyLines).judge(data)

    def cell(self, column: Column, record: Record, data: BranchData) -> str:
        """What ``record`` shows in ``column``; a screen whose column depends on today (how
        late a record is) overrides this for that column."""
        return column.cell(record, data)

    def _show_filter(self) -> None:
        parts = []
        if self.year is not None:
            parts.append(f"{self.year}年")
        if self.show_closed:
            parts.append("含已结束")
        bar = self.query_one("#register-filter", Static)
        bar.display = bool(parts)
        bar.update("筛选：" + "，".join(parts))

    @on(DataTable.RowHighlighted, "#register-table")
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        if (detail := self.REGISTER.detail) is None:
            return
        record = self._highlighted()
        text = detail(record, self.data) if record is not None else ""
        shown = self.query_one("#register-detail", Static)
        shown.display = bool(text)
        shown.update(terminal_safe(text))

    def is_related(self, record: Record) -> bool:
        """A record listed read-only from another table (``Register.related``)."""
        return not isinstance(record, self.REGISTER.record_type)

    def _editable(self) -> Record | None:
        """The highlighted record of this register, or None with a message why not."""
        record = self._highlighted()
        if record is None:
            self.notify("请先选中一条记录", severity="warning")
            return None
        if self.is_related(record):
            self.notify(self.REGISTER.related_note or "此行不能在这里修改", severity="warning")
            return None
        return record

    def _highlighted(self) -> Record | None:
        table = self.table
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def select(self, record_id: str) -> bool:
        """Move the cursor to a record; False when it is not listed."""
        for index, record in enumerate(self.shown):
            if record.id == record_id:
                self.table.move_cursor(row=index)
                return True
        return False

    # The register's duties ----------------------------------------------------------------

    # Actions ------------------------------------------------------------------------------

    def form_spec(self) -> FormSpec:
        """The form's fields; a screen whose choices or checks need the data overrides this."""
        return self.REGISTER.form

    def _form(
        self,
        original: Record | None,
        defaults: Mapping[str, Any] | None = None,
        *,
        focus: str | None = None,
    ) -> None:
        reg = self.REGISTER
        data = self.data
        start = dict(reg.defaults(data, self.today)) if reg.defaults and original is None else {}
        start.update(defaults or {})

        filed: list[Record] = []

        def changes(before: Record | None, after: Record) -> RecordChanges:
            saved = self.record_changes(data, before, after)
            # SYS-3: a record of a kind the electronic ledger lists is filed as it is entered.
            filing = entry_filing(data, saved, self.today)
            filed[:] = filing.inserts
            return saved + filing

        form = RecordForm(
            reg.record_type,
            self.form_spec(),
            store=self.store,
            today=self.today,
            members=members_for(data, original, start),
            original=original,
            defaults=start,
            changes=changes,
            focus=focus,
            # An edit names the record it changes: 编辑组织关系转接：李佳（2026-10-19）.
            title=edit_title(original, data) if original is not None else "",
        )
        self.app.push_screen(form, lambda record: self._saved(record, filed=bool(filed)))

    def record_changes(
        self, data: BranchData, before: Record | None, after: Record
    ) -> RecordChanges:
        """What saving the form does (``Register.changes``, else the record alone); a screen
        whose save depends on today overrides this."""
        if self.REGISTER.changes is not None:
            return self.REGISTER.changes(data, before, after)
        return RecordChanges(updates=(after,)) if before else RecordChanges((after,))

    def _saved(self, record: Record | None, *, filed: bool = False) -> None:
        if record is None:
            return
        self.reload()
        self.select(record.id)
        also = "，已归入电子台帐" if filed else ""
        self.notify(f"已保存{self.REGISTER.record_type.LABEL}{also}", timeout=3)

    def action_add(self) -> None:
        self._form(None)

    def action_edit(self) -> None:
        record = self._editable()
        if record is not None:
            self._form(record)

    @on(DataTable.RowSelected, "#register-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        record = self._editable()
        if record is None:
            return
        closed = self.REGISTER.closed_field
        label = self.REGISTER.record_type.LABEL
        if closed is not None:
            title = f"{fields_of(self.REGISTER.record_type)[closed].label}（保留为历史记录）"
            if self.REGISTER.close_form is not None:
                named = self.close_title(record) or about_record(title, record, self.data)
                self._close(record, closed, named)
                return
            self.ask_date(closed, title, "已结束，保留为历史")
            return
        choices = {"keep": "不删除", "delete": f"删除这条{label}（数据备份中仍可找回）"}
        target = (record.TABLE, record.id)
        ask_delete(self, self.data, target, f"删除{label}？", choices, lambda: self._delete(record))

    def close_title(self, record: Record) -> str:
        """The closing form's title (whose record it closes); empty for the field's label."""
        return ""

    def close_form_spec(self) -> FormSpec:
        """The closing form's fields (``Register.close_form``); a screen whose checks need the
        data overrides this."""
        assert self.REGISTER.close_form is not None
        return self.REGISTER.close_form

    def _close(self, record: Record, closed: str, title: str) -> None:
        """The closing form on ``record``, its closing date today unless one is recorded."""
        values: dict[str, Any] = {closed: getattr(record, closed) or self.today}
        start = dataclasses.replace(record, **values)
        form = RecordForm(
            self.REGISTER.record_type,
            self.close_form_spec(),
            store=self.store,
            today=self.today,
            members=members_for(self.data, record, {}),
            original=start,
            title=title,
        )
        self.app.push_screen(form, self._saved)

    def ask_date(
        self,
        field: str,
        title: str,
        done: str,
        *,
        also: Callable[[Record, dt.date], Mapping[str, Any]] | None = None,
        fresh: bool = False,
    ) -> None:
        """Set one date of the highlighted record from a prompt; the record's own checks
        (domain.validation) answer beside the date, and nothing is saved while one fails.
        ``also``: further fields the same save sets. ``fresh``: the prompt starts at today (a
        new contact), not at the date recorded."""
        record = self._editable()
        if record is None:
            return

        def changed(day: dt.date) -> Record:
            values: dict[str, Any] = {field: day, **(also(record, day) if also else {})}
            return dataclasses.replace(record, **values)

        def check(day: dt.date) -> str | None:
            errors = validate(changed(day), self.today)
            return errors.get(field) or next(iter(errors.values()), None)

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                saved = changed(day)
                self.commit(lambda tx: tx.apply(RecordChanges(updates=(saved,))), done)

        current = None if fresh else getattr(record, field)
        named = about_record(title, record, self.data)  # whose record the date is set on
        self.app.push_screen(DatePrompt(named, self.today, current, check), chosen)

    def _delete(self, record: Record) -> None:
        """The record deleted with what that implies (domain.deletion, applied by the store)."""
        done = f"已删除{record.LABEL}"
        self.commit(lambda tx: tx.delete(record.TABLE, record.id, record.rev), done)

    def action_toggle_history(self) -> None:
        self.show_closed = not self.show_closed
        self.reload()

    def action_choose_year(self) -> None:
        field = self.REGISTER.date_field
        if field is None:
            return
        years = sorted(
            {
                y
                for r in self.data.records(self.REGISTER.record_type.TABLE)
                if (y := _year_of(r, field)) is not None
            }
            | {self.today.year},
            reverse=True,
        )
        choices = {"all": "全部年份", **{str(y): f"{y}年" for y in years}}

        def chosen(key: str | None) -> None:
            if key is not None:
                self.year = None if key == "all" else int(key)
                self.reload()

        self.app.push_screen(ChoicePrompt("按年份筛选", choices), chosen)

    def show_record(self, record_id: str) -> bool:
        """Move the cursor to a record, clearing the year filter and showing history when it
        is hidden by them; False when the register has no such record."""
        if self.select(record_id):
            return True
        if self.data.find(self.REGISTER.record_type.TABLE, record_id) is None:
            return False
        self.year = None
        self.show_closed = True
        self.reload()
        return self.select(record_id)

    def settle(self, ob: Obligation) -> None:
        """Opened to settle ``ob``: show the record it names, else start a new one. A duty
        about a field its record lacks (``Obligation.field``) opens that record's form, the
        cursor in that field."""
        for ref in ob.refs:
            if self.show_record(ref):
                record = self._highlighted()
                fixable = record is not None and not self.is_related(record)
                if ob.field and fixable and ob.status in ("due", "overdue"):
                    self._form(record, focus=ob.field)
                return
        if ob.status in ("due", "overdue", "upcoming"):
            self.action_add()


def _year_of(record: Record, field: str) -> int | None:
    value = getattr(record, field, None)
    return value.year if isinstance(value, dt.date) else None
