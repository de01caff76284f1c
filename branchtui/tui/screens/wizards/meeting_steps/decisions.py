"""Step 4: decisions and votes. Each decision belongs to a 议题, with 责任人 and 时限 or referred to
the general meeting; each vote records method, counts and tellers, and its quorum and verdict
are computed as it is typed by NAT-1 / NAT-2 (预备党员 have no vote), said plainly when
invalid."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import headcount
from branchtui.domain.meetings.votes import (
    INQUORATE_ADVICE,
    can_decide,
    inquorate_text,
    meeting_verdict,
    quorum_line,
    vote_verdicts,
)
from branchtui.domain.records import Decision, Vote
from branchtui.domain.records.meeting_parts import VOTE_METHODS
from branchtui.tui.registry.life import DECISION_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.wizards.form_dialog import FormDialog, Values
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep, done_check
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.field_group import FieldSpec
from branchtui.tui.widgets.record_list import RecordList
from branchtui.tui.widgets.wrapped_text import WrappedText

YES_NO = (("no", "否"), ("yes", "是"))
METHODS = (*VOTE_METHODS.items(), ("", "未记录"))
VOTE_FORM = (
    FieldSpec("motion", "表决事项", required=True, placeholder="如 接收刘芳为预备党员"),
    FieldSpec("candidate", "表决对象", hint="逐个表决候选人时，每人记录一项"),
    FieldSpec("method", "表决方式", "choice", METHODS),
    FieldSpec("yes", "赞成", "int"),
    FieldSpec("no", "不赞成", "int"),
    FieldSpec("abstain", "弃权", "int"),
    FieldSpec("counter_ids", "计票人", "members", hint="无记名投票时必填"),
    FieldSpec("scrutineer_ids", "监票人", "members"),
)


class DecisionsStep(MeetingStep):
    """决定事项和表决."""

    STEP_ID = "decisions"
    TITLE = "决定事项和表决"
    SHORT = "决定表决"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(DECISION_KEYS)

    @classmethod
    def applies_to(cls, kinds: Iterable[str]) -> bool:
        return bool({"general_meeting", "committee_meeting", "group_meeting"} & set(kinds))

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="quorum-line")
            yield Static("决定事项（a 添加）", classes="section-title")
            yield RecordList("（尚无决定事项，按 a 添加）", id="decision-list")
            error = WrappedText("", id="decision-error", classes="field-error", markup=False)
            error.display = False
            yield error
            yield Static("表决（v 添加；逐个候选人表决时每人一项）", classes="section-title")
            yield RecordList("（尚无表决，按 v 添加）", id="vote-list")

    def on_mount(self) -> None:
        self.load()

    def first_focus(self) -> Widget:
        return self.query_one("#decision-list")

    def load(self) -> None:
        self._draw()

    def _draw(self) -> None:
        m = self.meeting
        line = Text(terminal_safe(quorum_line(m, self.data)))
        result = meeting_verdict(m, self.data)
        if result is not None and not result.quorate:
            line.stylize("bold red")
        count = headcount(m, self.data)
        probationary = count.present - count.full_present
        if "general_meeting" in m.kinds and probationary > 0:
            line.append(f"\n预备党员出席{probationary}名：有发言权，无表决权，不计入票数（NAT-1）")
        self.query_one("#quorum-line", Static).update(line)
        decisions = []
        for i, item in enumerate(m.agenda):
            for j, d in enumerate(item.decisions):
                parts = [f"【{terminal_safe(item.title[:10])}】{terminal_safe(d.text)}"]
                if d.owner_id:
                    parts.append(f"责任人 {self.person_name(d.owner_id)}")
                if d.due:
                    parts.append(f"时限 {format_date(d.due)}")
                if d.referred:
                    parts.append("提交党员大会")
                if d.done:
                    parts.append(f"{format_date(d.done)}落实")
                decisions.append((f"d{i}-{j}", "，".join(parts)))
        self.query_one("#decision-list", RecordList).show(decisions)
        votes = []
        for i, verdict in enumerate(vote_verdicts(m, self.data)):
            v = verdict.vote
            head = terminal_safe(v.motion + (f"（{v.candidate}）" if v.candidate else ""))
            method = verdict.method or "未记录方式"
            text = Text(f"{head}  {method}  ")
            good = verdict.valid and verdict.passed is not False
            text.append(terminal_safe(verdict.text), style="green" if good else "bold red")
            votes.append((f"v{i}", text))
        self.query_one("#vote-list", RecordList).show(votes)

    # Keys --------------------------------------------------------------------------

    def _focused_list(self) -> str:
        focused = self.app.focused
        return "vote" if focused is self.query_one("#vote-list") else "decision"

    def action_add_decision(self) -> None:
        self._edit_decision(None)

    def action_add_vote(self) -> None:
        self._edit_vote(None)

    def action_edit(self) -> None:
        which = self._focused_list()
        current = self.query_one(f"#{which}-list", RecordList).current_id
        if not current:
            (self.action_add_vote if which == "vote" else self.action_add_decision)()
        elif current.startswith("v"):
            self._edit_vote(int(current[1:]))
        else:
            i, j = current[1:].split("-")
            self._edit_decision((int(i), int(j)))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        which = self._focused_list()
        current = self.query_one(f"#{which}-list", RecordList).current_id
        if not current:
            return
        if current.startswith("v"):
            del self.meeting.votes[int(current[1:])]
        else:
            i, j = current[1:].split("-")
            del self.meeting.agenda[int(i)].decisions[int(j)]
        self._draw()
        self.changed()

    def _edit_decision(self, where: tuple[int, int] | None) -> None:
        agenda = self.meeting.agenda
        if not agenda:
            self.notify("决定事项属于某一议题：请先在上一步（PgUp）添加议题", timeout=6)
            return
        if where is None:
            item_index = next((i for i, a in enumerate(agenda) if not a.decisions), len(agenda) - 1)
            decision = Decision(text="")
        else:
            item_index = where[0]
            decision = agenda[where[0]].decisions[where[1]]
        specs = (
            FieldSpec("text", "决定事项", required=True),
            FieldSpec("owner_id", "责任人", "member"),
            FieldSpec("due", "完成时限", "date"),
            FieldSpec("referred", "提交党员大会", "choice", YES_NO),
            FieldSpec(
                "item", "所属议题", "choice", tuple((str(i), a.title) for i, a in enumerate(agenda))
            ),
            FieldSpec("done", "落实完成", "date", placeholder="落实后填写完成日期"),
        )
        values = {
            "text": decision.text,
            "owner_id": decision.owner_id,
            "due": decision.due,
            "referred": "yes" if decision.referred else "no",
            "item": str(item_index),
            "done": decision.done,
        }

        def done(result: Values | None) -> None:
            if result is None:
                return
            decision.text = result["text"]
            decision.owner_id = result["owner_id"]
            decision.due = result["due"]
            decision.referred = result["referred"] == "yes"
            decision.done = result["done"]
            target = agenda[int(result["item"])]
            if where is not None and int(result["item"]) != where[0]:
                agenda[where[0]].decisions.remove(decision)
            if decision not in target.decisions:
                target.decisions.append(decision)
            self._draw()
            self.changed()

        self.app.push_screen(
            FormDialog(
                "决定事项",
                specs,
                values,
                today=self.today,
                people=self.people,
                describe=self.describe,
                check=self._decision_check(),
            ),
            done,
        )

    def _decision_check(self) -> Callable[[Values], dict[str, str]]:
        """The dialog's check: a done date not to come, and no decision without a quorum."""
        dates = done_check(self.today, "落实完成日期")

        def check(values: Values) -> dict[str, str]:
            errors = dates(values)
            if not can_decide(self.meeting, self.data):
                errors["text"] = inquorate_text(self.meeting, self.data)
            return errors

        return check

    def _edit_vote(self, index: int | None) -> None:
        votes = self.meeting.votes
        vote = votes[index] if index is not None else Vote(motion="", method="show_of_hands")
        values = {
            f.name: getattr(vote, f.name) for f in dataclasses.fields(vote) if f.name != "motion"
        }
        values["motion"] = vote.motion
        for key in ("yes", "no", "abstain"):
            values[key] = values[key] if index is not None else None

        def as_vote(result: Values) -> Vote:
            counts = {k: result[k] or 0 for k in ("yes", "no", "abstain")}
            return Vote(
                motion=result["motion"] or "",
                candidate=result["candidate"],
                method=result["method"],
                counter_ids=result["counter_ids"],
                scrutineer_ids=result["scrutineer_ids"],
                **counts,
            )

        def trial(result: Values) -> list[Vote]:
            listed = list(votes)
            if index is None:
                listed.append(as_vote(result))
            else:
                listed[index] = as_vote(result)
            return listed

        def preview(result: Values) -> str:
            listed = trial(result)
            meeting = dataclasses.replace(self.meeting, votes=listed)
            verdict = vote_verdicts(meeting, self.data)[len(listed) - 1 if index is None else index]
            return terminal_safe(f"{verdict.text}")

        def check(result: Values) -> dict[str, str]:
            if result["method"] == "secret_ballot" and not (
                result["counter_ids"] and result["scrutineer_ids"]
            ):
                # A defect, not an error: said here, saved anyway.
                self.notify("无记名投票应记录计票人和监票人", severity="warning", timeout=6)
            return {}

        def done(result: Values | None) -> None:
            if result is None:
                return
            votes[:] = trial(result)
            self._draw()
            self.changed()

        self.app.push_screen(
            FormDialog(
                "表决",
                VOTE_FORM,
                values,
                today=self.today,
                people=self.people,
                describe=self.describe,
                preview=preview,
                check=check,
                note=terminal_safe(quorum_line(self.meeting, self.data)),
            ),
            done,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        # The decisions' own errors under their list (NAT-1/2: no quorum, no decision).
        own = list(dict.fromkeys(m for p, m in errors.items() if ".decisions." in p))
        error = self.query_one("#decision-error", Static)
        if own and not can_decide(self.meeting, self.data):
            own.append(INQUORATE_ADVICE)
        error.update(terminal_safe("；".join(own)))
        error.display = bool(own)
        if errors:
            messages = list(dict.fromkeys(errors.values()))
            self.notify("；".join(messages[:3]), title="决定和表决", severity="warning")

    def focus_path(self, path: str) -> bool:
        if path.startswith("votes"):
            listing = self.query_one("#vote-list", RecordList)
            parts = path.split(".")
            listing.focus()
            if len(parts) > 1 and parts[1].isdigit():
                listing.highlight_id(f"v{parts[1]}")
            return True
        listing = self.query_one("#decision-list", RecordList)
        listing.focus()
        parts = path.split(".")
        if len(parts) > 3 and parts[1].isdigit() and parts[3].isdigit():
            listing.highlight_id(f"d{parts[1]}-{parts[3]}")
        return True
