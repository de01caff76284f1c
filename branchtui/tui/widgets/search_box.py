"""The search box of a list screen (党员名册, 发展党员信息库) and the keys that go with it:
/ opens it, typing filters, Enter or ↓ goes back to the list, Esc clears the search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Input

from branchtui.tui.registry.organization import ROSTER_SEARCH_KEYS


class SearchBox(Input):
    """The search box: its keys say how to get back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [a.binding() for a in ROSTER_SEARCH_KEYS]


class SearchKeys:
    """What a list screen with a SearchBox (id ``SEARCH_ID``) does with it. Mixed in before
    the screen's base class; the screen has ``table``, ``query_text`` and ``reload()``."""

    SEARCH_ID: ClassVar[str]
    query_text: str

    if TYPE_CHECKING:

        @property
        def table(self) -> Any: ...
        def reload(self) -> None: ...

    @property
    def _in_search(self) -> bool:
        return isinstance(cast("Screen[Any]", self).focused, SearchBox)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search box / is typed as text: do not offer it as a key there.
        return not (action == "search" and self._in_search)

    def _search_box(self) -> Input:
        return cast("Screen[Any]", self).query_one(f"#{self.SEARCH_ID}", Input)

    def action_search(self) -> None:
        search = self._search_box()
        search.add_class("-active")
        search.focus()

    def action_back(self) -> None:
        # Esc first clears a search, then goes back to the area's menu.
        if self.query_text or self._in_search:
            self.action_clear_search()
        else:
            super().action_back()  # type: ignore[misc]

    def action_clear_search(self) -> None:
        search = self._search_box()
        search.value = ""
        search.remove_class("-active")
        self.query_text = ""
        self.table.focus()
        self.reload()

    def action_to_table(self) -> None:
        if not self.query_text:
            self._search_box().remove_class("-active")
        self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, SearchBox):
            self.query_text = event.value.strip()
            self.reload()
            if self.query_text:
                # The best match is highlighted, not the member the cursor was on before.
                self.table.move_cursor(row=0)
