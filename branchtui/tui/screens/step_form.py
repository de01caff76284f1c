"""Recording one step of a development file: the fields the step needs, each checked against
the rules of 发展党员工作细则 as it is typed (NAT-3, NAT-1, DEV-3).

A date that breaks a rule gets a Chinese error beside it and cannot be saved; a late one gets
a warning and can. The record and what it changes in the roster (a new 预备党员, a conversion)
are written in one commit; Esc asks before throwing typed input away.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from branchtui.domain.dates import DateParseError
from branchtui.domain.development_checks import check_entry
from branchtui.domain.development_entry import (
    StepEntry,
    apply_entry,
    known_people,
    step_choices,
)
from branchtui.domain.development_steps import (
    CONTACTS,
    DOCUMENT,
    GROUP,
    INTRODUCERS,
    MONTHS,
    PEOPLE,
    TRAINING,
    VOTE,
    record_label,
    step_of,
)
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Candidate, CandidateVote
from branchtui.storage.store import Store
from branchtui.tui.registry.development import STEP_FORM_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import close_unless_typed, save_changes
from branchtui.tui.screens.step_meeting import MeetingLink
from branchtui.tui.screens.step_saved import StepSaved, roster_change
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.form_select import FormSelect
from branchtui.tui.widgets.member_field import MembersField, form_hint
from branchtui.tui.widgets.vote_tally import FIELDS as TALLY_FIELDS
from branchtui.tui.widgets.vote_tally import read_tally, tally_widgets
from branchtui.tui.widgets.wrapped_text import WrappedText

# The rows of the form, each shown when the chosen step needs it.
ROWS: tuple[str, ...] = (
    *("step", "date", "companion", "until", "hours", "members", "group", "months", "vote"),
    *("people", "document", "note"),
)


class StepForm(MeetingLink):
    """记录 / 修改 one record of a candidate's file; dismissed with what was saved, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(STEP_FORM_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        candidate: Candidate,
        entry: StepEntry,
        *,
        data: BranchData,
        store: Store,
        today: dt.date,
        profile: Profile,
        next_line: str = "",
    ) -> None:
        super().__init__()
        self.candidate = candidate
        self.entry = entry
        self.data = data
        self.store = store
        self.today = today
        self.profile = profile
        self.next_line = next_line
        self.meeting_id = entry.meeting_id
        self.linked: str | None = entry.meeting_id  # the meeting chosen with Ctrl+L
        self.full_members = [m for m in data.active_members if m.status == "full"]
        self.touched: set[str] = set()
        self.opened_with: list[object] = []
        self.saving = False

    # Building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        e = self.entry
        verb = "修改" if e.replacing is not None else "记录"
        with Vertical(classes="dialog step-form"):
            yield Static(
                f"{verb}发展环节：{self.candidate.name}", classes="dialog-title", markup=False
            )
            if self.next_line:
                yield Static(self.next_line, id="step-next", classes="hint", markup=False)
            with VerticalScroll(id="step-fields"):
                choices = step_choices(self.candidate)
                yield self._row("step", "环节", _select("step", choices, e.code, "请选择"))
                yield self._row("date", "日期", self._date("date", e.date or self.today))
                yield self._row("companion", "日期", self._date("companion", e.companion))
                yield self._row("until", "最后一天", self._date("until", e.until))
                yield self._row("hours", "学时", _box("hours", f"{e.hours:g}" if e.hours else ""))
                members = MembersField(self.full_members, "选择", list(e.member_ids))
                members.id = "field-members"
                yield self._row("members", "人员", members)
                groups = {g.id: g.name for g in self.data.groups if g.dissolved is None}
                group = _select("group", groups, e.group_id, "不编入党小组", blank=True)
                yield self._row("group", "党小组", group)
                months = "" if e.months is None else str(e.months)
                yield self._row("months", "延长月数", _box("months", months))
                yield self._vote_row(e.vote)
                yield Static("", id="vote-result", classes="hint field-hint", markup=False)
                people = _box("people", e.people)
                people.suggester = SuggestFromList(known_people(self.data), case_sensitive=False)
                people.placeholder = "姓名，多人用、分隔（→ 键采用提示的姓名）"
                yield self._row("people", "相关人员", people)
                yield self._row("document", "材料", _box("document", e.document))
                yield self._row("note", "备注", _box("note", e.note))
            yield WrappedText("", id="form-status", classes="form-status", markup=False)
            yield Static(form_hint(False), id="step-hint", classes="hint")
        yield BranchFooter()

    def _date(self, name: str, value: dt.date | None) -> DateField:
        return DateField(self.today, value, id=f"field-{name}", compact=True)

    def _row(self, name: str, label: str, widget: Widget) -> Horizontal:
        return Horizontal(
            Label(label, id=f"label-{name}"),
            widget,
            WrappedText("", id=f"error-{name}", classes="field-error", markup=False),
            classes="form-row",
            id=f"row-{name}",
        )

    def _vote_row(self, vote: CandidateVote | None) -> Horizontal:
        return Horizontal(
            Label("票决（NAT-1）", id="label-vote"),
            *tally_widgets(vote),
            WrappedText("", id="error-vote", classes="field-error", markup=False),
            classes="form-row",
            id="row-vote",
        )

    def on_mount(self) -> None:
        self._arrange()
        self.opened_with = self._raw()
        self.query_one("#field-date", DateField).focus()
        self._check()

    def _arrange(self) -> None:
        """Show the rows the chosen step needs, labelled as the step calls them."""
        step = self.step
        needs = set(step.needs) if step else set()
        shown = {
            "step": True,
            "date": True,
            "companion": bool(step and step.companion),
            "until": TRAINING in needs,
            "hours": TRAINING in needs,
            "members": bool(needs & {CONTACTS, INTRODUCERS}),
            "group": GROUP in needs,
            "months": MONTHS in needs,
            "vote": VOTE in needs,
            "people": PEOPLE in needs,
            "document": DOCUMENT in needs,
            "note": True,
        }
        for name in ROWS:
            self.query_one(f"#row-{name}").display = shown[name]
        self.query_one("#vote-result").display = shown["vote"]
        self.query_one("#step-hint", Static).update(form_hint(shown["members"]))
        self.refresh_bindings()
        if step is None:
            return
        if step.companion:
            self.query_one("#label-companion", Label).update(f"{record_label(step.companion)}日期")
        self.query_one("#label-people", Label).update(step.people_label)
        self.query_one("#label-document", Label).update(step.document_label)
        who = "培养联系人" if CONTACTS in needs else "入党介绍人"
        self.query_one("#label-members", Label).update(who)
        self.query_one("#field-members", MembersField).title = f"选择{who}（正式党员）"
        if VOTE in needs:
            self._prefill_vote()

    # Reading ------------------------------------------------------------------------------

    def _raw(self) -> list[object]:
        return [
            getattr(w, "value", None)
            for w in self.query(
                "#step-fields Input, #step-fields Select, #step-fields MembersField"
            )
        ]

    def _read_date(self, name: str, errors: dict[str, str]) -> dt.date | None:
        try:
            return self.query_one(f"#field-{name}", DateField).date
        except DateParseError as error:
            errors[name] = error.message
            return None

    def _text(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _number(self, name: str, errors: dict[str, str], key: str, kind: type) -> Any:
        text = self._text(name)
        if not text:
            return None
        try:
            value = kind(text)
        except ValueError:
            errors.setdefault(key, "请填写数字，如 24" if kind is float else "请填写整数，如 6")
            return None
        if value < 0:
            errors.setdefault(key, "不能为负数")
            return None
        return value

    def _collect(self) -> tuple[StepEntry, dict[str, str]]:
        """The entry as typed, and the errors of fields that could not even be read."""
        errors: dict[str, str] = {}
        step = self.step
        needs = set(step.needs) if step else set()
        code = step.code if step else ""
        vote = None
        if VOTE in needs:
            vote, problem = read_tally(self.tally_boxes)
            if problem:
                errors["vote"] = problem
        group = self.query_one("#field-group", Select).value
        entry = StepEntry(
            code=code,
            date=self._read_date("date", errors),
            companion=self._read_date("companion", errors) if step and step.companion else None,
            until=self._read_date("until", errors) if TRAINING in needs else None,
            hours=(self._number("hours", errors, "hours", float) or 0.0)
            if TRAINING in needs
            else 0.0,
            months=self._number("months", errors, "months", int) if MONTHS in needs else None,
            people=self._text("people") if PEOPLE in needs else "",
            document=self._text("document") if DOCUMENT in needs else "",
            member_ids=tuple(self.query_one("#field-members", MembersField).value)
            if needs & {CONTACTS, INTRODUCERS}
            else (),
            group_id=group if GROUP in needs and isinstance(group, str) else None,
            vote=vote,
            meeting_id=self.meeting_id if VOTE in needs else None,
            note=self._text("note"),
            replacing=self.entry.replacing,
        )
        return entry, errors

    # Checking as the user types -----------------------------------------------------------

    def _check(self, *, everything: bool = False) -> tuple[StepEntry, dict[str, str]]:
        entry, errors = self._collect()
        found = check_entry(self.candidate, entry, self.data, self.today, self.profile)
        for name, problem in found.errors.items():
            errors.setdefault(name, problem)
        shown = None if everything else self.touched | {"date", "step"}
        for name in ROWS:
            message: str | None = errors.get(name) if shown is None or name in shown else None
            if message is None and name in found.warnings:
                message = f"注意：{found.warnings[name]}"
            if message is None and name in found.notes and name != "vote":
                message = found.notes[name]
            if name != "vote":
                self.query_one(f"#error-{name}", Static).update(message or "")
        result = errors.get("vote") if shown is None or "vote" in shown else None
        self.query_one("#error-vote", Static).update(result or "")
        self.query_one("#vote-result", Static).update(self._vote_line(entry, found.notes))
        status = self.query_one("#form-status", Static)
        if "member" in errors:
            status.update(errors["member"])
        elif everything and errors:
            status.update(f"有 {len(errors)} 处需要修改")
        else:
            status.update("")
        return entry, errors

    @on(Input.Changed)
    @on(Select.Changed)
    @on(MembersField.Changed)
    def _changed(self, event: Any) -> None:
        widget = getattr(event, "input", None) or getattr(event, "select", None) or event.control
        name = (getattr(widget, "id", None) or "").removeprefix("field-")
        if f"field-{name}" in TALLY_FIELDS:
            name = "vote"
        self.touched.add(name)
        if name == "step":
            self._arrange()
        elif name == "date" and self.step is not None and VOTE in self.step.needs:
            self._prefill_vote()
        if self.is_mounted and self.opened_with:
            self._check()

    @on(Input.Submitted)
    @on(Entered)
    def _next_field(self, event: Input.Submitted | Entered) -> None:
        event.stop()
        self.focus_next()

    # Saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.saving:
            return
        entry, errors = self._check(everything=True)
        if errors:
            first = next((n for n in ROWS if n in errors), None)
            if first == "vote":
                self.query_one("#field-present").focus()
            elif first is not None:
                widget = self.query_one(f"#field-{first}")
                widget.focus()
            return
        found = check_entry(self.candidate, entry, self.data, self.today, self.profile)
        changes = apply_entry(self.candidate, entry, self.data, self.profile)
        step = step_of(entry.code)
        saved = StepSaved(
            step.title if step and step.number else (step.name if step else entry.code),
            tuple(found.warnings.values()),
            roster_change(changes, self.data),
        )
        self.saving = True
        self.query_one("#form-status", Static).update("正在保存")
        save_changes(
            self,
            self.store,
            changes,
            saved=lambda: self.dismiss(saved),
            failed=self._failed,
            group="step-save",
        )

    def _failed(self, message: str) -> None:
        self.saving = False
        self.query_one("#form-status", Static).update(f"未保存：{message}")
        self.notify(message, title="未保存", severity="error", timeout=10)

    def unsaved(self) -> bool:
        return self._raw() != self.opened_with

    def action_cancel(self) -> None:
        # One Esc too many must not throw away what was typed.
        close_unless_typed(self)


def _box(name: str, value: str) -> Input:
    return Input(value, id=f"field-{name}", compact=True)


def _select(
    name: str, options: dict[str, str], value: str | None, prompt: str, *, blank: bool = False
) -> Select[str]:
    return FormSelect(
        [(label, key) for key, label in options.items()],
        value=value if value in options else Select.NULL,
        prompt=prompt,
        allow_blank=blank,
        id=f"field-{name}",
        compact=True,
    )
