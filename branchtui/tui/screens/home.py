"""支部概况: the branch, its members, its committee and term, and the ORG-1 … ORG-8 figures."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from branchtui.domain.dates import format_date
from branchtui.domain.overview import Overview, org_overview
from branchtui.domain.records.branch import BRANCH_KINDS
from branchtui.tui.registry.organization import HOME
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.footer import BranchFooter


class HomeScreen(DataScreen):
    """The overview of the branch (a later dashboard sits beside it)."""

    SCREEN_ID = HOME.id
    BINDINGS: ClassVar[list[BindingType]] = HOME.bindings()

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        with VerticalScroll(id="home"):
            yield Static(id="home-branch", classes="panel")
            with Horizontal(id="home-columns"):
                with Vertical(classes="column"):
                    yield Static(id="home-members", classes="panel")
                    yield Static(id="home-committee", classes="panel")
                yield Static(id="home-findings", classes="panel column")
        yield BranchFooter()

    def reload(self) -> None:
        data = self.data
        branch = data.branch
        if branch is None:
            return
        self.sub_title = "支部概况"
        view = org_overview(data, self.today, self.profile)
        kind = BRANCH_KINDS.get(branch.kind, branch.kind)
        self.query_one("#home-branch", Static).update(
            f"[b]{escape(branch.name)}[/b]（{kind}）\n"
            f"上级党委：{escape(branch.upper_committee) or '未填'}    规则配置：{self.profile.label}"
            f"    今天：{format_date(self.today)}"
        )
        self.query_one("#home-members", Static).update(_members_text(view))
        self.query_one("#home-committee", Static).update(_committee_text(view))
        self.query_one("#home-findings", Static).update(_findings_text(view))


def _members_text(view: Overview) -> str:
    lines = [f"[b]党员[/b]  共 {view.member_count} 人"]
    lines.append("  " + "  ".join(f"{label} {n}" for label, n in view.by_status.items()))
    for name, count in view.by_group.items():
        lines.append(f"  {escape(name)}：{count} 人")
    return "\n".join(lines)


def _committee_text(view: Overview) -> str:
    lines = ["[b]支委会[/b]"]
    if view.term is None:
        lines.append("  尚未登记任期")
    else:
        lines.append(
            f"  第{view.term.number}届 {format_date(view.term.start)} 至 {format_date(view.term_end)}"
        )
        if view.days_left is not None and view.days_left >= 0:
            lines.append(f"  距任期届满 {view.days_left} 天")
        elif view.days_left is not None:
            lines.append(f"  任期已届满 {-view.days_left} 天")
    for seat in view.seats:
        lines.append(f"  {seat.role_label}：{escape(seat.holder)}")
    for vacancy in view.vacancies:
        state = "已超期" if vacancy.overdue else f"时限{vacancy.limit_days}天"
        lines.append(f"  [red]{vacancy.role_label}空缺[/red] {vacancy.days_open} 天（{state}）")
    if view.term is not None and not view.seats and not view.vacancies:
        lines.append("  尚未登记委员，按 4 到支委会任命")
    return "\n".join(lines)


def _findings_text(view: Overview) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.title = "组织体系（ORG）"
    grid.title_justify = "left"
    grid.title_style = "bold"
    for finding in view.findings:
        mark = Text("符合", style="green") if finding.ok else Text("注意", style="bold red")
        grid.add_row(finding.rule, mark, finding.text)
    return grid
