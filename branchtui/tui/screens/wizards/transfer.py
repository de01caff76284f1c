"""组织关系转接向导 (REL-1, REL-2): out or in; for going out, the questions of REL-1 (how long,
a fixed place, membership to be proved) and the instrument they call for; the platform
reference and the letter; a review of what the save does to the roster; one commit.

A transfer out removes the member from the roster as history (转出组织关系) and a 流动党员活动证
registers them as flowing out; a transfer in adds the member, or brings a former one back,
arrived on the date. Either raises the secretary's talk (CARE-1), which the review says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import DateParseError
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Member, Transfer
from branchtui.domain.records.relations import TRANSFER_INSTRUMENTS
from branchtui.domain.relations import (
    instrument_advice,
    transfer_dues_note,
    transfer_in,
    transfer_out,
)
from branchtui.domain.validation import validate
from branchtui.storage.store import Store
from branchtui.tui.registry.relations import TRANSFER_WIZARD_KEYS
from branchtui.tui.saving import close_unless_typed, save_changes
from branchtui.tui.screens.wizards.transfer_steps import (
    NEW_MEMBER_FIELDS,
    WHO_TITLES,
    TransferFrame,
    direction_step,
    info_step,
    review_text,
    shown_fields,
    who_step,
)
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.member_field import MemberField
from branchtui.tui.widgets.wizard_frame import WizardFrame, WizardStep


class TransferWizard(ModalScreen[Transfer | None]):
    """Dismissed with the saved transfer, or None when closed without saving."""

    DEFAULT_CSS = """
    TransferWizard { align: left top; background: $surface; }
    TransferWizard #field-direction { height: auto; width: 40; }
    TransferWizard #transfer-advice { color: $accent; padding-left: 17; height: auto; }
    TransferWizard #transfer-dues { color: $warning; padding-left: 17; height: auto; }
    TransferWizard #transfer-review { height: auto; border: round $primary-darken-2; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(a.binding() for a in TRANSFER_WIZARD_KEYS),
        *MODAL_KEYS,
    ]

    def __init__(
        self,
        *,
        store: Store,
        data: BranchData,
        today: dt.date,
        profile: Profile,
        member_id: str | None = None,
    ) -> None:
        super().__init__()
        self.store, self.data, self.today, self.profile = store, data, today, profile
        self.member_id = member_id  # settling REL-1 for a member already gone: going out
        self.saving = False
        self.opened_with: list[object] = []

    # Building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        leaving = [*self.data.active_members]
        gone = self.data.find("members", self.member_id)
        if gone is not None and gone.removed is not None:
            leaving.append(gone)
        former = [
            m for m in self.data.members if m.removed is not None and m.removed_reason != "deceased"
        ]
        steps = [
            direction_step(),
            who_step(leaving, former, self.member_id, self.today),
            info_step(self.today, self.profile),
            WizardStep("确认", Static("", id="transfer-review", markup=False), id="step-review"),
        ]
        yield TransferFrame("组织关系转接", steps, id="transfer-frame")
        yield BranchFooter()

    @property
    def frame(self) -> WizardFrame:
        return self.query_one(WizardFrame)

    def on_mount(self) -> None:
        self.query_one("#wizard-hint").display = False
        options = self.query_one("#field-direction", OptionList)
        options.highlighted = 0
        self._route()
        self._advise()
        self._show_dues_note()
        self.opened_with = self._raw()
        if self.member_id is not None:  # settling a member gone without a register entry
            self.call_after_refresh(self._to_member)
        self.frame.focus_step()

    def _to_member(self) -> None:
        self.frame.index = 1

    def _raw(self) -> list[object]:
        return [getattr(w, "value", None) for w in self.query(".form-row > *")] + [
            self.query_one("#field-direction", OptionList).highlighted
        ]

    # Reading ------------------------------------------------------------------------------

    @property
    def direction(self) -> str:
        options = self.query_one("#field-direction", OptionList)
        return "in" if options.highlighted == 1 else "out"

    def _text(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _choice(self, name: str) -> str | None:
        value = self.query_one(f"#field-{name}", Select).value
        return value if isinstance(value, str) else None

    def _date(self, name: str, errors: dict[str, str]) -> dt.date | None:
        try:
            return self.query_one(f"#field-{name}", DateField).date
        except DateParseError as error:
            errors[name] = error.message
            return None

    def _months(self, errors: dict[str, str]) -> int | None:
        text = self._text("months")
        if not text:
            return None
        if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= 600:
            errors["months"] = "请填写1到600之间的整数月数；时间不确定请留空"
            return None
        return int(text)

    def _answers(self, errors: dict[str, str]) -> tuple[int | None, bool | None, bool]:
        place = self._choice("place")
        fixed = {"yes": True, "no": False}.get(place or "")
        return self._months(errors), fixed, self._choice("proof") == "yes"

    def _member(self, errors: dict[str, str]) -> Member | None:
        """The member transferring: going out, the one chosen; coming in, a former member or a
        new one from the fields (checked as the roster checks a member)."""
        if self.direction == "out":
            chosen = self.query_one("#field-member", MemberField).value
            if chosen is None:
                errors["member"] = "请选择外出党员"
            return self.data.find("members", chosen)
        former = self.data.find("members", self.query_one("#field-former", MemberField).value)
        if former is not None:
            return cast(Member, former)
        values: dict[str, Any] = {
            "name": self._text("name"),
            "gender": self._choice("gender") or "",
            "birth_date": self._date("birth_date", errors),
            "joined": self._date("joined", errors),
            "status": self._choice("status") or "full",
            "phone": self._text("phone"),
        }
        member = Member(**values)
        for name, message in validate(member, self.today).items():
            errors.setdefault(name if name in values else "name", message)
        return member

    def _transfer(self, errors: dict[str, str]) -> Transfer:
        out = self.direction == "out"
        months, fixed, _proof = self._answers(errors) if out else (None, None, False)
        member = self._member({})
        instrument = (
            (self._choice("instrument") or "relation_transfer") if out else "relation_transfer"
        )
        transfer = Transfer(
            member_id=member.id if member is not None else None,
            person_name=member.name if member is not None else "",
            direction="out" if out else "in",
            instrument=cast(Any, instrument),
            date=self._date("date", errors) or self.today,
            other_org=self._text("other_org"),
            months_away=months,
            place_fixed=fixed,
            platform_ref=self._text("platform_ref"),
            letter_sent=self._date("letter_sent", errors),
            reason=self._text("reason"),
        )
        for name, message in validate(transfer, self.today).items():
            errors.setdefault(name, message)
        if self.query_one("#field-date", DateField).value.strip() == "":
            errors.setdefault("date", "请填写转接日期")
        return transfer

    def changes(self) -> tuple[Transfer, RecordChanges, dict[str, str]]:
        """What saving does, with the errors of every step by field."""
        errors: dict[str, str] = {}
        member = self._member(errors)
        transfer = self._transfer(errors)
        if self.direction == "out":
            return transfer, transfer_out(self.data, transfer, self._text("card_number")), errors
        if member is None:
            return transfer, RecordChanges(), errors
        arrived = validate(
            Member(name=member.name, joined=member.joined, arrived=transfer.date), self.today
        )
        if "arrived" in arrived:
            errors.setdefault("date", "转入日期不能早于入党时间")
        return transfer, transfer_in(self.data, transfer, member), errors

    # Checking and moving ------------------------------------------------------------------

    def _route(self) -> None:
        # The second step asks REL-1's questions of one going out, or who is coming in.
        direction = self.direction
        self.query_one("#who-out").display = direction == "out"
        self.query_one("#who-in").display = direction == "in"
        self.query_one("#step-who", WizardStep).step_title = WHO_TITLES[direction]

    def _advise(self) -> None:
        errors: dict[str, str] = {}
        months, fixed, proof = self._answers(errors)
        advice = self.query_one("#transfer-advice", Static)
        if errors:
            advice.update("")
            return
        instrument, why = instrument_advice(months, fixed, self.profile, needs_proof=proof)
        advice.update(f"建议：{TRANSFER_INSTRUMENTS[instrument]}（{why}）")
        self.query_one("#field-instrument", Select).value = instrument

    def _step_errors(self, step: WizardStep) -> dict[str, str]:
        """The errors of one step's fields, shown beside them."""
        _transfer, _changes, errors = self.changes()
        labels = list(step.query(".field-error").results(Static))
        names = {(label.id or "").removeprefix("error-") for label in labels}
        mine = {k: v for k, v in errors.items() if k in names}
        for label in labels:
            name = (label.id or "").removeprefix("error-")
            if name != "instrument":  # its line is the advice's note, kept as typed
                label.update(mine.get(name, ""))
        return mine

    def _refused(self, step: WizardStep) -> bool:
        """Whether the step has errors; the cursor goes to the first of them."""
        errors = self._step_errors(step)
        for widget in shown_fields(step):
            if (widget.id or "").removeprefix("field-") in errors:
                widget.focus()
                break
        return bool(errors)

    def action_next(self) -> None:
        frame = self.frame
        if frame.step.id == "step-direction":
            self._route()
        if frame.is_last or self._refused(frame.step):
            return
        frame.index += 1
        if frame.is_last:
            self.query_one("#transfer-review", Static).update(self._review())

    def action_back(self) -> None:
        if self.frame.index > 0:
            self.frame.index -= 1

    def action_save(self) -> None:
        if self.saving:
            return
        frame = self.frame
        for index, step in enumerate(frame.steps[:-1]):
            if self._step_errors(step):
                frame.index = index
                self.call_after_refresh(self._refused, step)
                return
        if not frame.is_last:
            frame.index = len(frame.steps) - 1
            self.query_one("#transfer-review", Static).update(self._review())
            return
        transfer, changes, errors = self.changes()
        if errors:
            return
        self.saving = True
        self.query_one("#transfer-review", Static).update(self._review() + "\n正在保存")
        self._write(transfer, changes)

    def _write(self, transfer: Transfer, changes: RecordChanges) -> None:
        save_changes(
            self, self.store, changes, saved=lambda: self.dismiss(transfer), failed=self._failed
        )

    def _failed(self, message: str) -> None:
        self.saving = False
        self.query_one("#transfer-review", Static).update(f"{self._review()}\n未保存：{message}")
        self.notify(message, title="未保存", severity="error", timeout=10)

    def unsaved(self) -> bool:
        return self._raw() != self.opened_with

    def action_close(self) -> None:
        close_unless_typed(self)

    # Events -------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#field-direction")
    def _direction_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_next()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Any) -> None:
        widget = getattr(event, "input", None) or getattr(event, "select", None)
        if getattr(widget, "id", "") in ("field-months", "field-place", "field-proof"):
            self._advise()
        if getattr(widget, "id", "") == "field-instrument":
            self._instrument_note()
            self._show_dues_note()

    def _dues_note(self) -> str:
        """EDU-4: what the member going out has not paid up to the transfer, to be paid first."""
        if self.direction != "out":
            return ""
        return transfer_dues_note(self.data, self._transfer({}))

    def _show_dues_note(self) -> None:
        note = self._dues_note()
        shown = self.query_one("#transfer-dues", Static)
        shown.update(f"注意：{note}" if note else "")
        shown.display = bool(note)

    @on(MemberField.Changed)
    @on(Input.Changed, "#field-date")
    def _dues_changed(self) -> None:
        self._show_dues_note()

    @on(MemberField.Changed)
    def _former_chosen(self) -> None:
        chosen = self.query_one("#field-former", MemberField).value is not None
        for name in NEW_MEMBER_FIELDS:
            self.query_one(f"#field-{name}").disabled = chosen

    def _instrument_note(self) -> None:
        errors: dict[str, str] = {}
        proposed = instrument_advice(
            *self._answers(errors)[:2], self.profile, needs_proof=self._choice("proof") == "yes"
        )[0]
        chosen = self._choice("instrument")
        note = (
            ""
            if errors or chosen in (None, proposed)
            else f"注意：与建议的{TRANSFER_INSTRUMENTS[proposed]}不符"
        )
        self.query_one("#error-instrument", Static).update(note)

    @on(Input.Submitted)
    @on(Entered)
    def _submitted(self, event: Input.Submitted | Entered) -> None:
        event.stop()
        fields = shown_fields(self.frame.step)
        field = event.input if isinstance(event, Input.Submitted) else event.field
        if fields and field is fields[-1]:
            self.action_next()
        else:
            self.focus_next()

    def key_enter(self) -> None:
        # The review step has no field to submit; Enter there saves.
        if self.frame.step.id == "step-review":
            self.action_save()

    # Review -------------------------------------------------------------------------------

    def _review(self) -> str:
        transfer, changes, _errors = self.changes()
        return review_text(self.data, transfer, changes)
