"""What the report screens share: the year shown ({ and }), a preview rendered off the UI
thread (templates render in a forked child), copying it with OSC 52, and writing files in a
worker with the outcome posted back as a message."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.message import Message
from textual.timer import Timer

from branchtui.domain.obligations.periods import branch_start
from branchtui.domain.records import BranchData
from branchtui.storage.errors import StoreError
from branchtui.tui.clipboard import copy_text
from branchtui.tui.screens.base import DataScreen
from branchtui.tui.widgets.report_preview import ReportPreview

FIRST_YEAR = 2000
SETTLE_SECONDS = 0.08  # a highlighted row is rendered once the cursor rests this long


class Rendered(Message):
    """A preview worker's result for request number ``request``: the text, or why not."""

    def __init__(self, request: int, key: str, text: str | None, problem: str = "") -> None:
        super().__init__()
        self.request = request
        self.key = key
        self.text = text
        self.problem = problem


class JobDone(Message):
    """A write finished: what to tell the user, and whether it worked."""

    def __init__(self, message: str, ok: bool) -> None:
        super().__init__()
        self.message = message
        self.ok = ok


class YearScreen(DataScreen):
    """A screen about one calendar year of the branch; ``{`` and ``}`` move it."""

    def __init__(self) -> None:
        super().__init__()
        self.year = 0  # chosen on the first reload (or by settle)

    def action_shift_year(self, delta: int) -> None:
        target = self.year + delta
        if target > self.today.year:
            self.notify(f"{target}年尚未开始", timeout=3)
            return
        began = branch_start(self.data)
        first = began.year if began else FIRST_YEAR
        if target < first:
            self.notify(f"本支部成立于{first}年，没有更早的记录", timeout=3)
            return
        self.year = target
        self.year_changed()

    def year_changed(self) -> None:
        self.reload()

    def run_job(self, job: Callable[[], str], failed: str = "未保存") -> None:
        """Run ``job`` (a write) in a thread; its message, or the store's refusal, is shown."""
        self._job(job, failed)

    @work(thread=True, group="report-job", description="保存")
    def _job(self, job: Callable[[], str], failed: str) -> None:
        try:
            message = job()
        except StoreError as error:
            self.post_message(JobDone(f"{failed}：{error.message}", False))
            return
        self.post_message(JobDone(message, True))

    @on(JobDone)
    def _job_done(self, event: JobDone) -> None:
        if event.ok:
            self.notify(event.message, timeout=8)
            self.reload()
        else:
            self.notify(event.message, title="未完成", severity="error", timeout=12)


class PreviewScreen(YearScreen):
    """A year screen with a Markdown preview of one document at a time."""

    COPY_WHAT = "报告"

    def __init__(self) -> None:
        super().__init__()
        self.request = 0
        self.text: str | None = None  # the preview's text once rendered
        self.shown: tuple[str, BranchData | None] = ("", None)  # what it was rendered from
        self.pending: Timer | None = None

    @property
    def preview(self) -> ReportPreview:
        return self.query_one(ReportPreview)

    def render_preview(self, key: str, make: Callable[[], str]) -> None:
        """Render ``make()`` in a thread unless ``key`` is already shown from the same data."""
        data = self.data
        if self.shown[0] == key and self.shown[1] is data and self.text is not None:
            return
        self.request += 1
        self.text = None
        self.shown = (key, data)
        self.preview.say("正在生成预览……")
        # Arrow keys held down move through many rows: only the row they stop on is rendered.
        if self.pending is not None:
            self.pending.stop()
        request = self.request
        self.pending = self.set_timer(
            SETTLE_SECONDS, lambda: self._render_text(request, key, make), name="preview"
        )

    @work(thread=True, exclusive=True, group="preview", description="生成预览")
    def _render_text(self, request: int, key: str, make: Callable[[], str]) -> None:
        try:
            text: str | None = make()
            problem = ""
        except StoreError as error:
            text, problem = None, error.message
        self.post_message(Rendered(request, key, text, problem))

    @on(Rendered)
    def _rendered(self, event: Rendered) -> None:
        if event.request != self.request:
            return  # the user moved on meanwhile
        self.text = event.text
        if event.text is None:
            self.shown = ("", None)  # try again on the next reload
            self.preview.say(f"无法生成：{event.problem}")
        else:
            self.preview.show(event.text)

    def action_copy(self) -> None:
        if self.text is None:
            self.notify("预览尚未生成，请稍候再复制", severity="warning", timeout=4)
            return
        ok, message = copy_text(self.app, self.text, self.copy_what())
        self.notify(message, severity="information" if ok else "warning", timeout=10)

    def copy_what(self) -> str:
        """What the copied text is called in the message (月度报告, 述职报告 …)."""
        return self.COPY_WHAT

    def action_zoom(self) -> None:
        self.toggle_class("-zoom")
