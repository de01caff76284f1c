"""The footer of every screen: compact keys, and the Ctrl+P hint only where it still fits."""

from __future__ import annotations

from itertools import groupby

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from branchtui.tui.registry import dialogs as registry_dialogs
from branchtui.tui.registry.spec import keys_of

# Cells the docked "^P 命令" hint takes (bar, key, space, description).
PALETTE_CELLS = 8
# The area keys 1…9, 0 are shown as one entry (ten keys would not fit in 80 columns).
AREAS_KEY, AREAS_LABEL = "1-0", "区域"
AREAS_CELLS = cell_len(AREAS_KEY) + 1 + cell_len(AREAS_LABEL) + 1


class BranchFooter(Footer):
    """A compact Footer; the palette hint gives way to the screen's own keys at 80 columns.

    Quit and help are app bindings shown on every screen, so they must never be pushed off.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._composed: tuple[object, ...] | None = None  # what the keys shown were made from
        self._recompose_asked = False

    def keys_width(self) -> int:
        """Cells the shown keys take in the compact layout (as Textual's Footer lays them out)."""
        shown: dict[str, Binding] = {}
        for active in self.screen.active_bindings.values():
            if active.binding.show:
                shown.setdefault(active.binding.action, active.binding)
        width = AREAS_CELLS if self._areas_shown() else 0
        for group, items in groupby(shown.values(), lambda binding: binding.group):
            bindings = list(items)
            if group is not None and len(bindings) > 1:
                keys = sum(cell_len(self.app.get_key_display(b)) for b in bindings)
                width += 1 + keys + 1 + cell_len(group.description) + 1
            else:
                for binding in bindings:
                    key = self.app.get_key_display(binding)
                    width += cell_len(key) + 1 + cell_len(binding.description) + 1
        return width

    def _areas_shown(self) -> bool:
        # Modal screens (forms, dialogs) do not take the app's area keys; before set-up they
        # are disabled.
        return any(
            enabled and binding.action.startswith("go_area")
            for _node, binding, enabled, _tooltip in self.screen.active_bindings.values()
        )

    def _content(self) -> tuple[object, ...]:
        """What the keys shown are made from: every active binding with its state, and whether
        the palette hint fits the width."""
        bindings = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return bindings, self.keys_width() + PALETTE_CELLS <= self.app.size.width

    def bindings_changed(self, screen: Screen) -> None:
        # Textual's Footer composes its keys again on every change of focus or bindings and
        # on every resize (several times before the first frame, ~25 ms each): only when
        # what they show has changed, once for a burst of changes.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._recompose_if_changed()

    def _recompose_if_changed(self) -> None:
        if not self._recompose_asked:
            self._recompose_asked = True
            self.call_after_refresh(self._recompose_now)

    async def _recompose_now(self) -> None:
        self._recompose_asked = False
        if self.is_attached and self._content() != self._composed:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = self._content()
            fits = bool(self._composed[1])
            self.set_reactive(Footer.show_command_palette, fits)
            if self._areas_shown():
                # A click on it works like the key 1: back to the dashboard.
                yield FooterKey(
                    "1",
                    AREAS_KEY,
                    AREAS_LABEL,
                    "app.go_area('dashboard')",
                    tooltip="数字键 1…9、0 切换到待办和八项任务、报告",
                ).data_bind(compact=Footer.compact)
        yield from super().compose()

    def on_resize(self, event: Resize) -> None:
        if self._bindings_ready:
            self._recompose_if_changed()  # the palette hint may fit now, or no longer


# A modal screen cuts the app's bindings out of its Footer (and F1 out of its keys): these bring
# back the two that every screen must show. Ctrl+Q itself is a priority key and works anyway.
MODAL_KEYS: list[BindingType] = keys_of(registry_dialogs.MODAL_KEYS)
