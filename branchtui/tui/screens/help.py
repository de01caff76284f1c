"""The help screen (F1 / ?): every key active on the screen below."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from branchtui.tui.registry.dialogs import HELP_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``below`` with their Chinese descriptions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys_of(HELP_KEYS),
        MODAL_KEYS[0],
    ]  # 退出; F1 here closes the help

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.lines = _key_lines(below)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static("按键帮助", classes="dialog-title")
            with VerticalScroll():
                yield Static("\n".join(self.lines), id="help-keys", markup=False)
            yield Static("Ctrl+P 打开命令面板，可查找全部功能。Esc 关闭。", classes="hint")
        yield BranchFooter()


def _key_lines(screen: Screen) -> list[str]:
    keys: dict[str, list[str]] = {}
    tooltips: dict[str, str] = {}
    app = screen.app
    # Keys that are not bindings (typing a name on a member field) say what they do first.
    focused = screen.focused
    for node in [focused, *focused.ancestors] if focused is not None else []:
        for shown, description, tooltip in getattr(node, "TYPED_KEYS", ()):
            keys.setdefault(description, [shown])
            tooltips.setdefault(description, tooltip)
    # The whole chain, not active_bindings: a focused list's own Enter hides our Enter 详情 there.
    for namespace, bindings in screen._modal_binding_chain:
        for _key, binding in bindings:
            # Only our own keys (each has an id); Textual's built-in ones are in English.
            if binding.id is None or not binding.description or binding.action == "noop":
                continue
            if app._check_action_state(binding.action, namespace) is False:
                continue
            shown = app.get_key_display(binding)
            if shown not in keys.setdefault(binding.description, []):
                keys[binding.description].append(shown)
            tooltips.setdefault(binding.description, binding.tooltip)
    joined = {description: "/".join(shown) for description, shown in keys.items()}
    key_width = max((cell_len(text) for text in joined.values()), default=0)
    lines: list[str] = []
    for description, key_text in joined.items():
        # Pad by terminal cells, not characters, so CJK keys and descriptions line up.
        key_pad = " " * (key_width - cell_len(key_text))
        pad = " " * max(0, 10 - cell_len(description))
        lines.append(f"{key_text}{key_pad}  {description}{pad}{tooltips[description]}".rstrip())
    return lines or ["（没有可用的按键）"]
