"""Today's duties computed ahead, by a child process forked at launch, while the TUI loads.

On the first start of a day, or after another session wrote the file, today's duties are not
in the user's cache (storage.duties_cache). Loading Textual and drawing the first frame takes
one core; reading the file and judging the rules takes about as long again. So the launcher
forks, before Textual is imported, a child that does the second on the other core and keeps
the result in the cache, exactly as the dashboard would; the dashboard then shows it from
there, under the cache's own check that nothing it came from has changed since.

The child never shows anything and never writes the data folder: it reads the file without
the lock (``Store.read_snapshot``), writes only the cache, and its standard streams are
``/dev/null``. When it fails, is stopped or takes too long, the dashboard computes the duties
itself, as it would without it; a result of a file that changed meanwhile is a cache miss.

The first start of a day finds no duties kept for that date. So as a session ends, the
launcher starts a process (``start_days_ahead``) that computes the next days' duties from the
file as the session left it; tomorrow's first start then finds them kept unless the file has
changed since (another session's save), and only then does it need the child above.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from branchtui.storage.duties_cache import (
    data_stamp,
    duties_key,
    kept_keys,
    read_duties,
    write_duties,
)
from branchtui.storage.errors import StoreError

# What the child writes to the pipe once the duties are in the cache (else it writes nothing).
KEPT = b"k"
# After this long the parent stops waiting, stops the child and computes the duties itself.
PATIENCE_SECONDS = 60.0


def keep_todays_duties(folder: Path, on: dt.date) -> bool:
    """Compute the duties of ``folder`` at ``on`` and keep them in the cache, as the dashboard
    does; True when they were kept. Nothing is kept unless the file read is the file as it
    is (the same stamp before and after reading it)."""
    return keep_duties(folder, [on]) == 1


def keep_duties(folder: Path, days: list[dt.date]) -> int:
    """Compute the duties of ``folder`` at each of ``days`` from one reading of the file and
    keep them in the cache; how many were kept (0 when the file changed while it was read)."""
    from branchtui.storage.folder_obligations import obligations_for_folder
    from branchtui.storage.store import Store

    before = data_stamp(folder)
    if not before:
        return 0
    try:
        data = Store.read_snapshot(folder)
    except StoreError:
        return 0  # the dashboard opens the file itself and says what is wrong with it
    if data_stamp(folder) != before:
        return 0
    kept = 0
    for day in days:
        result = obligations_for_folder(folder, data, day)
        kept += write_duties(folder, result, duties_key(folder, before, day))
    return kept


# The days after today whose duties a session computes ahead as it ends (a weekend included).
KEEP_DAYS_AHEAD = 3


def days_ahead(folder: Path, today: dt.date) -> list[dt.date]:
    """The next days whose duties the cache does not hold for the file as it is now."""
    stamp = data_stamp(folder)
    if not stamp:
        return []
    kept = kept_keys(folder)
    days = [today + dt.timedelta(days=n) for n in range(1, KEEP_DAYS_AHEAD + 1)]
    return [day for day in days if duties_key(folder, stamp, day) not in kept]


def start_days_ahead(folder: Path, today: dt.date) -> subprocess.Popen[bytes] | None:
    """As a session ends: compute the next days' duties in a process of their own, so that the
    first start of tomorrow (or after a weekend) finds them kept while the file is unchanged.

    The process is a new session with no terminal (it outlives an SSH login that closes), runs
    niced, writes only the user's cache, and is not waited for. None when nothing is missing."""
    if not days_ahead(folder, today):
        return None
    try:
        return subprocess.Popen(
            # -P: not the working directory first on the path, where a folder named branchtui
            # (a checkout, say) would be run instead of the program installed.
            [sys.executable, "-P", "-m", __name__, str(folder), today.isoformat()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return None  # tomorrow's first start computes them itself


def _keep_days_ahead(args: list[str]) -> int:
    """``python -m branchtui.storage.duties_ahead FOLDER TODAY``: see ``start_days_ahead``."""
    with contextlib.suppress(OSError):
        os.nice(10)
    try:
        folder, today = Path(args[0]), dt.date.fromisoformat(args[1])
        keep_duties(folder, days_ahead(folder, today))
    except Exception:  # nothing is said: a day not kept is computed when it comes
        return 1
    return 0


class DutiesAhead:
    """The parent's handle on the child: ``finish()`` once ``fd`` is readable (or to give up)."""

    def __init__(self, pid: int, fd: int, on: dt.date) -> None:
        self.pid = pid
        self.fd = fd
        self.on = on
        self.kept = False
        self.finished = False
        self.listeners: list[Callable[[], None]] = []

    def read(self) -> bool:
        """Take what the child wrote; True at the end (the child has closed the pipe)."""
        try:
            chunk = os.read(self.fd, 16)
        except BlockingIOError:
            return False
        except OSError:
            return True
        self.kept = self.kept or KEPT in chunk
        return not chunk

    def finish(self, *, give_up: bool = False) -> None:
        """Close the pipe and reap the child, then tell the listeners; ``give_up`` stops a
        child still running first. ``kept`` says whether it kept today's duties."""
        if self.finished:
            return
        self.finished = True
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(OSError):
            if give_up:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)  # the pipe closes when the child exits: this returns at once
        for listener in self.listeners:
            listener()
        self.listeners.clear()


def start_duties_ahead(folder: Path, on: dt.date) -> DutiesAhead | None:
    """Fork the child computing the duties of ``folder`` at ``on``, unless they are in the cache
    already, there is no data file, or the process cannot fork safely (threads, no fork)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    if not data_stamp(folder) or read_duties(folder, on) is not None:
        return None
    # The store and the record types are imported by the child, not here: imported before the
    # fork they were ~80 ms on the way to the first frame, while the child has time to spare
    # (it is done before Textual has loaded on two cores; on one, the two processes' work adds
    # up either way, and the TUI imports the store only after its first frame).
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        _child(folder, on, read_end, write_end)
    os.close(write_end)
    os.set_blocking(read_end, False)
    return DutiesAhead(pid, read_end, on)


def _child(folder: Path, on: dt.date, read_end: int, write_end: int) -> NoReturn:
    """The child's whole life: compute, keep, say so, exit — never returning into the
    launcher, never running the parent's exit handlers, never writing to the terminal."""
    try:
        os.close(read_end)
        # Ctrl+C typed before the TUI takes the terminal is the parent's to handle.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        if keep_todays_duties(folder, on):
            os.write(write_end, KEPT)
    except BaseException:  # nothing is said: the dashboard computes the duties itself
        pass
    os._exit(0)


if __name__ == "__main__":
    sys.exit(_keep_days_ahead(sys.argv[1:]))
