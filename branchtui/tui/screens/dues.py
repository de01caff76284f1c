"""党费 (EDU-4, NAT-4, NAT-5): the year's month × member grid, paid by one key, in batches.

Space marks the cell's month paid at the year's rate; Enter opens the payment (amount, date,
note) in a form that refuses a month beyond the back-payment limit beside the field; t marks
every member present at a meeting of the month paid, m every listed member for the cursor's
month, each in one commit after the secretary unticks who did not pay. a lists the arrears
for 补交, r sets the year's rates. The duties EDU-4, NAT-4 and NAT-5 are judged above the grid
as the dashboard judges them (NAT-5's warning names the members 3 months or more in arrears
who are not handled in a case yet).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import month_key
from branchtui.domain.dues import arrears
from branchtui.domain.dues_entry import (
    BatchPayments,
    batch_paid,
    mark_paid,
    meetings_of_month,
    new_payment,
    payment_problems,
    present_members,
    theme_day_paid,
)
from branchtui.domain.dues_year import MONTH_STATES, DuesRow, dues_year
from branchtui.domain.meetings.roll import person_name
from branchtui.domain.obligations import Obligation
from branchtui.domain.records import BranchData, DuesPayment, Meeting, Member, Record
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.domain.search import sort_by_pinyin
from branchtui.tui.registry.education import DUES
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.dues_grid import LEGEND, DuesGrid
from branchtui.tui.widgets.duty_lines import DutyLines
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.members_picker import MembersPicker
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

# NAT-5 as the dashboard judges it (an open 处置 case or 失联 record is handled there), not a
# second judgement of the dues streaks that would warn of a member already being handled.
RULES = ("EDU-4", "NAT-4", "NAT-5")
PAYMENT_FORM = FormSpec(
    ("month", "amount", "paid", "note"),
    hints={"month": "如 2026-11；按规定最多补交6个月（NAT-4）"},
)


class DuesScreen(DataScreen):
    """The dues grid of one year (this year first)."""

    SCREEN_ID = DUES.id
    BINDINGS: ClassVar[list[BindingType]] = DUES.bindings()
    AUTO_FOCUS = "#dues-grid"

    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None
        self.group_filter: str | None = None  # a group id, "" for no group, None for all
        self.rows: list[DuesRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield DutyLines(RULES, id="dues-duties")
        yield Static(id="dues-legend", classes="filter-bar", markup=False)
        yield DuesGrid(id="dues-grid")
        yield Static(id="dues-status", classes="list-status", markup=False)
        yield BranchFooter()

    @property
    def grid(self) -> DuesGrid:
        return self.query_one("#dues-grid", DuesGrid)

    # Showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.sub_title = DUES.title
        data, today = self.data, self.today
        year = self.year or today.year
        rows = dues_year(data, year, today)
        if self.group_filter is not None:
            rows = [r for r in rows if (r.member.group_id or "") == self.group_filter]
        order = {m.id: i for i, m in enumerate(sort_by_pinyin([r.member for r in rows]))}
        # Members on the roster first, those who left during the year after them.
        self.rows = sorted(rows, key=lambda r: (r.member.removed is not None, order[r.member.id]))
        profile = self.profile
        self.grid.show(self.rows, year, today, profile.lapse_warning_months)
        group = self._group_label()
        self.query_one("#dues-legend", Static).update(
            f"{year}年{'  ' + group if group else ''}  {LEGEND}"
        )
        self._show_cell()
        self.query_one(DutyLines).judge(data)

    def _group_label(self) -> str:
        if self.group_filter is None:
            return ""
        if self.group_filter == "":
            return "未分组"
        group = self.data.find("groups", self.group_filter)
        return group.name if group is not None else ""

    @on(DataTable.CellHighlighted, "#dues-grid")
    def _moved(self) -> None:
        self._show_cell()

    @on(DataTable.CellSelected, "#dues-grid")
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        event.stop()  # Enter on a cell: its payment detail
        self.action_detail()

    def _show_cell(self, message: str = "") -> None:
        status = self.query_one("#dues-status", Static)
        if message:
            status.update(message)
            return
        cell = self.grid.cursor_cell()
        if not self.rows:
            status.update("本年度没有应交党费的党员")
            return
        if cell is None:
            status.update(f"共 {len(self.rows)} 人；左右键选择月份，空格记为已交")
            return
        row, month = cell
        parts = [row.member.name, month.month, MONTH_STATES[month.state]]
        if month.payments:
            parts.append(f"已交 {month.paid_amount} 元（{month.payments[-1].paid.isoformat()}）")
        if month.owed is not None and month.state != "not_due":
            parts.append(f"每月 {month.owed} 元{'' if row.rate_set else '（未核定）'}")
        status.update("  ".join(parts))

    # One cell -----------------------------------------------------------------------------

    def _cell_or_say(self) -> tuple[DuesRow, str] | None:
        cell = self.grid.cursor_cell()
        if cell is None:
            self._show_cell("请先用左右键选中某个月份")
            return None
        return cell[0], cell[1].month

    def action_pay(self) -> None:
        cell = self._cell_or_say()
        if cell is None:
            return
        row, month = cell
        result = mark_paid(row.member, month, self.data, self.today)
        if isinstance(result, str):
            self._show_cell(f"未记录：{result}")
            self.app.bell()
            return
        self._save(
            RecordChanges((result,)), f"已记录{row.member.name}{month}党费 {result.amount} 元"
        )

    def action_detail(self) -> None:
        cell = self._cell_or_say()
        if cell is None:
            return
        row, month = cell
        data = self.data
        paid = [p for p in data.dues_payments if p.member_id == row.member.id and p.month == month]
        original = paid[-1] if paid else None
        start = new_payment(row.member, month, data, self.today)

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            if not isinstance(record, DuesPayment):
                return {}, {}
            return payment_problems(record, self.data)

        form = RecordForm(
            DuesPayment,
            FormSpec(PAYMENT_FORM.fields, hints=PAYMENT_FORM.hints, check=check),
            store=self.store,
            today=self.today,
            members=data.active_members,
            original=original,
            defaults={
                "member_id": row.member.id,
                "month": month,
                "amount": start.amount,
                "paid": self.today,
            },
            title=f"{person_name(self.data, row.member.id)}的党费交纳",
        )
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, record: Record | None) -> None:
        if isinstance(record, DuesPayment):
            self.reload()
            self.grid.move_to(record.member_id, record.month)
            self.notify("已保存党费交纳记录", timeout=3)

    def action_undo(self) -> None:
        cell = self._cell_or_say()
        if cell is None:
            return
        row, month = cell
        paid = [
            p for p in self.data.dues_payments if p.member_id == row.member.id and p.month == month
        ]
        if not paid:
            self._show_cell(f"{row.member.name}{month}没有交纳记录")
            return
        total = sum(p.amount for p in paid)
        choices = {
            "keep": "不撤销",
            "delete": f"撤销{row.member.name}{month}的交纳记录（{total}元）",
        }

        def chosen(choice: str | None) -> None:
            if choice == "delete":
                self._save(RecordChanges(deletes=tuple(paid)), "已撤销交纳记录")

        self.app.push_screen(ChoicePrompt("撤销交纳记录？", choices), chosen)

    # Batches ------------------------------------------------------------------------------

    def _batch_month(self) -> str:
        return self.grid.cursor_month() or month_key(self.today)

    def action_theme_day(self) -> None:
        month = self._batch_month()
        data = self.data
        meetings = meetings_of_month(data, month)
        if not meetings:
            self._show_cell(f"{month}没有会议记录；先在组织生活中登记主题党日，或按 m 整月记为已交")
            return
        choices = {m.id: _meeting_label(m, data) for m in meetings}

        def chosen(meeting_id: str | None) -> None:
            meeting = next((m for m in meetings if m.id == meeting_id), None)
            if meeting is not None:
                batch = theme_day_paid(meeting, self.data)
                self._confirm_batch(batch, f"{meeting.date.isoformat()}出席党员{month}党费")

        self.app.push_screen(ChoicePrompt(f"{month}哪次会议集中交纳党费？", choices), chosen)

    def action_whole_month(self) -> None:
        month = self._batch_month()
        members = [r.member for r in self.rows if r.member.removed is None]
        batch = batch_paid(members, month, self.data, self.today)
        self._confirm_batch(batch, f"列表中党员{month}党费")

    def _confirm_batch(self, batch: BatchPayments, what: str) -> None:
        skipped = batch.skipped_summary()
        if not batch.count:
            self._show_cell(f"没有可记录的：{skipped}" if skipped else "都已记录，无需再记")
            return
        # Every member of the batch ticked: the secretary unticks who did not pay (Enter, Space).
        members = self._members_of(batch)
        amounts = {p.member_id: f"{p.amount}元" for p in batch.payments}
        title = f"{what}记为已交" + (f"（跳过{len(batch.skipped)}人）" if batch.skipped else "")

        def chosen(member_ids: list[str] | None) -> None:
            if member_ids is None:
                return
            ticked = set(member_ids)
            payments = tuple(p for p in batch.payments if p.member_id in ticked)
            if not payments:
                self._show_cell("未选党员，未记录")
                return
            self._save(RecordChanges(payments), f"已记录{len(payments)}人的党费")
            if skipped:
                self.notify(skipped, title="未记录", severity="warning", timeout=10)

        picker = MembersPicker(title, members, [m.id for m in members], amounts)
        self.app.push_screen(picker, chosen)

    def _members_of(self, batch: BatchPayments) -> list[Member]:
        members = self.data.by_id("members")
        return [members[p.member_id] for p in batch.payments if p.member_id in members]

    def _save(self, changes: RecordChanges, done: str) -> None:
        self.commit(lambda tx: tx.apply(changes), done)

    # Other screens, year, group ---------------------------------------------------------

    def action_arrears(self) -> None:
        from branchtui.tui.screens.dues_arrears import DuesArrearsScreen

        self.app.push_screen(DuesArrearsScreen())

    def action_rates(self) -> None:
        from branchtui.tui.screens.dues_rates import DuesRatesScreen

        self.app.push_screen(DuesRatesScreen(self.year or self.today.year))

    def action_choose_year(self) -> None:
        data = self.data
        years = {int(p.month[:4]) for p in data.dues_payments}
        years |= {r.year for r in data.dues_rates} | {self.today.year, self.today.year + 1}
        choices = {str(y): f"{y}年" for y in sorted(years, reverse=True)}

        def chosen(key: str | None) -> None:
            if key is not None:
                self.year = int(key)
                self.reload()

        self.app.push_screen(ChoicePrompt("查看哪一年的党费？", choices), chosen)

    def action_filter_group(self) -> None:
        groups = [g.id for g in self.data.groups if g.dissolved is None]
        choices: list[str | None] = [None, *groups, ""]
        index = choices.index(self.group_filter) if self.group_filter in choices else 0
        self.group_filter = choices[(index + 1) % len(choices)]
        self.reload()

    def settle(self, ob: Obligation) -> None:
        """EDU-4: the cursor on the first member's oldest month that may still be paid back
        (in that month's year); NAT-4: set the year's rates."""
        if ob.rule == "NAT-4":
            self.action_rates()
            return
        owed = arrears(self.data, self.today)
        for member_id in ob.people:
            found = owed.get(member_id)
            if found is None or not found.months:
                continue
            month = (found.payable or found.months)[0]
            if int(month[:4]) != (self.year or self.today.year):
                self.year = int(month[:4])
                self.group_filter = None
                self.reload()
            self.grid.move_to(member_id, month)
            self.grid.focus()
            return


def _meeting_label(meeting: Meeting, data: BranchData) -> str:
    kinds = "、".join(MEETING_KINDS.get(k, k) for k in meeting.kinds[:2])
    present = len(present_members(meeting, data))
    topic = f" {meeting.topic}" if meeting.topic else ""
    return terminal_safe(f"{meeting.date:%m-%d} {kinds}{topic}（出席{present}人）")
