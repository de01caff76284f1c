"""The dashboard's list of obligations, grouped by section: overdue, this month, quarter, year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from branchtui.domain.dates import format_date, month_bounds, quarter_bounds, quarter_of
from branchtui.domain.obligations.base import STATUS_LABELS, Obligation
from branchtui.tui.registry.dashboard import DUTY_LIST_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.text import cut_at_safe_point, terminal_safe

# (section key, Chinese heading), in the order the dashboard lists them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overdue", "已逾期"),
    ("month", "本月"),
    ("quarter", "本季度"),
    ("year", "本年度"),
    ("other", "其他提醒"),
    ("done", "已完成"),  # with the rules that do not apply
)
STATUS_STYLES = {
    "overdue": "bold red",
    "due": "bold yellow",
    "warning": "magenta",
    "upcoming": "cyan",
    "met": "green",
    "not_applicable": "dim",
}

ObligationFilter = Callable[[Obligation], bool]


def section_of(ob: Obligation, on: dt.date) -> str:
    """Which section an obligation is listed under when the dashboard looks at ``on``."""
    if ob.status == "overdue":
        return "overdue"
    if ob.status in ("met", "not_applicable"):
        return "done"
    if ob.due is not None:
        if ob.due <= month_bounds(on.year, on.month)[1]:
            return "month"
        if ob.due <= quarter_bounds(on.year, quarter_of(on))[1]:
            return "quarter"
        return "year" if ob.due.year == on.year else "other"
    if ob.status == "due":
        # A standing duty that is due now (arrears, a gap in the roster) belongs to this month.
        return ob.period_kind if ob.period_kind in ("month", "quarter", "year") else "month"
    return "other"


def grouped(obligations: Iterable[Obligation], on: dt.date) -> dict[str, list[Obligation]]:
    """The obligations by section key, keeping the engine's order inside each section."""
    sections: dict[str, list[Obligation]] = {key: [] for key, _ in SECTIONS}
    for ob in obligations:
        sections[section_of(ob, on)].append(ob)
    return sections


# The row's fixed columns: status word, rule ID, due date (cells); one space between columns.
STATUS_CELLS, RULE_CELLS, DUE_CELLS = 8, 6, 10


def fitted_text(detail: str, short: str, width: int) -> str:
    """What a row says in ``width`` cells: the whole detail when it fits, else the rule's short
    form (made to fit 80 columns), cut only at a safe point if still too wide."""
    for candidate in (detail, short):
        if cell_len(candidate) <= width:
            return candidate
    return cut_at_safe_point(short, width)


def _padded(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


class ObligationRow:
    """One line of the list: status word, rule ID, what is the matter, due date.

    The width is known only when the list lays the line out, so the text is chosen then; the
    line is put together as one Text (a Rich Table per row cost ~5 ms each to draw)."""

    def __init__(self, ob: Obligation) -> None:
        self.status = STATUS_LABELS.get(ob.status, ob.status)
        self.style = STATUS_STYLES.get(ob.status, "")
        self.rule = ob.rule
        self.detail = terminal_safe(ob.detail or ob.title)
        self.short = terminal_safe(ob.short)
        self.due = format_date(ob.due)

    def parts(self, width: int) -> list[tuple[str, str]]:
        """The line at ``width`` cells as (text, style) pieces."""
        middle = max(0, width - STATUS_CELLS - RULE_CELLS - DUE_CELLS - 3)
        return [
            (_padded(self.status, STATUS_CELLS), self.style),
            (f" {_padded(self.rule, RULE_CELLS)} ", ""),
            (_padded(fitted_text(self.detail, self.short, middle), middle), ""),
            (f" {_padded(self.due, DUE_CELLS)}", ""),
        ]

    def line(self, width: int) -> Text:
        return Text.assemble(*self.parts(width), no_wrap=True, overflow="crop")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.line(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(options.max_width, options.max_width)

    def visualize(self) -> Visual:
        return RowVisual(self)


class RowVisual(Visual):
    """The row as Textual draws it: one line, made for the width it is drawn at, without a
    Rich console render to measure and draw it (~3x faster; the first frame draws ~20 rows
    twice)."""

    def __init__(self, row: ObligationRow) -> None:
        self.row = row

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        # From the Rich line, so that its colours stay the terminal's own (ANSI red, not #ff0000).
        line = Content.from_rich_text(self.row.line(width))
        if line.cell_length > width:
            line = line.truncate(width)  # cropped, never wrapped, as the Rich line is
        return line.render_strips(width, 1, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


def obligation_row(ob: Obligation) -> ObligationRow:
    """One line: status word, rule ID, what is the matter (never cut mid-number), due date."""
    return ObligationRow(ob)


class ObligationList(OptionList):
    """Obligations under section headings; Enter posts ``ObligationList.Opened``."""

    # Chinese descriptions for the help screen; sideways scrolling is never needed here.
    BINDINGS: ClassVar[list[BindingType]] = keys_of(DUTY_LIST_KEYS)

    class Opened(Message):
        """The user asked for the detail of ``obligation``."""

        def __init__(self, obligation: Obligation) -> None:
            super().__init__()
            self.obligation = obligation

    def action_noop(self) -> None:
        """Keys bound here do nothing (they would scroll sideways)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: dict[str, Obligation] = {}

    def show(
        self,
        obligations: list[Obligation],
        on: dt.date,
        *,
        show_done: bool = False,
        keep: ObligationFilter | None = None,
    ) -> None:
        """Replace the list; the completed section is only counted unless ``show_done``."""
        kept = [ob for ob in obligations if keep is None or keep(ob)]
        previous = self.highlighted_obligation
        self.shown = {}
        options: list[Option | None] = []
        sections = grouped(kept, on)
        for key, heading in SECTIONS:
            items = sections[key]
            if key == "done" and not show_done:
                if items:
                    met = sum(1 for ob in items if ob.status == "met")
                    others = f"、不适用 {len(items) - met} 项" if len(items) > met else ""
                    text = f"{heading} {met} 项{others}（按 c 展开）"
                    options.append(Option(Text(text, style="dim"), disabled=True))
                continue
            if not items:
                continue
            options.append(Option(Text(f"{heading}（{len(items)}）", style="bold"), disabled=True))
            for ob in items:
                option_id = f"ob-{len(self.shown)}"
                self.shown[option_id] = ob
                options.append(Option(obligation_row(ob), id=option_id))
        if not self.shown:
            options.insert(0, Option(Text("没有需要办理的事项", style="green"), disabled=True))
        self.set_options(options)
        self._highlight(previous)

    def _highlight(self, previous: Obligation | None) -> None:
        target = next((oid for oid, ob in self.shown.items() if ob == previous), None)
        target = target or next(iter(self.shown), None)
        if target is not None:
            self.highlighted = self.get_option_index(target)

    @property
    def highlighted_obligation(self) -> Obligation | None:
        if self.highlighted is None or not self.shown:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.shown.get(option.id or "")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ob = self.shown.get(event.option.id or "")
        if ob is not None:
            self.post_message(self.Opened(ob))
