"""The fields of the election wizard (tui/screens/wizards/election.py): reading what was
entered as an Election, and checking each step by the domain's rules (domain.election,
committee.division_problems), the errors beside their fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, cast

from textual.screen import ModalScreen
from textual.widgets import Input, Static

from branchtui.domain import committee
from branchtui.domain.dates import DateParseError, format_date
from branchtui.domain.election import (
    ballot_problems,
    candidate_margin,
    election_quorum,
    tally_problems,
)
from branchtui.domain.election_records import outcome_of, with_outcome
from branchtui.domain.meetings.roll import officer_problem, officers_away
from branchtui.domain.member_names import display_names
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Election, ElectionCandidate, Vacancy
from branchtui.domain.validation_fields import check_time
from branchtui.storage.store import Store
from branchtui.tui.widgets.date_field import DateField
from branchtui.tui.widgets.member_field import MemberField, MembersField
from branchtui.tui.widgets.voter_roll import VoterRoll
from branchtui.tui.widgets.wizard_frame import WizardFrame

Kind = Literal["renewal", "by_election"]


class ElectionFields(ModalScreen[Election | None]):
    """What the election wizard's steps hold, read and checked (the wizard moves between them)."""

    def __init__(
        self,
        kind: Kind,
        *,
        data: BranchData,
        store: Store,
        profile: Profile,
        today: dt.date,
        vacancy: Vacancy | None = None,
    ) -> None:
        super().__init__(classes="full-wizard")
        self.kind: Kind = kind
        self.data, self.store, self.profile, self.today = data, store, profile, today
        self.vacancy = vacancy
        self.names = display_names(data.members)
        self.typed: dict[str, str] = {}  # rebuilt rows' inputs and selects, by widget id
        self.shortfall = ""  # chosen with Enter in the result step
        self.saving = False

    @property
    def frame(self) -> WizardFrame:
        return self.query_one(WizardFrame)

    @property
    def renewal(self) -> bool:
        return self.kind == "renewal"

    # Reading the fields -------------------------------------------------------------------

    def _date(self, field_id: str) -> dt.date | None:
        try:
            return self.query_one(f"#{field_id}", DateField).date
        except DateParseError:
            return None

    @property
    def day(self) -> dt.date:
        return self._date("date") or self.today

    def _int(self, field_id: str) -> int | None:
        text = self.query_one(f"#{field_id}", Input).value.strip()
        return int(text) if text.isascii() and text.isdigit() else None

    @property
    def seats(self) -> int:
        return (self._int("seats") or 0) if self.renewal else 1

    @property
    def candidate_ids(self) -> list[str]:
        return self.query_one("#candidates", MembersField).value

    @property
    def roll(self) -> VoterRoll:
        return self.query_one(VoterRoll)

    def _typed_int(self, widget_id: str) -> int | None:
        text = self.typed.get(widget_id, "").strip()
        return int(text) if text.isascii() and text.isdigit() else None

    def election(self) -> Election:
        """The election as entered so far (the outcome marked once the votes are in)."""
        candidates = [
            ElectionCandidate(
                member_id=mid,
                votes=self._typed_int(f"vote-{mid}") or 0,
                runoff_votes=self._typed_int(f"runoff-{mid}"),
                role=cast(Any, self.typed.get(f"role-{mid}", "")),
            )
            for mid in self.candidate_ids
        ]
        shortfall = self.shortfall if self.query_one("#shortfall-box").display else ""
        election = Election(
            kind=self.kind,
            date=self.day,
            plan_approved=self._date("plan-approved"),
            plan_ref=self.query_one("#plan-ref", Input).value.strip(),
            seats=max(1, self.seats),
            candidates=candidates,
            voters_expected=self.roll.expected,
            voters_present=self.roll.present,
            excused_ids=self.roll.excused_ids(),
            ballots_issued=self._int("ballots-issued"),
            ballots_returned=self._int("ballots-returned"),
            ballots_valid=self._int("ballots-valid"),
            ballots_invalid=self._int("ballots-invalid"),
            counter_ids=self.query_one("#counters", MembersField).value,
            scrutineer_ids=self.query_one("#scrutineers", MembersField).value,
            shortfall=cast(Any, shortfall),
            vacancy_id=self.vacancy.id if self.vacancy else None,
        )
        return with_outcome(election, outcome_of(election, self.data))

    # Checking each step -------------------------------------------------------------------

    def _check(self, step: str | None, *, clear_only: bool = False) -> dict[str, str]:
        """Check one step: its errors (which keep the wizard there) and notes (which do not)
        are shown beside their fields. ``clear_only`` (as a field is typed): only the messages
        of fields now valid go; new ones wait for PgDn."""
        errors: dict[str, str] = {}
        notes: dict[str, str] = {}
        check = getattr(self, f"_check_{(step or '').removeprefix('step-')}", None)
        if check is not None:
            check(errors, notes)
        for label in self.frame.step.query(".field-error").results(Static):
            name = (label.id or "").removesuffix("-error")
            if clear_only and name in errors:
                continue
            if clear_only and not str(label.render()):
                continue
            label.update(errors.get(name) or (f"注意：{notes[name]}" if name in notes else ""))
        return errors

    def _clear_fixed(self) -> None:
        """A field just changed: its error goes as soon as its value is valid."""
        if self.is_mounted and not self.saving:
            self._check(self.frame.step.id, clear_only=True)

    def _check_plan(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        for field_id in ("date", "plan-approved"):
            message = self.query_one(f"#{field_id}", DateField).error()
            if message:
                errors[field_id] = message
        day, approved = self._date("date"), self._date("plan-approved")
        if day is not None and day > self.today:
            errors["date"] = "选举日期不能晚于今天（选举后录入）"
        term = committee.current_term(self.data, day or self.today)
        if day is not None and self.renewal and term is not None and day <= term.start:
            errors["date"] = f"选举日期应晚于本届任期开始日期 {format_date(term.start)}"
        if day is not None and self.vacancy is not None and day < self.vacancy.since:
            errors["date"] = f"选举日期不能早于空缺起始日期 {format_date(self.vacancy.since)}"
        if self.renewal and approved is None and "plan-approved" not in errors:
            errors["plan-approved"] = "请填写上级党组织批复选举方案的日期"
        if approved is not None and day is not None and approved > day:
            errors["plan-approved"] = "上级批复时间不能晚于选举日期"
        if self.renewal and not 1 <= self.seats <= 15:
            errors["seats"] = "应选委员人数应为1到15的整数"

    def _check_meeting(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        start = self.query_one("#start", Input).value.strip()
        if not start or check_time(start, "开始时间"):
            errors["start"] = check_time(start, "开始时间") or "请填写开始时间"
        if not self.query_one("#place", Input).value.strip():
            errors["place"] = "请填写会议地点"
        for field_id, label in (("host", "主持人"), ("recorder", "记录人")):
            if self.query_one(f"#{field_id}", MemberField).value is None:
                errors[field_id] = f"请选择{label}"
        for field_id, label in (("counters", "计票人"), ("scrutineers", "监票人")):
            if not self.query_one(f"#{field_id}", MembersField).value:
                errors[field_id] = f"无记名投票须有{label}"

    def _check_candidates(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        chosen = self.candidate_ids
        margin = candidate_margin(
            self.seats, len(chosen), self.profile, by_election=not self.renewal
        )
        self.query_one("#margin", Static).update(margin.text)
        if not margin.ok:
            errors["candidates"] = margin.text
        officials = set(self.query_one("#counters", MembersField).value)
        officials |= set(self.query_one("#scrutineers", MembersField).value)
        clash = [self.names.get(m, "") for m in chosen if m in officials]
        if clash:
            errors["candidates"] = f"候选人不能担任计票人、监票人：{'、'.join(clash)}"

    def _check_voters(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        quorum = election_quorum(self.roll.expected, self.roll.present, self.profile)
        self.query_one("#quorum", Static).update(quorum.text)
        if not quorum.met:
            errors["roll"] = quorum.text
        elif away := self._officers_away():
            errors["roll"] = away
        elif missing := self.roll.unexplained():
            errors["roll"] = f"请按 r 填写原因：{'、'.join(missing)}"

    def _officers_away(self) -> str:
        """The host, recorder or a teller marked absent or on leave: they run the meeting."""
        officers = [
            ("host", self.query_one("#host", MemberField).value or ""),
            ("recorder", self.query_one("#recorder", MemberField).value or ""),
        ]
        officers += [("counter", m) for m in self.query_one("#counters", MembersField).value]
        officers += [("scrutineer", m) for m in self.query_one("#scrutineers", MembersField).value]
        rows = self.roll.attendance()
        return "；".join(
            self.names.get(rows[i].member_id, "") + officer_problem(what, rows[i].status)
            for i, what in officers_away(rows, [(r, m) for r, m in officers if m]).items()
        )

    def _check_ballots(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        e = self.election()
        found = ballot_problems(
            e.ballots_issued,
            e.ballots_returned,
            e.ballots_valid,
            e.ballots_invalid,
            self.roll.present,
        )
        if found:
            errors["ballots"] = next(iter(found.values()))
        votes: dict[str, int] = {}
        for mid in self.candidate_ids:
            value = self._typed_int(f"vote-{mid}")
            if value is None:
                errors[f"vote-{mid}"] = "请填写得票数"
            else:
                votes[mid] = value
        for key, message in tally_problems(
            votes, self.names, e.ballots_valid or 0, self.seats
        ).items():
            errors[f"vote-{key}" if key else "votes"] = message

    def _check_result(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        election = self.election()
        outcome = outcome_of(election, self.data)
        if not outcome.decided:
            errors["result"] = "得票相等：请填写再次投票的得票"
        elif not outcome.elected:
            errors["result"] = "无人当选：应重新组织选举，本次不能保存"
        elif outcome.shortfall and self.renewal and not election.shortfall:
            errors["result"] = "请选择不足名额的处理方式"

    def _check_division(self, errors: dict[str, str], notes: dict[str, str]) -> None:
        elected = [c for c in self.election().candidates if c.elected]
        problems, warnings = committee.division_problems([c.role for c in elected])
        for c in elected:
            if not c.role:
                errors[f"role-{c.member_id}"] = "请选择分工"
        if problems:
            errors["division"] = "；".join(problems)
        if warnings:
            notes["division"] = "；".join(warnings)
