"""党费标准 (NAT-4): at the start of the year the calculator proposes each member's monthly
amount from category and after-tax income; the secretary confirms them all with one key, or
adjusts one in a form that says the standard amount as the numbers are typed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dues_rates import (
    RateProposal,
    confirm_proposals,
    rate_changes,
    rate_defaults,
    rate_proposal,
    rate_proposals,
    rate_warning,
)
from branchtui.domain.meetings.roll import person_name
from branchtui.domain.records import DuesRate, Member, Record
from branchtui.domain.records.people import DUES_CATEGORIES
from branchtui.domain.search import sort_by_pinyin
from branchtui.tui.registry.education import DUES_RATES
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.screens.member_rows import MemberRowsScreen
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.record_fields import FormSpec
from branchtui.tui.widgets.record_form import RecordForm

RATE_HINTS = {
    "monthly_income": "税后月收入；学生、无固定收入、低收入党员可不填",
    "amount": "在职：3000元以下0.5%，3000-5000元1%，5000-10000元1.5%，10000元以上2%",
}


class DuesRatesScreen(MemberRowsScreen[RateProposal]):
    """The year's rates beside the calculator's proposals."""

    SCREEN_ID = DUES_RATES.id
    BINDINGS: ClassVar[list[BindingType]] = DUES_RATES.bindings()
    COLUMNS = ("姓名", "类别", "月收入", "建议", "已核定", "说明")

    def __init__(self, year: int | None = None) -> None:
        super().__init__()
        self.year = year

    def member_of(self, row: RateProposal) -> Member:
        return row.member

    def row_chosen(self) -> None:
        self.action_edit()

    def _year(self) -> int:
        return self.year or self.today.year

    def reload(self) -> None:
        year = self._year()
        self.sub_title = f"{year}年{DUES_RATES.title}"
        selected = self.highlighted()
        proposals = rate_proposals(self.data, year)
        order = {m.id: i for i, m in enumerate(sort_by_pinyin([p.member for p in proposals]))}
        self.shown = sorted(proposals, key=lambda p: order[p.member.id])
        table = self.table
        table.clear()
        for p in self.shown:
            income = p.member.monthly_income
            current = p.current.amount if p.current is not None else None
            note = p.problem or ("与建议不同" if p.differs else "")
            table.add_row(
                terminal_safe(p.member.name),
                DUES_CATEGORIES.get(p.member.dues_category, ""),
                "" if income is None else f"{income:g}",
                "" if p.proposed is None else f"{p.proposed:.2f}",
                Text("未核定", style="bold red") if current is None else f"{current:.2f}",
                Text(note, style="yellow") if note else "",
                key=p.member.id,
            )
        if selected is not None:
            self.select(selected.member.id)
        unset = [p for p in self.shown if p.current is None]
        ready = [p for p in unset if p.proposed is not None]
        self.show_info(
            f"{year}年{len(self.shown)}人应交党费：已核定{len(self.shown) - len(unset)}人，"
            f"未核定{len(unset)}人（{len(unset) - len(ready)}人缺月收入）\n"
            "每年年初按税后月收入和类别核定一次（NAT-4）"
        )
        self.show_status(
            f"按 c 为{len(ready)}人按建议核定；按 e 或 Enter 逐人调整"
            if ready
            else "按 e 或 Enter 逐人调整"
        )

    def action_edit(self) -> None:
        proposal = self.highlighted()
        if proposal is None:
            self.notify("本年度没有应交党费的党员", timeout=3)
            return
        profile, data, year = self.profile, self.data, self._year()

        def check(record: Record) -> tuple[dict[str, str], dict[str, str]]:
            warned = rate_warning(record, profile) if isinstance(record, DuesRate) else None
            return {}, ({"amount": warned} if warned else {})

        def propose(record: Record) -> dict[str, object]:
            return rate_proposal(record, profile) if isinstance(record, DuesRate) else {}

        def changes(before: Record | None, after: Record) -> RecordChanges:
            assert isinstance(after, DuesRate)
            return rate_changes(data, before if isinstance(before, DuesRate) else None, after)

        form = RecordForm(
            DuesRate,
            FormSpec(
                ("category", "monthly_income", "amount"),
                hints=RATE_HINTS,
                check=check,
                propose=propose,
            ),
            store=self.store,
            today=self.today,
            members=data.active_members,
            original=proposal.current,
            defaults=rate_defaults(proposal.member, year, profile),
            changes=changes,
            title=f"{person_name(data, proposal.member.id)}{year}年每月党费",
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, record: Record | None) -> None:
        if isinstance(record, DuesRate):
            self.reload()
            self.select(record.member_id)
            self.notify("已保存党费标准", timeout=3)

    def action_confirm(self) -> None:
        year = self._year()
        changes = confirm_proposals(self.shown, year)
        missing = [p.member.name for p in self.shown if p.current is None and p.proposed is None]
        if not changes.inserts:
            why = f"{'、'.join(missing[:5])}缺月收入，请按 e 逐人调整" if missing else "都已核定"
            self.show_status(why)
            return
        title = f"按建议核定{len(changes.inserts)}人的{year}年党费标准？"
        if missing:
            title += f"（{len(missing)}人缺月收入，需逐人填写）"
        choices = {"save": "按建议核定", "cancel": "暂不核定"}

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.commit(
                    lambda tx: tx.apply(changes), f"已核定{len(changes.inserts)}人的党费标准"
                )

        self.app.push_screen(ChoicePrompt(title, choices), chosen)

    def action_choose_year(self) -> None:
        this = self.today.year
        choices = {str(y): f"{y}年" for y in (this + 1, this, this - 1, this - 2)}

        def chosen(key: str | None) -> None:
            if key is not None:
                self.year = int(key)
                self.reload()

        self.app.push_screen(ChoicePrompt("核定哪一年的党费标准？", choices), chosen)
