"""年度报告: the year's documents previewed as they will print — 年度工作报告 (with the
assessment, REP-2/3/4), 书记述职报告 (讲工作、找差距、说打算) and 年度工作总结 — with the
secretary's own words (工作亮点, 存在的不足, 下年打算) written here, saved to reports/."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, Static

from branchtui.domain.records.ledgers import YEAR_TEXTS
from branchtui.domain.report_common import by_text_key
from branchtui.storage.report_paths import YEAR_DOCUMENTS
from branchtui.tui.registry.reports import YEAR_DOCUMENTS as SPEC
from branchtui.tui.screens.report_base import PreviewScreen
from branchtui.tui.screens.texts_form import TextsForm, text_parts
from branchtui.tui.widgets.footer import BranchFooter
from branchtui.tui.widgets.report_preview import ReportPreview

# The documents in the order ``o`` cycles through them.
ORDER = ("year", "debrief", "summary")


class YearDocumentsScreen(PreviewScreen):
    """One year document at a time, ``o`` to the next."""

    AUTO_FOCUS = "#year-preview"
    SCREEN_ID = SPEC.id
    BINDINGS: ClassVar[list[BindingType]] = SPEC.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.document = ORDER[0]

    def copy_what(self) -> str:
        return YEAR_DOCUMENTS[self.document][2]

    def compose(self) -> ComposeResult:
        yield Header(icon="*")
        yield Static(id="year-info", classes="list-status", markup=False)
        yield ReportPreview(id="year-preview")
        yield BranchFooter()

    def choose_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        if not self.year:
            self.year = self.today.year - 1 if self.today.month < 3 else self.today.year
        name = YEAR_DOCUMENTS[self.document][2]
        self.sub_title = f"{self.year}年度{name.removeprefix('年度')}"
        found = [a for a in self.data.assessments if a.year == self.year]
        own = by_text_key(found[-1].texts if found else None)
        filled = sum(1 for key in YEAR_TEXTS if own.get(key))
        self.query_one("#year-info", Static).update(
            f"{self.year}年｜{name}｜书记填写 {filled}/{len(YEAR_TEXTS)} 段（e 填写）｜o 换文档"
        )
        store, year, today, document = self.store, self.year, self.today, self.document

        def render() -> str:
            # Imported in the worker on first use (Jinja2 …), not on the UI thread.
            from branchtui.storage.reports import render_year

            return render_year(store, year, today, document=document)

        self.render_preview(f"{year}-{document}", render)

    def action_next_document(self) -> None:
        self.document = ORDER[(ORDER.index(self.document) + 1) % len(ORDER)]
        self.reload()

    def action_edit(self) -> None:
        year, store, today = self.year, self.store, self.today
        found = [a for a in self.data.assessments if a.year == year]
        parts = text_parts(YEAR_TEXTS, found[-1].texts if found else None)

        def save(typed: dict[str, str]) -> str:
            from branchtui.storage.reports import save_year_texts

            saved = save_year_texts(store, year, typed, today)
            names = "、".join(p.relative_to(store.data_dir).as_posix() for p in saved.rewritten)
            done = f"已保存{year}年度述职和总结中书记填写的部分"
            return f"{done}，已重新生成 {names}" if names else done

        intro = "述职报告和工作总结共用这几段；未填写的部分，按记录列出待办问题和未完成的计划。"
        self.app.push_screen(TextsForm(f"{year}年度述职和总结：书记填写", parts, save, intro))

    def action_save(self) -> None:
        store, year, today, document = self.store, self.year, self.today, self.document

        def save() -> str:
            from branchtui.storage.reports import make_year_report

            written = make_year_report(store, year, today, document=document)
            where = written.path.relative_to(store.data_dir).as_posix()
            return f"已保存{year}年度{YEAR_DOCUMENTS[document][2].removeprefix('年度')}：{where}"

        self.run_job(save)
