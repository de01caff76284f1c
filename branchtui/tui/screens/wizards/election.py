"""换届选举 (ORG-4) and 补选 (ORG-7, ORG-8) at a 支部党员大会, step by step.

The plan and its approval, the meeting, the candidates (差额), who came (the 4/5 quorum), the
ballots and votes, the result (more than half of the voters present; ties voted again; too few
elected), the new committee's division of work (换届 only), a review; then one commit of what
domain.election_records decides. Each step's rules are the domain's functions, shown beside
the fields as they are typed; nothing typed is lost going back; Esc on the first step asks.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Select, Static

from branchtui.domain import committee
from branchtui.domain.attendance import member_on
from branchtui.domain.dates import format_date
from branchtui.domain.election import voters_on
from branchtui.domain.election_records import (
    election_changes,
    election_meeting,
    election_summary,
    outcome_of,
    save_problems,
)
from branchtui.domain.records import Election, Meeting
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.storage.errors import StoreError
from branchtui.storage.minutes import MinutesError, save_with_minutes
from branchtui.tui.registry.organization import ELECTION_WIZARD_KEYS
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.wizards import election_steps as steps
from branchtui.tui.screens.wizards.election_fields import ElectionFields
from branchtui.tui.widgets.choice_field import Entered
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.member_field import MemberField, MembersField
from branchtui.tui.widgets.voter_roll import VoterRoll
from branchtui.tui.widgets.wizard_frame import WizardFrame

DISCARD = {"stay": "继续录入", "discard": "放弃本次录入"}
HINT = "PgDn 下一步   PgUp 上一步   Enter 下一项   Ctrl+S 保存   Esc 关闭"


class ElectionWizard(ElectionFields):
    """Dismissed with the saved Election, or None when given up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(k.binding() for k in ELECTION_WIZARD_KEYS),
        *MODAL_KEYS,
    ]

    # Building -----------------------------------------------------------------------------

    def _about(self) -> str:
        if self.vacancy is not None:
            role = SEAT_ROLES.get(self.vacancy.role, "委员")
            deadline = committee.vacancy_deadline(self.vacancy, self.profile)
            rule = "ORG-7" if self.vacancy.role == "secretary" else "ORG-8"
            return (
                f"补选{role}：自{format_date(self.vacancy.since)}空缺，"
                f"应于{format_date(deadline)}前补选（{rule}）。"
            )
        term = committee.current_term(self.data, self.today)
        if term is None:
            return "尚未登记任期：本次选举产生第1届支部委员会。"
        kind = self.data.branch.kind if self.data.branch else "branch"
        end = committee.effective_term_end(term, kind, self.profile)
        return (
            f"本届第{term.number}届（{format_date(term.start)}起，任期至{format_date(end)}），"
            f"本次选举产生第{term.number + 1}届支委会（ORG-4）"
        )

    def compose(self) -> ComposeResult:
        members = self.data.active_members
        parts = [
            steps.plan_step(self.today, self._about(), renewal=self.renewal),
            steps.meeting_step(members),
            steps.candidates_step(voters_on(members, self.today), renewal=self.renewal),
            steps.voters_step(),
            steps.ballots_step(),
            steps.result_step(),
        ]
        if self.renewal:
            parts.append(steps.division_step())
        parts.append(steps.review_step())
        title = "换届选举" if self.renewal else "补选"
        with Vertical(classes="wizard-box"):
            yield WizardFrame(title, parts, hint=HINT, id="election-frame")
        yield BranchFooter()

    def on_mount(self) -> None:
        self.frame.focus_step()

    # Entering steps: the rows that follow from earlier answers ----------------------------

    async def _enter(self, step: str | None) -> None:
        if step == "step-candidates":
            voters = voters_on(self.data.members, self.day)
            field = self.query_one("#candidates", MembersField)
            field.members = voters
            allowed = {m.id for m in voters}
            field.value = [m for m in field.value if m in allowed]
            self._check("step-candidates")
        elif step == "step-voters":
            if self.roll.day != self.day or not self.roll.members:
                self.roll.show([m for m in self.data.members if member_on(m, self.day)], self.day)
            self._check("step-voters")
        elif step == "step-ballots":
            present = str(self.roll.present)
            for field_id in ("ballots-issued", "ballots-returned"):
                box = self.query_one(f"#{field_id}", Input)
                box.value = box.value or present
            await self._rows("#vote-rows", self.candidate_ids, "vote")
        elif step == "step-result":
            self._show_outcome()
            tied = list(outcome_of(self.election(), self.data).tied)
            tied += [
                m for m in self.candidate_ids if self.typed.get(f"runoff-{m}") and m not in tied
            ]
            await self._rows("#runoff-rows", tied, "runoff")
            self.query_one("#runoff-box").display = bool(tied)
        elif step == "step-division":
            rows = self.query_one("#division-rows")
            await rows.remove_children()
            elected = sorted(
                (c for c in self.election().candidates if c.elected), key=lambda c: -c.votes
            )
            members = {m.id: m for m in self.data.members}
            await rows.mount_all(
                steps.role_row(members[c.member_id], c.votes, c.role) for c in elected
            )
        elif step == "step-review":
            self._review()

    async def _rows(self, selector: str, member_ids: list[str], prefix: str) -> None:
        rows = self.query_one(selector)
        await rows.remove_children()
        members = {m.id: m for m in self.data.members}
        await rows.mount_all(
            steps.vote_row(members[mid], self.typed.get(f"{prefix}-{mid}", ""), prefix)
            for mid in member_ids
        )

    def _show_outcome(self) -> None:
        outcome = outcome_of(self.election(), self.data)
        self.query_one("#outcome", Static).update("\n".join(outcome.lines))
        box = self.query_one("#shortfall-box")
        box.display = (
            self.renewal and outcome.decided and bool(outcome.elected) and outcome.shortfall > 0
        )

    def _review(self) -> None:
        election = self.election()
        lines = election_summary(election, self.data, self.profile)
        problems = save_problems(election, self.data, self.profile)
        if self.renewal:
            old = committee.current_term(self.data, election.date)
            lines.append(
                f"将保存：新一届任期及{sum(c.elected for c in election.candidates)}名委员"
                + (f"（第{old.number}届委员同时卸任）" if old else "")
            )
            ending = committee.open_vacancies(self.data, election.date)
            if ending:
                roles = "、".join(SEAT_ROLES.get(v.role, "委员") for v in ending)
                lines.append(f"原有空缺（{roles}）随换届结束")
        lines.append("将保存：本次支部党员大会记录（计入LIFE-1）并归入电子台帐（SYS-3）")
        lines += [f"不能保存：{p}" for p in problems]
        self.query_one("#review", Static).update("\n".join(lines))

    # Moving -------------------------------------------------------------------------------

    async def action_forward(self) -> None:
        frame = self.frame
        if self._check(frame.step.id) or frame.is_last:
            return
        frame.index += 1
        await self._enter(frame.step.id)

    def action_back(self) -> None:
        if self.frame.index > 0:
            self.frame.index -= 1

    def unsaved(self) -> bool:
        # Esc always asks here: the ballots read so far are kept nowhere else.
        return True

    def action_close(self) -> None:
        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        self.app.push_screen(ChoicePrompt("放弃本次选举的录入吗？", DISCARD), answered)

    @on(Input.Submitted)
    @on(Entered)
    async def _submitted(self, event: Input.Submitted | Entered) -> None:
        event.stop()
        fields = [w for w in self.frame.step.query("*") if w.focusable]
        field = event.input if isinstance(event, Input.Submitted) else event.field
        if fields and field is fields[-1]:
            await self.action_forward()
        else:
            self.focus_next()

    @on(VoterRoll.RowSelected, "#roll")
    async def _roll_enter(self, event: VoterRoll.RowSelected) -> None:
        event.stop()
        await self.action_forward()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name.startswith(("vote-", "runoff-")):
            self.typed[name] = event.value
        if name.startswith("runoff-"):
            self._show_outcome()
        self._clear_fixed()

    @on(Select.Changed)
    def _role(self, event: Select.Changed) -> None:
        if (event.select.id or "").startswith("role-"):
            value = event.value
            self.typed[event.select.id or ""] = value if isinstance(value, str) else ""

    @on(MembersField.Changed)
    def _picked(self) -> None:
        if self.frame.step.id == "step-candidates":
            self._check("step-candidates")
        else:
            self._clear_fixed()

    @on(VoterRoll.Changed)
    def _marked(self) -> None:
        self._check(self.frame.step.id)

    @on(OptionList.OptionSelected, "#shortfall")
    def _shortfall(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.shortfall = event.option.id or ""
        if not self._check(self.frame.step.id):
            self.query_one("#result-error", Static).update(f"已选择：{event.option.prompt}")

    # Saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.frame.step.id != "step-review" or self.saving:
            if not self.saving:
                self.notify("请先逐步填写到“确认”一步再保存", severity="warning")
            return
        election = self.election()
        problems = save_problems(election, self.data, self.profile)
        if problems:
            self.notify(problems[0], title="不能保存", severity="error", timeout=8)
            return
        meeting = election_meeting(
            election,
            self.data,
            self.profile,
            attendance=self.roll.attendance(),
            start=self.query_one("#start", Input).value.strip(),
            place=self.query_one("#place", Input).value.strip(),
            host_id=self.query_one("#host", MemberField).value,
            recorder_id=self.query_one("#recorder", MemberField).value,
            today=self.today,
        )
        self.saving = True
        self._write(election_changes(self.data, election, meeting), election, meeting)

    @work(thread=True, exclusive=True, group="election-save", description="保存选举")
    def _write(self, changes: Any, election: Election, meeting: Meeting) -> None:
        # One commit, then the meeting's minutes, as the meeting wizard writes them.
        problem = ""
        try:
            save_with_minutes(self.store, changes, meeting)
        except MinutesError as error:  # saved, but the file could not be written
            problem = error.message
        except StoreError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        saved = next((r for r in changes.inserts if isinstance(r, Election)), election)
        self.app.call_from_thread(self._saved, dataclasses.replace(saved), problem)

    def _saved(self, saved: Election, problem: str) -> None:
        # Not awaited: closing the wizard must not cancel the worker that is finishing.
        if problem:
            self.notify(problem, title="已保存，但有问题", severity="warning", timeout=15)
        self.dismiss(saved)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.notify(message, title="未保存", severity="error", timeout=10)
