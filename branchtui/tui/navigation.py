"""Moving between the task areas and their screens: the area keys, the palette's entries and a
duty's Enter (settling it). Nothing typed is lost on the way (tui/leaving.py)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from typing import TYPE_CHECKING

from textual.screen import Screen

from branchtui.tui.key_order import SETTLE_LIMIT, KeyOrderApp
from branchtui.tui.registry import screen_spec

if TYPE_CHECKING:
    from branchtui.domain.obligations.base import Obligation
    from branchtui.storage.store import Store


class NavigatingApp(KeyOrderApp):
    """The app's moves between areas and screens (the store is the app's, None before set-up)."""

    store: Store | None

    async def action_go_area(self, area_id: str) -> None:
        """Show an area's menu (its number key, the Footer's 区域, the palette): the area's list
        screens are left, a form or wizard open there (a modal) is kept and shown again. A
        form with typed input is left only after the discard question (tui/leaving.py)."""
        if self.store is None:
            return
        from branchtui.tui.leaving import may_leave

        if may_leave(self, area_id, lambda: self.call_later(self._leave_forms, area_id)):
            await self._go_area(area_id)

    async def _leave_forms(self, area_id: str) -> None:
        """The user threw the typed input away: the forms of the area shown go, then to
        ``area_id``."""
        await self._go_area(self.current_mode)
        await self._go_area(area_id)

    async def _go_area(self, area_id: str) -> None:
        if self.current_mode != area_id:
            await self.switch_mode(area_id)
        stack = self.screen_stack
        while len(stack) > 1 and not stack[-1].is_modal:
            await self.pop_screen()
            stack = self.screen_stack

    async def open_screen(self, screen_id: str, obligation: Obligation | None = None) -> Screen:
        """Open a declared screen from its area's menu; ``obligation`` asks it to settle that duty."""
        spec = screen_spec(screen_id)
        await self._go_area(spec.area)
        if spec.area == "dashboard":
            return self.screen
        module_name, _, class_name = spec.factory.partition(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
        screen: Screen = screen_class()
        await self.push_screen(screen)
        if obligation is not None and callable(settle := getattr(screen, "settle", None)):
            ran = asyncio.Event()

            def run() -> None:
                try:
                    settle(obligation)
                finally:
                    ran.set()

            self.call_after_refresh(run)  # the screen has drawn its rows
            await ran.wait()
            # What settling opened (a form, a question) is mounted before any key goes on.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.screen._mounted_event.wait(), SETTLE_LIMIT)
        return screen

    def settle(self, screen_id: str, obligation: Obligation) -> None:
        """Open the screen that settles ``obligation`` (a duty's Enter on the dashboard or an
        area's menu) and let it open its form. The list shown on the way is not for keys: the
        keys typed until the form is there are held and then dropped, not typed into it."""
        self.pause_keys()

        async def open_it() -> None:
            try:
                await self.open_screen(screen_id, obligation)
            finally:
                self.resume_keys(drop=True)

        self.run_worker(open_it(), group="settle")

    async def run_screen_action(self, screen_id: str, action: str | None) -> None:
        """Open ``screen_id`` and run ``action`` on it (the command palette's entries)."""
        if self.store is None:
            return
        spec = screen_spec(screen_id)
        on_it = self.current_mode == spec.area and getattr(self.screen, "SCREEN_ID", "") == spec.id
        if not on_it:

            async def discarded() -> None:
                await self._leave_forms(self.current_mode)
                await self.run_screen_action(screen_id, action)

            from branchtui.tui.leaving import may_leave

            if not may_leave(self, spec.area, lambda: self.call_later(discarded)):
                return
            await self.open_screen(screen_id)
        if action is not None:
            await self.screen.run_action(action)
