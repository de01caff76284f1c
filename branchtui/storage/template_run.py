"""Run one rendering in a forked child with a deadline and a memory cap.

Why a child process and not a ``sys.settrace`` deadline in the rendering thread: a trace function
only runs between Python lines, so it cannot stop C code that never returns (``10**10**10``,
``'x' * 10**10``), and it slows every line of the render while it is set. A forked child is
killed with SIGKILL at the deadline whatever it runs, its address space is capped, and it costs
one fork (copy-on-write) per render.

Fork in a process with threads (the TUI: the event loop, Textual's writer and input threads,
workers) is safe here because the child only renders a template that is already compiled and
writes the result to a pipe: it takes none of the locks other threads may have held at fork time
(no logging, no imports, no terminal output) and leaves with ``os._exit`` so no buffer is flushed
twice. One child at a time per process, so no child inherits another render's pipe.
"""

from __future__ import annotations

import contextlib
import os
import resource
import select
import signal
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from branchtui.storage.errors import StoreError

# status (b"O" text, b"E" message, b"K" what the child hands back to keep) and payload length
_HEADER = struct.Struct("!cQ")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderLimits:
    """How long a render may take, how much it may write, how much memory it may add."""

    seconds: float
    output_chars: int
    memory_margin: int


@dataclass(frozen=True)
class Outcome:
    """What the child sent: the text, or a one-line message; neither when it was stopped."""

    text: str | None = None
    error: str | None = None
    timed_out: bool = False
    kept: bytes = b""  # what ``keep`` returned in the child, when the text came


def _cap_memory(margin: int) -> None:
    """Limit the child's address space to what the parent uses now plus ``margin``."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + margin
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        pass  # no /proc or no permission: the deadline still holds


def _send(fd: int, status: bytes, text: str) -> None:
    _send_bytes(fd, status, text.encode("utf-8", "surrogatepass"))


def _send_bytes(fd: int, status: bytes, payload: bytes) -> None:
    view = memoryview(_HEADER.pack(status, len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def _child(
    work: Callable[[], str],
    write_fd: int,
    limits: RenderLimits,
    keep: Callable[[], bytes] | None,
) -> None:
    """The child's whole life: never returns, never flushes the parent's buffers."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _cap_memory(limits.memory_margin)
        try:
            text = work()
        except StoreError as exc:
            _send(write_fd, b"E", exc.message)
        else:
            kept = keep() if keep is not None else b""
            if kept:
                _send_bytes(write_fd, b"K", kept)
            _send(write_fd, b"O", text)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


class _Deadline(Exception):
    """The child did not finish in time."""


def _read_frames(read_fd: int, deadline: float, limit: int) -> list[tuple[bytes, bytes]] | None:
    """The child's frames, (status, payload) each, up to its text or message (the last one);
    None when it sent no such whole frame; _Deadline when late."""
    buffer = bytearray()
    frames: list[tuple[bytes, bytes]] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Deadline
        ready, _, _ = select.select([read_fd], [], [], left)
        if not ready:
            raise _Deadline
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:
            return None
        buffer += chunk
        while len(buffer) >= _HEADER.size:
            status, length = _HEADER.unpack_from(buffer)
            if length > limit:
                return None
            if len(buffer) < _HEADER.size + length:
                break
            frames.append((status, bytes(buffer[_HEADER.size : _HEADER.size + length])))
            del buffer[: _HEADER.size + length]
            if status != b"K":
                return frames


def _reap(pid: int, kill: bool) -> None:
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def run_bounded(
    work: Callable[[], str], limits: RenderLimits, keep: Callable[[], bytes] | None = None
) -> Outcome:
    """Run ``work`` in a forked child within ``limits``; a StoreError it raises comes back as text.

    ``keep``, when given, runs in the child after ``work`` succeeded: the bytes it returns come
    back as ``Outcome.kept`` (the compiled templates, for the next child to start from). The
    parent only holds them; it never runs what a child made."""
    with _LOCK:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            raise
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read_fd)
            _child(work, write_fd, limits, keep)
        os.close(write_fd)
        frames = None
        late = False
        try:
            # UTF-8 takes at most 4 bytes a character.
            limit = 4 * limits.output_chars
            frames = _read_frames(read_fd, time.monotonic() + limits.seconds, limit)
        except _Deadline:
            late = True
        finally:
            os.close(read_fd)
            _reap(pid, kill=frames is None)
    if late:
        return Outcome(timed_out=True)
    if frames is None:
        return Outcome()
    status, payload = frames[-1]
    text = payload.decode("utf-8", "surrogatepass")
    if status != b"O":
        return Outcome(error=text)
    return Outcome(text=text, kept=b"".join(p for s, p in frames if s == b"K"))
