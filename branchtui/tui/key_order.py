"""Keys that arrive in one burst (over SSH, in one packet) reach the widget they were meant for.

Textual hands every key on at once, but what a key starts is deferred: the key bubbles through
widget queues to the bindings, a pushed screen mounts in its own task, ``Widget.focus()`` is a
``call_later`` and a drop-down moves on to the next field after the repaint
(``call_after_refresh``). A key typed right after ``/``, ``a`` or a choice would reach the old
focus. So after each key the app holds the next ones until the key and everything it started has
been processed — every message pump on screen parked with nothing queued, no callback waiting
for the repaint, the screen mounted — and replays them.

Settling is checked, not swept: a pump is idle when its queue is empty and its task waits for
the next message. Only pumps still busy get a callback queued behind their messages; the check
runs again when those ran. A key typed into a field costs a few checks, not rounds over every
widget on screen.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterable
from functools import partial
from time import monotonic
from typing import Any

from textual import events
from textual._queue import Queue
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import Widget

# A screen that never settles must not hold the keyboard: release after this long (loaded server).
SETTLE_LIMIT = 3.0
# Quitting is never held back, even while a big data file is being read.
UNHELD = frozenset({"ctrl+q"})
# How often to look again while only the repaint is awaited (Textual repaints at most 60 times a
# second; callbacks waiting for it run right after).
REPAINT_POLL = 0.005


class KeyOrderApp(App[None]):
    """An App that delivers each key only after what the previous key started has settled."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: deque[events.Key] = deque()
        self._in_flight: events.Key | None = None
        self._key_done = False
        self._settling = 0  # the settle round under way, 0 when none
        self._settle_limit: Timer | None = None
        self._keys_paused = False
        self._rounds = 0
        self._after_keys: list[tuple[MessagePump, Callable[[], object]]] = []
        self._busy: list[MessagePump] = []  # the pumps the settle round last waited for

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
        if self._running:
            self._settle()

    def _settle(self) -> None:
        """Hold the keys from now on until what was delivered or started has been processed."""
        self._rounds += 1
        round_ = self._settling = self._rounds
        self._busy = []
        if self._settle_limit is not None:
            self._settle_limit.stop()
        self._settle_limit = self.set_timer(
            SETTLE_LIMIT, _Countdown(1, partial(self._release, round_))
        )
        self._check(round_)

    def _pumps(self) -> list[MessagePump]:
        try:
            return [self, *_shown_nodes(self.screen)]
        except Exception:  # no screen yet (starting) or any more (exiting)
            return [self]

    def _check(self, round_: int) -> None:
        """Release the keys if everything has settled, else look again once it may have.

        Runs in the app's own task (as a callback from its queue), so the app is not in the
        middle of another handler."""
        if round_ != self._settling:
            return
        # Where the last busy pumps' messages went (their parents, as a message bubbles up, and
        # the app) is looked at first: while any of those is busy, nothing is released and no
        # walk over every widget on screen is needed to know it.
        near = {id(a): a for p in self._busy for a in _up(p, self)}
        busy = [p for p in near.values() if not _idle(p, self)]
        if not busy:
            busy = [p for p in self._pumps() if not _idle(p, self)]
        self._busy = busy
        if busy:
            self._sweep(round_, busy)
            return
        key = self._in_flight
        done = self._key_done or key is None or key._stop_propagation
        try:
            screen = self.screen
            waiting = not done or bool(screen._callbacks) or not screen.is_mounted
        except Exception:  # no screen (starting or exiting): nothing to wait for
            waiting = False
        if waiting:  # a repaint is due (callbacks wait for it) or the screen is mounting
            self.set_timer(REPAINT_POLL, _Countdown(1, partial(self._soon, self._check, round_)))
        else:
            self._soon(self._release, round_)

    def _soon(self, then: Callable[[int], object], round_: int) -> None:
        """``then(round_)`` from the app's queue: in its task, after what is queued there."""
        self.post_message(events.Callback(callback=_Countdown(1, partial(then, round_))))

    def _sweep(self, round_: int, pumps: list[MessagePump]) -> None:
        """Queue a callback behind the pending messages of each busy pump; check again when all
        ran (in the app's task)."""
        passed = _Countdown(len(pumps), partial(self._soon, self._check, round_))
        for pump in pumps:
            if not pump.post_message(events.Callback(callback=passed)):
                passed()  # closed: nothing more will happen there

    async def _release(self, round_: int) -> None:
        if round_ != self._settling:
            return
        self._settling = 0
        self._in_flight = None
        if self._settle_limit is not None:
            self._settle_limit.stop()
            self._settle_limit = None
        await self._deliver_held()

    async def _deliver_held(self) -> None:
        if self._settling or self._keys_paused:
            return
        if self._held_keys:
            await self._deliver(self._held_keys.popleft())
        elif self._after_keys:
            # The burst is over: what it deferred runs now, and keys wait until it has.
            after, self._after_keys = self._after_keys, []
            for pump, callback in after:
                pump.call_later(callback)
            self._in_flight = None
            self._settle()

    def call_after_keys(self, pump: MessagePump, callback: Callable[[], object]) -> None:
        """Run ``callback`` on ``pump`` once the keys already typed have been delivered (at once
        when none wait): what a burst of keys (a paste) changes is judged once, not per key."""
        if self._held_keys and (self._settling or self._keys_paused):
            self._after_keys.append((pump, callback))
        else:
            pump.call_later(callback)

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


def after_keys(pump: MessagePump, callback: Callable[[], object]) -> None:
    """``callback`` on ``pump`` once the keys typed in a burst are in (KeyOrderApp), else soon."""
    app = pump.app
    if isinstance(app, KeyOrderApp):
        app.call_after_keys(pump, callback)
    else:
        pump.call_later(callback)


class _Countdown:
    """A callback that calls ``then`` (and returns what it returns, awaited by Textual) once it
    has been called ``left`` times: by every pump a sweep queued it in, or once.
    (Its parameter count is declared: Textual need not inspect a new callable each time.)"""

    _param_count = 0

    def __init__(self, left: int, then: Callable[[], object]) -> None:
        self.left = left
        self.then = then

    def __call__(self) -> Any:  # None, or a coroutine of an async ``then``
        self.left -= 1
        return self.then() if self.left == 0 else None


def _idle(pump: MessagePump, app: App[None]) -> bool:
    """Nothing queued for the pump and none of its work under way.

    The app runs the check itself (from its queue), so an empty queue is enough there; any
    other pump must also be parked waiting for its next message, not inside a handler that is
    awaiting something (a mount, a screen) with its queue emptied."""
    if pump._closed:
        return True
    queue: Queue[Message | None] = pump._message_queue
    # A pump takes the message after the one it handles off its queue early (to see whether it
    # supersedes it): that one is pending, not gone.
    if not queue.empty() or pump._pending_message is not None or pump._next_callbacks:
        return False
    if pump is app:
        return True
    return any(not waiter.done() for waiter in _waiters(queue.ready_event))


def _up(pump: MessagePump, app: App[None]) -> list[MessagePump]:
    """The pump, the nodes its messages bubble to, and the app."""
    if isinstance(pump, Widget):
        return [*pump.ancestors_with_self, app]
    return [pump, app]


def _waiters(event: asyncio.Event) -> Iterable[asyncio.Future[object]]:
    # asyncio.Event keeps the futures of the tasks waiting on it (CPython 3.11-3.13); a pump
    # parked in Queue.get() is one of them. Should that ever change, no pump counts as idle
    # and each key settles by SETTLE_LIMIT: slow, never out of order.
    waiters: Iterable[asyncio.Future[object]] = getattr(event, "_waiters", None) or ()
    return waiters


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
