"""年度考核 (REP-2, REP-3): the year's score per task area as the scoring sheet computes it,
with how (the share of the area's duties met, each deduction and its reason), and the 五好
self-check with the evidence behind each criterion.

The branch records its own self-assessment here: ``a`` takes the computed scores, ``e`` changes
one, ``w`` writes the 五好 remarks. REP-2 is met once all eight areas have a score, REP-3 once
all five criteria have words.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import DescendantFocus
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import YearAssessment
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS
from branchtui.domain.report_common import by_text_key
from branchtui.storage.assessment import save_five_good, save_scores
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.reports import ASSESSMENT
from branchtui.tui.screens.dialogs import ChoicePrompt, TextPrompt
from branchtui.tui.screens.report_base import YearScreen
from branchtui.tui.screens.texts_form import TextPart, TextsForm
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import BranchFooter

METHOD = "得分 = 分值 × 完成比例 − 扣分；完成比例 =（已完成 + 0.5×提醒）÷ 已判定的事项"
ADOPT_CHOICES = {"no": "取消", "yes": "登记为本年度自评"}


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _evidence(row: dict[str, Any]) -> str:
    counted = row["counted"]
    text = (
        f"依据 {'、'.join(row['rules'])}：完成 {counted['met']}/{counted['judged']}"
        f"（{_percent(row['share'])}），要求 {_percent(row['meets'])}，{row['verdict']}"
    )
    if row["failing"]:
        text += f"；逾期：{'、'.join(row['failing'])}"
    if row["open_rules"]:
        text += f"；待办：{'、'.join(row['open_rules'])}"
    return text


class Computed(Message):
    """The year's context (scores, 五好 evidence, the recorded self-assessment), or why not."""

    def __init__(self, request: int, context: dict[str, Any] | None, problem: str = "") -> None:
        super().__init__()
        self.request = request
        self.context = context
        self.problem = problem


class AssessmentScreen(YearScreen):
    """Eight areas above, five criteria below, the highlighted row explained at the bottom."""

    AUTO_FOCUS = "#score-table"
    SCREEN_ID = ASSESSMENT.id
    BINDINGS: ClassVar[list[BindingType]] = ASSESSMENT.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.request = 0
        self.context: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="assess-info", markup=False)
        scores: DataTable[str | Text] = DataTable(id="score-table", cursor_type="row")
        scores.add_columns("任务", "分值", "完成", "提醒", "未完成", "比例", "扣分", "得分", "自评")
        yield scores
        five: DataTable[str | Text] = DataTable(id="five-table", cursor_type="row")
        five.add_columns("「五好」标准", "依据规则完成", "结论", "自查意见")
        yield five
        yield Static(id="assess-detail", markup=False)
        yield BranchFooter()

    def settle(self, obligation: Obligation) -> None:
        """Open on the year the duty is about (REP-2 / REP-3 of 2025 → 2025)."""
        if obligation.period_kind == "year" and obligation.period.isdigit():
            self.year = int(obligation.period)
            self.reload()

    def reload(self) -> None:
        if not self.year:
            # Until March the year just ended is the one being assessed.
            self.year = self.today.year - 1 if self.today.month < 3 else self.today.year
        self.sub_title = f"{self.year}年度考核"
        self.request += 1
        self.query_one("#assess-info", Static).update(f"{self.year}年度：正在计算评分……")
        self._compute(self.request, self.year)

    @work(thread=True, exclusive=True, group="assessment", description="计算年度评分")
    def _compute(self, request: int, year: int) -> None:
        # Imported in the worker on first use (the scoring sheet's TOML, Jinja2 …).
        from branchtui.storage.reports import year_context

        try:
            context: dict[str, Any] | None = year_context(self.store, year, self.today)
            problem = ""
        except StoreError as error:
            context, problem = None, error.message
        self.post_message(Computed(request, context, problem))

    @property
    def recorded(self) -> YearAssessment | None:
        found = [a for a in self.data.assessments if a.year == self.year]
        return found[-1] if found else None

    @on(Computed)
    def _computed(self, event: Computed) -> None:
        if event.request != self.request:
            return
        self.context = event.context
        info = self.query_one("#assess-info", Static)
        scores = self.query_one("#score-table", DataTable)
        five = self.query_one("#five-table", DataTable)
        scores.clear()
        five.clear()
        context = event.context
        if context is None or context["score"] is None:
            info.update(f"{self.year}年度：无法计算评分：{event.problem or '未能读取评分表'}")
            self._explain()
            return
        score = context["score"]
        own = self.recorded
        entered = by_text_key(own.scores if own else None)
        star = f"，{score['star']}" if score["star"] else "，未达到星级"
        mine = f"已登记 {len(entered)}/8 项" if entered else "尚未登记"
        if own is not None and own.date is not None and entered:
            mine += f"（{own.date.isoformat()}）"
        info.update(
            f"{self.year}年度｜计算得分 {score['total']:g}/{score['total_points']:g}"
            f"（百分制 {score['percent']:g}{star}）｜自评{mine}\n{METHOD}"
        )
        for area in score["areas"]:
            counted = area["counted"]
            off = sum(d["points"] for d in area["deductions"])
            scores.add_row(
                terminal_safe(area["name"]),
                _number(area["points"]),
                str(counted["met"]),
                str(counted["warning"]),
                str(counted["failed"]),
                _percent(area["share"]),
                f"−{off:g}" if off else "—",
                Text(_number(area["score"]), style="bold"),
                _number(entered.get(area["key"])),
                key=area["key"],
            )
        remarks = by_text_key(own.five_good if own else None)
        for row in context["five_good"]:
            counted = row["counted"]
            verdict = Text(row["verdict"], style="green" if row["reached"] else "red")
            five.add_row(
                terminal_safe(row["name"]),
                f"{counted['met']}/{counted['judged']}（{_percent(row['share'])}）",
                verdict,
                "已填写" if remarks.get(row["key"]) else "未填写",
                key=row["key"],
            )
        self._explain()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._explain()

    @on(DescendantFocus)
    def _focused(self, event: DescendantFocus) -> None:
        self._explain()

    def _area(self) -> dict[str, Any] | None:
        if self.context is None or self.context["score"] is None:
            return None
        areas = self.context["score"]["areas"]
        row = self.query_one("#score-table", DataTable).cursor_row
        return areas[row] if 0 <= row < len(areas) else None

    def _criterion(self) -> dict[str, Any] | None:
        rows = self.context["five_good"] if self.context else []
        row = self.query_one("#five-table", DataTable).cursor_row
        return rows[row] if 0 <= row < len(rows) else None

    def _explain(self) -> None:
        """What lies behind the highlighted row: deductions and their reasons, or the evidence."""
        detail = self.query_one("#assess-detail", Static)
        if isinstance(self.focused, DataTable) and self.focused.id == "five-table":
            row = self._criterion()
            if row is None:
                detail.update("")
                return
            remark = by_text_key(self.recorded.five_good if self.recorded else None).get(row["key"])
            remark = remark or "未填写（按 w 填写）"
            detail.update(terminal_safe(f"{row['name']}：{_evidence(row)}\n自查意见：{remark}"))
            return
        area = self._area()
        if area is None:
            detail.update("")
            return
        counted = area["counted"]
        lines = [
            f"{area['name']}：{_number(area['points'])} × {_percent(area['share'])}"
            f"（完成 {counted['met']}，提醒 {counted['warning']}，未完成 {counted['failed']}）"
            f" = {area['base']:g}"
        ]
        if counted["open"]:
            lines.append(
                f"  未完成中 {counted['open']} 项尚待办理（{'、'.join(counted['open_rules'])}），"
                "办完后得分相应提高"
            )
        for d in area["deductions"]:
            lines.append(f"  −{d['points']:g} {d['label']}：{d['why']}")
        if not area["deductions"]:
            lines.append("  无扣分")
        detail.update(terminal_safe("\n".join(lines)))

    @work(exclusive=True, group="assessment-dialog")
    async def action_adopt(self) -> None:
        score = self.context["score"] if self.context else None
        if score is None:
            self.notify("评分尚未算出，请稍候", severity="warning", timeout=4)
            return
        values = {a["key"]: a["score"] for a in score["areas"] if a["key"] in ASSESSMENT_AREAS}
        entered = by_text_key(self.recorded.scores if self.recorded else None)
        question = f"把计算得分（合计 {score['total']:g} 分）登记为{self.year}年度自评"
        if entered:
            question += f"（替换已登记的 {len(entered)} 项）"
        if await self.app.push_screen_wait(ChoicePrompt(question, ADOPT_CHOICES)) != "yes":
            return
        store, year, today = self.store, self.year, self.today

        def save() -> str:
            save_scores(store, year, values, today)
            return f"已登记{year}年度自评得分 {len(values)} 项"

        self.run_job(save, "未登记")

    @work(exclusive=True, group="assessment-dialog")
    async def action_edit_score(self) -> None:
        area = self._area()
        if area is None:
            self.notify("请在八项评分中选中一项任务", severity="warning", timeout=4)
            return
        if area["key"] not in ASSESSMENT_AREAS:
            self.notify("评分表中的这一项不是八项任务之一，不能登记", severity="warning")
            return
        points = float(area["points"])
        entered = by_text_key(self.recorded.scores if self.recorded else None)
        current = entered.get(area["key"], area["score"])

        def check(text: str) -> str | None:
            try:
                value = float(text)
            except ValueError:
                return "请填写数字，如 12.5"
            return None if 0 <= value <= points else f"得分应在 0 到 {points:g} 之间"

        prompt = TextPrompt(f"{area['name']}自评得分（满分 {points:g}）", f"{current:g}", check)
        answer = await self.app.push_screen_wait(prompt)
        if answer is None:
            return
        store, year, today, key = self.store, self.year, self.today, area["key"]

        def save() -> str:
            save_scores(store, year, {key: float(answer)}, today)
            return f"已登记{area['name']}自评得分 {float(answer):g} 分"

        self.run_job(save, "未登记")

    def action_five_good(self) -> None:
        if self.context is None or not self.context["five_good"]:
            self.notify("评分表中没有“五好”标准，或尚未算出", severity="warning", timeout=4)
            return
        remarks = by_text_key(self.recorded.five_good if self.recorded else None)
        parts = [
            TextPart(row["key"], row["name"], remarks.get(row["key"], ""), _evidence(row), 2000)
            for row in self.context["five_good"]
        ]
        store, year, today = self.store, self.year, self.today

        def save(typed: dict[str, str]) -> str:
            save_five_good(store, year, typed, today)
            return f"已保存{year}年度“五好”党支部自查意见"

        intro = "每条标准写明支部的自查意见；依据是评分表所列规则本年度的完成情况。"
        self.app.push_screen(TextsForm(f"{year}年度“五好”党支部自查", parts, save, intro))

    async def action_documents(self) -> None:
        year = self.year
        screen = await self.branch_app.open_screen("year_documents")
        choose = getattr(screen, "choose_year", None)
        if callable(choose):
            choose(year)
