"""A writer killed at any moment leaves the file whole: the old state or the new, never torn."""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import orjson

from branchtui.domain.records import Member
from branchtui.storage.store import Store
from branchtui.storage.validate import shape_problem

KILLS = 200


def _writer(folder: Path, member_id: str, report: int) -> None:
    """Save the member over and over, reporting each save that returned."""
    store = Store.open(folder)
    member = store.snapshot().find("members", member_id)
    os.write(report, b"ready\n")
    while True:
        member.note = str(int(member.note) + 1)
        store.save(member)
        os.write(report, f"{member.note}\n".encode())


def _first_save(fd: int) -> bytes:
    """What the writer reported until its first save returned (however busy the machine)."""
    seen = b""
    while not any(x.isdigit() for x in seen.split()):
        assert select.select([fd], [], [], 30)[0], "the writer saved nothing in 30 s"
        chunk = os.read(fd, 65536)
        assert chunk, "the writer ended before saving"
        seen += chunk
    return seen


def _read_reports(fd: int, seen: bytes = b"") -> list[int]:
    chunks = [seen]
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return [int(x) for x in b"".join(chunks).split() if x.isdigit()]


def _state_on_disk(path: Path, member_id: str) -> tuple[int, int]:
    raw = orjson.loads(path.read_bytes())  # a torn file would not parse
    assert shape_problem(raw) is None
    docs = [d for d in raw["members"].values() if d["id"] == member_id]
    assert len(docs) == 1
    return int(docs[0]["note"]), docs[0]["rev"]


def test_sigkill_at_random_moments_never_tears_the_file(data_dir: Path) -> None:
    store = Store.open(data_dir, create=True)
    member = store.add(Member(name="张三", note="0"))
    path = data_dir / "branch.json"
    rng = random.Random(2017)
    value, saves_seen = 0, 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                os.close(read_end)
                _writer(data_dir, member.id, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        # Killed among saves: after the first one returned, at a random moment.
        seen = _first_save(read_end)
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reports = _read_reports(read_end, seen)
        os.close(read_end)
        confirmed = reports[-1] if reports else value
        saves_seen += len(reports)
        note, rev = _state_on_disk(path, member.id)
        # Every confirmed save is there; at most the one in flight went further.
        assert note in (confirmed, confirmed + 1)
        assert rev == note + 1
        value = note
    assert saves_seen >= KILLS  # the kills really landed among saves
    again = Store.open(data_dir)
    assert not list(data_dir.glob(".branch.json.*.tmp"))  # leftovers removed at open
    assert again.snapshot().members[0].note == str(value)
