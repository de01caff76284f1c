"""The help screen (F1 / ?): every key active on the screen below."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``below`` with their Chinese descriptions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,f1,question_mark,q", "dismiss", "关闭", id="help-close", tooltip="关闭帮助"
        ),
    ]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.lines = _key_lines(below)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static("按键帮助", classes="dialog-title")
            with VerticalScroll():
                yield Static("\n".join(self.lines), id="help-keys", markup=False)
            yield Static("Ctrl+P 打开命令面板，可查找全部功能。Esc 关闭。", classes="hint")


def _key_lines(screen: Screen) -> list[str]:
    lines: list[str] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        # Only our own keys (each has an id); Textual's built-in ones are in English.
        if binding.id is None or not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        shown = screen.app.get_key_display(binding)
        # Pad by terminal cells, not characters, so CJK descriptions line up.
        pad = " " * max(0, 10 - cell_len(binding.description))
        lines.append(f"{shown:<10} {binding.description}{pad}{binding.tooltip}".rstrip())
    return lines or ["（没有可用的按键）"]
