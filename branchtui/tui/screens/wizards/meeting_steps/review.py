"""Step 7: the minutes exactly as they will be written, in a Markdown view; above them what the
record settles on the dashboard and the 台账体检 warnings (the secretary may save anyway); for
an amendment, the reason. Ctrl+S saves; F2 or PgUp go back to any step with nothing lost."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Markdown, Static

from branchtui.domain.meetings.checks import Defect
from branchtui.domain.obligations.base import Obligation
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.minutes_markdown import MinutesMarkdown

SUMMARY_ROWS = 7  # the summary's max-height: the minutes keep the rest of 24 rows


def _rows(line: str, width: int) -> int:
    return max(1, -(-cell_len(line) // width))


def review_summary(settles: list[Obligation], defects: list[Defect], width: int, rows: int) -> Text:
    """What the record settles and the 台账体检 warnings in at most ``rows`` rows of ``width``
    cells. A warning that does not fit is counted on the last row, never cut off unsaid; a
    late entry (会后补记) comes first: its delay is shown, never hidden (SYS-3). A rule's warning
    already said by a defect is not said twice."""
    met = [ob for ob in settles if ob.status == "met"]
    flagged = {d.rule for d in defects}
    others = [ob for ob in settles if ob.status != "met" and ob.rule not in flagged]
    lines: list[tuple[str, str]] = []
    if met:
        lines.append((f"保存后计入：{'、'.join(dict.fromkeys(ob.rule for ob in met))}", "green"))
    lines += [(f"{ob.rule}：{terminal_safe(ob.detail or ob.title)}", "yellow") for ob in others[:2]]
    ordered = sorted(defects, key=lambda d: d.field != "entered_on")
    if ordered:
        lines.append((f"台账体检提示{len(ordered)}处（可以先保存，以后再补）：", "yellow"))
    else:
        lines.append(("台账体检：未发现问题", ""))
    items = [(f"  {terminal_safe(d.message)}（{d.rule}）", "") for d in ordered]
    used = sum(_rows(line, width) for line, _ in lines)
    shown: list[tuple[str, str]] = []
    for i, item in enumerate(items):
        rest = len(items) - i - 1
        room = rows - used - (1 if rest else 0)  # a row kept to count the rest
        if _rows(item[0], width) > room:
            shown.append((f"  ……另有{len(items) - i}处，保存后在「台账体检」中查看", ""))
            break
        shown.append(item)
        used += _rows(item[0], width)
    summary = Text()
    for n, (line, style) in enumerate([*lines, *shown]):
        summary.append(("\n" if n else "") + line, style=style)
    return summary


class ReviewStep(MeetingStep):
    """预览和保存."""

    STEP_ID = "review"
    TITLE = "预览会议记录，确认后按 Ctrl+S 保存"
    SHORT = "预览保存"

    DEFAULT_CSS = """
    ReviewStep #review-summary { height: auto; max-height: 7; }
    ReviewStep #review-reason-row { height: 1; }
    ReviewStep #review-reason-row Label { width: 10; }
    ReviewStep #review-reason { width: 1fr; }
    ReviewStep #review-scroll { height: 1fr; border: round $primary-darken-2; }
    ReviewStep #review-scroll:focus { border: round $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Static("正在生成会议记录…", id="review-summary")
        with Horizontal(id="review-reason-row"):
            yield Label("修改原因")
            yield Input(
                self.work.reason, id="review-reason", compact=True, placeholder="如 补记发言"
            )
        with VerticalScroll(id="review-scroll", can_focus=True):
            yield MinutesMarkdown("", id="review-minutes")

    def on_mount(self) -> None:
        self.query_one("#review-reason-row").display = self.work.amending

    def first_focus(self) -> Widget:
        # An amendment asks its reason first (the minutes say why the record was changed).
        if self.work.amending and not self.work.reason:
            return self.query_one("#review-reason")
        return self.query_one("#review-scroll")

    def load(self) -> None:
        self.query_one("#review-reason-row").display = self.work.amending
        self.query_one("#review-summary", Static).update("正在生成会议记录…")
        self.query_one("#review-minutes", Markdown).update("")

    def store(self) -> dict[str, str]:
        self.work.reason = self.query_one("#review-reason", Input).value.strip()
        return {}

    def show_prepared(self, text: str, settles: list[Obligation], defects: list[Defect]) -> None:
        width = max(20, self.query_one("#review-summary").content_size.width or 78)
        self.query_one("#review-summary", Static).update(
            review_summary(settles, defects, width, SUMMARY_ROWS)
        )
        self.query_one("#review-minutes", Markdown).update(text)

    def show_problem(
        self, message: str, hint: str = "按 F2 转到该步骤修改；修改后回到本步再保存。"
    ) -> None:
        line = Text(terminal_safe(message), style="bold red")
        line.append(f"\n{hint}", style="")
        self.query_one("#review-summary", Static).update(line)
