"""A report's Markdown as it will print — headings, tables, lists, paragraphs — scrolled by keys.

The Markdown is laid out by Rich's Markdown renderer into lines at the widget's width in a
worker thread, and only the lines on screen are drawn (Textual's line API). Textual's own
Markdown widget builds a widget per block and per table cell on the UI thread: a month's
report took ~0.5 s and a ledger volume of a year's dues (~330 rows) ~9 s during which no key
was read (benchmarks/report_preview.py). Quotes and dashes whose width terminals disagree on
are shown in their full-width forms (tui/text.py), so table borders stay aligned everywhere;
what is saved or copied keeps the original text.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.segment import Segment
from textual import on, work
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from branchtui.tui.text import terminal_safe


def layout(text: str, width: int) -> list[Strip]:
    """``text`` (Markdown) as lines of ``width`` cells (called in a worker thread)."""
    # Imported here, in the worker: markdown-it and pygments take ~0.15 s to import.
    from rich.markdown import Markdown

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        markup=False,
    )
    lines = console.render_lines(Markdown(text), console.options.update_width(width), pad=True)
    return [Strip(line, width) for line in lines]


class ReportPreview(ScrollView, can_focus=True):
    """Focusable (Tab), so Up/Down/PgUp/PgDn/Home/End scroll the report."""

    DEFAULT_CSS = """
    ReportPreview {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    """

    class LaidOut(Message):
        def __init__(self, request: int, width: int, lines: list[Strip]) -> None:
            super().__init__()
            self.request = request
            self.width = width
            self.lines = lines

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""  # the Markdown shown (or being laid out), full-width quotes
        self.note = ""  # a message shown instead of a report
        self.lines: list[Strip] = []
        self.laid_out = (-1, 0)  # (request, width) of ``lines``
        self.request = 0

    @property
    def ready(self) -> bool:
        """Whether the lines on screen are the current report's at the current width."""
        return self.laid_out == (self.request, self._width()) and not self.note

    def _width(self) -> int:
        # The cells between the padding and the scroll bar (``size`` counts the bar too).
        return self.scrollable_content_region.width

    def say(self, message: str) -> None:
        """Show ``message`` (and no report)."""
        self.request += 1
        self.source, self.note = "", message
        self._show([Strip([Segment(message)])] if message else [], self.request, 0)

    def show(self, text: str) -> None:
        """Show the report ``text`` from its top, once laid out off the UI thread."""
        self.request += 1
        self.source, self.note = terminal_safe(text), ""
        self._lay_out()

    def _lay_out(self) -> None:
        width = self._width()
        if width > 0 and self.source:
            self._layout_worker(self.request, self.source, width)

    @work(thread=True, exclusive=True, group="preview-layout", description="排版预览")
    def _layout_worker(self, request: int, text: str, width: int) -> None:
        self.post_message(self.LaidOut(request, width, layout(text, width)))

    @on(LaidOut)
    def _laid_out(self, event: LaidOut) -> None:
        event.stop()
        if event.request == self.request and event.width == self._width():
            self._show(event.lines, event.request, event.width)

    def _show(self, lines: list[Strip], request: int, width: int) -> None:
        self.lines = lines
        self.laid_out = (request, width)
        self.virtual_size = Size(width, len(lines))
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def on_resize(self, event: Resize) -> None:
        if self.source and self.laid_out[1] != self._width():
            self._lay_out()

    def text_lines(self) -> list[str]:
        """The lines on screen as plain text (for tests and the snapshot's sake)."""
        return ["".join(segment.text for segment in strip).rstrip() for strip in self.lines]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        style = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, style)
        return self.lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
