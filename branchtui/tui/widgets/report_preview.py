"""A report's Markdown as it will print: headings, tables, paragraphs; scrolled by keys.

A line of our own above it says what is happening (正在生成…, or why it cannot be shown);
the report itself goes into Textual's Markdown widget. Very long documents (a ledger volume
of ten years of dues) are shown up to ``PREVIEW_LINES`` lines, saying so: the saved file and
the clipboard always hold the whole text. Quotes and dashes whose width terminals disagree on
are shown in their full-width forms, so table borders stay aligned in every terminal.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from branchtui.tui.text import terminal_safe

PREVIEW_LINES = 600


class ReportPreview(VerticalScroll):
    """Focusable (Tab), so Up/Down/PgUp/PgDn/Home/End scroll the report."""

    DEFAULT_CSS = """
    ReportPreview {
        height: 1fr;
        padding: 0 1;
    }
    ReportPreview > #preview-note {
        height: auto;
        color: $text-muted;
    }
    ReportPreview > Markdown {
        margin: 0;
        padding: 0;
    }
    ReportPreview MarkdownHeader {
        margin: 1 0 0 0;
    }
    ReportPreview MarkdownH1 {
        margin: 0 0 1 0;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-note", markup=False)
        yield Markdown("", id="preview-markdown")

    @property
    def note(self) -> str:
        return str(self.query_one("#preview-note", Static).render())

    def _set_note(self, text: str) -> None:
        note = self.query_one("#preview-note", Static)
        note.update(text)
        note.display = bool(text)

    def say(self, message: str) -> AwaitComplete:
        """Show ``message`` (and no report)."""
        self._set_note(message)
        return self.query_one(Markdown).update("")

    def show(self, text: str) -> AwaitComplete:
        """Show the report ``text`` from its top."""
        lines = text.splitlines()
        note = ""
        if len(lines) > PREVIEW_LINES:
            note = f"预览只显示前 {PREVIEW_LINES} 行（共 {len(lines)} 行）；保存或复制的是全文。"
            text = "\n".join(lines[:PREVIEW_LINES])
        self._set_note(note)
        self.scroll_home(animate=False)
        # Shown with full-width quotes (tui/text.py); what is saved or copied keeps the original.
        return self.query_one(Markdown).update(terminal_safe(text))
