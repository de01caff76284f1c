"""What every data screen shares: the app's snapshot, today, and reloading on resume."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.screen import Screen

from branchtui.domain.profile import Profile
from branchtui.storage.errors import StoreError

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData
    from branchtui.storage.store import Store, Transaction
    from branchtui.tui.app import BranchApp


class BranchAccess:
    """The app's snapshot, store, today and profile, for any screen (a list or a modal wizard)."""

    app: Any

    @property
    def branch_app(self) -> BranchApp:
        return cast("BranchApp", self.app)

    @property
    def data(self) -> BranchData:
        return self.branch_app.data

    @property
    def store(self) -> Store:
        store = self.branch_app.store
        assert store is not None
        return store

    @property
    def today(self) -> dt.date:
        return self.branch_app.today

    @property
    def profile(self) -> Profile:
        return self.branch_app.profile


class DataScreen(BranchAccess, Screen[None]):
    """A screen showing the branch's data; ``reload()`` redraws it from a fresh snapshot."""

    def on_screen_resume(self) -> None:
        # Shown first, or again: another session may have written the file meanwhile.
        self.reload()

    def reload(self) -> None:
        """Redraw from the store's current snapshot."""

    def action_back(self) -> None:
        """Esc: back to the area's menu (a screen opened from it is above it in the mode). A
        screen holding input not saved yet (``unsaved()``, tui/saving.py) asks first, as a
        form's Esc does."""
        # Not at the top: tui.saving brings the records, which the first frame must not wait for.
        from branchtui.tui.saving import ask_discard, typed

        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            if typed(self):
                ask_discard(self, self._back_now)
                return
            self.app.pop_screen()

    def _back_now(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def commit(self, change: Callable[[Transaction], object], done: str) -> None:
        """Apply ``change`` in one store transaction off the UI thread, then redraw."""
        self._commit(change, done)

    @work(thread=True, group="commit", description="保存")
    def _commit(self, change: Callable[[Transaction], object], done: str) -> None:
        try:
            with self.store.transaction() as tx:
                change(tx)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, error.message, title="未保存", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self._committed, done)

    def _committed(self, done: str) -> None:
        self.reload()
        self.notify(done, timeout=3)
