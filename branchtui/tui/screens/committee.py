"""支委会: the current term and its end (ORG-4), seats and holders (ORG-5, ORG-6), vacancies
(ORG-7, ORG-8); assign and vacate seats, record an extension approval, start a new term, and
the election wizards: 换届选举 (ORG-4) and 补选 or the upper organization's appointment of a
secretary (ORG-7, ORG-8). A seat, a vacancy or the latest term entered by mistake is deleted
after a question, or refused with the reason (domain.deletion, domain.committee_deletion)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain import committee
from branchtui.domain.dates import format_date
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import CommitteeSeat, Election, Term, Vacancy
from branchtui.domain.records.branch import SEAT_ROLES, SeatRole
from branchtui.tui.registry.organization import COMMITTEE
from branchtui.tui.saving import ask_delete
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt, TextPrompt
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.member_picker import MemberPicker

NEW_TERM_CHOICES = {"no": "取消", "yes": "确认换届"}
DELETE_CHOICES = {"keep": "不删除", "delete": "确认删除（数据备份中仍可找回）"}
SECRETARY_WAYS = {
    "election": "召开党员大会补选",
    "appointment": "上级党组织指派（选举条件尚不具备时）",
}


class CommitteeScreen(DataScreen):
    """The branch committee of the term in force today."""

    AUTO_FOCUS = "#seat-table"
    SCREEN_ID = COMMITTEE.id
    BINDINGS: ClassVar[list[BindingType]] = COMMITTEE.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.seats: list[CommitteeSeat] = []
        self.vacancies: list[Vacancy] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="term-info", classes="panel", markup=False)
        seats: DataTable[str | Text] = DataTable(id="seat-table", cursor_type="row")
        seats.add_columns("职务", "姓名", "任职起")
        yield seats
        vacancies: DataTable[str | Text] = DataTable(id="vacancy-table", cursor_type="row")
        vacancies.add_columns("空缺职务", "空缺起", "已空缺", "补选时限", "状态")
        yield vacancies
        yield BranchFooter()

    @property
    def term(self) -> Term | None:
        return committee.current_term(self.data, self.today)

    @property
    def kind(self) -> str:
        branch = self.data.branch
        return branch.kind if branch else "branch"

    def reload(self) -> None:
        self.sub_title = "支委会"
        data, today, profile = self.data, self.today, self.profile
        term = self.term
        info = self.query_one("#term-info", Static)
        if term is None:
            info.update("尚未登记任期，按 n 登记本届任期")
        else:
            end = committee.effective_term_end(term, self.kind, profile)
            years = profile.term_years(self.kind)
            lines = [
                f"第{term.number}届  {format_date(term.start)} 至 "
                f"{format_date(committee.term_end(term, self.kind, profile))}（任期{years}年）"
            ]
            if term.extension_approved and term.extension_until:
                lines.append(
                    f"延期至 {format_date(end)}（{format_date(term.extension_approved)}批准"
                    f"{'，' + term.extension_ref if term.extension_ref else ''}）"
                )
            left = (end - today).days
            lines.append(f"距届满 {left} 天" if left >= 0 else f"任期已届满 {-left} 天，应换届")
            info.update("\n".join(lines))
        names = display_names(data.members)
        self.seats = [s for s in committee.seats_of(data, term) if committee.seat_held_on(s, today)]
        table = self.query_one("#seat-table", DataTable)
        table.clear()
        for seat in self.seats:
            role = seat.title or SEAT_ROLES.get(seat.role, seat.role)
            table.add_row(
                Text(role), Text(names.get(seat.member_id or "", "")), format_date(seat.since)
            )
        vacancies = self.query_one("#vacancy-table", DataTable)
        vacancies.clear()
        self.vacancies = committee.open_vacancies(data, today)
        for vacancy in self.vacancies:
            deadline = committee.vacancy_deadline(vacancy, profile)
            late = today > deadline
            rule = "ORG-7" if vacancy.role == "secretary" else "ORG-8"
            vacancies.add_row(
                SEAT_ROLES.get(vacancy.role, vacancy.role),
                format_date(vacancy.since),
                f"{committee.days_vacant(vacancy, today)}天",
                format_date(deadline),
                Text(f"超期（{rule}）", style="bold red") if late else f"未超期（{rule}）",
            )

    @property
    def selected_seat(self) -> CommitteeSeat | None:
        row = self.query_one("#seat-table", DataTable).cursor_row
        return self.seats[row] if self.seats and 0 <= row < len(self.seats) else None

    @work(exclusive=True, group="committee-dialog")
    async def action_assign(self) -> None:
        term = self.term
        if term is None:
            self.notify("请先按 n 登记本届任期", severity="warning")
            return
        role = await self.app.push_screen_wait(ChoicePrompt("任命：选择职务", self._role_choices()))
        if role is None:
            return
        held = [s for s in self.seats if s.role == role]
        if held and role != "other":
            self.notify(f"{SEAT_ROLES[role]}已有人担任，请先按 v 出缺", severity="warning")
            return
        member_id = await self.app.push_screen_wait(
            MemberPicker(f"任命{SEAT_ROLES[role]}", self.data.active_members)
        )
        if member_id is None:
            return
        since = await self.app.push_screen_wait(
            DatePrompt(
                "任职日期",
                committee.default_seat_since(self.data, term, self.today),
                warn=lambda since: committee.seat_since_warning(
                    term, since, self.data.find("members", member_id)
                ),
            )
        )
        if since is None:
            return
        # Filling the seat closes its oldest open vacancy (ORG-7, ORG-8).
        changes = committee.fill_seat(self.data, term, cast(SeatRole, role), member_id, since)
        self.commit(lambda tx: tx.apply(changes), f"已任命{SEAT_ROLES[role]}")

    def _role_choices(self) -> dict[str, str]:
        """Each seat with who holds it or that it is vacant, so one need not remember."""
        names = display_names(self.data.members)
        held = {s.role: names.get(s.member_id or "", "") for s in self.seats if s.role != "other"}
        vacant = {v.role for v in committee.open_vacancies(self.data, self.today)}
        choices: dict[str, str] = {}
        for role, label in SEAT_ROLES.items():
            state = f"现任：{held[role]}" if role in held else "空缺" if role in vacant else ""
            choices[role] = f"{label}（{state}）" if state else label
        return choices

    @work(exclusive=True, group="committee-dialog")
    async def action_vacate(self) -> None:
        seat = self.selected_seat
        if seat is None:
            self.notify("请选中一个职务", severity="warning")
            return
        role = SEAT_ROLES.get(seat.role, seat.role)
        date = await self.app.push_screen_wait(DatePrompt(f"{role}出缺日期", self.today))
        if date is None:
            return
        changes = committee.vacate_seat(seat, date)
        self.commit(lambda tx: tx.apply(changes), f"{role}已出缺，空缺自 {format_date(date)} 起计")

    @work(exclusive=True, group="committee-dialog")
    async def action_extend(self) -> None:
        term = self.term
        if term is None:
            return
        approved = await self.app.push_screen_wait(DatePrompt("上级批准日期", self.today))
        if approved is None:
            return
        ref = await self.app.push_screen_wait(TextPrompt("批准文号（可不填）"))
        if ref is None:
            return
        limit = committee.extension_limit(term, self.kind, self.profile)
        until = await self.app.push_screen_wait(
            DatePrompt(f"延期至（最迟 {format_date(limit)}）", self.today, limit)
        )
        if until is None:
            return
        if until > limit:
            self.notify(f"延期一般不超过1年，最迟 {format_date(limit)}（ORG-4）", severity="error")
            return
        changed = dataclasses.replace(
            term, extension_approved=approved, extension_ref=ref, extension_until=until
        )
        self.commit(lambda tx: tx.update(changed), f"已登记延期至 {format_date(until)}")

    @work(exclusive=True, group="committee-dialog")
    async def action_new_term(self) -> None:
        old = self.term
        title = "新一届任期开始日期（换届选举日）" if old else "本届任期开始日期"
        start = await self.app.push_screen_wait(DatePrompt(title, self.today))
        if start is None:
            return
        if old is not None and start <= old.start:
            self.notify("新任期应晚于本届开始日期", severity="error")
            return
        term, changes = committee.start_term(self.data, start)
        if old is not None:
            # Ending a whole committee must not be one stray "n" + Enter away.
            leaving = sum(1 for r in changes.updates if isinstance(r, CommitteeSeat))
            question = (
                f"换届：第{term.number}届自 {format_date(start)} 起，本届{leaving}名委员同时卸任"
            )
            sure = await self.app.push_screen_wait(ChoicePrompt(question, NEW_TERM_CHOICES))
            if sure != "yes":
                return
        # The old committee ends with the election; its open vacancies end with it (ORG-4).
        done = f"已开始第{term.number}届任期，请按 a 任命新一届委员"
        self.commit(lambda tx: tx.apply(changes), done)

    # Deleting what was entered by mistake (domain.committee_deletion) -------------------

    def action_delete(self) -> None:
        """The seat or vacancy highlighted in the list that has the focus."""
        vacancies = self.query_one("#vacancy-table", DataTable)
        if vacancies.has_focus:
            row = vacancies.cursor_row
            if not self.vacancies or not 0 <= row < len(self.vacancies):
                self.notify("没有可删除的空缺", severity="warning")
                return
            vacancy = self.vacancies[row]
            what = f"{SEAT_ROLES.get(vacancy.role, vacancy.role)}空缺"
            question = f"删除{what}（自 {format_date(vacancy.since)} 起）？"
            target, done = (Vacancy.TABLE, vacancy.id), f"已删除{what}"
            rev = vacancy.rev
        else:
            seat = self.selected_seat
            if seat is None:
                self.notify("请选中一个职务（空缺在下方列表，按 Tab 切换）", severity="warning")
                return
            names = display_names(self.data.members)
            role = seat.title or SEAT_ROLES.get(seat.role, seat.role)
            what = f"{role}{names.get(seat.member_id or '', '')}"
            question = f"删除委员：{what}（{format_date(seat.since)} 任职）？"
            target, done, rev = (CommitteeSeat.TABLE, seat.id), f"已删除委员：{what}", seat.rev
        table, record_id = target
        ask_delete(
            self,
            self.data,
            target,
            question,
            DELETE_CHOICES,
            lambda: self.commit(lambda tx: tx.delete(table, record_id, rev), done),
        )

    def action_delete_term(self) -> None:
        """The latest term registered (it may start after today)."""
        if not self.data.terms:
            self.notify("尚未登记任期", severity="warning")
            return
        term = max(self.data.terms, key=lambda t: (t.start, t.number))
        question = f"删除第{term.number}届任期（{format_date(term.start)}起）？"
        done = f"已删除第{term.number}届任期"
        ask_delete(
            self,
            self.data,
            (Term.TABLE, term.id),
            question,
            DELETE_CHOICES,
            lambda: self.commit(lambda tx: tx.delete(Term.TABLE, term.id, term.rev), done),
        )

    # Elections (ORG-4, ORG-7, ORG-8) ---------------------------------------------------

    def _elected(self, election: Election | None) -> None:
        if election is None:
            return
        self.reload()
        if election.kind == "renewal":
            done = "已保存换届选举：新一届支委会已产生"
        elif election.kind == "appointment":
            done = "已登记上级党组织指派，书记空缺已补齐"
        else:
            done = "已保存补选，空缺已补齐"
        self.notify(done, timeout=5)

    def action_election(self) -> None:
        from branchtui.tui.screens.wizards.election import ElectionWizard

        wizard = ElectionWizard(
            "renewal", data=self.data, store=self.store, profile=self.profile, today=self.today
        )
        self.app.push_screen(wizard, self._elected)

    @work(exclusive=True, group="committee-dialog")
    async def action_by_election(self, vacancy_id: str | None = None) -> None:
        vacancy = next((v for v in self.vacancies if v.id == vacancy_id), None)
        table = self.query_one("#vacancy-table", DataTable)
        if vacancy is None and table.has_focus and 0 <= table.cursor_row < len(self.vacancies):
            vacancy = self.vacancies[table.cursor_row]
        if vacancy is None and len(self.vacancies) == 1:
            vacancy = self.vacancies[0]
        if vacancy is None and self.vacancies:
            choices = {
                v.id: f"{SEAT_ROLES.get(v.role, v.role)}（自 {format_date(v.since)} 空缺）"
                for v in self.vacancies
            }
            chosen = await self.app.push_screen_wait(ChoicePrompt("补选哪个空缺？", choices))
            vacancy = next((v for v in self.vacancies if v.id == chosen), None)
            if vacancy is None:
                return
        if vacancy is None:
            self.notify("没有空缺的职务；职务出缺请先按 v 登记", severity="warning")
            return
        way: str | None = "election"
        if vacancy.role == "secretary":
            way = await self.app.push_screen_wait(
                ChoicePrompt("书记空缺如何补齐？", SECRETARY_WAYS)
            )
            if way is None:
                return
        from branchtui.tui.screens.wizards.appointment import AppointmentForm
        from branchtui.tui.screens.wizards.election import ElectionWizard

        data, store, profile, today = self.data, self.store, self.profile, self.today
        if way == "appointment":
            form = AppointmentForm(vacancy, data=data, store=store, profile=profile, today=today)
            self.app.push_screen(form, self._elected)
            return
        wizard = ElectionWizard(
            "by_election", vacancy=vacancy, data=data, store=store, profile=profile, today=today
        )
        self.app.push_screen(wizard, self._elected)

    def settle(self, ob: Obligation) -> None:
        """ORG-4 due: the 换届选举 wizard; ORG-7/ORG-8: a by-election of the vacancy named."""
        if ob.status not in ("due", "overdue", "upcoming"):
            return
        if ob.rule == "ORG-4" and not ob.needs:
            self.action_election()
        elif ob.rule in ("ORG-7", "ORG-8") and ob.refs:
            self.action_by_election(ob.refs[0])
