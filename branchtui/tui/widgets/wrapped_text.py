"""Text wrapped where a Chinese reader expects it: never inside a date or a number, nor before a
closing bracket (tui/text.py ``wrap_text``); Rich alone folds a line of CJK text at any cell."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

from branchtui.tui.text import wrap_text


class CJKWrapped:
    """A Rich renderable of ``text`` wrapped by ``wrap_text`` at the width it is drawn in;
    ``str()`` is the text unwrapped."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield wrap_text(self.text, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(widest, 1), min(widest, options.max_width))

    def __str__(self) -> str:
        return self.text.plain


class WrappedText(Static):
    """A Static (markup or plain text) whose lines wrap at CJK-aware points."""

    def render(self) -> CJKWrapped:
        content = self.content
        if isinstance(content, Text):
            text = content
        elif self._render_markup:
            text = Text.from_markup(str(content))
        else:
            text = Text(str(content))
        return CJKWrapped(text)
