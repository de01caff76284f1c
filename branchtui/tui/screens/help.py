"""The help screen (F1 / ?): every key active on the screen below."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from branchtui.tui.registry.dialogs import HELP_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.text import wrap_text
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter

NAME_CELLS = 10  # the key's name (详情, 进度 …) and the space before its description


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``below`` with their Chinese descriptions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys_of(HELP_KEYS),
        MODAL_KEYS[0],
    ]  # 退出; F1 here closes the help

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.rows = _key_rows(below)
        self.lines = [f"{key}{name}{about}".rstrip() for key, name, about in self.rows]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static("按键帮助", classes="dialog-title")
            with VerticalScroll():
                yield HelpKeys(self.rows, id="help-keys")
            yield Static(
                "Ctrl+P 打开命令面板，可查找全部功能和本页的操作。Esc 关闭。", classes="hint"
            )
        yield BranchFooter()


class KeyRows:
    """A Rich renderable of the help's rows: a description too long for its line folds under
    itself (a hanging indent, at CJK-aware points), never back under the keys."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines: list[Text] = []
        for key, name, about in self.rows:
            head = f"{key}{name}"
            indent = min(cell_len(head), options.max_width // 2)
            if cell_len(head) > indent:  # a key too long for the column: its own line
                lines.append(Text(head.rstrip()))
                head = " " * indent
            folded = wrap_text(Text(about), options.max_width - indent).split("\n")
            for number, part in enumerate(folded):
                lines.append(Text(head if number == 0 else " " * indent) + part)
        for line in lines:
            line.rstrip()
        yield Text("\n").join(lines)

    def __str__(self) -> str:
        return "\n".join(f"{key}{name}{about}".rstrip() for key, name, about in self.rows)


class HelpKeys(Static):
    """The list of keys, each description beside its key and name."""

    def __init__(self, rows: list[tuple[str, str, str]], id: str) -> None:
        super().__init__(id=id, markup=False)
        self.rows = rows

    def render(self) -> KeyRows:
        return KeyRows(self.rows)


def _key_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(key padded, name padded, description) for every key active on ``screen``."""
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
    rows: list[tuple[str, str, str]] = []
    for description, key_text in joined.items():
        # Pad by terminal cells, not characters, so CJK keys and descriptions line up.
        key_pad = " " * (key_width - cell_len(key_text))
        pad = " " * max(0, NAME_CELLS - cell_len(description))
        rows.append((f"{key_text}{key_pad}  ", f"{description}{pad}", tooltips[description]))
    return rows or [("（没有可用的按键）", "", "")]
