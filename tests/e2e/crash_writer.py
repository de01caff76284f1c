"""A writer run under strace: does one kind of save twice, confirming each on stdout.

Usage: python crash_writer.py OP DATA_DIR, OP in insert, update, delete, migrate.
A line ``OK <op> <id> <value>`` is printed (and flushed) only after the store returned, i.e.
after the user was told the save is done. A failed save prints ``ERR`` and the writer goes on,
as a user would try the next save.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from branchtui.domain.records import Member
from branchtui.storage import store as store_module
from branchtui.storage.store import Store


def write_in_place(path: Path, payload: bytes | list[bytes], mode: int) -> None:
    """The naive writer the store must not be: truncate and rewrite, for the harness's self-check."""
    chunks = [payload] if isinstance(payload, bytes) else payload
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CREAT, mode)
    try:
        for chunk in chunks:
            os.write(fd, chunk)
    finally:
        os.close(fd)


# Two saves: a crash in the second must keep the first, which the writer had confirmed.
SAVES = 2


def confirm(*words: object) -> None:
    print("OK", *words, flush=True)


def run(op: str, folder: Path) -> None:
    if op == "migrate":
        Store.open(folder)
        confirm("migrate", "-", "-")
        return
    store = Store.open(folder)
    targets = sorted(store.snapshot().members, key=lambda m: m.name)[:SAVES]
    for n in range(SAVES):
        try:
            if op == "insert":
                member = store.add(Member(name=f"新党员{n}", note=f"插入{n}"))
                confirm("insert", member.id, member.note)
            elif op == "update":
                member = targets[n]
                member.note = f"已修改{n}"
                store.save(member)
                confirm("update", member.id, member.note)
            elif op == "delete":
                store.remove(Member.TABLE, targets[n].id)
                confirm("delete", targets[n].id, "-")
        except Exception as exc:
            print("ERR", type(exc).__name__, flush=True)


if __name__ == "__main__":
    if os.environ.get("CRASH_WRITER_IN_PLACE") == "1":
        store_module.write_atomic = write_in_place  # type: ignore[assignment]
    run(sys.argv[1], Path(sys.argv[2]))
