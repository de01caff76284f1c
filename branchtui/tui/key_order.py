"""Keys that arrive in one burst (over SSH, in one packet) reach the widget they were meant for.

Textual hands every key on at once, but what a key starts is deferred: the key bubbles through
widget queues to the bindings, a pushed screen mounts in its own task and ``Widget.focus()`` is a
``call_later``. A key typed right after ``/`` or ``a`` would reach the old focus. So after each
key the app holds the next ones until the key and everything it started has been processed
(every queue of the app and the current screen empty, the screen mounted) and replays them.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable
from functools import partial
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.widget import Widget

# A screen that never settles must not hold the keyboard: release after this long (loaded server).
SETTLE_LIMIT = 3.0
# Quitting is never held back, even while a big data file is being read.
UNHELD = frozenset({"ctrl+q"})


class KeyOrderApp(App[None]):
    """An App that delivers each key only after what the previous key started has settled."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: deque[events.Key] = deque()
        self._in_flight: events.Key | None = None
        self._key_done = False
        self._settling = 0  # the settle round under way, 0 when none
        self._keys_paused = False
        self._quiet_state: tuple[object, ...] | None = None
        self._rounds = 0

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif event.is_forwarded:  # the key bubbled back up: the bindings see it now
            await super().on_event(event)
            if event is self._in_flight:
                self._key_done = True
        elif self._settling or (self._keys_paused and event.key not in UNHELD):
            self._held_keys.append(event)
        else:
            await self._deliver(event)

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        handled = await super()._check_bindings(key, priority)
        key_event = self._in_flight
        if handled and priority and key_event is not None and key_event.key == key:
            # A key taken by a priority binding (Ctrl+P, a wizard's PgDn) is not forwarded, so
            # it never bubbles back: it is done here, not after SETTLE_LIMIT.
            self._key_done = True
        return handled

    async def _deliver(self, event: events.Key) -> None:
        self._in_flight, self._key_done = event, False
        await super().on_event(event)
        if not self._running:
            return
        self._rounds += 1
        round_ = self._settling = self._rounds
        self._quiet_state = None
        self.set_timer(SETTLE_LIMIT, partial(self._release, round_))
        self._sweep(round_)

    def _pumps(self) -> list[MessagePump]:
        try:
            return [self, *_shown_nodes(self.screen)]
        except Exception:  # no screen yet (starting) or any more (exiting)
            return [self]

    def _sweep(self, round_: int) -> None:
        """Queue a callback behind the pending messages of every pump; check again when all ran."""
        pumps = self._pumps()
        left = len(pumps)

        def passed() -> None:
            nonlocal left
            left -= 1
            if left == 0 and round_ == self._settling:
                self._check(round_)

        for pump in pumps:
            if not pump.call_later(passed):
                left -= 1
        if left == 0:
            self.call_later(self._check, round_)

    def _check(self, round_: int) -> None:
        key = self._in_flight
        done = self._key_done or key is None or key._stop_propagation
        pumps = self._pumps()
        busy = any(not p._message_queue.empty() or p._next_callbacks for p in pumps)
        state = (self.screen, self.focused, len(pumps))
        # A pump may be mid-handler with an empty queue: settled means two quiet sweeps alike.
        if done and not busy and self.screen.is_mounted and state == self._quiet_state:
            self.call_later(self._release, round_)
            return
        self._quiet_state = state if done and not busy else None
        self._sweep(round_)

    async def _release(self, round_: int) -> None:
        if round_ != self._settling:
            return
        self._settling = 0
        self._in_flight = None
        await self._deliver_held()

    async def _deliver_held(self) -> None:
        if self._held_keys and not self._settling and not self._keys_paused:
            await self._deliver(self._held_keys.popleft())

    async def _press_keys(self, keys: Iterable[str]) -> None:
        # Pilot.press returns once every key it sent has been delivered, held ones included.
        await super()._press_keys(keys)
        deadline = monotonic() + SETTLE_LIMIT * 4
        while (self._settling or self._held_keys) and not self._keys_paused:
            if monotonic() > deadline:
                break
            await asyncio.sleep(0.005)

    def pause_keys(self) -> None:
        """Hold the keys typed from now on (say, while the data is read) until ``resume_keys``."""
        self._keys_paused = True

    def resume_keys(self, *, drop: bool = False) -> None:
        """Deliver the keys held meanwhile, in order, each after the previous one settled; with
        ``drop``, throw them away instead (they were meant for a screen that is gone)."""
        self._keys_paused = False
        if drop:
            self._held_keys.clear()
        self.call_later(self._deliver_held)


def _shown_nodes(screen: Widget) -> list[Widget]:
    """The screen and its widgets that are displayed. A hidden subtree (a wizard's other steps,
    a form's hidden part) is not what a key acts on; leaving it out keeps each key's settling
    proportional to what is on screen, not to everything a screen ever mounted."""
    out: list[Widget] = []
    stack = [screen]
    while stack:
        node = stack.pop()
        if node is not screen and not node.display:
            continue
        out.append(node)
        stack.extend(reversed(node._nodes))
    return out
