"""欠费补交 (EDU-4, NAT-4, NAT-5): who owes dues for which months, and 补交 in one commit.

Months older than the back-payment limit (6 months, NAT-4) are listed but cannot be paid
back; three or more unpaid months in a row are NAT-5's warning.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from branchtui.domain.dues import Arrears, DuesBook, arrears, unpaid_streak
from branchtui.domain.dues_entry import (
    BatchPayments,
    back_payment,
    back_payment_choices,
    payment_day_problem,
)
from branchtui.domain.records import Member
from branchtui.domain.search import sort_by_pinyin
from branchtui.tui.registry.education import DUES_ARREARS
from branchtui.tui.screens.dialogs import ChoicePrompt, DatePrompt
from branchtui.tui.screens.member_rows import MemberRowsScreen
from branchtui.tui.text import terminal_safe


def _span(months: tuple[str, ...]) -> str:
    if not months:
        return ""
    return months[0] if len(months) == 1 else f"{months[0]}至{months[-1]}"


class DuesArrearsScreen(MemberRowsScreen[tuple[Member, Arrears]]):
    """The arrears list; b (or Enter) pays back the highlighted member's payable months."""

    SCREEN_ID = DUES_ARREARS.id
    BINDINGS: ClassVar[list[BindingType]] = DUES_ARREARS.bindings()
    COLUMNS = ("姓名", "欠交", "可补交月份", "超期", "连续未交")

    def member_of(self, row: tuple[Member, Arrears]) -> Member:
        return row[0]

    def row_chosen(self) -> None:
        self.action_back_pay()

    def reload(self) -> None:
        self.sub_title = DUES_ARREARS.title
        data, today, profile = self.data, self.today, self.profile
        selected = self.highlighted()
        book = DuesBook.of(data)
        owed = arrears(data, today, book)
        # Members who transferred out stay listed while their months here may be paid back.
        members = sort_by_pinyin([m for m in data.members if m.id in owed])
        self.shown = [(m, owed[m.id]) for m in members]
        table = self.table
        table.clear()
        for member, found in self.shown:
            streak = unpaid_streak(member, data, today, book)
            warn = streak >= profile.lapse_warning_months
            beyond = len(found.beyond_back_payment)
            table.add_row(
                Text(
                    terminal_safe(member.name) + ("（已转出）" if member.removed else ""),
                    style="bold red" if warn else "",
                ),
                f"{len(found.months)}个月",
                _span(found.payable),
                Text(f"{beyond}个月", style="red") if beyond else "",
                Text(f"{streak}个月", style="bold red")
                if warn
                else (f"{streak}个月" if streak else ""),
                key=member.id,
            )
        if selected is not None:
            self.select(selected[0].id)
        limit = profile.dues_back_payment_max_months
        self.show_info(
            f"截至{today.isoformat()}（本月不计）欠交{len(self.shown)}人；"
            f"补交最多{limit}个月（NAT-4）\n连续{profile.lapse_warning_months}个月未交应谈话提醒，"
            f"满{profile.lapse_months}个月按自行脱党处理（NAT-5）"
        )
        self.show_status(
            "按 b 或 Enter 补交选中党员可补交的月份" if self.shown else "全体党员党费已交至上月"
        )

    def action_back_pay(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            self.notify("没有欠交党费的党员", timeout=3)
            return
        member, found = chosen
        if not found.payable:
            self.show_status(f"{member.name}欠交的月份都已超过补交期限（NAT-4），不能补交")
            self.app.bell()
            return
        options = back_payment_choices(member, found.payable, self.data, self.today)
        # From the oldest month, without gaps (NAT-4, NAT-5); all of them first.
        choices = {
            str(count): f"{_span(tuple(p.month for p in batch.payments))}"
            f"共{batch.count}个月、{batch.total}元"
            for count, batch in reversed(list(enumerate(options, 1)))
            if batch.count == count
        }
        if not choices:
            reasons = "；".join(why for _, why in options[0].skipped[:2])
            self.show_status(f"未记录：{reasons}")
            return
        choices["cancel"] = "不补交"
        title = f"{member.name}补交哪几个月？（从最早欠交的月份起）"
        if found.beyond_back_payment:
            title += f"（{len(found.beyond_back_payment)}个月已超过补交期限）"

        def months_chosen(choice: str | None) -> None:
            if choice is None or choice == "cancel":
                return
            self._ask_day(member, options[int(choice) - 1])

        self.app.push_screen(ChoicePrompt(title, choices), months_chosen)

    def _ask_day(self, member: Member, batch: BatchPayments) -> None:
        """The day of payment (today unless changed), then the months recorded in one commit."""
        months = tuple(p.month for p in batch.payments)
        what = f"补交{_span(months)}共{batch.count}个月、{batch.total}元"
        today = self.today

        def check(day: dt.date) -> str | None:
            return payment_day_problem(batch, member, self.data, day, today)

        def answered(day: dt.date | None) -> None:
            if day is None:
                return
            paid = back_payment(member, months, self.data, day)
            if paid.skipped:  # changed by another session meanwhile
                self.show_status("未记录：" + "；".join(why for _, why in paid.skipped[:2]))
                return
            changes = paid.changes
            self.commit(lambda tx: tx.apply(changes), f"已记录{member.name}补交{paid.count}个月")

        title = f"{member.name}{what}：交纳日期"
        self.app.push_screen(DatePrompt(title, today, today, check), answered)
